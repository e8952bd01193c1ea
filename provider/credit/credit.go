// Package credit tells provider serve whether a session ticket's user can pay for it: keepers credit a
// user's sessions of protocol day d only within allowance(user, d) plus, where the RFC says useDeposit, the
// user's deposit, in total (PROTOCOL §8, keeper/ledger: the rest is rejected allowance_exceeded), so a
// session beyond what is left of them is served for nothing — a ROUTER_ROLE key can sign a valid RFC with
// a fresh 0-MOR key and issue itself a matching ticket, or issue a user key of its own with an allowance
// for one session the tickets of many. The provider refuses such a ticket on the session's first request.
//
// It counts what it admitted already, as an honest router does (router/store's usage and deposit_usage
// rows): the reservations (pricePerSecond × maxSeconds) of the sessions it admitted that are still open,
// each replaced by what the session billed when it closes (its close report's seconds within maxSeconds,
// × pricePerSecond) and released entirely when it never opened or billed nothing. A session is admitted
// (Checker.Admit) when its reservation fits after what was counted: the allowance's part first,
// allowance(user, d) minus what the user's sessions took of it on day d; the rest, only with useDeposit,
// from depositOf(user) minus what the user's sessions took of the deposit, every day's (router/store
// CreateSession's split). Checked at a session's first request — provider serve checks it (Check, taking
// nothing) before the request's body and signature, and takes the reservation (Admit) only once the
// session key's signature verified, so no one but the session key's holder holds a user's credit. An
// admitted session is never refused later, and one user's count never refuses another user (but at the
// bound, below). The reservation is taken under a lock after the chain values are read, so concurrent
// first requests of a user's sessions admit no more than fits. A ticket costing nothing is covered with
// nothing read or counted.
//
// The allowance's part is counted per user and day. d is the chain's current protocol day
// (ComputePool.currentDay) at admission: keepers charge a session to the day of its closedAt, never earlier
// than its first request, so a ticket issued before a day boundary on the previous day's allowance is
// credited only within the new day's. For the same reason, at the day's turn the sessions still open carry
// their reservation's allowance part into the new day's count, and their bills stay in the day they close
// on: a session admitted at 23:59 on day d and one after midnight are both charged to d + 1, so the later
// one is covered only by what the earlier leaves of allowance(d + 1). This is stricter than router/store,
// which counts a session in the day it was created on, and right: keepers credit the later sessions
// nothing. (A session closing after the turn but before the provider's first check of the new day leaves
// its bill in the old day's count, dropped: lenient.) A day read older than the newest the checker saw (a
// read issued just before the turn) is refused ErrDayBehind, to be retried: counted in the old
// day it would take a second allowance beside the new day's.
//
// The deposit's part is counted per user across days, never reset: depositOf is what the user deposited
// minus what it withdrew, spend does not lower it, and a withdrawal never pays out what was spent
// (ComputePool.withdraw holds back the proven and pending spend), so keepers charge a deposit up to
// depositOf minus the user's cumulative spend (keeper/ledger). The router's rule comes to the same:
// depositOf minus the spend the last withdrawal proved (cumulative) minus what it charged since
// (router/store's deposit_usage per withdrawal generation). The check takes depositOf as it reads it, or no
// deposit at all while the user has a withdrawal request pending (ComputePool.pendingWithdrawal: keepers
// charge no deposit for a session started after the request, and routers admit none; read afresh for each
// reservation taking of the deposit, below), and counts only what
// it admitted itself, a part of the user's spend. It cannot see what the user spends elsewhere (other
// providers, sessions served here unchecked because a read failed): the keepers credit what exceeds to no
// one. The split of a session's bill between the allowance and the deposit is the one its reservation took
// at admission, allowance first; keepers split the bills of a user-day allowance first in their own order
// (keeper/ledger, by closedAt), so when a session admitted on the allowance bills less than it reserved after
// a later one was admitted on the deposit, keepers charge the deposit less than counted here: the deposit's
// count can drift stricter than the keepers' (never more lenient); a restart keeps it (Restarts, below).
//
// Memory: one count per user and day of the current day only (past days dropped at the turn), one per user
// who spent from a deposit here, each at most maxUserDays. A count back to nothing with no session open (its
// sessions never opened or billed nothing) is dropped at once, so every count kept counts something or holds
// an open session; none is ever dropped for another (forgotten, its user would be admitted again what
// keepers credit no one: a hostile router's fresh keys could forget a user's spent deposit). At the bound a
// user with no count is refused ErrFull (provider serve: 503 with Retry-After) until a count is dropped (its
// sessions release it, or the day's turn for the allowance's), with no scan of the counts. The trade-off:
// filling them takes maxUserDays users whose sessions billed something at this provider (paid to it) or hold
// one open, and then new users wait for the day's turn (the allowance's); the deposit's stay full across
// restarts (Restarts, below) until the file they are kept in is removed.
// One hold per session admitted and not yet closed (as many as the provider's session table holds open,
// plus first requests in progress).
//
// Restarts: provider serve keeps the counts across restarts (Counts, Restore): saved whole beside the
// journal of open sessions before each flush of it (every second when they changed, and at shutdown after
// the open sessions were closed with their bills), restored at start. The open sessions' reservations are
// saved apart and come back as holds, carried into a new day at its turn as live ones are; the journal
// closes those sessions one-sided at start, replacing each hold by its bill, and the holds nothing closed
// (a session closed after the last save) are then counted in full (ReleaseRestored): stricter, never more
// lenient. A crash loses what was admitted since the last save (a second's admissions while the disk
// takes the writes; while it does not, the counts are logged unwritten and a crash loses everything
// since). The bills of restored holds closed before the first day read go to that day, as keepers date
// those closes. A day read after a restore lower than the restored one is refused ErrDayBehind, and taken
// once it has been read for lowerWait, 11 minutes (the chain started again, a devnet over the same state):
// the restored allowance counts are then dropped rather than every session refused until the chain
// reaches that day, and one lagging node's answer drops nothing. The file holds every count (about 90
// bytes each; tens of MB and a lock held for a tenth of a second per save at the bound of 2^18 users of
// each kind).
//
// Reads: allowance(user, d) through chain/allowance (the router's reader), cached for the day; the deposit
// per user for at most DepositTTL (a deposit made during the day counts within it), one read being two
// eth_calls (pendingWithdrawal, then depositOf) for one unit of the budget; but a reservation taking of the
// deposit (Admit) reads pendingWithdrawal afresh, one eth_call and one unit, since a withdrawal requested
// after the cached read would be missed (a cached "pending" refuses; a cached "none" never admits). Each
// chain read first passes the caller's budget (provider serve: one per ticket's router), which may refuse it.
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

// WithdrawalFresh is how old a cached "no withdrawal pending" may be and still admit on the deposit: about a
// block. Older, an admission taking of the deposit reads pendingWithdrawal again; younger, the read a moment
// before (Check's, or another session's) serves, so a user's burst of first requests does not spend its
// router's read budget twice each.
const WithdrawalFresh = 2 * time.Second

// maxUsers bounds the deposit cache; when full it starts over (a miss costs a read, held to the budget).
const maxUsers = 1 << 18

// maxUserDays bounds the tallies of what was admitted, each of the allowance's (per user and day) and the
// deposit's (per user) (Checker.reserve); a variable for tests.
var maxUserDays = 1 << 18

// Allowances is the allowance reader (*allowance.Source).
type Allowances interface {
	Day(ctx context.Context) (uint64, error)
	Cached(user common.Address, day uint64) (*uint256.Int, bool)
	Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error)
}

// Deposits reads a user's deposit: ComputePool.depositOf(user), and whether the user has a withdrawal
// request pending (ComputePool.pendingWithdrawal): then a new session may take no deposit.
type Deposits interface {
	DepositOf(ctx context.Context, user common.Address) (*uint256.Int, error)
	WithdrawalPending(ctx context.Context, user common.Address) (bool, error)
}

// PoolDeposits reads depositOf and pendingWithdrawal from the ComputePool (a Deposits).
type PoolDeposits struct {
	Pool    *computepool.ComputePoolCaller
	Timeout time.Duration
}

// DepositOf is ComputePool.depositOf(user).
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

// WithdrawalPending reports whether ComputePool.pendingWithdrawal(user) is not zero: keepers charge no
// deposit for a session started after a pending withdrawal request (keeper/ledger), and routers admit none
// (PROTOCOL §4).
func (p PoolDeposits) WithdrawalPending(ctx context.Context, user common.Address) (bool, error) {
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	w, err := p.Pool.PendingWithdrawal(&bind.CallOpts{Context: ctx}, user)
	if err != nil {
		return false, fmt.Errorf("credit: ComputePool.pendingWithdrawal(%s): %w", user, err)
	}
	return w.Amount != nil && w.Amount.Sign() != 0, nil
}

// Checker admits sessions within their users' credit and tallies what it admitted. Safe for concurrent use.
type Checker struct {
	allow Allowances
	dep   Deposits
	now   func() time.Time

	mu       sync.Mutex
	deposits map[common.Address]depositRead
	holds    map[common.Hash]*hold  // the sessions holding a reservation
	tallies  counts[userDay]        // the allowance's part of what was admitted per user and day, the current day's
	spent    counts[common.Address] // the deposit's part of what was admitted per user, every day's
	day      uint64                 // the newest day a session was checked on
	changed  bool                   // a count changed since Counts last returned them
	// restored: Restore set day, and no session was checked since; carry is the allowance part of the bills
	// of restored holds settled meanwhile (the journal's sessions closed at start), which a first read of a
	// later day carries into it (their closes are dated then); lowerAt is when a day below the restored one
	// was first read since, lowerLast when last (lowerWait).
	restored           bool
	carry              map[common.Address]*uint256.Int
	lowerAt, lowerLast time.Time
}

// lowerWait is how long a day below the one counts were restored for must keep being read, with no read of
// the restored day or a later one and no gap of lowerWait between two reads, before it is taken (the chain
// was started again: a devnet over the same state) and the restored allowance counts dropped; meanwhile
// ErrDayBehind (503, retried). Longer than twice the day cache of NewPool's allowance reader (5 minutes:
// a lagging node's answer, once cached, is served that long), so the lower day is read from the chain at
// least twice: one lagging node's answer after a restart does not drop the day's counts.
const lowerWait = 11 * time.Minute

// depositRead is one user's depositOf, whether a withdrawal was pending, and when they were read; noneAt
// is when "no withdrawal pending" was last read (at, or a fresh read of pendingWithdrawal alone since).
type depositRead struct {
	value   *uint256.Int
	pending bool
	at      time.Time
	noneAt  time.Time
}

// New returns a Checker reading allowances through allow and deposits through dep.
func New(allow Allowances, dep Deposits, now func() time.Time) *Checker {
	if now == nil {
		now = time.Now
	}
	return &Checker{allow: allow, dep: dep, now: now, deposits: map[common.Address]depositRead{},
		holds: map[common.Hash]*hold{}, tallies: newCounts[userDay](), spent: newCounts[common.Address]()}
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

// ErrFull is Admit's refusal of a user with no count yet while the counts are at their bound (each counts
// something or holds an open session, and none is dropped for a new one): a 503 the caller retries.
var ErrFull = errors.New("credit: the provider's tallies of what it admitted are full: retry later")

// ErrDayBehind is the refusal of a session whose protocol day was read as older than the newest day this
// checker has seen (a read issued just before the day's turn): counted against the old day,
// it would take a fresh tally beside the new day's. A 503 the caller retries at once.
var ErrDayBehind = errors.New("credit: the protocol day read is behind the day's turn already seen: retry")

// ErrWithdrawalUnread is Admit's refusal when pendingWithdrawal, read afresh for an admission taking of the
// deposit, could not be read: serving the session unchecked would admit on the deposit a user who may have
// requested a withdrawal (keepers charge no deposit then).
var ErrWithdrawalUnread = errors.New("credit: whether the user's deposit has a withdrawal pending could not be read: retry")

// Verdict is what Admit (or Check) found.
type Verdict struct {
	Covered   bool
	Held      bool         // Admit took a reservation for the session: Done ends the request
	Day       uint64       // the chain's current protocol day
	Allowance *uint256.Int // allowance(user, Day)
	Deposit   *uint256.Int // the deposit counted (nil: not counted; zero while a withdrawal is pending)
	// WithdrawalPending: the user has a withdrawal request pending, so no deposit was counted.
	WithdrawalPending bool
	// Admitted is what this provider had admitted for the user before this session (Checker): the
	// allowance's part of Day's, the deposit's part of every day's, the open sessions' reservations and the
	// closed ones' bills, together.
	Admitted *uint256.Int
}

// Admit admits session id of user, whose ticket costs cost (pricePerSecond × maxSeconds), when the user's
// credit still covers it after what this provider admitted for the user (see Checker): the allowance's
// part first, allowance(user, d) of the chain's current protocol day d minus what d's sessions took of it;
// the rest, when useDeposit, from depositOf(user) minus what the user's sessions took of the deposit. A
// zero cost is covered with nothing read, tallied or held. Admitted (Held), cost is held for the session (a
// reservation) until Done releases it (the session not open when its first requests end) or Closed
// replaces it by what the session billed. A session held already (a request racing its first) is counted
// once (reserve). The chain values are read before the lock the reservation is taken under: two sessions
// of one user admitted at once never both take the same credit.
//
// budget is called before each chain read (not before a cached answer); its error is returned as it is,
// with nothing read and nothing held. At a day's first second the error wraps chain.ErrDayJustStarted;
// a user with no tally while the tallies are full gets ErrFull.
func (c *Checker) Admit(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (Verdict, error) {
	return c.admit(ctx, id, true, user, useDeposit, cost, budget)
}

// Check is Admit taking nothing: whether the user's credit covers session id's cost now, after what this
// provider admitted for the user (reading the chain values as Admit, for Admit to find them cached). A
// session's first request is checked before its body and signature (a cheap refusal) and admitted after.
func (c *Checker) Check(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (Verdict, error) {
	return c.admit(ctx, id, false, user, useDeposit, cost, budget)
}

// admit is Admit with take, Check without.
func (c *Checker) admit(ctx context.Context, id common.Hash, take bool, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (Verdict, error) {
	if cost.IsZero() {
		// Keepers credit it nothing: nothing to check, and nothing to tally (no entry a tally's bound counts).
		return Verdict{Covered: true, Allowance: new(uint256.Int), Admitted: new(uint256.Int)}, nil
	}
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
	if v, err = c.reserve(id, take, user, cost, v); err != nil || v.Covered || !useDeposit {
		return v, err
	}
	if v.Deposit, v.WithdrawalPending, err = c.deposit(ctx, user, take, budget); err != nil {
		return Verdict{}, err
	}
	return c.reserve(id, take, user, cost, v)
}

// userDay is one user's protocol day.
type userDay struct {
	user common.Address
	day  uint64
}

// count is what this provider admitted for one user on one day (the allowance's part: its sessions'
// reservations while they are open, their bills once closed; the router's usage rows), or for one user
// every day (the deposit's part; keepers charge a deposit up to depositOf minus the user's cumulative spend).
type count[K comparable] struct {
	key    K
	amount uint256.Int
	holds  int // the holds counted in it (sessions open or first requests in progress)
}

// counts are the counts of one kind, at most maxUserDays. A count of nothing and no hold is dropped at once
// (its absence counts the same), so every count kept counts something or holds a session, and none is ever
// dropped for another: forgetting one would admit its user again what keepers credit no one.
type counts[K comparable] struct {
	m map[K]*count[K]
}

func newCounts[K comparable]() counts[K] { return counts[K]{m: map[K]*count[K]{}} }

// room reports whether one more count fits below the bound.
func (cs *counts[K]) room() bool { return len(cs.m) < maxUserDays }

// new adds the count of key (room said there is room).
func (cs *counts[K]) new(key K) *count[K] {
	c := &count[K]{key: key}
	cs.m[key] = c
	return c
}

// of returns key's count, adding it when there is none, with no check of the bound: for callers whose new
// counts are one per hold or per count restored, within the bound already.
func (cs *counts[K]) of(key K) *count[K] {
	if c := cs.m[key]; c != nil {
		return c
	}
	return cs.new(key)
}

// release drops c when it counts nothing and holds no session.
func (cs *counts[K]) release(c *count[K]) {
	if c.holds == 0 && c.amount.IsZero() && cs.m[c.key] == c {
		delete(cs.m, c.key)
	}
}

// hold is one admitted session's reservation, split as it was taken.
type hold struct {
	user               common.Address
	t                  *count[userDay]        // the tally of its user and the current day (carried over at a day's turn)
	s                  *count[common.Address] // its user's deposit spend, when it took of the deposit
	allowance, deposit uint256.Int
	refs               int  // requests of the session in progress (Admit without Done)
	restored           bool // restored from a previous run (Restore), not yet closed
}

// reserve takes cost for session id (take false: only checks) from v's allowance and, when v.Deposit is set,
// deposit, after what the user's tally of v.Day and deposit spend hold already (under c.mu): the
// allowance's part first, as router/store's CreateSession and its chargeDepositTx split a reservation. It
// returns v with Covered set when cost fits (Held too when the session's reservation is taken) and
// Admitted set. A session held already (a request racing its first) takes only what cost exceeds its
// reservation by (another ticket of the same session id, a higher price or more seconds, which the session
// table refuses once the session is open, ErrTicketMismatch, but not before). A day older than the newest
// seen is ErrDayBehind.
func (c *Checker) reserve(id common.Hash, take bool, user common.Address, cost *uint256.Int, v Verdict) (Verdict, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.restored && !c.firstDay(v.Day) {
		return Verdict{}, fmt.Errorf("%w (day %d read, day %d restored: taken if it is still read in %s)", ErrDayBehind, v.Day, c.day, lowerWait)
	}
	if v.Day < c.day {
		return Verdict{}, fmt.Errorf("%w (day %d read, day %d seen)", ErrDayBehind, v.Day, c.day)
	}
	c.rollover(v.Day)
	key := userDay{user, v.Day}
	t, s := c.tallies.m[key], c.spent.m[user]
	h := c.holds[id]
	need := cost
	if h != nil {
		t = h.t
		if h.s != nil {
			s = h.s
		}
		need = sub0(cost, new(uint256.Int).Add(&h.allowance, &h.deposit))
	}
	took := new(uint256.Int)
	if t != nil {
		took.Set(&t.amount)
	}
	if s != nil {
		took.Add(took, &s.amount)
	}
	if h != nil {
		took = sub0(took, new(uint256.Int).Add(&h.allowance, &h.deposit))
	}
	v.Admitted = took
	fromAllowance := new(uint256.Int).Set(v.Allowance)
	if t != nil {
		fromAllowance = sub0(v.Allowance, &t.amount)
	}
	if fromAllowance.Gt(need) {
		fromAllowance.Set(need)
	}
	fromDeposit := new(uint256.Int).Sub(need, fromAllowance)
	if !fromDeposit.IsZero() {
		after := fromDeposit.Clone()
		overflow := false
		if s != nil {
			after, overflow = new(uint256.Int).AddOverflow(&s.amount, fromDeposit)
		}
		if v.Deposit == nil || overflow || after.Gt(v.Deposit) {
			return v, nil
		}
	}
	v.Covered = true
	if !take {
		return v, nil
	}
	if t == nil && !c.tallies.room() || s == nil && !fromDeposit.IsZero() && !c.spent.room() {
		v.Covered = false
		return v, ErrFull
	}
	if t == nil {
		t = c.tallies.new(key)
	}
	if s == nil && !fromDeposit.IsZero() {
		s = c.spent.new(user)
	}
	if h == nil {
		h = &hold{user: user, t: t}
		t.holds++
		c.holds[id] = h
	}
	if h.s == nil && !fromDeposit.IsZero() {
		h.s = s
		s.holds++
	}
	t.amount.Add(&t.amount, fromAllowance)
	h.allowance.Add(&h.allowance, fromAllowance)
	if h.s != nil {
		h.s.amount.Add(&h.s.amount, fromDeposit)
		h.deposit.Add(&h.deposit, fromDeposit)
	}
	h.refs++
	v.Held = true
	c.changed = true
	return v, nil
}

// rollover turns c to day when it is newer than the newest seen (under c.mu): the past days' tallies are
// dropped, and the sessions still open carry their reservation's allowance part into their user's tally of
// day (keepers charge a session to the day it closes on, so a session admitted before the turn takes the
// new day's allowance too); a session's bill stays in the tally of the day it closed on.
func (c *Checker) rollover(day uint64) {
	if day > c.day {
		c.turn(day)
	}
}

// firstDay is reserve's first day read after Restore (under c.mu): the restored day itself, or a later one
// (turned to, the bills of restored holds settled since carried into it), or a lower one read for lowerWait
// (the chain started again: turned to, the restored allowance counts dropped, the holds carried). It reports
// false for a lower day read for less than that (refused meanwhile).
func (c *Checker) firstDay(day uint64) bool {
	if day < c.day {
		now := c.now()
		if c.lowerAt.IsZero() || now.Sub(c.lowerLast) > lowerWait {
			c.lowerAt = now // the first, or after a gap: reads that far apart confirm nothing
		}
		c.lowerLast = now
		if now.Sub(c.lowerAt) < lowerWait {
			return false
		}
	}
	if day != c.day {
		c.turn(day)
		for user, a := range c.carry { // at most one per restored hold
			t := c.tallies.of(userDay{user, day})
			t.amount.Add(&t.amount, a)
		}
	}
	c.restored, c.carry, c.lowerAt, c.lowerLast = false, nil, time.Time{}, time.Time{}
	return true
}

// turn makes day the current day (under c.mu): rollover's work, also for a day below the current one
// (a chain started again after Restore).
func (c *Checker) turn(day uint64) {
	c.day = day
	c.changed = true
	c.tallies = newCounts[userDay]()
	for _, h := range c.holds {
		t := c.tallies.of(userDay{h.user, day}) // as many as there were holds: within the bound the old day's were
		t.amount.Add(&t.amount, &h.allowance)
		t.holds++
		h.t = t
	}
}

// Done ends a request Admit admitted (Held) session id for: open says whether the session is open at the
// provider now. When no other request Admit admitted it for is in progress and the session is not open —
// its first request failed before the session table took it, or it opened and closed already (Closed ended
// its hold; this one is of a request admitted after that, which the table refuses) — its reservation is
// released entirely. An open session's hold stays until Closed.
func (c *Checker) Done(id common.Hash, open bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	h, ok := c.holds[id]
	if !ok {
		return
	}
	if h.refs--; h.refs <= 0 && !open && !h.restored {
		c.settle(id, h, new(uint256.Int)) // a restored hold ends only by its close or ReleaseRestored
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

// settle ends hold h of session id, leaving billed in its tally and deposit spend (under c.mu).
func (c *Checker) settle(id common.Hash, h *hold, billed *uint256.Int) {
	delete(c.holds, id)
	c.changed = true
	p := (&wire.Payment{Allowance: &h.allowance, Deposit: &h.deposit}).Billed(billed)
	if p.Deposit.Gt(&h.deposit) { // billed beyond the reservation: at most the reservation counts
		p.Deposit.Set(&h.deposit)
	}
	h.t.amount.Add(sub0(&h.t.amount, &h.allowance), p.Allowance)
	if h.restored && c.restored {
		add(c.carry, h.user, p.Allowance) // closed at the restart: dated after it, maybe on a later day
	}
	h.t.holds--
	c.tallies.release(h.t)
	if h.s != nil {
		h.s.amount.Add(sub0(&h.s.amount, &h.deposit), p.Deposit)
		h.s.holds--
		c.spent.release(h.s)
	}
}

// sub0 is a − b, never below zero.
func sub0(a, b *uint256.Int) *uint256.Int {
	if a.Lt(b) {
		return new(uint256.Int)
	}
	return new(uint256.Int).Sub(a, b)
}

// deposit is depositOf(user), read at most every DepositTTL, or zero and pending while the user has a
// withdrawal request pending. A reservation taking of the deposit (take) reads pendingWithdrawal afresh,
// past the cache: a cached "pending" refuses, but a cached "none" never admits on the deposit (a
// withdrawal requested since would go unseen for DepositTTL, and keepers charge no deposit after it), unless
// it is younger than WithdrawalFresh; that fresh read failing is ErrWithdrawalUnread, never served unchecked.
// One budget unit per read, whether it is one eth_call (pendingWithdrawal) or two (depositOf with it).
func (c *Checker) deposit(ctx context.Context, user common.Address, take bool, budget func() error) (*uint256.Int, bool, error) {
	c.mu.Lock()
	d, ok := c.deposits[user]
	now := c.now()
	fresh := ok && now.Sub(d.at) < DepositTTL
	c.mu.Unlock()
	if fresh && (d.pending || !take || now.Sub(d.noneAt) < WithdrawalFresh) {
		if d.pending {
			return new(uint256.Int), true, nil
		}
		return d.value.Clone(), false, nil
	}
	if err := budget(); err != nil {
		return nil, false, err
	}
	pending, err := c.dep.WithdrawalPending(ctx, user)
	if err != nil {
		if take {
			return nil, false, fmt.Errorf("%w: %w", ErrWithdrawalUnread, err)
		}
		return nil, false, err
	}
	if fresh && !pending {
		// The deposit read stays as old as it is; the "none pending" is as new as this read, for the
		// admissions of the next WithdrawalFresh (it used to be read again for each of them).
		c.mu.Lock()
		if cur, ok := c.deposits[user]; ok && cur.at == d.at {
			cur.noneAt = c.now()
			c.deposits[user] = cur
		}
		c.mu.Unlock()
		return d.value.Clone(), false, nil
	}
	at := c.now()
	r := depositRead{value: new(uint256.Int), pending: pending, at: at}
	if !pending {
		r.noneAt = at
	}
	if !pending {
		if r.value, err = c.dep.DepositOf(ctx, user); err != nil {
			return nil, false, err
		}
	}
	c.mu.Lock()
	if len(c.deposits) >= maxUsers {
		c.deposits = map[common.Address]depositRead{}
	}
	c.deposits[user] = r
	c.mu.Unlock()
	return r.value.Clone(), pending, nil
}
