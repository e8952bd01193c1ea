package index_test

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/store"
)

// TestEpochsFromComputePool: the keeper (anvil account 2) commits roots, the guardian vetoes one, the
// keeper recommits it; the indexer folds RootCommitted/RootVetoed into the book's epochs. A router that
// indexed without the ComputePool re-indexes from the start block when the pool is added, and a reorg that
// drops a commit drops its epoch.
func TestEpochsFromComputePool(t *testing.T) {
	ctx := context.Background()
	const day = 86400
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 5*day - 3600, DisputeWindow: 3600})
	root := func(i byte) common.Hash { return common.BytesToHash([]byte{0xf0, 0x0d, i}) }
	r0 := c.CommitRoot(0, root(0), big.NewInt(1000), common.HexToHash("0xba7c00"), "http://keeper/v1/batches/0")
	c.CommitRoot(1, root(1), big.NewInt(3000), common.HexToHash("0xba7c01"), "ipfs://epoch1")
	info1, err := c.Pool.EpochInfo(&bind.CallOpts{}, big.NewInt(1))
	require.NoError(t, err)
	c.Mined(c.Pool.VetoRoot(c.Opts(devnet.GuardianKey()), big.NewInt(1), root(1), info1.ClaimableAt))

	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	log := zaptest.NewLogger(t)
	cfg := index.Config{Contracts: book.Contracts{Marketplace: c.Addr("Marketplace"), ModelRegistry: c.Addr("ModelRegistry")},
		StartBlock: c.Deployment.StartBlock, MaxRange: 4}

	// Without the pool: no epochs.
	old, err := index.New(ctx, cfg, c.Client, db, log)
	require.NoError(t, err)
	require.NoError(t, old.Sync(ctx))
	require.Empty(t, old.Snapshot().Epochs)
	routers := len(old.Snapshot().Routers)

	// With the pool: the filter changed, so everything is indexed again from the start block.
	cfg.Contracts.ComputePool = c.Addr("ComputePool")
	ix, err := index.New(ctx, cfg, c.Client, db, log)
	require.NoError(t, err)
	require.NoError(t, ix.Sync(ctx))
	s := ix.Snapshot()
	require.Len(t, s.Epochs, 2)
	require.Equal(t, routers, len(s.Routers), "the market is folded again, exactly once")
	e0, e1 := s.Epochs[0], s.Epochs[1]
	require.Equal(t, uint64(0), e0.Epoch)
	require.Equal(t, root(0), e0.Root)
	require.Equal(t, "1000", e0.CumulativeTotal.Dec())
	require.Equal(t, "1000", e0.Delta.Dec())
	require.Equal(t, uint64(5), e0.Day)
	require.Equal(t, common.HexToHash("0xba7c00"), e0.BatchHash)
	require.Equal(t, "http://keeper/v1/batches/0", e0.URI)
	require.Equal(t, r0.BlockNumber.Uint64(), e0.Block)
	require.Equal(t, r0.TxHash, e0.TxHash)
	info, err := c.Pool.EpochInfo(nil, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, info.ClaimableAt, e0.ClaimableAt)
	require.False(t, e0.Vetoed)
	require.Equal(t, uint64(1), e1.Epoch)
	require.Equal(t, "2000", e1.Delta.Dec())
	require.True(t, e1.Vetoed, "vetoed by the guardian")

	// Recommit epoch 1 (a new root), then lose that commit to a reorg.
	snap := c.Snapshot()
	c.CommitRoot(1, root(2), big.NewInt(2500), common.HexToHash("0xba7c02"), "ipfs://epoch1b")
	require.NoError(t, ix.Sync(ctx))
	s = ix.Snapshot()
	require.Len(t, s.Epochs, 3)
	require.Equal(t, root(2), s.Epochs[2].Root)
	require.Equal(t, "1500", s.Epochs[2].Delta.Dec())
	require.False(t, s.Epochs[2].Vetoed)
	require.True(t, s.Epochs[1].Vetoed)

	c.Revert(snap)
	c.Mine(3)
	require.NoError(t, ix.Sync(ctx))
	require.Len(t, ix.Snapshot().Epochs, 2, "the reorged-out commit is gone")

	// A restart resumes from the stored logs without re-indexing.
	again, err := index.New(ctx, cfg, c.Client, db, log)
	require.NoError(t, err)
	require.Len(t, again.Snapshot().Epochs, 2)
}
