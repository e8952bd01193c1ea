package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestCORS: a page on an allowed origin may preflight and call exactly the chat completions and the close
// (with the three authentication headers); a refusal keeps its §9 envelope and carries the CORS header so
// the page can read it, and the answer exposes the ticket acceptance; other origins and other endpoints get no CORS header, and liveness, models and
// metrics are not offered at all.
func TestCORS(t *testing.T) {
	const page = "https://chat.example.org"
	p := newOffChainProvider(t, server.Model{Name: "m:1", Upstream: "m1"}, func(c *server.Config) { c.CORSOrigins = []string{page, "http://127.0.0.1:8080"} })
	preflight := func(path, origin, method string) *http.Response {
		req, _ := http.NewRequest(http.MethodOptions, p.ts.URL+path, nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", method)
		req.Header.Set("Access-Control-Request-Headers", "content-type,x-lt-ticket,x-lt-request,x-lt-signature,x-lt-rfc")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp
	}
	for _, path := range []string{"/v1/chat/completions", "/v1/sessions/0x01/close"} {
		resp := preflight(path, page, "POST")
		require.Equal(t, http.StatusNoContent, resp.StatusCode, path)
		require.Equal(t, page, resp.Header.Get("Access-Control-Allow-Origin"))
		require.Equal(t, "POST", resp.Header.Get("Access-Control-Allow-Methods"))
		for _, h := range []string{"Content-Type", wire.HeaderTicket, wire.HeaderRequest, wire.HeaderSignature, wire.HeaderRFC} {
			require.Contains(t, resp.Header.Get("Access-Control-Allow-Headers"), h)
		}
	}
	for _, c := range []struct{ path, origin, method string }{
		{"/v1/chat/completions", "https://evil.example", "POST"},
		{"/v1/liveness", page, "POST"},
		{"/v1/models", page, "GET"},
		{"/metrics", page, "GET"},
	} {
		resp := preflight(c.path, c.origin, c.method)
		require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "%+v", c)
		require.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "%+v", c)
	}

	// A signed chat request from the page's origin streams with the CORS header.
	s := p.session(t, "m:1", p.routerKey)
	req := s.build("POST", "/v1/chat/completions", chatRequestBody("m:1", true), 0)
	req.Header.Set("Origin", page)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, 200, resp.StatusCode)
	require.Equal(t, page, resp.Header.Get("Access-Control-Allow-Origin"))
	require.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream"))
	// The page may read the provider's ticket acceptance, which its close at the router carries.
	require.NotEmpty(t, resp.Header.Get(wire.HeaderTicketAcceptance))
	require.Contains(t, resp.Header.Get("Access-Control-Expose-Headers"), wire.HeaderTicketAcceptance)
	readAll(t, resp)

	// A refusal: the same §9 envelope as without Origin, plus the header.
	bad := func(origin string) *http.Response {
		req, _ := http.NewRequest("POST", p.ts.URL+"/v1/chat/completions", strings.NewReader("{}"))
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		return resp
	}
	withOrigin, without := bad(page), bad("")
	code1, c1, m1 := errorOf(t, withOrigin)
	code2, c2, m2 := errorOf(t, without)
	require.Equal(t, []any{code2, c2, m2}, []any{code1, c1, m1})
	require.Equal(t, page, withOrigin.Header.Get("Access-Control-Allow-Origin"))
	require.Empty(t, without.Header.Get("Access-Control-Allow-Origin"))

	// CORS off: no preflight answer at all.
	off := newOffChainProvider(t, server.Model{Name: "m:1", Upstream: "m1"}, nil)
	req, _ = http.NewRequest(http.MethodOptions, off.ts.URL+"/v1/chat/completions", nil)
	req.Header.Set("Origin", page)
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
	require.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"))
}
