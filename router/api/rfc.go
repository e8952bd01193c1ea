package api

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/match"
	"github.com/laketravis/laketravis/router/queue"
	"github.com/laketravis/laketravis/router/store"
)

// readBody reads at most limit bytes; more is too_large.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "read body: %v", err)
	}
	if int64(len(b)) > limit {
		return nil, wire.Errorf(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "body over %d bytes", limit)
	}
	return b, nil
}

// decodeError maps eip712 decoding and verification errors to PROTOCOL §9 errors.
func decodeError(err error) error {
	switch {
	case errors.Is(err, eip712.ErrTooLarge):
		return wire.Errorf(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "%v", err)
	case errors.Is(err, eip712.ErrBadSignature):
		return wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "%v", err)
	case errors.Is(err, eip712.ErrExpired):
		return wire.Errorf(http.StatusBadRequest, wire.CodeExpired, "%v", err)
	default:
		return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err)
	}
}

// VerifyRFC decodes and verifies a POST /v1/rfc body: form, size, and the user's EIP-712 signature under
// the domain. It returns the RFC and its digest; errors are *wire.Error.
func VerifyRFC(d *eip712.Domain, body []byte) (*eip712.SignedRFC, common.Hash, error) {
	srfc, err := eip712.DecodeSignedRFC(body)
	if err != nil {
		return nil, common.Hash{}, decodeError(err)
	}
	digest, err := srfc.Verify(d)
	if err != nil {
		return nil, common.Hash{}, decodeError(err)
	}
	return srfc, digest, nil
}

func (s *Server) handleRFC(w http.ResponseWriter, r *http.Request) error {
	// Any liveness probe sent from now on is fresh for this RFC (liveness.Coalescer shares such probes).
	arrived := time.Now()
	body, err := readBody(r, eip712.MaxWireSize)
	if err != nil {
		return err
	}
	// Cheap rejections first (size above, then shape, deadline, known nonce); the signature, an
	// elliptic-curve recovery, only for RFCs that could open a session or that retry one.
	srfc, err := eip712.DecodeSignedRFC(body)
	if err != nil {
		return decodeError(err)
	}
	rfc := &srfc.RFC
	digest := s.cfg.Domain.Digest(rfc)
	ctx := r.Context()

	day, err := s.allow.Day(ctx)
	if err != nil {
		return fmt.Errorf("day: %w", err)
	}
	// A retried RFC gets its session back, whatever happened since.
	seen, err := s.rfcSeen(ctx, digest, rfc, day)
	if err != nil {
		return err
	}
	sess, nonceUsed := seen.Session, seen.NonceUsed
	if sess == nil {
		if err := rfc.CheckDeadline(s.cfg.Now()); err != nil {
			return decodeError(err)
		}
		if rfc.MaxSeconds == 0 {
			return wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "maxSeconds is 0")
		}
		if nonceUsed {
			return wire.Errorf(http.StatusConflict, wire.CodeNonceReused, "nonce %d of %s already used", rfc.Nonce, rfc.User)
		}
	}
	if err := s.verifyRFC(srfc, digest); err != nil {
		return err
	}
	if sess != nil {
		s.writeRFCResponse(w, sess)
		return nil
	}
	// The book's refusals, a map look-up each, before the user's rate: neither an unknown model nor a
	// useDeposit RFC while the book knows no spend cap may open a session, and the second's 503 carries the
	// Retry-After a client should heed (a 429 instead would name the user's rate, which did not refuse it).
	snap := s.book.Snapshot()
	if _, ok := snap.Models[rfc.ModelID]; !ok {
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownModel, "model %s is not registered", rfc.ModelID)
	}
	spendCap, err := depositSpendCap(w, snap, rfc, day)
	if err != nil {
		return err
	}
	// Only RFCs that may open a session count against the user: a replay of one already answered (anyone
	// who saw it can send it) must not use up its user's rate.
	if err := s.cfg.UserRate.Check(w, rfc.User.Hex()); err != nil {
		return err
	}
	allowance, err := s.allowance(w, r, rfc.User, day)
	if err != nil {
		return err
	}
	remaining := new(uint256.Int)
	if allowance.Gt(seen.Used) {
		remaining.Sub(allowance, seen.Used)
	}
	cr, err := s.credit(ctx, snap, rfc, remaining, spendCap)
	if err != nil {
		return err
	}
	// Nothing the user can afford: say so before probing anyone.
	offers := snap.Offers[rfc.ModelID]
	if len(offers) > 0 && !offers[0].Price.Gt(&rfc.MaxPricePerSecond) {
		if _, _, err := cr.grant(&offers[0].Price, rfc.MaxSeconds); err != nil {
			return err
		}
	}

	req := match.Request{MaxPrice: rfc.MaxPricePerSecond, MinTPS: rfc.MinTPS, MaxTTFTMs: rfc.MaxTTFTMs}
	var place *queue.Place
	qctx, cancel := context.WithTimeout(ctx, s.cfg.QueueTimeout)
	defer cancel()
	var stats match.Stats = s.health
	for {
		offers = s.book.Snapshot().Offers[rfc.ModelID]
		res := match.Match(offers, &req, stats, s.cfg.Candidates, make([]match.Candidate, 0, s.cfg.Candidates+4))
		busy := res.Busy
		pctx := liveness.WithArrival(ctx, arrived)
		for _, c := range res.Candidates {
			o := c.Offer
			capacity, err := s.prober.Probe(pctx, liveness.Target{Provider: o.Provider, Signer: o.Signer, Endpoint: o.Endpoint}, rfc.ModelID)
			s.probed(o.Provider, err)
			if err != nil {
				d := s.health.Failed(o.Provider)
				s.metrics.probes.With("failed").Inc()
				s.log.Info("liveness failed", zap.Stringer("provider", o.Provider), zap.Duration("backoff", d), zap.Error(err))
				continue
			}
			s.health.Alive(o.Provider, capacity.Free)
			s.health.Seeding(o.Provider, capacity.Seeding, wire.MaxSeeding)
			if capacity.Free <= 0 && capacity.Max > 0 {
				s.metrics.probes.With("busy").Inc()
				busy++
				continue
			}
			s.metrics.probes.With("ok").Inc()
			return s.issue(w, r, srfc, digest, o, day, allowance, cr)
		}
		if busy == 0 {
			return wire.Errorf(http.StatusConflict, wire.CodeNoProvider, "no live provider for model %s at or below %s wei/s", rfc.ModelID, rfc.MaxPricePerSecond.Dec())
		}
		// Every candidate is busy: wait for capacity, by MOR votes (the day-start allowance is proportional).
		if place == nil {
			place = s.queue.NewPlace(allowance)
			s.metrics.queued.Inc()
		}
		if err := s.queue.Wait(qctx, place); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return wire.Errorf(http.StatusConflict, wire.CodeNoProvider, "every provider for model %s is busy (%v)", rfc.ModelID, err)
		}
		stats = busyUnknown{s.health} // after a wake-up, re-probe providers last seen busy
		arrived = time.Now()          // with probes sent after the wake-up, not answers from before it
	}
}

// rfcSeer is the store's one-read form of the look-ups before matching (*store.DB implements it).
type rfcSeer interface {
	RFCSeen(ctx context.Context, digest common.Hash, user common.Address, nonce, deadline, day, now uint64) (store.Seen, error)
}

// rfcSeen returns the session already opened for the RFC digest (a retry), or nil and whether the RFC's
// nonce is used by another RFC, and the allowance the user has used on day. A retry racing its first
// attempt never reads as a used nonce: the nonce and the session commit together, and a nonce seen used
// is followed by a second look for the session.
func (s *Server) rfcSeen(ctx context.Context, digest common.Hash, rfc *eip712.RFC, day uint64) (store.Seen, error) {
	if st, ok := s.store.(rfcSeer); ok {
		return st.RFCSeen(ctx, digest, rfc.User, rfc.Nonce, rfc.Deadline, day, unixNow(s.cfg.Now()))
	}
	for attempt := 0; ; attempt++ {
		sess, err := s.store.SessionByDigest(ctx, digest)
		if err == nil {
			return store.Seen{Session: sess}, nil
		} else if !errors.Is(err, store.ErrUnknownSession) {
			return store.Seen{}, err
		}
		if attempt == 1 {
			return store.Seen{NonceUsed: true}, nil
		}
		used, err := s.store.NonceUsed(ctx, rfc.User, rfc.Nonce)
		if err != nil {
			return store.Seen{}, err
		}
		if !used {
			u, err := s.store.Used(ctx, rfc.User, day)
			return store.Seen{Used: u}, err
		}
	}
}

// unixNow is t in unix seconds, 0 before 1970.
func unixNow(t time.Time) uint64 { return uint64(max(t.Unix(), 0)) }

// busyUnknown treats providers last seen without capacity as unknown, so they are probed again.
type busyUnknown struct{ match.Stats }

func (b busyUnknown) Status(p common.Address) match.Status {
	st := b.Stats.Status(p)
	if st.Free == 0 {
		st.Free = -1
	}
	return st
}

// issue signs the ticket and records the session (consuming the nonce and reserving the allowance).
// The ticket's maxSeconds is what the user's credit covers at the provider's price (credit.grant), within
// the deposit window for a useDeposit RFC (maxSeconds).
func (s *Server) issue(w http.ResponseWriter, r *http.Request, srfc *eip712.SignedRFC, digest common.Hash, o *match.Offer, day uint64, allowance *uint256.Int, cr *credit) error {
	rfc := &srfc.RFC
	secs, deposit, err := cr.grant(&o.Price, s.maxSeconds(rfc))
	if err != nil {
		return err
	}
	now := s.cfg.Now()
	id := eip712.SessionID(digest, o.Provider)
	notAfter := uint64(now.Unix()) + uint64(secs) + uint64(s.cfg.Grace.Seconds())
	t := eip712.SessionTicket{SessionID: id, User: rfc.User, Provider: o.Provider, ModelID: rfc.ModelID,
		PricePerSecond: o.Price, MaxSeconds: secs, NotAfter: notAfter, SessionKey: rfc.SessionKey,
		UseDeposit: rfc.UseDeposit}
	sig, err := s.cfg.TicketSigner.SignTyped(r.Context(), s.cfg.Domain, &t)
	if err != nil {
		return fmt.Errorf("sign ticket: %w", err)
	}
	reserved := new(uint256.Int).Mul(&o.Price, uint256.NewInt(uint64(secs)))
	sess, created, err := s.store.CreateSession(r.Context(), store.NewSession{
		Session: &store.Session{ID: id, RFCDigest: digest, RFC: *srfc, Ticket: t, TicketSignature: sig, Router: s.router, Endpoint: o.Endpoint,
			Day: day, Reserved: reserved, CreatedAt: uint64(now.Unix()), ExpiresAt: notAfter + uint64(s.cfg.Grace.Seconds())},
		Nonce: rfc.Nonce, Deadline: rfc.Deadline, Allowance: allowance, Deposit: deposit,
	})
	switch {
	case errors.Is(err, store.ErrNonceReused):
		return wire.Errorf(http.StatusConflict, wire.CodeNonceReused, "nonce %d of %s already used", rfc.Nonce, rfc.User)
	case errors.Is(err, store.ErrAllowanceExhausted):
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted, "allowance for day %d does not cover %s wei", day, reserved.Dec())
	case errors.Is(err, store.ErrDepositExhausted):
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeDepositExhausted,
			"allowance for day %d and deposit (at most the daily spend cap a session) do not cover %s wei", day, reserved.Dec())
	case err != nil:
		return err
	}
	if created {
		s.health.Took(o.Provider)
		s.log.Info("session opened", zap.Stringer("session", id), zap.Stringer("user", rfc.User), zap.Stringer("provider", o.Provider),
			zap.Stringer("model", rfc.ModelID), zap.String("price", o.Price.Dec()), zap.Uint32("max_seconds", secs),
			zap.String("from_deposit", sess.DepositReserved.Dec()))
	}
	s.writeRFCResponse(w, sess)
	return nil
}

// writeRFCResponse answers 200 with sess's RFC response, encoded by hand (wire.RFCResponse.AppendJSON).
func (s *Server) writeRFCResponse(w http.ResponseWriter, sess *store.Session) {
	resp := s.rfcResponse(sess)
	wire.WriteBody(w, http.StatusOK, append(resp.AppendJSON(make([]byte, 0, 1536)), '\n'))
}

func (s *Server) rfcResponse(sess *store.Session) wire.RFCResponse {
	return wire.RFCResponse{SessionID: sess.ID, Provider: sess.Ticket.Provider, Endpoint: sess.Endpoint,
		PricePerSecond: sess.Ticket.PricePerSecond.Clone(), MaxSeconds: sess.Ticket.MaxSeconds, Ticket: sess.Ticket,
		TicketSignature: sess.TicketSignature, Router: sess.Router, Payment: payment(sess)}
}

// allowance is user's allowance for day. One not cached yet is read from the chain, held to
// Config.ChainReads per client address (r's) and Config.ChainReadsTotal in all: past either a 429 with
// Retry-After set on w. At a day's first second the pool cannot answer yet (chain.ErrDayJustStarted):
// that is a 503 the caller retries, not a fault of the router.
func (s *Server) allowance(w http.ResponseWriter, r *http.Request, user common.Address, day uint64) (*uint256.Int, error) {
	if a, ok := s.allow.Cached(user, day); ok {
		return a, nil
	}
	if err := s.cfg.ChainReads.Check(w, ratelimit.ClientIP(r)); err != nil {
		return nil, err
	}
	if err := s.cfg.ChainReadsTotal.Check(w, ""); err != nil {
		return nil, err
	}
	a, err := s.allow.Allowance(r.Context(), user, day)
	if errors.Is(err, chain.ErrDayJustStarted) {
		return nil, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "%v", err)
	}
	if err != nil {
		return nil, fmt.Errorf("allowance: %w", err)
	}
	return a, nil
}
