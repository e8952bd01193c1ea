package gateway

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// busyModel is the market model of the rig, served by the stand-in upstream under busyUpstreamModel.
const (
	busyModel         = "llama3:8b"
	busyUpstreamModel = "standin"
)

// busyRig is a real provider (provider/server, SessionConcurrency providerBound) in front of a stand-in
// LLM upstream, a stand-in router granting its tickets, and a gateway (SessionConcurrency gatewayBound) of
// a fresh user whose client's transport counts what the provider answered.
type busyRig struct {
	provider *server.Server
	gw       *Gateway
	url      string // the gateway's
	// upstream: held until gate closes; the chat requests it received; a message "refuse" is answered 429
	// with the provider's own session_busy code, after being served.
	gate     chan struct{}
	opened   sync.Once
	upstream atomic.Int32
	// what the provider answered the gateway
	mu       sync.Mutex
	statuses map[int]int
	codes    map[string]int
}

func newBusyRig(t *testing.T, providerBound, gatewayBound int) *busyRig {
	rig := &busyRig{gate: make(chan struct{}), statuses: map[int]int{}, codes: map[string]int{}}
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Stream   bool `json:"stream"`
			Messages []struct {
				Content string `json:"content"`
			} `json:"messages"`
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		rig.upstream.Add(1)
		select {
		case <-rig.gate:
		case <-r.Context().Done():
			return
		}
		if len(req.Messages) > 0 && req.Messages[0].Content == "refuse" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"error":{"message":"busy upstream","type":"rate_limit_error","code":"session_busy"}}`)
			return
		}
		if req.Stream {
			w.Header().Set("Content-Type", "text/event-stream")
			io.WriteString(w, `data: {"model":"`+busyUpstreamModel+`","choices":[{"delta":{"content":"Hello there"}}]}`+"\n\n")
			io.WriteString(w, `data: {"model":"`+busyUpstreamModel+`","choices":[],"usage":{"prompt_tokens":11,"completion_tokens":7}}`+"\n\n")
			io.WriteString(w, "data: [DONE]\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"chat.completion","model":"`+busyUpstreamModel+`","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}`)
	}))
	t.Cleanup(up.Close)
	t.Cleanup(rig.open) // first: what is still held answers

	routerKey, _ := crypto.GenerateKey()
	ownerKey, _ := crypto.GenerateKey()
	signerKey, _ := crypto.GenerateKey()
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	domain := eip712.NewDomain(31337, crypto.PubkeyToAddress(routerKey.PublicKey))
	srv, err := server.New(server.Config{Domain: domain, Provider: owner, SignerKey: signerKey,
		Routers:     oneRouter(crypto.PubkeyToAddress(routerKey.PublicKey)),
		UpstreamURL: up.URL + "/v1", Models: []server.Model{{Name: busyModel, Upstream: busyUpstreamModel, MaxConcurrency: 16}},
		SessionConcurrency: providerBound, Logger: zap.NewNop()})
	require.NoError(t, err)
	rig.provider = srv
	prov := httptest.NewServer(srv.Handler())
	t.Cleanup(prov.Close)

	router := standInRouter(t, domain, routerKey, owner, prov.URL+"/v1")

	key, _ := crypto.GenerateKey()
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err == nil && strings.HasPrefix(r.URL.String(), prov.URL) && r.URL.Path == client.PathChat {
			code := ""
			if resp.StatusCode != http.StatusOK {
				raw, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				code = wire.DecodeError(resp, raw).Code
				resp.Body = io.NopCloser(strings.NewReader(string(raw)))
			}
			rig.mu.Lock()
			rig.statuses[resp.StatusCode]++
			rig.codes[code]++
			rig.mu.Unlock()
		}
		return resp, err
	})}
	g, err := New(Config{Client: &client.Client{Router: client.NewRouterClient(router.URL, nil), Domain: domain, Key: key, HTTP: hc},
		RFC: client.RFCParams{MaxPricePerSecond: uint256.NewInt(1), MaxSeconds: 100}, SessionConcurrency: gatewayBound})
	require.NoError(t, err)
	rig.gw = g
	ts := httptest.NewServer(g.Handler())
	t.Cleanup(ts.Close)
	rig.url = ts.URL
	return rig
}

// standInRouter grants every RFC a session with provider at endpoint, its ticket signed by routerKey.
func standInRouter(t *testing.T, domain *eip712.Domain, routerKey *ecdsa.PrivateKey, provider common.Address, endpoint string) *httptest.Server {
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var rfc eip712.SignedRFC
		if err := json.NewDecoder(r.Body).Decode(&rfc); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		id := eip712.SessionID(domain.Digest(&rfc.RFC), provider)
		tk := eip712.SessionTicket{SessionID: id, User: rfc.RFC.User, Provider: provider, ModelID: rfc.RFC.ModelID,
			PricePerSecond: *uint256.NewInt(1), MaxSeconds: rfc.RFC.MaxSeconds, NotAfter: uint64(time.Now().Add(time.Hour).Unix()),
			SessionKey: rfc.RFC.SessionKey, UseDeposit: rfc.RFC.UseDeposit}
		sig, _ := domain.Sign(&tk, routerKey) // a fixed-size message: cannot fail
		wire.WriteJSON(w, http.StatusOK, wire.RFCResponse{SessionID: id, Provider: provider, Endpoint: endpoint,
			PricePerSecond: uint256.NewInt(1), MaxSeconds: tk.MaxSeconds, Ticket: tk, TicketSignature: sig,
			Router: crypto.PubkeyToAddress(routerKey.PublicKey)})
	}))
	t.Cleanup(router.Close)
	return router
}

type oneRouter common.Address

func (o oneRouter) IsRouter(_ context.Context, a common.Address) (bool, error) {
	return a == common.Address(o), nil
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// open lets the upstream answer.
func (rig *busyRig) open() { rig.opened.Do(func() { close(rig.gate) }) }

// answered is how many of the gateway's chat requests the provider answered with code ("" for a 200).
func (rig *busyRig) answered(code string) int {
	rig.mu.Lock()
	defer rig.mu.Unlock()
	return rig.codes[code]
}

// chat posts one chat to the gateway and returns its status and body.
func (rig *busyRig) chat(content string, stream bool) (int, string) {
	body := fmt.Sprintf(`{"model":%q,"stream":%t,"messages":[{"role":"user","content":%q}]}`, busyModel, stream, content)
	resp, err := http.Post(rig.url+"/v1/chat/completions", "application/json", strings.NewReader(body))
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestGatewayAboveTheProvidersSessionBound: a gateway sending up to 4 of a model's requests at once to a
// provider bounding each session to 1 (provider serve --session-concurrency 1) completes every one of 8
// parallel chats, half of them streamed, the first held at the upstream for over a second: the provider
// refuses the excess 429 session_busy, and the gateway sends each again until one of the session's
// requests has ended. It used to answer the refused
// ones 503 capacity (the user's chat failed). Each chat reached the upstream once, and the provider and the
// gateway metered 8 requests' tokens, no more: a refused request was neither served nor metered.
func TestGatewayAboveTheProvidersSessionBound(t *testing.T) {
	rig := newBusyRig(t, 1, 4)
	const chats = 8
	type result struct {
		status int
		body   string
	}
	results := make(chan result, chats)
	for i := range chats {
		go func() {
			status, body := rig.chat(fmt.Sprintf("hi %d", i), i%2 == 1)
			results <- result{status, body}
		}()
	}
	// One chat is at the upstream (held there), and the provider has refused the three others the gateway
	// sent beside it, which wait for it to end: sent once each, not again and again while it is held.
	require.Eventually(t, func() bool {
		return rig.upstream.Load() == 1 && rig.gw.slot(busyModel).resending.Load() == 3
	}, 10*time.Second, time.Millisecond, "the provider refuses the session's requests past its bound")
	// Each is sent again after a backoff (10 ms, 20 ms, …) while the request is held, the backoffs explained by
	// it (none fails): a handful of refusals in the first milliseconds, not hundreds (a refusal waking the
	// others, each waking the next).
	require.LessOrEqual(t, rig.answered(wire.CodeSessionBusy), 60, "refused requests waiting for the session's request to end")
	// Held for longer than the backoffs nothing explains may add up to (10 + 20 + … + 160 ms): these are
	// explained by the request at the provider, and the waiting ones do not fail.
	require.Eventually(t, func() bool { return rig.answered(wire.CodeSessionBusy) >= 3*(busyTries+2) }, 30*time.Second, time.Millisecond)
	require.Equal(t, int32(1), rig.upstream.Load(), "one request of the session at the upstream")
	rig.open()
	for range chats {
		r := <-results
		require.Equal(t, http.StatusOK, r.status, r.body)
		require.Contains(t, r.body, "Hello")
	}
	require.Equal(t, int32(chats), rig.upstream.Load(), "each chat served once")
	require.Equal(t, chats, rig.answered(""), "the provider answered each chat once")
	require.Empty(t, rig.answered(wire.CodeCapacity))

	sessions := rig.gw.Sessions()
	require.Len(t, sessions, 1, "one session carries the model's requests")
	id := common.HexToHash(sessions[0].SessionID)
	require.Equal(t, client.Usage{Seconds: sessions[0].Usage.Seconds, InputTokens: 11 * chats, OutputTokens: 7 * chats,
		TTFTMs: sessions[0].Usage.TTFTMs, Requests: chats}, sessions[0].Usage, "the gateway's meter: the requests the provider served")
	snap, err := rig.provider.Sessions().Usage(id)
	require.NoError(t, err)
	require.Equal(t, uint32(11*chats), snap.Usage.InputTokens, "the provider's meter")
	require.Equal(t, uint32(7*chats), snap.Usage.OutputTokens, "the provider's meter")
	require.Equal(t, 0, snap.Usage.InFlight)
}

// TestUpstreamsSessionBusyNotSentAgain: an upstream's own error carrying the code session_busy (429) comes
// after the provider metered the request and sent it upstream, so the provider relays it under another code
// and the gateway does not send the request again: the upstream saw it once, and the user gets the
// upstream's refusal. A gateway resending on that code would have the request served, and metered, twice.
func TestUpstreamsSessionBusyNotSentAgain(t *testing.T) {
	rig := newBusyRig(t, 1, 1)
	rig.open()
	status, body := rig.chat("refuse", false)
	require.Equal(t, int32(1), rig.upstream.Load(), "the served request was not sent again")
	require.Equal(t, http.StatusTooManyRequests, status, body)
	require.Contains(t, body, "busy upstream")
	require.Equal(t, 0, rig.answered(wire.CodeSessionBusy))
	require.Equal(t, 1, rig.answered("upstream_session_busy"))
	status, body = rig.chat("hi", false)
	require.Equal(t, http.StatusOK, status, body)
	require.Equal(t, int32(2), rig.upstream.Load())
}

// gatewayBefore is a gateway whose provider is answer (a stand-in: the gateway's own rule is under test),
// granted by a stand-in router.
func gatewayBefore(t *testing.T, answer http.HandlerFunc) (*Gateway, *httptest.Server) {
	routerKey, _ := crypto.GenerateKey()
	owner, _ := crypto.GenerateKey()
	domain := eip712.NewDomain(31337, [20]byte{1})
	provider := httptest.NewServer(answer)
	t.Cleanup(provider.Close)
	router := standInRouter(t, domain, routerKey, crypto.PubkeyToAddress(owner.PublicKey), provider.URL+"/v1")
	key, _ := crypto.GenerateKey()
	g, err := New(Config{Client: &client.Client{Router: client.NewRouterClient(router.URL, nil), Domain: domain, Key: key},
		RFC: client.RFCParams{MaxPricePerSecond: uint256.NewInt(1), MaxSeconds: 100}})
	require.NoError(t, err)
	gw := httptest.NewServer(g.Handler())
	t.Cleanup(gw.Close)
	return g, gw
}

// TestSessionBusyResentBounded: a request the provider refuses session_busy while none other of the
// session's is at it (the slot its previous request held is freed a moment after that answer's end reached
// the gateway) is sent again after a short backoff, at most busyTries times; a Retry-After the provider
// sends is waited for, and one longer than busyMaxRetryAfter is not.
func TestSessionBusyResentBounded(t *testing.T) {
	busy := func(w http.ResponseWriter, retryAfter string) {
		if retryAfter != "" {
			w.Header().Set("Retry-After", retryAfter)
		}
		wire.WriteError(w, wire.Errorf(http.StatusTooManyRequests, wire.CodeSessionBusy, "1 of 1"))
	}
	ok := func(w http.ResponseWriter) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"}}],"usage":{"prompt_tokens":1,"completion_tokens":1}}`)
	}
	post := func(gw *httptest.Server) (int, string) {
		resp, err := http.Post(gw.URL+"/v1/chat/completions", "application/json",
			strings.NewReader(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(raw)
	}
	for _, tc := range []struct {
		name       string
		refusals   int    // answered session_busy before a 200 (-1: always)
		retryAfter string // with each refusal
		status     int
		sent       int // requests the provider saw
		apart      time.Duration
	}{
		{"freed a moment later", 2, "", http.StatusOK, 3, busyBackoff},
		{"never freed", -1, "", http.StatusServiceUnavailable, 1 + busyTries, busyBackoff},
		{"retry after", 1, "1", http.StatusOK, 2, time.Second},
		{"retry after too long", 1, "60", http.StatusServiceUnavailable, 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var mu sync.Mutex
			var arrivals []time.Time
			_, gw := gatewayBefore(t, func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				arrivals = append(arrivals, time.Now())
				n := len(arrivals)
				mu.Unlock()
				if tc.refusals < 0 || n <= tc.refusals {
					busy(w, tc.retryAfter)
					return
				}
				ok(w)
			})
			status, body := post(gw)
			require.Equal(t, tc.status, status, body)
			if status != http.StatusOK {
				require.Contains(t, body, wire.CodeSessionBusy)
			}
			mu.Lock()
			defer mu.Unlock()
			require.Len(t, arrivals, tc.sent)
			for i := 1; i < len(arrivals); i++ {
				require.GreaterOrEqual(t, arrivals[i].Sub(arrivals[i-1]), tc.apart, "sent again %d", i)
			}
		})
	}
}

// TestSessionBusyWaitEndsWithTheRequest: a request waiting to be sent again (here for the provider's
// Retry-After of 5 s) ends when its client gives up: its place is free well before the 5 s, and it was
// not sent again.
func TestSessionBusyWaitEndsWithTheRequest(t *testing.T) {
	var sent atomic.Int32
	g, gw := gatewayBefore(t, func(w http.ResponseWriter, r *http.Request) {
		sent.Add(1)
		w.Header().Set("Retry-After", "5")
		wire.WriteError(w, wire.Errorf(http.StatusTooManyRequests, wire.CodeSessionBusy, "1 of 1"))
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, gw.URL+"/v1/chat/completions",
		strings.NewReader(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
	done := make(chan error, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	require.Eventually(t, func() bool { return g.slot(busyModel).resending.Load() == 1 }, 10*time.Second, time.Millisecond,
		"the refused request waits to be sent again")
	cancel()
	require.Error(t, <-done)
	require.Eventually(t, func() bool { return len(g.slot(busyModel).places) == 0 }, 3*time.Second, time.Millisecond,
		"the request's wait ended with it")
	require.Equal(t, int32(1), sent.Load())
}

// TestUnfinishedGiantEventEndsTheRequest: a provider streaming "data:" lines and never the blank line that
// ends an event (a hostile one) makes the gateway's stream fail once the event passes sse.MaxEvent: the
// request ends with an error naming it and the provider's connection is closed. The gateway used to keep
// appending the lines to one event, its memory growing without bound and the client waiting forever.
func TestUnfinishedGiantEventEndsTheRequest(t *testing.T) {
	line := "data: " + strings.Repeat("a", 512<<10) + "\n"
	var ended atomic.Int32
	_, gw := gatewayBefore(t, func(w http.ResponseWriter, r *http.Request) {
		defer ended.Add(1)
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		for range 3 * sse.MaxEvent / len(line) { // three events' worth, then nothing until the gateway leaves
			if _, err := io.WriteString(w, line); err != nil {
				return
			}
		}
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, gw.URL+"/v1/chat/completions",
		strings.NewReader(`{"model":"llama3:8b","stream":true,"messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err, "the gateway answers before the test's timeout")
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusBadGateway, resp.StatusCode, string(raw))
	require.Contains(t, string(raw), "event longer than")
	require.Eventually(t, func() bool { return ended.Load() >= 1 }, 10*time.Second, time.Millisecond,
		"the gateway closed the provider's stream")
}
