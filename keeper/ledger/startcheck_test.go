package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
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
