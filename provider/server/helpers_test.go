package server_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// upstream is the stand-in OpenAI-compatible server (the only test double). Model names select behaviour:
//
//	"fast"       answers at once; streams 5 chunks and a usage chunk when asked for it
//	"nousage"    streams 4 content chunks and never reports usage
//	"inflated"   answers, or streams, no text with a usage object claiming 17,700 completion tokens
//	"slow"       waits on release (or the request's end) before answering
//	"err429"     429 with an OpenAI error body and Retry-After
//	"err503"     503 with an ollama-style {"error": "..."} body
type upstream struct {
	*httptest.Server
	release chan struct{}
	slowEnd atomic.Int64 // "slow" requests answered after a release
	mu      sync.Mutex
	bodies  []map[string]any
	paths   []string
	framing []string // each request's framing: "length <n>" or "chunked", with " expect" for Expect: 100-continue
}

func newUpstream(t testing.TB) *upstream {
	t.Helper()
	u := &upstream{release: make(chan struct{})}
	u.Server = httptest.NewServer(http.HandlerFunc(u.serve))
	t.Cleanup(u.Close)
	return u
}

// requests is how many requests the upstream has received so far.
func (u *upstream) requests() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return len(u.bodies)
}

func (u *upstream) lastPath() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.paths[len(u.paths)-1]
}

func (u *upstream) lastFraming() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.framing[len(u.framing)-1]
}

func (u *upstream) lastBody() map[string]any {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.bodies[len(u.bodies)-1]
}

func (u *upstream) serve(w http.ResponseWriter, r *http.Request) {
	var req map[string]any
	_ = json.NewDecoder(r.Body).Decode(&req)
	framing := fmt.Sprintf("length %d", r.ContentLength)
	if len(r.TransferEncoding) > 0 {
		framing = "chunked"
	}
	if r.Header.Get("Expect") != "" {
		framing += " expect"
	}
	u.mu.Lock()
	u.bodies = append(u.bodies, req)
	u.paths = append(u.paths, r.URL.Path)
	u.framing = append(u.framing, framing)
	u.mu.Unlock()
	model, _ := req["model"].(string)
	stream, _ := req["stream"].(bool)
	if strings.HasSuffix(r.URL.Path, "/embeddings") {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"object":"list","model":"`+model+`","data":[{"object":"embedding","index":0,"embedding":[0.25,-0.5]}],"usage":{"prompt_tokens":4,"total_tokens":4}}`)
		return
	}
	switch model {
	case "err429":
		w.Header().Set("Retry-After", "7")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(429)
		io.WriteString(w, `{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}`)
		return
	case "err503":
		w.WriteHeader(503)
		io.WriteString(w, `{"error":"model is loading"}`)
		return
	case "slow":
		select {
		case <-u.release:
			u.slowEnd.Add(1)
		case <-r.Context().Done():
			return
		}
	}
	if model == "inflated" {
		if !stream {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":1,"completion_tokens":17700}}`)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":17700}}\n\ndata: [DONE]\n\n")
		return
	}
	if !stream {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"x","object":"chat.completion","model":"`+model+`","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there"},"finish_reason":"stop"}],"usage":{"prompt_tokens":11,"completion_tokens":7,"total_tokens":18}}`)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	fl := w.(http.Flusher)
	n := 5
	switch model {
	case "nousage":
		n = 4
	case "bench":
		n = 500
	}
	io.WriteString(w, `data: {"choices":[{"delta":{"role":"assistant","content":""}}]}`+"\n\n")
	for i := range n {
		_, _ = w.Write(chunk(i))
		fl.Flush()
	}
	opts, _ := req["stream_options"].(map[string]any)
	if model != "nousage" && opts["include_usage"] == true {
		// Names the upstream's model, split across two writes so the provider's rename must join them.
		io.WriteString(w, `data: {"model":"`+model[:1])
		fl.Flush()
		io.WriteString(w, model[1:]+`","choices":[],"usage":{"prompt_tokens":13,"completion_tokens":5,"total_tokens":18}}`+"\n\n")
	}
	io.WriteString(w, "data: [DONE]\n\n")
}

// chunks are the upstream's content chunks, rendered once so that the stand-in upstream costs both sides
// of the benchmark as little as possible.
var chunks = func() [][]byte {
	out := make([][]byte, 500)
	for i := range out {
		out[i] = fmt.Appendf(nil, "data: {\"choices\":[{\"delta\":{\"content\":\"tok%d \"}}]}\n\n", i)
	}
	return out
}()

func chunk(i int) []byte { return chunks[i%len(chunks)] }

// client is a user with a session ticket.
type client struct {
	t       testing.TB
	domain  *eip712.Domain
	base    string
	user    *ecdsa.PrivateKey
	ticket  eip712.SessionTicket
	router  common.Address // the ticket's signer
	header  string
	seq     uint64
	signAs  *ecdsa.PrivateKey // overrides user for request signatures
	timeOff int64
	rfc     string // X-LT-RFC sent with every request ("": none)
}

// rfcs holds the RFC each newTicket follows from, by session id (signed by the user's key in newClient).
var rfcs sync.Map // common.Hash → testRFC

// testRFC is an RFC newTicket made, with the domain its session id was derived under.
type testRFC struct {
	rfc    eip712.RFC
	domain *eip712.Domain
}

// newTicket is a ticket that follows from an RFC of user's (settle.TicketOfRFC) whose bounds are generous
// (any price, any maxSeconds), so a test may change the ticket's price or seconds and still present it
// with its RFC; the RFC is kept in rfcs for newClient and rfcOf. A test that changes the ticket's session
// key calls withSessionKey instead of setting it.
func newTicket(d *eip712.Domain, provider, user common.Address, model string, maxSeconds uint32, notAfter time.Time) eip712.SessionTicket {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	rfc := eip712.RFC{User: user, ModelID: crypto.Keccak256Hash([]byte(model)), MaxPricePerSecond: *new(uint256.Int).Lsh(uint256.NewInt(1), 200),
		MaxSeconds: 1<<32 - 1, Nonce: binary.BigEndian.Uint64(nonce[:]), Deadline: uint64(time.Now().Unix()) + 300}
	return ticketOf(d, rfc, provider, maxSeconds, notAfter)
}

// ticketOf is the ticket of rfc for provider under d (recorded in rfcs).
func ticketOf(d *eip712.Domain, rfc eip712.RFC, provider common.Address, maxSeconds uint32, notAfter time.Time) eip712.SessionTicket {
	id := eip712.SessionID(d.Digest(&rfc), provider)
	rfcs.Store(id, testRFC{rfc, d})
	return eip712.SessionTicket{SessionID: id, User: rfc.User, Provider: provider, ModelID: rfc.ModelID,
		PricePerSecond: *uint256.NewInt(1e9), MaxSeconds: maxSeconds, NotAfter: uint64(notAfter.Unix()), SessionKey: rfc.SessionKey}
}

// withSessionKey is tk with its RFC (and so its session id) naming session key k.
func withSessionKey(tk eip712.SessionTicket, k common.Address) eip712.SessionTicket {
	v, _ := rfcs.Load(tk.SessionID)
	r := v.(testRFC)
	rfc := r.rfc
	rfc.SessionKey = k
	out := ticketOf(r.domain, rfc, tk.Provider, tk.MaxSeconds, time.Unix(int64(tk.NotAfter), 0))
	out.PricePerSecond = tk.PricePerSecond
	return out
}

// rfcOf is the RFC ticket tk follows from, signed by user under d: the X-LT-RFC an honest client sends.
func rfcOf(t testing.TB, d *eip712.Domain, tk *eip712.SessionTicket, user *ecdsa.PrivateKey) *eip712.SignedRFC {
	t.Helper()
	v, ok := rfcs.Load(tk.SessionID)
	if !ok {
		t.Fatalf("no RFC for session %s (make tickets with newTicket)", tk.SessionID)
	}
	rfc := v.(testRFC).rfc
	sig, err := d.Sign(&rfc, user)
	if err != nil {
		t.Fatal(err)
	}
	return &eip712.SignedRFC{RFC: rfc, Signature: sig}
}

func newClient(t testing.TB, d *eip712.Domain, base string, user *ecdsa.PrivateKey, tk eip712.SessionTicket, routerKey *ecdsa.PrivateKey) *client {
	t.Helper()
	sig, err := d.Sign(&tk, routerKey)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(eip712.SignedSessionTicket{Ticket: tk, Signature: sig})
	if err != nil {
		t.Fatal(err)
	}
	c := &client{t: t, domain: d, base: base, user: user, ticket: tk, router: crypto.PubkeyToAddress(routerKey.PublicKey),
		header: base64.RawURLEncoding.EncodeToString(raw)}
	if _, ok := rfcs.Load(tk.SessionID); ok {
		if c.rfc, err = wire.EncodeRFC(rfcOf(t, d, &tk, user)); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

// do sends one signed request with the next seq (or seq when > 0).
func (c *client) do(method, path, body string, seq uint64) *http.Response {
	c.t.Helper()
	resp, err := http.DefaultClient.Do(c.build(method, path, body, seq))
	if err != nil {
		c.t.Fatal(err)
	}
	return resp
}

// build signs a request with the next seq (or seq when > 0) without sending it.
func (c *client) build(method, path, body string, seq uint64) *http.Request {
	c.t.Helper()
	if seq == 0 {
		c.seq++
		seq = c.seq
	}
	unix := uint64(time.Now().Unix() + c.timeOff)
	text := wire.RequestText(c.domain.ChainID(), c.ticket.SessionID, seq, unix, method, path, []byte(body))
	key := c.user
	if c.signAs != nil {
		key = c.signAs
	}
	sig, err := eip712.Sign(wire.RequestDigest(text), key)
	if err != nil {
		c.t.Fatal(err)
	}
	req, _ := http.NewRequest(method, c.base+path, strings.NewReader(body))
	req.Header.Set(wire.HeaderTicket, c.header)
	req.Header.Set(wire.HeaderRequest, strconv.FormatUint(seq, 10)+"."+strconv.FormatUint(unix, 10))
	req.Header.Set(wire.HeaderSignature, hexutil.Encode(sig[:]))
	if c.rfc != "" {
		req.Header.Set(wire.HeaderRFC, c.rfc)
	}
	return req
}

func (c *client) chat(model string, stream bool) *http.Response {
	c.t.Helper()
	return c.do("POST", "/v1/chat/completions", chatRequestBody(model, stream), 0)
}

func chatRequestBody(model string, stream bool) string {
	return fmt.Sprintf(`{"model":%q,"stream":%v,"messages":[{"role":"user","content":"Say hello"}]}`, model, stream)
}

// chatAsync sends a chat request (signed here, on the test's goroutine) from another goroutine, where
// t.Fatal must not be called, and delivers its reply on the channel returned.
func (c *client) chatAsync(model string, stream bool) <-chan reply {
	c.t.Helper()
	req := c.build("POST", "/v1/chat/completions", chatRequestBody(model, stream), 0)
	out := make(chan reply, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			out <- reply{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		out <- reply{resp.StatusCode, string(b), err, resp.Header}
	}()
	return out
}

// reply is an answer read by chatAsync.
type reply struct {
	status int
	body   string
	err    error
	header http.Header
}

// errorOf reads {"error": {"code", "message"}}.
// requireRateLimited fails t unless resp is a 429 rate_limited with a positive Retry-After.
func requireRateLimited(t testing.TB, resp *http.Response) {
	t.Helper()
	retry, err := strconv.Atoi(resp.Header.Get("Retry-After"))
	require.NoError(t, err, "Retry-After %q", resp.Header.Get("Retry-After"))
	require.Positive(t, retry)
	status, code, _ := errorOf(t, resp)
	require.Equal(t, http.StatusTooManyRequests, status)
	require.Equal(t, wire.CodeRateLimited, code)
}

func errorOf(t testing.TB, resp *http.Response) (int, string, string) {
	t.Helper()
	defer resp.Body.Close()
	var env struct {
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}
	raw, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(raw, &env); err != nil {
		t.Fatalf("status %d, body %q is not an error envelope", resp.StatusCode, raw)
	}
	return resp.StatusCode, env.Error.Code, env.Error.Message
}

func readAll(t testing.TB, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func postJSON(t testing.TB, url string, v any) *http.Response {
	t.Helper()
	raw, _ := json.Marshal(v)
	resp, err := http.Post(url, "application/json", bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// staticRouters is a fixed RouterAuthority for the benchmarks (no chain there).
type staticRouters map[common.Address]bool

func (s staticRouters) IsRouter(_ context.Context, a common.Address) (bool, error) { return s[a], nil }

var _ server.RouterAuthority = staticRouters{}

var base64Raw = base64.RawURLEncoding

func encodeHeader(t testing.TB, st eip712.SignedSessionTicket) string {
	t.Helper()
	raw, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	return base64.RawURLEncoding.EncodeToString(raw)
}

// offChainProvider is a provider with fresh keys in front of the stand-in upstream, whose one router is a
// stand-in key (staticRouters: no chain): the flood rig and the proxy benchmark run on it.
type offChainProvider struct {
	ts        *httptest.Server
	srv       *server.Server
	up        *upstream
	domain    *eip712.Domain
	owner     common.Address
	routerKey *ecdsa.PrivateKey
}

// newOffChainProvider starts it serving model (upstream name model.Upstream); mod, when set, changes the
// configuration first (rate limits).
func newOffChainProvider(tb testing.TB, model server.Model, mod func(*server.Config)) *offChainProvider {
	tb.Helper()
	p := &offChainProvider{up: newUpstream(tb)}
	p.routerKey, _ = crypto.GenerateKey()
	ownerKey, _ := crypto.GenerateKey()
	signerKey, _ := crypto.GenerateKey()
	p.owner = crypto.PubkeyToAddress(ownerKey.PublicKey)
	p.domain = eip712.NewDomain(31337, crypto.PubkeyToAddress(p.routerKey.PublicKey))
	cfg := server.Config{Domain: p.domain, Provider: p.owner, SignerKey: signerKey,
		Routers:     staticRouters{crypto.PubkeyToAddress(p.routerKey.PublicKey): true},
		UpstreamURL: p.up.URL + "/v1", Models: []server.Model{model}, Logger: zap.NewNop()}
	if mod != nil {
		mod(&cfg)
	}
	s, err := server.New(cfg)
	if err != nil {
		tb.Fatal(err)
	}
	p.srv = s
	p.ts = httptest.NewServer(s.Handler())
	tb.Cleanup(p.ts.Close)
	return p
}

// session is a fresh user's client of an hour-long session on model whose ticket ticketKey signed: the
// stand-in router's key for an honest session, any other for a forged one.
func (p *offChainProvider) session(tb testing.TB, model string, ticketKey *ecdsa.PrivateKey) *client {
	user, _ := crypto.GenerateKey()
	tk := newTicket(p.domain, p.owner, crypto.PubkeyToAddress(user.PublicKey), model, 1<<30, time.Now().Add(time.Hour))
	return newClient(tb, p.domain, p.ts.URL, user, tk, ticketKey)
}
