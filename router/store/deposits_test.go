package store_test

import (
	"context"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// TestDepositReservationAndTrueUp: with a DepositLimit, what the allowance left does not cover is reserved
// from the deposit within Available; the close trues both parts up, the allowance's first; a period (gen)
// starts at zero; a reservation beyond both leaves no trace.
func TestDepositReservationAndTrueUp(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(300)
		dep := &store.DepositLimit{Available: uint256.NewInt(1000), Gen: 2}

		// 2 wei/s × 100 s = 200 within the allowance: nothing from the deposit, even when allowed.
		s1, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(1, 2, 100), Nonce: 1, Deadline: 500, Allowance: allow, Deposit: dep})
		require.NoError(t, err)
		require.True(t, s1.DepositReserved.IsZero())

		// 5 × 100 = 500: 100 from the allowance left, 400 from the deposit.
		s2, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(2, 5, 100), Nonce: 2, Deadline: 500, Allowance: allow, Deposit: dep})
		require.NoError(t, err)
		require.Equal(t, uint64(400), s2.DepositReserved.Uint64())
		a, d := s2.Split()
		require.Equal(t, []uint64{100, 400}, []uint64{a.Uint64(), d.Uint64()})
		used, _ := db.Used(ctx, alice, 7)
		require.Equal(t, uint64(300), used.Uint64())
		charged, err := db.DepositUsed(ctx, alice, 2)
		require.NoError(t, err)
		require.Equal(t, uint64(400), charged.Uint64())
		got, err := db.Session(ctx, s2.ID)
		require.NoError(t, err)
		require.Equal(t, uint64(400), got.DepositReserved.Uint64())
		require.Equal(t, uint64(2), got.DepositGen)

		// Without consent the same RFC is refused; beyond the deposit too (600 + 400 > 1000); neither leaves a trace.
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(3, 6, 100), Nonce: 3, Deadline: 500, Allowance: allow})
		require.ErrorIs(t, err, store.ErrAllowanceExhausted)
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(3, 7, 100), Nonce: 3, Deadline: 500, Allowance: allow, Deposit: dep})
		require.ErrorIs(t, err, store.ErrDepositExhausted)
		charged, _ = db.DepositUsed(ctx, alice, 2)
		require.Equal(t, uint64(400), charged.Uint64())
		// A deposit part above MaxSession (the daily spend cap) is refused, without a trace; one at it is not.
		capped := &store.DepositLimit{Available: uint256.NewInt(1000), Gen: 2, MaxSession: uint256.NewInt(100)}
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(3, 2, 51), Nonce: 3, Deadline: 500, Allowance: allow, Deposit: capped})
		require.ErrorIs(t, err, store.ErrDepositExhausted)
		charged, _ = db.DepositUsed(ctx, alice, 2)
		require.Equal(t, uint64(400), charged.Uint64())
		s4, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(4, 2, 50), Nonce: 4, Deadline: 500, Allowance: allow, Deposit: capped})
		require.NoError(t, err)
		require.Equal(t, uint64(100), s4.DepositReserved.Uint64())
		_, err = db.CloseSession(ctx, store.Close{ID: s4.ID, Reason: wire.CloseReceipt, BilledSeconds: 0, ClosedAt: 200})
		require.NoError(t, err)

		// s2 bills 30 s = 150: 100 from the allowance, 50 from the deposit.
		closed, err := db.CloseSession(ctx, store.Close{ID: s2.ID, Reason: wire.CloseReceipt, BilledSeconds: 30, ClosedAt: 200})
		require.NoError(t, err)
		a, d = closed.Split()
		require.Equal(t, []uint64{100, 50}, []uint64{a.Uint64(), d.Uint64()})
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(300), used.Uint64())
		charged, _ = db.DepositUsed(ctx, alice, 2)
		require.Equal(t, uint64(50), charged.Uint64())

		// s2 billing less than its allowance part gives the deposit's back entirely; s1 (allowance) bills 10 s.
		_, err = db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseReceipt, BilledSeconds: 10, ClosedAt: 200})
		require.NoError(t, err)
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(120), used.Uint64())

		// A new period after a withdrawal starts at zero.
		charged, _ = db.DepositUsed(ctx, alice, 3)
		require.True(t, charged.IsZero())
	})
}

// TestDepositReservationsNeverOverspend: concurrent RFCs of one user never reserve more than the
// allowance plus the deposit allows.
func TestDepositReservationsNeverOverspend(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(100)
		dep := &store.DepositLimit{Available: uint256.NewInt(1000)}
		var wg sync.WaitGroup
		var mu sync.Mutex
		ok := 0
		for i := range 40 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(byte(i+1), 1, 100), Nonce: uint64(i), Deadline: 500, Allowance: allow, Deposit: dep})
				if err == nil {
					mu.Lock()
					ok++
					mu.Unlock()
				} else {
					require.ErrorIs(t, err, store.ErrDepositExhausted)
				}
			}()
		}
		wg.Wait()
		require.Equal(t, 11, ok) // 1 on the allowance, 10 on the deposit
		charged, _ := db.DepositUsed(ctx, alice, 0)
		require.Equal(t, uint64(1000), charged.Uint64())
	})
}

// TestCloseAfterExpiry: the router's expiry (at ExpiresAt, long before settle.LastClose) releases the
// reservation but does not take the parties' close away: a close arriving later replaces it while what it
// bills fits in what the user's allowance of its day has left (store.Reopen), charging it once and entering
// the feed anew, marked Reopened. It is refused when the released credit went to a newer session, on another
// day, for a deposit-paid session, and without limits (ErrExpired). Nothing closes the session after that,
// and an expiry never replaces a close.
func TestCloseAfterExpiry(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(1000)
		reopen := &store.Reopen{Day: 7, Allowance: allow}
		create := func(digest byte, price uint64, dep *store.DepositLimit) *store.Session {
			s, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(digest, price, 100), Nonce: uint64(digest), Deadline: 500,
				Allowance: allow, Deposit: dep})
			require.NoError(t, err)
			return s
		}
		used := func() uint64 {
			u, err := db.Used(ctx, alice, 7)
			require.NoError(t, err)
			return u.Uint64()
		}
		us, ps := eip712.Signature{9}, eip712.Signature{8}
		closeWith := func(id common.Hash, secs uint32, r *store.Reopen) (*store.Session, error) {
			return db.CloseSession(ctx, store.Close{ID: id, Reason: wire.CloseReceipt, Receipt: &eip712.UsageReceipt{SessionID: id, Seconds: secs},
				UserSignature: &us, ProviderSignature: &ps, BilledSeconds: secs, ClosedAt: 900, Reopen: r})
		}

		s1 := create(1, 5, nil) // 5 wei/s × 100 s = 500
		expired, err := db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseExpired, ClosedAt: 300})
		require.NoError(t, err)
		require.False(t, expired.Reopened)
		require.Zero(t, used(), "the expiry released the reservation")
		_, err = db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseExpired, ClosedAt: 301})
		require.ErrorIs(t, err, store.ErrSessionClosed, "expired once")

		// s1's close bills 80 s = 400: not without limits, nor on another day.
		_, err = closeWith(s1.ID, 80, nil)
		require.ErrorIs(t, err, store.ErrExpired)
		_, err = closeWith(s1.ID, 80, &store.Reopen{Day: 8, Allowance: allow})
		require.ErrorIs(t, err, store.ErrReopenRefused)
		// s2 reserves 700 of the released credit: s1's 400 more would pass the allowance, and is refused.
		s2 := create(2, 7, nil)
		_, err = closeWith(s1.ID, 80, reopen)
		require.ErrorIs(t, err, store.ErrReopenRefused)
		require.Equal(t, uint64(700), used(), "nothing charged")

		// s2 bills 20 s = 140: now s1's 400 fits (540), and its close replaces the expiry.
		_, err = closeWith(s2.ID, 20, nil)
		require.NoError(t, err)
		closed, err := closeWith(s1.ID, 80, reopen)
		require.NoError(t, err)
		require.True(t, closed.Reopened)
		require.Equal(t, wire.CloseReceipt, closed.CloseReason)
		require.Greater(t, closed.FeedSeq, expired.FeedSeq, "in the feed again, after the expired copy")
		require.Equal(t, uint64(140+400), used(), "charged what it bills, nothing released twice")
		feed, err := db.Feed(ctx, expired.FeedSeq, 10)
		require.NoError(t, err)
		require.Equal(t, s1.ID, feed[len(feed)-1].ID)
		require.Equal(t, uint32(80), feed[len(feed)-1].BilledSeconds)

		for _, reason := range []string{wire.CloseReceipt, wire.CloseOneSided, wire.CloseExpired} {
			_, err = db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: reason, UserSignature: &us, BilledSeconds: 10, ClosedAt: 901, Reopen: reopen})
			require.ErrorIs(t, err, store.ErrSessionClosed, "closed by a close: %s takes no second", reason)
		}
		_, _, err = db.ParkClose(ctx, s1.ID, 901, []byte(`{}`), 4)
		require.ErrorIs(t, err, store.ErrSessionClosed)

		// A deposit-paid session (460 from the allowance left, 540 from the deposit) is not reopened.
		s3 := create(3, 10, &store.DepositLimit{Available: uint256.NewInt(1000), Gen: 2})
		require.Equal(t, uint64(540), s3.DepositReserved.Uint64())
		_, err = db.CloseSession(ctx, store.Close{ID: s3.ID, Reason: wire.CloseExpired, ClosedAt: 300})
		require.NoError(t, err)
		_, err = closeWith(s3.ID, 10, reopen)
		require.ErrorIs(t, err, store.ErrReopenRefused)
		charged, err := db.DepositUsed(ctx, alice, 2)
		require.NoError(t, err)
		require.Equal(t, []uint64{540, 0}, []uint64{used(), charged.Uint64()})
	})
}
