// ChainDeposits: the users' deposits read from the ComputePool's events, only from blocks deep enough to be
// final, with a reorg detected by block hash and rolled back.

package ledger

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// ErrDepositsNotFinal: the deposits as of the asked time are not final yet (the newest block at or before
// it is not known to be the newest at the confirmation depth). The caller waits and asks again.
var ErrDepositsNotFinal = errors.New("ledger: deposits as of the cutoff not final yet")

// ChainBackend is what ChainDeposits reads the chain through (chain.Client implements it).
type ChainBackend interface {
	bind.ContractFilterer
	HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error)
}

// ChainDeposits reads the deposits from the ComputePool's events (Deposited, WithdrawalRequested,
// WithdrawalCancelled, Withdrawn), indexed once from the deployment's start block and kept in memory.
//
// Depth: it reads only final blocks, those at least confirmations deep (block B once the head is at
// B + confirmations - 1; 1: every mined block, the keeper's --confirmations). DepositsAt(at) answers only
// once the newest block with a timestamp at most at is settled: a final block has a later timestamp, or
// every block up to the head is final (confirmations 1; later blocks then carry a later time, since the
// keeper asks after its own clock passed the cutoff by the feed grace). Two keepers therefore read the same
// block, and a reorg shallower than the depth changes nothing they read.
//
// Reorgs: each call first checks that the last block read still has the hash it had. If not (a reorg
// deeper than the depth), it walks back through the remembered range-end hashes to the newest block still
// canonical, drops every event above it and reads forward again, so no event is kept twice or kept after
// its block left the chain. Such a reorg is logged as an error: an epoch assembled before it may have read
// the old chain.
type ChainDeposits struct {
	addr          common.Address
	pool          *computepool.ComputePoolFilterer
	backend       ChainBackend
	topics        []common.Hash // the four events' ids, indexed by kind
	start         uint64
	confirmations uint64
	log           *zap.Logger

	mu     sync.Mutex
	next   uint64 // the next block to index
	events []depositEvent
	ends   []blockRef // the range-end blocks read (newest last, at most keepEnds): fork points for a reorg
}

// depositEvent is one event that changes a deposit account; deposit is the account's deposit after it.
type depositEvent struct {
	block, index, time uint64
	user               common.Address
	kind               int
	deposit            uint256.Int
}

type blockRef struct {
	number uint64
	hash   common.Hash
	time   uint64
}

const (
	evDeposited = iota
	evRequested
	evCancelled
	evWithdrawn
)

// keepEnds bounds the range-end hashes remembered; a reorg past the oldest re-reads from the start block.
const keepEnds = 256

// NewChainDeposits reads the ComputePool at addr from block from on, from blocks at least confirmations
// deep (0 counts as 1: mined). log may be nil.
func NewChainDeposits(addr common.Address, backend ChainBackend, from, confirmations uint64, log *zap.Logger) (*ChainDeposits, error) {
	f, err := computepool.NewComputePoolFilterer(addr, backend)
	if err != nil {
		return nil, err
	}
	a, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	topics := make([]common.Hash, 4)
	for kind, name := range map[int]string{evDeposited: "Deposited", evRequested: "WithdrawalRequested",
		evCancelled: "WithdrawalCancelled", evWithdrawn: "Withdrawn"} {
		topics[kind] = a.Events[name].ID
	}
	if log == nil {
		log = zap.NewNop()
	}
	return &ChainDeposits{addr: addr, pool: f, backend: backend, topics: topics, start: from, next: from,
		confirmations: max(confirmations, 1), log: log}, nil
}

// DepositsAt implements Deposits. Errors: ErrDepositsNotFinal (wrapped, with the blocks it waits for).
func (d *ChainDeposits) DepositsAt(ctx context.Context, at uint64) (map[common.Address]*DepositAccount, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	final, h, err := d.syncFinal(ctx)
	if err != nil {
		return nil, err
	}
	if final.time <= at && final.number < h {
		return nil, fmt.Errorf("%w: block %d (time %d) is the newest %d deep and not past the cutoff's block time %d; head %d",
			ErrDepositsNotFinal, final.number, final.time, d.confirmations, at, h)
	}
	return d.fold(at), nil
}

// syncFinal reads the events up to the newest final block and returns that block and the head's number.
// d.mu must be held.
func (d *ChainDeposits) syncFinal(ctx context.Context) (blockRef, uint64, error) {
	head, err := d.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return blockRef{}, 0, err
	}
	h := head.Number.Uint64()
	if h+1 < d.confirmations {
		return blockRef{}, h, fmt.Errorf("%w: head %d, %d confirmations", ErrDepositsNotFinal, h, d.confirmations)
	}
	final, err := d.sync(ctx, h+1-d.confirmations)
	return final, h, err
}

// fold returns every account as the indexed events up to time at set it. d.mu must be held.
func (d *ChainDeposits) fold(at uint64) map[common.Address]*DepositAccount {
	out := map[common.Address]*DepositAccount{}
	for i := range d.events {
		ev := &d.events[i]
		if ev.time > at {
			break // events are in block order and block times never fall
		}
		acc := out[ev.user]
		if acc == nil {
			acc = new(DepositAccount)
			out[ev.user] = acc
		}
		switch ev.kind {
		case evDeposited:
			acc.Deposit = ev.deposit
		case evRequested:
			acc.RequestedAt = ev.time
		case evCancelled:
			acc.RequestedAt = 0
		case evWithdrawn:
			acc.Deposit, acc.RequestedAt = ev.deposit, 0
		}
	}
	return out
}

// logRange is the most blocks one eth_getLogs asks for (public RPC endpoints cap the range).
const logRange = 10_000

// sync reads the events of the blocks up to final, logRange blocks per eth_getLogs, after rolling back a
// reorg of the blocks read, if any: the first block of each range must descend from the last block read
// (its parent hash, or the last block's hash again when the range is longer), and with no new block the
// last block read must still be canonical. It returns final's number, hash and time. Few calls per pass
// (head, the range's last header, its logs): every one is a chance for a flaky endpoint to fail it, and
// what a pass read is kept when a later call fails. d.mu must be held.
func (d *ChainDeposits) sync(ctx context.Context, final uint64) (blockRef, error) {
	for {
		n := len(d.ends)
		if d.next > final {
			if n == 0 {
				break
			}
			last := d.ends[n-1]
			h, err := d.hashAt(ctx, last.number)
			if err != nil {
				return blockRef{}, err
			}
			if h == last.hash {
				break
			}
			if err := d.rollback(ctx, last.number); err != nil {
				return blockRef{}, err
			}
			continue
		}
		to := min(final, d.next+logRange-1)
		hdr, err := d.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(to))
		if err != nil {
			return blockRef{}, err
		}
		if n > 0 {
			last, parent := d.ends[n-1], hdr.ParentHash
			if to != d.next {
				if parent, err = d.hashAt(ctx, last.number); err != nil {
					return blockRef{}, err
				}
			}
			if parent != last.hash {
				if err := d.rollback(ctx, last.number); err != nil {
					return blockRef{}, err
				}
				if len(d.ends) == n { // the last block read is canonical after all: the chain moved meanwhile
					return blockRef{}, fmt.Errorf("deposits: block %d changed while reading; retrying", to)
				}
				continue
			}
		}
		evs, err := d.indexRange(ctx, d.next, hdr)
		if err != nil {
			return blockRef{}, err
		}
		d.events = append(d.events, evs...)
		d.ends = append(d.ends, blockRef{to, hdr.Hash(), hdr.Time})
		if len(d.ends) > keepEnds {
			d.ends = slices.Delete(d.ends, 0, len(d.ends)-keepEnds)
		}
		d.next = to + 1
	}
	if n := len(d.ends); n > 0 && d.ends[n-1].number == final {
		return d.ends[n-1], nil
	}
	hdr, err := d.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(final))
	if err != nil {
		return blockRef{}, err
	}
	return blockRef{final, hdr.Hash(), hdr.Time}, nil
}

// rollback forgets the blocks above the newest remembered block still canonical (all of them when none
// is; nothing when the last is). d.mu must be held.
func (d *ChainDeposits) rollback(ctx context.Context, last uint64) error {
	keep := 0 // ends[:keep] are still canonical
	for i := len(d.ends) - 1; i >= 0; i-- {
		h, err := d.hashAt(ctx, d.ends[i].number)
		if err != nil {
			return err
		}
		if h == d.ends[i].hash {
			keep = i + 1
			break
		}
	}
	if keep == len(d.ends) {
		return nil // nothing read was replaced
	}
	next := d.start // none is: read again from the start block
	if keep > 0 {
		next = d.ends[keep-1].number + 1
	}
	cut := len(d.events)
	for cut > 0 && d.events[cut-1].block >= next {
		cut--
	}
	d.log.Error("deposits: reorg deeper than the confirmation depth: events above the fork point dropped and read again; an epoch assembled before may have read the old chain",
		zap.Uint64("last_read", last), zap.Uint64("read_again_from", next), zap.Int("events_dropped", len(d.events)-cut),
		zap.Uint64("confirmations", d.confirmations))
	d.events, d.ends, d.next = d.events[:cut], d.ends[:keep], next
	return nil
}

// hashAt returns block n's hash, zero when the block is gone (the chain got shorter).
func (d *ChainDeposits) hashAt(ctx context.Context, n uint64) (common.Hash, error) {
	h, err := d.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return common.Hash{}, nil
	}
	if err != nil {
		return common.Hash{}, err
	}
	return h.Hash(), nil
}

// indexRange reads the events of the blocks from..to (to's header given) in chain order, each with its
// block's time, checking that every log comes from the block of its height whose header was read.
func (d *ChainDeposits) indexRange(ctx context.Context, from uint64, to *types.Header) ([]depositEvent, error) {
	logs, err := d.backend.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(from),
		ToBlock: to.Number, Addresses: []common.Address{d.addr}, Topics: [][]common.Hash{d.topics}})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(logs, func(a, b types.Log) int {
		return cmp.Or(cmp.Compare(a.BlockNumber, b.BlockNumber), cmp.Compare(a.Index, b.Index))
	})
	blocks := map[uint64]blockRef{to.Number.Uint64(): {to.Number.Uint64(), to.Hash(), to.Time}}
	evs := make([]depositEvent, 0, len(logs))
	for _, l := range logs {
		if l.Removed || len(l.Topics) == 0 {
			continue
		}
		ev := depositEvent{block: l.BlockNumber, index: uint64(l.Index)}
		var deposit *big.Int
		switch l.Topics[0] {
		case d.topics[evDeposited]:
			e, err := d.pool.ParseDeposited(l)
			if err != nil {
				return nil, err
			}
			ev.user, ev.kind, deposit = e.User, evDeposited, e.Deposit
		case d.topics[evRequested]:
			e, err := d.pool.ParseWithdrawalRequested(l)
			if err != nil {
				return nil, err
			}
			ev.user, ev.kind = e.User, evRequested
		case d.topics[evCancelled]:
			e, err := d.pool.ParseWithdrawalCancelled(l)
			if err != nil {
				return nil, err
			}
			ev.user, ev.kind = e.User, evCancelled
		case d.topics[evWithdrawn]:
			e, err := d.pool.ParseWithdrawn(l)
			if err != nil {
				return nil, err
			}
			ev.user, ev.kind, deposit = e.User, evWithdrawn, e.Deposit
		default:
			continue
		}
		if deposit != nil {
			ev.deposit.SetFromBig(deposit)
		}
		b, ok := blocks[ev.block]
		if !ok {
			h, err := d.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(ev.block))
			if err != nil {
				return nil, err
			}
			b = blockRef{ev.block, h.Hash(), h.Time}
			blocks[ev.block] = b
		}
		if l.BlockHash != (common.Hash{}) && l.BlockHash != b.hash {
			return nil, fmt.Errorf("deposits: a log of a replaced block %d; retrying", ev.block)
		}
		ev.time = b.time
		evs = append(evs, ev)
	}
	return evs, nil
}
