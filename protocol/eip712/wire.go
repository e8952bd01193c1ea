package eip712

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/bits"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// MaxWireSize bounds the JSON accepted by the Decode functions. A signed RFC is about 500 bytes;
// the bound leaves room for whitespace while keeping a hostile body cheap to reject.
const MaxWireSize = 4096

// Canonical text forms, used both on the wire and in eth_signTypedData_v4 messages:
//
//   - uint32, uint64, uint256: a JSON string of decimal digits, no sign, no leading zeros ("0" is
//     zero), within the type's range.
//   - address: "0x" and 40 hex digits, either all one case or with a valid EIP-55 checksum. Encoded
//     with the EIP-55 checksum.
//   - bytes32 and signatures: "0x" and exactly 64 (130) hex digits of either case. Encoded lowercase.
//
// The decoder accepts exactly one JSON object with exactly the expected members, in any order, each
// once, whose values are strings (or, for an envelope's message member, an object); JSON whitespace
// anywhere JSON allows it; nothing after the object. Strings must be printable ASCII without escape
// sequences: no field name or value ever needs one, and refusing them leaves one spelling per value.
// JSON numbers, null, "0X" prefixes, missing prefixes, short or long hex are all rejected.

// field is one message field: its EIP-712 name and type and a pointer to the struct field holding
// the value (*common.Address, *common.Hash, *uint256.Int, *uint32 or *uint64).
type field struct {
	name string
	typ  string
	ptr  any
}

func addressField(name string, p *common.Address) field { return field{name, "address", p} }
func bytes32Field(name string, p *common.Hash) field    { return field{name, "bytes32", p} }
func uint256Field(name string, p *uint256.Int) field    { return field{name, "uint256", p} }
func uint32Field(name string, p *uint32) field          { return field{name, "uint32", p} }
func uint64Field(name string, p *uint64) field          { return field{name, "uint64", p} }
func boolField(name string, p *bool) field              { return field{name, "bool", p} }

// appendValue appends the canonical text of f's value (without quotes).
func (f field) appendValue(b []byte) []byte {
	switch p := f.ptr.(type) {
	case *common.Address:
		return append(b, p.Hex()...)
	case *common.Hash:
		b = append(b, "0x"...)
		return hex.AppendEncode(b, p[:])
	case *uint256.Int:
		return append(b, p.Dec()...)
	case *uint32:
		return strconv.AppendUint(b, uint64(*p), 10)
	case *uint64:
		return strconv.AppendUint(b, *p, 10)
	case *bool:
		return strconv.AppendBool(b, *p)
	}
	panic(fmt.Sprintf("eip712: field %s has unsupported type %T", f.name, f.ptr))
}

// parseBool accepts exactly the JSON literals true and false.
func parseBool(s []byte, p *bool) error {
	switch string(s) {
	case "true":
		*p = true
	case "false":
		*p = false
	default:
		return errors.New("want the JSON literal true or false")
	}
	return nil
}

// parseUint32 and parseUint64 strictly parse canonical decimals into *p.
func parseUint32(s []byte, p *uint32) error {
	v, err := parseUint(s, 32)
	*p = uint32(v)
	return err
}

func parseUint64(s []byte, p *uint64) error {
	v, err := parseUint(s, 64)
	*p = v
	return err
}

// checkDecimal accepts "0" or a non-empty run of decimal digits without a leading zero.
func checkDecimal(s []byte) error {
	switch {
	case len(s) == 0:
		return errors.New("empty number")
	case len(s) > 1 && s[0] == '0':
		return errors.New("leading zero")
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return errors.New("not a decimal integer")
		}
	}
	return nil
}

// parseUint parses a canonical decimal of at most bits (32 or 64) bits.
func parseUint(s []byte, bits uint) (uint64, error) {
	if err := checkDecimal(s); err != nil {
		return 0, err
	}
	limit := uint64(1)<<bits - 1 // bits == 64 wraps to all ones, as wanted
	var v uint64
	for _, c := range s {
		d := uint64(c - '0')
		if v > (limit-d)/10 {
			return 0, fmt.Errorf("out of range for uint%d", bits)
		}
		v = v*10 + d
	}
	return v, nil
}

// parseUint256 parses a canonical decimal below 2^256 into z.
func parseUint256(s []byte, z *uint256.Int) error {
	if len(s) <= 19 { // below 10^19 < 2^64: the common case, one machine word
		v, err := parseUint(s, 64)
		if err != nil {
			return err
		}
		z.SetUint64(v)
		return nil
	}
	if err := checkDecimal(s); err != nil {
		return err
	}
	var ten, d uint256.Int
	ten.SetUint64(10)
	z.Clear()
	for _, c := range s {
		d.SetUint64(uint64(c - '0'))
		if _, overflow := z.MulOverflow(z, &ten); overflow {
			return errors.New("out of range for uint256")
		}
		if _, overflow := z.AddOverflow(z, &d); overflow {
			return errors.New("out of range for uint256")
		}
	}
	return nil
}

// parseHex decodes "0x" followed by exactly 2*len(dst) hex digits (either case) into dst.
func parseHex(s []byte, dst []byte) error {
	if len(s) < 2 || s[0] != '0' || s[1] != 'x' {
		return errors.New(`missing "0x" prefix`)
	}
	if len(s)-2 != 2*len(dst) {
		return fmt.Errorf("want %d hex digits, got %d", 2*len(dst), len(s)-2)
	}
	if _, err := hex.Decode(dst, s[2:]); err != nil {
		return errors.New("invalid hex digit")
	}
	return nil
}

// parseAddress decodes a 20-byte address into a. Mixed-case input must carry a valid EIP-55
// checksum, so that a mistyped address is caught rather than silently accepted.
func parseAddress(s []byte, a *common.Address) error {
	if err := parseHex(s, a[:]); err != nil {
		return err
	}
	digits := s[2:]
	var upper, lower bool
	for _, c := range digits {
		upper = upper || ('A' <= c && c <= 'F')
		lower = lower || ('a' <= c && c <= 'f')
	}
	if upper && lower && !validChecksum(digits, a) {
		return errors.New("invalid EIP-55 checksum")
	}
	return nil
}

// validChecksum reports whether the 40 hex digits spell a with its EIP-55 checksum: a hex letter is
// upper case exactly when the matching nibble of keccak256(lower-case hex of a) is 8 or more. It is
// common.Address.Hex without the allocations.
func validChecksum(digits []byte, a *common.Address) bool {
	h := getHasher()
	lower := h.buf[:2*common.AddressLength]
	hex.Encode(lower, a[:])
	sum := h.sum(lower)
	ok := true
	for i, c := range lower {
		if c > '9' && (sum[i/2]>>(4*(1-uint(i)%2)))&0xf > 7 {
			c -= 'a' - 'A'
		}
		if digits[i] != c {
			ok = false
			break
		}
	}
	putHasher(h)
	return ok
}

// marshalMessage writes m's fields, in type order, as a JSON object of strings.
func marshalMessage(m Message) []byte {
	return appendMessage(make([]byte, 0, 512), m)
}

// AppendJSON appends m in its canonical wire form (what its MarshalJSON returns) to b: for encoders of
// bodies that carry a message and write their JSON by hand.
func AppendJSON(b []byte, m Message) []byte { return appendMessage(b, m) }

func appendMessage(b []byte, m Message) []byte {
	b = append(b, '{')
	for i, f := range m.fields() {
		if i > 0 {
			b = append(b, ',')
		}
		// Names are fixed identifiers and values are hex or decimal digits: nothing to escape. A bool is
		// a JSON literal (wallets' eth_signTypedData_v4 read the string "false" as true).
		b = append(b, '"')
		b = append(b, f.name...)
		if f.typ == "bool" {
			b = append(b, `":`...)
			b = f.appendValue(b)
			continue
		}
		b = append(b, `":"`...)
		b = f.appendValue(b)
		b = append(b, '"')
	}
	return append(b, '}')
}

// lexer is a minimal strict JSON reader for the shapes this package accepts: objects whose members
// are plain strings or nested objects. Anything else is an error, reported with its byte offset.
type lexer struct {
	data []byte
	pos  int
}

func (l *lexer) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", l.pos, fmt.Sprintf(format, args...))
}

func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		switch l.data[l.pos] {
		case ' ', '\t', '\n', '\r':
			l.pos++
		default:
			return
		}
	}
}

// peek returns the next non-space byte without consuming it, or 0 at the end of input.
func (l *lexer) peek() byte {
	l.skipSpace()
	if l.pos == len(l.data) {
		return 0
	}
	return l.data[l.pos]
}

func (l *lexer) expect(c byte) error {
	if got := l.peek(); got != c {
		if got == 0 {
			return l.errorf("unexpected end of input, want %q", c)
		}
		return l.errorf("unexpected %q, want %q", got, c)
	}
	l.pos++
	return nil
}

// str reads a string and returns its contents, a sub-slice of the input.
func (l *lexer) str() ([]byte, error) {
	if err := l.expect('"'); err != nil {
		return nil, err
	}
	start := l.pos
	rest := l.data[start:]
	n := bytes.IndexByte(rest, '"')
	if n < 0 {
		n = len(rest)
	}
	for i, c := range rest[:n] {
		if c-0x20 > 0x7e-0x20 || c == '\\' { // one unsigned compare covers c < 0x20 and c > 0x7e
			l.pos = start + i
			if c == '\\' {
				return nil, l.errorf("escape sequences are not accepted")
			}
			return nil, l.errorf("byte 0x%02x in a string: only printable ASCII is accepted", c)
		}
	}
	if n == len(rest) {
		l.pos = len(l.data)
		return nil, l.errorf("unterminated string")
	}
	l.pos = start + n + 1
	return rest[:n], nil
}

// object reads an object with exactly the members names (at most 64), in any order; value(i) reads
// the value of names[i]. Unknown, duplicate and missing members are errors.
func (l *lexer) object(names []string, value func(i int) error) error {
	if err := l.expect('{'); err != nil {
		return err
	}
	var seen uint64
	if l.peek() != '}' {
		for {
			key, err := l.str()
			if err != nil {
				return err
			}
			i := 0
			for i < len(names) && names[i] != string(key) {
				i++
			}
			if i == len(names) {
				return l.errorf("unknown field %s", quoteShort(key))
			}
			if seen&(1<<i) != 0 {
				return l.errorf("duplicate field %q", key)
			}
			seen |= 1 << i
			if err := l.expect(':'); err != nil {
				return err
			}
			if err := value(i); err != nil {
				return fmt.Errorf("%s: %w", key, err)
			}
			if l.peek() != ',' {
				break
			}
			l.pos++
		}
	}
	if err := l.expect('}'); err != nil {
		return err
	}
	if missing := ^seen & (1<<len(names) - 1); missing != 0 {
		return missingField(names[bits.TrailingZeros64(missing)])
	}
	return nil
}

// missingField is the error for an object without one of its members.
type missingField string

func (m missingField) Error() string { return fmt.Sprintf("missing field %q", string(m)) }

// literal reads a bare JSON literal (true or false) and returns it.
func (l *lexer) literal() ([]byte, error) {
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.data) && 'a' <= l.data[l.pos] && l.data[l.pos] <= 'z' {
		l.pos++
	}
	if l.pos == start {
		if l.pos == len(l.data) {
			return nil, l.errorf("unexpected end of input, want true or false")
		}
		return nil, l.errorf("unexpected %q, want true or false", l.data[l.pos])
	}
	return l.data[start:l.pos], nil
}

// message reads a message object into m.
// A v2 RFC or ticket without sessionKey or useDeposit is a protocol v1 message: the error names the
// version (ErrRetiredVersion).
func (l *lexer) message(m Message) error {
	b := m.boolField()
	err := l.object(m.fieldNames(), func(i int) error {
		read := l.str
		if i == b {
			read = l.literal
		}
		s, err := read()
		if err != nil {
			return err
		}
		return m.decodeField(i, s)
	})
	var mf missingField
	if errors.As(err, &mf) && (mf == "sessionKey" || mf == "useDeposit") {
		return fmt.Errorf("%w: %w", ErrRetiredVersion, err)
	}
	return err
}

// end checks that only whitespace remains.
func (l *lexer) end() error {
	if l.peek() != 0 {
		return l.errorf("data after the JSON object")
	}
	return nil
}

// decodeStrict runs read over data, which must then be exhausted. Every error wraps ErrMalformed.
func decodeStrict(data []byte, read func(l *lexer) error) error {
	l := lexer{data: data}
	if err := read(&l); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	if err := l.end(); err != nil {
		return fmt.Errorf("%w: %w", ErrMalformed, err)
	}
	return nil
}

// quoteShort quotes s for an error message, cut to a readable length.
func quoteShort(s []byte) string {
	const limit = 64
	if len(s) > limit {
		return strconv.Quote(string(s[:limit])) + "..."
	}
	return strconv.Quote(string(s))
}

// unmarshalMessage strictly decodes a message object into m.
func unmarshalMessage(data []byte, m Message) error {
	return decodeStrict(data, func(l *lexer) error { return l.message(m) })
}

// MarshalJSON encodes the RFC in its canonical wire form (see the package documentation).
func (r RFC) MarshalJSON() ([]byte, error) { return marshalMessage(&r), nil }

// UnmarshalJSON strictly decodes the wire form; errors wrap ErrMalformed and leave r unchanged.
func (r *RFC) UnmarshalJSON(data []byte) error {
	var v RFC
	if err := unmarshalMessage(data, &v); err != nil {
		return err
	}
	*r = v
	return nil
}

// MarshalJSON encodes the ticket in its canonical wire form.
func (t SessionTicket) MarshalJSON() ([]byte, error) { return marshalMessage(&t), nil }

// UnmarshalJSON strictly decodes the wire form; errors wrap ErrMalformed and leave t unchanged.
func (t *SessionTicket) UnmarshalJSON(data []byte) error {
	var v SessionTicket
	if err := unmarshalMessage(data, &v); err != nil {
		return err
	}
	*t = v
	return nil
}

// MarshalJSON encodes the receipt in its canonical wire form.
func (u UsageReceipt) MarshalJSON() ([]byte, error) { return marshalMessage(&u), nil }

// UnmarshalJSON strictly decodes the wire form; errors wrap ErrMalformed and leave u unchanged.
func (u *UsageReceipt) UnmarshalJSON(data []byte) error {
	var v UsageReceipt
	if err := unmarshalMessage(data, &v); err != nil {
		return err
	}
	*u = v
	return nil
}

// MarshalJSON encodes the liveness proof in its canonical wire form.
func (l Liveness) MarshalJSON() ([]byte, error) { return marshalMessage(&l), nil }

// UnmarshalJSON strictly decodes the wire form; errors wrap ErrMalformed and leave l unchanged.
func (l *Liveness) UnmarshalJSON(data []byte) error {
	var v Liveness
	if err := unmarshalMessage(data, &v); err != nil {
		return err
	}
	*l = v
	return nil
}

// MarshalJSON encodes the signer claim in its canonical wire form.
func (c SignerClaim) MarshalJSON() ([]byte, error) { return marshalMessage(&c), nil }

// UnmarshalJSON strictly decodes the wire form; errors wrap ErrMalformed and leave c unchanged.
func (c *SignerClaim) UnmarshalJSON(data []byte) error {
	var v SignerClaim
	if err := unmarshalMessage(data, &v); err != nil {
		return err
	}
	*c = v
	return nil
}
