package eip712

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Domain parameters fixed by PROTOCOL §6.
const (
	DomainName    = "LakeTravis"
	DomainVersion = "2"
	// RetiredDomainVersion is the protocol v1 domain version. Messages signed under it are refused with
	// ErrRetiredVersion (v1 RFCs and tickets lack sessionKey and useDeposit: PROTOCOL §6 v2).
	RetiredDomainVersion = "1"
)

// Domain is the EIP-712 domain of one deployment: DomainName, DomainVersion, a chain id and the
// Marketplace address. Its separator is computed once by NewDomain. A Domain is safe for concurrent
// use; it must not be copied after first use (it owns a pool of hashers).
type Domain struct {
	chainID           uint64
	verifyingContract common.Address
	separator         common.Hash
	v1Separator       common.Hash // the same domain under RetiredDomainVersion, to name it in errors

	// hashers pools *hasher values so that Digest allocates nothing.
	hashers sync.Pool
}

// NewDomain returns the domain for the Marketplace at verifyingContract on chain chainID.
//
// The chain id is a uint64: every deployed chain id fits (EIP-2294 caps them well below 2^64), and the
// typed-data document can then carry it as a JSON number, which wallets compare with the active chain.
func NewDomain(chainID uint64, verifyingContract common.Address) *Domain {
	d := &Domain{chainID: chainID, verifyingContract: verifyingContract}
	d.hashers.New = func() any { return &hasher{k: crypto.NewKeccakState()} }

	// hashStruct(EIP712Domain) = keccak256(typeHash || keccak256(name) || keccak256(version) ||
	// chainId || verifyingContract); strings are encoded as the hash of their bytes.
	var buf [5 * 32]byte
	copy(buf[0:32], domainTypeHash)
	copy(buf[32:64], domainNameHash)
	copy(buf[64:96], domainVersionHash)
	putUint(buf[96:128], chainID)
	putAddress(buf[128:160], verifyingContract)
	d.separator = crypto.Keccak256Hash(buf[:])
	copy(buf[64:96], domainV1VersionHash)
	d.v1Separator = crypto.Keccak256Hash(buf[:])
	return d
}

// ChainID returns the domain's chain id.
func (d *Domain) ChainID() uint64 { return d.chainID }

// VerifyingContract returns the domain's verifying contract, the Marketplace address.
func (d *Domain) VerifyingContract() common.Address { return d.verifyingContract }

// Separator returns the domain separator, hashStruct(EIP712Domain).
func (d *Domain) Separator() common.Hash { return d.separator }

// Digest returns the EIP-712 digest of m under d, the 32 bytes that are signed:
//
//	keccak256("\x19\x01" || d.Separator() || StructHash(m))
//
// It does not allocate.
func (d *Domain) Digest(m Message) common.Hash {
	h := d.hashers.Get().(*hasher)
	n := m.encodeData(&h.buf)
	structHash := h.sum(h.buf[:n])
	dg := h.digest(d.separator, structHash)
	d.hashers.Put(h)
	return dg
}

// DigestOfStructHash returns keccak256("\x19\x01" || d.Separator() || structHash), for callers that
// already hold a struct hash.
func (d *Domain) DigestOfStructHash(structHash common.Hash) common.Hash {
	h := d.hashers.Get().(*hasher)
	dg := h.digest(d.separator, structHash)
	d.hashers.Put(h)
	return dg
}

// StructHash returns EIP-712 hashStruct(m) = keccak256(typeHash || encodeData(m)). It is independent of
// the domain and does not allocate.
func StructHash(m Message) common.Hash {
	h := getHasher()
	n := m.encodeData(&h.buf)
	sum := h.sum(h.buf[:n])
	putHasher(h)
	return sum
}

// Type hashes of protocol v1's RFC and SessionTicket (without sessionKey and useDeposit), kept only so
// that a v1 signature can be named as such in errors.
const (
	rfcV1TypeHash           = "\x39\x61\xec\xdc\x7b\x83\x43\x0b\x50\x7a\x0b\x2e\x93\xf7\xa9\xa0\xf7\x33\x1e\x17\x97\x96\x50\xa9\xdb\xfb\x65\x31\x98\xee\x06\x26"
	sessionTicketV1TypeHash = "\x94\xc5\x57\x32\x44\x6b\xfb\xe7\x1a\xa2\x0d\xe1\x89\x45\xff\x31\x24\x26\x2c\x2f\xf7\x65\x7d\x39\xe5\xe6\x64\x83\xb0\xfb\x88\x88"
)

// v1Digest returns the digest m had under protocol v1 (domain version "1", the v1 types), when m can be
// expressed in v1 at all (an RFC or ticket with a zero sessionKey and useDeposit false).
func (d *Domain) v1Digest(m Message) (common.Hash, bool) {
	var buf [encBufSize]byte
	n := m.encodeData(&buf)
	switch m := m.(type) {
	case *RFC:
		if m.SessionKey != (common.Address{}) || m.UseDeposit {
			return common.Hash{}, false
		}
		copy(buf[0:32], rfcV1TypeHash)
		n -= 64
	case *SessionTicket:
		if m.SessionKey != (common.Address{}) || m.UseDeposit {
			return common.Hash{}, false
		}
		copy(buf[0:32], sessionTicketV1TypeHash)
		n -= 64
	}
	return crypto.Keccak256Hash([]byte{0x19, 0x01}, d.v1Separator[:], crypto.Keccak256(buf[:n])), true
}

// hashers is the package-wide pool behind StructHash, Recover and address checksums (a Domain keeps
// its own, so that one busy domain does not drain another's).
var hashers = sync.Pool{New: func() any { return &hasher{k: crypto.NewKeccakState()} }}

func getHasher() *hasher  { return hashers.Get().(*hasher) }
func putHasher(h *hasher) { hashers.Put(h) }

// hasher is a keccak state plus scratch space. Input and output live inside the (heap-allocated)
// hasher, so nothing escapes through the KeccakState interface and hashing allocates nothing.
type hasher struct {
	k   crypto.KeccakState
	buf [encBufSize]byte
	out common.Hash
}

// sum returns keccak256(b).
func (h *hasher) sum(b []byte) common.Hash {
	h.k.Reset()
	h.k.Write(b)
	h.k.Read(h.out[:])
	return h.out
}

// address returns the Ethereum address of the uncompressed public key pub (0x04 || X || Y):
// keccak256(X || Y)[12:].
func (h *hasher) address(pub []byte) common.Address {
	sum := h.sum(pub[1:65])
	return common.Address(sum[12:])
}

// digest returns keccak256("\x19\x01" || separator || structHash).
func (h *hasher) digest(separator, structHash common.Hash) common.Hash {
	h.buf[0], h.buf[1] = 0x19, 0x01
	copy(h.buf[2:34], separator[:])
	copy(h.buf[34:66], structHash[:])
	return h.sum(h.buf[:66])
}
