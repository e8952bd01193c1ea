package client

import (
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
)

// RFCDeadline is how far ahead NewRFC sets an RFC's deadline (PROTOCOL §6 allows up to 10 minutes).
const RFCDeadline = 5 * time.Minute

// ErrBadModel is returned for a model name that is not "name:tag".
var ErrBadModel = errors.New("client: model must be name:tag")

// ParseModel checks a Docker-style "name:tag" model name and returns its model id,
// keccak256(bytes("name:tag")) (PROTOCOL §5). The name may contain '/' (a namespace); the tag may not.
func ParseModel(nameTag string) (common.Hash, error) {
	if err := CheckModel(nameTag); err != nil {
		return common.Hash{}, err
	}
	return ids.ModelID(nameTag), nil
}

// CheckModel is ParseModel's check of a "name:tag" without computing the model's id (a keccak): the
// gateway checks every request's model with it.
func CheckModel(nameTag string) error {
	i := strings.LastIndexByte(nameTag, ':')
	if i <= 0 || i == len(nameTag)-1 || strings.ContainsRune(nameTag[i+1:], '/') {
		return fmt.Errorf("%w: %q", ErrBadModel, nameTag)
	}
	for _, c := range nameTag {
		if c <= ' ' || c == 0x7f {
			return fmt.Errorf("%w: %q contains a space or control character", ErrBadModel, nameTag)
		}
	}
	return nil
}

// RFCParams are the user's choices for one Request For Compute.
type RFCParams struct {
	Model             string       // "name:tag"
	MaxPricePerSecond *uint256.Int // highest acceptable price, MOR-wei per second
	MaxSeconds        uint32       // session length asked for
	MinTPS            uint32       // minimum observed tokens per second, 0 = any
	MaxTTFTMs         uint32       // maximum observed time to first token (ms), 0 = any
	// UseDeposit consents that what the free allowance does not cover is paid from the user's MOR deposit
	// in the ComputePool (PROTOCOL §4 "Paid usage", §6). Off by default: without it a router refuses what
	// the allowance does not cover.
	UseDeposit bool
}

// NewRFC builds the RFC of user for p at time now: model id from p.Model, a random 64-bit nonce
// (PROTOCOL §6: unique per user, any order) and a deadline RFCDeadline after now.
func NewRFC(user common.Address, p RFCParams, now time.Time) (eip712.RFC, error) {
	id, err := ParseModel(p.Model)
	if err != nil {
		return eip712.RFC{}, err
	}
	if p.MaxPricePerSecond == nil {
		return eip712.RFC{}, errors.New("client: RFC needs a maximum price per second")
	}
	if p.MaxSeconds == 0 {
		return eip712.RFC{}, errors.New("client: RFC needs maxSeconds > 0")
	}
	nonce, err := randomNonce()
	if err != nil {
		return eip712.RFC{}, err
	}
	return eip712.RFC{
		User:              user,
		ModelID:           id,
		MaxPricePerSecond: *p.MaxPricePerSecond,
		MaxSeconds:        p.MaxSeconds,
		MinTPS:            p.MinTPS,
		MaxTTFTMs:         p.MaxTTFTMs,
		UseDeposit:        p.UseDeposit,
		Nonce:             nonce,
		Deadline:          uint64(now.Add(RFCDeadline).Unix()),
	}, nil
}

// SignRFC signs rfc with key under domain. The key must be rfc.User's.
func SignRFC(domain *eip712.Domain, rfc eip712.RFC, key *ecdsa.PrivateKey) (eip712.SignedRFC, error) {
	if key == nil {
		return eip712.SignedRFC{}, errors.New("client: sign RFC: no key")
	}
	if a := crypto.PubkeyToAddress(key.PublicKey); a != rfc.User {
		return eip712.SignedRFC{}, fmt.Errorf("client: sign RFC: key is %s, RFC user is %s", a, rfc.User)
	}
	sig, err := domain.Sign(&rfc, key)
	if err != nil {
		return eip712.SignedRFC{}, fmt.Errorf("client: sign RFC: %w", err)
	}
	return eip712.SignedRFC{RFC: rfc, Signature: sig}, nil
}

func randomNonce() (uint64, error) {
	var b [8]byte
	if _, err := rand.Read(b[:]); err != nil {
		return 0, fmt.Errorf("client: nonce: %w", err)
	}
	return binary.BigEndian.Uint64(b[:]), nil
}
