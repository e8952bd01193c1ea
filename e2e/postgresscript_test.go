package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// TestPostgresScriptFreshDatabase runs scripts/postgres.sh as README step 2 does for router replicas on a
// devnet (`--fresh <database>`): it prints a DSN of that database, keeps what it holds when run again
// without --fresh, empties it with --fresh, and refuses --fresh on the tests' own database or a name that
// is not a plain identifier.
func TestPostgresScriptFreshDatabase(t *testing.T) {
	ctx := testContext(t, 3*time.Minute)
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	script := filepath.Join(root, "scripts", "postgres.sh")
	runIn := func(ctx context.Context, args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, script, args...)
		cmd.Stderr = os.Stderr
		out, err := cmd.Output()
		return strings.TrimSpace(string(out)), err
	}
	run := func(args ...string) (string, error) { return runIn(ctx, args...) }
	name := fmt.Sprintf("lt_test_fresh_%d", os.Getpid())

	dsn, err := run("--fresh", name)
	require.NoError(t, err)
	require.Contains(t, dsn, "/"+name+"?")
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	_, err = db.ExecContext(ctx, "CREATE TABLE kept (x int)")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	t.Cleanup(func() { // the test's context has ended by now: its own minute
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		base, err := runIn(ctx)
		if err == nil {
			if admin, err := sql.Open("pgx", base); err == nil {
				_, _ = admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
				_ = admin.Close()
			}
		}
	})
	tables := func(dsn string) int {
		db, err := sql.Open("pgx", dsn)
		require.NoError(t, err)
		defer db.Close()
		var n int
		require.NoError(t, db.QueryRowContext(ctx, "SELECT count(*) FROM pg_tables WHERE tablename = 'kept'").Scan(&n))
		return n
	}

	again, err := run(name)
	require.NoError(t, err)
	require.Equal(t, dsn, again)
	require.Equal(t, 1, tables(again), "without --fresh the database is kept")

	fresh, err := run("--fresh", name)
	require.NoError(t, err)
	require.Equal(t, 0, tables(fresh), "--fresh made the database anew")

	for _, bad := range [][]string{{"--fresh"}, {"--fresh", "laketravis"}, {"--fresh", "x; DROP"}, {"--wipe", name}} {
		_, err := run(bad...)
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%v", bad)
		require.Equal(t, 2, exit.ExitCode(), "%v", bad)
	}
}
