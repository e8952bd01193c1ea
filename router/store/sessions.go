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

// CreateSession records a matched RFC in one transaction: it consumes the nonce, inserts the session and
// reserves Session.Reserved of the user's allowance for the day. If a session for the same RFC digest
// exists (a retried RFC, even one racing the first attempt) it returns that session and created=false,
// changing nothing. Errors: ErrNonceReused, ErrAllowanceExhausted.
//
// The transaction needs no look-up first: the nonce insert finds a conflict for every RFC seen before (on
// PostgreSQL it waits for a concurrent insert of the same nonce to commit or roll back), and only then is
// the digest looked up. The user's usage row, the one row concurrent RFCs contend for, is locked last.
func (s *DB) CreateSession(ctx context.Context, n NewSession) (sess *Session, created bool, err error) {
	if s.creates == nil {
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			sess, created, err = s.createTx(ctx, tx, n)
			return err
		})
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

// createTx is CreateSession's work inside tx.
func (s *DB) createTx(ctx context.Context, tx *sql.Tx, n NewSession) (*Session, bool, error) {
	ns := n.Session
	user := hexAddr(ns.Ticket.User)
	digest := hexHash(ns.RFCDigest)
	res, err := s.exec(ctx, tx, qInsertNonce, user, strconv.FormatUint(n.Nonce, 10), int64(n.Deadline))
	if err != nil {
		return nil, false, fmt.Errorf("store: insert nonce: %w", err)
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, false, fmt.Errorf("store: insert nonce: %w", err)
	} else if k == 0 {
		// Used already: by this very RFC (its session committed with the nonce, so it is visible now)
		// or by another RFC.
		prev, err := s.sessionWhere(ctx, tx, whereDigest, digest)
		if errors.Is(err, ErrUnknownSession) {
			return nil, false, ErrNonceReused
		}
		return prev, false, err
	}
	t := &ns.Ticket
	res, err = s.exec(ctx, tx, qInsertSession,
		hexHash(ns.ID), digest, user, hexAddr(t.Provider), hexHash(t.ModelID), t.PricePerSecond.Dec(),
		int64(t.MaxSeconds), int64(t.NotAfter), int64(ns.ExpiresAt), ns.TicketSignature.String(), hexAddr(ns.Router),
		ns.Endpoint, int64(ns.Day), ns.Reserved.Dec(), StateOpen, int64(ns.CreatedAt), signedRFCText(&ns.RFC))
	if err != nil {
		return nil, false, fmt.Errorf("store: insert session: %w", err)
	}
	if k, err := res.RowsAffected(); err != nil {
		return nil, false, fmt.Errorf("store: insert session: %w", err)
	} else if k == 0 {
		// The digest's session exists although its nonce did not (pruned after the RFC's deadline):
		// undo the nonce and answer with that session.
		return nil, false, errSessionExists
	}
	used, err := s.usageTx(ctx, tx, user, ns.Day)
	if err != nil {
		return nil, false, err
	}
	after, overflow := new(uint256.Int).AddOverflow(used, ns.Reserved)
	if overflow || n.Allowance == nil || after.Gt(n.Allowance) {
		return nil, false, ErrAllowanceExhausted
	}
	if err := s.setUsageTx(ctx, tx, user, ns.Day, after); err != nil {
		return nil, false, err
	}
	cp := *ns
	cp.State = StateOpen
	return &cp, true, nil
}

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
		ttft_ms = ?, flags = ?, held = ?, feed_seq = ?, last_request = ? WHERE id = ?`
	qClear         = `UPDATE sessions SET held = 0, feed_seq = ? WHERE id = ?`
	qSessionWhere  = "SELECT " + sessionCols + " FROM sessions WHERE "
	qNextSeq       = `UPDATE meta SET value = value + 1 WHERE name = 'feed_seq' RETURNING value`
	qSavepoint     = `SAVEPOINT create_session`
	qRollbackTo    = `ROLLBACK TO create_session`
	qRelease       = `RELEASE create_session`
	whereID        = "id = ?"
	whereDigest    = "rfc_digest = ?"
	whereIDForUpd  = "id = ?{forUpdate}"
	qUsageForUpd   = `SELECT used FROM usage WHERE user_addr = ? AND day = ?{forUpdate}`
	qUsage         = `SELECT used FROM usage WHERE user_addr = ? AND day = ?`
	qSetUsage      = `UPDATE usage SET used = ? WHERE user_addr = ? AND day = ?`
	qInsertUsage0  = `INSERT INTO usage (user_addr, day, used) VALUES (?, ?, '0') ON CONFLICT (user_addr, day) DO NOTHING`
	qRFCSeen       = `SELECT EXISTS (SELECT 1 FROM sessions WHERE rfc_digest = ?), EXISTS (SELECT 1 FROM nonces WHERE user_addr = ? AND nonce = ?)`
	qNonceUsed     = `SELECT 1 FROM nonces WHERE user_addr = ? AND nonce = ?`
	qDueForExpiry  = `SELECT id FROM sessions WHERE state = ? AND expires_at < ? ORDER BY expires_at LIMIT ?`
	qOpenProviders = `SELECT provider, COUNT(*) FROM sessions WHERE state = ? GROUP BY provider`
)

// txQueries are the statements transactions run, prepared on the writer pool when the store opens.
var txQueries = []string{qSavepoint, qRollbackTo, qRelease, qInsertNonce, qInsertSession, qCloseSession, qClear, qNextSeq, seedFeedSeq,
	qSessionWhere + whereDigest, qSessionWhere + whereIDForUpd, qUsageForUpd, qSetUsage, qInsertUsage0}

// usageTx reads and locks (PostgreSQL: FOR UPDATE; SQLite: the single writer) the user's usage row for
// day, creating it at zero the first time.
func (s *DB) usageTx(ctx context.Context, tx *sql.Tx, user string, day uint64) (*uint256.Int, error) {
	var dec string
	err := s.row(ctx, tx, qUsageForUpd, user, int64(day)).Scan(&dec)
	if errors.Is(err, sql.ErrNoRows) {
		// First use of the day. A concurrent first insert makes this one wait for it (PostgreSQL) and do
		// nothing; the read after sees and locks the committed row.
		if _, err := s.exec(ctx, tx, qInsertUsage0, user, int64(day)); err != nil {
			return nil, fmt.Errorf("store: usage: %w", err)
		}
		err = s.row(ctx, tx, qUsageForUpd, user, int64(day)).Scan(&dec)
	}
	if err != nil {
		return nil, fmt.Errorf("store: usage: %w", err)
	}
	return parseAmount(dec)
}

func (s *DB) setUsageTx(ctx context.Context, tx *sql.Tx, user string, day uint64, v *uint256.Int) error {
	if _, err := s.exec(ctx, tx, qSetUsage, v.Dec(), user, int64(day)); err != nil {
		return fmt.Errorf("store: usage: %w", err)
	}
	return nil
}

// Used returns the allowance used by user on day: reservations of open sessions plus billed amounts.
func (s *DB) Used(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	var dec string
	err := s.row(ctx, nil, qUsage, hexAddr(user), int64(day)).Scan(&dec)
	if errors.Is(err, sql.ErrNoRows) {
		return new(uint256.Int), nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: usage: %w", err)
	}
	return parseAmount(dec)
}

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
	sess, err := s.SessionByDigest(ctx, digest) // sessions are never deleted
	if err != nil {
		return nil, false, err
	}
	return sess, false, nil
}

// Close is how a session ends.
type Close struct {
	ID                common.Hash
	Reason            string
	Receipt           *eip712.UsageReceipt
	UserSignature     *eip712.Signature
	ProviderSignature *eip712.Signature
	LastRequest       *wire.SignedRequest
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
		sess, err := s.sessionWhere(ctx, tx, whereIDForUpd, hexHash(c.ID))
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
		flags := strings.Join(c.Flags, ",")
		var last string
		if c.LastRequest != nil {
			b, _ := json.Marshal(c.LastRequest)
			last = string(b)
		}
		_, err = s.exec(ctx, tx, qCloseSession,
			StateClosed, int64(c.ClosedAt), c.Reason, receipt, usig, psig, int64(c.BilledSeconds), secs, in, outTok, ttft,
			flags, boolInt(c.Held), seq, last, hexHash(c.ID))
		if err != nil {
			return fmt.Errorf("store: close session: %w", err)
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
		if flags != "" {
			sess.Flags = strings.Split(flags, ",")
		}
		if seq.Valid {
			sess.FeedSeq = uint64(seq.Int64)
		}
		out = sess
		return nil
	})
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

// DueForExpiry returns the ids of open sessions whose expiry is before now (at most limit).
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

const sessionCols = `id, rfc_digest, user_addr, provider, model_id, price, max_seconds, not_after, expires_at, ticket_sig,
	router, endpoint, day, reserved, state, created_at, closed_at, close_reason, receipt, user_sig, provider_sig,
	billed_seconds, flags, held, feed_seq, rfc, last_request`

type scanner interface{ Scan(dest ...any) error }

// sessionWhere reads one session in tx, or from the read pool when tx is nil.
func (s *DB) sessionWhere(ctx context.Context, tx *sql.Tx, where string, args ...any) (*Session, error) {
	sess, err := scanSession(s.row(ctx, tx, qSessionWhere+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrUnknownSession
	}
	return sess, err
}

func (s *DB) sessionsWhere(ctx context.Context, where string, args ...any) ([]*Session, error) {
	rows, err := s.rows(ctx, qSessionWhere+where, args...)
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
		reason, receipt, usig, psig, flags, rfc, last                                     string
		maxSecs, notAfter, expires, day, created, closed, billed, held                    int64
		seq                                                                               sql.NullInt64
	)
	err := r.Scan(&id, &digest, &user, &provider, &model, &price, &maxSecs, &notAfter, &expires, &tsig, &router, &endpoint,
		&day, &reserved, &state, &created, &closed, &reason, &receipt, &usig, &psig, &billed, &flags, &held, &seq, &rfc, &last)
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
	if rfc != "" { // empty only in rows written before protocol v2
		if err := json.Unmarshal([]byte(rfc), &sess.RFC); err != nil {
			return nil, fmt.Errorf("store: rfc: %w", err)
		}
		// The ticket's v2 fields are the RFC's (the router copies them when it issues the ticket).
		sess.Ticket.SessionKey, sess.Ticket.UseDeposit = sess.RFC.RFC.SessionKey, sess.RFC.RFC.UseDeposit
	}
	if receipt != "" {
		sess.Receipt = new(eip712.UsageReceipt)
		if err := json.Unmarshal([]byte(receipt), sess.Receipt); err != nil {
			return nil, fmt.Errorf("store: receipt: %w", err)
		}
	}
	if last != "" {
		sess.LastRequest = new(wire.SignedRequest)
		if err := json.Unmarshal([]byte(last), sess.LastRequest); err != nil {
			return nil, fmt.Errorf("store: last request: %w", err)
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

// signedRFCText is the stored form of a signed RFC: its canonical JSON envelope.
func signedRFCText(r *eip712.SignedRFC) string {
	b, _ := r.MarshalJSON() // never fails
	return string(b)
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
