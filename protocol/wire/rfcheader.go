package wire

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// HeaderRFC carries the user's signed RFC to the provider with a session's first request, so that the
// provider checks, before it accepts the ticket and serves anything, that the ticket follows from an RFC
// the ticket's user signed (settle.TicketOfRFC, the keeper's rule: a ticket that does not is never
// credited). Its value is the PROTOCOL §7 body {"rfc": {...}, "signature": "0x…"} (eip712.SignedRFC's
// JSON) as base64url without padding, the encoding of X-LT-Ticket. Clients send it on a session's
// requests until the provider has answered one with a 2xx; a provider reads it only while the session is
// not yet open there (its first admitted request).
const HeaderRFC = "X-LT-RFC"

// KeyRFC is HeaderRFC in canonical form (see KeyTicket).
var KeyRFC = http.CanonicalHeaderKey(HeaderRFC)

// maxRFCHeader bounds an X-LT-RFC value: the base64url of eip712.MaxWireSize bytes.
var maxRFCHeader = base64.RawURLEncoding.EncodedLen(eip712.MaxWireSize)

// EncodeRFC is the X-LT-RFC value of s.
func EncodeRFC(s *eip712.SignedRFC) (string, error) { return encodeHeader(s) }

// EncodeTicket is the X-LT-Ticket value of t: its JSON as base64url without padding. It is the one
// encoding a provider caches a ticket under (a re-spelt header, other whitespace or member order, is
// served under the entry of its encoding, never given one of its own).
func EncodeTicket(t *eip712.SignedSessionTicket) (string, error) { return encodeHeader(t) }

// encodeHeader is v's JSON as base64url without padding.
func encodeHeader(v any) (string, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}

// DecodeRFC reads an X-LT-RFC value (padding tolerated). It checks size and form only: the signature, the
// ticket it must match and the deadline are the reader's to check. Errors are plain: the caller wraps them
// in its §9 answer.
func DecodeRFC(v string) (*eip712.SignedRFC, error) {
	v = strings.TrimRight(v, "=")
	if len(v) > maxRFCHeader {
		return nil, fmt.Errorf("%s is %d bytes, more than %d", HeaderRFC, len(v), maxRFCHeader)
	}
	raw, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("%s is not base64url: %w", HeaderRFC, err)
	}
	s, err := eip712.DecodeSignedRFC(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", HeaderRFC, err)
	}
	return s, nil
}
