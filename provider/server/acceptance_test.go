package server_test

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestTicketAcceptanceAnnounced: the provider signs its acceptance of the session's ticket once, at the
// session's first request, and announces it on every answer (X-LT-Ticket-Acceptance), so a user closing
// without the provider carries it; the provider's own close carries the same signature. It recovers to the
// registered signer for this ticket only.
func TestTicketAcceptanceAnnounced(t *testing.T) {
	var signer common.Address
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		signer = crypto.PubkeyToAddress(c.SignerKey.PublicKey)
	})
	c := p.session(t, "fast:v1", p.routerKey)
	var seen []string
	for range 2 {
		resp := c.chat("fast:v1", false)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
		seen = append(seen, resp.Header.Get(wire.HeaderTicketAcceptance))
	}
	require.NotEmpty(t, seen[0], "the first answer carries the acceptance")
	require.Equal(t, seen[0], seen[1], "one signature per session")
	var acc eip712.Signature
	require.NoError(t, acc.UnmarshalText([]byte(seen[0])))
	got, err := settle.AcceptanceSigner(p.domain, &c.ticket, &acc)
	require.NoError(t, err)
	require.Equal(t, signer, got)

	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1}
	userSig, err := p.domain.Sign(&rc, c.user)
	require.NoError(t, err)
	resp := postJSON(t, p.ts.URL+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &userSig})
	require.Equal(t, 200, resp.StatusCode)
	var cr server.CloseResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&cr))
	resp.Body.Close()
	require.Equal(t, &acc, cr.TicketAcceptance, "the close carries the acceptance signed at the first request")
}
