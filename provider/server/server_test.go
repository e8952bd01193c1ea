package server_test

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/provider/server"
)

func TestNonStreamingAndMetering(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	s, ts := newServer(t, e, up, nil)
	c := e.client(t, ts, "fast:v1", 60)

	resp := c.chat("fast:v1", false)
	require.Equal(t, 200, resp.StatusCode)
	var out struct {
		Model   string
		Choices []struct{ Message struct{ Content string } }
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	resp.Body.Close()
	require.Equal(t, "Hello there", out.Choices[0].Message.Content)
	require.Equal(t, "fast", up.lastBody()["model"], "model mapped to the upstream's name")
	require.Equal(t, "fast:v1", out.Model, "the answer names the model as the client asked for it")

	snap, err := s.Sessions().Usage(c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint32(11), snap.Usage.InputTokens)
	require.Equal(t, uint32(7), snap.Usage.OutputTokens)
	require.Equal(t, uint32(1), snap.Usage.Seconds, "a short request bills one (rounded-up) second")

	// /v1/models is authenticated and lists the served models.
	resp = c.do("GET", "/v1/models", "", 0)
	body := readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode, body)
	require.Contains(t, body, `"fast:v1"`)
}

// TestEmbeddingsAndCompletions: /v1/embeddings and /v1/completions go to the upstream's same paths with
// the model renamed, authenticated and metered like chat (the answer's usage object).
func TestEmbeddingsAndCompletions(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	s, ts := newServer(t, e, up, nil)
	c := e.client(t, ts, "fast:v1", 60)

	resp := c.do("POST", "/v1/embeddings", `{"model":"fast:v1","input":["Say hello"]}`, 0)
	body := readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode, body)
	require.Equal(t, "/v1/embeddings", up.lastPath())
	require.Equal(t, "fast", up.lastBody()["model"])
	require.Contains(t, body, `"embedding":[0.25,-0.5]`)
	require.Contains(t, body, `"model":"fast:v1"`)
	snap, err := s.Sessions().Usage(c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint32(4), snap.Usage.InputTokens)
	require.Zero(t, snap.Usage.OutputTokens)
	require.Equal(t, uint32(1), snap.Usage.Seconds)

	resp = c.do("POST", "/v1/completions", `{"model":"fast:v1","prompt":"Once"}`, 0)
	require.Equal(t, 200, resp.StatusCode, readAll(t, resp))
	require.Equal(t, "/v1/completions", up.lastPath())
	snap, err = s.Sessions().Usage(c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint32(4+11), snap.Usage.InputTokens)
	require.Equal(t, uint32(7), snap.Usage.OutputTokens)

	// Unsigned: refused before the upstream sees it.
	req := c.build("POST", "/v1/embeddings", `{"model":"fast:v1","input":"x"}`, 0)
	req.Header.Del(wire.HeaderSignature)
	r2, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	status, _, _ := errorOf(t, r2)
	require.Equal(t, 400, status)
	require.Equal(t, "/v1/completions", up.lastPath())
}

func TestStreaming(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	s, ts := newServer(t, e, up, nil)

	t.Run("usage chunk", func(t *testing.T) {
		c := e.client(t, ts, "fast:v1", 60)
		resp := c.chat("fast:v1", true)
		require.Equal(t, 200, resp.StatusCode)
		require.Equal(t, "text/event-stream", resp.Header.Get("Content-Type"))
		body := readAll(t, resp)
		for i := range 5 {
			require.Contains(t, body, "tok"+string(rune('0'+i)))
		}
		require.True(t, strings.HasSuffix(body, "data: [DONE]\n\n"))
		require.Contains(t, body, `"model":"fast:v1"`, "chunks name the model as the client asked for it")
		require.NotContains(t, body, `"model":"fast"`)
		require.Equal(t, map[string]any{"include_usage": true}, up.lastBody()["stream_options"])
		snap, err := s.Sessions().Usage(c.ticket.SessionID)
		require.NoError(t, err)
		require.Equal(t, uint32(13), snap.Usage.InputTokens)
		require.Equal(t, uint32(5), snap.Usage.OutputTokens)
		require.NotZero(t, snap.Usage.Seconds)
	})
	t.Run("counted from chunks", func(t *testing.T) {
		c := e.client(t, ts, "nousage:v1", 60)
		resp := c.chat("nousage:v1", true)
		require.Equal(t, 200, resp.StatusCode)
		readAll(t, resp)
		snap, err := s.Sessions().Usage(c.ticket.SessionID)
		require.NoError(t, err)
		require.Equal(t, uint32(4), snap.Usage.OutputTokens, "one token per content chunk, the empty role chunk excluded")
		require.NotZero(t, snap.Usage.InputTokens, "estimated from the prompt")
	})
}

func TestTicketChecks(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	_, ts := newServer(t, e, up, nil)
	userKey, _ := crypto.GenerateKey()
	user := crypto.PubkeyToAddress(userKey.PublicKey)
	stranger, _ := crypto.GenerateKey()
	hour := time.Now().Add(time.Hour)

	tests := []struct {
		name       string
		make       func() *client
		status     int
		code, text string
	}{
		{"forged ticket", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), stranger)
		}, 403, wire.CodeForbidden, "not an authorised router"},
		{"non-router key", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), devnet.DevKey(2))
		}, 403, wire.CodeForbidden, "not an authorised router"},
		{"tampered ticket", func() *client {
			c := newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), devnet.DevKey(1))
			c.ticket.MaxSeconds = 100000 // re-encode the header with the router's old signature
			var st eip712.SignedSessionTicket
			raw, _ := decodeHeader(c.header)
			require.NoError(t, json.Unmarshal(raw, &st))
			st.Ticket.MaxSeconds = 100000
			c.header = encodeHeader(t, st)
			return c
		}, 403, wire.CodeForbidden, "not an authorised router"},
		{"far-future", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, time.Now().Add(server.MaxTicketLife+time.Hour)), devnet.DevKey(1))
		}, 403, wire.CodeForbidden, "no session is that long"},
		{"expired", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, time.Now().Add(-time.Minute)), devnet.DevKey(1))
		}, 401, wire.CodeExpired, "ticket expired"},
		{"other user", func() *client {
			c := newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), devnet.DevKey(1))
			c.signAs = stranger
			return c
		}, 403, wire.CodeBadSignature, "session belongs to"},
		{"wrong provider", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, common.HexToAddress("0x1234"), user, "fast:v1", 60, hour), devnet.DevKey(1))
		}, 403, wire.CodeForbidden, "ticket is for provider"},
		{"stale request time", func() *client {
			c := newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), devnet.DevKey(1))
			c.timeOff = -120
			return c
		}, 401, wire.CodeExpired, "away from the provider's clock"},
		{"unserved model", func() *client {
			return newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "other:v1", 60, hour), devnet.DevKey(1))
		}, 404, wire.CodeUnknownModel, "does not serve"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, code, msg := errorOf(t, tt.make().chat("fast:v1", false))
			require.Equal(t, tt.status, status, msg)
			require.Equal(t, tt.code, code, msg)
			require.Contains(t, msg, tt.text)
		})
	}

	t.Run("replayed request", func(t *testing.T) {
		c := newClient(t, e.domain, ts.URL, userKey, newTicket(e.domain, e.owner, user, "fast:v1", 60, hour), devnet.DevKey(1))
		body := `{"messages":[]}`
		resp := c.do("POST", "/v1/chat/completions", body, 5)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
		for _, seq := range []uint64{5, 4} {
			status, code, _ := errorOf(t, c.do("POST", "/v1/chat/completions", body, seq))
			require.Equal(t, 409, status)
			require.Equal(t, wire.CodeReplayed, code)
		}
		resp = c.do("POST", "/v1/chat/completions", body, 6)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
	})
	t.Run("no headers", func(t *testing.T) {
		resp, err := http.Post(ts.URL+"/v1/chat/completions", "application/json", strings.NewReader(`{}`))
		require.NoError(t, err)
		status, code, _ := errorOf(t, resp)
		require.Equal(t, 401, status)
		require.Equal(t, wire.CodeUnauthorized, code)
	})
}

func TestCapacityAndUpstreamErrors(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	_, ts := newServer(t, e, up, nil)

	t.Run("capacity", func(t *testing.T) {
		a := e.client(t, ts, "slow:v1", 60)
		b := e.client(t, ts, "slow:v1", 60)
		done := a.chatAsync("slow:v1", false)
		require.Eventually(t, func() bool {
			var lr wire.LivenessResponse
			resp := postJSON(t, ts.URL+"/v1/liveness", wire.LivenessRequest{ModelID: crypto.Keccak256Hash([]byte("slow:v1"))})
			defer resp.Body.Close()
			_ = json.NewDecoder(resp.Body).Decode(&lr)
			return lr.Capacity.Free == 0 && lr.Capacity.Max == 1
		}, 5*time.Second, 10*time.Millisecond)
		status, code, _ := errorOf(t, b.chat("slow:v1", false))
		require.Equal(t, 429, status)
		require.Equal(t, wire.CodeCapacity, code)
		up.release <- struct{}{}
		r := <-done
		require.NoError(t, r.err)
		require.Equal(t, 200, r.status, r.body)
	})

	tests := []struct {
		model      string
		status     int
		code, text string
		retryAfter string
	}{
		{"err429:v1", 429, "rate_limit_exceeded", "Rate limit reached", "7"},
		{"err503:v1", 503, "service_unavailable", "model is loading", ""},
	}
	for _, tt := range tests {
		t.Run(tt.model, func(t *testing.T) {
			c := e.client(t, ts, tt.model, 60)
			resp := c.chat(tt.model, true)
			require.Equal(t, tt.retryAfter, resp.Header.Get("Retry-After"))
			status, code, msg := errorOf(t, resp)
			require.Equal(t, tt.status, status)
			require.Equal(t, tt.code, code)
			require.Contains(t, msg, tt.text)
		})
	}

	t.Run("upstream down", func(t *testing.T) {
		down := newUpstream(t)
		down.Close()
		_, ts2 := newServer(t, e, down, nil)
		status, code, _ := errorOf(t, e.client(t, ts2, "fast:v1", 60).chat("fast:v1", false))
		require.Equal(t, 502, status)
		require.Equal(t, "upstream_unreachable", code)
	})
}

// TestOneSessionCannotHoldEverySlot: a session's requests in flight are bounded by SessionConcurrency
// (default 2): its next parallel request is refused 429 session_busy (wire.SessionBusy: not capacity, the
// model's own limit), naming the session's limit, before it is metered or sent upstream, while another
// session is admitted to the model's free slots. A session's active time is the union of its requests'
// intervals, so one session used to open the model's every slot (4 here) for the price of one, every other
// user refused capacity.
func TestOneSessionCannotHoldEverySlot(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "slow:v1", Upstream: "slow", MaxConcurrency: 4}, nil)
	t.Cleanup(func() { close(p.up.release) }) // whatever is still waiting answers (before the server closes)
	inFlight := func(c *client, n int) {
		t.Helper()
		require.Eventually(t, func() bool {
			u, err := p.srv.Sessions().Usage(c.ticket.SessionID)
			return err == nil && u.Usage.InFlight == n
		}, 5*time.Second, time.Millisecond)
	}
	a, b := p.session(t, "slow:v1", p.routerKey), p.session(t, "slow:v1", p.routerKey)
	var done []<-chan reply
	for n := 1; n <= server.DefaultSessionConcurrency; n++ {
		done = append(done, a.chatAsync("slow:v1", false))
		inFlight(a, n) // in order: seq n is admitted before seq n+1 is sent
	}
	// A request is counted in flight before it reaches the upstream: wait for both there.
	require.Eventually(t, func() bool { return p.up.requests() == server.DefaultSessionConcurrency }, 5*time.Second, time.Millisecond)
	over := a.chatAsync("slow:v1", false)
	var r reply
	require.Eventually(t, func() bool { // refused, or (without the bound) admitted to one more slot
		select {
		case r = <-over:
			return true
		default:
		}
		u, err := p.srv.Sessions().Usage(a.ticket.SessionID)
		return err == nil && u.Usage.InFlight > server.DefaultSessionConcurrency
	}, 5*time.Second, time.Millisecond)
	require.Equal(t, http.StatusTooManyRequests, r.status, "the session's next parallel request was admitted")
	var e struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	require.NoError(t, json.Unmarshal([]byte(r.body), &e))
	require.Equal(t, wire.CodeSessionBusy, e.Error.Code)
	require.Contains(t, e.Error.Message, "the session's limit of requests in flight reached: 2 of 2")
	u, err := p.srv.Sessions().Usage(a.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, server.DefaultSessionConcurrency, u.Usage.InFlight, "the refused request is not metered")
	require.Equal(t, server.DefaultSessionConcurrency, p.up.requests(), "nor sent upstream")
	done = append(done, b.chatAsync("slow:v1", false))
	inFlight(b, 1)
	free, total := p.srv.Sessions().Capacity(crypto.Keccak256Hash([]byte("slow:v1")))
	require.Equal(t, [2]int{4 - server.DefaultSessionConcurrency - 1, 4}, [2]int{free, total})
	for range done {
		p.up.release <- struct{}{}
	}
	for _, d := range done {
		r := <-d
		require.NoError(t, r.err)
		require.Equal(t, http.StatusOK, r.status, r.body)
	}
}

func TestLivenessSignedByRegisteredSigner(t *testing.T) {
	e := setup(t)
	_, ts := newServer(t, e, newUpstream(t), nil)
	challenge := crypto.Keccak256Hash([]byte("challenge"))
	resp := postJSON(t, ts.URL+"/v1/liveness", wire.LivenessRequest{Challenge: challenge, ModelID: crypto.Keccak256Hash([]byte("fast:v1"))})
	require.Equal(t, 200, resp.StatusCode)
	var lr wire.LivenessResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&lr))
	resp.Body.Close()

	registered, err := e.market.SignerOf(context.Background(), e.owner)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(devnet.DevKey(4).PublicKey), registered)
	sl := eip712.SignedLiveness{Liveness: lr.Liveness, Signature: lr.Signature}
	_, err = sl.Verify(e.domain, registered)
	require.NoError(t, err, "liveness must verify against Marketplace.signerOf")
	require.Equal(t, e.owner, lr.Liveness.Provider)
	require.Equal(t, challenge, lr.Liveness.Challenge)
	require.InDelta(t, time.Now().Unix(), int64(lr.Liveness.Timestamp), 5)
	require.Equal(t, wire.Capacity{Free: 8, Max: 8}, lr.Capacity)

	status, code, _ := errorOf(t, postJSON(t, ts.URL+"/v1/liveness", wire.LivenessRequest{Challenge: challenge, ModelID: common.Hash{1}}))
	require.Equal(t, 404, status)
	require.Equal(t, wire.CodeUnknownModel, code)
}

func TestCloseCountersigns(t *testing.T) {
	e := setup(t)
	s, ts := newServer(t, e, newUpstream(t), nil)
	c := e.client(t, ts, "fast:v1", 60)
	for range 2 {
		resp := c.chat("fast:v1", false)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
	}
	closeURL := ts.URL + "/v1/sessions/" + c.ticket.SessionID.Hex() + "/close"
	sign := func(r eip712.UsageReceipt, _ any) *eip712.Signature {
		sig, err := e.domain.Sign(&r, c.user)
		require.NoError(t, err)
		return &sig
	}

	over := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 60, InputTokens: 22, OutputTokens: 14}
	status, code, msg := errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: over, UserSignature: sign(over, nil)}))
	require.Equal(t, 422, status)
	require.Equal(t, wire.CodeBadRequest, code)
	require.Contains(t, msg, "receipt claims 60 s")

	stranger, _ := crypto.GenerateKey()
	ok := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 2, InputTokens: 22, OutputTokens: 14, TTFTMs: 30}
	bad, _ := e.domain.Sign(&ok, stranger)
	status, code, _ = errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: ok, UserSignature: &bad}))
	require.Equal(t, 401, status)
	require.Equal(t, wire.CodeBadSignature, code)

	resp := postJSON(t, closeURL, wire.CloseRequest{Receipt: ok, UserSignature: sign(ok, nil)})
	require.Equal(t, 200, resp.StatusCode)
	var cr server.CloseResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&cr))
	resp.Body.Close()
	require.Equal(t, ok, cr.Receipt)
	_, err := e.domain.Verify(&cr.Receipt, cr.ProviderSignature[:], s.Signer())
	require.NoError(t, err)

	status, code, _ = errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, 409, status)
	require.Equal(t, wire.CodeSessionClosed, code)
	status, code, _ = errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: ok, UserSignature: sign(ok, nil)}))
	require.Equal(t, 409, status)
	require.Equal(t, wire.CodeSessionClosed, code)
}

func TestTimeBudgetAndIdleClose(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	s, ts := newServer(t, e, up, func(c *server.Config) { c.IdleTimeout = 300 * time.Millisecond })
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Sweep(ctx)

	// maxSeconds = 1: the upstream answers "slow" only when released, which this test never does, so only
	// the budget can end the request; the next one is refused.
	c := e.client(t, ts, "slow:v1", 1)
	readAll(t, c.chat("slow:v1", false))
	require.Zero(t, up.slowEnd.Load(), "request not cut at the session budget")
	status, code, _ := errorOf(t, c.chat("slow:v1", false))
	require.Contains(t, []int{403, 409}, status) // budget used up, or already closed as idle
	require.Contains(t, []string{wire.CodeExpired, wire.CodeSessionClosed}, code)

	// Idle: closed by the sweeper after IdleTimeout.
	c2 := e.client(t, ts, "fast:v1", 60)
	readAll(t, c2.chat("fast:v1", false))
	require.Eventually(t, func() bool { return s.Sessions().Open() == 0 }, 5*time.Second, 20*time.Millisecond)
	status, code, _ = errorOf(t, c2.chat("fast:v1", false))
	require.Equal(t, 409, status)
	require.Equal(t, wire.CodeSessionClosed, code)
}

func TestGracefulShutdownFinishesStreams(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	s, err := server.New(server.Config{Domain: e.domain, Provider: e.owner, SignerKey: devnet.DevKey(4), Routers: e.routers,
		UpstreamURL: up.URL + "/v1", Models: models, Logger: zaptest.NewLogger(t)})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- s.Run(ctx, ln, 10*time.Second) }()

	user, _ := crypto.GenerateKey()
	c := newClient(t, e.domain, "http://"+ln.Addr().String(), user,
		newTicket(e.domain, e.owner, crypto.PubkeyToAddress(user.PublicKey), "slow:v1", 60, time.Now().Add(time.Hour)), devnet.DevKey(1))
	got := c.chatAsync("slow:v1", true)
	require.Eventually(t, func() bool { f, _ := s.Sessions().Capacity(crypto.Keccak256Hash([]byte("slow:v1"))); return f == 0 },
		5*time.Second, 10*time.Millisecond)
	cancel() // shutdown starts while the stream waits on the upstream
	// Shutdown has begun once the listener is closed: new connections are refused.
	require.Eventually(t, func() bool {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			return true
		}
		conn.Close()
		return false
	}, 10*time.Second, 5*time.Millisecond)
	up.release <- struct{}{}
	res := <-got
	require.NoError(t, res.err)
	require.Contains(t, res.body, "data: [DONE]", "stream in flight was not finished")
	require.NoError(t, <-runErr)
	require.Zero(t, s.Sessions().Open(), "open sessions closed at shutdown")
}

func decodeHeader(h string) ([]byte, error) { return base64Raw.DecodeString(h) }

// TestSessionKeySigns: with a ticket that names a session key (PROTOCOL §6 v2), requests and the receipt
// must be signed by that key; the user's own wallet key, or any other key, is refused.
func TestSessionKeySigns(t *testing.T) {
	e := setup(t)
	_, ts := newServer(t, e, newUpstream(t), nil)
	user, _ := crypto.GenerateKey()
	sk, _ := crypto.GenerateKey()
	tk := newTicket(e.domain, e.owner, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour))
	tk = withSessionKey(tk, crypto.PubkeyToAddress(sk.PublicKey))
	c := newClient(t, e.domain, ts.URL, user, tk, devnet.DevKey(1))

	status, code, msg := errorOf(t, c.chat("fast:v1", false)) // signed by the user's wallet key
	require.Equal(t, 403, status)
	require.Equal(t, wire.CodeBadSignature, code)
	require.Contains(t, msg, "session's key is "+tk.SessionKey.Hex())

	c.signAs = sk
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode)

	closeURL := ts.URL + "/v1/sessions/" + tk.SessionID.Hex() + "/close"
	rc := eip712.UsageReceipt{SessionID: tk.SessionID, Seconds: 1, InputTokens: 11, OutputTokens: 7}
	byUser, _ := e.domain.Sign(&rc, user)
	status, code, _ = errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: rc, UserSignature: &byUser}))
	require.Equal(t, 401, status, "the user's wallet key does not sign a session-key session's receipt")
	require.Equal(t, wire.CodeBadSignature, code)
	byKey, _ := e.domain.Sign(&rc, sk)
	resp = postJSON(t, closeURL, wire.CloseRequest{Receipt: rc, UserSignature: &byKey})
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode)
}

// Unknown paths and wrong methods get the §9 envelope (404 not_found, 405 method_not_allowed).
func TestUnroutedRequestsGetTheEnvelope(t *testing.T) {
	e := setup(t)
	_, ts := newServer(t, e, newUpstream(t), nil)
	wiretest.RequireEnvelopes(t, ts.URL,
		wiretest.NotAllowed("GET", "/v1/chat/completions", "POST"),
		wiretest.NotAllowed("DELETE", "/v1/models", "GET, HEAD"),
		wiretest.NotFound("POST", "/v1/audio/speech"))
}
