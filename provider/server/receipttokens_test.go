package server_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestReceiptTokensWithinTextServed: the provider meters output tokens as the client does (protocol/usage:
// never more than the bytes of text the answer carried), so the receipt a client signs for an upstream
// that claimed 17,700 tokens and sent no text (0 output) is countersigned, and the upstream's claim is
// not; a receipt below the meter is countersigned too (the provider refuses only receipts above it).
func TestReceiptTokensWithinTextServed(t *testing.T) {
	e := setup(t)
	s, ts := newServer(t, e, newUpstream(t), nil)
	closeWith := func(c *client, rc eip712.UsageReceipt) (int, string) {
		t.Helper()
		sig, err := e.domain.Sign(&rc, c.user)
		require.NoError(t, err)
		resp := postJSON(t, ts.URL+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &sig})
		if resp.StatusCode != 200 {
			status, _, msg := errorOf(t, resp)
			return status, msg
		}
		var cr server.CloseResponse
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&cr))
		resp.Body.Close()
		require.Equal(t, rc, cr.Receipt)
		_, err = e.domain.Verify(&cr.Receipt, cr.ProviderSignature[:], s.Signer())
		require.NoError(t, err)
		return 200, ""
	}

	c := e.client(t, ts, "inflated:v1", 60)
	for _, stream := range []bool{true, false} {
		resp := c.chat("inflated:v1", stream)
		require.Equal(t, 200, resp.StatusCode)
		readAll(t, resp)
	}
	snap, err := s.Sessions().Usage(c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint32(3+1), snap.Usage.InputTokens, "the usage objects' prompt tokens")
	require.Zero(t, snap.Usage.OutputTokens, "no text served: no output metered, whatever the upstream claimed")
	claimed := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: snap.Usage.Seconds, InputTokens: 4, OutputTokens: 2 * 17700}
	status, msg := closeWith(c, claimed)
	require.Equal(t, 422, status)
	require.Contains(t, msg, "output tokens")
	status, msg = closeWith(c, eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: snap.Usage.Seconds, InputTokens: 4})
	require.Equal(t, 200, status, msg)

	// Below the meter (7 output tokens metered): countersigned.
	c = e.client(t, ts, "fast:v1", 60)
	resp := c.chat("fast:v1", false)
	require.Equal(t, 200, resp.StatusCode)
	readAll(t, resp)
	snap, err = s.Sessions().Usage(c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint32(7), snap.Usage.OutputTokens)
	status, msg = closeWith(c, eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: snap.Usage.Seconds, InputTokens: 11, OutputTokens: 2})
	require.Equal(t, 200, status, msg)
}
