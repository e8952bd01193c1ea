// Package followtest is a chain for the tests of what follows one (chain/follow and its callers), in the
// manner of net/http/httptest: headers and logs in memory, and blocks a test replaces (a reorg), each
// replacement changing the block's hash and so the parent hash of the block above. Tests only.
package followtest

import (
	"context"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/chain/follow"
)

// Chain is a chain of blocks 0..Head, block n at time 1,000 + n, with the logs given (by BlockNumber). It
// implements follow.Backend and bind.ContractFilterer's FilterLogs. Not safe for concurrent use.
type Chain struct {
	Head uint64
	Logs []types.Log // FilterLogs stamps each with its block's current hash
	fork map[uint64]uint64
}

// New returns a chain whose head is head, holding logs.
func New(head uint64, logs ...types.Log) *Chain {
	return &Chain{Head: head, Logs: logs, fork: map[uint64]uint64{}}
}

// Header returns block n's header as it is now (whether or not n is past the head).
func (c *Chain) Header(n uint64) *types.Header {
	h := &types.Header{Number: new(big.Int).SetUint64(n), Time: 1000 + n, Extra: big.NewInt(int64(c.fork[n])).Bytes()}
	if n > 0 {
		h.ParentHash = c.Header(n - 1).Hash()
	}
	return h
}

// Block returns block n as follow hands it out.
func (c *Chain) Block(n uint64) follow.Block {
	h := c.Header(n)
	return follow.Block{Number: n, Hash: h.Hash(), Time: h.Time}
}

// HeaderByNumber returns the head for nil, ethereum.NotFound past it.
func (c *Chain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n == nil {
		return c.Header(c.Head), nil
	}
	if n.Uint64() > c.Head {
		return nil, ethereum.NotFound
	}
	return c.Header(n.Uint64()), nil
}

// FilterLogs returns the logs of the blocks in q's range up to the head (addresses and topics are not
// filtered), each with its block's hash.
func (c *Chain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var out []types.Log
	for _, l := range c.Logs {
		if l.BlockNumber >= q.FromBlock.Uint64() && l.BlockNumber <= q.ToBlock.Uint64() && l.BlockNumber <= c.Head {
			l.BlockHash = c.Header(l.BlockNumber).Hash()
			out = append(out, l)
		}
	}
	return out, nil
}

// SubscribeFilterLogs is not supported.
func (c *Chain) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	return nil, errors.New("followtest: no subscriptions")
}

// Reorg replaces the blocks from on with a new fork whose head is head (shorter or longer), holding logs
// instead of the replaced blocks' logs.
func (c *Chain) Reorg(from, head uint64, logs ...types.Log) {
	kept := c.Logs[:0]
	for _, l := range c.Logs {
		if l.BlockNumber < from {
			kept = append(kept, l)
		}
	}
	c.Logs = append(kept, logs...)
	for n := from; n <= max(head, c.Head); n++ {
		c.fork[n]++
	}
	c.Head = head
}

// FailOver returns c behind a client that fails over, at its first eth_getLogs, to a node whose head is head
// and stays on it, as chain.Client does when the node it asks fails: from that call on every answer, the
// logs' (up to head only, whatever the range asked) and the headers', is that node's (c.Head set to head),
// until the test sets c.Head again (the node caught up).
func (c *Chain) FailOver(head uint64) *Behind {
	return &Behind{Chain: c, head: head}
}

// Behind is a Chain behind a client that fails over to a node behind (FailOver).
type Behind struct {
	*Chain
	head  uint64
	moved bool
}

// FilterLogs moves to the node behind at the first call, then answers as Chain.FilterLogs.
func (b *Behind) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if !b.moved {
		b.moved, b.Chain.Head = true, b.head
	}
	return b.Chain.FilterLogs(ctx, q)
}
