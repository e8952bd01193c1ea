package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// headDown makes the chain's head unreadable (every RPC URL down) while down is set.
func (e *env) headDown(down bool) {
	e.book.mu.Lock()
	defer e.book.mu.Unlock()
	e.book.headErr = nil
	if down {
		e.book.headErr = errors.New("every rpc url down")
	}
}

// pending is session id's closes kept pending, in arrival order.
func (e *env) pending(id common.Hash) []store.PendingClose {
	e.t.Helper()
	p, err := e.db.PendingCloses(context.Background(), id)
	require.NoError(e.t, err)
	return p
}

// serverNow is the server's clock (unix seconds).
func (e *env) serverNow() uint64 { return uint64(time.Now().Unix() + e.skew.Load()) }

// pastLastClose moves the server's clock past session s's settle.LastClose.
func (e *env) pastLastClose(s wire.RFCResponse) {
	e.advance(time.Duration(settle.LastClose(s.Ticket.NotAfter)-e.serverNow()+10) * time.Second)
}

// getSession is GET /v1/sessions/{id}, as a provider or a user reads it.
func (e *env) getSession(id common.Hash) wire.SessionRecord {
	e.t.Helper()
	resp, err := http.Get(e.url + "/v1/sessions/" + id.Hex())
	require.NoError(e.t, err)
	defer resp.Body.Close()
	require.Equal(e.t, http.StatusOK, resp.StatusCode)
	var rec wire.SessionRecord
	require.NoError(e.t, json.NewDecoder(resp.Body).Decode(&rec))
	return rec
}

// closeBody is a close of session id billing seconds (100 tokens), signed by the user when user is set and
// countersigned by key when it is not nil, carrying acc.
func (e *env) closeBody(id common.Hash, seconds uint32, user bool, key *eip712.Signature, acc *eip712.Signature) []byte {
	rc := eip712.UsageReceipt{SessionID: id, Seconds: seconds, OutputTokens: 100}
	req := wire.CloseRequest{Receipt: rc, ProviderSignature: key, TicketAcceptance: acc}
	if user {
		us, err := domain.Sign(&rc, e.user)
		require.NoError(e.t, err)
		req.UserSignature = &us
	}
	b, err := json.Marshal(req)
	require.NoError(e.t, err)
	return b
}

// TestPendingCloseOutlivesHeadOutage (THREATS.md, the chain / RPC): the provider closes a session in time
// while the router cannot read the chain's head (every --rpc down), which a close carrying its
// signature needs, and the outage lasts past settle.LastClose. The router keeps the close with its arrival
// time (503 "try again", as before), recognises the provider's retries of it past LastClose (they used to
// be refused 409 expired: the provider's pay for the session lost), and takes it, dated at its arrival,
// once the head is readable again; the session's feed record shows it. A new close arriving after
// LastClose is refused.
func TestPendingCloseOutlivesHeadOutage(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	e.headDown(true)
	e.advance(30 * time.Second)

	before := e.serverNow()
	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	after := e.serverNow()
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Equal(t, wire.CodeUnavailable, errCode(t, b), "provider serve tries a 503 again")

	e.pastLastClose(s)
	code, b = e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusServiceUnavailable, code, "the retry of the close that arrived in time is not expired: %s", b)
	code, b = e.userClose(s.SessionID, nil)
	require.Equal(t, http.StatusConflict, code, "a close arriving after LastClose is refused: %s", b)
	require.Equal(t, wire.CodeExpired, errCode(t, b))

	e.headDown(false)
	code, b = e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusOK, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.GreaterOrEqual(t, rec.ClosedAt, before, "dated at its arrival")
	require.LessOrEqual(t, rec.ClosedAt, after)
	require.Equal(t, uint32(20), rec.BilledSeconds)

	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 1)
	require.Equal(t, s.SessionID, page.Sessions[0].SessionID)
	require.Equal(t, rec.ClosedAt, page.Sessions[0].ClosedAt)
	require.Equal(t, &acc, page.Sessions[0].TicketAcceptance)
	require.NotNil(t, page.Sessions[0].ProviderSignature)
	code, _ = e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusConflict, code, "closed once")
}

// TestPendingCloseJudgedInTheBackground: a pending close whose closer stopped trying (provider serve stops
// at settle.LastClose) is judged by the router's own background work once the head is readable, dated at
// its arrival: GET /v1/sessions/{id} and the settlement feed show it as any close. The session does not
// expire meanwhile (it would close with nothing billed).
func TestPendingCloseJudgedInTheBackground(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	e.headDown(true)
	e.advance(30 * time.Second)
	arrived := e.serverNow()
	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))

	ctx := context.Background()
	e.pastLastClose(s)
	require.NoError(t, e.srv.ExpireDue(ctx))
	require.NoError(t, e.srv.JudgePending(ctx, 10), "the head unread: nothing judged, nothing failed")
	require.Equal(t, store.StateOpen, e.getSession(s.SessionID).State, "neither expired nor judged")
	// A book that starts again from nothing (a re-index) does not refuse it while the head is unread.
	full := e.book.Snapshot()
	empty := *full
	empty.Signers = map[common.Address][]settle.SignerSet{}
	e.book.snap.Store(&empty)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	require.Len(t, e.pending(s.SessionID), 1, "kept until the head is read")
	e.book.snap.Store(full)

	e.headDown(false)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	rec := e.getSession(s.SessionID)
	require.Equal(t, store.StateClosed, rec.State)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.InDelta(t, arrived, rec.ClosedAt, 1)
	require.Equal(t, uint32(20), rec.BilledSeconds)
	require.NotEmpty(t, rec.Cursor, "in the settlement feed")
	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 1)
	require.Equal(t, rec.ClosedAt, page.Sessions[0].ClosedAt)
	require.Empty(t, e.pending(s.SessionID))
}

// TestPendingCloseRefusedDoesNotBlock (THREATS.md, provider: a leaked retired key): while the head is
// unreadable, a close countersigned by the provider's key it just rotated away from (the book, lagging by
// its confirmations, still holds it; the head shows the rotation) arrives first and is kept; the user's own
// close arrives after it, in time, and waits behind it. Judged once the head is readable (past LastClose),
// the first is refused (keepers would reject it) and dropped, and the user's is taken, dated at its
// arrival. A stranger's key is refused at once and never kept.
func TestPendingCloseRefusedDoesNotBlock(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, _ := e.grantAccepted(p)
	k1, _ := crypto.GenerateKey()
	e.rotateUnconfirmed(p, k1, e.session(s.SessionID).CreatedAt+10)
	e.headDown(true)
	e.advance(30 * time.Second)
	ctx := context.Background()

	stranger, _ := crypto.GenerateKey()
	code, b := e.providerClose(s.SessionID, stranger, nil)
	require.Equal(t, http.StatusUnauthorized, code, string(b))
	require.Equal(t, wire.CodeBadProviderSignature, errCode(t, b))

	rc := eip712.UsageReceipt{SessionID: s.SessionID, Seconds: 50, OutputTokens: 100}
	k0sig, err := domain.Sign(&rc, p.signer) // the retired key, leaked
	require.NoError(t, err)
	code, b = e.post("/v1/sessions/"+s.SessionID.Hex()+"/close", e.closeBody(s.SessionID, 50, false, &k0sig, nil))
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	e.advance(5 * time.Second)
	userArrived := e.serverNow()
	code, b = e.userClose(s.SessionID, nil)
	require.Equal(t, http.StatusServiceUnavailable, code, "behind the close that arrived first: %s", b)
	require.Len(t, e.pending(s.SessionID), 2, "the stranger's close was not kept")

	e.pastLastClose(s)
	e.headDown(false)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	rec := e.getSession(s.SessionID)
	require.Equal(t, store.StateClosed, rec.State)
	require.NotNil(t, rec.UserSignature, "the user's close")
	require.Nil(t, rec.ProviderSignature)
	require.Equal(t, uint32(20), rec.Receipt.Seconds)
	require.InDelta(t, userArrived, rec.ClosedAt, 1)
	require.Empty(t, e.pending(s.SessionID))
}

// TestPendingClosesCapped (THREATS.md, anyone on the internet): a session keeps at most 4 pending closes; a
// retry of a kept one takes no second place and keeps its first arrival time; a fifth is answered 503 and
// not kept. Once the head is readable the first that arrived is taken.
func TestPendingClosesCapped(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	e.headDown(true)
	e.advance(30 * time.Second)
	post := func(seconds uint32) (int, []byte) {
		rc := eip712.UsageReceipt{SessionID: s.SessionID, Seconds: seconds, OutputTokens: 100}
		ps, err := domain.Sign(&rc, p.signer)
		require.NoError(t, err)
		return e.post("/v1/sessions/"+s.SessionID.Hex()+"/close", e.closeBody(s.SessionID, seconds, true, &ps, &acc))
	}
	first := e.serverNow()
	for i := range uint32(4) {
		code, b := post(10 + i)
		require.Equal(t, http.StatusServiceUnavailable, code, string(b))
		e.advance(time.Second)
	}
	code, b := post(10)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Contains(t, string(b), "kept as it arrived")
	code, b = post(14)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Contains(t, string(b), "keeps 4 closes")
	pending := e.pending(s.SessionID)
	require.Len(t, pending, 4)
	require.InDelta(t, first, pending[0].ClosedAt, 1, "the retry kept the first arrival time")

	e.headDown(false)
	code, b = post(14)
	require.Equal(t, http.StatusConflict, code, "the closes kept first are judged first: %s", b)
	rec := e.getSession(s.SessionID)
	require.Equal(t, uint32(10), rec.Receipt.Seconds)
	require.InDelta(t, first, rec.ClosedAt, 1)
}

// TestPendingCloseSurvivesRestart: a close kept pending while the head is unreadable is in the router's
// store; a router started again on it (the head readable, LastClose passed) judges it in its background
// work (Run) as of its arrival, and its feed shows it.
func TestPendingCloseSurvivesRestart(t *testing.T) {
	p := newStandIn(t, 5)
	path := filepath.Join(t.TempDir(), "r.db")
	e := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, nil)
	s, acc := e.grantAccepted(p)
	e.headDown(true)
	e.advance(30 * time.Second)
	arrived := e.serverNow()
	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.NoError(t, e.db.Close())

	again := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, nil)
	again.skew.Store(e.skew.Load())
	again.pastLastClose(s)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); again.srv.Run(ctx, 10*time.Millisecond) }()
	defer func() { cancel(); wg.Wait() }()
	require.Eventually(t, func() bool { return again.getSession(s.SessionID).State == store.StateClosed }, 10*time.Second, 10*time.Millisecond)
	rec := again.getSession(s.SessionID)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.InDelta(t, arrived, rec.ClosedAt, 1)
	require.Equal(t, &acc, rec.TicketAcceptance)
	page := getFeed(t, again, "0")
	require.Len(t, page.Sessions, 1)
	require.Equal(t, rec.ClosedAt, page.Sessions[0].ClosedAt)
}

// TestLateCloseNotPended: a close arriving after settle.LastClose is refused 409 expired, the head readable
// or not, and never kept pending (a pending close makes nobody else's late close closable).
func TestLateCloseNotPended(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	s2, acc2 := e.grantAccepted(p)
	e.headDown(true)
	e.advance(30 * time.Second)
	code, b := e.providerClose(s2.SessionID, p.signer, &acc2)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	e.pastLastClose(s)
	for _, down := range []bool{true, false} {
		e.headDown(down)
		code, b := e.providerClose(s.SessionID, p.signer, &acc)
		require.Equal(t, http.StatusConflict, code, string(b))
		require.Equal(t, wire.CodeExpired, errCode(t, b))
		require.Empty(t, e.pending(s.SessionID))
	}
	e.headDown(true)
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", e.closeBody(s2.SessionID, 30, true, nil, nil))
	require.Equal(t, http.StatusConflict, code, "a session keeping a close that arrived in time: %s", b)
	require.Equal(t, wire.CodeExpired, errCode(t, b))
	require.Len(t, e.pending(s2.SessionID), 1)
}

// TestPendingAcceptanceOfUnconfirmedKey (THREATS.md, provider: signer rotation): the provider rotated K0 →
// K1 5 s before the router granted a session, in a block its book has not confirmed, and its serve, on K1,
// announced K1's acceptance of the session to the user. The user's close carrying it (the book still says
// K0, the head K1) used to be refused 401 bad_signature, the client closing again without it; it is kept
// pending with its arrival time, and once the book has confirmed the rotation (past settle.LastClose
// here) the router takes it, acceptance and all, dated at its arrival. A stranger's acceptance is still
// refused at once.
func TestPendingAcceptanceOfUnconfirmedKey(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, _ := e.grantAccepted(p)
	k1, _ := crypto.GenerateKey()
	confirm := e.rotateUnconfirmed(p, k1, e.session(s.SessionID).CreatedAt-5)
	e.advance(30 * time.Second)

	stranger, _ := crypto.GenerateKey()
	strangerAcc, err := settle.SignAcceptance(domain, &s.Ticket, s.Router, stranger)
	require.NoError(t, err)
	code, b := e.userClose(s.SessionID, &strangerAcc)
	require.Equal(t, http.StatusUnauthorized, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))

	k1Acc, err := settle.SignAcceptance(domain, &s.Ticket, s.Router, k1)
	require.NoError(t, err)
	arrived := e.serverNow()
	code, b = e.userClose(s.SessionID, &k1Acc)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Len(t, e.pending(s.SessionID), 1)

	ctx := context.Background()
	e.pastLastClose(s)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	require.Equal(t, store.StateOpen, e.getSession(s.SessionID).State, "not confirmed yet")
	confirm()
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	rec := e.getSession(s.SessionID)
	require.Equal(t, store.StateClosed, rec.State)
	require.Equal(t, &k1Acc, rec.TicketAcceptance)
	require.InDelta(t, arrived, rec.ClosedAt, 1)
	require.Equal(t, uint32(20), rec.BilledSeconds)
}

// TestCloseAfterRouterExpiry: the router expires an open session at notAfter + grace, releasing the user's
// reservation, but a valid close arriving after that and by settle.LastClose (a provider whose report a
// router outage delayed) is still taken: it replaces the expiry, as the session's record and the settlement
// feed show, so the provider is paid for what the user signed. Once closed, no second close is taken; a
// close after LastClose is refused as expired, as for an open session.
func TestCloseAfterRouterExpiry(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	late, lateAcc := e.grantAccepted(p)
	ctx := context.Background()
	// Past both expiries: the second grant may fall in the next second, its expiry one second later.
	e.advance(time.Duration(e.session(late.SessionID).ExpiresAt-e.serverNow()+1) * time.Second)
	require.NoError(t, e.srv.ExpireDue(ctx))
	rec := e.getSession(s.SessionID)
	require.Equal(t, wire.CloseExpired, rec.CloseReason, "expired")
	require.Equal(t, wire.CloseExpired, e.getSession(late.SessionID).CloseReason)

	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusOK, code, "a close by LastClose replaces the expiry: %s", b)
	rec = e.getSession(s.SessionID)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.Equal(t, uint32(20), rec.BilledSeconds)
	page := getFeed(t, e, "0")
	last := page.Sessions[len(page.Sessions)-1]
	require.Equal(t, s.SessionID, last.SessionID)
	require.Equal(t, wire.CloseReceipt, last.CloseReason, "the billing copy enters the feed after the expired one")

	code, b = e.userClose(s.SessionID, &acc)
	require.Equal(t, http.StatusConflict, code, string(b))
	require.Contains(t, string(b), wire.CodeSessionClosed)

	e.pastLastClose(late)
	code, b = e.providerClose(late.SessionID, p.signer, &lateAcc)
	require.Equal(t, http.StatusConflict, code, string(b))
	require.Contains(t, string(b), wire.CodeExpired, "after LastClose: too late, expired or not")
	require.Equal(t, wire.CloseExpired, e.getSession(late.SessionID).CloseReason)
}

// TestCloseAfterRouterExpiryWithinTheAllowanceLeft: the expiry released the session's reservation, and the
// user's next sessions reserved that credit; a close arriving after the expiry is then refused (409
// session_closed), as taking it would have the router admit more than the user's allowance and keepers,
// charging the user-day's sessions in closedAt order, would leave a later session's provider unpaid. Once
// the newer sessions bill less than they reserved, the same close fits and is taken.
func TestCloseAfterRouterExpiryWithinTheAllowanceLeft(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 120e9, []*standIn{p}, []uint64{1e9}) // 120 s at the provider's price
	s, acc := e.grantAccepted(p)                        // 60 s reserved
	ctx := context.Background()
	sess := e.session(s.SessionID)
	user := crypto.PubkeyToAddress(e.user.PublicKey)
	used := func() uint64 {
		u, err := e.db.Used(ctx, user, sess.Day)
		require.NoError(t, err)
		return u.Uint64()
	}
	e.advance(time.Duration(sess.ExpiresAt-e.serverNow()+1) * time.Second)
	require.NoError(t, e.srv.ExpireDue(ctx))
	require.Zero(t, used())
	s2, acc2 := e.grantAccepted(p)
	s3, _ := e.grantAccepted(p)
	require.Equal(t, []uint32{60, 60}, []uint32{s2.Ticket.MaxSeconds, s3.Ticket.MaxSeconds}, "the released credit, taken")

	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusConflict, code, "20 s more than the allowance: %s", b)
	require.Contains(t, string(b), wire.CodeSessionClosed)
	require.Equal(t, uint64(120e9), used(), "never more than the allowance")
	rec := httptest.NewRecorder()
	metricset.Handler(e.reg, false).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	f := promtest.Parse(t, rec.Body)
	require.Equal(t, 1.0, f.Counter(t, "laketravis_router_requests_total", "handler", "close", "code", wire.CodeSessionClosed),
		"the refusal is counted as answered, not as an internal error")
	require.Equal(t, wire.CloseExpired, e.getSession(s.SessionID).CloseReason)

	code, b = e.providerClose(s2.SessionID, p.signer, &acc2) // bills at most the second it ran of its 60
	require.Equal(t, http.StatusOK, code, string(b))
	code, b = e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusOK, code, "now it fits: %s", b)
	billed2 := uint64(e.getSession(s2.SessionID).BilledSeconds)
	require.Equal(t, 20e9+60e9+billed2*1e9, used())
	require.LessOrEqual(t, used(), uint64(120e9))
}

// TestPendingCloseOfExpiredSessionRefusedIsDropped: a close of a session the router expired, kept pending
// (the chain's head unread), which the allowance no longer covers once it can be judged (its released credit
// reserved by newer sessions), is refused and dropped like any close failing its judgement: it neither stays
// pending for ever, judged again every round, nor blocks the session's later closes.
func TestPendingCloseOfExpiredSessionRefusedIsDropped(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 120e9, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	ctx := context.Background()
	e.advance(time.Duration(e.session(s.SessionID).ExpiresAt-e.serverNow()+1) * time.Second)
	require.NoError(t, e.srv.ExpireDue(ctx))
	e.grantAccepted(p)
	e.grantAccepted(p)

	e.headDown(true)
	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Len(t, e.pending(s.SessionID), 1)
	e.headDown(false)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	require.Empty(t, e.pending(s.SessionID), "refused: dropped")
	require.Equal(t, wire.CloseExpired, e.getSession(s.SessionID).CloseReason)
	code, b = e.userClose(s.SessionID, &acc)
	require.Equal(t, http.StatusConflict, code, "judged, not blocked behind a stuck close: %s", b)
	require.Contains(t, string(b), "released its reservation")
}

// TestCloseAfterExpiryKeptWhileTheAllowanceIsUnread: a close of a session the router expired cannot be
// checked against the user's allowance while it cannot be read (here: the day's first second); it is kept
// pending as of its arrival, as a close whose provider keys cannot be judged is, and taken in the
// background once the allowance reads, so an outage past settle.LastClose does not lose it.
func TestCloseAfterExpiryKeptWhileTheAllowanceIsUnread(t *testing.T) {
	p := newStandIn(t, 5)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	s, acc := e.grantAccepted(p)
	ctx := context.Background()
	e.advance(time.Duration(e.session(s.SessionID).ExpiresAt-e.serverNow()+1) * time.Second)
	require.NoError(t, e.srv.ExpireDue(ctx))

	e.dayStart.Store(true)
	before := e.serverNow()
	code, b := e.providerClose(s.SessionID, p.signer, &acc)
	after := e.serverNow()
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Contains(t, string(b), "allowance cannot be read")
	kept := e.pending(s.SessionID)
	require.Len(t, kept, 1)
	arrived := kept[0].ClosedAt // the second the close arrived (the clock may tick during the request)
	require.True(t, before <= arrived && arrived <= after, "kept as of its arrival: %d not in [%d, %d]", arrived, before, after)
	e.pastLastClose(s)
	require.NoError(t, e.srv.JudgePending(ctx, 10), "undecided: kept, the round goes on")
	require.Len(t, e.pending(s.SessionID), 1)

	e.dayStart.Store(false)
	require.NoError(t, e.srv.JudgePending(ctx, 10))
	rec := e.getSession(s.SessionID)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason, "taken once the allowance reads, past LastClose")
	require.Equal(t, arrived, rec.ClosedAt, "as of its arrival")
	require.Empty(t, e.pending(s.SessionID))
}
