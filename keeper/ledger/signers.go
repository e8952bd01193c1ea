// SignerHistory: every provider's signer keys as the Marketplace's ProviderRegistered and ProviderUpdated
// events set them, read once, forward, in bounded ranges from the deployment's start block through
// chain/follow (as ChainDeposits), and kept in memory.

package ledger

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/chain/follow"
)

// ErrSignersNotFinal: a key is not (yet) known as the provider's signer and the chain is not final past the
// record's close, so a registration may still come. The caller retries later; it is never a rejection.
var ErrSignersNotFinal = errors.New("ledger: provider signers as of the close not final yet")

// SignerHistory answers whether a key is, or was, a provider's signer.
//
// Rule: signer is the provider's if a ProviderRegistered or ProviderUpdated event in a final block (the
// keeper's --confirmations) set it as the provider's signer: the current key or one the provider rotated
// away from (receipts signed before a rotation stay valid). A key no final event set is refused only once
// the chain is final past the record's close: the newest final block is later than closedAt, or
// (confirmations 1) every block up to the head is final and the keeper's clock was past closedAt when the
// head was read. Before that it is ErrSignersNotFinal, never a rejection: a registration in a block not
// final yet is waited for. Every keeper that asks after that point gets the same answer, unless the provider
// registers the key later still (its own key, after the close: see keeper/README.md "Provider signers").
//
// Cost: a known key needs no call; an unknown one one pass of the follower (the head's header, and logs of
// the new blocks only, in ranges of at most MaxRange blocks), never a scan of the whole history.
type SignerHistory struct {
	addr          common.Address
	market        *marketplace.MarketplaceFilterer
	backend       ChainBackend
	topics        [2]common.Hash // ProviderRegistered, ProviderUpdated
	confirmations uint64
	now           func() time.Time
	log           *zap.Logger

	mu      sync.Mutex
	follow  *follow.Follower
	tip     follow.Tip                       // of the last complete pass
	tipAt   uint64                           // the keeper's clock when that pass began
	synced  bool                             // a pass completed since the last reorg
	signers map[common.Address][]signerEvent // by provider, in chain order
}

// signerEvent is a key a provider registered or updated to, in block.
type signerEvent struct {
	signer common.Address
	block  uint64
}

// SignerConfig configures a SignerHistory.
type SignerConfig struct {
	Start         uint64           // the deployment's start block
	Confirmations uint64           // read blocks with at least this many confirmations (0 counts as 1)
	MaxRange      uint64           // blocks per eth_getLogs (0: logRange)
	Now           func() time.Time // the keeper's clock (nil: time.Now)
	Log           *zap.Logger      // nil: none
}

// NewSignerHistory follows the Marketplace at addr as cfg says. It makes no call.
func NewSignerHistory(addr common.Address, backend ChainBackend, cfg SignerConfig) (*SignerHistory, error) {
	now, log := cfg.Now, cfg.Log
	f, err := marketplace.NewMarketplaceFilterer(addr, backend)
	if err != nil {
		return nil, err
	}
	a, err := marketplace.MarketplaceMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = zap.NewNop()
	}
	fol := logFollower(backend, cfg.Start, cfg.Confirmations, cfg.MaxRange)
	return &SignerHistory{addr: addr, market: f, backend: backend, follow: fol, now: now, log: log,
		topics:        [2]common.Hash{a.Events["ProviderRegistered"].ID, a.Events["ProviderUpdated"].ID},
		confirmations: max(cfg.Confirmations, 1), signers: map[common.Address][]signerEvent{}}, nil
}

// WasSigner reports whether signer is, or was, provider's signer, for a record closed at closedAt (the rule
// above). Errors: ErrSignersNotFinal (wrapped), or the RPC's.
func (h *SignerHistory) WasSigner(ctx context.Context, provider, signer common.Address, closedAt uint64) (bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.known(provider, signer) {
		return true, nil
	}
	if !h.synced || !h.settled(closedAt) {
		at := uint64(h.now().Unix())
		tip, err := h.follow.Sync(ctx, h.readRange, h.rollback)
		if err != nil && !errors.Is(err, follow.ErrNotConfirmed) {
			return false, err
		}
		h.tip, h.tipAt, h.synced = tip, at, err == nil
		if h.known(provider, signer) {
			return true, nil
		}
	}
	if !h.synced || !h.settled(closedAt) {
		return false, fmt.Errorf("%w: block %d (time %d) is the newest %d deep, the record closed at %d; head %d",
			ErrSignersNotFinal, h.tip.Final.Number, h.tip.Final.Time, h.confirmations, closedAt, h.tip.Head)
	}
	return false, nil
}

// known reports whether an event read so far set signer as provider's. h.mu held.
func (h *SignerHistory) known(provider, signer common.Address) bool {
	for _, e := range h.signers[provider] {
		if e.signer == signer {
			return true
		}
	}
	return false
}

// settled reports whether the chain read is final past closedAt: no block not read yet has a time at most
// closedAt. h.mu held.
func (h *SignerHistory) settled(closedAt uint64) bool {
	final := h.tip.Final
	if final.Time > closedAt {
		return true
	}
	// Every block up to the head read, and the pass began after closedAt: blocks mined since carry a later time.
	return final.Number == h.tip.Head && h.tipAt > closedAt
}

// readRange keeps the signer events of the blocks from..to (follow.ReadFunc). h.mu held.
func (h *SignerHistory) readRange(ctx context.Context, from uint64, to *types.Header) error {
	logs, err := h.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from),
		ToBlock: to.Number, Addresses: []common.Address{h.addr}, Topics: [][]common.Hash{h.topics[:]}})
	if err != nil {
		return err
	}
	blocks := sortLogs(logs, to)
	type keyed struct {
		provider common.Address
		ev       signerEvent
	}
	var out []keyed
	for _, l := range logs {
		if l.Removed || len(l.Topics) == 0 {
			continue
		}
		var k keyed
		switch l.Topics[0] {
		case h.topics[0]:
			e, err := h.market.ParseProviderRegistered(l)
			if err != nil {
				return err
			}
			k.provider, k.ev.signer = e.Provider, e.Signer
		case h.topics[1]:
			e, err := h.market.ParseProviderUpdated(l)
			if err != nil {
				return err
			}
			k.provider, k.ev.signer = e.Provider, e.Signer
		default:
			continue
		}
		k.ev.block = l.BlockNumber
		if _, err = logTime(ctx, h.backend, blocks, l); err != nil { // a log of a replaced block: read again
			return err
		}
		out = append(out, k)
	}
	for _, k := range out {
		h.signers[k.provider] = append(h.signers[k.provider], k.ev)
	}
	return nil
}

// rollback drops the events of the blocks the follower reads again (follow.RollbackFunc). h.mu held.
func (h *SignerHistory) rollback(_ context.Context, r follow.Reorg) error {
	dropped := 0
	for p, evs := range h.signers {
		cut := len(evs)
		for cut > 0 && evs[cut-1].block >= r.ReadFrom {
			cut--
		}
		dropped += len(evs) - cut
		if cut == 0 {
			delete(h.signers, p)
		} else {
			h.signers[p] = evs[:cut]
		}
	}
	h.synced = false
	h.log.Error("signers: reorg deeper than the confirmation depth: signer events above the fork point dropped and read again; a record rejected before may have read the old chain",
		zap.Uint64("last_read", r.Last.Number), zap.Uint64("read_again_from", r.ReadFrom), zap.Int("events_dropped", dropped),
		zap.Uint64("confirmations", h.confirmations))
	return nil
}
