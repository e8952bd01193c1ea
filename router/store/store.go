package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/holiman/uint256"
	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx"
	_ "modernc.org/sqlite"             // driver "sqlite"

	"github.com/laketravis/laketravis/internal/sqldialect"
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
	db      *sql.DB // writes and transactions (SQLite: one connection, the single writer)
	rd      *sql.DB // reads outside transactions: SQLite's read-only pool (WAL readers), else db
	dialect Dialect
	version int64    // the schema version (the newest migration applied)
	stmts   sync.Map // stmtKey → *sql.Stmt, prepared once per pool

	// SQLite's group commit of CreateSession (nil creates on PostgreSQL): see createLoop.
	creates   chan *createReq
	closing   chan struct{}
	loopDone  chan struct{}
	closeOnce sync.Once
	writer    writerStats

	// SQLite only (nil on PostgreSQL): the intake's look-ups answered from memory (recent.go).
	nonces *nonceCache
	usage  usageCache
	// cacheMu is held by a transaction writing nonces or usage from before it begins until the caches
	// took its commit (lockCaches), so they take the commits in the order the database did.
	cacheMu sync.Mutex
}

// lockCaches takes cacheMu on SQLite and returns its unlock (a no-op on PostgreSQL).
func (s *DB) lockCaches() func() {
	if s.nonces == nil {
		return func() {}
	}
	s.cacheMu.Lock()
	return s.cacheMu.Unlock
}

type stmtKey struct {
	pool  *sql.DB
	query string // as written (? placeholders, {forUpdate})
}

// readConns is the size of SQLite's read-only pool: WAL readers run beside the writer and each other.
func readConns() int { return max(4, runtime.GOMAXPROCS(0)) }

// sqlitePragmas: WAL (readers never block the writer, and a crash leaves the file consistent);
// the durability of sqldialect.SQLiteSynchronous (FULL: a power loss never rolls back a used nonce);
// a busy timeout instead of SQLITE_BUSY errors; temporary tables in memory. The page cache is sized
// per pool by cachePragma.
const sqlitePragmas = "_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=temp_store(MEMORY)"

// walLimit is the size, in bytes, SQLite truncates the WAL file back to after a checkpoint.
const walLimit = 16 << 20

// DefaultCacheMiB is the SQLite page-cache budget of one router, in MiB, when Options leaves it 0.
const DefaultCacheMiB = 32

// Options tune Open. The zero value is the default.
type Options struct {
	// CacheMiB is the total SQLite page cache (every connection's page cache together) in MiB
	// [DefaultCacheMiB]. Each connection caches pages of its own (SQLite caches are per connection), so
	// the budget is split: half to the writer, which touches the hot pages of every write, and half shared
	// out among the read-only connections. It bounds the C memory SQLite holds, which a per-connection
	// cache_size multiplied by the pool's size did not (64 MiB each grew the router by 100 MB under load).
	CacheMiB int
}

// cachePragma is the cache_size pragma giving one connection kib KiB of page cache.
func cachePragma(kib int) string { return fmt.Sprintf("&_pragma=cache_size(-%d)", max(kib, 256)) }

// Open opens (and migrates) the database named by dsn with the default Options.
func Open(ctx context.Context, dsn string) (*DB, error) { return OpenWith(ctx, dsn, Options{}) }

// OpenWith opens (and migrates) the database named by dsn: a postgres:// or postgresql:// URL selects
// PostgreSQL, anything else is a SQLite file path (":memory:" for a private in-memory database).
func OpenWith(ctx context.Context, dsn string, o Options) (*DB, error) {
	if sqldialect.IsPostgres(dsn) {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			return nil, fmt.Errorf("store: open postgres: %w", err)
		}
		// Keep every connection (and the statements prepared on it) rather than database/sql's default
		// of two idle ones, which under load closes and re-dials connections continuously.
		db.SetMaxOpenConns(16)
		db.SetMaxIdleConns(16)
		return open(ctx, &DB{db: db, rd: db, dialect: Postgres})
	}
	if dsn == "" {
		return nil, errors.New("store: empty database path")
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	// One writing connection: SQLite has one writer anyway, and this serialises read-modify-write
	// transactions without SQLITE_BUSY retries.
	if o.CacheMiB <= 0 {
		o.CacheMiB = DefaultCacheMiB
	}
	// The WAL file is truncated back to walLimit after a checkpoint: it does not keep the size of the
	// largest burst (a prune, a long read holding checkpoints back) for ever.
	db, err := sql.Open("sqlite", dsn+sep+"_pragma=journal_mode(WAL)&_pragma="+sqldialect.SQLiteSynchronous+"&"+sqlitePragmas+
		fmt.Sprintf("&_pragma=journal_size_limit(%d)", walLimit)+cachePragma(o.CacheMiB<<9))
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	s := &DB{db: db, rd: db, dialect: SQLite}
	if !sqliteMemory(dsn) {
		// Reads outside transactions go to a pool of read-only connections: in WAL mode they see every
		// transaction committed before they start and neither wait for the writer nor hold it up.
		rd, err := sql.Open("sqlite", dsn+sep+"_pragma=query_only(1)&"+sqlitePragmas+cachePragma((o.CacheMiB<<9)/readConns()))
		if err != nil {
			db.Close()
			return nil, fmt.Errorf("store: open sqlite: %w", err)
		}
		rd.SetMaxOpenConns(readConns())
		rd.SetMaxIdleConns(readConns())
		s.rd = rd
	}
	return open(ctx, s)
}

// sqliteMemory reports an in-memory SQLite database, which a second pool would not share.
func sqliteMemory(dsn string) bool {
	return dsn == ":memory:" || strings.HasPrefix(dsn, "file::memory:") || strings.Contains(dsn, "mode=memory")
}

func open(ctx context.Context, s *DB) (*DB, error) {
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	for _, q := range txQueries {
		if _, err := s.stmt(ctx, s.db, q); err != nil {
			s.Close()
			return nil, err
		}
	}
	if s.dialect == SQLite {
		if err := s.loadNonces(ctx); err != nil {
			s.Close()
			return nil, err
		}
		s.usage.m = make(map[usageKey]*uint256.Int)
		s.creates, s.closing, s.loopDone = make(chan *createReq), make(chan struct{}), make(chan struct{})
		go s.createLoop()
	}
	return s, nil
}

// Dialect reports the backend in use.
func (s *DB) Dialect() Dialect { return s.dialect }

// Close closes the database.
func (s *DB) Close() error {
	if s.creates != nil {
		s.closeOnce.Do(func() { close(s.closing) })
		<-s.loopDone // the group being committed, if any, completes first
	}
	err := s.db.Close()
	if s.rd != s.db {
		err = errors.Join(err, s.rd.Close())
	}
	return err
}

// Ping checks the database answers (for /healthz).
func (s *DB) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// q rewrites a query written with ? placeholders for the dialect ($1, $2, … on PostgreSQL) and expands
// the {forUpdate} marker (row lock on PostgreSQL; SQLite's single connection already serialises).
func (s *DB) q(query string) string {
	if s.dialect != Postgres {
		return strings.ReplaceAll(query, "{forUpdate}", "")
	}
	return sqldialect.Rebind(strings.ReplaceAll(query, "{forUpdate}", " FOR UPDATE"))
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

// stmt returns query prepared on pool, preparing it on first use. database/sql prepares it again on each
// connection of the pool that runs it, once.
func (s *DB) stmt(ctx context.Context, pool *sql.DB, query string) (*sql.Stmt, error) {
	k := stmtKey{pool, query}
	if st, ok := s.stmts.Load(k); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := pool.PrepareContext(ctx, s.q(query))
	if err != nil {
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	if prev, loaded := s.stmts.LoadOrStore(k, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// txStmt is query bound to tx: prepared once on the writer pool at Open (txQueries), and otherwise
// prepared in tx for this use only — preparing on the pool inside a transaction would wait forever for
// SQLite's one connection, which the transaction holds.
func (s *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if st, ok := s.stmts.Load(stmtKey{s.db, query}); ok {
		return tx.StmtContext(ctx, st.(*sql.Stmt)), nil
	}
	st, err := tx.PrepareContext(ctx, s.q(query))
	if err != nil {
		return nil, fmt.Errorf("store: prepare: %w", err)
	}
	return st, nil
}

// exec runs a prepared statement in tx.
func (s *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.txStmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// row runs a prepared single-row query in tx, or on the read pool when tx is nil.
func (s *DB) row(ctx context.Context, tx *sql.Tx, query string, args ...any) scanner {
	var (
		st  *sql.Stmt
		err error
	)
	if tx != nil {
		st, err = s.txStmt(ctx, tx, query)
	} else {
		st, err = s.stmt(ctx, s.rd, query)
	}
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// rows runs a prepared query on the read pool.
func (s *DB) rows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, s.rd, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// meta reads a named counter (0 and "" if absent).
func (s *DB) metaTx(ctx context.Context, tx *sql.Tx, name string, lock bool) (int64, string, error) {
	query := "SELECT value, hash FROM meta WHERE name = ?"
	if lock {
		query += "{forUpdate}"
	}
	var v int64
	var h string
	err := s.row(ctx, tx, query, name).Scan(&v, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("store: read %s: %w", name, err)
	}
	return v, h, nil
}

func (s *DB) setMetaTx(ctx context.Context, tx *sql.Tx, name string, v int64, hash string) error {
	_, err := s.exec(ctx, tx, `INSERT INTO meta (name, value, hash) VALUES (?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET value = excluded.value, hash = excluded.hash`, name, v, hash)
	if err != nil {
		return fmt.Errorf("store: write %s: %w", name, err)
	}
	return nil
}

// nextSeqTx increments and returns the feed counter (created by the migration). On PostgreSQL the UPDATE
// locks the counter row until the transaction ends, so sequence numbers become visible in increasing
// order: a keeper paging with `after` never skips a number committed late.
func (s *DB) nextSeqTx(ctx context.Context, tx *sql.Tx) (uint64, error) {
	var v int64
	err := s.row(ctx, tx, qNextSeq).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) { // not there after all: create it and count again
		if _, err := s.exec(ctx, tx, seedFeedSeq); err != nil {
			return 0, fmt.Errorf("store: feed counter: %w", err)
		}
		err = s.row(ctx, tx, qNextSeq).Scan(&v)
	}
	if err != nil {
		return 0, fmt.Errorf("store: feed counter: %w", err)
	}
	return uint64(v), nil
}
