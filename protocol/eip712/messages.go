package eip712

import (
	"encoding/binary"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// EIP-712 type strings, exactly as PROTOCOL §6 fixes them. Their keccak256 are the type hashes below.
const (
	DomainType        = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
	RFCType           = "RFC(address user,bytes32 modelId,uint256 maxPricePerSecond,uint32 maxSeconds,uint32 minTps,uint32 maxTtftMs,uint64 nonce,uint64 deadline,address sessionKey,bool useDeposit)"
	SessionTicketType = "SessionTicket(bytes32 sessionId,address user,address provider,bytes32 modelId,uint256 pricePerSecond,uint32 maxSeconds,uint64 notAfter,address sessionKey,bool useDeposit)"
	UsageReceiptType  = "UsageReceipt(bytes32 sessionId,uint32 seconds,uint32 inputTokens,uint32 outputTokens,uint32 ttftMs)"
	LivenessType      = "Liveness(address provider,bytes32 challenge,uint64 timestamp)"
	// SignerClaimType is not a §6 message between roles: a provider's signer key signs it for the Marketplace,
	// which binds the key to the provider only with it (register, registerWithPermit, updateProvider;
	// protocol/README.md "Signer claim").
	SignerClaimType = "SignerClaim(address provider,address signer)"
)

// keccak256 of the type strings above and of the domain name and version, as 32-byte string constants
// (no package state, no init work). TestTypeHashConstants recomputes every one of them.
const (
	domainTypeHash        = "\x8b\x73\xc3\xc6\x9b\xb8\xfe\x3d\x51\x2e\xcc\x4c\xf7\x59\xcc\x79\x23\x9f\x7b\x17\x9b\x0f\xfa\xca\xa9\xa7\x5d\x52\x2b\x39\x40\x0f"
	rfcTypeHash           = "\x36\x8f\x22\x5b\x0a\x26\x3e\xaf\x1e\x16\x4d\x01\x63\x4c\x39\xee\x9c\x96\x94\xcf\x78\x7c\x28\x9d\x20\xd4\x70\x4f\xe6\xe4\x97\xb9"
	sessionTicketTypeHash = "\xaf\x66\x16\x81\xa7\xfb\x61\xef\x33\xf7\xe0\x73\xb2\x93\x95\xc9\x3c\x2a\x2a\x10\xfd\x84\x0e\x76\x9a\xc1\xcb\x46\x12\x28\x54\x5f"
	usageReceiptTypeHash  = "\xc4\x2b\xa5\xe9\x49\x01\x66\x33\x64\x4a\x5c\x8d\x28\xa1\x52\xbe\x6a\x62\x99\x04\x10\x4c\x1e\x69\x73\x60\xd5\x3f\x77\x46\xd7\xe2"
	signerClaimTypeHash   = "\x98\xa1\xfe\xce\x92\xd5\x32\xe0\xa3\xd9\x4d\x65\x02\x9b\xb4\xe2\x63\x83\xc8\x59\x5c\x62\x44\xc9\x29\xea\x07\x6d\xf8\x3d\x3c\xca"
	livenessTypeHash      = "\x5e\xa1\x23\x5f\x24\x2c\x18\x65\x9b\x6d\x5b\xe8\x94\x36\x9a\x4c\x94\x64\xc0\x74\x02\x79\x23\x21\xe0\x62\xfd\x26\x52\x06\xc1\x9b"
	domainNameHash        = "\x12\x79\x3d\x87\x21\x18\x1d\x99\xc5\xc1\x1e\xb3\x20\x1c\xac\x58\xa4\xb8\x86\x6c\x6e\x1f\x73\x68\x8f\x30\x58\xe0\x60\xae\x83\xf2"
	domainVersionHash     = "\xad\x7c\x5b\xef\x02\x78\x16\xa8\x00\xda\x17\x36\x44\x4f\xb5\x8a\x80\x7e\xf4\xc9\x60\x3b\x78\x48\x67\x3f\x7e\x3a\x68\xeb\x14\xa5"
	// domainV1VersionHash is keccak256("1"), the retired version, kept only to name it in errors.
	domainV1VersionHash = "\xc8\x9e\xfd\xaa\x54\xc0\xf2\x0c\x7a\xdf\x61\x28\x82\xdf\x09\x50\xf5\xa9\x51\x63\x7e\x03\x07\xcd\xcb\x4c\x67\x2f\x29\x8b\x8b\xc6"
)

// encBufSize is the largest encodeData output: the RFC's type hash plus ten 32-byte words.
const encBufSize = 11 * 32

// Message is one of the PROTOCOL §6 structs: *RFC, *SessionTicket, *UsageReceipt or *Liveness, or the
// Marketplace's *SignerClaim.
// The interface is sealed; other packages cannot add message types.
type Message interface {
	// PrimaryType returns the EIP-712 type name ("RFC", "SessionTicket", ...).
	PrimaryType() string
	// TypeString returns the full EIP-712 type string, e.g. RFCType.
	TypeString() string

	// encodeData writes typeHash || encodeData(message) (EIP-712 hashStruct's preimage) to the
	// front of buf and returns its length.
	encodeData(buf *[encBufSize]byte) int
	// fields describes the message field by field, in type-string order, bound to the receiver.
	fields() []field
	// fieldNames returns the field names in type-string order (a shared slice: do not modify).
	fieldNames() []string
	// decodeField strictly parses the canonical text s into field i (in fieldNames order).
	decodeField(i int, s []byte) error
	// boolField returns the index of the message's bool field (a JSON literal, not a string), or -1.
	boolField() int
}

// Field names of each message, in type-string order: the decoder's tables, allocated once.
// TestFieldTables checks them against fields().
var (
	rfcFieldNames           = []string{"user", "modelId", "maxPricePerSecond", "maxSeconds", "minTps", "maxTtftMs", "nonce", "deadline", "sessionKey", "useDeposit"}
	sessionTicketFieldNames = []string{"sessionId", "user", "provider", "modelId", "pricePerSecond", "maxSeconds", "notAfter", "sessionKey", "useDeposit"}
	usageReceiptFieldNames  = []string{"sessionId", "seconds", "inputTokens", "outputTokens", "ttftMs"}
	livenessFieldNames      = []string{"provider", "challenge", "timestamp"}
	signerClaimFieldNames   = []string{"provider", "signer"}
)

// RFC is a user's Request For Compute (PROTOCOL §6, §7 step 1), signed by User.
type RFC struct {
	User              common.Address // the requesting user, who must sign the RFC
	ModelID           common.Hash    // keccak256(bytes("name:tag")), PROTOCOL §5
	MaxPricePerSecond uint256.Int    // highest acceptable price, MOR-wei per second
	MaxSeconds        uint32         // session length the user asks for
	MinTPS            uint32         // minimum observed tokens per second, 0 = any
	MaxTTFTMs         uint32         // maximum observed time to first token (ms), 0 = any
	Nonce             uint64         // unique per user, in any order
	Deadline          uint64         // unix seconds; at most MaxDeadlineAhead in the future
	SessionKey        common.Address // v2: the key that signs this session's requests and receipt; zero = User
	UseDeposit        bool           // v2: what the free allowance does not cover is paid from the deposit
}

// Signer returns the address that signs the session's requests and usage receipt: SessionKey, or User
// when SessionKey is zero (PROTOCOL §6).
func (r *RFC) Signer() common.Address { return sessionSigner(r.SessionKey, r.User) }

// SessionTicket is the router's grant of a session (PROTOCOL §7 step 3), signed by the router key.
type SessionTicket struct {
	SessionID      common.Hash    // SessionID(rfcDigest, Provider)
	User           common.Address // the only user who may use the session
	Provider       common.Address // the provider serving it
	ModelID        common.Hash    // the model served
	PricePerSecond uint256.Int    // the provider's bid, MOR-wei per second
	MaxSeconds     uint32         // billable ceiling
	NotAfter       uint64         // unix seconds after which the ticket is void
	SessionKey     common.Address // v2: copied from the RFC; signs requests and the user's receipt
	UseDeposit     bool           // v2: copied from the RFC
}

// Signer returns the address that signs the session's requests and the user's side of the usage
// receipt: SessionKey, or User when SessionKey is zero (PROTOCOL §6).
func (t *SessionTicket) Signer() common.Address { return sessionSigner(t.SessionKey, t.User) }

// Cost returns the most the session can bill, pricePerSecond × maxSeconds (what a router reserves, PROTOCOL
// §7 step 3), and whether that overflows 256 bits (a price no bid reaches).
func (t *SessionTicket) Cost() (*uint256.Int, bool) {
	return new(uint256.Int).MulOverflow(&t.PricePerSecond, uint256.NewInt(uint64(t.MaxSeconds)))
}

func sessionSigner(key, user common.Address) common.Address {
	if key == (common.Address{}) {
		return user
	}
	return key
}

// UsageReceipt closes a session (PROTOCOL §7 step 5). The user's client signs it and the provider's
// signer key countersigns the same struct.
type UsageReceipt struct {
	SessionID    common.Hash // the session closed
	Seconds      uint32      // session time used
	InputTokens  uint32      // prompt tokens processed
	OutputTokens uint32      // tokens generated
	TTFTMs       uint32      // observed time to first token (ms)
}

// Liveness is a provider's answer to a router challenge (PROTOCOL §7 step 2), signed by the provider's
// registered signer key.
type Liveness struct {
	Provider  common.Address // the provider (as registered in the Marketplace)
	Challenge common.Hash    // the router's fresh random challenge
	Timestamp uint64         // unix seconds when the provider signed
}

// SignerClaim is a provider's signer key's consent to sign for Provider: the Marketplace binds Signer to
// Provider (register, registerWithPermit, updateProvider) only with Signer's signature of it, so no one
// can claim another provider's key first. It has no nonce: only Provider can submit it (the contract takes
// Provider from the transaction's sender), and the domain binds the chain and the Marketplace.
type SignerClaim struct {
	Provider common.Address // the provider (owner) account the signer will sign for
	Signer   common.Address // the signer (hot) key, which signs this claim
}

// PrimaryType returns "RFC".
func (*RFC) PrimaryType() string { return "RFC" }

// TypeString returns RFCType.
func (*RFC) TypeString() string { return RFCType }

func (r *RFC) encodeData(buf *[encBufSize]byte) int {
	copy(buf[0:32], rfcTypeHash)
	putAddress(buf[32:64], r.User)
	copy(buf[64:96], r.ModelID[:])
	r.MaxPricePerSecond.PutUint256(buf[96:128])
	putUint(buf[128:160], uint64(r.MaxSeconds))
	putUint(buf[160:192], uint64(r.MinTPS))
	putUint(buf[192:224], uint64(r.MaxTTFTMs))
	putUint(buf[224:256], r.Nonce)
	putUint(buf[256:288], r.Deadline)
	putAddress(buf[288:320], r.SessionKey)
	putBool(buf[320:352], r.UseDeposit)
	return 352
}

func (r *RFC) fields() []field {
	return []field{
		addressField("user", &r.User),
		bytes32Field("modelId", &r.ModelID),
		uint256Field("maxPricePerSecond", &r.MaxPricePerSecond),
		uint32Field("maxSeconds", &r.MaxSeconds),
		uint32Field("minTps", &r.MinTPS),
		uint32Field("maxTtftMs", &r.MaxTTFTMs),
		uint64Field("nonce", &r.Nonce),
		uint64Field("deadline", &r.Deadline),
		addressField("sessionKey", &r.SessionKey),
		boolField("useDeposit", &r.UseDeposit),
	}
}

func (*RFC) fieldNames() []string { return rfcFieldNames }

func (*RFC) boolField() int { return 9 }

func (r *RFC) decodeField(i int, s []byte) error {
	switch i {
	case 0:
		return parseAddress(s, &r.User)
	case 1:
		return parseHex(s, r.ModelID[:])
	case 2:
		return parseUint256(s, &r.MaxPricePerSecond)
	case 3:
		return parseUint32(s, &r.MaxSeconds)
	case 4:
		return parseUint32(s, &r.MinTPS)
	case 5:
		return parseUint32(s, &r.MaxTTFTMs)
	case 6:
		return parseUint64(s, &r.Nonce)
	case 7:
		return parseUint64(s, &r.Deadline)
	case 8:
		return parseAddress(s, &r.SessionKey)
	case 9:
		return parseBool(s, &r.UseDeposit)
	}
	panic(fmt.Sprintf("eip712: RFC has no field %d", i))
}

// PrimaryType returns "SessionTicket".
func (*SessionTicket) PrimaryType() string { return "SessionTicket" }

// TypeString returns SessionTicketType.
func (*SessionTicket) TypeString() string { return SessionTicketType }

func (t *SessionTicket) encodeData(buf *[encBufSize]byte) int {
	copy(buf[0:32], sessionTicketTypeHash)
	copy(buf[32:64], t.SessionID[:])
	putAddress(buf[64:96], t.User)
	putAddress(buf[96:128], t.Provider)
	copy(buf[128:160], t.ModelID[:])
	t.PricePerSecond.PutUint256(buf[160:192])
	putUint(buf[192:224], uint64(t.MaxSeconds))
	putUint(buf[224:256], t.NotAfter)
	putAddress(buf[256:288], t.SessionKey)
	putBool(buf[288:320], t.UseDeposit)
	return 320
}

func (t *SessionTicket) fields() []field {
	return []field{
		bytes32Field("sessionId", &t.SessionID),
		addressField("user", &t.User),
		addressField("provider", &t.Provider),
		bytes32Field("modelId", &t.ModelID),
		uint256Field("pricePerSecond", &t.PricePerSecond),
		uint32Field("maxSeconds", &t.MaxSeconds),
		uint64Field("notAfter", &t.NotAfter),
		addressField("sessionKey", &t.SessionKey),
		boolField("useDeposit", &t.UseDeposit),
	}
}

func (*SessionTicket) fieldNames() []string { return sessionTicketFieldNames }

func (*SessionTicket) boolField() int { return 8 }

func (t *SessionTicket) decodeField(i int, s []byte) error {
	switch i {
	case 0:
		return parseHex(s, t.SessionID[:])
	case 1:
		return parseAddress(s, &t.User)
	case 2:
		return parseAddress(s, &t.Provider)
	case 3:
		return parseHex(s, t.ModelID[:])
	case 4:
		return parseUint256(s, &t.PricePerSecond)
	case 5:
		return parseUint32(s, &t.MaxSeconds)
	case 6:
		return parseUint64(s, &t.NotAfter)
	case 7:
		return parseAddress(s, &t.SessionKey)
	case 8:
		return parseBool(s, &t.UseDeposit)
	}
	panic(fmt.Sprintf("eip712: SessionTicket has no field %d", i))
}

// PrimaryType returns "UsageReceipt".
func (*UsageReceipt) PrimaryType() string { return "UsageReceipt" }

// TypeString returns UsageReceiptType.
func (*UsageReceipt) TypeString() string { return UsageReceiptType }

func (u *UsageReceipt) encodeData(buf *[encBufSize]byte) int {
	copy(buf[0:32], usageReceiptTypeHash)
	copy(buf[32:64], u.SessionID[:])
	putUint(buf[64:96], uint64(u.Seconds))
	putUint(buf[96:128], uint64(u.InputTokens))
	putUint(buf[128:160], uint64(u.OutputTokens))
	putUint(buf[160:192], uint64(u.TTFTMs))
	return 192
}

func (u *UsageReceipt) fields() []field {
	return []field{
		bytes32Field("sessionId", &u.SessionID),
		uint32Field("seconds", &u.Seconds),
		uint32Field("inputTokens", &u.InputTokens),
		uint32Field("outputTokens", &u.OutputTokens),
		uint32Field("ttftMs", &u.TTFTMs),
	}
}

func (*UsageReceipt) fieldNames() []string { return usageReceiptFieldNames }

func (*UsageReceipt) boolField() int { return -1 }

func (u *UsageReceipt) decodeField(i int, s []byte) error {
	switch i {
	case 0:
		return parseHex(s, u.SessionID[:])
	case 1:
		return parseUint32(s, &u.Seconds)
	case 2:
		return parseUint32(s, &u.InputTokens)
	case 3:
		return parseUint32(s, &u.OutputTokens)
	case 4:
		return parseUint32(s, &u.TTFTMs)
	}
	panic(fmt.Sprintf("eip712: UsageReceipt has no field %d", i))
}

// PrimaryType returns "Liveness".
func (*Liveness) PrimaryType() string { return "Liveness" }

// TypeString returns LivenessType.
func (*Liveness) TypeString() string { return LivenessType }

func (l *Liveness) encodeData(buf *[encBufSize]byte) int {
	copy(buf[0:32], livenessTypeHash)
	putAddress(buf[32:64], l.Provider)
	copy(buf[64:96], l.Challenge[:])
	putUint(buf[96:128], l.Timestamp)
	return 128
}

func (l *Liveness) fields() []field {
	return []field{
		addressField("provider", &l.Provider),
		bytes32Field("challenge", &l.Challenge),
		uint64Field("timestamp", &l.Timestamp),
	}
}

func (*Liveness) fieldNames() []string { return livenessFieldNames }

func (*Liveness) boolField() int { return -1 }

func (l *Liveness) decodeField(i int, s []byte) error {
	switch i {
	case 0:
		return parseAddress(s, &l.Provider)
	case 1:
		return parseHex(s, l.Challenge[:])
	case 2:
		return parseUint64(s, &l.Timestamp)
	}
	panic(fmt.Sprintf("eip712: Liveness has no field %d", i))
}

// PrimaryType returns "SignerClaim".
func (*SignerClaim) PrimaryType() string { return "SignerClaim" }

// TypeString returns SignerClaimType.
func (*SignerClaim) TypeString() string { return SignerClaimType }

func (c *SignerClaim) encodeData(buf *[encBufSize]byte) int {
	copy(buf[0:32], signerClaimTypeHash)
	putAddress(buf[32:64], c.Provider)
	putAddress(buf[64:96], c.Signer)
	return 96
}

func (c *SignerClaim) fields() []field {
	return []field{
		addressField("provider", &c.Provider),
		addressField("signer", &c.Signer),
	}
}

func (*SignerClaim) fieldNames() []string { return signerClaimFieldNames }

func (*SignerClaim) boolField() int { return -1 }

func (c *SignerClaim) decodeField(i int, s []byte) error {
	switch i {
	case 0:
		return parseAddress(s, &c.Provider)
	case 1:
		return parseAddress(s, &c.Signer)
	}
	panic(fmt.Sprintf("eip712: SignerClaim has no field %d", i))
}

// putAddress writes a as an ABI word: 12 zero bytes, then the 20 address bytes.
func putAddress(word []byte, a common.Address) {
	clear(word[:12])
	copy(word[12:32], a[:])
}

// putBool writes b as an ABI word: 1 for true, 0 for false.
func putBool(word []byte, b bool) {
	clear(word[:31])
	word[31] = 0
	if b {
		word[31] = 1
	}
}

// putUint writes v as a big-endian ABI word (uint32 and uint64 are zero-extended to 256 bits).
func putUint(word []byte, v uint64) {
	clear(word[:24])
	binary.BigEndian.PutUint64(word[24:32], v)
}

// MaxDeadlineAhead is how far in the future an RFC deadline may lie (PROTOCOL §6).
const MaxDeadlineAhead = 10 * time.Minute

// CheckDeadline applies PROTOCOL §6's deadline rule at time now: the RFC is live while
// now <= Deadline <= now + MaxDeadlineAhead. It returns ErrExpired once the deadline has passed and
// ErrDeadlineTooFar (which wraps ErrMalformed) if it lies too far ahead.
func (r *RFC) CheckDeadline(now time.Time) error {
	t := now.Unix()
	if t < 0 {
		t = 0 // a clock before 1970 is a bug elsewhere; treat it as the epoch rather than wrap around
	}
	unix := uint64(t)
	switch {
	case r.Deadline < unix:
		return fmt.Errorf("%w: deadline %d is before now (%d)", ErrExpired, r.Deadline, unix)
	case r.Deadline-unix > uint64(MaxDeadlineAhead/time.Second):
		return fmt.Errorf("%w: deadline %d, now %d", ErrDeadlineTooFar, r.Deadline, unix)
	}
	return nil
}
