package chain_test

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
)

// TestFailoverAgainstAnvil puts a dead endpoint and a failing one in front of a real anvil: every call
// still succeeds, a revert is returned at once (not retried), and a transaction sent twice is not an error.
func TestFailoverAgainstAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	defer anvil.Close()

	var failing atomic.Int32
	broken := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		failing.Add(1)
		http.Error(w, "upstream exploded", http.StatusBadGateway)
	}))
	defer broken.Close()
	dead := "http://127.0.0.1:1" // nothing listens there

	c, err := chain.Dial(ctx, []string{dead, broken.URL, anvil.URL}, chain.Options{CallTimeout: 2 * time.Second})
	require.NoError(t, err)
	defer c.Close()

	id, err := c.ChainID(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(31337), id.Int64())
	require.Equal(t, int32(1), failing.Load(), "the 502 endpoint was tried once")

	// The healthy endpoint is remembered: no more traffic to the broken ones.
	_, err = c.BlockNumber(ctx)
	require.NoError(t, err)
	require.Equal(t, int32(1), failing.Load())

	// A node's answer (here: not found) is final, not a reason to fail over.
	_, err = c.TransactionReceipt(ctx, [32]byte{1})
	require.ErrorIs(t, err, ethereum.NotFound)

	// A transfer through the failover client; sending the same signed tx again is fine.
	key := devnet.DevKey(1)
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.PendingNonceAt(ctx, from)
	require.NoError(t, err)
	tip, err := c.SuggestGasTipCap(ctx)
	require.NoError(t, err)
	head, err := c.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	to := crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey)
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(id), &types.DynamicFeeTx{
		ChainID: id, Nonce: nonce, GasTipCap: tip, GasFeeCap: new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(2)), tip),
		Gas: 21000, To: &to, Value: big.NewInt(1),
	})
	require.NoError(t, err)
	require.NoError(t, c.SendTransaction(ctx, tx))
	receipt, err := bind.WaitMined(ctx, c, tx)
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, receipt.Status)
	err = c.SendTransaction(ctx, tx)
	require.Error(t, err, "a mined tx resent is rejected by the node (nonce too low), and that answer is returned")
}

func TestAllEndpointsDown(t *testing.T) {
	ctx := context.Background()
	c, err := chain.Dial(ctx, []string{"http://127.0.0.1:1", "http://127.0.0.1:2"}, chain.Options{CallTimeout: time.Second})
	require.NoError(t, err)
	defer c.Close()
	_, err = c.BlockNumber(ctx)
	require.ErrorContains(t, err, "every endpoint failed")

	_, err = chain.Dial(ctx, nil, chain.Options{})
	require.ErrorIs(t, err, chain.ErrNoEndpoints)
}

func TestURLsAreRedacted(t *testing.T) {
	c, err := chain.Dial(context.Background(), []string{"https://user:secret@rpc.example/v2/APIKEY"}, chain.Options{})
	require.NoError(t, err)
	defer c.Close()
	require.Equal(t, []string{"https://rpc.example"}, c.URLs())
}

// TestRetriesTransientErrorsAgainstAnvil puts a single flaky endpoint in front of a real anvil that fails
// its first calls the ways public RPC endpoints do (HTTP 502, 429, JSON-RPC "limit exceeded" and "internal
// error"): the call still succeeds, after one try per failure. A node's answer about the call (a revert
// with data) is not retried, and an endpoint that keeps failing fails the call after Options.Rounds tries.
func TestRetriesTransientErrorsAgainstAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	defer anvil.Close()
	target, err := url.Parse(anvil.URL)
	require.NoError(t, err)
	upstream := httputil.NewSingleHostReverseProxy(target)

	var script []func(http.ResponseWriter) // failures to play before passing requests through
	var mu sync.Mutex
	var calls atomic.Int32
	flaky := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		mu.Lock()
		var fail func(http.ResponseWriter)
		if len(script) > 0 {
			fail, script = script[0], script[1:]
		}
		mu.Unlock()
		if fail != nil {
			fail(w)
			return
		}
		upstream.ServeHTTP(w, r)
	}))
	defer flaky.Close()
	status := func(code int) func(http.ResponseWriter) {
		return func(w http.ResponseWriter) { http.Error(w, "injected", code) }
	}
	rpcErr := func(code int) func(http.ResponseWriter) {
		return func(w http.ResponseWriter) {
			_, _ = fmt.Fprintf(w, `{"jsonrpc":"2.0","id":1,"error":{"code":%d,"message":"injected"}}`, code)
		}
	}
	play := func(fs ...func(http.ResponseWriter)) {
		mu.Lock()
		script = fs
		mu.Unlock()
		calls.Store(0)
	}

	c, err := chain.Dial(ctx, []string{flaky.URL}, chain.Options{CallTimeout: 2 * time.Second})
	require.NoError(t, err)
	defer c.Close()

	play(status(http.StatusBadGateway), rpcErr(-32005))
	id, err := c.ChainID(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(31337), id.Int64())
	require.Equal(t, int32(3), calls.Load(), "two transient failures, then the answer")

	play(status(http.StatusTooManyRequests), rpcErr(-32603))
	_, err = c.BlockNumber(ctx)
	require.NoError(t, err)
	require.Equal(t, int32(3), calls.Load())

	// A revert is the node's answer about the call: returned at once.
	play()
	_, err = c.CallContract(ctx, ethereum.CallMsg{To: &common.Address{}, Data: []byte{1}}, nil)
	require.NoError(t, err, "a call to an empty account succeeds")
	play(func(w http.ResponseWriter) {
		_, _ = fmt.Fprint(w, `{"jsonrpc":"2.0","id":1,"error":{"code":3,"message":"execution reverted","data":"0x08c379a0"}}`)
	})
	_, err = c.CallContract(ctx, ethereum.CallMsg{To: &common.Address{}, Data: []byte{1}}, nil)
	require.ErrorContains(t, err, "execution reverted")
	require.Equal(t, int32(1), calls.Load(), "a revert is not retried")

	// An endpoint that keeps failing fails the call after the configured rounds.
	c2, err := chain.Dial(ctx, []string{flaky.URL}, chain.Options{CallTimeout: 2 * time.Second, Rounds: 2})
	require.NoError(t, err)
	defer c2.Close()
	play(status(http.StatusBadGateway), status(http.StatusBadGateway), status(http.StatusBadGateway))
	_, err = c2.BlockNumber(ctx)
	require.ErrorContains(t, err, "every endpoint failed (2 rounds)")
	require.Equal(t, int32(2), calls.Load())
}

// TestSkipEndpointMovesOnOnce: SkipEndpoint(i) moves calls off endpoint i only while i is current, so
// followers sharing the client that found the same node behind move it once, not on past the next node;
// with one URL it is a no-op.
func TestSkipEndpointMovesOnOnce(t *testing.T) {
	ctx := context.Background()
	c, err := chain.Dial(ctx, []string{"http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:3"}, chain.Options{})
	require.NoError(t, err)
	defer c.Close()
	require.Equal(t, 0, c.Endpoint())
	c.SkipEndpoint(0)
	require.Equal(t, 1, c.Endpoint())
	c.SkipEndpoint(0) // a second follower's finding about endpoint 0
	require.Equal(t, 1, c.Endpoint())
	c.SkipEndpoint(1)
	c.SkipEndpoint(2)
	require.Equal(t, 0, c.Endpoint(), "round the list")

	one, err := chain.Dial(ctx, []string{"http://127.0.0.1:1"}, chain.Options{})
	require.NoError(t, err)
	defer one.Close()
	one.SkipEndpoint(0)
	require.Equal(t, 0, one.Endpoint())
}
