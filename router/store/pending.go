package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ErrPendingFull is ParkClose's refusal of a close for a session that already keeps the most pending
// closes it may.
var ErrPendingFull = errors.New("store: the session keeps the most pending closes it may")

// PendingClose is a close that arrived in time but could not be judged then (router/api: the chain's
// head could not be read): kept with its arrival time, judged later as of it.
type PendingClose struct {
	SessionID common.Hash
	Seq       uint64      // arrival order within the session, from 1
	Digest    common.Hash // keccak256(Body)
	ClosedAt  uint64      // when it arrived (unix seconds)
	Body      []byte      // the close request as it is judged (wire.CloseRequest JSON)
}

const (
	qPendingOf      = `SELECT session_id, seq, digest, closed_at, body FROM pending_closes WHERE session_id = ? ORDER BY seq`
	qPendingCount   = `SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM pending_closes WHERE session_id = ?`
	qPendingDigest  = `SELECT seq, closed_at FROM pending_closes WHERE session_id = ? AND digest = ?`
	qInsertPending  = `INSERT INTO pending_closes (session_id, seq, digest, closed_at, body) VALUES (?, ?, ?, ?, ?)`
	qDropPending    = `DELETE FROM pending_closes WHERE session_id = ? AND seq = ?`
	qDropPendingAll = `DELETE FROM pending_closes WHERE session_id = ?`
	qPendingIDs     = `SELECT session_id, MIN(closed_at) FROM pending_closes GROUP BY session_id ORDER BY MIN(closed_at), session_id LIMIT ?`
)

// ParkClose keeps body, a close of session id (open, or expired by the router: Session.TakesClose) that
// arrived at closedAt, behind the session's other pending closes, unless the same body is kept already:
// then it returns that one, changing nothing
// (created=false; its arrival time stays the first). At most limit closes are kept per session. The
// session's row is locked meanwhile, so the sequence numbers and the limit hold across router replicas.
// Errors: ErrUnknownSession, ErrSessionClosed, ErrPendingFull.
func (s *DB) ParkClose(ctx context.Context, id common.Hash, closedAt uint64, body []byte, limit int) (p PendingClose, created bool, err error) {
	p = PendingClose{SessionID: id, Digest: crypto.Keccak256Hash(body), ClosedAt: closedAt, Body: body}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := s.sessionWhere(ctx, tx, whereIDForUpd, hexHash(id))
		if err != nil {
			return err
		}
		if !sess.TakesClose() {
			return ErrSessionClosed
		}
		var seq, at int64
		switch err := s.row(ctx, tx, qPendingDigest, hexHash(id), hexHash(p.Digest)).Scan(&seq, &at); {
		case err == nil:
			p.Seq, p.ClosedAt = uint64(seq), uint64(at)
			return nil
		case !errors.Is(err, sql.ErrNoRows):
			return fmt.Errorf("store: pending close: %w", err)
		}
		var n int64
		if err := s.row(ctx, tx, qPendingCount, hexHash(id)).Scan(&n, &seq); err != nil {
			return fmt.Errorf("store: pending closes: %w", err)
		}
		if n >= int64(limit) {
			return ErrPendingFull
		}
		p.Seq, created = uint64(seq)+1, true
		if _, err := s.exec(ctx, tx, qInsertPending, hexHash(id), int64(p.Seq), hexHash(p.Digest), int64(closedAt), string(body)); err != nil {
			return fmt.Errorf("store: keep pending close: %w", err)
		}
		return nil
	})
	if err != nil {
		return PendingClose{}, false, err
	}
	return p, created, nil
}

// PendingCloses returns session id's pending closes in arrival order (none: empty).
func (s *DB) PendingCloses(ctx context.Context, id common.Hash) ([]PendingClose, error) {
	rows, err := s.rows(ctx, qPendingOf, hexHash(id))
	if err != nil {
		return nil, fmt.Errorf("store: pending closes: %w", err)
	}
	defer rows.Close()
	var out []PendingClose
	for rows.Next() {
		var sid, digest, body string
		var seq, at int64
		if err := rows.Scan(&sid, &seq, &digest, &at, &body); err != nil {
			return nil, fmt.Errorf("store: pending closes: %w", err)
		}
		out = append(out, PendingClose{SessionID: common.HexToHash(sid), Seq: uint64(seq), Digest: common.HexToHash(digest),
			ClosedAt: uint64(at), Body: []byte(body)})
	}
	return out, rows.Err()
}

// DropPendingClose deletes one pending close (judged and refused). Dropping one already gone is no error.
func (s *DB) DropPendingClose(ctx context.Context, id common.Hash, seq uint64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := s.exec(ctx, tx, qDropPending, hexHash(id), int64(seq)); err != nil {
			return fmt.Errorf("store: drop pending close: %w", err)
		}
		return nil
	})
}

// SessionsWithPendingCloses returns up to limit sessions that keep pending closes, the one whose first
// close arrived earliest first.
func (s *DB) SessionsWithPendingCloses(ctx context.Context, limit int) ([]common.Hash, error) {
	rows, err := s.rows(ctx, qPendingIDs, limit)
	if err != nil {
		return nil, fmt.Errorf("store: sessions with pending closes: %w", err)
	}
	defer rows.Close()
	var out []common.Hash
	for rows.Next() {
		var id string
		var first int64
		if err := rows.Scan(&id, &first); err != nil {
			return nil, fmt.Errorf("store: sessions with pending closes: %w", err)
		}
		out = append(out, common.HexToHash(id))
	}
	return out, rows.Err()
}
