package index_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/store"
)

// TestDepositsConfirmationAndReorg (THREATS "the chain / RPC"): the ComputePool's deposit events go through
// the indexer's one confirmation depth and reorg roll-back, like every other event. Admission reads a
// user's deposit from the snapshot only (router/api: snap.Deposits.Of), so what the snapshot shows is what
// can be spent. On SQLite and PostgreSQL:
//   - depth 3: a deposit is not in the snapshot until its block has 3 confirmations, itself included (chain/
//     follow's depth, the keeper's too); one reorged out (anvil_reorg)
//     before that never appears; one that survives does, once;
//   - a restart before and after the deposit is deep loses nothing and applies nothing twice;
//   - depth 1: a deposit already applied and then reorged out (evm_snapshot/evm_revert) is rolled back, and
//     the same deposit mined again on the new fork is applied once.
func TestDepositsConfirmationAndReorg(t *testing.T) {
	dbtest.Run(t, false, func(t *testing.T, dsn string) {
		ctx := context.Background()
		c := devnettest.Start(t)
		amount := devnet.MOR(2)
		key := func() (*ecdsa.PrivateKey, common.Address) {
			k := c.NewKey()
			a := crypto.PubkeyToAddress(k.PublicKey)
			c.Fund(a, 10)
			c.Mined(c.Token.Approve(c.Opts(k), c.Addr("ComputePool"), devnet.MOR(10)))
			return k, a
		}
		pKey, p := key()
		qKey, q := key()
		deposit := func(k *ecdsa.PrivateKey) uint64 {
			return c.Mined(c.Pool.Deposit(c.Opts(k), amount)).BlockNumber.Uint64()
		}

		db, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		open := func(db *store.DB, depth uint64) *index.Indexer {
			ix, err := index.New(ctx, index.Config{Contracts: book.Contracts{Marketplace: c.Addr("Marketplace"),
				ModelRegistry: c.Addr("ModelRegistry"), ComputePool: c.Addr("ComputePool")},
				StartBlock: c.Deployment.StartBlock, Confirmations: depth, MaxRange: 50}, c.Client, db, zaptest.NewLogger(t))
			require.NoError(t, err)
			return ix
		}
		spendable := func(ix *index.Indexer, user common.Address) string {
			return ix.Snapshot().Deposits.Of(user).Deposit.Dec()
		}
		deposited := func(ix *index.Indexer) string { return ix.Snapshot().Deposits.Totals().Deposited.Dec() }
		ix := open(db, 3)
		require.NoError(t, ix.Sync(ctx))

		// P deposits, then Q: neither has 3 confirmations yet.
		dp := deposit(pKey)
		require.NoError(t, ix.Sync(ctx))
		require.Equal(t, "0", spendable(ix, p), "a deposit in the head block is not spendable")
		dq := deposit(qKey)
		require.Equal(t, dp+1, dq)
		require.NoError(t, ix.Sync(ctx))
		require.Equal(t, "0", spendable(ix, p), "2 confirmations: not spendable")

		// Restart before either is deep: nothing was applied, nothing is lost.
		ix.Close()
		require.NoError(t, db.Close())
		db, err = store.Open(ctx, dsn)
		require.NoError(t, err)
		defer db.Close()
		ix = open(db, 3)
		c.Mine(1) // P's deposit has 3 confirmations, Q's 2
		require.NoError(t, ix.Sync(ctx))
		require.Equal(t, amount.String(), spendable(ix, p), "3 confirmations: spendable")
		require.Equal(t, "0", spendable(ix, q))

		// Q's deposit block and the one above it are replaced by empty blocks before Q's had 3 confirmations.
		require.NoError(t, c.Client.RPC(ctx, nil, "anvil_reorg", 2, []any{}))
		dqNow, err := c.Pool.DepositOf(nil, q)
		require.NoError(t, err)
		require.Zero(t, dqNow.Sign(), "the reorg removed Q's deposit")
		c.Mine(3)
		require.NoError(t, ix.Sync(ctx))
		require.Equal(t, amount.String(), spendable(ix, p), "P's deposit survived")
		require.Equal(t, "0", spendable(ix, q), "Q's deposit was reorged out before it was deep: never spendable")
		require.Equal(t, amount.String(), deposited(ix), "P's deposit applied once")

		// Restart after: the state is rebuilt from the stored events, the same.
		ix.Close()
		ix = open(db, 3)
		require.Equal(t, amount.String(), spendable(ix, p))
		require.Equal(t, amount.String(), deposited(ix))
		assertPoolLogsStored(t, c, db)
		ix.Close()

		// Depth 1 (a devnet router: every mined block): Q's deposit is applied at once; a reorg takes it out again, and the same
		// deposit mined on the new fork is applied once.
		db0, err := store.Open(ctx, dbtest.SQLite(t))
		require.NoError(t, err)
		defer db0.Close()
		ix0 := open(db0, 1)
		require.NoError(t, ix0.Sync(ctx))
		snap := c.Snapshot()
		deposit(qKey)
		c.Mine(1)
		require.NoError(t, ix0.Sync(ctx))
		require.Equal(t, amount.String(), spendable(ix0, q))
		c.Revert(snap)
		require.ErrorIs(t, ix0.Sync(ctx), follow.ErrBehind, "the chain shorter than the block read: waited for")
		c.Mine(2) // blocks at those heights again, the new fork's
		require.NoError(t, ix0.Sync(ctx))
		require.Equal(t, "0", spendable(ix0, q), "the reorged-out deposit is rolled back")
		require.Equal(t, amount.String(), deposited(ix0))
		deposit(qKey)
		c.Mine(2)
		require.NoError(t, ix0.Sync(ctx))
		require.Equal(t, amount.String(), spendable(ix0, q), "mined again on the new fork: applied once")
		require.Equal(t, new(big.Int).Mul(amount, big.NewInt(2)).String(), deposited(ix0), "P's and Q's deposits, each once")
		assertPoolLogsStored(t, c, db0)
		ix = open(db, 3)
		require.NoError(t, ix.Sync(ctx))
		require.Equal(t, amount.String(), spendable(ix, q), "the depth-3 indexer sees the surviving deposit once")
		require.Equal(t, deposited(ix0), deposited(ix))
	})
}

// assertPoolLogsStored checks that the stored ComputePool logs are exactly the canonical chain's up to the
// stored cursor.
func assertPoolLogsStored(t *testing.T, c *devnettest.Chain, db *store.DB) {
	t.Helper()
	cur, err := db.Cursor(context.Background())
	require.NoError(t, err)
	logs, err := c.Client.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(c.Deployment.StartBlock),
		ToBlock: new(big.Int).SetUint64(cur.Block), Addresses: []common.Address{c.Addr("ComputePool")}})
	require.NoError(t, err)
	topics, err := book.Topics()
	require.NoError(t, err)
	folded := map[common.Hash]bool{}
	for _, tp := range topics {
		folded[tp] = true
	}
	var want, got []common.Hash
	for _, l := range logs {
		if folded[l.Topics[0]] {
			want = append(want, crypto.Keccak256Hash(l.BlockHash[:], big.NewInt(int64(l.Index)).Bytes()))
		}
	}
	for _, l := range storedEvents(t, db) {
		if l.Address == c.Addr("ComputePool") {
			got = append(got, crypto.Keccak256Hash(l.BlockHash[:], big.NewInt(int64(l.Index)).Bytes()))
		}
	}
	require.Equal(t, want, got, "every pool log stored once, none of a replaced block")
}
