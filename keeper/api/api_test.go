package api_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// Unknown paths and wrong methods get the §9 envelope, not the mux's plain text. These requests never
// reach the ledger, so none is needed.
func TestUnroutedRequestsGetTheEnvelope(t *testing.T) {
	srv := httptest.NewServer(api.New(nil, nil, nil).Handler())
	defer srv.Close()
	wiretest.RequireEnvelopes(t, srv.URL,
		wiretest.NotAllowed("POST", "/v1/epochs", "GET, HEAD"),
		wiretest.NotAllowed("PUT", "/v1/proofs/0xabc", "GET, HEAD"),
		wiretest.NotFound("GET", "/v1/nothing"))
}

// TestRejectedBadQuery: GET /v1/rejected's cursor and limit are integers (after ≥ 0, limit 1–1000); anything
// else is a 400 bad_request, never read as 0 or the default page, which a client would take for the
// answer it asked for. These requests never reach the ledger, so none is needed.
func TestRejectedBadQuery(t *testing.T) {
	srv := httptest.NewServer(api.New(nil, nil, nil).Handler())
	defer srv.Close()
	for _, q := range []string{"after=abc", "after=-1", "after=1e3", "after=99999999999999999999", "limit=0", "limit=-5",
		"limit=1001", "limit=ten", "limit=1.5", "after=&limit=2x"} {
		resp, err := http.Get(srv.URL + "/v1/rejected?" + q)
		require.NoError(t, err, q)
		var env struct{ Error *wire.Error }
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&env), q)
		resp.Body.Close()
		require.Equal(t, http.StatusBadRequest, resp.StatusCode, q)
		require.NotNil(t, env.Error, q)
		require.Equal(t, wire.CodeBadRequest, env.Error.Code, q)
	}
}
