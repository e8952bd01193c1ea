// Package budget reads the ComputePool's daily compute budget for the public reports (PROTOCOL §4):
// today's budget, compute balance, committed credits and budget share, the compute emission accrued so far,
// and the same figures for the past days.
//
// Every figure of one report is read at one block (the head when the report is built), so they agree with
// each other. Reports are cached for TTL (a few seconds). A past day's figures never change once the
// next day has begun — computeBalance(d) and budget(d) depend on the total committed before d, committedOn(d)
// on the total at the end of d, the budget share in force on d is fixed the day before (setBudgetBps takes
// effect the next day), and commits and vetoes only ever write today's checkpoint — so past days are
// read once and cached for good: a report costs a bounded number of eth_calls.
package budget

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"golang.org/x/sync/errgroup"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// ErrNotStarted is returned before the pool's payoutStart: there is no protocol day yet.
var ErrNotStarted = errors.New("budget: payouts have not started")

// Backend is the part of the chain client the source uses (chain.Client implements it).
type Backend interface {
	bind.ContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// Day is one day's figures.
type Day struct {
	Day            uint64       `json:"day,string"`
	ComputeBalance *uint256.Int `json:"computeBalance"` // computeBalance(day)
	Budget         *uint256.Int `json:"budget"`         // budget(day)
	Committed      *uint256.Int `json:"committed"`      // committedOn(day); today: so far
}

// Report is the budget as of one block. Shared between callers: do not modify.
type Report struct {
	Now            uint64       `json:"now,string"` // the block's timestamp
	Block          uint64       `json:"block,string"`
	PayoutStart    uint64       `json:"payoutStart,string"`
	Interval       uint64       `json:"interval,string"`
	Day            uint64       `json:"day,string"`       // currentDay()
	BudgetBps      uint64       `json:"budgetBps,string"` // budgetBpsAt(day)
	ComputeAccrued *uint256.Int `json:"computeAccrued"`   // computeAccrued(now)
	ComputeBalance *uint256.Int `json:"computeBalance"`   // computeBalance(day)
	Budget         *uint256.Int `json:"budget"`           // budget(day)
	Committed      *uint256.Int `json:"committed"`        // committedOn(day)
	History        []Day        `json:"history"`          // the last HistoryDays days, today included, oldest first
}

// Config tunes a Source. Zero values take the defaults noted.
type Config struct {
	TTL         time.Duration // how long a report is served from the cache (default 5s)
	HistoryDays int           // days in History, today included (default 30)
	Timeout     time.Duration // per eth_call / header request (default 10s)
	Parallel    int           // concurrent eth_calls while building a report (default 8)
	Now         func() time.Time
}

// Source builds budget reports. Safe for concurrent use.
type Source struct {
	cfg     Config
	pool    *computepool.ComputePoolCaller
	backend Backend

	build sync.Mutex // one report is built at a time; callers waiting meanwhile get its result

	mu       sync.Mutex
	report   *Report
	reportAt time.Time
	consts   *[2]uint64     // payoutStart, interval (immutables)
	past     map[uint64]Day // frozen past days
	calls    int            // eth_calls made
}

// New returns a Source for the ComputePool at pool.
func New(pool common.Address, backend Backend, cfg Config) (*Source, error) {
	if cfg.TTL == 0 {
		cfg.TTL = 5 * time.Second
	}
	if cfg.HistoryDays <= 0 {
		cfg.HistoryDays = 30
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Parallel <= 0 {
		cfg.Parallel = 8
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	c, err := computepool.NewComputePoolCaller(pool, backend)
	if err != nil {
		return nil, fmt.Errorf("budget: %w", err)
	}
	return &Source{cfg: cfg, pool: c, backend: backend, past: map[uint64]Day{}}, nil
}

// Calls returns how many eth_calls the source has made (for tests of its caching).
func (s *Source) Calls() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls
}

func (s *Source) cached() *Report {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.report != nil && s.cfg.Now().Sub(s.reportAt) < s.cfg.TTL {
		return s.report
	}
	return nil
}

// Report returns the current report, from the cache when it is younger than TTL.
func (s *Source) Report(ctx context.Context) (*Report, error) {
	if r := s.cached(); r != nil {
		return r, nil
	}
	s.build.Lock()
	defer s.build.Unlock()
	if r := s.cached(); r != nil {
		return r, nil
	}
	r, err := s.fetch(ctx)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.report, s.reportAt = r, s.cfg.Now()
	s.mu.Unlock()
	return r, nil
}

// call runs one eth_call with the per-call timeout and converts its uint256 result.
func (s *Source) call(ctx context.Context, block *big.Int, f func(*bind.CallOpts) (*big.Int, error)) (*uint256.Int, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	defer cancel()
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	v, err := f(&bind.CallOpts{Context: ctx, BlockNumber: block})
	if err != nil {
		return nil, err
	}
	u, overflow := uint256.FromBig(v)
	if overflow {
		return nil, errors.New("value overflows uint256")
	}
	return u, nil
}

func u64(v *uint256.Int, what string) (uint64, error) {
	if !v.IsUint64() {
		return 0, fmt.Errorf("budget: %s out of range", what)
	}
	return v.Uint64(), nil
}

func (s *Source) fetch(ctx context.Context) (*Report, error) {
	hctx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
	head, err := s.backend.HeaderByNumber(hctx, nil)
	cancel()
	if err != nil {
		return nil, fmt.Errorf("budget: head: %w", err)
	}
	block := head.Number
	s.mu.Lock()
	consts := s.consts
	s.mu.Unlock()
	if consts == nil {
		ps, err := s.call(ctx, block, s.pool.PayoutStart)
		if err != nil {
			return nil, fmt.Errorf("budget: payoutStart: %w", err)
		}
		iv, err := s.call(ctx, block, s.pool.Interval)
		if err != nil {
			return nil, fmt.Errorf("budget: interval: %w", err)
		}
		var c [2]uint64
		if c[0], err = u64(ps, "payoutStart"); err != nil {
			return nil, err
		}
		if c[1], err = u64(iv, "interval"); err != nil {
			return nil, err
		}
		consts = &c
		s.mu.Lock()
		s.consts = consts
		s.mu.Unlock()
	}
	r := &Report{Now: head.Time, Block: block.Uint64(), PayoutStart: consts[0], Interval: consts[1]}
	if r.Now < r.PayoutStart {
		return nil, fmt.Errorf("%w (payoutStart %d, chain time %d)", ErrNotStarted, r.PayoutStart, r.Now)
	}
	dayV, err := s.call(ctx, block, s.pool.CurrentDay)
	if err != nil {
		return nil, fmt.Errorf("budget: currentDay: %w", err)
	}
	if r.Day, err = u64(dayV, "currentDay"); err != nil {
		return nil, err
	}
	day := new(big.Int).SetUint64(r.Day)

	// Past days not cached yet.
	first := uint64(0)
	if n := uint64(s.cfg.HistoryDays - 1); r.Day > n {
		first = r.Day - n
	}
	s.mu.Lock()
	var missing []uint64
	for d := first; d < r.Day; d++ {
		if _, ok := s.past[d]; !ok {
			missing = append(missing, d)
		}
	}
	s.mu.Unlock()
	fetched := make([]Day, len(missing))

	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.cfg.Parallel)
	var bps *uint256.Int
	one := func(dst **uint256.Int, what string, f func(*bind.CallOpts) (*big.Int, error)) {
		g.Go(func() error {
			v, err := s.call(gctx, block, f)
			if err != nil {
				return fmt.Errorf("budget: %s: %w", what, err)
			}
			*dst = v
			return nil
		})
	}
	now := new(big.Int).SetUint64(r.Now)
	one(&r.ComputeAccrued, "computeAccrued", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.ComputeAccrued(o, now) })
	one(&r.ComputeBalance, "computeBalance", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.ComputeBalance(o, day) })
	one(&r.Budget, "budget", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.Budget(o, day) })
	one(&r.Committed, "committedOn", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.CommittedOn(o, day) })
	one(&bps, "budgetBpsAt", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.BudgetBpsAt(o, day) })
	for i, d := range missing {
		fetched[i].Day = d
		dd := new(big.Int).SetUint64(d)
		one(&fetched[i].ComputeBalance, "computeBalance", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.ComputeBalance(o, dd) })
		one(&fetched[i].Budget, "budget", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.Budget(o, dd) })
		one(&fetched[i].Committed, "committedOn", func(o *bind.CallOpts) (*big.Int, error) { return s.pool.CommittedOn(o, dd) })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	if r.BudgetBps, err = u64(bps, "budgetBps"); err != nil {
		return nil, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range fetched {
		s.past[d.Day] = d
	}
	for d := range s.past {
		if d < first {
			delete(s.past, d) // out of the window for good
		}
	}
	r.History = make([]Day, 0, r.Day-first+1)
	for d := first; d < r.Day; d++ {
		r.History = append(r.History, s.past[d])
	}
	r.History = append(r.History, Day{Day: r.Day, ComputeBalance: r.ComputeBalance, Budget: r.Budget, Committed: r.Committed})
	return r, nil
}
