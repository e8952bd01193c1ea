package guard_test

import (
	"context"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keys"
)

// flakyBackend is anvil through chain.Client with two faults a test switches on: eth_getLogs failing, and
// the header of one block number failing.
type flakyBackend struct {
	*chain.Client
	mu        sync.Mutex
	logsDown  bool
	badHeader uint64 // 0: none
}

func (b *flakyBackend) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	b.mu.Lock()
	down := b.logsDown
	b.mu.Unlock()
	if down {
		return nil, errors.New("eth_getLogs: 503")
	}
	return b.Client.FilterLogs(ctx, q)
}

func (b *flakyBackend) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	b.mu.Lock()
	bad := b.badHeader
	b.mu.Unlock()
	if n != nil && bad != 0 && n.Uint64() == bad {
		return nil, errors.New("header: 503")
	}
	return b.Client.HeaderByNumber(ctx, n)
}

// TestGuardStepGoesOn: one failing read holds up nothing else in a step. Epochs 0 and 1 are committed with
// their files withheld and read by the guard, the header of epoch 0's commit block failing (epoch 0 cannot be
// decided): the step returns that error and epoch 1 is still tried. Then the RPC's eth_getLogs fails too (no
// new commit can be read): in the window's last part the steps return both errors, and epoch 1 is still
// vetoed as withheld. Before, the
// failed log read ended the step before any epoch was decided, and so did epoch 0's error for epoch 1.
func TestGuardStepGoesOn(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	client, err := chain.Dial(ctx, []string{c.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	srv := httptest.NewServer(&files{byID: map[string][]byte{}}) // serves nothing: every file withheld
	defer srv.Close()
	blocks := map[uint64]uint64{}
	for e := range uint64(2) {
		root, total, _ := tree(t, map[string]uint64{"0xa1": 100 * (e + 1)})
		r := c.CommitRoot(e, root, total, common.Hash{0xbb, byte(e)}, srv.URL+"/v1/batches/"+big.NewInt(int64(e)).String())
		blocks[e] = r.BlockNumber.Uint64()
	}
	backend := &flakyBackend{Client: client}
	core, logs := observer.New(zapcore.InfoLevel)
	from, sign := keys.TxSigner(devnet.GuardianKey(), new(big.Int).SetUint64(c.ChainID))
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: backend, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(),
		Veto: &bind.TransactOpts{From: from, Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
			return sign(ctx, tx)
		}}})
	require.NoError(t, err)
	backend.badHeader = blocks[0]
	require.ErrorContains(t, g.Step(ctx), "epoch 0: commit block")
	require.Equal(t, []uint64{0, 1}, g.Pending())
	require.True(t, saidAt(logs, "batch file not checked, trying again", 1), "epoch 1 decided: %v", logs.All())

	backend.mu.Lock()
	backend.logsDown = true
	backend.mu.Unlock()
	info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info.ClaimableAt)-window/8)) // both epochs in their last part
	for range guard.WithheldTries {
		err := g.Step(ctx)
		require.ErrorContains(t, err, "eth_getLogs: 503")
		require.ErrorContains(t, err, "epoch 0: commit block")
	}
	require.True(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.True(t, saidAt(logs, "epoch vetoed", 1), "%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "epoch 1 discarded")
	require.Equal(t, []uint64{0}, g.Pending(), "epoch 0 tried again next step")
}
