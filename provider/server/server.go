// Package server is `provider serve`: an OpenAI-compatible HTTP server in front of an upstream inference
// server (ollama, vLLM, llama.cpp, a hosted API) that admits only Lake Travis sessions — a router-signed
// ticket naming this provider, requests signed by the ticket's session key (or MAC'd under a key derived
// from it, mac.go), strictly increasing sequence numbers — meters them, answers the router's liveness
// challenges and countersigns usage receipts (protocol/README.md, "Provider").
package server

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/cors"
	"github.com/laketravis/laketravis/internal/h1"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/session"
)

// RouterAuthority says whether an address may sign session tickets (holds ROUTER_ROLE on the
// Marketplace). *roles.Cache implements it.
type RouterAuthority interface {
	IsRouter(ctx context.Context, addr common.Address) (bool, error)
}

// PriceFloor gives a model's lowest acceptable ticket price (*bidfloor.Floor); false: none known.
type PriceFloor interface {
	Of(model common.Hash) (*uint256.Int, bool)
}

// SpendCap gives the lowest daily spend cap from today on (*spendcap.Cap); false: none known.
type SpendCap interface {
	Lowest() (*uint256.Int, bool)
}

// knownAuthority is a RouterAuthority that tells whether an address is a router it knows (*roles.Cache):
// the lookups of the others are held to Config.ChainReads and Config.ChainReadsTotal.
type knownAuthority interface {
	Known(addr common.Address) bool
}

// Model is one served model.
type Model struct {
	Name           string // "name:tag" as registered; modelId = keccak256(Name)
	Upstream       string // the upstream's name for it, e.g. "llama3.1:8b"
	MaxConcurrency int    // concurrent requests; 0 means DefaultConcurrency
}

// DefaultConcurrency is a model's concurrent request limit when its Model gives none.
const DefaultConcurrency = 4

// DefaultSessionConcurrency is how many requests one session may have in flight at once when
// Config.SessionConcurrency gives none. lt chat and the chat page send a session's requests one after
// another; two, not one, so that a client sending its next request as soon as it has read an answer is not
// refused while the provider is still ending the previous one. The gateway shares a model's session among
// its local clients' requests and sends at most two of them at once (client/gateway
// DefaultSessionConcurrency), the others waiting.
const DefaultSessionConcurrency = 2

// MaxAcceptanceWait bounds Config.AcceptanceWait as provider serve takes it (--acceptance-wait): what the
// session's first answer can afford. The wait runs after the upstream answered, while the answer, its
// model's concurrency slot and the session's clock are held: each second of it is a second of session
// time the user pays (the meters, both sides, count until the answer ends: PROTOCOL §7 step 5) and a
// second of the time to first token of the session's first answer, the one its receipt reports and the
// router's observed TTFT (which RFCs' maxTtftMs filter on, §7 step 2) is made of. A signer that signs by
// rule takes well under a second (clef with rules: 0.16-0.5 s a signature); beyond a few seconds the
// signer is a person approving, whom the first answer is not to wait for (its acceptance rides on the
// session's later answers). 10 s is twenty times the slowest automated signature, and at most 10 s once
// per session billed and added to the provider's observed TTFT.
const MaxAcceptanceWait = 10 * time.Second

// Config configures a Server. Domain, Provider, SignerKey, Routers, UpstreamURL and Models are required.
type Config struct {
	Domain    *eip712.Domain    // chain id and Marketplace address
	Provider  common.Address    // the provider's owner address, as tickets and liveness name it
	SignerKey *ecdsa.PrivateKey // the registered signer (hot) key
	// Signer, when set, signs liveness answers, receipts and ticket acceptances instead of SignerKey: an
	// external signer (clef), one round trip and approval per signature, far too slow for liveness rounds
	// under load (keys/README.md).
	Signer keys.Signer
	// AcceptanceWait is how long, with an external Signer, the session's first answer may wait for the
	// ticket acceptance signed in the background, to carry it (X-LT-Ticket-Acceptance); a signer slower
	// than that (a person approving) has it on the later answers only. 0: the first answer does not wait.
	// provider serve takes 0 to MaxAcceptanceWait.
	AcceptanceWait time.Duration
	Routers        RouterAuthority

	UpstreamURL    string // OpenAI-compatible base URL including /v1, e.g. http://127.0.0.1:11434/v1
	UpstreamAPIKey string // sent as a bearer token when set
	Models         []Model

	Seeding []common.Hash // content hashes of served models verified and seeded on IPFS, reported in liveness

	// RouterURLs are the routers closes are reported to (POST {url}/v1/sessions/{id}/close): each close
	// goes to the URL(s) whose router key signed the session's ticket (see routerDirectory). Empty: not
	// reported.
	RouterURLs []string
	// ReportDir is the outbox (package outbox) where each close report waits, on disk, until its router
	// takes it: a crash or restart loses none, Run resumes them. Empty: reports live in memory only.
	ReportDir string
	// JournalDir is the journal of open sessions (outbox.Journal), written in the background every
	// journalEvery and once more at shutdown: after a crash Run closes each session it holds one-sided, as
	// an idle one. Used with ReportDir only. Empty: open sessions die with the process.
	JournalDir  string
	IdleTimeout time.Duration // sessions idle this long are closed one-sided; default 5 minutes

	// SessionConcurrency is how many requests one session may have in flight at once (0:
	// DefaultSessionConcurrency; negative: no limit). A session's active time is the union of its
	// requests' intervals, so without it one session could hold every slot of its model for the price of
	// one; past it a 429 session_busy (wire.SessionBusy), given before the request is metered.
	SessionConcurrency int

	// DepositWindow is the longest a useDeposit ticket may still run when first presented
	// (settle.DepositWindow of the pool's settlementLag, at most half of it; the routers cap theirs to it): a longer one, only a
	// hostile router's, could be served after a withdrawal requested at its start was paid, the deposit it
	// was to be charged to gone. Zero: no bound.
	DepositWindow time.Duration

	ClockSkew        time.Duration // accepted distance of a request's time from ours; default 60 s
	MaxBodyBytes     int64         // request body limit; default 4 MiB
	MaxConnsPerIP    int           // service.HTTP.MaxConnsPerIP: 0 its default, negative no bound
	SecondsTolerance uint32        // a receipt may claim this many seconds above the meter; default 2
	TokenTolerance   uint32        // … and this many tokens (or 5%, whichever is larger); default 16

	// RateIP bounds the requests of one client IP address, before any signature is checked; RateUser
	// the requests of one session user, after. nil: no limit.
	RateIP, RateUser *ratelimit.Keyed
	// RateLiveness bounds, per client IP address, the liveness answers, each a signature by the signer
	// (through an external signer, an approval) that anyone may ask for. nil: no limit.
	RateLiveness *ratelimit.Keyed
	// ChainReads bounds, per client IP address, the tickets whose router's role is read from the chain (an
	// eth_call each: a signer the role cache does not know, as every forged ticket's fresh key is); past it
	// a 429 with Retry-After and no chain read. Tickets of a router the cache knows (roles.Cache.Known,
	// also once its entry is stale) are not counted. Nil: no limit.
	ChainReads *ratelimit.Keyed
	// ChainReadsTotal bounds those lookups from every address together (one bucket): addresses are cheap
	// (an IPv6 /48 is 65,536 of ChainReads' keys). Nil: no bound.
	ChainReadsTotal *ratelimit.Keyed
	// CreditReads bounds, per ticket's router, the chain reads of users' allowances and deposits (Credit):
	// a router's bucket is spent by its own tickets only. Nil: no bound.
	CreditReads *ratelimit.Keyed
	// PriceFloor, when set, gives per model the lowest price a ticket may carry (provider/bidfloor: the
	// provider's own bid within a window): a ticket below it is refused when first presented. Nil: any
	// price.
	PriceFloor PriceFloor
	// SpendCap, when set, gives the lowest daily spend cap in force today or scheduled after it
	// (provider/spendcap): a useDeposit ticket costing more (pricePerSecond × maxSeconds) is refused when
	// first presented, as keepers would never credit all of it; while none is known (no read succeeded
	// yet), every useDeposit ticket is refused 503 unavailable, uncached, to be retried. Nil: no bound.
	SpendCap SpendCap
	// Credit, when set, refuses a session's first request unless its user's allowance (plus, with
	// useDeposit, deposit) still covers the ticket's pricePerSecond × maxSeconds after what this provider
	// admitted for the user (the allowance's part that day, the deposit's every day; credit.go, provider/credit),
	// taking the session's reservation once the request's signature verified.
	// provider serve always sets it. Nil: no check (tests off the chain).
	Credit CreditChecker

	// CORSOrigins are the origins whose web pages may call PageRoutes (cors.Any: every origin; empty:
	// none).
	CORSOrigins []string

	Logger     *zap.Logger
	HTTPClient *http.Client // for upstream and router calls (a router's redirects are never followed); nil: a tuned default (see newTransport)
	Now        func() time.Time
}

// Server serves one provider. Create it with New.
type Server struct {
	cfg      Config
	log      *zap.Logger
	signer   common.Address
	sessions *session.Table
	models   map[common.Hash]*served
	tickets  ticketCache
	upstream string
	upClient *http.Client // to the upstream
	client   *http.Client // to routers: netguard.NoRedirects
	metrics  *metrics
	now      func() time.Time
	handler  http.Handler

	routers *routerDirectory // nil: closes are not reported
	outbox  *outbox.Outbox   // nil: reports in memory only
	journal *outbox.Journal  // nil: open sessions are not journaled
	reports sync.WaitGroup   // background close reports
	// reportCtx ends the close reports still retrying when Run has waited its drain for them at shutdown;
	// reportBackoff is the first pause between rounds of attempts (doubling, at most reportBackoffMax).
	reportCtx     context.Context
	stopReports   context.CancelFunc
	reportBackoff time.Duration

	mac        *macKeys       // the MAC fast path of request authentication (mac.go)
	background sync.WaitGroup // evidence being verified off the request path
	// creditUnsaved: the credit counts whose last write failed (saveCredit; the flushing goroutine only).
	creditUnsaved *credit.Counts
}

// served is a Model with what its requests need ready-made.
type served struct {
	Model
	upstreamJSON []byte        // Upstream as a JSON string, spliced into request bodies
	rename       *modelRename  // answers name the model as clients asked for it (Name), not Upstream
	metrics      *modelMetrics // its series
}

// New validates cfg and builds the server.
func New(cfg Config) (*Server, error) {
	switch {
	case cfg.Domain == nil:
		return nil, errors.New("server: no EIP-712 domain (chain id and Marketplace address)")
	case cfg.Provider == (common.Address{}):
		return nil, errors.New("server: no provider (owner) address")
	case cfg.SignerKey == nil && cfg.Signer == nil:
		return nil, errors.New("server: no signer key")
	case cfg.Routers == nil:
		return nil, errors.New("server: no router authority")
	case cfg.UpstreamURL == "":
		return nil, errors.New("server: no upstream URL")
	case len(cfg.Models) == 0:
		return nil, errors.New("server: no models configured")
	}
	if cfg.Signer == nil {
		cfg.Signer = keys.NewKeySigner(cfg.SignerKey, cfg.Domain.ChainID())
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = 5 * time.Minute
	}
	if cfg.ClockSkew <= 0 {
		cfg.ClockSkew = 60 * time.Second
	}
	if cfg.SessionConcurrency == 0 {
		cfg.SessionConcurrency = DefaultSessionConcurrency
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = 4 << 20
	}
	if cfg.SecondsTolerance == 0 {
		cfg.SecondsTolerance = 2
	}
	if cfg.TokenTolerance == 0 {
		cfg.TokenTolerance = 16
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Transport: newTransport()}
	}
	s := &Server{
		cfg:      cfg,
		log:      cfg.Logger,
		signer:   cfg.Signer.Address(),
		models:   map[common.Hash]*served{},
		upstream: strings.TrimRight(cfg.UpstreamURL, "/"),
		client:   netguard.NoRedirects(cfg.HTTPClient),
		upClient: cfg.HTTPClient,
		now:      cfg.Now,

		reportBackoff: time.Second,
	}
	s.reportCtx, s.stopReports = context.WithCancel(context.Background())
	for _, u := range cfg.RouterURLs {
		if u = strings.TrimRight(strings.TrimSpace(u), "/"); u != "" {
			if s.routers == nil {
				s.routers = &routerDirectory{client: s.client, log: cfg.Logger, every: discoverEvery,
					domain: cfg.Domain, skew: cfg.ClockSkew, now: cfg.Now}
			}
			s.routers.urls = append(s.routers.urls, u)
		}
	}
	if s.routers != nil && cfg.ReportDir != "" {
		var err error
		if s.outbox, err = outbox.Open(cfg.ReportDir, cfg.Logger); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		if cfg.JournalDir != "" {
			if s.journal, err = s.outbox.Journal(cfg.JournalDir); err != nil {
				s.outbox.Close()
				return nil, fmt.Errorf("server: %w", err)
			}
			if err := s.restoreCredit(); err != nil {
				s.outbox.Close()
				return nil, err
			}
		}
	}
	limits := map[common.Hash]int{}
	for _, m := range cfg.Models {
		if !strings.Contains(m.Name, ":") {
			return nil, fmt.Errorf("server: model %q is not of the form name:tag", m.Name)
		}
		if m.Upstream == "" {
			m.Upstream = m.Name
		}
		if m.MaxConcurrency <= 0 {
			m.MaxConcurrency = DefaultConcurrency
		}
		id := ids.ModelID(m.Name)
		name, _ := json.Marshal(m.Upstream)
		s.models[id] = &served{Model: m, upstreamJSON: name, rename: newModelRename(m.Upstream, m.Name)}
		limits[id] = m.MaxConcurrency
	}
	var err error
	if s.mac, err = newMACKeys(); err != nil {
		return nil, fmt.Errorf("server: MAC key: %w", err)
	}
	s.sessions = session.New(limits, max(cfg.SessionConcurrency, 0), cfg.Now)
	s.metrics = newMetrics(s.sessions)
	for _, m := range s.models {
		m.metrics = s.metrics.forModel(m.Name)
	}
	if err := cors.CheckOrigins(cfg.CORSOrigins); err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.handler = cors.Handler(cors.Policy{Origins: cfg.CORSOrigins, Routes: PageRoutes,
		Headers: []string{"Content-Type", wire.HeaderTicket, wire.HeaderRequest, wire.HeaderSignature, wire.HeaderRFC}, Expose: []string{"Retry-After", wire.HeaderTicketAcceptance}}, s.routes())
	return s, nil
}

// PageRoutes are exactly the provider endpoints a browser chat page calls (web/static/chat): streamed chat
// completions and the close that countersigns the usage receipt.
var PageRoutes = []cors.Route{
	{Path: "/v1/chat/completions", Methods: []string{"POST"}},
	{Path: "/v1/sessions/{id}/close", Methods: []string{"POST"}},
}

// newTransport is the default transport to the upstream (and router): kept-alive connections, enough of
// them idle per host for every model's concurrency, no transparent compression (a gzipped stream would
// have to be inflated before it is relayed, and on a local upstream compression only costs), larger
// HTTP/1 buffers so that a burst of chunks is read and written in one system call. Plain-http hops (the
// usual local upstream) run on the request's own goroutine (internal/h1: no connection goroutines to
// hand each request and answer through); HTTP/2 is used with TLS upstreams that offer it.
func newTransport() http.RoundTripper {
	return h1.Over(&http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: time.Second,
		ForceAttemptHTTP2:     true,
		DisableCompression:    true,
		WriteBufferSize:       32 << 10,
		ReadBufferSize:        32 << 10,
	})
}

// Handler returns the HTTP handler (every route, including /metrics and /healthz).
func (s *Server) Handler() http.Handler { return s.handler }

// Sessions returns the session table (for status and tests).
func (s *Server) Sessions() *session.Table { return s.sessions }

// Signer returns the signer key's address.
func (s *Server) Signer() common.Address { return s.signer }

// Run resumes the close reports left in the outbox and closes one-sided the sessions the journal holds
// open, serves on ln until ctx is cancelled, then shuts down gracefully: it stops accepting connections,
// lets requests in flight — streams included — finish for up to drain, closes every open session
// one-sided and reports the closes to the router; the reports still pending after another drain stay in
// the outbox for the next start.
func (s *Server) Run(ctx context.Context, ln net.Listener, drain time.Duration) error {
	if s.outbox != nil {
		defer s.outbox.Close()
	}
	if err := s.resume(ctx); err != nil {
		return err
	}
	// No write timeout: answers stream for as long as the session's ticket allows (each request is bounded
	// by its session's deadline instead). Request bodies are at most MaxBodyBytes.
	srv := service.HTTP{Handler: s.handler, ReadTimeout: time.Minute, MaxConnsPerIP: s.cfg.MaxConnsPerIP}.Server()
	sweepCtx, cancelSweep := context.WithCancel(context.WithoutCancel(ctx))
	swept := make(chan struct{})
	go func() { defer close(swept); s.Sweep(sweepCtx) }()
	stopSweep := func() { cancelSweep(); <-swept } // no flush of the journal runs after but the last one below
	defer stopSweep()

	s.log.Info("serving", zap.Stringer("provider", s.cfg.Provider), zap.Stringer("signer", s.signer), zap.Int("models", len(s.models)))
	if err := service.Serve(ctx, srv, ln, drain, s.log); err != nil {
		return fmt.Errorf("server: %w", err)
	}
	stopSweep()
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drain)
	defer cancel()
	s.background.Wait() // the newest evidence is part of the one-sided closes below
	open := s.sessions.CloseAll()
	s.log.Info("shutting down: closing the open sessions one-sided, waiting for the close reports not yet taken by their router",
		zap.Int("sessions", len(open)), zap.Duration("drain", drain))
	for _, snap := range open {
		s.closeOneSided(snap, "shutdown")
	}
	if s.journal != nil {
		s.flushJournal() // the journal without the sessions just closed: a restart does not close them again
	}
	done := make(chan struct{})
	go func() { s.reports.Wait(); close(done) }()
	select {
	case <-done:
		s.log.Info("close reports done: each taken by its router, or a warning above says why not")
	case <-sctx.Done():
		if s.outbox != nil {
			s.log.Warn("close reports still pending at shutdown: kept in the outbox for the next start (each logged)", zap.String("dir", s.outbox.Dir()))
		} else {
			s.log.Warn("close reports still pending at shutdown: given up (each logged); the user's client may still close those sessions at the router")
		}
		s.stopReports()
		<-done
	}
	return nil
}

// journalEvery is how often the sessions changed since are written to the journal: a crash loses at most
// this much of their usage, which the provider then does not bill.
const journalEvery = time.Second

// Sweep closes idle sessions (one-sided receipts reported to the router) and writes the journal of open
// sessions until ctx ends. Run starts it; call it only when serving Handler some other way.
func (s *Server) Sweep(ctx context.Context) {
	every := min(max(s.cfg.IdleTimeout/4, 10*time.Millisecond), 30*time.Second)
	t := time.NewTicker(every)
	defer t.Stop()
	var journal <-chan time.Time
	if s.journal != nil {
		j := time.NewTicker(journalEvery)
		defer j.Stop()
		journal = j.C
	}
	for {
		select {
		case <-ctx.Done():
			return
		case <-journal:
			s.flushJournal()
		case <-t.C:
			for _, snap := range s.sessions.CloseIdle(s.cfg.IdleTimeout) {
				s.closeOneSided(snap, "idle")
			}
			s.tickets.prune(uint64(s.now().Unix()))
			s.mac.prune(uint64(s.now().Unix()))
			if s.outbox != nil {
				s.outbox.Prune(s.now())
			}
		}
	}
}
