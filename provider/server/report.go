package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/session"
)

// reportTimeout bounds each attempt of a close report and each router discovery; a failed report is
// tried again, pauses doubling up to reportBackoffMax, until the router would no longer accept the close
// (settle.CloseWindow after the ticket's notAfter) or shutdown gives up on it. discoverEvery is how often a
// ticket from a router with no known URL may trigger a new discovery.
const (
	reportTimeout    = 5 * time.Second
	reportBackoffMax = 30 * time.Second
	discoverEvery    = 10 * time.Second
)

// routerDirectory maps router signer addresses to the configured router URLs that answer for them. A
// provider serves sessions from any router and reports each close to the router whose key signed the
// session's ticket: at start, and again when a ticket names a router it does not know (at most every
// discoverEvery), it asks every configured URL to prove which router's key it holds (whoIs). Replicas of
// one router share a key, so an address may have several URLs; they are tried in turn. What a URL says of
// itself is never taken: a hostile router claiming another's address would take that router's closes. A
// URL maps to its router's current key and to each retired key it proves (a router that changed keys
// still closes the sessions its old key ticketed).
type routerDirectory struct {
	urls   []string
	client *http.Client
	log    *zap.Logger
	every  time.Duration // discoverEvery (tests: shorter)
	domain *eip712.Domain
	skew   time.Duration    // accepted distance of a proof's timestamp from now (Config.ClockSkew)
	now    func() time.Time // the server's clock

	mu       sync.Mutex
	byRouter map[common.Address][]string
	last     time.Time // last discovery
}

// lookup returns the URLs of router, discovering them again when none is known and the last discovery
// is old enough.
func (d *routerDirectory) lookup(ctx context.Context, router common.Address) []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if u := d.byRouter[router]; len(u) > 0 || time.Since(d.last) < d.every {
		return u
	}
	d.discoverLocked(ctx)
	return d.byRouter[router]
}

// discoverLocked asks every configured URL to prove its router's key (under d.mu). A URL that answers
// without proving one (a router from before POST /v1/liveness, a wrong signature or challenge) is not
// mapped; one merely down (no answer, 5xx, 429) keeps what an earlier discovery proved of it.
//
// The URLs are asked at once, each within its own reportTimeout: one URL that never answers (a hostile
// one, or a host dropping packets) costs the discovery that timeout and hides no other URL (asked one after
// another within one shared timeout, a first URL hanging left every later one unasked, its router's closes
// never reported).
func (d *routerDirectory) discoverLocked(ctx context.Context) {
	d.last = time.Now()
	found := make(map[common.Address][]string, len(d.urls))
	type answer struct {
		routers []common.Address
		err     error
	}
	answers := make([]answer, len(d.urls))
	var wg sync.WaitGroup
	for i, u := range d.urls {
		wg.Go(func() { answers[i].routers, answers[i].err = d.whoIs(ctx, u) })
	}
	wg.Wait()
	for i, u := range d.urls {
		err := answers[i].err
		if err == nil {
			for _, a := range answers[i].routers {
				found[a] = append(found[a], u)
			}
			continue
		}
		if !isDown(err) {
			d.log.Warn("router URL did not prove a router's key: no close is reported to it", zap.String("url", u), zap.Error(err))
			continue
		}
		d.log.Warn("router URL did not answer discovery (its closes are reported once it proves its key)", zap.String("url", u), zap.Error(err))
		// Keep what an earlier discovery learnt of it: a router down for a moment is still the same.
		for r, us := range d.byRouter {
			for _, x := range us {
				if x == u {
					found[r] = append(found[r], u)
				}
			}
		}
	}
	d.byRouter = found
}

// whoIs returns the addresses of the router at base once it has proved holding their keys: POST
// /v1/liveness with a fresh challenge and url base (wire.AskRouterLiveness) answered by a Liveness naming
// the router's address (its "provider"), echoing the challenge bound to base (wire.BoundChallenge: a
// router signs it only for its own public URLs, so a URL relaying the challenge to another router gets
// that router's refusal or a proof bound to the other's URL, neither accepted here), timestamped within
// d.skew, signed by that address's key (wire.LivenessResponse.Check, the rule a router's prober applies
// to providers). That address comes first, then each retired ticket key the answer proves by the same
// rule (wire.LivenessResponse.RetiredRouters: a router that changed keys still takes the closes of the
// sessions its old key ticketed); a retired proof that fails is logged and maps nothing.
func (d *routerDirectory) whoIs(ctx context.Context, base string) ([]common.Address, error) {
	ctx, cancel := context.WithTimeout(ctx, reportTimeout)
	defer cancel()
	lr, challenge, err := wire.AskRouterLiveness(ctx, d.client, base)
	if err != nil {
		return nil, err
	}
	now, router := d.now(), lr.Liveness.Provider
	if err := lr.Check(d.domain, router, router, challenge, now, d.skew); err != nil {
		return nil, fmt.Errorf("%s/v1/liveness: %w", base, err)
	}
	retired, refused := lr.RetiredRouters(d.domain, challenge, now, d.skew)
	for _, err := range refused {
		d.log.Warn("router URL did not prove a retired key it named: no close of that key's sessions is reported to it",
			zap.String("url", base), zap.Stringer("router", router), zap.Error(err))
	}
	return append([]common.Address{router}, retired...), nil
}

// isDown reports whether a discovery's failure is the URL not answering for now (unreachable, 5xx, 429),
// rather than an answer that proves no router's key.
func isDown(err error) bool {
	if errors.Is(err, wire.ErrBadLiveness) {
		return false
	}
	we, ok := err.(*wire.Error)
	return !ok || we.Status >= 500 || we.Status == http.StatusTooManyRequests
}

// report sends a session close, in the background, to the router that signed the session's ticket
// (PROTOCOL §7 step 5: either side may close at the router; the user's client may do so too, so a failed
// report is logged, not fatal). With an outbox the report is stored first, before this returns (and so
// before the user's close is answered), and stays there until deliver is done with it. Run waits for
// pending reports at shutdown.
func (s *Server) report(kind string, snap session.Snapshot, req wire.CloseRequest) {
	if s.routers == nil {
		s.metrics.closed(kind, "disabled")
		return
	}
	router, err := s.ticketRouter(&snap.Ticket, snap.TicketSignature)
	if err != nil { // the ticket was verified when the session began: cannot happen
		s.metrics.closed(kind, "failed")
		s.log.Error("session ticket signature", zap.Stringer("session", req.Receipt.SessionID), zap.Error(err))
		return
	}
	r := &outbox.Report{Kind: kind, Router: router, Until: int64(settle.LastClose(snap.Ticket.NotAfter)), Hold: int64(snap.Hold), Close: req}
	stored := false
	if s.outbox != nil {
		err := s.outbox.Put(r)
		switch {
		case errors.Is(err, outbox.ErrExists): // MarkClosed at resume keeps a stored session from closing again
			s.metrics.closed(kind, "failed")
			s.log.Error("second close of a session whose close report is stored: not reported, the stored one stays",
				zap.Stringer("session", r.SessionID()), zap.Error(err))
			s.unjournal(r.SessionID())
			return
		case err != nil:
			s.log.Error("close report not stored: it is tried as usual, but a crash before its router takes it loses it",
				zap.Stringer("session", r.SessionID()), zap.Error(err))
		default:
			stored = true
			s.unjournal(r.SessionID()) // only now: a crash before leaves the session in the journal, closed at the next start
		}
	}
	s.deliver(r, stored)
}

// resume holds closed the sessions whose reports an earlier run delivered (Outbox.Closed, until their
// router would no longer accept a close), delivers the reports a previous run of the provider left in the
// outbox, then closes the sessions it left open in the journal (resumeJournal); Run calls it first, before
// serving. Their sessions are closed: the session table refuses their tickets as it does a closed
// session's, so a session closed before a restart is not served again from seq 1. A receipt countersigned by another key than this process's signer (the signer was rotated in
// between) is signed again by this one: the router dates the close when it takes it and checks the
// receipt against the provider's signer then, as keepers do (settle.SignerAt of the close); the ticket
// acceptance stays as stored (keepers take the signer at the session's start or its close).
func (s *Server) resume(ctx context.Context) error {
	if s.outbox == nil {
		return nil
	}
	closed, err := s.outbox.Closed(s.now())
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	for id, until := range closed {
		s.sessions.MarkClosed(id, uint64(until))
	}
	pending, err := s.outbox.Load(s.now())
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	s.log.Info("close reports resumed from the outbox", zap.Int("reports", len(pending)), zap.Int("closed", len(closed)), zap.String("dir", s.outbox.Dir()))
	for _, r := range pending {
		s.sessions.MarkClosed(r.SessionID(), uint64(r.HeldUntil()))
		if err := s.resign(ctx, r); err != nil {
			s.log.Error("close report signed by a former signer key could not be signed again: kept in the outbox, signing tried again until the router would no longer accept the close",
				zap.Stringer("session", r.SessionID()), zap.Time("until", r.Deadline()), zap.Error(err))
			s.signLater(r.SessionID(), r.Until, func(ctx context.Context) error { return s.resign(ctx, r) }, func() { s.deliver(r, true) })
			continue
		}
		s.deliver(r, true)
	}
	return s.resumeJournal()
}

// signLater calls sign again in the background, pauses doubling as reportTo's, until it succeeds (then
// it calls then), the router would no longer accept the session's close (until, dated in whole seconds),
// or shutdown ends the reports' context: a signer that refused (clef not approving yet, a hardware wallet
// unplugged) still gets the close out in this run. Until then what is being signed stays where it was
// stored (the outbox, the journal), for the next start.
func (s *Server) signLater(id common.Hash, until int64, sign func(context.Context) error, then func()) {
	s.reports.Add(1)
	go func() {
		defer s.reports.Done()
		for pause := s.reportBackoff; ; {
			if err := nextRound(s.reportCtx, &pause, until); err != nil {
				if errors.Is(err, errPastDeadline) {
					s.log.Warn("close never signed by the current signer before the router's deadline: given up", zap.Stringer("session", id))
				}
				return
			}
			if err := sign(s.reportCtx); err == nil {
				then()
				return
			}
		}
	}()
}

// resign countersigns r's receipt with the server's signer unless that key signed it already. A report of
// the user's signature alone (its countersigning failed, handleClose) is sent as stored.
func (s *Server) resign(ctx context.Context, r *outbox.Report) error {
	if r.Close.ProviderSignature == nil {
		return nil
	}
	if by, _, err := s.cfg.Domain.Recover(&r.Close.Receipt, r.Close.ProviderSignature[:]); err == nil && by == s.signer {
		return nil
	}
	sig, err := s.cfg.Signer.SignTyped(ctx, s.cfg.Domain, &r.Close.Receipt)
	if err != nil {
		return err
	}
	s.log.Info("close report's receipt signed again by the current signer key (it was signed by another)",
		zap.Stringer("session", r.SessionID()), zap.Stringer("signer", s.signer))
	r.Close.ProviderSignature = &sig
	return nil
}

// deliver reports r in the background (reportTo) and, unless shutdown ended the attempts, retires it from
// the outbox afterwards (stored: it is there; kept apart until r.HeldUntil, so that a restart still holds
// the session closed): the router took it, refused it for good, or would no longer accept it.
func (s *Server) deliver(r *outbox.Report, stored bool) {
	s.reports.Add(1)
	go func() {
		defer s.reports.Done()
		err := s.reportTo(s.reportCtx, r)
		id := zap.Stringer("session", r.SessionID())
		switch {
		case err == nil:
			s.metrics.closed(r.Kind, "yes")
		case errors.Is(err, errShutdown) && stored:
			s.metrics.closed(r.Kind, "pending")
			s.log.Warn("close report not taken by shutdown: kept in the outbox, tried again at the next start", id,
				zap.Stringer("router", r.Router), zap.Error(err))
			return
		case errors.Is(err, errUnknownRouter):
			s.metrics.closed(r.Kind, "unknown_router")
			s.log.Warn("close report given up: no configured router URL answers for the router that issued this session (add it to --router-url)",
				id, zap.Stringer("router", r.Router), zap.Error(err))
		default:
			s.metrics.closed(r.Kind, "failed")
			s.log.Warn("close report given up", id, zap.Stringer("router", r.Router), zap.Error(err))
		}
		if stored {
			if err := s.outbox.Retire(r.SessionID(), r.HeldUntil()); err != nil {
				s.log.Error("retire delivered close report (a restart sends it again)", id, zap.Error(err))
			}
		}
	}()
}

// nextRound waits out *pause before the next round of attempts at a close whose router accepts it up to
// the unix second until, then doubles *pause (at most reportBackoffMax): reportTo's rounds and signLater's.
// It returns errPastDeadline, without waiting, when the router would no longer accept the close after the
// pause, and ctx's error when ctx ends first.
func nextRound(ctx context.Context, pause *time.Duration, until int64) error {
	if !settle.Closable(uint64(until), time.Now().Add(*pause)) {
		return errPastDeadline
	}
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(*pause):
	}
	*pause = min(2**pause, reportBackoffMax)
	return nil
}

var (
	errPastDeadline  = errors.New("the router would no longer accept the close")
	errShutdown      = errors.New("given up at shutdown")
	errUnknownRouter = errors.New("no configured router URL answers for the router")
)

// reportTo tries, in rounds, each URL that answers for the report's router, until one takes the close, a
// copy holding the session refuses it, the report's deadline passes (the router would refuse it then) or
// ctx ends: a router down for minutes, or not found by discovery for a while, still gets the close once it
// is back.
//
// Every URL of the round is a copy of the router (its key): replicas, or copies the provider reaches at
// several URLs, not all of one version or database. Only a copy holding the session answers for it
// (wire.IsSessionHoldersAnswer, the user's client's rule too): a 2xx; 409 session_closed, the report taken
// when that copy's record carries its close (closedWith: it kept an attempt it answered 503 and took it
// later); a refusal of the provider's signature (signerRefused), logged once and tried again in later
// rounds (the router's view of the registered signer may lag a rotation, or this serve runs a key rotated
// away from: restarted with the current key, it signs the report again) while the next URL is asked; any
// other (expired, the user's bad_signature) ends the attempts. Anything else — unknown_session from a copy
// with another database, an older version's 400 on a body field it does not know, a 404 or 405 of a route it
// lacks, 429, 5xx, no answer — is noted and the next URL asked. A round no copy answered is followed by
// another while one of its replies may change (unreachable, 5xx, 429, 404: the copy holding the session may
// be that one, or one not answering); otherwise, every reply a refusal that will not change, the report is
// given up with the first URL's reply, naming the others' (noAnswer).
func (s *Server) reportTo(ctx context.Context, r *outbox.Report) error {
	var err error
	pause := s.reportBackoff
	warned := false
	for round := 0; ; round++ {
		if round > 0 {
			switch werr := nextRound(ctx, &pause, r.Until); {
			case errors.Is(werr, errPastDeadline):
				return fmt.Errorf("given up after %d rounds, the router would no longer accept the close: %w", round, err)
			case werr != nil:
				return fmt.Errorf("%w after %d rounds: %w", errShutdown, round, err)
			}
		}
		urls := s.routers.lookup(ctx, r.Router) // each URL's proof is bounded by reportTimeout (whoIs)
		if len(urls) == 0 {
			if err == nil {
				s.log.Warn("no configured router URL answers (yet) for the router that issued this session: discovery is tried again until the router would no longer accept the close (add it to --router-url)",
					zap.Stringer("session", r.SessionID()), zap.Stringer("router", r.Router), zap.Time("until", r.Deadline()))
			}
			err = fmt.Errorf("%w %s", errUnknownRouter, r.Router)
			continue
		}
		var (
			replies []error // this round's, one per URL, none the session's answer
			later   bool    // one of them may change in a later round
		)
		for _, u := range urls {
			actx, cancel := context.WithTimeout(ctx, reportTimeout)
			err := s.postClose(actx, u, r.Close)
			cancel()
			if err == nil {
				return nil
			}
			we, ok := err.(*wire.Error)
			holder := ok && wire.IsSessionHoldersAnswer(we.Status, we.Code)
			switch {
			case holder && we.Code == wire.CodeSessionClosed:
				return s.closedWith(ctx, u, r, err)
			case holder && signerRefused(we):
				if !warned {
					warned = true
					s.log.Error("router refused the provider's signature on a close report: the signer it holds for this provider is not this serve's key (a rotation it has not seen yet, or serve runs a key rotated away from: restart it with the registered one); tried again until the router would no longer accept the close",
						zap.Stringer("session", r.SessionID()), zap.Stringer("signer", s.signer), zap.String("url", u), zap.Error(err))
				}
				later = true
			case holder:
				return err // refused by a copy holding the session: retrying will not help
			case !ok || we.Status >= 500 || we.Status == http.StatusTooManyRequests || we.Status == http.StatusNotFound:
				later = true
			}
			if ok { // a transport error names the URL already
				err = fmt.Errorf("%s: %w", u, err)
			}
			replies = append(replies, err)
		}
		err = noAnswer(replies)
		if !later {
			return err
		}
	}
}

// noAnswer is a round's failure when no URL answered for the session: the first URL's reply, which it
// wraps, naming each other's.
func noAnswer(replies []error) error {
	if len(replies) == 1 {
		return replies[0]
	}
	others := make([]string, 0, len(replies)-1)
	for _, e := range replies[1:] {
		others = append(others, e.Error())
	}
	return fmt.Errorf("%w; no other URL of the router answered for the session (%s)", replies[0], strings.Join(others, "; "))
}

// closedWith decides a close report the router at base answered 409 session_closed (closed): taken (nil,
// logged "close taken") when the router's record of the session carries the report's very receipt and
// signatures (wire.SessionRecord.Carries: the router kept an earlier attempt pending, answered it 503, and
// took it later; or that attempt's answer was lost), else closed, with the reason of the router's record.
// A router claiming our close costs only that log line; another close of the session is never ours.
func (s *Server) closedWith(ctx context.Context, base string, r *outbox.Report, closed error) error {
	ctx, cancel := context.WithTimeout(ctx, reportTimeout)
	defer cancel()
	var rec wire.SessionRecord
	if err := wire.GetJSONWith(ctx, s.client, base, "/v1/sessions/"+r.SessionID().Hex(), &rec); err != nil {
		return fmt.Errorf("%w (the router's record unread: %w)", closed, err)
	}
	if !rec.Carries(r.Close) {
		return fmt.Errorf("%w (the router's record holds another close, reason %q)", closed, rec.CloseReason)
	}
	s.log.Info("close taken: the router's record holds this report's close", zap.Stringer("session", r.SessionID()),
		zap.Stringer("router", r.Router), zap.String("reason", rec.CloseReason))
	return nil
}

// signerRefused reports whether a router's refusal is of the provider's receipt signature: 401
// bad_provider_signature, router/api's code for a receipt not countersigned by the provider's signer at the
// close (as its book and the chain's head both say), not the user's signature's or the ticket acceptance's;
// or, from a router from before that code (routers upgrade one by one), the 401 bad_signature whose
// message it began "provider " ("provider signature: …", "provider … has no registered signer"): no
// router/api message of the user's signature or the acceptance begins so.
func signerRefused(we *wire.Error) bool {
	return we.Status == http.StatusUnauthorized && (we.Code == wire.CodeBadProviderSignature ||
		we.Code == wire.CodeBadSignature && strings.HasPrefix(we.Message, "provider "))
}

// postClose is POST {router}/v1/sessions/{id}/close with req, again without its ticket acceptance when the
// router refuses it, as the user's client does: 401 bad_signature (the acceptance is not by the provider's
// signer at the session's start or close: a key rotated away from before the session started, which serve
// still ran; logged), or 400 from a router from before ticket acceptances (it refuses the unknown member).
// The close still counts without it; it only loses to a copy of the session whose ticket the provider
// accepted. A refusal of the user's signature is refused again and returned.
func (s *Server) postClose(ctx context.Context, base string, req wire.CloseRequest) error {
	err := s.postCloseOnce(ctx, base, req)
	we, ok := err.(*wire.Error)
	if !ok || req.TicketAcceptance == nil {
		return err
	}
	switch {
	case signerRefused(we):
		return err // the receipt's signature, which the close without the acceptance still carries
	case we.Status == http.StatusUnauthorized && we.Code == wire.CodeBadSignature:
		s.log.Warn("router refused the close's ticket acceptance: closed without it (serve signed it with a key that was not the provider's signer at the session's start: restart it with the registered key)",
			zap.Stringer("session", req.Receipt.SessionID), zap.Stringer("signer", s.signer), zap.Error(err))
	case we.Status == http.StatusBadRequest && strings.Contains(we.Message, "ticketAcceptance"):
	default:
		return err
	}
	req.TicketAcceptance = nil
	return s.postCloseOnce(ctx, base, req)
}

func (s *Server) postCloseOnce(ctx context.Context, base string, req wire.CloseRequest) error {
	body, err := json.Marshal(req)
	if err != nil {
		return err
	}
	url := base + "/v1/sessions/" + req.Receipt.SessionID.Hex() + "/close"
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := s.client.Do(hr)
	if err != nil {
		return fmt.Errorf("POST %s: %w", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return wire.DecodeError(resp, b)
	}
	return nil
}
