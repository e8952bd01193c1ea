package service_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"runtime"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/service"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestLimitProcs: the cap lowers GOMAXPROCS and restores it, never raises it, and 0 leaves it alone.
func TestLimitProcs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	restore := service.LimitProcs(1)
	require.Equal(t, 1, runtime.GOMAXPROCS(0))
	restore()
	require.Equal(t, 2, runtime.GOMAXPROCS(0))
	service.LimitProcs(0)()
	require.Equal(t, 2, runtime.GOMAXPROCS(0))
	restore = service.LimitProcs(8)
	require.Equal(t, 2, runtime.GOMAXPROCS(0), "never raised above what the process has")
	restore()
	require.Equal(t, 2, runtime.GOMAXPROCS(0))
}

func TestSplitList(t *testing.T) {
	require.Equal(t, []string{"a", "b", "c"}, service.SplitList([]string{"a,b", " c ", ",", ""}))
	require.Nil(t, service.SplitList(nil))
}

// TestServer: every timeout is set (write only when asked), metrics are served beside the handler, and
// Serve shuts down gracefully when its context ends: a request in flight finishes. The shutdown is logged
// with its cause (a signal's, as signal.NotifyContext's context gives it) and what it waits for.
func TestServer(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	srv := service.HTTP{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/slow" {
				close(started)
				<-release
			}
			_, _ = io.WriteString(w, "app")
		}),
		Metrics:      http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "metrics") }),
		WriteTimeout: 7 * time.Second,
	}.Server()
	require.Positive(t, srv.ReadHeaderTimeout)
	require.Positive(t, srv.ReadTimeout)
	require.Positive(t, srv.IdleTimeout)
	require.Equal(t, 7*time.Second, srv.WriteTimeout)
	require.Zero(t, service.HTTP{Handler: http.NotFoundHandler()}.Server().WriteTimeout, "streaming servers ask for none")

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancelCause(context.Background())
	core, logs := observer.New(zap.InfoLevel)
	done := make(chan error, 1)
	go func() { done <- service.Serve(ctx, srv, ln, 10*time.Second, zap.New(core)) }()
	base := "http://" + ln.Addr().String()
	get := func(path string) string {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	require.Equal(t, "metrics", get("/metrics"))
	require.Equal(t, "app", get("/v1/x"))

	slow := make(chan string, 1)
	go func() {
		resp, err := http.Get(base + "/slow")
		if err != nil {
			slow <- err.Error()
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		slow <- string(b)
	}()
	<-started
	cancel(errors.New("terminated signal received"))
	// Shutdown has begun once new connections are refused.
	require.Eventually(t, func() bool {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err == nil {
			c.Close()
		}
		return err != nil
	}, 10*time.Second, 5*time.Millisecond)
	close(release)
	require.Equal(t, "app", <-slow, "the request in flight finished")
	require.NoError(t, <-done)
	var msgs []string
	for _, e := range logs.All() {
		msgs = append(msgs, e.Message)
	}
	require.Equal(t, []string{"listening", "shutting down", "requests in flight finished"}, msgs)
	down := logs.FilterMessage("shutting down").All()[0].ContextMap()
	require.Equal(t, "terminated signal received", down["cause"])
	require.Contains(t, down["waiting for"], "requests in flight")
	require.Equal(t, 10*time.Second, down["drain"])
}

func TestRetry(t *testing.T) {
	n := 0
	v, err := service.Retry(context.Background(), zap.NewNop(), "x", func(context.Context) (int, error) {
		if n++; n < 3 {
			return 0, errors.New("down")
		}
		return 42, nil
	})
	require.NoError(t, err)
	require.Equal(t, 42, v)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = service.Retry(ctx, zap.NewNop(), "x", func(context.Context) (int, error) { return 0, errors.New("down") })
	require.Error(t, err)
}

// TestDialChecksTheChain: a deployment file of another chain, or whose Marketplace holds no code on this
// one, is refused at once (not retried as an RPC failure would be).
func TestDialChecksTheChain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	a, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	defer a.Close()
	noCode := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	for _, dep := range []*deployments.Deployment{
		{ChainID: 1, Contracts: map[string]common.Address{"Marketplace": noCode}},
		{ChainID: 31337, Contracts: map[string]common.Address{"Marketplace": noCode}},
	} {
		_, err := service.Dial(ctx, zap.NewNop(), []string{a.URL}, chain.Options{}, dep)
		require.ErrorIs(t, err, service.ErrWrongChain)
	}
}

// TestConnsPerIP: one client address holds at most MaxConnsPerIP connections open at once (idle keep-alive
// ones included: a 429 keeps a connection open too); past it a new connection is closed unanswered, while
// another address is served, and a closed connection makes room again. Without the bound one host held
// as many idle connections, each a goroutine and its buffers, as it had ports.
func TestConnsPerIP(t *testing.T) {
	srv := service.HTTP{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "ok") }),
		MaxConnsPerIP: 3}.Server()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	// served sends one keep-alive request on a new connection from ip and says whether it was answered.
	served := func(ip string) (net.Conn, bool) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		c, err := d.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		_, err = io.WriteString(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n")
		if err != nil {
			c.Close()
			return nil, false
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			c.Close()
			return nil, false
		}
		resp.Body.Close()
		return c, resp.StatusCode == http.StatusOK
	}
	var held []net.Conn
	for range 3 {
		c, ok := served("127.0.0.1")
		require.True(t, ok)
		held = append(held, c)
	}
	_, ok := served("127.0.0.1")
	require.False(t, ok, "a fourth connection from the same address")
	other, ok := served("127.0.0.2")
	require.True(t, ok, "another address")
	other.Close()
	held[0].Close()
	require.Eventually(t, func() bool {
		c, ok := served("127.0.0.1")
		if ok {
			c.Close()
		}
		return ok
	}, 10*time.Second, 10*time.Millisecond, "room again once a connection closed")
	for _, c := range held[1:] {
		c.Close()
	}
}

// TestUncanonicalPaths: a path not in canonical form ("//v1/x", "/./metrics", "/x/../v1/x", …) gets the
// PROTOCOL §9 404 not_found, at the routes and at the metrics endpoint alike; before, the metrics mux
// in front of every service redirected it (307, plain text) to the cleaned path; so is a CONNECT to a
// host:port, which that mux answered in plain text. Canonical paths, a trailing slash included, are
// served as before.
func TestUncanonicalPaths(t *testing.T) {
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }
	mux.HandleFunc("GET /v1/x", ok)
	mux.HandleFunc("GET /v1/dir/", ok)
	srv := service.HTTP{Handler: wire.Routes(mux, nil), Metrics: http.HandlerFunc(ok)}.Server()
	base := wiretest.Serve(t, srv)
	wiretest.RequireEnvelopes(t, base,
		wiretest.Case{Method: "GET", Path: "/v1/x", Status: http.StatusNoContent},
		wiretest.Case{Method: "GET", Path: "/v1/dir/", Status: http.StatusNoContent},
		wiretest.Case{Method: "GET", Path: "/metrics", Status: http.StatusNoContent},
		wiretest.NotFound("POST", "//v1/x"),
		wiretest.NotFound("CONNECT", "")) // "CONNECT host:port": plain text from the metrics mux without the check
	wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical("GET", "/v1/x")...)
	wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical("GET", "/v1/dir/")...)
	wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical("GET", "/metrics")...)
}

// TestBaseURL: a URL flag without its scheme or host is refused naming the flag, with an example.
func TestBaseURL(t *testing.T) {
	for _, ok := range []string{"http://127.0.0.1:8080", "https://router.example.net", "http://[::1]:8080/base"} {
		require.NoError(t, service.BaseURL("router", ok), ok)
	}
	for _, bad := range []string{"127.0.0.1:8080", "router.example.net", "ftp://x", "http://", ""} {
		err := service.BaseURL("router", bad)
		require.Error(t, err, bad)
		require.Contains(t, err.Error(), "--router")
		require.Contains(t, err.Error(), "e.g. http://127.0.0.1:8080")
	}
}

// TestEvery: f runs round after round, each failure reported, until ctx ends; then Every returns, and the
// failure of a round that ctx's end cut short is not reported.
func TestEvery(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	rounds, errs := make(chan int, 10), make(chan error, 10)
	n := 0
	done := make(chan struct{})
	go func() {
		defer close(done)
		service.Every(ctx, time.Millisecond, func(ctx context.Context) error {
			n++
			rounds <- n
			switch n {
			case 2:
				return errors.New("round 2")
			case 3:
				<-ctx.Done() // cut short by the end
				return ctx.Err()
			}
			return nil
		}, func(err error) { errs <- err })
	}()
	for want := 1; want <= 3; want++ {
		require.Equal(t, want, <-rounds)
	}
	cancel()
	<-done
	require.Len(t, errs, 1)
	require.EqualError(t, <-errs, "round 2")
	require.Empty(t, rounds, "no round after the end")
}
