package cors_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/cors"
	"github.com/laketravis/laketravis/protocol/wire"
)

func service() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/rfc", func(w http.ResponseWriter, r *http.Request) {
		wire.WriteError(w, wire.Errorf(http.StatusForbidden, wire.CodeAllowanceExhausted, "allowance used up"))
	})
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, r *http.Request) {
		wire.WriteJSON(w, 200, map[string]any{"models": []any{}})
	})
	mux.HandleFunc("POST /v1/admin/x", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(204) })
	return wire.Routes(mux, nil)
}

var policy = cors.Policy{
	Routes:  []cors.Route{{Path: "/v1/rfc", Methods: []string{"POST"}}, {Path: "/v1/models", Methods: []string{"GET"}}},
	Headers: []string{"Content-Type", "X-LT-Ticket"},
	Expose:  []string{"Retry-After"},
}

func do(h http.Handler, method, path string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestPreflightAndRequests(t *testing.T) {
	p := policy
	p.Origins = []string{"https://chat.example.org", "http://127.0.0.1:8080"}
	h := cors.Handler(p, service())
	plain := service()

	// Preflight from an allowed origin to a listed endpoint: 204 with exactly what the page may do.
	rec := do(h, "OPTIONS", "/v1/rfc", "Origin", "https://chat.example.org", "Access-Control-Request-Method", "POST",
		"Access-Control-Request-Headers", "content-type")
	require.Equal(t, http.StatusNoContent, rec.Code)
	require.Equal(t, "https://chat.example.org", rec.Header().Get("Access-Control-Allow-Origin"))
	require.Equal(t, "POST", rec.Header().Get("Access-Control-Allow-Methods"))
	require.Equal(t, "Content-Type, X-LT-Ticket", rec.Header().Get("Access-Control-Allow-Headers"))
	require.Equal(t, "600", rec.Header().Get("Access-Control-Max-Age"))
	require.Contains(t, rec.Header().Values("Vary"), "Origin")
	require.Empty(t, rec.Body.String())

	// The actual request: the service's answer, its §9 envelope byte for byte, plus the CORS headers.
	rec = do(h, "POST", "/v1/rfc", "Origin", "http://127.0.0.1:8080")
	want := do(plain, "POST", "/v1/rfc")
	require.Equal(t, want.Code, rec.Code)
	require.Equal(t, want.Body.String(), rec.Body.String())
	require.Equal(t, "http://127.0.0.1:8080", rec.Header().Get("Access-Control-Allow-Origin"))
	require.Equal(t, "Retry-After", rec.Header().Get("Access-Control-Expose-Headers"))
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))

	// Denied: another origin, an endpoint not listed, no Origin at all: exactly the service's answer,
	// without a CORS header (the preflight gets the service's §9 405, so the browser refuses).
	for _, c := range []struct{ method, path, origin string }{
		{"OPTIONS", "/v1/rfc", "https://evil.example"},
		{"POST", "/v1/rfc", "https://evil.example"},
		{"OPTIONS", "/v1/admin/x", "https://chat.example.org"},
		{"POST", "/v1/admin/x", "https://chat.example.org"},
		{"GET", "/v1/nope", "https://chat.example.org"},
		{"POST", "/v1/rfc", ""},
		{"OPTIONS", "/v1/rfc", ""},
	} {
		hdr := []string{"Access-Control-Request-Method", "POST"}
		if c.origin != "" {
			hdr = append(hdr, "Origin", c.origin)
		}
		rec := do(h, c.method, c.path, hdr...)
		want := do(plain, c.method, c.path, hdr...)
		require.Equal(t, want.Code, rec.Code, "%+v", c)
		require.Equal(t, want.Body.String(), rec.Body.String(), "%+v", c)
		require.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"), "%+v", c)
		wiretestEnvelope(t, rec)
	}
	// A preflight of an endpoint not listed is the service's own §9 405.
	rec = do(h, "OPTIONS", "/v1/admin/x", "Origin", "https://chat.example.org", "Access-Control-Request-Method", "POST")
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
}

// wiretestEnvelope checks a non-2xx answer is a §9 envelope.
func wiretestEnvelope(t *testing.T, rec *httptest.ResponseRecorder) {
	t.Helper()
	if rec.Code < 400 {
		return
	}
	e := wire.DecodeError(&http.Response{StatusCode: rec.Code}, rec.Body.Bytes())
	require.NotContains(t, e.Code, "http_", "not a §9 envelope: %s", rec.Body)
}

func TestAnyOriginAndOff(t *testing.T) {
	p := policy
	p.Origins = []string{cors.Any}
	h := cors.Handler(p, service())
	rec := do(h, "GET", "/v1/models", "Origin", "https://anyone.example")
	require.Equal(t, 200, rec.Code)
	require.Equal(t, "*", rec.Header().Get("Access-Control-Allow-Origin"))

	p.Origins = nil
	h = cors.Handler(p, service())
	rec = do(h, "OPTIONS", "/v1/models", "Origin", "https://anyone.example", "Access-Control-Request-Method", "GET")
	require.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	require.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"))
}

func TestCheckOrigins(t *testing.T) {
	require.NoError(t, cors.CheckOrigins([]string{"*", "https://a.example", "http://127.0.0.1:8080"}))
	for _, bad := range []string{"a.example", "https://a.example/", "https://a.example/chat", "ftp://a.example", "https://", "https://a.example?x=1", "https://u@a.example"} {
		require.Error(t, cors.CheckOrigins([]string{bad}), bad)
	}
}
