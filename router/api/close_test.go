package api_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/store"
)

func TestCloseOneSidedBadSignatureAndExpiry(t *testing.T) {
	p := newStandIn(t, 5)
	now := time.Now()
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	open := func() wire.RFCResponse {
		code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
		require.Equal(t, 200, code, string(b))
		var r wire.RFCResponse
		require.NoError(t, json.Unmarshal(b, &r))
		return r
	}
	s1, s2, s3 := open(), open(), open()

	rc := eip712.UsageReceipt{SessionID: s1.SessionID, Seconds: 30, OutputTokens: 100}
	stranger, _ := crypto.GenerateKey()
	bad, _ := domain.Sign(&rc, stranger)
	cb, _ := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &bad})
	code, b := e.post("/v1/sessions/"+s1.SessionID.Hex()+"/close", cb)
	require.Equal(t, 401, code)
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))

	// The provider alone, a minute later, with the newest request the user signed (10 s into the session):
	// it bills its receipt, which that request proves (PROTOCOL §7 step 5 v2).
	e.advance(time.Minute)
	ps, _ := domain.Sign(&rc, p.signer)
	last := signedRequest(t, s1.SessionID, e.user, uint64(time.Now().Unix())+10)
	// An acceptance of another ticket of the session (a re-ticket at another price) is refused.
	other := s1.Ticket
	other.PricePerSecond = *uint256.NewInt(1)
	wrong, _ := settle.SignAcceptance(domain, &other, s1.Router, p.signer)
	// And so is one of this ticket as another router key signed it (the acceptance names the ticket's signer).
	otherRouter, _ := settle.SignAcceptance(domain, &s1.Ticket, crypto.PubkeyToAddress(stranger.PublicKey), p.signer)
	for _, refused := range []eip712.Signature{wrong, otherRouter} {
		cb, _ = json.Marshal(wire.CloseRequest{Receipt: rc, ProviderSignature: &ps, LastRequest: last, TicketAcceptance: &refused})
		code, b = e.post("/v1/sessions/"+s1.SessionID.Hex()+"/close", cb)
		require.Equal(t, 401, code, string(b))
		require.Equal(t, wire.CodeBadSignature, errCode(t, b))
	}
	acc, _ := settle.SignAcceptance(domain, &s1.Ticket, s1.Router, p.signer)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rc, ProviderSignature: &ps, LastRequest: last, TicketAcceptance: &acc})
	code, b = e.post("/v1/sessions/"+s1.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Contains(t, rec.Flags, wire.CloseOneSided)
	require.Equal(t, uint32(30), rec.BilledSeconds)
	require.Equal(t, last, rec.LastRequest, "the record carries the signed request to the keepers")
	require.Equal(t, &acc, rec.TicketAcceptance, "and the provider's acceptance of the ticket")
	require.NotNil(t, rec.RFC, "and the user's RFC")
	requireClosedBy(t, rec, crypto.PubkeyToAddress(e.routerK.PublicKey))

	// Receipt for another session, missing signatures, unknown session.
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rc, ProviderSignature: &ps})
	code, _ = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", cb)
	require.Equal(t, 400, code)
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", []byte(`{"receipt":`+string(mustJSON(eip712.UsageReceipt{SessionID: s2.SessionID}))+`}`))
	require.Equal(t, 400, code, string(b))
	unknown := common.Hash{9}
	rcu := eip712.UsageReceipt{SessionID: unknown}
	us, _ := domain.Sign(&rcu, e.user)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rcu, UserSignature: &us})
	code, b = e.post("/v1/sessions/"+unknown.Hex()+"/close", cb)
	require.Equal(t, 404, code)
	require.Equal(t, wire.CodeUnknownSession, errCode(t, b))

	// Zero output for billed time: held out of the feed until an admin clears it.
	rz := eip712.UsageReceipt{SessionID: s2.SessionID, Seconds: 20}
	us2, _ := domain.Sign(&rz, e.user)
	ps2, _ := domain.Sign(&rz, p.signer)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rz, UserSignature: &us2, ProviderSignature: &ps2})
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))
	require.NoError(t, json.Unmarshal(b, &rec))
	require.True(t, rec.Held)
	require.Len(t, getFeed(t, e, "0").Sessions, 1)

	req, _ := http.NewRequest("POST", e.url+"/v1/admin/sessions/"+s2.SessionID.Hex()+"/clear", nil)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 403, resp.StatusCode)
	req.Header.Set("Authorization", "Bearer secret")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Len(t, getFeed(t, e, "0").Sessions, 2)

	// Nobody closes s3: expired with nothing billed, reservation released.
	_ = now
	srv3, err := e.db.Session(context.Background(), s3.SessionID)
	require.NoError(t, err)
	expSrv := api.New(api.Config{Domain: domain, RouterKey: e.routerK, Now: func() time.Time { return time.Unix(int64(srv3.ExpiresAt)+1, 0) }},
		e.book, fakeAllow{amount: uint256.NewInt(1)}, nil, e.db, health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	require.NoError(t, expSrv.ExpireDue(context.Background()))
	got, err := e.db.Session(context.Background(), s3.SessionID)
	require.NoError(t, err)
	require.Equal(t, wire.CloseExpired, got.CloseReason)
	require.Zero(t, got.BilledSeconds)
	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 3)
	require.Equal(t, wire.CloseExpired, page.Sessions[2].CloseReason)
	requireClosedBy(t, page.Sessions[2], crypto.PubkeyToAddress(e.routerK.PublicKey))
	used, _ := e.db.Used(context.Background(), crypto.PubkeyToAddress(e.user.PublicKey), 3)
	require.Equal(t, uint64(30e9+20e9), used.Uint64(), "trued up: 30 s + 20 s billed, expired session releases its reservation")

	// Reports answer.
	for _, path := range []string{"/v1/models", "/v1/providers", "/v1/reports/popularity", "/v1/reports/anomalies", "/v1/allowance/" + s1.Ticket.User.Hex(), "/v1/sessions/" + s1.SessionID.Hex(), "/healthz"} {
		resp, err := http.Get(e.url + path)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode, "%s: %s", path, b)
		require.True(t, json.Valid(b))
		if path == "/v1/models" {
			require.True(t, strings.Contains(string(b), `"lowestPrice":"1000000000"`), string(b))
		}
		if path == "/v1/models" || path == "/v1/providers" || path == "/healthz" {
			// Integers are decimal strings on every route (protocol/README "Conventions").
			var v struct {
				Block json.RawMessage `json:"block"`
			}
			require.NoError(t, json.Unmarshal(b, &v))
			require.Regexp(t, `^"[0-9]+"$`, string(v.Block), path)
		}
	}
}

// requireClosedBy: rec carries router's signature of its close (settle.CloseDigest), dates and all.
func requireClosedBy(t *testing.T, rec wire.SessionRecord, router common.Address) {
	t.Helper()
	require.NotNil(t, rec.CloseSignature, "the router signs the close")
	c := rec.Close()
	got, err := settle.CloseSigner(domain, &c, rec.CloseSignature)
	require.NoError(t, err)
	require.Equal(t, router, got)
}

// TestCloseBounds: what a router records never exceeds what keepers credit (protocol/settle): the wall
// clock since the session opened, whoever signed; a provider alone nothing without a request the user
// signed, and no more than the newest one proves.
func TestCloseBounds(t *testing.T) {
	p := newStandIn(t, 8)
	e := newEnv(t, 1e18, []*standIn{p}, []uint64{1e9})
	open := func() wire.RFCResponse {
		code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 3600), domain))
		require.Equal(t, 200, code, string(b))
		var r wire.RFCResponse
		require.NoError(t, json.Unmarshal(b, &r))
		return r
	}
	closeWith := func(id common.Hash, seconds uint32, user bool, last *wire.SignedRequest) wire.SessionRecord {
		rc := eip712.UsageReceipt{SessionID: id, Seconds: seconds, OutputTokens: 100}
		req := wire.CloseRequest{Receipt: rc, LastRequest: last}
		ps, _ := domain.Sign(&rc, p.signer)
		req.ProviderSignature = &ps
		if user {
			us, _ := domain.Sign(&rc, e.user)
			req.UserSignature = &us
		}
		cb, _ := json.Marshal(req)
		code, b := e.post("/v1/sessions/"+id.Hex()+"/close", cb)
		require.Equal(t, 200, code, string(b))
		var rec wire.SessionRecord
		require.NoError(t, json.Unmarshal(b, &rec))
		return rec
	}
	// Both signatures on a 3,000 s receipt, closed at once: at most the wall clock (+1 s resolution).
	a, b, c, d := open(), open(), open(), open()
	rec := closeWith(a.SessionID, 3000, true, nil)
	require.LessOrEqual(t, rec.BilledSeconds, uint32(2), "a session closed right away bills no more than the seconds that passed")

	e.advance(20 * time.Minute)
	now := uint64(time.Now().Unix()) // the session opened about now (server clock 20 min behind it now)
	// The provider alone without a request the user signed: nothing.
	require.Zero(t, closeWith(b.SessionID, 600, false, nil).BilledSeconds)
	// ... with a request it signed itself: nothing.
	require.Zero(t, closeWith(c.SessionID, 600, false, signedRequest(t, c.SessionID, p.signer, now+10)).BilledSeconds)
	// ... with the user's request 10 s in: that request plus settle.RequestGrace, not its 1,200 s receipt.
	rec = closeWith(d.SessionID, 1200, false, signedRequest(t, d.SessionID, e.user, now+10))
	require.InDelta(t, 10+settle.RequestGrace+1, int(rec.BilledSeconds), 2)
	require.NotNil(t, rec.LastRequest)
}

// TestCloseAcceptanceAcrossRotation (THREATS.md, provider: signer rotation): the provider signs its
// acceptance of a session's ticket once, at the session's first request; it then rotates its signer (the
// book reads K2 from a block after the session's start), and the user closes at the router alone carrying
// the acceptance K1 signed. The router takes it (K1 was the provider's signer at the session's start:
// settle.SignerAt over the book's signer history, as keepers judge it) and the record carries it; an
// acceptance by a stranger's key is still refused.
func TestCloseAcceptanceAcrossRotation(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, k1Acc := e.grantAccepted(p) // K1: p's signer

	// The provider rotates to K2 10 s after the session started; the book has read it.
	k2, _ := crypto.GenerateKey()
	e.rotate(p, k2, e.session(s.SessionID).CreatedAt+10)

	e.advance(30 * time.Second)
	stranger, _ := crypto.GenerateKey()
	strangerAcc, err := settle.SignAcceptance(domain, &s.Ticket, s.Router, stranger)
	require.NoError(t, err)
	code, b := e.userClose(s.SessionID, &strangerAcc)
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))

	code, b = e.userClose(s.SessionID, &k1Acc)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, &k1Acc, rec.TicketAcceptance, "the record carries the acceptance of the signer at the session's start")
	require.Equal(t, uint32(20), rec.BilledSeconds)
}

// TestCloseRefusesAcceptanceOfKeyRetiredBeforeStart (review finding: the router's book lags the chain by its
// confirmations): the provider rotated K0 → K1 at R, and the router, not yet having read it, granted a
// session after R. Once the book has read the rotation, a close carrying K0's acceptance (a leaked retired
// key, or a provider still running K0) is refused: keepers judge the acceptance by the signer at the
// session's start or close, both K1, and would reject the whole record (nothing credited, the provider's own
// close then 409). It used to be taken (K0 was saved with the session when the ticket was issued). The
// client closes again without it, and that close is credited.
func TestCloseRefusesAcceptanceOfKeyRetiredBeforeStart(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, k0Acc := e.grantAccepted(p) // the book still holds K0, p's signer, alone

	k1, _ := crypto.GenerateKey()
	e.rotate(p, k1, e.session(s.SessionID).CreatedAt-5) // the book catches up: K1 from 5 s before the grant
	e.advance(30 * time.Second)
	code, b := e.userClose(s.SessionID, &k0Acc)
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))
	require.Equal(t, store.StateOpen, e.session(s.SessionID).State, "nothing recorded")

	code, b = e.userClose(s.SessionID, nil)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Nil(t, rec.TicketAcceptance)
	require.Equal(t, uint32(20), rec.BilledSeconds, "the close without the acceptance is credited")
}

// grantAccepted is a session granted to p (the user's RFC answered) and p's signer's acceptance of its ticket.
func (e *env) grantAccepted(p *standIn) (wire.RFCResponse, eip712.Signature) {
	e.t.Helper()
	code, s, b := e.rfcAnswer(e.rfc(5e9, 60))
	require.Equal(e.t, 200, code, string(b))
	acc, err := settle.SignAcceptance(domain, &s.Ticket, s.Router, p.signer)
	require.NoError(e.t, err)
	return s, acc
}

// session reads session id from the router's store.
func (e *env) session(id common.Hash) *store.Session {
	e.t.Helper()
	sess, err := e.db.Session(context.Background(), id)
	require.NoError(e.t, err)
	return sess
}

// userClose posts the user's close of session id (20 s, 100 tokens) carrying the ticket acceptance acc
// (nil: none).
func (e *env) userClose(id common.Hash, acc *eip712.Signature) (int, []byte) {
	rc := eip712.UsageReceipt{SessionID: id, Seconds: 20, OutputTokens: 100}
	us, err := domain.Sign(&rc, e.user)
	require.NoError(e.t, err)
	cb, err := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &us, TicketAcceptance: acc})
	require.NoError(e.t, err)
	return e.post("/v1/sessions/"+id.Hex()+"/close", cb)
}

// weekReads counts the reads of the last week's closed sessions and of the held ones.
type weekReads struct {
	*store.DB
	n, held atomic.Int64
}

func (c *weekReads) ClosedSince(ctx context.Context, since uint64, limit int) ([]*store.Session, error) {
	c.n.Add(1)
	return c.DB.ClosedSince(ctx, since, limit)
}

func (c *weekReads) HeldSessions(ctx context.Context, limit int) ([]*store.Session, error) {
	c.held.Add(1)
	return c.DB.HeldSessions(ctx, limit)
}

// TestReportsReadTheWeekOncePerTTL: GET /v1/models, /v1/reports/popularity and /v1/reports/anomalies are
// public and each reads up to maxReportSessions full session rows (about 50 ms per thousand here), the
// anomalies up to 1,000 held ones besides: read per request, one client within its IP rate kept every core
// busy. Any number of them within a minute read each once; after it the next request reads the week again
// and counts the sessions closed since.
func TestReportsReadTheWeekOncePerTTL(t *testing.T) {
	e := newEnv(t, 1e18, nil, nil)
	ctx := context.Background()
	var clock atomic.Int64
	clock.Store(time.Now().Unix())
	st := &weekReads{DB: e.db}
	srv := api.New(api.Config{Domain: domain, RouterKey: e.routerK, Now: func() time.Time { return time.Unix(clock.Load(), 0) }},
		e.book, fakeAllow{amount: uint256.NewInt(1)}, nil, st, health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	closeOne := func(i byte) {
		now := uint64(clock.Load())
		id := common.Hash{0xee, i}
		s := &store.Session{ID: id, RFCDigest: id, Ticket: eip712.SessionTicket{SessionID: id, ModelID: modelID,
			PricePerSecond: *uint256.NewInt(1), MaxSeconds: 10, NotAfter: now + 100}, Day: 3, Reserved: uint256.NewInt(10),
			DepositReserved: uint256.NewInt(0), CreatedAt: now - 10, ExpiresAt: now + 100}
		_, _, err := e.db.CreateSession(ctx, store.NewSession{Session: s, Nonce: uint64(i), Deadline: now + 100, Allowance: uint256.NewInt(1e18)})
		require.NoError(t, err)
		rc := eip712.UsageReceipt{SessionID: id, Seconds: 5, OutputTokens: 10}
		_, err = e.db.CloseSession(ctx, store.Close{ID: id, Reason: wire.CloseReceipt, Receipt: &rc, UserSignature: &eip712.Signature{},
			ProviderSignature: &eip712.Signature{}, BilledSeconds: 5, ClosedAt: now})
		require.NoError(t, err)
	}
	sessions7d := func() int {
		resp, err := http.Get(hs.URL + "/v1/models")
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		var out struct{ Models []struct{ Sessions7d int } }
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		require.Len(t, out.Models, 1)
		return out.Models[0].Sessions7d
	}
	closeOne(1)
	require.Equal(t, 1, sessions7d())
	closeOne(2)
	for range 10 {
		for _, p := range []string{"/v1/reports/popularity", "/v1/reports/anomalies"} {
			resp, err := http.Get(hs.URL + p)
			require.NoError(t, err)
			resp.Body.Close()
			require.Equal(t, http.StatusOK, resp.StatusCode, p)
		}
		require.Equal(t, 1, sessions7d(), "within the minute the week read first is served")
	}
	require.EqualValues(t, 1, st.n.Load(), "one read of the week for 31 report requests")
	require.EqualValues(t, 1, st.held.Load(), "one read of the held sessions for 10 anomaly reports")
	clock.Add(61)
	require.Equal(t, 2, sessions7d(), "a minute later the week is read again")
	require.EqualValues(t, 2, st.n.Load())
}

// TestCloseRefusesRetiredKeyInConfirmationLag (THREATS.md, provider: signer rotation; review finding
// "router signer-history lag"): the provider rotates K1 → K2 10 s into a session, in a block the router's
// book has not confirmed yet (its --confirmations), while its serve still signs with K1. Keepers judge the
// receipt by the signer at the close (K2) and would reject the whole record: the router used to take the
// K1 close (its book alone still said K1), the provider's own close then 409, and the session was credited
// to no one (the provider unpaid for real service, the builder's fee lost). Now K1's receipt is refused
// (bad_provider_signature, which provider serve tries again), and K2's, which the head takes and the book
// not yet (a rotation the head shows may still be reorged away), is kept pending with its arrival time
// (503, tried again): once the book has confirmed the rotation its retry takes it, dated at its first
// arrival, with K1's acceptance of the session it started.
func TestCloseRefusesRetiredKeyInConfirmationLag(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, k1Acc := e.grantAccepted(p) // K1: p's signer
	k1 := p.signer
	k2, _ := crypto.GenerateKey()
	confirm := e.rotateUnconfirmed(p, k2, e.session(s.SessionID).CreatedAt+10)
	e.advance(30 * time.Second)

	code, b := e.providerClose(s.SessionID, k1, &k1Acc)
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadProviderSignature, errCode(t, b))
	require.Equal(t, store.StateOpen, e.session(s.SessionID).State, "nothing recorded")
	arrived := e.serverNow()
	code, b = e.providerClose(s.SessionID, k2, &k1Acc)
	require.Equal(t, 503, code, "the book has not confirmed K2 yet: %s", b)
	require.Equal(t, wire.CodeUnavailable, errCode(t, b))
	e.advance(10 * time.Second)
	code, b = e.providerClose(s.SessionID, k2, &k1Acc)
	require.Equal(t, 503, code, string(b))

	confirm()
	code, b = e.providerClose(s.SessionID, k2, &k1Acc)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.Equal(t, &k1Acc, rec.TicketAcceptance)
	require.Equal(t, uint32(20), rec.BilledSeconds)
	require.InDelta(t, arrived, rec.ClosedAt, 1, "dated at its first arrival")
	code, b = e.providerClose(s.SessionID, k1, &k1Acc)
	require.Equal(t, 409, code, string(b))
}

// TestCloseRefusesAcceptanceOfKeyRetiredInConfirmationLag: the provider rotated K0 → K1 5 s before the
// router granted a session, in a block its book has not confirmed; a close carrying K0's acceptance (serve
// still running K0 announced it) is refused (keepers judge it by the signer at the session's start or
// close, both K1, and would reject the whole record), and the user's close without it is taken.
func TestCloseRefusesAcceptanceOfKeyRetiredInConfirmationLag(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, k0Acc := e.grantAccepted(p)
	k1, _ := crypto.GenerateKey()
	e.rotateUnconfirmed(p, k1, e.session(s.SessionID).CreatedAt-5)
	e.advance(30 * time.Second)

	code, b := e.userClose(s.SessionID, &k0Acc)
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b), "the client closes again without it on bad_signature")
	code, b = e.userClose(s.SessionID, nil)
	require.Equal(t, 200, code, string(b))
}

// TestCloseWithProviderKeysWaitsForTheHead: while the chain's head cannot be read, a close carrying a
// provider signature or acceptance is refused 503 (provider serve tries it again), never judged by the
// lagging book alone; a user's close without either needs no head and is taken.
func TestCloseWithProviderKeysWaitsForTheHead(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	s2, _ := e.grantAccepted(p)
	e.book.mu.Lock()
	e.book.headErr = errors.New("rpc down")
	e.book.mu.Unlock()
	e.advance(30 * time.Second)

	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, 503, code, string(b))
	require.Equal(t, wire.CodeUnavailable, errCode(t, b))
	code, b = e.userClose(s.SessionID, &acc)
	require.Equal(t, 503, code, string(b))
	code, b = e.userClose(s2.SessionID, nil)
	require.Equal(t, 200, code, string(b))
}

// providerClose posts the provider's close of session id (20 s, 100 tokens, signed by the user and
// countersigned by key) carrying the ticket acceptance acc.
func (e *env) providerClose(id common.Hash, key *ecdsa.PrivateKey, acc *eip712.Signature) (int, []byte) {
	rc := eip712.UsageReceipt{SessionID: id, Seconds: 20, OutputTokens: 100}
	us, err := domain.Sign(&rc, e.user)
	require.NoError(e.t, err)
	ps, err := domain.Sign(&rc, key)
	require.NoError(e.t, err)
	cb, err := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps, TicketAcceptance: acc})
	require.NoError(e.t, err)
	return e.post("/v1/sessions/"+id.Hex()+"/close", cb)
}

// TestCloseUnsignedWhenTicketKeyNotHeld: a router whose ticket key changed since a session opened holds no key
// that can sign the session's close as its ticket's signer: it takes the close unsigned (keepers still credit
// it) and counts it, so its operator sees closes that another router's re-dated copy could displace.
func TestCloseUnsignedWhenTicketKeyNotHeld(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	var r wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &r))
	ctx := context.Background()
	sess, err := e.db.Session(ctx, r.SessionID)
	require.NoError(t, err)

	rotated, err := crypto.GenerateKey()
	require.NoError(t, err)
	set := vm.NewSet()
	srv := api.New(api.Config{Domain: domain, RouterKey: rotated, Now: func() time.Time { return time.Unix(int64(sess.ExpiresAt)+1, 0) }},
		e.book, fakeAllow{amount: uint256.NewInt(1)}, nil, e.db, health.New(health.Backoff{}, time.Now), set, zaptest.NewLogger(t))
	require.NoError(t, srv.ExpireDue(ctx))
	got, err := e.db.Session(ctx, r.SessionID)
	require.NoError(t, err)
	require.Equal(t, wire.CloseExpired, got.CloseReason)
	require.Nil(t, got.CloseSignature, "no key of this router signed the ticket")
	var out bytes.Buffer
	set.WritePrometheus(&out)
	require.Contains(t, out.String(), "laketravis_router_closes_unsigned_total 1")
}

// TestCloseSignedByRetiredTicketKey: a router restarted with a new ticket key and its old one kept as retired
// (Config.RetiredSigners, --retired-keystore) signs the closes of the sessions the old key's tickets opened
// with the old key, a close taken and an expiry alike, so keepers keep them over re-dated copies; the
// retired key signs no ticket: the tickets, the closes of the sessions they open and the liveness
// answers' own proof after the switch are the new key's (the retired key only proves itself there besides,
// TestLivenessProvesRetiredKeys).
func TestCloseSignedByRetiredTicketKey(t *testing.T) {
	p := newStandIn(t, 5)
	path := filepath.Join(t.TempDir(), "r.db")
	e := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, nil)
	old := crypto.PubkeyToAddress(e.routerK.PublicKey)
	closed, _ := e.grantAccepted(p)
	expiring, _ := e.grantAccepted(p)

	again := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, func(c *api.Config) {
		c.RetiredSigners = []keys.Signer{keys.NewKeySigner(e.routerK, domain.ChainID())}
		c.PublicURLs = []string{"https://router.example"}
	})
	again.user, again.nonce = e.user, e.nonce
	current := crypto.PubkeyToAddress(again.routerK.PublicKey)
	require.NotEqual(t, old, current)
	require.Equal(t, current, again.srv.Router())

	// After the switch: the ticket and the liveness answer are the new key's.
	opened, _ := again.grantAccepted(p)
	require.Equal(t, current, opened.Router)
	signer, _, err := domain.Recover(&opened.Ticket, opened.TicketSignature[:])
	require.NoError(t, err)
	require.Equal(t, current, signer, "a ticket served after the switch is signed by the new key, never the retired one")
	code, b := again.post("/v1/liveness", mustJSON(wire.LivenessRequest{Challenge: common.Hash{7}, URL: "https://router.example"}))
	require.Equal(t, http.StatusOK, code, string(b))
	var lr wire.LivenessResponse
	require.NoError(t, json.Unmarshal(b, &lr))
	signer, _, err = domain.Recover(&lr.Liveness, lr.Signature[:])
	require.NoError(t, err)
	require.Equal(t, current, signer, "the liveness answer is the new key's")

	again.advance(30 * time.Second)
	code, b = again.userClose(closed.SessionID, nil)
	require.Equal(t, http.StatusOK, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, old, rec.Router)
	requireClosedBy(t, rec, old)

	// Expiry (ExpireDue) signs through the same rule: the old ticket's by the retired key, the new one's by
	// the new key.
	last := max(again.session(expiring.SessionID).ExpiresAt, again.session(opened.SessionID).ExpiresAt)
	again.advance(time.Duration(last-again.serverNow()+1) * time.Second)
	require.NoError(t, again.srv.ExpireDue(context.Background()))
	requireClosedBy(t, again.getSession(expiring.SessionID), old)
	requireClosedBy(t, again.getSession(opened.SessionID), current)
	var out bytes.Buffer
	again.reg.WritePrometheus(&out)
	require.Contains(t, out.String(), "laketravis_router_closes_unsigned_total 0", "no close was taken unsigned")
}
