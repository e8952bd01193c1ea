package follow_test

import (
	"context"
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/chain/follow/followtest"
)

// caller records what the follower hands out: the ranges read (as [from, to]) and the reorgs.
type caller struct {
	chain   *followtest.Chain
	ranges  [][2]uint64
	reorgs  []follow.Reorg
	failing error // returned by read when set
}

func (r *caller) sync(t *testing.T, f *follow.Follower) follow.Tip {
	t.Helper()
	tip, err := f.Sync(context.Background(), func(_ context.Context, from uint64, to *types.Header) error {
		if r.failing != nil {
			return r.failing
		}
		require.Equal(t, r.chain.Header(to.Number.Uint64()).Hash(), to.Hash(), "a canonical header")
		r.ranges = append(r.ranges, [2]uint64{from, to.Number.Uint64()})
		return nil
	}, func(_ context.Context, g follow.Reorg) error {
		r.reorgs = append(r.reorgs, g)
		return nil
	})
	require.NoError(t, err)
	return tip
}

// take returns and forgets what was handed out since the last take.
func (r *caller) take() ([][2]uint64, []follow.Reorg) {
	ranges, reorgs := r.ranges, r.reorgs
	r.ranges, r.reorgs = nil, nil
	return ranges, reorgs
}

// TestConfirmed states the depth convention: block B has head-B+1 confirmations; 0 counts as 1.
func TestConfirmed(t *testing.T) {
	for _, c := range []struct {
		head, n, want uint64
		ok            bool
	}{
		{10, 0, 10, true}, {10, 1, 10, true}, {10, 2, 9, true}, {10, 3, 8, true},
		{10, 11, 0, true}, {10, 12, 0, false}, {0, 1, 0, true}, {0, 2, 0, false},
	} {
		got, ok := follow.Confirmed(c.head, c.n)
		require.Equal(t, c.ok, ok, "head %d, %d confirmations", c.head, c.n)
		require.Equal(t, c.want, got, "head %d, %d confirmations", c.head, c.n)
	}
}

// TestDepth: only blocks with the confirmations asked for are handed out, in ranges of at most MaxRange
// from the start block; nothing before the chain is deep enough (ErrNotConfirmed).
func TestDepth(t *testing.T) {
	ctx := context.Background()
	chain := followtest.New(1)
	r := &caller{chain: chain}
	f := follow.New(chain, follow.Config{Start: 2, Confirmations: 3, MaxRange: 4}, nil)
	_, err := f.Sync(ctx, nil, nil)
	require.ErrorIs(t, err, follow.ErrNotConfirmed, "head 1: no block has 3 confirmations")

	chain.Head = 3 // block 1 has 3 confirmations, but reading starts at 2
	tip := r.sync(t, f)
	require.Equal(t, follow.Tip{Head: 3, Final: chain.Block(1)}, tip)
	ranges, _ := r.take()
	require.Empty(t, ranges)

	chain.Head = 12
	tip = r.sync(t, f)
	require.Equal(t, follow.Tip{Head: 12, Final: chain.Block(10)}, tip)
	ranges, reorgs := r.take()
	require.Equal(t, [][2]uint64{{2, 5}, {6, 9}, {10, 10}}, ranges)
	require.Empty(t, reorgs)
	last, ok := f.Last()
	require.True(t, ok)
	require.Equal(t, chain.Block(10), last)

	r.sync(t, f) // nothing new
	ranges, _ = r.take()
	require.Empty(t, ranges)

	zero := follow.New(chain, follow.Config{Start: 11}, nil) // 0 confirmations: every mined block
	require.Equal(t, chain.Block(12), r.sync(t, zero).Final)
	ranges, _ = r.take()
	require.Equal(t, [][2]uint64{{11, 12}}, ranges)
}

// TestReorgWithinDepthNeverSurfaces: blocks replaced before they have the confirmations were never handed
// out; the follower reads on from the new fork without a reorg.
func TestReorgWithinDepthNeverSurfaces(t *testing.T) {
	chain := followtest.New(10)
	r := &caller{chain: chain}
	f := follow.New(chain, follow.Config{Confirmations: 3}, nil)
	r.sync(t, f) // 0..8
	chain.Reorg(9, 10)
	r.sync(t, f)
	chain.Reorg(9, 12) // blocks 9 and 10 replaced again, two more mined
	r.sync(t, f)
	ranges, reorgs := r.take()
	require.Equal(t, [][2]uint64{{0, 8}, {9, 10}}, ranges)
	require.Empty(t, reorgs)
	last, _ := f.Last()
	require.Equal(t, chain.Block(10), last, "block 10 of the new fork")
}

// TestReorgDeeperThanDepth: a replaced block that was handed out is reported with the newest handed-out
// block still canonical as the fork point, and the follower reads again from above it: whether the last
// block read was replaced, the chain got shorter, or a new block's parent is not the last block read.
func TestReorgDeeperThanDepth(t *testing.T) {
	chain := followtest.New(4)
	r := &caller{chain: chain}
	f := follow.New(chain, follow.Config{Confirmations: 2, MaxRange: 2}, nil)
	r.sync(t, f) // ranges 0-1, 2-3
	chain.Head = 8
	r.sync(t, f) // 4-5, 6-7
	ranges, _ := r.take()
	require.Equal(t, [][2]uint64{{0, 1}, {2, 3}, {4, 5}, {6, 7}}, ranges)

	// Blocks from 5 replaced, head 9: of the range ends 7, 5, 3 and 1, block 3 is the fork point.
	old7 := chain.Block(7)
	chain.Reorg(5, 9)
	r.sync(t, f)
	ranges, reorgs := r.take()
	require.Equal(t, []follow.Reorg{{Last: old7, Fork: chain.Block(3), Found: true, ReadFrom: 4}}, reorgs)
	require.Equal(t, [][2]uint64{{4, 5}, {6, 7}, {8, 8}}, ranges)

	// The chain gets shorter than what was read: no block 8 any more. To one node that is a node behind
	// (ErrBehind): waited for, nothing rolled back, until a block 8 comes again, the new fork's.
	old8 := chain.Block(8)
	chain.Reorg(8, 7)
	_, err := f.Sync(context.Background(), func(context.Context, uint64, *types.Header) error { return nil },
		func(context.Context, follow.Reorg) error { return errors.New("no rollback while the block is missing") })
	require.ErrorIs(t, err, follow.ErrBehind)
	chain.Reorg(8, 8)
	r.sync(t, f)
	ranges, reorgs = r.take()
	require.Equal(t, []follow.Reorg{{Last: old8, Fork: chain.Block(7), Found: true, ReadFrom: 8}}, reorgs)
	require.Empty(t, ranges, "head 8: block 7 is the newest with 2 confirmations, and read")

	// One new block whose parent (7) is not the block read at 7.
	old7 = chain.Block(7)
	chain.Reorg(7, 9)
	r.sync(t, f)
	ranges, reorgs = r.take()
	require.Equal(t, []follow.Reorg{{Last: old7, Fork: chain.Block(5), Found: true, ReadFrom: 6}}, reorgs)
	require.Equal(t, [][2]uint64{{6, 7}, {8, 8}}, ranges)

	// Past every remembered block (Keep 2: ends 7 and 8): read everything again from the start.
	old8 = chain.Block(8)
	small := follow.New(chain, follow.Config{Confirmations: 2, Keep: 2}, []follow.Block{chain.Block(3), chain.Block(7), chain.Block(8)})
	chain.Reorg(6, 10)
	r.sync(t, small)
	ranges, reorgs = r.take()
	require.Equal(t, []follow.Reorg{{Last: old8, ReadFrom: 0}}, reorgs, "block 3 was not remembered")
	require.Equal(t, [][2]uint64{{0, 9}}, ranges)
}

// TestNodeBehindIsNoReorg: after a failover to a node behind the blocks handed out (its head below them, the
// blocks it has the same), the follower waits (ErrBehind) and rolls nothing back; caught up, it reads on.
// Before, a block the node did not have was taken for replaced: every block above its head was rolled
// back, its caller dropping what it had read there, and read again once the node caught up.
func TestNodeBehindIsNoReorg(t *testing.T) {
	chain := followtest.New(10)
	r := &caller{chain: chain}
	f := follow.New(chain, follow.Config{Confirmations: 2, MaxRange: 3}, nil)
	r.sync(t, f) // 0-2, 3-5, 6-8
	r.take()
	behind := followtest.New(6) // the same blocks, up to 6
	lagging := follow.New(behind, follow.Config{Confirmations: 2, MaxRange: 3}, []follow.Block{chain.Block(2), chain.Block(5), chain.Block(8)})
	for range 2 {
		_, err := lagging.Sync(context.Background(), func(context.Context, uint64, *types.Header) error { return errors.New("nothing to read") },
			func(context.Context, follow.Reorg) error { return errors.New("not a reorg") })
		require.ErrorIs(t, err, follow.ErrBehind)
	}
	behind.Head = 12 // caught up and past
	r.chain = behind
	r.sync(t, lagging)
	ranges, reorgs := r.take()
	require.Empty(t, reorgs)
	require.Equal(t, [][2]uint64{{9, 11}}, ranges, "read on after block 8, nothing read twice")
}

// TestRestartResumes: a follower handed back the range ends a previous one handed out (any order) reads
// on after them, and finds a reorg that happened while it was down.
func TestRestartResumes(t *testing.T) {
	chain := followtest.New(10)
	r := &caller{chain: chain}
	first := follow.New(chain, follow.Config{Start: 1, Confirmations: 1, MaxRange: 5}, nil)
	r.sync(t, first)
	ranges, _ := r.take()
	require.Equal(t, [][2]uint64{{1, 5}, {6, 10}}, ranges)

	chain.Head = 12
	again := follow.New(chain, follow.Config{Start: 1, Confirmations: 1, MaxRange: 5}, []follow.Block{chain.Block(10), chain.Block(5)})
	r.sync(t, again)
	ranges, reorgs := r.take()
	require.Equal(t, [][2]uint64{{11, 12}}, ranges, "nothing read twice, nothing missed")
	require.Empty(t, reorgs)

	kept := []follow.Block{chain.Block(5), chain.Block(10), chain.Block(12)}
	chain.Reorg(7, 14) // while down
	again = follow.New(chain, follow.Config{Start: 1, Confirmations: 1, MaxRange: 5}, kept)
	r.sync(t, again)
	ranges, reorgs = r.take()
	require.Equal(t, []follow.Reorg{{Last: kept[2], Fork: chain.Block(5), Found: true, ReadFrom: 6}}, reorgs)
	require.Equal(t, [][2]uint64{{6, 10}, {11, 14}}, ranges)
}

// TestCallerErrors: a range whose read fails is not counted as read (handed out again next pass); a
// rollback that fails leaves the blocks remembered (reported again next pass).
func TestCallerErrors(t *testing.T) {
	ctx := context.Background()
	chain := followtest.New(3)
	r := &caller{chain: chain}
	f := follow.New(chain, follow.Config{MaxRange: 2}, nil)
	r.failing = errors.New("disk full")
	_, err := f.Sync(ctx, func(context.Context, uint64, *types.Header) error { return r.failing }, nil)
	require.ErrorIs(t, err, r.failing)
	_, ok := f.Last()
	require.False(t, ok)
	r.failing = nil
	r.sync(t, f)
	ranges, _ := r.take()
	require.Equal(t, [][2]uint64{{0, 1}, {2, 3}}, ranges)

	old3 := chain.Block(3)
	chain.Reorg(2, 3)
	boom := errors.New("rollback failed")
	_, err = f.Sync(ctx, nil, func(context.Context, follow.Reorg) error { return boom })
	require.ErrorIs(t, err, boom)
	last, _ := f.Last()
	require.Equal(t, old3, last, "still remembered")
	r.sync(t, f)
	ranges, reorgs := r.take()
	require.Equal(t, []follow.Reorg{{Last: old3, Fork: chain.Block(1), Found: true, ReadFrom: 2}}, reorgs)
	require.Equal(t, [][2]uint64{{2, 3}}, ranges)
}
