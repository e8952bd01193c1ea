package gateway

import (
	"encoding/base64"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestWornSessionClosedOnceIdle: a session the gateway takes out of service (worn out: its ticket within
// ExpiryMargin of its end) while a request of it is in flight is closed only once that request has ended,
// and that request is answered whole. A close ends a session at its provider, its requests in flight
// included (provider/server TestCloseStopsRequestsInFlight), so closing it at once cut the gateway's own
// users' answers (from a review).
func TestWornSessionClosedOnceIdle(t *testing.T) {
	var aInFlight, closedDuringA atomic.Bool
	var closesOfA atomic.Int32
	var aSession atomic.Value // A's session id (hex), from its ticket
	release := make(chan struct{})
	var released sync.Once
	free := func() { released.Do(func() { close(release) }) }
	provider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/close") {
			if id, _ := aSession.Load().(string); strings.Contains(r.URL.Path, id) {
				closesOfA.Add(1)
				if aInFlight.Load() {
					closedDuringA.Store(true)
				}
			}
			http.Error(w, "no", http.StatusServiceUnavailable)
			return
		}
		if !aInFlight.Swap(true) { // request A, the first: held until released
			raw, err := base64.RawURLEncoding.DecodeString(r.Header.Get("X-LT-Ticket"))
			require.NoError(t, err)
			st, err := eip712.DecodeSignedSessionTicket(raw)
			require.NoError(t, err)
			aSession.Store(st.Ticket.SessionID.Hex())
			<-release
			defer aInFlight.Store(false)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}`)
	}))
	t.Cleanup(provider.Close)
	routerKey, _ := crypto.GenerateKey()
	owner, _ := crypto.GenerateKey()
	domain := eip712.NewDomain(31337, [20]byte{1})
	router := standInRouter(t, domain, routerKey, crypto.PubkeyToAddress(owner.PublicKey), provider.URL+"/v1")
	key, _ := crypto.GenerateKey()
	var ahead atomic.Int64 // the gateway's clock, ahead of the tickets' (an hour long)
	g, err := New(Config{Client: &client.Client{Router: client.NewRouterClient(router.URL, nil), Domain: domain, Key: key},
		RFC: client.RFCParams{MaxPricePerSecond: uint256.NewInt(1), MaxSeconds: 100},
		Now: func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }})
	require.NoError(t, err)
	gw := httptest.NewServer(g.Handler())
	t.Cleanup(gw.Close)
	t.Cleanup(free) // before the servers close (cleanups run last first): a failed test leaves no handler held
	post := func() (int, string) {
		resp, err := http.Post(gw.URL+"/v1/chat/completions", "application/json", strings.NewReader(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, string(b)
	}
	type answer struct {
		status int
		body   string
	}
	a := make(chan answer, 1)
	go func() { s, b := post(); a <- answer{s, b} }()
	require.Eventually(t, aInFlight.Load, 10*time.Second, 10*time.Millisecond)

	ahead.Store(int64(time.Hour)) // A's session is now within ExpiryMargin of its ticket's end: worn out
	status, body := post()        // B: acquire takes A's session out of service and opens another
	require.Equal(t, http.StatusOK, status, body)
	g.reap()
	require.False(t, closedDuringA.Load(), "the worn session was closed with request A in flight")

	free()
	got := <-a
	require.Equal(t, http.StatusOK, got.status, got.body)
	require.Contains(t, got.body, `"content":"hi"`)
	g.reap() // A has ended: its worn session is closed now
	require.Eventually(t, func() bool { return closesOfA.Load() == 1 }, 10*time.Second, 10*time.Millisecond, "the worn session was never closed")
	require.False(t, closedDuringA.Load())
}
