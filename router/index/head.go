package index

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/protocol/settle"
)

// ErrHeadTooFar is returned by SignersAbove when the head is more than AboveRanges ranges of MaxRange
// blocks above the block asked from: the book is catching up.
var ErrHeadTooFar = errors.New("index: the chain's head is too far above the book")

// AboveRanges bounds the eth_getLogs calls of one reading of SignersAbove (it reads twice at most). The
// book always lags the head by its confirmations, which may exceed MaxRange (a node that caps eth_getLogs
// at a few blocks): one range alone would then never cover the gap, and every close judged by it would be
// refused.
const AboveRanges = 8

// SignersAbove returns provider's signer events (ProviderRegistered, ProviderUpdated: the key each bound,
// with its block and block time, in chain order) in the blocks above block up to the chain's head, read
// now from the chain: what a snapshot of block does not hold yet because those blocks are not confirmed
// (and may still be reorged away). It reads the head's header, then the blocks above block in ranges of
// MaxRange, at most AboveRanges (ErrHeadTooFar beyond), each as one view of the chain through follow.Logs
// (the range's last block's header, the logs, that header again, from one node: the last range ends at
// the head read, every other at its last block's header read by number), then, with several ranges,
// whether one node's chain holds the last blocks of them all (follow.Holds: a header each), then a header
// per block whose log lacks its time (setTimes).
//
// A node behind the head its client reported (a failover between the reads) answers eth_getLogs past its own
// head with the logs it has, a reorg between the reads mixes branches, and a node whose head is below block (the
// book was read from a node further on) has nothing above it to answer: each is follow.ErrLogsChanged, never a
// partial or mixed list (a block a log's time is read from not found, too). That the head's chain holds the
// book's block itself is not checked (a reorg deeper than the confirmations: "Still open" at router/api's
// checkProviderKeys). SignersAbove then reads once more, from the head as it is then: a reorg or a failover is
// over by then as a rule, and router/api's checkProviderKeys refuses on arrival a close its book refuses when
// the head is unread (one signed by the key a rotation in the book's lag bound, which the head's view keeps
// pending). A second ErrLogsChanged is returned (wrapped), which the caller handles as a head that cannot be
// read (errHeadUnread there).
func (ix *Indexer) SignersAbove(ctx context.Context, provider common.Address, block uint64) ([]settle.SignerSet, error) {
	out, err := ix.signersAbove(ctx, provider, block)
	if errors.Is(err, follow.ErrLogsChanged) {
		out, err = ix.signersAbove(ctx, provider, block)
	}
	return out, err
}

// signersAbove is one reading of SignersAbove, from the head as it is now.
func (ix *Indexer) signersAbove(ctx context.Context, provider common.Address, block uint64) ([]settle.SignerSet, error) {
	head, err := ix.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("index: head: %w", err)
	}
	to := head.Number.Uint64()
	switch {
	case to < block: // the book was read from a node further on: this one is behind it
		return nil, fmt.Errorf("index: %w: head %d below the book's block %d", follow.ErrLogsChanged, to, block)
	case to == block:
		return nil, nil
	}
	if to-block > AboveRanges*ix.cfg.MaxRange {
		return nil, fmt.Errorf("%w: head %d, book at %d, at most %d reads of %d blocks", ErrHeadTooFar, to, block, AboveRanges, ix.cfg.MaxRange)
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{ix.cfg.Contracts.Marketplace}, Topics: chain.SignerTopics(provider)}
	var (
		logs []types.Log
		ends = []follow.Block{{Number: to, Hash: head.Hash()}} // the head, then the last block of each range below the head's
	)
	for from := block + 1; from <= to; from += ix.cfg.MaxRange {
		last := head
		if n := from + ix.cfg.MaxRange - 1; n < to {
			last, err = ix.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
			switch {
			case errors.Is(err, ethereum.NotFound):
				return nil, fmt.Errorf("index: %w: block %d not found below head %d: %w", follow.ErrLogsChanged, n, to, err)
			case err != nil:
				return nil, fmt.Errorf("index: header %d: %w", n, err)
			}
			ends = append(ends, follow.Block{Number: n, Hash: last.Hash()})
		}
		l, err := follow.Logs(ctx, ix.backend, q, from, last)
		if err != nil {
			return nil, fmt.Errorf("index: signer logs %d-%d: %w", from, last.Number.Uint64(), err)
		}
		logs = append(logs, l...)
	}
	// Each range is one view of the chain its last block is in; the ranges are of one chain if one node
	// holds all those blocks after the reads (a client on a node on another branch for one range and back
	// before the head's range, or a reorg and back, would otherwise mix branches).
	if len(ends) > 1 {
		switch ok, err := follow.Holds(ctx, ix.backend, ends...); {
		case err != nil:
			return nil, fmt.Errorf("index: %w", err)
		case !ok:
			return nil, fmt.Errorf("index: %w: the last blocks of the ranges %d-%d are not one chain with head %d", follow.ErrLogsChanged, block+1, to, to)
		}
	}
	if err := setTimes(ctx, ix.backend, logs, head, func(*types.Log) bool { return true }); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	out := make([]settle.SignerSet, 0, len(logs))
	for _, l := range logs {
		_, set, ok, err := chain.SignerEvent(l)
		if err != nil {
			return nil, fmt.Errorf("index: signer log in block %d: %w", l.BlockNumber, err)
		}
		if ok {
			out = append(out, set)
		}
	}
	return out, nil
}
