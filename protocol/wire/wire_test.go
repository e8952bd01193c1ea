package wire

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
)

func TestErrorEnvelope(t *testing.T) {
	rec := httptest.NewRecorder()
	WriteError(rec, Errorf(http.StatusConflict, CodeNonceReused, "nonce %d already used", 7))
	require.Equal(t, http.StatusConflict, rec.Code)
	require.JSONEq(t, `{"error":{"code":"nonce_reused","message":"nonce 7 already used"}}`, rec.Body.String())
	e := DecodeError(&http.Response{StatusCode: rec.Code}, rec.Body.Bytes())
	require.Equal(t, CodeNonceReused, e.Code)
	require.Equal(t, http.StatusConflict, e.Status)

	rec = httptest.NewRecorder()
	WriteError(rec, json.Unmarshal([]byte("{"), &struct{}{}))
	require.Equal(t, http.StatusInternalServerError, rec.Code)
	require.JSONEq(t, `{"error":{"code":"internal","message":"internal error"}}`, rec.Body.String())

	e = DecodeError(&http.Response{StatusCode: 502}, []byte("bad gateway"))
	require.Equal(t, "http_502", e.Code)
}

// TestSessionBusyAndRetryAfter: only a 429 session_busy says a request was refused before it was served
// (capacity, the model's limit, and rate_limited do not), and a refusal's Retry-After in seconds is read
// with it.
func TestSessionBusyAndRetryAfter(t *testing.T) {
	require.True(t, SessionBusy(http.StatusTooManyRequests, CodeSessionBusy))
	require.False(t, SessionBusy(http.StatusTooManyRequests, CodeCapacity))
	require.False(t, SessionBusy(http.StatusTooManyRequests, CodeRateLimited))
	require.False(t, SessionBusy(http.StatusServiceUnavailable, CodeSessionBusy))
	for _, tc := range []struct {
		header string
		want   time.Duration
	}{{"", 0}, {"3", 3 * time.Second}, {"Wed, 21 Oct 2015 07:28:00 GMT", 0}, {"-1", 0}} {
		rec := httptest.NewRecorder()
		if tc.header != "" {
			rec.Header().Set("Retry-After", tc.header)
		}
		WriteError(rec, Errorf(http.StatusTooManyRequests, CodeSessionBusy, "busy"))
		e := DecodeError(rec.Result(), rec.Body.Bytes())
		require.Equal(t, CodeSessionBusy, e.Code)
		require.Equal(t, tc.want, e.RetryAfter, tc.header)
	}
}

func TestSessionRecordJSON(t *testing.T) {
	sig := eip712.Signature{1, 2, 3}
	r := SessionRecord{
		Cursor:    "42",
		SessionID: common.Hash{9},
		Ticket: eip712.SessionTicket{
			SessionID: common.Hash{9}, User: common.Address{1}, Provider: common.Address{2},
			PricePerSecond: *uint256.NewInt(1_000_000_000), MaxSeconds: 600, NotAfter: 1_800_000_000,
		},
		TicketSignature: sig,
		Receipt:         &eip712.UsageReceipt{SessionID: common.Hash{9}, Seconds: 30, OutputTokens: 100},
		UserSignature:   &sig,
		RFC:             &eip712.RFC{User: common.Address{1}, MaxSeconds: 600, Nonce: 7, Deadline: 1_800_000_000},
		RFCSignature:    &sig,
		LastRequest:     &SignedRequest{Seq: 3, Time: 1_800_000_050, Method: "POST", Path: "/v1/chat/completions", Signature: sig},
		BilledSeconds:   30,
		CreatedAt:       1_799_999_990,
		ClosedAt:        1_800_000_100,
		CloseReason:     CloseOneSided,
	}
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	require.Contains(t, string(raw), `"billedSeconds":"30"`, "integers are decimal strings")
	require.Contains(t, string(raw), `"pricePerSecond":"1000000000"`)
	require.Contains(t, string(raw), `"seq":"3"`)
	var back SessionRecord
	require.NoError(t, json.Unmarshal(raw, &back))
	require.Equal(t, r, back)
}

func TestSignedRequestSigner(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	id := common.Hash{5}
	body := []byte(`{"model":"m"}`)
	sig, err := eip712.Sign(RequestDigest(RequestText(42161, id, 9, 1_800_000_000, "POST", "/v1/chat/completions", body)), key)
	require.NoError(t, err)
	r := SignedRequest{Seq: 9, Time: 1_800_000_000, Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash(body), Signature: sig}
	got, err := r.Signer(42161, id)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), got, "the same text the provider verifies")
	r.Time++
	got, err = r.Signer(42161, id)
	require.True(t, err != nil || got != crypto.PubkeyToAddress(key.PublicKey), "a changed time is not the user's")
	r.Path = strings.Repeat("a", MaxRequestPath+1)
	_, err = r.Signer(42161, id)
	require.Error(t, err)
}

func TestBillingAndCredit(t *testing.T) {
	require.Equal(t, uint32(30), BillableSeconds(30, 600, 0))
	require.Equal(t, uint32(600), BillableSeconds(900, 600, 0))
	require.Equal(t, uint32(120), BillableSeconds(900, 600, 120))

	p, b, err := Credit(100, uint256.NewInt(1e9), 250) // 2.5% builder fee
	require.NoError(t, err)
	require.Equal(t, uint64(2_500_000_000), b.Uint64())
	require.Equal(t, uint64(97_500_000_000), p.Uint64())
	max := new(uint256.Int).SetAllOne()
	_, _, err = Credit(2, max, 0)
	require.Error(t, err)
}

func TestRequestSignatureRoundTrip(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	text := RequestText(31337, common.Hash{7}, 3, 1_800_000_000, "POST", "/v1/chat/completions", []byte(`{"model":"m"}`))
	require.Contains(t, text, "seq:3\n")
	sig, err := crypto.Sign(RequestDigest(text).Bytes(), key)
	require.NoError(t, err)
	pub, err := crypto.SigToPub(RequestDigest(text).Bytes(), sig)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(key.PublicKey), crypto.PubkeyToAddress(*pub))
	other := RequestText(31337, common.Hash{7}, 4, 1_800_000_000, "POST", "/v1/chat/completions", []byte(`{"model":"m"}`))
	require.NotEqual(t, RequestDigest(text), RequestDigest(other))
}

func TestModelKindJSON(t *testing.T) {
	for _, k := range []ModelKind{KindModel, KindAgent} {
		b, err := json.Marshal(k)
		if err != nil {
			t.Fatal(err)
		}
		var back ModelKind
		if err := json.Unmarshal(b, &back); err != nil || back != k {
			t.Fatalf("%s: round trip gave %v, %v", b, back, err)
		}
	}
	if b, _ := json.Marshal(KindAgent); string(b) != `"agent"` {
		t.Fatalf("agent encodes as %s", b)
	}
	var k ModelKind
	if err := json.Unmarshal([]byte(`"robot"`), &k); err == nil {
		t.Fatal("an unknown kind must be refused")
	}
	if s := ModelKind(7).String(); s != "kind(7)" {
		t.Fatalf("unknown kind prints %q", s)
	}
}

// TestPaymentBilled: a bill is charged to the allowance's part of the reservation first, the deposit for
// the rest.
func TestPaymentBilled(t *testing.T) {
	res := &Payment{Allowance: uint256.NewInt(100), Deposit: uint256.NewInt(400)}
	for _, c := range []struct{ billed, allowance, deposit uint64 }{{0, 0, 0}, {60, 60, 0}, {100, 100, 0}, {150, 100, 50}, {500, 100, 400}} {
		got := res.Billed(uint256.NewInt(c.billed))
		require.Equal(t, []uint64{c.allowance, c.deposit}, []uint64{got.Allowance.Uint64(), got.Deposit.Uint64()}, "billed %d", c.billed)
	}
	require.Equal(t, uint64(100), res.Allowance.Uint64(), "the reservation is not changed")
}

// TestRequestTextFormat holds the request text to its documented form byte for byte (the browser chat
// page builds the same text in web/static/chat/session.mjs).
func TestRequestTextFormat(t *testing.T) {
	id := common.HexToHash("0x00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")
	body := []byte(`{"model":"m"}`)
	want := fmt.Sprintf("LakeTravis request v1\nchain:%d\nsession:%s\nseq:%d\ntime:%d\nmethod:%s\npath:%s\nbody:%s",
		uint64(421614), id.Hex(), uint64(1733140000123456), uint64(1733140000), "POST", "/v1/chat/completions", crypto.Keccak256Hash(body).Hex())
	if got := RequestText(421614, id, 1733140000123456, 1733140000, "POST", "/v1/chat/completions", body); got != want {
		t.Fatalf("request text:\n%s\nwant\n%s", got, want)
	}
}

// TestSessionRecordCarries: a record carries a close when it holds its receipt and every signature the
// close carries; a missing, nil or different one, or a close with no signature at all, is not carried.
func TestSessionRecordCarries(t *testing.T) {
	u, p, x := eip712.Signature{1}, eip712.Signature{2}, eip712.Signature{3}
	rc := eip712.UsageReceipt{SessionID: common.Hash{7}, Seconds: 3}
	both := CloseRequest{Receipt: rc, UserSignature: &u, ProviderSignature: &p, TicketAcceptance: &x}
	rec := &SessionRecord{Receipt: &rc, UserSignature: &u, ProviderSignature: &p}
	require.True(t, rec.Carries(both), "the acceptance is not compared")
	require.True(t, rec.Carries(CloseRequest{Receipt: rc, UserSignature: &u}))
	require.True(t, rec.Carries(CloseRequest{Receipt: rc, ProviderSignature: &p}))
	require.False(t, rec.Carries(CloseRequest{Receipt: rc}))
	require.False(t, (&SessionRecord{Receipt: &rc, UserSignature: &u}).Carries(both))
	require.False(t, (&SessionRecord{Receipt: &rc, UserSignature: &u, ProviderSignature: &x}).Carries(both))
	other := rc
	other.Seconds++
	require.False(t, (&SessionRecord{Receipt: &other, UserSignature: &u, ProviderSignature: &p}).Carries(both))
	require.False(t, (&SessionRecord{}).Carries(both))
	require.False(t, (*SessionRecord)(nil).Carries(both))
}

// TestIsSessionHoldersAnswer: a 2xx, and the refusals router/api's close gives only after finding the
// session (409 session_closed, expired; 401 bad_signature, bad_provider_signature) are a session's
// answer; what a router says without finding it (unknown_session, an older version's bad_request, a route
// it lacks, rate_limited, a 5xx) is not, whatever its status.
func TestIsSessionHoldersAnswer(t *testing.T) {
	for _, tc := range []struct {
		status int
		code   string
		want   bool
	}{
		{http.StatusOK, "", true},
		{http.StatusNoContent, "", true},
		{http.StatusConflict, CodeSessionClosed, true},
		{http.StatusConflict, CodeExpired, true},
		{http.StatusUnauthorized, CodeBadSignature, true},
		{http.StatusUnauthorized, CodeBadProviderSignature, true},
		{http.StatusNotFound, CodeUnknownSession, false},
		{http.StatusBadRequest, CodeBadRequest, false},
		{http.StatusNotFound, CodeNotFound, false},
		{http.StatusMethodNotAllowed, "http_405", false},
		{http.StatusTooManyRequests, CodeRateLimited, false},
		{http.StatusServiceUnavailable, CodeUnavailable, false},
		{http.StatusServiceUnavailable, CodeSessionClosed, false}, // the code of a holder, not its status
		{http.StatusBadRequest, CodeExpired, false},
	} {
		require.Equal(t, tc.want, IsSessionHoldersAnswer(tc.status, tc.code), "%d %s", tc.status, tc.code)
	}
}
