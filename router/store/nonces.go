package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Seen is what the intake reads before matching (RFCSeen).
type Seen struct {
	Session   *Session     // the session already opened for the RFC digest (a retry); nil if none
	NonceUsed bool         // no session, and the user's nonce is used (by another RFC)
	Used      *uint256.Int // the user's allowance used on the day (Used)
}

// RFCSeen is the intake's look-up before matching: the session already opened for the RFC digest (a
// retry; nil if none) and, when there is none, whether user's nonce is used (by another RFC: an RFC's
// nonce and session commit together, so a look-up that sees the nonce without the session cannot be
// racing this RFC's own first attempt), and the allowance user has used on day. deadline is the RFC's and
// now the intake's clock. On SQLite it is answered from memory (seenFromMemory) unless the RFC has
// expired or the nonce mirror cannot tell; otherwise, and on PostgreSQL, in one consistent read.
func (s *DB) RFCSeen(ctx context.Context, digest common.Hash, user common.Address, nonce, deadline, day, now uint64) (Seen, error) {
	if seen, ok, err := s.seenFromMemory(ctx, digest, user, nonce, deadline, day, now); ok || err != nil {
		return seen, err
	}
	return s.seenFromDB(ctx, digest, user, nonce, day)
}

// seenFromDB is RFCSeen's one read of the database.
func (s *DB) seenFromDB(ctx context.Context, digest common.Hash, user common.Address, nonce, day uint64) (Seen, error) {
	var (
		haveSession, nonceUsed bool
		used                   sql.NullString
	)
	addr := hexAddr(user)
	if err := s.row(ctx, nil, qRFCSeen, hexHash(digest), addr, strconv.FormatUint(nonce, 10), addr, int64(day)).Scan(&haveSession, &nonceUsed, &used); err != nil {
		return Seen{}, fmt.Errorf("store: rfc look-up: %w", err)
	}
	seen := Seen{Used: new(uint256.Int)}
	if used.Valid {
		u, err := parseAmount(used.String)
		if err != nil {
			return Seen{}, fmt.Errorf("store: usage: %w", err)
		}
		seen.Used = u
	}
	if !haveSession {
		seen.NonceUsed = nonceUsed
		return seen, nil
	}
	sess, err := s.SessionByDigest(ctx, digest)
	if errors.Is(err, ErrUnknownSession) {
		// Pruned in between (settled long ago): its nonce counts as used; its RFC is long expired anyway.
		seen.NonceUsed = true
		return seen, nil
	}
	if err != nil {
		return Seen{}, err
	}
	seen.Session = sess
	return seen, nil
}

// PruneNonces forgets nonces whose RFC deadline is before now: such an RFC is rejected as expired anyway.
func (s *DB) PruneNonces(ctx context.Context, now uint64) (int64, error) {
	defer s.lockCaches()()
	res, err := s.db.ExecContext(ctx, s.q(`DELETE FROM nonces WHERE deadline < ?`), int64(now))
	if err != nil {
		return 0, fmt.Errorf("store: prune nonces: %w", err)
	}
	if s.nonces != nil {
		s.nonces.pruned(now)
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
