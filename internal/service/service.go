// Package service is the skeleton the router, keeper and provider mains share: the logger, the HTTP server
// (full timeouts, a bound on each client address's open connections, the metrics endpoint, a §9 404 for a
// path not in canonical form, graceful shutdown), start-up retry, the dial-and-check of the chain against a deployment file, comma-list flags
// and the cap on Go's processors of the proxies (LimitProcs). It knows nothing of any one role, nor of the
// metrics library: metrics arrive as an http.Handler.
package service

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"path"
	"runtime"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/wire"
)

// LimitProcs caps the Go code running at once at n processors (runtime.GOMAXPROCS), never raising it
// above what the process has; n <= 0 leaves it. It returns the function that restores the previous value.
//
// Why the proxies (`provider serve`, `lt gateway`) cap it (default 1): their work per request is a few
// system calls around a little parsing, and each request is handed from goroutine to goroutine several
// times (the connection's, net/http's background reader, the answer's). With more processors than runnable
// goroutines, every hand-off wakes another thread that spins looking for work and sleeps again. On two
// cores a capped process spent about two thirds of the CPU per proxied request (provider 275 → 178 µs,
// gateway 263 → 177 µs, system calls and scheduler included) and BenchmarkGatewayOverhead's gateway path
// added about 40–60 µs less at the median (client/README.md "Latency the gateway adds"). One processor still
// relays thousands of requests a second; a busier provider raises it.
func LimitProcs(n int) (restore func()) {
	prev := runtime.GOMAXPROCS(0)
	if n <= 0 || n >= prev {
		return func() {}
	}
	runtime.GOMAXPROCS(n)
	return func() { runtime.GOMAXPROCS(prev) }
}

// Logger builds the services' logger: JSON (format "json" or "") or human-readable ("console") on
// stderr, at level ("debug", "info", "warn" or "error").
func Logger(level, format string) (*zap.Logger, error) {
	var cfg zap.Config
	switch format {
	case "", "json":
		cfg = zap.NewProductionConfig()
	case "console":
		cfg = zap.NewDevelopmentConfig()
	default:
		return nil, fmt.Errorf("log format %q: want json or console", format)
	}
	lvl, err := zapcore.ParseLevel(level)
	if err != nil {
		return nil, fmt.Errorf("log level: %w", err)
	}
	cfg.Level = zap.NewAtomicLevelAt(lvl)
	cfg.OutputPaths, cfg.ErrorOutputPaths = []string{"stderr"}, []string{"stderr"}
	return cfg.Build()
}

// HTTP describes a service's HTTP server. Zero durations take the defaults noted, except WriteTimeout,
// whose zero means none: only for servers that stream answers of unbounded length (the provider's
// inference routes), which bound each stream themselves.
type HTTP struct {
	Handler http.Handler
	Metrics http.Handler // served at GET /metrics when set (any exposition library)

	ReadHeaderTimeout time.Duration // default 5 s
	ReadTimeout       time.Duration // whole request, body included; default 30 s
	WriteTimeout      time.Duration // whole response; 0: none (streaming)
	IdleTimeout       time.Duration // keep-alive; default 2 min
	MaxHeaderBytes    int           // default 16 KiB
	// MaxConnsPerIP bounds the connections one client address (ratelimit.ClientIP: an IPv6 /64 is one)
	// holds open at once, idle keep-alive ones included; past it a new connection is closed unanswered.
	// Default DefaultMaxConnsPerIP; negative: no bound.
	MaxConnsPerIP int
}

// MaxConnsPerIPUsage is the help of the --max-conns-per-ip flag (config key max-conns-per-ip) of every
// service's main, which sets HTTP.MaxConnsPerIP.
const MaxConnsPerIPUsage = "connections one client address (an IPv6 /64 is one) may hold open at once, idle keep-alive ones included; past it a new one is closed unanswered (0: 256, negative: no bound)"

// DefaultMaxConnsPerIP is HTTP.MaxConnsPerIP's default: far above what one honest client opens (a
// gateway, a router's prober, a keeper), and about 20 MB of goroutines and buffers per address at most.
const DefaultMaxConnsPerIP = 256

// Server returns the *http.Server for h.
func (h HTTP) Server() *http.Server {
	if h.ReadHeaderTimeout <= 0 {
		h.ReadHeaderTimeout = 5 * time.Second
	}
	if h.ReadTimeout <= 0 {
		h.ReadTimeout = 30 * time.Second
	}
	if h.IdleTimeout <= 0 {
		h.IdleTimeout = 2 * time.Minute
	}
	if h.MaxHeaderBytes <= 0 {
		h.MaxHeaderBytes = 16 << 10
	}
	handler := h.Handler
	if h.Metrics != nil {
		mux := http.NewServeMux()
		mux.Handle("GET /metrics", h.Metrics)
		mux.Handle("/", h.Handler)
		handler = mux
	}
	srv := &http.Server{Handler: canonicalPaths(handler), ReadHeaderTimeout: h.ReadHeaderTimeout, ReadTimeout: h.ReadTimeout,
		WriteTimeout: h.WriteTimeout, IdleTimeout: h.IdleTimeout, MaxHeaderBytes: h.MaxHeaderBytes}
	if h.MaxConnsPerIP == 0 {
		h.MaxConnsPerIP = DefaultMaxConnsPerIP
	}
	if h.MaxConnsPerIP > 0 {
		srv.ConnState = (&connsPerIP{max: h.MaxConnsPerIP, open: map[string]int{}}).track
	}
	return srv
}

// canonicalPaths answers a request whose path is not in canonical form (an empty, "." or ".." segment:
// "//v1/x", "/./v1/models", "/v1/../v1/rfc") with the PROTOCOL §9 envelope, 404 not_found, before any
// http.ServeMux sees it: a mux answers such a path with a redirect to the cleaned one, in plain text, and
// every service's muxes (its routes, the metrics one above, the router's pages) would. No client of ours
// sends one. A CONNECT's path is not cleaned (a mux matches it as sent); one whose target is not a path
// (host:port) matches no mux pattern, and the metrics mux above answered it in plain text: the §9 404.
func canonicalPaths(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodConnect && !strings.HasPrefix(r.URL.Path, "/") {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no route %s %s: not a path", r.Method, r.RequestURI))
			return
		}
		if p := r.URL.EscapedPath(); r.Method != http.MethodConnect && p != cleanPath(p) {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound,
				"no route %s %s: the path is not in canonical form (no empty, \".\" or \"..\" segment)", r.Method, r.URL.Path))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// cleanPath is net/http's canonical form of a path (unexported there): path.Clean's, rooted, keeping a
// trailing slash.
func cleanPath(p string) string {
	if p == "" {
		return "/"
	}
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		if len(p) == len(np)+1 && strings.HasPrefix(p, np) {
			np = p
		} else {
			np += "/"
		}
	}
	return np
}

// connsPerIP counts each client address's open connections (http.Server.ConnState) and closes a new one
// past max. Every connection the server accepts is reported new once and closed (or hijacked) once.
type connsPerIP struct {
	max  int
	mu   sync.Mutex
	open map[string]int
}

func (l *connsPerIP) track(c net.Conn, st http.ConnState) {
	switch st {
	case http.StateNew:
		key := ratelimit.AddrKey(c.RemoteAddr().String())
		l.mu.Lock()
		l.open[key]++
		over := l.open[key] > l.max
		l.mu.Unlock()
		if over {
			_ = c.Close() // the server's read fails at once and reports it closed
		}
	case http.StateClosed, http.StateHijacked:
		key := ratelimit.AddrKey(c.RemoteAddr().String())
		l.mu.Lock()
		if l.open[key]--; l.open[key] <= 0 {
			delete(l.open, key)
		}
		l.mu.Unlock()
	}
}

// Serve serves srv on ln until ctx ends, then shuts down gracefully: no new connections, requests in
// flight get up to drain to finish, after which the rest are cut. It returns nil after a shutdown
// that ctx asked for, and the server's error if serving failed first. The answers net/http writes itself
// (a request it cannot parse, headers over the limit) carry the PROTOCOL §9 envelope too (envelopeListener).
//
// The shutdown is logged: "shutting down" with its cause (the signal, for a context of
// signal.NotifyContext) and what it waits for, then whether the requests in flight finished or were cut.
// What the service does after Serve returns is the caller's to log, ending with "stopped".
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, drain time.Duration, log *zap.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(envelopeListener{ln}) }()
	log.Info("listening", zap.String("addr", ln.Addr().String()))
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", zap.String("cause", context.Cause(ctx).Error()),
		zap.String("waiting for", "requests in flight (no new connections)"), zap.Duration("drain", drain))
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drain)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		log.Warn("requests still in flight at the end of the drain period: cut", zap.Duration("drain", drain), zap.Error(err))
		_ = srv.Close()
	} else {
		log.Info("requests in flight finished")
	}
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) {
		return fmt.Errorf("http server: %w", e)
	}
	return nil
}

// Retry calls f with capped exponential back-off (250 ms doubling to 30 s) until it succeeds or ctx
// ends: an RPC endpoint that is down or flaky while a service starts should delay it, not stop it.
func Retry[T any](ctx context.Context, log *zap.Logger, what string, f func(context.Context) (T, error)) (T, error) {
	wait := 250 * time.Millisecond
	for {
		v, err := f(ctx)
		if err == nil || ctx.Err() != nil {
			return v, err
		}
		log.Warn("start-up call failed, retrying", zap.String("what", what), zap.Duration("in", wait), zap.Error(err))
		select {
		case <-ctx.Done():
			return v, ctx.Err()
		case <-time.After(wait):
		}
		wait = min(2*wait, 30*time.Second)
	}
}

// ErrWrongChain is returned by Dial when the RPC serves another chain than the deployment's.
var ErrWrongChain = errors.New("the RPC serves another chain than the deployment file's")

// Dial connects to the RPC URLs and checks them against dep (CheckChain), retrying RPC failures (Retry)
// while ctx lasts, for services: a wrong chain or a missing contract is not retried.
func Dial(ctx context.Context, log *zap.Logger, urls []string, opts chain.Options, dep *deployments.Deployment) (*chain.Client, error) {
	cl, err := chain.Dial(ctx, urls, opts)
	if err != nil {
		return nil, err
	}
	var wrong error // not retried
	_, err = Retry(ctx, log, "chain check", func(ctx context.Context) (struct{}, error) {
		err := CheckChain(ctx, cl, dep)
		if errors.Is(err, ErrWrongChain) {
			wrong, err = err, nil
		}
		return struct{}{}, err
	})
	if err == nil {
		err = wrong
	}
	if err != nil {
		cl.Close()
		return nil, err
	}
	return cl, nil
}

// CheckChain checks, once, that the RPC behind cl serves dep's chain and that dep's Marketplace holds
// code there. A mismatch wraps ErrWrongChain; an RPC failure does not. The CLIs call it directly.
func CheckChain(ctx context.Context, cl *chain.Client, dep *deployments.Deployment) error {
	id, err := cl.ChainID(ctx)
	if err != nil {
		return ChainUnreachable(cl.URLs(), err)
	}
	if id.Uint64() != dep.ChainID {
		return fmt.Errorf("%w: RPC %s serves chain %d, the deployment file is for chain %d (give the RPC of "+
			"chain %d, or chain %d's deployment file, deployments/%d.json)", ErrWrongChain,
			strings.Join(cl.URLs(), ", "), id.Uint64(), dep.ChainID, dep.ChainID, id.Uint64(), id.Uint64())
	}
	market, err := dep.Address("Marketplace")
	if err != nil {
		return fmt.Errorf("%w: %w", ErrWrongChain, err)
	}
	code, err := cl.CodeAt(ctx, market, nil)
	if err != nil {
		return fmt.Errorf("Marketplace code: %w", err)
	}
	if len(code) == 0 {
		return fmt.Errorf("%w: no Marketplace contract at %s on chain %d (wrong deployment file?)", ErrWrongChain, market, dep.ChainID)
	}
	return nil
}

// ChainUnreachable is the error of a first chain call that failed: which URLs were tried and what to do
// next, for the services' start-up and the CLIs alike.
func ChainUnreachable(urls []string, err error) error {
	return fmt.Errorf("cannot reach the chain at %s: %w (is the node running? `make devnet` runs a local one "+
		"on 127.0.0.1:8545; otherwise check the RPC URL flag)", strings.Join(urls, ", "), err)
}

// Settings reads the mains' settings by key: the *viper.Viper their flags, environment and config file
// are bound to.
type Settings interface {
	GetFloat64(key string) float64
	GetInt(key string) int
}

// Rate is the limit a main's setting pair key (per second) and key-burst sets: every rate flag comes as
// such a pair ("rate-ip", "rate-ip-burst").
func Rate(s Settings, key string) ratelimit.Rate {
	return ratelimit.Rate{PerSecond: s.GetFloat64(key), Burst: s.GetInt(key + "-burst")}
}

// SplitList accepts both repeated flags and comma-separated values (from the environment or config
// files): ["a,b", " c "] is ["a", "b", "c"]; empty items are dropped.
func SplitList(in []string) []string {
	var out []string
	for _, s := range in {
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// BaseURL checks that u is an http(s) base URL with a host ("http://127.0.0.1:8080"), naming flag in the
// error with an example: a URL without its scheme otherwise fails later as an unreadable parse error.
func BaseURL(flag, u string) error {
	if !wire.IsHTTPURL(u) {
		return fmt.Errorf("--%s %q is not an http(s) base URL: give the scheme and host, e.g. http://127.0.0.1:8080", flag, u)
	}
	return nil
}

// Every runs f every interval until ctx ends, calling onErr with each failed round's error (not the one of
// a round ctx's end cut short).
func Every(ctx context.Context, interval time.Duration, f func(context.Context) error, onErr func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := f(ctx); err != nil && ctx.Err() == nil {
				onErr(err)
			}
		}
	}
}
