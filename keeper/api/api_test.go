package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/internal/ratelimit"
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
// its IP rate could hold the pipeline back. It answers the newest `limit` (1–1000, default 100) by number.
// A page of it or of GET /v1/rejected costs its size in the client's rate tokens (ratelimit.PageCost):
// before, a 1000-record page took one token, as a request for one did.
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
	for q, want := range map[string][2]uint64{"": {n - 99, n}, "?limit=12": {n - 11, n}, "?limit=1000": {n - 999, n}} {
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

	// 20 tokens, none back within the test: ten default pages (one each) and a page of 1000 rejected records
	// (ten), then 429 rate_limited before anything is read.
	limited := httptest.NewServer(api.New(led, nil, nil).RateLimited(ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 20})))
	defer limited.Close()
	status := func(path string) int {
		resp, err := http.Get(limited.URL + path)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	for i := range 10 {
		require.Equal(t, http.StatusOK, status("/v1/epochs"), "default page %d", i)
	}
	require.Equal(t, http.StatusOK, status("/v1/rejected?limit=1000"), "a 1000-record page: the last 10 tokens")
	require.Equal(t, http.StatusTooManyRequests, status("/v1/epochs?limit=1"), "the bucket is spent")
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

// TestBatchByHash: a keeper commits its batch file's uri as wire.BatchPath (/v1/batches/<epoch>/<batchHash>),
// served with the bytes whose keccak256 is batchHash, cacheable for good (they never change), so a cache
// holding a vetoed commit's file never answers the recommit's uri with it (the guard would take the
// honest recommit's file for withheld). The vetoed commit's file stays at its own uri, for anyone
// re-checking the veto. An unknown hash is a 404 naming the live file, a malformed one a 400, another
// spelling of a path (upper-case hex, 0X, leading zeros, percent-encoding) a 404 naming the one path, all
// in the §9 envelope and never cached; /v1/batches/<epoch> still serves the latest file, no-store.
// batchServer is the API over a ledger with no chain, and commit, which stores a live epoch 4 whose batch
// file holds body, as the pipeline writes it, returning its row and batchHash.
func batchServer(t *testing.T) (st *store.Store, led *ledger.Ledger, base string, commit func(body string) (int64, common.Hash)) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	dir := t.TempDir()
	led, err = ledger.New(ledger.Config{BatchDir: dir}, st, nil, nil, eip712.NewDomain(31337, [20]byte{1}), nil, nil, nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(led, nil, nil).Handler())
	t.Cleanup(srv.Close)
	commit = func(body string) (int64, common.Hash) {
		one := *uint256.NewInt(1)
		var id int64
		require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
			id, err = tx.InsertEpoch(ctx, &store.Epoch{Number: 4, State: store.StateAssembled, Total: one, Delta: one,
				OwedTotal: one, FactorN: one, FactorD: one}, nil)
			return err
		}))
		path := filepath.Join(dir, fmt.Sprintf("epoch-4-%d.json", id))
		require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
		h := crypto.Keccak256Hash([]byte(body))
		require.NoError(t, st.MarkBatchWritten(ctx, id, h, path))
		return id, h
	}
	return st, led, srv.URL, commit
}

// getWith GETs url with header's name, value pairs and returns the answer and its body.
func getWith(t *testing.T, url string, header ...string) (*http.Response, []byte) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp, b
}

func TestBatchByHash(t *testing.T) {
	ctx := context.Background()
	st, led, base, commit := batchServer(t)
	get := func(path string, header ...string) (*http.Response, []byte) { return getWith(t, base+path, header...) }
	envelope := func(path string, status int, code string) string {
		resp, b := get(path)
		require.Equal(t, status, resp.StatusCode, "%s: %s", path, b)
		require.Equal(t, "no-store", resp.Header.Get("Cache-Control"), "%s: an error is never cached", path)
		require.Empty(t, resp.Header.Get("ETag"), path)
		var env struct{ Error *wire.Error }
		require.NoError(t, json.Unmarshal(b, &env), path)
		require.NotNil(t, env.Error, path)
		require.Equal(t, code, env.Error.Code, path)
		return env.Error.Message
	}

	old := `{"epoch":"4","root":"0x01"}` + "\n"
	oldID, oldHash := commit(old)
	require.Equal(t, "/v1/batches/4/"+strings.ToLower(oldHash.Hex()), wire.BatchPath(4, oldHash), "0x-hex, lowercase")
	resp, b := get(wire.BatchPath(4, oldHash))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	require.Equal(t, old, string(b))
	require.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
	require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	resp, _ = get(wire.BatchPath(4, oldHash), "If-None-Match", resp.Header.Get("ETag"))
	require.Equal(t, http.StatusNotModified, resp.StatusCode, "a cache revalidating (the guard asks no-cache) gets a 304")
	resp, b = get(wire.EpochBatchPath(4))
	require.Equal(t, old, string(b))
	require.Equal(t, "no-store", resp.Header.Get("Cache-Control"))

	// Vetoed and committed again: the new file at its own path; the vetoed one still at its own, for good.
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error { return tx.SetEpochState(ctx, oldID, store.StateVetoed) }))
	recommit := `{"epoch":"4","root":"0x02"}` + "\n"
	_, newHash := commit(recommit)
	resp, b = get(wire.BatchPath(4, newHash))
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	require.Equal(t, recommit, string(b))
	require.Equal(t, newHash, crypto.Keccak256Hash(b))
	require.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
	resp, b = get(wire.BatchPath(4, oldHash))
	require.Equal(t, http.StatusOK, resp.StatusCode, "the vetoed commit's file: %s", b)
	require.Equal(t, old, string(b))
	require.Equal(t, "public, max-age=31536000, immutable", resp.Header.Get("Cache-Control"))
	require.Equal(t, `"`+oldHash.Hex()+`"`, resp.Header.Get("ETag"))
	msg := envelope(wire.BatchPath(4, common.Hash{0xee}), http.StatusNotFound, wire.CodeNotFound)
	require.Contains(t, msg, wire.BatchPath(4, newHash), "names the file the epoch has now")
	envelope(wire.BatchPath(5, newHash), http.StatusNotFound, wire.CodeNotFound)
	envelope(wire.BatchPath(5, oldHash), http.StatusNotFound, wire.CodeNotFound)
	resp, b = get(wire.EpochBatchPath(4))
	require.Equal(t, recommit, string(b))
	require.Equal(t, "no-store", resp.Header.Get("Cache-Control"))

	// Every other spelling of a file's path is a 404 naming its one path, never cached: one URL, one
	// cache entry per file. The same for the latest file's epoch.
	for h, canon := range map[common.Hash]string{newHash: wire.BatchPath(4, newHash), oldHash: wire.BatchPath(4, oldHash)} {
		x := h.Hex()[2:]
		i := strings.IndexAny(x, "abcdef") // one letter upper-case: mixed case
		for _, other := range []string{
			"/v1/batches/4/0x" + strings.ToUpper(x),
			"/v1/batches/4/0x" + x[:i] + strings.ToUpper(x[i:i+1]) + x[i+1:],
			"/v1/batches/4/0X" + x,
			"/v1/batches/04/0x" + x,
			"/v1/batches/0004/0x" + x,
			"/v1/batches/%34/0x" + x,
			"/v1/batches/4/%30x" + x,
			"/v1/batches/4/0x" + x[:63] + "%" + fmt.Sprintf("%X", x[63]),
		} {
			msg := envelope(other, http.StatusNotFound, wire.CodeNotFound)
			require.Contains(t, msg, canon, other)
		}
	}
	for _, other := range []string{"/v1/batches/04", "/v1/batches/%34"} {
		msg := envelope(other, http.StatusNotFound, wire.CodeNotFound)
		require.Contains(t, msg, wire.EpochBatchPath(4), other)
	}

	for _, bad := range []string{"0x12", "zz", newHash.Hex()[2:], newHash.Hex() + "00", "0x" + strings.Repeat("g", 64)} {
		envelope("/v1/batches/4/"+bad, http.StatusBadRequest, wire.CodeBadRequest)
	}
	for _, bad := range []string{"x", "+4", "-4", "4.0", "0x4", "18446744073709551616"} {
		envelope("/v1/batches/"+bad+"/"+newHash.Hex(), http.StatusBadRequest, wire.CodeBadRequest)
		envelope("/v1/batches/"+bad, http.StatusBadRequest, wire.CodeBadRequest)
	}
	// The recorded file gone from disk (the batch directory lost): a 500 envelope, never cached, on both routes.
	e4, err := led.LiveEpoch(ctx, 4)
	require.NoError(t, err)
	require.NoError(t, os.Remove(e4.BatchFile))
	envelope(wire.BatchPath(4, newHash), http.StatusInternalServerError, wire.CodeInternal)
	resp, _ = get(wire.BatchPath(4, newHash))
	require.Empty(t, resp.Header.Get("ETag"))
	envelope(wire.EpochBatchPath(4), http.StatusInternalServerError, wire.CodeInternal)

	wiretest.RequireEnvelopes(t, base,
		wiretest.NotAllowed("POST", wire.BatchPath(4, newHash), "GET, HEAD"),
		wiretest.NotAllowed("POST", wire.EpochBatchPath(4), "GET, HEAD"),
		wiretest.NotFound("GET", wire.BatchPath(4, newHash)+"/more"))
}

// TestBatchFileRefusalsGetTheEnvelope: a batch file is served by http.ServeContent, which refuses a Range
// past the file's end (416) and a failed If-Match or If-Unmodified-Since (412) in plain text or with no
// body at all; anyone may send them. Each gets the §9 envelope, never cached, while a Range within the
// file is still served (206) and a whole GET still gets the file.
func TestBatchFileRefusalsGetTheEnvelope(t *testing.T) {
	_, _, base, commit := batchServer(t)
	body := `{"epoch":"4","root":"0x01"}` + "\n"
	_, h := commit(body)
	get := func(path string, header ...string) (*http.Response, []byte) { return getWith(t, base+path, header...) }
	for _, path := range []string{wire.BatchPath(4, h), wire.EpochBatchPath(4)} {
		for _, c := range []struct {
			header []string
			status int
		}{
			{[]string{"Range", "bytes=1000-"}, http.StatusRequestedRangeNotSatisfiable},
			{[]string{"If-Match", `"other"`}, http.StatusPreconditionFailed},
			{[]string{"If-Unmodified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}, http.StatusPreconditionFailed},
		} {
			resp, b := get(path, c.header...)
			what := fmt.Sprintf("%s %v: %s", path, c.header, b)
			require.Equal(t, c.status, resp.StatusCode, what)
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"), what)
			require.Equal(t, "no-store", resp.Header.Get("Cache-Control"), what)
			require.Empty(t, resp.Header.Get("ETag"), what)
			var env struct{ Error *wire.Error }
			require.NoError(t, json.Unmarshal(b, &env), what)
			require.NotNil(t, env.Error, what)
			require.Equal(t, wire.CodeBadRequest, env.Error.Code, what)
			require.NotEmpty(t, env.Error.Message, what)
		}
		resp, b := get(path, "Range", "bytes=0-8")
		require.Equal(t, http.StatusPartialContent, resp.StatusCode, path)
		require.Equal(t, body[:9], string(b), path)
		resp, b = get(path)
		require.Equal(t, http.StatusOK, resp.StatusCode, path)
		require.Equal(t, body, string(b), path)
	}
}

// claimableCounter is a ledger.Pool that has no claimable epoch and counts the chain reads asking for one.
type claimableCounter struct {
	ledger.Pool
	reads atomic.Int64
}

func (p *claimableCounter) Claimable(context.Context) (uint64, bool, error) {
	p.reads.Add(1)
	return 0, false, nil
}

// TestSpendProofsShareTheChainRead: GET /v1/spend/{user}, which anyone may ask for any address, read the
// pool's claimable epoch from the chain (an eth_call to the keeper's node) on every request: one address
// within --rate-ip (50/s), and every address it could cycle through, had the keeper's node called that
// often, the node its settlement and commits go through (a hosted node refusing past its quota). The
// answer is read once per poll interval, whoever asks: any number of requests cost one read, the next
// interval one more.
func TestSpendProofsShareTheChainRead(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	require.NoError(t, err)
	defer st.Close()
	var now atomic.Int64
	now.Store(time.Unix(1_700_000_000, 0).UnixNano())
	pool := &claimableCounter{}
	led, err := ledger.New(ledger.Config{BatchDir: t.TempDir(), PollInterval: 2 * time.Second,
		Now: func() time.Time { return time.Unix(0, now.Load()) }}, st, pool, nil, eip712.NewDomain(31337, [20]byte{1}), nil, nil, nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(led, nil, nil).Handler())
	defer srv.Close()

	spend := func(i int) {
		resp, err := http.Get(srv.URL + "/v1/spend/" + common.BigToAddress(big.NewInt(int64(i+1))).Hex())
		require.NoError(t, err)
		defer resp.Body.Close()
		var p wire.SpendProof
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.False(t, p.Claimable)
	}
	for i := range 50 {
		spend(i)
	}
	require.Equal(t, int64(1), pool.reads.Load(), "50 requests, one chain read")
	now.Add(int64(2 * time.Second))
	for i := range 50 {
		spend(i)
	}
	require.Equal(t, int64(2), pool.reads.Load(), "one more a poll interval later")
}
