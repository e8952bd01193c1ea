package api

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/analytics"
	"github.com/laketravis/laketravis/router/store"
)

// maxCloseBody bounds POST /v1/sessions/{id}/close.
const maxCloseBody = 4096

// record is the wire form of a stored session: GET /v1/sessions/{id}, the close answer and, with its
// cursor, a settlement-feed entry (with the user's signed RFC, PROTOCOL §8 v2).
func record(s *store.Session) wire.SessionRecord {
	r := wire.SessionRecord{SessionID: s.ID, State: s.State, Ticket: s.Ticket, TicketSignature: s.TicketSignature, Router: s.Router,
		Endpoint: s.Endpoint, CreatedAt: s.CreatedAt, ExpiresAt: s.ExpiresAt, ClosedAt: s.ClosedAt, CloseReason: s.CloseReason,
		Receipt: s.Receipt, UserSignature: s.UserSignature, ProviderSignature: s.ProviderSignature, LastRequest: s.LastRequest,
		TicketAcceptance: s.TicketAcceptance, CloseSignature: s.CloseSignature, BilledSeconds: s.BilledSeconds, Flags: s.Flags, Held: s.Held}
	if s.RFC.RFC.User != (common.Address{}) { // empty only in rows written before protocol v2
		rfc, sig := s.RFC.RFC, s.RFC.Signature
		r.RFC, r.RFCSignature = &rfc, &sig
	}
	if s.FeedSeq > 0 {
		r.Cursor = strconv.FormatUint(s.FeedSeq, 10)
	}
	if s.Reserved != nil {
		r.Payment = payment(s)
	}
	return r
}

// DecodeClose strictly decodes a close body (unknown fields, trailing data and malformed messages are
// rejected); errors are *wire.Error.
func DecodeClose(body []byte) (*wire.CloseRequest, error) {
	if len(body) > maxCloseBody {
		return nil, wire.Errorf(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "body over %d bytes", maxCloseBody)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	var req wire.CloseRequest
	if err := dec.Decode(&req); err != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: %v", err)
	}
	if dec.More() {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: trailing data")
	}
	if req.UserSignature == nil && req.ProviderSignature == nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close needs userSignature and/or providerSignature")
	}
	return &req, nil
}

func parseID(r *http.Request) (common.Hash, error) {
	raw := r.PathValue("id")
	var id common.Hash
	if err := id.UnmarshalText([]byte(raw)); err != nil || len(raw) != 66 {
		return id, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "session id must be 0x and 64 hex digits")
	}
	return id, nil
}

func (s *Server) handleClose(w http.ResponseWriter, r *http.Request) error {
	id, err := parseID(r)
	if err != nil {
		return err
	}
	body, err := readBody(r, maxCloseBody)
	if err != nil {
		return err
	}
	req, err := DecodeClose(body)
	if err != nil {
		return err
	}
	if req.Receipt.SessionID != id {
		return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "receipt is for session %s", req.Receipt.SessionID)
	}
	ctx := r.Context()
	sess, err := s.store.Session(ctx, id)
	if errors.Is(err, store.ErrUnknownSession) {
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session %s", id)
	} else if err != nil {
		return err
	}
	if !sess.TakesClose() {
		return wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session %s is closed (%s)", id, sess.CloseReason)
	}
	closed, err := s.closeOrPend(ctx, sess, req, uint64(s.cfg.Now().Unix()))
	if err != nil {
		return err
	}
	wire.WriteJSON(w, http.StatusOK, record(closed))
	return nil
}

// maxPending bounds the closes a session keeps pending (store.ParkClose): each is a body of at most
// maxCloseBody that passed every check the router could make when it arrived (the user's signature and the
// book's view of the provider's keys), so only the session's user and provider, or one replaying their
// signatures, can make one; a retry of a kept close takes no second place.
const maxPending = 4

// checkProviderKeys' answers for a close that can be judged neither way yet, which is kept pending
// (closeOrPend): errHeadUnread, the chain's head, which the close needs, cannot be read; errUnconfirmed, the
// head takes the close's provider keys but the router's book has not confirmed the signer events it takes
// them by (a rotation within --confirmations).
var (
	errAllowanceUnread = errors.New("the user's allowance cannot be read")
	errHeadUnread      = errors.New("the chain's head cannot be read")
	errUnconfirmed     = errors.New("the router's book has not confirmed the provider's signer the chain's head shows")
)

// undecided reports whether err is errHeadUnread or errUnconfirmed.
func undecided(err error) bool {
	return errors.Is(err, errHeadUnread) || errors.Is(err, errUnconfirmed)
}

// closeOrPend takes req, a close of open session sess that arrives at now, as keepers will judge it, or
// keeps it pending when it cannot be judged yet, and answers the close as the router answers it.
//
// A close is dated when it arrives (closedAt = now), and one arriving after settle.LastClose is refused
// (expired). One whose provider keys checkProviderKeys cannot judge yet (the chain's head unread, or a
// signer rotation the head shows and the book has not confirmed) is kept in the store (store.ParkClose)
// with its arrival time and answered 503 unavailable "try again", as an unread head was before: it is
// judged again, by the same rule and as of that arrival time, by the closer's next attempt (recognised: the
// same close takes no second place and keeps its first arrival time, even past LastClose) and by Run in
// the background, so neither a chain node down past LastClose nor the confirmation lag turns a close that
// arrived in time into an expired one. A session's pending closes are judged
// in arrival order before any close arriving after them, and the first that passes closes the session
// (a close arriving meanwhile waits behind them, kept too); one that fails is dropped.
func (s *Server) closeOrPend(ctx context.Context, sess *store.Session, req *wire.CloseRequest, now uint64) (*store.Session, error) {
	body, err := json.Marshal(req) // canonical: a retry with other spacing is the same close
	if err != nil {
		return nil, err
	}
	digest := crypto.Keccak256Hash(body)
	mu := s.pendingLock(sess.ID)
	mu.Lock()
	defer mu.Unlock()
	pending, err := s.store.PendingCloses(ctx, sess.ID)
	if err != nil {
		return nil, err
	}
	closedAt, retry := now, false
	for _, p := range pending {
		if p.Digest == digest {
			closedAt, retry = p.ClosedAt, true
		}
	}
	if !retry && closedAt > settle.LastClose(sess.Ticket.NotAfter) {
		return nil, wire.Errorf(http.StatusConflict, wire.CodeExpired, "session %s expired at %d: too late to close (keepers credit closes up to %d s after notAfter)",
			sess.ID, sess.Ticket.NotAfter, settle.CloseWindow)
	}
	if len(pending) > 0 {
		j, err := s.judgePending(ctx, sess, pending)
		switch {
		case err != nil:
			return nil, err
		case j.closed != nil && j.winner == digest:
			return j.closed, nil
		case j.closed != nil:
			return nil, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session %s is closed (%s)", sess.ID, j.closed.CloseReason)
		case retry && j.refused[digest] != nil:
			return nil, j.refused[digest]
		case retry:
			return nil, pendingAnswer(sess, closedAt, j.why)
		case j.left > 0:
			// Kept behind the closes that arrived first, whether or not it could be judged now.
			if _, err := s.judge(ctx, sess, req, closedAt, false); err != nil && !undecided(err) {
				return nil, err
			}
			return nil, s.pend(ctx, sess, body, closedAt, j.why)
		}
	}
	c, err := s.judge(ctx, sess, req, closedAt, false)
	if undecided(err) {
		s.log.Warn("close: provider's keys cannot be judged yet", zap.Stringer("session", sess.ID), zap.Error(err))
		return nil, s.pend(ctx, sess, body, closedAt, err)
	} else if err != nil {
		return nil, err
	}
	closed, err := s.commit(ctx, sess, req, c)
	if errors.Is(err, errAllowanceUnread) { // after the router's expiry: kept, as of its arrival
		s.log.Warn("close after the expiry: the user's allowance cannot be read yet", zap.Stringer("session", sess.ID), zap.Error(err))
		return nil, s.pend(ctx, sess, body, closedAt, errAllowanceUnread)
	}
	return closed, err
}

// pendingAnswer is the answer to a close kept pending, undecided for why (errHeadUnread, errUnconfirmed,
// errAllowanceUnread): 503 unavailable, so a closer tries again (provider serve until settle.LastClose, the
// user's client a few times), each attempt judging it again.
func pendingAnswer(sess *store.Session, closedAt uint64, why error) error {
	return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
		"the close of session %s cannot be judged now (%v): it is kept as it arrived at %d and judged as of then once it can: try again",
		sess.ID, why, closedAt)
}

// pend keeps body, a close of sess that arrived at closedAt, pending (store.ParkClose) for why.
func (s *Server) pend(ctx context.Context, sess *store.Session, body []byte, closedAt uint64, why error) error {
	p, created, err := s.store.ParkClose(ctx, sess.ID, closedAt, body, maxPending)
	switch {
	case errors.Is(err, store.ErrPendingFull):
		return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
			"session %s keeps %d closes waiting to be judged (%v): try again", sess.ID, maxPending, why)
	case errors.Is(err, store.ErrSessionClosed):
		return wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session %s is closed", sess.ID)
	case err != nil:
		return err
	}
	if created {
		s.metrics.pending.Inc()
		s.log.Info("close kept pending: judged as of its arrival once it can be", zap.Stringer("session", sess.ID), zap.Uint64("closed_at", p.ClosedAt),
			zap.Uint64("seq", p.Seq))
	}
	return pendingAnswer(sess, p.ClosedAt, why)
}

// judged is what judgePending made of a session's pending closes.
type judged struct {
	closed  *store.Session        // the session as closed by one of them (nil: none passed)
	winner  common.Hash           // that close's digest
	refused map[common.Hash]error // the refusals of those dropped
	left    int                   // those still pending
	why     error                 // why the first of them is (errHeadUnread, errUnconfirmed, errAllowanceUnread)
}

// judgePending judges sess's pending closes in arrival order, each as of its arrival time: it closes the
// session with the first that passes, drops each that fails, and stops at the first that cannot be judged
// yet (the rest stay pending behind it). The caller holds pendingLock(sess.ID).
func (s *Server) judgePending(ctx context.Context, sess *store.Session, pending []store.PendingClose) (judged, error) {
	j := judged{refused: map[common.Hash]error{}}
	for i, p := range pending {
		req, err := DecodeClose(p.Body)
		if err == nil {
			var c store.Close
			c, err = s.judge(ctx, sess, req, p.ClosedAt, true)
			switch {
			case undecided(err):
				j.left, j.why = len(pending)-i, err
				return j, nil
			case err == nil:
				j.closed, err = s.commit(ctx, sess, req, c)
				if errors.Is(err, errAllowanceUnread) { // as undecided: kept, and the round goes on
					j.closed, j.left, j.why = nil, len(pending)-i, errAllowanceUnread
					return j, nil
				}
				if !errors.Is(err, store.ErrReopenRefused) {
					j.winner = p.Digest
					return j, err
				}
				j.closed = nil // refused as any failing close: dropped, never left to block the session
			}
		}
		j.refused[p.Digest] = err
		if err := s.store.DropPendingClose(ctx, sess.ID, p.Seq); err != nil {
			return j, err
		}
		s.metrics.pendingDropped.Inc()
		s.log.Info("pending close refused and dropped", zap.Stringer("session", sess.ID), zap.Uint64("closed_at", p.ClosedAt), zap.Uint64("seq", p.Seq),
			zap.Error(err))
	}
	return j, nil
}

// JudgePending judges the pending closes of up to limit sessions (judgePending), the earliest first, and
// stops at the first whose chain's head cannot be read: it is unread for all of them alike (a session
// waiting for its provider's rotation to be confirmed does not stop the others). Run calls it every round;
// a closer's next attempt judges its session's too.
func (s *Server) JudgePending(ctx context.Context, limit int) error {
	ids, err := s.store.SessionsWithPendingCloses(ctx, limit)
	if err != nil {
		return err
	}
	for _, id := range ids {
		why, err := s.judgePendingOf(ctx, id)
		if err != nil {
			return fmt.Errorf("pending closes of session %s: %w", id, err)
		}
		if errors.Is(why, errHeadUnread) {
			return nil
		}
	}
	return nil
}

// judgePendingOf judges session id's pending closes and returns why some are still pending (nil: none).
func (s *Server) judgePendingOf(ctx context.Context, id common.Hash) (error, error) {
	mu := s.pendingLock(id)
	mu.Lock()
	defer mu.Unlock()
	sess, err := s.store.Session(ctx, id)
	if err != nil {
		return nil, err
	}
	pending, err := s.store.PendingCloses(ctx, id)
	if err != nil || len(pending) == 0 || !sess.TakesClose() {
		return nil, err // closed meanwhile: its close deleted them
	}
	j, err := s.judgePending(ctx, sess, pending)
	var we *wire.Error
	if errors.As(err, &we) && we.Code == wire.CodeSessionClosed {
		return nil, nil // closed meanwhile by another replica
	}
	return j.why, err
}

// pendingLock is the lock serialising the judging of session id's closes in this process (striped).
func (s *Server) pendingLock(id common.Hash) *sync.Mutex {
	return &s.pendingMu[binary.BigEndian.Uint16(id[30:])%uint16(len(s.pendingMu))]
}

// judge judges req, a close of sess dated closedAt, as keepers will, and returns what closes the session
// with it: refused as expired past settle.LastClose, on the user's signature, or on the provider's keys
// (checkProviderKeys; errHeadUnread while the chain's head cannot be read; pending: req was kept pending). The one rule for a close
// judged when it arrives and for one judged later, pending: closedAt is its arrival, never the later clock.
func (s *Server) judge(ctx context.Context, sess *store.Session, req *wire.CloseRequest, closedAt uint64, pending bool) (store.Close, error) {
	id := sess.ID
	if closedAt > settle.LastClose(sess.Ticket.NotAfter) {
		return store.Close{}, wire.Errorf(http.StatusConflict, wire.CodeExpired, "session %s expired at %d: too late to close (keepers credit closes up to %d s after notAfter)",
			id, sess.Ticket.NotAfter, settle.CloseWindow)
	}
	if req.UserSignature != nil {
		if _, err := s.cfg.Domain.Verify(&req.Receipt, req.UserSignature[:], sess.Ticket.Signer()); err != nil {
			return store.Close{}, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "user signature: %v", err)
		}
	}
	if req.ProviderSignature != nil || req.TicketAcceptance != nil {
		if err := s.checkProviderKeys(ctx, sess, req, closedAt, pending); err != nil {
			return store.Close{}, err
		}
	}
	c := store.Close{ID: id, Receipt: &req.Receipt, UserSignature: req.UserSignature, ProviderSignature: req.ProviderSignature,
		TicketAcceptance: req.TicketAcceptance, BilledSeconds: s.billable(id, sess, req, closedAt), ClosedAt: closedAt, Reason: wire.CloseReceipt}
	if req.UserSignature == nil {
		c.LastRequest = req.LastRequest
	}
	if req.UserSignature == nil || req.ProviderSignature == nil {
		c.Reason = wire.CloseOneSided
		c.Flags = append(c.Flags, wire.CloseOneSided) // settled by rule, flagged for the reports
	}
	return c, nil
}

// signClose signs c, a close of sess, with the key that signed sess's ticket (settle.CloseDigest: its dates,
// reason, billed seconds and receipt): the ticket key, or a retired one (Config.RetiredSigners) after the
// router changed keys. No party to the session signs what a router chooses of its close, so any ROUTER_ROLE
// key can republish this router's record with other dates; keepers keep the close its ticket's signer signed
// over any such copy. A close whose ticket's key this router does not hold, or that the signer fails to sign,
// is taken unsigned (logged, and counted: laketravis_router_closes_unsigned_total, so that a dropped retired
// key or an external signer whose rules refuse SessionClose is noticed): refusing it would lose the parties'
// signed close.
func (s *Server) signClose(ctx context.Context, sess *store.Session, c *store.Close) {
	signer := s.closeSigner(sess.Router)
	if signer == nil {
		s.log.Warn("the session's ticket was signed by a key this router no longer holds (--retired-keystore keeps one): its close is taken unsigned",
			zap.Stringer("session", sess.ID), zap.Stringer("ticket_signer", sess.Router))
		s.metrics.unsigned.Inc()
		return
	}
	sig, err := signer.SignTypedData(ctx, settle.CloseTypedData(s.cfg.Domain, &settle.Close{Ticket: &sess.Ticket,
		Receipt: c.Receipt, CreatedAt: sess.CreatedAt, ClosedAt: c.ClosedAt, Reason: c.Reason, BilledSeconds: c.BilledSeconds}))
	if err != nil {
		s.log.Error("sign the session's close: it is taken unsigned", zap.Stringer("session", sess.ID), zap.Error(err))
		s.metrics.unsigned.Inc()
		return
	}
	c.CloseSignature = &sig
}

// closeSigner is the key this router holds whose address is router, a session's ticket signer: the ticket
// key or a retired one (nil: neither).
func (s *Server) closeSigner(router common.Address) keys.Signer {
	if router == s.router {
		return s.cfg.TicketSigner
	}
	for _, k := range s.cfg.RetiredSigners {
		if k.Address() == router {
			return k
		}
	}
	return nil
}

// commit closes sess with c, the close req judge made, flagging (and holding) an anomaly.
func (s *Server) commit(ctx context.Context, sess *store.Session, req *wire.CloseRequest, c store.Close) (*store.Session, error) {
	id := sess.ID
	sample := analytics.Session{Model: sess.Ticket.ModelID, Provider: sess.Ticket.Provider, Day: sess.Day,
		Seconds: c.BilledSeconds, OutputTokens: req.Receipt.OutputTokens, TTFTMs: req.Receipt.TTFTMs, Receipt: true}
	anomalies := s.detector.Flags(sample)
	if len(anomalies) > 0 {
		c.Flags = append(c.Flags, anomalies...)
		c.Held = true
	}
	s.signClose(ctx, sess, &c)
	closed, err := s.store.CloseSession(ctx, c)
	if errors.Is(err, store.ErrExpired) {
		// The router expired the session (before or since sess was read): the close replaces the expiry
		// only within what the user's allowance still covers (store.Reopen).
		if c.Reopen, err = s.reopenLimits(ctx, sess, c.ClosedAt); err != nil {
			return nil, err
		}
		closed, err = s.store.CloseSession(ctx, c)
	}
	switch {
	case errors.Is(err, store.ErrSessionClosed):
		return nil, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session %s is closed", id)
	case errors.Is(err, store.ErrReopenRefused):
		// Both: the closer is answered session_closed, and judgePending drops a pending close so refused.
		return nil, fmt.Errorf("%w (%w)", wire.Errorf(http.StatusConflict, wire.CodeSessionClosed,
			"session %s is closed (expired at %d, which released its reservation): %v", id, sess.ExpiresAt, err), store.ErrReopenRefused)
	case err != nil:
		return nil, err
	}
	s.detector.Record(sample) // only a close taken: a refused one may be sent again and again
	s.metrics.closes.With(c.Reason).Inc()
	if !closed.Reopened { // an expiry released the provider's place already
		s.health.Released(sess.Ticket.Provider)
		s.queue.Signal()
	}
	s.health.Observe(sess.Ticket.Provider, c.BilledSeconds, req.Receipt.OutputTokens, req.Receipt.TTFTMs)
	s.log.Info("session closed", zap.Stringer("session", id), zap.String("reason", c.Reason), zap.Uint32("billed_seconds", c.BilledSeconds),
		zap.Uint64("closed_at", c.ClosedAt), zap.Strings("flags", c.Flags), zap.Bool("after_expiry", closed.Reopened))
	return closed, nil
}

// reopenLimits reads what a close of sess dated closedAt, replacing the router's expiry of it, is checked
// against (store.Reopen): the protocol day of closedAt (keepers charge the close to it, also when a pending
// close is judged on a later day) and the user's allowance of the session's day. A read failing is answered
// 503 unavailable, so the closer tries again.
func (s *Server) reopenLimits(ctx context.Context, sess *store.Session, closedAt uint64) (*store.Reopen, error) {
	day, err := s.allow.DayAt(ctx, closedAt)
	if err == nil {
		if day != sess.Day { // refused by the store anyway: no allowance read for it
			return &store.Reopen{Day: day}, nil
		}
		var a *uint256.Int
		if a, err = s.allow.Allowance(ctx, sess.Ticket.User, sess.Day); err == nil {
			return &store.Reopen{Day: day, Allowance: a}, nil
		}
	}
	s.log.Warn("reopening an expired session's limits: chain read failed", zap.Stringer("session", sess.ID), zap.Error(err))
	return nil, fmt.Errorf("%w (%w)", wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
		"session %s expired at %d: the user's allowance, which a close after the expiry is checked against, cannot be read now (the router's chain node did not answer): try again",
		sess.ID, sess.ExpiresAt), errAllowanceUnread)
}

// A signer view is one reading of a provider's signer history: the router's book (confirmed blocks) or
// the chain's head (the book, then the signer events of the blocks above it).
type signerView struct {
	name    string
	signers []settle.SignerSet
}

// checkProviderKeys judges a close's provider signatures as keepers will (settle.SignerAt over the
// provider's signer history): the receipt's by the signer at the close, the ticket acceptance's by the
// signer at the session's start or at the close; keepers reject a record failing either whole, so the
// router takes no such close. Keepers read the final chain. The book lags it by --confirmations, so a
// rotation in that lag is unseen there (a close the book alone takes, signed by the key just rotated away
// from, keepers reject), and the chain's head may still lose a block to a reorg (a close it alone takes,
// signed by a key just bound, keepers would reject were the binding reorged away): a key is taken only
// where both views agree, the book's first. A close both refuse, or the book takes and the head refuses,
// is refused: a receipt signature wire.CodeBadProviderSignature (provider serve tries the close again on it
// alone), an acceptance bad_signature (the closer closes again without it). One the book refuses and the
// head takes (signed by the key a rotation in the lag bound) is errUnconfirmed, and one whose head cannot
// be read (or is too far above the book, or is not read as one view of the chain twice running:
// SignersAbove reads once more when a node behind or a reorg changed the chain under its reads)
// errHeadUnread: either is kept pending (closeOrPend) and judged again later, as of the same closedAt, so
// neither a node outage nor the confirmation lag turns a close that arrived in time into an expired one.
// Deciding that for a close the book refuses on arrival reads the head through s.above (a stranger's key
// costs no chain read each; the head unread, it is refused as
// before). A pending close (pending) is judged on fresh reads, and one the book refuses is refused only
// once the head is read too: the book passed it or the head did when it arrived, and its refusal now stands
// only with the book caught up (after a re-index the book starts empty, far below the head). Still open: a
// block with a time at most closedAt that has not reached the router's node when it judges (the seconds
// between a block's time and its arrival), and a reorg deeper than --confirmations.
func (s *Server) checkProviderKeys(ctx context.Context, sess *store.Session, req *wire.CloseRequest, closedAt uint64, pending bool) error {
	p := sess.Ticket.Provider
	snap := s.book.Snapshot()
	confirmed := signerView{"the router's book, confirmed to block " + strconv.FormatUint(snap.Block, 10), snap.Signers[p]}
	refused := s.judgeProviderKeys(sess, req, closedAt, confirmed)
	var (
		above []settle.SignerSet
		err   error
	)
	if refused != nil && !pending {
		// Whether the head takes it (a rotation the book has not confirmed): read at most once per provider
		// and book block (s.above), so a stranger's keys cost no chain read each; unread, it stays refused.
		if above, err = s.above.read(ctx, s.book, p, snap.Block); err != nil {
			return refused
		}
	} else if above, err = s.book.SignersAbove(ctx, p, snap.Block); err != nil {
		return fmt.Errorf("%w: provider %s's signers: %w", errHeadUnread, p, err)
	}
	if len(above) == 0 {
		return refused
	}
	head := s.judgeProviderKeys(sess, req, closedAt, signerView{"the chain's head", slices.Concat(confirmed.signers, above)})
	switch {
	case refused == nil:
		return head
	case head == nil:
		return fmt.Errorf("%w (%w)", errUnconfirmed, refused)
	}
	return refused
}

// aboveCache keeps, per provider, what SignersAbove last answered above a book block, for a second: the
// reading checkProviderKeys makes of a close its book refuses, which only decides between refusing it and
// keeping it pending (a pending close is judged again on fresh reads), so a stale answer costs nothing but
// that choice.
type aboveCache struct {
	mu sync.Mutex
	m  map[common.Address]aboveRead
}

type aboveRead struct {
	block   uint64
	at      time.Time
	signers []settle.SignerSet
}

// aboveTTL is how long an aboveCache answer is used.
const aboveTTL = time.Second

func (c *aboveCache) read(ctx context.Context, b Book, p common.Address, block uint64) ([]settle.SignerSet, error) {
	c.mu.Lock()
	if r, ok := c.m[p]; ok && r.block == block && time.Since(r.at) < aboveTTL {
		c.mu.Unlock()
		return r.signers, nil
	}
	c.mu.Unlock()
	signers, err := b.SignersAbove(ctx, p, block)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[common.Address]aboveRead{}
	}
	c.m[p] = aboveRead{block, time.Now(), signers} // one entry per provider of a stored session
	return signers, nil
}

// judgeProviderKeys is checkProviderKeys in one view.
func (s *Server) judgeProviderKeys(sess *store.Session, req *wire.CloseRequest, closedAt uint64, v signerView) error {
	p := sess.Ticket.Provider
	if req.ProviderSignature != nil {
		got, _, err := s.cfg.Domain.Recover(&req.Receipt, req.ProviderSignature[:])
		if err != nil {
			return wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "provider signature: %v", err)
		}
		switch k, ok := settle.SignerAt(v.signers, closedAt); {
		case !ok:
			return wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "provider %s has no registered signer at the close %d (in %s)", p, closedAt, v.name)
		case k != got:
			return wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "provider signature by %s, not provider %s's signer at the close %d, %s (in %s)",
				got, p, closedAt, k, v.name)
		}
	}
	if req.TicketAcceptance != nil {
		// Whoever closes may carry it (the provider always does; a user who has it may). The provider signs it
		// at the session's first request, so after a rotation it is the key's in force at the session's start.
		// It names the ticket's signer: this router's key that signed it (sess.Router).
		got, err := settle.AcceptanceSigner(s.cfg.Domain, &sess.Ticket, sess.Router, req.TicketAcceptance)
		accepted := false
		for _, at := range settle.AcceptanceTimes(sess.CreatedAt, sess.RFC.RFC.Deadline, closedAt) {
			if k, ok := settle.SignerAt(v.signers, at); ok && k == got {
				accepted = true
			}
		}
		if err != nil || !accepted {
			return wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "ticketAcceptance is not provider %s's acceptance of this session's ticket by its signer at the session's start or close (signed by %s: %v; in %s)",
				p, got, err, v.name)
		}
	}
	return nil
}

// billable is what a close bills (PROTOCOL §7 step 5 v2, protocol/settle): the receipt's seconds within
// the ticket, never more than the wall clock since the session opened and, when only the provider
// signed, never more than the newest request the session's key signed proves (nothing without one).
// Keepers refuse records above these bounds, so the router records no more.
func (s *Server) billable(id common.Hash, sess *store.Session, req *wire.CloseRequest, closedAt uint64) uint32 {
	start := settle.Start(sess.CreatedAt, sess.RFC.RFC.Deadline)
	billed := min(wire.BillableSeconds(req.Receipt.Seconds, sess.Ticket.MaxSeconds, 0), settle.WallClock(start, closedAt))
	if req.UserSignature == nil {
		var t uint64
		ok := false
		if lr := req.LastRequest; lr != nil {
			signer, err := lr.Signer(s.cfg.Domain.ChainID(), id)
			t, ok = lr.Time, err == nil && signer == sess.Ticket.Signer()
		}
		billed = min(billed, settle.ProviderAlone(start, closedAt, t, ok))
	}
	return billed
}

func (s *Server) handleSession(w http.ResponseWriter, r *http.Request) error {
	id, err := parseID(r)
	if err != nil {
		return err
	}
	sess, err := s.store.Session(r.Context(), id)
	if errors.Is(err, store.ErrUnknownSession) {
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session %s", id)
	} else if err != nil {
		return err
	}
	wire.WriteJSON(w, http.StatusOK, record(sess))
	return nil
}

// maxPage bounds a settlement page.
const maxPage = 1000

func (s *Server) handleFeed(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	var after uint64
	if a := q.Get("after"); a != "" {
		v, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "bad cursor %q", a)
		}
		after = v
	}
	limit := 100
	if l := q.Get("limit"); l != "" {
		v, err := strconv.Atoi(l)
		if err != nil || v <= 0 {
			return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "bad limit %q", l)
		}
		limit = min(v, maxPage)
	}
	if err := s.cfg.RateIP.CheckPage(w, r, limit); err != nil {
		return err
	}
	sessions, err := s.store.Feed(r.Context(), after, limit)
	if err != nil {
		return err
	}
	page := wire.SettlementPage{Sessions: make([]wire.SessionRecord, 0, len(sessions)), Next: strconv.FormatUint(after, 10)}
	for _, ss := range sessions {
		rec := record(ss)
		page.Sessions = append(page.Sessions, rec)
		page.Next = rec.Cursor
	}
	wire.WriteJSON(w, http.StatusOK, page)
	return nil
}

func (s *Server) handleClear(w http.ResponseWriter, r *http.Request) error {
	if s.cfg.AdminToken == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get("Authorization")), []byte("Bearer "+s.cfg.AdminToken)) != 1 {
		return wire.Errorf(http.StatusForbidden, wire.CodeForbidden, "admin token required")
	}
	id, err := parseID(r)
	if err != nil {
		return err
	}
	sess, err := s.store.Clear(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrUnknownSession):
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session %s", id)
	case errors.Is(err, store.ErrNotHeld):
		return wire.Errorf(http.StatusConflict, wire.CodeBadRequest, "session %s is not held", id)
	case err != nil:
		return fmt.Errorf("clear: %w", err)
	}
	s.log.Info("held session cleared", zap.Stringer("session", id))
	wire.WriteJSON(w, http.StatusOK, record(sess))
	return nil
}
