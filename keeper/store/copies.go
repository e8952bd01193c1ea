package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// PendingCopy returns the pending (not yet credited) session stored under id with its feed, cursor, price,
// seconds and record; ok is false when id is not pending (unknown, credited or pruned). The caller holds
// LockSessions (InsertPending took it), so the row cannot be promoted in between.
func (t *Tx) PendingCopy(ctx context.Context, id common.Hash) (s *Session, ok bool, err error) {
	var price, record string
	var seconds int64
	s = &Session{ID: id}
	err = t.queryRow(ctx, `SELECT feed, cursor, price, seconds, record FROM pending_sessions p WHERE session_id = ? AND `+notStored,
		id.Hex()).Scan(&s.Feed, &s.Cursor, &price, &seconds, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("store: pending session %s: %w", id, err)
	}
	if err := s.Price.SetFromDecimal(price); err != nil {
		return nil, false, fmt.Errorf("store: price of pending session %s: %w", id, err)
	}
	s.Seconds, s.Record = uint32(seconds), []byte(record)
	return s, true, nil
}

// RejectedCopies returns the rejected rows of session id with one of codes, by row id: the copies that lost
// to another copy of the session (keeper/ledger's recheck stores the best of them again as pending once
// the copy they lost to is rejected on a recheck).
func (t *Tx) RejectedCopies(ctx context.Context, id common.Hash, codes ...string) ([]Rejected, error) {
	if len(codes) == 0 {
		return []Rejected{}, nil
	}
	in, args := codeList([]any{id.Hex()}, codes)
	rows, err := t.query(ctx, `SELECT `+rejectedCols+` FROM rejected WHERE session_id = ? AND code IN (`+in+`) ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store: rejected copies of session %s: %w", id, err)
	}
	return scanRejected(rows)
}

// DeleteRejected removes rejected row id (a copy stored again as pending) and reports whether it was there.
// Its number is not given again (InsertRejected).
func (t *Tx) DeleteRejected(ctx context.Context, id int64) (bool, error) {
	res, err := t.exec(ctx, `DELETE FROM rejected WHERE id = ?`, id)
	if err != nil {
		return false, fmt.Errorf("store: delete rejected row %d: %w", id, err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// QueueRevive queues session id for keeper/ledger's revive pass, in the transaction that rejects its pending
// copy on a recheck: the copies that lost to that copy are verified again, and the best stored. Queued
// twice, it is there once.
func (t *Tx) QueueRevive(ctx context.Context, id common.Hash) error {
	if _, err := t.exec(ctx, `INSERT INTO revive_sessions (session_id) VALUES (?) ON CONFLICT (session_id) DO NOTHING`, id.Hex()); err != nil {
		return fmt.Errorf("store: queue session %s for revival: %w", id, err)
	}
	return nil
}

// QueueReviveCredited queues the credited sessions with seq in [first, last] (of an epoch being rolled back,
// before DemoteSessions) that have a rejected copy with one of codes: once pending again, each is ranked
// against the copies that lost to it, the duplicates read while it was credited among them. A session
// without one needs no revive (the queue stays as small as the copies a feed sent).
func (t *Tx) QueueReviveCredited(ctx context.Context, first, last int64, codes ...string) error {
	if len(codes) == 0 {
		return nil
	}
	in, args := codeList([]any{first, last}, codes)
	if _, err := t.exec(ctx, `INSERT INTO revive_sessions (session_id) SELECT s.session_id FROM sessions s
		WHERE s.seq >= ? AND s.seq <= ? AND EXISTS (SELECT 1 FROM rejected r WHERE r.session_id = s.session_id AND r.code IN (`+in+`))
		ON CONFLICT (session_id) DO NOTHING`, args...); err != nil {
		return fmt.Errorf("store: queue sessions %d..%d for revival: %w", first, last, err)
	}
	return nil
}

// ReviveQueue returns the sessions queued by QueueRevive or QueueReviveCredited and not yet unqueued, by id.
func (t *Tx) ReviveQueue(ctx context.Context) ([]common.Hash, error) {
	rows, err := t.query(ctx, `SELECT session_id FROM revive_sessions ORDER BY session_id`)
	if err != nil {
		return nil, fmt.Errorf("store: revive queue: %w", err)
	}
	defer rows.Close()
	out := []common.Hash{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, common.HexToHash(id))
	}
	return out, rows.Err()
}

// Unqueue removes session id from the revive queue (its revive pass is done).
func (t *Tx) Unqueue(ctx context.Context, id common.Hash) error {
	if _, err := t.exec(ctx, `DELETE FROM revive_sessions WHERE session_id = ?`, id.Hex()); err != nil {
		return fmt.Errorf("store: unqueue session %s: %w", id, err)
	}
	return nil
}

// codeList is the placeholders of an IN list of codes (at least one) and args with the codes appended.
func codeList(args []any, codes []string) (string, []any) {
	for _, c := range codes {
		args = append(args, c)
	}
	return "?" + strings.Repeat(", ?", len(codes)-1), args
}
