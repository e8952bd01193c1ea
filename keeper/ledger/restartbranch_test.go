package ledger_test

// A restarted keeper keeps its pending sessions as verified only if they were verified as of blocks the chain
// it restarts on has (flagReorged's start check): nodes on two branches, a client failing over between them.

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/chain/follow/followtest"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// switchNode is one chain client whose node the test picks (a failover between nodes on two branches).
type switchNode struct{ cur *followtest.Chain }

func (s *switchNode) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return s.cur.HeaderByNumber(ctx, n)
}
func (s *switchNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return s.cur.FilterLogs(ctx, q)
}
func (s *switchNode) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return s.cur.SubscribeFilterLogs(ctx, q, ch)
}

// branchRegistry is ChainRegistry's shape over a real SignerHistory: the model's fee as of the history's
// final block is FeeBps on branch a, FeeBps/2 on any other branch (a fee decrease only that branch has).
type branchRegistry struct {
	fakeRegistry
	h *ledger.SignerHistory
	a *followtest.Chain
}

func (r *branchRegistry) Model(ctx context.Context, id common.Hash, _ uint64) (common.Address, uint16, bool, error) {
	b, err := r.h.FinalBlock(ctx, 0)
	if err != nil {
		return common.Address{}, 0, false, err
	}
	if id != model {
		return common.Address{}, 0, false, nil
	}
	fee := uint16(testenv.FeeBps)
	if b.Hash != r.a.Block(b.Number).Hash {
		fee = testenv.FeeBps / 2
	}
	return builder, fee, true, nil
}
func (r *branchRegistry) Reorgs(ctx context.Context) (uint64, error) { return r.h.Reorgs(ctx) }
func (r *branchRegistry) ReorgsSeen() uint64                         { return r.h.ReorgsSeen() }
func (r *branchRegistry) Final() (follow.Block, bool)                { return r.h.Final() }
func (r *branchRegistry) Holds(ctx context.Context, b follow.Block) (bool, error) {
	return r.h.Holds(ctx, b)
}

type branchKeeper struct {
	l    *ledger.Ledger
	st   *store.Store
	node *switchNode
	logs *observer.ObservedLogs
}

// startOnBranch starts a keeper on database dsn reading feedURL, its node on chain on; branch a is the one
// whose fee is FeeBps.
func startOnBranch(t *testing.T, dsn, feedURL string, on, a *followtest.Chain, confirmations uint64) *branchKeeper {
	k, _ := startHooked(t, dsn, feedURL, on, a, confirmations)
	return k
}

// verifiedThrough is the block st records as the pending sessions' verified-through one (zero: none).
func verifiedThrough(t *testing.T, st *store.Store) follow.Block {
	ctx := context.Background()
	var b follow.Block
	var ok bool
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
		b.Number, b.Hash, ok, err = tx.VerifiedThrough(ctx)
		return err
	}))
	if !ok {
		return follow.Block{}
	}
	return b
}

// restartedAsFresh asserts that restarted keeper k verified its pending sessions again after its start and
// credits epoch 0 as fresh, a keeper that only ever read the chain k restarted on: the builder's fee of that
// chain, the same root.
func restartedAsFresh(t *testing.T, k, fresh *branchKeeper) {
	t.Helper()
	ctx := context.Background()
	require.Equal(t, 1, k.logs.FilterMessageSnippet("verified again after a start").Len(), "the start's flagging")
	require.Zero(t, k.logs.FilterMessageSnippet("kept as verified").Len())
	require.Equal(t, builderCredit(t, fresh.l), builderCredit(t, k.l), "the builder's fee of the chain restarted on")
	ea, err := k.l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err := fresh.l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, eb.Root, ea.Root, "a restarted keeper commits a fresh keeper's root")
}

// builderCredit is what epoch 0 of l credits the builder.
func builderCredit(t *testing.T, l *ledger.Ledger) uint64 { return epoch0Credits(t, l)[builder] }

// epoch0Credits is what epoch 0 of l credits each account (its leaves).
func epoch0Credits(t *testing.T, l *ledger.Ledger) map[common.Address]uint64 {
	t.Helper()
	ctx := context.Background()
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	leaves, err := l.Leaves(ctx, e.ID)
	require.NoError(t, err)
	got := map[common.Address]uint64{}
	for _, lf := range leaves {
		got[lf.Account] = lf.Amount.Uint64()
	}
	return got
}

// TestRestartAfterReorgToALowerFinalBlock: block A18 recorded; a failover to a node on branch B (forked at
// 15, final block 17) is a reorg deeper than the confirmations; a session verified on B (the lowered fee) is
// stored; the keeper restarts on A's node. It verifies the session again and commits a fresh keeper's root.
// Before, the history's newest final block outlived the reorg, so the flagging and the page recorded A18,
// which A has: the session was kept at B's fee.
func TestRestartAfterReorgToALowerFinalBlock(t *testing.T) {
	ledger.FreshFinal(t, 0)
	ctx := context.Background()
	a := followtest.New(20)
	b := followtest.New(20)
	b.Reorg(15, 19) // blocks 15-19 another branch; head 19, final 17 at 3 confirmations
	feed := testenv.NewFeed(t)
	dsn := dbtest.SQLite(t)

	k := startOnBranch(t, dsn, feed.Server.URL, a, a, 3)
	require.NoError(t, k.l.Started(ctx)) // nothing pending; A18 recorded
	require.Equal(t, noTime(a.Block(18)), verifiedThrough(t, k.st))

	k.node.cur = b                       // a failover to a node on branch B: a reorg deeper than 3 confirmations
	require.NoError(t, k.l.Started(ctx)) // flagged (nothing pending)
	require.Equal(t, 1, k.logs.FilterMessageSnippet("reorg deeper than the confirmations").Len())

	ingestOne(t, k, feed, 0)         // verified on B: the lowered fee
	require.NoError(t, k.st.Close()) // stopped

	k = startOnBranch(t, dsn, feed.Server.URL, a, a, 3) // started again, on branch A's node
	assembleAfterStart(t, ctx, k.l)

	fresh := freshOn(t, feed, a, a, 3)

	restartedAsFresh(t, k, fresh)
}

// TestRestartAfterACountedReorgNotFlagged: block A12 recorded; the history reads on to A20 (nothing
// recorded). A failover to a node on branch B (forked at 15) is counted as a reorg while a page is
// verified; the page is verified again and stored on B before any flagging, and the keeper stops (an epoch
// in flight holds the flagging back). Started again on A's node, it verifies the session again. Before, the
// page left A12 recorded, which A has: the session verified on B was kept.
func TestRestartAfterACountedReorgNotFlagged(t *testing.T) {
	ledger.FreshFinal(t, 0)
	ctx := context.Background()
	a := followtest.New(20)
	a.Head = 12
	b := followtest.New(20)
	b.Reorg(15, 25)
	feed := testenv.NewFeed(t)
	dsn := dbtest.SQLite(t)

	k := startOnBranch(t, dsn, feed.Server.URL, a, a, 1)
	require.NoError(t, k.l.Started(ctx))
	require.Equal(t, noTime(a.Block(12)), verifiedThrough(t, k.st))
	a.Head = 20
	require.NoError(t, k.l.Started(ctx)) // the history reads A13-A20; nothing to flag, nothing recorded
	require.Equal(t, noTime(a.Block(12)), verifiedThrough(t, k.st))

	k.node.cur = b
	ingestOne(t, k, feed, 0)
	require.Equal(t, 1, k.logs.FilterMessageSnippet("verifying it again").Len(), "the reorg counted during the page")
	require.Equal(t, follow.Block{}, verifiedThrough(t, k.st), "A12 forgotten: the page was verified on B, unflagged")
	require.NoError(t, k.st.Close()) // crash before the next assembly's flagging

	k = startOnBranch(t, dsn, feed.Server.URL, a, a, 1)
	assembleAfterStart(t, ctx, k.l)

	fresh := freshOn(t, feed, a, a, 1)
	restartedAsFresh(t, k, fresh)
}

// noTime is b without its time (the store keeps number and hash).
func noTime(b follow.Block) follow.Block { b.Time = 0; return b }

// TestRestartOnTheBranchAPageCountedAReorgOn: session 1 verified on A (the fee of A); a failover to B
// (forked at 15) counted while session 2 is verified; session 2 stored before any flagging; the keeper stops
// and restarts on B. It verifies session 1 again (a fresh keeper on B credits it at B's fee): a page stored
// with a reorg counted and not flagged records no block (session 1 is not verified as of B's).
func TestRestartOnTheBranchAPageCountedAReorgOn(t *testing.T) {
	ctx, a, b, feed, dsn, k := pendingOnA(t)

	k.node.cur = b
	ingestOne(t, k, feed, 1)
	require.NoError(t, k.st.Close()) // crash before the flagging

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1)
	assembleAfterStart(t, ctx, k.l)
	fresh := freshOn(t, feed, b, a, 1)
	restartedAsFresh(t, k, fresh)
}

// hookRegistry runs onFinal once, at the next Final(): what another goroutine of the same keeper (the settle
// loop's Reorgs, a recheck's Verify) can do between a transaction's count check and its Final() read.
type hookRegistry struct {
	*branchRegistry
	onFinal func()
}

func (r *hookRegistry) Final() (follow.Block, bool) {
	if f := r.onFinal; f != nil {
		r.onFinal = nil
		f()
	}
	return r.branchRegistry.Final()
}

// branches returns chain a (20 blocks) and chain b, forked from a at block 15 (head 25), a feed and a SQLite
// database.
func branches(t *testing.T) (a, b *followtest.Chain, feed *testenv.Feed, dsn string) {
	a, b = followtest.New(20), followtest.New(20)
	b.Reorg(15, 25)
	return a, b, testenv.NewFeed(t), dbtest.SQLite(t)
}

// pendingOnA starts a keeper on branch a of branches (one confirmation), does the start's check and has it
// ingest session 0, verified on a.
func pendingOnA(t *testing.T) (context.Context, *followtest.Chain, *followtest.Chain, *testenv.Feed, string, *branchKeeper) {
	t.Helper()
	ledger.FreshFinal(t, 0)
	ctx := context.Background()
	a, b, feed, dsn := branches(t)
	k := startOnBranch(t, dsn, feed.Server.URL, a, a, 1)
	require.NoError(t, k.l.Started(ctx))
	ingestOne(t, k, feed, 0)
	return ctx, a, b, feed, dsn, k
}

// ingestOne adds a record of session nonce (closed 5 s ago) to feed and has k ingest it.
func ingestOne(t *testing.T, k *branchKeeper, feed *testenv.Feed, nonce uint64) {
	t.Helper()
	rec := record(t, nonce, 100, 600)
	rec.ClosedAt = uint64(time.Now().Unix()) - 5
	feed.Add(t, rec)
	n, err := k.l.IngestOnce(context.Background())
	require.NoError(t, err)
	require.Equal(t, 1, n)
}

// freshOn starts a keeper on a database of its own and a node on chain on, and has it ingest feed and
// assemble.
func freshOn(t *testing.T, feed *testenv.Feed, on, a *followtest.Chain, confirmations uint64) *branchKeeper {
	t.Helper()
	fresh := startOnBranch(t, dbtest.SQLite(t), feed.Server.URL, on, a, confirmations)
	_, err := fresh.l.IngestOnce(context.Background())
	require.NoError(t, err)
	require.NoError(t, fresh.l.Assemble(context.Background()))
	return fresh
}

// startHooked is startOnBranch with the registry returned, its Final hookable.
func startHooked(t *testing.T, dsn, feedURL string, on, a *followtest.Chain, confirmations uint64) (*branchKeeper, *hookRegistry) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	sw := &switchNode{cur: on}
	h, err := ledger.NewSignerHistory(common.Address{0xaa}, sw, ledger.SignerConfig{Confirmations: confirmations})
	require.NoError(t, err)
	core, logs := observer.New(zapcore.InfoLevel)
	var ps ledger.PoolState
	reg := &hookRegistry{branchRegistry: &branchRegistry{h: h, a: a}}
	l, err := ledger.New(ledger.Config{Feeds: []string{feedURL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1e18}}, st, statePool{state: &ps}, nil, domain,
		reg, zap.New(core), nil)
	require.NoError(t, err)
	return &branchKeeper{l: l, st: st, node: sw, logs: logs}, reg
}

// TestRestartAfterAReorgDuringAPagesRecord: a reorg counted, and the history's pass completed on the new
// branch, by another goroutine while a page's transaction records its block: the page must not record the
// new branch's final block (every pending session was verified on the old one). Stopped before the next
// flagging and restarted on the new branch, the keeper verifies again and credits as a fresh keeper. Before,
// the block was read after the count check: the new branch's was recorded and the sessions kept.
func TestRestartAfterAReorgDuringAPagesRecord(t *testing.T) {
	ledger.FreshFinal(t, 0)
	ctx := context.Background()
	a, b, feed, dsn := branches(t)

	k, reg := startHooked(t, dsn, feed.Server.URL, a, a, 1)
	require.NoError(t, k.l.Started(ctx))
	ingestOne(t, k, feed, 0) // verified on A

	// The next page is verified on A; inside its transaction, after the count check, the settle loop's
	// Reorgs (another goroutine) fails over to B's node, counts the reorg and completes a pass on B.
	reg.onFinal = func() {
		k.node.cur = b
		c, err := reg.h.Reorgs(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(1), c)
	}
	ingestOne(t, k, feed, 1)
	require.NoError(t, k.st.Close()) // stopped before the next assembly's flagging

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1) // restarted, on B
	assembleAfterStart(t, ctx, k.l)
	fresh := freshOn(t, feed, b, a, 1)
	restartedAsFresh(t, k, fresh)
}

// abandonedAfterARestart: an epoch assembled from a session verified on branch A, its commit in flight when
// the keeper stops; a deep reorg to B while it is down; restarted on B, the keeper does the start's check
// (startFirst: before the epoch is resolved, as Run does; the epoch's sessions are not pending) and the
// commit reverts (rollback, abandoned). The session is verified again before the next assembly credits it:
// the builder's fee of B, as a fresh keeper on B. Before, an abandoned epoch's sessions returned to pending
// unflagged, and after a start's check nothing flagged them: A's fee was credited.
func abandonedAfterARestart(t *testing.T, startFirst bool) {
	ctx, a, b, feed, dsn, k := pendingOnA(t)
	require.NoError(t, k.l.Assemble(ctx)) // epoch 0 assembled at A's fee, its commit in flight
	_, err := k.l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.NoError(t, k.st.Close())

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1) // restarted on B after a deep reorg
	if startFirst {
		require.NoError(t, k.l.Started(ctx)) // Run's start check (de8dfb7), before Step resolves the epoch
	}
	require.NoError(t, k.l.Rollback(ctx, 0, ledger.StateAbandoned)) // commit reverted / would revert
	assembleAfterStart(t, ctx, k.l)

	fresh := freshOn(t, feed, b, a, 1)
	require.Equal(t, builderCredit(t, fresh.l), builderCredit(t, k.l), "the builder's fee of the chain restarted on")
}

// TestRestartRechecksAnAbandonedEpochsSessions: abandonedAfterARestart, the start's check before and after
// the epoch is resolved.
func TestRestartRechecksAnAbandonedEpochsSessions(t *testing.T) {
	t.Run("check first", func(t *testing.T) { abandonedAfterARestart(t, true) })
	t.Run("epoch first", func(t *testing.T) { abandonedAfterARestart(t, false) })
}

// TestRestartAfterAReorgDuringARechecksRecord: TestRestartAfterAReorgDuringAPagesRecord for a recheck's
// transaction, which records the block its verdicts were read as of.
func TestRestartAfterAReorgDuringARechecksRecord(t *testing.T) {
	ledger.FreshFinal(t, 0)
	ctx := context.Background()
	a, b, feed, dsn := branches(t)

	k := startOnBranch(t, dsn, feed.Server.URL, a, a, 1)
	ingestOne(t, k, feed, 0) // before any start check: nothing recorded
	require.Equal(t, follow.Block{}, verifiedThrough(t, k.st))
	require.NoError(t, k.st.Close())

	k, reg := startHooked(t, dsn, feed.Server.URL, a, a, 1)
	calls := 0
	var fire func()
	fire = func() {
		calls++
		if calls == 1 { // flagReorged's record: let it through, re-arm for the recheck's
			reg.onFinal = fire
			return
		}
		k.node.cur = b // the ingest goroutine's Verify syncs on B's node meanwhile
		c, err := reg.h.Reorgs(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(1), c)
	}
	reg.onFinal = fire
	require.NoError(t, k.l.Started(ctx)) // start: nothing recorded, r1 flagged; recheck verifies r1 on A
	require.Equal(t, 2, calls)
	require.NoError(t, k.st.Close())

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1)
	assembleAfterStart(t, ctx, k.l)
	fresh := freshOn(t, feed, b, a, 1)
	require.Equal(t, builderCredit(t, fresh.l), builderCredit(t, k.l))
}

// TestRestartAfterAReorgDuringTheStartsRecord: a reorg counted, its pass completed on branch B, while the
// start's check (which found the chain still has the recorded block of A) records its block: the start must
// not record B's block over a session verified on A. Restarted on B, the keeper credits B's fee.
func TestRestartAfterAReorgDuringTheStartsRecord(t *testing.T) {
	ctx, a, b, feed, dsn, k := pendingOnA(t) // verified on A, A's final block recorded
	require.NoError(t, k.st.Close())

	k, reg := startHooked(t, dsn, feed.Server.URL, a, a, 1) // restarted, still on A: the chain has the block
	reg.onFinal = func() {
		k.node.cur = b
		c, err := reg.h.Reorgs(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(1), c)
	}
	// The start's record stored, then its recheck finds the count risen: stopped there.
	require.ErrorContains(t, k.l.Started(ctx), "a reorg deeper than the confirmations was seen meanwhile")
	require.NoError(t, k.st.Close())

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1)
	assembleAfterStart(t, ctx, k.l)
	fresh := freshOn(t, feed, b, a, 1)
	require.Equal(t, builderCredit(t, fresh.l), builderCredit(t, k.l), "the builder's fee of the chain restarted on")
}

// TestRestartAbandonsAnUnsentEpoch: an epoch assembled from a session verified on branch A and not sent when
// the keeper stops; a deep reorg to B while it is down. The start finds the chain without the recorded block:
// it rolls the unsent epoch back, and the epoch assembled again credits B's fee, as a fresh keeper on B.
// Before, the start flagged only the pending sessions and the next step sent A's root.
func TestRestartAbandonsAnUnsentEpoch(t *testing.T) {
	ctx, a, b, feed, dsn, k := pendingOnA(t)
	require.NoError(t, k.l.Assemble(ctx)) // epoch 0 assembled at A's fee, not sent
	require.NoError(t, k.st.Close())

	k = startOnBranch(t, dsn, feed.Server.URL, b, a, 1)
	require.NoError(t, k.l.Started(ctx))
	require.Equal(t, 1, k.logs.FilterMessageSnippet("assembled again once its sessions are verified again").Len())
	assembleAfterStart(t, ctx, k.l)
	fresh := freshOn(t, feed, b, a, 1)
	require.Equal(t, builderCredit(t, fresh.l), builderCredit(t, k.l), "the builder's fee of the chain restarted on")
}
