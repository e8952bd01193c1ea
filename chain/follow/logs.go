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
// is in: that block was not found or was another block when read again after the logs, another node
// answered the two reads, or a log came from another block at its height, was marked removed or was from
// outside the range. The range was not read: the caller returns the error from its ReadFunc, and the
// follower hands the range out again at a later pass.
var ErrLogsChanged = errors.New("follow: the chain changed while the range's logs were read; the range is read again")

// LogBackend is a Backend that also reads logs (chain.Client implements it).
type LogBackend interface {
	Backend
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// endpoint is implemented by a backend over several nodes (chain.Client): the node it asks now.
type endpoint interface{ Endpoint() int }

// Logs returns the logs q selects (its addresses and topics; Logs sets the block range) in blocks from..to,
// in chain order, read as one view of the chain whose block to.Number is to: every ReadFunc that reads
// logs reads them through it. It reads the logs, then to's header again by number, and returns
// ErrLogsChanged (wrapped) unless that header is to, every log of block to.Number has to's hash, no log is
// marked removed and every log is in from..to. Two calls: eth_getLogs and the header.
//
// Why: a node answers eth_getLogs for blocks past its own head with the logs it has (a client failed over
// to a node behind; a node whose chain a reorg made shorter), and the chain may change between the
// follower's read of to and the logs. The follower counts a range as read once its ReadFunc returns nil
// and never reads it again, so a log missing from the answer would be lost for good (a deposit never
// seen, a withdrawal never applied). A node that has block to, the same one, after it answered the logs
// had it when it answered, so its answer covers the range. The client sticks to the node that answered
// (chain.Client's failover rule) and so asks it for the header too; a backend over several nodes that
// reports its node (chain.Client's Endpoint) and moved to another between the two answers is not trusted
// either (ErrLogsChanged). The hash of a log of an earlier block is the caller's to check, where it reads
// that block's header (its time).
func Logs(ctx context.Context, b LogBackend, q ethereum.FilterQuery, from uint64, to *types.Header) ([]types.Log, error) {
	n := to.Number.Uint64()
	q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).Set(to.Number)
	logs, err := b.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("follow: logs %d-%d: %w", from, n, err)
	}
	ep, several := b.(endpoint)
	at := 0
	if several {
		at = ep.Endpoint()
	}
	again, err := b.HeaderByNumber(ctx, to.Number)
	switch {
	case errors.Is(err, ethereum.NotFound):
		return nil, fmt.Errorf("%w: block %d not found after the logs %d-%d: %w", ErrLogsChanged, n, from, n, err)
	case err != nil:
		return nil, fmt.Errorf("follow: header %d: %w", n, err)
	case several && ep.Endpoint() != at:
		return nil, fmt.Errorf("%w: another node answered block %d than the logs %d-%d", ErrLogsChanged, n, from, n)
	case again.Hash() != to.Hash():
		return nil, fmt.Errorf("%w: block %d is another block after the logs %d-%d", ErrLogsChanged, n, from, n)
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
