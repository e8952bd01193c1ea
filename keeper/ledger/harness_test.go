package ledger_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
)

// keeper is an in-process keeper (ledger + txmgr + store) for the ledger's integration tests (the reorg
// test). The RPC-fault test runs the real keeper binary against the real system instead:
// keeper/cmd/keeper TestSettleThroughRPCFaultsRouter.
type keeper struct {
	led   *ledger.Ledger
	st    *store.Store
	mgr   *txmgr.Manager
	stop  func()
	feeds []*testenv.Feed
	logs  *observer.ObservedLogs // what it logged at info and above (nil when opts.log was given)
}

type keeperOptions struct {
	rpcURLs       []string
	dsn           string
	confirmations uint64
	logRange      uint64        // blocks per eth_getLogs of the deposits and signer followers (0: the default)
	callTimeout   time.Duration // per RPC attempt (chain client)
	claims        bool
	feeds         int // router feeds (default 1)
	log           *zap.Logger
	feedList      []*testenv.Feed                   // the routers' feeds (nil: feeds new ones)
	pageLimit     int                               // records per feed page (0: the default)
	epochLength   time.Duration                     // 0: 300 ms
	now           func() time.Time                  // the ledger's clock (nil: the wall clock)
	manual        bool                              // do not run the ledger: the test drives IngestOnce, Assemble and Step
	sender        func(ledger.Sender) ledger.Sender // wraps the transaction manager (nil: as it is)
}

// startKeeper runs a keeper against env through opts.rpcURLs until the test ends. Every RPC, the
// registry's included, goes through those URLs: setup retries until they answer.
func startKeeper(t *testing.T, ctx context.Context, env *testenv.Env, opts keeperOptions) *keeper {
	t.Helper()
	var logs *observer.ObservedLogs
	if opts.log == nil {
		var core zapcore.Core
		core, logs = observer.New(zap.InfoLevel)
		opts.log = zap.New(core)
	}
	client, err := chain.Dial(ctx, opts.rpcURLs, chain.Options{CallTimeout: opts.callTimeout})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	st, err := store.Open(ctx, opts.dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	keeperFrom, keeperSign := keys.TxSigner(devnet.DevKey(testenv.KeeperKey), big.NewInt(31337))
	mgr, err := txmgr.New(txmgr.Config{ChainID: big.NewInt(31337), From: keeperFrom, Sign: keeperSign,
		Confirmations: opts.confirmations, FeeCeiling: big.NewInt(100e9), PollInterval: 50 * time.Millisecond,
		ResubmitAfter: 3 * time.Second, RPCTimeout: 5 * time.Second, Log: opts.log}, client, st)
	require.NoError(t, err)
	pool, err := ledger.NewChainPool(env.PoolAddr, client)
	require.NoError(t, err)
	deposits, err := ledger.NewChainDeposits(env.PoolAddr, client, env.Deployment.StartBlock, opts.confirmations, opts.logRange, opts.log)
	require.NoError(t, err)
	modelsAddr, _ := env.Deployment.Address("ModelRegistry")
	signers, err := ledger.NewSignerHistory(env.MarketAddr, client, ledger.SignerConfig{Start: env.Deployment.StartBlock,
		Confirmations: opts.confirmations, MaxRange: opts.logRange, Now: opts.now, Log: opts.log})
	require.NoError(t, err)
	var reg *ledger.ChainRegistry
	require.Eventually(t, func() bool {
		reg, err = ledger.NewChainRegistry(ctx, env.MarketAddr, modelsAddr, client, signers)
		return err == nil
	}, 30*time.Second, 50*time.Millisecond, "registry: %v", err)
	feeds := opts.feedList
	if feeds == nil {
		for range max(1, opts.feeds) {
			feeds = append(feeds, testenv.NewFeed(t))
		}
	}
	urls := make([]string, len(feeds))
	for i, f := range feeds {
		urls[i] = f.Server.URL
	}
	if opts.epochLength == 0 {
		opts.epochLength = 300 * time.Millisecond
	}
	var sender ledger.Sender = mgr
	if opts.sender != nil {
		sender = opts.sender(mgr)
	}
	led, err := ledger.New(ledger.Config{Feeds: urls, EpochLength: opts.epochLength, Now: opts.now, PageLimit: opts.pageLimit,
		BatchDir: t.TempDir(), PublicURL: "http://keeper.test", PollInterval: 50 * time.Millisecond,
		HTTPTimeout: 2 * time.Second, ClaimsEnabled: opts.claims, Deposits: deposits}, st, pool, sender, env.Domain, reg, opts.log, nil)
	require.NoError(t, err)
	k := &keeper{led: led, st: st, mgr: mgr, feeds: feeds, stop: func() {}, logs: logs}
	if opts.manual {
		return k
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { defer close(done); _ = led.Run(runCtx) }()
	k.stop = func() { cancel(); <-done }
	t.Cleanup(k.stop)
	return k
}

// drive steps keeper k (a manual one) until its live epoch n satisfies done.
func (k *keeper) drive(t *testing.T, ctx context.Context, n uint64, what string, done func(e *ledger.EpochRow) bool) {
	t.Helper()
	require.Eventually(t, func() bool {
		_ = k.led.Step(ctx)
		e, err := k.led.LiveEpoch(ctx, n)
		return err == nil && done(e)
	}, time.Minute, 20*time.Millisecond, what)
}

// claimAll moves the chain past the dispute window, steps keeper k until epoch 0's batched claims are
// done, and returns what the provider and the builder were paid.
func (k *keeper) claimAll(t *testing.T, ctx context.Context, env *testenv.Env) *big.Int {
	t.Helper()
	call := &bind.CallOpts{Context: ctx}
	window, err := env.Pool.DisputeWindow(call)
	require.NoError(t, err)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, uint64(window)+1))
	k.drive(t, ctx, 0, "claimed", func(e *ledger.EpochRow) bool {
		return e.State == ledger.StateClaimable && e.Claims == ledger.ClaimsDone
	})
	paid := new(big.Int)
	for _, acc := range []common.Address{env.Provider, env.Builder} {
		c, err := env.Pool.Claimed(call, acc)
		require.NoError(t, err)
		paid.Add(paid, c)
	}
	return paid
}

// settled reports whether the live epochs hold exactly n sessions and the newest one is at least in
// state min (confirmed or claimable), with its batched claims done if want is ClaimsDone.
func (k *keeper) settled(ctx context.Context, n int64, states []string, claims string) bool {
	epochs, err := k.led.Epochs(ctx)
	if err != nil || len(epochs) == 0 {
		return false
	}
	var sum int64
	for _, e := range epochs {
		sum += e.Sessions
	}
	newest := epochs[len(epochs)-1]
	okState := false
	for _, s := range states {
		okState = okState || newest.State == s
	}
	return sum == n && okState && (claims == "" || newest.Claims == claims)
}

// expectedCredits is what the records earn at price (PROTOCOL §8): the provider's part, the builder's fee
// and their sum.
func expectedCredits(t *testing.T, records []wire.SessionRecord, price uint64) (prov, build, total uint256.Int) {
	t.Helper()
	for _, r := range records {
		p, b, err := wire.Credit(r.BilledSeconds, uint256.NewInt(price), testenv.FeeBps)
		require.NoError(t, err)
		prov.Add(&prov, p)
		build.Add(&build, b)
	}
	total.Add(&prov, &build)
	return prov, build, total
}

// checkLedgerEqualsChain asserts what the chain holds is what the ledger holds, every credit once: one
// RootCommitted per live epoch, in order, with the ledger's root and total; the pool's total is every
// record's credit; no transaction beyond the keeper's intents (nonce = intents, all confirmed); nothing
// rejected; and, with claims, provider and builder claimed exactly what they earned.
func checkLedgerEqualsChain(t *testing.T, ctx context.Context, env *testenv.Env, k *keeper, records []wire.SessionRecord, price uint64, claims bool) {
	t.Helper()
	provWant, buildWant, total := expectedCredits(t, records, price)

	epochs, err := k.led.Epochs(ctx)
	require.NoError(t, err)
	call := &bind.CallOpts{Context: ctx}
	committed, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, total.Dec(), committed.String(), "on-chain total = every credit once")
	require.Equal(t, total.Dec(), epochs[len(epochs)-1].Total.Dec(), "ledger total = every credit once")

	it, err := env.Pool.FilterRootCommitted(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	var commits []uint64
	var roots []common.Hash
	for it.Next() {
		commits = append(commits, it.Event.Epoch.Uint64())
		roots = append(roots, it.Event.Root)
	}
	require.NoError(t, it.Error())
	require.Len(t, commits, len(epochs), "one commit per live epoch")
	var sessions int64
	for i, e := range epochs {
		require.Equal(t, uint64(i), commits[i], "epoch %d committed exactly once, in order", i)
		require.Equal(t, e.Root, roots[i], "epoch %d root", i)
		r, err := env.Client.TransactionReceipt(ctx, e.TxHash)
		require.NoError(t, err, "epoch %d commit tx %s", i, e.TxHash)
		require.Equal(t, uint64(1), r.Status)
		require.Equal(t, e.Block, r.BlockNumber.Uint64(), "epoch %d: the ledger records the canonical block", i)
		sessions += e.Sessions
	}
	require.Equal(t, int64(len(records)), sessions)

	intents, err := k.st.Intents(ctx)
	require.NoError(t, err)
	nonce, err := env.Client.NonceAt(ctx, crypto.PubkeyToAddress(devnet.DevKey(testenv.KeeperKey).PublicKey), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(len(intents)), nonce, "one transaction per intent, none twice: %+v", intents)
	for _, in := range intents {
		require.Equal(t, "confirmed", in.State, "%+v", in)
	}
	rej, err := k.led.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Empty(t, rej, "an RPC failure must never reject a valid record")

	if claims {
		for _, c := range []struct {
			a    common.Address
			want *uint256.Int
		}{{env.Provider, &provWant}, {env.Builder, &buildWant}} {
			got, err := env.Pool.Claimed(call, c.a)
			require.NoError(t, err)
			require.Equal(t, c.want.Dec(), got.String(), "claimed by %s", c.a)
		}
	}
}

// sendTx sends the transaction f builds as dev account key and waits for its receipt.
func sendTx(t *testing.T, ctx context.Context, env *testenv.Env, key int, f func(*bind.TransactOpts) (*types.Transaction, error)) *types.Receipt {
	t.Helper()
	r, err := env.Chain.Market.Send(ctx, devnet.DevKey(key), f)
	require.NoError(t, err)
	return r
}

// depositMOR funds dev account key with amount MOR and deposits it in the pool; it returns the deposit's receipt.
func depositMOR(t *testing.T, ctx context.Context, env *testenv.Env, key int, amount *big.Int) *types.Receipt {
	t.Helper()
	require.NoError(t, env.FundMOR(ctx, crypto.PubkeyToAddress(devnet.DevKey(key).PublicKey), amount))
	sendTx(t, ctx, env, key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Token.Approve(o, env.PoolAddr, amount)
	})
	return sendTx(t, ctx, env, key, func(o *bind.TransactOpts) (*types.Transaction, error) { return env.Pool.Deposit(o, amount) })
}

// warpToReady moves env's chain to the time user's pending withdrawal may be paid (pendingWithdrawal's
// readyAt: past the delay, inside a withdrawal window) and returns it; nothing moves when it is past already.
func warpToReady(t *testing.T, ctx context.Context, env *testenv.Env, user common.Address) uint64 {
	t.Helper()
	pw, err := env.Pool.PendingWithdrawal(&bind.CallOpts{Context: ctx}, user)
	require.NoError(t, err)
	require.Positive(t, pw.Amount.Sign(), "a withdrawal is pending")
	require.NoError(t, env.Chain.Market.WarpTo(ctx, pw.ReadyAt))
	return pw.ReadyAt
}

// blockTimeOf returns the time of the block that holds r.
func blockTimeOf(t *testing.T, ctx context.Context, env *testenv.Env, r *types.Receipt) uint64 {
	t.Helper()
	h, err := env.Client.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	return h.Time
}

// waitNextBlock returns once env's chain (mining on its own, Options.BlockTime) has a block newer than its
// head when called.
func waitNextBlock(t *testing.T, ctx context.Context, env *testenv.Env) {
	t.Helper()
	head, err := env.Client.BlockNumber(ctx)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		n, err := env.Client.BlockNumber(ctx)
		return err == nil && n > head
	}, 30*time.Second, 50*time.Millisecond, "no block after %d", head)
}
