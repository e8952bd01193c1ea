package guard_test

import (
	"bytes"
	"context"
	"encoding/json"
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
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// files serves batch files at /v1/batches/<epoch> as the test sets them; an epoch without one answers 503.
type files struct {
	mu   sync.Mutex
	byID map[string][]byte
}

func (f *files) set(path string, raw []byte) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if raw == nil {
		delete(f.byID, path)
	} else {
		f.byID[path] = raw
	}
}

func (f *files) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	raw, ok := f.byID[r.URL.Path]
	f.mu.Unlock()
	if !ok {
		http.Error(w, "down", http.StatusServiceUnavailable)
		return
	}
	_, _ = w.Write(raw)
}

// TestGuardAnvil (keeper guard, guard.Guard stepped by hand on anvil, batch files over HTTP):
//   - an honest commit (a file whose trees, totals and chain agree): logged ok by both guards, no veto, and
//     the epoch becomes claimable after its window;
//   - a hostile commit made straight through the bindings with the KEEPER key, whose file inflates a credit
//     leaf (the trees and the chain object): the guard without a key only reports it (the epoch stays);
//     the guard with the guardian key vetoes it on-chain within the window (RootVetoed, epoch discarded);
//   - the checks' RPC down (the honest file): logged incomplete, tried again, no veto;
//   - a commit whose file cannot be fetched: logged and tried again every step, never vetoed; at the end
//     of the window it is reported unchecked and the epoch becomes claimable.
//
// A guard started again (a restart) reads the commits again and checks the epochs still pending.
func TestGuardAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	client, err := chain.Dial(ctx, []string{c.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	checker := batchChecker(t, ctx, c, client)
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	fetch := guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20)

	// commit commits epoch with leaves (the chain's root and total follow from them) and serves served (the
	// leaves the file states: the same for an honest keeper; nil: the file is unreachable).
	commit := func(epoch uint64, leaves, served map[string]uint64) common.Hash {
		root, total, _ := tree(t, leaves)
		uri := srv.URL + "/v1/batches/" + big.NewInt(int64(epoch)).String()
		c.CommitRoot(epoch, root, total, common.Hash{}, uri)
		var raw []byte
		if served != nil {
			_, _, file := tree(t, served)
			file.ChainID, file.ComputePool, file.Epoch = c.ChainID, poolAddr, epoch
			var err error
			raw, err = json.Marshal(file)
			require.NoError(t, err)
		}
		srvFiles.set("/v1/batches/"+big.NewInt(int64(epoch)).String(), raw)
		return root
	}
	type guardLog struct {
		g    *guard.Guard
		logs *observer.ObservedLogs
	}
	set := metrics.NewSet()
	newGuard := func(veto bool, checker *ledger.BatchChecker) guardLog {
		core, logs := observer.New(zapcore.InfoLevel)
		cfg := guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: c.Deployment.StartBlock, Confirmations: 1,
			Fetch: fetch, Log: zap.New(core), Metrics: set}
		if veto {
			from, sign := keys.TxSigner(devnet.GuardianKey(), new(big.Int).SetUint64(c.ChainID))
			cfg.Veto = &bind.TransactOpts{From: from, Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
				return sign(ctx, tx)
			}}
		}
		g, err := guard.New(cfg)
		require.NoError(t, err)
		return guardLog{g, logs}
	}
	said := func(gl guardLog, msg string, epoch uint64) bool {
		for _, e := range gl.logs.FilterMessage(msg).All() {
			if e.ContextMap()["epoch"] == epoch {
				return true
			}
		}
		return false
	}
	next := func() uint64 {
		n, err := c.Market.Pool.NextEpoch(&bind.CallOpts{Context: ctx})
		require.NoError(t, err)
		return n.Uint64()
	}
	reporter, vetoer := newGuard(false, checker), newGuard(true, checker)
	dead := *checker
	dead.Caller = deadCaller{} // the checks' RPC down (the guard's own reads still answered)
	cutOff := newGuard(true, &dead)

	// Honest.
	honest := map[string]uint64{"0xa1": 600, "0xb2": 400}
	commit(0, honest, honest)
	for _, gl := range []guardLog{reporter, vetoer} {
		require.NoError(t, gl.g.Step(ctx))
		require.True(t, said(gl, "batch file ok", 0), "%v", gl.logs.All())
		require.Empty(t, gl.g.Pending())
	}
	require.NoError(t, cutOff.g.Step(ctx))
	require.Len(t, cutOff.logs.FilterMessage("batch file check incomplete (the chain did not answer), trying again").All(), 1,
		"%v", cutOff.logs.All())
	require.Equal(t, []uint64{0}, cutOff.g.Pending(), "tried again next step")
	require.Equal(t, uint64(1), next(), "no veto")

	// Hostile: the file inflates a1's credit.
	hostile := commit(1, map[string]uint64{"0xa1": 900, "0xb2": 400}, map[string]uint64{"0xa1": 1900, "0xb2": 400})
	require.NoError(t, reporter.g.Step(ctx))
	require.True(t, said(reporter, "batch file has problems: not vetoed (no --veto)", 1), "%v", reporter.logs.All())
	require.Equal(t, uint64(2), next(), "reported only")
	restarted := newGuard(true, checker) // reads every commit again: epoch 0 still pending, epoch 1
	require.NoError(t, restarted.g.Step(ctx))
	require.True(t, said(restarted, "batch file ok", 0), "%v", restarted.logs.All())
	require.True(t, said(restarted, "epoch vetoed", 1), "%v", restarted.logs.All())
	require.Equal(t, uint64(1), next(), "epoch 1 discarded")
	vetoes, err := c.Market.Pool.FilterRootVetoed(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	require.True(t, vetoes.Next(), "RootVetoed")
	require.Equal(t, uint64(1), vetoes.Event.Epoch.Uint64())
	require.Equal(t, hostile, common.Hash(vetoes.Event.Root))
	require.False(t, vetoes.Next(), "one veto")
	require.NoError(t, vetoer.g.Step(ctx)) // the other guard finds epoch 1 gone: no second veto
	require.True(t, said(vetoer, "epoch discarded before the guard decided it (vetoed)", 1), "%v", vetoer.logs.All())
	require.Empty(t, vetoer.g.Pending())
	var prom bytes.Buffer
	set.WritePrometheus(&prom)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="vetoed"} 1`)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="problem"} 1`)

	// Unreachable: tried again each step, never vetoed; reported unchecked when the window ends.
	commit(1, map[string]uint64{"0xa1": 800, "0xb2": 400}, nil)
	for range 2 {
		require.NoError(t, vetoer.g.Step(ctx))
	}
	require.Len(t, vetoer.logs.FilterMessage("batch file not checked, trying again").All(), 2)
	require.Equal(t, []uint64{1}, vetoer.g.Pending())
	require.Equal(t, uint64(2), next(), "no veto of an unreachable file")
	c.Warp(window + 1)
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "dispute window over and the batch file could not be checked: not vetoed, check it by hand", 1),
		"%v", vetoer.logs.All())
	require.Empty(t, vetoer.g.Pending())
	claimable, err := c.Market.Pool.ClaimableEpoch(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.True(t, claimable.Exists)
	require.Equal(t, uint64(1), claimable.Epoch.Uint64(), "epochs 0 and 1 claimable after their window")
}

// deadCaller is an RPC endpoint that never answers.
type deadCaller struct{}

func (deadCaller) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return nil, errors.New("connection refused")
}

func (deadCaller) CallContract(context.Context, ethereum.CallMsg, *big.Int) ([]byte, error) {
	return nil, errors.New("connection refused")
}

// tree builds the credit tree of leaves (address hex → amount) and a batch file stating it.
func tree(t *testing.T, leaves map[string]uint64) (common.Hash, *big.Int, *ledger.BatchFile) {
	t.Helper()
	var entries []merkle.Entry
	var ls []store.Leaf
	var total uint64
	for a, amt := range leaves {
		entries = append(entries, merkle.Entry{Account: common.HexToAddress(a), Amount: *uint256.NewInt(amt)})
		ls = append(ls, store.Leaf{Account: common.HexToAddress(a), Amount: uint256.NewInt(amt), Owed: uint256.NewInt(amt)})
		total += amt
	}
	tr, err := merkle.Build(entries)
	require.NoError(t, err)
	bf := &ledger.BatchFile{Version: 2, Root: tr.Root(), CumulativeTotal: big.NewInt(int64(total)).String(), Leaves: ls,
		Sessions: []json.RawMessage{}, CumulativeSpent: "0", Spend: []store.SpendLeaf{}}
	return tr.Root(), new(big.Int).SetUint64(total), bf
}

// batchChecker is keeper check-batch's checker on c.
func batchChecker(t *testing.T, ctx context.Context, c *devnettest.Chain, client *chain.Client) *ledger.BatchChecker {
	t.Helper()
	pool, market, models := c.Addr("ComputePool"), c.Addr("Marketplace"), c.Addr("ModelRegistry")
	deposits, err := ledger.NewChainDeposits(pool, client, c.Deployment.StartBlock, 1, 0, nil)
	require.NoError(t, err)
	signers, err := ledger.NewSignerHistory(market, client, ledger.SignerConfig{Start: c.Deployment.StartBlock, Confirmations: 1})
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, market, models, client, signers, time.Minute)
	require.NoError(t, err)
	return &ledger.BatchChecker{ChainID: c.ChainID, Pool: pool, Caller: client, Deposits: deposits,
		Verifier: &ledger.Verifier{Domain: eip712.NewDomain(c.ChainID, market), Registry: reg}}
}
