package index

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/protocol/settle"
)

// ErrHeadTooFar is returned by SignersAbove when the head is more than MaxRange blocks above the block
// asked from: the book is catching up, and one eth_getLogs cannot cover the gap.
var ErrHeadTooFar = errors.New("index: the chain's head is too far above the book")

// SignersAbove returns provider's signer events (ProviderRegistered, ProviderUpdated: the key each bound,
// with its block and block time, in chain order) in the blocks above block up to the chain's head, read
// now from the chain: what a snapshot of block does not hold yet because those blocks are not confirmed
// (and may still be reorged away). One eth_getLogs of at most MaxRange blocks (ErrHeadTooFar beyond), one
// header for the head and one per block whose log lacks its time.
func (ix *Indexer) SignersAbove(ctx context.Context, provider common.Address, block uint64) ([]settle.SignerSet, error) {
	head, err := ix.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("index: head: %w", err)
	}
	to := head.Number.Uint64()
	if to <= block {
		return nil, nil
	}
	if to-block > ix.cfg.MaxRange {
		return nil, fmt.Errorf("%w: head %d, book at %d, at most %d blocks a read", ErrHeadTooFar, to, block, ix.cfg.MaxRange)
	}
	a, err := marketplace.MarketplaceMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	q := ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(block + 1), ToBlock: head.Number,
		Addresses: []common.Address{ix.cfg.Contracts.Marketplace},
		Topics: [][]common.Hash{{a.Events["ProviderRegistered"].ID, a.Events["ProviderUpdated"].ID},
			{common.BytesToHash(provider.Bytes())}}}
	logs, err := ix.backend.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("index: signer logs %d-%d: %w", block+1, to, err)
	}
	if err := setTimes(ctx, ix.backend, logs, head, func(*types.Log) bool { return true }); err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	out := make([]settle.SignerSet, 0, len(logs))
	for _, l := range logs {
		if !l.Removed && len(l.Topics) == 3 {
			out = append(out, settle.SignerSet{Signer: common.BytesToAddress(l.Topics[2].Bytes()), Block: l.BlockNumber, Time: l.BlockTimestamp})
		}
	}
	return out, nil
}
