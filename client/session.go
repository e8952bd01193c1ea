package client

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ErrSessionClosed is returned by requests on a session that Close has begun closing.
var ErrSessionClosed = errors.New("client: session closed")

// A request refused as "replayed" is signed again with a fresh seq. With concurrent requests of one
// session that is expected: a request signed after this one reached the provider first (the provider
// accepts each seq only above the last, PROTOCOL's rule). Such explained refusals are resent up to
// maxExplainedReplays times (under load, with a provider bounding the session's requests, one request can
// be overtaken several times in a row); a refusal no later request of ours explains (another process
// using the session, or a provider refusing everything) only maxReplayRetries times.
const (
	maxReplayRetries    = 3
	maxExplainedReplays = 64
)

// SessionOptions configure a Session. Zero values are usable.
type SessionOptions struct {
	// HTTP calls the provider. nil: a client without an overall timeout (answers stream); bound each
	// call with its context.
	HTTP *http.Client
	// Router closes the session one-sided when the provider cannot. nil: such closes fail.
	Router *RouterClient
	// Now is the clock (tests). nil: time.Now.
	Now func() time.Time
	// RFC is the user's signed RFC the grant answered (Client.Open sets it): it goes to the provider as
	// X-LT-RFC with the session's requests until one is answered with a 2xx, since a provider accepts a
	// ticket only with the RFC it follows from (protocol/wire HeaderRFC). nil: not sent, and a provider
	// refuses the session's first request (rfc_required); a session the provider already opened needs none.
	RFC *eip712.SignedRFC
	// MAC authenticates requests with the per-session MAC fast path once the provider offers it
	// (client/mac.go): one HMAC instead of an ECDSA signature on each request's path. Off: every request
	// is signed, as a browser page signs them.
	MAC bool
}

// Session is one session ticket held with the key that signs for it (the ticket's session key, or the
// user's key when the ticket names none): it authenticates requests to the ticket's provider, meters what
// they used, and closes the session with a signed usage receipt. A Session is safe for concurrent use.
type Session struct {
	grant        wire.RFCResponse
	ticketRouter common.Address // the key that signed the ticket, recovered (grant.Router is the router's claim)
	ticketHeader string
	ticketValue  []string          // {ticketHeader}, the X-LT-Ticket value of every request (never modified)
	rfc          *eip712.SignedRFC // the user's signed RFC (SessionOptions.RFC), nil if not known
	rfcValue     []string          // {X-LT-RFC value of rfc}, nil without one (never modified)
	key          *ecdsa.PrivateKey
	domain       *eip712.Domain
	base         string // provider endpoint, no trailing slash
	hc           *http.Client
	router       *RouterClient
	now          func() time.Time
	meter        meter

	mu      sync.Mutex
	seq     uint64
	mac     macState
	closing bool
	// opened: the provider answered a request of the session with a 2xx, so it holds the session and the
	// requests stop carrying the RFC.
	opened bool
	result *CloseResult
	// acceptance is the provider's acceptance of the ticket (X-LT-Ticket-Acceptance), for a close without it.
	acceptance *eip712.Signature
}

// NewSession holds grant (the router's answer to an RFC) with key, the key that signs the session's
// requests and receipt: the ticket's session key, or the user's key when the ticket names none. It checks
// that key is the ticket's signer and that the ticket matches the grant, and recovers the ticket's signer
// (the provider's acceptance names it); checking that signer is the grant's router is Client.Open's job.
func NewSession(domain *eip712.Domain, key *ecdsa.PrivateKey, grant *wire.RFCResponse, opts SessionOptions) (*Session, error) {
	if domain == nil || key == nil || grant == nil {
		return nil, errors.New("client: NewSession needs a domain, a key and a grant")
	}
	signer := crypto.PubkeyToAddress(key.PublicKey)
	t := &grant.Ticket
	switch {
	case t.Signer() != signer && t.SessionKey == (common.Address{}):
		return nil, fmt.Errorf("client: ticket is for user %s, the key is %s", t.User, signer)
	case t.Signer() != signer:
		return nil, fmt.Errorf("client: ticket's session key is %s, the key is %s", t.SessionKey, signer)
	case t.SessionID != grant.SessionID:
		return nil, fmt.Errorf("client: ticket is for session %s, the grant names %s", t.SessionID, grant.SessionID)
	case t.Provider != grant.Provider:
		return nil, fmt.Errorf("client: ticket is for provider %s, the grant names %s", t.Provider, grant.Provider)
	}
	// The provider's acceptance names the ticket's signer. A ticket whose signature recovers to no one (no
	// provider serves it) still closes at the router, with no acceptance the router or a keeper takes.
	router, _, _ := domain.Recover(t, grant.TicketSignature[:])
	base, err := providerBase(grant.Endpoint)
	if err != nil {
		return nil, err
	}
	hdr, err := wire.EncodeTicket(&eip712.SignedSessionTicket{Ticket: grant.Ticket, Signature: grant.TicketSignature})
	if err != nil {
		return nil, err
	}
	s := &Session{grant: *grant, ticketRouter: router, ticketHeader: hdr, ticketValue: []string{hdr}, key: key, domain: domain, base: base,
		hc: opts.HTTP, router: opts.Router, now: opts.Now, mac: macState{on: opts.MAC}}
	if opts.RFC != nil {
		v, err := wire.EncodeRFC(opts.RFC)
		if err != nil {
			return nil, fmt.Errorf("client: RFC: %w", err)
		}
		s.rfc, s.rfcValue = opts.RFC, []string{v}
	}
	if s.hc == nil {
		s.hc = &http.Client{}
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s, nil
}

// providerBase validates a provider endpoint and returns it without a trailing "/" or "/v1".
func providerBase(endpoint string) (string, error) {
	if !wire.IsHTTPURL(endpoint) {
		return "", fmt.Errorf("client: provider endpoint %q is not an http(s) URL", endpoint)
	}
	base := strings.TrimRight(endpoint, "/")
	return strings.TrimSuffix(base, "/v1"), nil
}

// ID returns the session id.
func (s *Session) ID() common.Hash { return s.grant.SessionID }

// Grant returns the router's answer the session was opened with.
func (s *Session) Grant() wire.RFCResponse { return s.grant }

// Endpoint returns the provider's base URL.
func (s *Session) Endpoint() string { return s.base }

// NotAfter returns the ticket's expiry.
func (s *Session) NotAfter() time.Time { return time.Unix(int64(s.grant.Ticket.NotAfter), 0) }

// MaxSeconds returns the ticket's billable ceiling.
func (s *Session) MaxSeconds() uint32 { return s.grant.Ticket.MaxSeconds }

// Usage returns what the session used so far, as the client observed it.
func (s *Session) Usage() Usage { return s.meter.snapshot(s.now()) }

// Activity returns the number of requests in flight and the time of the last request.
func (s *Session) Activity() (inFlight int, last time.Time) { return s.meter.state() }

// State is a session saved between processes (`lt rfc` then `lt close`).
type State struct {
	Grant       wire.RFCResponse `json:"grant"`
	ChainID     uint64           `json:"chainId,string"`
	Marketplace common.Address   `json:"marketplace"`
	RouterURL   string           `json:"routerUrl"`
	Seq         uint64           `json:"seq,string"`
	Usage       Usage            `json:"usage"`
	SavedAt     int64            `json:"savedAt,string"`
	// SessionKey is the session's ephemeral private key (0x-hex) when the ticket names one: it signs the
	// receipt at close. It can sign for this one session only; the file is written 0600.
	SessionKey string `json:"sessionKey,omitempty"`
	// TicketAcceptance is the provider's acceptance of the ticket announced on its answers
	// (X-LT-Ticket-Acceptance), when one came: a later close at the router carries it, so keepers keep that
	// close over another router's re-ticketed copy.
	TicketAcceptance *eip712.Signature `json:"ticketAcceptance,omitempty"`
	// RFC is the user's signed RFC of the session: a process resuming a session the provider has not
	// opened yet (`lt rfc`, then `lt chat --session`) sends it with its first request (SessionOptions.RFC).
	RFC *eip712.SignedRFC `json:"rfc,omitempty"`
}

// State returns the session's state for saving.
func (s *Session) State() State {
	s.mu.Lock()
	seq, acc := s.seq, s.acceptance
	s.mu.Unlock()
	st := State{Grant: s.grant, ChainID: s.domain.ChainID(), Marketplace: s.domain.VerifyingContract(),
		Seq: seq, Usage: s.Usage(), SavedAt: s.now().Unix(), TicketAcceptance: acc, RFC: s.rfc}
	if s.grant.Ticket.SessionKey != (common.Address{}) {
		st.SessionKey = hexutil.Encode(crypto.FromECDSA(s.key))
	}
	if s.router != nil {
		st.RouterURL = s.router.URL()
	}
	return st
}

// ResumeSession rebuilds a saved session with the user's key, or with the saved session key when the
// ticket names one. Usage the earlier process observed is carried over: it is counted as one finished
// interval of that many seconds; so is the provider's ticket acceptance, kept when it is a signature of
// this ticket's acceptance (learnAcceptance's rule).
func ResumeSession(domain *eip712.Domain, key *ecdsa.PrivateKey, st State, opts SessionOptions) (*Session, error) {
	if domain.ChainID() != st.ChainID || domain.VerifyingContract() != st.Marketplace {
		return nil, fmt.Errorf("client: saved session is for chain %d / %s, configured %d / %s",
			st.ChainID, st.Marketplace, domain.ChainID(), domain.VerifyingContract())
	}
	if st.SessionKey != "" {
		raw, err := hexutil.Decode(st.SessionKey)
		if err != nil {
			return nil, fmt.Errorf("client: saved session key: %w", err)
		}
		if key, err = crypto.ToECDSA(raw); err != nil {
			return nil, fmt.Errorf("client: saved session key: %w", err)
		}
	}
	if opts.RFC == nil {
		opts.RFC = st.RFC
	}
	s, err := NewSession(domain, key, &st.Grant, opts)
	if err != nil {
		return nil, err
	}
	s.seq = st.Seq
	if acc := st.TicketAcceptance; acc != nil {
		if _, err := settle.AcceptanceSigner(domain, &s.grant.Ticket, s.ticketRouter, acc); err == nil {
			s.acceptance = acc
		}
	}
	if st.Usage.Seconds > 0 || st.Usage.InputTokens > 0 || st.Usage.OutputTokens > 0 {
		end := time.Unix(st.SavedAt, 0)
		s.meter.resume(end, st.Usage)
	}
	return s, nil
}
