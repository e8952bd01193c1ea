package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"sync/atomic"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/holiman/uint256"
)

// createReq is one CreateSession waiting for SQLite's group commit.
type createReq struct {
	ctx     context.Context
	n       NewSession
	sess    *Session
	created bool
	err     error
	done    chan struct{}
}

// maxGroup bounds how many CreateSessions share one SQLite transaction.
const maxGroup = 64

// groupCreate hands n to the SQLite writer loop and waits for the commit of its group.
func (s *DB) groupCreate(ctx context.Context, n NewSession) (*Session, bool, error) {
	r := &createReq{ctx: ctx, n: n, done: make(chan struct{})}
	select {
	case s.creates <- r:
	case <-ctx.Done():
		return nil, false, ctx.Err()
	case <-s.closing:
		return nil, false, errClosed
	}
	<-r.done // once taken, the request is decided by its group's commit: wait for it
	return r.sess, r.created, r.err
}

var errClosed = errors.New("store: closed")

// createLoop is SQLite's group commit: it takes the CreateSessions waiting when the writer becomes free and
// runs them in one transaction (createGroupTx: a refused one — nonce reused, allowance exhausted — leaves
// nothing behind), then commits once. Every caller answers only after that commit, so nothing is
// less durable than a transaction of its own; the commit's WAL writes are shared by the group.
func (s *DB) createLoop() {
	defer close(s.loopDone)
	group := make([]*createReq, 0, maxGroup)
	for {
		select {
		case r := <-s.creates:
			group = append(group[:0], r)
		case <-s.closing:
			return
		}
	more:
		for len(group) < maxGroup {
			select {
			case r := <-s.creates:
				group = append(group, r)
			default:
				break more
			}
		}
		start := time.Now()
		s.commitGroup(group)
		s.writer.busy.Add(int64(time.Since(start)))
		s.writer.groups.Add(1)
		s.writer.requests.Add(int64(len(group)))
		for _, r := range group {
			close(r.done)
		}
	}
}

func (s *DB) commitGroup(group []*createReq) {
	// Statements run under the group's context, never a caller's: cancelling a caller's statement would
	// interrupt SQLite, which then rolls back the whole transaction.
	ctx := context.Background()
	var (
		used  map[usageKey]*uint256.Int
		order []usageKey
	)
	defer s.lockCaches()()
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		used, order, err = s.createGroupTx(ctx, tx, group)
		return err
	})
	if err == nil {
		if s.nonces != nil {
			s.nonces.add(group)
			s.usage.set(order, used)
		}
		return
	}
	for _, r := range group {
		r.sess, r.created, r.err = nil, false, err
	}
}

// usageKey is one user's usage row of one day.
type usageKey struct {
	user string
	day  uint64
}

// createGroupTx is the work of the CreateSessions of group inside tx, in order: each request sees the ones
// before it, as if it ran in a transaction of its own after them. A request refused (nonce used, allowance
// exhausted, session there already) gets its error in r.err and leaves nothing behind: what it inserted
// before the refusal is deleted again, so no savepoint is needed (a deposit is charged last, only when it
// covers the rest). The usage rows are read (and, on
// PostgreSQL, locked) once per user and day, counted in memory across the group and written once at the
// end. An error returned leaves the transaction half-done: the caller rolls it back and fails the group.
func (s *DB) createGroupTx(ctx context.Context, tx *sql.Tx, group []*createReq) (map[usageKey]*uint256.Int, []usageKey, error) {
	used := make(map[usageKey]*uint256.Int, len(group))
	var order []usageKey // written back in first-use order
	for _, r := range group {
		if err := r.ctx.Err(); err != nil {
			r.err = err
			continue
		}
		ns := r.n.Session
		user, digest, nonce := hexAddr(ns.Ticket.User), hexHash(ns.RFCDigest), strconv.FormatUint(r.n.Nonce, 10)
		inserted, err := s.execOne(ctx, tx, qInsertNonce, user, nonce, int64(r.n.Deadline))
		if err != nil {
			return nil, nil, fmt.Errorf("store: insert nonce: %w", err)
		}
		if !inserted {
			// Used already: by this very RFC (its session committed with the nonce, or was inserted
			// earlier in this group, so it is visible now) or by another RFC.
			prev, err := s.sessionWhere(ctx, tx, whereDigest, digest)
			if errors.Is(err, ErrUnknownSession) {
				err = ErrNonceReused
			}
			r.sess, r.err = prev, err
			continue
		}
		t := &ns.Ticket
		inserted, err = s.execOne(ctx, tx, qInsertSession,
			hexHash(ns.ID), digest, user, hexAddr(t.Provider), hexHash(t.ModelID), t.PricePerSecond.Dec(),
			int64(t.MaxSeconds), int64(t.NotAfter), int64(ns.ExpiresAt), ns.TicketSignature.String(), hexAddr(ns.Router),
			ns.Endpoint, int64(ns.Day), ns.Reserved.Dec(), StateOpen, int64(ns.CreatedAt), signedRFCText(&ns.RFC))
		if err != nil {
			return nil, nil, fmt.Errorf("store: insert session: %w", err)
		}
		if !inserted {
			// The digest's session exists although its nonce did not (pruned after the RFC's deadline):
			// undo the nonce and answer with that session.
			if _, err := s.exec(ctx, tx, qDeleteNonce, user, nonce); err != nil {
				return nil, nil, fmt.Errorf("store: undo nonce: %w", err)
			}
			r.err = errSessionExists
			continue
		}
		k := usageKey{user, ns.Day}
		u, ok := used[k]
		if !ok {
			if u, err = s.usageTx(ctx, tx, user, ns.Day); err != nil {
				return nil, nil, err
			}
			used[k] = u
			order = append(order, k)
		}
		cp := *ns
		cp.DepositReserved = new(uint256.Int)
		after, overflow := new(uint256.Int).AddOverflow(u, ns.Reserved)
		if overflow || r.n.Allowance == nil || after.Gt(r.n.Allowance) {
			refused := error(ErrAllowanceExhausted)
			if r.n.Deposit != nil {
				after, cp.DepositReserved, err = s.chargeDepositTx(ctx, tx, user, ns, r.n.Allowance, u, r.n.Deposit)
				refused = err
				if err != nil && !errors.Is(err, ErrDepositExhausted) {
					return nil, nil, err
				}
				cp.DepositGen = r.n.Deposit.Gen
			}
			if refused != nil {
				if _, err := s.exec(ctx, tx, qDeleteSession, hexHash(ns.ID)); err != nil {
					return nil, nil, fmt.Errorf("store: undo session: %w", err)
				}
				if _, err := s.exec(ctx, tx, qDeleteNonce, user, nonce); err != nil {
					return nil, nil, fmt.Errorf("store: undo nonce: %w", err)
				}
				r.err = refused
				continue
			}
		}
		used[k] = after
		cp.State = StateOpen
		r.sess, r.created = &cp, true
	}
	for _, k := range order {
		if err := s.setUsageTx(ctx, tx, k.user, k.day, used[k]); err != nil {
			return nil, nil, err
		}
	}
	return used, order, nil
}

// execOne runs a prepared INSERT … ON CONFLICT DO NOTHING in tx and reports whether it inserted the row.
func (s *DB) execOne(ctx context.Context, tx *sql.Tx, query string, args ...any) (bool, error) {
	res, err := s.exec(ctx, tx, query, args...)
	if err != nil {
		return false, err
	}
	k, err := res.RowsAffected()
	return k > 0, err
}

// writerStats counts createLoop's work (WriterStats).
type writerStats struct{ busy, groups, requests atomic.Int64 }

// WriterStats is what SQLite's group-commit writer has done since Open (zero on PostgreSQL): the time it
// spent running groups (statements and commit), the groups and the CreateSessions in them. Busy over
// wall-clock time near 1 means the writer, a serial stage, bounds the intake; requests per group is how
// many sessions share a commit's WAL writes and sync.
type WriterStats struct {
	Busy             time.Duration
	Groups, Requests int64
}

// WriterStats returns the writer's counts so far.
func (s *DB) WriterStats() WriterStats {
	return WriterStats{Busy: time.Duration(s.writer.busy.Load()), Groups: s.writer.groups.Load(), Requests: s.writer.requests.Load()}
}

// RegisterMetrics adds the writer's counts to set (nothing on PostgreSQL, whose writes have no such stage):
//
//	laketravis_router_sqlite_writer_busy_seconds_total   time the group-commit writer spent running groups
//	laketravis_router_sqlite_groups_total                groups committed (or failed) by it
//	laketravis_router_sqlite_group_sessions_total        CreateSessions in those groups
func (s *DB) RegisterMetrics(set *vm.Set) {
	if s.dialect != SQLite {
		return
	}
	set.NewGauge("laketravis_router_sqlite_writer_busy_seconds_total", func() float64 { return s.WriterStats().Busy.Seconds() })
	set.NewGauge("laketravis_router_sqlite_groups_total", func() float64 { return float64(s.WriterStats().Groups) })
	set.NewGauge("laketravis_router_sqlite_group_sessions_total", func() float64 { return float64(s.WriterStats().Requests) })
}
