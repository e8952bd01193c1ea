package store_test

import (
	"context"
	"io/fs"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/internal/migrate"
	"github.com/laketravis/laketravis/internal/sqldialect"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestHistory: the guard's history of earlier epochs (ledger.BatchChecker.History). A lookup for epoch n
// sees only the epochs before n: the first listing each session id, the newest charged of each user-day;
// replacing an epoch (its commit changed) replaces all of its rows and only its rows; marks survive a
// reopen; an epoch of more rows than one statement takes is stored whole; the history is one deployment's.
func TestHistory(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		id := func(i int) common.Hash { return common.BigToHash(big.NewInt(int64(i))) }
		u, w := common.HexToAddress("0xa1"), common.HexToAddress("0xb2")
		day := func(a common.Address, d uint64, charged string) store.DayCharged {
			return store.DayCharged{UserDay: store.UserDay{User: a, Day: d}, Charged: charged}
		}
		r0, r1, r2, r1b := common.HexToHash("0x10"), common.HexToHash("0x11"), common.HexToHash("0x12"), common.HexToHash("0x1b")
		require.NoError(t, st.PutHistory(ctx, 0, store.HistoryMark{Root: r0, Final: true}, []common.Hash{id(1), id(2)},
			[]store.DayCharged{day(u, 5, "100")}))
		require.NoError(t, st.PutHistory(ctx, 1, store.HistoryMark{Root: r1}, []common.Hash{id(2), id(3), id(3)}, // id 2 again: a finding's file
			[]store.DayCharged{day(u, 5, "250"), day(w, 5, "7")}))
		require.NoError(t, st.PutHistory(ctx, 2, store.HistoryMark{Root: r2}, []common.Hash{id(4)}, []store.DayCharged{day(u, 5, "300")}))

		ud := func(a common.Address, d uint64) store.UserDay { return store.UserDay{User: a, Day: d} }
		ids := []common.Hash{id(1), id(2), id(3), id(4), id(5)}
		days := []store.UserDay{ud(u, 5), ud(w, 5), ud(w, 6)}
		credited, charged, err := st.LookupHistory(ctx, 2, ids, days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0, id(3): 1}, credited, "epochs before 2, the first listing each")
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "250", ud(w, 5): "7"}, charged, "the newest epoch before 2")
		credited, charged, err = st.LookupHistory(ctx, 1, ids, days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0}, credited)
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "100"}, charged)

		// Epoch 1 vetoed and committed again: its rows are the new file's only.
		h1b := common.HexToHash("0xb1")
		require.NoError(t, st.PutHistory(ctx, 1, store.HistoryMark{Root: r1b, BatchHash: h1b}, []common.Hash{id(5)}, nil))
		credited, charged, err = st.LookupHistory(ctx, 3, ids, days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0, id(4): 2, id(5): 1}, credited)
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "300"}, charged)
		require.NoError(t, st.MarkHistory(ctx, 1, store.HistoryMark{Root: r1b, BatchHash: h1b, Final: true}))

		// Many rows in one epoch.
		many := make([]common.Hash, 1234)
		for i := range many {
			many[i] = id(1000 + i)
		}
		require.NoError(t, st.PutHistory(ctx, 3, store.HistoryMark{Root: common.HexToHash("0x13")}, many, nil))
		credited, _, err = st.LookupHistory(ctx, 4, many, nil)
		require.NoError(t, err)
		require.Len(t, credited, len(many))

		pool := common.HexToAddress("0x5001")
		require.NoError(t, st.BindHistory(ctx, 31337, pool))
		require.NoError(t, st.Close())
		st, err = store.Open(ctx, dsn)
		require.NoError(t, err)
		defer st.Close()
		marks, err := st.HistoryMarks(ctx)
		require.NoError(t, err)
		require.Equal(t, map[uint64]store.HistoryMark{0: {Root: r0, Final: true}, 1: {Root: r1b, BatchHash: h1b, Final: true}, 2: {Root: r2},
			3: {Root: common.HexToHash("0x13")}}, marks)
		require.NoError(t, st.BindHistory(ctx, 31337, pool), "the same deployment")
		require.ErrorIs(t, st.BindHistory(ctx, 31337, common.HexToAddress("0x5002")), store.ErrOtherDeployment)
		require.ErrorIs(t, st.BindHistory(ctx, 1, pool), store.ErrOtherDeployment)
	})
}

// TestHistoryFromHexSchema: a history written under migration 00009's schema (session ids and users as
// 0x-hex TEXT, users checksummed, as the store wrote them then) reads back the same once 00010 has stored
// them as bytes: the marks, every lookup, an id listed again by a new epoch (its first epoch still the
// migrated one: the converted bytes are the ones the store writes now), a migrated epoch replaced whole.
func TestHistoryFromHexSchema(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		postgres := sqldialect.IsPostgres(dsn)
		db := legacyDB(t, dsn)
		defer db.Close()
		version, err := migrate.Up(ctx, db, postgres, migrationsThrough(t, 9), 1)
		require.NoError(t, err)
		require.EqualValues(t, 9, version)

		id := func(i int) common.Hash { return crypto.Keccak256Hash([]byte{byte(i)}) } // every byte value in use
		u, w := common.HexToAddress("0xa1A1a1a1a1A1a1a1a1a1a1a1a1A1a1a1a1a1a1a1"), common.HexToAddress("0xb2")
		r0, r1, h1 := common.HexToHash("0x10"), common.HexToHash("0x11"), common.HexToHash("0xb1")
		for _, q := range []struct {
			sql  string
			args []any
		}{
			{`INSERT INTO guard_epochs (epoch, root, batch_hash, final) VALUES (0, ?, ?, 1), (1, ?, ?, 0)`,
				[]any{r0.Hex(), common.Hash{}.Hex(), r1.Hex(), h1.Hex()}},
			{`INSERT INTO guard_credited (session_id, epoch) VALUES (?, 0), (?, 0), (?, 1), (?, 1)`,
				[]any{id(1).Hex(), id(2).Hex(), id(2).Hex(), id(3).Hex()}},
			{`INSERT INTO guard_charged (user_addr, day, epoch, charged) VALUES (?, 5, 0, '100'), (?, 5, 1, '250'), (?, 5, 1, '7')`,
				[]any{u.Hex(), u.Hex(), w.Hex()}},
		} {
			if postgres {
				q.sql = sqldialect.Rebind(q.sql)
			}
			_, err := db.ExecContext(ctx, q.sql, q.args...)
			require.NoError(t, err, q.sql)
		}

		st, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer st.Close()
		require.GreaterOrEqual(t, st.SchemaVersion(), int64(10))
		for _, q := range []string{
			`SELECT COUNT(*) FROM guard_credited WHERE length(session_id) <> 32`,
			`SELECT COUNT(*) FROM guard_charged WHERE length(user_addr) <> 20`,
		} {
			var n int
			require.NoError(t, db.QueryRowContext(ctx, q).Scan(&n))
			require.Zero(t, n, "stored as bytes: %s", q)
		}
		if !postgres {
			var withoutRowid int
			require.NoError(t, db.QueryRowContext(ctx, `SELECT wr FROM pragma_table_list WHERE name = 'guard_credited'`).Scan(&withoutRowid))
			require.Equal(t, 1, withoutRowid)
		}

		marks, err := st.HistoryMarks(ctx)
		require.NoError(t, err)
		require.Equal(t, map[uint64]store.HistoryMark{0: {Root: r0, Final: true}, 1: {Root: r1, BatchHash: h1}}, marks)
		ud := func(a common.Address, d uint64) store.UserDay { return store.UserDay{User: a, Day: d} }
		ids, days := []common.Hash{id(1), id(2), id(3), id(4)}, []store.UserDay{ud(u, 5), ud(w, 5), ud(w, 6)}
		credited, charged, err := st.LookupHistory(ctx, 2, ids, days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0, id(3): 1}, credited)
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "250", ud(w, 5): "7"}, charged)
		credited, charged, err = st.LookupHistory(ctx, 1, ids, days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0}, credited)
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "100"}, charged)

		// A new epoch listing a migrated id and charging a migrated user-day; migrated epoch 1 replaced.
		require.NoError(t, st.PutHistory(ctx, 2, store.HistoryMark{Root: common.HexToHash("0x12")}, []common.Hash{id(1), id(4)},
			[]store.DayCharged{{UserDay: ud(u, 5), Charged: "300"}}))
		require.NoError(t, st.PutHistory(ctx, 1, store.HistoryMark{Root: common.HexToHash("0x1b")}, []common.Hash{id(5)}, nil))
		credited, charged, err = st.LookupHistory(ctx, 3, append(ids, id(5)), days)
		require.NoError(t, err)
		require.Equal(t, map[common.Hash]uint64{id(1): 0, id(2): 0, id(4): 2, id(5): 1}, credited)
		require.Equal(t, map[store.UserDay]string{ud(u, 5): "300"}, charged)
	})
}

// migrationsThrough returns the store's migration files numbered up to version (a database of that version).
func migrationsThrough(t *testing.T, version int) fs.FS {
	paths, err := filepath.Glob("migrations/*.sql")
	require.NoError(t, err)
	files := fstest.MapFS{}
	for _, p := range paths {
		name := filepath.Base(p)
		n, err := strconv.Atoi(strings.SplitN(name, "_", 2)[0])
		require.NoError(t, err, name)
		if n <= version {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			files[name] = &fstest.MapFile{Data: data}
		}
	}
	return files
}
