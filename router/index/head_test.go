package index_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/store"
)

// TestSignersAboveReadsTheHead: a provider's signer rotation in a block the book (depth 3) has not
// confirmed is not in its snapshot but is in SignersAbove(snapshot block), with its block and time, and
// another provider's is not; once confirmed it is in the book and no longer above it. A head more than
// AboveRanges ranges of MaxRange blocks above the block asked from is ErrHeadTooFar, never a partial answer.
func TestSignersAboveReadsTheHead(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	owner, other := devnet.DevKey(3), devnet.DevKey(5)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	c.RegisterProvider(owner, common.HexToAddress("0x5151"), "http://provider.example", 150)
	c.RegisterProvider(other, common.HexToAddress("0x5252"), "http://other.example", 150)
	c.Mine(3)
	ix := newIndexer(t, c, db, 3) // MaxRange 3
	require.NoError(t, ix.Sync(ctx))

	rotated := common.HexToAddress("0x5353")
	r := c.Mined(c.Marketplace.UpdateProvider(c.Opts(owner), "http://provider.example", rotated))
	require.NoError(t, ix.Sync(ctx))
	snap := ix.Snapshot()
	require.Less(t, snap.Block, r.BlockNumber.Uint64())
	h := snap.Signers[ownerAddr]
	require.Equal(t, common.HexToAddress("0x5151"), h[len(h)-1].Signer, "the book has not confirmed the rotation")
	hdr, err := c.Client.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	above, err := ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{{Signer: rotated, Block: r.BlockNumber.Uint64(), Time: hdr.Time}}, above)
	above, err = ix.SignersAbove(ctx, crypto.PubkeyToAddress(other.PublicKey), snap.Block)
	require.NoError(t, err)
	require.Empty(t, above)

	c.Mine(2)
	require.NoError(t, ix.Sync(ctx))
	snap = ix.Snapshot()
	h = snap.Signers[ownerAddr]
	require.Equal(t, rotated, h[len(h)-1].Signer, "confirmed")
	above, err = ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.NoError(t, err)
	require.Empty(t, above)

	c.Mine(index.AboveRanges * 3)
	_, err = ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.ErrorIs(t, err, index.ErrHeadTooFar)
}

// TestSignersAboveWhenConfirmationsExceedTheLogRange: with --log-range (MaxRange 3) smaller than the
// book's --confirmations (6), as behind a node that caps eth_getLogs at a few blocks, the chain's head is
// always more than one range above the book. SignersAbove reads the gap in ranges: it used to answer
// ErrHeadTooFar there, always, so the router refused every close carrying a provider signature or a
// ticket acceptance 503 until the close deadline passed (the provider unpaid for every session).
func TestSignersAboveWhenConfirmationsExceedTheLogRange(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	owner := devnet.DevKey(3)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	c.RegisterProvider(owner, common.HexToAddress("0x5151"), "http://provider.example", 150)
	c.Mine(6)
	ix := newIndexer(t, c, db, 6) // MaxRange 3
	require.NoError(t, ix.Sync(ctx))

	rotated := common.HexToAddress("0x5353")
	r := c.Mined(c.Marketplace.UpdateProvider(c.Opts(owner), "http://provider.example", rotated))
	c.Mine(2)
	require.NoError(t, ix.Sync(ctx))
	snap := ix.Snapshot()
	require.Less(t, snap.Block, r.BlockNumber.Uint64(), "the book has not confirmed the rotation")
	head, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)
	require.Greater(t, head-snap.Block, uint64(3), "the head is more than one range above the book")
	hdr, err := c.Client.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	above, err := ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{{Signer: rotated, Block: r.BlockNumber.Uint64(), Time: hdr.Time}}, above)
}
