// Package migrate applies a store's versioned schema migrations, on SQLite and PostgreSQL alike: one
// mechanism (pressly/goose v3) for the router's and the keeper's stores. Each store embeds its numbered SQL
// files (migrations/00001_*.sql, …: "-- +goose Up" sections, the common SQL subset of both databases) and
// calls Up when it opens. goose records the applied versions in the goose_db_version table; every file
// runs once, in one transaction, in order. A migration that cannot be written in the common subset (a
// SQLite WITHOUT ROWID table, a PostgreSQL BYTEA column) is one file per database under the same number:
// NNNNN_name.sqlite.sql and NNNNN_name.postgres.sql, each applied on its own database only.
//
// The first file of each store is the schema as it was before migrations existed, written with
// IF NOT EXISTS: applied to a database made by that schema it changes nothing and only records the
// version, so such a database upgrades like any other.
package migrate

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"strings"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

// Up applies every migration of fsys (SQL files at its root) not yet applied to db. postgres selects the
// PostgreSQL dialect; there, a session advisory lock numbered lockID (one per store) keeps two processes
// opening the same database from migrating it at once. It returns the schema version db is at.
func Up(ctx context.Context, db *sql.DB, postgres bool, fsys fs.FS, lockID int64) (int64, error) {
	dialect, others := goose.DialectSQLite3, "*.postgres.sql"
	if postgres {
		dialect, others = goose.DialectPostgres, "*.sqlite.sql"
	}
	skip, err := fs.Glob(fsys, others)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true), goose.WithExcludeNames(skip)}
	if postgres {
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockID(lockID))
		if err != nil {
			return 0, fmt.Errorf("migrate: lock: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, db, fsys, opts...)
	if err != nil {
		return 0, fmt.Errorf("migrate: %w", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return 0, fmt.Errorf("migrate: up: %w", err)
	}
	v, err := p.GetDBVersion(ctx)
	if err != nil {
		return 0, fmt.Errorf("migrate: version: %w", err)
	}
	return v, nil
}

// Statements returns the SQL statements of migration file name in fsys, its comment lines dropped: what
// an upgrade test runs by hand to build a database of that version without the version table (the first
// file is the schema list the store ran before migrations existed).
func Statements(fsys fs.FS, name string) ([]string, error) {
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, l := range strings.Split(string(raw), "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			lines = append(lines, l)
		}
	}
	var out []string
	for _, q := range strings.Split(strings.Join(lines, "\n"), ";") {
		if q = strings.TrimSpace(q); q != "" {
			out = append(out, q)
		}
	}
	return out, nil
}
