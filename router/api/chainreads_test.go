package api_test

import (
	"context"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/store"
)

// countingCaller counts the eth_calls that reach the chain node.
type countingCaller struct {
	bind.ContractCaller
	calls atomic.Int64
}

func (c *countingCaller) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	c.calls.Add(1)
	return c.ContractCaller.CallContract(ctx, msg, block)
}

// TestChainReadsPerIP: a client cycling fresh addresses through GET /v1/allowance/{user}, or through RFCs
// each signed by a fresh key, made the router send its chain node one eth_call per address (the allowance
// of a user not cached yet), up to the whole per-IP request rate. Now those reads are held to
// Config.ChainReads per client address (--rate-chain-reads): past its burst a 429 rate_limited with
// Retry-After and no eth_call, while an address already read today is still answered from the cache, free.
// On anvil, with the real allowance source over a caller that counts the node's eth_calls.
func TestChainReadsPerIP(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	// The chain starts at a day's start (8 days after PayoutStart), and in a day's first second the pool
	// answers no allowance (chain.ErrDayJustStarted, a 503): a block a minute on.
	c.Warp(60)
	node := &countingCaller{ContractCaller: c.Client}
	allow, err := allowance.New(c.Addr("ComputePool"), node, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	fb := &fakeBook{}
	fb.snap.Store(&book.Snapshot{Models: map[common.Hash]book.Model{modelID: {ID: modelID, Name: "llama:8b"}}})
	dom := eip712.NewDomain(c.Deployment.ChainID, c.Addr("Marketplace"))
	const burst = 4
	srv := api.New(api.Config{Domain: dom, RouterKey: devnet.DevKey(1), ChainReads: ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: burst})}, // no token back within the test
		fb, allow, &liveness.Prober{Domain: dom, Client: &http.Client{}, Timeout: time.Second, Now: time.Now}, db,
		health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()

	get := func(user common.Address) (int, string, []byte) {
		resp, err := http.Get(hs.URL + "/v1/allowance/" + user.Hex())
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header.Get("Retry-After"), b
	}
	fresh := func() common.Address { k, _ := crypto.GenerateKey(); return crypto.PubkeyToAddress(k.PublicKey) }
	first := fresh()
	status, _, b := get(first)
	require.Equal(t, http.StatusOK, status, string(b))
	read := node.calls.Load() // the day (read once a minute at most) and first's allowance
	for range burst - 1 {
		status, _, b := get(fresh())
		require.Equal(t, http.StatusOK, status, string(b))
	}
	require.Equal(t, read+burst-1, node.calls.Load(), "one eth_call per address not cached")
	read = node.calls.Load()
	for range 10 {
		status, retry, b := get(fresh())
		require.Equal(t, http.StatusTooManyRequests, status, string(b))
		require.Equal(t, wire.CodeRateLimited, errCode(t, b))
		require.NotEmpty(t, retry)
	}
	// An RFC of a fresh key is refused the same way, after its signature and before the node is asked.
	e := &env{t: t, url: hs.URL}
	e.user, _ = crypto.GenerateKey()
	r := eip712.RFC{User: crypto.PubkeyToAddress(e.user.PublicKey), ModelID: modelID, MaxPricePerSecond: *uint256.NewInt(5e9), MaxSeconds: 60,
		Nonce: 1, Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	resp := e.postResp("/v1/rfc", e.sign(r, dom))
	require.Equal(t, http.StatusTooManyRequests, resp.status, string(resp.body))
	require.Equal(t, wire.CodeRateLimited, errCode(t, resp.body))
	require.NotEmpty(t, resp.retryAfter)
	require.Equal(t, read, node.calls.Load(), "no eth_call past the bound")

	status, _, b = get(first)
	require.Equal(t, http.StatusOK, status, "an address read today is answered from the cache: %s", b)
	require.Equal(t, read, node.calls.Load())
}
