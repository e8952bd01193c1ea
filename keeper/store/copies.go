package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

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
