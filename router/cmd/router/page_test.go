package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

const setupHint = "run `make setup-browser` (Debian chromium and the pinned playwright-core from package.json)"

// browserPrereqs fails (never skips) when the browser test cannot run here.
func browserPrereqs(t *testing.T, repo string) (node string) {
	t.Helper()
	chromium := os.Getenv("LT_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Fatalf("the page's browser test needs Chromium at %s: %s", chromium, setupHint)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatalf("the page's browser test needs node (>= 20) on PATH: %s", setupHint)
	}
	if os.Getenv("LT_PLAYWRIGHT_CORE") == "" {
		if _, err := os.Stat(filepath.Join(repo, "node_modules", "playwright-core", "package.json")); err != nil {
			t.Fatalf("playwright-core is not installed in %s/node_modules: %s", repo, setupHint)
		}
	}
	return node
}

// TestPageInBrowserAgainstRouter is issue 8's browser test against the real router: anvil with the
// contracts, a market seeded through the bindings (two providers with stand-in liveness endpoints, two
// models, bids, a user with MOR votes), the router command's own run() serving the API and the page,
// sessions through POST /v1/rfc and their closes (one held as zero-output), settled epochs committed by the
// keeper (anvil account 2) before and while the router runs; then web/test/page.test.mjs in headless
// Chromium checks every figure the page shows against the router's JSON endpoints and saves screenshots
// (to LT_WEB_SCREENSHOTS, default a temporary directory named in the log).
func TestPageInBrowserAgainstRouter(t *testing.T) {
	repo, err := devnet.RepoRoot()
	require.NoError(t, err)
	node := browserPrereqs(t, repo)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	const day = 86400
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*day}, devnet.DeployOptions{PayoutStart: now - 12*day - 3600, DisputeWindow: 1800})
	dom := eip712.NewDomain(c.Deployment.ChainID, c.Addr("Marketplace"))

	// A user with MOR votes, counted from the next day's start.
	user := c.NewVoter(2000)
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	c.WarpUntilVotesCount()
	// Then on to the wall clock: the router judges a close's provider signature by the signer at the close
	// (its clock), as keepers do, so the providers register at the chain's time no later than the router's.
	head, err := c.Client.HeaderByNumber(context.Background(), nil)
	require.NoError(t, err)
	require.Less(t, head.Time, uint64(time.Now().Unix()), "the chain starts days back")
	c.Warp(uint64(time.Now().Unix()) - head.Time)

	// Two providers with liveness endpoints signing with their registered signer keys; two models.
	type prov struct {
		owner, signer *ecdsa.PrivateKey
		srv           *httptest.Server
	}
	newProv := func(stakeMOR int64) *prov {
		p := &prov{owner: c.NewKey()}
		p.signer, _ = crypto.GenerateKey()
		addr := crypto.PubkeyToAddress(p.owner.PublicKey)
		p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var req wire.LivenessRequest
			if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
			l := eip712.Liveness{Provider: addr, Challenge: req.Challenge, Timestamp: uint64(time.Now().Unix())}
			sig, _ := dom.Sign(&l, p.signer)
			wire.WriteJSON(w, 200, wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: 3, Max: 4}})
		}))
		t.Cleanup(p.srv.Close)
		c.RegisterProvider(p.owner, p.signer, p.srv.URL, stakeMOR)
		return p
	}
	qwen := c.RegisterModel(devnet.DevKey(4), "qwen", "7b", 100)
	llama := c.RegisterModel(devnet.DevKey(6), "llama3", "8b", 500)
	p1, p2 := newProv(150), newProv(400)
	c.PostBid(p1.owner, qwen, big.NewInt(3e9))
	c.PostBid(p1.owner, llama, big.NewInt(7e9))
	c.PostBid(p2.owner, llama, big.NewInt(5e9))
	c.PostBid(p2.owner, qwen, big.NewInt(4_500_000_000))

	// Epoch 0 settled before the router starts.
	c.CommitRoot(0, common.HexToHash("0xf00d0000"), big.NewInt(123_456_789_000_000), common.HexToHash("0xba7c0000"), "ipfs://bafy-epoch-0")

	// A keeper's public base URL for the batch links (a stand-in: the page only links to it).
	keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		wire.WriteJSON(w, 200, map[string]string{"path": r.URL.Path})
	}))
	defer keeper.Close()

	// The router: the command's run() with its real wiring.
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	require.NoError(t, c.WriteDeployment(depFile))
	cfg := &config{RPCURLs: []string{c.Anvil.URL}, Deployment: depFile, Key: keys.Source{RawKey: "0x" + devnet.DevKeys[1]},
		Listen: "127.0.0.1:0", Database: filepath.Join(dir, "router.db"), Confirmations: 0, LogRange: 2000, PollInterval: 200 * time.Millisecond,
		RPCTimeout: 10 * time.Second, LivenessTimeout: 2 * time.Second, QueueTimeout: 2 * time.Second, QueueSize: 16, Grace: time.Minute,
		ShutdownTimeout: 5 * time.Second, KeeperURL: keeper.URL, BudgetTTL: time.Second, LogLevel: "warn"}
	base, stop := startRouter(t, ctx, cfg, zap.WarnLevel)
	defer stop()

	get := func(path string, v any) int {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if v != nil && resp.StatusCode == 200 {
			require.NoError(t, json.Unmarshal(body, v), string(body))
		}
		return resp.StatusCode
	}
	post := func(path string, v any) (int, []byte) {
		b, _ := json.Marshal(v)
		resp, err := http.Post(base+path, "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, body
	}
	waitFor := func(what string, f func() bool) {
		t.Helper()
		deadline := time.Now().Add(30 * time.Second)
		for !f() {
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s", what)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	// Mounting: the page at "/", its config carries keeper-url; the API, /healthz and /metrics beside it.
	var pcfg struct {
		KeeperURL string `json:"keeperUrl"`
	}
	require.Equal(t, 200, get("/config.json", &pcfg))
	require.Equal(t, keeper.URL, pcfg.KeeperURL)
	resp, err := http.Get(base + "/")
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Contains(t, resp.Header.Get("Content-Type"), "text/html")
	require.Contains(t, string(page), "app.js?v=")
	require.Equal(t, 200, get("/healthz", nil))
	require.Equal(t, 200, get("/metrics", nil))
	require.Equal(t, 404, get("/nope", nil))

	var models struct {
		Models []json.RawMessage `json:"models"`
	}
	waitFor("the indexer to see both models", func() bool { return get("/v1/models", &models) == 200 && len(models.Models) == 2 })

	// Sessions through the router: RFC → ticket → close (receipts signed by user and provider signer).
	signers := map[common.Address]*ecdsa.PrivateKey{
		crypto.PubkeyToAddress(p1.owner.PublicKey): p1.signer, crypto.PubkeyToAddress(p2.owner.PublicKey): p2.signer}
	nonce := uint64(0)
	session := func(model common.Hash, maxPrice uint64, seconds, out uint32, closeIt bool) {
		t.Helper()
		nonce++
		r := eip712.RFC{User: userAddr, ModelID: model, MaxPricePerSecond: *uint256.NewInt(maxPrice), MaxSeconds: 300, Nonce: nonce,
			Deadline: uint64(time.Now().Add(5 * time.Minute).Unix())}
		sig, err := dom.Sign(&r, user)
		require.NoError(t, err)
		code, body := post("/v1/rfc", eip712.SignedRFC{RFC: r, Signature: sig})
		require.Equal(t, 200, code, string(body))
		var rr wire.RFCResponse
		require.NoError(t, json.Unmarshal(body, &rr))
		if !closeIt {
			return
		}
		rc := eip712.UsageReceipt{SessionID: rr.SessionID, Seconds: seconds, InputTokens: 200, OutputTokens: out, TTFTMs: 300}
		us, _ := dom.Sign(&rc, user)
		ps, _ := dom.Sign(&rc, signers[rr.Provider])
		code, body = post("/v1/sessions/"+rr.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps})
		require.Equal(t, 200, code, string(body))
	}
	session(qwen, 5e9, 40, 900, true)
	session(qwen, 5e9, 65, 1500, true)
	session(llama, 6e9, 30, 700, true)
	session(llama, 8e9, 50, 0, true) // zero output: held, listed as an anomaly
	session(qwen, 5e9, 0, 0, false)  // still open: its reservation counts as used today

	// Epoch 1 committed while the router runs: the indexer follows it.
	c.CommitRoot(1, common.HexToHash("0xf00d0001"), big.NewInt(987_654_321_000_000), common.HexToHash("0xba7c0001"), "ipfs://bafy-epoch-1")
	var eps struct {
		Epochs []struct {
			Epoch string `json:"epoch"`
		} `json:"epochs"`
	}
	waitFor("both epochs in /v1/reports/epochs", func() bool { return get("/v1/reports/epochs?limit=12", &eps) == 200 && len(eps.Epochs) == 2 })
	var bud struct {
		Used, Budget string
	}
	waitFor("the budget with today's use", func() bool { return get("/v1/budget", &bud) == 200 && bud.Used != "0" && bud.Budget != "0" })
	var sess struct {
		Buckets []struct{ Sessions string } `json:"buckets"`
	}
	require.Equal(t, 200, get("/v1/reports/sessions?hours=24", &sess))
	require.Len(t, sess.Buckets, 24)
	require.Equal(t, "5", sess.Buckets[23].Sessions)

	// The page in headless Chromium against this router.
	shots := os.Getenv("LT_WEB_SCREENSHOTS")
	if shots == "" {
		shots, err = os.MkdirTemp("", "lt-web-router-screenshots-")
		require.NoError(t, err)
	}
	tctx, tcancel := context.WithTimeout(ctx, 8*time.Minute)
	defer tcancel()
	cmd := exec.CommandContext(tctx, node, "--test", "--test-timeout=180000", "web/test/page.test.mjs")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "LT_WEB_BASE_URL="+base, "LT_WEB_SCREENSHOTS="+shots)
	out, err := cmd.CombinedOutput()
	t.Logf("node --test web/test/page.test.mjs (LT_WEB_BASE_URL=%s):\n%s", base, out)
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && strings.Contains(string(out), "make setup-browser") {
			t.Fatalf("browser test could not run: %s", setupHint)
		}
		t.Fatalf("the page's browser test failed against the router: %v", err)
	}
	require.Contains(t, string(out), "# fail 0")
	t.Logf("screenshots in %s", shots)
}
