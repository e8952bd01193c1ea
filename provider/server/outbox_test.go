package server_test

import (
	"context"
	"crypto/ecdsa"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/server"
)

// closeRouter is a stand-in router for close reports: while down it answers every request 503 (and says
// so on attempts); up, it says who it is and takes each session's first close (took), refusing any later
// one as the real router does (409 session_closed, on refused).
type closeRouter struct {
	*httptest.Server
	key      *ecdsa.PrivateKey
	up       atomic.Bool
	attempts chan struct{}
	took     chan common.Hash
	refused  chan common.Hash
	mu       sync.Mutex
	closed   map[common.Hash]int // closes taken per session
}

func newCloseRouter(t *testing.T) *closeRouter {
	r := &closeRouter{attempts: make(chan struct{}, 100), took: make(chan common.Hash, 10), refused: make(chan common.Hash, 10),
		closed: map[common.Hash]int{}}
	r.key, _ = crypto.GenerateKey()
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if !r.up.Load() {
			select {
			case r.attempts <- struct{}{}:
			default:
			}
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down"))
			return
		}
		if req.URL.Path == "/healthz" {
			wire.WriteJSON(w, http.StatusOK, map[string]any{"router": crypto.PubkeyToAddress(r.key.PublicKey)})
			return
		}
		id := common.HexToHash(strings.TrimSuffix(strings.TrimPrefix(req.URL.Path, "/v1/sessions/"), "/close"))
		r.mu.Lock()
		r.closed[id]++
		n := r.closed[id]
		r.mu.Unlock()
		if n > 1 {
			r.refused <- id
			wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session %s is closed", id))
			return
		}
		r.took <- id
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	t.Cleanup(r.Close)
	return r
}

// outboxProvider is a provider config reporting to router, its outbox in dir; logs go to the observer too.
func outboxProvider(up *upstream, router *closeRouter, dir string) (server.Config, *observer.ObservedLogs) {
	core, logs := observer.New(zapcore.InfoLevel)
	owner, _ := crypto.GenerateKey()
	signer, _ := crypto.GenerateKey()
	routerAddr := crypto.PubkeyToAddress(router.key.PublicKey)
	return server.Config{Domain: eip712.NewDomain(31337, routerAddr), Provider: crypto.PubkeyToAddress(owner.PublicKey),
		SignerKey: signer, Routers: staticRouters{routerAddr: true}, UpstreamURL: up.URL + "/v1",
		Models: []server.Model{{Name: "fast:v1", Upstream: "fast"}}, RouterURLs: []string{router.URL}, ReportDir: dir,
		Logger: zap.New(core), IdleTimeout: time.Hour}, logs
}

// running is a Server in Run with a drain; stop shuts it down and waits for Run.
type running struct {
	url  string
	stop func()
}

func run(t *testing.T, cfg server.Config, drain time.Duration) running {
	t.Helper()
	s, err := server.New(cfg)
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, drain) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		require.NoError(t, <-done)
	}
	t.Cleanup(stop)
	return running{url: "http://" + ln.Addr().String(), stop: stop}
}

func reportFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if e.Name() != ".lock" {
			out = append(out, e.Name())
		}
	}
	return out
}

func waitFor[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(30 * time.Second):
		t.Fatalf("never %s", what)
		panic("unreachable")
	}
}

// TestCloseReportSurvivesCrash: the provider countersigns a close while its router is down; the report is
// on disk before the close is answered, so a crash at any point after (the directory as it was while the
// report was retrying, copied) or a shutdown that gives the report up (stopped without drain) loses
// nothing: a new provider over that directory delivers it once the router is back, removes it, and the
// router takes the session's close exactly once (the other copy is refused as already closed and removed
// too).
func TestCloseReportSurvivesCrash(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	dir, crashDir := t.TempDir(), t.TempDir()
	cfg, _ := outboxProvider(up, router, dir)
	a := run(t, cfg, 0) // no drain at shutdown

	user, _ := crypto.GenerateKey()
	c := newClient(t, cfg.Domain, a.url, user, newTicket(cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour)), router.key)
	readAll(t, c.chat("fast:v1", false))
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1, InputTokens: 11, OutputTokens: 7}
	byUser, _ := cfg.Domain.Sign(&rc, user)
	resp := postJSON(t, a.url+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &byUser})
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	file := strings.ToLower(rc.SessionID.Hex()) + ".json"
	require.Equal(t, []string{file}, reportFiles(t, dir), "stored before the close is answered")

	waitFor(t, router.attempts, "tried to reach the router")
	raw, err := os.ReadFile(filepath.Join(dir, file))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(crashDir, file), raw, 0o600)) // the disk when the process dies

	a.stop() // the report still retrying is given up…
	require.Equal(t, []string{file}, reportFiles(t, dir), "…and stays for the next start")

	router.up.Store(true)
	bCfg, logs := outboxProvider(up, router, crashDir)
	bCfg.Domain, bCfg.Provider, bCfg.SignerKey = cfg.Domain, cfg.Provider, cfg.SignerKey
	b := run(t, bCfg, 10*time.Second)
	require.Equal(t, rc.SessionID, waitFor(t, router.took, "delivered after the crash"))
	b.stop()
	require.Empty(t, reportFiles(t, crashDir), "removed once the router took it")
	resumed := logs.FilterMessage("close reports resumed from the outbox").All()
	require.Len(t, resumed, 1)
	require.Equal(t, int64(1), resumed[0].ContextMap()["reports"])

	cCfg, _ := outboxProvider(up, router, dir)
	run(t, cCfg, 10*time.Second).stop()
	require.Equal(t, rc.SessionID, waitFor(t, router.refused, "the shutdown's copy delivered"))
	require.Empty(t, reportFiles(t, dir), "a close the router already has is removed")
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{rc.SessionID: 2}, router.closed, "one close taken, one refused")
}

// TestResumeDeliversTheReadableReports: at start the outbox's good reports are delivered, a report past
// its router's deadline is dropped (logged with its session), and a corrupt file is moved aside (kept,
// logged) without stopping the start or the other deliveries.
func TestResumeDeliversTheReadableReports(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	dir := t.TempDir()
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	routerAddr := crypto.PubkeyToAddress(router.key.PublicKey)
	sig := eip712.Signature{1}
	pending := func(id byte, until time.Time) *outbox.Report {
		return &outbox.Report{Kind: "idle", Router: routerAddr, Until: until.Unix(),
			Close: wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{31: id}}, ProviderSignature: &sig}}
	}
	good1, good2, expired := pending(1, time.Now().Add(time.Hour)), pending(2, time.Now().Add(time.Hour)), pending(3, time.Now().Add(-time.Second))
	for _, r := range []*outbox.Report{good1, good2, expired} {
		require.NoError(t, o.Put(r))
	}
	require.NoError(t, o.Close())
	corrupt := "0x" + strings.Repeat("0", 63) + "4.json"
	require.NoError(t, os.WriteFile(filepath.Join(dir, corrupt), []byte("\x00\x01 not json"), 0o600))

	cfg, logs := outboxProvider(up, router, dir)
	p := run(t, cfg, 10*time.Second)
	got := map[common.Hash]bool{waitFor(t, router.took, "delivered"): true, waitFor(t, router.took, "delivered"): true}
	p.stop()
	require.Equal(t, map[common.Hash]bool{good1.SessionID(): true, good2.SessionID(): true}, got)
	left := reportFiles(t, dir)
	require.Len(t, left, 1)
	require.True(t, strings.HasPrefix(left[0], corrupt+".corrupt-"), "moved aside, kept: %v", left)
	require.Len(t, logs.FilterMessageSnippet("moved aside").All(), 1)
	gaveUp := logs.FilterMessageSnippet("given up").All()
	require.Len(t, gaveUp, 1)
	require.Equal(t, expired.SessionID().Hex(), gaveUp[0].ContextMap()["session"])
}
