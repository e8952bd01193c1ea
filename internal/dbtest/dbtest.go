// Package dbtest gives tests a fresh database on each backend the router's and keeper's stores support: SQLite
// (a file in the test's temporary directory) and PostgreSQL (a schema of its own in the database named
// by LT_TEST_POSTGRES_DSN, dropped when the test ends), so the same test runs against both and tests of
// several packages can run in parallel against one server.
//
// PostgreSQL is not optional: without LT_TEST_POSTGRES_DSN a PostgreSQL test fails, it is never skipped.
// `make test` starts the server (scripts/postgres.sh) and exports the variable; by hand:
//
//	export LT_TEST_POSTGRES_DSN="$(scripts/postgres.sh)"
package dbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
)

// EnvDSN names the environment variable holding the PostgreSQL test server's DSN.
const EnvDSN = "LT_TEST_POSTGRES_DSN"

// Backend is one database the store runs on.
type Backend struct {
	Name string
	// DSN returns a fresh, empty database for t (removed when t ends).
	DSN func(t testing.TB) string
}

// Backends are every backend the store supports, SQLite first.
var Backends = []Backend{{"sqlite", SQLite}, {"postgres", Postgres}}

// Run runs f as one subtest per backend, in parallel with each other when parallel is true.
func Run(t *testing.T, parallel bool, f func(t *testing.T, dsn string)) {
	t.Helper()
	for _, b := range Backends {
		t.Run(b.Name, func(t *testing.T) {
			if parallel {
				t.Parallel()
			}
			f(t, b.DSN(t))
		})
	}
}

// SQLite returns the path of a new SQLite database file in t's temporary directory.
func SQLite(t testing.TB) string {
	return filepath.Join(t.TempDir(), "store.db")
}

var unsafeChars = regexp.MustCompile(`[^a-z0-9_]+`)

// Postgres creates a schema of its own for t in the LT_TEST_POSTGRES_DSN database and returns a DSN whose
// connections use it (search_path), so the store creates its tables there. The schema is dropped when t
// ends. t fails at once when LT_TEST_POSTGRES_DSN is unset.
func Postgres(t testing.TB) string {
	t.Helper()
	base := os.Getenv(EnvDSN)
	if base == "" {
		t.Fatalf("%s is not set: the stores are tested on PostgreSQL as well as SQLite. Run `make test` "+
			"(it starts PostgreSQL with scripts/postgres.sh and exports the DSN), or "+
			"`export %s=\"$(scripts/postgres.sh)\"` before `go test`.", EnvDSN, EnvDSN)
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("%s=%q is not a postgres:// URL", EnvDSN, base)
	}
	var rnd [4]byte
	_, _ = rand.Read(rnd[:])
	name := unsafeChars.ReplaceAllString(strings.ToLower(t.Name()), "_")
	if len(name) > 40 {
		name = name[len(name)-40:]
	}
	schema := "lt_" + strings.Trim(name, "_") + "_" + hex.EncodeToString(rnd[:])

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatalf("postgres: %v", err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE SCHEMA "`+schema+`"`); err != nil {
		t.Fatalf("postgres at %s (%s): create schema: %v — is the server running? (scripts/postgres.sh)", redact(u), EnvDSN, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		db, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer db.Close()
		if _, err := db.ExecContext(ctx, `DROP SCHEMA "`+schema+`" CASCADE`); err != nil {
			t.Logf("postgres: drop schema %s: %v", schema, err)
		}
	})
	q := u.Query()
	q.Set("search_path", schema) // pgx sends unknown parameters as run-time parameters of every connection
	u.RawQuery = q.Encode()
	return u.String()
}

func redact(u *url.URL) string {
	c := *u
	c.User = nil
	c.RawQuery = ""
	return c.String()
}
