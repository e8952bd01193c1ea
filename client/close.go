package client

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Close ways.
const (
	ClosedAtProvider = "provider" // receipt countersigned by the provider, which reports to the router
	ClosedAtRouter   = "router"   // closed at the router with the user's signature only
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
	ProviderError    string              `json:"providerError,omitempty"` // why the provider did not countersign
	Record           *wire.SessionRecord `json:"router,omitempty"`        // the router's record, when closed there
	// Payment is what the session cost from each source as the router charged it (its record when closed
	// there, else the receipt's seconds at the ticket's price split like the router's reservation); nil
	// when the router did not say (a router before paid usage).
	Payment *wire.Payment `json:"payment,omitempty"`
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
// (POST /v1/sessions/{id}/close), which countersigns it and reports the close to the router. When the
// provider is unreachable (transport error, 5xx), does not know the session (it never received a
// request) or has already closed it, the session is closed at the router with the user's signature
// only; a router that answers session_closed with this very receipt and signature in its record (the
// provider reported them itself) counts as that close. A second Close returns the first one's result.
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
	if askProvider {
		psig, acc, err := s.closeAtProvider(ctx, req)
		if err == nil {
			res.ProviderSignature, res.TicketAcceptance, res.Via = psig, acc, ClosedAtProvider
			res.Payment = s.billed(rc)
			s.setResult(res)
			return res, nil
		}
		if !fallBackToRouter(err) {
			return nil, err
		}
		res.ProviderError = err.Error()
	}
	if s.router == nil {
		return nil, fmt.Errorf("client: close %s at the router: no router configured (provider: %s)", rc.SessionID, res.ProviderError)
	}
	s.mu.Lock()
	req.TicketAcceptance = s.acceptance
	s.mu.Unlock()
	rec, err := s.closeAtRouter(ctx, req)
	var we *wire.Error
	if req.TicketAcceptance != nil && errors.As(err, &we) && we.Code == wire.CodeBadSignature {
		req.TicketAcceptance = nil // the provider's announcement was not its signer's: close without it
		rec, err = s.closeAtRouter(ctx, req)
	}
	if errors.As(err, &we) && we.Code == wire.CodeSessionClosed {
		if rec, err = s.closedWith(ctx, req, err); err == nil {
			req.TicketAcceptance = rec.TicketAcceptance // what the close the router took carried
		}
	}
	if err == nil && (rec == nil || !rec.Carries(req)) {
		// A router's 2xx must record this very close: one answering with another (a record billing other
		// seconds, or none) misreports what keepers will be shown, and is not taken for the close.
		err = fmt.Errorf("client: close %s at the router: %w", rc.SessionID, ErrRecordNotCarried)
	}
	if err != nil {
		return nil, err
	}
	res.TicketAcceptance = req.TicketAcceptance
	res.Via, res.Record, res.Payment = ClosedAtRouter, rec, rec.Payment
	if res.Payment == nil {
		res.Payment = s.billed(rc)
	}
	s.setResult(res)
	return res, nil
}

// ErrRecordNotCarried is a router's answer to a close that takes it (2xx) with a record of the session
// that does not carry the close's receipt and signature (wire.SessionRecord.Carries).
var ErrRecordNotCarried = errors.New("the router answered with a record that does not carry this receipt and signature")

// closedWith returns the router's record of req's session when the router closed it with req's very
// receipt and user signature (wire.SessionRecord.Carries): the provider reported them itself (its signer failed to countersign the
// receipt, and it answered 503) or an earlier attempt's answer was lost. Otherwise it returns closed, the
// router's refusal.
func (s *Session) closedWith(ctx context.Context, req wire.CloseRequest, closed error) (*wire.SessionRecord, error) {
	rec, err := s.router.Session(ctx, req.Receipt.SessionID)
	if err != nil || !rec.Carries(req) {
		return nil, closed
	}
	return rec, nil
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
	if _, err := settle.AcceptanceSigner(s.domain, &s.grant.Ticket, &sig); err != nil {
		return
	}
	s.mu.Lock()
	if s.acceptance == nil {
		s.acceptance = &sig
	}
	s.mu.Unlock()
}

// billed is what receipt rc costs from each source, split like the router's reservation (nil when the
// router did not say how it reserved).
func (s *Session) billed(rc eip712.UsageReceipt) *wire.Payment {
	if s.grant.Payment == nil {
		return nil
	}
	cost := new(uint256.Int).Mul(uint256.NewInt(uint64(rc.Seconds)), &s.grant.Ticket.PricePerSecond)
	return s.grant.Payment.Billed(cost)
}

func (s *Session) setResult(r *CloseResult) {
	s.mu.Lock()
	s.result = r
	s.mu.Unlock()
}

// fallBackToRouter reports whether a failed provider close should be retried at the router.
func fallBackToRouter(err error) bool {
	if errors.Is(err, ErrUnreachable) {
		return true
	}
	var e *wire.Error
	return errors.As(err, &e) && (e.Code == wire.CodeUnknownSession || e.Code == wire.CodeSessionClosed)
}

// closeAtProvider posts the user-signed receipt to the provider and returns its countersignature and its
// acceptance of the session's ticket (nil from a provider that sent none).
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
		return nil, nil, fmt.Errorf("provider: close %s: %w", s.grant.SessionID, err)
	}
	if out.Receipt != req.Receipt {
		return nil, nil, fmt.Errorf("provider: close %s: countersigned another receipt than the one sent", s.grant.SessionID)
	}
	return &out.ProviderSignature, out.TicketAcceptance, nil
}
