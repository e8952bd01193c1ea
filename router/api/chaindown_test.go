package api_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/store"
)

// An anonymous GET /v1/deposits while the router's chain node is unreachable answers 502 with no detail: before,
// its message carried the transport error, which repeats the RPC URL with its API key (from a review).
func TestChainDownAnswerHidesTheNode(t *testing.T) {
	ctx := context.Background()
	cl, err := chain.Dial(ctx, []string{"http://127.0.0.1:1/v2/SECRET-ALCHEMY-KEY"}, chain.Options{CallTimeout: time.Second, Rounds: 1})
	require.NoError(t, err)
	allow, err := allowance.New(common.HexToAddress("0x01"), cl, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	fb := &fakeBook{}
	fb.snap.Store(&book.Snapshot{})
	dom := eip712.NewDomain(421614, common.HexToAddress("0x02"))
	srv := api.New(api.Config{Domain: dom, RouterKey: devnet.DevKey(1)}, fb, allow,
		&liveness.Prober{Domain: dom, Client: &http.Client{}, Timeout: time.Second, Now: time.Now}, db,
		health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	resp, err := http.Get(hs.URL + "/v1/deposits")
	require.NoError(t, err)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadGateway, resp.StatusCode)
	require.Contains(t, string(b), `"code":"unavailable"`)
	require.NotContains(t, string(b), "SECRET-ALCHEMY-KEY", "the answer shows the RPC API key")
	require.NotContains(t, string(b), "127.0.0.1:1", "the answer shows the operator's node")
}
