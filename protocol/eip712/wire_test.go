package eip712_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// signedSampleRFC returns the sample RFC signed by the anvil key, and its wire JSON.
func signedSampleRFC(t testing.TB) (*eip712.SignedRFC, string) {
	t.Helper()
	d := eip712.NewDomain(testChainID, testMarketplace)
	s := &eip712.SignedRFC{RFC: *sampleRFC()}
	var err error
	s.Signature, err = d.Sign(&s.RFC, anvilKey(t))
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return s, string(b)
}

func TestSignedRFCWireForm(t *testing.T) {
	s, got := signedSampleRFC(t)
	want := `{"rfc":{"user":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",` +
		`"modelId":"` + s.RFC.ModelID.Hex() + `",` +
		`"maxPricePerSecond":"1500000000000000","maxSeconds":"600","minTps":"20","maxTtftMs":"1500",` +
		`"nonce":"42","deadline":"1767225600","sessionKey":"` + sampleSessionKey + `","useDeposit":true},` +
		`"signature":"` + s.Signature.String() + `"}`
	require.Equal(t, want, got)

	// Pointer and value marshal alike; the typed-data "message" is the wire object.
	b, err := json.Marshal(&s.RFC)
	require.NoError(t, err)
	v, err := json.Marshal(s.RFC)
	require.NoError(t, err)
	require.Equal(t, b, v)
	doc, err := eip712.NewDomain(testChainID, testMarketplace).TypedData(&s.RFC)
	require.NoError(t, err)
	var td struct{ Message json.RawMessage }
	require.NoError(t, json.Unmarshal(doc, &td))
	require.JSONEq(t, string(b), string(td.Message))
}

func TestWireRoundTrip(t *testing.T) {
	for _, m := range messages(100) {
		var sig eip712.Signature
		copy(sig[:], m.PrimaryType()) // any bytes: round trip only
		var (
			env     any
			decoded any
			err     error
		)
		switch v := m.(type) {
		case *eip712.RFC:
			env = eip712.SignedRFC{RFC: *v, Signature: sig}
			b, _ := json.Marshal(env)
			decoded, err = eip712.DecodeSignedRFC(b)
		case *eip712.SessionTicket:
			env = eip712.SignedSessionTicket{Ticket: *v, Signature: sig}
			b, _ := json.Marshal(env)
			decoded, err = eip712.DecodeSignedSessionTicket(b)
		case *eip712.UsageReceipt:
			env = eip712.SignedUsageReceipt{Receipt: *v, Signature: sig}
			b, _ := json.Marshal(env)
			decoded, err = eip712.DecodeSignedUsageReceipt(b)
		case *eip712.Liveness:
			env = eip712.SignedLiveness{Liveness: *v, Signature: sig}
			b, _ := json.Marshal(env)
			decoded, err = eip712.DecodeSignedLiveness(b)
		}
		require.NoError(t, err, "%s %+v", m.PrimaryType(), m)
		first, err := json.Marshal(env)
		require.NoError(t, err)
		second, err := json.Marshal(decoded)
		require.NoError(t, err)
		require.Equal(t, string(first), string(second), "re-encoding is canonical")
	}
}

// TestEmbedding: services embed messages and signatures in their own JSON; the strict rules still apply.
func TestEmbedding(t *testing.T) {
	type answer struct {
		SessionID       string               `json:"sessionId"`
		Ticket          eip712.SessionTicket `json:"ticket"`
		TicketSignature eip712.Signature     `json:"ticketSignature"`
	}
	a := answer{SessionID: "x", Ticket: *sampleTicket()}
	a.TicketSignature[64] = 27
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back answer
	require.NoError(t, json.Unmarshal(b, &back))
	require.Equal(t, a, back)

	bad := strings.Replace(string(b), `"maxSeconds":"600"`, `"maxSeconds":600`, 1)
	require.ErrorIs(t, json.Unmarshal([]byte(bad), &back), eip712.ErrMalformed)
	bad = strings.Replace(string(b), `"ticketSignature":"0x`, `"ticketSignature":"0x00`, 1)
	require.ErrorIs(t, json.Unmarshal([]byte(bad), &back), eip712.ErrMalformed)
}

func TestDecodeSignedRFCStrict(t *testing.T) {
	s, golden := signedSampleRFC(t)
	modelHex := s.RFC.ModelID.Hex()
	sigHex := s.Signature.String()
	user := `"user":"0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"`
	repl := func(old, new string) string {
		require.Contains(t, golden, old)
		return strings.Replace(golden, old, new, 1)
	}

	tests := []struct {
		name    string
		body    string
		wantErr error // nil: decodes to s
	}{
		{"golden", golden, nil},
		{"whitespace and reordering", "\n{ \"signature\" : \"" + sigHex + "\",\n \"rfc\": {\"deadline\":\"1767225600\", \"nonce\":\"42\",\t\"maxTtftMs\":\"1500\"," +
			"\"minTps\":\"20\",\"maxSeconds\":\"600\",\"maxPricePerSecond\":\"1500000000000000\",\"modelId\":\"" + modelHex + "\"," +
			"\"useDeposit\" :\ttrue , \"sessionKey\":\"" + sampleSessionKey + "\"," + user + "}}\n", nil},
		{"lowercase address", repl(user, strings.ToLower(user)), nil},
		{"uppercase address", repl(user, `"user":"0xF39FD6E51AAD88F6F4CE6AB8827279CFFFB92266"`), nil},
		{"uppercase bytes32", repl(modelHex, "0x"+strings.ToUpper(modelHex[2:])), nil},
		{"uppercase signature", repl(sigHex, "0x"+strings.ToUpper(sigHex[2:])), nil},

		{"empty", "", eip712.ErrMalformed},
		{"null", "null", eip712.ErrMalformed},
		{"array", "[" + golden + "]", eip712.ErrMalformed},
		{"string", `"rfc"`, eip712.ErrMalformed},
		{"truncated", golden[:len(golden)-1], eip712.ErrMalformed},
		{"trailing object", golden + "{}", eip712.ErrMalformed},
		{"trailing garbage", golden + "x", eip712.ErrMalformed},
		{"unknown top-level field", repl(`{"rfc"`, `{"extra":"1","rfc"`), eip712.ErrMalformed},
		{"unknown nested object field", repl(`{"rfc"`, `{"extra":{"a":[1,2]},"rfc"`), eip712.ErrMalformed},
		{"unknown rfc field", repl(`"nonce"`, `"provider":"0x00","nonce"`), eip712.ErrMalformed},
		{"wrong-case key", repl(`"nonce"`, `"Nonce"`), eip712.ErrMalformed},
		{"missing signature", repl(`,"signature":"`+sigHex+`"`, ``), eip712.ErrMalformed},
		{"missing rfc field", repl(`"nonce":"42",`, ``), eip712.ErrMalformed},
		{"duplicate rfc field", repl(`"nonce":"42"`, `"nonce":"42","nonce":"43"`), eip712.ErrMalformed},
		{"duplicate rfc", repl(`{"rfc":`, `{"rfc":{},"rfc":`), eip712.ErrMalformed},
		{"rfc null", `{"rfc":null,"signature":"` + sigHex + `"}`, eip712.ErrMalformed},
		{"rfc string", `{"rfc":"x","signature":"` + sigHex + `"}`, eip712.ErrMalformed},
		{"number not string", repl(`"nonce":"42"`, `"nonce":42`), eip712.ErrMalformed},
		{"float", repl(`"nonce":"42"`, `"nonce":42.0`), eip712.ErrMalformed},
		{"null value", repl(`"nonce":"42"`, `"nonce":null`), eip712.ErrMalformed},
		{"bool value", repl(`"nonce":"42"`, `"nonce":true`), eip712.ErrMalformed},
		{"object value", repl(`"nonce":"42"`, `"nonce":{}`), eip712.ErrMalformed},
		{"signature number", repl(`"`+sigHex+`"`, `1`), eip712.ErrMalformed},
		{"leading zero", repl(`"nonce":"42"`, `"nonce":"042"`), eip712.ErrMalformed},
		{"plus sign", repl(`"nonce":"42"`, `"nonce":"+42"`), eip712.ErrMalformed},
		{"negative", repl(`"nonce":"42"`, `"nonce":"-1"`), eip712.ErrMalformed},
		{"space", repl(`"nonce":"42"`, `"nonce":" 42"`), eip712.ErrMalformed},
		{"exponent", repl(`"nonce":"42"`, `"nonce":"4e1"`), eip712.ErrMalformed},
		{"hex integer", repl(`"nonce":"42"`, `"nonce":"0x2a"`), eip712.ErrMalformed},
		{"empty integer", repl(`"nonce":"42"`, `"nonce":""`), eip712.ErrMalformed},
		{"uint32 max", repl(`"maxSeconds":"600"`, `"maxSeconds":"4294967295"`), nil},
		{"uint32 overflow", repl(`"maxSeconds":"600"`, `"maxSeconds":"4294967296"`), eip712.ErrMalformed},
		{"uint64 max", repl(`"nonce":"42"`, `"nonce":"18446744073709551615"`), nil},
		{"uint64 overflow", repl(`"nonce":"42"`, `"nonce":"18446744073709551616"`), eip712.ErrMalformed},
		{"uint64 huge", repl(`"nonce":"42"`, `"nonce":"`+strings.Repeat("9", 40)+`"`), eip712.ErrMalformed},
		{"uint256 max", repl(`"1500000000000000"`, `"115792089237316195423570985008687907853269984665640564039457584007913129639935"`), nil},
		{"uint256 overflow", repl(`"1500000000000000"`, `"115792089237316195423570985008687907853269984665640564039457584007913129639936"`), eip712.ErrMalformed},
		{"uint256 79 digits", repl(`"1500000000000000"`, `"`+strings.Repeat("1", 79)+`"`), eip712.ErrMalformed},
		{"bytes32 no prefix", repl(`"`+modelHex+`"`, `"`+modelHex[2:]+`"`), eip712.ErrMalformed},
		{"bytes32 0X prefix", repl(`"`+modelHex+`"`, `"0X`+modelHex[2:]+`"`), eip712.ErrMalformed},
		{"bytes32 short", repl(`"`+modelHex+`"`, `"`+modelHex[:65]+`"`), eip712.ErrMalformed},
		{"bytes32 long", repl(`"`+modelHex+`"`, `"`+modelHex+`00"`), eip712.ErrMalformed},
		{"bytes32 not hex", repl(`"`+modelHex+`"`, `"0x`+strings.Repeat("g", 64)+`"`), eip712.ErrMalformed},
		{"address bad checksum", repl(user, `"user":"0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266"`), eip712.ErrMalformed},
		{"address short", repl(user, `"user":"0xf39fd6e51aad88f6f4ce6ab8827279cfffb9226"`), eip712.ErrMalformed},
		{"address 32 bytes", repl(user, `"user":"0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"`), eip712.ErrMalformed},
		{"signature 64 bytes", repl(sigHex, sigHex[:130]), eip712.ErrMalformed},
		{"signature 66 bytes", repl(sigHex, sigHex+"00"), eip712.ErrMalformed},
		{"signature no prefix", repl(`"`+sigHex, `"`+sigHex[2:]), eip712.ErrMalformed},
		{"escaped key", repl(`"nonce"`, `"\u006eonce"`), eip712.ErrMalformed},
		{"escaped value", repl(`"nonce":"42"`, `"nonce":"4\u0032"`), eip712.ErrMalformed},
		{"non-ASCII value", repl(`"nonce":"42"`, `"nonce":"４２"`), eip712.ErrMalformed},
		{"control character", repl(`"nonce":"42"`, "\"nonce\":\"42\n\""), eip712.ErrMalformed},
		{"trailing comma", repl(`"useDeposit":true}`, `"useDeposit":true,}`), eip712.ErrMalformed},
		{"bool as string", repl(`"useDeposit":true`, `"useDeposit":"true"`), eip712.ErrMalformed},
		{"bool as number", repl(`"useDeposit":true`, `"useDeposit":1`), eip712.ErrMalformed},
		{"bool upper case", repl(`"useDeposit":true`, `"useDeposit":True`), eip712.ErrMalformed},
		{"bool prefix", repl(`"useDeposit":true`, `"useDeposit":truex`), eip712.ErrMalformed},
		{"v1 RFC without v2 fields", repl(`,"sessionKey":"`+sampleSessionKey+`","useDeposit":true`, ``), eip712.ErrRetiredVersion},
		{"v1 RFC without useDeposit", repl(`,"useDeposit":true`, ``), eip712.ErrRetiredVersion},
		{"missing colon", repl(`"nonce":"42"`, `"nonce" "42"`), eip712.ErrMalformed},
		{"single quotes", repl(`"nonce":"42"`, `'nonce':'42'`), eip712.ErrMalformed},
		{"comment", repl(`{"rfc"`, `/* c */{"rfc"`), eip712.ErrMalformed},
		{"BOM", "\xef\xbb\xbf" + golden, eip712.ErrMalformed},
		{"empty object", `{}`, eip712.ErrMalformed},
		{"invalid UTF-8 key", repl(`"nonce"`, "\"n\xffonce\""), eip712.ErrMalformed},
		{"too large", golden + strings.Repeat(" ", eip712.MaxWireSize), eip712.ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := eip712.DecodeSignedRFC([]byte(tt.body))
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Nil(t, got)
				return
			}
			require.NoError(t, err)
			if strings.Contains(tt.name, "max") {
				return // a different, valid RFC
			}
			require.Equal(t, s, got)
			_, err = got.Verify(eip712.NewDomain(testChainID, testMarketplace))
			require.NoError(t, err)
		})
	}
}

func TestDecodeOtherEnvelopesStrict(t *testing.T) {
	d := eip712.NewDomain(testChainID, testMarketplace)
	key := anvilKey(t)
	mustSign := func(m eip712.Message) eip712.Signature {
		s, err := d.Sign(m, key)
		require.NoError(t, err)
		return s
	}
	ticket := eip712.SignedSessionTicket{Ticket: *sampleTicket()}
	ticket.Signature = mustSign(&ticket.Ticket)
	receipt := eip712.SignedUsageReceipt{Receipt: *sampleReceipt()}
	receipt.Signature = mustSign(&receipt.Receipt)
	live := eip712.SignedLiveness{Liveness: *sampleLiveness()}
	live.Signature = mustSign(&live.Liveness)

	decoders := map[string]func([]byte) (any, error){
		"ticket":   func(b []byte) (any, error) { return eip712.DecodeSignedSessionTicket(b) },
		"receipt":  func(b []byte) (any, error) { return eip712.DecodeSignedUsageReceipt(b) },
		"liveness": func(b []byte) (any, error) { return eip712.DecodeSignedLiveness(b) },
	}
	envs := map[string]any{"ticket": &ticket, "receipt": &receipt, "liveness": &live}
	for key, env := range envs {
		b, err := json.Marshal(env)
		require.NoError(t, err)
		golden := string(b)
		tests := []struct {
			name    string
			body    string
			wantErr error
		}{
			{"golden", golden, nil},
			{"wrong envelope key", strings.Replace(golden, `"`+key+`"`, `"rfc"`, 1), eip712.ErrMalformed},
			{"extra field", strings.Replace(golden, `{"`+key+`":{`, `{"`+key+`":{"x":"1",`, 1), eip712.ErrMalformed},
			{"number", strings.Replace(golden, `":"`, `":1,"y":"`, 1), eip712.ErrMalformed},
			{"too large", golden + strings.Repeat("\n", eip712.MaxWireSize), eip712.ErrTooLarge},
		}
		for _, tt := range tests {
			t.Run(key+"/"+tt.name, func(t *testing.T) {
				got, err := decoders[key]([]byte(tt.body))
				if tt.wantErr != nil {
					require.ErrorIs(t, err, tt.wantErr)
					return
				}
				require.NoError(t, err)
				require.Equal(t, env, got)
			})
		}
	}

	_, err := (&receipt).Verify(d, eip712.NewDomain(1, testMarketplace).VerifyingContract())
	require.ErrorIs(t, err, eip712.ErrWrongSigner)
	signer, _, err := live.Recover(d)
	require.NoError(t, err)
	_, err = live.Verify(d, signer)
	require.NoError(t, err)
}

func TestCheckDeadline(t *testing.T) {
	now := time.Unix(1_000_000, 0)
	ahead := uint64(eip712.MaxDeadlineAhead / time.Second)
	tests := []struct {
		name     string
		deadline uint64
		now      time.Time
		wantErr  error
	}{
		{"exactly now", 1_000_000, now, nil},
		{"in a minute", 1_000_060, now, nil},
		{"at the limit", 1_000_000 + ahead, now, nil},
		{"one second too far", 1_000_001 + ahead, now, eip712.ErrDeadlineTooFar},
		{"max uint64", ^uint64(0), now, eip712.ErrDeadlineTooFar},
		{"one second late", 999_999, now, eip712.ErrExpired},
		{"zero", 0, now, eip712.ErrExpired},
		{"sub-second now truncates", 1_000_000, now.Add(999 * time.Millisecond), nil},
		{"clock before 1970", 0, time.Unix(-5, 0), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := sampleRFC()
			r.Deadline = tt.deadline
			err := r.CheckDeadline(tt.now)
			if tt.wantErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.wantErr)
		})
	}
	require.ErrorIs(t, eip712.ErrDeadlineTooFar, eip712.ErrMalformed)
}
