package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestCloseStopsRequestsInFlight: a user closing its session at the provider while a request is in flight
// (a receipt of 1 s, countersigned: what was metered when the close was taken bounds it) stops that request:
// its upstream call is cancelled and the client gets 409 session_closed. Before, the provider signed the
// close and kept serving the whole answer, so a user could close every session a second into a long
// stream and have it served for the price of that second (from a review).
func TestCloseStopsRequestsInFlight(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "slow:v1", Upstream: "slow"}, nil)
	defer close(p.up.release)
	c := p.session(t, "slow:v1", p.routerKey)
	inFlight := func(n int) {
		require.Eventually(t, func() bool {
			u, err := p.srv.Sessions().Usage(c.ticket.SessionID)
			return err == nil && u.Usage.InFlight == n
		}, 10*time.Second, 10*time.Millisecond)
	}
	// Two requests in flight at the close (the default --session-concurrency), a stream and a whole answer.
	streamed := c.chatAsync("slow:v1", true)
	inFlight(1)
	whole := c.chatAsync("slow:v1", false)
	inFlight(2)
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1}
	byUser, err := p.domain.Sign(&rc, c.user)
	require.NoError(t, err)
	resp := postJSON(t, p.ts.URL+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &byUser})
	body := readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, body)
	for _, ch := range []<-chan reply{streamed, whole} {
		select {
		case r := <-ch:
			require.NoError(t, r.err)
			require.Equal(t, http.StatusConflict, r.status, r.body)
			require.Contains(t, r.body, wire.CodeSessionClosed)
		case <-time.After(30 * time.Second):
			t.Fatal("a request of the closed session is still being served")
		}
	}
	require.Zero(t, p.up.slowEnd.Load(), "the upstream answered a closed session's request")
}
