// Package contenthash is the PROTOCOL §5 rule between a model's on-chain content hash and the IPFS CID of
// its weights: the content hash is the sha2-256 digest inside the CID of a UnixFS (dag-pb) root, so the
// CIDv1 is base32("b", 0x01 0x70 0x12 0x20 || contentHash) ("bafy…"). Builders, providers, the router and
// the page convert with these functions and never compare CID text directly.
package contenthash

import (
	"encoding/base32"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// prefix is CIDv1 (0x01), dag-pb (0x70), multihash sha2-256 (0x12) of 32 bytes (0x20).
var prefix = []byte{0x01, 0x70, 0x12, 0x20}

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// ErrNotDagPB is returned for a well-formed CID that is not a CIDv1 dag-pb sha2-256 root (for example a raw
// leaf, another hash function or a CIDv0): such content cannot be what a registry entry names.
var ErrNotDagPB = errors.New("contenthash: not a CIDv1 dag-pb sha2-256 CID")

// CID is the CIDv1 text (multibase base32, lower case) of the UnixFS root whose digest is h.
func CID(h common.Hash) string {
	return "b" + strings.ToLower(b32.EncodeToString(append(append([]byte{}, prefix...), h[:]...)))
}

// Parse returns the content hash inside a CIDv1 dag-pb sha2-256 CID in base32 text ("bafy…").
func Parse(cid string) (common.Hash, error) {
	if !strings.HasPrefix(cid, "b") {
		return common.Hash{}, fmt.Errorf("%w: %q is not base32 CIDv1 text", ErrNotDagPB, cid)
	}
	raw, err := b32.DecodeString(strings.ToUpper(cid[1:]))
	if err != nil {
		return common.Hash{}, fmt.Errorf("contenthash: %q: %w", cid, err)
	}
	if len(raw) != len(prefix)+32 || string(raw[:len(prefix)]) != string(prefix) {
		return common.Hash{}, fmt.Errorf("%w: %q", ErrNotDagPB, cid)
	}
	return common.BytesToHash(raw[len(prefix):]), nil
}
