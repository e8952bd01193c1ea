package credit_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/provider/credit"
)

// saved is c's counts as provider serve writes and reads them back, and whether they had changed.
func saved(t *testing.T, c *credit.Checker) (credit.Counts, bool) {
	t.Helper()
	k, changed := c.Counts()
	raw, err := json.Marshal(k)
	require.NoError(t, err)
	var back credit.Counts
	require.NoError(t, json.Unmarshal(raw, &back))
	return back, changed
}

// restored is a new checker (a restart) on p with counts k.
func restored(t *testing.T, p *pool, k credit.Counts) *credit.Checker {
	t.Helper()
	c := credit.New(p, p, nil)
	require.NoError(t, c.Restore(k))
	return c
}

// TestCountsRestored: the counts a checker saves, restored into a new one (a restart), admit no user again
// what was admitted: a closed session counts its bill (the allowance's part for the day, the deposit's for
// good); an open session's reservation comes back as a hold, replaced by its bill when the session closes
// (the journal closes it one-sided at start), carried into a new day at its turn as a live one is (keepers
// charge it to the day it closes on), and counted in full when nothing closes it (ReleaseRestored). Counts
// reports a change only when a count changed; a version it does not know is refused.
func TestCountsRestored(t *testing.T) {
	user, depositor := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 50)
	c := credit.New(p, p, nil)
	_, changed := c.Counts()
	require.False(t, changed, "nothing counted yet")

	open, ok := admit(t, c, user, 60, false)
	require.True(t, ok)
	c.Done(open, true) // opened: holds 60 of the allowance
	closed, ok := admit(t, c, depositor, 130, true)
	require.True(t, ok, "100 of the allowance, 30 of the deposit")
	c.Done(closed, true)
	c.Closed(closed, uint256.NewInt(120)) // billed 100 + 20
	k, changed := saved(t, c)
	require.True(t, changed)
	_, changed = c.Counts()
	require.False(t, changed, "unchanged since")

	again := restored(t, p, k)
	_, ok = admit(t, again, user, 41, false)
	require.False(t, ok, "the open session's 60 of 100 is held")
	_, ok = admit(t, again, depositor, 31, true)
	require.False(t, ok, "the allowance billed in full, 20 of the deposit's 50 spent")
	_, ok = admit(t, again, depositor, 30, true)
	require.True(t, ok)
	again.Closed(open, uint256.NewInt(30)) // the journal closes it at start: billed 30
	_, ok = admit(t, again, user, 71, false)
	require.False(t, ok)
	_, ok = admit(t, again, user, 70, false)
	require.True(t, ok, "its bill replaced its reservation")

	p.day = 6 // restarted on the next day: the open session's hold is carried into it
	nextDay := restored(t, p, k)
	_, ok = admit(t, nextDay, user, 41, false)
	require.False(t, ok, "keepers charge the open session to the day it closes on")
	_, ok = admit(t, nextDay, depositor, 131, true)
	require.False(t, ok, "a new day's allowance; the deposit's spend is every day's")
	_, ok = admit(t, nextDay, depositor, 130, true)
	require.True(t, ok)

	p.day = 5
	unclosed := restored(t, p, k)
	unclosed.ReleaseRestored() // nothing closed it: counted in full on its day, carried no further
	_, ok = admit(t, unclosed, user, 41, false)
	require.False(t, ok)
	p.day = 6
	_, ok = admit(t, unclosed, user, 100, false)
	require.True(t, ok, "a released hold is not carried into the next day")

	require.ErrorContains(t, credit.New(p, p, nil).Restore(credit.Counts{Version: 99}), "version")
}

// TestRestoredOnAChainStartedAgain: counts restored for day 5, a closed session's bill counted on it; the
// chain's day then read as 2. One such read (a lagging node after the restart) is refused ErrDayBehind and
// drops nothing: day 5 read next still counts the bill. Read for 11 minutes with no gap longer (a devnet
// started again over the same state; longer than the allowance reader caches a day), day 2 is taken, the restored allowance counts dropped (they were another chain's), where
// every session used to be refused ErrDayBehind until the chain reached day 5. After that, a lower day is
// behind as ever.
func TestRestoredOnAChainStartedAgain(t *testing.T) {
	user := common.HexToAddress("0x01")
	p := newPool(5, map[uint64]uint64{1: 100, 2: 100, 5: 100}, 0)
	c := credit.New(p, p, nil)
	id, ok := admit(t, c, user, 100, false)
	require.True(t, ok)
	c.Done(id, true)
	c.Closed(id, uint256.NewInt(100))
	k, _ := saved(t, c)

	clock := time.Unix(1_800_000_000, 0)
	restart := func() *credit.Checker {
		again := credit.New(p, p, func() time.Time { return clock })
		require.NoError(t, again.Restore(k))
		return again
	}
	lagging := restart()
	p.day = 2
	_, err := lagging.Admit(context.Background(), newID(), user, false, uint256.NewInt(1), free)
	require.ErrorIs(t, err, credit.ErrDayBehind, "one read of a lower day")
	p.day = 5
	_, ok = admit(t, lagging, user, 1, false)
	require.False(t, ok, "the day's counts kept")

	again := restart()
	p.day = 2
	behind := func() {
		t.Helper()
		_, err := again.Admit(context.Background(), newID(), user, false, uint256.NewInt(1), free)
		require.ErrorIs(t, err, credit.ErrDayBehind)
	}
	behind()
	clock = clock.Add(12 * time.Minute)
	behind() // reads that far apart confirm nothing: the wait starts again
	clock = clock.Add(6 * time.Minute)
	behind()
	clock = clock.Add(5 * time.Minute) // read for 11 minutes, no gap longer
	_, ok = admit(t, again, user, 100, false)
	require.True(t, ok, "day 2's allowance, with no count of day 5's")
	p.day = 1
	_, err = again.Admit(context.Background(), newID(), user, false, uint256.NewInt(1), free)
	require.ErrorIs(t, err, credit.ErrDayBehind)
}

// TestRestoredHoldsClosedAtStartCountOnTheNextDay: a crash on day 5 with a session holding 60, the provider
// started on day 6: the journal closes the session at start (billed 50) before any day is read, and keepers
// date that close on day 6, so day 6 counts it (its bill was left in day 5's count, dropped at the turn);
// a hold nothing closed counts in full on day 6 too. A failed request of a restored session's id does not
// release its hold (only its close or ReleaseRestored does).
func TestRestoredHoldsClosedAtStartCountOnTheNextDay(t *testing.T) {
	user, other := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 0)
	c := credit.New(p, p, nil)
	closedAtStart, ok := admit(t, c, user, 60, false)
	require.True(t, ok)
	c.Done(closedAtStart, true)
	unclosed, ok := admit(t, c, other, 60, false)
	require.True(t, ok)
	c.Done(unclosed, true)
	k, _ := saved(t, c)

	p.day = 6
	again := restored(t, p, k)
	again.Closed(closedAtStart, uint256.NewInt(50))
	again.ReleaseRestored()
	_, ok = admit(t, again, user, 51, false)
	require.False(t, ok, "the close at start dated on day 6")
	_, ok = admit(t, again, user, 50, false)
	require.True(t, ok)
	_, ok = admit(t, again, other, 41, false)
	require.False(t, ok, "the hold nothing closed, in full on day 6")

	p.day = 5 // restarted again on day 5 before any day was read, then on day 6: the close still counts
	twice := restored(t, p, k)
	twice.Closed(closedAtStart, uint256.NewInt(50))
	k2, _ := saved(t, twice)
	p.day = 6
	third := restored(t, p, k2)
	_, ok = admit(t, third, user, 51, false)
	require.False(t, ok, "the carry saved")

	p.day = 5
	handlerOnly := restored(t, p, k)
	v, err := handlerOnly.Admit(context.Background(), unclosed, other, false, uint256.NewInt(60), free)
	require.NoError(t, err)
	require.True(t, v.Covered)
	handlerOnly.Done(unclosed, false) // the request failed before the session opened
	_, ok = admit(t, handlerOnly, other, 41, false)
	require.False(t, ok, "the restored hold stays")
}
