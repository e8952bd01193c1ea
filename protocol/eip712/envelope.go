package eip712

import (
	"encoding/hex"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
)

// Signed envelopes: a message and its signature, as they travel between user, router and provider.
// The JSON form is {"<key>": {<message fields>}, "signature": "0x<130 hex digits>"} with key "rfc",
// "ticket", "receipt" or "liveness". SignedRFC is the body of POST /v1/rfc (PROTOCOL §7 step 1).
// Services that need other shapes (the router's §7 step 3 answer carries "ticket" and
// "ticketSignature") embed the message types and Signature directly: they marshal the same way.

// SignedRFC is an RFC with its user's signature.
type SignedRFC struct {
	RFC       RFC
	Signature Signature
}

// SignedSessionTicket is a SessionTicket with the issuing router's signature.
type SignedSessionTicket struct {
	Ticket    SessionTicket
	Signature Signature
}

// SignedUsageReceipt is a UsageReceipt with one party's signature (the user's or the provider's;
// the router's close endpoint decides how it carries both).
type SignedUsageReceipt struct {
	Receipt   UsageReceipt
	Signature Signature
}

// SignedLiveness is a Liveness with the provider signer's signature.
type SignedLiveness struct {
	Liveness  Liveness
	Signature Signature
}

// DecodeSignedRFC strictly decodes a POST /v1/rfc body. It checks size and form only; call Verify for
// the signature and CheckDeadline for the deadline. Errors wrap ErrTooLarge or ErrMalformed.
func DecodeSignedRFC(data []byte) (*SignedRFC, error) { return decodeSigned[SignedRFC](data) }

// DecodeSignedSessionTicket strictly decodes a signed ticket. Errors wrap ErrTooLarge or ErrMalformed.
func DecodeSignedSessionTicket(data []byte) (*SignedSessionTicket, error) {
	return decodeSigned[SignedSessionTicket](data)
}

// DecodeSignedUsageReceipt strictly decodes a signed receipt. Errors wrap ErrTooLarge or ErrMalformed.
func DecodeSignedUsageReceipt(data []byte) (*SignedUsageReceipt, error) {
	return decodeSigned[SignedUsageReceipt](data)
}

// DecodeSignedLiveness strictly decodes a signed liveness proof. Errors wrap ErrTooLarge or ErrMalformed.
func DecodeSignedLiveness(data []byte) (*SignedLiveness, error) {
	return decodeSigned[SignedLiveness](data)
}

// Verify checks that the RFC is signed by its own User under d and returns the RFC digest (the input
// of SessionID). Errors wrap ErrBadSignature (ErrWrongSigner if someone else signed).
func (s *SignedRFC) Verify(d *Domain) (common.Hash, error) {
	return d.Verify(&s.RFC, s.Signature[:], s.RFC.User)
}

// Recover returns the ticket's signer (to be checked against the authorised routers) and its digest.
func (s *SignedSessionTicket) Recover(d *Domain) (common.Address, common.Hash, error) {
	return d.Recover(&s.Ticket, s.Signature[:])
}

// Verify checks that the ticket is signed by router under d and returns its digest.
func (s *SignedSessionTicket) Verify(d *Domain, router common.Address) (common.Hash, error) {
	return d.Verify(&s.Ticket, s.Signature[:], router)
}

// Recover returns the receipt's signer and its digest.
func (s *SignedUsageReceipt) Recover(d *Domain) (common.Address, common.Hash, error) {
	return d.Recover(&s.Receipt, s.Signature[:])
}

// Verify checks that the receipt is signed by signer (the session's user or the provider's signer key)
// under d and returns its digest.
func (s *SignedUsageReceipt) Verify(d *Domain, signer common.Address) (common.Hash, error) {
	return d.Verify(&s.Receipt, s.Signature[:], signer)
}

// Recover returns the liveness proof's signer and its digest.
func (s *SignedLiveness) Recover(d *Domain) (common.Address, common.Hash, error) {
	return d.Recover(&s.Liveness, s.Signature[:])
}

// Verify checks that the liveness proof is signed by signer (the provider's registered signer key)
// under d and returns its digest.
func (s *SignedLiveness) Verify(d *Domain, signer common.Address) (common.Hash, error) {
	return d.Verify(&s.Liveness, s.Signature[:], signer)
}

// MarshalJSON encodes {"rfc": {...}, "signature": "0x..."}.
func (s SignedRFC) MarshalJSON() ([]byte, error) {
	return marshalEnvelope("rfc", &s.RFC, &s.Signature), nil
}

// UnmarshalJSON strictly decodes {"rfc": {...}, "signature": "0x..."}; errors wrap ErrMalformed and
// leave s unchanged.
func (s *SignedRFC) UnmarshalJSON(data []byte) error {
	var v SignedRFC
	if err := v.decodeInto(data); err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON encodes {"ticket": {...}, "signature": "0x..."}.
func (s SignedSessionTicket) MarshalJSON() ([]byte, error) {
	return marshalEnvelope("ticket", &s.Ticket, &s.Signature), nil
}

// UnmarshalJSON strictly decodes {"ticket": {...}, "signature": "0x..."}; errors wrap ErrMalformed
// and leave s unchanged.
func (s *SignedSessionTicket) UnmarshalJSON(data []byte) error {
	var v SignedSessionTicket
	if err := v.decodeInto(data); err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON encodes {"receipt": {...}, "signature": "0x..."}.
func (s SignedUsageReceipt) MarshalJSON() ([]byte, error) {
	return marshalEnvelope("receipt", &s.Receipt, &s.Signature), nil
}

// UnmarshalJSON strictly decodes {"receipt": {...}, "signature": "0x..."}; errors wrap ErrMalformed
// and leave s unchanged.
func (s *SignedUsageReceipt) UnmarshalJSON(data []byte) error {
	var v SignedUsageReceipt
	if err := v.decodeInto(data); err != nil {
		return err
	}
	*s = v
	return nil
}

// MarshalJSON encodes {"liveness": {...}, "signature": "0x..."}.
func (s SignedLiveness) MarshalJSON() ([]byte, error) {
	return marshalEnvelope("liveness", &s.Liveness, &s.Signature), nil
}

// UnmarshalJSON strictly decodes {"liveness": {...}, "signature": "0x..."}; errors wrap ErrMalformed
// and leave s unchanged.
func (s *SignedLiveness) UnmarshalJSON(data []byte) error {
	var v SignedLiveness
	if err := v.decodeInto(data); err != nil {
		return err
	}
	*s = v
	return nil
}

func marshalEnvelope(key string, m Message, sig *Signature) []byte {
	b := make([]byte, 0, 768)
	b = append(b, `{"`...)
	b = append(b, key...)
	b = append(b, `":`...)
	b = appendMessage(b, m)
	b = append(b, `,"signature":"`...)
	b = append(b, "0x"...)
	b = hex.AppendEncode(b, sig[:])
	return append(b, `"}`...)
}

func unmarshalEnvelope(data []byte, key string, m Message, sig *Signature) error {
	names := [2]string{key, "signature"}
	return decodeStrict(data, func(l *lexer) error {
		return l.object(names[:], func(i int) error {
			if i == 0 {
				return l.message(m)
			}
			s, err := l.str()
			if err != nil {
				return err
			}
			return parseHex(s, sig[:])
		})
	})
}

// decodeSigned bounds the input size, then decodes it strictly, straight into the value it returns
// (nil on error, so no partial value is ever seen).
func decodeSigned[T any, PT interface {
	*T
	decodeInto(data []byte) error
}](data []byte) (*T, error) {
	if len(data) > MaxWireSize {
		return nil, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(data), MaxWireSize)
	}
	v := new(T)
	if err := PT(v).decodeInto(data); err != nil {
		return nil, err
	}
	return v, nil
}

// decodeInto strictly decodes an envelope into the receiver, which is left partly written on error.
func (s *SignedRFC) decodeInto(data []byte) error {
	return unmarshalEnvelope(data, "rfc", &s.RFC, &s.Signature)
}

func (s *SignedSessionTicket) decodeInto(data []byte) error {
	return unmarshalEnvelope(data, "ticket", &s.Ticket, &s.Signature)
}

func (s *SignedUsageReceipt) decodeInto(data []byte) error {
	return unmarshalEnvelope(data, "receipt", &s.Receipt, &s.Signature)
}

func (s *SignedLiveness) decodeInto(data []byte) error {
	return unmarshalEnvelope(data, "liveness", &s.Liveness, &s.Signature)
}
