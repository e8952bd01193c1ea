package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Unknown paths and wrong methods get the §9 envelope, not the mux's plain text. These requests never
// reach the ledger, so none is needed.
func TestUnroutedRequestsGetTheEnvelope(t *testing.T) {
	srv := httptest.NewServer(api.New(nil, nil, nil).Handler())
	defer srv.Close()
	for _, tc := range []struct {
		method, path string
		status       int
		code, allow  string
	}{
		{"POST", "/v1/epochs", http.StatusMethodNotAllowed, wire.CodeMethodNotAllowed, "GET, HEAD"},
		{"PUT", "/v1/proofs/0xabc", http.StatusMethodNotAllowed, wire.CodeMethodNotAllowed, "GET, HEAD"},
		{"GET", "/v1/nothing", http.StatusNotFound, wire.CodeNotFound, ""},
	} {
		req, err := http.NewRequest(tc.method, srv.URL+tc.path, nil)
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		var env struct {
			Error wire.Error `json:"error"`
		}
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&env), "%s %s", tc.method, tc.path)
		resp.Body.Close()
		require.Equal(t, tc.status, resp.StatusCode, "%s %s", tc.method, tc.path)
		require.Equal(t, tc.code, env.Error.Code, "%s %s", tc.method, tc.path)
		require.Equal(t, tc.allow, resp.Header.Get("Allow"))
	}
}
