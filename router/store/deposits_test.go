package store_test

import (
	"context"
	"sync"
	"testing"

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
// reservation but does not take the parties' close away: a close that bills, arriving later, replaces it,
// charging the allowance and the deposit what it bills (not releasing the reservation a second time),
// entering the feed anew, and marked Reopened. Nothing closes the session after that, and an expiry never
// replaces a close.
func TestCloseAfterExpiry(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(300)
		dep := &store.DepositLimit{Available: uint256.NewInt(1000), Gen: 2}
		// 5 wei/s × 100 s = 500: 300 from the allowance, 200 from the deposit.
		s1, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(1, 5, 100), Nonce: 1, Deadline: 500, Allowance: allow, Deposit: dep})
		require.NoError(t, err)
		require.Equal(t, uint64(200), s1.DepositReserved.Uint64())

		expired, err := db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseExpired, ClosedAt: 300})
		require.NoError(t, err)
		require.False(t, expired.Reopened)
		used, _ := db.Used(ctx, alice, 7)
		charged, _ := db.DepositUsed(ctx, alice, 2)
		require.Equal(t, []uint64{0, 0}, []uint64{used.Uint64(), charged.Uint64()}, "the expiry released the reservation")
		_, err = db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseExpired, ClosedAt: 301})
		require.ErrorIs(t, err, store.ErrSessionClosed, "expired once")

		// A receipt close arrives after the expiry: 80 s = 400, 300 from the allowance and 100 from the deposit.
		us, ps := eip712.Signature{9}, eip712.Signature{8}
		rc := &eip712.UsageReceipt{SessionID: s1.ID, Seconds: 80}
		closed, err := db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: wire.CloseReceipt, Receipt: rc, UserSignature: &us, ProviderSignature: &ps,
			BilledSeconds: 80, ClosedAt: 900})
		require.NoError(t, err)
		require.True(t, closed.Reopened)
		require.Equal(t, wire.CloseReceipt, closed.CloseReason)
		require.Greater(t, closed.FeedSeq, expired.FeedSeq, "in the feed again, after the expired copy")
		used, _ = db.Used(ctx, alice, 7)
		charged, _ = db.DepositUsed(ctx, alice, 2)
		require.Equal(t, []uint64{300, 100}, []uint64{used.Uint64(), charged.Uint64()}, "charged what it bills, nothing released twice")
		feed, err := db.Feed(ctx, expired.FeedSeq, 10)
		require.NoError(t, err)
		require.Len(t, feed, 1)
		require.Equal(t, uint32(80), feed[0].BilledSeconds)

		for _, reason := range []string{wire.CloseReceipt, wire.CloseOneSided, wire.CloseExpired} {
			_, err = db.CloseSession(ctx, store.Close{ID: s1.ID, Reason: reason, Receipt: rc, UserSignature: &us, BilledSeconds: 10, ClosedAt: 901})
			require.ErrorIs(t, err, store.ErrSessionClosed, "closed by a close: %s takes no second", reason)
		}
		_, _, err = db.ParkClose(ctx, s1.ID, 901, []byte(`{}`), 4)
		require.ErrorIs(t, err, store.ErrSessionClosed)
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(300), used.Uint64())
	})
}
