// Package wiretest is test support for services answering through wire.Routes: it sends requests no route
// matches (or whose path is not in canonical form) and checks each gets the PROTOCOL §9 envelope (404
// not_found, 405 method_not_allowed with the Allow header), never a redirect, so every service tests that
// rule with the same assertions. ProveKey stands in for a router proving its key (POST /v1/liveness). Tests
// only.
package wiretest

import (
	"encoding/json"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Case is one request and what must come back: the status and, when Code is set, a JSON envelope with
// that code naming the path and exactly Allow in the Allow header (empty: none).
type Case struct {
	Method, Path string
	Status       int
	Code, Allow  string
}

// NotFound is a request for a path the service does not serve.
func NotFound(method, path string) Case {
	return Case{Method: method, Path: path, Status: http.StatusNotFound, Code: wire.CodeNotFound}
}

// NotAllowed is a request with a method the path is not served under; allow is the Allow header the
// answer must carry (the methods it is served under).
func NotAllowed(method, path, allow string) Case {
	return Case{Method: method, Path: path, Status: http.StatusMethodNotAllowed, Code: wire.CodeMethodNotAllowed, Allow: allow}
}

// Uncanonical is served (a path served under method) in forms that are not canonical: a doubled slash, a
// "." and a ".." segment. http.ServeMux redirects each to served; the services answer 404 not_found.
func Uncanonical(method, served string) []Case {
	return []Case{NotFound(method, "/"+served), NotFound(method, "/."+served), NotFound(method, "/x/.."+served),
		NotFound(method, served+"/."), NotFound(method, served+"//")}
}

// noRedirects is a client that returns a redirect as the answer, so that one is never mistaken for what
// it points to.
var noRedirects = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// RequireEnvelopes sends each case to baseURL and checks the answer (a redirect is an answer, not followed).
func RequireEnvelopes(t testing.TB, baseURL string, cases ...Case) {
	t.Helper()
	for _, tc := range cases {
		req, err := http.NewRequest(tc.Method, baseURL+tc.Path, nil)
		require.NoError(t, err)
		resp, err := noRedirects.Do(req)
		require.NoError(t, err)
		var env struct {
			Error *wire.Error `json:"error"`
		}
		decodeErr := json.NewDecoder(resp.Body).Decode(&env)
		resp.Body.Close()
		require.Equal(t, tc.Status, resp.StatusCode, "%s %s", tc.Method, tc.Path)
		if tc.Code == "" {
			continue
		}
		require.NoError(t, decodeErr, "%s %s", tc.Method, tc.Path)
		require.NotNil(t, env.Error, "%s %s: no envelope", tc.Method, tc.Path)
		require.Equal(t, "application/json", resp.Header.Get("Content-Type"), "%s %s", tc.Method, tc.Path)
		require.Equal(t, tc.Code, env.Error.Code, "%s %s", tc.Method, tc.Path)
		require.Contains(t, env.Error.Message, tc.Path)
		require.Equal(t, tc.Allow, resp.Header.Get("Allow"), "%s %s", tc.Method, tc.Path)
	}
}

// Serve serves srv (a service's server as its main builds it) on a loopback port until the test ends and
// returns its base URL.
func Serve(t testing.TB, srv *http.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}
