package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
)

// sessionIndexes are the secondary indexes the sessions table needs, each with a query it serves: every
// session insert and close writes each of them, so none is kept that no query reads.
var sessionIndexes = map[string]string{
	"sessions_open":    qDueForExpiry,
	"sessions_created": qSessionBuckets,
	"sessions_day":     qOldestDay,
}

// TestSessionIndexes: the sessions table has exactly the secondary indexes above (beyond its primary key
// and unique columns) on both backends, and on SQLite each one's query is planned through it.
func TestSessionIndexes(t *testing.T) {
	for name, dsn := range map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "router.db") },
		"postgres": func(t *testing.T) string { return dbtest.Postgres(t) },
	} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			s, err := Open(ctx, dsn(t))
			require.NoError(t, err)
			defer s.Close()
			list := `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sessions' AND name NOT LIKE 'sqlite_autoindex_%'`
			if s.dialect == Postgres {
				list = `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'sessions'
					AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`
			}
			rows, err := s.db.QueryContext(ctx, list)
			require.NoError(t, err)
			got := map[string]bool{}
			for rows.Next() {
				var n string
				require.NoError(t, rows.Scan(&n))
				got[n] = true
			}
			require.NoError(t, rows.Err())
			rows.Close()
			want := map[string]bool{}
			for n := range sessionIndexes {
				want[n] = true
			}
			require.Equal(t, want, got)
			if s.dialect == Postgres {
				return
			}
			for n, q := range sessionIndexes {
				args := make([]any, strings.Count(q, "?"))
				for i := range args {
					args[i] = 1
				}
				rows, err := s.db.QueryContext(ctx, "EXPLAIN QUERY PLAN "+s.q(q), args...)
				require.NoError(t, err)
				var plan []string
				for rows.Next() {
					var id, parent, notUsed int
					var detail string
					require.NoError(t, rows.Scan(&id, &parent, &notUsed, &detail))
					plan = append(plan, detail)
				}
				rows.Close()
				require.Contains(t, strings.Join(plan, "\n")+"\n", "INDEX "+n, "%s: %v", q, plan)
			}
		})
	}
}
