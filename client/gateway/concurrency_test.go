package gateway

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestSessionRequestsBoundedAtTheProvider: the gateway shares a model's session among its local clients'
// requests and sends at most Config.SessionConcurrency of them to the provider at once (a provider's
// default bound of one session's requests in flight, past which it refuses them 429 session_busy): five
// parallel local requests all succeed, the provider never holding more than two of the session's. It used
// to send all five at once, and a provider bounding sessions refused three (answered 503 capacity).
func TestSessionRequestsBoundedAtTheProvider(t *testing.T) {
	var (
		mu                sync.Mutex
		inFlight, maxSeen int
		sessions          = map[string]bool{}
	)
	arrived := make(chan struct{}, 16)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	g, gw := gatewayBefore(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		maxSeen = max(maxSeen, inFlight)
		sessions[r.Header.Get(wire.HeaderTicket)] = true
		mu.Unlock()
		arrived <- struct{}{}
		<-release
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}`))
	})

	const local = 5
	statuses := make(chan int, local)
	for range local {
		go func() {
			resp, err := http.Post(gw.URL+"/v1/chat/completions", "application/json",
				strings.NewReader(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
			if err != nil {
				statuses <- 0
				return
			}
			resp.Body.Close()
			statuses <- resp.StatusCode
		}()
	}
	for range DefaultSessionConcurrency { // the first ones at the provider, held there
		<-arrived
	}
	// The others wait at the gateway while those are held: without the bound they would reach the provider
	// and never wait here.
	require.Eventually(t, func() bool { return g.slot("llama3:8b").waiting.Load() == local-DefaultSessionConcurrency },
		10*time.Second, time.Millisecond, "the other requests wait for a place")
	for range local - DefaultSessionConcurrency { // then each one let go lets one more in
		release <- struct{}{}
		<-arrived
	}
	for range DefaultSessionConcurrency {
		release <- struct{}{}
	}
	for range local {
		require.Equal(t, http.StatusOK, <-statuses)
	}
	mu.Lock()
	defer mu.Unlock()
	require.Len(t, sessions, 1, "one session shared by the model's requests")
	require.LessOrEqual(t, maxSeen, DefaultSessionConcurrency, "the session's requests at the provider at once")
}
