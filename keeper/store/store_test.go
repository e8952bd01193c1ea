package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/internal/migrate"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
)

// Every test here runs once on SQLite and once on PostgreSQL (LT_TEST_POSTGRES_DSN, see dbtest).

func open(t *testing.T, dsn string) (context.Context, *store.Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	t.Cleanup(cancel)
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return ctx, st
}

// TestOpenMigrates: the schema is created once and opening an existing database again keeps its data.
func TestOpenMigrates(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		require.Equal(t, strings.HasPrefix(dsn, "postgres://"), st.Postgres())
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { return tx.SetCursor(ctx, "http://r", "7") }))
		again, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer again.Close()
		require.Equal(t, st.SchemaVersion(), again.SchemaVersion())
		cursor, err := again.Cursor(ctx, "http://r")
		require.NoError(t, err)
		require.Equal(t, "7", cursor)
	})
}

// TestUpgradeFromUnversionedSchema: a database made by the keeper before versioned migrations (its
// CREATE TABLE IF NOT EXISTS list, which the first migration file reproduces as it was) with data in it
// opens, is migrated to the newest version, and its data reads back through the typed methods.
func TestUpgradeFromUnversionedSchema(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		legacy := legacyDB(t, dsn)
		stmts, err := migrate.Statements(os.DirFS("migrations"), "00001_initial.sql")
		require.NoError(t, err)
		for _, q := range stmts {
			_, err := legacy.ExecContext(ctx, q)
			require.NoError(t, err, q)
		}
		for _, q := range []string{
			`INSERT INTO feeds (url, cursor, updated_at) VALUES ('http://r', '42', 1)`,
			`INSERT INTO sessions (session_id, seq, feed, cursor, provider, builder, fee_bps, price, seconds, closed_at)
				VALUES ('0x01', 1, 'http://r', '42', '0x0000000000000000000000000000000000000001', '0x0000000000000000000000000000000000000002', 500, '1000', 7, 5)`,
			`INSERT INTO session_records (seq, record) VALUES (1, '{"a":1}')`,
			`INSERT INTO accounts (account, owed, credited) VALUES ('0x0000000000000000000000000000000000000001', '6650', '0')`,
		} {
			_, err := legacy.ExecContext(ctx, q)
			require.NoError(t, err, q)
		}
		require.NoError(t, legacy.Close())

		ctx, st := open(t, dsn)
		require.Positive(t, st.SchemaVersion())
		cursor, err := st.Cursor(ctx, "http://r")
		require.NoError(t, err)
		require.Equal(t, "42", cursor)
		// The session no epoch credited waits in pending, flagged to be verified again (which finds its
		// user, migration 00003), with its record.
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 1, Records: 1, Recheck: 1}, c)
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			pending, err := tx.RecheckSessions(ctx)
			require.NoError(t, err)
			require.Len(t, pending, 1)
			require.Equal(t, common.HexToHash("0x01"), pending[0].ID)
			require.Equal(t, "http://r", pending[0].Feed)
			require.JSONEq(t, `{"a":1}`, string(pending[0].Record))
			accounts, err := tx.Accounts(ctx)
			require.NoError(t, err)
			require.Equal(t, "6650", accounts[common.HexToAddress("0x01")].Owed.Dec())
			return nil
		}))
	})
}

// legacyDB opens dsn without the store (no migration).
func legacyDB(t *testing.T, dsn string) *sql.DB {
	driver := "sqlite"
	if strings.HasPrefix(dsn, "postgres://") {
		driver = "pgx"
	}
	db, err := sql.Open(driver, dsn)
	require.NoError(t, err)
	return db
}

// TestInTxAtomic: a transaction whose function fails writes nothing; one that succeeds writes all; a
// constraint violation fails the transaction as a whole; amounts beyond any SQL integer survive.
func TestInTxAtomic(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		a, b := common.HexToAddress("0xa"), common.HexToAddress("0xb")
		boom := errors.New("boom")
		err := st.InTx(ctx, func(tx *store.Tx) error {
			acc := &store.Account{}
			acc.Owed.SetUint64(1)
			if err := tx.SaveAccounts(ctx, map[common.Address]*store.Account{a: acc, b: acc}); err != nil {
				return err
			}
			return boom
		})
		require.ErrorIs(t, err, boom)
		accounts := func() map[common.Address]*store.Account {
			var m map[common.Address]*store.Account
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
				m, err = tx.Accounts(ctx)
				return err
			}))
			return m
		}
		require.Empty(t, accounts(), "rolled back")

		// A constraint violation inside the transaction fails it as a whole (two sessions, one seq).
		err = st.InTx(ctx, func(tx *store.Tx) error {
			for _, id := range []string{"0x01", "0x02"} {
				if _, err := tx.InsertSession(ctx, &store.Session{Seq: 1, ID: common.HexToHash(id), Record: []byte("{}")}); err != nil {
					return err
				}
			}
			return nil
		})
		require.Error(t, err)
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{}, c)

		// Amounts beyond any SQL integer survive as decimal strings; saving again replaces them.
		huge := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))
		for _, v := range []*big.Int{big.NewInt(5), huge} {
			acc := &store.Account{}
			acc.Owed.SetFromBig(v)
			acc.Credited.SetFromBig(v)
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				return tx.SaveAccounts(ctx, map[common.Address]*store.Account{a: acc})
			}))
		}
		got := accounts()
		require.Len(t, got, 1)
		require.Equal(t, huge.String(), got[a].Owed.Dec())
		require.Equal(t, huge.String(), got[a].Credited.Dec())
	})
}

func attempt(seq int64) txmgr.Attempt {
	tip := new(big.Int).Lsh(big.NewInt(seq+1), 70) // beyond int64: stored as decimal text
	return txmgr.Attempt{
		Hash: common.BigToHash(big.NewInt(seq + 100)), Raw: []byte{0x02, byte(seq), 0xff, 0x00},
		TipCap: tip, FeeCap: new(big.Int).Mul(tip, big.NewInt(3)), SentAt: time.Unix(1_700_000_000+seq, 0),
	}
}

// TestIntentStore: the txmgr.Store contract — create, load with every attempt in order, add attempts,
// state changes with where the transaction was mined, open intents by nonce, the next nonce, unknown
// intents, and one intent per id and per nonce.
func TestIntentStore(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		var s txmgr.Store = st

		_, ok, err := s.NextNonce(ctx)
		require.NoError(t, err)
		require.False(t, ok, "no intent yet")
		_, err = s.LoadIntent(ctx, "nope")
		require.ErrorIs(t, err, txmgr.ErrUnknownIntent)
		require.ErrorIs(t, s.SetIntentState(ctx, "nope", txmgr.StateMined, common.Hash{}, 0, common.Hash{}), txmgr.ErrUnknownIntent)

		to := common.HexToAddress("0x00000000000000000000000000000000000000c0")
		mk := func(id string, nonce uint64) *txmgr.Intent {
			return &txmgr.Intent{ID: id, Nonce: nonce, To: to, Data: []byte{0xde, 0xad, byte(nonce)}, Gas: 1_234_567,
				State: txmgr.StatePending, Attempts: []txmgr.Attempt{attempt(0)}}
		}
		require.NoError(t, s.CreateIntent(ctx, mk("commit:0:0xaa", 5)))
		require.NoError(t, s.CreateIntent(ctx, mk("commit:1:0xbb", 6)))
		require.Error(t, s.CreateIntent(ctx, mk("commit:0:0xaa", 9)), "one intent per id")
		require.Error(t, s.CreateIntent(ctx, mk("other", 6)), "one intent per nonce")
		next, ok, err := s.NextNonce(ctx)
		require.NoError(t, err)
		require.True(t, ok)
		require.Equal(t, uint64(7), next)

		require.NoError(t, s.AddAttempt(ctx, "commit:0:0xaa", attempt(1)))
		require.NoError(t, s.AddAttempt(ctx, "commit:0:0xaa", attempt(2)))
		in, err := s.LoadIntent(ctx, "commit:0:0xaa")
		require.NoError(t, err)
		want := mk("commit:0:0xaa", 5)
		want.Attempts = []txmgr.Attempt{attempt(0), attempt(1), attempt(2)}
		require.Equal(t, want, in)

		open, err := s.OpenIntents(ctx)
		require.NoError(t, err)
		require.Len(t, open, 2)
		require.Equal(t, []uint64{5, 6}, []uint64{open[0].Nonce, open[1].Nonce})

		tx, bh := common.HexToHash("0x01"), common.HexToHash("0x02")
		require.NoError(t, s.SetIntentState(ctx, "commit:0:0xaa", txmgr.StateMined, tx, 77, bh))
		in, err = s.LoadIntent(ctx, "commit:0:0xaa")
		require.NoError(t, err)
		require.Equal(t, txmgr.StateMined, in.State)
		require.Equal(t, tx, in.MinedTx)
		require.Equal(t, uint64(77), in.MinedBlock)
		require.Equal(t, bh, in.MinedBlockHash)
		open, err = s.OpenIntents(ctx)
		require.NoError(t, err)
		require.Len(t, open, 2, "mined is still open")

		require.NoError(t, s.SetIntentState(ctx, "commit:0:0xaa", txmgr.StateConfirmed, tx, 77, bh))
		require.NoError(t, s.SetIntentState(ctx, "commit:1:0xbb", txmgr.StateFailed, common.Hash{}, 0, common.Hash{}))
		open, err = s.OpenIntents(ctx)
		require.NoError(t, err)
		require.Empty(t, open)

		sum, err := st.Intents(ctx)
		require.NoError(t, err)
		require.Equal(t, []store.IntentSummary{
			{ID: "commit:0:0xaa", Nonce: 5, State: "confirmed", Attempts: 3},
			{ID: "commit:1:0xbb", Nonce: 6, State: "failed", Attempts: 1},
		}, sum)
	})
}

// TestConcurrentTransactions: many goroutines writing through InTx at once (the ingest loop, the epoch
// loop and the HTTP handlers share one store) all commit, on SQLite's single writer and on PostgreSQL's
// connection pool alike.
func TestConcurrentTransactions(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		const workers, each = 8, 25
		var wg sync.WaitGroup
		errs := make(chan error, workers)
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range each {
					if err := st.InTx(ctx, func(tx *store.Tx) error {
						return tx.SetCursor(ctx, feedName(w, i), feedName(i, w))
					}); err != nil {
						errs <- err
						return
					}
				}
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		for w := range workers {
			for i := range each {
				c, err := st.Cursor(ctx, feedName(w, i))
				require.NoError(t, err)
				require.Equal(t, feedName(i, w), c)
			}
		}
	})
}

func feedName(a, b int) string { return fmt.Sprintf("http://r%d/%d", a, b) }

// TestPrune: the sessions of epochs claimable for the retention window leave the database (records and
// rows), the uncredited ones stay; a pruned session inserted again is still refused as a duplicate and its
// seq is never given again; each feed's settled cursor follows what claimable epochs credit.
func TestPrune(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		session := func(seq int64, feed string) *store.Session {
			return &store.Session{Seq: seq, ID: common.BigToHash(big.NewInt(seq)), Feed: feed, Cursor: fmt.Sprint(seq * 10), Record: []byte(`{"s":1}`)}
		}
		var id int64
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
			for seq := int64(1); seq <= 3; seq++ {
				if _, err := tx.InsertSession(ctx, session(seq, "http://a")); err != nil {
					return err
				}
			}
			if _, err := tx.InsertSession(ctx, session(4, "http://b")); err != nil {
				return err
			}
			if err := tx.SetCursor(ctx, "http://a", "35"); err != nil { // a rejected record at 35
				return err
			}
			if err := tx.SetCursor(ctx, "http://b", "40"); err != nil {
				return err
			}
			id, err = tx.InsertEpoch(ctx, &store.Epoch{Number: 0, State: store.StateAssembled, Sessions: 2, FirstSeq: 1, LastSeq: 2}, nil)
			return err
		}))
		prune := func(before int64) store.Pruned {
			p, err := st.Prune(ctx, before)
			require.NoError(t, err)
			return p
		}
		settled := func() map[string]string {
			fs, err := st.Feeds(ctx)
			require.NoError(t, err)
			out := map[string]string{}
			for _, f := range fs {
				out[f.URL] = f.Cursor + "/" + f.Settled
			}
			return out
		}
		require.Zero(t, prune(1000), "not claimable yet: kept")
		require.Equal(t, map[string]string{"http://a": "35/", "http://b": "40/"}, settled(), "nothing settled")
		require.NoError(t, st.MarkConfirmed(ctx, id, 100, common.Hash{1}, 7))
		require.Zero(t, prune(1000), "confirmed, not claimable: kept")
		require.NoError(t, st.MarkClaimable(ctx, id, ""))
		require.Zero(t, prune(100), "claimable within the window: kept")
		require.Equal(t, map[string]string{"http://a": "35/20", "http://b": "40/"}, settled(),
			"feed a settled through its session at cursor 20 (30 is not credited yet); b not at all")
		require.Equal(t, store.Pruned{Sessions: 2, Records: 2}, prune(101))
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{Sessions: 2, Records: 2, SettledIDs: 2}, c)
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			recs, err := tx.Records(ctx, 1, 4)
			require.Len(t, recs, 2, "the uncredited sessions' records stay")
			return err
		}))

		// Fed again (any feed, a new seq): refused, named as pruned.
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			s := session(9, "http://b")
			s.ID = common.BigToHash(big.NewInt(1))
			stored, err := tx.InsertSession(ctx, s)
			require.NoError(t, err)
			require.False(t, stored, "a pruned session is still a duplicate")
			feed, err := tx.SessionFeed(ctx, s.ID)
			require.NoError(t, err)
			require.Equal(t, store.PrunedFeed, feed)
			return nil
		}))

		// A second epoch credits 3 and 4: both feeds settled through what they gave, a's rejected tail included.
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
			id, err = tx.InsertEpoch(ctx, &store.Epoch{Number: 1, State: store.StateAssembled, Sessions: 2, FirstSeq: 3, LastSeq: 4}, nil)
			return err
		}))
		require.NoError(t, st.MarkConfirmed(ctx, id, 200, common.Hash{2}, 8))
		require.NoError(t, st.MarkClaimable(ctx, id, ""))
		require.Equal(t, store.Pruned{Sessions: 2, Records: 2}, prune(201))
		require.Equal(t, map[string]string{"http://a": "35/35", "http://b": "40/40"}, settled())
	})
}

// TestSettledFollowsFeedOrder: epochs number sessions in the charging order, not the feed's, so a feed's
// settled cursor stops before its first session still pending even when a later one of the feed (closed
// earlier) is credited by a claimable epoch already; once it is credited too, the feed settles through.
func TestSettledFollowsFeedOrder(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		feed := "http://a"
		pending := func(n int64, closedAt uint64) *store.Session {
			s := pendingSession(n, feed, closedAt)
			s.Record = []byte(`{"s":1}`)
			return s
		}
		epoch := func(number uint64, cutoff, first int64) {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				last, err := tx.PromotePending(ctx, cutoff, first-1, nil)
				if err != nil {
					return err
				}
				id, err := tx.InsertEpoch(ctx, &store.Epoch{Number: number, State: store.StateAssembled, FirstSeq: first, LastSeq: last}, nil)
				if err != nil {
					return err
				}
				return errors.Join(tx.SetEpochState(ctx, id, store.StateClaimable), tx.SetCursor(ctx, feed, "30"))
			}))
		}
		// The feed gives 1 (closed at 100), 2 (closed at 500), 3 (closed at 50).
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			for _, s := range []*store.Session{pending(1, 100), pending(2, 500), pending(3, 50)} {
				if _, err := tx.InsertPending(ctx, s); err != nil {
					return err
				}
			}
			return nil
		}))
		settled := func() string {
			_, err := st.Prune(ctx, 0)
			require.NoError(t, err)
			fs, err := st.Feeds(ctx)
			require.NoError(t, err)
			require.Len(t, fs, 1)
			return fs[0].Settled
		}
		epoch(0, 200, 1) // credits 3 and 1 (charging order), not 2
		require.Equal(t, "10", settled(), "through 1 only: 2 is pending, 3 comes after it in the feed")
		epoch(1, 1000, 3) // credits 2
		require.Equal(t, "30", settled())
	})
}
