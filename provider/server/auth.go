package server

import (
	"encoding/base64"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/spendcap"
)

// authed is a request that passed authentication: its ticket, the ticket's digest, the request's seq and
// the request as the session's key signed it (MAC'd requests: with a zero signature, and the evidence
// they carried, if any, still to verify).
type authed struct {
	ticket   *eip712.SignedSessionTicket
	digest   common.Hash
	seq      uint64
	signed   wire.SignedRequest
	mac      bool
	evidence *wire.SignedRequest
}

// userKey is the session user's key in RateUser: the address's 20 bytes, not its hex (Address.Hex
// computes the EIP-55 checksum, a keccak, on every request).
func userKey(t *eip712.SessionTicket) string { return string(t.User[:]) }

// admitted keeps what an admitted request proves: a signed one is the session's newest evidence, a MAC'd
// one's X-LT-Evidence is verified off the request's path.
func (s *Server) admitted(a *authed) {
	switch {
	case !a.mac:
		s.recordSigned(a.ticket.Ticket.SessionID, a.signed)
	case a.evidence != nil:
		s.checkEvidence(&a.ticket.Ticket, a.evidence)
	}
}

// verifiedTicket is a session ticket whose router signature has been checked: the ticket, its EIP-712
// digest and the router that signed it.
type verifiedTicket struct {
	st     *eip712.SignedSessionTicket
	digest common.Hash
	router common.Address
}

// maxCachedTickets bounds the ticket cache (a few hundred bytes a ticket). Past it tickets are verified
// on every request, which is correct, only slower.
const maxCachedTickets = 4096

// ticketCache remembers, by their X-LT-Ticket encoding (wire.EncodeTicket), the tickets whose router
// signature was checked once, so that the requests of a session after the first skip decoding the ticket
// and recovering its signer (an elliptic-curve operation). Only the signature result is reused: the
// router's role, the provider and the expiry are checked on every request, and so is the request's own
// signature. Forged tickets are never cached (they fail the router check). The key is the ticket's one
// encoding, not the header as sent: tickets are public (the router's feed, its session pages), and the
// strict decoder takes other spellings of one (whitespace, member order), which would otherwise each take
// an entry and crowd the cache. A header spelt otherwise is decoded on each request and served from its
// encoding's entry.
type ticketCache struct {
	mu sync.RWMutex
	m  map[string]*verifiedTicket
	// expiry: no entry expires before it (the earliest notAfter once pruned), so a full cache is scanned
	// only when the scan can free something, not on every insert.
	expiry uint64
}

func (c *ticketCache) get(header string) *verifiedTicket {
	c.mu.RLock()
	v := c.m[header]
	c.mu.RUnlock()
	return v
}

func (c *ticketCache) put(header string, v *verifiedTicket, now uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]*verifiedTicket{}
	}
	if len(c.m) >= maxCachedTickets && now > c.expiry {
		c.pruneLocked(now)
	}
	if len(c.m) < maxCachedTickets {
		c.m[header] = v
		if len(c.m) == 1 || v.st.Ticket.NotAfter < c.expiry {
			c.expiry = v.st.Ticket.NotAfter
		}
	}
}

// prune forgets the tickets that have expired by now (unix seconds).
func (c *ticketCache) prune(now uint64) {
	c.mu.Lock()
	c.pruneLocked(now)
	c.mu.Unlock()
}

func (c *ticketCache) pruneLocked(now uint64) {
	c.expiry = ^uint64(0)
	for k, v := range c.m {
		if now > v.st.Ticket.NotAfter {
			delete(c.m, k)
		} else {
			c.expiry = min(c.expiry, v.st.Ticket.NotAfter)
		}
	}
}

// pending is a request whose headers passed every check that does not need its body (preauthenticate):
// its verified ticket, seq and time, and its signature (or MAC) still to check against the body.
type pending struct {
	vt        *verifiedTicket
	seq, unix uint64
	sig       []byte
	mac       string
	hold      uint64 // a session not open yet: until when its id is held once closed (ticketBound, session.Table.Begin's hold)
	// first: the session was not open at preauthenticate (its RFC and credit checked): once the request
	// is authenticated, admitCredit takes its reservation.
	first bool
	// credit: admitCredit holds a reservation for the session, which its handler ends (creditDone).
	credit bool
}

// preauthenticate checks the X-LT headers before the request's body is read, so that a request without a
// valid ticket never gets its body read (up to MaxBodyBytes, held for the read timeout): the request
// header's form and time, the signature's encoding, the ticket (ticket), a MAC'd request's session has a
// MAC key, the session's state (session.Table.Check: model served, not closed, seq not replayed) and, for
// a session not open here yet, the user's RFC its ticket must follow from (checkRFC).
// authenticate then checks the signature or MAC, which cover the body's hash.
func (s *Server) preauthenticate(w http.ResponseWriter, r *http.Request) (*pending, error) {
	// Padding is accepted but not part of the value: one ticket is one ticket cache key.
	th := strings.TrimRight(wire.HeaderValue(r.Header, wire.KeyTicket), "=")
	if th == "" {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeUnauthorized,
			"missing %s header: open a session at a router (POST /v1/rfc) and send its ticket", wire.HeaderTicket)
	}
	// Cheap checks (the request header's form and time, the signature's encoding) before any
	// elliptic-curve work.
	now, p := s.now(), &pending{}
	rh := wire.HeaderValue(r.Header, wire.KeyRequest)
	if rh == "" {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeUnauthorized,
			"missing %s header (<seq>.<unix seconds>, signed by the session key): a session's requests are signed by a Lake Travis client — lt gateway for any OpenAI client, lt chat, or the client library (protocol/README.md, \"Session authentication\")", wire.HeaderRequest)
	}
	seqStr, unixStr, found := strings.Cut(rh, ".")
	var err1, err2 error
	p.seq, err1 = strconv.ParseUint(seqStr, 10, 64)
	p.unix, err2 = strconv.ParseUint(unixStr, 10, 64)
	if !found || err1 != nil || err2 != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s must be <seq>.<unix seconds>", wire.HeaderRequest)
	}
	skew := int64(s.cfg.ClockSkew / 1e9)
	if d := now.Unix() - int64(p.unix); d > skew || d < -skew {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeExpired,
			"request time %d is %d s away from the provider's clock (limit %d s): check your clock", p.unix, d, skew)
	}
	p.mac = wire.HeaderValue(r.Header, wire.KeyMAC)
	if p.mac == "" {
		var err error
		if p.sig, err = hexutil.Decode(wire.HeaderValue(r.Header, wire.KeySignature)); err != nil {
			return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s is not 0x-hex: %v", wire.HeaderSignature, err)
		}
	}
	var err error
	var cacheAs string
	if p.vt, cacheAs, err = s.ticket(w, r, th, uint64(now.Unix())); err != nil {
		return nil, err
	}
	if cacheAs != "" {
		// Whatever the checks below decide: the router signed it, and its holder's next request costs
		// no recovery of the ticket's signer (at most the RFC's, behind RateIP as any forged ticket's).
		s.tickets.put(cacheAs, p.vt, uint64(now.Unix()))
	}
	t := &p.vt.st.Ticket
	if _, _, ok := s.mac.get(t.SessionID); p.mac != "" && !ok {
		return nil, errNoMACKey
	}
	if err := s.sessions.Check(t, p.vt.digest, p.seq); err != nil {
		return nil, sessionError(err)
	}
	if !s.sessions.IsOpen(t.SessionID) {
		// The session's first request (or one racing it): the ticket is accepted only if it follows from an
		// RFC its user signed. An open session's ticket passed this when it was accepted (once a session).
		if p.hold, err = s.checkRFC(r, t, now); err != nil {
			return nil, err
		}
		// … and only if its user's allowance (and deposit, with useDeposit) still covers it (credit.go): only
		// checked here, the reservation taken once the request's signature verified (admitCredit).
		if _, err = s.checkCredit(w, r, p.vt, false); err != nil {
			return nil, err
		}
		p.first = true
	}
	return p, nil
}

// checkRFC checks the user's signed RFC a session's first request carries (X-LT-RFC) against the ticket
// t, as a keeper will before it credits the session (PROTOCOL §8, settle.TicketOfRFC): the ticket follows
// from the RFC (same user, the session id derived from the RFC and this provider, same model, a price
// within the RFC's maximum, at most its seconds, the session key it authorised, its deposit consent), the
// RFC's deadline is at most eip712.MaxDeadlineAhead ahead, as the router checks it and with no clock skew
// added (keepers take the session to start no earlier than deadline − 10 min, so a later one dates every
// close before the start: never credited), and the RFC is signed under the deployment's domain by the ticket's user. Its nonce is well
// formed by decoding (a uint64); whether the user used it before is the router's to check. The ticket's
// notAfter is at most ticketBound(RFC), which it returns: until when the session's id is held closed once
// it closes, so that another router's ticket for the same RFC is never served a second time. Cheap checks
// first: one elliptic-curve recovery, only for an RFC that matches. Errors are §9: 403 rfc_required
// without it, 403 with settle's code when the ticket does not follow, 403 forbidden past the bound, 401
// bad_signature, 400 bad_request for a malformed RFC or deadline.
func (s *Server) checkRFC(r *http.Request, t *eip712.SessionTicket, now time.Time) (uint64, error) {
	h := wire.HeaderValue(r.Header, wire.KeyRFC)
	if h == "" {
		return 0, wire.Errorf(http.StatusForbidden, wire.CodeRFCRequired,
			"missing %s header: a session's first request carries the user's signed RFC (the POST /v1/rfc body), so the provider serves only tickets keepers will credit", wire.HeaderRFC)
	}
	srfc, err := wire.DecodeRFC(h)
	if err != nil {
		return 0, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err)
	}
	rfc := &srfc.RFC
	digest := s.cfg.Domain.Digest(rfc)
	if err := settle.TicketOfRFC(digest, rfc, t); err != nil {
		var m *settle.Mismatch
		if errors.As(err, &m) {
			return 0, wire.Errorf(http.StatusForbidden, m.Code,
				"the ticket does not follow from the user's RFC (keepers credit no such session): %s", m.Detail)
		}
		return 0, wire.Errorf(http.StatusForbidden, wire.CodeForbidden, "%v", err)
	}
	ahead := uint64(eip712.MaxDeadlineAhead / time.Second)
	if unix := uint64(max(now.Unix(), 0)); rfc.Deadline > unix && rfc.Deadline-unix > ahead {
		return 0, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest,
			"RFC deadline %d is more than %d s ahead of the provider's clock (%d): keepers would date the session after its close", rfc.Deadline, ahead, unix)
	}
	hold := ticketBound(rfc)
	if t.NotAfter > hold {
		return 0, wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"ticket lasts until %d, past the RFC's deadline %d plus its maxSeconds %d and %d s (no honest router's does): its session could be served twice",
			t.NotAfter, rfc.Deadline, rfc.MaxSeconds, settle.TicketSlack)
	}
	if _, err := srfc.Verify(s.cfg.Domain); err != nil {
		return 0, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "RFC signature (it must be the ticket's user %s's): %v", t.User, err)
	}
	return hold, nil
}

var errNoMACKey = wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature,
	"no MAC key for this session here: sign the request (%s)", wire.HeaderSignature)

// authenticate checks request p (preauthenticated) against its body (protocol/README.md "Session
// authentication"): the request is signed by the ticket's session key (the ticket's user when it names
// none), or carries a MAC under the session's MAC key (authenticateMAC). A signed request's answer
// announces the provider's MAC key. The sequence number is checked again by the session table,
// atomically with admission.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, p *pending, body []byte) (*authed, error) {
	// The clock read again: the body may have taken up to the read timeout to arrive, and the MAC's
	// evidence lag and a new MAC key's evidence time are judged as the request is admitted.
	vt, seq, now := p.vt, p.seq, s.now()
	t := &vt.st.Ticket
	signed := wire.SignedRequest{Seq: seq, Time: p.unix, Method: r.Method, Path: r.URL.Path, BodyHash: crypto.Keccak256Hash(body)}
	text := signed.Text(s.cfg.Domain.ChainID(), t.SessionID)
	if p.mac != "" {
		return s.authenticateMAC(r, vt, signed, text, p.mac, uint64(now.Unix()))
	}
	sig := p.sig
	digest := wire.RequestDigest(text)
	signer, err := eip712.Recover(digest, sig)
	if err != nil {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "request signature: %v", err)
	}
	if want := t.Signer(); signer != want {
		if t.SessionKey != (common.Address{}) {
			return nil, wire.Errorf(http.StatusForbidden, wire.CodeBadSignature,
				"request signed by %s, the session's key is %s (user %s)", signer, want, t.User)
		}
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeBadSignature,
			"request signed by %s, the session belongs to %s", signer, t.User)
	}
	copy(signed.Signature[:], sig)
	if _, _, ok := s.mac.get(t.SessionID); !ok {
		// Once per session: the session key's public key, for the session's MAC key.
		sig65 := signed.Signature
		if sig65[64] >= 27 {
			sig65[64] -= 27
		}
		pub, err := crypto.SigToPub(digest[:], sig65[:])
		if err == nil {
			err = s.mac.derive(t, pub, uint64(now.Unix()))
		}
		if err != nil {
			s.log.Warn("session MAC key not derived", errField(err))
		}
	}
	if _, _, ok := s.mac.get(t.SessionID); ok {
		s.announceMAC(w)
	}
	return &authed{ticket: vt.st, digest: vt.digest, seq: seq, signed: signed}, nil
}

// authenticateMAC checks a request that carries X-LT-MAC instead of a signature: the session has a MAC
// key (derived from one of its signed requests), mac is the request text's HMAC under it, the newest
// request whose signature the provider verified is at most wire.MaxEvidenceLag old, and X-LT-Evidence,
// when present, is well formed, older than this request and not dated before now minus the clock skew
// and wire.MaxEvidenceLag (its signature is verified once the request is admitted, off its path). A 401
// asks the client to sign the request; a MAC that does not verify is a 403.
func (s *Server) authenticateMAC(r *http.Request, vt *verifiedTicket, signed wire.SignedRequest, text, mac string, now uint64) (*authed, error) {
	t := &vt.st.Ticket
	key, evidenceAt, ok := s.mac.get(t.SessionID)
	if !ok {
		return nil, errNoMACKey
	}
	if !key.Check(text, mac) {
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeBadSignature, "%s does not verify under the session's MAC key", wire.HeaderMAC)
	}
	if now > evidenceAt+wire.MaxEvidenceLag {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature,
			"the session's newest signed request is from %d, over %d s ago: sign the request (%s)", evidenceAt, wire.MaxEvidenceLag, wire.HeaderSignature)
	}
	a := &authed{ticket: vt.st, digest: vt.digest, seq: signed.Seq, signed: signed, mac: true}
	if h := wire.HeaderValue(r.Header, wire.KeyEvidence); h != "" {
		ev, err := wire.ParseEvidence(h)
		if err != nil {
			return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err)
		}
		if ev.Seq >= signed.Seq || ev.Time > signed.Time {
			return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest,
				"%s must be an earlier request (seq %d, time %d) than this one (seq %d, time %d)", wire.HeaderEvidence, ev.Seq, ev.Time, signed.Seq, signed.Time)
		}
		// An honest client sends the signature of a request it made a few seconds before (the MAC path
		// needs evidence at most wire.MaxEvidenceLag old); anything older than the clock skew and that lag
		// is dated back on purpose. Evidence older than the session's newest is never kept either
		// (session.Table.Signed), so it can never lower what a provider alone may bill.
		if oldest := int64(now) - int64(s.cfg.ClockSkew/time.Second) - wire.MaxEvidenceLag; int64(ev.Time) < oldest {
			return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest,
				"%s is dated %d, before %d (the clock skew and evidence lag allowed): send the signature of a recent request", wire.HeaderEvidence, ev.Time, oldest)
		}
		a.evidence = ev
	}
	return a, nil
}

// MaxTicketLife bounds how far ahead a ticket's notAfter may be: a router sets it at the RFC's deadline
// (at most 10 minutes ahead) plus its maxSeconds and a grace, and no chat session lasts a week.
const MaxTicketLife = 7 * 24 * time.Hour

// ticket returns the verified ticket of X-LT-Ticket value th (without padding; from the cache when it passed before) after
// the checks made on every request: an authorised router signed it, it names this provider, it has not
// expired. cacheAs is its encoding when it was not cached: the caller caches it under that (ticketCache.put),
// whatever the session's other checks decide (the RFC, for a session's first request): it passed the
// router's.
func (s *Server) ticket(w http.ResponseWriter, r *http.Request, th string, now uint64) (_ *verifiedTicket, cacheAs string, _ error) {
	vt := s.tickets.get(th)
	cached := vt != nil
	if !cached {
		// Strict base64 (non-zero trailing bits refused); other JSON spellings of a ticket are found under
		// its encoding (ticketCache).
		raw, err := base64.RawURLEncoding.Strict().DecodeString(th)
		if err != nil {
			return nil, "", wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s is not base64url: %v", wire.HeaderTicket, err)
		}
		st, err := eip712.DecodeSignedSessionTicket(raw)
		if err != nil {
			return nil, "", wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s: %v", wire.HeaderTicket, err)
		}
		if enc, err := wire.EncodeTicket(st); err == nil && enc != th {
			th = enc
			vt = s.tickets.get(th)
			cached = vt != nil
		}
		if !cached {
			signer, digest, err := st.Recover(s.cfg.Domain)
			if err != nil {
				return nil, "", wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "ticket signature: %v", err)
			}
			vt = &verifiedTicket{st: st, digest: digest, router: signer}
		}
	}
	t := &vt.st.Ticket
	if c, ok := s.cfg.Routers.(knownAuthority); !ok || !c.Known(vt.router) {
		if err := s.cfg.ChainReads.Check(w, ratelimit.ClientIP(r)); err != nil {
			return nil, "", err
		}
		if err := s.cfg.ChainReadsTotal.Check(w, ""); err != nil {
			return nil, "", err
		}
	}
	ok, err := s.cfg.Routers.IsRouter(r.Context(), vt.router)
	if err != nil {
		s.log.Warn("router role lookup failed", errField(err))
		return nil, "", wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "cannot check the ticket's router right now; retry")
	}
	if !ok {
		return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"ticket signed by %s, which is not an authorised router (no ROUTER_ROLE on the Marketplace)", vt.router)
	}
	if t.Provider != s.cfg.Provider {
		return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"ticket is for provider %s, this is %s", t.Provider, s.cfg.Provider)
	}
	if now > t.NotAfter {
		return nil, "", wire.Errorf(http.StatusUnauthorized, wire.CodeExpired, "ticket expired at %d (now %d): open a new session", t.NotAfter, now)
	}
	if t.NotAfter-now > uint64(MaxTicketLife/time.Second) {
		// What the provider keeps of a session (its closed id, its retired close report) lasts until
		// notAfter at least: a ticket dated to the far future would have it kept for ever.
		return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden, "ticket lasts until %d, more than %s ahead (now %d): no session is that long",
			t.NotAfter, MaxTicketLife, now)
	}
	if w := uint64((s.cfg.DepositWindow + s.cfg.ClockSkew) / time.Second); !cached && t.UseDeposit && s.cfg.DepositWindow > 0 && t.NotAfter-now > w {
		// Judged when the ticket is first presented, as the router caps it when it issues it (notAfter − now
		// within the window; our clock may be ClockSkew behind the router's).
		return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"deposit-paid ticket lasts until %d, more than the deposit window %s ahead (now %d): its router did not cap it, and the deposit could be withdrawn before the session ends",
			t.NotAfter, s.cfg.DepositWindow, now)
	}
	if !cached && t.UseDeposit && s.cfg.SpendCap != nil {
		// Keepers charge a user's sessions at every router to its allowance first, so this one may fall on
		// the deposit whole, and one costing more than every daily spend cap to come is never credited.
		// No cap read yet (the chain unreachable since start, or before payoutStart): refused, not cached,
		// so it is checked when presented again; let through, it would be cached and never checked, in a
		// window a hostile router can time.
		limit, ok := s.cfg.SpendCap.Lowest()
		if !ok {
			ratelimit.Retry(w, spendcap.Refresh) // provider serve reads the cap again so often
			return nil, "", wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
				"this provider has not read the ComputePool's daily spend cap yet, which a deposit-paid ticket is checked against: retry")
		}
		if cost, overflow := t.Cost(); overflow || cost.Gt(limit) {
			return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
				"deposit-paid ticket costs %s wei/s × %d s, more than the daily spend cap %s wei: keepers would never credit all of it (its router did not cap it)",
				t.PricePerSecond.Dec(), t.MaxSeconds, limit.Dec())
		}
	}
	if !cached && s.cfg.PriceFloor != nil {
		// Judged when the ticket is first presented, right after its router issued it: a bid raised later
		// does not cut a session short.
		if floor, ok := s.cfg.PriceFloor.Of(t.ModelID); ok && t.PricePerSecond.Lt(floor) {
			return nil, "", wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
				"ticket price %s wei/s is below this provider's bid for the model (%s wei/s): its router did not price it at the provider's bid",
				t.PricePerSecond.Dec(), floor.Dec())
		}
	}
	if cached {
		return vt, "", nil
	}
	return vt, th, nil
}
