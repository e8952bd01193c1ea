package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/netguard/netguardtest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// endpointRouter is a router holding a ROUTER_ROLE key that answers every RFC with a well-formed ticket
// (it follows from the RFC, signed by the router) whose provider endpoint is the one the test sets.
type endpointRouter struct {
	domain   *eip712.Domain
	endpoint atomic.Value   // string
	provider common.Address // the ticket's provider (zero: 0x…b1)
}

func (h *endpointRouter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.URL.Path != "/v1/rfc" {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no route"))
		return
	}
	b, _ := io.ReadAll(r.Body)
	signed, err := eip712.DecodeSignedRFC(b)
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
		return
	}
	routerKey, _ := crypto.ToECDSA(crypto.Keccak256([]byte("hostile router")))
	provider := h.provider
	if provider == (common.Address{}) {
		provider = common.HexToAddress("0x00000000000000000000000000000000000000b1")
	}
	rfc := &signed.RFC
	id := eip712.SessionID(h.domain.Digest(rfc), provider)
	t := eip712.SessionTicket{SessionID: id, User: rfc.User, Provider: provider, ModelID: rfc.ModelID,
		PricePerSecond: rfc.MaxPricePerSecond, MaxSeconds: rfc.MaxSeconds, NotAfter: rfc.Deadline + 600,
		SessionKey: rfc.SessionKey, UseDeposit: rfc.UseDeposit}
	sig, err := h.domain.Sign(&t, routerKey)
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusInternalServerError, wire.CodeInternal, "%v", err))
		return
	}
	price := t.PricePerSecond
	wire.WriteJSON(w, http.StatusOK, wire.RFCResponse{SessionID: id, Provider: provider, Endpoint: h.endpoint.Load().(string),
		PricePerSecond: &price, MaxSeconds: t.MaxSeconds, Ticket: t, TicketSignature: sig, Router: crypto.PubkeyToAddress(routerKey.PublicKey)})
}

// TestChatRefusesPrivateEndpointsOffDevnet (THREATS.md, router: make a provider's request reach a private
// address of another network): on a public chain (Arbitrum Sepolia's id) a router's ticket naming a
// provider endpoint on loopback, a private or link-local address, a name resolving to loopback, or plain
// http never makes `lt chat` connect there: the chat fails with the outbound guard's refusal and the
// loopback canary counts no connection. With --allow-private-endpoints the same answer does reach the
// canary, so the count would have seen one.
func TestChatRefusesPrivateEndpointsOffDevnet(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pw, []byte("correct horse\n"), 0o600))
	const chainID = 421614
	cfg, dep, market := testFiles(t, dir, chainID)
	out, err := run(t, ctx, "keys", "create", "--light", "--keystore-dir", filepath.Join(dir, "ks"), "--password-file", pw, "--json", "--config", cfg)
	require.NoError(t, err)
	var user keys.Entry
	require.NoError(t, json.Unmarshal([]byte(out), &user))

	port, hits := netguardtest.Canary(t, "tcp", "127.0.0.1:0")

	h := &endpointRouter{domain: eip712.NewDomain(chainID, market)}
	router := httptest.NewServer(h)
	t.Cleanup(router.Close)
	chat := func(endpoint string, extra ...string) error {
		h.endpoint.Store(endpoint)
		args := append([]string{"chat", "--model", "llama-3.1-8b:q4", "--router", router.URL, "--deployment", dep,
			"--keystore", user.Path, "--password-file", pw, "--config", cfg,
			"--state-dir", filepath.Join(dir, "sessions")}, extra...) // a refused chat's session is saved: not in $HOME
		_, err := run(t, ctx, append(args, "hello")...)
		return err
	}

	for _, endpoint := range []string{
		"https://127.0.0.1:" + port,
		"https://localhost:" + port,
		"http://127.0.0.1:" + port,
		"https://[::1]:" + port,
		"https://10.0.0.1",
		"https://192.168.1.5:8443",
		"https://169.254.169.254", // the cloud metadata address
	} {
		err := chat(endpoint)
		require.ErrorIs(t, err, netguard.ErrRefused, endpoint)
		require.Zero(t, hits.Load(), "no connection for %s", endpoint)
	}

	require.Error(t, chat("https://127.0.0.1:"+port, "--allow-private-endpoints"))
	require.Positive(t, hits.Load(), "allowed, the same ticket reaches the canary")
}
