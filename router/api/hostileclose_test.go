package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestUserReceiptOverHostileProvidersClose (hostile provider; the user's client against this router): a
// user used a session 60 s over 20 minutes, and closes it through client.Session.Close. The provider
// answers the close 200 with a countersignature that is not its signer's and never reports it, meaning to
// close alone with receipt = maxSeconds and the user's last signed request (20 minutes in) as evidence: the
// client closes at the router itself, the router bills the user's 60 s and refuses the provider's own close
// after it (409). A provider that closed alone first (billing 1,201 s) and then answers 200 with its
// signer's countersignature has Close fail with a *client.OtherCloseError naming both. Before, either 200
// was taken for the close: the router billed the provider's 1,201 s and refused the user's receipt.
func TestUserReceiptOverHostileProvidersClose(t *testing.T) {
	p := newStandIn(t, 8)
	e := newEnv(t, 1e18, []*standIn{p}, []uint64{1e9})
	stranger, _ := crypto.GenerateKey()
	for _, first := range []string{"user", "provider"} {
		t.Run(first+" first", func(t *testing.T) {
			code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 3600), domain))
			require.Equal(t, http.StatusOK, code, string(b))
			var g wire.RFCResponse
			require.NoError(t, json.Unmarshal(b, &g))
			start := uint64(time.Now().Unix())
			e.advance(20 * time.Minute)
			t.Cleanup(func() { e.advance(-20 * time.Minute) })

			// The provider's own close: receipt = maxSeconds, the user's request 1,190 s in as evidence.
			alone := eip712.UsageReceipt{SessionID: g.SessionID, Seconds: 3600, OutputTokens: 5000}
			psig, err := domain.Sign(&alone, p.signer)
			require.NoError(t, err)
			closeAlone := mustJSON(wire.CloseRequest{Receipt: alone, ProviderSignature: &psig, LastRequest: signedRequest(t, g.SessionID, e.user, start+1190)})
			if first == "provider" {
				code, b := e.post("/v1/sessions/"+g.SessionID.Hex()+"/close", closeAlone)
				require.Equal(t, http.StatusOK, code, string(b))
			}
			key := stranger // a countersignature by a key that is not the provider's signer
			if first == "provider" {
				key = p.signer
			}
			provider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var req wire.CloseRequest
				require.NoError(t, json.NewDecoder(r.Body).Decode(&req))
				sig, err := domain.Sign(&req.Receipt, key)
				require.NoError(t, err)
				wire.WriteJSON(w, http.StatusOK, map[string]any{"receipt": req.Receipt, "userSignature": req.UserSignature, "providerSignature": sig})
			}))
			t.Cleanup(provider.Close)
			g.Endpoint = provider.URL // the hostile provider's server
			sess, err := client.ResumeSession(domain, e.user, client.State{Grant: g, ChainID: domain.ChainID(), Marketplace: domain.VerifyingContract(),
				Usage: client.Usage{Seconds: 60, OutputTokens: 5000}, SavedAt: time.Now().Unix()}, client.SessionOptions{Router: client.NewRouterClient(e.url, nil)})
			require.NoError(t, err)
			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			res, err := sess.Close(ctx)

			if first == "provider" {
				var other *client.OtherCloseError
				require.ErrorAs(t, err, &other)
				require.True(t, other.Countersigned)
				require.EqualValues(t, 60, other.Receipt.Seconds)
				require.EqualValues(t, 1201, other.Record.BilledSeconds)
				require.Contains(t, err.Error(), "1141 s more than the user's receipt")
				return
			}
			require.NoError(t, err)
			require.Equal(t, client.ClosedAtRouter, res.Via)
			require.EqualValues(t, 60, res.Record.BilledSeconds)
			code, b = e.post("/v1/sessions/"+g.SessionID.Hex()+"/close", closeAlone)
			require.Equal(t, http.StatusConflict, code, string(b))
			require.Equal(t, wire.CodeSessionClosed, errCode(t, b))
		})
	}
}
