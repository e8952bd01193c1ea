package server_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestHeldWhenFirstRequestRefused: a session whose first request is refused (429 capacity: the model's
// only slot taken) exists from that request on, and its id is held closed past every ticket of its RFC all
// the same. Before, the refused first request opened the session without its hold and the later ones
// carry none (the session is open: no RFC is read), so once closed it was forgotten at its own ticket's
// notAfter and another router's ticket of the same RFC was served as a second session (from a review).
func TestHeldWhenFirstRequestRefused(t *testing.T) {
	f := newSameRFCAtTwoRouters(t, server.Model{Name: "slow:v1", Upstream: "slow", MaxConcurrency: 1})
	p := f.p
	// Someone (the attacker's own other session) holds the model's only slot.
	other := p.session(t, "slow:v1", p.routerKey)
	busy := other.chatAsync("slow:v1", false)
	require.Eventually(t, func() bool {
		free, _ := p.srv.Sessions().Capacity(crypto.Keccak256Hash([]byte("slow:v1")))
		return free == 0
	}, 5*time.Second, 10*time.Millisecond)

	c1 := newClient(t, p.domain, p.ts.URL, f.user, f.t1, p.routerKey)
	status, code, _ := errorOf(t, c1.chat("slow:v1", false))
	require.Equal(t, wire.CodeCapacity, code)
	require.Equal(t, http.StatusTooManyRequests, status)
	close(p.up.release)
	<-busy
	resp := c1.chat("slow:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	f.closeByUser(t)
	f.secondTicketRefused(t, 10*60, "served a second time: past the first ticket's notAfter, within the second's")
}
