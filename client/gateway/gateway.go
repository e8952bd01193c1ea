// Package gateway is the user's local OpenAI-compatible server: POST /v1/chat/completions (streaming and
// not) and GET /v1/models, so that any OpenAI client works unchanged against the Lake Travis market.
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
package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"sort"
	"sync"
	"time"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Defaults of Config.
const (
	DefaultIdleTimeout  = 60 * time.Second
	DefaultMaxBodyBytes = 8 << 20
	// DefaultExpiryMargin: a session whose ticket expires sooner than this is not given new requests.
	DefaultExpiryMargin = 30 * time.Second
	closeTimeout        = 15 * time.Second
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
	// SecondsMargin: a session with fewer than this many billable seconds left is not reused.
	// Default: a tenth of RFC.MaxSeconds, at least 5.
	SecondsMargin uint32
	MaxBodyBytes  int64
	Logger        *slog.Logger
	Now           func() time.Time
}

// Gateway serves the OpenAI API on top of market sessions. Create it with New, serve Handler, run Run
// for the idle reaper, and call Shutdown at the end to close every session.
type Gateway struct {
	cfg Config
	log *slog.Logger

	mu    sync.Mutex
	slots map[string]*slot // by model name:tag

	closing  sync.WaitGroup // background closes
	closedMu sync.Mutex
	closed   []*client.CloseResult
}

// slot holds the live session of one model. Its mutex serialises opening, so concurrent requests for
// a model wait for one RFC instead of each signing their own.
type slot struct {
	mu   sync.Mutex
	sess *client.Session
}

// New checks cfg and returns a gateway.
func New(cfg Config) (*Gateway, error) {
	if cfg.Client == nil || cfg.Client.Router == nil || cfg.Client.Domain == nil || cfg.Client.Key == nil {
		return nil, errors.New("gateway: the client needs a router, a domain and a key")
	}
	if cfg.RFC.MaxPricePerSecond == nil || cfg.RFC.MaxSeconds == 0 {
		return nil, errors.New("gateway: the RFC template needs a maximum price and maxSeconds")
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.ExpiryMargin <= 0 {
		cfg.ExpiryMargin = DefaultExpiryMargin
	}
	if cfg.SecondsMargin == 0 {
		cfg.SecondsMargin = max(cfg.RFC.MaxSeconds/10, 5)
	}
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
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
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("gateway: listen address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.Unmap().IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: %q", ErrRemoteListen, addr)
}

// Handler returns the HTTP API.
func (g *Gateway) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", g.handleChat)
	mux.HandleFunc("GET /v1/models", g.handleModels)
	mux.HandleFunc("GET /v1/models/{model...}", g.handleModel)
	mux.HandleFunc("GET /lt/sessions", g.handleSessions)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	// Unknown paths and wrong methods: 404/405 in OpenAI's error shape (which carries §9's code and message).
	return wire.Routes(mux, func(w http.ResponseWriter, e *wire.Error) {
		writeOpenAIError(w, e.Status, "invalid_request_error", e.Code,
			e.Message+" (the Lake Travis gateway serves POST /v1/chat/completions and GET /v1/models)")
	})
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
				g.log.Info("closing idle session", "model", model, "session", s.ID().Hex())
				g.closeInBackground(s, false)
			}
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

// usable reports whether s may take a new request at now.
func (g *Gateway) usable(s *client.Session, now time.Time) bool {
	if !now.Add(g.cfg.ExpiryMargin).Before(s.NotAfter()) {
		return false
	}
	return uint64(s.Usage().Seconds)+uint64(g.cfg.SecondsMargin) < uint64(s.MaxSeconds())
}

func (g *Gateway) slot(model string) *slot {
	g.mu.Lock()
	defer g.mu.Unlock()
	sl, ok := g.slots[model]
	if !ok {
		sl = &slot{}
		g.slots[model] = sl
	}
	return sl
}

// acquire returns the live session of model, opening one if there is none or it is worn out.
func (g *Gateway) acquire(ctx context.Context, model string) (*client.Session, error) {
	sl := g.slot(model)
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if s := sl.sess; s != nil {
		if g.usable(s, g.cfg.Now()) {
			return s, nil
		}
		sl.sess = nil
		g.closeInBackground(s, false)
	}
	p := g.cfg.RFC
	p.Model = model
	s, err := g.cfg.Client.Open(ctx, p)
	if err != nil {
		return nil, err
	}
	grant := s.Grant()
	g.log.Info("session opened", "model", model, "session", s.ID().Hex(), "provider", grant.Provider.Hex(),
		"endpoint", s.Endpoint(), "pricePerSecond", grant.Ticket.PricePerSecond.Dec(), "maxSeconds", s.MaxSeconds())
	sl.sess = s
	return s, nil
}

// retire takes s out of service (if it is still model's session) and closes it: one-sided at the
// router when its provider is dead, through the provider otherwise.
func (g *Gateway) retire(model string, s *client.Session, dead bool) {
	sl := g.slot(model)
	sl.mu.Lock()
	if sl.sess == s {
		sl.sess = nil
	}
	sl.mu.Unlock()
	g.closeInBackground(s, dead)
}

func (g *Gateway) closeInBackground(s *client.Session, dead bool) {
	g.closing.Add(1)
	go func() {
		defer g.closing.Done()
		ctx, cancel := context.WithTimeout(context.Background(), closeTimeout)
		defer cancel()
		var res *client.CloseResult
		var err error
		if dead {
			res, err = s.CloseAtRouter(ctx)
		} else {
			res, err = s.Close(ctx)
		}
		if err != nil {
			g.log.Warn("session close failed", "session", s.ID().Hex(), "err", err)
			return
		}
		g.log.Info("session closed", "session", s.ID().Hex(), "via", res.Via, "seconds", res.Receipt.Seconds,
			"inputTokens", res.Receipt.InputTokens, "outputTokens", res.Receipt.OutputTokens, "providerError", res.ProviderError)
		g.closedMu.Lock()
		g.closed = append(g.closed, res)
		g.closedMu.Unlock()
	}()
}

// chatRequest is the part of an OpenAI chat request the gateway reads; the body goes on unchanged.
type chatRequest struct {
	Model  string `json:"model"`
	Stream bool   `json:"stream"`
}

func parseChatRequest(body []byte) (chatRequest, error) {
	var req chatRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return req, fmt.Errorf("the body is not a JSON chat completion request: %v", err)
	}
	if req.Model == "" {
		return req, errors.New(`"model" is required: a market model name:tag, e.g. "llama3:8b" (GET /v1/models lists them)`)
	}
	if _, err := client.ParseModel(req.Model); err != nil {
		return req, fmt.Errorf(`"model" must be a market model name:tag, got %q (GET /v1/models lists them)`, req.Model)
	}
	return req, nil
}

// failure says what to do after a provider error on session s.
type failure int

const (
	giveUp      failure = iota // report the error to the client
	providerDie                // provider dead: close one-sided at the router, new session, retry
	renew                      // session unusable: close normally, new session, retry
)

func classify(err error) failure {
	if errors.Is(err, client.ErrUnreachable) {
		return providerDie
	}
	if errors.Is(err, client.ErrSessionClosed) {
		return renew
	}
	var e *wire.Error
	if errors.As(err, &e) {
		switch e.Code {
		case wire.CodeSessionClosed, wire.CodeExpired, wire.CodeUnknownSession:
			return renew
		}
	}
	return giveUp
}

func (g *Gateway) handleChat(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, g.cfg.MaxBodyBytes))
	if err != nil {
		writeOpenAIError(w, http.StatusRequestEntityTooLarge, "invalid_request_error", "too_large",
			fmt.Sprintf("request body larger than %d bytes", g.cfg.MaxBodyBytes))
		return
	}
	req, err := parseChatRequest(body)
	if err != nil {
		writeOpenAIError(w, http.StatusBadRequest, "invalid_request_error", "invalid_request", err.Error())
		return
	}
	ctx := r.Context()
	for attempt := 0; ; attempt++ {
		s, err := g.acquire(ctx, req.Model)
		if err != nil {
			writeError(w, err)
			return
		}
		if req.Stream {
			err = g.stream(ctx, w, s, body)
		} else {
			err = g.complete(ctx, w, s, body)
		}
		if err == nil {
			return
		}
		what := classify(err)
		if what != giveUp {
			g.log.Warn("provider failed before answering; replacing the session", "model", req.Model,
				"session", s.ID().Hex(), "provider", s.Grant().Provider.Hex(), "dead", what == providerDie, "err", err)
			g.retire(req.Model, s, what == providerDie)
		}
		if what == giveUp || attempt > 0 || ctx.Err() != nil {
			writeError(w, err)
			return
		}
	}
}

// complete runs a non-streaming request; an error means nothing was written.
func (g *Gateway) complete(ctx context.Context, w http.ResponseWriter, s *client.Session, body []byte) error {
	c, err := s.ChatCompletion(ctx, body)
	if err != nil {
		return err
	}
	ct := c.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/json"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-LT-Session", s.ID().Hex())
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(c.Body)
	return nil
}

// stream runs a streaming request. It returns an error only if nothing was written yet (so the caller
// may fail over); once the first event is out, a broken stream just ends.
func (g *Gateway) stream(ctx context.Context, w http.ResponseWriter, s *client.Session, body []byte) error {
	st, err := s.StreamChatCompletion(ctx, body)
	if err != nil {
		return err
	}
	defer st.Close()
	first, err := st.Next()
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	h.Set("X-LT-Session", s.ID().Hex())
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	ev := first
	for err == nil {
		var buf bytes.Buffer
		if ev.Name != "" {
			buf.WriteString("event: " + ev.Name + "\n")
		}
		for _, line := range bytes.Split(ev.Data, []byte("\n")) {
			buf.WriteString("data: ")
			buf.Write(line)
			buf.WriteByte('\n')
		}
		buf.WriteByte('\n')
		if _, werr := w.Write(buf.Bytes()); werr != nil {
			return nil // the client left
		}
		if fl != nil {
			fl.Flush()
		}
		ev, err = st.Next()
	}
	if !errors.Is(err, io.EOF) {
		g.log.Warn("stream broke after output; not retried", "session", s.ID().Hex(), "err", err)
	}
	return nil
}

func (g *Gateway) handleModels(w http.ResponseWriter, r *http.Request) {
	models, err := g.cfg.Client.Router.Models(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	data := make([]openAIModel, 0, len(models))
	for _, m := range models {
		data = append(data, openAIModel{ID: m.Name, Object: "model", OwnedBy: "lake-travis"})
	}
	sort.Slice(data, func(i, j int) bool { return data[i].ID < data[j].ID })
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

func (g *Gateway) handleModel(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("model")
	models, err := g.cfg.Client.Router.Models(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	for _, m := range models {
		if m.Name == name {
			writeJSON(w, http.StatusOK, openAIModel{ID: m.Name, Object: "model", OwnedBy: "lake-travis"})
			return
		}
	}
	writeOpenAIError(w, http.StatusNotFound, "invalid_request_error", "model_not_found",
		fmt.Sprintf("the model %q is not offered on the market", name))
}

type openAIModel struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

// SessionInfo describes a live session, for GET /lt/sessions.
type SessionInfo struct {
	Model     string       `json:"model"`
	SessionID string       `json:"sessionId"`
	Provider  string       `json:"provider"`
	Endpoint  string       `json:"endpoint"`
	Usage     client.Usage `json:"usage"`
	NotAfter  int64        `json:"notAfter"`
}

// Sessions lists the live sessions.
func (g *Gateway) Sessions() []SessionInfo {
	g.mu.Lock()
	defer g.mu.Unlock()
	var out []SessionInfo
	for model, sl := range g.slots {
		sl.mu.Lock()
		if s := sl.sess; s != nil {
			out = append(out, SessionInfo{Model: model, SessionID: s.ID().Hex(), Provider: s.Grant().Provider.Hex(),
				Endpoint: s.Endpoint(), Usage: s.Usage(), NotAfter: s.NotAfter().Unix()})
		}
		sl.mu.Unlock()
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Model < out[j].Model })
	return out
}

func (g *Gateway) handleSessions(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"sessions": g.Sessions(), "closed": g.Closed()})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeOpenAIError(w http.ResponseWriter, status int, typ, code, msg string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "param": nil, "code": code}})
}

// writeError renders err in OpenAI's shape with a status a client can act on.
func writeError(w http.ResponseWriter, err error) {
	status, typ, code := openAIStatus(err)
	writeOpenAIError(w, status, typ, code, err.Error())
}

func openAIStatus(err error) (status int, typ, code string) {
	var e *wire.Error
	if errors.As(err, &e) {
		switch e.Code {
		case wire.CodeAllowanceExhausted:
			return http.StatusTooManyRequests, "insufficient_quota", e.Code
		case wire.CodeUnknownModel:
			return http.StatusNotFound, "invalid_request_error", "model_not_found"
		case wire.CodeNoProvider, wire.CodeCapacity:
			return http.StatusServiceUnavailable, "server_error", e.Code
		}
		status = e.Status
		if status < 400 || status > 599 {
			status = http.StatusBadGateway
		}
		if status >= 500 {
			return status, "server_error", e.Code
		}
		return status, "invalid_request_error", e.Code
	}
	switch {
	case errors.Is(err, client.ErrUnreachable):
		return http.StatusBadGateway, "server_error", "unreachable"
	case errors.Is(err, client.ErrBadGrant):
		return http.StatusBadGateway, "server_error", "bad_grant"
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout, "server_error", "timeout"
	}
	return http.StatusInternalServerError, "server_error", "internal"
}
