// SignerHistory: who may sign for the Marketplace, and since when: every provider's signer keys as the
// ProviderRegistered and ProviderUpdated events set them, and every ROUTER_ROLE grant and revocation
// (RoleGranted, RoleRevoked), read once, forward, in bounded ranges from the deployment's start block
// through chain/follow (as ChainDeposits), and kept in memory.

package ledger

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/protocol/settle"
)

// ErrSignersNotFinal: the chain is not final past the time asked about (a record's close, a session's
// start), so an event that changes the answer may still come. The caller retries later; it is never a
// rejection.
var ErrSignersNotFinal = errors.New("ledger: signers as of the record not final yet")

// SignerHistory answers whether a key was a provider's signer at a given time (a record's close, or its
// session's start), and whether an account held ROUTER_ROLE at a given time.
//
// Provider signers: signer was the provider's at time at if the newest ProviderRegistered or
// ProviderUpdated event of the provider in a block with a time at most at set it (settle.SignerAt). A
// receipt is judged at the record's close: one signed before a rotation stays valid, a key rotated away from
// before the close signs for no later close, and a key registered after the close for none. A ticket
// acceptance is judged at the session's start and at its close, either key counting (verify.go). It is
// answered only once the chain is final past at (else ErrSignersNotFinal, never a rejection: a
// registration in a block not final yet is waited for), so the answer is a function of final blocks and at
// alone: every keeper gets the same one, whenever it asks.
//
// Routers: an account held ROUTER_ROLE at time at if the newest RoleGranted or RoleRevoked event of
// ROUTER_ROLE and that account in a block with a time at most at is a grant. It is answered only once the
// chain is final past at (else ErrSignersNotFinal), so the answer is a function of final blocks and at
// alone: every keeper gets the same one, whenever it asks, and a grant or revocation after at changes
// nothing.
//
// Final past t: the newest final block is later than t, or (confirmations 1) every block up to the head is
// final and the keeper's clock was past t when the head was read.
//
// Cost: a time the history is already final past needs no call (a binary search of the provider's
// events); otherwise one pass of the follower (the head's header, and logs of the new blocks only, in ranges
// of at most MaxRange blocks), never a scan of the whole history.
type SignerHistory struct {
	addr          common.Address
	backend       ChainBackend
	topics        [][]common.Hash // chain.SignerTopics and chain.RouterRoleTopics' events, of any role
	confirmations uint64
	now           func() time.Time
	log           *zap.Logger

	mu      sync.Mutex
	follow  *follow.Follower
	tip     follow.Tip                            // of the last complete pass
	tipAt   uint64                                // the keeper's clock when that pass began
	readAt  time.Time                             // the machine's clock then (FinalBlock's age)
	synced  bool                                  // a pass completed since the last reorg
	reorgs  atomic.Uint64                         // reorgs deeper than the confirmations seen (rollback); read without mu
	final   atomic.Pointer[follow.Block]          // the newest tip.Final of a complete pass (Final); read without mu
	signers map[common.Address][]settle.SignerSet // by provider, in chain order
	routers map[common.Address][]roleEvent        // ROUTER_ROLE grants and revocations by account, in chain order
}

// roleEvent is a grant (held) or a revocation of ROUTER_ROLE in block, whose time is time.
type roleEvent struct {
	block, time uint64
	held        bool
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
	if now == nil {
		now = time.Now
	}
	if log == nil {
		log = zap.NewNop()
	}
	fol := logFollower(backend, cfg.Start, cfg.Confirmations, cfg.MaxRange)
	topics := chain.SignerTopics()
	topics[0] = append(topics[0], chain.RouterRoleTopics()[0]...) // the providers' position 1 is the role's
	return &SignerHistory{addr: addr, backend: backend, follow: fol, now: now, log: log, topics: topics,
		confirmations: max(cfg.Confirmations, 1), signers: map[common.Address][]settle.SignerSet{},
		routers: map[common.Address][]roleEvent{}}, nil
}

// WasSigner reports whether signer was provider's signer at time at (the rule above). Errors:
// ErrSignersNotFinal (wrapped), or the RPC's.
func (h *SignerHistory) WasSigner(ctx context.Context, provider, signer common.Address, at uint64) (bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.readPast(ctx, at); err != nil {
		return false, err
	}
	if err := h.finalPast(at); err != nil {
		return false, err
	}
	key, ok := settle.SignerAt(h.signers[provider], at)
	return ok && key == signer, nil
}

// WasRouter reports whether account held ROUTER_ROLE at time at (unix seconds; the rule above). Errors:
// ErrSignersNotFinal (wrapped), or the RPC's.
func (h *SignerHistory) WasRouter(ctx context.Context, account common.Address, at uint64) (bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err := h.readPast(ctx, at); err != nil {
		return false, err
	}
	if err := h.finalPast(at); err != nil {
		return false, err
	}
	held := false
	for _, e := range h.routers[account] {
		if e.time > at {
			break
		}
		held = e.held
	}
	return held, nil
}

// FinalBlock returns the newest final block, once the chain is final past at (the rule above): every event
// in a block with a time at most at is in it or below it, whichever keeper asks, so a contract read as of it
// answers about at as every keeper's does. The block is at most freshFinal old: read as of a block found
// hours ago, a contract could not yet know what was registered since (a read retried forever), and a node
// that prunes old state could not answer. Errors: ErrSignersNotFinal (wrapped), or the RPC's.
func (h *SignerHistory) FinalBlock(ctx context.Context, at uint64) (follow.Block, error) {
	b, _, err := h.finalBlock(ctx, at)
	return b, err
}

// finalBlock is FinalBlock, with how many reorgs deeper than the confirmations the history had seen when it
// answered: what was read as of a final block before the count rose may be gone (ChainRegistry's caches).
func (h *SignerHistory) finalBlock(ctx context.Context, at uint64) (follow.Block, uint64, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.synced || !h.settled(at) || time.Since(h.readAt) >= freshFinal {
		if err := h.sync(ctx); err != nil {
			return follow.Block{}, h.reorgs.Load(), err
		}
	}
	if err := h.finalPast(at); err != nil {
		return follow.Block{}, h.reorgs.Load(), err
	}
	return h.tip.Final, h.reorgs.Load(), nil
}

// Reorgs reads the blocks final since the last pass, unless that pass is less than freshFinal old, and
// returns how many reorgs deeper than the confirmations the history has seen: the ledger flags the pending
// sessions verified before the count rose for a recheck (Ledger.flagReorged). Errors: the RPC's.
func (h *SignerHistory) Reorgs(ctx context.Context) (uint64, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.synced || time.Since(h.readAt) >= freshFinal {
		if err := h.sync(ctx); err != nil {
			return 0, err
		}
	}
	return h.reorgs.Load(), nil
}

// ReorgsSeen is the count Reorgs returns, without reading the chain or waiting for a pass under way.
func (h *SignerHistory) ReorgsSeen() uint64 { return h.reorgs.Load() }

// Final returns the newest final block a complete pass found since the last reorg deeper than the
// confirmations, without reading the chain or waiting for a pass under way (false before one). Every answer
// of the history since that reorg, and every contract read as of its FinalBlock, was read as of that block
// or one below it, on its branch.
func (h *SignerHistory) Final() (follow.Block, bool) {
	if b := h.final.Load(); b != nil {
		return *b, true
	}
	return follow.Block{}, false
}

// Holds reports whether the chain still has block b: b is at or below the final block of the history's
// last pass (after a pass, if none completed yet), and one node has both (follow.Holds). Errors: the RPC's.
func (h *SignerHistory) Holds(ctx context.Context, b follow.Block) (bool, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.synced {
		if err := h.sync(ctx); err != nil {
			return false, err
		}
	}
	if !h.synced || b.Number > h.tip.Final.Number {
		return false, nil
	}
	return follow.Holds(ctx, h.backend, b, h.tip.Final)
}

// freshFinal is how old FinalBlock's answer may be: a pass of the follower at most this often (a variable
// for the tests).
var freshFinal = time.Second

// readPast reads the blocks final since the last pass, unless what was read is final past at already.
// Only an RPC error is returned; the caller checks finalPast. h.mu held.
func (h *SignerHistory) readPast(ctx context.Context, at uint64) error {
	if h.synced && h.settled(at) {
		return nil
	}
	return h.sync(ctx)
}

// sync reads the blocks final since the last pass. Only an RPC error is returned. h.mu held.
func (h *SignerHistory) sync(ctx context.Context) error {
	began, readAt := uint64(h.now().Unix()), time.Now()
	tip, err := h.follow.Sync(ctx, h.readRange, h.rollback)
	if errors.Is(err, follow.ErrBehind) {
		// A node behind the blocks read, or a chain made shorter: what was read may be gone (the second),
		// so nothing is answered from it until a pass completes.
		h.synced = false
	}
	if err != nil && !errors.Is(err, follow.ErrNotConfirmed) {
		return err
	}
	h.tip, h.tipAt, h.readAt, h.synced = tip, began, readAt, err == nil
	// The newest only: a pass through a node a few blocks behind (its head below the last final block plus
	// the confirmations) finds an older final block, and answers were read as of the newer one. A reorg
	// (rollback) forgets it.
	if old := h.final.Load(); h.synced && (old == nil || tip.Final.Number > old.Number) {
		h.final.Store(&tip.Final)
	}
	return nil
}

// finalPast returns nil if what was read is final past at, else ErrSignersNotFinal (wrapped). h.mu held.
func (h *SignerHistory) finalPast(at uint64) error {
	if h.synced && h.settled(at) {
		return nil
	}
	return fmt.Errorf("%w: block %d (time %d) is the newest %d deep, asked about time %d; head %d",
		ErrSignersNotFinal, h.tip.Final.Number, h.tip.Final.Time, h.confirmations, at, h.tip.Head)
}

// settled reports whether the chain read is final past at: no block not read yet has a time at most at.
// h.mu held.
func (h *SignerHistory) settled(at uint64) bool {
	final := h.tip.Final
	if final.Time > at {
		return true
	}
	// Every block up to the head read, and the pass began after at: blocks mined since carry a later time.
	return final.Number == h.tip.Head && h.tipAt > at
}

// readRange keeps the signer and ROUTER_ROLE events of the blocks from..to (follow.ReadFunc), read as one
// view of the chain (follow.Logs). h.mu held.
func (h *SignerHistory) readRange(ctx context.Context, from uint64, to *types.Header) error {
	logs, err := follow.Logs(ctx, h.backend, ethereum.FilterQuery{Addresses: []common.Address{h.addr}, Topics: h.topics}, from, to)
	if err != nil {
		return err
	}
	blocks := knownBlocks(to)
	type keyed struct {
		account common.Address // the provider, or the router
		signer  *settle.SignerSet
		role    *roleEvent
	}
	var out []keyed
	for _, l := range logs {
		if len(l.Topics) == 0 {
			continue
		}
		var k keyed
		provider, set, ok, err := chain.SignerEvent(l)
		if err != nil {
			return err
		}
		if ok {
			k.account, k.signer = provider, &set
		} else {
			router, held, ok, err := chain.RouterRoleEvent(l) // another role's event: ok false
			if err != nil {
				return fmt.Errorf("ledger: block %d: %w", l.BlockNumber, err)
			}
			if !ok {
				continue
			}
			k.account, k.role = router, &roleEvent{held: held}
		}
		at, err := logTime(ctx, h.backend, blocks, l) // a log of a replaced block: read again
		if err != nil {
			return err
		}
		if k.signer != nil {
			k.signer.Time = at // the header's, whether or not the node sent l.BlockTimestamp
		} else {
			k.role.block, k.role.time = l.BlockNumber, at
		}
		out = append(out, k)
	}
	for _, k := range out {
		if k.signer != nil {
			h.signers[k.account] = append(h.signers[k.account], *k.signer)
		} else {
			h.routers[k.account] = append(h.routers[k.account], *k.role)
		}
	}
	return nil
}

// rollback drops the events of the blocks the follower reads again (follow.RollbackFunc). h.mu held.
func (h *SignerHistory) rollback(_ context.Context, r follow.Reorg) error {
	dropped := dropFrom(h.signers, func(e settle.SignerSet) uint64 { return e.Block }, r.ReadFrom) +
		dropFrom(h.routers, func(e roleEvent) uint64 { return e.block }, r.ReadFrom)
	h.synced = false
	h.final.Store(nil) // the replaced branch's: the next complete pass names the new one's
	h.reorgs.Add(1)
	h.log.Error("signers: reorg deeper than the confirmation depth: signer and router-role events above the fork point dropped and read again; a record rejected before may have read the old chain",
		zap.Uint64("last_read", r.Last.Number), zap.Uint64("read_again_from", r.ReadFrom), zap.Int("events_dropped", dropped),
		zap.Uint64("confirmations", h.confirmations))
	return nil
}

// dropFrom drops from every account's events (in chain order) those of block from and later, and returns
// how many it dropped.
func dropFrom[E any](m map[common.Address][]E, block func(E) uint64, from uint64) int {
	dropped := 0
	for a, evs := range m {
		cut := len(evs)
		for cut > 0 && block(evs[cut-1]) >= from {
			cut--
		}
		dropped += len(evs) - cut
		if cut == 0 {
			delete(m, a)
		} else {
			m[a] = evs[:cut]
		}
	}
	return dropped
}
