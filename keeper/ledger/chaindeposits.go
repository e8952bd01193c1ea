// ChainDeposits: the users' deposits read from the ComputePool's events, only from blocks deep enough to be
// final (chain/follow walks the blocks, detects a reorg and says where to roll back to).

package ledger

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain/follow"
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
// Depth: it reads only final blocks, those with at least confirmations confirmations (chain/follow's
// convention: 1 is every mined block; the keeper's --confirmations). DepositsAt(at) and DepositsRead (which
// reads as of the later of at and the newest withdrawal) answer only once the newest block with a
// timestamp at most the time read is settled: a final block has a later timestamp, or every block
// up to the head is final (confirmations 1; later blocks then carry a later time, since the keeper asks
// after its own clock passed the cutoff by the feed grace). Two keepers therefore read the same block, and
// a reorg shallower than the depth changes nothing they read.
//
// Reorgs deeper than the depth: the follower finds the fork point and the events above it are dropped and
// read again, so no event is kept twice or kept after its block left the chain. Such a reorg is logged as
// an error: an epoch assembled before it may have read the old chain.
type ChainDeposits struct {
	addr          common.Address
	pool          *computepool.ComputePoolFilterer
	backend       ChainBackend
	topics        []common.Hash // the four events' ids, indexed by kind
	confirmations uint64
	log           *zap.Logger

	mu     sync.Mutex
	follow *follow.Follower
	events []depositEvent
}

// depositEvent is one event that changes a deposit account; deposit is the account's deposit after it.
type depositEvent struct {
	block, index, time uint64
	user               common.Address
	kind               int
	deposit            uint256.Int
}

const (
	evDeposited = iota
	evRequested
	evCancelled
	evWithdrawn
)

// logRange is the most blocks one eth_getLogs asks for by default (public RPC endpoints cap the range;
// the keeper's --log-range sets it for the endpoints that cap it lower).
const logRange = 10_000

// logFollower is the block follower of the keeper's event readers (deposits, signers and routers): from block
// from on, blocks with confirmations confirmations, eth_getLogs ranges of at most maxRange blocks (0:
// logRange).
func logFollower(backend ChainBackend, from, confirmations, maxRange uint64) *follow.Follower {
	if maxRange == 0 {
		maxRange = logRange
	}
	return follow.New(backend, follow.Config{Start: from, Confirmations: confirmations, MaxRange: maxRange}, nil)
}

// NewChainDeposits reads the ComputePool at addr from block from on, from blocks with at least
// confirmations confirmations (0 counts as 1: mined), in eth_getLogs ranges of at most maxRange blocks (0:
// logRange). log may be nil.
func NewChainDeposits(addr common.Address, backend ChainBackend, from, confirmations, maxRange uint64, log *zap.Logger) (*ChainDeposits, error) {
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
	return &ChainDeposits{addr: addr, pool: f, backend: backend, topics: topics, follow: logFollower(backend, from, confirmations, maxRange),
		confirmations: max(confirmations, 1), log: log}, nil
}

// DepositsAt implements Deposits. Errors: ErrDepositsNotFinal (wrapped, with the blocks it waits for).
func (d *ChainDeposits) DepositsAt(ctx context.Context, at uint64) (map[common.Address]*DepositAccount, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	tip, err := d.sync(ctx)
	if err != nil {
		return nil, err
	}
	if err := d.checkFinal(tip, at); err != nil {
		return nil, err
	}
	return d.fold(at), nil
}

// LastWithdrawalAt returns the block time of the newest withdrawal at or before time at (0: none), as the
// final blocks hold them.
func (d *ChainDeposits) LastWithdrawalAt(ctx context.Context, at uint64) (uint64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if _, err := d.sync(ctx); err != nil {
		return 0, err
	}
	for i := len(d.events) - 1; i >= 0; i-- {
		if e := d.events[i]; e.kind == evWithdrawn && e.time <= at {
			return e.time, nil
		}
	}
	return 0, nil
}

// checkFinal returns ErrDepositsNotFinal unless the newest block at or before at is settled at tip.
func (d *ChainDeposits) checkFinal(tip follow.Tip, at uint64) error {
	if final := tip.Final; final.Time <= at && final.Number < tip.Head {
		return fmt.Errorf("%w: block %d (time %d) is the newest %d deep and not past the cutoff's block time %d; head %d",
			ErrDepositsNotFinal, final.Number, final.Time, d.confirmations, at, tip.Head)
	}
	return nil
}

// sync reads the events up to the newest final block. d.mu must be held.
func (d *ChainDeposits) sync(ctx context.Context) (follow.Tip, error) {
	tip, err := d.follow.Sync(ctx, d.readRange, d.rollback)
	if errors.Is(err, follow.ErrNotConfirmed) {
		return tip, fmt.Errorf("%w: %w", ErrDepositsNotFinal, err)
	}
	return tip, err
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
			if acc.Deposit.IsZero() {
				acc.FundedAt = ev.time // the deposit rises from zero (ComputePool's fundedAt)
			}
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

// readRange keeps the events of the blocks from..to (follow.ReadFunc). d.mu must be held.
func (d *ChainDeposits) readRange(ctx context.Context, from uint64, to *types.Header) error {
	evs, err := d.indexRange(ctx, from, to)
	if err != nil {
		return err
	}
	d.events = append(d.events, evs...)
	return nil
}

// rollback drops the events of the blocks the follower reads again (follow.RollbackFunc). d.mu must be held.
func (d *ChainDeposits) rollback(_ context.Context, r follow.Reorg) error {
	cut := len(d.events)
	for cut > 0 && d.events[cut-1].block >= r.ReadFrom {
		cut--
	}
	d.log.Error("deposits: reorg deeper than the confirmation depth: events above the fork point dropped and read again; an epoch assembled before may have read the old chain",
		zap.Uint64("last_read", r.Last.Number), zap.Uint64("read_again_from", r.ReadFrom), zap.Int("events_dropped", len(d.events)-cut),
		zap.Uint64("confirmations", d.confirmations))
	d.events = d.events[:cut]
	return nil
}

// indexRange reads the events of the blocks from..to (to's header given) in chain order, as one view of the
// chain (follow.Logs: a node behind the range answering a partial list is refused, the range read again), each
// with its block's time, checking that every log comes from the block of its height whose header was read.
func (d *ChainDeposits) indexRange(ctx context.Context, from uint64, to *types.Header) ([]depositEvent, error) {
	logs, err := follow.Logs(ctx, d.backend, ethereum.FilterQuery{Addresses: []common.Address{d.addr},
		Topics: [][]common.Hash{d.topics}}, from, to)
	if err != nil {
		return nil, err
	}
	blocks := knownBlocks(to)
	evs := make([]depositEvent, 0, len(logs))
	for _, l := range logs {
		if len(l.Topics) == 0 {
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
		if ev.time, err = logTime(ctx, d.backend, blocks, l); err != nil {
			return nil, err
		}
		evs = append(evs, ev)
	}
	return evs, nil
}

// knownBlocks returns the block cache logTime starts from for the logs of a range ending at block to.
func knownBlocks(to *types.Header) map[uint64]follow.Block {
	return map[uint64]follow.Block{to.Number.Uint64(): {Number: to.Number.Uint64(), Hash: to.Hash(), Time: to.Time}}
}

// logTime returns the time of l's block, reading its header once (blocks caches them), and refuses a log of
// a block replaced since its header was read (the range is read again).
func logTime(ctx context.Context, backend ChainBackend, blocks map[uint64]follow.Block, l types.Log) (uint64, error) {
	b, ok := blocks[l.BlockNumber]
	if !ok {
		h, err := backend.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
		if err != nil {
			return 0, err
		}
		b = follow.Block{Number: l.BlockNumber, Hash: h.Hash(), Time: h.Time}
		blocks[l.BlockNumber] = b
	}
	if l.BlockHash != (common.Hash{}) && l.BlockHash != b.Hash {
		return 0, fmt.Errorf("ledger: a log of a replaced block %d; retrying", l.BlockNumber)
	}
	return b.Time, nil
}
