// Package allowance reads a user's free daily compute from the ComputePool (PROTOCOL §4:
// allowance(user, d) = budget(d) × getPastVotes(user, dayStart) / getPastTotalSupply(dayStart)). The value
// is fixed by day-start checkpoints, so it is cached per user for the whole day; the current day is the
// chain's own (ComputePool.currentDay), read again at the day's end by the clock (payoutStart + (d+1) ×
// interval, so a new day is noticed at its boundary) and at least every DayTTL, so a devnet with a warped
// clock works too. The router reads it to admit RFCs, provider serve (provider/credit) to refuse a ticket
// its user's allowance does not cover.
package allowance

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/protocol/settle"
)

// maxCached bounds the per-day cache; when full it starts over (a cache miss costs one eth_call).
const maxCached = 1 << 20

// Source is safe for concurrent use.
type Source struct {
	pool    *computepool.ComputePoolCaller
	dayTTL  time.Duration
	timeout time.Duration
	now     func() time.Time

	mu      sync.Mutex
	day     uint64
	dayAt   time.Time
	dayEnd  time.Time // when the cached day ends by the clock (zero: unknown)
	dayOK   bool
	start   uint64 // ComputePool.payoutStart and interval (immutable), read once
	ivl     uint64
	byUser  map[common.Address]*uint256.Int
	cachedD uint64
}

// New returns a Source reading the ComputePool at pool through caller; timeout bounds each call.
func New(pool common.Address, caller bind.ContractCaller, dayTTL, timeout time.Duration, now func() time.Time) (*Source, error) {
	c, err := computepool.NewComputePoolCaller(pool, caller)
	if err != nil {
		return nil, fmt.Errorf("allowance: %w", err)
	}
	return &Source{pool: c, dayTTL: dayTTL, timeout: timeout, now: now, byUser: map[common.Address]*uint256.Int{}}, nil
}

// Day returns the current protocol day. A read answering the day before the one held, landing within a
// read's timeout of it (one issued before the day's turn landing after one issued since), is ignored and the
// newer day returned; a lower day read later is the chain's and is taken.
func (s *Source) Day(ctx context.Context) (uint64, error) {
	s.mu.Lock()
	now := s.now()
	// A day end already past when the day was read means the chain's clock lags this one: the TTL rules.
	if s.dayOK && now.Sub(s.dayAt) < s.dayTTL && (now.Before(s.dayEnd) || !s.dayEnd.After(s.dayAt)) {
		d := s.day
		s.mu.Unlock()
		return d, nil
	}
	ivl := s.ivl
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	opts := &bind.CallOpts{Context: ctx}
	var start uint64
	if ivl == 0 {
		ps, err := s.pool.PayoutStart(opts)
		if err != nil {
			return 0, fmt.Errorf("allowance: payoutStart: %w", err)
		}
		iv, err := s.pool.Interval(opts)
		if err != nil {
			return 0, fmt.Errorf("allowance: interval: %w", err)
		}
		start, ivl = ps.Uint64(), iv.Uint64()
	}
	d, err := s.pool.CurrentDay(opts)
	if err != nil {
		return 0, fmt.Errorf("allowance: currentDay: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ivl == 0 {
		s.start, s.ivl = start, ivl
	}
	if s.dayOK && d.Uint64()+1 == s.day && s.now().Sub(s.dayAt) <= s.timeout {
		// A read of the day before the one held, landing within a read's timeout of it: two reads in flight
		// at the day's turn, the stale one landing last. Cached, it would undo the turn for dayTTL. Any
		// other lower day is the chain's (a devnet started again, a reorg across the turn): taken, or the
		// day held would never move again.
		return s.day, nil
	}
	s.day, s.dayAt, s.dayOK = d.Uint64(), s.now(), true
	s.dayEnd = time.Unix(int64(s.start+(d.Uint64()+1)*s.ivl), 0)
	return s.day, nil
}

// DayAt returns the protocol day unix time t falls in (settle.Day over payoutStart and interval, read once
// with Day). Keepers charge a session to the day of its closedAt.
func (s *Source) DayAt(ctx context.Context, t uint64) (uint64, error) {
	start, ivl := s.calendar()
	if ivl == 0 {
		if _, err := s.Day(ctx); err != nil {
			return 0, err
		}
		start, ivl = s.calendar()
	}
	day, ok := settle.Day(start, ivl, t)
	if !ok {
		return 0, fmt.Errorf("allowance: time %d has no protocol day (payoutStart %d)", t, start)
	}
	return day, nil
}

// calendar is payoutStart and interval as read by Day (interval 0: not yet).
func (s *Source) calendar() (start, ivl uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.start, s.ivl
}

// Cached returns user's allowance for day when it is cached: when Allowance would not call the chain.
func (s *Source) Cached(user common.Address, day uint64) (*uint256.Int, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.byUser[user]; ok && s.cachedD == day {
		return v.Clone(), true
	}
	return nil, false
}

// Allowance returns user's allowance for day (cached, zero included: one eth_call per user and day);
// at the day's first second an error wrapping chain.ErrDayJustStarted.
func (s *Source) Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	if v, ok := s.Cached(user, day); ok {
		return v, nil
	}
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	// At the very first second of the day (ComputePool.DayNotStarted) nothing is cached; the next block answers.
	v, err := chain.PoolAllowance(s.pool, &bind.CallOpts{Context: ctx}, user, day)
	if err != nil {
		return nil, fmt.Errorf("allowance: %w", err)
	}
	a, overflow := uint256.FromBig(v)
	if overflow {
		return nil, fmt.Errorf("allowance: value overflows uint256")
	}
	s.mu.Lock()
	switch {
	case day < s.cachedD: // a past day's (a late close's): not cached, so it never evicts today's
	case s.cachedD != day || len(s.byUser) >= maxCached:
		s.byUser, s.cachedD = map[common.Address]*uint256.Int{}, day
		fallthrough
	default:
		s.byUser[user] = a
	}
	s.mu.Unlock()
	return a.Clone(), nil
}
