package store_test

import (
	"context"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// TestPruneSettledSessions: Prune deletes only sessions in the feed up to the sequence every keeper settled
// and closed before the window; open, held and unsettled sessions stay; the reports (sessions per hour,
// allowance used per day) read the same before and after; usage rows go only once their day holds no
// session and is over.
func TestPruneSettledSessions(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		// Six sessions of day 7 created at 3600+i (one hour), closed at 5000+i except #5, left open;
		// #4 is held (flagged). Feed: #0 → 1, #1 → 2, #2 → 3, #3 → 4.
		var ids []store.Session
		for i := range 6 {
			s := newSession(byte(40+i), 2, 10)
			s.CreatedAt = 3600 + uint64(i)
			_, _, err := db.CreateSession(ctx, store.NewSession{Session: s, Nonce: uint64(100 + i), Deadline: 5000, Allowance: uint256.NewInt(1e6)})
			require.NoError(t, err)
			ids = append(ids, *s)
		}
		for i := range 5 {
			_, err := db.CloseSession(ctx, store.Close{ID: ids[i].ID, Reason: wire.CloseOneSided, BilledSeconds: uint32(i + 1),
				ClosedAt: 5000 + uint64(i), Held: i == 4})
			require.NoError(t, err)
		}
		report := func() ([]store.Bucket, string) {
			b, err := db.SessionBuckets(ctx, 0, 3600, 3)
			require.NoError(t, err)
			used, err := db.UsedOnDay(ctx, 7)
			require.NoError(t, err)
			return b, used.Dec()
		}
		buckets, used := report()
		require.Equal(t, []store.Bucket{{0, 0, 0}, {3600, 6, 1 + 2 + 3 + 4 + 5}, {7200, 0, 0}}, buckets)
		head, err := db.FeedHead(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(4), head)

		// The keepers settled through 2; the window ends at 5002 (#2 and #3 closed later).
		p, err := db.Prune(ctx, store.Retention{SettledSeq: 2, Before: 5002, Today: 8, Batch: 1})
		require.NoError(t, err)
		require.Equal(t, store.Pruned{Sessions: 2}, p)
		for i, s := range ids {
			_, err := db.Session(ctx, s.ID)
			if i < 2 {
				require.ErrorIs(t, err, store.ErrUnknownSession, "session %d", i)
			} else {
				require.NoError(t, err, "session %d", i)
			}
		}
		feed, err := db.Feed(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, feed, 2)
		require.Equal(t, uint64(3), feed[0].FeedSeq)
		b2, u2 := report()
		require.Equal(t, buckets, b2)
		require.Equal(t, used, u2)

		// A keeper behind (settled through 3) holds #3 back however old it is; the open and the held session
		// stay whatever the bounds; usage rows stay while day 7 has sessions.
		p, err = db.Prune(ctx, store.Retention{SettledSeq: 3, Before: 1 << 40, Today: 8})
		require.NoError(t, err)
		require.Equal(t, store.Pruned{Sessions: 1}, p)
		p, err = db.Prune(ctx, store.Retention{SettledSeq: 1 << 40, Before: 1 << 40, Today: 8})
		require.NoError(t, err)
		require.Equal(t, store.Pruned{Sessions: 1}, p) // #3 (feed 4), capped by nothing else
		c, err := db.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, int64(2), c.Sessions) // the held #4 and the open #5
		require.Equal(t, int64(1), c.Usage)

		// #5 closes, #4 is cleared; once settled, day 7 empties: its usage row becomes the day's total, but
		// only when day 7 is over (Today 8).
		_, err = db.CloseSession(ctx, store.Close{ID: ids[5].ID, Reason: wire.CloseOneSided, BilledSeconds: 6, ClosedAt: 5010})
		require.NoError(t, err)
		_, err = db.Clear(ctx, ids[4].ID)
		require.NoError(t, err)
		buckets, used = report()
		p, err = db.Prune(ctx, store.Retention{SettledSeq: 1 << 40, Before: 1 << 40, Today: 7})
		require.NoError(t, err)
		require.Equal(t, store.Pruned{Sessions: 2}, p)
		c, err = db.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 0, Usage: 1, Nonces: 6}, c) // nonces go by their deadline (PruneNonces)
		p, err = db.Prune(ctx, store.Retention{SettledSeq: 1 << 40, Before: 1 << 40, Today: 8})
		require.NoError(t, err)
		require.Equal(t, store.Pruned{UsageRows: 1}, p)
		b3, u3 := report()
		require.Equal(t, buckets, b3)
		require.Equal(t, used, u3)
		require.Equal(t, "42", u3) // (1+2+3+4+5+6) s × 2
		u, err := db.Used(ctx, alice, 8)
		require.NoError(t, err)
		require.True(t, u.IsZero())
	})
}
