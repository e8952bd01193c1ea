package api_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/cors"
	"github.com/laketravis/laketravis/router/api"
)

// TestPageCORS: with an origin list, a page on an allowed origin may preflight and call exactly
// PageRoutes; a refusal (here allowance_exhausted) is the same §9 envelope with the CORS header added;
// the settlement feed and the admin endpoints are not offered to any origin, nor anything to others.
func TestPageCORS(t *testing.T) {
	const page = "https://chat.example.org"
	e := newEnv(t, 0, []*standIn{newStandIn(t, 1)}, []uint64{10})
	hs := httptest.NewServer(cors.Handler(api.PagePolicy([]string{page}), e.srv.Handler()))
	t.Cleanup(hs.Close)
	do := func(method, path, origin string, body []byte) (*http.Response, []byte) {
		req, _ := http.NewRequest(method, hs.URL+path, bytes.NewReader(body))
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		if method == http.MethodOptions {
			req.Header.Set("Access-Control-Request-Method", "POST")
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}
	for _, path := range []string{"/v1/models", "/v1/allowance/0x0000000000000000000000000000000000000001", "/v1/rfc",
		"/v1/sessions/0x01", "/v1/sessions/0x01/close"} {
		resp, _ := do(http.MethodOptions, path, page, nil)
		require.Equal(t, http.StatusNoContent, resp.StatusCode, path)
		require.Equal(t, page, resp.Header.Get("Access-Control-Allow-Origin"), path)
		require.Equal(t, "Content-Type", resp.Header.Get("Access-Control-Allow-Headers"), path)
	}
	for _, c := range []struct{ path, origin string }{
		{"/v1/settlement/sessions", page}, {"/v1/admin/sessions/0x01/clear", page}, {"/v1/rfc", "https://evil.example"},
	} {
		resp, _ := do(http.MethodOptions, c.path, c.origin, nil)
		require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "%+v", c)
		require.Empty(t, resp.Header.Get("Access-Control-Allow-Origin"), "%+v", c)
	}

	body := e.sign(e.rfc(10, 60), domain)
	withOrigin, b1 := do("POST", "/v1/rfc", page, body)
	require.Equal(t, page, withOrigin.Header.Get("Access-Control-Allow-Origin"))
	e.nonce-- // the same RFC again, without an Origin: the same refusal, byte for byte
	without, b2 := do("POST", "/v1/rfc", "", e.sign(e.rfc(10, 60), domain))
	require.Empty(t, without.Header.Get("Access-Control-Allow-Origin"))
	require.Equal(t, http.StatusPaymentRequired, withOrigin.StatusCode)
	require.Equal(t, without.StatusCode, withOrigin.StatusCode)
	require.Equal(t, "allowance_exhausted", errCode(t, b1))
	require.Equal(t, string(b2), string(b1))
}
