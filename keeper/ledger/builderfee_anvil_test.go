package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
)

// TestHostileBuilderRaisesFeeAnvil (threat: a hostile builder): session a is served and closed at the
// model's fee F0 (testenv.FeeBps); before any keeper ingests it, the builder raises the fee to the maximum
// (20%). The increase takes effect only FEE_INCREASE_NOTICE later, and session a is charged F0 whenever the
// keeper reads it: its provider's part is price × seconds × (1 − F0). Session b, starting after the increase
// took effect, pays the new fee. The registry read before the increase took effect and after it give a the
// same fee.
func TestHostileBuilderRaisesFeeAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	headTime := func() uint64 {
		h, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		return h.Time
	}
	const price, secsA, secsB, raised = 1_000_000, 100, 40, 2_000
	t0 := headTime()
	recA := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: secsA, MaxSeconds: 600, Price: price, Created: t0 - 300, Closed: t0 - 150})

	// The builder raises its fee after session a closed, before any keeper read it.
	rc := sendTx(t, ctx, env, testenv.BuilderKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Chain.Market.Models.SetBuilderFee(o, env.ModelID, raised)
	})
	setAt := blockTimeOf(t, ctx, env, rc)
	notice, err := env.Chain.Market.Models.FEEINCREASENOTICE(call)
	require.NoError(t, err)
	cur, err := env.Chain.Market.Models.Model(call, env.ModelID)
	require.NoError(t, err)
	require.EqualValues(t, testenv.FeeBps, cur.FeeBps, "an increase took effect before its notice")

	costA, costB := uint64(price*secsA), uint64(price*secsB)
	// A keeper's registry reading a now (the increase announced, not in force), and one reading it after the
	// increase took effect, give the same fee.
	startA := settle.Start(recA.CreatedAt, recA.RFC.Deadline)
	newReg := func() *ledger.ChainRegistry {
		signers, err := ledger.NewSignerHistory(env.MarketAddr, env.Client, ledger.SignerConfig{Start: env.Deployment.StartBlock})
		require.NoError(t, err)
		reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, env.Addr("ModelRegistry"), env.Client, signers)
		require.NoError(t, err)
		return reg
	}
	feeOfA := func() uint16 {
		_, fee, ok, err := newReg().Model(ctx, env.ModelID, startA)
		require.NoError(t, err)
		require.True(t, ok)
		return fee
	}
	require.EqualValues(t, testenv.FeeBps, feeOfA(), "read before the increase took effect")

	// Past the notice: session b starts after the increase took effect.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, notice+300))
	t1 := headTime()
	require.GreaterOrEqual(t, t1-200, setAt+notice)
	// A session starting after the newest block: not known until a block later than its start is final
	// (a decrease landing before the start could still lower it), then the raised fee.
	reg := newReg()
	_, _, _, err = reg.Model(ctx, env.ModelID, t1+5)
	require.ErrorIs(t, err, ledger.ErrSignersNotFinal)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10))
	_, fee, _, err := reg.Model(ctx, env.ModelID, t1+5)
	require.NoError(t, err)
	require.EqualValues(t, raised, fee)
	recB := env.RecordSpec(t, testenv.Spec{Nonce: 2, Seconds: secsB, MaxSeconds: 600, Price: price, Created: t1 - 200, Closed: t1 - 100})

	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t),
		epochLength: 24 * time.Hour, manual: true, now: func() time.Time { return time.Unix(int64(t1), 0).Add(72 * time.Hour) }})
	k.feeds[0].Add(t, recA)
	k.feeds[0].Add(t, recB)
	require.EqualValues(t, testenv.FeeBps, feeOfA(), "read after the increase took effect")
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	// a and b close more than a day apart: epochs 0 and 1, whose leaves are cumulative.
	k.drive(t, ctx, 1, "epoch 1 assembled", func(*ledger.EpochRow) bool { return true })
	e, err := k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err)
	leaves, err := k.led.Leaves(ctx, e.ID)
	require.NoError(t, err)
	wantProvider := costA - costA*testenv.FeeBps/10_000 + costB - costB*raised/10_000
	wantBuilder := costA*testenv.FeeBps/10_000 + costB*raised/10_000
	got := map[string]uint64{}
	for _, lf := range leaves {
		got[lf.Account.Hex()] = lf.Amount.Uint64()
	}
	require.Equal(t, wantProvider, got[env.Provider.Hex()],
		"provider's leaf: session a must pay the fee in force at its start (%d bps), b the raised one", testenv.FeeBps)
	require.Equal(t, wantBuilder, got[env.Builder.Hex()], "builder's leaf")
}

// TestBuilderFeeReadAtFinalBlockAnvil (THREATS "the chain / RPC"): the builder lowers its fee in a block
// with time T and a later block is mined, neither 3 deep. A keeper (confirmations 3) asked for the fee of a
// session starting at T waits (not final yet) rather than reading it at the newest block: a reorg of those
// two blocks drops the decrease, and the same registry then answers the registered fee once blocks past T
// are final. Read at the newest block, the lowered fee was taken as final and cached, and the builder paid
// less than keepers reading after the reorg credit it.
func TestBuilderFeeReadAtFinalBlockAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env, r, reg, start := loweredFee(t, ctx, 3)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10)) // a block later than start, 1 deep above the decrease's
	_, _, _, err := reg.Model(ctx, env.ModelID, start)
	require.ErrorIs(t, err, ledger.ErrSignersNotFinal, "the decrease's block is not 3 deep")

	// Both blocks replaced by empty ones: the decrease never happened.
	require.NoError(t, r.CallContext(ctx, nil, "anvil_reorg", 2, []any{}))
	for range 3 {
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 10))
	}
	_, fee, ok, err := reg.Model(ctx, env.ModelID, start)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, testenv.FeeBps, fee, "the fee in force at the start on the chain that stayed")
}

// TestModelRegisteredAboveTheFinalBlockAnvil: a session starting before its model was registered (only a
// hostile router tickets one). Asked while the registration is above the registry's final block, the
// registry waits (not final yet, never unknown_model: a keeper reading later would find the model); asked
// again once a later pass of its signer history has the registration final, it answers the model and its
// fee, read at a fresh final block rather than at the one its first pass found.
func TestModelRegisteredAboveTheFinalBlockAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	signers, err := ledger.NewSignerHistory(env.MarketAddr, env.Client,
		ledger.SignerConfig{Start: env.Deployment.StartBlock, Confirmations: 2})
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, env.Addr("ModelRegistry"), env.Client, signers)
	require.NoError(t, err)
	h, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	start := h.Time
	for range 2 {
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 5))
	}
	_, err = reg.IsRouter(ctx, env.Builder, start) // the history's pass: final past start
	require.NoError(t, err)

	builder := env.NewKey()
	env.Fund(crypto.PubkeyToAddress(builder.PublicKey), 10)
	const fee = 300
	id := env.RegisterModel(builder, "late", "v1", fee)
	_, _, _, err = reg.Model(ctx, id, start)
	require.ErrorIs(t, err, ledger.ErrSignersNotFinal, "registered above the final block: wait")

	ledger.FreshFinal(t, 0) // the next ask reads the chain again (otherwise at most a second later)
	_, _, _, err = reg.Model(ctx, id, start)
	require.ErrorIs(t, err, ledger.ErrSignersNotFinal, "the registration's block 1 deep: still not final")
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 5))
	got, gotFee, ok, err := reg.Model(ctx, id, start)
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, crypto.PubkeyToAddress(builder.PublicKey), got)
	require.EqualValues(t, fee, gotFee)
}

// TestBuilderFeeCacheForgetsADeepReorgAnvil (from a review): a fee read at a final block and cached is
// dropped once the signer history sees a reorg deeper than the confirmations. With one confirmation, a
// builder's decrease is final at once: the fee at a start after it is read lowered and cached. A reorg then
// replaces the decrease's block and the one after it with empty ones, so on the chain that stays the fee
// in force at that start is the old one. Before, the keeper kept answering the lowered fee from its cache
// (another keeper, or a guard, reading the same start after the reorg got the old one: two roots).
func TestBuilderFeeCacheForgetsADeepReorgAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ledger.FreshFinal(t, 0) // every call syncs the history: no wait for its answer to age
	env, r, reg, start := loweredFee(t, ctx, 1)
	const lowered = testenv.FeeBps / 2
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10)) // a block later than start: final past it at depth 1
	_, fee, ok, err := reg.Model(ctx, env.ModelID, start)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, lowered, fee, "the decrease, final at depth 1")

	// Both blocks replaced by empty ones (deeper than the one confirmation): the decrease never happened.
	require.NoError(t, r.CallContext(ctx, nil, "anvil_reorg", 2, []any{}))
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10))
	_, fee, ok, err = reg.Model(ctx, env.ModelID, start)
	require.NoError(t, err)
	require.True(t, ok)
	require.EqualValues(t, testenv.FeeBps, fee, "the fee in force at the start on the chain that stayed, not the cached one")
}

// loweredFee is a registry reading through a signer history at confirmations on a fresh chain whose builder
// has just halved its model's fee (a block whose time, start, is returned), with an RPC client of the
// chain's anvil (closed with the test).
func loweredFee(t *testing.T, ctx context.Context, confirmations uint64) (*testenv.Env, *rpc.Client, *ledger.ChainRegistry, uint64) {
	t.Helper()
	env, r := chainWithRPC(t, ctx)
	signers, err := ledger.NewSignerHistory(env.MarketAddr, env.Client,
		ledger.SignerConfig{Start: env.Deployment.StartBlock, Confirmations: confirmations})
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, env.Addr("ModelRegistry"), env.Client, signers)
	require.NoError(t, err)
	rc := sendTx(t, ctx, env, testenv.BuilderKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Chain.Market.Models.SetBuilderFee(o, env.ModelID, testenv.FeeBps/2)
	})
	return env, r, reg, blockTimeOf(t, ctx, env, rc)
}

// chainWithRPC is a fresh chain with an RPC client of its anvil (closed with the test), for anvil_reorg.
func chainWithRPC(t *testing.T, ctx context.Context) (*testenv.Env, *rpc.Client) {
	t.Helper()
	env := testenv.New(t, ctx, testenv.Options{})
	r, err := rpc.DialContext(ctx, env.Anvil.URL)
	require.NoError(t, err)
	t.Cleanup(r.Close)
	return env, r
}

// TestDeepReorgRechecksPendingSessionsAnvil (THREATS "the chain / RPC"): a session verified and pending at a
// fee a deep reorg takes back. With one confirmation the builder's decrease is final at once, and keeper a
// ingests a session starting after it at the lowered fee. A reorg then replaces the decrease's block and the
// one after it with empty ones (deeper than the confirmation) and the chain grows past its old height. Keeper
// a's next assembly, with no new record to verify, sees the reorg, flags the pending session, verifies it
// again and credits it at the fee in force on the chain that stayed: the root keeper b assembles, reading the
// same feed only after the reorg. Before, keeper a credited the lowered fee it had stored: two roots.
func TestDeepReorgRechecksPendingSessionsAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env, r, a, opts, cost := pendingAtLoweredFee(t, ctx)

	b := afterDeepReorg(t, ctx, env, r, a, opts) // the decrease never happened

	feeThatStayed(t, ctx, env, cost, a, b)
	sameEpoch0(t, ctx, a, b)
	require.Equal(t, 1, a.logs.FilterMessageSnippet("pending sessions flagged").Len(), "the flagging is logged")
}

// TestRestartRechecksPendingSessionsAnvil (THREATS "the chain / RPC"): a session verified and pending at a
// fee a deep reorg takes back while the keeper is stopped. Keeper a ingests the session at the lowered fee
// (final at once with one confirmation) and stops; the reorg replaces the decrease's block and the one after
// it with empty ones. Keeper a is started again on the same database and feeds, with a new ledger, registry
// and signer history, as a restarted process builds them: its history reads the chain as it is and counts
// no reorg, yet its first assembly verifies the pending session again and credits it at the fee of the chain
// that stayed: the root keeper b assembles, reading the same feed only after the reorg. Before, the restarted
// keeper credited the lowered fee it had stored before the stop: two roots.
func TestRestartRechecksPendingSessionsAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env, r, a, opts, cost := pendingAtLoweredFee(t, ctx)
	require.NoError(t, a.st.Close()) // stopped: its ledger, and the reorg count its history kept, dropped

	deepReorg(t, ctx, env, r) // while the keeper is down: the decrease never happened
	opts.feedList = a.feeds
	a = startKeeper(t, ctx, env, opts) // started again on the same database
	assembleAfterStart(t, ctx, a.led)
	b := freshKeeper(t, ctx, env, opts)

	feeThatStayed(t, ctx, env, cost, a, b)
	sameEpoch0(t, ctx, a, b)
	require.Equal(t, 1, a.logs.FilterMessageSnippet("verified again after a start").Len(), "the start's flagging is logged")
}

// TestRestartKeepsVerifiedSessionsAnvil: a keeper started again with no reorg since it stopped does not verify
// its pending sessions again (the database names the final block they were verified as of, and the chain
// still has it), and credits them as a keeper that only ever saw this chain: at the lowered fee.
func TestRestartKeepsVerifiedSessionsAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env, _, a, opts, cost := pendingAtLoweredFee(t, ctx)
	require.NoError(t, a.st.Close())

	opts.feedList = a.feeds
	a = startKeeper(t, ctx, env, opts) // started again on the same database, no reorg meanwhile
	assembleAfterStart(t, ctx, a.led)
	b := freshKeeper(t, ctx, env, opts)

	sameEpoch0(t, ctx, a, b)
	require.Equal(t, cost*(testenv.FeeBps/2)/10_000, epoch0Credits(t, a.led)[env.Builder], "the lowered fee, which the chain still has")
	require.Equal(t, 1, a.logs.FilterMessageSnippet("kept as verified after a start").Len(), "the start's check is logged")
	require.Zero(t, a.logs.FilterMessageSnippet("verified again after a start").Len(), "nothing flagged")
}

// TestRestartRechecksSessionsAboveTheRecordedBlockAnvil: each ingested page records the final block its
// sessions were verified as of. Keeper a records block B at its start (nothing pending), then ingests a
// session once the chain is three blocks higher, and stops; a reorg replaces the two newest blocks, not B.
// Started again, the keeper verifies the session again: it was verified as of a block the reorg replaced.
// Without the page's record, B (still the chain's) would keep it as verified.
func TestRestartRechecksSessionsAboveTheRecordedBlockAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ledger.FreshFinal(t, 0)
	env, r, _, start := loweredFee(t, ctx, 1)
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1, epochLength: 24 * time.Hour,
		manual: true, now: func() time.Time { return time.Unix(int64(start), 0).Add(72 * time.Hour) }}
	a := startKeeper(t, ctx, env, opts)
	require.NoError(t, a.led.Started(ctx)) // nothing pending: the head, B, recorded
	for range 3 {
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 10))
	}
	a.feeds[0].Add(t, env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 5, MaxSeconds: 600, Price: 1_000_000,
		Created: start, Closed: start + 5}))
	n, err := a.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.NoError(t, a.st.Close())

	deepReorg(t, ctx, env, r) // B+2 and B+3 replaced, B kept
	opts.feedList = a.feeds
	a = startKeeper(t, ctx, env, opts)
	require.NoError(t, a.led.Started(ctx))
	require.Equal(t, 1, a.logs.FilterMessageSnippet("verified again after a start").Len(), "the pending session is verified again")
	require.Zero(t, a.logs.FilterMessageSnippet("kept as verified after a start").Len())
}

// pendingAtLoweredFee starts keeper a (driven by the test, one confirmation, SQLite) with one session pending,
// ingested at the fee the builder halved just before the session started (loweredFee: final at once). It
// returns the chain, an RPC client of its anvil, a, a's options and the session's cost.
func pendingAtLoweredFee(t *testing.T, ctx context.Context) (*testenv.Env, *rpc.Client, *keeper, keeperOptions, uint64) {
	t.Helper()
	ledger.FreshFinal(t, 0) // every assembly reads the chain: no wait for the history's answer to age
	env, r, _, start := loweredFee(t, ctx, 1)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10)) // a block later than the session's close: final past it
	const price, secs = 1_000_000, 5
	rec := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: secs, MaxSeconds: 600, Price: price, Created: start, Closed: start + secs})
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1, epochLength: 24 * time.Hour,
		manual: true, now: func() time.Time { return time.Unix(int64(start), 0).Add(72 * time.Hour) }}
	a := startKeeper(t, ctx, env, opts)
	a.feeds[0].Add(t, rec)
	n, err := a.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "verified at the lowered fee and pending")
	require.NoError(t, a.led.Started(ctx)) // the start's recheck done: only the reorg flags it again
	return env, r, a, opts, price * secs
}

// feeThatStayed asserts that each keeper's epoch 0 credits a session of cost with the builder's fee of the
// chain that stayed (testenv.FeeBps) and the provider with the rest.
func feeThatStayed(t *testing.T, ctx context.Context, env *testenv.Env, cost uint64, keepers ...*keeper) {
	t.Helper()
	for _, k := range keepers {
		got := epoch0Credits(t, k.led)
		require.Equal(t, cost*testenv.FeeBps/10_000, got[env.Builder], "the builder's fee on the chain that stayed")
		require.Equal(t, cost-cost*testenv.FeeBps/10_000, got[env.Provider], "the provider's part")
	}
}

// afterDeepReorg makes a deep reorg (deepReorg) and has keeper a assemble; then keeper b, started with opts
// on a database of its own and a's feeds (freshKeeper), ingests and assembles. It returns b.
func afterDeepReorg(t *testing.T, ctx context.Context, env *testenv.Env, r *rpc.Client, a *keeper, opts keeperOptions) *keeper {
	t.Helper()
	deepReorg(t, ctx, env, r)
	require.NoError(t, a.led.Assemble(ctx))
	opts.feedList = a.feeds
	return freshKeeper(t, ctx, env, opts)
}

// deepReorg replaces the chain's two newest blocks with empty ones (deeper than one confirmation) through r
// and grows the chain past its old height.
func deepReorg(t *testing.T, ctx context.Context, env *testenv.Env, r *rpc.Client) {
	t.Helper()
	require.NoError(t, r.CallContext(ctx, nil, "anvil_reorg", 2, []any{}))
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10))
}

// freshKeeper starts a keeper with opts (its feeds opts.feedList) on a database of its own, so only ever
// seeing the chain as it is now, and has it ingest and assemble.
func freshKeeper(t *testing.T, ctx context.Context, env *testenv.Env, opts keeperOptions) *keeper {
	t.Helper()
	opts.dsn = dbtest.SQLite(t)
	b := startKeeper(t, ctx, env, opts)
	_, err := b.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, b.led.Assemble(ctx))
	return b
}

// sameEpoch0 asserts that keepers a and b assembled epoch 0 with the same root.
func sameEpoch0(t *testing.T, ctx context.Context, a, b *keeper) {
	t.Helper()
	ea, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err := b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, eb.Root, ea.Root, "the keeper that saw the replaced blocks assembles the root of one that never did")
}
