package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestBadInputSaysWhatToSend: what a newcomer trying the provider's API by hand gets back says what to send,
// readable in a terminal (no HTML escapes): a chat request with no X-LT-Request header names it and the
// clients that sign it; a liveness body that is not JSON shows the body's form.
func TestBadInputSaysWhatToSend(t *testing.T) {
	addr := runServer(t, nil)
	send := func(path, body string, header map[string]string) (int, string, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, "http://"+addr+path, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("Content-Type", "application/json")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		e := wire.DecodeError(resp, raw)
		return resp.StatusCode, e.Code, string(raw)
	}

	status, code, raw := send("/v1/chat/completions", `{"model":"fast:v1","messages":[]}`, map[string]string{wire.HeaderTicket: "garbage"})
	require.Equal(t, http.StatusUnauthorized, status, raw)
	require.Equal(t, wire.CodeUnauthorized, code)
	require.Contains(t, raw, "missing "+wire.HeaderRequest+" header (<seq>.<unix seconds>, signed by the session key)")
	require.Contains(t, raw, "lt gateway")

	status, code, raw = send("/v1/liveness", `{bad`, nil)
	require.Equal(t, http.StatusBadRequest, status, raw)
	require.Equal(t, wire.CodeBadRequest, code)
	require.Contains(t, raw, `liveness body must be JSON {\"challenge\": \"0x<64 hex digits>\"`)
}
