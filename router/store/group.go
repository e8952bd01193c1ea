package store

import (
	"context"
	"database/sql"
	"errors"
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
// runs them in one transaction, each inside a savepoint (a refused one — nonce reused, allowance exhausted
// — is rolled back alone), then commits once. Every caller answers only after that commit, so nothing is
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
		s.commitGroup(group)
		for _, r := range group {
			close(r.done)
		}
	}
}

func (s *DB) commitGroup(group []*createReq) {
	// Statements run under the group's context, never a caller's: cancelling a caller's statement would
	// interrupt SQLite, which then rolls back the whole transaction.
	ctx := context.Background()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		for _, r := range group {
			if err := r.ctx.Err(); err != nil {
				r.err = err
				continue
			}
			if len(group) == 1 {
				r.sess, r.created, r.err = s.createTx(ctx, tx, r.n)
				return r.err
			}
			if _, err := s.exec(ctx, tx, qSavepoint); err != nil {
				return err
			}
			r.sess, r.created, r.err = s.createTx(ctx, tx, r.n)
			if r.err != nil {
				if _, err := s.exec(ctx, tx, qRollbackTo); err != nil {
					return err
				}
			}
			if _, err := s.exec(ctx, tx, qRelease); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		return
	}
	for _, r := range group {
		if r.err == nil || len(group) == 1 {
			r.sess, r.created, r.err = nil, false, err
		}
	}
}
