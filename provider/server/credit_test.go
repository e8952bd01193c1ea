package server_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/binary"
	"math/big"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

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
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("fast:v1")),
		MaxPricePerSecond: *uint256.NewInt(price), MaxSeconds: maxSeconds, Nonce: binary.BigEndian.Uint64(nonce[:]),
		Deadline: uint64(time.Now().Unix()) + 300, UseDeposit: useDeposit}
	tk := ticketOf(e.domain, rfc, e.owner, maxSeconds, time.Now().Add(time.Hour))
	tk.PricePerSecond, tk.UseDeposit = *uint256.NewInt(price), useDeposit
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
	served := func(c *client) {
		t.Helper()
		resp := c.chat("fast:v1", false)
		body := readAll(t, resp)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
	}
	served(rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	served(rfcSession(t, e, ts.URL, depositor(t, e, 1), 1e15, 1000, true)) // 1 MOR exactly: covered
}

// TestCreditReadsChainReadLimits: the allowance and deposit reads of the credit check are held to the
// role lookups' limits (Config.ChainReads per address, ChainReadsTotal from every address): past them a 429
// rate_limited with Retry-After and no chain read, while a user whose allowance is cached is served from
// that same address.
func TestCreditReadsChainReadLimits(t *testing.T) {
	e := setup(t)
	voter := allowedUser(t, e)
	up := newUpstream(t)
	pool, checker := newCountingPool(t, e)
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Credit = checker
		c.Routers = roles.NewCache(e.market, time.Hour, 0)
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 4}) // no token comes back within the test
		c.ChainReadsTotal = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 5})
	})
	from := func(ip string, c *client) *http.Response { return chatFrom(t, ip, c) }
	zero := func() *client {
		k, _ := crypto.GenerateKey()
		return rfcSession(t, e, ts.URL, k, 1e9, 300, false)
	}
	// The router's role (1) and the voter's allowance today (2).
	resp := from("127.0.0.1", rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 1, pool.reads.Load())
	// A 0-MOR user: today's allowance (3) and yesterday's (4), refused.
	status, code, _ := errorOf(t, from("127.0.0.1", zero()))
	require.Equal(t, http.StatusPaymentRequired, status)
	require.Equal(t, wire.CodeAllowanceExhausted, code)
	require.EqualValues(t, 3, pool.reads.Load())
	// The address's reads are spent: 429, no read.
	requireRateLimited(t, from("127.0.0.1", zero()))
	require.EqualValues(t, 3, pool.reads.Load(), "no chain read past the per-address limit")
	// The voter's next session is served from that address: its allowance is cached.
	resp = from("127.0.0.1", rfcSession(t, e, ts.URL, voter, 1e9, 300, false))
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 3, pool.reads.Load())
	// Another address: today's read (5, the total's last), then yesterday's is over the total: 429.
	requireRateLimited(t, from("127.0.0.2", zero()))
	require.EqualValues(t, 4, pool.reads.Load())
	requireRateLimited(t, from("127.0.0.3", zero()))
	require.EqualValues(t, 4, pool.reads.Load(), "no chain read past the total")
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
