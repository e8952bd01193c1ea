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
	"github.com/laketravis/laketravis/protocol/settle"
)

// ErrHeadTooFar is returned by SignersAbove when the head is more than AboveRanges ranges of MaxRange
// blocks above the block asked from: the book is catching up.
var ErrHeadTooFar = errors.New("index: the chain's head is too far above the book")

// AboveRanges bounds the eth_getLogs calls of one SignersAbove. The book always lags the head by its
// confirmations, which may exceed MaxRange (a node that caps eth_getLogs at a few blocks): one range
// alone would then never cover the gap, and every close judged by it would be refused.
const AboveRanges = 8

// SignersAbove returns provider's signer events (ProviderRegistered, ProviderUpdated: the key each bound,
// with its block and block time, in chain order) in the blocks above block up to the chain's head, read
// now from the chain: what a snapshot of block does not hold yet because those blocks are not confirmed
// (and may still be reorged away). An eth_getLogs per MaxRange blocks, at most AboveRanges (ErrHeadTooFar
// beyond), one header for the head and one per block whose log lacks its time.
func (ix *Indexer) SignersAbove(ctx context.Context, provider common.Address, block uint64) ([]settle.SignerSet, error) {
	head, err := ix.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("index: head: %w", err)
	}
	to := head.Number.Uint64()
	if to <= block {
		return nil, nil
	}
	if to-block > AboveRanges*ix.cfg.MaxRange {
		return nil, fmt.Errorf("%w: head %d, book at %d, at most %d reads of %d blocks", ErrHeadTooFar, to, block, AboveRanges, ix.cfg.MaxRange)
	}
	var logs []types.Log
	for from := block + 1; from <= to; from += ix.cfg.MaxRange {
		end := min(to, from+ix.cfg.MaxRange-1)
		q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from), ToBlock: new(big.Int).SetUint64(end),
			Addresses: []common.Address{ix.cfg.Contracts.Marketplace},
			Topics:    chain.SignerTopics(provider)}
		l, err := ix.backend.FilterLogs(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("index: signer logs %d-%d: %w", from, end, err)
		}
		logs = append(logs, l...)
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
