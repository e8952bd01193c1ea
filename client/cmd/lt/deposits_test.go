package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

func TestParseMOR(t *testing.T) {
	for in, want := range map[string]string{"1": "1000000000000000000", "2.5": "2500000000000000000",
		"0.000000000000000001": "1", "7wei": "7"} {
		got, err := parseMOR(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got.String(), in)
	}
	for _, bad := range []string{"", "0", "-1", "abc", "1e18", "0.0000000000000000001", "1.5wei", "1/2"} {
		_, err := parseMOR(bad)
		require.Error(t, err, bad)
	}
}

// TestDepositWithdrawBalanceOnAnvil runs lt deposit (one permit transaction, then approve + deposit), lt
// balance, lt withdraw (request, cancel, request again, not ready yet, then complete with the keeper's
// proof) against anvil with the real deploy script and a stand-in keeper answering GET /v1/spend (no
// epoch claimable: nothing spent). The user gets back exactly what it deposited, to the wei. The deposits
// and the withdrawal request carry a gas limit of the node's estimate plus 20% (devnettest.RequireGasMargin).
func TestDepositWithdrawBalanceOnAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	mor, pool, user, funded, cfg := c.mor, c.pool, c.user, c.funded, c.cfg

	// A stand-in keeper: no epoch claimable yet, so nothing spent (withdraw then ignores the proof).
	asked := 0
	keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/spend/"+user.Hex() {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no such user"))
			return
		}
		asked++
		wire.WriteJSON(w, http.StatusOK, wire.SpendProof{User: user, CumulativeSpent: new(uint256.Int), Proof: []common.Hash{}})
	}))
	defer keeper.Close()

	lt := c.ltJSON(t, ctx)
	call := &bind.CallOpts{Context: ctx}

	var d depositResult
	lt(&d, "deposit", "10")
	require.True(t, d.Permit, "one permit signature, one transaction")
	require.Equal(t, devnet.MOR(10).String(), d.Deposit)
	// Every transaction lt sends carries the gas margin over the node's estimate (keys.GasMarginPercent).
	devnettest.RequireGasMargin(t, ctx, c.anvil.URL, d.Tx)
	lt(&d, "deposit", "1.5", "--approve")
	require.False(t, d.Permit)
	devnettest.RequireGasMargin(t, ctx, c.anvil.URL, d.Tx) // the deposit right after its approve
	deposited := new(big.Int).Add(devnet.MOR(10), new(big.Int).Div(devnet.MOR(3), big.NewInt(2)))
	require.Equal(t, deposited.String(), d.Deposit)
	held, err := pool.DepositOf(call, user)
	require.NoError(t, err)
	require.Equal(t, deposited.String(), held.String())
	_, err = run(t, ctx, "deposit", "0", "--config", cfg)
	require.Error(t, err)

	var b balanceResult
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Equal(t, deposited.String(), b.Deposit)
	require.Equal(t, "0", b.Spent)
	require.Equal(t, deposited.String(), b.Withdrawable)
	require.Equal(t, "0", b.Requested)
	require.Equal(t, "0", b.Allowance, "not delegated: no free allowance")

	var w withdrawResult
	lt(&w, "withdraw", "2")
	require.Equal(t, "requested", w.Action)
	require.NotNil(t, w.Tx)
	devnettest.RequireGasMargin(t, ctx, c.anvil.URL, *w.Tx)
	require.Equal(t, devnet.MOR(2).String(), w.Requested)
	require.Positive(t, w.ReadyAt)
	lt(&w, "withdraw", "--cancel")
	require.Equal(t, "cancelled", w.Action)
	pending, err := pool.PendingWithdrawal(call, user)
	require.NoError(t, err)
	require.Zero(t, pending.Amount.Sign())

	lt(&w, "withdraw") // the whole deposit
	require.Equal(t, "requested", w.Action)
	require.Equal(t, deposited.String(), w.Requested)
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Equal(t, deposited.String(), b.Requested)
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "waiting", w.Action, "withdrawalDelay has not passed")

	// Past the delay and inside the next withdrawal window: the time the request reported.
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt))
	_, err = run(t, ctx, "withdraw", "--config", cfg)
	require.Error(t, err, "ready, but no keeper to prove the spend")
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, deposited.String(), w.Paid)
	require.Equal(t, "0", w.Deposit)
	bal, err := mor.BalanceOf(call, user)
	require.NoError(t, err)
	require.Equal(t, funded.String(), bal.String(), "deposited = spent (0) + withdrawn, to the wei")
	require.Positive(t, asked)

	// The chain is now past the wall clock by the warp above: the permit's deadline counts from the head
	// block's time, not the local clock's (by which the permit had expired and the deposit fell back on an
	// allowance of 0).
	lt(&d, "deposit", "1")
	require.True(t, d.Permit)
	require.Equal(t, devnet.MOR(1).String(), d.Deposit)
}

// TestBalanceAtADaysFirstSecond: with the latest block exactly at a day's start (anvil mines only on
// transactions, so a devnet can sit there indefinitely) ComputePool.allowance reverts DayNotStarted. lt
// balance still succeeds and reports the deposit, saying today's allowance is readable from the next block
// (no number: none is final yet); from the next block on it shows the pool's value. lt allowance, which has
// nothing else to report, fails saying the same. A balance that fails, or shows a guessed allowance, at
// the day's first second fails here.
func TestBalanceAtADaysFirstSecond(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	call := &bind.CallOpts{Context: ctx}
	var d depositResult
	out, err := run(t, ctx, "deposit", "10", "--config", c.cfg, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), &d), out)

	today, err := c.pool.CurrentDay(call)
	require.NoError(t, err)
	start, err := c.pool.DayStart(call, new(big.Int).Add(today, big.NewInt(1)))
	require.NoError(t, err)
	require.NoError(t, c.market.WarpTo(ctx, start.Uint64()))
	_, err = chain.PoolAllowance(&c.pool.ComputePoolCaller, call, c.user, today.Uint64()+1)
	require.ErrorIs(t, err, chain.ErrDayJustStarted, "the view itself reverts at the day's first second")

	var b balanceResult
	out, err = run(t, ctx, "balance", "--config", c.cfg, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), &b), out)
	require.Equal(t, today.Uint64()+1, b.Day)
	require.Equal(t, devnet.MOR(10).String(), b.Deposit)
	require.Equal(t, devnet.MOR(10).String(), b.MaxWithdrawable)
	require.Empty(t, b.Allowance, "no allowance is final at the day's first second")
	require.NotContains(t, out, `"allowance"`)
	require.Contains(t, b.AllowanceErr, "readable from the next block")
	human, err := run(t, ctx, "balance", "--config", c.cfg)
	require.NoError(t, err)
	require.Contains(t, human, fmt.Sprintf("allowance     not final yet: block %d is the day's first second; readable from the next block (day %d)", b.Block, b.Day))
	require.Contains(t, human, "deposit       10 MOR")
	_, err = run(t, ctx, "allowance", "--config", c.cfg)
	require.ErrorIs(t, err, chain.ErrDayJustStarted)

	// The next block: the allowance is final, and lt balance shows the pool's.
	require.NoError(t, c.anvil.IncreaseTime(ctx, 1))
	out, err = run(t, ctx, "balance", "--config", c.cfg, "--json")
	require.NoError(t, err)
	b = balanceResult{}
	require.NoError(t, json.Unmarshal([]byte(out), &b), out)
	require.Empty(t, b.AllowanceErr)
	want, err := c.pool.Allowance(&bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(b.Block)}, c.user, new(big.Int).SetUint64(b.Day))
	require.NoError(t, err)
	require.Equal(t, want.String(), b.Allowance)
}

// userChain is anvil with the real deploy script (payout start ten days back), the emissions released and
// anvil account 8 (no role in the devnet parameters: an ordinary user) funded with 1,000 MOR from the
// capital recipient; cfg is a config file naming its RPC URL and deployment, and LT_CLIENT_RAW_KEY is the
// user's key.
type userChain struct {
	market   *devnet.Market
	anvil    *devnet.Anvil
	mor      *mortoken.MORToken
	pool     *computepool.ComputePool
	poolAddr common.Address
	user     common.Address
	funded   *big.Int
	cfg      string
}

// ltJSON returns a function running lt with args on c and --json, decoding its output into v.
func (c *userChain) ltJSON(t *testing.T, ctx context.Context) func(v any, args ...string) {
	return func(v any, args ...string) {
		t.Helper()
		out, err := run(t, ctx, append(args, "--config", c.cfg, "--json")...)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(out), v), out)
	}
}

func startUserChain(t *testing.T, ctx context.Context) *userChain {
	t.Helper()
	const day = 86400
	// An hour into day 10: a chain starting on a day boundary has its first blocks in the day's first second,
	// whose allowance is not readable yet (chain.ErrDayJustStarted), and a fast machine read it there.
	m, err := devnet.StartMarket(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*day - 3600})
	require.NoError(t, err)
	t.Cleanup(m.Close)
	anvil, dep := m.Anvil, m.Deployment
	c := &userChain{market: m, anvil: anvil, mor: m.Token, pool: m.Pool, user: crypto.PubkeyToAddress(devnet.DevKey(8).PublicKey), funded: devnet.MOR(1000)}
	c.poolAddr, err = m.Addr("ComputePool")
	require.NoError(t, err)
	require.NoError(t, m.Release(ctx))
	require.NoError(t, m.FundMOR(ctx, c.user, c.funded))

	// Configuration from all three sources: a config file (rpc, deployment), the environment (the raw
	// devnet key) and flags (--json, given by the tests).
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	raw, err := json.Marshal(dep)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(depFile, raw, 0o600))
	c.cfg = filepath.Join(dir, "client.yaml")
	require.NoError(t, os.WriteFile(c.cfg, []byte("rpc: "+anvil.URL+"\ndeployment: "+depFile+"\n"), 0o600))
	t.Setenv("LT_CLIENT_RAW_KEY", devnet.DevKeys[8])
	return c
}

// TestBalanceShowsHeldBackSpend runs lt balance against anvil while a keeper (anvil account 2) commits spend
// roots for the user and a second depositor: the pending epochs' spend of every user is held back from the
// start, the user's own spend once its epoch is claimable (the stand-in keeper serves the proof against the
// pool's claimable spend root), a keeper proving another epoch is reported and not believed, the pending
// request shows when it can be executed, and what lt balance calls withdrawable is, to the wei, what
// ComputePool.withdraw then pays. A balance that leaves out the pending spend, the claimable spend or the
// request's readiness fails here.
func TestBalanceShowsHeldBackSpend(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	eth, err := c.anvil.Client(ctx)
	require.NoError(t, err)
	defer eth.Close()
	call := &bind.CallOpts{Context: ctx}
	mor := tenths

	lt := c.ltJSON(t, ctx)
	// balance runs lt balance twice, --json into b and the human form returned (a read: no transaction).
	var b balanceResult
	balance := func(args ...string) string {
		t.Helper()
		b = balanceResult{}
		lt(&b, append([]string{"balance"}, args...)...)
		human, err := run(t, ctx, append([]string{"balance", "--config", c.cfg}, args...)...)
		require.NoError(t, err)
		return human
	}

	var d depositResult
	lt(&d, "deposit", "10")
	keeper := newSpendKeeper(t, ctx, c)
	commit := keeper.commit

	balance("--keeper", keeper.URL)
	require.Equal(t, devnet.MOR(10).String(), b.Deposit)
	require.Nil(t, b.ClaimableEpoch)
	require.Equal(t, "0", b.PendingSpend)
	require.Equal(t, "0", b.HeldBack)
	require.Equal(t, devnet.MOR(10).String(), b.Withdrawable)

	// Epoch 0 (pending): the user spent 2 MOR, the other depositor 1. All 3 are held back from the user.
	commit(20, 10)
	human := balance("--keeper", keeper.URL)
	require.Nil(t, b.ClaimableEpoch)
	require.Equal(t, mor(30).String(), b.PendingSpend, "every user's pending spend")
	require.Equal(t, "0", b.Spent)
	require.Equal(t, mor(30).String(), b.HeldBack)
	require.Equal(t, mor(70).String(), b.Withdrawable)
	require.Contains(t, human, "held back     3 MOR")
	require.Contains(t, human, "withdrawable  7 MOR now")
	human = balance() // no keeper: only the bound
	require.Empty(t, b.Withdrawable)
	require.Empty(t, b.HeldBack)
	require.Equal(t, mor(70).String(), b.MaxWithdrawable)
	require.Contains(t, human, "withdrawable  at most 7 MOR now")

	// Epoch 0 claimable, epoch 1 pending (user 2.5, other 1.5): 2 proved + 1 pending held back.
	window, err := c.pool.DisputeWindow(call)
	require.NoError(t, err)
	require.NoError(t, c.anvil.IncreaseTime(ctx, uint64(window)+1))
	commit(25, 15)
	balance("--keeper", keeper.URL)
	require.EqualValues(t, 0, *b.ClaimableEpoch)
	require.EqualValues(t, 0, *b.SpentEpoch)
	require.Equal(t, mor(20).String(), b.Spent)
	require.Equal(t, mor(10).String(), b.PendingSpend)
	require.Equal(t, mor(30).String(), b.HeldBack)
	require.Equal(t, mor(70).String(), b.Withdrawable)

	// A keeper proving an epoch the pool has not made claimable is reported, not believed.
	keeper.serveFirst(true, keeper.answer(1, false))
	human = balance("--keeper", keeper.URL)
	require.Contains(t, b.KeeperErr, "newest claimable epoch is 0")
	require.Empty(t, b.Withdrawable)
	require.Equal(t, mor(90).String(), b.MaxWithdrawable)
	require.Contains(t, human, "claimable spend unknown")
	keeper.serveFirst(false)

	// The whole deposit requested: not executable before withdrawalDelay, then ready. Epoch 0 holds the user's
	// spend and is claimable: the request must prove it, so without --keeper lt refuses and sends nothing.
	var w withdrawResult
	_, err = run(t, ctx, "withdraw", "--config", c.cfg)
	require.ErrorContains(t, err, "give --keeper <url>")
	pending, err := c.pool.PendingWithdrawal(call, c.user)
	require.NoError(t, err)
	require.Zero(t, pending.Amount.Sign(), "nothing requested")
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "requested", w.Action)
	human = balance("--keeper", keeper.URL)
	require.Equal(t, devnet.MOR(10).String(), b.Requested)
	require.False(t, b.Ready)
	require.Equal(t, w.ReadyAt, b.ReadyAt)
	require.Contains(t, human, "can be executed at "+time.Unix(int64(w.ReadyAt), 0).UTC().Format(time.RFC3339))
	// Past the delay, inside the next withdrawal window: readyAt, a day's first second, whose allowance is not
	// final yet (ComputePool.allowance reverts DayNotStarted); lt balance reports everything else.
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt))
	readyDay, err := c.pool.DayOf(call, new(big.Int).SetUint64(w.ReadyAt))
	require.NoError(t, err)
	readyDayStart, err := c.pool.DayStart(call, readyDay)
	require.NoError(t, err)
	require.Equal(t, w.ReadyAt, readyDayStart.Uint64(), "the window opens at a day start")
	human = balance("--keeper", keeper.URL)
	head, err := eth.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, w.ReadyAt, head.Time)
	require.Equal(t, head.Number.Uint64(), b.Block)
	require.True(t, b.Ready)
	require.Empty(t, b.Allowance)
	require.Contains(t, b.AllowanceErr, "readable from the next block")
	require.Contains(t, human, "allowance     not final yet")
	require.Contains(t, human, "ready now")
	commit(30, 20) // epoch 1 is claimable by now; epoch 2 pending: user 3, other 2
	human = balance("--keeper", keeper.URL)
	require.True(t, b.Ready)
	require.Contains(t, human, "ready now")
	require.EqualValues(t, 1, *b.ClaimableEpoch)
	require.Equal(t, mor(25).String(), b.Spent)
	require.Equal(t, mor(10).String(), b.PendingSpend)
	require.Equal(t, mor(65).String(), b.Withdrawable)

	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, b.Withdrawable, w.Paid, "lt balance's withdrawable is what withdraw pays")
}

// TestWithdrawRefetchesAStaleSpendProof: a newer epoch becomes claimable between the keeper's answer and
// lt withdraw's transaction (the stand-in keeper answers first with a proof captured before it was): the
// request reverts InvalidSpendProof in its gas estimate, fetches the proof again and succeeds. At the
// completion, a keeper behind the pool (answering epoch 1's proof while epoch 2 is claimable) is asked again
// after pauses of 0.5 s doubling to 4 s (lt's clock replaced: no test sleeps), never sending that proof
// again: one that stays behind ends, --keeper-wait (30 s) after its first repeated answer, in an error naming
// the keeper's epoch and the pool's, how often it was asked over how long and that it is behind, with
// nothing sent (the user's nonce, deposit and MOR and the pool's MOR and claimable epoch unchanged, the
// request still pending); so does one taking 15 s to answer each request (4 requests: its time counts in
// the wait), one that stops answering (its request ends at the wait's deadline: --keeper-wait 1s on the
// wall clock), one stopped by the context while waiting, and one with --keeper-wait 0 at its second answer.
// A keeper answering the pool's newest epoch with a proof that fails is not behind: no pause, and the error
// says it may be wrong or hostile; one answering an epoch the pool has not made claimable says, once the wait
// is over, that the user's node may be behind. One whose stale answers keep changing is asked spendProofTries times. One that
// catches up after 5 identical stale answers (more than spendProofTries) completes the withdrawal, proving
// the newest claimable spend (paid: the deposit minus it, to the wei). Before, only lt's own pauses counted
// in --keeper-wait (the slow keeper was asked 12 times, ~3.5 minutes; the silent one held each request 15 s)
// and every failure said the keeper may be behind.
func TestWithdrawRefetchesAStaleSpendProof(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, lt, keeper, window := withdrawSetup(t, ctx)
	call := &bind.CallOpts{Context: ctx}

	// Epoch 0 claimable (the user spent 2 MOR): the keeper's answer then is captured; then epoch 1 (2.5 MOR).
	keeper.commit(20, 10)
	require.NoError(t, c.anvil.IncreaseTime(ctx, window+1))
	stale0 := keeper.answer(0, true)
	keeper.commit(25, 15)
	require.NoError(t, c.anvil.IncreaseTime(ctx, window+1))

	// The request: the keeper first answers epoch 0's proof, then epoch 1's.
	keeper.serveFirst(false, stale0)
	var w withdrawResult
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "requested", w.Action)
	require.Equal(t, devnet.MOR(10).String(), w.Requested)
	require.Equal(t, 2, keeper.takeAsked(), "the proof fetched again once")

	// Epoch 2 (3 MOR) is claimable once the request is ready; the keeper's answer for epoch 1 is stale then.
	stale1 := keeper.answer(1, true)
	keeper.commit(30, 20)
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt))
	ce, err := c.pool.ClaimableEpoch(call)
	require.NoError(t, err)
	require.EqualValues(t, 2, ce.Epoch.Uint64())
	type state struct {
		nonce                            uint64
		deposit, mor, poolMOR, claimable string
		requested                        string
	}
	read := func() state {
		t.Helper()
		var s state
		s.nonce, err = c.market.Client.NonceAt(ctx, c.user, nil)
		require.NoError(t, err)
		deposit, err := c.pool.DepositOf(call, c.user)
		require.NoError(t, err)
		mor, err := c.mor.BalanceOf(call, c.user)
		require.NoError(t, err)
		poolMOR, err := c.mor.BalanceOf(call, c.poolAddr)
		require.NoError(t, err)
		ce, err := c.pool.ClaimableEpoch(call)
		require.NoError(t, err)
		pending, err := c.pool.PendingWithdrawal(call, c.user)
		require.NoError(t, err)
		s.deposit, s.mor, s.poolMOR, s.claimable, s.requested = deposit.String(), mor.String(), poolMOR.String(),
			ce.Epoch.String(), pending.Amount.String()
		return s
	}
	before := read()
	require.Equal(t, devnet.MOR(10).String(), before.requested)
	nothingSent := func() {
		t.Helper()
		require.Equal(t, before, read(), "nothing sent: the user's nonce, deposit and MOR, the pool's MOR and claimable epoch, the request")
	}
	const stale = "ComputePool.withdraw: nothing sent: the keeper's proof of your spend does not verify against the pool's " +
		"newest claimable spend root (the keeper answered for epoch 1, the pool's newest claimable epoch is 2; "
	const behind = "): the keeper is behind the pool: retry later, or give another keeper (--keeper)"
	s := func(secs ...float64) []time.Duration {
		var ds []time.Duration
		for _, x := range secs {
			ds = append(ds, time.Duration(x*float64(time.Second)))
		}
		return ds
	}

	// A keeper answering epoch 1 for good: asked again after each pause until the 30 s are used up (each
	// pause leaves 0.5 s for the request after it).
	keeper.serveFirst(true, stale1)
	p := &pauses{}
	_, err = runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorContains(t, err, stale+"asked the keeper 12 times, over 29.5s in all, waiting up to --keeper-wait 30s for it to catch up"+behind)
	require.Equal(t, s(0.5, 1, 2, 4, 4, 4, 4, 4, 4, 2), p.took())
	require.Equal(t, 12, keeper.takeAsked(), "the first answer tried, then once after each pause")
	nothingSent()

	// The same keeper, 15 s to answer each request (GetJSON's limit): the keeper's time counts in the
	// 30 s too. The wait begins at its second answer (30 s in) and ends at the first check past 60 s: 4
	// requests, 2 pauses. (This stand-in's time runs on past the deadline; a real request's context ends
	// at it: below.) Before, only lt's own pauses counted: 12 requests, 3 minutes.
	slow := &pauses{}
	keeper.onAsk(func(*http.Request, int) { slow.advance(15 * time.Second) })
	_, err = runWaiting(t, ctx, slow, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorContains(t, err, stale+"asked the keeper 4 times, over 1m1.5s in all, waiting up to --keeper-wait 30s for it to catch up"+behind)
	require.Equal(t, s(0.5, 1), slow.took())
	require.Equal(t, 4, keeper.takeAsked())
	nothingSent()

	// A keeper that stops answering after its second answer: the request made while waiting ends at the
	// wait's deadline, on the wall clock (--keeper-wait 1s: lt's pause is still the stand-in's).
	keeper.onAsk(func(r *http.Request, n int) {
		if n > 2 {
			<-r.Context().Done() // lt gave up the request
		}
	})
	p = &pauses{}
	_, err = runWaiting(t, ctx, wallNow{p}, "withdraw", "--keeper", keeper.URL, "--config", c.cfg, "--keeper-wait", "1s")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.ErrorContains(t, err, stale+"asked the keeper 3 times, 2 answered, over ")
	require.ErrorContains(t, err, "waiting up to --keeper-wait 1s for it to catch up"+behind+": stopped waiting: ")
	require.Len(t, p.took(), 1)
	require.Equal(t, 3, keeper.takeAsked())
	nothingSent()
	keeper.onAsk(nil)

	// The same keeper with --keeper-wait 0: no pause, asked twice.
	p = &pauses{}
	_, err = runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg, "--keeper-wait", "0")
	require.ErrorContains(t, err, stale+"asked the keeper 2 times"+behind)
	require.Empty(t, p.took())
	require.Equal(t, 2, keeper.takeAsked())
	nothingSent()

	// The context ends while lt waits: it stops at once, saying the same, nothing sent.
	stopped, stop := context.WithCancel(ctx)
	p = &pauses{then: func(int) error { stop(); return stopped.Err() }}
	_, err = runWaiting(t, stopped, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorContains(t, err, stale+"asked the keeper 2 times, over 500ms in all, waiting up to --keeper-wait 30s for it to catch up"+
		behind+": stopped waiting: context canceled")
	require.Equal(t, s(0.5), p.took())
	require.Equal(t, 2, keeper.takeAsked())
	nothingSent()

	// A keeper answering for the pool's newest epoch a proof that does not verify is not behind: no pause,
	// and the error does not say it is.
	wrong := stale1
	wrong.Epoch = 2
	keeper.serveFirst(true, wrong)
	p = &pauses{}
	_, err = runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorContains(t, err, "(the keeper answered for epoch 2, the pool's newest claimable epoch is 2; asked the keeper 2 times): "+
		"the keeper is not behind the pool, yet the pool refuses its proof: the keeper may be wrong or hostile: give another keeper (--keeper)")
	require.NotContains(t, err.Error(), "behind the pool:")
	require.Empty(t, p.took())
	require.Equal(t, 2, keeper.takeAsked())
	nothingSent()

	// A keeper answering for an epoch the pool has not made claimable: the user's node may be behind, and lt
	// reads the pool again after each pause until --keeper-wait is used up (TestWithdrawWaitsForANodeBehind:
	// one that catches up).
	ahead := stale1
	ahead.Epoch = 3
	keeper.serveFirst(true, ahead)
	p = &pauses{}
	_, err = runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorContains(t, err, "(the keeper answered for epoch 3, the pool's newest claimable epoch is 2; asked the keeper 12 times, "+
		"over 29.5s in all, waiting up to --keeper-wait 30s for it to catch up): "+
		"the keeper is ahead of the pool as your node (--rpc) reads it: your node may be behind: retry later, or give another node (--rpc)")
	require.Equal(t, s(0.5, 1, 2, 4, 4, 4, 4, 4, 4, 2), p.took())
	require.Equal(t, 12, keeper.takeAsked())
	nothingSent()

	// A keeper whose stale answers keep changing: asked spendProofTries times, no pause.
	keeper.serveFirst(false, stale0, stale1, stale0, stale1)
	p = &pauses{}
	_, err = runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg)
	require.ErrorContains(t, err, "(the keeper answered for epoch 0, the pool's newest claimable epoch is 2; asked the keeper 3 times"+behind)
	require.Equal(t, spendProofTries, keeper.takeAsked())
	require.Empty(t, p.took())
	nothingSent()

	// A keeper that catches up during lt's fourth pause, after 5 identical stale answers: the withdrawal
	// proves epoch 2's spend. Paid: 10 − 3 MOR.
	keeper.serveFirst(true, stale1)
	p = &pauses{then: func(n int) error {
		if n == 4 {
			keeper.serveFirst(false) // the newest claimable epoch's answer from now on
		}
		return nil
	}}
	out, err := runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), &w), out)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, devnet.MOR(3).String(), w.Spent)
	require.Equal(t, devnet.MOR(7).String(), w.Paid)
	require.Equal(t, s(0.5, 1, 2, 4), p.took())
	require.Equal(t, 6, keeper.takeAsked(), "5 stale answers, then the live one")
}

// TestWithdrawWaitsForANodeBehind: the keeper answers for an epoch its chain has made claimable and the
// user's node (--rpc) has not yet (here: the epoch's dispute window is still open on the test's chain, which
// the keeper reads ahead of it), so the proof's gas estimate reverts InvalidSpendProof. lt withdraw reads the
// pool again after each pause and, once the node has that epoch claimable (the window over during the second
// pause), sends the same proof once more: the withdrawal pays the deposit minus that epoch's spend. Before,
// lt stopped at the first repeated answer, saying "your node may be behind: retry later".
func TestWithdrawWaitsForANodeBehind(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, lt, keeper, window := withdrawSetup(t, ctx)
	call := &bind.CallOpts{Context: ctx}

	// Epoch 0 claimable (the user spent 2 MOR); the request proves it.
	keeper.commit(20, 10)
	require.NoError(t, c.anvil.IncreaseTime(ctx, window+1))
	keeper.serveFirst(false)
	var w withdrawResult
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "requested", w.Action)
	require.Equal(t, 1, keeper.takeAsked())

	// Epoch 1 (2.5 MOR) committed half a dispute window before the request is ready: pending then.
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt-window/2))
	keeper.commit(25, 15)
	info, err := c.pool.EpochInfo(call, big.NewInt(1))
	require.NoError(t, err)
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt))
	ce, err := c.pool.ClaimableEpoch(call)
	require.NoError(t, err)
	require.EqualValues(t, 0, ce.Epoch.Uint64(), "epoch 1 pending as the user's node reads the pool")

	keeper.serveFirst(true, keeper.answer(1, true))
	p := &pauses{then: func(n int) error {
		if n == 2 { // the node catches up: epoch 1 claimable
			return c.market.WarpTo(ctx, uint64(info.ClaimableAt))
		}
		return nil
	}}
	out, err := runWaiting(t, ctx, p, "withdraw", "--keeper", keeper.URL, "--config", c.cfg, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(out), &w), out)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, tenths(25).String(), w.Spent, "epoch 1's spend proved")
	require.Equal(t, new(big.Int).Sub(devnet.MOR(10), tenths(25)).String(), w.Paid)
	require.Equal(t, []time.Duration{500 * time.Millisecond, time.Second}, p.took())
	require.Equal(t, 4, keeper.takeAsked(), "the answer, once again after the revert, once after each pause")
}

// withdrawSetup is a user chain where the user deposited 10 MOR, lt run with --json on it, a stand-in keeper
// and the pool's dispute window.
func withdrawSetup(t *testing.T, ctx context.Context) (*userChain, func(v any, args ...string), *spendKeeper, uint64) {
	c := startUserChain(t, ctx)
	lt := c.ltJSON(t, ctx)
	var d depositResult
	lt(&d, "deposit", "10")
	window, err := c.pool.DisputeWindow(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	return c, lt, newSpendKeeper(t, ctx, c), uint64(window)
}

// pauses stands in for lt withdraw's clock (app.clock): its time moves only by the pauses, which it records,
// and by advance (a keeper slow to answer). Given then, a pause returns what then says after it (n: how many
// so far). No test sleeps.
type pauses struct {
	mu   sync.Mutex
	got  []time.Duration
	at   time.Duration // since the stand-in's epoch
	then func(n int) error
}

func (p *pauses) Now() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return time.Unix(0, 0).Add(p.at)
}

func (p *pauses) Sleep(_ context.Context, d time.Duration) error {
	p.mu.Lock()
	p.got = append(p.got, d)
	p.at += d
	n := len(p.got)
	p.mu.Unlock()
	if p.then != nil {
		return p.then(n)
	}
	return nil
}

// advance moves the stand-in's time on by d.
func (p *pauses) advance(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.at += d
}

// took is the pauses so far.
func (p *pauses) took() []time.Duration {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.got)
}

// wallNow is pauses with the wall clock's time: lt's wait ends by it, its pauses are still the stand-in's.
type wallNow struct{ *pauses }

func (wallNow) Now() time.Time { return time.Now() }

// TestWithdrawPrintsTheSpendThePoolProved: with no epoch claimable the pool takes the user's spend as 0
// whatever the keeper says; a keeper answering a spend of 9 MOR (with a proof of nothing) does not make lt
// report it: the spend shown is the Withdrawn event's, the one the pool proved (before, the keeper's
// figure: "withdrew 10 MOR (spent 9 MOR)").
func TestWithdrawPrintsTheSpendThePoolProved(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	lt := c.ltJSON(t, ctx)
	var d depositResult
	lt(&d, "deposit", "10")
	keeper := newSpendKeeper(t, ctx, c)
	lie := wire.SpendProof{User: c.user, CumulativeSpent: uint256.MustFromBig(devnet.MOR(9)), Proof: []common.Hash{{1}}}
	keeper.serveFirst(true, lie)
	var w withdrawResult
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "requested", w.Action)
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt))
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, devnet.MOR(10).String(), w.Paid)
	require.Equal(t, "0", w.Spent, "the spend the pool proved, not the keeper's")
}

// TestSendProvedNeverRetriesAMinedRevert: a transaction mined reverted InvalidSpendProof (the state moved
// between its gas estimate and its inclusion) was sent; lt withdraw does not fetch the proof again and send
// another one on its own, whether the keeper's answer changes or stays the same (a keeper behind, which a
// reverted gas estimate waits for), and does not wait: the revert comes back as it is.
func TestSendProvedNeverRetriesAMinedRevert(t *testing.T) {
	user := common.Address{0x11}
	for _, same := range []bool{false, true} {
		var answers atomic.Uint64
		keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			n := answers.Add(1) // every answer another proof, or the same (epoch 1's)
			if same {
				n = 1
			}
			wire.WriteJSON(w, http.StatusOK, wire.SpendProof{User: user, CumulativeSpent: uint256.NewInt(n), Proof: []common.Hash{{byte(n)}},
				Claimable: true, Epoch: n})
		}))
		mined := &keys.RevertError{Tx: common.Hash{0x7a}, Block: 9, Name: "InvalidSpendProof"}
		built := 0
		pool, err := computepool.NewComputePool(common.Address{0x22}, noChain{})
		require.NoError(t, err)
		p := &pauses{}
		pc := &poolConn{user: user, pool: pool, keeperWait: time.Minute, clock: p}
		_, err = pc.sendProved(context.Background(), keeper.URL, "ComputePool.withdraw",
			func(*bind.TransactOpts, *big.Int, [][32]byte) (*types.Transaction, error) {
				built++
				return nil, mined
			})
		keeper.Close()
		require.ErrorIs(t, err, mined)
		require.Equal(t, 1, built, "built and sent once")
		require.EqualValues(t, 1, answers.Load(), "the proof not fetched again")
		require.Empty(t, p.took(), "no pause")
	}
}

// noChain is a contract backend whose calls all fail: no node.
type noChain struct{ bind.ContractBackend }

func (noChain) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return nil, errors.New("no chain")
}

// tenths is n tenths of a MOR.
func tenths(n int64) *big.Int { return new(big.Int).Div(devnet.MOR(n), big.NewInt(10)) }

// spendKeeper commits spend roots on a userChain's pool as anvil account 2 (the devnet keeper) for the user
// and a second depositor, and serves GET /v1/spend/{user} as a keeper does: the user's leaf in the tree of the
// pool's newest claimable epoch (404 while none is), unless serveFirst gave answers to serve first.
type spendKeeper struct {
	*httptest.Server
	t     *testing.T
	ctx   context.Context
	c     *userChain
	other common.Address

	mu     sync.Mutex
	trees  map[uint64]*merkle.Tree // by epoch
	first  []wire.SpendProof       // served first, in order
	repeat bool                    // the last of first is served for good
	asked  int
	before func(r *http.Request, n int) // onAsk's: called before each answer (n: the requests since takeAsked)
}

// newSpendKeeper starts the stand-in keeper; the second depositor (anvil account 5, the capital recipient:
// it holds MOR) deposits 5 MOR.
func newSpendKeeper(t *testing.T, ctx context.Context, c *userChain) *spendKeeper {
	t.Helper()
	k := &spendKeeper{t: t, ctx: ctx, c: c, other: crypto.PubkeyToAddress(devnet.DevKey(5).PublicKey), trees: map[uint64]*merkle.Tree{}}
	k.Server = httptest.NewServer(http.HandlerFunc(k.serve))
	t.Cleanup(k.Close)
	_, err := c.market.Send(ctx, devnet.DevKey(5), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.mor.Approve(o, c.poolAddr, devnet.MOR(5))
	})
	require.NoError(t, err)
	_, err = c.market.Send(ctx, devnet.DevKey(5), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.pool.Deposit(o, devnet.MOR(5))
	})
	require.NoError(t, err)
	return k
}

func (k *spendKeeper) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/spend/"+k.c.user.Hex() {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no such user"))
		return
	}
	k.mu.Lock()
	k.asked++
	n, before := k.asked, k.before
	k.mu.Unlock()
	if before != nil {
		before(r, n)
	}
	k.mu.Lock()
	var sp *wire.SpendProof
	if len(k.first) > 0 {
		sp = &k.first[0]
		if len(k.first) > 1 || !k.repeat {
			k.first = k.first[1:]
		}
	}
	k.mu.Unlock()
	if sp == nil {
		ce, err := k.c.pool.ClaimableEpoch(&bind.CallOpts{Context: r.Context()})
		if err != nil || !ce.Exists {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no claimable spend root"))
			return
		}
		a := k.answer(ce.Epoch.Uint64(), true)
		sp = &a
	}
	wire.WriteJSON(w, http.StatusOK, sp)
}

// answer is the keeper's answer proving the user's leaf in epoch's tree, saying claimable.
func (k *spendKeeper) answer(epoch uint64, claimable bool) wire.SpendProof {
	k.mu.Lock()
	tree := k.trees[epoch]
	k.mu.Unlock()
	proof, spent, err := tree.Proof(k.c.user)
	if err != nil {
		panic(err) // every tree has the user's leaf
	}
	return wire.SpendProof{User: k.c.user, CumulativeSpent: &spent, Proof: proof, Claimable: claimable, Epoch: epoch,
		SpendRoot: tree.Root()}
}

// serveFirst has the keeper answer the next requests with answers, in order (the last for good when repeat),
// and the newest claimable epoch's after; none: that from the next request on.
func (k *spendKeeper) serveFirst(repeat bool, answers ...wire.SpendProof) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.first, k.repeat = answers, repeat
}

// onAsk has the keeper call before(r, n) before answering each request r (n: the requests since the last
// takeAsked); nil: no more.
func (k *spendKeeper) onAsk(before func(r *http.Request, n int)) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.before = before
}

// takeAsked is how many requests the keeper answered since the last call.
func (k *spendKeeper) takeAsked() int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := k.asked
	k.asked = 0
	return n
}

// commit commits the next epoch: a spend tree of the user's and the other depositor's cumulative spend, in
// tenths of a MOR, read as of the newest block (after every withdrawal and deposit).
func (k *spendKeeper) commit(user, other int64) {
	k.t.Helper()
	tree, err := merkle.Build([]merkle.Entry{{Account: k.c.user, Amount: *uint256.MustFromBig(tenths(user))},
		{Account: k.other, Amount: *uint256.MustFromBig(tenths(other))}})
	require.NoError(k.t, err)
	k.mu.Lock()
	epoch := uint64(len(k.trees))
	k.trees[epoch] = tree
	k.mu.Unlock()
	total := tenths(user + other)
	head, err := k.c.market.Client.HeaderByNumber(k.ctx, nil)
	require.NoError(k.t, err)
	readAt := head.Time
	_, err = k.c.market.Send(k.ctx, devnet.DevKey(2), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return k.c.pool.CommitRoot(o, new(big.Int).SetUint64(epoch), common.Hash{0xc0, byte(epoch + 1)}, total, tree.Root(), total,
			big.NewInt(int64(readAt)), common.Hash{0xba, byte(epoch)}, "")
	})
	require.NoError(k.t, err)
}
