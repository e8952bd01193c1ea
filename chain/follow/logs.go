package follow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// ErrLogsChanged means the logs of a range were not read as one view of the chain the range's last block
// is in: that block was not found or was another block when read before or after the logs, other nodes
// answered the three reads, or a log came from another block at its height, was marked removed or was from
// outside the range. The range was not read: the caller returns the error from its ReadFunc, and the
// follower hands the range out again at a later pass.
var ErrLogsChanged = errors.New("follow: the chain changed while the range's logs were read; the range is read again")

// LogBackend is a Backend that also reads logs (chain.Client implements it).
type LogBackend interface {
	Backend
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// logNodes is implemented by a backend over several nodes (chain.Client): each answer with the node that
// gave it, and moving on from a node found behind.
type logNodes interface {
	endpoints
	FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error)
}

// Logs returns the logs q selects (its addresses and topics; Logs sets the block range) in blocks from..to,
// in chain order, read as one view of the chain whose block to.Number is to: every ReadFunc that reads
// logs reads them through it. It reads to's header by number, the logs, then to's header again, and
// returns ErrLogsChanged (wrapped) unless both headers are to, one node gave all three answers (a backend
// over several nodes, chain.Client, says which node answered each), every log of block to.Number has to's
// hash, no log is marked removed and every log is in from..to. Three calls: the header, eth_getLogs, the
// header.
//
// Why: a node answers eth_getLogs for blocks past its own head with the logs it has (a client failed over
// to a node behind; a node whose chain a reorg made shorter), and the chain may change between the
// follower's read of to and the logs. The follower counts a range as read once its ReadFunc returns nil
// and never reads it again, so a log missing from the answer would be lost for good (a deposit never
// seen, a withdrawal never applied). A node that had block to before it answered the logs, and still has
// that block after, answered them from a chain holding every block of the range. The node is the one that
// answered, not the one a shared client asks now (another caller may move it meanwhile). A node found
// without block to is skipped (chain.Client.SkipEndpoint, as the follower does), so the next pass asks
// another. What one URL cannot tell apart: a balancer sending the three calls to different nodes behind
// it, one behind while answering the logs.
func Logs(ctx context.Context, b LogBackend, q ethereum.FilterQuery, from uint64, to *types.Header) ([]types.Log, error) {
	n := to.Number.Uint64()
	if from > n {
		return nil, fmt.Errorf("follow: logs %d-%d: an empty range", from, n)
	}
	q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).Set(to.Number)
	nodes, several := b.(logNodes)
	var ep endpoints // nil: b is one node
	if several {
		ep = nodes
	}
	// last reads to's header and returns the node that answered (headerAt: a node without it is skipped).
	last := func(when string) (int, error) {
		h, at, err := headerAt(ctx, b, ep, to.Number)
		switch {
		case errors.Is(err, ethereum.NotFound):
			return at, fmt.Errorf("%w: block %d not found %s the logs %d-%d: %w", ErrLogsChanged, n, when, from, n, err)
		case err != nil:
			return at, fmt.Errorf("follow: header %d: %w", n, err)
		case h.Hash() != to.Hash():
			return at, fmt.Errorf("%w: block %d is another block %s the logs %d-%d", ErrLogsChanged, n, when, from, n)
		}
		return at, nil
	}
	before, err := last("before")
	if err != nil {
		return nil, err
	}
	var (
		logs []types.Log
		at   int
	)
	if several {
		logs, at, err = nodes.FilterLogsAt(ctx, q)
	} else {
		logs, err = b.FilterLogs(ctx, q)
	}
	if err != nil {
		return nil, fmt.Errorf("follow: logs %d-%d: %w", from, n, err)
	}
	after, err := last("after")
	if err != nil {
		return nil, err
	}
	if before != at || at != after {
		return nil, fmt.Errorf("%w: nodes %d, %d and %d answered block %d, the logs %d-%d and block %d again", ErrLogsChanged,
			before, at, after, n, from, n, n)
	}
	for i := range logs {
		l := &logs[i]
		switch {
		case l.BlockNumber < from || l.BlockNumber > n:
			return nil, fmt.Errorf("%w: a log of block %d in the logs %d-%d", ErrLogsChanged, l.BlockNumber, from, n)
		case l.Removed:
			return nil, fmt.Errorf("%w: a log of block %d marked removed", ErrLogsChanged, l.BlockNumber)
		case l.BlockNumber == n && l.BlockHash != to.Hash():
			return nil, fmt.Errorf("%w: a log of another block %d", ErrLogsChanged, n)
		}
	}
	slices.SortStableFunc(logs, func(x, y types.Log) int {
		return cmp.Or(cmp.Compare(x.BlockNumber, y.BlockNumber), cmp.Compare(x.Index, y.Index))
	})
	return logs, nil
}
