package eip712

import (
	"crypto/ecdsa"
	"encoding/hex"
	"errors"
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// SignatureLength is the length of a signature: [R || S || V], 32 + 32 + 1 bytes.
const SignatureLength = 65

// secp256k1 group order n and n/2, big-endian, as 32-byte string constants.
const (
	secp256k1N     = "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xba\xae\xdc\xe6\xaf\x48\xa0\x3b\xbf\xd2\x5e\x8c\xd0\x36\x41\x41"
	secp256k1HalfN = "\x7f\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x5d\x57\x6e\x73\x57\xa4\x50\x1d\xdf\xe9\x2f\x46\x68\x1b\x20\xa0"
)

// Signature is a 65-byte secp256k1 signature [R || S || V]: R and S big-endian, V the recovery id.
// Signatures made by Sign carry V in {27, 28}, the form eth_signTypedData_v4 wallets return.
// In JSON (and as text) it is "0x" followed by exactly 130 hex digits.
type Signature [SignatureLength]byte

// String returns the 0x-hex form.
func (s Signature) String() string { return "0x" + hex.EncodeToString(s[:]) }

// MarshalText returns the 0x-hex form.
func (s Signature) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText parses "0x" followed by exactly 130 hex digits (either case). Errors wrap ErrMalformed
// and leave s unchanged.
func (s *Signature) UnmarshalText(text []byte) error {
	var v Signature
	if err := parseHex(text, v[:]); err != nil {
		return fmt.Errorf("%w: signature: %w", ErrMalformed, err)
	}
	*s = v
	return nil
}

// Sign signs digest with key and returns [R || S || V] with V in {27, 28} and S in the lower half of
// the curve order, byte for byte what eth_signTypedData_v4 wallets and `cast wallet sign` return for
// the same typed data (secp256k1 signing here is deterministic, RFC 6979).
func Sign(digest common.Hash, key *ecdsa.PrivateKey) (Signature, error) {
	var sig Signature
	if key == nil {
		return sig, errors.New("eip712: sign: nil private key")
	}
	b, err := crypto.Sign(digest[:], key)
	if err != nil {
		return sig, fmt.Errorf("eip712: sign: %w", err)
	}
	copy(sig[:], b)
	sig[64] += 27
	return sig, nil
}

// Recover returns the address that signed digest. sig must be 65 bytes [R || S || V] with V in
// {0, 1, 27, 28}, 0 < R < n and 0 < S <= n/2 (EIP-2: high-S signatures are malleable and rejected, as
// OpenZeppelin's ECDSA.recover does). Errors wrap ErrSignatureLength, ErrSignatureV,
// ErrSignatureValues, ErrSignatureHighS or, for a point that does not recover, ErrBadSignature.
func Recover(digest common.Hash, sig []byte) (common.Address, error) {
	if len(sig) != SignatureLength {
		return common.Address{}, fmt.Errorf("%w (got %d)", ErrSignatureLength, len(sig))
	}
	v := sig[64]
	switch v {
	case 0, 1:
	case 27, 28:
		v -= 27
	default:
		return common.Address{}, fmt.Errorf("%w (got %d)", ErrSignatureV, sig[64])
	}
	// Big-endian byte strings of equal length compare like the numbers they encode. The string
	// conversions below are comparisons only and do not allocate.
	if [32]byte(sig[0:32]) == [32]byte{} || string(sig[0:32]) >= secp256k1N || [32]byte(sig[32:64]) == [32]byte{} {
		return common.Address{}, ErrSignatureValues
	}
	if string(sig[32:64]) > secp256k1HalfN {
		return common.Address{}, ErrSignatureHighS
	}
	// The inputs handed to libsecp256k1 live in pooled scratch space: arguments of a cgo call escape,
	// so stack copies would cost two allocations per call.
	sc := recoverers.Get().(*recoverer)
	defer recoverers.Put(sc)
	sc.digest = digest
	copy(sc.sig[:64], sig)
	sc.sig[64] = v
	pub, err := crypto.Ecrecover(sc.digest[:], sc.sig[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	return sc.h.address(pub), nil
}

// recoverer is Recover's scratch space: libsecp256k1's inputs and a keccak state for the address.
type recoverer struct {
	digest common.Hash
	sig    [SignatureLength]byte
	h      hasher
}

var recoverers = sync.Pool{New: func() any { return &recoverer{h: hasher{k: crypto.NewKeccakState()}} }}

// SessionID returns keccak256(abi.encode(rfcDigest, provider)) (PROTOCOL §6): the id of the session
// that provider serves for the RFC with EIP-712 digest rfcDigest. A retried RFC maps to the same id.
func SessionID(rfcDigest common.Hash, provider common.Address) common.Hash {
	h := getHasher()
	copy(h.buf[0:32], rfcDigest[:])
	putAddress(h.buf[32:64], provider)
	id := h.sum(h.buf[:64])
	putHasher(h)
	return id
}

// Sign returns the signature of m under d by key; see the package function Sign.
func (d *Domain) Sign(m Message, key *ecdsa.PrivateKey) (Signature, error) {
	return Sign(d.Digest(m), key)
}

// Recover returns the signer of m under d, and m's digest; see the package function Recover.
func (d *Domain) Recover(m Message, sig []byte) (signer common.Address, digest common.Hash, err error) {
	digest = d.Digest(m)
	signer, err = Recover(digest, sig)
	return signer, digest, err
}

// Verify checks that sig is want's signature of m under d and returns m's digest. A valid signature by
// someone else gives an error wrapping ErrWrongSigner.
func (d *Domain) Verify(m Message, sig []byte, want common.Address) (common.Hash, error) {
	signer, digest, err := d.Recover(m, sig)
	if err != nil {
		return digest, err
	}
	if signer != want {
		if v1, ok := d.v1Digest(m); ok {
			if s1, err := Recover(v1, sig); err == nil && s1 == want {
				return digest, fmt.Errorf("%w: %w", ErrWrongSigner, ErrRetiredVersion)
			}
		}
		return digest, fmt.Errorf("%w: %s signed, want %s", ErrWrongSigner, signer, want)
	}
	return digest, nil
}
