package ledger_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestReorgBelowConfirmationDepth drives the whole pipeline through two reorgs shallower than its
// confirmation depth (4), each removing an epoch's commit after the ledger recorded it mined:
//
//  1. anvil_reorg replaces the commit's block and the two above it with empty blocks (same height);
//  2. evm_revert returns to a snapshot taken while the commit was in the pool (the chain gets shorter).
//
// Each time the keeper sees the receipt vanish, broadcasts the same stored transaction again, confirms it
// in its new block and only then counts the epoch: every epoch is committed exactly once on the canonical
// chain, the ledger records the canonical block, the totals are equal and no transaction beyond the
// intents was sent. Runs on SQLite and PostgreSQL.
func TestReorgBelowConfirmationDepth(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		env := testenv.New(t, ctx, testenv.Options{}) // automine: the test decides when blocks come
		r, err := rpc.DialContext(ctx, env.Anvil.URL)
		require.NoError(t, err)
		defer r.Close()
		k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 4,
			callTimeout: 5 * time.Second, log: zaptest.NewLogger(t, zaptest.Level(zap.InfoLevel))})

		mine := func(n int) {
			for range n {
				require.NoError(t, r.CallContext(ctx, nil, "evm_mine"))
			}
		}
		// mining mines a block every 100 ms until the returned function is called.
		mining := func() (stop func()) {
			done, exited := make(chan struct{}), make(chan struct{})
			go func() {
				defer close(exited)
				for {
					select {
					case <-done:
						return
					case <-time.After(100 * time.Millisecond):
						_ = r.CallContext(ctx, nil, "evm_mine")
					}
				}
			}()
			return func() { close(done); <-exited }
		}
		head := func() uint64 {
			n, err := env.Client.BlockNumber(ctx)
			require.NoError(t, err)
			return n
		}
		const price = 1_000_000_000_000
		var records []wire.SessionRecord
		// add gives the keeper n sessions that make one epoch: they close in the same second and reach the
		// feed together, however long signing them takes (a batch closing across a second boundary would
		// be two epochs, and the second one not committed yet when the test checks the totals).
		add := func(n int) {
			batch := make([]any, n)
			for range n {
				i := uint64(len(records))
				records = append(records, env.Record(t, i, uint32(30+i), 600, price))
			}
			closed := uint64(time.Now().Unix())
			for j := range batch {
				rec := &records[len(records)-n+j]
				rec.ClosedAt = closed // after signing: the close time is in no signature
				batch[j] = *rec
			}
			k.feeds[0].Add(t, batch...)
		}
		gone := func(tx common.Hash) {
			_, err := env.Client.TransactionReceipt(ctx, tx)
			require.Error(t, err, "the receipt of %s left with the reorged blocks", tx)
		}

		// The deposits as of an epoch's cutoff are read once a block past the cutoff is 4 deep: the chain's
		// clock runs 30 s ahead and such blocks are mined before the sessions come, so the commit is still
		// the newest block when it is mined.
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 30))
		mine(3)

		// 1. anvil_reorg: depth 3 < 4.
		add(3)
		e0 := waitState(t, ctx, k.led, 0, ledger.StateMined)
		require.Equal(t, e0.Block, head(), "automine: the commit is the newest block")
		mine(2)
		require.NoError(t, r.CallContext(ctx, nil, "anvil_reorg", 3, []any{}))
		gone(e0.TxHash)
		stop := mining()
		e0b := waitState(t, ctx, k.led, 0, ledger.StateConfirmed)
		stop()
		require.Greater(t, e0b.Block, e0.Block, "mined again above the replaced blocks")
		in, err := k.mgr.Lookup(ctx, e0b.Intent)
		require.NoError(t, err)
		require.Contains(t, attemptHashes(in.Attempts), e0b.TxHash, "one of the stored signed transactions")

		// 2. evm_snapshot/evm_revert: the commit of epoch 1 is mined two blocks deep, then the chain goes
		// back to before it.
		require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", false))
		mine(4) // past epoch 1's cutoff, 4 deep
		add(2)
		require.Eventually(t, func() bool {
			e, err := k.led.LiveEpoch(ctx, 1)
			if err != nil || e.Intent == "" {
				return false
			}
			in, err := k.mgr.Lookup(ctx, e.Intent)
			if err != nil {
				return false
			}
			tx, _, err := env.Client.TransactionByHash(ctx, in.Latest().Hash)
			return err == nil && tx != nil // broadcast: in the pool
		}, time.Minute, 50*time.Millisecond, "epoch 1 commit never broadcast")
		var snap string
		require.NoError(t, r.CallContext(ctx, &snap, "evm_snapshot"))
		mine(2)
		e1 := waitState(t, ctx, k.led, 1, ledger.StateMined)
		var ok bool
		require.NoError(t, r.CallContext(ctx, &ok, "evm_revert", snap))
		require.True(t, ok)
		require.Less(t, head(), e1.Block, "the chain is back before the commit")
		gone(e1.TxHash)
		stop = mining()
		e1b := waitState(t, ctx, k.led, 1, ledger.StateConfirmed)
		stop()
		require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", true))

		in, err = k.mgr.Lookup(ctx, e1b.Intent)
		require.NoError(t, err)
		require.Contains(t, attemptHashes(in.Attempts), e1b.TxHash)
		checkLedgerEqualsChain(t, ctx, env, k, records, price, false)
	})
}

func attemptHashes(as []txmgr.Attempt) []common.Hash {
	out := make([]common.Hash, len(as))
	for i := range as {
		out[i] = as[i].Hash
	}
	return out
}

// TestSessionsVerifiedAcrossADeepReorg: a keeper's goroutines see a reorg deeper than the confirmations while
// the other is between its reads and its store. The registry answers the fee of the chain as the count of deep
// reorgs it has seen says (fees[n]), and the count rises:
//   - page: during the verification of a page, after its fee was read, and the assembly's flagging runs
//     before the page is stored (nothing pending to flag yet). The page is verified again before it is stored,
//     else it stayed pending at the old fee, flagged by nobody.
//   - assembly: after the assembly flagged nothing and before its transaction. That assembly commits
//     nothing; the next flags the pending session and verifies it again, else the old fee was credited.
//
// Either way the epoch credits the builder the fee of the chain that stayed.
func TestSessionsVerifiedAcrossADeepReorg(t *testing.T) {
	for _, during := range []string{"page", "assembly"} {
		t.Run(during, func(t *testing.T) {
			ctx := context.Background()
			st, err := store.Open(ctx, dbtest.SQLite(t))
			require.NoError(t, err)
			defer st.Close()
			feed := testenv.NewFeed(t)
			reg := &reorgRegistry{fees: [2]uint16{testenv.FeeBps / 2, testenv.FeeBps}}
			var ps ledger.PoolState
			pool := &reorgPool{statePool: statePool{state: &ps}}
			l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
				EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1e18}}, st, pool, nil, domain, reg, nil, nil)
			require.NoError(t, err)
			rec := record(t, 0, 100, 600)
			rec.ClosedAt = uint64(time.Now().Unix()) - 5
			feed.Add(t, rec)

			seeReorg := func() { reg.n.Store(1) }
			if during == "page" {
				reg.onModel = func() {
					seeReorg()
					require.NoError(t, l.Assemble(ctx)) // the flagging: nothing pending yet, no epoch
				}
				_, err = l.IngestOnce(ctx)
				require.NoError(t, err)
			} else {
				_, err = l.IngestOnce(ctx)
				require.NoError(t, err)
				pool.onState = seeReorg
				require.ErrorContains(t, l.Assemble(ctx), "reorg deeper than the confirmations", "the count rose before the assembly's transaction")
			}
			require.NoError(t, l.Assemble(ctx))

			e, err := l.LiveEpoch(ctx, 0)
			require.NoError(t, err)
			leaves, err := l.Leaves(ctx, e.ID)
			require.NoError(t, err)
			cost := uint64(100 * 1e12)
			got := map[common.Address]uint64{}
			for _, lf := range leaves {
				got[lf.Account] = lf.Amount.Uint64()
			}
			require.Equal(t, cost*testenv.FeeBps/10_000, got[builder], "the builder's fee on the chain that stayed")
		})
	}
}

// reorgRegistry is fakeRegistry counting n deep reorgs (ChainRegistry's Reorgs and ReorgsSeen), its model's
// fee fees[n]. onModel runs once, in the first Model call, after the fee was read.
type reorgRegistry struct {
	fakeRegistry
	fees    [2]uint16
	n       atomic.Uint64
	onModel func()
}

func (r *reorgRegistry) Model(_ context.Context, id common.Hash, _ uint64) (common.Address, uint16, bool, error) {
	fee := r.fees[r.n.Load()]
	if f := r.onModel; f != nil {
		r.onModel = nil
		f()
	}
	return builder, fee, id == model, nil
}

func (r *reorgRegistry) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *reorgRegistry) ReorgsSeen() uint64                     { return r.n.Load() }

// reorgPool is statePool; onState runs once, in the first State call.
type reorgPool struct {
	statePool
	onState func()
}

func (p *reorgPool) State(ctx context.Context) (ledger.PoolState, error) {
	if f := p.onState; f != nil {
		p.onState = nil
		f()
	}
	return p.statePool.State(ctx)
}
