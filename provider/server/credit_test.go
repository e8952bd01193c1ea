package server_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
	"github.com/laketravis/laketravis/provider/roles"
	"github.com/laketravis/laketravis/provider/server"
)

// countingPool is the ComputePool's allowance and deposit reads on anvil (what provider serve reads
// through credit.NewPool), counting the chain reads.
type countingPool struct {
	*allowance.Source
	credit.PoolDeposits
	reads atomic.Int32
}

func (c *countingPool) Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	c.reads.Add(1)
	return c.Source.Allowance(ctx, user, day)
}

func (c *countingPool) DepositOf(ctx context.Context, user common.Address) (*uint256.Int, error) {
	c.reads.Add(1)
	return c.PoolDeposits.DepositOf(ctx, user)
}

func newCountingPool(t *testing.T, e *testEnv) (*countingPool, *credit.Checker) {
	t.Helper()
	addr, err := e.chain.Addr("ComputePool")
	require.NoError(t, err)
	src, err := allowance.New(addr, e.chain.Client, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	c := &countingPool{Source: src, PoolDeposits: credit.PoolDeposits{Pool: &e.chain.Pool.ComputePoolCaller, Timeout: 5 * time.Second}}
	return c, credit.New(c, c, time.Now)
}

var (
	voterOnce sync.Once
	voterKey  *ecdsa.PrivateKey
	voterErr  error
)

// allowedUser is a user holding 1,000 MOR delegated long enough to have an allowance today (the shared
// chain is warped two days forward once for it).
func allowedUser(t *testing.T, e *testEnv) *ecdsa.PrivateKey {
	t.Helper()
	voterOnce.Do(func() {
		ctx := context.Background()
		voterKey, _ = crypto.GenerateKey()
		addr := crypto.PubkeyToAddress(voterKey.PublicKey)
		if voterErr = e.chain.SetBalance(ctx, addr, big.NewInt(1e18)); voterErr != nil {
			return
		}
		if voterErr = e.chain.FundMOR(ctx, addr, devnet.MOR(1000)); voterErr != nil {
			return
		}
		if voterErr = e.chain.Delegate(ctx, voterKey); voterErr != nil {
			return
		}
		voterErr = e.chain.WarpUntilVotesCount(ctx)
	})
	require.NoError(t, voterErr)
	return voterKey
}

// depositor is a fresh user with no votes who deposited mor MOR in the ComputePool.
func depositor(t *testing.T, e *testEnv, mor int64) *ecdsa.PrivateKey {
	t.Helper()
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	require.NoError(t, e.chain.SetBalance(ctx, addr, big.NewInt(1e18)))
	require.NoError(t, e.chain.FundMOR(ctx, addr, devnet.MOR(mor)))
	pool, err := e.chain.Addr("ComputePool")
	require.NoError(t, err)
	_, err = e.chain.Send(ctx, key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return e.chain.Token.Approve(o, pool, devnet.MOR(mor))
	})
	require.NoError(t, err)
	_, err = e.chain.Send(ctx, key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return e.chain.Pool.Deposit(o, devnet.MOR(mor))
	})
	require.NoError(t, err)
	return key
}

// rfcSession is user's client of a session at price wei/s for maxSeconds on fast:v1, its ticket following
// from an RFC user signed (with useDeposit as given), signed by the ROUTER_ROLE key devnet.DevKey(1).
func rfcSession(t *testing.T, e *testEnv, base string, user *ecdsa.PrivateKey, price uint64, maxSeconds uint32, useDeposit bool) *client {
	t.Helper()
	return rfcSessionAt(t, e, base, user, uint256.NewInt(price), maxSeconds, useDeposit)
}

// rfcSessionAt is rfcSession at a price of any size.
func rfcSessionAt(t *testing.T, e *testEnv, base string, user *ecdsa.PrivateKey, price *uint256.Int, maxSeconds uint32, useDeposit bool) *client {
	t.Helper()
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("fast:v1")),
		MaxPricePerSecond: *price, MaxSeconds: maxSeconds, Nonce: binary.BigEndian.Uint64(nonce[:]),
		Deadline: uint64(time.Now().Unix()) + 300, UseDeposit: useDeposit}
	tk := ticketOf(e.domain, rfc, e.owner, maxSeconds, time.Now().Add(time.Hour))
	tk.PricePerSecond, tk.UseDeposit = *price, useDeposit
	return newClient(t, e.domain, base, user, tk, devnet.DevKey(1))
}

// TestHostileRouterTicketOfZeroMORUserRefused (hostile router): a ROUTER_ROLE key (devnet.DevKey(1))
// makes a fresh key with no MOR, signs a valid RFC with it (useDeposit false) and issues itself the
// matching ticket. Keepers credit nothing of such a session (PROTOCOL §8: allowance_exceeded), so the
// provider, reading allowance(user, d) from the ComputePool on anvil, refuses it 402 allowance_exhausted
// on its first request: the upstream is never asked and no session is opened (nothing metered). The same
// ticket with useDeposit from a user whose deposit does not cover it is refused too, and a user's deposit is
// not counted without the RFC's consent. Before, the provider checked the RFC and served the session in
// full.
func TestHostileRouterTicketOfZeroMORUserRefused(t *testing.T) {
	e := setup(t)
	allowedUser(t, e) // the chain's day has allowances
	up := newUpstream(t)
	_, checker := newCountingPool(t, e)
	s, ts := newServer(t, e, up, func(c *server.Config) { c.Credit = checker })
	refused := func(c *client) {
		t.Helper()
		status, code, msg := errorOf(t, c.chat("fast:v1", false))
		require.Equal(t, http.StatusPaymentRequired, status, msg)
		require.Equal(t, wire.CodeAllowanceExhausted, code, msg)
		require.False(t, s.Sessions().IsOpen(c.ticket.SessionID), "no session opened")
	}
	zero, _ := crypto.GenerateKey()
	refused(rfcSession(t, e, ts.URL, zero, 1e9, 300, false))
	refused(rfcSession(t, e, ts.URL, zero, 1e9, 300, true)) // no deposit either
	dep := depositor(t, e, 1)
	refused(rfcSession(t, e, ts.URL, dep, 1e9, 300, false))  // the deposit without consent
	refused(rfcSession(t, e, ts.URL, dep, 1e16, 1000, true)) // 10 MOR: beyond the 1 MOR deposit
	require.Zero(t, s.Sessions().Open(), "nothing metered")
	up.mu.Lock()
	defer up.mu.Unlock()
	require.Empty(t, up.bodies, "the upstream is never asked")
}

// TestTicketWithinAllowanceOrDepositServed: the honest sessions are served with the check on (anvil): a
// user whose delegated votes give an allowance today, and a user with no votes whose RFC says useDeposit
// and whose deposit covers pricePerSecond × maxSeconds.
func TestTicketWithinAllowanceOrDepositServed(t *testing.T) {
	e := setup(t)
	voter := allowedUser(t, e)
	up := newUpstream(t)
	_, checker := newCountingPool(t, e)
	_, ts := newServer(t, e, up, func(c *server.Config) { c.Credit = checker })
	requireServed(t, rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	requireServed(t, rfcSession(t, e, ts.URL, depositor(t, e, 1), 1e15, 1000, true)) // 1 MOR exactly: covered
}

// TestCreditReadsPerRouter: the allowance and deposit reads of the credit check are held to
// Config.CreditReads, one bucket per ticket's router: anyone spending the role lookups' limits with forged
// tickets (ChainReads, ChainReadsTotal) leaves the honest router's users read and answered, and past its own
// bucket a router's tickets get 429 rate_limited with Retry-After and no chain read, while a user whose
// allowance is cached is served. Before, the credit reads shared the role lookups' total: forged tickets
// from ten addresses had every honest user's first session of the day refused 429.
func TestCreditReadsPerRouter(t *testing.T) {
	e := setup(t)
	voter := allowedUser(t, e)
	up := newUpstream(t)
	pool, checker := newCountingPool(t, e)
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Credit = checker
		c.Routers = roles.NewCache(e.market, time.Hour, 0)
		// No token comes back within the test.
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 2})
		c.ChainReadsTotal = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3})
		c.CreditReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3})
	})
	from := func(ip string, c *client) *http.Response { return chatFrom(t, ip, c) }
	zero := func() *client {
		k, _ := crypto.GenerateKey()
		return rfcSession(t, e, ts.URL, k, 1e9, 300, false)
	}
	// The router's role (a role lookup) and the voter's allowance today (credit read 1).
	resp := from("127.0.0.1", rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 1, pool.reads.Load())
	// Forged tickets spend the role lookups' total from other addresses.
	for _, ip := range []string{"127.0.0.2", "127.0.0.3"} {
		status, _, _ := errorOf(t, from(ip, forgedTicket(t, e, ts.URL)))
		require.Equal(t, http.StatusForbidden, status)
	}
	requireRateLimited(t, from("127.0.0.4", forgedTicket(t, e, ts.URL)))
	// The honest router's users are still read and answered: a 0-MOR user refused 402 (reads 2, 3).
	for range 2 {
		status, code, _ := errorOf(t, from("127.0.0.2", zero()))
		require.Equal(t, http.StatusPaymentRequired, status)
		require.Equal(t, wire.CodeAllowanceExhausted, code)
	}
	require.EqualValues(t, 3, pool.reads.Load())
	// The router's own bucket is spent: 429, no read.
	requireRateLimited(t, from("127.0.0.5", zero()))
	require.EqualValues(t, 3, pool.reads.Load(), "no chain read past the router's credit reads")
	// The voter's next session is served: its allowance is cached.
	resp = from("127.0.0.5", rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 3, pool.reads.Load())
}

// TestCreditReadFailureServes: when the provider cannot read the chain (its RPC down), a session's first
// request is served as if the credit check did not exist, not refused: the check refuses on an answer only,
// never on the provider's own trouble (a known router's tickets were served while the chain was down before
// the check existed). The RPC here is a closed port.
func TestCreditReadFailureServes(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	rpc, err := ethclient.Dial(dead.URL)
	require.NoError(t, err)
	t.Cleanup(rpc.Close)
	pool, err := e.chain.Addr("ComputePool")
	require.NoError(t, err)
	checker, err := credit.NewPool(pool, rpc, time.Second)
	require.NoError(t, err)
	s, ts := newServer(t, e, up, func(c *server.Config) { c.Credit = checker })
	k, _ := crypto.GenerateKey() // no MOR: refused, could the chain be read
	c := rfcSession(t, e, ts.URL, k, 1e9, 300, false)
	resp := c.chat("fast:v1", false)
	body := readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	require.True(t, s.Sessions().IsOpen(c.ticket.SessionID))
}

// chatFrom sends c's next chat request on fast:v1 from local address ip (127.0.0.0/8: one client address
// each for the per-address limits).
func chatFrom(t *testing.T, ip string, c *client) *http.Response {
	t.Helper()
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	tr := &http.Transport{DialContext: d.DialContext}
	t.Cleanup(tr.CloseIdleConnections)
	resp, err := (&http.Client{Transport: tr}).Do(c.build("POST", "/v1/chat/completions", chatRequestBody("fast:v1", false), 0))
	require.NoError(t, err)
	return resp
}

// creditProvider is a provider with the credit check on, reading the ComputePool on anvil (pool), and its
// upstream.
func creditProvider(t *testing.T) (*testEnv, *server.Server, *httptest.Server, *upstream, *countingPool) {
	t.Helper()
	e := setup(t)
	up := newUpstream(t)
	pool, checker := newCountingPool(t, e)
	s, ts := newServer(t, e, up, func(c *server.Config) { c.Credit = checker })
	return e, s, ts, up, pool
}

// allowanceToday is user's allowance of the chain's current protocol day, read from the ComputePool.
func allowanceToday(t *testing.T, pool *countingPool, user *ecdsa.PrivateKey) *uint256.Int {
	t.Helper()
	ctx := context.Background()
	day, err := pool.Day(ctx)
	require.NoError(t, err)
	a, err := pool.Source.Allowance(ctx, crypto.PubkeyToAddress(user.PublicKey), day)
	require.NoError(t, err)
	require.True(t, a.GtUint64(1000), "the voter has an allowance today")
	return a
}

// closeSession closes c's session at the provider with a receipt of seconds its user signed.
func closeSession(t *testing.T, c *client, seconds uint32) {
	t.Helper()
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: seconds}
	sig, err := c.domain.Sign(&rc, c.user)
	require.NoError(t, err)
	resp := postJSON(t, c.base+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &sig})
	body := readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
}

// requireServed sends c's next chat request and requires a 200.
func requireServed(t *testing.T, c *client) {
	t.Helper()
	resp := c.chat("fast:v1", false)
	body := readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
}

// requireExhausted sends c's next chat request and requires 402 allowance_exhausted, the session not
// opened and the upstream not asked.
func requireExhausted(t *testing.T, s *server.Server, up *upstream, c *client) {
	t.Helper()
	before := up.requests()
	status, code, msg := errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, http.StatusPaymentRequired, status, msg)
	require.Equal(t, wire.CodeAllowanceExhausted, code, msg)
	require.False(t, s.Sessions().IsOpen(c.ticket.SessionID), "no session opened, nothing metered")
	require.Equal(t, before, up.requests(), "the upstream is never asked")
}

// TestHostileRouterSecondSessionOfOneAllowanceRefused (hostile router; a user with an allowance for one
// session): a ROUTER_ROLE key holding a user key whose allowance today covers exactly one session issues
// it the tickets of two sessions at this provider. The first is served; the second, while the first is
// open, is refused 402 allowance_exhausted on its first request, with nothing sent upstream and nothing
// metered, and the first is still served after it. Once the first closes billing half its reservation, a
// session fitting the other half is admitted, and one more is not. Keepers credit a user-day's sessions only
// up to the allowance in total (PROTOCOL §8), so before, the provider served the second session for nothing:
// its check was per ticket.
func TestHostileRouterSecondSessionOfOneAllowanceRefused(t *testing.T) {
	e, s, ts, up, pool := creditProvider(t)
	voter := allowedUser(t, e)
	price := new(uint256.Int).Div(allowanceToday(t, pool, voter), uint256.NewInt(2)) // 2 s: the whole allowance

	first := rfcSessionAt(t, e, ts.URL, voter, price, 2, false)
	requireServed(t, first)
	requireExhausted(t, s, up, rfcSessionAt(t, e, ts.URL, voter, price, 2, false))
	requireServed(t, first) // an admitted session is never refused for it
	require.Equal(t, 1, s.Sessions().Open())

	closeSession(t, first, 1) // billed 1 s of its 2: half its reservation
	requireServed(t, rfcSessionAt(t, e, ts.URL, voter, price, 1, false))
	requireExhausted(t, s, up, rfcSessionAt(t, e, ts.URL, voter, price, 1, false))
}

// TestConcurrentFirstRequestsAdmitWhatFits: the first requests of eight sessions of one user, sent at once,
// each reserving a third of the user's allowance: exactly three are served, the others refused 402
// allowance_exhausted, and only the three reach the upstream.
func TestConcurrentFirstRequestsAdmitWhatFits(t *testing.T) {
	e, s, ts, up, pool := creditProvider(t)
	voter := allowedUser(t, e)
	price := new(uint256.Int).Div(allowanceToday(t, pool, voter), uint256.NewInt(3))
	const n = 8
	replies := make([]<-chan reply, n)
	for i := range replies {
		replies[i] = rfcSessionAt(t, e, ts.URL, voter, price, 1, false).chatAsync("fast:v1", false)
	}
	statuses := map[int]int{}
	for _, r := range replies {
		got := <-r
		require.NoError(t, got.err)
		statuses[got.status]++
		if got.status != http.StatusOK {
			require.Contains(t, got.body, wire.CodeAllowanceExhausted)
		}
	}
	require.Equal(t, map[int]int{http.StatusOK: 3, http.StatusPaymentRequired: n - 3}, statuses)
	require.Equal(t, 3, up.requests())
	require.Equal(t, 3, s.Sessions().Open())
}

// TestDepositCountedOnceAndOnlyWithUseDeposit: a user with no allowance and a deposit of 1 MOR: a
// useDeposit session of 0.6 MOR is served, a second of 0.6 MOR refused (1.2 MOR admitted is past the
// deposit), one of 0.3 MOR without useDeposit refused (the deposit needs the RFC's consent), and a
// useDeposit one of the 0.4 MOR left served.
func TestDepositCountedOnceAndOnlyWithUseDeposit(t *testing.T) {
	e, s, ts, up, _ := creditProvider(t)
	allowedUser(t, e) // the chain's day has allowances
	dep := depositor(t, e, 1)
	requireServed(t, rfcSession(t, e, ts.URL, dep, 1e15, 600, true))
	requireExhausted(t, s, up, rfcSession(t, e, ts.URL, dep, 1e15, 600, true))
	requireExhausted(t, s, up, rfcSession(t, e, ts.URL, dep, 1e15, 300, false))
	requireServed(t, rfcSession(t, e, ts.URL, dep, 1e15, 400, true))
}

// TestPendingWithdrawalCountsNoDeposit: a depositor (1 MOR, no allowance) with a withdrawal request pending
// has its useDeposit session refused 402 withdrawal_pending (the router's code; it was allowance_exhausted,
// "deposit 0 wei"), nothing sent upstream: keepers charge no deposit
// for a session started after a pending request (keeper/ledger) and routers admit none (PROTOCOL §4); another
// depositor's, with none pending, is served. Before, the provider read depositOf alone and served the session,
// credited nothing.
func TestPendingWithdrawalCountsNoDeposit(t *testing.T) {
	e, s, ts, up, _ := creditProvider(t)
	allowedUser(t, e) // the chain's day has allowances
	dep := depositor(t, e, 1)
	ctx := context.Background()
	_, err := e.chain.Send(ctx, dep, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return e.chain.Pool.RequestWithdrawal(o, big.NewInt(1), big.NewInt(0), nil)
	})
	require.NoError(t, err)
	c := rfcSession(t, e, ts.URL, dep, 1e15, 100, true)
	before := up.requests()
	status, code, msg := errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, http.StatusPaymentRequired, status, msg)
	require.Equal(t, wire.CodeWithdrawalPending, code, msg)
	require.False(t, s.Sessions().IsOpen(c.ticket.SessionID), "no session opened, nothing metered")
	require.Equal(t, before, up.requests(), "the upstream is never asked")
	requireServed(t, rfcSession(t, e, ts.URL, depositor(t, e, 1), 1e15, 100, true)) // none pending
}

// TestFailedFirstRequestHoldsNoCredit: a session's first request that passes the credit check and fails
// after it (its signature is not the session key's) opens no session and holds none of the user's credit:
// the next session, reserving the whole allowance, is served.
func TestFailedFirstRequestHoldsNoCredit(t *testing.T) {
	e, s, ts, up, pool := creditProvider(t)
	voter := allowedUser(t, e)
	price := allowanceToday(t, pool, voter)
	bad := rfcSessionAt(t, e, ts.URL, voter, price, 1, false)
	bad.signAs, _ = crypto.GenerateKey()
	status, code, msg := errorOf(t, bad.chat("fast:v1", false))
	require.Equal(t, http.StatusForbidden, status, msg)
	require.Equal(t, wire.CodeBadSignature, code, msg)
	require.False(t, s.Sessions().IsOpen(bad.ticket.SessionID))
	require.Zero(t, up.requests())
	requireServed(t, rfcSessionAt(t, e, ts.URL, voter, price, 1, false))
}

// TestForgedFirstRequestHoldsNoCredit (hostile router holding a copy of a user's signed RFC): it issues a
// ticket of the RFC for this provider and sends the session's first request signed by a key that is not the
// session's, its body trickling (held here until the read timeout). While the provider reads that body, the
// user's own session, through an honest router, reserving the whole allowance, is served; the forged request
// then ends 403 bad_signature, no session opened. The reservation is taken only once the request's signature
// verified. Before, it was taken before the body was read: the user was refused 402 for as long as the
// forged request lasted, and again with every one sent after it.
func TestForgedFirstRequestHoldsNoCredit(t *testing.T) {
	e, s, ts, _, pool := creditProvider(t)
	voter := allowedUser(t, e)
	price := allowanceToday(t, pool, voter)

	forged := rfcSessionAt(t, e, ts.URL, voter, price, 1, false)
	forged.signAs, _ = crypto.GenerateKey() // no access to the user's keys
	body := chatRequestBody("fast:v1", false)
	req := forged.build("POST", "/v1/chat/completions", body, 0)
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.CloseWithError(io.ErrUnexpectedEOF) }) // before the server's close, on failure
	req.Body, req.GetBody, req.ContentLength = pr, nil, -1
	// The provider asks for the body (100 Continue) when its handler starts reading it: past preauthenticate.
	req.Header.Set("Expect", "100-continue")
	reading := make(chan struct{})
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{Got100Continue: func() { close(reading) }}))
	tr := &http.Transport{ExpectContinueTimeout: time.Minute}
	t.Cleanup(tr.CloseIdleConnections)
	done := make(chan *http.Response, 1)
	go func() {
		resp, err := (&http.Client{Transport: tr}).Do(req)
		if err != nil {
			resp = nil
		}
		done <- resp
	}()
	select {
	case <-reading:
	case resp := <-done:
		require.FailNow(t, "the forged request was answered before its body was read", "%v", resp)
	}

	requireServed(t, rfcSessionAt(t, e, ts.URL, voter, price, 1, false))

	_, err := pw.Write([]byte(body))
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	resp := <-done
	require.NotNil(t, resp)
	status, code, msg := errorOf(t, resp)
	require.Equal(t, http.StatusForbidden, status, msg)
	require.Equal(t, wire.CodeBadSignature, code, msg)
	require.False(t, s.Sessions().IsOpen(forged.ticket.SessionID))
}

// failingCredit is a credit checker whose every check fails with err, or, admitFails, whose Check covers
// every ticket and only Admit (after the request's signature) fails with err.
type failingCredit struct {
	err        error
	admitFails bool
}

func (f failingCredit) Check(context.Context, common.Hash, common.Address, bool, *uint256.Int, func() error) (credit.Verdict, error) {
	if f.admitFails {
		return credit.Verdict{Covered: true}, nil
	}
	return credit.Verdict{}, f.err
}

func (f failingCredit) Admit(context.Context, common.Hash, common.Address, bool, *uint256.Int, func() error) (credit.Verdict, error) {
	return credit.Verdict{}, f.err
}

func (failingCredit) Done(common.Hash, bool)           {}
func (failingCredit) Closed(common.Hash, *uint256.Int) {}

// TestCreditRefusalsTheRouterCanTimeAre503: at a protocol day's first second the pool cannot answer the
// day's allowance (chain.ErrDayJustStarted), a moment a hostile router can time its tickets for; a day read
// behind the day's turn the checker saw (credit.ErrDayBehind); and when the checker's tallies are full of open
// sessions (credit.ErrFull). Each is a 503 unavailable with Retry-After, no session opened and the upstream
// not asked, whether Check (before the body) or only Admit (after the signature) meets it, where any other
// read failure serves the session unchecked (TestCreditReadFailureServes). Before, a session first requested
// in the day's first second was served unchecked, and so was one whose day was read behind the turn.
func TestCreditRefusalsTheRouterCanTimeAre503(t *testing.T) {
	for _, tc := range []struct {
		err   error
		retry string
	}{
		{fmt.Errorf("allowance: %w (day 7)", chain.ErrDayJustStarted), "1"},
		{fmt.Errorf("%w (day 6 read, day 7 seen)", credit.ErrDayBehind), "1"},
		{credit.ErrFull, "60"},
	} {
		for _, admitFails := range []bool{false, true} {
			p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 8}, func(c *server.Config) {
				c.Credit = failingCredit{tc.err, admitFails}
			})
			c := p.session(t, "fast:v1", p.routerKey)
			resp := c.chat("fast:v1", false)
			require.Equal(t, tc.retry, resp.Header.Get("Retry-After"), "%v, at Admit only: %v", tc.err, admitFails)
			status, code, msg := errorOf(t, resp)
			require.Equal(t, http.StatusServiceUnavailable, status, msg)
			require.Equal(t, wire.CodeUnavailable, code, msg)
			require.False(t, p.srv.Sessions().IsOpen(c.ticket.SessionID))
			require.Zero(t, p.up.requests())
		}
	}
}

// slowDeposits is a pool where everyone has an allowance of 1e10 wei, cached, and whose depositOf read
// lasts until its context ends or its own timeout (1 s) passes, then fails.
type slowDeposits struct {
	once    sync.Once
	entered chan struct{}
}

func (p *slowDeposits) Day(context.Context) (uint64, error) { return 1, nil }
func (p *slowDeposits) Cached(common.Address, uint64) (*uint256.Int, bool) {
	return uint256.NewInt(1e10), true
}
func (p *slowDeposits) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return uint256.NewInt(1e10), nil
}
func (p *slowDeposits) WithdrawalPending(context.Context, common.Address) (bool, error) {
	return false, nil
}
func (p *slowDeposits) DepositOf(ctx context.Context, _ common.Address) (*uint256.Int, error) {
	p.once.Do(func() { close(p.entered) })
	ctx, cancel := context.WithTimeout(ctx, time.Second) // the reader's own timeout
	defer cancel()
	<-ctx.Done()
	return nil, fmt.Errorf("credit: ComputePool.depositOf: %w", ctx.Err())
}

// TestHangUpWhileAdmittingServesNothing (hostile router holding a user key whose allowance covers one
// session, deposit 0): session B's first request passes the check while the allowance is free, its body is
// sent once session A took the allowance, and the client hangs up while B's admission reads depositOf. B is
// not opened: nothing served, nothing held. The hang-up ends the admission's read, and a read that fails is
// served unchecked only while the request is live. Before, the hang-up cancelled the read, its
// error was taken for the RPC's trouble and B was opened unchecked, served on nothing for as long as it lasted.
func TestHangUpWhileAdmittingServesNothing(t *testing.T) {
	pool := &slowDeposits{entered: make(chan struct{})}
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 8}, func(c *server.Config) {
		c.Credit = credit.New(pool, pool, nil)
	})
	user, _ := crypto.GenerateKey()
	sess := func() *client {
		var nonce [8]byte
		_, _ = rand.Read(nonce[:])
		rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("fast:v1")),
			MaxPricePerSecond: *uint256.NewInt(1e9), MaxSeconds: 10, Nonce: binary.BigEndian.Uint64(nonce[:]),
			Deadline: uint64(time.Now().Unix()) + 300, UseDeposit: true}
		tk := ticketOf(p.domain, rfc, p.owner, 10, time.Now().Add(time.Hour)) // 1e9 × 10: the whole allowance
		tk.UseDeposit = true
		return newClient(t, p.domain, p.ts.URL, user, tk, p.routerKey)
	}
	a, b := sess(), sess()

	// B's first request: past the check (the allowance is free), its body not sent yet.
	body := chatRequestBody("fast:v1", false)
	req := b.build("POST", "/v1/chat/completions", body, 0)
	pr, pw := io.Pipe()
	req.Body, req.GetBody, req.ContentLength = pr, nil, -1
	req.Header.Set("Expect", "100-continue")
	reading := make(chan struct{})
	ctx, hangUp := context.WithCancel(context.Background())
	req = req.WithContext(httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{Got100Continue: func() { close(reading) }}))
	tr := &http.Transport{ExpectContinueTimeout: time.Minute}
	t.Cleanup(tr.CloseIdleConnections)
	go func() {
		if resp, err := (&http.Client{Transport: tr}).Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	<-reading

	requireServed(t, a) // A takes the whole allowance

	// B's body; its admission finds the allowance taken and reads depositOf: the client hangs up meanwhile.
	_, err := pw.Write([]byte(body))
	require.NoError(t, err)
	require.NoError(t, pw.Close())
	<-pool.entered
	hangUp()

	p.ts.Close() // waits for B's handler to end
	require.False(t, p.srv.Sessions().IsOpen(b.ticket.SessionID), "B is not opened")
	require.Equal(t, 1, p.srv.Sessions().Open(), "A alone")
	require.Equal(t, 1, p.up.requests(), "A's request alone reached the upstream")
}

// TestIdleCloseBillsWhatWasMetered: a session the provider closes one-sided for idling (closeOneSided)
// replaces its reservation by what its metered seconds bill, as a close with the user's receipt does: a
// session reserving the whole allowance, served one quick request and closed idle, leaves room for another
// of half the allowance, which was refused while it was open.
func TestIdleCloseBillsWhatWasMetered(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	pool, checker := newCountingPool(t, e)
	s, ts := newServer(t, e, up, func(c *server.Config) {
		c.Credit = checker
		c.IdleTimeout = time.Millisecond // closed by ForgetExpired, which the test calls
	})
	voter := allowedUser(t, e)
	price := new(uint256.Int).Div(allowanceToday(t, pool, voter), uint256.NewInt(4)) // 4 s: the whole allowance
	first := rfcSessionAt(t, e, ts.URL, voter, price, 4, false)
	requireServed(t, first)
	requireExhausted(t, s, up, rfcSessionAt(t, e, ts.URL, voter, price, 2, false))
	require.Eventually(t, func() bool {
		s.ForgetExpired()
		return !s.Sessions().IsOpen(first.ticket.SessionID)
	}, 10*time.Second, time.Millisecond)
	requireServed(t, rfcSessionAt(t, e, ts.URL, voter, price, 2, false))
}

// TestCreditCountsSurviveARestart (hostile router; a user with an allowance for one session): what the
// provider admitted is kept across a restart (the counts saved beside the journal of open sessions, with
// each flush): a user whose open session holds its whole allowance today has a second session refused 402 by
// the provider started again over the same state, nothing sent upstream. Before, the counts started empty
// at each start, and a ROUTER_ROLE key holding a user key had the restarted provider serve it a second
// allowance (the keepers credit one). A file that does not read stops the start rather than admit users
// again.
func TestCreditCountsSurviveARestart(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	state := t.TempDir()
	pool, checker := newCountingPool(t, e)
	withState := func(checker server.CreditChecker) func(*server.Config) {
		return func(c *server.Config) {
			c.Credit, c.RouterURLs = checker, []string{"http://127.0.0.1:9"} // close reports wait in the outbox
			c.ReportDir, c.JournalDir = filepath.Join(state, "close-reports"), filepath.Join(state, "open-sessions")
		}
	}
	first, ts := newServer(t, e, up, withState(checker))
	voter := allowedUser(t, e)
	price := new(uint256.Int).Div(allowanceToday(t, pool, voter), uint256.NewInt(2)) // 2 s: the whole allowance
	requireServed(t, rfcSessionAt(t, e, ts.URL, voter, price, 2, false))
	first.FlushJournal()
	first.Crash()

	_, again := newCountingPool(t, e)
	restarted, ts := newServer(t, e, up, withState(again))
	requireExhausted(t, restarted, up, rfcSessionAt(t, e, ts.URL, voter, price, 1, false))
	other, _ := crypto.GenerateKey() // counts of one user refuse no other
	requireServed(t, rfcSessionAt(t, e, ts.URL, other, new(uint256.Int), 1, false))
	restarted.Crash()

	require.NoError(t, os.WriteFile(filepath.Join(state, "open-sessions", "credit-counts.json"), []byte("{"), 0o600))
	_, third := newCountingPool(t, e)
	cfg := server.Config{Domain: e.domain, Provider: e.owner, SignerKey: devnet.DevKey(4), Routers: e.routers,
		UpstreamURL: up.URL + "/v1", Models: models, Logger: zap.NewNop()}
	withState(third)(&cfg)
	_, err := server.New(cfg)
	require.ErrorContains(t, err, "credit-counts.json")
}

// TestCreditCountsSavedAtShutdown: a provider shut down (Run's graceful end) closes its open sessions
// one-sided with what they metered and saves the counts after that: started again over the same state,
// it counts the session's bill, not its reservation. The user's session reserved its whole allowance
// (2 s) and billed 1 s: a session of 2 s is refused 402, one of 1 s served.
func TestCreditCountsSavedAtShutdown(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	state := t.TempDir()
	config := func() server.Config {
		_, checker := newCountingPool(t, e)
		return server.Config{Domain: e.domain, Provider: e.owner, SignerKey: devnet.DevKey(4), Routers: e.routers,
			UpstreamURL: up.URL + "/v1", Models: models, Logger: zap.NewNop(), IdleTimeout: time.Hour, Credit: checker,
			RouterURLs: []string{"http://127.0.0.1:9"}, ReportDir: filepath.Join(state, "close-reports"),
			JournalDir: filepath.Join(state, "open-sessions")}
	}
	pool, _ := newCountingPool(t, e)
	voter := allowedUser(t, e)
	price := new(uint256.Int).Div(allowanceToday(t, pool, voter), uint256.NewInt(2))

	first := run(t, config(), time.Second)
	requireServed(t, rfcSessionAt(t, e, first.url, voter, price, 2, false)) // metered 1 s
	first.stop()

	again := run(t, config(), time.Second)
	status, code, msg := errorOf(t, rfcSessionAt(t, e, again.url, voter, price, 2, false).chat("fast:v1", false))
	require.Equal(t, http.StatusPaymentRequired, status, msg)
	require.Equal(t, wire.CodeAllowanceExhausted, code, msg)
	requireServed(t, rfcSessionAt(t, e, again.url, voter, price, 1, false))
}
