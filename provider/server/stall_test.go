package server_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// endlessStream streams SSE chunks as fast as it can until its request ends (then closes ended), and
// answers a non-streaming request at once.
func endlessStream(ended chan<- struct{}) http.HandlerFunc {
	var once sync.Once
	line := []byte(`data: {"choices":[{"delta":{"content":"` + strings.Repeat("x", 4000) + `"}}]}` + "\n\n")
	return func(w http.ResponseWriter, r *http.Request) {
		var req struct{ Stream bool }
		_ = json.NewDecoder(r.Body).Decode(&req)
		if !req.Stream {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"choices":[{"message":{"content":"ok"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}`))
			return
		}
		defer once.Do(func() { close(ended) })
		w.Header().Set("Content-Type", "text/event-stream")
		for r.Context().Err() == nil {
			if _, err := w.Write(line); err != nil {
				return
			}
			w.(http.Flusher).Flush()
		}
	}
}

// TestStalledReaderFreesItsSlot: a user who starts a stream and stops reading it (the provider's writes
// block once the socket buffers are full) must not hold the model's concurrency slot past its session's
// time budget: with one slot, that would refuse every other user for as long as the connection stays open.
func TestStalledReaderFreesItsSlot(t *testing.T) {
	ended := make(chan struct{})
	p, staller := providerBefore(t, endlessStream(ended), 1)
	conn, err := net.Dial("tcp", p.ts.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.(*net.TCPConn).SetReadBuffer(4096)
	if err := staller.build("POST", "/v1/chat/completions", chatRequestBody("big:v1", true), 0).Write(conn); err != nil {
		t.Fatal(err)
	}
	// Never read conn. The session's budget (1 s) ends the upstream request.
	select {
	case <-ended:
	case <-time.After(30 * time.Second):
		t.Fatal("the upstream stream never ended")
	}
	free := func() int {
		resp := postJSON(t, p.ts.URL+"/v1/liveness", wire.LivenessRequest{ModelID: crypto.Keccak256Hash([]byte("big:v1"))})
		defer resp.Body.Close()
		var lr wire.LivenessResponse
		if err := json.NewDecoder(resp.Body).Decode(&lr); err != nil {
			t.Fatal(err)
		}
		return lr.Capacity.Free
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for give := time.Now().Add(10 * time.Second); free() == 0; <-tick.C {
		if time.Now().After(give) {
			t.Fatal("the stalled reader still holds the model's only slot 10 s after its session's budget ended")
		}
	}
	honest := p.session(t, "big:v1", p.routerKey)
	resp := honest.chat("big:v1", false)
	if body := readAll(t, resp); resp.StatusCode != http.StatusOK {
		t.Fatalf("honest user: %d %s", resp.StatusCode, body)
	}
}

// providerBefore is an off-chain provider serving "big:v1" (upstream name "big", so answers are renamed)
// in front of the upstream h, and a fresh user's session of maxSeconds on it.
func providerBefore(t *testing.T, h http.HandlerFunc, maxSeconds uint32) (*offChainProvider, *client) {
	up := httptest.NewServer(h)
	t.Cleanup(up.Close)
	p := newOffChainProvider(t, server.Model{Name: "big:v1", Upstream: "big", MaxConcurrency: 1},
		func(c *server.Config) { c.UpstreamURL = up.URL + "/v1" })
	user, _ := crypto.GenerateKey()
	tk := newTicket(p.domain, p.owner, crypto.PubkeyToAddress(user.PublicKey), "big:v1", maxSeconds, time.Now().Add(time.Hour))
	return p, newClient(t, p.domain, p.ts.URL, user, tk, p.routerKey)
}

// TestEndlessUpstreamLineNotHeld: the provider renames the model in whole lines, holding an incomplete last
// line until its end arrives; an upstream that never ends its line must not grow that hold without bound.
// Past sse.MaxLine (no SSE line is longer) the bytes go on to the client as they are.
func TestEndlessUpstreamLineNotHeld(t *testing.T) {
	upEnded := make(chan struct{})
	_, c := providerBefore(t, func(w http.ResponseWriter, r *http.Request) {
		defer close(upEnded)
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = w.Write([]byte("data: "))
		x := []byte(strings.Repeat("x", 64<<10))
		for range (3 * sse.MaxLine) / len(x) {
			if _, err := w.Write(x); err != nil {
				return
			}
		}
		w.(http.Flusher).Flush()
		<-r.Context().Done() // the line never ends
	}, 5)
	req := c.build("POST", "/v1/chat/completions", chatRequestBody("big:v1", true), 0)
	got := make(chan int64, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- -1
			return
		}
		defer resp.Body.Close()
		n, _ := io.CopyN(io.Discard, resp.Body, 2*sse.MaxLine)
		got <- n
	}()
	select {
	case n := <-got:
		if n != 2*sse.MaxLine {
			t.Fatalf("got %d bytes", n)
		}
	case <-upEnded:
		t.Fatal("the provider held an endless line until the session's budget cut the upstream")
	}
}

// TestOversizedUpstreamAnswerRefused: a non-streaming upstream answer over the provider's bound is a 502
// in the error envelope, not its first bytes passed on as if whole.
func TestOversizedUpstreamAnswerRefused(t *testing.T) {
	defer server.SetMaxUpstreamBody(1 << 20)()
	_, c := providerBefore(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"choices":[{"message":{"content":"`))
		x := []byte(strings.Repeat("x", 64<<10))
		for range 17 {
			if _, err := w.Write(x); err != nil {
				return
			}
		}
		_, _ = w.Write([]byte(`"}}]}`))
	}, 60)
	resp := c.chat("big:v1", false)
	if resp.StatusCode != http.StatusBadGateway {
		resp.Body.Close()
		t.Fatalf("got %d, %d bytes", resp.StatusCode, resp.ContentLength)
	}
	if _, code, _ := errorOf(t, resp); code != "upstream_too_large" {
		t.Fatalf("code %q", code)
	}
}
