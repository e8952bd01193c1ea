// Package credit tells provider serve whether a session ticket's user can pay for it: keepers credit a
// session only within allowance(user, d) plus, when its RFC says useDeposit, the user's deposit (PROTOCOL
// §8, keeper/ledger: the rest is rejected allowance_exceeded), so a ticket whose
// pricePerSecond × maxSeconds neither covers would be served for nothing — a ROUTER_ROLE key can sign a
// valid RFC with a fresh 0-MOR key and issue itself a matching ticket. The provider refuses such a ticket
// on the session's first request.
//
// d is the chain's current protocol day (ComputePool.currentDay): keepers charge a session to the day of its closedAt,
// which is never earlier than its first request, so a ticket issued before a day boundary on the previous
// day's allowance is credited only within the new day's. The check takes the whole allowance of the day
// and the deposit as depositOf shows it (ignoring pending withdrawals and the spend already proven): never
// stricter than an honest router's admission, which counts what the user has reserved already. It cannot
// see what the user spends elsewhere, nor, per ticket, what this provider has admitted for the user
// before, so it stops a user of no credit, not a user spending the same credit several times: the
// keepers credit what exceeds, no one else.
//
// Reads: allowance(user, d) through chain/allowance (the router's reader), cached for the day; the deposit
// per user for at most DepositTTL (a deposit made during the day counts within it). Each chain read first
// passes the caller's budget (provider serve: one per ticket's router), which may refuse it.
package credit

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain/allowance"
)

// DepositTTL is how long a deposit read is used for its user before it is read again.
const DepositTTL = time.Minute

// maxUsers bounds the deposit cache; when full it starts over (a miss costs a read, held to the budget).
const maxUsers = 1 << 18

// Allowances is the allowance reader (*allowance.Source).
type Allowances interface {
	Day(ctx context.Context) (uint64, error)
	Cached(user common.Address, day uint64) (*uint256.Int, bool)
	Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error)
}

// Deposits reads ComputePool.depositOf(user).
type Deposits interface {
	DepositOf(ctx context.Context, user common.Address) (*uint256.Int, error)
}

// PoolDeposits reads depositOf from the ComputePool (a Deposits).
type PoolDeposits struct {
	Pool    *computepool.ComputePoolCaller
	Timeout time.Duration
}

// DepositOf calls ComputePool.depositOf(user).
func (p PoolDeposits) DepositOf(ctx context.Context, user common.Address) (*uint256.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	v, err := p.Pool.DepositOf(&bind.CallOpts{Context: ctx}, user)
	if err != nil {
		return nil, fmt.Errorf("credit: ComputePool.depositOf(%s): %w", user, err)
	}
	d, overflow := uint256.FromBig(v)
	if overflow {
		return nil, errors.New("credit: depositOf overflows uint256")
	}
	return d, nil
}

// Checker checks tickets against their users' credit. Safe for concurrent use.
type Checker struct {
	allow Allowances
	dep   Deposits
	now   func() time.Time

	mu       sync.Mutex
	deposits map[common.Address]depositRead
}

// depositRead is one user's depositOf and when it was read.
type depositRead struct {
	value *uint256.Int
	at    time.Time
}

// New returns a Checker reading allowances through allow and deposits through dep.
func New(allow Allowances, dep Deposits, now func() time.Time) *Checker {
	if now == nil {
		now = time.Now
	}
	return &Checker{allow: allow, dep: dep, now: now, deposits: map[common.Address]depositRead{}}
}

// NewPool is a Checker on the ComputePool at pool (chain/allowance for the allowance, depositOf for the
// deposit); timeout bounds each call.
func NewPool(pool common.Address, caller bind.ContractCaller, timeout time.Duration) (*Checker, error) {
	src, err := allowance.New(pool, caller, 5*time.Minute, timeout, time.Now)
	if err != nil {
		return nil, err
	}
	c, err := computepool.NewComputePoolCaller(pool, caller)
	if err != nil {
		return nil, fmt.Errorf("credit: %w", err)
	}
	return New(src, PoolDeposits{Pool: c, Timeout: timeout}, time.Now), nil
}

// Verdict is what Covers found.
type Verdict struct {
	Covered   bool
	Day       uint64       // the chain's current protocol day
	Allowance *uint256.Int // allowance(user, Day)
	Deposit   *uint256.Int // the deposit counted (nil: not counted)
}

// Covers reports whether user's credit covers cost: allowance(user, d) + (useDeposit ? depositOf(user) : 0)
// >= cost, for d the chain's current protocol day. budget is called before each chain read (not before a
// cached answer); its error is returned as it is, with nothing read. At a day's first second the error
// wraps chain.ErrDayJustStarted.
func (c *Checker) Covers(ctx context.Context, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (Verdict, error) {
	day, err := c.allow.Day(ctx)
	if err != nil {
		return Verdict{}, err
	}
	v := Verdict{Day: day, Allowance: new(uint256.Int)}
	a, ok := c.allow.Cached(user, day)
	if !ok {
		if err := budget(); err != nil {
			return Verdict{}, err
		}
		if a, err = c.allow.Allowance(ctx, user, day); err != nil {
			return Verdict{}, err
		}
	}
	v.Allowance.Set(a)
	if covers(v, cost) {
		return v.ok(), nil
	}
	if useDeposit {
		if v.Deposit, err = c.deposit(ctx, user, budget); err != nil {
			return Verdict{}, err
		}
		if covers(v, cost) {
			return v.ok(), nil
		}
	}
	return v, nil
}

func (v Verdict) ok() Verdict { v.Covered = true; return v }

// covers: v's allowance plus its deposit (when counted) >= cost, without overflow.
func covers(v Verdict, cost *uint256.Int) bool {
	total := v.Allowance.Clone()
	if v.Deposit != nil {
		if _, overflow := total.AddOverflow(total, v.Deposit); overflow {
			return true
		}
	}
	return !cost.Gt(total)
}

// deposit is depositOf(user), read at most every DepositTTL.
func (c *Checker) deposit(ctx context.Context, user common.Address, budget func() error) (*uint256.Int, error) {
	c.mu.Lock()
	if d, ok := c.deposits[user]; ok && c.now().Sub(d.at) < DepositTTL {
		c.mu.Unlock()
		return d.value.Clone(), nil
	}
	c.mu.Unlock()
	if err := budget(); err != nil {
		return nil, err
	}
	d, err := c.dep.DepositOf(ctx, user)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	if len(c.deposits) >= maxUsers {
		c.deposits = map[common.Address]depositRead{}
	}
	c.deposits[user] = depositRead{d.Clone(), c.now()}
	c.mu.Unlock()
	return d, nil
}
