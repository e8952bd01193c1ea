package follow_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/chain/follow/followtest"
)

// at is a log of block n with index i (followtest stamps its block hash).
func at(n uint64, i uint) types.Log {
	return types.Log{Address: common.Address{0xc0}, BlockNumber: n, Index: i, Topics: []common.Hash{{0x01}}}
}

// blocks returns the block and index of each log.
func blocks(logs []types.Log) [][2]uint64 {
	out := [][2]uint64{}
	for _, l := range logs {
		out = append(out, [2]uint64{l.BlockNumber, uint64(l.Index)})
	}
	return out
}

// TestLogsOneView: an honest node's logs of a range are returned, in chain order, those of the blocks
// outside the range left out.
func TestLogsOneView(t *testing.T) {
	chain := followtest.New(12, at(7, 0), at(3, 1), at(3, 0), at(10, 0), at(1, 0), at(11, 0))
	logs, err := follow.Logs(context.Background(), chain, ethereum.FilterQuery{}, 2, chain.Header(10))
	require.NoError(t, err)
	require.Equal(t, [][2]uint64{{3, 0}, {3, 1}, {7, 0}, {10, 0}}, blocks(logs))
	for _, l := range logs {
		require.Equal(t, chain.Header(l.BlockNumber).Hash(), l.BlockHash)
	}
}

// TestLogsPastTheNodesHead: a client that fails over, between the follower's read of a range's last block
// and the range's logs, to a node behind that block gets from it the logs it has, a partial list. Logs
// refuses it (ErrLogsChanged, nothing returned) and the follower hands the range out again: once the node
// has caught up, every log has been read, once. Before (a ReadFunc calling FilterLogs alone), the range
// counted as read and the logs past the node's head were lost for good.
func TestLogsPastTheNodesHead(t *testing.T) {
	ctx := context.Background()
	chain := followtest.New(12, at(5, 0), at(11, 0))
	b := chain.FailOver(8) // at the first eth_getLogs: a node at block 8
	f := follow.New(b, follow.Config{}, nil)
	var read [][2]uint64
	sync := func() error {
		_, err := f.Sync(ctx, func(ctx context.Context, from uint64, to *types.Header) error {
			logs, err := follow.Logs(ctx, b, ethereum.FilterQuery{}, from, to)
			if err != nil {
				require.Nil(t, logs, "nothing returned with an error")
				return err
			}
			read = append(read, blocks(logs)...)
			return nil
		}, func(context.Context, follow.Reorg) error {
			t.Fatal("no reorg")
			return nil
		})
		return err
	}

	err := sync() // blocks 0-12 handed out at head 12; their logs answered by the node at 8
	require.ErrorIs(t, err, follow.ErrLogsChanged)
	require.ErrorIs(t, err, ethereum.NotFound, "that node has no block 12")
	require.Empty(t, read)

	require.NoError(t, sync()) // the node at 8: blocks 0-8
	require.Equal(t, [][2]uint64{{5, 0}}, read)

	chain.Head = 12 // caught up: blocks 9-12
	require.NoError(t, sync())
	require.Equal(t, [][2]uint64{{5, 0}, {11, 0}}, read, "block 11's log read once the node has it, every log once")
}

// node is a followtest chain over several nodes, as chain.Client: what eth_getLogs answered (logs), the
// node that gave each answer in call order (answers; 0 once they run out) and the nodes skipped.
type node struct {
	*followtest.Chain
	logs    func([]types.Log) []types.Log
	answers []int
	skipped []int
}

func (n *node) answer() int {
	if len(n.answers) == 0 {
		return 0
	}
	at := n.answers[0]
	n.answers = n.answers[1:]
	return at
}

func (n *node) FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error) {
	logs, err := n.Chain.FilterLogs(ctx, q)
	if n.logs != nil {
		logs = n.logs(logs)
	}
	return logs, n.answer(), err
}

func (n *node) HeaderByNumberAt(ctx context.Context, number *big.Int) (*types.Header, int, error) {
	h, err := n.Chain.HeaderByNumber(ctx, number)
	return h, n.answer(), err
}

func (n *node) SkipEndpoint(i int) { n.skipped = append(n.skipped, i) }

// TestLogsRefusesAnotherView: Logs returns ErrLogsChanged, and no log, when the range's last block is
// replaced between the logs and its header read again after them (a reorg: the logs may be of either fork,
// partly), when the three answers did not all come from one node (a client failing over between them, or
// moved by another caller while it asked for the logs: the node that answered them may not have had the
// block), when the node had not the block before it answered the logs (a node behind that caught up
// between the reads: its answer may miss the logs it had not yet), when a log of the last block is of
// another block at that height, when a log is marked removed, and when a log is of a block outside the
// range. A node found without the block is skipped.
func TestLogsRefusesAnotherView(t *testing.T) {
	for _, c := range []struct {
		name    string
		setup   func(n *node)
		want    string
		skipped []int
	}{
		{"reorg after the logs", func(n *node) {
			n.logs = func(l []types.Log) []types.Log { n.Reorg(9, 10); return l }
		}, "block 10 is another block after", nil},
		{"failover after the logs", func(n *node) { n.answers = []int{0, 0, 1} }, "nodes 0, 0 and 1 answered", nil},
		{"the logs from another node than the headers", func(n *node) { n.answers = []int{1, 0, 1} }, "nodes 1, 0 and 1 answered", nil},
		{"a node behind catching up between the reads", func(n *node) {
			n.Head, n.answers = 8, []int{2, 2, 2}
			n.logs = func(l []types.Log) []types.Log { n.Head = 12; return l }
		}, "block 10 not found before", []int{2}},
		{"a node behind answering the logs", func(n *node) {
			n.logs = func(l []types.Log) []types.Log { n.Head = 8; return l[:1] }
		}, "block 10 not found after", []int{0}},
		{"a log of another block 10", func(n *node) {
			n.logs = func(l []types.Log) []types.Log { l[len(l)-1].BlockHash = common.Hash{0xbb}; return l }
		}, "a log of another block 10", nil},
		{"a removed log", func(n *node) {
			n.logs = func(l []types.Log) []types.Log { l[0].Removed = true; return l }
		}, "a log of block 3 marked removed", nil},
		{"a log below the range", func(n *node) {
			n.logs = func(l []types.Log) []types.Log { return append(l, at(1, 0)) }
		}, "a log of block 1 in the logs 2-10", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			n := &node{Chain: followtest.New(12, at(3, 0), at(7, 0), at(10, 0))}
			to := n.Header(10)
			c.setup(n)
			logs, err := follow.Logs(context.Background(), n, ethereum.FilterQuery{}, 2, to)
			require.ErrorIs(t, err, follow.ErrLogsChanged)
			require.ErrorContains(t, err, c.want)
			require.Nil(t, logs)
			require.Equal(t, c.skipped, n.skipped, "nodes skipped")
		})
	}
}

// TestHolds: Holds is true only when one node has every block asked about with its hash: false for a block a
// reorg replaced, for a block past the node's head (skipped), and for answers from two nodes.
func TestHolds(t *testing.T) {
	ctx := context.Background()
	c := followtest.New(20)
	b5, b10 := c.Block(5), c.Block(10)
	ok, err := follow.Holds(ctx, c, b5, b10)
	require.NoError(t, err)
	require.True(t, ok, "one node with both blocks")

	ok, err = follow.Holds(ctx, c, c.Block(21))
	require.NoError(t, err)
	require.False(t, ok, "a block past the head")

	n := &node{Chain: c, answers: []int{0, 1}}
	ok, err = follow.Holds(ctx, n, b5, b10)
	require.NoError(t, err)
	require.False(t, ok, "two nodes answered")
	n = &node{Chain: c, answers: []int{1, 1}}
	ok, err = follow.Holds(ctx, n, b5, b10)
	require.NoError(t, err)
	require.True(t, ok, "one node, not the first, answered both")
	n = &node{Chain: c, answers: []int{2}}
	ok, err = follow.Holds(ctx, n, c.Block(30))
	require.NoError(t, err)
	require.False(t, ok)
	require.Equal(t, []int{2}, n.skipped, "the node without the block is skipped")

	c.Reorg(8, 20)
	ok, err = follow.Holds(ctx, c, b5)
	require.NoError(t, err)
	require.True(t, ok, "a block below the fork")
	ok, err = follow.Holds(ctx, c, b5, b10)
	require.NoError(t, err)
	require.False(t, ok, "a block the reorg replaced")
}
