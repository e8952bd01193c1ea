package ledger_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestChargeDeferredBySpendCap: a session whose deposit charge does not fit in what the spend cap has left
// is deferred whole, with every later session of its user (even one the allowance alone would pay), and
// takes nothing from the allowance or the deposit; other users' sessions go on, up to the cap exactly.
func TestChargeDeferredBySpendCap(t *testing.T) {
	cal, days, book, who := depositFixture()
	u, v, w := who[0], who[1], who[2]
	book.SpendLeft = uint256.NewInt(250)
	sessions := []ledger.Session{
		paidSession(u, 1, 1000, 1010, 20, true), // 200: 100 allowance + 100 deposit (cap: 150 left)
		paidSession(w, 2, 1000, 1020, 40, true), // 400: 100 allowance + 300 deposit > 150 left: deferred
		paidSession(w, 3, 1000, 1030, 1, false), // 10: w's later session waits with it
		paidSession(u, 4, 1000, 1040, 15, true), // 150: the rest of u's deposit, 150 left: fits exactly
		paidSession(v, 5, 1000, 1050, 5, false), // 50: allowance only, not w's: charged
	}
	charges, err := ledger.ChargeSessions(sessions, cal, days, book)
	require.NoError(t, err)
	wantDeferred := []bool{false, true, true, false, false}
	wantDeposit := []uint64{100, 0, 0, 150, 0}
	for i := range charges {
		require.Equal(t, wantDeferred[i], charges[i].Deferred, "session %d", i+1)
		require.Equal(t, wantDeposit[i], charges[i].FromDeposit.Uint64(), "session %d", i+1)
		if wantDeferred[i] {
			require.True(t, charges[i].Credited.IsZero())
		}
	}
	require.True(t, book.SpendLeft.IsZero(), "the cap is used exactly")
	require.True(t, days[ledger.UserDay{User: w, Day: 0}].Charged.IsZero(), "w's allowance untouched")
	require.True(t, book.Spent[w] == nil || book.Spent[w].IsZero(), "w's deposit untouched")
	require.Equal(t, uint64(250), book.Spent[u].Uint64())
}

// capPool: no budget left, and the state the test sets (next epoch, total, what the spend cap has left).
type capPool struct {
	addressedPool
	state *ledger.PoolState
}

func (p capPool) State(context.Context) (ledger.PoolState, error) {
	s := *p.state
	if s.RemainingSpend != nil {
		s.RemainingSpend = new(uint256.Int).Set(s.RemainingSpend)
	}
	return s, nil
}

// TestSpendCapDefersDepositCharges: five deposit-paid sessions of 1e14 wei each (no allowance, no budget)
// and 3e14 left of today's spend cap. The first epoch commits exactly 3e14 of deposit spend (the first three
// sessions in the charging order); the other two stay pending, held back, and nothing is rejected. Two
// keepers fed the same records (on this store and on a fresh SQLite one) assemble the same root. The next
// day, with a fresh cap, the next epoch credits the other two: in all, every session credited exactly once,
// the spend equal to the credits, nothing lost or doubled. On SQLite and PostgreSQL.
func TestSpendCapDefersDepositCharges(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		_, st2 := openStore(t, dbtest.SQLite(t))
		feed := testenv.NewFeed(t)
		clock := time.Now().Add(24 * time.Hour)
		now := func() time.Time { return clock }
		const cost = 100 * 1e12
		state := &ledger.PoolState{RemainingSpend: uint256.NewInt(3 * cost)}
		newLedger := func(st *store.Store) *ledger.Ledger {
			l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: now,
				EpochLength: 24 * time.Hour, Allowances: fixedAllowances{}, Deposits: fixedDeposits{amount: 1e18}},
				st, capPool{state: state}, nil, domain, fakeRegistry{}, nil, nil)
			require.NoError(t, err)
			return l
		}
		l, l2 := newLedger(st), newLedger(st2)

		start := uint64(time.Now().Unix())
		for i := range uint64(5) {
			feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: i, Seconds: 100,
				MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: start - 130, Closed: start - 10 + i}))
		}
		for _, k := range []*ledger.Ledger{l, l2} {
			_, err := k.IngestOnce(ctx)
			require.NoError(t, err)
			require.NoError(t, k.Assemble(ctx))
		}

		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		other, err := l2.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, e0.Root, other.Root, "two keepers, same feeds, same cap: same root")
		require.Equal(t, int64(3), e0.Sessions, "the first three in the charging order")
		require.Equal(t, uint64(3*cost), e0.Delta.Uint64(), "exactly up to the cap")
		spend0, err := l.Spend(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, uint64(3*cost), spend0.Total.Uint64())
		require.Len(t, spend0.Charges, 3)
		oldest, ok, err := st.OldestUncredited(ctx)
		require.NoError(t, err)
		require.True(t, ok, "the other two are still pending")
		require.Equal(t, int64(start-10+3), oldest)
		rejected, err := st.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		require.Empty(t, rejected, "deferred, not rejected")
		defer func() {
			rejected, err := st.RejectedAfter(ctx, 0, 100)
			require.NoError(t, err)
			require.Empty(t, rejected, "nothing rejected at all")
		}()

		// The pool holds epoch 0 and today's cap is used up: the held sessions wait (no epoch, no rejection).
		state.NextEpoch, state.TotalCommitted = 1, e0.Total
		state.RemainingSpend = new(uint256.Int)
		clock = clock.Add(25 * time.Hour)
		require.NoError(t, l.Assemble(ctx))
		_, err = l.LiveEpoch(ctx, 1)
		require.ErrorIs(t, err, store.ErrNotFound)

		// The next day's cap: the next epoch credits them.
		state.RemainingSpend = uint256.NewInt(1e18)
		require.NoError(t, l.Assemble(ctx))
		e1, err := l.LiveEpoch(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, int64(2), e1.Sessions)
		require.Equal(t, uint64(2*cost), e1.Delta.Uint64())
		require.Equal(t, uint64(5*cost), e1.Total.Uint64(), "every session credited once")
		spend1, err := l.Spend(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, uint64(5*cost), spend1.Total.Uint64(), "the deposit paid every credit")
		require.Len(t, spend1.Charges, 2)
		seen := map[common.Hash]bool{}
		for _, c := range append(spend0.Charges, spend1.Charges...) {
			require.False(t, seen[c.SessionID], "session %s charged twice", c.SessionID)
			seen[c.SessionID] = true
			require.Equal(t, uint64(cost), c.Amount.Uint64())
		}
		require.Len(t, seen, 5)
		_, ok, err = st.OldestUncredited(ctx)
		require.NoError(t, err)
		require.False(t, ok, "nothing left pending")
	})
}

// capLedger is a keeper of one feed on st with no budget, the pool state *state (what the spend cap has left)
// and deposits, at the clock *clock.
func capLedger(t *testing.T, st *store.Store, feed *testenv.Feed, clock *time.Time, state *ledger.PoolState,
	deposits ledger.Deposits) *ledger.Ledger {
	t.Helper()
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(),
		Now: func() time.Time { return *clock }, EpochLength: 24 * time.Hour, Allowances: fixedAllowances{},
		Deposits: deposits}, st, capPool{state: state}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	return l
}

// closeAndAssemble adds the dev user's deposit-paid session of 100 s at 1e12 wei/s (1e14) closed 10 s ago to
// feed, and has l read it and assemble.
func closeAndAssemble(t *testing.T, ctx context.Context, feed *testenv.Feed, l *ledger.Ledger) {
	t.Helper()
	start := uint64(time.Now().Unix())
	feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100,
		MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: start - 130, Closed: start - 10}))
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
}

// twoDeposits: the dev user and other hold 1 MOR deposits each.
type twoDeposits struct{ other common.Address }

func (d twoDeposits) DepositsRead(_ context.Context, at uint64, _ bool) (map[common.Address]*ledger.DepositAccount, uint64, map[common.Address]bool, error) {
	u := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
	return map[common.Address]*ledger.DepositAccount{u: {Deposit: *uint256.NewInt(1e18)}, d.other: {Deposit: *uint256.NewInt(1e18)}}, at, nil, nil
}

// TestOversizedDepositSessionDoesNotStallSettlement: one deposit-paid session whose charge alone is over the
// day's spend cap (a user signing a high price, with a router and provider of its choice), alone in its
// window with nothing else to commit, is deferred on every assembly. Before, its deferral was marked held only
// inside the assembly's transaction, rolled back as no epoch was committed: it stayed the oldest unheld
// pending session, the next epoch's cutoff stayed at its window, and no later session of any user was ever
// credited. Now it is held back with nothing committed, the other user's later session is credited in
// epoch 0, and the oversized one stays pending, neither credited nor rejected. On SQLite and PostgreSQL.
func TestOversizedDepositSessionDoesNotStallSettlement(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		clock := time.Now().Add(24 * time.Hour)
		otherKey, err := crypto.GenerateKey()
		require.NoError(t, err)
		state := &ledger.PoolState{RemainingSpend: uint256.NewInt(50 * 1e12)} // the day's cap: 5e13
		l := capLedger(t, st, feed, &clock, state, twoDeposits{other: crypto.PubkeyToAddress(otherKey.PublicKey)})

		// 1e14, twice the cap: it never fits.
		start := uint64(time.Now().Unix())
		closeAndAssemble(t, ctx, feed, l)
		_, err = l.LiveEpoch(ctx, 0)
		require.ErrorIs(t, err, store.ErrNotFound, "deferred: nothing to commit")

		// Two days later another user's session of 1e13 (within the cap) closes; days pass.
		later := start + 2*86400
		feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{User: otherKey, Nonce: 2,
			Seconds: 10, MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: later - 130, Closed: later - 10}))
		clock = clock.Add(5 * 24 * time.Hour)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err, "the other user's session is credited, not stalled behind the oversized one")
		require.Equal(t, int64(1), e0.Sessions)
		require.Equal(t, uint64(10*1e12), e0.Delta.Uint64())
		oldest, ok, err := st.OldestUncredited(ctx)
		require.NoError(t, err)
		require.True(t, ok, "the oversized session is still pending")
		require.Equal(t, int64(start-10), oldest)
		rejected, err := st.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		require.Empty(t, rejected, "held back, not rejected")
	})
}

// depositsFrom: the dev user holds a 1 MOR deposit always, late one only in reads as of `from` or later.
type depositsFrom struct {
	late common.Address
	from uint64
}

func (d depositsFrom) DepositsRead(_ context.Context, at uint64, _ bool) (map[common.Address]*ledger.DepositAccount, uint64, map[common.Address]bool, error) {
	u := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
	accounts := map[common.Address]*ledger.DepositAccount{u: {Deposit: *uint256.NewInt(1e18)}}
	if at >= d.from {
		accounts[d.late] = &ledger.DepositAccount{Deposit: *uint256.NewInt(1e18)}
	}
	return accounts, at, nil, nil
}

// TestHeldSessionKeepsItsWindowsDeposits: epoch 0 uses the day's spend cap; a user then deposits and runs a
// deposit-paid session in the next window, which the used-up cap defers with nothing else to commit, so it
// is held. The next epoch's cutoff is not the older one of epoch 0 (whose deposits read predates the user's
// deposit, charging its session nothing and leaving the provider unpaid) but the held session's own window:
// once the cap allows, it is credited from the deposit, nothing rejected. On SQLite and PostgreSQL.
func TestHeldSessionKeepsItsWindowsDeposits(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		clock := time.Now().Add(24 * time.Hour)
		lateKey, err := crypto.GenerateKey()
		require.NoError(t, err)
		const cost = 100 * 1e12
		state := &ledger.PoolState{RemainingSpend: uint256.NewInt(cost)}
		deposits := &depositsFrom{late: crypto.PubkeyToAddress(lateKey.PublicKey), from: math.MaxUint64}
		l := capLedger(t, st, feed, &clock, state, deposits)

		closeAndAssemble(t, ctx, feed, l)
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, uint64(cost), e0.Delta.Uint64(), "the day's cap, used")
		state.NextEpoch, state.TotalCommitted, state.RemainingSpend = 1, e0.Total, new(uint256.Int)

		// After epoch 0's cutoff the late user deposits, then runs a session in the next window.
		c0 := uint64(e0.Cutoff)
		deposits.from = c0 + 10
		feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{User: lateKey, Nonce: 2,
			Seconds: 10, MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: c0 + 40, Closed: c0 + 100}))
		clock = time.Unix(int64(c0), 0).Add(24*time.Hour + 2*time.Minute) // past its window and the feed grace
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx)) // the cap is used up: held, nothing committed
		_, err = l.LiveEpoch(ctx, 1)
		require.ErrorIs(t, err, store.ErrNotFound)

		// An epoch length later, with the next day's cap.
		clock = clock.Add(25 * time.Hour)
		state.RemainingSpend = uint256.NewInt(1e18)
		require.NoError(t, l.Assemble(ctx))
		e1, err := l.LiveEpoch(ctx, 1)
		require.NoError(t, err)
		require.Greater(t, e1.Cutoff, int64(c0+100), "its own window's cutoff, not epoch 0's")
		require.Equal(t, int64(1), e1.Sessions)
		require.Equal(t, uint64(10*1e12), e1.Delta.Uint64(), "charged to the late user's deposit")
		spend1, err := l.Spend(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, uint64(cost+10*1e12), spend1.Total.Uint64())
		rejected, err := st.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		require.Empty(t, rejected, "nothing rejected")
	})
}
