package store_test

import (
	"context"
	"errors"
	"math/big"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/internal/dbtest"
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
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `INSERT INTO feeds (url, cursor, updated_at) VALUES (?, ?, ?)`, "http://r", "7", 1)
			return err
		}))
		again, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer again.Close()
		var cursor string
		require.NoError(t, again.InTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT cursor FROM feeds WHERE url = ?`, "http://r").Scan(&cursor)
		}))
		require.Equal(t, "7", cursor)
	})
}

// TestInTxAtomic: a transaction whose function fails writes nothing; one that succeeds writes all; an
// ON CONFLICT upsert and a "?" placeholder list of several arguments work on both backends.
func TestInTxAtomic(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := open(t, dsn)
		boom := errors.New("boom")
		err := st.InTx(ctx, func(tx *store.Tx) error {
			for i, a := range []string{"0xa", "0xb"} {
				if _, err := tx.Exec(ctx, `INSERT INTO accounts (account, owed, credited) VALUES (?, ?, ?)`, a, "1", "0"); err != nil {
					return err
				}
				if i == 1 {
					return boom
				}
			}
			return nil
		})
		require.ErrorIs(t, err, boom)
		count := func() (n int) {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				return tx.QueryRow(ctx, `SELECT COUNT(*) FROM accounts`).Scan(&n)
			}))
			return n
		}
		require.Equal(t, 0, count(), "rolled back")

		// A constraint violation inside the transaction fails it as a whole.
		err = st.InTx(ctx, func(tx *store.Tx) error {
			for _, a := range []string{"0xa", "0xa"} {
				if _, err := tx.Exec(ctx, `INSERT INTO accounts (account, owed, credited) VALUES (?, ?, ?)`, a, "1", "0"); err != nil {
					return err
				}
			}
			return nil
		})
		require.Error(t, err)
		require.Equal(t, 0, count())

		// Amounts beyond any SQL integer survive as decimal strings; the upsert replaces them.
		huge := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).String()
		for _, v := range []string{"5", huge} {
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
				_, err := tx.Exec(ctx, `INSERT INTO accounts (account, owed, credited) VALUES (?, ?, ?)
					ON CONFLICT (account) DO UPDATE SET owed = excluded.owed, credited = excluded.credited`, "0xa", v, v)
				return err
			}))
		}
		var owed, cred string
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT owed, credited FROM accounts WHERE account = ? AND owed = ?`, "0xa", huge).Scan(&owed, &cred)
		}))
		require.Equal(t, huge, owed)
		require.Equal(t, huge, cred)
		require.Equal(t, 1, count())
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
						_, err := tx.Exec(ctx, `INSERT INTO feeds (url, cursor, updated_at) VALUES (?, ?, ?)`,
							common.BigToAddress(big.NewInt(int64(w*1000+i))).Hex(), "c", int64(i))
						return err
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
		var n int
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
			return tx.QueryRow(ctx, `SELECT COUNT(*) FROM feeds`).Scan(&n)
		}))
		require.Equal(t, workers*each, n)
	})
}
