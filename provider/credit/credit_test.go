package credit_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/provider/credit"
)

// pool is a ComputePool of fixed allowances per day (the same for every user) and deposits, counting
// reads (the anvil tests of provider/server read the real one).
type pool struct {
	mu       sync.Mutex
	day      uint64
	allow    map[uint64]uint64 // by day
	deposit  uint64
	pending  bool  // a withdrawal request pending
	failWith error // pendingWithdrawal's answer when set
	reads    int
	pendings int // pendingWithdrawal reads
	cachedAt map[cacheKey]bool
}

type cacheKey struct {
	user common.Address
	day  uint64
}

func (p *pool) Day(context.Context) (uint64, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.day, nil
}

func (p *pool) Cached(user common.Address, day uint64) (*uint256.Int, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cachedAt[cacheKey{user, day}] {
		return uint256.NewInt(p.allow[day]), true
	}
	return nil, false
}

func (p *pool) Allowance(_ context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reads++
	if day == p.day {
		p.cachedAt[cacheKey{user, day}] = true // chain/allowance caches the current day only
	}
	return uint256.NewInt(p.allow[day]), nil
}

func (p *pool) DepositOf(context.Context, common.Address) (*uint256.Int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.reads++
	return uint256.NewInt(p.deposit), nil
}

func (p *pool) WithdrawalPending(context.Context, common.Address) (bool, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pendings++
	if p.failWith != nil {
		return false, p.failWith
	}
	return p.pending, nil
}

func (p *pool) setPending(v bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.pending = v
}

func (p *pool) readCount() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.reads
}

func newPool(day uint64, allow map[uint64]uint64, deposit uint64) *pool {
	return &pool{day: day, allow: allow, deposit: deposit, cachedAt: map[cacheKey]bool{}}
}

var (
	free   = func() error { return nil }
	lastID atomic.Uint64
)

// newID is a fresh session id.
func newID() common.Hash { return common.BigToHash(new(uint256.Int).SetUint64(lastID.Add(1)).ToBig()) }

// admit admits a new session of user costing cost and reports whether it was admitted.
func admit(t *testing.T, c *credit.Checker, user common.Address, cost uint64, useDeposit bool) (common.Hash, bool) {
	t.Helper()
	id := newID()
	v, err := c.Admit(context.Background(), id, user, useDeposit, uint256.NewInt(cost), free)
	require.NoError(t, err)
	return id, v.Covered
}

// TestCoversDayAndDeposit: a ticket is covered by the allowance of the chain's current day — not the previous
// day's: keepers charge a session to the day of its closedAt, never earlier than its first request — and,
// with useDeposit, by it plus the deposit, never by the deposit without it; every read is cached for the day
// (the deposit for DepositTTL), and a budget that refuses stops the read. Each session here is released
// (it never opened) before the next: nothing is tallied.
func TestCoversDayAndDeposit(t *testing.T) {
	ctx := context.Background()
	user := common.HexToAddress("0x01")
	now := time.Unix(1_000_000, 0)
	p := newPool(5, map[uint64]uint64{4: 100, 5: 10}, 50)
	c := credit.New(p, p, func() time.Time { return now })
	covers := func(cost uint64, useDeposit bool) bool {
		t.Helper()
		id, ok := admit(t, c, user, cost, useDeposit)
		c.Done(id, false)
		return ok
	}

	require.True(t, covers(10, false), "today's allowance")
	require.False(t, covers(11, false), "yesterday's allowance does not count today")
	require.False(t, covers(11, false), "the deposit is not counted without useDeposit")
	require.True(t, covers(60, true), "today's allowance plus the deposit")
	require.False(t, covers(61, true))
	require.Equal(t, 2, p.readCount(), "today's and the deposit, each read once")

	p.deposit = 500 // deposited later today: counted once DepositTTL has passed
	require.False(t, covers(151, true))
	now = now.Add(credit.DepositTTL)
	require.True(t, covers(151, true))
	require.Equal(t, 3, p.readCount())

	refused := errors.New("over the limit")
	_, err := c.Admit(ctx, newID(), common.HexToAddress("0x02"), false, uint256.NewInt(1), func() error { return refused })
	require.ErrorIs(t, err, refused)
	require.Equal(t, 3, p.readCount(), "no read past the budget")
	sessions, _ := c.Held()
	require.Zero(t, sessions, "nothing held")
}

// TestAdmitCountsWhatWasAdmitted: a user's sessions of the day are admitted up to the allowance in total,
// not each up to it: the open ones count their reservation, a closed one what it billed, one that never
// opened or billed nothing nothing; the deposit, with useDeposit, covers what the allowance left, as an
// honest router splits it (allowance first); a request racing a held session's first is covered and counted
// once (another ticket of it costing more takes the difference); another user's sessions are not touched. Before, every session whose own cost fit was admitted.
func TestAdmitCountsWhatWasAdmitted(t *testing.T) {
	user, other := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	p := newPool(5, map[uint64]uint64{5: 100}, 50)
	c := credit.New(p, p, nil)

	s1, ok := admit(t, c, user, 60, false)
	require.True(t, ok)
	_, ok = admit(t, c, user, 60, false)
	require.False(t, ok, "60 of the allowance of 100 is held already")
	v, err := c.Admit(context.Background(), newID(), user, false, uint256.NewInt(41), free)
	require.NoError(t, err)
	require.False(t, v.Covered)
	require.Equal(t, uint64(60), v.Admitted.Uint64(), "the refusal says what was admitted")
	s3, ok := admit(t, c, user, 40, false)
	require.True(t, ok, "exactly what is left")
	v, err = c.Admit(context.Background(), s3, user, false, uint256.NewInt(40), free)
	require.NoError(t, err)
	require.True(t, v.Covered, "a request racing the session's first: covered, counted once")
	v, err = c.Admit(context.Background(), s3, user, false, uint256.NewInt(41), free)
	require.NoError(t, err)
	require.False(t, v.Covered, "another ticket of the session costing more: only what is left covers the rest")
	c.Done(s3, true)
	c.Done(s3, true)
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	_, ok = admit(t, c, other, 100, false)
	require.True(t, ok, "another user's allowance is its own")

	c.Done(s1, true) // opened: its reservation stays
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	c.Closed(s1, uint256.NewInt(30)) // billed half its reservation
	s5, ok := admit(t, c, user, 30, false)
	require.True(t, ok, "the 30 the close freed")
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	c.Done(s5, false) // never opened: released entirely
	s6, ok := admit(t, c, user, 30, false)
	require.True(t, ok)
	c.Done(s6, true)
	c.Closed(s6, new(uint256.Int)) // billed nothing: released entirely
	c.Closed(s6, uint256.NewInt(30))
	v, err = c.Admit(context.Background(), s6, user, false, uint256.NewInt(30), free)
	require.NoError(t, err)
	require.True(t, v.Covered, "a request of the closed session admitted late (the session table refuses it)")
	c.Done(s6, false) // … is released, the session not being open
	s7, ok := admit(t, c, user, 30, false)
	require.True(t, ok, "a second close of a session changes nothing")
	c.Done(s7, true)

	// The allowance is used up (30 + 40 + 30): a useDeposit session takes the deposit of 50.
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	s8, ok := admit(t, c, user, 50, true)
	require.True(t, ok)
	_, ok = admit(t, c, user, 1, true)
	require.False(t, ok, "the deposit is taken too")
	// The router's split: the allowance a close frees is the allowance's again, whatever the deposit holds.
	c.Done(s8, true)
	c.Closed(s3, uint256.NewInt(10))
	_, ok = admit(t, c, user, 30, false)
	require.True(t, ok, "30 of the allowance freed, the deposit's 50 not counted against it")
}

// TestAdmitConcurrentFirstRequests: first requests of many sessions of one user at once admit exactly as
// many as the allowance holds (the reservation is taken under the lock, after the reads).
func TestAdmitConcurrentFirstRequests(t *testing.T) {
	user := common.HexToAddress("0x01")
	p := newPool(5, map[uint64]uint64{5: 100}, 0)
	c := credit.New(p, p, nil)
	const n = 32
	var admitted atomic.Int32
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			v, err := c.Admit(context.Background(), newID(), user, false, uint256.NewInt(30), free)
			if err == nil && v.Covered {
				admitted.Add(1)
			}
		}()
	}
	close(start)
	wg.Wait()
	require.EqualValues(t, 3, admitted.Load(), "3 × 30 fit in 100")
}

// TestTalliesBounded: the allowance's tallies hold the current day only (a session of a day past, closed
// before the turn, counts nothing today), and at their bound drop only those that count nothing (of
// sessions that never opened or billed nothing); full of tallies that count something, a user with none is
// refused ErrFull, and nothing counted is dropped.
func TestTalliesBounded(t *testing.T) {
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 0)
	c := credit.New(p, p, nil)
	a, b := common.HexToAddress("0x0a"), common.HexToAddress("0x0b")
	old, ok := admit(t, c, a, 100, false)
	require.True(t, ok)
	c.Done(old, true)
	c.Closed(old, uint256.NewInt(100)) // closed on day 5
	p.day = 6
	today, ok := admit(t, c, a, 60, false)
	require.True(t, ok, "a new day, a new allowance")
	c.Done(today, true)
	sessions, days := c.Held()
	require.Equal(t, 1, sessions)
	require.Equal(t, 1, days, "day 5 dropped")

	defer credit.SetMaxUserDays(2)()
	never, ok := admit(t, c, b, 10, false)
	require.True(t, ok)
	c.Done(never, false) // never opened: b's tally counts nothing
	_, ok = admit(t, c, common.HexToAddress("0x0c"), 10, false)
	require.True(t, ok)
	_, days = c.Held()
	require.Equal(t, 2, days, "b's tally dropped, a's kept")
	_, ok = admit(t, c, a, 41, false)
	require.False(t, ok, "a's tally is whole")
	_, err := c.Admit(context.Background(), newID(), common.HexToAddress("0x0d"), false, uint256.NewInt(10), free)
	require.ErrorIs(t, err, credit.ErrFull, "full of tallies that count something: a new user is refused, not admitted")
	sessions, days = c.Held()
	require.Equal(t, 2, sessions)
	require.Equal(t, 2, days)
	_, ok = admit(t, c, a, 40, false)
	require.True(t, ok, "a user with a tally is still admitted")
}

// TestZeroCostTicketTalliesNothing: a ticket costing nothing (maxSeconds 0 or price 0) is covered with no
// chain read, no tally and no hold, so tickets of fresh users costing nothing can never fill the tallies
// and have a spent tally dropped: the user whose closed sessions billed its whole allowance stays refused.
// Before, each such ticket was read and tallied, and at the bound every tally of no open session was
// dropped, the spent one with them.
func TestZeroCostTicketTalliesNothing(t *testing.T) {
	defer credit.SetMaxUserDays(4)()
	user := common.HexToAddress("0x01")
	p := newPool(5, map[uint64]uint64{5: 100}, 0)
	c := credit.New(p, p, nil)
	id, ok := admit(t, c, user, 100, false)
	require.True(t, ok)
	c.Done(id, true)
	c.Closed(id, uint256.NewInt(100))
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	reads := p.readCount()
	for i := range 8 { // fresh users, cost 0 (RFC and ticket maxSeconds 0), never opened
		v, err := c.Admit(context.Background(), newID(), common.BigToAddress(uint256.NewInt(uint64(1000+i)).ToBig()), false, new(uint256.Int), free)
		require.NoError(t, err)
		require.True(t, v.Covered)
		require.False(t, v.Held, "nothing held: no Done")
	}
	require.Equal(t, reads, p.readCount(), "no chain read for a ticket costing nothing")
	sessions, days := c.Held()
	require.Zero(t, sessions)
	require.Equal(t, 1, days, "only the user's tally")
	_, ok = admit(t, c, user, 100, false)
	require.False(t, ok, "the spent tally is kept: nothing more the same day")
}

// TestDepositSpendCountedAcrossDays: what the deposit paid for a user's sessions is counted every day after,
// up to depositOf (keepers charge a deposit up to depositOf minus the user's cumulative spend, and depositOf
// is not lowered by spend): a user with no allowance whose sessions billed its whole deposit of 50 on day 5
// is refused on day 6. A deposit raised later covers only what was added. Before, the deposit's part was
// tallied per day, so the same deposit was admitted again every day.
func TestDepositSpendCountedAcrossDays(t *testing.T) {
	user := common.HexToAddress("0x01")
	now := time.Unix(1_000_000, 0)
	p := newPool(5, map[uint64]uint64{5: 0, 6: 0}, 50)
	c := credit.New(p, p, func() time.Time { return now })
	id, ok := admit(t, c, user, 50, true)
	require.True(t, ok)
	c.Done(id, true)
	c.Closed(id, uint256.NewInt(50)) // billed the whole deposit
	_, ok = admit(t, c, user, 1, true)
	require.False(t, ok)
	p.day = 6
	_, ok = admit(t, c, user, 50, true)
	require.False(t, ok, "the deposit spent on day 5 is spent on day 6")
	_, ok = admit(t, c, user, 1, true)
	require.False(t, ok)
	p.deposit = 80 // deposited 30 more
	now = now.Add(credit.DepositTTL)
	_, ok = admit(t, c, user, 31, true)
	require.False(t, ok)
	_, ok = admit(t, c, user, 30, true)
	require.True(t, ok, "what was added")
}

// TestOpenSessionCarriedIntoNewDay: a session admitted on day 5 and still open at the day's turn is charged by
// keepers to the day it closes on: its reservation counts against day 6's allowance too, and its bill, once
// it closes on day 6, stays in day 6's. Before, day 6's tally started empty: allowance(5) opened at 23:59
// plus allowance(6) after midnight were admitted, both billed on day 6.
func TestOpenSessionCarriedIntoNewDay(t *testing.T) {
	user := common.HexToAddress("0x01")
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 0)
	c := credit.New(p, p, nil)
	late, ok := admit(t, c, user, 100, false)
	require.True(t, ok)
	c.Done(late, true)
	p.day = 6
	_, ok = admit(t, c, user, 100, false)
	require.False(t, ok, "day 6: day 5's open 100 holds day 6's allowance")
	_, ok = admit(t, c, user, 1, false)
	require.False(t, ok)
	c.Closed(late, uint256.NewInt(70)) // closes on day 6, billing 70
	_, ok = admit(t, c, user, 31, false)
	require.False(t, ok, "its bill stays in day 6's tally")
	s, ok := admit(t, c, user, 30, false)
	require.True(t, ok)
	c.Done(s, true)
}

// TestCheckTakesNothing: Check (provider serve's check of a first request before its body and signature)
// says whether a session's cost fits and takes nothing: checks of the whole allowance, however many, leave
// it to the session admitted after them; a check of a session held already (a request racing its first)
// counts the session's own reservation as its own.
func TestCheckTakesNothing(t *testing.T) {
	ctx := context.Background()
	user := common.HexToAddress("0x01")
	p := newPool(5, map[uint64]uint64{5: 100}, 0)
	c := credit.New(p, p, nil)
	for range 3 {
		v, err := c.Check(ctx, newID(), user, false, uint256.NewInt(100), free)
		require.NoError(t, err)
		require.True(t, v.Covered)
		require.False(t, v.Held)
	}
	sessions, days := c.Held()
	require.Zero(t, sessions)
	require.Zero(t, days)
	id, ok := admit(t, c, user, 100, false)
	require.True(t, ok)
	v, err := c.Check(ctx, id, user, false, uint256.NewInt(100), free)
	require.NoError(t, err)
	require.True(t, v.Covered, "the session's own reservation")
	v, err = c.Check(ctx, newID(), user, false, uint256.NewInt(1), free)
	require.NoError(t, err)
	require.False(t, v.Covered)
}

// TestDayReadBehindTheTurnRefused: a session whose protocol day was read as older than the day's turn the
// checker has seen (a read just before the turn, or a lagging RPC node) is refused ErrDayBehind, by Check and
// Admit alike, nothing held or tallied, and counted on the new day when it is tried again. Before, it took a
// fresh tally of the old day beside the new day's: allowance(6) admitted twice, keepers charging both to day 6.
func TestDayReadBehindTheTurnRefused(t *testing.T) {
	ctx := context.Background()
	u, other := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	p := newPool(6, map[uint64]uint64{5: 100, 6: 100}, 0)
	c := credit.New(p, p, nil)
	id, ok := admit(t, c, other, 1, false) // the turn: the checker is on day 6
	require.True(t, ok)
	c.Done(id, false)
	p.day = 5 // u's day read before the turn
	_, err := c.Check(ctx, newID(), u, false, uint256.NewInt(100), free)
	require.ErrorIs(t, err, credit.ErrDayBehind)
	v, err := c.Admit(ctx, newID(), u, false, uint256.NewInt(100), free)
	require.ErrorIs(t, err, credit.ErrDayBehind)
	require.False(t, v.Held)
	sessions, days := c.Held()
	require.Zero(t, sessions)
	require.Zero(t, days)
	p.day = 6
	fresh, ok := admit(t, c, u, 100, false)
	require.True(t, ok)
	c.Done(fresh, true)
	_, ok = admit(t, c, u, 1, false)
	require.False(t, ok, "allowance(6) is taken")
}

// TestFullTalliesRefuseNewUsers: at their bound the tallies drop none for a new user, open session or not
// (what a tally counts, forgotten, would be admitted again and credited to no one): a new user is refused
// ErrFull until a tally is released (its sessions billed nothing) or the day turns, and the users counted are
// still admitted within what is left of theirs. Before, the least recently admitted tally with no open
// session was dropped for the new user: a user whose sessions billed its whole allowance was admitted it
// again.
func TestFullTalliesRefuseNewUsers(t *testing.T) {
	defer credit.SetMaxUserDays(4)()
	ctx := context.Background()
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 0)
	c := credit.New(p, p, nil)
	u := func(i uint64) common.Address { return common.BigToAddress(uint256.NewInt(i).ToBig()) }
	for i := uint64(1); i <= 3; i++ { // closed, each billing its whole allowance
		id, ok := admit(t, c, u(i), 100, false)
		require.True(t, ok)
		c.Done(id, true)
		c.Closed(id, uint256.NewInt(100))
	}
	open4, ok := admit(t, c, u(4), 50, false)
	require.True(t, ok)
	c.Done(open4, true)

	_, err := c.Admit(ctx, newID(), u(5), false, uint256.NewInt(10), free)
	require.ErrorIs(t, err, credit.ErrFull, "full: a new user is refused, no tally dropped for it")
	_, days := c.Held()
	require.Equal(t, 4, days)
	for i := uint64(1); i <= 3; i++ {
		_, ok = admit(t, c, u(i), 1, false)
		require.False(t, ok, "user %d's spent tally is kept", i)
	}
	_, ok = admit(t, c, u(4), 51, false)
	require.False(t, ok, "an open session's tally is kept")
	more, ok := admit(t, c, u(4), 50, false)
	require.True(t, ok, "a user with a tally is admitted within what is left of it")
	c.Done(more, false)

	c.Closed(open4, new(uint256.Int)) // billed nothing: u(4)'s tally is released
	five, ok := admit(t, c, u(5), 10, false)
	require.True(t, ok, "a tally released: room for a new user")
	c.Done(five, false)
	p.day = 6
	_, ok = admit(t, c, u(6), 10, false)
	require.True(t, ok, "the day's turn drops the past day's tallies")
}

// TestFullSpendRefusesNewDepositUsers (hostile router, fresh keys): the deposit's spend counts are bounded
// and none is dropped for a new user: fillers opening deposit-paid sessions fill them and the next is
// refused ErrFull; once the fillers close billing nothing their counts go, and user H, whose sessions billed
// its whole deposit, stays refused. Before, a new user's count dropped the least recently admitted one with
// no open session — H's — and H was admitted its whole deposit again, credited by keepers to no one.
func TestFullSpendRefusesNewDepositUsers(t *testing.T) {
	defer credit.SetMaxUserDays(4)()
	p := newPool(5, map[uint64]uint64{5: 0}, 100) // no allowance, every user has a deposit of 100
	c := credit.New(p, p, nil)
	u := func(i uint64) common.Address { return common.BigToAddress(uint256.NewInt(i).ToBig()) }
	h := u(100)
	id, ok := admit(t, c, h, 100, true)
	require.True(t, ok)
	c.Done(id, true)
	c.Closed(id, uint256.NewInt(100)) // keepers charge H's whole deposit
	_, ok = admit(t, c, h, 100, true)
	require.False(t, ok, "H's deposit is spent")

	var fill []common.Hash
	for i := uint64(1); i <= 3; i++ { // fillers: sessions opened, to bill nothing
		id, ok := admit(t, c, u(i), 1, true)
		require.True(t, ok)
		c.Done(id, true)
		fill = append(fill, id)
	}
	_, err := c.Admit(context.Background(), newID(), u(4), true, uint256.NewInt(1), free)
	require.ErrorIs(t, err, credit.ErrFull, "the spend counts are full: H's is not dropped for a new user")
	for _, id := range fill {
		c.Closed(id, new(uint256.Int)) // billed nothing: the fillers' counts vanish
	}
	_, ok = admit(t, c, h, 1, true)
	require.False(t, ok, "H's spent deposit is never admitted again")
	id, ok = admit(t, c, u(4), 1, true)
	require.True(t, ok, "the fillers' counts released: room again")
	c.Done(id, false)
}

// TestPendingWithdrawalReadAtAdmission: a withdrawal requested after the user's deposit was read (and cached
// for DepositTTL) is seen by the next reservation taking of the deposit: Admit reads pendingWithdrawal
// afresh (one budget unit, depositOf still cached) and refuses, WithdrawalPending set; Check may use the
// cached read, and a cached "pending" refuses with no read. The allowance alone still covers what it covers.
// Before, pendingWithdrawal was cached with depositOf: the session was admitted on the deposit for up to a
// minute after the request, and keepers charge it no deposit.
func TestPendingWithdrawalReadAtAdmission(t *testing.T) {
	ctx := context.Background()
	p := newPool(5, map[uint64]uint64{5: 10}, 100)
	now := time.Unix(1_000_000, 0)
	c := credit.New(p, p, func() time.Time { return now })
	h := common.HexToAddress("0x77")
	id, ok := admit(t, c, h, 11, true) // reads depositOf = 100, no withdrawal pending
	require.True(t, ok)
	c.Done(id, false)
	reads, pendings := p.readCount(), p.pendings
	// Within WithdrawalFresh the read just made serves another admission on the deposit: no budget spent.
	budget := 0
	id = newID()
	v, err := c.Admit(ctx, id, h, true, uint256.NewInt(11), func() error { budget++; return nil })
	require.NoError(t, err)
	require.True(t, v.Covered)
	require.Zero(t, budget, "a read younger than WithdrawalFresh serves")
	c.Done(id, false)
	now = now.Add(credit.WithdrawalFresh)
	p.setPending(true) // H requests a withdrawal
	v, err = c.Check(ctx, newID(), h, true, uint256.NewInt(99), free)
	require.NoError(t, err)
	require.True(t, v.Covered, "Check may use the cached read")
	budget = 0
	v, err = c.Admit(ctx, newID(), h, true, uint256.NewInt(99), func() error { budget++; return nil })
	require.NoError(t, err)
	require.False(t, v.Covered, "a withdrawal pending: no deposit (keepers charge none)")
	require.True(t, v.WithdrawalPending)
	require.Equal(t, 1, budget, "one budget unit for the fresh read")
	require.Equal(t, reads, p.readCount(), "depositOf not read again")
	require.Equal(t, pendings+1, p.pendings)
	v, err = c.Check(ctx, newID(), h, true, uint256.NewInt(99), free)
	require.NoError(t, err)
	require.False(t, v.Covered, "the cached pending refuses")
	require.True(t, v.WithdrawalPending)
	require.Equal(t, pendings+1, p.pendings, "with no read")
	id, ok = admit(t, c, h, 10, true)
	require.True(t, ok, "the allowance still covers what it covers")
	c.Done(id, false)
}

// TestWithdrawalUnreadRefusesTheDeposit: when the fresh pendingWithdrawal read of an admission taking of the
// deposit fails, the admission is refused ErrWithdrawalUnread (provider serve: 503), never served unchecked
// with the deposit counted; the allowance alone still admits what it covers.
func TestWithdrawalUnreadRefusesTheDeposit(t *testing.T) {
	ctx := context.Background()
	p := newPool(5, map[uint64]uint64{5: 10}, 100)
	now := time.Unix(1_000_000, 0)
	c := credit.New(p, p, func() time.Time { return now })
	h := common.HexToAddress("0x78")
	v, err := c.Check(ctx, newID(), h, true, uint256.NewInt(50), free) // caches depositOf = 100, none pending
	require.NoError(t, err)
	require.True(t, v.Covered)
	now = now.Add(credit.WithdrawalFresh)
	p.mu.Lock()
	p.failWith = errors.New("rpc down")
	p.mu.Unlock()
	_, err = c.Admit(ctx, newID(), h, true, uint256.NewInt(50), free)
	require.ErrorIs(t, err, credit.ErrWithdrawalUnread)
	id, ok := admit(t, c, h, 10, true)
	require.True(t, ok, "the allowance alone covers 10: no deposit read needed")
	c.Done(id, false)
}

// TestFreshWithdrawalReadServesTheNextAdmissions: a fresh pendingWithdrawal read answering "none" serves the
// admissions of the next WithdrawalFresh like a full read does (one budget unit for a burst, not one each),
// while the deposit read keeps its own age for DepositTTL.
func TestFreshWithdrawalReadServesTheNextAdmissions(t *testing.T) {
	ctx := context.Background()
	p := newPool(5, map[uint64]uint64{5: 10}, 100)
	now := time.Unix(1_000_000, 0)
	c := credit.New(p, p, func() time.Time { return now })
	h := common.HexToAddress("0x79")
	admitOne := func() int {
		budget := 0
		id := newID()
		v, err := c.Admit(ctx, id, h, true, uint256.NewInt(11), func() error { budget++; return nil })
		require.NoError(t, err)
		require.True(t, v.Covered)
		c.Done(id, false)
		return budget
	}
	require.Equal(t, 2, admitOne(), "the allowance, then the full deposit read (depositOf and pendingWithdrawal)")
	now = now.Add(credit.WithdrawalFresh)
	require.Equal(t, 1, admitOne(), "older than WithdrawalFresh: pendingWithdrawal afresh")
	now = now.Add(credit.WithdrawalFresh / 2)
	require.Zero(t, admitOne(), "the fresh read serves the next admission")
	reads := p.readCount()
	now = now.Add(credit.DepositTTL)
	require.Equal(t, 1, admitOne(), "past DepositTTL: read again")
	require.Equal(t, reads+1, p.readCount(), "depositOf read again at its own TTL")
}
