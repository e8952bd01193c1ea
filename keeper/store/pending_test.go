package store_test

import (
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/store"
)

// pendingSession is session n of feed, billing 1 s at 1 wei (a session billing nothing is never promoted).
func pendingSession(n int64, feed string, closedAt uint64) *store.Session {
	s := &store.Session{ID: common.BigToHash(big.NewInt(n)), Feed: feed, Cursor: fmt.Sprint(n * 10), ClosedAt: closedAt,
		Seconds: 1, Record: []byte(fmt.Sprintf(`{"s":%d}`, n))}
	s.Price.SetOne()
	return s
}

// TestIngestDuringPromotion: a session fed again (another router's feed) while the epoch that promotes it
// is not committed yet waits for that epoch and is then refused as a duplicate. Before the sessions lock,
// PostgreSQL's READ COMMITTED let the ingest's check miss the uncommitted promotion and its insert succeed
// once the promotion committed: the id was then credited and pending at once, and every later promotion
// failed on sessions_pkey. The ingest is started only once the promotion holds what it needs and is known
// to wait for it (PostgreSQL: pg_blocking_pids; SQLite: the one connection).
func TestIngestDuringPromotion(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		s := pendingSession(1, "http://a", 100)
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			stored, err := tx.InsertPending(ctx, s)
			require.True(t, stored)
			return err
		}))

		promoting, release, promoted := make(chan int64), make(chan struct{}), make(chan error, 1)
		go func() {
			promoted <- st.InTx(ctx, func(tx *store.Tx) error {
				last, err := tx.PromotePending(ctx, 200, 0, nil)
				if err != nil || last != 1 {
					return fmt.Errorf("promoted through %d: %w", last, err)
				}
				var pid int64
				if st.Postgres() {
					if pid, err = tx.BackendPID(ctx); err != nil {
						return err
					}
				}
				promoting <- pid
				<-release // held open (uncommitted) until the ingest waits for it
				return nil
			})
		}()
		var pid int64
		select {
		case pid = <-promoting:
		case err := <-promoted:
			t.Fatalf("promotion: %v", err)
		}

		type result struct {
			stored bool
			err    error
		}
		ingested := make(chan result, 1)
		go func() {
			var r result
			r.err = st.InTx(ctx, func(tx *store.Tx) (err error) {
				again := *s
				again.Feed, again.Cursor = "http://b", "7"
				r.stored, err = tx.InsertPending(ctx, &again)
				return err
			})
			ingested <- r
		}()
		require.Eventually(t, func() bool {
			waits, err := st.WaitsFor(ctx, pid)
			require.NoError(t, err)
			return waits
		}, 30*time.Second, 2*time.Millisecond, "the ingest waits for the promotion")
		close(release)
		require.NoError(t, <-promoted)
		r := <-ingested
		require.NoError(t, r.err)
		require.False(t, r.stored, "credited by the committed promotion: a duplicate")

		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, int64(1), c.Sessions, "credited once, not pending again")
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			last, err := tx.PromotePending(ctx, 1000, 1, nil)
			require.NoError(t, err)
			require.Equal(t, int64(1), last, "nothing left to promote")
			return err
		}))
	})
}

// TestPromoteSkipsDuplicates: a store already holding pending sessions whose ids are credited (1) or
// pruned (4) — what the race above left behind — promotes the others, numbered densely after the live
// epochs, instead of failing on sessions_pkey (1) or crediting a pruned session again (4); the duplicates
// are then dropped with their records, and the next promotion finds nothing of them.
func TestPromoteSkipsDuplicates(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			for _, s := range []*store.Session{pendingSession(1, "http://b", 100), pendingSession(2, "http://a", 150),
				pendingSession(3, "http://a", 300), pendingSession(4, "http://b", 120)} {
				if stored, err := tx.InsertPending(ctx, s); err != nil || !stored {
					return fmt.Errorf("session %s stored %v: %w", s.ID, stored, err)
				}
			}
			// The broken state: 4 and 1 credited (seq 1 and 2) while still pending.
			for seq, n := range []int64{4, 1} {
				s := pendingSession(n, "http://a", 100)
				s.Seq = int64(seq) + 1
				if stored, err := tx.InsertSession(ctx, s); err != nil || !stored {
					return fmt.Errorf("session %s credited %v: %w", s.ID, stored, err)
				}
			}
			return nil
		}))
		// Epoch 0 credits 4 and is pruned; epoch 1 credits 1.
		var epoch0 int64
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
			if epoch0, err = tx.InsertEpoch(ctx, &store.Epoch{Number: 0, State: store.StateAssembled, Sessions: 1, FirstSeq: 1, LastSeq: 1}, nil); err != nil {
				return err
			}
			_, err = tx.InsertEpoch(ctx, &store.Epoch{Number: 1, State: store.StateAssembled, Sessions: 1, FirstSeq: 2, LastSeq: 2}, nil)
			return err
		}))
		require.NoError(t, st.MarkConfirmed(ctx, epoch0, 10, common.Hash{1}, 7))
		require.NoError(t, st.MarkClaimable(ctx, epoch0, ""))
		p, err := st.Prune(ctx, 11)
		require.NoError(t, err)
		require.Equal(t, int64(1), p.Sessions, "4 pruned")

		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			last, err := tx.PromotePending(ctx, 200, 2, nil)
			require.NoError(t, err)
			require.Equal(t, int64(3), last, "2 alone, numbered 3")
			got, _, err := tx.Credits(ctx, 3, 3, 1)
			require.NoError(t, err)
			require.Len(t, got, 1)
			require.Equal(t, common.BigToHash(big.NewInt(2)), got[0].ID)
			recs, err := tx.Records(ctx, 3, 3)
			require.NoError(t, err)
			require.Equal(t, []string{`{"s":2}`}, []string{string(recs[0])}, "the record follows its number")

			dropped, err := tx.DropDuplicatePending(ctx, 200)
			require.NoError(t, err)
			var ids []common.Hash
			for _, d := range dropped {
				ids = append(ids, d.ID)
				require.Equal(t, "http://b", d.Feed)
				require.NotEmpty(t, d.Record)
			}
			require.Equal(t, []common.Hash{common.BigToHash(big.NewInt(1)), common.BigToHash(big.NewInt(4))}, ids)

			last, err = tx.PromotePending(ctx, 1000, 3, nil)
			require.NoError(t, err)
			require.Equal(t, int64(4), last, "3 alone, numbered 4")
			return nil
		}))
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 3, Records: 3, SettledIDs: 1}, c, "1, 2 and 3 credited once; 4 pruned")
	})
}

// TestUnbilledNeverOwnsItsID: of three pending sessions (billing 0 s, billing at price 0, billing 1 s at 1
// wei) a promotion numbers only the third; the other two are dropped with their records (the ledger lists
// them as rejected) and their ids stay free: a copy that bills, stored later, is promoted in turn.
func TestUnbilledNeverOwnsItsID(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		zeroSeconds, zeroPrice := pendingSession(1, "http://b", 100), pendingSession(2, "http://b", 110)
		zeroSeconds.Seconds = 0
		zeroPrice.Price.Clear()
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			for _, s := range []*store.Session{zeroSeconds, zeroPrice, pendingSession(3, "http://a", 120)} {
				if stored, err := tx.InsertPending(ctx, s); err != nil || !stored {
					return fmt.Errorf("session %s stored %v: %w", s.ID, stored, err)
				}
			}
			last, err := tx.PromotePending(ctx, 200, 0, nil)
			require.NoError(t, err)
			require.Equal(t, int64(1), last, "3 alone, numbered 1")
			got, _, err := tx.Credits(ctx, 1, 1, 1)
			require.NoError(t, err)
			require.Equal(t, common.BigToHash(big.NewInt(3)), got[0].ID)

			dropped, err := tx.DropUnbilledPending(ctx, 200)
			require.NoError(t, err)
			require.Len(t, dropped, 2)
			for i, d := range dropped {
				require.Equal(t, common.BigToHash(big.NewInt(int64(i+1))), d.ID)
				require.Equal(t, fmt.Sprintf(`{"s":%d}`, i+1), string(d.Record))
			}

			billing := pendingSession(1, "http://a", 150) // a billing copy of 1, read after it was dropped
			stored, err := tx.InsertPending(ctx, billing)
			require.NoError(t, err)
			require.True(t, stored, "the dropped copy billed nothing: the session id is free")
			last, err = tx.PromotePending(ctx, 200, 1, nil)
			require.NoError(t, err)
			require.Equal(t, int64(2), last, "the billing copy of 1, numbered 2")
			return nil
		}))
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 2, Records: 2}, c)
	})
}

// TestDemoteOverPendingCopy: rolling back an epoch one of whose sessions also has a pending copy (the race
// above, before the fix) puts the credited session back in pending in place of the copy, instead of failing
// on pending_sessions' key and holding the rollback for good.
func TestDemoteOverPendingCopy(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.InsertPending(ctx, pendingSession(1, "http://b", 100)); err != nil { // the copy
				return err
			}
			credited := pendingSession(1, "http://a", 100)
			credited.Seq = 1
			_, err := tx.InsertSession(ctx, credited)
			return err
		}))
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { return tx.DemoteSessions(ctx, 1, 1) }))
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			back, err := tx.RecheckSessions(ctx)
			require.NoError(t, err)
			require.Len(t, back, 1)
			require.Equal(t, "http://a", back[0].Feed, "the credited session, not the copy")
			return err
		}))
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 1, Records: 1, Recheck: 1}, c)
	})
}

// TestVerifiedThrough: the verified-through block is none until recorded, then the last one recorded, and it
// outlives the store (a restarted keeper compares it with the chain), until forgotten.
func TestVerifiedThrough(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		read := func(st *store.Store) (n uint64, h common.Hash, ok bool) {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
				n, h, ok, err = tx.VerifiedThrough(ctx)
				return err
			}))
			return n, h, ok
		}
		_, _, ok := read(st)
		require.False(t, ok, "none recorded yet")
		for _, b := range []struct {
			n uint64
			h common.Hash
		}{{7, common.HexToHash("0xaa")}, {5, common.HexToHash("0xbb")}} { // the last one recorded, even lower
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { return tx.SetVerifiedThrough(ctx, b.n, b.h) }))
			n, h, ok := read(st)
			require.True(t, ok)
			require.Equal(t, b.n, n)
			require.Equal(t, b.h, h)
		}
		require.NoError(t, st.Close())
		_, again := open(t, dsn)
		n, h, ok := read(again)
		require.True(t, ok, "kept across a restart")
		require.Equal(t, uint64(5), n)
		require.Equal(t, common.HexToHash("0xbb"), h)
		require.NoError(t, again.InTx(ctx, func(tx *store.Tx) error { return tx.ForgetVerifiedThrough(ctx) }))
		_, _, ok = read(again)
		require.False(t, ok, "forgotten")
	})
}

// TestRejectedCopies: RejectedCopies lists a session's rejected rows with the codes asked, by row id, and no
// other session's or code's; DeleteRejected removes one row (a copy stored again as pending) and reports
// whether it was there.
func TestRejectedCopies(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		id, other := common.BigToHash(big.NewInt(1)), common.BigToHash(big.NewInt(2))
		rows := []store.Rejected{
			{Feed: "http://a", Cursor: "1", SessionID: id.Hex(), Code: "ticket_conflict", Record: []byte(`{"c":1}`)},
			{Feed: "http://b", Cursor: "2", SessionID: other.Hex(), Code: "ticket_conflict", Record: []byte(`{"c":2}`)},
			{Feed: "http://b", Cursor: "3", SessionID: id.Hex(), Code: "bad_signature", Record: []byte(`{"c":3}`)},
			{Feed: "http://c", Cursor: "4", SessionID: id.Hex(), Code: "duplicate", Record: []byte(`{"c":4}`)},
		}
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			for _, r := range rows {
				if err := tx.InsertRejected(ctx, r); err != nil {
					return err
				}
			}
			return nil
		}))
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			none, err := tx.RejectedCopies(ctx, id)
			require.NoError(t, err)
			require.Empty(t, none, "no code asked")
			got, err := tx.RejectedCopies(ctx, id, "ticket_conflict", "duplicate")
			require.NoError(t, err)
			require.Len(t, got, 2)
			require.Equal(t, []int64{1, 4}, []int64{got[0].ID, got[1].ID})
			require.Equal(t, "http://c", got[1].Feed)
			require.Equal(t, "4", got[1].Cursor)
			require.JSONEq(t, `{"c":4}`, string(got[1].Record))

			deleted, err := tx.DeleteRejected(ctx, 1)
			require.NoError(t, err)
			require.True(t, deleted)
			deleted, err = tx.DeleteRejected(ctx, 1)
			require.NoError(t, err)
			require.False(t, deleted, "gone already")
			got, err = tx.RejectedCopies(ctx, id, "ticket_conflict", "duplicate")
			require.NoError(t, err)
			require.Len(t, got, 1)
			require.Equal(t, int64(4), got[0].ID)
			return nil
		}))
		left, err := st.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, left, 3)
	})
}

// TestReviveQueueAndRejectedIDs: QueueRevive queues a session once however often asked, ReviveQueue lists the
// queue, Unqueue takes one out. A rejected row's id is never given again: deleting the newest row (a copy
// stored again as pending) and inserting another gives the new one a higher id, and MaxRejected does not go
// back (an epoch's batch file range and a GET /v1/rejected?after= cursor past the deleted id miss nothing).
func TestReviveQueueAndRejectedIDs(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		a, b := common.BigToHash(big.NewInt(1)), common.BigToHash(big.NewInt(2))
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			q, err := tx.ReviveQueue(ctx)
			require.NoError(t, err)
			require.Empty(t, q)
			require.NoError(t, tx.QueueRevive(ctx, b))
			require.NoError(t, tx.QueueRevive(ctx, a))
			require.NoError(t, tx.QueueRevive(ctx, b))
			return nil
		}))
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			q, err := tx.ReviveQueue(ctx)
			require.NoError(t, err)
			require.Equal(t, []common.Hash{a, b}, q)
			require.NoError(t, tx.Unqueue(ctx, a))
			q, err = tx.ReviveQueue(ctx)
			require.NoError(t, err)
			require.Equal(t, []common.Hash{b}, q)
			return nil
		}))

		insert := func() {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				return tx.InsertRejected(ctx, store.Rejected{Feed: "http://a", Cursor: "1", SessionID: a.Hex(), Code: "ticket_conflict", Record: []byte(`{}`)})
			}))
		}
		last := func() int64 {
			var n int64
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
				n, err = tx.MaxRejected(ctx)
				return err
			}))
			return n
		}
		require.Equal(t, int64(0), last())
		insert()
		insert()
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			deleted, err := tx.DeleteRejected(ctx, 2) // the newest
			require.True(t, deleted)
			return err
		}))
		require.Equal(t, int64(2), last(), "the deleted id is not given back")
		insert()
		got, err := st.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, got, 2)
		require.Equal(t, []int64{1, 3}, []int64{got[0].ID, got[1].ID}, "a new id, higher than the deleted one")
		require.Equal(t, int64(3), last())
	})
}

// TestRejectedIDsSeededOnUpgrade: migration 00012 seeds the rejected-row counter past every id a row has had,
// on a database made before it: the newest row's, and an epoch's rejected range whose newest rows were
// deleted before the upgrade (a shortfall taken back). A row inserted after the upgrade gets a new id, past
// the range a batch file listed.
func TestRejectedIDsSeededOnUpgrade(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		insert := func(st *store.Store) {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				return tx.InsertRejected(ctx, store.Rejected{Feed: "http://a", Cursor: "1", SessionID: common.Hash{1}.Hex(),
					Code: "ticket_conflict", Record: []byte(`{}`)})
			}))
		}
		for range 3 {
			insert(st)
		}
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.InsertEpoch(ctx, &store.Epoch{Number: 0, State: store.StateAssembled, RejectedLast: 5}, nil)
			return err
		}))
		// Before 00012: no counter, no queue, no index, neither it nor a later migration (00013's columns) applied.
		for _, q := range []string{`DROP TABLE rejected_seq`, `DROP TABLE revive_sessions`, `DROP INDEX rejected_session`,
			`ALTER TABLE rejected DROP COLUMN record_bytes`, `ALTER TABLE rejected DROP COLUMN record_hash`,
			`DELETE FROM goose_db_version WHERE version_id >= 12`} {
			require.NoError(t, st.Exec(ctx, q), q)
		}
		require.NoError(t, st.Close())

		_, again := open(t, dsn) // upgraded
		insert(again)
		got, err := again.RejectedAfter(ctx, 3, 10)
		require.NoError(t, err)
		require.Len(t, got, 1)
		require.Equal(t, int64(6), got[0].ID, "past the epoch's range (5), not MAX(id)+1 (4)")
	})
}
