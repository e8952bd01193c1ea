package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
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
	RFC             eip712.SignedRFC // the user's signed RFC: the settlement record carries it (PROTOCOL §8 v2)
	Ticket          eip712.SessionTicket
	TicketSignature eip712.Signature
	Router          common.Address
	Endpoint        string
	Day             uint64       // protocol day whose allowance the session spends
	Reserved        *uint256.Int // pricePerSecond × maxSeconds, held from the allowance while open
	DepositReserved *uint256.Int // the part of Reserved the user's deposit covers (paid usage; zero: none)
	DepositGen      uint64       // the deposit_usage period it charges (DepositLimit.Gen)
	State           string
	CreatedAt       uint64
	ExpiresAt       uint64 // closed as expired by the router after this

	ClosedAt          uint64
	CloseReason       string // wire.CloseReceipt, CloseOneSided, CloseExpired
	Receipt           *eip712.UsageReceipt
	UserSignature     *eip712.Signature
	ProviderSignature *eip712.Signature
	BilledSeconds     uint32
	LastRequest       *wire.SignedRequest // v2: a provider's one-sided close carries the newest request the session key signed
	TicketAcceptance  *eip712.Signature   // the provider's acceptance of the ticket (settle.AcceptanceDigest), when its close carried one
	CloseSignature    *eip712.Signature   // this router's signature of the close (settle.CloseDigest), when its ticket's key signed it
	Flags             []string
	Held              bool   // flagged: out of the settlement feed until cleared
	FeedSeq           uint64 // 0 until the session is in the settlement feed

	Reopened bool // set by CloseSession (not stored): this close replaced the router's expiry of the session
}

// TakesClose reports whether a close may still end the session: it is open, or the router expired it. An
// expiry (at ExpiresAt, long before settle.LastClose) releases the user's reservation early; it does not take
// the parties' close window away, so a close arriving by LastClose (a provider's report delayed by a router
// outage) still replaces it (CloseSession) while the allowance it released covers it (Reopen). A session
// closed by a close takes no other.
func (sess *Session) TakesClose() bool {
	return sess.State == StateOpen || sess.CloseReason == wire.CloseExpired
}

// NewSession is what CreateSession needs besides the session itself.
type NewSession struct {
	Session   *Session
	Nonce     uint64
	Deadline  uint64        // the RFC deadline: the nonce is kept at least until then
	Allowance *uint256.Int  // the user's allowance for Session.Day
	Deposit   *DepositLimit // non-nil: what the allowance does not cover may be charged to the deposit
}

// CreateSession records a matched RFC in one transaction: it consumes the nonce, inserts the session and
// reserves Session.Reserved of the user's allowance for the day. If a session for the same RFC digest
// exists (a retried RFC, even one racing the first attempt) it returns that session and created=false,
// changing nothing. With n.Deposit, what the allowance left does not cover is reserved from the deposit
// (Session.DepositReserved). Errors: ErrNonceReused, ErrAllowanceExhausted, ErrDepositExhausted.
//
// The transaction needs no look-up first: the nonce insert finds a conflict for every RFC seen before (on
// PostgreSQL it waits for a concurrent insert of the same nonce to commit or roll back), and only then is
// the digest looked up. The user's usage row, the one row concurrent RFCs contend for, is locked last.
func (s *DB) CreateSession(ctx context.Context, n NewSession) (sess *Session, created bool, err error) {
	if s.creates == nil {
		r := &createReq{ctx: ctx, n: n}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			_, _, err := s.createGroupTx(ctx, tx, []*createReq{r})
			return err
		})
		if err == nil {
			err = r.err
		}
		sess, created = r.sess, r.created
	} else {
		sess, created, err = s.groupCreate(ctx, n)
	}
	if errors.Is(err, errSessionExists) {
		sess, created, err = nil, false, nil
		sess, err = s.sessionWhere(ctx, nil, whereDigest, hexHash(n.Session.RFCDigest))
	}
	if err != nil {
		return nil, false, err
	}
	return sess, created, nil
}

// errSessionExists rolls back a CreateSession that found its digest's session already recorded.
var errSessionExists = errors.New("store: session exists")

const (
	qInsertNonce = `INSERT INTO nonces (user_addr, nonce, deadline) VALUES (?, ?, ?)
		ON CONFLICT (user_addr, nonce) DO NOTHING`
	qInsertSession = `INSERT INTO sessions (id, rfc_digest, user_addr, provider, model_id, price,
		max_seconds, not_after, expires_at, ticket_sig, router, endpoint, day, reserved, state, created_at, rfc)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`
	qCloseSession = `UPDATE sessions SET state = ?, closed_at = ?, close_reason = ?, receipt = ?,
		user_sig = ?, provider_sig = ?, billed_seconds = ?, seconds = ?, input_tokens = ?, output_tokens = ?,
		ttft_ms = ?, flags = ?, held = ?, feed_seq = ?, last_request = ?, ticket_acceptance = ?, close_signature = ? WHERE id = ?`
	qClear         = `UPDATE sessions SET held = 0, feed_seq = ? WHERE id = ?`
	qSessionWhere  = "SELECT " + sessionCols + " FROM sessions WHERE "
	qNextSeq       = `UPDATE meta SET value = value + 1 WHERE name = 'feed_seq' RETURNING value`
	qDeleteNonce   = `DELETE FROM nonces WHERE user_addr = ? AND nonce = ?`
	qDeleteSession = `DELETE FROM sessions WHERE id = ?`
	whereID        = "id = ?"
	whereDigest    = "rfc_digest = ?"
	whereIDForUpd  = "id = ?{forUpdate}"
	qUsageForUpd   = `SELECT used FROM usage WHERE user_addr = ? AND day = ?{forUpdate}`
	qUsage         = `SELECT used FROM usage WHERE user_addr = ? AND day = ?`
	qSetUsage      = `UPDATE usage SET used = ? WHERE user_addr = ? AND day = ?`
	qInsertUsage0  = `INSERT INTO usage (user_addr, day, used) VALUES (?, ?, '0') ON CONFLICT (user_addr, day) DO NOTHING`
	qRFCSeen       = `SELECT EXISTS (SELECT 1 FROM sessions WHERE rfc_digest = ?), EXISTS (SELECT 1 FROM nonces WHERE user_addr = ? AND nonce = ?),
		(SELECT used FROM usage WHERE user_addr = ? AND day = ?)`
	qNonceUsed     = `SELECT 1 FROM nonces WHERE user_addr = ? AND nonce = ?`
	qDueForExpiry  = `SELECT id FROM sessions WHERE state = ? AND expires_at < ? AND NOT EXISTS (SELECT 1 FROM pending_closes WHERE session_id = sessions.id) ORDER BY expires_at LIMIT ?`
	qOpenProviders = `SELECT provider, COUNT(*) FROM sessions WHERE state = ? GROUP BY provider`
)

// txQueries are the statements transactions run, prepared on the writer pool when the store opens.
var txQueries = []string{qDeleteNonce, qDeleteSession, qInsertNonce, qInsertSession, qCloseSession, qClear, qNextSeq, seedFeedSeq,
	qSessionWhere + whereDigest, qSessionWhere + whereIDForUpd, qUsageForUpd, qSetUsage, qInsertUsage0,
	qDepositUsageForUpd, qInsertDepositUsage, qSetDepositUsage, qSetSessionDeposit,
	qPendingDigest, qPendingCount, qInsertPending, qDropPending, qDropPendingAll}

// Close is how a session ends.
type Close struct {
	ID                common.Hash
	Reason            string
	Receipt           *eip712.UsageReceipt
	UserSignature     *eip712.Signature
	ProviderSignature *eip712.Signature
	LastRequest       *wire.SignedRequest
	TicketAcceptance  *eip712.Signature
	CloseSignature    *eip712.Signature // the ticket's signer's signature of this close (settle.CloseDigest), nil: none
	BilledSeconds     uint32
	ClosedAt          uint64
	Flags             []string
	Held              bool
	Reopen            *Reopen // the limits of a close replacing the router's expiry (nil: none is taken)
}

// Reopen is what a close replacing the router's expiry of a session is checked against (CloseSession). The
// expiry released the session's reservation, and new sessions of the user may have reserved that credit
// since: a close taken anyway would have the router admit more than the user's allowance, and keepers, which
// credit a user-day's sessions in closedAt order up to the allowance, would leave a later session's honest
// provider unpaid. So the close is taken only when what it bills still fits: within the allowance of the
// session's day, which must be the day of the close (keepers charge a session to the day it closes on), and
// only for a session the allowance alone paid (a deposit-paid one must end within the deposit window the
// router admitted it by, api's DepositWindow).
type Reopen struct {
	Day       uint64       // the protocol day at the close
	Allowance *uint256.Int // the user's allowance of the session's day
}

// Errors of a close of a session the router expired.
var (
	ErrExpired       = errors.New("store: session expired by the router")
	ErrReopenRefused = errors.New("store: session expired by the router, and its user's allowance no longer covers the close")
)

// check refuses the close of expired session sess, closed, that brings its user's usage of sess.Day to used.
func (r *Reopen) check(sess *Session, used *uint256.Int) error {
	switch {
	case !sess.DepositReserved.IsZero():
		return fmt.Errorf("%w: it was paid from the deposit", ErrReopenRefused)
	case r.Day != sess.Day:
		return fmt.Errorf("%w: it would close on day %d, not its day %d", ErrReopenRefused, r.Day, sess.Day)
	case r.Allowance == nil || used.Gt(r.Allowance):
		return fmt.Errorf("%w: day %d's usage would be %s of an allowance of %v", ErrReopenRefused, sess.Day, used.Dec(), r.Allowance)
	}
	return nil
}

// CloseSession closes an open session in one transaction: it records the receipt, trues the user's
// reservation up to the billed amount (billedSeconds × pricePerSecond), unless Held gives the session its
// settlement-feed sequence number, and deletes the session's pending closes (ParkClose): a session has one
// close. A close (not an expiry) may also end a session the router expired (Session.TakesClose), within the
// limits c.Reopen gives (Reopen.check: the expiry released the reservation, which new sessions may have
// taken since): it replaces the expiry, charging what it bills, and enters the feed anew, where keepers take
// it over the expired copy; the result's Reopened says so. The caller dates the close within
// settle.LastClose. Errors: ErrUnknownSession, ErrSessionClosed, ErrExpired (the session expired and
// c.Reopen is nil), ErrReopenRefused.
func (s *DB) CloseSession(ctx context.Context, c Close) (*Session, error) {
	var (
		out     *Session
		usedKey usageKey
		usedNow *uint256.Int
	)
	defer s.lockCaches()()
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := s.sessionWhere(ctx, tx, whereIDForUpd, hexHash(c.ID))
		if err != nil {
			return err
		}
		if !sess.TakesClose() || (sess.State != StateOpen && c.Reason == wire.CloseExpired) {
			return ErrSessionClosed
		}
		sess.Reopened = sess.State != StateOpen
		if sess.Reopened && c.Reopen == nil {
			return ErrExpired
		}
		user := hexAddr(sess.Ticket.User)
		used, err := s.usageTx(ctx, tx, user, sess.Day)
		if err != nil {
			return err
		}
		usedKey, usedNow = usageKey{user, sess.Day}, used
		reservedAllowance, _ := sess.ReservedSplit()
		if sess.Reopened {
			reservedAllowance = new(uint256.Int) // the expiry released it
		}
		sess.State, sess.BilledSeconds = StateClosed, c.BilledSeconds
		billedAllowance, billedDeposit := sess.Split() // the allowance's part first
		if used.Lt(reservedAllowance) {
			used.Clear() // never negative, whatever happened before
		} else {
			used.Sub(used, reservedAllowance)
		}
		used.Add(used, billedAllowance)
		if sess.Reopened {
			if err := c.Reopen.check(sess, used); err != nil {
				return err
			}
		}
		if err := s.setUsageTx(ctx, tx, user, sess.Day, used); err != nil {
			return err
		}
		if !sess.DepositReserved.IsZero() {
			if err := s.trueUpDepositTx(ctx, tx, sess, billedDeposit); err != nil {
				return err
			}
		}
		var seq sql.NullInt64
		if !c.Held {
			v, err := s.nextSeqTx(ctx, tx)
			if err != nil {
				return err
			}
			seq = sql.NullInt64{Int64: int64(v), Valid: true}
		}
		var receipt, usig, psig, accept, closeSig string
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
		if c.TicketAcceptance != nil {
			accept = c.TicketAcceptance.String()
		}
		if c.CloseSignature != nil {
			closeSig = c.CloseSignature.String()
		}
		flags := strings.Join(c.Flags, ",")
		var last string
		if c.LastRequest != nil {
			b, _ := json.Marshal(c.LastRequest)
			last = string(b)
		}
		_, err = s.exec(ctx, tx, qCloseSession,
			StateClosed, int64(c.ClosedAt), c.Reason, receipt, usig, psig, int64(c.BilledSeconds), secs, in, outTok, ttft,
			flags, boolInt(c.Held), seq, last, accept, closeSig, hexHash(c.ID))
		if err != nil {
			return fmt.Errorf("store: close session: %w", err)
		}
		if _, err := s.exec(ctx, tx, qDropPendingAll, hexHash(c.ID)); err != nil {
			return fmt.Errorf("store: close session: pending closes: %w", err)
		}
		// The row as written, without reading it back (as scanSession would decode it).
		sess.State, sess.ClosedAt, sess.CloseReason, sess.BilledSeconds, sess.Held = StateClosed, c.ClosedAt, c.Reason, c.BilledSeconds, c.Held
		sess.Receipt, sess.UserSignature, sess.ProviderSignature, sess.Flags, sess.FeedSeq = nil, nil, nil, nil, 0
		if c.Receipt != nil {
			r := *c.Receipt
			sess.Receipt = &r
		}
		if c.UserSignature != nil {
			sig := *c.UserSignature
			sess.UserSignature = &sig
		}
		if c.ProviderSignature != nil {
			sig := *c.ProviderSignature
			sess.ProviderSignature = &sig
		}
		if c.LastRequest != nil {
			lr := *c.LastRequest
			sess.LastRequest = &lr
		}
		sess.TicketAcceptance = nil
		if c.TicketAcceptance != nil {
			sig := *c.TicketAcceptance
			sess.TicketAcceptance = &sig
		}
		sess.CloseSignature = nil
		if c.CloseSignature != nil {
			sig := *c.CloseSignature
			sess.CloseSignature = &sig
		}
		if flags != "" {
			sess.Flags = strings.Split(flags, ",")
		}
		if seq.Valid {
			sess.FeedSeq = uint64(seq.Int64)
		}
		out = sess
		return nil
	})
	if err == nil && s.nonces != nil {
		s.usage.set([]usageKey{usedKey}, map[usageKey]*uint256.Int{usedKey: usedNow})
	}
	return out, err
}

// Clear releases a held (flagged) closed session into the settlement feed. Errors: ErrUnknownSession,
// ErrNotHeld.
func (s *DB) Clear(ctx context.Context, id common.Hash) (*Session, error) {
	var out *Session
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		sess, err := s.sessionWhere(ctx, tx, whereIDForUpd, hexHash(id))
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
		if _, err := s.exec(ctx, tx, qClear, int64(seq), hexHash(id)); err != nil {
			return fmt.Errorf("store: clear: %w", err)
		}
		sess.Held, sess.FeedSeq = false, seq
		out = sess
		return nil
	})
	return out, err
}

// Session returns one session. Errors: ErrUnknownSession.
func (s *DB) Session(ctx context.Context, id common.Hash) (*Session, error) {
	return s.sessionWhere(ctx, nil, whereID, hexHash(id))
}

// SessionByDigest returns the session opened for an RFC digest. Errors: ErrUnknownSession.
func (s *DB) SessionByDigest(ctx context.Context, digest common.Hash) (*Session, error) {
	return s.sessionWhere(ctx, nil, whereDigest, hexHash(digest))
}

// DueForExpiry returns the ids of open sessions whose expiry is before now (at most limit), but for those
// keeping pending closes (ParkClose): a close that arrived in time is judged before the session expires.
func (s *DB) DueForExpiry(ctx context.Context, now uint64, limit int) ([]common.Hash, error) {
	rows, err := s.rows(ctx, qDueForExpiry, StateOpen, int64(now), limit)
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
	rows, err := s.rows(ctx, qOpenProviders, StateOpen)
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
