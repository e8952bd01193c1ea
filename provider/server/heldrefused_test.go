package server_test

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestHeldWhenFirstRequestRefused: a session whose first request is refused (429 capacity: the model's
// only slot taken) exists from that request on, and its id is held closed past every ticket of its RFC all
// the same. Before, the refused first request opened the session without its hold and the later ones
// carry none (the session is open: no RFC is read), so once closed it was forgotten at its own ticket's
// notAfter and another router's ticket of the same RFC was served as a second session (from a review).
func TestHeldWhenFirstRequestRefused(t *testing.T) {
	routerB, _ := crypto.GenerateKey()
	var skew atomic.Int64
	p := newOffChainProvider(t, server.Model{Name: "slow:v1", Upstream: "slow", MaxConcurrency: 1}, func(c *server.Config) {
		c.IdleTimeout = time.Hour
		c.Routers.(staticRouters)[crypto.PubkeyToAddress(routerB.PublicKey)] = true
		c.Now = func() time.Time { return time.Now().Add(time.Duration(skew.Load()) * time.Second) }
	})
	// Someone (the attacker's own other session) holds the model's only slot.
	other := p.session(t, "slow:v1", p.routerKey)
	busy := other.chatAsync("slow:v1", false)
	require.Eventually(t, func() bool { f, _ := p.srv.Sessions().Capacity(crypto.Keccak256Hash([]byte("slow:v1"))); return f == 0 }, 5*time.Second, 10*time.Millisecond)

	user, _ := crypto.GenerateKey()
	now := time.Now()
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("slow:v1")),
		MaxPricePerSecond: *uint256.NewInt(1e9), MaxSeconds: 60, Nonce: 7, Deadline: uint64(now.Unix()) + 300}
	t1 := ticketOf(p.domain, rfc, p.owner, 60, now.Add(2*time.Minute))  // router A's
	t2 := ticketOf(p.domain, rfc, p.owner, 60, now.Add(30*time.Minute)) // router B's: same RFC, same provider
	c1 := newClient(t, p.domain, p.ts.URL, user, t1, p.routerKey)
	status, code, _ := errorOf(t, c1.chat("slow:v1", false))
	require.Equal(t, wire.CodeCapacity, code)
	require.Equal(t, http.StatusTooManyRequests, status)
	close(p.up.release)
	<-busy
	resp := c1.chat("slow:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	rc := eip712.UsageReceipt{SessionID: t1.SessionID, Seconds: 1}
	sig, _ := p.domain.Sign(&rc, user)
	resp = postJSON(t, p.ts.URL+"/v1/sessions/"+t1.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &sig})
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)

	c2 := newClient(t, p.domain, p.ts.URL, user, t2, routerB)
	skew.Store(10 * 60) // past t1's notAfter, within t2's
	c2.timeOff = 10 * 60
	p.srv.ForgetExpired()
	resp = c2.chat("slow:v1", false)
	body := readAll(t, resp)
	require.Equal(t, http.StatusConflict, resp.StatusCode, "served a second time: %s", body)
	require.Contains(t, body, wire.CodeSessionClosed)
}
