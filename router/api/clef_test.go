package api_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
)

// TestTicketThroughClef: `router --external-signer`: with no router key in the process, the ticket is
// signed by clef (one approval per RFC) and verifies against clef's account, which the answer names.
func TestTicketThroughClef(t *testing.T) {
	clef, signer := cleftest.StartSigner(t, domain.ChainID())
	p := newStandIn(t, 5)
	e := newEnvWith(t, 1e15, []*standIn{p}, []uint64{1e9}, func(c *api.Config) { c.RouterKey, c.TicketSigner = nil, signer })

	code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	var r wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &r))
	require.Equal(t, clef.Account, r.Router)
	_, err := domain.Verify(&r.Ticket, r.TicketSignature[:], clef.Account)
	require.NoError(t, err, "the ticket is clef's account's")
	require.Len(t, clef.Approvals("ui_approveSignData"), 1)

	// The close is signed by clef too (settle.CloseDigest), one more approval.
	rc := eip712.UsageReceipt{SessionID: r.SessionID, Seconds: 1, OutputTokens: 10}
	us, _ := domain.Sign(&rc, e.user)
	ps, _ := domain.Sign(&rc, p.signer)
	code, b = e.post("/v1/sessions/"+r.SessionID.Hex()+"/close", mustJSON(wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps}))
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	requireClosedBy(t, rec, clef.Account)
	require.Len(t, clef.Approvals("ui_approveSignData"), 2)
}
