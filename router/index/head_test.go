package index_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/chain/follow/followtest"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/store"
)

// startChain starts a devnet and opens a router store (SQLite) for a test.
func startChain(t *testing.T) (*devnettest.Chain, *store.DB) {
	t.Helper()
	c := devnettest.Start(t)
	db, err := store.Open(context.Background(), dbtest.SQLite(t))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return c, db
}

// signerSet is signer bound in block n, with that block's time as the chain has it now.
func signerSet(t *testing.T, c *devnettest.Chain, n uint64, signer common.Address) settle.SignerSet {
	t.Helper()
	h, err := c.Client.HeaderByNumber(context.Background(), new(big.Int).SetUint64(n))
	require.NoError(t, err)
	return settle.SignerSet{Signer: signer, Block: n, Time: h.Time}
}

// rotate binds signer as owner's provider key and returns the signer event as the chain has it.
func rotate(t *testing.T, c *devnettest.Chain, owner, signer *ecdsa.PrivateKey) settle.SignerSet {
	t.Helper()
	r := c.UpdateProvider(owner, signer, "http://provider.example")
	return signerSet(t, c, r.BlockNumber.Uint64(), crypto.PubkeyToAddress(signer.PublicKey))
}

// client reads the chain through b (a chain.Client hidden behind it: one node, as far as follow.Logs can
// tell), answering the head's header with head when set (the head a client reported before it failed over
// to a node behind it), and calling afterLogs, when set, with each eth_getLogs answered and afterHeader with
// the number of each header b answered (the chain changing between the reads).
type client struct {
	b           index.Backend
	head        *types.Header
	afterLogs   func(q ethereum.FilterQuery)
	afterHeader func(n *big.Int)
}

func (c *client) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if n == nil && c.head != nil {
		return c.head, nil
	}
	h, err := c.b.HeaderByNumber(ctx, n)
	if c.afterHeader != nil {
		c.afterHeader(n)
	}
	return h, err
}

func (c *client) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	logs, err := c.b.FilterLogs(ctx, q)
	if c.afterLogs != nil {
		c.afterLogs(q)
	}
	return logs, err
}

// TestSignersAboveReadsTheHead: a provider's signer rotation in a block the book (depth 3) has not
// confirmed is not in its snapshot but is in SignersAbove(snapshot block), with its block and time, and
// another provider's is not; once confirmed it is in the book and no longer above it. A head more than
// AboveRanges ranges of MaxRange blocks above the block asked from is ErrHeadTooFar, never a partial answer.
func TestSignersAboveReadsTheHead(t *testing.T) {
	ctx := context.Background()
	c, db := startChain(t)
	owner, other := devnet.DevKey(3), devnet.DevKey(5)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	c.RegisterProvider(owner, devnettest.Key("0x5151"), "http://provider.example", 150)
	c.RegisterProvider(other, devnettest.Key("0x5252"), "http://other.example", 150)
	c.Mine(3)
	ix := newIndexer(t, c, db, 3) // MaxRange 3
	require.NoError(t, ix.Sync(ctx))

	rotated := devnettest.Key("0x5353")
	r := c.UpdateProvider(owner, rotated, "http://provider.example")
	require.NoError(t, ix.Sync(ctx))
	snap := ix.Snapshot()
	require.Less(t, snap.Block, r.BlockNumber.Uint64())
	h := snap.Signers[ownerAddr]
	require.Equal(t, devnettest.KeyAddr("0x5151"), h[len(h)-1].Signer, "the book has not confirmed the rotation")
	above, err := ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{signerSet(t, c, r.BlockNumber.Uint64(), devnettest.KeyAddr("0x5353"))}, above)
	above, err = ix.SignersAbove(ctx, crypto.PubkeyToAddress(other.PublicKey), snap.Block)
	require.NoError(t, err)
	require.Empty(t, above)

	c.Mine(2)
	require.NoError(t, ix.Sync(ctx))
	snap = ix.Snapshot()
	h = snap.Signers[ownerAddr]
	require.Equal(t, devnettest.KeyAddr("0x5353"), h[len(h)-1].Signer, "confirmed")
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
	c, db := startChain(t)
	owner := devnet.DevKey(3)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	c.RegisterProvider(owner, devnettest.Key("0x5151"), "http://provider.example", 150)
	c.Mine(6)
	ix := newIndexer(t, c, db, 6) // MaxRange 3
	require.NoError(t, ix.Sync(ctx))

	rotated := devnettest.Key("0x5353")
	r := c.UpdateProvider(owner, rotated, "http://provider.example")
	c.Mine(2)
	require.NoError(t, ix.Sync(ctx))
	snap := ix.Snapshot()
	require.Less(t, snap.Block, r.BlockNumber.Uint64(), "the book has not confirmed the rotation")
	head, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)
	require.Greater(t, head-snap.Block, uint64(3), "the head is more than one range above the book")
	above, err := ix.SignersAbove(ctx, ownerAddr, snap.Block)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{signerSet(t, c, r.BlockNumber.Uint64(), devnettest.KeyAddr("0x5353"))}, above)
}

// TestSignersAboveInRanges: every signer event of a provider in the blocks above the book, read in four
// ranges of MaxRange 3, each through follow.Logs: its registration and a rotation in the second range, none
// in the third (another provider's registration), two rotations in the fourth; in chain order, with their
// blocks' times, the other provider's left out.
func TestSignersAboveInRanges(t *testing.T) {
	ctx := context.Background()
	c, db := startChain(t)
	owner, other := devnet.DevKey(3), devnet.DevKey(5)
	ix := newIndexer(t, c, db, 1) // MaxRange 3
	require.NoError(t, ix.Sync(ctx))
	book := ix.Snapshot().Block

	c.RegisterProvider(owner, devnettest.Key("0x5151"), "http://provider.example", 150) // its transactions, the registration last
	head, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)
	want := []settle.SignerSet{signerSet(t, c, head, devnettest.KeyAddr("0x5151")), rotate(t, c, owner, devnettest.Key("0x5353"))}
	c.RegisterProvider(other, devnettest.Key("0x5252"), "http://other.example", 150)
	c.Mine(1)
	want = append(want, rotate(t, c, owner, devnettest.Key("0x5454")), rotate(t, c, owner, devnettest.Key("0x5555")))
	var ranges []uint64 // the range of each event: 0 is book+1..book+3
	for _, s := range want {
		ranges = append(ranges, (s.Block-book-1)/3)
	}
	require.Equal(t, []uint64{1, 1, 3, 3}, ranges)

	above, err := ix.SignersAbove(ctx, crypto.PubkeyToAddress(owner.PublicKey), book)
	require.NoError(t, err)
	require.Equal(t, want, above)
}

// startOnClient starts a chain where owner (devnet.DevKey(3)) is a provider, and an indexer at depth 3
// (MaxRange 3) reading it through b, synced: its book at block book, two blocks below the head.
func startOnClient(t *testing.T) (c *devnettest.Chain, owner *ecdsa.PrivateKey, b *client, ix *index.Indexer, book uint64) {
	t.Helper()
	c, db := startChain(t)
	owner = devnet.DevKey(3)
	c.RegisterProvider(owner, devnettest.Key("0x5151"), "http://provider.example", 150)
	c.Mine(3)
	b = &client{b: c.Client}
	ix = newIndexerOn(t, c, b, db, 3)
	require.NoError(t, ix.Sync(context.Background()))
	return c, owner, b, ix, ix.Snapshot().Block
}

// TestSignersAboveRefusesANodeBehindItsHead: a client whose node is behind the head it reported (a
// failover to a node that has not the head's block yet) has SignersAbove answer follow.ErrLogsChanged, read
// again too, never the logs that node has: anvil answers eth_getLogs past its head with those, here none
// (the rotation in the head's block missing). That partial answer used to be taken: a close signed by
// the rotated key, which the book refuses and the head takes, was then refused instead of kept pending.
func TestSignersAboveRefusesANodeBehindItsHead(t *testing.T) {
	ctx := context.Background()
	c, owner, b, ix, book := startOnClient(t)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)

	behind := c.Snapshot() // the node behind: the chain as it is now
	rotated := rotate(t, c, owner, devnettest.Key("0x5353"))
	head, err := c.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, rotated.Block, head.Number.Uint64())
	require.Equal(t, book+3, head.Number.Uint64(), "one range above the book")
	above, err := ix.SignersAbove(ctx, ownerAddr, book)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{rotated}, above, "the node at the head")

	c.Revert(behind)
	b.head = head
	above, err = ix.SignersAbove(ctx, ownerAddr, book)
	require.ErrorIs(t, err, follow.ErrLogsChanged)
	require.ErrorIs(t, err, ethereum.NotFound, "the node has no block %d", head.Number)
	require.Nil(t, above)

	b.head = nil // the client on the node's own head: what it has, as one view
	above, err = ix.SignersAbove(ctx, ownerAddr, book)
	require.NoError(t, err)
	require.Empty(t, above)
}

// TestSignersAboveAcrossAReorg: the blocks above the book are read in two ranges (MaxRange 3); a reorg
// right after the first range's logs were answered replaces the blocks from the first range's last one
// on. SignersAbove never answers the two branches mixed (the first range's rotation from the branch
// replaced, the second's from the new one: what it used to answer): it reads again from the head as it is
// then and answers the new branch alone; when the chain changes at that reading too, it answers
// follow.ErrLogsChanged.
func TestSignersAboveAcrossAReorg(t *testing.T) {
	ctx := context.Background()
	c, owner, b, ix, book := startOnClient(t)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	base, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)
	require.Equal(t, book+2, base)

	// branch replaces the blocks above base (the range book+1..book+3 from its last block on, and the range
	// book+4..book+6) with a rotation to the next key in book+3 and one to the key after in book+5, and
	// returns the two.
	fork, key := c.Snapshot(), byte(0x60)
	branch := func() []settle.SignerSet {
		c.Revert(fork)
		fork = c.Snapshot()
		key += 2
		first := rotate(t, c, owner, devnettest.Key(string(rune(key))))
		c.Mine(1)
		second := rotate(t, c, owner, devnettest.Key(string(rune(key+1))))
		c.Mine(1)
		require.Equal(t, []uint64{book + 3, book + 5}, []uint64{first.Block, second.Block})
		return []settle.SignerSet{first, second}
	}
	// reorgs replaces the branch after the first range's logs are answered, times times.
	var want []settle.SignerSet
	reorgs := func(times int) {
		b.afterLogs = func(q ethereum.FilterQuery) {
			if q.FromBlock.Uint64() == book+1 && times > 0 {
				times--
				want = branch()
			}
		}
	}

	want = branch()
	above, err := ix.SignersAbove(ctx, ownerAddr, book)
	require.NoError(t, err)
	require.Equal(t, want, above, "no reorg")

	reorgs(1)
	above, err = ix.SignersAbove(ctx, ownerAddr, book)
	require.NoError(t, err)
	require.Equal(t, want, above, "read again on the new branch")

	reorgs(2)
	above, err = ix.SignersAbove(ctx, ownerAddr, book)
	require.ErrorIs(t, err, follow.ErrLogsChanged)
	require.Nil(t, above)
}

// nodes is a client over two nodes, chains[0] and chains[1] (the chain from a block on replaced: another
// branch), as chain.Client is over several: each answer is from node cur (and says so), and route, called
// before each header read by number, may move the client to the other node (a failover).
type nodes struct {
	chains [2]*followtest.Chain
	cur    int
	route  func(n uint64)
}

func (c *nodes) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	h, _, err := c.HeaderByNumberAt(ctx, n)
	return h, err
}

func (c *nodes) HeaderByNumberAt(ctx context.Context, n *big.Int) (*types.Header, int, error) {
	if n != nil {
		c.route(n.Uint64())
	}
	h, err := c.chains[c.cur].HeaderByNumber(ctx, n)
	return h, c.cur, err
}

func (c *nodes) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return c.chains[c.cur].FilterLogs(ctx, q)
}

func (c *nodes) FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error) {
	logs, err := c.FilterLogs(ctx, q)
	return logs, c.cur, err
}

func (c *nodes) SkipEndpoint(int) {}

// TestSignersAboveRangesOfOneChain: the blocks 1-9 above the book are read in three ranges of MaxRange 3.
// A client that fails over to a node on another branch from block 5 on for the second range alone (its
// last block's header, the range's logs and that header again all that node's: one view of its chain),
// and back for the third, would have the answer mix the branches: the second range's rotation from the
// other node, the third's from the first. SignersAbove finds the ranges' last blocks are not one node's
// chain (follow.Holds) and reads again, from the first node: its rotations alone.
func TestSignersAboveRangesOfOneChain(t *testing.T) {
	ctx := context.Background()
	market, provider := common.HexToAddress("0x9001"), common.HexToAddress("0xa1")
	updated := func(block uint64, signer byte) types.Log { return updatedLog(t, market, provider, block, signer, true) }
	first := followtest.New(9, updated(2, 0xc1), updated(5, 0xc2), updated(8, 0xc3))
	other := followtest.New(9, updated(2, 0xc1), updated(5, 0xc2), updated(8, 0xc3))
	other.Reorg(5, 9, updated(5, 0xd2), updated(8, 0xd3))
	sixes := 0 // reads of block 6, the second range's last: on the other node for the first three
	b := &nodes{chains: [2]*followtest.Chain{first, other}}
	b.route = func(n uint64) {
		b.cur = 0
		if n == 6 && sixes < 3 {
			b.cur, sixes = 1, sixes+1
		}
	}
	ix := onIndexer(t, b, market)

	above, err := ix.SignersAbove(ctx, provider, 0)
	require.NoError(t, err)
	require.Equal(t, 3, sixes, "the second range was read from the other node")
	var want []settle.SignerSet
	for i, n := range []uint64{2, 5, 8} {
		want = append(want, settle.SignerSet{Signer: common.BytesToAddress([]byte{byte(0xc1 + i)}), Block: n, Time: first.Header(n).Time})
	}
	require.Equal(t, want, above, "the first node's rotations")
}

// updatedLog is a ProviderUpdated log of provider binding signer in block (with its time when timed, as
// anvil gives it; some nodes leave it out).
func updatedLog(t *testing.T, market, provider common.Address, block uint64, signer byte, timed bool) types.Log {
	t.Helper()
	a, err := marketplace.MarketplaceMetaData.GetAbi()
	require.NoError(t, err)
	data, err := a.Events["ProviderUpdated"].Inputs.NonIndexed().Pack("http://p")
	require.NoError(t, err)
	l := types.Log{Address: market, BlockNumber: block, Data: data,
		Topics: []common.Hash{a.Events["ProviderUpdated"].ID, common.BytesToHash(provider.Bytes()), common.BytesToHash([]byte{signer})}}
	if timed {
		l.BlockTimestamp = 1000 + block
	}
	return l
}

// onIndexer is an Indexer (SQLite store, MaxRange 3) over backend b, for market.
func onIndexer(t *testing.T, b index.Backend, market common.Address) *index.Indexer {
	t.Helper()
	db, err := store.Open(context.Background(), dbtest.SQLite(t))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	ix, err := index.New(context.Background(), index.Config{Contracts: book.Contracts{Marketplace: market}, MaxRange: 3}, b, db, zaptest.NewLogger(t))
	require.NoError(t, err)
	return ix
}

// TestSignersAboveRefusesANodeBehindTheBook (from a review): the book (read from a node at the head) is at
// block 6 and the provider rotated its key in block 8; the client fails over to a node whose head is 5,
// below the book. Before, SignersAbove answered "nothing above the book" and checkProviderKeys judged the
// close by the book alone (a close signed by the key rotated away accepted, one by the new key refused on
// arrival); a head below the book is a node behind (or a reorg deeper than the confirmations) and is
// follow.ErrLogsChanged.
func TestSignersAboveRefusesANodeBehindTheBook(t *testing.T) {
	ctx := context.Background()
	market, provider := common.HexToAddress("0x9001"), common.HexToAddress("0xa1")
	c := followtest.New(9, updatedLog(t, market, provider, 2, 0xc1, true), updatedLog(t, market, provider, 8, 0xc2, true))
	ix := onIndexer(t, c, market)

	above, err := ix.SignersAbove(ctx, provider, 6)
	require.NoError(t, err)
	require.Equal(t, []settle.SignerSet{{Signer: common.BytesToAddress([]byte{0xc2}), Block: 8, Time: 1008}}, above, "the node at the head")

	c.Head = 5
	_, err = ix.SignersAbove(ctx, provider, 6)
	require.ErrorIs(t, err, follow.ErrLogsChanged)

	c.Head = 6 // at the book's block: nothing above it, as at depth 1
	above, err = ix.SignersAbove(ctx, provider, 6)
	require.NoError(t, err)
	require.Empty(t, above)
}

// TestSignersAboveReadsAgainWhenATimeIsNotFound (from a review): a node that leaves the block time out of
// its logs; after the range's logs were read as one view, the client fails over to a node behind the log's
// block, so setTimes' header read is not found. That is a node behind, as at follow.Logs: SignersAbove
// reads once more, from the head as it is then, and answers (before, a plain error: no second reading).
func TestSignersAboveReadsAgainWhenATimeIsNotFound(t *testing.T) {
	ctx := context.Background()
	market, provider := common.HexToAddress("0x9001"), common.HexToAddress("0xa1")
	c := followtest.New(9, updatedLog(t, market, provider, 8, 0xc2, false))
	nines := 0
	b := &client{b: c, afterHeader: func(n *big.Int) {
		if n != nil && n.Uint64() == 9 {
			if nines++; nines == 2 { // follow.Logs' read of block 9 after the logs: then the failover
				c.Head = 7
			}
		}
	}}
	ix := onIndexer(t, b, market)
	above, err := ix.SignersAbove(ctx, provider, 6)
	require.NoError(t, err)
	require.Empty(t, above, "read again from the node at 7: nothing above the book there")
	require.Equal(t, 2, nines, "block 9 was read before and after the logs, then the failover")
}
