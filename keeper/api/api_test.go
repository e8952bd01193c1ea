package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
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

// TestCreditsIncludeTheDisputeWindow: GET /v1/credits/{account} answers the account's cumulative credit in
// the newest root committed on-chain at the confirmation depth — in its dispute window too, which
// /v1/proofs (the newest claimable root) does not show — with when it becomes claimable; an epoch not
// confirmed yet does not count. A provider's status showed 0 committed for the whole dispute window.
// Malformed accounts, accounts without credit and a keeper with nothing committed get the §9 envelope.
func TestCreditsIncludeTheDisputeWindow(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer st.Close()
		led, err := ledger.New(ledger.Config{BatchDir: t.TempDir()}, st, nil, nil, eip712.NewDomain(31337, [20]byte{1}), nil, nil, nil)
		require.NoError(t, err)
		srv := httptest.NewServer(api.New(led, nil, nil).Handler())
		defer srv.Close()
		provider, other := common.HexToAddress("0xb1"), common.HexToAddress("0xc2")
		get := func(path string, out any) *wire.Error {
			err := wire.GetJSON(ctx, srv.URL, path, out)
			var we *wire.Error
			if err != nil {
				require.ErrorAs(t, err, &we, path)
			}
			return we
		}
		var c wire.CommittedCredit
		we := get("/v1/credits/"+provider.Hex(), &c)
		require.NotNil(t, we, "nothing committed yet")
		require.Equal(t, http.StatusNotFound, we.Status)
		require.Equal(t, wire.CodeNotFound, we.Code)

		// Epoch 1 claimable (5), epoch 2 confirmed in its dispute window (8), epoch 3 mined only (9).
		epoch := func(n uint64, amount uint64, mark func(id int64) error) {
			v := *uint256.NewInt(amount)
			var id int64
			require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
				id, err = tx.InsertEpoch(ctx, &store.Epoch{Number: n, State: store.StateAssembled, Root: common.Hash{byte(n)}, Total: v,
					Delta: v, OwedTotal: v, FactorN: v, FactorD: v}, []store.Leaf{{Account: provider, Amount: &v, Owed: &v}})
				return err
			}))
			require.NoError(t, st.MarkMined(ctx, id, common.Hash{0xa, byte(n)}, n))
			require.NoError(t, mark(id))
		}
		const claimableAt = 1_900_000_000
		epoch(1, 5, func(id int64) error {
			if err := st.MarkConfirmed(ctx, id, claimableAt-3600, common.Hash{0xa, 1}, 1); err != nil {
				return err
			}
			return st.MarkClaimable(ctx, id, "")
		})
		epoch(2, 8, func(id int64) error { return st.MarkConfirmed(ctx, id, claimableAt, common.Hash{0xa, 2}, 2) })
		epoch(3, 9, func(int64) error { return nil })

		require.Nil(t, get("/v1/credits/"+provider.Hex(), &c))
		require.Equal(t, wire.CommittedCredit{Account: provider, CumulativeAmount: uint256.NewInt(8), Epoch: 2, Root: common.Hash{2},
			ClaimableAt: claimableAt}, c, "the confirmed root in its dispute window; the mined one not yet")
		var p wire.Proof
		require.Nil(t, get("/v1/proofs/"+provider.Hex(), &p))
		require.Equal(t, uint256.NewInt(5), p.CumulativeAmount, "the claim proof stays on the claimable root")
		require.EqualValues(t, 1, p.Epoch)

		we = get("/v1/credits/"+other.Hex(), &c)
		require.NotNil(t, we)
		require.Equal(t, http.StatusNotFound, we.Status)
		require.Contains(t, we.Message, "no credit in epoch 2")
		we = get("/v1/credits/0xnot-an-address", &c)
		require.NotNil(t, we)
		require.Equal(t, http.StatusBadRequest, we.Status)
		require.Equal(t, wire.CodeBadRequest, we.Code)
	})
}
