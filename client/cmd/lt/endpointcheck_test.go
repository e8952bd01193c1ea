package main

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/netguard/netguardtest"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestChatRefusesARoutersProxyEndpoint (THREATS.md, router: read another user's prompts): on anvil a
// provider registers its endpoint on the Marketplace; a router answers the RFC with a well-formed ticket
// for that provider but names another endpoint (a proxy of its own in front of the provider, which would
// read every prompt). With --rpc, lt chat reads the provider's registered endpoint and refuses the grant
// (client.ErrEndpointMismatch): the proxy sees no connection. A grant naming the registered endpoint is
// used (its canary is reached). Without --rpc the router's word is taken, as before: the proxy is reached.
func TestChatRefusesARoutersProxyEndpoint(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	registeredPort, registeredHits := netguardtest.Canary(t, "tcp", "127.0.0.1:0")
	proxyPort, proxyHits := netguardtest.Canary(t, "tcp", "127.0.0.1:0")
	registered, proxy := "http://127.0.0.1:"+registeredPort+"/v1", "http://127.0.0.1:"+proxyPort+"/v1"

	owner := devnet.DevKey(5)
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	require.NoError(t, c.market.FundMOR(ctx, ownerAddr, devnet.MOR(300)))
	require.NoError(t, c.market.RegisterProvider(ctx, owner, devnet.DevKey(6), registered, devnet.MOR(200)))

	marketAddr, err := c.market.Addr("Marketplace")
	require.NoError(t, err)
	h := &endpointRouter{domain: eip712.NewDomain(c.market.Deployment.ChainID, marketAddr), provider: ownerAddr}
	router := httptest.NewServer(h)
	t.Cleanup(router.Close)
	noRPC := filepath.Join(t.TempDir(), "client.yaml")
	raw, err := os.ReadFile(c.cfg)
	require.NoError(t, err)
	_, dep, found := strings.Cut(string(raw), "deployment: ")
	require.True(t, found)
	require.NoError(t, os.WriteFile(noRPC, []byte("deployment: "+dep), 0o600))
	chat := func(endpoint, cfg string) error {
		h.endpoint.Store(endpoint)
		_, err := run(t, ctx, "chat", "--model", "llama-3.1-8b:q4", "--router", router.URL, "--config", cfg, "hello")
		return err
	}

	require.ErrorIs(t, chat(proxy, c.cfg), client.ErrEndpointMismatch)
	require.Zero(t, proxyHits.Load(), "nothing sent to the router's proxy")

	require.NotErrorIs(t, chat(registered, c.cfg), client.ErrEndpointMismatch, "the registered endpoint is used")
	require.Positive(t, registeredHits.Load())

	require.NotErrorIs(t, chat(proxy, noRPC), client.ErrEndpointMismatch)
	require.Positive(t, proxyHits.Load(), "without --rpc the router's word is taken: the count would have seen a connection")

	// The provider moves its endpoint. A router whose book lags the chain (its confirmations) still names
	// the old one: taken for client.EndpointLag blocks (both are the provider's own), refused after.
	movedPort, _ := netguardtest.Canary(t, "tcp", "127.0.0.1:0")
	signer := crypto.PubkeyToAddress(devnet.DevKey(6).PublicKey)
	_, err = c.market.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.market.Marketplace.UpdateProvider(o, "http://127.0.0.1:"+movedPort+"/v1", signer, nil) // same signer: no proof
	})
	require.NoError(t, err)
	hits := registeredHits.Load()
	require.NotErrorIs(t, chat(registered, c.cfg), client.ErrEndpointMismatch, "the endpoint of a few blocks back")
	require.Greater(t, registeredHits.Load(), hits)
	require.NoError(t, c.market.Mine(ctx, client.EndpointLag+1))
	require.ErrorIs(t, chat(registered, c.cfg), client.ErrEndpointMismatch, "no longer once the move is that deep")
}
