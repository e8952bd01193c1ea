package ledger_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestAssemblyHealsDuplicatePending: a database left by a keeper before the sessions lock (store.LockSessions)
// holds a session both credited (epoch 0) and pending again — a second router fed it while epoch 0 was
// being assembled — and every assembly failed on sessions_pkey from then on. The next assembly drops the
// pending copy, listed as a rejected duplicate, and credits the new session alone, numbered right after
// epoch 0: settlement resumes and nothing is charged twice. On SQLite and PostgreSQL.
func TestAssemblyHealsDuplicatePending(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
			EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
			fakeRegistry{}, nil, nil)
		require.NoError(t, err)

		r0, r1, r2 := record(t, 0, 10, 600), record(t, 1, 11, 600), record(t, 2, 12, 600)
		feed.Add(t, r0, r1)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, [3]int64{2, 1, 2}, [3]int64{e0.Sessions, e0.FirstSeq, e0.LastSeq})
		ps.NextEpoch, ps.TotalCommitted = 1, e0.Total

		// The broken state, as the race left it: r0 (seq 1 or 2) pending again, fed by another router.
		raw := rawDB(t, dsn)
		_, err = raw.ExecContext(ctx, `INSERT INTO pending_sessions (session_id, ingest_seq, feed, cursor, user_addr, provider,
			builder, fee_bps, price, seconds, closed_at, recheck, record, use_deposit, started_at)
			SELECT s.session_id, 1, 'http://hostile', '1', s.user_addr, s.provider, s.builder, s.fee_bps, s.price, s.seconds,
				s.closed_at, 0, r.record, s.use_deposit, s.started_at
			FROM sessions s JOIN session_records r ON r.seq = s.seq WHERE s.session_id = '`+r0.SessionID.Hex()+`'`)
		require.NoError(t, err)
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, int64(3), c.Sessions, "two credited, one of them pending again")

		feed.Add(t, r2)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx), "the duplicate does not stall the assembly")
		e1, err := l.LiveEpoch(ctx, 1)
		require.NoError(t, err)
		require.Equal(t, [3]int64{1, 3, 3}, [3]int64{e1.Sessions, e1.FirstSeq, e1.LastSeq}, "r2 alone, numbered after epoch 0")
		p2, b2, err := wire.Credit(r2.BilledSeconds, &r2.Ticket.PricePerSecond, testenv.FeeBps)
		require.NoError(t, err)
		want := e0.Total
		want.Add(&want, p2)
		want.Add(&want, b2)
		require.Equal(t, want.Dec(), e1.Total.Dec(), "r0 is not credited twice")

		c, err = st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 3, Records: 3}, c, "r0, r1, r2 once each; nothing pending")
		rej, err := l.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		require.Len(t, rej, 1)
		require.Equal(t, ledger.RejectDuplicate, rej[0].Code)
		require.Equal(t, r0.SessionID.Hex(), rej[0].SessionID)
		require.Equal(t, "http://hostile", rej[0].Feed)
		require.Contains(t, rej[0].Detail, feed.Server.URL, "names the feed it was billed through")

		ps.NextEpoch, ps.TotalCommitted = 2, e1.Total
		require.NoError(t, l.Assemble(ctx))
		eps, err := l.Epochs(ctx)
		require.NoError(t, err)
		require.Len(t, eps, 2, "nothing left to assemble")
	})
}

// rawDB opens the store's database directly, to put it in a state no keeper method writes.
func rawDB(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	driver, name := "sqlite", "file:"+dsn
	if strings.HasPrefix(dsn, "postgres") {
		driver, name = "pgx", dsn
	}
	db, err := sql.Open(driver, name)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

// openStore opens the store at dsn until the test ends.
func openStore(t *testing.T, dsn string) (context.Context, *store.Store) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return ctx, st
}
