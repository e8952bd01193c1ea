package wire

import (
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// The bodies of every RFC (the router's answer and both halves of the liveness round trip) are written
// by hand: encoding/json reflects over the struct and then re-validates and compacts what each field's
// own MarshalJSON returned, a sizeable part of the router's time per RFC. Each AppendJSON writes the
// bytes encoding/json writes for the same value (TestAppendJSONMatchesEncodingJSON holds them to it).

// WriteBody answers with status and body, a JSON document such as an AppendJSON result.
func WriteBody(w http.ResponseWriter, status int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// AppendJSON appends r's JSON to b.
func (r *RFCResponse) AppendJSON(b []byte) []byte {
	b = append(b, `{"sessionId":`...)
	b = appendHex(b, r.SessionID[:])
	b = append(b, `,"provider":`...)
	b = appendHex(b, r.Provider[:])
	b = append(b, `,"endpoint":`...)
	b = appendString(b, r.Endpoint)
	b = append(b, `,"pricePerSecond":`...)
	b = appendAmount(b, r.PricePerSecond)
	b = append(b, `,"maxSeconds":"`...)
	b = strconv.AppendUint(b, uint64(r.MaxSeconds), 10)
	b = append(b, `","ticket":`...)
	b = eip712.AppendJSON(b, &r.Ticket)
	b = append(b, `,"ticketSignature":`...)
	b = appendHex(b, r.TicketSignature[:])
	b = append(b, `,"router":`...)
	b = appendHex(b, r.Router[:])
	if r.Payment != nil {
		b = append(b, `,"payment":{"allowance":`...)
		b = appendAmount(b, r.Payment.Allowance)
		b = append(b, `,"deposit":`...)
		b = appendAmount(b, r.Payment.Deposit)
		b = append(b, '}')
	}
	return append(b, '}')
}

// AppendJSON appends r's JSON to b.
func (r *LivenessRequest) AppendJSON(b []byte) []byte {
	b = append(b, `{"challenge":`...)
	b = appendHex(b, r.Challenge[:])
	b = append(b, `,"modelId":`...)
	b = appendHex(b, r.ModelID[:])
	if r.URL != "" {
		b = append(b, `,"url":`...)
		b = appendString(b, r.URL)
	}
	return append(b, '}')
}

// AppendJSON appends r's JSON to b.
func (r *LivenessResponse) AppendJSON(b []byte) []byte {
	b = append(b, `{"liveness":`...)
	b = eip712.AppendJSON(b, &r.Liveness)
	b = append(b, `,"signature":`...)
	b = appendHex(b, r.Signature[:])
	b = append(b, `,"capacity":{"free":`...)
	b = strconv.AppendInt(b, int64(r.Capacity.Free), 10)
	b = append(b, `,"max":`...)
	b = strconv.AppendInt(b, int64(r.Capacity.Max), 10)
	if len(r.Capacity.Seeding) > 0 {
		b = append(b, `,"seeding":[`...)
		for i := range r.Capacity.Seeding {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendHex(b, r.Capacity.Seeding[i][:])
		}
		b = append(b, ']')
	}
	b = append(b, '}')
	if len(r.Retired) > 0 {
		b = append(b, `,"retired":[`...)
		for i := range r.Retired {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"liveness":`...)
			b = eip712.AppendJSON(b, &r.Retired[i].Liveness)
			b = append(b, `,"signature":`...)
			b = appendHex(b, r.Retired[i].Signature[:])
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// appendHex appends v as a JSON string of 0x and lower-case hex: the text form of common.Hash,
// common.Address and eip712.Signature.
func appendHex(b, v []byte) []byte {
	b = append(b, `"0x`...)
	b = hex.AppendEncode(b, v)
	return append(b, '"')
}

// appendAmount appends v as uint256.Int's JSON does: its decimal digits quoted; null for nil.
func appendAmount(b []byte, v *uint256.Int) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = append(b, v.Dec()...)
	return append(b, '"')
}

// appendString appends s as a JSON string. Printable ASCII with nothing to escape is copied; anything
// else goes through encoding/json (HTML-safe escapes, invalid UTF-8 replaced) for identical bytes.
func appendString(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			q, _ := json.Marshal(s)
			return append(b, q...)
		}
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}
