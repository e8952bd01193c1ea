package guard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
)

// flakyBackend is anvil through chain.Client with faults a test switches on: eth_getLogs failing, the
// header of one block (read by its hash, as the guard reads a commit's block) failing, and more.
type flakyBackend struct {
	*chain.Client
	mu           sync.Mutex
	logsDown     bool
	badHeader    uint64 // 0: none
	estimateDown bool   // eth_estimateGas fails
	callsDown    bool   // eth_call fails
}

func (b *flakyBackend) down(f *bool) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return *f
}

func (b *flakyBackend) set(f *bool, v bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	*f = v
}

func (b *flakyBackend) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	if b.down(&b.estimateDown) {
		return 0, errors.New("eth_estimateGas: 503")
	}
	return b.Client.EstimateGas(ctx, msg)
}

func (b *flakyBackend) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	if b.down(&b.callsDown) {
		return nil, errors.New("eth_call: 503")
	}
	return b.Client.CallContract(ctx, msg, n)
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

// FilterLogsAt is follow.Logs' read (chain.Client's) as FilterLogs answers it.
func (b *flakyBackend) FilterLogsAt(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, int, error) {
	logs, err := b.FilterLogs(ctx, q)
	return logs, b.Endpoint(), err
}

func (b *flakyBackend) HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error) {
	b.mu.Lock()
	bad := b.badHeader
	b.mu.Unlock()
	h, err := b.Client.HeaderByHash(ctx, hash)
	if err == nil && bad != 0 && h.Number.Uint64() == bad {
		return nil, errors.New("header: 503")
	}
	return h, err
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
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
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
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: backend, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(),
		Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())})
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

// TestGuardVetoBumped: a veto whose fees fall below the base fee is bumped until it lands, also by a guard
// started again on the same --data-dir (its txmgr store), and never sent twice. Anvil mines nothing while the
// guard sends its veto of an inflated epoch; the next block's base fee is then set just above the veto's
// fee cap and a block mined without it. The guard restarted drives the same intent on (fees raised by at
// least 10% and above the new base fee), and the next block, at that base fee, mines it: one RootVetoed,
// one nonce used, its gas limit the estimate plus the margin and guard.VetoGasHeadroom. Before (a veto signed
// from the node's pending nonce, never replaced), the stuck veto stayed below the base fee and the epoch was
// never vetoed.
func TestGuardVetoBumped(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	poolAddr := c.Addr("ComputePool")

	dataDir := t.TempDir()
	newGuard := func() (*guard.Guard, *txmgr.Manager, *observer.ObservedLogs) {
		core, logs := observer.New(zapcore.InfoLevel)
		m := vetoSender(t, c, client, devnet.GuardianKey(), dataDir)
		g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: batchChecker(t, ctx, c, client),
			Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
			Log: zap.New(core), Metrics: metrics.NewSet(), VetoWait: time.Second, Veto: m})
		require.NoError(t, err)
		return g, m, logs
	}
	guardian := crypto.PubkeyToAddress(devnet.GuardianKey().PublicKey)
	nonce0, err := client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	rc, err := rpc.DialContext(ctx, c.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	// mine mines one block whose base fee is baseFee.
	mine := func(baseFee *big.Int) {
		require.NoError(t, rc.CallContext(ctx, nil, "anvil_setNextBlockBaseFeePerGas", hexutil.EncodeBig(baseFee)))
		require.NoError(t, rc.CallContext(ctx, nil, "evm_mine"))
	}

	require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", false))
	t.Cleanup(func() { _ = rc.CallContext(context.Background(), nil, "evm_setAutomine", true) })
	first, m, firstLogs := newGuard()
	require.NoError(t, first.Step(ctx))
	require.True(t, saidAt(firstLogs, "veto failed, trying again next step while the window lasts", 0), "%v", firstLogs.All())
	in, err := m.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 0))
	require.NoError(t, err)
	stuckCap := in.Latest().FeeCap
	above := new(big.Int).Add(stuckCap, big.NewInt(1))
	mine(above) // the veto's fee cap is now below the base fee: not mined
	nonce, err := client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	require.Equal(t, nonce0, nonce, "the veto is stuck")
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))

	restarted, m2, logs := newGuard()
	require.NoError(t, restarted.Step(ctx)) // drives the stored intent on: bumped (not mined: nothing mines)
	require.True(t, saidAt(logs, "veto failed, trying again next step while the window lasts", 0), "%v", logs.All())
	in, err = m2.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 0))
	require.NoError(t, err)
	require.Greater(t, len(in.Attempts), 1, "bumped")
	require.Equal(t, nonce0, in.Nonce, "the same nonce: a replacement, not a second veto")
	require.Greater(t, in.Latest().FeeCap.Cmp(above), 0, "above the base fee now")

	mine(above)
	require.NoError(t, restarted.Step(ctx))
	require.True(t, saidAt(logs, "epoch vetoed", 0), "its own veto landed (followed since it was sent): %v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "epoch 0 discarded")
	nonce, err = client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	require.Equal(t, nonce0+1, nonce, "one veto transaction")
	it, err := c.Market.Pool.FilterRootVetoed(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	defer it.Close()
	require.True(t, it.Next())
	require.Equal(t, root, common.Hash(it.Event.Root))
	vetoTx, _, err := client.TransactionByHash(ctx, it.Event.Raw.TxHash)
	require.NoError(t, err)
	receipt, err := client.TransactionReceipt(ctx, it.Event.Raw.TxHash)
	require.NoError(t, err)
	require.GreaterOrEqual(t, vetoTx.Gas(), keys.GasLimit(receipt.GasUsed)+guard.VetoGasHeadroom, "the estimate, the margin and the headroom")
	require.False(t, it.Next(), "one RootVetoed")
}

// TestGuardFetchesConcurrently: a step fetches the pending epochs' files at once (Config.FetchConcurrency),
// so a keeper committing several epochs whose uris never answer holds a step up about one --fetch-timeout,
// not one per epoch (which could leave the earliest fewer than guard.WithheldTries tries in its last
// part). The server answers no request until all four epochs' requests are in flight (or 20 s passed);
// before, the guard fetched one after another and the server saw one at a time.
func TestGuardFetchesConcurrently(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	poolAddr := c.Addr("ComputePool")
	const epochs = 4
	var mu sync.Mutex
	inFlight, most := 0, 0
	all := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		inFlight++
		most = max(most, inFlight)
		if inFlight == epochs {
			close(all)
		}
		mu.Unlock()
		select { // a blackholed uri, until every epoch's request has come
		case <-all:
		case <-time.After(20 * time.Second):
		case <-r.Context().Done():
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		http.Error(w, "withheld", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	for e := range uint64(epochs) {
		root, total, _ := tree(t, map[string]uint64{"0xa1": 100 * (e + 1)})
		c.CommitRoot(e, root, total, common.Hash{0xcc, byte(e)}, srv.URL+"/v1/batches/"+big.NewInt(int64(e)).String())
	}
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, time.Minute, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), FetchConcurrency: epochs})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	mu.Lock()
	seen := most
	mu.Unlock()
	require.Equal(t, epochs, seen, "every epoch's file fetched at once")
	for e := range uint64(epochs) {
		require.True(t, saidAt(logs, "batch file not checked, trying again", e), "%v", logs.All())
	}
}

// TestGuardVetoAcrossDay (from a review): a veto estimated on one pool day and mined on the next writes a
// new checkpoint slot for that day, which costs more gas than estimated. The guard's veto of an inflated
// epoch committed 900 s before a day ends is sent while nothing mines and mined after the day turned: its
// gas limit carries guard.VetoGasHeadroom, so it lands; and a veto that reverts anyway is over for good, so
// the guard sends a new transaction, its gas estimated again (guard.VetoIntent's try). Before, the veto ran
// out of gas, every later step returned the same reverted receipt, and the inflated root became claimable.
func TestGuardVetoAcrossDay(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	now := uint64(time.Now().Unix())
	c, client, _ := inflatedEpoch(t, ctx, devnet.DeployOptions{Interval: 86400, PayoutStart: now - 11*86400 + 900, DisputeWindow: 3600})
	poolAddr := c.Addr("ComputePool")

	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), VetoWait: time.Second,
		Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())})
	require.NoError(t, err)
	rc, err := rpc.DialContext(ctx, c.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", false))
	t.Cleanup(func() { _ = rc.CallContext(context.Background(), nil, "evm_setAutomine", true) })
	require.NoError(t, g.Step(ctx)) // the veto sent on day D, estimated there; nothing mines
	require.True(t, saidAt(logs, "veto failed, trying again next step while the window lasts", 0), "%v", logs.All())

	ps, err := c.Market.Pool.PayoutStart(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	nextDay := ps.Uint64() + ((now-ps.Uint64())/86400+1)*86400
	require.NoError(t, c.Market.WarpTo(ctx, nextDay+20)) // mines the pending veto on day D+1
	require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", true))
	for range 3 {
		if nextEpoch(t, ctx, c) == 0 {
			break
		}
		_ = g.Step(ctx)
	}
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "the inflated epoch vetoed: %v", logs.All())
}

// inflatedEpoch starts anvil with opts and commits epoch 0 with a file (served over HTTP until the test
// ends) stating more than its root holds: a finding every guard vetoes. It returns the chain, a client and
// the root.
func inflatedEpoch(t *testing.T, ctx context.Context, opts devnet.DeployOptions) (*devnettest.Chain, *chain.Client, common.Hash) {
	t.Helper()
	c, client := anvilChain(t, ctx, opts)
	poolAddr := c.Addr("ComputePool")
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	t.Cleanup(srv.Close)
	root, total, bf := tree(t, map[string]uint64{"0xa1": 600})
	bf.ChainID, bf.ComputePool = c.ChainID, poolAddr
	bf.Leaves[0].Amount.SetUint64(6000) // the file states more than the committed root holds
	raw, err := json.Marshal(bf)
	require.NoError(t, err)
	srvFiles.set("/v1/batches/0", raw)
	c.CommitRoot(0, root, total, hashOf(raw), srv.URL+"/v1/batches/0")
	return c, client, root
}

// TestGuardOwnNetworkDown: a fetch that gets no answer (connection refused, DNS, a timeout) may be the
// keeper withholding its file or the guard's own network down. In the window's last part such a try counts
// as withheld only if Config.Reachable (keeper guard's --control-url) then answers: with the guard's own
// way out down, three tries are not counted and nothing is vetoed; with it back, two tries veto. A keeper
// that answers (503) is not helped by the guard's network being down: its tries count.
func TestGuardOwnNetworkDown(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	dead := deadURL(t) + "/v1/batches/0"
	answering := httptest.NewServer(&files{byID: map[string][]byte{}}) // 503 for every file
	defer answering.Close()

	var down atomic.Bool
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir()),
		Reachable: func(context.Context) error {
			if down.Load() {
				return errors.New("no control URL answered")
			}
			return nil
		}})
	require.NoError(t, err)
	lastPart := func(e uint64) {
		info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(e))
		require.NoError(t, err)
		require.NoError(t, c.Market.WarpTo(ctx, uint64(info.ClaimableAt)-window/8))
	}

	root, total, _ := tree(t, map[string]uint64{"0xa1": 100})
	c.CommitRoot(0, root, total, common.Hash{0xdd}, dead)
	require.NoError(t, g.Step(ctx))
	lastPart(0)
	down.Store(true)
	for range 3 {
		require.NoError(t, g.Step(ctx))
	}
	require.Len(t, logs.FilterMessage("batch file not obtained and the guard's own network check failed: not counted as withheld, trying again").All(), 3,
		"%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "not vetoed while the guard's own network is down")
	down.Store(false)
	for range guard.WithheldTries {
		require.NoError(t, g.Step(ctx))
	}
	require.True(t, saidAt(logs, "batch file withheld: vetoing", 0), "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed once the guard's own way out works")

	// Recommitted, its uri answering 503: an answer, counted whatever the control check says.
	root, total, _ = tree(t, map[string]uint64{"0xa1": 110})
	c.CommitRoot(0, root, total, common.Hash{0xde}, answering.URL+"/v1/batches/0")
	require.NoError(t, g.Step(ctx))
	lastPart(0)
	down.Store(true)
	for range guard.WithheldTries {
		require.NoError(t, g.Step(ctx))
	}
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "the 503 epoch vetoed as withheld")
}

// TestReachable: guard.Reachable answers nil once a control URL answers with any status, an error when
// none does, and is nil without URLs.
func TestReachable(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "no", http.StatusTeapot) }))
	defer up.Close()
	dead := deadURL(t)
	ctx := context.Background()
	require.Nil(t, guard.Reachable(http.DefaultClient, nil, time.Second))
	require.NoError(t, guard.Reachable(http.DefaultClient, []string{dead, up.URL}, 5*time.Second)(ctx))
	require.ErrorContains(t, guard.Reachable(http.DefaultClient, []string{dead}, 5*time.Second)(ctx), "no control URL answered")
}

// anvilChain starts anvil with opts (devnettest.StartWith) and dials it.
func anvilChain(t *testing.T, ctx context.Context, opts devnet.DeployOptions) (*devnettest.Chain, *chain.Client) {
	t.Helper()
	c := devnettest.StartWith(t, opts)
	client, err := chain.Dial(ctx, []string{c.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	return c, client
}

// deadURL is an http base URL nothing listens at: a fetch there is refused (guard.ErrUnanswered).
func deadURL(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	require.NoError(t, ln.Close())
	return "http://" + ln.Addr().String()
}

// TestGuardVetoAfterNonceTaken (from a review): a veto whose nonce another transaction from the guardian's
// key took (a second sender, a guard on another data dir) is over for good, and the guard sends a new veto
// at the next nonce while the root is still pending. Anvil mines nothing while the guard sends its veto; a
// self-transfer from the guardian key replaces it in the pool (same nonce, higher fees) and is mined; the
// guard's next step finds the nonce taken (txmgr.ErrNonceTaken) and sends guard.VetoIntent's next try,
// which the next block mines. Before, every later step failed on the same intent and the inflated root
// became claimable.
func TestGuardVetoAfterNonceTaken(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	m := vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), VetoWait: 3 * time.Second, Veto: m})
	require.NoError(t, err)
	rc, err := rpc.DialContext(ctx, c.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", false))
	t.Cleanup(func() { _ = rc.CallContext(context.Background(), nil, "evm_setAutomine", true) })

	require.NoError(t, g.Step(ctx)) // the veto sent, not mined
	first, err := m.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 0))
	require.NoError(t, err)
	guardian := crypto.PubkeyToAddress(devnet.GuardianKey().PublicKey)
	double := func(v *big.Int) *big.Int { return new(big.Int).Mul(v, big.NewInt(2)) }
	other, err := types.SignTx(types.NewTx(&types.DynamicFeeTx{ChainID: new(big.Int).SetUint64(c.ChainID), Nonce: first.Nonce,
		GasTipCap: double(first.Latest().TipCap), GasFeeCap: double(first.Latest().FeeCap), Gas: 21_000, To: &guardian}),
		types.LatestSignerForChainID(new(big.Int).SetUint64(c.ChainID)), devnet.GuardianKey())
	require.NoError(t, err)
	require.NoError(t, client.SendTransaction(ctx, other))
	require.NoError(t, rc.CallContext(ctx, nil, "evm_mine"))
	r, err := client.TransactionReceipt(ctx, other.Hash())
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status, "the nonce taken")
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "not vetoed")

	require.NoError(t, g.Step(ctx)) // nonce taken: a new veto, at the next nonce, not mined yet
	require.True(t, saidAt(logs, "veto transaction failed for good: sending a new one", 0), "%v", logs.All())
	second, err := m.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 1))
	require.NoError(t, err)
	require.Equal(t, first.Nonce+1, second.Nonce)
	require.NoError(t, rc.CallContext(ctx, nil, "evm_mine"))
	require.NoError(t, g.Step(ctx))
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "the inflated epoch vetoed: %v", logs.All())
}

// TestGuardNotABatchFileVetoedAtOnce: a keeper that commits to bytes that are not a batch file (their
// keccak256 the commit's batchHash, but not JSON) has committed a root nobody can rebuild: that is evidence,
// vetoed at the first check, not tried again until the window's last part as a withheld file.
func TestGuardNotABatchFileVetoedAtOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	garbage := []byte("not a batch file")
	srvFiles.set("/v1/batches/0", garbage)
	root, total, _ := tree(t, map[string]uint64{"0xa1": 100})
	c.CommitRoot(0, root, total, hashOf(garbage), srv.URL+"/v1/batches/0")
	g, logs := vetoingGuard(t, ctx, c, client, client)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file has problems: vetoing", 0), "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed at the first check")
}

// serveOnce answers the first request for its path with raw and every later one 404 (a keeper that stops
// serving), counting the requests.
type serveOnce struct {
	mu    sync.Mutex
	raw   []byte
	count int
}

func (o *serveOnce) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	o.mu.Lock()
	o.count++
	first := o.count == 1
	o.mu.Unlock()
	if !first {
		http.Error(w, "gone", http.StatusNotFound)
		return
	}
	_, _ = w.Write(o.raw)
}

// TestGuardFindingVetoedAgainWithoutTheFile (from a review): a finding in the committed bytes cannot go
// away, so a veto that could not be sent is sent again next step without reading the file again. The keeper
// commits to bytes that are not a batch file, serves them once and then answers 404; the guard's first veto
// fails (its estimate's RPC down). Next step the guard vetoes. Before, it fetched the file again, got 404,
// logged "not checked" (the file obtained, so never withheld either) and the root became claimable.
func TestGuardFindingVetoedAgainWithoutTheFile(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	garbage := &serveOnce{raw: []byte("not a batch file")}
	srv := httptest.NewServer(garbage)
	defer srv.Close()
	root, total, _ := tree(t, map[string]uint64{"0xa1": 100})
	c.CommitRoot(0, root, total, hashOf(garbage.raw), srv.URL+"/v1/batches/0")
	backend := &flakyBackend{Client: client, estimateDown: true}
	g, logs := vetoingGuard(t, ctx, c, client, backend)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "veto failed, trying again next step while the window lasts", 0), "%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))
	backend.set(&backend.estimateDown, false)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch vetoed", 0), "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c))
	garbage.mu.Lock()
	defer garbage.mu.Unlock()
	require.Equal(t, 1, garbage.count, "the file not fetched again")
}

// TestGuardNoStaleFetchError (from a review): a prefetch's failure is this step's only. In the window's last
// part an honest keeper's server is down for one try (one withheld try counted), then for the next step the
// pool's reads fail after the prefetch (the epoch not decided); the server is back for the step after. The
// guard obtains the file and finds it ok. Before, that step's check took the earlier step's failure, counted
// a second withheld try in a row and vetoed the honest epoch.
func TestGuardNoStaleFetchError(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	root, total, raw := honestFile(t, c, map[string]uint64{"0xa1": 0})
	c.CommitRoot(0, root, total, hashOf(raw), srv.URL+"/v1/batches/0") // not served yet
	backend := &flakyBackend{Client: client}
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: backend, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info.ClaimableAt)-window/8))
	require.NoError(t, g.Step(ctx)) // one withheld try in the last part
	require.True(t, saidAt(logs, "batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too", 0),
		"%v", logs.All())
	backend.set(&backend.callsDown, true)
	require.Error(t, g.Step(ctx), "the pool's reads down: not decided")
	backend.set(&backend.callsDown, false)
	srvFiles.set("/v1/batches/0", raw)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 0), "%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "the honest epoch not vetoed")
}

// TestGuardFileNotKeptCheckedOnce (from a review): a file obtained but not kept (past --max-kept-bytes) is
// checked from what the step's prefetch obtained, not fetched a second time: a keeper serving it once and
// then 404 still has it checked (ok) in that step, and it is counted keeper_guard_files_not_kept_total.
func TestGuardFileNotKeptCheckedOnce(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	poolAddr := c.Addr("ComputePool")
	root, total, raw := honestFile(t, c, map[string]uint64{"0xa1": 0})
	once := &serveOnce{raw: raw}
	srv := httptest.NewServer(once)
	defer srv.Close()
	c.CommitRoot(0, root, total, hashOf(raw), srv.URL+"/v1/batches/0")
	checker := batchChecker(t, ctx, c, client)
	checker.Keep = &ledger.KeptFiles{Dir: t.TempDir(), MaxBytes: 1} // nothing fits
	core, logs := observer.New(zapcore.InfoLevel)
	set := metrics.NewSet()
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker,
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: set})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 0), "%v", logs.All())
	once.mu.Lock()
	defer once.mu.Unlock()
	require.Equal(t, 1, once.count, "fetched once")
	var prom bytes.Buffer
	set.WritePrometheus(&prom)
	require.Contains(t, prom.String(), "keeper_guard_files_not_kept_total 1")
}

// honestFile is the batch file of leaves on c (its trees and totals agree) with its root and total.
func honestFile(t *testing.T, c *devnettest.Chain, leaves map[string]uint64) (common.Hash, *big.Int, []byte) {
	t.Helper()
	root, total, bf := tree(t, leaves)
	bf.ChainID, bf.ComputePool = c.ChainID, c.Addr("ComputePool")
	raw, err := json.Marshal(bf)
	require.NoError(t, err)
	return root, total, raw
}

// vetoingGuard is a guard on c reading and sending its vetoes through backend (client, or a flakyBackend
// over it), with the guardian's key and the default fetch, and its logs.
func vetoingGuard(t *testing.T, ctx context.Context, c *devnettest.Chain, client *chain.Client, backend testBackend) (*guard.Guard, *observer.ObservedLogs) {
	t.Helper()
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: backend, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: metrics.NewSet(), Veto: vetoSender(t, c, backend, devnet.GuardianKey(), t.TempDir())})
	require.NoError(t, err)
	return g, logs
}

// testBackend is what a guard reads through and its veto sender sends through (chain.Client, flakyBackend).
type testBackend interface {
	guard.Backend
	txmgr.Backend
}
