package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/netguard/netguardtest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestSSRFGuardOnPublicChain is issue 18's SSRF test: on an anvil started as Arbitrum Sepolia (chain
// 421614, not a devnet) providers register endpoints at loopback, private, link-local (the cloud metadata
// address), IPv6 loopback, a name that resolves to loopback, and a public-looking name (mapped to a
// loopback server that redirects to the canary by the test's resolver). A user's RFCs make the router's
// real wiring (run()) match and probe them: every probe is refused, no connection ever reaches the
// canaries or the redirector, the user gets no_provider, and GET /v1/providers shows each endpoint as
// refused with the reason.
func TestSSRFGuardOnPublicChain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const day = 86400
	c := devnettest.StartOn(t, devnet.AnvilOptions{ChainID: 421614}, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 12*day - 3600})
	require.EqualValues(t, 421614, c.ChainID)
	dom := eip712.NewDomain(c.ChainID, c.Addr("Marketplace"))

	// On this chain the parameter file pays every bucket to the deployer (anvil account 0).
	c.Warp(day)
	require.NoError(t, c.Market.Release(ctx))
	fund := func(to common.Address, mor int64) {
		c.Mined(c.Token.Transfer(c.Opts(devnet.DevKey(0)), to, devnet.MOR(mor)))
	}

	canary, canaryHits := netguardtest.Canary(t, "tcp4", "127.0.0.1:0")
	hits6 := new(atomic.Int64)
	canary6 := ""
	if ln, err := net.Listen("tcp6", "[::1]:0"); err == nil { // IPv6 loopback, where the host has it
		ln.Close()
		canary6, hits6 = netguardtest.Canary(t, "tcp6", "[::1]:0")
	}
	redirectorHits := new(atomic.Int64)
	redirector := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		redirectorHits.Add(1)
		http.Redirect(w, r, "https://127.0.0.1:"+canary+"/v1/liveness", http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	_, redirPort, _ := net.SplitHostPort(redirector.Listener.Addr().String())

	endpoints := []string{
		"https://provider.public-looking.example:" + redirPort, // resolves (test resolver) to the redirector on loopback
		"https://127.0.0.1:" + canary,
		"https://10.11.12.13:" + canary,
		"https://169.254.169.254/latest/meta-data",
		"https://localhost:" + canary,
		"http://provider.example.org", // plain http
	}
	if canary6 != "" {
		endpoints = append(endpoints, "https://[::1]:"+canary6)
	} else {
		endpoints = append(endpoints, "https://[::1]:"+canary)
	}
	// Public-chain parameters: a new name burns the registry's name fee, which the builder pays.
	fund(crypto.PubkeyToAddress(devnet.DevKey(4).PublicKey), 100)
	model := c.RegisterModel(devnet.DevKey(4), "qwen", "7b", 100)
	owners := map[common.Address]string{}
	for i, ep := range endpoints {
		owner := c.NewKey()
		signer, _ := crypto.GenerateKey()
		addr := crypto.PubkeyToAddress(owner.PublicKey)
		fund(addr, 1000)
		require.NoError(t, c.Market.RegisterProvider(ctx, owner, signer, ep, devnet.MOR(1000)))
		c.PostBid(owner, model, big.NewInt(int64(2e9+i*1e8))) // the public-looking one is the cheapest: probed first
		owners[addr] = ep
	}

	user := c.NewKey()
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	fund(userAddr, 2000)
	c.Delegate(user)
	c.WarpUntilVotesCount()

	// The router, not on a devnet: its key is a keystore.
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	require.NoError(t, c.WriteDeployment(depFile))
	ks, err := keys.Store(dir, devnet.DevKey(1), "pw", keys.Light)
	require.NoError(t, err)
	cfg := &config{RPCURLs: []string{c.Anvil.URL}, Deployment: depFile, Key: keys.Source{Keystore: ks, Password: "pw"},
		Listen: "127.0.0.1:0", Database: filepath.Join(dir, "router.db"), LogRange: 2000, PollInterval: 200 * time.Millisecond,
		RPCTimeout: 10 * time.Second, LivenessTimeout: 2 * time.Second, QueueTimeout: 2 * time.Second, QueueSize: 16, Grace: time.Minute,
		ShutdownTimeout: 5 * time.Second, BudgetTTL: time.Second, LogLevel: "warn",
		resolve: func(_ context.Context, host string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil // every name is loopback here: traffic stays on this host
		}}
	base, stop := startRouter(t, ctx, cfg, zap.ErrorLevel)
	defer stop()

	type providerJSON struct {
		Address         common.Address `json:"address"`
		Endpoint        string         `json:"endpoint"`
		EndpointRefused string         `json:"endpointRefused"`
		BackedOff       bool           `json:"backedOff"`
	}
	providers := func() []providerJSON {
		resp, err := http.Get(base + "/v1/providers")
		require.NoError(t, err)
		defer resp.Body.Close()
		var out struct {
			Providers []providerJSON `json:"providers"`
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return out.Providers
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(providers()) < len(endpoints) {
		require.True(t, time.Now().Before(deadline), "the router did not index every provider")
		time.Sleep(100 * time.Millisecond)
	}

	// RFCs until every provider has been tried (each round probes a few candidates, then backs them off).
	for nonce := uint64(1); ; nonce++ {
		r := eip712.RFC{User: userAddr, ModelID: model, MaxPricePerSecond: *uint256.NewInt(5e9), MaxSeconds: 300, Nonce: nonce,
			Deadline: uint64(time.Now().Add(5 * time.Minute).Unix())}
		sig, err := dom.Sign(&r, user)
		require.NoError(t, err)
		b, _ := json.Marshal(eip712.SignedRFC{RFC: r, Signature: sig})
		resp, err := http.Post(base+"/v1/rfc", "application/json", bytes.NewReader(b))
		require.NoError(t, err)
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusConflict, resp.StatusCode, string(body))
		require.Contains(t, string(body), `"no_provider"`)
		all := true
		for _, p := range providers() {
			all = all && p.BackedOff
		}
		if all {
			break
		}
		require.Less(t, nonce, uint64(len(endpoints)), "some provider was never probed")
	}

	for _, p := range providers() {
		require.NotEmpty(t, p.EndpointRefused, "endpoint %s must show as refused", p.Endpoint)
		require.Contains(t, p.EndpointRefused, "refused", p.Endpoint)
		require.Equal(t, owners[p.Address], p.Endpoint)
	}
	require.Zero(t, canaryHits.Load(), "no router connection reached the loopback canary")
	require.Zero(t, hits6.Load(), "no router connection reached the IPv6 loopback canary")
	require.Zero(t, redirectorHits.Load(), "no router connection reached the server behind the public-looking name")
}
