package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"
)

// ErrNotLeader is returned by a Lease's writes once another replica has taken the indexer over (a newer
// term was started), and by Lead when another replica holds the lease.
var ErrNotLeader = errors.New("store: not the indexing replica")

const (
	termName = "index_term" // fencing token: incremented each time a replica becomes the indexer
	genName  = "index_gen"  // incremented by every rollback and reset: followers then rebuild
)

// leaseKey is the indexer lease's advisory-lock key. Advisory locks are per database, so the key is
// derived from the schema the store's tables live in: routers of different schemas never contend.
const leaseKey = `hashtextextended('laketravis/router/index/' || current_schema(), 0)`

// lockSQL takes the lease's lock without waiting.
const lockSQL = `SELECT pg_try_advisory_lock(` + leaseKey + `)`

// unlockSQL gives the lock back on the lease's own session. Only closing the connection would leave the
// lock held until the server notices the disconnect (asynchronously), so a replica asking right after a
// release could still be refused.
const unlockSQL = `SELECT pg_advisory_unlock(` + leaseKey + `)`

// leaseCheckEvery is how often the lease's connection is pinged: a connection that fails loses the lease
// (the PostgreSQL server releases a session's advisory locks when the session ends).
const leaseCheckEvery = time.Second

// Lease is the right to index: exactly one replica of a PostgreSQL database holds it at a time (a
// session-level advisory lock held on a dedicated connection, keyed by the schema). Taking it starts a new term; every write
// through the lease checks, in its transaction, that its term is still the newest, so a replica that lost
// its lock (a network partition, a stalled process) cannot write beside the new indexer. On SQLite (a
// single replica by construction) Lead always succeeds. Release it with Release.
type Lease struct {
	db   *DB
	term int64
	conn *sql.Conn // PostgreSQL: the connection holding the advisory lock; nil on SQLite

	lost     chan struct{}
	lostOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
	release  sync.Once
}

// Lead tries to take the indexer lease without waiting. It returns ErrNotLeader when another replica
// holds it.
func (s *DB) Lead(ctx context.Context) (*Lease, error) {
	l := &Lease{db: s, lost: make(chan struct{}), stop: make(chan struct{}), done: make(chan struct{})}
	if s.dialect == Postgres {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return nil, fmt.Errorf("store: lease: %w", err)
		}
		var got bool
		if err := conn.QueryRowContext(ctx, lockSQL).Scan(&got); err != nil {
			discard(conn)
			return nil, fmt.Errorf("store: lease: %w", err)
		}
		if !got {
			_ = conn.Close()
			return nil, ErrNotLeader
		}
		l.conn = conn
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		t, _, err := s.metaTx(ctx, tx, termName, true)
		if err != nil {
			return err
		}
		l.term = t + 1
		return s.setMetaTx(ctx, tx, termName, l.term, "")
	})
	if err != nil {
		if l.conn != nil {
			discard(l.conn)
		}
		return nil, err
	}
	if l.conn != nil {
		go l.watch()
	} else {
		close(l.done)
	}
	return l, nil
}

// Term is the lease's term (fencing token).
func (l *Lease) Term() int64 { return l.term }

// Lost is closed when the lease's connection failed: the lock may be held by another replica already.
func (l *Lease) Lost() <-chan struct{} { return l.lost }

// Release gives the lease up (unlocks and drops its connection). Safe to call more than once.
func (l *Lease) Release() {
	l.release.Do(func() {
		close(l.stop)
		<-l.done
		l.lostOnce.Do(func() { close(l.lost) })
		if l.conn != nil {
			// Unlock first, so the lease is free when Release returns; dropping the session then releases
			// its advisory locks anyway, whatever state the connection is in (the unlock may have failed).
			ctx, cancel := context.WithTimeout(context.Background(), leaseCheckEvery)
			_, _ = l.conn.ExecContext(ctx, unlockSQL)
			cancel()
			discard(l.conn)
		}
	})
}

func (l *Lease) watch() {
	defer close(l.done)
	t := time.NewTicker(leaseCheckEvery)
	defer t.Stop()
	for {
		select {
		case <-l.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), leaseCheckEvery)
		err := l.conn.PingContext(ctx)
		cancel()
		if err != nil {
			l.lostOnce.Do(func() { close(l.lost) })
			return
		}
	}
}

// discard closes conn's underlying session instead of returning it to the pool.
func discard(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}

// fenced runs f in a transaction after checking (with the term row locked) that the lease's term is still
// the newest.
func (l *Lease) fenced(ctx context.Context, f func(tx *sql.Tx) error) error {
	return l.db.inTx(ctx, func(tx *sql.Tx) error {
		t, _, err := l.db.metaTx(ctx, tx, termName, true)
		if err != nil {
			return err
		}
		if t != l.term {
			return fmt.Errorf("%w: term %d replaced by term %d", ErrNotLeader, l.term, t)
		}
		return f(tx)
	})
}

// bumpGenTx marks the stored events as rewritten (rolled back or reset): followers rebuild their state.
func (s *DB) bumpGenTx(ctx context.Context, tx *sql.Tx) error {
	g, _, err := s.metaTx(ctx, tx, genName, true)
	if err != nil {
		return err
	}
	return s.setMetaTx(ctx, tx, genName, g+1, "")
}
