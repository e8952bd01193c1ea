package server_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
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

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/server"
)

// closeRouter is a stand-in router for close reports: while down it answers every request 503 (and says
// so on attempts); up, it says who it is (GET /healthz), proves it (POST /v1/liveness, wiretest.ProveKey)
// and takes each session's first close (took, its body in taken), refusing any later one as the real
// router does (409 session_closed, on refused), and answers GET /v1/sessions/{id} with the close it took.
// With signer set it checks the receipt's provider signature, when there is one, against it, the
// provider's signer as its book holds it now, as router/api's close does: another key's is refused 401
// bad_provider_signature (on badSig).
type closeRouter struct {
	*httptest.Server
	key      *ecdsa.PrivateKey
	up       atomic.Bool
	signer   atomic.Pointer[common.Address]
	attempts chan struct{}
	took     chan common.Hash
	refused  chan common.Hash
	badSig   chan common.Hash
	mu       sync.Mutex
	closed   map[common.Hash]int // closes taken per session
	taken    map[common.Hash]wire.CloseRequest
}

func newCloseRouter(t *testing.T) *closeRouter {
	r := &closeRouter{attempts: make(chan struct{}, 100), took: make(chan common.Hash, 10), refused: make(chan common.Hash, 10),
		badSig: make(chan common.Hash, 100), closed: map[common.Hash]int{}, taken: map[common.Hash]wire.CloseRequest{}}
	r.key, _ = crypto.GenerateKey()
	domain := eip712.NewDomain(31337, crypto.PubkeyToAddress(r.key.PublicKey)) // outboxProvider's
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if !r.up.Load() {
			select {
			case r.attempts <- struct{}{}:
			default:
			}
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down"))
			return
		}
		switch req.URL.Path {
		case "/healthz":
			wire.WriteJSON(w, http.StatusOK, map[string]any{"router": crypto.PubkeyToAddress(r.key.PublicKey)})
			return
		case "/v1/liveness":
			wiretest.ProveKey(w, req, domain, r.key)
			return
		}
		id := common.HexToHash(strings.TrimSuffix(strings.TrimPrefix(req.URL.Path, "/v1/sessions/"), "/close"))
		if req.Method == http.MethodGet {
			r.mu.Lock()
			c, ok := r.taken[id]
			r.mu.Unlock()
			if !ok {
				wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no closed session %s", id))
				return
			}
			wire.WriteJSON(w, http.StatusOK, wire.SessionRecord{SessionID: id, State: "closed", Receipt: &c.Receipt, UserSignature: c.UserSignature,
				ProviderSignature: c.ProviderSignature, TicketAcceptance: c.TicketAcceptance})
			return
		}
		var body wire.CloseRequest
		if err := json.NewDecoder(req.Body).Decode(&body); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: %v", err))
			return
		}
		if want := r.signer.Load(); want != nil && body.ProviderSignature != nil {
			if _, err := domain.Verify(&body.Receipt, body.ProviderSignature[:], *want); err != nil {
				select {
				case r.badSig <- id:
				default:
				}
				wire.WriteError(w, wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "provider signature: %v", err))
				return
			}
		}
		r.mu.Lock()
		r.closed[id]++
		n := r.closed[id]
		if n == 1 {
			r.taken[id] = body
		}
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

// reportFiles lists the outbox dir's pending reports (and anything else but its lock and folders: the
// retired reports' closed/).
func reportFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		if e.Name() != ".lock" && !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// userClose opens a session at the provider at url (one answer) and closes it there with the user's
// receipt (answered 200); it returns the session's client, the receipt and the user's signature of it.
func userClose(t *testing.T, cfg server.Config, url string, router *closeRouter) (*client, eip712.UsageReceipt, eip712.Signature) {
	t.Helper()
	user, _ := crypto.GenerateKey()
	c := newClient(t, cfg.Domain, url, user, newTicket(cfg.Domain, cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour)), router.key)
	readAll(t, c.chat("fast:v1", false))
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1, InputTokens: 11, OutputTokens: 7}
	byUser, _ := cfg.Domain.Sign(&rc, user)
	resp := postJSON(t, url+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &byUser})
	require.Equal(t, http.StatusOK, resp.StatusCode, readAll(t, resp))
	return c, rc, byUser
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

	_, rc, _ := userClose(t, cfg, a.url, router)
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

// TestResumedReportAfterRotationSignedByTheNewKey (rotation between a crash and the restart): the provider
// countersigns a user's close with K0 while its router is down; the report is left in the outbox, the owner
// rotates the signer to K1 (updateProvider) and serve starts again with K1. The router checks a provider's
// receipt against the signer its book holds now (K1), as router/api's close does, and keepers judge it by
// the signer at the close the router dates after the rotation (K1 too): the resumed close is taken, its
// receipt countersigned by K1, the user's signature and the ticket acceptance (K0's, the signer at the
// session's start) as stored, and the file is removed. The report used to carry K0's signature, the router
// refused it 401, and the provider deleted it: the session expired at the router and billed nothing.
func TestResumedReportAfterRotationSignedByTheNewKey(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	dir := t.TempDir()
	cfg, _ := outboxProvider(up, router, dir)
	k0 := crypto.PubkeyToAddress(cfg.SignerKey.PublicKey)
	a := run(t, cfg, 0)
	c, rc, byUser := userClose(t, cfg, a.url, router)
	waitFor(t, router.attempts, "tried to reach the router")
	a.stop()
	require.Len(t, reportFiles(t, dir), 1, "kept for the next start")

	k1Key, _ := crypto.GenerateKey()
	k1 := crypto.PubkeyToAddress(k1Key.PublicKey)
	router.signer.Store(&k1)
	router.up.Store(true)
	bCfg, logs := outboxProvider(up, router, dir)
	bCfg.Domain, bCfg.Provider, bCfg.SignerKey = cfg.Domain, cfg.Provider, k1Key
	b := run(t, bCfg, 10*time.Second)
	require.Equal(t, rc.SessionID, waitFor(t, router.took, "the resumed close taken by a router that checks the current signer"))
	b.stop()
	require.Empty(t, reportFiles(t, dir), "removed once the router took it")

	router.mu.Lock()
	got := router.taken[rc.SessionID]
	router.mu.Unlock()
	require.Equal(t, rc, got.Receipt)
	require.Equal(t, &byUser, got.UserSignature)
	_, err := cfg.Domain.Verify(&got.Receipt, got.ProviderSignature[:], k1)
	require.NoError(t, err, "countersigned by the signer at the close: K1")
	require.NotNil(t, got.TicketAcceptance)
	acc, err := settle.AcceptanceSigner(cfg.Domain, &c.ticket, c.router, got.TicketAcceptance)
	require.NoError(t, err)
	require.Equal(t, k0, acc, "the acceptance as stored: the signer at the session's start")
	require.Len(t, logs.FilterMessageSnippet("signed again by the current signer").All(), 1)
	require.Empty(t, logs.FilterMessageSnippet("given up").All())
	require.Empty(t, router.badSig)
}

// TestReopenAfterCrashRefusedReportKept (a session closed before a crash is closed after it): the
// provider countersigns a user's close, crashes while its router is down (the directory as it was then)
// and starts again over that outbox. The session's ticket is refused as a closed session's (409
// session_closed: not served again from seq 1), a second close of it too, and the stored close stays byte
// for byte. The restarted provider used to forget the close: it served the session again and a second
// close replaced the stored report, both racing to the router.
func TestReopenAfterCrashRefusedReportKept(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	dir, crashDir := t.TempDir(), t.TempDir()
	cfg, _ := outboxProvider(up, router, dir)
	a := run(t, cfg, 0)
	c, rc, _ := userClose(t, cfg, a.url, router)
	user, ticket := c.user, c.ticket
	file := strings.ToLower(rc.SessionID.Hex()) + ".json"
	raw, err := os.ReadFile(filepath.Join(dir, file))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(crashDir, file), raw, 0o600)) // the disk when the process dies
	a.stop()

	bCfg, _ := outboxProvider(up, router, crashDir)
	bCfg.Domain, bCfg.Provider, bCfg.SignerKey = cfg.Domain, cfg.Provider, cfg.SignerKey
	b := run(t, bCfg, 0)
	c2 := newClient(t, cfg.Domain, b.url, user, ticket, router.key) // a client starting again from seq 1
	status, code, _ := errorOf(t, c2.chat("fast:v1", false))
	require.Equal(t, http.StatusConflict, status, "the closed session is not served again")
	require.Equal(t, wire.CodeSessionClosed, code)
	rc2 := eip712.UsageReceipt{SessionID: rc.SessionID, Seconds: 1, InputTokens: 5, OutputTokens: 3}
	byUser2, _ := cfg.Domain.Sign(&rc2, user)
	status, code, _ = errorOf(t, postJSON(t, b.url+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc2, UserSignature: &byUser2}))
	require.Equal(t, http.StatusConflict, status, "nor closed a second time")
	require.Equal(t, wire.CodeSessionClosed, code)
	b.stop()
	after, err := os.ReadFile(filepath.Join(crashDir, file))
	require.NoError(t, err)
	require.Equal(t, raw, after, "the close stored before the crash stays")
}

// TestDeliveredCloseRefusedAfterRestart (a session closed early, its close delivered, then a restart): the
// user closes a session long before its ticket's notAfter and the router takes the close; the provider
// restarts. The ticket, sent again from seq 1, is refused as before the restart (409 session_closed), and
// so is a second close: the router is sent no other close. The provider used to hold closed only the
// sessions whose reports were still pending: it served the session again, metered it afresh, and its later
// close of that work was refused by the router as a second close (unpaid).
func TestDeliveredCloseRefusedAfterRestart(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	dir := t.TempDir()
	cfg, _ := outboxProvider(up, router, dir)
	a := run(t, cfg, 10*time.Second)
	c, rc, _ := userClose(t, cfg, a.url, router)
	require.Equal(t, rc.SessionID, waitFor(t, router.took, "the close delivered"))
	refusal := func(url string) (int, string) {
		again := newClient(t, cfg.Domain, url, c.user, c.ticket, router.key) // a client starting again from seq 1
		status, code, _ := errorOf(t, again.chat("fast:v1", false))
		return status, code
	}
	status, code := refusal(a.url)
	require.Equal(t, http.StatusConflict, status)
	require.Equal(t, wire.CodeSessionClosed, code)
	a.stop()
	require.Empty(t, reportFiles(t, dir), "no report pending: the router took it")

	bCfg, _ := outboxProvider(up, router, dir)
	bCfg.Domain, bCfg.Provider, bCfg.SignerKey = cfg.Domain, cfg.Provider, cfg.SignerKey
	b := run(t, bCfg, 10*time.Second)
	status2, code2 := refusal(b.url)
	require.Equal(t, [2]any{status, code}, [2]any{status2, code2}, "refused after the restart as before it")
	rc2 := eip712.UsageReceipt{SessionID: rc.SessionID, Seconds: 1, InputTokens: 5, OutputTokens: 3}
	byUser2, _ := cfg.Domain.Sign(&rc2, c.user)
	status, code, _ = errorOf(t, postJSON(t, b.url+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc2, UserSignature: &byUser2}))
	require.Equal(t, http.StatusConflict, status, "nor closed a second time")
	require.Equal(t, wire.CodeSessionClosed, code)
	b.stop()
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{rc.SessionID: 1}, router.closed, "one close sent, none after the restart")
}

// refusingSigner is an external signer (clef) that refuses to sign while refuse is set.
type refusingSigner struct {
	keys.Signer
	refuse atomic.Bool
	asked  atomic.Int32
}

func (s *refusingSigner) SignTyped(ctx context.Context, d *eip712.Domain, m eip712.Message) (eip712.Signature, error) {
	s.asked.Add(1)
	if s.refuse.Load() {
		return eip712.Signature{}, errors.New("clef: request denied")
	}
	return s.Signer.SignTyped(ctx, d, m)
}

// rotatedReport leaves a close report countersigned by K0 in an outbox (the router down), then rotates the
// provider's registered signer to K1, which a refusingSigner holds (refusing at first), for the restarts
// of TestResumedReport*.
type rotatedReport struct {
	cfg    server.Config
	router *closeRouter
	rc     eip712.UsageReceipt
	dir    string
	k1     common.Address
	signer *refusingSigner
}

func newRotatedReport(t *testing.T) *rotatedReport {
	t.Helper()
	up, router := newUpstream(t), newCloseRouter(t)
	r := &rotatedReport{router: router, dir: t.TempDir()}
	r.cfg, _ = outboxProvider(up, router, r.dir)
	a := run(t, r.cfg, 0)
	_, r.rc, _ = userClose(t, r.cfg, a.url, router)
	waitFor(t, router.attempts, "tried to reach the router")
	a.stop()
	k1Key, _ := crypto.GenerateKey()
	r.k1 = crypto.PubkeyToAddress(k1Key.PublicKey)
	router.signer.Store(&r.k1)
	router.up.Store(true)
	r.signer = &refusingSigner{Signer: keys.NewKeySigner(k1Key, r.cfg.Domain.ChainID())}
	r.signer.refuse.Store(true)
	return r
}

// restart runs serve again on the outbox with K1's signer.
func (r *rotatedReport) restart(t *testing.T, drain time.Duration) (running, *observer.ObservedLogs) {
	t.Helper()
	cfg, logs := outboxProvider(newUpstream(t), r.router, r.dir)
	cfg.Domain, cfg.Provider, cfg.SignerKey, cfg.Signer = r.cfg.Domain, r.cfg.Provider, nil, r.signer
	return run(t, cfg, drain), logs
}

// delivered checks the router took the report once, countersigned by K1, and the outbox is empty.
func (r *rotatedReport) delivered(t *testing.T) {
	t.Helper()
	require.Empty(t, reportFiles(t, r.dir), "removed once the router took it")
	r.router.mu.Lock()
	got := r.router.taken[r.rc.SessionID]
	r.router.mu.Unlock()
	_, err := r.cfg.Domain.Verify(&got.Receipt, got.ProviderSignature[:], r.k1)
	require.NoError(t, err, "countersigned by K1")
}

// TestResumedReportSignedWhenTheSignerAnswers: the signer refuses at the start, then answers while the
// same run goes on (clef approved, the hardware wallet plugged in): the report is signed by K1 and
// delivered in this run, not left for the next start.
func TestResumedReportSignedWhenTheSignerAnswers(t *testing.T) {
	r := newRotatedReport(t)
	b, logs := r.restart(t, 10*time.Second)
	require.Eventually(t, func() bool { return logs.FilterMessageSnippet("could not be signed again").Len() == 1 }, 30*time.Second, 10*time.Millisecond)
	r.signer.refuse.Store(false)
	require.Equal(t, r.rc.SessionID, waitFor(t, r.router.took, "delivered in the same run once the signer answers"))
	b.stop()
	r.delivered(t)
}

// TestResumedReportSignerRefusedKeptForNextStart (rotation, then the external signer refuses or is
// unavailable at the restart): a report countersigned by K0 is left in the outbox; serve starts again with
// K1 behind a signer that refuses to sign. The report is neither sent (not with K0's signature, not
// without one) nor dropped: it stays byte for byte, logged with its session, and the next start, with the
// signer answering, signs it with K1 and delivers it.
func TestResumedReportSignerRefusedKeptForNextStart(t *testing.T) {
	r := newRotatedReport(t)
	file := filepath.Join(r.dir, strings.ToLower(r.rc.SessionID.Hex())+".json")
	stored, err := os.ReadFile(file)
	require.NoError(t, err)

	b, logs := r.restart(t, 0) // no drain: the background signing attempts end with the run
	const kept = "could not be signed again: kept in the outbox"
	require.Eventually(t, func() bool { return logs.FilterMessageSnippet(kept).Len() == 1 }, 30*time.Second, 10*time.Millisecond)
	b.stop() // waits for every delivery it started
	require.Equal(t, r.rc.SessionID.Hex(), logs.FilterMessageSnippet(kept).All()[0].ContextMap()["session"])
	require.GreaterOrEqual(t, r.signer.asked.Load(), int32(1))
	r.router.mu.Lock()
	require.Empty(t, r.router.closed, "nothing sent: neither K0's signature nor none")
	r.router.mu.Unlock()
	require.Empty(t, r.router.badSig)
	after, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Equal(t, stored, after, "kept as stored")

	r.signer.refuse.Store(false)
	c, _ := r.restart(t, 10*time.Second)
	require.Equal(t, r.rc.SessionID, waitFor(t, r.router.took, "delivered at the next start"))
	c.stop()
	r.delivered(t)
}

// TestIdleCloseSignedWhenTheSignerAnswers: a session goes idle while the provider's external signer
// refuses. Its one-sided close is neither dropped nor sent unsigned: it is signed and reported in the same
// run once the signer answers.
func TestIdleCloseSignedWhenTheSignerAnswers(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, logs := outboxProvider(up, router, t.TempDir())
	cfg.IdleTimeout = 200 * time.Millisecond
	signerAddr := crypto.PubkeyToAddress(cfg.SignerKey.PublicKey)
	router.signer.Store(&signerAddr)
	signer := &refusingSigner{Signer: keys.NewKeySigner(cfg.SignerKey, cfg.Domain.ChainID())}
	cfg.SignerKey, cfg.Signer = nil, signer
	a := run(t, cfg, 10*time.Second)
	user, _ := crypto.GenerateKey()
	c := newClient(t, cfg.Domain, a.url, user, newTicket(cfg.Domain, cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour)), router.key)
	readAll(t, c.chat("fast:v1", false))
	signer.refuse.Store(true)
	require.Eventually(t, func() bool { return logs.FilterMessageSnippet("one-sided receipt not signed").Len() == 1 }, 30*time.Second, 10*time.Millisecond)
	require.Empty(t, router.took, "nothing reported unsigned")
	signer.refuse.Store(false)
	require.Equal(t, c.ticket.SessionID, waitFor(t, router.took, "reported in the same run once the signer answers"))
	a.stop()
	router.mu.Lock()
	got := router.taken[c.ticket.SessionID]
	router.mu.Unlock()
	require.Nil(t, got.UserSignature)
	_, err := cfg.Domain.Verify(&got.Receipt, got.ProviderSignature[:], signerAddr)
	require.NoError(t, err, "countersigned by the provider's signer")
}
