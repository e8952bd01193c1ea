package api_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/book/booktest"
	"github.com/laketravis/laketravis/router/store"
)

var poolAddr = common.HexToAddress("0x9001")

// depositBook folds ComputePool deposit logs into the env's snapshot (its Deposits are the fold's).
type depositBook struct {
	t  *testing.T
	e  *env
	st *book.State
}

// constructorCap is the cap of the DailySpendCapSet the ComputePool's constructor emits (the devnet's).
var constructorCap = new(big.Int).Exp(big.NewInt(10), big.NewInt(27), nil)

// newDepositBook is a book that has folded the ComputePool constructor's DailySpendCapSet (constructorCap
// from day 0), as every index that read the pool from its deployment has.
func newDepositBook(t *testing.T, e *env) *depositBook {
	d := newDepositBookNoCap(t, e)
	d.setSpendCap(constructorCap, 0)
	return d
}

// newDepositBookNoCap is a book that knows no daily spend cap: its fold has not reached the constructor's
// DailySpendCapSet (a first sync or re-index under way, a leader whose binary does not index the event).
func newDepositBookNoCap(t *testing.T, e *env) *depositBook {
	st, err := book.NewState(book.Contracts{Marketplace: marketAddr, ModelRegistry: common.HexToAddress("0x9002"), ComputePool: poolAddr})
	require.NoError(t, err)
	snap := *e.book.Snapshot()
	snap.Deposits = st.Snapshot(0).Deposits
	e.book.snap.Store(&snap)
	return &depositBook{t: t, e: e, st: st}
}

func (d *depositBook) apply(name string, user common.Address, args ...any) {
	require.NoError(d.t, d.st.Apply(booktest.PoolLog(d.t, poolAddr, name, []common.Hash{booktest.User(user)}, args...)))
}

// setSpendCap folds a DailySpendCapSet into the book and puts the schedule in the env's snapshot.
func (d *depositBook) setSpendCap(amount *big.Int, effectiveDay int64) {
	require.NoError(d.t, d.st.Apply(booktest.PoolLog(d.t, poolAddr, "DailySpendCapSet", nil, amount, big.NewInt(effectiveDay))))
	snap := *d.e.book.Snapshot()
	snap.SpendCaps = d.st.Snapshot(0).SpendCaps
	d.e.book.snap.Store(&snap)
}

// newDepositEnv is a provider at 1e9 wei/s and a user with 60 s of allowance and 100 s of deposit at it.
func newDepositEnv(t *testing.T) (*standIn, *env, *depositBook, common.Address) {
	p := newStandIn(t, 4)
	e := newEnv(t, 60e9, []*standIn{p}, []uint64{1e9})
	d := newDepositBook(t, e)
	user := crypto.PubkeyToAddress(e.user.PublicKey)
	d.apply("Deposited", user, big.NewInt(100e9), big.NewInt(100e9))
	return p, e, d, user
}

func (e *env) rfcAnswer(r eip712.RFC) (int, wire.RFCResponse, []byte) {
	code, b := e.post("/v1/rfc", e.sign(r, domain))
	var resp wire.RFCResponse
	if code == 200 {
		require.NoError(e.t, json.Unmarshal(b, &resp))
	}
	return code, resp, b
}

// TestDepositPaidSessions: beyond the free allowance a session is admitted only with useDeposit, charged
// allowance first then deposit, its ticket capped to what both cover at the price; a close gives back the
// unbilled deposit; a pending withdrawal stops deposit-paid sessions; GET /v1/deposits sums the events.
func TestDepositPaidSessions(t *testing.T) {
	p, e, d, user := newDepositEnv(t)

	// Without consent: the allowance alone, which does not cover 100 s.
	code, _, b := e.rfcAnswer(e.rfc(2e9, 100))
	require.Equal(t, http.StatusPaymentRequired, code)
	require.Equal(t, wire.CodeAllowanceExhausted, errCode(t, b))

	// With consent: 60 from the allowance, 40 from the deposit; the ticket carries the consent.
	r := e.rfc(2e9, 100)
	r.UseDeposit = true
	code, s1, b := e.rfcAnswer(r)
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(100), s1.Ticket.MaxSeconds)
	require.True(t, s1.Ticket.UseDeposit)
	require.Equal(t, []string{"60000000000", "40000000000"}, []string{s1.Payment.Allowance.Dec(), s1.Payment.Deposit.Dec()})

	// The allowance is used up and 60 of the deposit is unreserved: the ticket is capped at 60 s.
	r = e.rfc(2e9, 100)
	r.UseDeposit = true
	code, s2, b := e.rfcAnswer(r)
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(60), s2.Ticket.MaxSeconds, "capped to what the deposit covers")
	require.Equal(t, uint32(60), s2.MaxSeconds)
	require.Equal(t, []string{"0", "60000000000"}, []string{s2.Payment.Allowance.Dec(), s2.Payment.Deposit.Dec()})
	require.InDelta(t, time.Now().Unix()+60+60, int64(s2.Ticket.NotAfter), 3)

	// Nothing left.
	r = e.rfc(2e9, 100)
	r.UseDeposit = true
	code, _, b = e.rfcAnswer(r)
	require.Equal(t, http.StatusPaymentRequired, code)
	require.Equal(t, wire.CodeDepositExhausted, errCode(t, b))

	// s2 bills 20 s: 40 of its reservation goes back to the deposit, and the close says what was paid where.
	e.advance(2 * time.Minute)
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", closeBody(t, e, p, s2.SessionID, 20))
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, []string{"0", "20000000000"}, []string{rec.Payment.Allowance.Dec(), rec.Payment.Deposit.Dec()})

	r = e.rfc(2e9, 100)
	r.UseDeposit = true
	code, s3, b := e.rfcAnswer(r)
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(40), s3.Ticket.MaxSeconds)

	// A withdrawal request stops deposit-paid sessions; cancelling it lets them in again.
	d.apply("WithdrawalRequested", user, big.NewInt(10e9), uint64(time.Now().Unix()+3600))
	e.advance(time.Minute)
	code, b = e.post("/v1/sessions/"+s3.SessionID.Hex()+"/close", closeBody(t, e, p, s3.SessionID, 0))
	require.Equal(t, 200, code, string(b))
	r = e.rfc(2e9, 10)
	r.UseDeposit = true
	code, _, b = e.rfcAnswer(r)
	require.Equal(t, http.StatusPaymentRequired, code)
	require.Equal(t, wire.CodeWithdrawalPending, errCode(t, b))

	var dep map[string]string
	getJSON(t, e.url+"/v1/deposits", &dep)
	require.Equal(t, "100000000000", dep["held"])
	require.Equal(t, "1", dep["pendingWithdrawals"])
	require.Equal(t, "10000000000", dep["pendingAmount"])
	require.Equal(t, "3", dep["day"])

	d.apply("WithdrawalCancelled", user, big.NewInt(10e9))
	code, s4, b := e.rfcAnswer(r)
	require.Equal(t, 200, code, string(b))
	require.Equal(t, "10000000000", s4.Payment.Deposit.Dec())
}

// closeBody is a close signed by the user and the provider for secs seconds.
func closeBody(t *testing.T, e *env, p *standIn, id common.Hash, secs uint32) []byte {
	t.Helper()
	rc := eip712.UsageReceipt{SessionID: id, Seconds: secs}
	us, _ := domain.Sign(&rc, e.user)
	ps, _ := domain.Sign(&rc, p.signer)
	cb, err := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps})
	require.NoError(t, err)
	return cb
}

// TestDepositTicketWithinSpendCap (THREATS-TESTS: an oversized deposit-paid session): ComputePool.commitRoot
// refuses a day's deposit spend above the day's cap, so the keeper holds back a session whose deposit charge
// does not fit, and one whose charge alone is above the cap for ever, its provider never paid. The keeper
// charges every router's sessions of a user to the allowance first, so any useDeposit session may fall on the
// deposit whole: its whole cost is at most the lowest cap in force today (day 3) or scheduled after it. With
// 60 s of allowance and 100 s of deposit at the price and a cap of 25 s scheduled from tomorrow, a 100 s
// useDeposit RFC gets 25 s even while this router counts allowance enough for it (another router's
// sessions may have taken it); a session without useDeposit is not bounded (30 s); then 25 s again, partly
// from the deposit; a raise scheduled later lifts nothing before it; a cap below a second's price refuses
// useDeposit RFCs, naming the cap.
func TestDepositTicketWithinSpendCap(t *testing.T) {
	_, e, d, _ := newDepositEnv(t)
	d.setSpendCap(big.NewInt(1000e9), 0) // from day 0, replacing the constructor's
	d.setSpendCap(big.NewInt(25e9), 4)   // lowered from tomorrow

	useDeposit := func(secs uint32) eip712.RFC {
		r := e.rfc(2e9, secs)
		r.UseDeposit = true
		return r
	}
	split := func(s wire.RFCResponse) []string { return []string{s.Payment.Allowance.Dec(), s.Payment.Deposit.Dec()} }
	code, s1, b := e.rfcAnswer(useDeposit(100))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(25), s1.Ticket.MaxSeconds, "the whole cost within the cap, though the allowance here covers more")
	require.Equal(t, []string{"25000000000", "0"}, split(s1))

	code, s2, b := e.rfcAnswer(e.rfc(2e9, 30))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(30), s2.Ticket.MaxSeconds, "no useDeposit: the allowance alone, no cap")

	code, s3, b := e.rfcAnswer(useDeposit(100))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(25), s3.Ticket.MaxSeconds)
	require.Equal(t, []string{"5000000000", "20000000000"}, split(s3), "the allowance left, then the deposit")

	// A raise scheduled later does not lift the bound before it; a cap below a second's price refuses.
	d.setSpendCap(big.NewInt(500e9), 6)
	code, s4, b := e.rfcAnswer(useDeposit(100))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(25), s4.Ticket.MaxSeconds)
	require.Equal(t, "25000000000", s4.Payment.Deposit.Dec())
	d.setSpendCap(big.NewInt(5e8), 4)
	code, _, b = e.rfcAnswer(useDeposit(100))
	require.Equal(t, http.StatusPaymentRequired, code)
	require.Equal(t, wire.CodeDepositExhausted, errCode(t, b))
	require.Contains(t, string(b), "the daily spend cap 500000000 wei does not cover one second")
}

// TestDepositRFCRefusedWhileSpendCapUnknown (THREATS-TESTS: an oversized deposit-paid session): while the
// router's book knows no daily spend cap it cannot bound a useDeposit session's cost, and a ticket costing
// more than the cap may be held by the keepers for ever, its provider never paid. So every useDeposit RFC,
// even one the allowance this router counts covers (another router's sessions may have used it), is refused
// 503 unavailable with Retry-After, and nothing of it is in the store: no session, its nonce unused, no
// allowance or deposit reserved. The refusal is the handler's first after the signature and the model: no
// allowance is read from the chain, and the user's rate is not used (here a burst of 2, which the refused
// RFC sent three times and an unknown model's leave whole for the two RFCs served next). An RFC without
// useDeposit is served. Once the book folds the cap, the same signed useDeposit RFC gets its ticket, within
// the cap.
func TestDepositRFCRefusedWhileSpendCapUnknown(t *testing.T) {
	p := newStandIn(t, 4)
	e := newEnvWith(t, 60e9, []*standIn{p}, []uint64{1e9}, func(c *api.Config) {
		c.UserRate = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 2})
	})
	d := newDepositBookNoCap(t, e)
	user := crypto.PubkeyToAddress(e.user.PublicKey)
	d.apply("Deposited", user, big.NewInt(100e9), big.NewInt(100e9))
	ctx := context.Background()

	r := e.rfc(2e9, 10) // 10 s: the allowance here covers it
	r.UseDeposit = true
	body := e.sign(r, domain)
	for range 3 {
		resp := e.postResp("/v1/rfc", body)
		require.Equal(t, http.StatusServiceUnavailable, resp.status, string(resp.body))
		require.Equal(t, wire.CodeUnavailable, errCode(t, resp.body))
		require.Contains(t, string(resp.body), "has not read the ComputePool's daily spend cap yet")
		require.Equal(t, "60", resp.retryAfter)
	}
	unknown := e.rfc(2e9, 10)
	unknown.ModelID = common.HexToHash("0xbad")
	code, b := e.post("/v1/rfc", e.sign(unknown, domain))
	require.Equal(t, http.StatusNotFound, code, string(b))
	require.Equal(t, wire.CodeUnknownModel, errCode(t, b))
	require.Zero(t, e.allowReads.Load(), "no allowance read from the chain")

	_, err := e.db.SessionByDigest(ctx, domain.Digest(&r))
	require.ErrorIs(t, err, store.ErrUnknownSession, "no session recorded")
	used, err := e.db.NonceUsed(ctx, user, r.Nonce)
	require.NoError(t, err)
	require.False(t, used, "the nonce is not consumed")
	a, err := e.db.Used(ctx, user, 3)
	require.NoError(t, err)
	require.True(t, a.IsZero(), "no allowance reserved: %s", a.Dec())
	dep, err := e.db.DepositUsed(ctx, user, 0)
	require.NoError(t, err)
	require.True(t, dep.IsZero(), "no deposit reserved: %s", dep.Dec())

	code, s1, b := e.rfcAnswer(e.rfc(2e9, 30))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(30), s1.Ticket.MaxSeconds, "no useDeposit: served from the allowance")
	require.Equal(t, int64(1), e.allowReads.Load(), "the served RFC reads the allowance")

	d.setSpendCap(big.NewInt(25e9), 0) // the index reaches the constructor's event
	code, b = e.post("/v1/rfc", body)
	require.Equal(t, 200, code, string(b))
	var s2 wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &s2))
	require.Equal(t, uint32(10), s2.Ticket.MaxSeconds)
	require.True(t, s2.Ticket.UseDeposit)
}
