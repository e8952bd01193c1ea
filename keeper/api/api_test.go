package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/eip712"
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

// TestEpochsPageBounded: GET /v1/epochs read every live epoch on each request (about 85 ms for a year of
// hourly epochs, on the keeper's one SQLite connection that its pipeline waits for), so one client within
// its IP rate could hold the pipeline back. It answers the newest `limit` (1–1000, default 1000) by number.
func TestEpochsPageBounded(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	require.NoError(t, err)
	defer st.Close()
	const n = 1005
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
		for i := uint64(1); i <= n; i++ {
			one := *uint256.NewInt(1)
			if _, err := tx.InsertEpoch(ctx, &store.Epoch{Number: i, State: store.StateClaimable, Total: one, Delta: one,
				OwedTotal: one, FactorN: one, FactorD: one}, nil); err != nil {
				return err
			}
		}
		return nil
	}))
	led, err := ledger.New(ledger.Config{BatchDir: t.TempDir()}, st, nil, nil, eip712.NewDomain(31337, [20]byte{1}), nil, nil, nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(led, nil, nil).Handler())
	defer srv.Close()
	get := func(q string) (int, []api.EpochView) {
		resp, err := http.Get(srv.URL + "/v1/epochs" + q)
		require.NoError(t, err)
		defer resp.Body.Close()
		var out struct{ Epochs []api.EpochView }
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		return resp.StatusCode, out.Epochs
	}
	for q, want := range map[string][2]uint64{"": {n - 999, n}, "?limit=12": {n - 11, n}, "?limit=1000": {n - 999, n}} {
		status, eps := get(q)
		require.Equal(t, http.StatusOK, status, q)
		require.Equal(t, int(want[1]-want[0]+1), len(eps), q)
		require.Equal(t, want[0], eps[0].Epoch, q)
		require.Equal(t, want[1], eps[len(eps)-1].Epoch, q)
	}
	for _, q := range []string{"?limit=0", "?limit=1001", "?limit=x"} {
		status, _ := get(q)
		require.Equal(t, http.StatusBadRequest, status, q)
	}
}
