// Package credit tells provider serve whether a session ticket's user can pay for it: keepers credit a
// user's sessions of protocol day d only within allowance(user, d) plus, where the RFC says useDeposit, the
// user's deposit, in total (PROTOCOL §8, keeper/ledger: the rest is rejected allowance_exceeded), so a
// session beyond what is left of them is served for nothing — a ROUTER_ROLE key can sign a valid RFC with
// a fresh 0-MOR key and issue itself a matching ticket, or issue a user key of its own with an allowance
// for one session the tickets of many. The provider refuses such a ticket on the session's first request.
//
// It counts what it admitted already, as an honest router does (router/store's usage and deposit_usage
// rows): per user and day, a tally of the reservations (pricePerSecond × maxSeconds) of the sessions it
// admitted that are still open, each replaced by what the session billed when it closes (its close
// report's seconds within maxSeconds, × pricePerSecond) and released entirely when it never opened or
// billed nothing. A session is admitted (Checker.Admit) when its reservation fits after the tally: the
// allowance's part first, allowance(user, d) minus what the day's sessions took of it; the rest, only with
// useDeposit, from depositOf(user) minus what they took of it (router/store CreateSession's split). Checked
// once, at a session's first request: an admitted session is never refused later, and one user's tally
// never refuses another user. The reservation is taken under a lock after the chain values are read, so
// concurrent first requests of a user's sessions admit no more than fits.
//
// d is the chain's current protocol day (ComputePool.currentDay) at admission, and the session stays in its
// tally: keepers charge a session to the day of its closedAt, never earlier than its first request, so a
// ticket issued before a day boundary on the previous day's allowance is credited only within the new day's.
// The check takes the deposit as depositOf shows it (ignoring pending withdrawals and the spend already
// proven) and counts only the day's deposit spend here: never stricter than an honest router. It cannot
// see what the user spends elsewhere (other providers, sessions served here unchecked because a read
// failed): the keepers credit what exceeds to no one.
//
// Memory: one tally per user and day, of the current day only (past days dropped; at maxUserDays, first
// the tallies of no open session, then all), one hold per session admitted and not yet closed (as many as
// the provider's session table holds open, plus first requests in progress).
//
// Restarts: the tallies live in memory and start empty. What provider serve persists does not rebuild
// them: a close report in its outbox carries neither the ticket's user and price nor the day, and the
// journal holds only the sessions open at a crash (closed one-sided at start). After a restart a user can
// be admitted again up to one day's credit: the bound holds per run of the process.
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
	"github.com/laketravis/laketravis/protocol/wire"
)

// DepositTTL is how long a deposit read is used for its user before it is read again.
const DepositTTL = time.Minute

// maxUsers bounds the deposit cache; when full it starts over (a miss costs a read, held to the budget).
const maxUsers = 1 << 18

// maxUserDays bounds the tallies of what was admitted (Checker.track); a variable for tests.
var maxUserDays = 1 << 18

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

// Checker admits sessions within their users' credit and tallies what it admitted. Safe for concurrent use.
type Checker struct {
	allow Allowances
	dep   Deposits
	now   func() time.Time

	mu       sync.Mutex
	deposits map[common.Address]depositRead
	holds    map[common.Hash]*hold // the sessions holding a reservation
	tallies  map[userDay]*tally    // what was admitted per user and day, of the current day only
	day      uint64                // the newest day a session was admitted on
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
	return &Checker{allow: allow, dep: dep, now: now, deposits: map[common.Address]depositRead{},
		holds: map[common.Hash]*hold{}, tallies: map[userDay]*tally{}}
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

// Verdict is what Admit found.
type Verdict struct {
	Covered   bool
	Day       uint64       // the chain's current protocol day
	Allowance *uint256.Int // allowance(user, Day)
	Deposit   *uint256.Int // the deposit counted (nil: not counted)
	// Admitted is what this provider had admitted for the user on Day before this session: the reservations
	// of its sessions still open and the bills of those closed (Checker), the allowance's part and the
	// deposit's together.
	Admitted *uint256.Int
}

// Admit admits session id of user, whose ticket costs cost (pricePerSecond × maxSeconds), when the user's
// credit of the chain's current protocol day d still covers it after what this provider admitted for the
// user on d (see Checker): the allowance's part first, allowance(user, d) minus what the day's sessions took
// of it; the rest, when useDeposit, from depositOf(user) minus what they took of it. Admitted, cost is held
// for the session (a reservation) until Done releases it (the session not open when its first requests
// end) or Closed replaces it by what the session billed. A session held already (a request racing its
// first) is counted once (reserve). The chain values are read before the lock the reservation is taken under: two sessions of one user
// admitted at once never both take the same credit.
//
// budget is called before each chain read (not before a cached answer); its error is returned as it is,
// with nothing read and nothing held. At a day's first second the error wraps chain.ErrDayJustStarted.
func (c *Checker) Admit(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (Verdict, error) {
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
	if v = c.reserve(id, user, cost, v); v.Covered || !useDeposit {
		return v, nil
	}
	if v.Deposit, err = c.deposit(ctx, user, budget); err != nil {
		return Verdict{}, err
	}
	return c.reserve(id, user, cost, v), nil
}

// userDay is one user's protocol day.
type userDay struct {
	user common.Address
	day  uint64
}

// tally is what this provider admitted for one user on one day: the allowance's and the deposit's parts
// of its sessions' reservations while they are open, of their bills once closed (the router's usage and
// deposit_usage rows).
type tally struct {
	allowance, deposit uint256.Int
	live               int // sessions holding a reservation on it
}

// hold is one admitted session's reservation, split as its tally took it.
type hold struct {
	t                  *tally // its user-day's (stays the session's even once dropped from Checker.tallies)
	allowance, deposit uint256.Int
	refs               int // first requests of the session in progress (Admit without Done)
}

// reserve takes cost for session id from v's allowance and, when v.Deposit is set, deposit, after what
// user's tally of v.Day holds already (under c.mu): the allowance's part first, as router/store's
// CreateSession and its chargeDepositTx split a reservation. It returns v with Covered set when the session
// is held and Admitted set. A session held already (a request racing its first) takes only what cost
// exceeds its reservation by (another ticket of the same session id, a higher price or more seconds, which
// the session table refuses once the session is open, ErrTicketMismatch, but not before), from its tally.
func (c *Checker) reserve(id common.Hash, user common.Address, cost *uint256.Int, v Verdict) Verdict {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, held := c.holds[id]
	var t *tally
	need := cost
	if held {
		t = h.t
		need = sub0(cost, new(uint256.Int).Add(&h.allowance, &h.deposit))
	} else if t = c.tallies[userDay{user, v.Day}]; t == nil {
		t = &tally{}
	}
	v.Admitted = new(uint256.Int).Add(&t.allowance, &t.deposit)
	if held {
		v.Admitted = sub0(v.Admitted, new(uint256.Int).Add(&h.allowance, &h.deposit))
	}
	fromAllowance := sub0(v.Allowance, &t.allowance)
	if fromAllowance.Gt(need) {
		fromAllowance.Set(need)
	}
	fromDeposit := new(uint256.Int).Sub(need, fromAllowance)
	if !fromDeposit.IsZero() {
		after, overflow := new(uint256.Int).AddOverflow(&t.deposit, fromDeposit)
		if v.Deposit == nil || overflow || after.Gt(v.Deposit) {
			return v
		}
	}
	if !held {
		key := userDay{user, v.Day}
		if _, ok := c.tallies[key]; !ok {
			c.track(key, t)
		}
		h = &hold{t: t}
		c.holds[id] = h
		t.live++
	}
	t.allowance.Add(&t.allowance, fromAllowance)
	t.deposit.Add(&t.deposit, fromDeposit)
	h.allowance.Add(&h.allowance, fromAllowance)
	h.deposit.Add(&h.deposit, fromDeposit)
	h.refs++
	v.Covered = true
	return v
}

// track adds tally t of key to c.tallies (under c.mu), dropping the tallies of days before key's (keepers
// and routers charge a session to one day; the sessions still open of a dropped tally settle into it, no
// longer counted) and, when c.tallies is full, first those of no open session (their bills forgotten),
// then every one: memory stays bounded whatever tickets a router signs.
func (c *Checker) track(key userDay, t *tally) {
	if key.day > c.day {
		c.day = key.day
		for k := range c.tallies {
			if k.day < c.day {
				delete(c.tallies, k)
			}
		}
	}
	if len(c.tallies) >= maxUserDays {
		for k, t := range c.tallies {
			if t.live == 0 {
				delete(c.tallies, k)
			}
		}
	}
	if len(c.tallies) >= maxUserDays {
		clear(c.tallies)
	}
	c.tallies[key] = t
}

// Done ends a request Admit admitted (Covered) session id for: open says whether the session is open at
// the provider now. When no other request Admit admitted it for is in progress and the session is not open
// — its first request failed before the session table took it, or it opened and closed already (Closed
// ended its hold; this one is of a request admitted after that, which the table refuses) — its reservation
// is released entirely. An open session's hold stays until Closed.
func (c *Checker) Done(id common.Hash, open bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.holds[id]
	if !ok {
		return
	}
	if h.refs--; h.refs <= 0 && !open {
		c.settle(id, h, new(uint256.Int))
	}
}

// Closed replaces session id's reservation by billed, what it billed (billed seconds × pricePerSecond, as
// its close report says): the allowance's part of the reservation first, the deposit for the rest (as
// router/store's CloseSession, wire.Payment.Billed). A session that billed nothing releases it entirely.
// A session not held (served unchecked, or closed already) changes nothing.
func (c *Checker) Closed(id common.Hash, billed *uint256.Int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if h, ok := c.holds[id]; ok {
		c.settle(id, h, billed)
	}
}

// settle ends hold h of session id, leaving billed in its tally (under c.mu).
func (c *Checker) settle(id common.Hash, h *hold, billed *uint256.Int) {
	delete(c.holds, id)
	p := (&wire.Payment{Allowance: &h.allowance, Deposit: &h.deposit}).Billed(billed)
	if p.Deposit.Gt(&h.deposit) { // billed beyond the reservation: at most the reservation counts
		p.Deposit.Set(&h.deposit)
	}
	t := h.t
	t.allowance.Add(sub0(&t.allowance, &h.allowance), p.Allowance)
	t.deposit.Add(sub0(&t.deposit, &h.deposit), p.Deposit)
	t.live--
}

// sub0 is a − b, never below zero.
func sub0(a, b *uint256.Int) *uint256.Int {
	if a.Lt(b) {
		return new(uint256.Int)
	}
	return new(uint256.Int).Sub(a, b)
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
