// Package store is the keeper's database: feed cursors, verified sessions, rejected records, per-account
// credits, the epoch state machine and the transaction manager's intents. One code path over
// database/sql serves SQLite (default, modernc.org/sqlite, driver "sqlite") and PostgreSQL (pgx, driver
// "pgx"): the SQL is the common subset of both, written with "?" placeholders that are rewritten to
// "$n" for PostgreSQL, and every amount is a decimal string (uint256 does not fit a SQL integer).
//
// Each method is one database transaction, so what it writes is durable and all-or-nothing.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"

	"github.com/laketravis/laketravis/internal/sqldialect"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("store: not found")

// Store is the keeper's database. It is safe for concurrent use.
type Store struct {
	db       *sql.DB
	postgres bool
}

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
		s.db, err = sql.Open("sqlite", "file:"+dsn+"?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate")
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

// Postgres reports whether the store is PostgreSQL.
func (s *Store) Postgres() bool { return s.postgres }

// schema is valid SQLite and PostgreSQL. Amounts, hashes and addresses are TEXT (decimal, 0x-hex).
var schema = []string{
	// Routers' settlement feeds: where each one was read up to.
	`CREATE TABLE IF NOT EXISTS feeds (
		url TEXT PRIMARY KEY,
		cursor TEXT NOT NULL,
		updated_at BIGINT NOT NULL)`,
	// Verified sessions, narrow: what crediting and assembly need. seq numbers them in the order they
	// were stored (unique, increasing). A session belongs to no row of its own epoch: each epoch credits
	// the seq range [first_seq, last_seq] (epochs table), so the live epochs cover a prefix of seq and
	// the sessions after the newest live epoch's last_seq are the ones not yet credited. Assembling an
	// epoch then writes one epoch row, not a million session rows. recheck is 1 for sessions of a vetoed
	// epoch, verified again against the chain before they are credited anew.
	`CREATE TABLE IF NOT EXISTS sessions (
		session_id TEXT PRIMARY KEY,
		seq BIGINT NOT NULL UNIQUE,
		feed TEXT NOT NULL,
		cursor TEXT NOT NULL,
		provider TEXT NOT NULL,
		builder TEXT NOT NULL,
		fee_bps BIGINT NOT NULL,
		price TEXT NOT NULL,
		seconds BIGINT NOT NULL,
		closed_at BIGINT NOT NULL,
		recheck BIGINT NOT NULL DEFAULT 0)`,
	`CREATE INDEX IF NOT EXISTS sessions_recheck ON sessions (seq) WHERE recheck = 1`,
	// Each session's signed settlement record (JSON, ≈1.2 KB), by the session's seq: only batch files
	// and rechecks read it, so it stays out of the rows assembly reads.
	`CREATE TABLE IF NOT EXISTS session_records (
		seq BIGINT PRIMARY KEY,
		record TEXT NOT NULL)`,
	// Records refused, with the reason: nothing is dropped silently.
	`CREATE TABLE IF NOT EXISTS rejected (
		id BIGINT PRIMARY KEY,
		feed TEXT NOT NULL,
		cursor TEXT NOT NULL,
		session_id TEXT NOT NULL,
		code TEXT NOT NULL,
		detail TEXT NOT NULL,
		record TEXT NOT NULL,
		at BIGINT NOT NULL)`,
	// Per account: everything earned (owed) and what the newest assembled tree gives it (credited).
	`CREATE TABLE IF NOT EXISTS accounts (
		account TEXT PRIMARY KEY,
		owed TEXT NOT NULL,
		credited TEXT NOT NULL)`,
	// The epoch state machine. A vetoed or abandoned epoch keeps its row; the number is reused.
	`CREATE TABLE IF NOT EXISTS epochs (
		id BIGINT PRIMARY KEY,
		number BIGINT NOT NULL,
		state TEXT NOT NULL,
		day BIGINT NOT NULL,
		root TEXT NOT NULL,
		total TEXT NOT NULL,
		delta TEXT NOT NULL,
		owed_total TEXT NOT NULL,
		factor_num TEXT NOT NULL,
		factor_den TEXT NOT NULL,
		sessions BIGINT NOT NULL,
		first_seq BIGINT NOT NULL,
		last_seq BIGINT NOT NULL,
		batch_hash TEXT NOT NULL,
		batch_file TEXT NOT NULL,
		intent TEXT NOT NULL,
		tx_hash TEXT NOT NULL,
		block BIGINT NOT NULL,
		claimable_at BIGINT NOT NULL,
		claims_state TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		updated_at BIGINT NOT NULL)`,
	`CREATE INDEX IF NOT EXISTS epochs_number ON epochs (number)`,
	// The cumulative leaves of each epoch's tree, as one JSON array [[account, amount], …].
	`CREATE TABLE IF NOT EXISTS epoch_trees (
		epoch_id BIGINT PRIMARY KEY,
		leaves TEXT NOT NULL)`,
	// Transaction manager: one row per intent, one per signed attempt.
	`CREATE TABLE IF NOT EXISTS tx_intents (
		id TEXT PRIMARY KEY,
		nonce BIGINT NOT NULL UNIQUE,
		to_addr TEXT NOT NULL,
		data TEXT NOT NULL,
		gas BIGINT NOT NULL,
		state TEXT NOT NULL,
		mined_tx TEXT NOT NULL,
		mined_block BIGINT NOT NULL,
		mined_block_hash TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		updated_at BIGINT NOT NULL)`,
	`CREATE TABLE IF NOT EXISTS tx_attempts (
		intent_id TEXT NOT NULL,
		seq BIGINT NOT NULL,
		hash TEXT NOT NULL,
		raw TEXT NOT NULL,
		tip_cap TEXT NOT NULL,
		fee_cap TEXT NOT NULL,
		created_at BIGINT NOT NULL,
		PRIMARY KEY (intent_id, seq))`,
}

func (s *Store) migrate(ctx context.Context) error {
	for _, q := range schema {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("store: schema: %w", err)
		}
	}
	// CREATE TABLE IF NOT EXISTS keeps a table of an older schema as it is: refuse it plainly rather
	// than fail on the first query (sessions' records moved to session_records; epochs got seq ranges).
	var n int64
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM epochs WHERE first_seq < 0 OR last_seq < 0`).Scan(&n); err != nil {
		return fmt.Errorf("store: the database has an older keeper schema (no migration exists): %w", err)
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

// Tx is one database transaction with the store's placeholder rewriting.
type Tx struct {
	tx *sql.Tx
	s  *Store
}

// Exec runs a statement.
func (t *Tx) Exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(ctx, t.s.rebind(q), args...)
}

// Query runs a query.
func (t *Tx) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(ctx, t.s.rebind(q), args...)
}

// QueryRow runs a one-row query.
func (t *Tx) QueryRow(ctx context.Context, q string, args ...any) *sql.Row {
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
