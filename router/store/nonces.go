package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
)

// RFCSeen is the intake's look-up before matching, in one consistent read: the session already opened
// for the RFC digest (a retry; nil if none) and, when there is none, whether user's nonce is used (by
// another RFC: an RFC's nonce and session commit together, so a read that sees the nonce without the
// session cannot be racing this RFC's own first attempt).
func (s *DB) RFCSeen(ctx context.Context, digest common.Hash, user common.Address, nonce uint64) (*Session, bool, error) {
	var haveSession, nonceUsed bool
	if err := s.row(ctx, nil, qRFCSeen, hexHash(digest), hexAddr(user), strconv.FormatUint(nonce, 10)).Scan(&haveSession, &nonceUsed); err != nil {
		return nil, false, fmt.Errorf("store: rfc look-up: %w", err)
	}
	if !haveSession {
		return nil, nonceUsed, nil
	}
	sess, err := s.SessionByDigest(ctx, digest)
	if errors.Is(err, ErrUnknownSession) {
		// Pruned in between (settled long ago): its nonce counts as used; its RFC is long expired anyway.
		return nil, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	return sess, false, nil
}

// PruneNonces forgets nonces whose RFC deadline is before now: such an RFC is rejected as expired anyway.
func (s *DB) PruneNonces(ctx context.Context, now uint64) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM nonces WHERE deadline < ?`), int64(now))
	if err != nil {
		return 0, fmt.Errorf("store: prune nonces: %w", err)
	}
	return res.RowsAffected()
}

// NonceUsed reports whether user's nonce is recorded.
func (s *DB) NonceUsed(ctx context.Context, user common.Address, nonce uint64) (bool, error) {
	var one int
	err := s.row(ctx, nil, qNonceUsed, hexAddr(user), strconv.FormatUint(nonce, 10)).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: nonce: %w", err)
	}
	return true, nil
}
