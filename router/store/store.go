package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"
)

// Sentinel errors callers branch on with errors.Is.
var (
	ErrNonceReused        = errors.New("store: nonce already used")
	ErrAllowanceExhausted = errors.New("store: allowance exhausted")
	ErrUnknownSession     = errors.New("store: unknown session")
	ErrSessionClosed      = errors.New("store: session already closed")
	ErrNotHeld            = errors.New("store: session is not held")
)

// Dialect names the SQL backend.
type Dialect int

const (
	SQLite Dialect = iota
	Postgres
)

func (d Dialect) String() string {
	if d == Postgres {
		return "postgres"
	}
	return "sqlite"
}

// DB is the router's store. Safe for concurrent use.
type DB struct {
	db      *sql.DB
	dialect Dialect
}

// Open opens (and migrates) the database named by dsn: a postgres:// or postgresql:// URL selects
// PostgreSQL, anything else is a SQLite file path (":memory:" for a private in-memory database).
func Open(ctx context.Context, dsn string) (*DB, error) {
	var (
		db      *sql.DB
		err     error
		dialect = SQLite
	)
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		dialect = Postgres
		db, err = sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		db.SetMaxOpenConns(16)
	} else {
		if dsn == "" {
			return nil, errors.New("store: empty database path")
		}
		// One connection: SQLite has one writer anyway, and this serialises read-modify-write
		// transactions without SQLITE_BUSY retries. WAL keeps the file consistent on a crash.
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		db, err = sql.Open("sqlite", dsn+sep+"_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(1)")
		if err != nil {
			return nil, fmt.Errorf("store: open sqlite: %w", err)
		}
		db.SetMaxOpenConns(1)
	}
	s := &DB{db: db, dialect: dialect}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Dialect reports the backend in use.
func (s *DB) Dialect() Dialect { return s.dialect }

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// Ping checks the database answers (for /healthz).
func (s *DB) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

func (s *DB) migrate(ctx context.Context) error {
	for _, stmt := range schema {
		if _, err := s.db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("store: migrate: %w", err)
		}
	}
	return nil
}

// q rewrites a query written with ? placeholders for the dialect ($1, $2, … on PostgreSQL) and expands
// the {forUpdate} marker (row lock on PostgreSQL; SQLite's single connection already serialises).
func (s *DB) q(query string) string {
	if s.dialect != Postgres {
		return strings.ReplaceAll(query, "{forUpdate}", "")
	}
	query = strings.ReplaceAll(query, "{forUpdate}", " FOR UPDATE")
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// inTx runs f in a transaction, committing if it returns nil.
func (s *DB) inTx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	if err := f(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// meta reads a named counter (0 and "" if absent).
func (s *DB) metaTx(ctx context.Context, tx *sql.Tx, name string, lock bool) (int64, string, error) {
	query := "SELECT value, hash FROM meta WHERE name = ?"
	if lock {
		query += "{forUpdate}"
	}
	var v int64
	var h string
	err := tx.QueryRowContext(ctx, s.q(query), name).Scan(&v, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("store: read %s: %w", name, err)
	}
	return v, h, nil
}

func (s *DB) setMetaTx(ctx context.Context, tx *sql.Tx, name string, v int64, hash string) error {
	_, err := tx.ExecContext(ctx, s.q(`INSERT INTO meta (name, value, hash) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, hash = excluded.hash`), name, v, hash)
	if err != nil {
		return fmt.Errorf("store: write %s: %w", name, err)
	}
	return nil
}

// nextSeqTx increments and returns the feed counter. On PostgreSQL the UPDATE locks the counter row until
// the transaction ends, so sequence numbers become visible in increasing order: a keeper paging with
// `after` never skips a number committed late.
func (s *DB) nextSeqTx(ctx context.Context, tx *sql.Tx) (uint64, error) {
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO meta (name, value, hash) VALUES ('feed_seq', 0, '')
		ON CONFLICT (name) DO NOTHING`)); err != nil {
		return 0, fmt.Errorf("store: feed counter: %w", err)
	}
	var v int64
	if err := tx.QueryRowContext(ctx, s.q(`UPDATE meta SET value = value + 1 WHERE name = 'feed_seq' RETURNING value`)).Scan(&v); err != nil {
		return 0, fmt.Errorf("store: feed counter: %w", err)
	}
	return uint64(v), nil
}
