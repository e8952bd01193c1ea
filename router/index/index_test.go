package index_test

import (
	"context"
	"math"
	"math/big"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/store"
)

func newIndexer(t *testing.T, c *devnettest.Chain, db *store.DB, depth uint64) *index.Indexer {
	t.Helper()
	return newIndexerOn(t, c, c.Client, db, depth)
}

// newIndexerOn is newIndexer reading the chain through b.
func newIndexerOn(t *testing.T, c *devnettest.Chain, b index.Backend, db *store.DB, depth uint64) *index.Indexer {
	t.Helper()
	ix, err := index.New(context.Background(), index.Config{
		Contracts:     book.Contracts{Marketplace: c.Addr("Marketplace"), ModelRegistry: c.Addr("ModelRegistry")},
		StartBlock:    c.Deployment.StartBlock,
		Confirmations: depth,
		MaxRange:      3, // force several ranges per pass
	}, b, db, zaptest.NewLogger(t))
	require.NoError(t, err)
	return ix
}

func price(s *book.Snapshot, model common.Hash, provider common.Address) *big.Int {
	for _, o := range s.Offers[model] {
		if o.Provider == provider {
			return o.Price.ToBig()
		}
	}
	return nil
}

func storedEvents(t *testing.T, db *store.DB) []types.Log {
	t.Helper()
	var out []types.Log
	require.NoError(t, db.Events(context.Background(), func(l *types.Log) error { out = append(out, *l); return nil }))
	return out
}

func TestIndexerBackfillFollowRestartReorg(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	dbPath := filepath.Join(t.TempDir(), "router.db")
	db, err := store.Open(ctx, dbPath)
	require.NoError(t, err)

	owner := devnet.DevKey(3)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	signer := devnettest.KeyAddr("0x5151")
	model := c.RegisterModel(devnet.DevKey(4), "llama", "8b", 250)
	c.RegisterProvider(owner, devnettest.Key("0x5151"), "http://provider.example", 150)
	c.PostBid(owner, model, big.NewInt(2e9))

	// Backfill from the start block.
	ix := newIndexer(t, c, db, 1)
	require.NoError(t, ix.Sync(ctx))
	s := ix.Snapshot()
	require.True(t, s.Routers[crypto.PubkeyToAddress(devnet.DevKey(1).PublicKey)], "router role from RoleGranted")
	require.Equal(t, "llama:8b", s.Models[model].Name)
	require.EqualValues(t, 250, s.Models[model].At(math.MaxUint64).FeeBps)
	require.Equal(t, signer, s.Providers[ownerAddr].Signer)
	require.Equal(t, "http://provider.example", s.Providers[ownerAddr].Endpoint)
	registered := s.Signers[ownerAddr]
	require.Len(t, registered, 1, "the signer history: the registration")
	hdr, err := c.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(registered[0].Block))
	require.NoError(t, err)
	require.Equal(t, settle.SignerSet{Signer: signer, Block: registered[0].Block, Time: hdr.Time}, registered[0], "with its block's time")
	require.Equal(t, big.NewInt(2e9), price(s, model, ownerAddr))
	require.Equal(t, "100000000000000000000", s.Params.MinProviderStake.Dec())

	// Follow: new events after the first pass.
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 300))
	c.Mined(c.Marketplace.RequestUnstake(c.Opts(owner), devnet.MOR(30)))
	require.NoError(t, ix.Sync(ctx))
	s = ix.Snapshot()
	require.EqualValues(t, 300, s.Models[model].At(math.MaxUint64).FeeBps)
	require.EqualValues(t, 250, s.Models[model].FeeBps, "an increase is pending until its notice ran out")
	require.EqualValues(t, 300, s.Models[model].PendingFeeBps)
	p := s.Providers[ownerAddr]
	require.Equal(t, "120000000000000000000", p.Stake.Dec())
	require.Equal(t, "30000000000000000000", p.PendingUnstake.Dec())
	require.NotNil(t, price(s, model, ownerAddr), "120 MOR active >= 100 minimum: still matchable")

	// Unstake below the minimum: no longer matchable, bid leaves the book.
	c.Mined(c.Marketplace.RequestUnstake(c.Opts(owner), devnet.MOR(30)))
	require.NoError(t, ix.Sync(ctx))
	require.Nil(t, price(ix.Snapshot(), model, ownerAddr))

	// Every log on chain stored exactly once.
	chainLogs, err := c.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(c.Deployment.StartBlock),
		Addresses: []common.Address{c.Addr("Marketplace"), c.Addr("ModelRegistry")}})
	require.NoError(t, err)
	require.Len(t, storedEvents(t, db), len(chainLogs))

	// Restart: a new indexer on the same database resumes without replaying or missing.
	db.Close()
	db, err = store.Open(ctx, dbPath)
	require.NoError(t, err)
	defer db.Close()
	ix = newIndexer(t, c, db, 1)
	require.Equal(t, "90000000000000000000", ix.Snapshot().Providers[ownerAddr].Stake.Dec(), "state rebuilt from stored events")
	require.Equal(t, registered, ix.Snapshot().Signers[ownerAddr], "the signer history rebuilt with the stored block time")
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 400))
	require.NoError(t, ix.Sync(ctx))
	require.Len(t, storedEvents(t, db), len(chainLogs)+1)
	require.EqualValues(t, 400, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps)

	// Reorg: a block the indexer saw is replaced by another one (evm_snapshot / evm_revert, then a
	// different transaction and more blocks at the same heights).
	snapID := c.Snapshot()
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 500))
	require.NoError(t, ix.Sync(ctx))
	require.EqualValues(t, 500, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps)
	c.Revert(snapID)
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 600))
	c.Mine(2)
	require.NoError(t, ix.Sync(ctx))
	require.EqualValues(t, 600, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps, "orphaned log rolled back, new fork indexed")
	assertMatchesChain(t, c, db)

	// Reorg to a shorter chain: the cursor block no longer exists. To one node that is a node behind it
	// (follow.ErrBehind): waited for, nothing rolled back, until the chain has blocks at those heights again.
	snapID = c.Snapshot()
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 700))
	c.Mine(3)
	require.NoError(t, ix.Sync(ctx))
	require.EqualValues(t, 700, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps)
	c.Revert(snapID)
	require.ErrorIs(t, ix.Sync(ctx), follow.ErrBehind)
	require.EqualValues(t, 700, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps, "not rolled back while the block is missing")
	c.Mine(4)
	require.NoError(t, ix.Sync(ctx))
	require.EqualValues(t, 600, ix.Snapshot().Models[model].At(math.MaxUint64).FeeBps)
	assertMatchesChain(t, c, db)

	// Confirmation depth (chain/follow's, the keeper's too): with 3, a log is indexed once its block has 3
	// confirmations, itself included: in the head (1) and with one block above (2) not yet, with two above it is.
	deep := newIndexer(t, c, db, 3)
	c.Mined(c.Models.SetBuilderFee(c.Opts(devnet.DevKey(4)), model, 800))
	require.NoError(t, deep.Sync(ctx))
	require.EqualValues(t, 600, deep.Snapshot().Models[model].At(math.MaxUint64).FeeBps, "1 confirmation")
	c.Mine(1)
	require.NoError(t, deep.Sync(ctx))
	require.EqualValues(t, 600, deep.Snapshot().Models[model].At(math.MaxUint64).FeeBps, "2 confirmations")
	c.Mine(1)
	require.NoError(t, deep.Sync(ctx))
	require.EqualValues(t, 800, deep.Snapshot().Models[model].At(math.MaxUint64).FeeBps, "3 confirmations")
}

// assertMatchesChain checks the stored event log equals the canonical chain's logs.
func assertMatchesChain(t *testing.T, c *devnettest.Chain, db *store.DB) {
	t.Helper()
	logs, err := c.Client.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(c.Deployment.StartBlock),
		Addresses: []common.Address{c.Addr("Marketplace"), c.Addr("ModelRegistry")}})
	require.NoError(t, err)
	stored := storedEvents(t, db)
	require.Len(t, stored, len(logs))
	for i := range logs {
		require.Equal(t, logs[i].BlockHash, stored[i].BlockHash)
		require.Equal(t, logs[i].Index, stored[i].Index)
		require.Equal(t, logs[i].Data, stored[i].Data)
	}
}
