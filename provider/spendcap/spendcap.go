// Package spendcap keeps the ComputePool's lowest daily spend cap in force today or scheduled after it: the
// most one deposit-paid session may cost. commitRoot refuses a day's deposit spend above the day's cap and
// keepers hold back a session that does not fit what is left of it, so a useDeposit ticket costing more
// than every cap to come is never credited and its provider serves it for nothing: the keepers charge a
// user's sessions at every router to the allowance first, so any useDeposit session may fall on the deposit
// whole. Honest routers bound their tickets so (router/api); a hostile or outdated ROUTER_ROLE key may not,
// and provider serve refuses such a ticket at its first request, and any useDeposit ticket while no read of
// the cap has succeeded yet (Cap.Lowest false): a ticket let through unchecked then would never be checked.
package spendcap

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// Reader reads the lowest daily spend cap in force today or scheduled after it.
type Reader interface {
	Lowest(ctx context.Context) (*uint256.Int, error)
}

// Caller is what a Pool reads through: the ComputePool's calls, and the chain's head they are pinned to
// (*chain.Client is one).
type Caller interface {
	bind.ContractCaller
	BlockNumber(ctx context.Context) (uint64, error)
}

// Pool reads it from the ComputePool (a Reader): the lower of spendCapAt(today) and spendCapAt(today + 1).
// setDailySpendCap schedules a lower cap from tomorrow and drops what was scheduled after it, and a higher
// one only after tomorrow, dropping every cap above it scheduled for a day not begun: the schedule from
// tomorrow on never falls, so no cap scheduled after tomorrow is below both.
type Pool struct {
	Pool    *computepool.ComputePoolCaller
	Head    Caller // the head block the three reads are pinned to
	Timeout time.Duration
}

// Lowest reads currentDay and the two caps, all three at the head block read first: read at "latest" one
// by one, blocks between them could mix two states (the day read before a day's turn, the caps after it and
// after a setDailySpendCap lowering the day after the new day's: a cap to come missed). When the read at
// the head fails it is made once more, all three calls at the block before: behind an RPC load balancer
// eth_blockNumber may come from a node ahead of the one answering eth_call, which does not know the block
// yet ("header not found"; chain.Client takes that for the node's answer and does not fail over), and a
// provider behind such an RPC would otherwise never read the cap and refuse every useDeposit ticket. A
// state one block older is as good a bound: serve reads it again every 15 s. Before payoutStart
// (currentDay reverts at both blocks) it fails.
func (p Pool) Lowest(ctx context.Context) (*uint256.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	head, err := p.Head.BlockNumber(ctx)
	if err != nil {
		return nil, fmt.Errorf("spendcap: head block: %w", err)
	}
	low, err := p.lowestAt(ctx, head)
	if err == nil || head == 0 {
		return low, err
	}
	low, err2 := p.lowestAt(ctx, head-1)
	if err2 != nil {
		return nil, fmt.Errorf("%w; again at the block before: %w", err, err2)
	}
	return low, nil
}

// lowestAt reads currentDay and the two caps, all three at block n.
func (p Pool) lowestAt(ctx context.Context, n uint64) (*uint256.Int, error) {
	opts := &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(n)}
	day, err := p.Pool.CurrentDay(opts)
	if err != nil {
		return nil, fmt.Errorf("spendcap: ComputePool.currentDay at block %d: %w", n, err)
	}
	var low *uint256.Int
	for _, d := range []*big.Int{day, new(big.Int).Add(day, big.NewInt(1))} {
		c, err := p.Pool.SpendCapAt(opts, d)
		if err != nil {
			return nil, fmt.Errorf("spendcap: ComputePool.spendCapAt(%s) at block %d: %w", d, n, err)
		}
		v, overflow := uint256.FromBig(c)
		if overflow {
			return nil, fmt.Errorf("spendcap: spendCapAt(%s) overflows uint256", d)
		}
		if low == nil || v.Lt(low) {
			low = v
		}
	}
	return low, nil
}

// NewPool returns a Cap reading the ComputePool at pool through caller; timeout bounds each Lowest (the
// head and the calls, a retry at the block before included).
func NewPool(pool common.Address, caller Caller, timeout time.Duration) (*Cap, error) {
	c, err := computepool.NewComputePoolCaller(pool, caller)
	if err != nil {
		return nil, fmt.Errorf("spendcap: %w", err)
	}
	return New(Pool{Pool: c, Head: caller, Timeout: timeout}), nil
}

// Refresh is how often provider serve reads the cap again (Cap.Refresh through service.Every), and so the
// Retry-After of its 503 for a deposit-paid ticket while no read has succeeded yet.
const Refresh = 15 * time.Second

// Cap is the lowest cap last read. Safe for concurrent use.
type Cap struct {
	read Reader
	mu   sync.RWMutex
	low  *uint256.Int
}

// New returns a Cap read through read; Refresh must run once before Lowest knows it.
func New(read Reader) *Cap { return &Cap{read: read} }

// Refresh reads the cap again; a failed read keeps the one read before.
func (c *Cap) Refresh(ctx context.Context) error {
	low, err := c.read.Lowest(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	c.low = low
	c.mu.Unlock()
	return nil
}

// Lowest returns the cap last read; false before any read succeeded (no bound known: provider serve then
// refuses every useDeposit ticket, 503).
func (c *Cap) Lowest() (*uint256.Int, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	if c.low == nil {
		return nil, false
	}
	return new(uint256.Int).Set(c.low), true
}
