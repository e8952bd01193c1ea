package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// Session states.
const (
	StateOpen   = "open"
	StateClosed = "closed"
)

// Session is one matched RFC: the ticket the router issued and, once closed, the receipt and billing.
type Session struct {
	ID              common.Hash
	RFCDigest       common.Hash
	Ticket          eip712.SessionTicket
	TicketSignature eip712.Signature
	Router          common.Address
	Endpoint        string
	Day             uint64       // protocol day whose allowance the session spends
	Reserved        *uint256.Int // pricePerSecond × maxSeconds, held from the allowance while open
	State           string
	CreatedAt       uint64
	ExpiresAt       uint64 // closed as expired by the router after this

	ClosedAt          uint64
	CloseReason       string // wire.CloseReceipt, CloseOneSided, CloseExpired
	Receipt           *eip712.UsageReceipt
	UserSignature     *eip712.Signature
	ProviderSignature *eip712.Signature
	BilledSeconds     uint32
	Flags             []string
	Held              bool   // flagged: out of the settlement feed until cleared
	FeedSeq           uint64 // 0 until the session is in the settlement feed
}

// NewSession is what CreateSession needs besides the session itself.
type NewSession struct {
	Session   *Session
	Nonce     uint64
	Deadline  uint64       // the RFC deadline: the nonce is kept at least until then
	Allowance *uint256.Int // the user's allowance for Session.Day
}

// CreateSession records a matched RFC in one transaction: it consumes the nonce, reserves
// Session.Reserved of the user's allowance for the day and inserts the session. If a session for the same
// RFC digest exists (a retried RFC) it returns that session and created=false, changing nothing.
// Errors: ErrNonceReused, ErrAllowanceExhausted.
func (s *DB) CreateSession(ctx context.Context, n NewSession) (sess *Session, created bool, err error) {
	ns := n.Session
	user := hexAddr(ns.Ticket.User)
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if prev, err := s.sessionWhere(ctx, tx, "rfc_digest = ?", hexHash(ns.RFCDigest)); err == nil {
			sess = prev
			return nil
		} else if !errors.Is(err, ErrUnknownSession) {
			return err
		}
		res, err := tx.ExecContext(ctx, s.q(`INSERT INTO nonces (user_addr, nonce, deadline) VALUES (?, ?, ?)
			ON CONFLICT (user_addr, nonce) DO NOTHING`), user, strconv.FormatUint(n.Nonce, 10), int64(n.Deadline))
		if err != nil {
			return fmt.Errorf("store: insert nonce: %w", err)
		}
		if k, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("store: insert nonce: %w", err)
		} else if k == 0 {
			// Used already — by this very RFC on another replica (then its session is committed and visible
			// now) or by another RFC.
			if prev, err := s.sessionWhere(ctx, tx, "rfc_digest = ?", hexHash(ns.RFCDigest)); err == nil {
				sess = prev
				return nil
			}
			return ErrNonceReused
		}
		used, err := s.usageTx(ctx, tx, user, ns.Day)
		if err != nil {
			return err
		}
		after, overflow := new(uint256.Int).AddOverflow(used, ns.Reserved)
		if overflow || n.Allowance == nil || after.Gt(n.Allowance) {
			return ErrAllowanceExhausted
		}
		if err := s.setUsageTx(ctx, tx, user, ns.Day, after); err != nil {
			return err
		}
		t := &ns.Ticket
		_, err = tx.ExecContext(ctx, s.q(`INSERT INTO sessions (id, rfc_digest, user_addr, provider, model_id, price,
			max_seconds, not_after, expires_at, ticket_sig, router, endpoint, day, reserved, state, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
			hexHash(ns.ID), hexHash(ns.RFCDigest), user, hexAddr(t.Provider), hexHash(t.ModelID), t.PricePerSecond.Dec(),
			int64(t.MaxSeconds), int64(t.NotAfter), int64(ns.ExpiresAt), ns.TicketSignature.String(), hexAddr(ns.Router),
			ns.Endpoint, int64(ns.Day), ns.Reserved.Dec(), StateOpen, int64(ns.CreatedAt))
		if err != nil {
			return fmt.Errorf("store: insert session: %w", err)
		}
		cp := *ns
		cp.State = StateOpen
		sess, created = &cp, true
		return nil
	})
	if err != nil {
		return nil, false, err
	}
	return sess, created, nil
}

// usageTx reads (and on PostgreSQL locks) the user's usage row for day, creating it at zero.
func (s *DB) usageTx(ctx context.Context, tx *sql.Tx, user string, day uint64) (*uint256.Int, error) {
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO usage (user_addr, day, used) VALUES (?, ?, '0')
		ON CONFLICT (user_addr, day) DO NOTHING`), user, int64(day)); err != nil {
		return nil, fmt.Errorf("store: usage: %w", err)
	}
	var dec string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT used FROM usage WHERE user_addr = ? AND day = ?{forUpdate}`), user, int64(day)).Scan(&dec); err != nil {
		return nil, fmt.Errorf("store: usage: %w", err)
	}
	return parseAmount(dec)
}

func (s *DB) setUsageTx(ctx context.Context, tx *sql.Tx, user string, day uint64, v *uint256.Int) error {
	if _, err := tx.ExecContext(ctx, s.q(`UPDATE usage SET used = ? WHERE user_addr = ? AND day = ?`), v.Dec(), user, int64(day)); err != nil {
		return fmt.Errorf("store: usage: %w", err)
	}
	return nil
}

// Used returns the allowance used by user on day: reservations of open sessions plus billed amounts.
func (s *DB) Used(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	var dec string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT used FROM usage WHERE user_addr = ? AND day = ?`), hexAddr(user), int64(day)).Scan(&dec)
	if errors.Is(err, sql.ErrNoRows) {
		return new(uint256.Int), nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: usage: %w", err)
	}
	return parseAmount(dec)
}

// Close is how a session ends.
type Close struct {
	ID                common.Hash
	Reason            string
	Receipt           *eip712.UsageReceipt
	UserSignature     *eip712.Signature
	ProviderSignature *eip712.Signature
	BilledSeconds     uint32
	ClosedAt          uint64
	Flags             []string
	Held              bool
}

// CloseSession closes an open session in one transaction: it records the receipt, trues the user's
// reservation up to the billed amount (billedSeconds × pricePerSecond) and, unless Held, gives the session
// its settlement-feed sequence number. Errors: ErrUnknownSession, ErrSessionClosed.
func (s *DB) CloseSession(ctx context.Context, c Close) (*Session, error) {
	var out *Session
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := s.sessionWhere(ctx, tx, "id = ?{forUpdate}", hexHash(c.ID))
		if err != nil {
			return err
		}
		if sess.State != StateOpen {
			return ErrSessionClosed
		}
		user := hexAddr(sess.Ticket.User)
		used, err := s.usageTx(ctx, tx, user, sess.Day)
		if err != nil {
			return err
		}
		billed := new(uint256.Int).Mul(uint256.NewInt(uint64(c.BilledSeconds)), &sess.Ticket.PricePerSecond)
		if used.Lt(sess.Reserved) {
			used.Clear() // never negative, whatever happened before
		} else {
			used.Sub(used, sess.Reserved)
		}
		used.Add(used, billed)
		if err := s.setUsageTx(ctx, tx, user, sess.Day, used); err != nil {
			return err
		}
		var seq sql.NullInt64
		if !c.Held {
			v, err := s.nextSeqTx(ctx, tx)
			if err != nil {
				return err
			}
			seq = sql.NullInt64{Int64: int64(v), Valid: true}
		}
		var receipt, usig, psig string
		var secs, in, outTok, ttft int64
		if c.Receipt != nil {
			b, _ := json.Marshal(c.Receipt)
			receipt = string(b)
			secs, in, outTok, ttft = int64(c.Receipt.Seconds), int64(c.Receipt.InputTokens), int64(c.Receipt.OutputTokens), int64(c.Receipt.TTFTMs)
		}
		if c.UserSignature != nil {
			usig = c.UserSignature.String()
		}
		if c.ProviderSignature != nil {
			psig = c.ProviderSignature.String()
		}
		_, err = tx.ExecContext(ctx, s.q(`UPDATE sessions SET state = ?, closed_at = ?, close_reason = ?, receipt = ?,
			user_sig = ?, provider_sig = ?, billed_seconds = ?, seconds = ?, input_tokens = ?, output_tokens = ?,
			ttft_ms = ?, flags = ?, held = ?, feed_seq = ? WHERE id = ?`),
			StateClosed, int64(c.ClosedAt), c.Reason, receipt, usig, psig, int64(c.BilledSeconds), secs, in, outTok, ttft,
			strings.Join(c.Flags, ","), boolInt(c.Held), seq, hexHash(c.ID))
		if err != nil {
			return fmt.Errorf("store: close session: %w", err)
		}
		out, err = s.sessionWhere(ctx, tx, "id = ?", hexHash(c.ID))
		return err
	})
	return out, err
}

// Clear releases a held (flagged) closed session into the settlement feed. Errors: ErrUnknownSession,
// ErrNotHeld.
func (s *DB) Clear(ctx context.Context, id common.Hash) (*Session, error) {
	var out *Session
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := s.sessionWhere(ctx, tx, "id = ?{forUpdate}", hexHash(id))
		if err != nil {
			return err
		}
		if !sess.Held || sess.State != StateClosed {
			return ErrNotHeld
		}
		seq, err := s.nextSeqTx(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q(`UPDATE sessions SET held = 0, feed_seq = ? WHERE id = ?`), int64(seq), hexHash(id)); err != nil {
			return fmt.Errorf("store: clear: %w", err)
		}
		out, err = s.sessionWhere(ctx, tx, "id = ?", hexHash(id))
		return err
	})
	return out, err
}

// Session returns one session. Errors: ErrUnknownSession.
func (s *DB) Session(ctx context.Context, id common.Hash) (*Session, error) {
	return s.sessionWhere(ctx, s.db, "id = ?", hexHash(id))
}

// SessionByDigest returns the session opened for an RFC digest. Errors: ErrUnknownSession.
func (s *DB) SessionByDigest(ctx context.Context, digest common.Hash) (*Session, error) {
	return s.sessionWhere(ctx, s.db, "rfc_digest = ?", hexHash(digest))
}

// DueForExpiry returns the ids of open sessions whose expiry is before now (at most limit).
func (s *DB) DueForExpiry(ctx context.Context, now uint64, limit int) ([]common.Hash, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id FROM sessions WHERE state = ? AND expires_at < ? ORDER BY expires_at LIMIT ?`),
		StateOpen, int64(now), limit)
	if err != nil {
		return nil, fmt.Errorf("store: due sessions: %w", err)
	}
	defer rows.Close()
	var ids []common.Hash
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: due sessions: %w", err)
		}
		ids = append(ids, common.HexToHash(id))
	}
	return ids, rows.Err()
}

// Feed returns up to limit settleable sessions with a feed sequence above after, in sequence order.
func (s *DB) Feed(ctx context.Context, after uint64, limit int) ([]*Session, error) {
	return s.sessionsWhere(ctx, "feed_seq > ? ORDER BY feed_seq LIMIT ?", int64(after), limit)
}

// ClosedSince returns sessions closed at or after since, oldest first (at most limit), for analytics.
func (s *DB) ClosedSince(ctx context.Context, since uint64, limit int) ([]*Session, error) {
	return s.sessionsWhere(ctx, "state = 'closed' AND closed_at >= ? ORDER BY closed_at, id LIMIT ?", int64(since), limit)
}

// HeldSessions returns flagged sessions waiting to be cleared.
func (s *DB) HeldSessions(ctx context.Context, limit int) ([]*Session, error) {
	return s.sessionsWhere(ctx, "held = 1 ORDER BY closed_at LIMIT ?", limit)
}

// OpenByProvider counts open sessions per provider (for capacity accounting after a restart).
func (s *DB) OpenByProvider(ctx context.Context) (map[common.Address]int, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT provider, COUNT(*) FROM sessions WHERE state = ? GROUP BY provider`), StateOpen)
	if err != nil {
		return nil, fmt.Errorf("store: open sessions: %w", err)
	}
	defer rows.Close()
	out := map[common.Address]int{}
	for rows.Next() {
		var p string
		var n int
		if err := rows.Scan(&p, &n); err != nil {
			return nil, fmt.Errorf("store: open sessions: %w", err)
		}
		out[common.HexToAddress(p)] = n
	}
	return out, rows.Err()
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
	err := s.db.QueryRowContext(ctx, s.q(`SELECT 1 FROM nonces WHERE user_addr = ? AND nonce = ?`), hexAddr(user), strconv.FormatUint(nonce, 10)).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: nonce: %w", err)
	}
	return true, nil
}

const sessionCols = `id, rfc_digest, user_addr, provider, model_id, price, max_seconds, not_after, expires_at, ticket_sig,
	router, endpoint, day, reserved, state, created_at, closed_at, close_reason, receipt, user_sig, provider_sig,
	billed_seconds, flags, held, feed_seq`

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type scanner interface{ Scan(dest ...any) error }

func (s *DB) sessionWhere(ctx context.Context, q querier, where string, args ...any) (*Session, error) {
	sess, err := scanSession(q.QueryRowContext(ctx, s.q("SELECT "+sessionCols+" FROM sessions WHERE "+where), args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrUnknownSession
	}
	return sess, err
}

func (s *DB) sessionsWhere(ctx context.Context, where string, args ...any) ([]*Session, error) {
	rows, err := s.db.QueryContext(ctx, s.q("SELECT "+sessionCols+" FROM sessions WHERE "+where), args...)
	if err != nil {
		return nil, fmt.Errorf("store: query sessions: %w", err)
	}
	defer rows.Close()
	var out []*Session
	for rows.Next() {
		sess, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sess)
	}
	return out, rows.Err()
}

func scanSession(r scanner) (*Session, error) {
	var (
		id, digest, user, provider, model, price, tsig, router, endpoint, reserved, state string
		reason, receipt, usig, psig, flags                                                string
		maxSecs, notAfter, expires, day, created, closed, billed, held                    int64
		seq                                                                               sql.NullInt64
	)
	err := r.Scan(&id, &digest, &user, &provider, &model, &price, &maxSecs, &notAfter, &expires, &tsig, &router, &endpoint,
		&day, &reserved, &state, &created, &closed, &reason, &receipt, &usig, &psig, &billed, &flags, &held, &seq)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, fmt.Errorf("store: scan session: %w", err)
	}
	p, err := parseAmount(price)
	if err != nil {
		return nil, err
	}
	res, err := parseAmount(reserved)
	if err != nil {
		return nil, err
	}
	sess := &Session{
		ID:        common.HexToHash(id),
		RFCDigest: common.HexToHash(digest),
		Ticket: eip712.SessionTicket{
			SessionID: common.HexToHash(id), User: common.HexToAddress(user), Provider: common.HexToAddress(provider),
			ModelID: common.HexToHash(model), PricePerSecond: *p, MaxSeconds: uint32(maxSecs), NotAfter: uint64(notAfter),
		},
		Router: common.HexToAddress(router), Endpoint: endpoint, Day: uint64(day), Reserved: res, State: state,
		CreatedAt: uint64(created), ExpiresAt: uint64(expires), ClosedAt: uint64(closed), CloseReason: reason,
		BilledSeconds: uint32(billed), Held: held != 0,
	}
	if err := sess.TicketSignature.UnmarshalText([]byte(tsig)); err != nil {
		return nil, fmt.Errorf("store: ticket signature: %w", err)
	}
	if receipt != "" {
		sess.Receipt = new(eip712.UsageReceipt)
		if err := json.Unmarshal([]byte(receipt), sess.Receipt); err != nil {
			return nil, fmt.Errorf("store: receipt: %w", err)
		}
	}
	if sess.UserSignature, err = optSig(usig); err != nil {
		return nil, err
	}
	if sess.ProviderSignature, err = optSig(psig); err != nil {
		return nil, err
	}
	if flags != "" {
		sess.Flags = strings.Split(flags, ",")
	}
	if seq.Valid {
		sess.FeedSeq = uint64(seq.Int64)
	}
	return sess, nil
}

func optSig(s string) (*eip712.Signature, error) {
	if s == "" {
		return nil, nil
	}
	var sig eip712.Signature
	if err := sig.UnmarshalText([]byte(s)); err != nil {
		return nil, fmt.Errorf("store: signature: %w", err)
	}
	return &sig, nil
}

func parseAmount(dec string) (*uint256.Int, error) {
	v, err := uint256.FromDecimal(dec)
	if err != nil {
		return nil, fmt.Errorf("store: amount %q: %w", dec, err)
	}
	return v, nil
}

func hexAddr(a common.Address) string { return strings.ToLower(a.Hex()) }
func hexHash(h common.Hash) string    { return h.Hex() }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
