package gateway

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"testing/iotest"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestParseRequest: each endpoint needs a JSON object with a market model and its input member; the
// refusal names the member at fault (OpenAI's "param").
func TestParseRequest(t *testing.T) {
	r, bad := parseRequest(chatEndpoint, []byte(`{"model":"llama3:8b","stream":true,"messages":[]}`))
	require.Nil(t, bad)
	require.Equal(t, apiRequest{Model: "llama3:8b", Stream: true}, r)
	r, bad = parseRequest(embeddingsEndpoint, []byte(`{"model":"nomic-embed:v1","input":["a","b"]}`))
	require.Nil(t, bad)
	require.Equal(t, apiRequest{Model: "nomic-embed:v1"}, r)
	_, bad = parseRequest(completionsEndpoint, []byte(`{"model":"llama3:8b","prompt":"Once","stream":true}`))
	require.Nil(t, bad)
	r, bad = parseRequest(chatEndpoint, []byte(` {"mod\u0065l" : "llama3:8b", "stream":false, "stream" : true, "messages":[{"content":"\"model\":1"}]}`))
	require.Nil(t, bad)
	require.Equal(t, apiRequest{Model: "llama3:8b", Stream: true}, r, "escaped keys read as a decoder does; the last member counts")
	r, bad = parseRequest(chatEndpoint, []byte(`{"model":"llama3\u003a8b","messages":[]}`))
	require.Nil(t, bad)
	require.Equal(t, "llama3:8b", r.Model, "an escaped model name reads as a decoder reads it")
	r, bad = parseRequest(chatEndpoint, []byte(`{"model":"a\"b\\c:8b","messages":[]}`))
	require.Nil(t, bad)
	require.Equal(t, `a"b\c:8b`, r.Model)
	for _, tc := range []struct {
		ep          endpoint
		body, param string
	}{
		{chatEndpoint, `nope`, ""},
		{chatEndpoint, `[1]`, ""},
		{chatEndpoint, `{"messages":[]}`, "model"},
		{chatEndpoint, `{"model":"gpt-4o","messages":[]}`, "model"},
		{chatEndpoint, `{"model":"llama3:8b"}`, "messages"},
		{completionsEndpoint, `{"model":"llama3:8b","messages":[]}`, "prompt"},
		{embeddingsEndpoint, `{"model":"llama3:8b","input":null}`, "input"},
		{embeddingsEndpoint, `{"model":"llama3:8b","input":"x","stream":true}`, "stream"},
		{chatEndpoint, `{"model":"llama3:8b","messages":[],"stream":"yes"}`, "stream"},
		{chatEndpoint, `{"model":["llama3:8b"],"messages":[]}`, "model"},
		{chatEndpoint, `{"model":"llama3:8b","messages":[]`, ""},
	} {
		_, bad := parseRequest(tc.ep, []byte(tc.body))
		require.NotNil(t, bad, tc.body)
		require.Equal(t, tc.param, bad.param, tc.body)
		require.NotEmpty(t, bad.msg)
	}
}

func TestErrorMapping(t *testing.T) {
	for _, tc := range []struct {
		err    error
		status int
		typ    string
		code   string
		what   failure
	}{
		{fmt.Errorf("router: rfc: %w", wire.Errorf(402, wire.CodeAllowanceExhausted, "used up")), 429, "insufficient_quota", "allowance_exhausted", giveUp},
		{wire.Errorf(404, wire.CodeUnknownModel, "x"), 404, "invalid_request_error", "model_not_found", giveUp},
		{wire.Errorf(503, wire.CodeNoProvider, "x"), 503, "server_error", "no_provider", giveUp},
		{wire.Errorf(400, "http_400", "bad params"), 400, "invalid_request_error", "http_400", giveUp},
		{wire.Errorf(409, wire.CodeSessionClosed, "closed"), 409, "invalid_request_error", "session_closed", renew},
		{wire.Errorf(403, wire.CodeExpired, "budget"), 403, "invalid_request_error", "expired", renew},
		{fmt.Errorf("%w: dial tcp: refused", client.ErrUnreachable), 502, "server_error", "unreachable", providerDie},
		{client.ErrSessionClosed, 500, "server_error", "internal", renew},
	} {
		status, typ, code := openAIStatus(tc.err)
		require.Equal(t, tc.status, status, "%v", tc.err)
		require.Equal(t, tc.typ, typ, "%v", tc.err)
		require.Equal(t, tc.code, code, "%v", tc.err)
		require.Equal(t, tc.what, classify(tc.err), "%v", tc.err)
	}
}

func newTestGateway(t *testing.T) *Gateway { return newGatewayFor(t, "http://127.0.0.1:1") }

// newGatewayFor is a gateway of a fresh key whose router is at routerURL.
func newGatewayFor(t *testing.T, routerURL string) *Gateway {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	g, err := New(Config{
		Client: &client.Client{Router: client.NewRouterClient(routerURL, nil), Domain: eip712.NewDomain(31337, [20]byte{1}), Key: key},
		RFC:    client.RFCParams{MaxPricePerSecond: uint256.NewInt(1), MaxSeconds: 100},
	})
	require.NoError(t, err)
	return g
}

// The gateway's own answers (no router or provider involved) are OpenAI-shaped.
func TestOpenAIErrorsWithoutMarket(t *testing.T) {
	g := newTestGateway(t)
	h := g.Handler()
	for _, tc := range []struct {
		method, path, body string
		status             int
		code               string
	}{
		{"POST", "/v1/chat/completions", `{"messages":[]}`, 400, "invalid_request"},
		{"POST", "/v1/chat/completions", `{"model":"llama3:8b","messages":[]}`, 502, "unreachable"}, // router down
		{"GET", "/v1/models", "", 502, "unreachable"},
		{"POST", "/v1/embeddings", `{"model":"nomic-embed:v1"}`, 400, "invalid_request"},
		{"POST", "/v1/completions", `{"model":"llama3:8b",`, 400, "invalid_json"},
		{"POST", "/v1/embeddings", `{"model":"nomic-embed:v1","input":"x"}`, 502, "unreachable"},
		{"POST", "/v1/audio/speech", `{}`, 404, "not_found"},
		{"GET", "/v1/chat/completions", "", 405, "method_not_allowed"},
		{"DELETE", "/v1/models", "", 405, "method_not_allowed"},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, strings.NewReader(tc.body)))
		require.Equal(t, tc.status, rec.Code, tc.path)
		var env struct {
			Error struct {
				Message string  `json:"message"`
				Type    string  `json:"type"`
				Code    string  `json:"code"`
				Param   *string `json:"param"`
			} `json:"error"`
		}
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &env), rec.Body.String())
		require.Equal(t, tc.code, env.Error.Code)
		require.NotEmpty(t, env.Error.Message)
		require.NotEmpty(t, env.Error.Type)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	require.Equal(t, 200, rec.Code)

	// A body that breaks off (the client went away, or stalled past the read timeout) is a 400, not 413.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/chat/completions", iotest.ErrReader(io.ErrUnexpectedEOF)))
	require.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/v1/chat/completions", strings.NewReader(strings.Repeat(" ", DefaultMaxBodyBytes+1))))
	require.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
}

func TestSecondsMarginDefault(t *testing.T) {
	g := newTestGateway(t)
	require.Equal(t, uint32(10), g.cfg.SecondsMargin)
	require.Equal(t, DefaultIdleTimeout, g.cfg.IdleTimeout)
}

// TestCheckListen: the gateway holds the user's key, so it listens only on loopback unless told otherwise.
func TestCheckListen(t *testing.T) {
	for _, ok := range []string{"127.0.0.1:8080", "[::1]:8080", "localhost:8080", "127.0.0.2:0"} {
		require.NoError(t, CheckListen(ok, false), ok)
	}
	for _, bad := range []string{":8080", "0.0.0.0:8080", "[::]:8080", "192.168.1.5:8080", "gateway.example.com:80", "10.0.0.1:1"} {
		require.ErrorIs(t, CheckListen(bad, false), ErrRemoteListen, bad)
		require.NoError(t, CheckListen(bad, true), bad)
	}
	require.Error(t, CheckListen("no-port", false))
}

// TestBrowserPagesCannotSpend: the gateway signs with the user's key, so a web page the user visits must
// not make it open sessions: a cross-site POST (a "simple" request, text/plain, which a browser sends
// without asking first) carries the page's Origin, and a page whose name was rebound to 127.0.0.1 (DNS
// rebinding) sends its own name as Host. Both are refused with 403 before the router hears of them;
// local clients (no Origin, or a loopback one; Host the loopback address or localhost) go on.
func TestBrowserPagesCannotSpend(t *testing.T) {
	var rfcs atomic.Int64
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rfcs.Add(1)
		http.Error(w, `{"error":{"code":"no_provider","message":"none"}}`, http.StatusServiceUnavailable)
	}))
	defer router.Close()
	gw := httptest.NewServer(newGatewayFor(t, router.URL).Handler())
	defer gw.Close()
	port := gw.URL[strings.LastIndexByte(gw.URL, ':'):]

	post := func(host, origin string) int {
		req, err := http.NewRequest(http.MethodPost, gw.URL+"/v1/chat/completions",
			strings.NewReader(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "text/plain")
		if host != "" {
			req.Host = host
		}
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		_ = resp.Body.Close()
		return resp.StatusCode
	}
	for _, tc := range []struct{ host, origin string }{
		{"", "https://evil.example"},
		{"", "null"},
		{"", "http://127.0.0.1.evil.example" + port},
		{"evil.example" + port, ""},
		{"evil.example" + port, "http://evil.example" + port},
		{"localhost.evil.example" + port, ""},
	} {
		require.Equal(t, http.StatusForbidden, post(tc.host, tc.origin), "%+v", tc)
	}
	require.Zero(t, rfcs.Load(), "a refused request reached the router")
	for _, tc := range []struct{ host, origin string }{
		{"", ""},
		{"localhost" + port, ""},
		{"127.0.0.1" + port, "http://localhost:3000"},
		{"[::1]" + port, "http://127.0.0.1" + port},
	} {
		require.Equal(t, http.StatusServiceUnavailable, post(tc.host, tc.origin), "%+v", tc)
	}
	require.EqualValues(t, 4, rfcs.Load(), "each local request signs an RFC")
}
