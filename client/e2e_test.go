// End-to-end test of the user side against the real market: anvil + the deploy script, the real router
// and the real `provider serve` (both built from this repository and run as commands), a stand-in
// OpenAI upstream (httptest: the only double, the LLM backend) and the gateway of this package; then
// OpenAI-style requests through the gateway, streaming and not, and the sessions' closes.
//
// The router and the provider are built with `go build` from ./router/cmd/router and
// ./provider/cmd/provider and run as processes, exactly as a user would run them; anvil comes from
// `make setup`.
package client_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/client/gateway"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
)

const e2eModel = "llama3:8b"

// upstream is the stand-in LLM backend: an OpenAI-compatible /v1/chat/completions answering
// "Hello from upstream" as a stream (with a usage chunk when asked) or as one object.
func upstream(t *testing.T) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Stream        bool `json:"stream"`
			StreamOptions *struct {
				IncludeUsage bool `json:"include_usage"`
			} `json:"stream_options"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		words := []string{"Hello", " from", " upstream"}
		if !req.Stream {
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprintf(w, `{"id":"c1","object":"chat.completion","created":1,"model":"x","choices":[{"index":0,"message":{"role":"assistant","content":%q},"finish_reason":"stop"}],"usage":{"prompt_tokens":7,"completion_tokens":3,"total_tokens":10}}`, strings.Join(words, ""))
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		fl := w.(http.Flusher)
		for _, wd := range words {
			fmt.Fprintf(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":%q}}]}\n\n", wd)
			fl.Flush()
			time.Sleep(50 * time.Millisecond)
		}
		if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
			fmt.Fprint(w, "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}\n\n")
		}
		fmt.Fprint(w, "data: [DONE]\n\n")
	}))
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
}

// buildCmd builds ./<pkg> of the repository into a temporary binary.
func buildCmd(t *testing.T, root, pkg string) string {
	out := filepath.Join(t.TempDir(), filepath.Base(pkg))
	cmd := exec.Command("go", "build", "-o", out, "./"+pkg)
	cmd.Dir = root
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build ./%s: %s", pkg, b)
	return out
}

// startProcess runs bin with args in its own process group and stops it at the end of the test.
func startProcess(t *testing.T, bin string, args ...string) *exec.Cmd {
	cmd := exec.Command(bin, args...)
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("%s logs:\n%s", filepath.Base(bin), logs.String())
		}
	})
	return cmd
}

func waitHealthy(t *testing.T, ctx context.Context, url string) {
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("%s never became healthy", url)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// startRouter runs the real router against the chain and returns its base URL.
//
// Confirmations 0 and a short poll let it index the provider's registration and bid at once.
func startRouter(t *testing.T, ctx context.Context, root, rpcURL, depFile string) string {
	bin := buildCmd(t, root, "router/cmd/router")
	listen := freeAddr(t)
	startProcess(t, bin, "--rpc-urls", rpcURL, "--deployment", depFile,
		"--private-key", "0x"+devnet.DevKeys[1], // anvil account 1 holds ROUTER_ROLE in the devnet parameters
		"--listen", listen, "--database", filepath.Join(t.TempDir(), "router.db"),
		"--confirmations", "0", "--poll-interval", "200ms")
	url := "http://" + listen
	waitHealthy(t, ctx, url+"/healthz")
	return url
}

func TestEndToEnd(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	defer anvil.Close()
	const day = 86400
	dep, err := devnet.Deploy(ctx, anvil.URL, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*day})
	require.NoError(t, err)
	depFile := filepath.Join(t.TempDir(), "deployment.json")
	raw, err := json.Marshal(dep)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(depFile, raw, 0o600))

	eth, err := anvil.Client(ctx)
	require.NoError(t, err)
	defer eth.Close()
	mined := devnet.Mined(ctx, eth)
	at := func(name string) common.Address {
		a, err := dep.Address(name)
		require.NoError(t, err)
		return a
	}
	as := func(i int) *bind.TransactOpts { return devnet.Transactor(ctx, devnet.DevKey(i), dep.ChainID) }
	account := func(i int) common.Address { return crypto.PubkeyToAddress(devnet.DevKey(i).PublicKey) }
	em, err := emissions.NewEmissions(at("Emissions"), eth)
	require.NoError(t, err)
	mor, err := mortoken.NewMORToken(at("MORToken"), eth)
	require.NoError(t, err)
	market, err := marketplace.NewMarketplace(at("Marketplace"), eth)
	require.NoError(t, err)
	registry, err := modelregistry.NewModelRegistry(at("ModelRegistry"), eth)
	require.NoError(t, err)

	// Chain set-up: emissions, a model, a provider (owner 3, signer 4) with a bid, a user (8) with
	// delegated MOR, then a day passes so that the user's votes count.
	owner, signer, builder, capital, user := 3, 4, 6, 5, 8
	_, err = mined(em.Release(as(0)))
	require.NoError(t, err)
	mor18 := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }
	_, err = mined(mor.Transfer(as(capital), account(owner), mor18(1000)))
	require.NoError(t, err)
	_, err = mined(mor.Transfer(as(capital), account(user), mor18(1000)))
	require.NoError(t, err)
	_, err = mined(mor.Delegate(as(user), account(user)))
	require.NoError(t, err)
	name, tag, _ := strings.Cut(e2eModel, ":")
	_, err = mined(registry.Register(as(builder), name, tag, [32]byte{0xc1}, 500))
	require.NoError(t, err)

	up := upstream(t)
	defer up.Close()
	providerListen := freeAddr(t)
	_, err = mined(mor.Approve(as(owner), at("Marketplace"), mor18(200)))
	require.NoError(t, err)
	_, err = mined(market.Register(as(owner), "http://"+providerListen, account(signer), mor18(200)))
	require.NoError(t, err)
	modelID, err := client.ParseModel(e2eModel)
	require.NoError(t, err)
	price := big.NewInt(1_000_000_000_000)
	_, err = mined(market.PostBid(as(owner), modelID, price))
	require.NoError(t, err)
	require.NoError(t, anvil.IncreaseTime(ctx, day))

	routerURL := startRouter(t, ctx, root, anvil.URL, depFile)

	providerBin := buildCmd(t, root, "provider/cmd/provider")
	startProcess(t, providerBin, "serve", "--rpc", anvil.URL, "--deployment", depFile,
		"--owner", account(owner).Hex(), "--signer-private-key", "0x"+devnet.DevKeys[signer],
		"--upstream", up.URL+"/v1", "--model", e2eModel+"=stand-in", "--router-url", routerURL,
		"--listen", providerListen, "--log-format", "console")
	waitHealthy(t, ctx, "http://"+providerListen+"/healthz")

	// The user's gateway.
	c := &client.Client{Router: client.NewRouterClient(routerURL, nil),
		Domain: eip712.NewDomain(dep.ChainID, at("Marketplace")), Key: devnet.DevKey(user)}
	g, err := gateway.New(gateway.Config{Client: c, RFC: client.RFCParams{MaxPricePerSecond: uint256.NewInt(2e12), MaxSeconds: 300}})
	require.NoError(t, err)
	gw := httptest.NewServer(g.Handler())
	defer gw.Close()

	// /v1/models lists the market's model.
	resp, err := http.Get(gw.URL + "/v1/models")
	require.NoError(t, err)
	var models struct {
		Data []struct{ ID string } `json:"data"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&models))
	resp.Body.Close()
	require.Contains(t, fmt.Sprint(models.Data), e2eModel)

	// Non-streaming.
	body := `{"model":"` + e2eModel + `","messages":[{"role":"user","content":"hi"}]}`
	resp, err = http.Post(gw.URL+"/v1/chat/completions", "application/json", strings.NewReader(body))
	require.NoError(t, err)
	rawAnswer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode, string(rawAnswer))
	var completion struct {
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
	}
	require.NoError(t, json.Unmarshal(rawAnswer, &completion))
	require.Equal(t, "Hello from upstream", completion.Choices[0].Message.Content)
	sessionID := resp.Header.Get("X-LT-Session")

	// Streaming, on the same session.
	resp, err = http.Post(gw.URL+"/v1/chat/completions", "application/json",
		strings.NewReader(`{"model":"`+e2eModel+`","stream":true,"messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
	require.Equal(t, sessionID, resp.Header.Get("X-LT-Session"), "the live session is reused")
	var text strings.Builder
	sc := bufio.NewScanner(resp.Body)
	done := false
	for sc.Scan() {
		line := strings.TrimPrefix(sc.Text(), "data: ")
		if line == "[DONE]" {
			done = true
			continue
		}
		var chunk struct {
			Choices []struct {
				Delta struct{ Content string } `json:"delta"`
			} `json:"choices"`
		}
		if json.Unmarshal([]byte(line), &chunk) == nil && len(chunk.Choices) > 0 {
			text.WriteString(chunk.Choices[0].Delta.Content)
		}
	}
	resp.Body.Close()
	require.True(t, done)
	require.Equal(t, "Hello from upstream", text.String())

	// Shutdown closes the session with both signatures; the router records it.
	closed := g.Shutdown(ctx)
	require.Len(t, closed, 1)
	require.Equal(t, client.ClosedAtProvider, closed[0].Via)
	require.NotNil(t, closed[0].ProviderSignature)
	require.Equal(t, uint32(10+10), closed[0].Receipt.InputTokens+closed[0].Receipt.OutputTokens, "usage of both answers")
	// The provider reports the countersigned close to the router in the background.
	require.Eventually(t, func() bool {
		rec, err := c.Router.Session(ctx, closed[0].SessionID)
		return err == nil && rec.CloseReason != ""
	}, 30*time.Second, 200*time.Millisecond, "the router records the close")
}
