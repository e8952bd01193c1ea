package guard_test

import (
	"context"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/guard"
)

// laggingNode answers as a node whose head is at behind (0: not lagging); with failOverAt set, the next
// eth_getLogs fails over to a node at that block first (behind set to it).
type laggingNode struct {
	*chain.Client
	mu         sync.Mutex
	behind     uint64
	failOverAt uint64
}

// FilterLogs answers the logs the node has: none past its head, whatever the range asked.
func (b *laggingNode) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	b.mu.Lock()
	if b.failOverAt != 0 {
		b.behind, b.failOverAt = b.failOverAt, 0
	}
	h := b.behind
	b.mu.Unlock()
	if h != 0 && q.ToBlock != nil && q.ToBlock.Uint64() > h {
		if q.FromBlock != nil && q.FromBlock.Uint64() > h {
			return nil, nil
		}
		q.ToBlock = new(big.Int).SetUint64(h)
	}
	return b.Client.FilterLogs(ctx, q)
}

// FilterLogsAt is follow.Logs' read (chain.Client's, endpoint 0 of one) as FilterLogs answers it.
func (b *laggingNode) FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error) {
	logs, err := b.FilterLogs(ctx, q)
	return logs, 0, err
}

func (b *laggingNode) at() uint64 { b.mu.Lock(); defer b.mu.Unlock(); return b.behind }

func (b *laggingNode) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	if h := b.at(); h != 0 {
		if n == nil {
			n = new(big.Int).SetUint64(h)
		} else if n.Uint64() > h {
			return nil, ethereum.NotFound
		}
	}
	return b.Client.HeaderByNumber(ctx, n)
}

// HeaderByNumberAt is the follower's read (chain.Client's, endpoint 0 of one) as HeaderByNumber answers it.
func (b *laggingNode) HeaderByNumberAt(ctx context.Context, n *big.Int) (*types.Header, int, error) {
	h, err := b.HeaderByNumber(ctx, n)
	return h, 0, err
}

func (b *laggingNode) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	if h := b.at(); h != 0 && n == nil {
		n = new(big.Int).SetUint64(h)
	}
	return b.Client.CallContract(ctx, msg, n)
}

func (b *laggingNode) HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error) {
	hd, err := b.Client.HeaderByHash(ctx, hash)
	if h := b.at(); err == nil && h != 0 && hd.Number.Uint64() > h {
		return nil, ethereum.NotFound
	}
	return hd, err
}

// laggingGuard commits epoch 0 (its file never served) on anvil and returns a guard (confirmations 1)
// reading it through a laggingNode, failOver blocks from the commit's block: its next eth_getLogs fails
// over to a node at that block (0: none), the commit's block and the observed log.
func laggingGuard(t *testing.T, ctx context.Context, failOver int64) (*guard.Guard, *laggingNode, uint64, *observer.ObservedLogs) {
	t.Helper()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	srv := httptest.NewServer(&files{byID: map[string][]byte{}})
	t.Cleanup(srv.Close)
	root, total, _ := tree(t, map[string]uint64{"0xa1": 100})
	commit := c.CommitRoot(0, root, total, common.Hash{0xbb}, srv.URL+"/v1/batches/0").BlockNumber.Uint64()
	backend := &laggingNode{Client: client}
	if failOver != 0 {
		backend.failOverAt = uint64(int64(commit) + failOver)
	}
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: backend, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet()})
	require.NoError(t, err)
	return g, backend, commit, logs
}

// TestGuardLaggingNodeKeepsCommit (from a review): after a failover to a node one block behind a followed
// commit, the follower waits (follow.ErrBehind) and the guard leaves the commit undecided: that node's pool
// has no such epoch, which decide took for a discard and dropped the commit for good (its block is not read
// again once the node catches up: the same hash). Caught up, the commit is still followed.
func TestGuardLaggingNodeKeepsCommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	g, backend, commit, logs := laggingGuard(t, ctx, 0)
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending())

	backend.mu.Lock()
	backend.behind = commit - 1 // failover to a node one block behind the commit
	backend.mu.Unlock()
	require.NoError(t, g.Step(ctx), "the wait is logged, not an error")
	require.NotEmpty(t, logs.FilterMessage("RootCommitted events: the node is behind the blocks read, waiting for it").All(), "%v", logs.All())
	require.Equal(t, []uint64{0}, g.Pending(), "not decided while the node is behind: %v", logs.All())

	backend.mu.Lock()
	backend.behind = 0 // caught up
	backend.mu.Unlock()
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "still followed once the node caught up: %v", logs.All())
	require.Empty(t, logs.FilterMessage("epoch discarded before the guard decided it (vetoed)").All(), "%v", logs.All())
}

// TestGuardNodeBehindLosesNoCommit: the chain client fails over, between the follower's read of a range's
// last block and the range's RootCommitted logs, to a node one block behind the commit, which answers the
// logs it has: none. The range is refused (follow.ErrLogsChanged, the step's error) and read again: once
// the node has caught up, the commit is followed. Before, the range counted as read and the commit was
// never checked, nor vetoed.
func TestGuardNodeBehindLosesNoCommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	g, backend, _, logs := laggingGuard(t, ctx, -1)
	require.ErrorIs(t, g.Step(ctx), follow.ErrLogsChanged, "the logs answered by a node behind the commit")
	require.Empty(t, g.Pending())
	require.NoError(t, g.Step(ctx), "the node behind: the blocks it has")
	require.Empty(t, g.Pending())

	backend.mu.Lock()
	backend.behind = 0 // caught up
	backend.mu.Unlock()
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "the commit followed once the node caught up: %v", logs.All())
}
