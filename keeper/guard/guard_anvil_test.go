package guard_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
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
	"github.com/laketravis/laketravis/keeper/txmgr"
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
//   - the checks' RPC down (the honest file obtained): logged incomplete, tried again, not vetoed in the
//     window's last part (not even once the file becomes unreachable: obtained once is not withheld) nor
//     at its end (reported unchecked, the epoch then claimable): the guard's own problem;
//   - a commit whose file cannot be fetched (a keeper withholding it): logged and tried again every step,
//     not vetoed early in the window nor a second before its last part (the default margin, a quarter of
//     the window); from the last part's first second vetoed as withheld (RootVetoed, epoch discarded).
//     Without --veto only reported: no veto in the last part, and at the window's end reported withheld,
//     the epoch then claimable;
//   - an honest commit whose file is altered on the way (same epoch and root, one leaf changed): its
//     keccak256 is not the commit's batchHash, so not vetoed on it (tried again; check-batch's
//     CheckCommitted says the file is not the one committed); the honest bytes back, ok. A file altered
//     for the whole window is never obtained: vetoed as withheld in the window's last part;
//   - a hostile commit vetoed by someone else and committed again between the guard's check and its veto
//     (a hook, no timing): the guard reads the epoch again and leaves the replacement alone;
//   - a guard whose key lacks GUARDIAN_ROLE: its veto fails, is logged, and the later epoch is still
//     checked (Step returns no error);
//   - the veto's gas limit carries keys.GasMarginPercent over the estimate.
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

	path := func(epoch uint64) string { return "/v1/batches/" + big.NewInt(int64(epoch)).String() }
	committedAt := map[uint64]uint64{} // epoch → its newest commit's block time
	// file is epoch's batch file stating leaves.
	file := func(epoch uint64, leaves map[string]uint64) *ledger.BatchFile {
		_, _, bf := tree(t, leaves)
		bf.ChainID, bf.ComputePool, bf.Epoch = c.ChainID, poolAddr, epoch
		return bf
	}
	marshal := func(bf *ledger.BatchFile) []byte {
		raw, err := json.Marshal(bf)
		require.NoError(t, err)
		return raw
	}
	// commit commits epoch with leaves (the chain's root and total follow from them) and the batch file
	// stating served (the same leaves for an honest keeper), its batchHash that file's keccak256, and serves
	// the file (served nil: unreachable, batchHash zero).
	commit := func(epoch uint64, leaves, served map[string]uint64) common.Hash {
		root, total, _ := tree(t, leaves)
		var raw []byte
		if served != nil {
			raw = marshal(file(epoch, served))
		}
		r := c.CommitRoot(epoch, root, total, hashOf(raw), srv.URL+path(epoch))
		srvFiles.set(path(epoch), raw)
		h, err := client.HeaderByNumber(ctx, r.BlockNumber)
		require.NoError(t, err)
		committedAt[epoch] = h.Time
		return root
	}
	// windowOf returns when epoch's last part begins with the default margin (a quarter of its window, from
	// its commit's block to claimableAt) and when its window ends (claimableAt).
	windowOf := func(epoch uint64) (lastPart, end uint64) {
		info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(epoch))
		require.NoError(t, err)
		return info.ClaimableAt - (info.ClaimableAt-committedAt[epoch])/4, info.ClaimableAt
	}
	warpTo := func(t0 uint64) { require.NoError(t, c.Market.WarpTo(ctx, t0)) }
	// vetoed lists the RootVetoed events' epochs and roots, in order.
	type vetoedRoot struct {
		epoch uint64
		root  common.Hash
	}
	vetoed := func() (out []vetoedRoot) {
		it, err := c.Market.Pool.FilterRootVetoed(&bind.FilterOpts{Context: ctx}, nil, nil)
		require.NoError(t, err)
		defer it.Close()
		for it.Next() {
			out = append(out, vetoedRoot{it.Event.Epoch.Uint64(), it.Event.Root})
		}
		require.NoError(t, it.Error())
		return out
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
			cfg.Veto = vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())
		}
		g, err := guard.New(cfg)
		require.NoError(t, err)
		return guardLog{g, logs}
	}
	said := func(gl guardLog, msg string, epoch uint64) bool { return saidAt(gl.logs, msg, epoch) }
	next := func() uint64 { return nextEpoch(t, ctx, c) }
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
	vetoTx, _, err := client.TransactionByHash(ctx, vetoes.Event.Raw.TxHash)
	require.NoError(t, err)
	vetoReceipt, err := client.TransactionReceipt(ctx, vetoes.Event.Raw.TxHash)
	require.NoError(t, err)
	require.GreaterOrEqual(t, vetoTx.Gas(), keys.GasLimit(vetoReceipt.GasUsed), "the veto's gas: the estimate plus keys.GasMarginPercent")
	require.NoError(t, vetoer.g.Step(ctx)) // the other guard finds epoch 1 gone: no second veto
	require.True(t, said(vetoer, "epoch discarded before the guard decided it (vetoed)", 1), "%v", vetoer.logs.All())
	require.Empty(t, vetoer.g.Pending())
	var prom bytes.Buffer
	set.WritePrometheus(&prom)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="vetoed"} 1`)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="problem"} 1`)

	// Unreachable (a keeper withholding its file): tried again each step, not vetoed early in the window nor
	// a second before its last part, nor at the first failed fetch there; vetoed at the second (from the
	// last part's first second, guard.WithheldTries in a row). Without --veto only
	// reported. The guard whose chain checks go unanswered (epoch 0's file obtained) never vetoes it, not
	// even when the file becomes unreachable in the last part.
	unreachable := commit(1, map[string]uint64{"0xa1": 800, "0xb2": 400}, nil)
	for range 2 {
		require.NoError(t, vetoer.g.Step(ctx))
	}
	require.Len(t, vetoer.logs.FilterMessage("batch file not checked, trying again").All(), 2)
	require.Equal(t, []uint64{1}, vetoer.g.Pending())
	require.Equal(t, uint64(2), next(), "no veto of an unreachable file early in the window")
	lastPart1, _ := windowOf(1)
	warpTo(lastPart1 - 1)
	require.NoError(t, vetoer.g.Step(ctx))
	require.Equal(t, uint64(2), next(), "no veto a second before the window's last part")
	warpTo(lastPart1)
	require.NoError(t, reporter.g.Step(ctx))
	require.True(t, said(reporter, "batch file not checked, trying again", 1), "%v", reporter.logs.All())
	require.Equal(t, uint64(2), next(), "without --veto only reported")
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too", 1),
		"%v", vetoer.logs.All())
	require.Equal(t, uint64(2), next(), "one failed fetch in the last part is not enough (a blip, a guard just restarted)")
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file withheld: vetoing", 1), "%v", vetoer.logs.All())
	require.True(t, said(vetoer, "epoch vetoed", 1), "%v", vetoer.logs.All())
	require.Equal(t, uint64(1), next(), "the withheld epoch 1 discarded")
	require.Equal(t, []vetoedRoot{{1, hostile}, {1, unreachable}}, vetoed(), "RootVetoed")
	require.Empty(t, vetoer.g.Pending())
	lastPart0, end0 := windowOf(0)
	require.GreaterOrEqual(t, lastPart1, lastPart0, "epoch 0 in its last part too")
	require.NoError(t, cutOff.g.Step(ctx)) // epoch 0: obtained, the chain unanswered
	require.Len(t, cutOff.logs.FilterMessage("batch file check incomplete (the chain did not answer), trying again").All(), 2,
		"%v", cutOff.logs.All())
	require.False(t, said(cutOff, "batch file withheld: vetoing", 0), "%v", cutOff.logs.All())
	require.Equal(t, []uint64{0}, cutOff.g.Pending(), "epoch 1 discarded, epoch 0 tried again")
	srvFiles.set(path(0), nil) // obtained earlier in the window: a fetch failing now does not make it withheld
	require.NoError(t, cutOff.g.Step(ctx))
	require.True(t, said(cutOff, "batch file not checked, trying again", 0), "%v", cutOff.logs.All())
	require.False(t, said(cutOff, "batch file withheld: vetoing", 0), "%v", cutOff.logs.All())
	require.Equal(t, uint64(1), next(), "epoch 0 not vetoed")
	warpTo(end0)
	require.NoError(t, cutOff.g.Step(ctx))
	require.True(t, said(cutOff, "dispute window over and the batch file could not be checked: not vetoed, check it by hand", 0),
		"%v", cutOff.logs.All())
	require.Empty(t, cutOff.g.Pending())
	require.Equal(t, uint64(1), next(), "epoch 0 not vetoed")
	claimable, err := c.Market.Pool.ClaimableEpoch(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.True(t, claimable.Exists)
	require.Equal(t, uint64(0), claimable.Epoch.Uint64(), "epoch 0 claimable after its window")
	// The keeper commits epoch 1 again (another root: a vetoed one is never committed again) and serves
	// its file: nothing lost, only delayed.
	l1 := map[string]uint64{"0xa1": 810, "0xb2": 400}
	commit(1, l1, l1)
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file ok", 1), "%v", vetoer.logs.All())

	// An honest commit whose file is altered on the way (same epoch and root, one leaf changed): its
	// keccak256 is not the commit's batchHash, so it is no evidence: not vetoed, tried again as an
	// unreachable file; check-batch's check says the file is not the one committed. The honest bytes back:
	// ok.
	l2 := map[string]uint64{"0xa1": 900, "0xb2": 500}
	commit(2, l2, l2)
	altered := file(2, l2)
	altered.Leaves[0].Amount = new(uint256.Int).AddUint64(altered.Leaves[0].Amount, 1)
	srvFiles.set(path(2), marshal(altered))
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file is not the one committed (altered on the way or replaced): no evidence, not vetoed, trying again", 2),
		"%v", vetoer.logs.All())
	require.Equal(t, uint64(3), next(), "no veto of an honest root")
	require.Equal(t, []uint64{2}, vetoer.g.Pending())
	committed, _ := checker.CheckCommitted(ctx, marshal(altered), altered)
	require.Len(t, committed.Problems, 1, "%v", committed)
	require.Contains(t, committed.Problems[0], "the file is not the one committed")
	honest2 := file(2, l2)
	committed, _ = checker.CheckCommitted(ctx, marshal(honest2), honest2)
	require.True(t, committed.OK(), "%v", committed)
	srvFiles.set(path(2), marshal(honest2))
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file ok", 2), "%v", vetoer.logs.All())

	// A file altered on the way for the whole window (an honest root): no fetch gave the committed bytes,
	// so it is vetoed as withheld in the window's last part, not before; the keeper commits again.
	l3a := map[string]uint64{"0xa1": 950, "0xb2": 520}
	altered3 := commit(3, l3a, l3a)
	bad3 := file(3, l3a)
	bad3.Leaves[1].Amount = new(uint256.Int).AddUint64(bad3.Leaves[1].Amount, 1)
	srvFiles.set(path(3), marshal(bad3))
	require.NoError(t, vetoer.g.Step(ctx))
	lastPart3, _ := windowOf(3)
	warpTo(lastPart3 - 1)
	require.NoError(t, vetoer.g.Step(ctx))
	require.Len(t, vetoer.logs.FilterMessage("batch file is not the one committed (altered on the way or replaced): no evidence, not vetoed, trying again").All(), 3,
		"%v", vetoer.logs.All())
	require.Equal(t, uint64(4), next(), "not vetoed before the window's last part")
	warpTo(lastPart3)
	for range guard.WithheldTries {
		require.NoError(t, vetoer.g.Step(ctx))
	}
	require.True(t, said(vetoer, "batch file withheld: vetoing", 3), "%v", vetoer.logs.All())
	require.Equal(t, uint64(3), next(), "epoch 3 discarded")
	require.Equal(t, vetoedRoot{3, altered3}, vetoed()[2])
	require.Empty(t, vetoer.g.Pending())
	var prom2 bytes.Buffer
	set.WritePrometheus(&prom2)
	require.Contains(t, prom2.String(), `keeper_guard_epochs_total{result="withheld"} 2`)

	// A hostile commit vetoed by someone else and committed again (another root) between the guard's check
	// and its veto: the guard reads the epoch again before sending and leaves the replacement alone, then
	// checks it on its own.
	hostile3 := commit(3, map[string]uint64{"0xa1": 1000, "0xb2": 500}, map[string]uint64{"0xa1": 2000, "0xb2": 500})
	l3 := map[string]uint64{"0xa1": 950, "0xb2": 550}
	var replaced common.Hash
	guard.SetBeforeVeto(vetoer.g, func(epoch uint64) {
		require.Equal(t, uint64(3), epoch)
		guard.SetBeforeVeto(vetoer.g, nil)
		info3, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(3))
		require.NoError(t, err)
		_, err = c.Market.Send(ctx, devnet.GuardianKey(), func(o *bind.TransactOpts) (*types.Transaction, error) {
			return c.Market.Pool.VetoRoot(o, big.NewInt(3), hostile3, info3.ClaimableAt)
		})
		require.NoError(t, err)
		replaced = commit(3, l3, l3)
	})
	require.NoError(t, vetoer.g.Step(ctx))
	require.NotEqual(t, common.Hash{}, replaced, "the hook ran")
	require.True(t, said(vetoer, "epoch discarded or committed again between the check and the veto: not vetoed, followed", 3), "%v", vetoer.logs.All())
	require.Equal(t, uint64(4), next(), "the replacement not discarded")
	info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(3))
	require.NoError(t, err)
	require.Equal(t, replaced, common.Hash(info.Root))
	require.NotEqual(t, hostile3, replaced)
	require.NoError(t, vetoer.g.Step(ctx))
	require.True(t, said(vetoer, "batch file ok", 3), "%v", vetoer.logs.All())

	// A guard whose key lacks GUARDIAN_ROLE: its veto of epoch 4 fails; logged, and the later epoch 5 is
	// still checked and logged (the step goes on); epoch 4 stays pending for another try.
	commit(4, map[string]uint64{"0xa1": 1100, "0xb2": 600}, map[string]uint64{"0xa1": 3000, "0xb2": 600})
	l5 := map[string]uint64{"0xa1": 1200, "0xb2": 600}
	commit(5, l5, l5)
	core, logs := observer.New(zapcore.InfoLevel)
	noRole, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
		Confirmations: 1, Fetch: fetch, Log: zap.New(core), Metrics: metrics.NewSet(),
		Veto: vetoSender(t, c, client, devnet.DevKey(3), t.TempDir())})
	require.NoError(t, err)
	unprivileged := guardLog{noRole, logs}
	require.NoError(t, unprivileged.g.Step(ctx))
	require.True(t, said(unprivileged, "veto failed, trying again next step while the window lasts", 4), "%v", logs.All())
	require.True(t, said(unprivileged, "batch file ok", 5), "%v", logs.All())
	require.Equal(t, []uint64{4}, unprivileged.g.Pending())
	require.Equal(t, uint64(6), next())

	// Without --veto a withheld file is only reported, at the window's end; the epoch becomes claimable.
	commit(6, map[string]uint64{"0xa1": 1300, "0xb2": 700}, nil)
	require.NoError(t, reporter.g.Step(ctx))
	require.Equal(t, uint64(7), next())
	_, end6 := windowOf(6)
	warpTo(end6)
	require.NoError(t, reporter.g.Step(ctx))
	require.True(t, said(reporter, "dispute window over and the batch file was withheld (never obtained): not vetoed, the root is claimable", 6),
		"%v", reporter.logs.All())
	require.Equal(t, uint64(7), next(), "no veto")
	claimable, err = c.Market.Pool.ClaimableEpoch(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, uint64(6), claimable.Epoch.Uint64())
}

// saidAt reports whether logs hold msg for epoch.
func saidAt(logs *observer.ObservedLogs, msg string, epoch uint64) bool {
	for _, e := range logs.FilterMessage(msg).All() {
		if e.ContextMap()["epoch"] == epoch {
			return true
		}
	}
	return false
}

// vetoIntent is guard.VetoIntent of the try-th veto of epoch's commit of root on c (its claim time read from
// its RootCommitted event: the epoch may be discarded since).
func vetoIntent(t *testing.T, ctx context.Context, c *devnettest.Chain, epoch uint64, root common.Hash, try int) string {
	t.Helper()
	it, err := c.Market.Pool.FilterRootCommitted(&bind.FilterOpts{Context: ctx}, []*big.Int{new(big.Int).SetUint64(epoch)}, nil)
	require.NoError(t, err)
	defer it.Close()
	var claimableAt uint64
	for it.Next() {
		if it.Event.Root == root {
			claimableAt = it.Event.ClaimableAt
		}
	}
	require.NoError(t, it.Error())
	require.NotZero(t, claimableAt, "epoch %d committed with root %s", epoch, root)
	return guard.VetoIntent(epoch, root, claimableAt, try)
}

// nextEpoch is the pool's nextEpoch.
func nextEpoch(t *testing.T, ctx context.Context, c *devnettest.Chain) uint64 {
	t.Helper()
	n, err := c.Market.Pool.NextEpoch(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	return n.Uint64()
}

// hashOf is a batch file's batchHash: its keccak256 (zero for no file).
func hashOf(raw []byte) common.Hash {
	if raw == nil {
		return common.Hash{}
	}
	return crypto.Keccak256Hash(raw)
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
	slices.SortFunc(ls, func(a, b store.Leaf) int { return a.Account.Cmp(b.Account) }) // the same leaves, the same bytes
	tr, err := merkle.Build(entries)
	require.NoError(t, err)
	bf := &ledger.BatchFile{Version: 2, Root: tr.Root(), CumulativeTotal: big.NewInt(int64(total)).String(), Leaves: ls,
		Sessions: []json.RawMessage{}, CumulativeSpent: "0", Spend: []store.SpendLeaf{}}
	return tr.Root(), new(big.Int).SetUint64(total), bf
}

// vetoSender is keeper guard's veto sender for key on c: a txmgr.Manager whose intents are kept in the
// keeper store schema at dir/guard.db (a guard restarted on the same dir resumes them).
func vetoSender(t *testing.T, c *devnettest.Chain, client txmgr.Backend, key *ecdsa.PrivateKey, dir string) *txmgr.Manager {
	t.Helper()
	return vetoSenderAt(t, c, client, key, dir, 1)
}

// vetoSenderAt is vetoSender counting a veto confirmed at depth confirmations (keeper guard's --confirmations).
func vetoSenderAt(t *testing.T, c *devnettest.Chain, client txmgr.Backend, key *ecdsa.PrivateKey, dir string, confirmations uint64) *txmgr.Manager {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(dir, "guard.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	from, sign := keys.TxSigner(key, new(big.Int).SetUint64(c.ChainID))
	m, err := txmgr.New(txmgr.Config{ChainID: new(big.Int).SetUint64(c.ChainID), From: from, Sign: sign,
		Confirmations: confirmations, FeeCeiling: big.NewInt(1e12), ResubmitAfter: 200 * time.Millisecond, PollInterval: 50 * time.Millisecond},
		client, st)
	require.NoError(t, err)
	return m
}

// batchChecker is keeper check-batch's checker on c.
func batchChecker(t *testing.T, ctx context.Context, c *devnettest.Chain, client *chain.Client) *ledger.BatchChecker {
	t.Helper()
	pool, market, models := c.Addr("ComputePool"), c.Addr("Marketplace"), c.Addr("ModelRegistry")
	deposits, err := ledger.NewChainDeposits(pool, client, c.Deployment.StartBlock, 1, 0, nil)
	require.NoError(t, err)
	signers, err := ledger.NewSignerHistory(market, client, ledger.SignerConfig{Start: c.Deployment.StartBlock, Confirmations: 1})
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, market, models, client, signers)
	require.NoError(t, err)
	return &ledger.BatchChecker{ChainID: c.ChainID, Pool: pool, Caller: client, Deposits: deposits,
		Verifier: &ledger.Verifier{Domain: eip712.NewDomain(c.ChainID, market), Registry: reg},
		Logs:     client, Start: c.Deployment.StartBlock}
}
