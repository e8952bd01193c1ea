package ledger

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestHeldSessionRetriedWithinTwoEpochs pins the behaviour of due that CheckWithdrawalDelay and
// CheckWithdrawalWindow count (a review's probe): a session a stale read held back (HoldPending) while its
// epoch committed the rest is tried again with the newest cutoff once an epoch has passed since that commit;
// a session closed after the next window's end and before that retry moves the next cutoff one window further,
// and no further: the held session is then in the epoch whose cutoff is two epochs after the one it missed
// (its commit up to two feed graces later). If due ever skipped more, the rules' "two epochs" would not hold.
// On SQLite and PostgreSQL.
func TestHeldSessionRetriedWithinTwoEpochs(t *testing.T) {
	dbtest.Run(t, true, testHeldSessionRetriedWithinTwoEpochs)
}

func testHeldSessionRetriedWithinTwoEpochs(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()

	const E = int64(600)
	g := 10 * time.Second
	cN := time.Now().Unix() - 90 // the held epoch's cutoff, a window end (payoutStart below is on the grid)
	cal := Calendar{PayoutStart: uint64(cN - 100*E), Interval: 86400}
	session := func(b byte, closed int64) *store.Session {
		return &store.Session{ID: common.Hash{b}, Feed: "f", Cursor: string(rune('a' + b)), User: common.Address{1},
			Provider: common.Address{2}, Builder: common.Address{3}, Price: *uint256.NewInt(1), Seconds: 10,
			ClosedAt: uint64(closed), Record: []byte(`{}`), UseDeposit: true, StartedAt: uint64(closed - 20)}
	}
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.InsertEpoch(ctx, &store.Epoch{Number: 0, State: StateConfirmed, Cutoff: cN}, nil); err != nil {
			return err
		}
		if _, err := tx.InsertPending(ctx, session(1, cN-100)); err != nil { // held back by a stale read
			return err
		}
		return tx.HoldPending(ctx, []common.Hash{{1}})
	}))
	var a0 int64 // the held epoch's commit: InsertEpoch stamps created_at with the store's clock
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
		prev, err := tx.NewestLive(ctx)
		if err == nil {
			a0 = prev.CreatedAt
		}
		return err
	}))
	var now time.Time
	l := &Ledger{store: st, cfg: Config{EpochLength: time.Duration(E) * time.Second, FeedGrace: g, Now: func() time.Time { return now }},
		caughtUpAt: map[string]time.Time{}}
	due := func(at int64) (int64, bool) {
		now = time.Unix(at, 0)
		c, _, ok, err := l.due(ctx, cal)
		require.NoError(t, err)
		return c, ok
	}

	_, ok := due(a0 + E - 1)
	require.False(t, ok, "quiet: nothing due before an epoch has passed since the held epoch's commit")
	c, ok := due(a0 + E + 1)
	require.True(t, ok, "quiet: the held session is tried again an epoch after the commit")
	require.Equal(t, cN, c, "with the newest cutoff")

	// A session closed after the next window's end and before that retry: the next cutoff is the window after.
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { _, err := tx.InsertPending(ctx, session(2, cN+E+30)); return err }))
	_, ok = due(a0 + E + 1)
	require.False(t, ok, "the retry waits for the later session's window")
	_, ok = due(cN + 2*E + int64(g/time.Second) - 1)
	require.False(t, ok, "until its feed grace has passed")
	c, ok = due(cN + 2*E + 2*int64(g/time.Second))
	require.True(t, ok)
	require.Equal(t, cN+2*E, c, "two epochs after the cutoff the held session missed, not more")
}
