// Package store is the keeper's database: feed cursors, verified sessions, rejected records, per-account
// credits, the epoch state machine and the transaction manager's intents, behind typed methods (the
// ledger orchestrates; every SQL statement lives here). One code path over
// database/sql serves SQLite (default, modernc.org/sqlite, driver "sqlite") and PostgreSQL (pgx, driver
// "pgx"): the SQL is the common subset of both, written with "?" placeholders that are rewritten to
// "$n" for PostgreSQL, and every amount is a decimal string (uint256 does not fit a SQL integer).
//
// Each method is one database transaction, so what it writes is durable and all-or-nothing.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"

	"github.com/laketravis/laketravis/internal/migrate"
	"github.com/laketravis/laketravis/internal/sqldialect"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is the keeper's database. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	postgres bool
	version  int64 // the schema version (the newest migration applied)
	// epochRows counts the epoch rows read by the list queries (EpochRowsRead).
	epochRows atomic.Int64
}

// EpochRowsRead is how many epoch rows the epoch list queries have read since the store opened (tests
// bound what a poll reads with it).
func (s *Store) EpochRowsRead() int64 { return s.epochRows.Load() }

// Open opens the database named by dsn: "postgres://…" or "postgresql://…" selects PostgreSQL, anything
// else is a SQLite file path (created if missing). It creates the schema if needed.
func Open(ctx context.Context, dsn string) (*Store, error) {
	s := &Store{}
	var err error
	if sqldialect.IsPostgres(dsn) {
		s.postgres = true
		s.db, err = sql.Open("pgx", dsn)
	} else {
		// WAL lets the HTTP handlers read while the pipeline writes; one connection for writes
		// avoids SQLITE_BUSY between the ingest and epoch loops (SQLite has one writer anyway).
		s.db, err = sql.Open("sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma="+sqldialect.SQLiteSynchronous+"&_txlock=immediate")
		if err == nil {
			s.db.SetMaxOpenConns(1)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: open: %w", err)
	}
	if err := s.migrate(ctx); err != nil {
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// SchemaVersion is the version of the database's schema: the number of the newest migration applied.
func (s *Store) SchemaVersion() int64 { return s.version }

// Postgres reports whether the store is PostgreSQL.
func (s *Store) Postgres() bool { return s.postgres }

// The schema is versioned: migrations/NNNNN_*.sql, valid on SQLite and PostgreSQL (or one file per database:
// *.sqlite.sql, *.postgres.sql), applied in order by internal/migrate when the store opens. Amounts, hashes
// and addresses are TEXT (decimal, 0x-hex), except in the guard's history, kept for good: its session ids
// and users are bytes (00010). A schema change is a new file; an applied file never changes.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationLock is the keeper's PostgreSQL advisory-lock number for migrating ("LTkeeper" in ASCII).
const migrationLock int64 = 0x4c546b6565706572

func (s *Store) migrate(ctx context.Context) error {
	sub, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		return err
	}
	if s.version, err = migrate.Up(ctx, s.db, s.postgres, sub, migrationLock); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	// A database of a keeper older than the first migration keeps its tables as they were (the first
	// migration only creates missing ones): refuse it plainly rather than fail on the first query
	// (sessions' records moved to session_records; epochs got seq ranges).
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM epochs WHERE first_seq < 0 OR last_seq < 0`).Scan(&n); err != nil {
		return fmt.Errorf("store: the database has a keeper schema older than the migrations: %w", err)
	}
	return nil
}

// rebind rewrites "?" placeholders to "$1, $2, …" for PostgreSQL.
func (s *Store) rebind(q string) string {
	if !s.postgres {
		return q
	}
	return sqldialect.Rebind(q)
}

// Tx is one database transaction: the ledger groups typed reads and writes that must be all-or-nothing
// (a page of ingested records, an epoch's assembly, a rollback). No SQL leaves this package.
type Tx struct {
	tx     *sql.Tx
	s      *Store
	locked bool // the sessions lock is held (LockSessions)
}

func (t *Tx) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.s.rebind(q), args...)
}

func (t *Tx) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.s.rebind(q), args...)
}

func (t *Tx) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(ctx, t.s.rebind(q), args...)
}

// InTx runs f in one database transaction, committed if f returns nil and rolled back otherwise.
func (s *Store) InTx(ctx context.Context, f func(tx *Tx) error) error {
	sqlTx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := f(&Tx{tx: sqlTx, s: s}); err != nil {
		_ = sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

func now() int64 { return time.Now().Unix() }
