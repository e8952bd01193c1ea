package client

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/usage"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ErrSessionClosed is returned by requests on a session that Close has begun closing.
var ErrSessionClosed = errors.New("client: session closed")

// maxReplayRetries bounds how often a request refused as "replayed" is signed again with a fresh seq.
// That happens only when concurrent requests of one session reach the provider out of order.
const maxReplayRetries = 3

// SessionOptions configure a Session. Zero values are usable.
type SessionOptions struct {
	// HTTP calls the provider. nil: a client without an overall timeout (answers stream); bound each
	// call with its context.
	HTTP *http.Client
	// Router closes the session one-sided when the provider cannot. nil: such closes fail.
	Router *RouterClient
	// Now is the clock (tests). nil: time.Now.
	Now func() time.Time
}

// Session is one session ticket held with the key that signs for it (the ticket's session key, or the
// user's key when the ticket names none): it authenticates requests to the ticket's provider, meters what
// they used, and closes the session with a signed usage receipt. A Session is safe for concurrent use.
type Session struct {
	grant        wire.RFCResponse
	ticketHeader string
	key          *ecdsa.PrivateKey
	domain       *eip712.Domain
	base         string // provider endpoint, no trailing slash
	hc           *http.Client
	router       *RouterClient
	now          func() time.Time
	meter        meter

	mu      sync.Mutex
	seq     uint64
	closing bool
	result  *CloseResult
}

// NewSession holds grant (the router's answer to an RFC) with key, the key that signs the session's
// requests and receipt: the ticket's session key, or the user's key when the ticket names none. It checks
// that key is the ticket's signer and that the ticket matches the grant; checking the router's signature
// is Client.Open's job.
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
	base, err := providerBase(grant.Endpoint)
	if err != nil {
		return nil, err
	}
	hdr, err := TicketHeader(eip712.SignedSessionTicket{Ticket: grant.Ticket, Signature: grant.TicketSignature})
	if err != nil {
		return nil, err
	}
	s := &Session{grant: *grant, ticketHeader: hdr, key: key, domain: domain, base: base,
		hc: opts.HTTP, router: opts.Router, now: opts.Now}
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
	u, err := url.Parse(endpoint)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("client: provider endpoint %q is not an http(s) URL", endpoint)
	}
	base := strings.TrimRight(endpoint, "/")
	return strings.TrimSuffix(base, "/v1"), nil
}

// TicketHeader returns the X-LT-Ticket value for a signed ticket: base64url without padding of
// {"ticket": SessionTicket, "signature": "0x…"}.
func TicketHeader(t eip712.SignedSessionTicket) (string, error) {
	raw, err := json.Marshal(t)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
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

// nextSeq returns a fresh request sequence number. It is the larger of the last one plus one and the
// current time in microseconds, so that a session resumed by another process (lt close) or whose
// saved state is lost still signs numbers above every one used before.
func (s *Session) nextSeq() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq = max(s.seq+1, uint64(s.now().UnixMicro()))
	return s.seq
}

// Authorize sets the three authentication headers on req for body, which must be exactly the bytes
// req sends: X-LT-Ticket, X-LT-Request "<seq>.<unix>" with a fresh seq and the current time, and
// X-LT-Signature, the user's EIP-191 signature of wire.RequestText over req's method and URL path.
func (s *Session) Authorize(req *http.Request, body []byte) error {
	seq := s.nextSeq()
	unix := uint64(s.now().Unix())
	text := wire.RequestText(s.domain.ChainID(), s.grant.SessionID, seq, unix, req.Method, req.URL.Path, body)
	sig, err := eip712.Sign(wire.RequestDigest(text), s.key)
	if err != nil {
		return fmt.Errorf("client: sign request: %w", err)
	}
	req.Header.Set(wire.HeaderTicket, s.ticketHeader)
	req.Header.Set(wire.HeaderRequest, strconv.FormatUint(seq, 10)+"."+strconv.FormatUint(unix, 10))
	req.Header.Set(wire.HeaderSignature, hexutil.Encode(sig[:]))
	return nil
}

// Do sends an authenticated request to the provider (path like "/v1/models") and returns its answer
// whatever the status, unmetered. A request refused as replayed (seq overtaken by a concurrent one) is
// signed again with a fresh seq. Transport failures wrap ErrUnreachable.
func (s *Session) Do(ctx context.Context, method, path string, body []byte) (*http.Response, error) {
	s.mu.Lock()
	closing := s.closing
	s.mu.Unlock()
	if closing {
		return nil, ErrSessionClosed
	}
	for attempt := 0; ; attempt++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
		if err != nil {
			return nil, err
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if err := s.Authorize(req, body); err != nil {
			return nil, err
		}
		resp, err := s.hc.Do(req)
		if err != nil {
			return nil, fmt.Errorf("%w: provider %s: %w", ErrUnreachable, s.base, err)
		}
		if resp.StatusCode != http.StatusConflict || attempt >= maxReplayRetries {
			return resp, nil
		}
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		if e := wire.DecodeError(resp, raw); e.Code != wire.CodeReplayed {
			resp.Body = io.NopCloser(bytes.NewReader(raw))
			return resp, nil
		}
	}
}

// Completion is a non-streaming answer of the provider (an OpenAI chat completion object).
type Completion struct {
	Header http.Header
	Body   []byte
}

// ChatCompletion sends a non-streaming OpenAI chat completion request (body is the JSON request, with
// "stream" absent or false) and returns the answer. A refusal is a *wire.Error (5xx ones also wrap
// ErrUnreachable).
func (s *Session) ChatCompletion(ctx context.Context, body []byte) (*Completion, error) {
	start := s.now()
	s.meter.pend(start)
	defer s.meter.unpend()
	resp, err := s.Do(ctx, http.MethodPost, "/v1/chat/completions", body)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	s.meter.touch(start)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		return nil, statusError(resp, raw)
	}
	id := s.meter.start(start)
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	end := s.now()
	tc := usage.Counter{BodyBytes: len(body)}
	if err == nil {
		tc.Whole(raw)
	}
	in, out := tc.Tokens(false)
	s.meter.finish(id, end, in, out, end.Sub(start))
	if err != nil {
		return nil, fmt.Errorf("%w: read answer: %w", ErrUnreachable, err)
	}
	return &Completion{Header: resp.Header, Body: raw}, nil
}

// Stream is a streaming answer: OpenAI chat completion chunks as server-sent events. Call Next until
// it returns io.EOF (or an error), then Close; Close may also be called early to abandon the stream.
type Stream struct {
	s      *Session
	resp   *http.Response
	rd     *sse.Reader
	single []byte // a 2xx answer that was not an event stream: handed out as one event
	id     usage.ID
	start  time.Time
	ttft   time.Duration
	tc     usage.Counter
	once   sync.Once
}

// StreamChatCompletion sends a streaming OpenAI chat completion request (body with "stream": true).
// Errors before the first byte of the answer are returned here (a *wire.Error, 5xx ones and transport
// failures wrapping ErrUnreachable); after that the stream is the caller's.
func (s *Session) StreamChatCompletion(ctx context.Context, body []byte) (*Stream, error) {
	start := s.now()
	s.meter.pend(start) // in use from now on; the stream's own meter entry takes over once it is accepted
	defer s.meter.unpend()
	resp, err := s.Do(ctx, http.MethodPost, "/v1/chat/completions", body)
	if err != nil {
		return nil, err
	}
	s.meter.touch(start)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
		return nil, statusError(resp, raw)
	}
	st := &Stream{s: s, resp: resp, id: s.meter.start(start), start: start, tc: usage.Counter{BodyBytes: len(body)}}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		st.rd = sse.NewReader(resp.Body)
	} else {
		raw, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
		if err != nil {
			st.Close()
			return nil, fmt.Errorf("%w: read answer: %w", ErrUnreachable, err)
		}
		st.single = raw
	}
	return st, nil
}

// Header returns the answer's HTTP header.
func (st *Stream) Header() http.Header { return st.resp.Header }

// Next returns the next event. At the end of the stream it returns io.EOF and finishes the request's
// metering.
func (st *Stream) Next() (sse.Event, error) {
	var ev sse.Event
	var err error
	if st.rd != nil {
		ev, err = st.rd.Next()
	} else if st.single != nil {
		ev, st.single = sse.Event{Data: st.single}, nil
	} else {
		err = io.EOF
	}
	if err != nil {
		st.Close()
		if !errors.Is(err, io.EOF) {
			err = fmt.Errorf("%w: stream: %w", ErrUnreachable, err)
		}
		return sse.Event{}, err
	}
	hasText := false
	if st.rd == nil {
		hasText = st.tc.Whole(ev.Data)
	} else if !ev.Done() {
		hasText = st.tc.Chunk(ev.Data)
	}
	if hasText && st.ttft == 0 {
		st.ttft = max(st.s.now().Sub(st.start), time.Millisecond)
	}
	return ev, nil
}

// Close ends the stream and its metering. It is idempotent.
func (st *Stream) Close() error {
	var err error
	st.once.Do(func() {
		err = st.resp.Body.Close()
		in, out := st.tc.Tokens(st.rd != nil)
		st.s.meter.finish(st.id, st.s.now(), in, out, st.ttft)
	})
	return err
}

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
	Via               string              `json:"via"`
	ProviderError     string              `json:"providerError,omitempty"` // why the provider did not countersign
	Record            *wire.SessionRecord `json:"router,omitempty"`        // the router's record, when closed there
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
// only. A second Close returns the first one's result.
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
		psig, err := s.closeAtProvider(ctx, req)
		if err == nil {
			res.ProviderSignature, res.Via = psig, ClosedAtProvider
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
	rec, err := s.router.Close(ctx, rc.SessionID, req)
	if err != nil {
		return nil, err
	}
	res.Via, res.Record = ClosedAtRouter, rec
	s.setResult(res)
	return res, nil
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

// closeAtProvider posts the user-signed receipt to the provider and returns its countersignature.
func (s *Session) closeAtProvider(ctx context.Context, req wire.CloseRequest) (*eip712.Signature, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, err
	}
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/sessions/"+s.grant.SessionID.Hex()+"/close", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	hr.Header.Set("Content-Type", "application/json")
	resp, err := s.hc.Do(hr)
	if err != nil {
		return nil, fmt.Errorf("%w: provider %s: %w", ErrUnreachable, s.base, err)
	}
	defer resp.Body.Close()
	var out struct {
		Receipt           eip712.UsageReceipt `json:"receipt"`
		ProviderSignature eip712.Signature    `json:"providerSignature"`
	}
	if err := decodeAnswer(resp, &out); err != nil {
		return nil, fmt.Errorf("provider: close %s: %w", s.grant.SessionID, err)
	}
	if out.Receipt != req.Receipt {
		return nil, fmt.Errorf("provider: close %s: countersigned another receipt than the one sent", s.grant.SessionID)
	}
	return &out.ProviderSignature, nil
}

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
}

// State returns the session's state for saving.
func (s *Session) State() State {
	s.mu.Lock()
	seq := s.seq
	s.mu.Unlock()
	st := State{Grant: s.grant, ChainID: s.domain.ChainID(), Marketplace: s.domain.VerifyingContract(),
		Seq: seq, Usage: s.Usage(), SavedAt: s.now().Unix()}
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
// interval of that many seconds.
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
	s, err := NewSession(domain, key, &st.Grant, opts)
	if err != nil {
		return nil, err
	}
	s.seq = st.Seq
	if st.Usage.Seconds > 0 || st.Usage.InputTokens > 0 || st.Usage.OutputTokens > 0 {
		end := time.Unix(st.SavedAt, 0)
		s.meter.resume(end, st.Usage)
	}
	return s, nil
}
