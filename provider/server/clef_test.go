package server_test

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestSignerThroughClef: `provider serve --external-signer`: with no signer key in the process, the
// liveness answer, the receipt's countersignature and the ticket acceptance are signed by clef (one approval
// each) and verify against clef's account.
func TestSignerThroughClef(t *testing.T) {
	clef, signer := cleftest.StartSigner(t, 31337)
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		c.SignerKey, c.Signer = nil, signer
	})

	challenge := crypto.Keccak256Hash([]byte("challenge"))
	resp := postJSON(t, p.ts.URL+"/v1/liveness", wire.LivenessRequest{Challenge: challenge})
	require.Equal(t, 200, resp.StatusCode)
	var lr wire.LivenessResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&lr))
	resp.Body.Close()
	_, err := (&eip712.SignedLiveness{Liveness: lr.Liveness, Signature: lr.Signature}).Verify(p.domain, clef.Account)
	require.NoError(t, err, "the liveness answer is clef's account's")
	require.Len(t, clef.Approvals("ui_approveSignData"), 1)

	c := p.session(t, "fast:v1", p.routerKey)
	resp = c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode)
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1, InputTokens: 11, OutputTokens: 7}
	userSig, err := p.domain.Sign(&rc, c.user)
	require.NoError(t, err)
	resp = postJSON(t, p.ts.URL+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &userSig})
	require.Equal(t, 200, resp.StatusCode)
	var cr server.CloseResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&cr))
	resp.Body.Close()
	_, err = p.domain.Verify(&cr.Receipt, cr.ProviderSignature[:], clef.Account)
	require.NoError(t, err, "the countersignature is clef's account's")
	require.NotNil(t, cr.TicketAcceptance, "the close carries the signer's acceptance of the ticket")
	acc, err := settle.AcceptanceSigner(p.domain, &c.ticket, c.router, cr.TicketAcceptance)
	require.NoError(t, err)
	require.Equal(t, clef.Account, acc, "the ticket acceptance is clef's account's")
	require.Len(t, clef.Approvals("ui_approveSignData"), 3, "liveness, receipt, ticket acceptance: one each")
}
