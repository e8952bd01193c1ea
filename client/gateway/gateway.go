// Package gateway is the user's local OpenAI-compatible server: POST /v1/chat/completions and
// /v1/completions (streaming and not), POST /v1/embeddings and GET /v1/models (the market's models, from
// the router), so that any OpenAI client works unchanged against the Lake Travis market.
//
// For each request it maps the "model" field ("name:tag") to a session: the live session of that model
// is reused until it comes near its limits (the ticket's maxSeconds or notAfter), otherwise the gateway
// signs an RFC and gets a new ticket from the router. Requests go to the session's provider with the
// authentication headers; idle sessions are closed with signed usage receipts.
//
// Fail-over: when the provider fails before any output reached the client — a connection error, a
// timeout, an HTTP 5xx — the gateway closes that session one-sided at the router (with the user's
// signature over what it observed), opens a new session (the router's back-off steers it away from the
// dead provider) and retries the request once. A session the provider reports closed or expired is
// replaced the same way. Errors reach the client in OpenAI's shape:
// {"error": {"message", "type", "param", "code"}}.
//
// Files: gateway.go (configuration, life cycle), pool.go (one live session per model: open, reuse,
// retire, close), failover.go (the request handler's retry and when to fail over), handlers.go (the OpenAI
// endpoints), errors.go (errors in OpenAI's shape).
package gateway

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Defaults of Config.
const (
	DefaultIdleTimeout  = 60 * time.Second
	DefaultMaxBodyBytes = 8 << 20
	// DefaultExpiryMargin: a session whose ticket expires sooner than this is not given new requests.
	DefaultExpiryMargin = 30 * time.Second
	// DefaultSessionConcurrency is how many requests a model's session is given at once, the others
	// waiting for one to end: a provider's default bound of one session's requests in flight (provider
	// serve --session-concurrency), past which it refuses them 429 session_busy (then sent again: busyRetry).
	DefaultSessionConcurrency = 2
	// closeTimeout bounds a session's close in the background: client.Session.Close's worst case is the
	// provider's answer, up to 3.75 s of reads confirming its report at the router, then the router's
	// close with its retries on 503/429 (1+2+4+8 s).
	closeTimeout = 30 * time.Second
)

// Config configures a Gateway.
type Config struct {
	Client *client.Client // the user's client: router, domain, key
	// RFC is the template of every RFC; its Model is replaced by the request's model.
	RFC client.RFCParams
	// IdleTimeout closes a session with no request for this long (signing its receipt). It should stay
	// below the provider's own idle limit (5 minutes by default), after which the provider closes the
	// session one-sided. Default DefaultIdleTimeout.
	IdleTimeout time.Duration
	// ExpiryMargin: see DefaultExpiryMargin.
	ExpiryMargin time.Duration
	// SessionConcurrency: the requests of a model, and so of its one session, sent to its provider at
	// once; the others wait for one to end (or their client to give up). Default DefaultSessionConcurrency.
	// A provider bounding sessions lower refuses the excess session_busy, and those wait for one of the
	// others to end and are sent again.
	SessionConcurrency int
	// SecondsMargin: a session with fewer than this many billable seconds left is not reused.
	// Default: a tenth of RFC.MaxSeconds, at least 5.
	SecondsMargin uint32
	MaxBodyBytes  int64
	Logger        *zap.Logger // nil: no logging
	Now           func() time.Time
}

// Gateway serves the OpenAI API on top of market sessions. Create it with New, serve Handler, run Run
// for the idle reaper, and call Shutdown at the end to close every session.
type Gateway struct {
	cfg Config
	log *zap.Logger

	mu    sync.Mutex
	slots map[string]*slot // by model name:tag

	closing  sync.WaitGroup // background closes
	closedMu sync.Mutex
	closed   []*client.CloseResult
}

// slot holds the live session of one model. Its mutex serialises opening, so concurrent requests for
// a model wait for one RFC instead of each signing their own; places holds a token for each of the model's
// requests at its provider (Config.SessionConcurrency), so that one session's requests past a provider's
// per-session bound wait here instead of being refused. A model has one live session at a time (sess) and
// a request keeps its place until it ends, also across a session's replacement, so the bound per model is
// the bound per session.
type slot struct {
	mu   sync.Mutex
	sess *client.Session
	// worn are the model's sessions taken out of service with requests still in flight: closed once idle
	// (reap), since a close ends a session at its provider, its requests in flight included.
	worn   []*client.Session
	places chan struct{}
	// waiting is the model's requests waiting for a place.
	waiting atomic.Int32
	// sending is the model's requests being sent to its provider or answered (not those waiting to be
	// sent again after session_busy); ended is closed, and replaced, each time one of the model's requests
	// is done (done).
	sending atomic.Int32
	// resending is the model's requests waiting to be sent again after session_busy.
	resending atomic.Int32
	endMu     sync.Mutex
	ended     chan struct{}
}

// endSignal returns the channel closed when the next of the model's requests is done.
func (sl *slot) endSignal() <-chan struct{} {
	sl.endMu.Lock()
	defer sl.endMu.Unlock()
	if sl.ended == nil {
		sl.ended = make(chan struct{})
	}
	return sl.ended
}

// done wakes the requests waiting for one of the model's requests to end (busyRetry): one is done, and the
// slot of the session it held at the provider, if any, is free (or about to be). A refusal session_busy
// that is sent again wakes nobody: it held no slot, and waking the others would only have them refused
// too, each waking the next.
func (sl *slot) done() {
	sl.endMu.Lock()
	if sl.ended != nil {
		close(sl.ended)
		sl.ended = nil
	}
	sl.endMu.Unlock()
}

// New checks cfg and returns a gateway.
func New(cfg Config) (*Gateway, error) {
	if cfg.Client == nil || cfg.Client.Router == nil || cfg.Client.Domain == nil || (cfg.Client.Key == nil && cfg.Client.Wallet == nil) {
		return nil, errors.New("gateway: the client needs a router, a domain and a key")
	}
	if cfg.RFC.MaxPricePerSecond == nil || cfg.RFC.MaxSeconds == 0 {
		return nil, errors.New("gateway: the RFC template needs a maximum price and maxSeconds")
	}
	// The gateway authenticates its requests with the per-session MAC fast path (client.SessionOptions.MAC).
	c := *cfg.Client
	c.MAC = true
	cfg.Client = &c
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.ExpiryMargin <= 0 {
		cfg.ExpiryMargin = DefaultExpiryMargin
	}
	if cfg.SessionConcurrency <= 0 {
		cfg.SessionConcurrency = DefaultSessionConcurrency
	}
	if cfg.SecondsMargin == 0 {
		cfg.SecondsMargin = max(cfg.RFC.MaxSeconds/10, 5)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = zap.NewNop()
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &Gateway{cfg: cfg, log: cfg.Logger, slots: map[string]*slot{}}, nil
}

// ErrRemoteListen is returned by CheckListen for an address other clients could reach.
var ErrRemoteListen = errors.New("gateway: refusing a non-loopback listen address: the gateway signs with your key, so anyone who reaches it spends your allowance (pass --allow-remote to do it anyway)")

// CheckListen refuses listen addresses that are not loopback (an empty or wildcard host listens on every
// interface) unless allowRemote. Host names other than localhost are refused too: what they resolve to
// can change.
func CheckListen(addr string, allowRemote bool) error {
	if allowRemote {
		return nil
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return fmt.Errorf("gateway: listen address %q: %w", addr, err)
	}
	if loopbackHost(addr) {
		return nil
	}
	return fmt.Errorf("%w: %q", ErrRemoteListen, addr)
}

// Handler returns the HTTP API.
func (g *Gateway) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", g.handle(chatEndpoint))
	mux.HandleFunc("POST /v1/completions", g.handle(completionsEndpoint))
	mux.HandleFunc("POST /v1/embeddings", g.handle(embeddingsEndpoint))
	mux.HandleFunc("GET /v1/models", g.handleModels)
	mux.HandleFunc("GET /v1/models/{model...}", g.handleModel)
	mux.HandleFunc("GET /lt/sessions", g.handleSessions)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	// Unknown paths and wrong methods: 404/405 in OpenAI's error shape (which carries §9's code and message).
	return localOnly(wire.Routes(mux, func(w http.ResponseWriter, e *wire.Error) {
		writeOpenAIError(w, e.Status, "invalid_request_error", e.Code,
			e.Message+" (the Lake Travis gateway serves POST /v1/chat/completions, /v1/completions, /v1/embeddings and GET /v1/models)")
	}))
}

// localOnly refuses (403) what a web page in the user's browser could send to the gateway, which spends
// the user's allowance and deposit with no credential of the caller: a request carrying an Origin that is
// not on this machine (a cross-site POST, even a "simple" text/plain one that no preflight guards), and,
// on a loopback connection, a Host that is not a loopback address or localhost (a page whose name was
// rebound to 127.0.0.1 and so reads the answers as its own origin).
func localOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		why := ""
		if o := r.Header.Get("Origin"); o != "" {
			if u, err := url.Parse(o); err != nil || (u.Scheme != "http" && u.Scheme != "https") || !loopbackHost(u.Host) {
				why = fmt.Sprintf("requests from the web page %q are refused: the gateway spends your allowance", o)
			}
		}
		if la, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr); ok && why == "" && loopbackHost(la.String()) && !loopbackHost(r.Host) {
			why = fmt.Sprintf("Host %q is not this machine (a page's name rebound to a loopback address?): use 127.0.0.1 or localhost", r.Host)
		}
		if why != "" {
			writeOpenAIError(w, http.StatusForbidden, "invalid_request_error", wire.CodeForbidden, why)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost says whether hostport (the port optional) names this machine: localhost or a loopback address.
func loopbackHost(hostport string) bool {
	host, _, err := net.SplitHostPort(hostport)
	if err != nil {
		host = strings.TrimSuffix(strings.TrimPrefix(hostport, "["), "]")
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// Run closes idle and worn-out sessions until ctx ends, then closes every session (Shutdown).
func (g *Gateway) Run(ctx context.Context) {
	tick := time.NewTicker(max(min(g.cfg.IdleTimeout/2, 15*time.Second), 100*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), closeTimeout)
			g.Shutdown(cctx)
			cancel()
			return
		case <-tick.C:
			g.reap()
		}
	}
}

// reap retires sessions that are idle for IdleTimeout or no longer usable, when nothing is in flight.
func (g *Gateway) reap() {
	now := g.cfg.Now()
	g.mu.Lock()
	slots := make(map[string]*slot, len(g.slots))
	for m, s := range g.slots {
		slots[m] = s
	}
	g.mu.Unlock()
	for model, sl := range slots {
		if !sl.mu.TryLock() {
			continue // opening right now
		}
		s := sl.sess
		if s != nil {
			inFlight, last := s.Activity()
			if inFlight == 0 && (now.Sub(last) >= g.cfg.IdleTimeout || !g.usable(s, now)) {
				sl.sess = nil
				g.log.Info("closing idle session", zap.String("model", model), zap.String("session", s.ID().Hex()))
				g.closeInBackground(s, false)
			}
		}
		worn := sl.worn
		sl.worn = nil
		for _, w := range worn {
			g.closeWhenIdle(sl, w) // closed now, or kept for a later reap
		}
		sl.mu.Unlock()
	}
}

// Shutdown closes every live session (signing receipts) and waits for all closes, bounded by ctx.
func (g *Gateway) Shutdown(ctx context.Context) []*client.CloseResult {
	g.mu.Lock()
	for _, sl := range g.slots {
		sl.mu.Lock()
		if sl.sess != nil {
			g.closeInBackground(sl.sess, false)
			sl.sess = nil
		}
		for _, w := range sl.worn {
			g.closeInBackground(w, false)
		}
		sl.worn = nil
		sl.mu.Unlock()
	}
	g.mu.Unlock()
	done := make(chan struct{})
	go func() { g.closing.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
	}
	return g.Closed()
}

// Closed returns the results of every close so far.
func (g *Gateway) Closed() []*client.CloseResult {
	g.closedMu.Lock()
	defer g.closedMu.Unlock()
	return append([]*client.CloseResult(nil), g.closed...)
}
