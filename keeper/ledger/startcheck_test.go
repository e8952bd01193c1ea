package ledger_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestCheckChainRefusesForeignLedger (anvil): a keeper settles epoch 0 until it is claimable; its own ledger
// passes CheckChain (the keeper command's first call), and so does a fresh one on a fresh pool. A fresh
// database against that pool (a new --data-dir) is refused with ErrForeignLedger naming the committed epoch
// and what to do, and so is the settled ledger once the chain no longer holds its claimable epoch (a devnet
// started again under an old data dir). Were the check gone, the fresh keeper would run and only log
// "ledger and ComputePool disagree" at every epoch.
func TestCheckChainRefusesForeignLedger(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	feed := testenv.NewFeed(t)
	opts := func() keeperOptions {
		return keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
			feedList: []*testenv.Feed{feed}, manual: true}
	}
	snap := env.Chain.Snapshot()
	k := startKeeper(t, ctx, env, opts())
	require.NoError(t, k.led.CheckChain(ctx), "a fresh ledger on a pool with no epoch")

	feed.Add(t, env.Record(t, 0, 100, 600, 1_000_000_000_000))
	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	k.drive(t, ctx, 0, "confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	window, err := env.Pool.DisputeWindow(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, uint64(window)+1))
	k.drive(t, ctx, 0, "claimable", func(e *ledger.EpochRow) bool { return e.State == ledger.StateClaimable })
	require.NoError(t, k.led.CheckChain(ctx), "the ledger that committed the pool's epochs")

	fresh := startKeeper(t, ctx, env, opts())
	err = fresh.led.CheckChain(ctx)
	require.ErrorIs(t, err, ledger.ErrForeignLedger)
	require.ErrorContains(t, err, "has epoch 0 committed")
	require.ErrorContains(t, err, "the database holds no epoch")
	require.ErrorContains(t, err, "restore its --data-dir")

	env.Chain.Revert(snap) // the chain before any commit: the settled ledger now belongs to no pool
	err = k.led.CheckChain(ctx)
	require.ErrorIs(t, err, ledger.ErrForeignLedger)
	require.ErrorContains(t, err, "epoch 0 is claimable")
	require.ErrorContains(t, err, "holds no epoch for it")
}

// TestCheckChainRefusesDivergingConfirmedEpoch (anvil): a keeper's epoch 0 is confirmed (in its dispute
// window, not claimable yet) when the chain is replaced by one where another keeper committed a different
// epoch 0 (a devnet started again under an old data dir, or a database copied from another keeper). The
// ledger has no claimable epoch and no epoch the pool lacks, so a check of the newest claimable epoch alone
// let it start, mark the foreign epoch claimable and assemble on top of it; CheckChain refuses it, naming
// the confirmed epoch. A root the guardian vetoed instead is Run's to roll back: it passes.
func TestCheckChainRefusesDivergingConfirmedEpoch(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	settle := func(price uint64) *keeper {
		feed := testenv.NewFeed(t)
		k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
			feedList: []*testenv.Feed{feed}, manual: true})
		feed.Add(t, env.Record(t, 0, 100, 600, price))
		_, err := k.led.IngestOnce(ctx)
		require.NoError(t, err)
		k.drive(t, ctx, 0, "confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
		return k
	}
	snap := env.Chain.Snapshot()
	k := settle(1_000_000_000_000)
	require.NoError(t, k.led.CheckChain(ctx), "the ledger that committed the pool's epoch")
	vetoed := env.Chain.Snapshot()
	info0, err := env.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	env.Send(t, ctx, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.VetoRoot(o, big.NewInt(0), info0.Root, info0.ClaimableAt)
	})
	require.NoError(t, k.led.CheckChain(ctx), "its confirmed root vetoed since: Run's to roll back")
	env.Chain.Revert(vetoed)
	env.Chain.Revert(snap)
	other := settle(2_000_000_000_000)
	require.NoError(t, other.led.CheckChain(ctx))

	err = k.led.CheckChain(ctx)
	require.ErrorIs(t, err, ledger.ErrForeignLedger)
	require.ErrorContains(t, err, "epoch 0 is confirmed")
}
