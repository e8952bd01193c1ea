package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Close ways.
const (
	ClosedAtProvider = "provider" // receipt countersigned by the provider, whose report the router's record carries
	ClosedAtRouter   = "router"   // closed at the router by the client: the user's signature (and the provider's, when it countersigned and did not report)
)

// CloseResult says how a session was closed.
type CloseResult struct {
	SessionID         common.Hash         `json:"sessionId"`
	Receipt           eip712.UsageReceipt `json:"receipt"`
	UserSignature     eip712.Signature    `json:"userSignature"`
	ProviderSignature *eip712.Signature   `json:"providerSignature,omitempty"`
	// TicketAcceptance is the provider's acceptance of the session's ticket, which the close carried to the
	// router (keepers keep that close over another router's re-ticketed copy): from the provider's close
	// answer, or from its answers to requests when closed at the router; nil when the client had none.
	TicketAcceptance *eip712.Signature   `json:"ticketAcceptance,omitempty"`
	Via              string              `json:"via"`
	ProviderError    string              `json:"providerError,omitempty"` // why the provider's close was not taken: no countersignature, or not reported
	Record           *wire.SessionRecord `json:"router,omitempty"`        // the router's record carrying the close
	// Payment is what the session cost from each source as the router charged it (its record when closed
	// there, else the receipt's seconds at the ticket's price split like the router's reservation); nil
	// when the router did not say (a router before paid usage).
	Payment *wire.Payment `json:"payment,omitempty"`
	// Unused says the session was never used: this client sent it no request and holds no acceptance of
	// its ticket, the provider answered the close unknown_session (it never accepted the ticket), and the
	// router closed it with the user's receipt of 0 s, billing nothing. The provider's refusal
	// (ProviderError) is then the expected answer, not a fault.
	Unused bool `json:"unused,omitempty"`
}

// Receipt returns the usage receipt for what the session used so far, capped at the ticket's
// maxSeconds.
func (s *Session) Receipt() eip712.UsageReceipt {
	u := s.Usage()
	return eip712.UsageReceipt{SessionID: s.grant.SessionID, Seconds: min(u.Seconds, s.grant.Ticket.MaxSeconds),
		InputTokens: u.InputTokens, OutputTokens: u.OutputTokens, TTFTMs: u.TTFTMs}
}

// SignReceipt signs r with the session's key (session key or user key) under the session's domain.
func (s *Session) SignReceipt(r eip712.UsageReceipt) (eip712.Signature, error) {
	return s.domain.Sign(&r, s.key)
}

// Close stops new requests, signs the usage receipt and posts it to the provider
// (POST /v1/sessions/{id}/close), which countersigns it and reports the close to the router. The provider's
// word is not taken for it: its countersignature must recover to the key that signed its acceptance of the
// ticket (when the client holds one), and the router's record must carry the user's receipt and signature
// (wire.SessionRecord.Carries) within a few reads of GET /v1/sessions/{id} (closeConfirmReads); a router
// still without a close then gets it from the client, with the countersignature. When the provider is
// unreachable (transport error, 5xx), refuses the close (any 4xx: it does not know the session, has closed
// it, disputes the receipt…), answers 2xx with no valid countersignature of this receipt, or never reports
// it, the session is closed at the router with the user's signature; a router that answers
// session_closed with this very receipt and signature in its record (the provider reported them itself)
// counts as that close, and one holding another close of the session is an *OtherCloseError naming both.
// A second Close returns the first one's result.
func (s *Session) Close(ctx context.Context) (*CloseResult, error) {
	return s.close(ctx, true)
}

// CloseAtRouter closes the session at the router with the user's signature only, without asking the
// provider: for a provider known to be dead.
func (s *Session) CloseAtRouter(ctx context.Context) (*CloseResult, error) {
	return s.close(ctx, false)
}

func (s *Session) close(ctx context.Context, askProvider bool) (*CloseResult, error) {
	s.mu.Lock()
	if s.result != nil {
		r := s.result
		s.mu.Unlock()
		return r, nil
	}
	s.closing = true
	s.mu.Unlock()

	rc := s.Receipt()
	sig, err := s.SignReceipt(rc)
	if err != nil {
		return nil, fmt.Errorf("client: sign receipt: %w", err)
	}
	res := &CloseResult{SessionID: rc.SessionID, Receipt: rc, UserSignature: sig}
	req := wire.CloseRequest{Receipt: rc, UserSignature: &sig}
	mine := req                // what the router's record must carry: the user's receipt and signature
	countersigned := false     // the provider answered with a countersignature, and did not report it
	unknownAtProvider := false // the provider answered the close unknown_session
	if askProvider {
		psig, acc, err := s.closeAtProvider(ctx, req)
		switch {
		case err == nil && s.router == nil:
			// Nothing to confirm the provider's report with (a session held without a router).
			res.ProviderSignature, res.TicketAcceptance, res.Via = psig, acc, ClosedAtProvider
			res.Payment = s.billed(rc)
			s.setResult(res)
			return res, nil
		case err == nil:
			rec, err := s.confirm(ctx, mine)
			if err != nil {
				return nil, err
			}
			if rec != nil {
				res.ProviderSignature, res.TicketAcceptance, res.Via, res.Record = psig, acc, ClosedAtProvider, rec
				res.Payment = s.paymentOf(rec, rc)
				s.setResult(res)
				return res, nil
			}
			// The provider countersigned and the router has no close yet: closed there by the client, with the
			// countersignature (the provider's own report, arriving after, finds its close taken).
			req.ProviderSignature, countersigned = psig, true
			res.ProviderError = fmt.Sprintf("the provider countersigned the receipt but the router held no close of the session after %d reads: closed at the router", closeConfirmReads)
		case !fallBackToRouter(err):
			return nil, err
		default:
			res.ProviderError = err.Error()
			var we *wire.Error
			unknownAtProvider = errors.As(err, &we) && we.Code == wire.CodeUnknownSession
		}
	}
	if s.router == nil {
		return nil, fmt.Errorf("client: close %s at the router: no router configured (provider: %s)", rc.SessionID, res.ProviderError)
	}
	s.mu.Lock()
	req.TicketAcceptance = s.acceptance
	s.mu.Unlock()
	rec, err := s.closeAtRouter(ctx, req)
	var we *wire.Error
	if (req.TicketAcceptance != nil || req.ProviderSignature != nil) && errors.As(err, &we) &&
		(we.Code == wire.CodeBadSignature || we.Code == wire.CodeBadProviderSignature) {
		// The provider's announcement or countersignature was not its signer's: close with the user's alone.
		req.TicketAcceptance, req.ProviderSignature = nil, nil
		rec, err = s.closeAtRouter(ctx, req)
	}
	if errors.As(err, &we) && we.Code == wire.CodeSessionClosed {
		var oe *OtherCloseError
		if rec, err = s.closedWith(ctx, mine, err); err == nil {
			// What the close the router took carried.
			req.TicketAcceptance, req.ProviderSignature = rec.TicketAcceptance, rec.ProviderSignature
		} else if errors.As(err, &oe) {
			oe.Countersigned = countersigned
		}
	}
	if err == nil && (rec == nil || !rec.Carries(req)) {
		// A router's 2xx must record this very close: one answering with another (a record billing other
		// seconds, or none) misreports what keepers will be shown, and is not taken for the close.
		err = fmt.Errorf("client: close %s at the router: %w", rc.SessionID, ErrRecordNotCarried)
	}
	if err != nil && countersigned && errors.Is(err, ErrUnreachable) {
		// The provider may well report it later (an honest one keeps its close until the router takes it):
		// nothing here says so, and the user may close again once the router answers.
		err = fmt.Errorf("client: close %s: the provider countersigned the receipt, and the router, unreachable, neither showed its report nor took the close: %w",
			rc.SessionID, err)
	}
	if err != nil {
		return nil, err
	}
	res.TicketAcceptance, res.ProviderSignature = req.TicketAcceptance, req.ProviderSignature
	res.Via, res.Record, res.Payment = ClosedAtRouter, rec, s.paymentOf(rec, rc)
	s.mu.Lock()
	sent := s.seq
	s.mu.Unlock()
	res.Unused = unknownAtProvider && sent == 0 && s.Usage().Requests == 0 && rc.Seconds == 0 &&
		res.TicketAcceptance == nil && res.ProviderSignature == nil && rec.BilledSeconds == 0
	s.setResult(res)
	return res, nil
}

// closeConfirmPause is the first pause between confirm's reads of the router's record (doubling each
// time); tests shorten it.
var closeConfirmPause = 250 * time.Millisecond

// closeConfirmReads bounds confirm's reads: pauses of 0.25+0.5+1+2 s between 5 reads. The provider reports
// a close as it answers it (provider/server), so an honest one's is there within a read or two.
const closeConfirmReads = 5

// confirm reads the router's record of mine's session (GET /v1/sessions/{id}) after the provider took the
// close, until it holds a close: the record when it carries mine (the provider reported it), an
// *OtherCloseError when it holds another (the provider closed alone, billing what it likes), nil when it
// holds none after closeConfirmReads reads (or cannot be read, or ctx ends), so the caller closes there.
func (s *Session) confirm(ctx context.Context, mine wire.CloseRequest) (*wire.SessionRecord, error) {
	pause := closeConfirmPause
	for i := 1; ; i++ {
		rec, other := s.routerClose(ctx, mine)
		switch {
		case rec != nil:
			return rec, nil
		case other != nil:
			other.Countersigned = true
			return nil, other
		case i == closeConfirmReads:
			return nil, nil
		}
		select {
		case <-ctx.Done():
			return nil, nil
		case <-time.After(pause):
		}
		pause *= 2
	}
}

// OtherCloseError is Close's failure when the router holds another close of the session than the user's
// receipt and signature: the provider closed it alone (or reported another receipt) — after countersigning
// the user's receipt, when Countersigned, which shows the provider misbehaved. Keepers settle the close the
// router took; the error names both so the user can see what was billed instead of what they signed.
type OtherCloseError struct {
	Receipt       eip712.UsageReceipt // the user's receipt
	Record        *wire.SessionRecord // the router's record, with the other close
	Countersigned bool                // the provider answered the user's close with a countersignature
	Refusal       error               // the router's refusal of the user's close (409 session_closed), if it was sent
}

func (e *OtherCloseError) Unwrap() error { return e.Refusal }

func (e *OtherCloseError) Error() string {
	r := e.Record
	who := "the user alone (another receipt)"
	switch {
	case r.UserSignature != nil && r.ProviderSignature != nil:
		who = "the user and the provider (another receipt)"
	case r.ProviderSignature != nil:
		who = "the provider alone"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "client: session %s: the router holds another close than the user's receipt (%d s): receipt %d s signed by %s, billed %d s (%s)",
		e.Receipt.SessionID, e.Receipt.Seconds, r.Receipt.Seconds, who, r.BilledSeconds, r.CloseReason)
	if r.BilledSeconds > e.Receipt.Seconds {
		fmt.Fprintf(&b, ", %d s more than the user's receipt", r.BilledSeconds-e.Receipt.Seconds)
	}
	if e.Countersigned {
		b.WriteString("; the provider countersigned the user's receipt and closed the session otherwise at the router")
	}
	if e.Refusal != nil {
		fmt.Fprintf(&b, " (%v)", e.Refusal)
	}
	return b.String()
}

// ErrRecordNotCarried is a router's answer to a close that takes it (2xx) with a record of the session
// that does not carry the close's receipt and signature (wire.SessionRecord.Carries).
var ErrRecordNotCarried = errors.New("the router answered with a record that does not carry this receipt and signature")

// closedWith returns the router's record of mine's session when the router closed it with mine's very
// receipt and user signature (wire.SessionRecord.Carries): the provider reported them itself (its signer
// failed to countersign the receipt and it answered 503, or it countersigned and reported after confirm's
// reads) or an earlier attempt's answer was lost. A record with another close is an *OtherCloseError
// wrapping closed, the router's refusal; an unread record gives closed.
func (s *Session) closedWith(ctx context.Context, mine wire.CloseRequest, closed error) (*wire.SessionRecord, error) {
	rec, other := s.routerClose(ctx, mine)
	switch {
	case rec != nil:
		return rec, nil
	case other != nil:
		other.Refusal = closed
		return nil, other
	}
	return nil, closed
}

// routerClose reads the router's record of mine's session (GET /v1/sessions/{id}): the record when it
// carries mine (wire.SessionRecord.Carries), an *OtherCloseError when it holds another close, neither when
// it holds none or cannot be read.
func (s *Session) routerClose(ctx context.Context, mine wire.CloseRequest) (*wire.SessionRecord, *OtherCloseError) {
	rec, err := s.router.Session(ctx, mine.Receipt.SessionID)
	switch {
	case err != nil:
		return nil, nil
	case rec.Carries(mine):
		return rec, nil
	case rec.Receipt != nil:
		return nil, &OtherCloseError{Receipt: mine.Receipt, Record: rec}
	}
	return nil, nil
}

// closeRetryPause is the first pause before closeAtRouter tries again (doubling each time); tests shorten it.
var closeRetryPause = time.Second

// closeRetries bounds closeAtRouter's attempts after the first: pauses of 1+2+4+8 s.
const closeRetries = 4

// closeAtRouter posts req to the router, again (up to closeRetries times, while ctx lasts) while it
// answers 503 unavailable (it cannot judge the provider's acceptance just now: the chain's head unread, or
// a signer rotation its book has not confirmed; router/api checkProviderKeys keeps the close meanwhile and
// takes it, dated at its first arrival, once it can, so a close given up here may still be taken) or 429
// rate_limited (the user's address is over the router's per-address limit: a gateway closing many
// sessions at once, or others behind the same address). Given up on 503, the close is most likely kept at
// the router, ahead of any close arriving after it (unless the session kept its most already); otherwise
// it leaves the session open for the provider to close alone, up to settle.RequestGrace past the user's
// last request.
func (s *Session) closeAtRouter(ctx context.Context, req wire.CloseRequest) (*wire.SessionRecord, error) {
	pause := closeRetryPause
	for i := 0; ; i++ {
		rec, err := s.router.Close(ctx, req.Receipt.SessionID, req)
		var we *wire.Error
		if i == closeRetries || !errors.As(err, &we) || we.Code != wire.CodeUnavailable && we.Code != wire.CodeRateLimited {
			return rec, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(pause):
		}
		pause *= 2
	}
}

// learnAcceptance keeps the provider's acceptance of the session's ticket from an answer
// (X-LT-Ticket-Acceptance), the first that is a signature of this ticket's acceptance. Whether its signer
// is the provider's registered one only the router and keepers can tell; the router refuses a wrong one,
// and Close then closes without it.
func (s *Session) learnAcceptance(resp *http.Response) {
	h := wire.HeaderValue(resp.Header, wire.KeyTicketAcceptance)
	if h == "" {
		return
	}
	s.mu.Lock()
	have := s.acceptance != nil
	s.mu.Unlock()
	var sig eip712.Signature
	if have || sig.UnmarshalText([]byte(h)) != nil {
		return
	}
	if _, err := settle.AcceptanceSigner(s.domain, &s.grant.Ticket, s.ticketRouter, &sig); err != nil {
		return
	}
	s.mu.Lock()
	if s.acceptance == nil {
		s.acceptance = &sig
	}
	s.mu.Unlock()
}

// paymentOf is what the router's record rec of the close of receipt rc says the session cost, unless it
// says nothing or more than rc costs at the ticket's price (a router misreporting it; it may bill less, the
// wall clock bounding the receipt): then billed(rc).
func (s *Session) paymentOf(rec *wire.SessionRecord, rc eip712.UsageReceipt) *wire.Payment {
	p := rec.Payment
	if p == nil || p.Allowance == nil || p.Deposit == nil {
		return s.billed(rc)
	}
	total, overflow := new(uint256.Int).AddOverflow(p.Allowance, p.Deposit)
	if overflow || total.Gt(s.cost(rc)) {
		return s.billed(rc)
	}
	return p
}

// billed is what receipt rc costs from each source, split like the router's reservation (nil when the
// router did not say how it reserved).
func (s *Session) billed(rc eip712.UsageReceipt) *wire.Payment {
	if s.grant.Payment == nil {
		return nil
	}
	return s.grant.Payment.Billed(s.cost(rc))
}

// cost is what the session's receipt rc (Receipt: at most the ticket's maxSeconds) costs at the ticket's
// price.
func (s *Session) cost(rc eip712.UsageReceipt) *uint256.Int {
	return new(uint256.Int).Mul(uint256.NewInt(uint64(rc.Seconds)), &s.grant.Ticket.PricePerSecond)
}

func (s *Session) setResult(r *CloseResult) {
	s.mu.Lock()
	s.result = r
	s.mu.Unlock()
}

// fallBackToRouter reports whether a failed provider close should be made at the router instead: the
// provider unreachable (transport error, 5xx), refusing it (any 4xx: unknown_session, session_closed, a
// receipt it disputes, or a refusal a hostile provider makes up so the close is given up and it closes
// alone), or answering 2xx without a valid countersignature of this receipt (errProviderAnswer).
func fallBackToRouter(err error) bool {
	if errors.Is(err, ErrUnreachable) || errors.Is(err, errProviderAnswer) {
		return true
	}
	var e *wire.Error
	return errors.As(err, &e) && e.Status >= 400 && e.Status < 500
}

// errProviderAnswer marks a provider's 2xx to a close that does not countersign the receipt sent: an
// undecodable answer, another receipt, or a countersignature that is not by the key that signed its
// acceptance of the ticket.
var errProviderAnswer = errors.New("the provider's answer does not countersign the receipt")

// closeAtProvider posts the user-signed receipt to the provider and returns its countersignature and its
// acceptance of the session's ticket (nil from a provider that sent none). The countersignature must
// recover to the signer of every acceptance of this ticket the client holds (announced on the provider's
// answers, learnAcceptance, or in this answer): whether that key is the provider's registered signer only
// the router can tell (confirm asks it for the close).
func (s *Session) closeAtProvider(ctx context.Context, req wire.CloseRequest) (*eip712.Signature, *eip712.Signature, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/sessions/"+s.grant.SessionID.Hex()+"/close", bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := s.hc.Do(hr)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: provider %s: %w", ErrUnreachable, s.base, err)
	}
	defer resp.Body.Close()
	var out struct {
		Receipt           eip712.UsageReceipt `json:"receipt"`
		ProviderSignature eip712.Signature    `json:"providerSignature"`
		TicketAcceptance  *eip712.Signature   `json:"ticketAcceptance"`
	}
	if err := decodeAnswer(resp, &out); err != nil {
		var we *wire.Error
		if !errors.As(err, &we) && !errors.Is(err, ErrUnreachable) {
			err = fmt.Errorf("%w: %w", errProviderAnswer, err) // a 2xx that does not decode
		}
		return nil, nil, fmt.Errorf("provider: close %s: %w", s.grant.SessionID, err)
	}
	if out.Receipt != req.Receipt {
		return nil, nil, fmt.Errorf("provider: close %s: %w: it countersigned another receipt than the one sent", s.grant.SessionID, errProviderAnswer)
	}
	signer, _, err := s.domain.Recover(&req.Receipt, out.ProviderSignature[:])
	if err != nil {
		return nil, nil, fmt.Errorf("provider: close %s: %w: countersignature: %w", s.grant.SessionID, errProviderAnswer, err)
	}
	s.mu.Lock()
	accs := []*eip712.Signature{s.acceptance, out.TicketAcceptance}
	s.mu.Unlock()
	for _, acc := range accs {
		if acc == nil {
			continue
		}
		if a, err := settle.AcceptanceSigner(s.domain, &s.grant.Ticket, s.ticketRouter, acc); err != nil || a != signer {
			return nil, nil, fmt.Errorf("provider: close %s: %w: countersignature by %s, its acceptance of the ticket by %s (%v)",
				s.grant.SessionID, errProviderAnswer, signer, a, err)
		}
	}
	if out.TicketAcceptance != nil {
		s.mu.Lock()
		if s.acceptance == nil {
			s.acceptance = out.TicketAcceptance // for a close at the router after all
		}
		s.mu.Unlock()
	}
	return &out.ProviderSignature, out.TicketAcceptance, nil
}
