package api_test

import (
	"net/http/httptest"
	"testing"

	"github.com/laketravis/laketravis/keeper/api"
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
