package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
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

	lt := func(v any, args ...string) {
		t.Helper()
		out, err := run(t, ctx, append(args, "--config", cfg, "--json")...)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(out), v), out)
	}
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
	mined := devnet.Mined(ctx, eth)
	chainID := uint64(31337)
	call := &bind.CallOpts{Context: ctx}
	other := crypto.PubkeyToAddress(devnet.DevKey(5).PublicKey) // the capital recipient: it holds MOR
	mor := func(tenths int64) *big.Int { return new(big.Int).Div(devnet.MOR(tenths), big.NewInt(10)) }

	lt := func(v any, args ...string) {
		t.Helper()
		out, err := run(t, ctx, append(args, "--config", c.cfg, "--json")...)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(out), v), out)
	}
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

	// Spend trees by epoch; the stand-in keeper proves the user's leaf in the pool's claimable one, or, when
	// stale, claims an epoch the pool has not made claimable.
	trees := map[uint64]*merkle.Tree{}
	stale := false
	keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ce, err := c.pool.ClaimableEpoch(&bind.CallOpts{Context: r.Context()})
		if err != nil || r.URL.Path != "/v1/spend/"+c.user.Hex() || (!ce.Exists && !stale) {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no claimable spend root"))
			return
		}
		epoch := ce.Epoch.Uint64()
		if stale {
			epoch = uint64(len(trees) - 1)
		}
		proof, spent, err := trees[epoch].Proof(c.user)
		require.NoError(t, err)
		wire.WriteJSON(w, http.StatusOK, wire.SpendProof{User: c.user, CumulativeSpent: &spent, Proof: proof, Claimable: !stale,
			Epoch: epoch, SpendRoot: trees[epoch].Root()})
	}))
	defer keeper.Close()
	commit := func(user, others int64) {
		t.Helper()
		tree, err := merkle.Build([]merkle.Entry{{Account: c.user, Amount: *uint256.MustFromBig(mor(user))},
			{Account: other, Amount: *uint256.MustFromBig(mor(others))}})
		require.NoError(t, err)
		epoch := uint64(len(trees))
		trees[epoch] = tree
		total := mor(user + others)
		readAt, err := c.pool.LastWithdrawAt(&bind.CallOpts{Context: ctx}) // a keeper that read every withdrawal
		require.NoError(t, err)
		_, err = mined(c.pool.CommitRoot(devnet.Transactor(ctx, devnet.DevKey(2), chainID), new(big.Int).SetUint64(epoch),
			common.Hash{0xc0, byte(epoch + 1)}, total, tree.Root(), total, big.NewInt(int64(readAt)), common.Hash{0xba, byte(epoch)}, ""))
		require.NoError(t, err)
	}

	var d depositResult
	lt(&d, "deposit", "10")
	_, err = mined(c.mor.Approve(devnet.Transactor(ctx, devnet.DevKey(5), chainID), c.poolAddr, devnet.MOR(5)))
	require.NoError(t, err)
	_, err = mined(c.pool.Deposit(devnet.Transactor(ctx, devnet.DevKey(5), chainID), devnet.MOR(5)))
	require.NoError(t, err)

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
	stale = true
	human = balance("--keeper", keeper.URL)
	require.Contains(t, b.KeeperErr, "newest claimable epoch is 0")
	require.Empty(t, b.Withdrawable)
	require.Equal(t, mor(90).String(), b.MaxWithdrawable)
	require.Contains(t, human, "claimable spend unknown")
	stale = false

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
