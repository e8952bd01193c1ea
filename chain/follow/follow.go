// Package follow walks a chain forward through its confirmed blocks: it hands its caller ranges of
// blocks deep enough to read, detects by block hash that a block it handed out was replaced, and tells the
// caller where to roll back to. The follower reads headers only; what the caller reads of each range and
// where it keeps it is the caller's: the router's indexer (router/index, in its store), the keeper's
// deposits and signer history (keeper/ledger ChainDeposits and SignerHistory, in memory) and the guard's
// commits (keeper/guard) each follow the chain through it. They read a range's logs through Logs, the one
// rule for reading them as one view of the chain (the range's last block read before and after them, all
// three answers from one node), so a node behind the range or a reorg between the reads does not make a
// range count as read with a log missing (Logs says what one URL balancing over several nodes can hide).
//
// Depth, the one convention of Lake Travis: a block has as many confirmations as there are blocks from it
// to the head, itself included, so block B has head-B+1 and a block in the head has 1. A block is
// confirmed once it has Config.Confirmations; 0 counts as 1 (every mined block). Confirmed(head, n)
// states it in code; keeper/txmgr counts a transaction's confirmations with it too. The keeper's and the
// router's --confirmations both mean exactly this depth (FlagUsage, their shared help text), handed through
// unchanged. A reorg shallower than the depth replaces only blocks never handed out, so it never surfaces; a
// deeper one does, as a Reorg.
//
// Reorgs: the follower remembers the last block of each range it handed out (the newest Config.Keep). The
// first block of each new range must descend from the last one (its parent hash, or, for a longer range,
// the last one's hash read again); with no new block the last one must still have its hash. When not, it
// walks back through the remembered blocks to the newest one still canonical, the fork point, and calls
// the caller's rollback with it (or with none found: read everything again from Config.Start), then reads
// forward again. A remembered block the node does not have is waited for, not taken for replaced
// (ErrBehind): a node behind must not roll back what it has not reached. A caller that keeps what it read
// across restarts keeps the range ends too (the Reorg's Fork and each range's last block) and hands them
// back to New.
package follow

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// FlagUsage is the help text of the --confirmations flag of every service that waits for a depth (router,
// keeper): the flag's value is the n of Confirmed, so the same number is the same depth in each of them.
const FlagUsage = "confirmation depth: a block counts once it has this many confirmations, itself included (1 = every mined block, 2 = one block above it; 0 counts as 1)"

// ErrNotConfirmed means no block has the confirmations asked for yet (the chain is shorter than the depth).
var ErrNotConfirmed = errors.New("follow: no block is confirmed yet")

// ErrBehind means a block the follower handed out is not found: the node that answered is behind it (a
// failover to a lagging node), or a reorg made the chain shorter. The two look alike to one node, and
// taking the first for the second would roll back every block the node has not reached yet, the caller
// dropping what it read there: the follower waits instead (Sync returns it, nothing rolled back) until the
// node has a block at that height again, then compares hashes: the same block (the node caught up) goes on,
// another one (a reorg, the chain grown again) is rolled back as any reorg.
//
// A backend over several nodes (chain.Client, endpoints) is moved off the node that answered not found, so
// the next pass asks another: a node behind costs a pass per node behind, not the time it takes to catch up.
var ErrBehind = errors.New("follow: a block read is not found (the node is behind it, or the chain got shorter): waiting")

// Confirmed returns the newest block with n confirmations when the head is at head (0 counts as 1), and
// false when there is none yet.
func Confirmed(head, n uint64) (uint64, bool) {
	n = max(n, 1)
	if head+1 < n {
		return 0, false
	}
	return head + 1 - n, true
}

// Backend is the part of the chain client the follower reads (chain.Client implements it).
type Backend interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Config configures a Follower.
type Config struct {
	Start         uint64 // the first block to read (the deployment's)
	Confirmations uint64 // read a block once it has this many confirmations (package doc); 0 counts as 1
	MaxRange      uint64 // blocks per range; 2000 if zero
	Keep          int    // range ends remembered to find a fork point; 256 if zero
}

// Block is a block the follower handed out as a range's last block, or found to be the fork point. Time
// is zero for a block handed back to New without it.
type Block struct {
	Number uint64
	Hash   common.Hash
	Time   uint64
}

// Reorg is a replaced block found among those handed out: the caller drops what it read above Fork (all
// of it when !Found) and the follower reads again from ReadFrom.
type Reorg struct {
	Last     Block // the newest block handed out: no longer canonical, or no longer the parent of the next
	Fork     Block // the newest block handed out still canonical (when Found)
	Found    bool  // false: none of the remembered blocks is canonical
	ReadFrom uint64
}

// Tip is where the chain stood during a Sync: its head and the newest confirmed block.
type Tip struct {
	Head  uint64
	Final Block
}

// ReadFunc reads blocks from..to (to's header given) and keeps what it read; the follower counts the range
// as read once it returns nil, and never hands it out again unless a reorg replaced it: a ReadFunc reads the
// range's logs through Logs, which refuses an answer that may miss some.
type ReadFunc func(ctx context.Context, from uint64, to *types.Header) error

// RollbackFunc drops what was read above r.Fork (everything when !r.Found); the follower forgets the blocks
// above the fork point once it returns nil.
type RollbackFunc func(ctx context.Context, r Reorg) error

// Follower follows one chain for one caller. It is not safe for concurrent use.
type Follower struct {
	b    Backend
	cfg  Config
	read []Block // range ends handed out, oldest first, at most cfg.Keep
}

// New returns a follower that resumes after the blocks in read (the range ends handed out before and kept
// by the caller, any order; none: start at cfg.Start). It makes no call.
func New(b Backend, cfg Config, read []Block) *Follower {
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 2000
	}
	if cfg.Keep <= 0 {
		cfg.Keep = 256
	}
	f := &Follower{b: b, cfg: cfg, read: slices.Clone(read)}
	slices.SortFunc(f.read, func(x, y Block) int { return cmp.Compare(x.Number, y.Number) })
	f.trim()
	return f
}

// Last returns the newest block handed out (false before the first range).
func (f *Follower) Last() (Block, bool) {
	if len(f.read) == 0 {
		return Block{}, false
	}
	return f.read[len(f.read)-1], true
}

// Sync reads forward to the newest confirmed block: it calls read for each range of at most MaxRange
// blocks, and rollback when a block handed out was replaced. It returns where the chain stood, or
// ErrNotConfirmed (wrapped) when no block is confirmed yet. Few calls: the head, each range's last header
// and, when the range is longer than one block or nothing is new, the last block's header again. An error
// of read or rollback ends the pass: what the ranges before it read stays read. ErrBehind (wrapped): a
// block handed out is not found (a node behind it, or a chain made shorter): nothing rolled back, the
// caller waits, and should not take what that node says for newer than what it read.
func (f *Follower) Sync(ctx context.Context, read ReadFunc, rollback RollbackFunc) (Tip, error) {
	head, err := f.b.HeaderByNumber(ctx, nil)
	if err != nil {
		return Tip{}, fmt.Errorf("follow: head: %w", err)
	}
	tip := Tip{Head: head.Number.Uint64()}
	final, ok := Confirmed(tip.Head, f.cfg.Confirmations)
	if !ok {
		return tip, fmt.Errorf("%w: head %d, %d confirmations", ErrNotConfirmed, tip.Head, f.cfg.Confirmations)
	}
	for {
		last, started := f.Last()
		next := f.cfg.Start
		if started {
			next = last.Number + 1
		}
		if next > final {
			if !started {
				break
			}
			h, err := f.hashAt(ctx, last.Number)
			if err != nil {
				return tip, err
			}
			if h == last.Hash {
				break
			}
			if _, err := f.rollBack(ctx, rollback); err != nil {
				return tip, err
			}
			continue
		}
		to := min(final, next+f.cfg.MaxRange-1)
		hdr, err := f.header(ctx, to)
		if err != nil {
			return tip, err
		}
		if started {
			parent := hdr.ParentHash
			if to != next {
				if parent, err = f.hashAt(ctx, last.Number); err != nil {
					return tip, err
				}
			}
			if parent != last.Hash {
				rolled, err := f.rollBack(ctx, rollback)
				if err != nil {
					return tip, err
				}
				if !rolled { // the last block is canonical after all: the chain moved meanwhile
					return tip, fmt.Errorf("follow: block %d changed while reading; retrying", to)
				}
				continue
			}
		}
		if err := read(ctx, next, hdr); err != nil {
			return tip, err
		}
		f.read = append(f.read, Block{to, hdr.Hash(), hdr.Time})
		f.trim()
	}
	if last, ok := f.Last(); ok && last.Number == final {
		tip.Final = last
		return tip, nil
	}
	hdr, err := f.header(ctx, final)
	if err != nil {
		return tip, err
	}
	tip.Final = Block{final, hdr.Hash(), hdr.Time}
	return tip, nil
}

// rollBack finds the newest remembered block still canonical and, unless it is the last one handed out,
// calls rollback with it and forgets the blocks above it; it reports whether it rolled back.
func (f *Follower) rollBack(ctx context.Context, rollback RollbackFunc) (bool, error) {
	keep := 0 // read[:keep] are still canonical
	for i := len(f.read) - 1; i >= 0; i-- {
		h, err := f.hashAt(ctx, f.read[i].Number)
		if err != nil {
			return false, err
		}
		if h == f.read[i].Hash {
			keep = i + 1
			break
		}
	}
	if keep == len(f.read) {
		return false, nil
	}
	r := Reorg{Last: f.read[len(f.read)-1], ReadFrom: f.cfg.Start}
	if keep > 0 {
		r.Fork, r.Found, r.ReadFrom = f.read[keep-1], true, f.read[keep-1].Number+1
	}
	if err := rollback(ctx, r); err != nil {
		return false, err
	}
	f.read = f.read[:keep]
	return true, nil
}

func (f *Follower) trim() {
	if len(f.read) > f.cfg.Keep {
		f.read = slices.Delete(f.read, 0, len(f.read)-f.cfg.Keep)
	}
}

func (f *Follower) header(ctx context.Context, n uint64) (*types.Header, error) {
	h, err := f.b.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if err != nil {
		return nil, fmt.Errorf("follow: header %d: %w", n, err)
	}
	return h, nil
}

// endpoints is implemented by a backend over several nodes (chain.Client).
type endpoints interface {
	HeaderByNumberAt(ctx context.Context, n *big.Int) (*types.Header, int, error)
	SkipEndpoint(i int)
}

// headerAt reads block n's header from b and returns the node that answered (0 when ep is nil: b is one
// node). A node without block n (ethereum.NotFound) is skipped, so the next read asks another node, if the
// one behind is still the first asked (ep.SkipEndpoint). ep is b over several nodes (chain.Client), or nil.
func headerAt(ctx context.Context, b Backend, ep endpoints, n *big.Int) (*types.Header, int, error) {
	if ep == nil {
		h, err := b.HeaderByNumber(ctx, n)
		return h, 0, err
	}
	h, at, err := ep.HeaderByNumberAt(ctx, n)
	if errors.Is(err, ethereum.NotFound) && at >= 0 {
		ep.SkipEndpoint(at)
	}
	return h, at, err
}

// Holds reports whether one node's chain has every block of blocks: each one's header read by number has
// its hash, and one node gave every answer (a backend over several nodes, chain.Client, says which; answers
// from several are no one chain). A node without one of them answers false (and is skipped, as the
// follower skips it). The keeper's ledger asks it at a start whether the blocks it verified sessions as of
// are still the chain's; a caller passing a block it knows is the chain's (a follower's newest final block)
// with another makes a node on another branch answer false.
func Holds(ctx context.Context, b Backend, blocks ...Block) (bool, error) {
	ep, _ := b.(endpoints)
	node := 0
	for i, want := range blocks {
		h, at, err := headerAt(ctx, b, ep, new(big.Int).SetUint64(want.Number))
		if errors.Is(err, ethereum.NotFound) {
			return false, nil
		}
		if err != nil {
			return false, fmt.Errorf("follow: header %d: %w", want.Number, err)
		}
		if h.Hash() != want.Hash || (i > 0 && at != node) {
			return false, nil
		}
		node = at
	}
	return true, nil
}

// hashAt returns block n's hash; ErrBehind (wrapped) when the node has no block n.
func (f *Follower) hashAt(ctx context.Context, n uint64) (common.Hash, error) {
	ep, _ := f.b.(endpoints)
	h, _, err := headerAt(ctx, f.b, ep, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return common.Hash{}, fmt.Errorf("%w: block %d", ErrBehind, n)
	}
	if err != nil {
		return common.Hash{}, fmt.Errorf("follow: header %d: %w", n, err)
	}
	return h.Hash(), nil
}
