package guard_test

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestGuardEarlierFileWithheld (from a review): the credits check compares an epoch with the earlier
// epochs' files, so a hostile keeper stops serving the previous epoch's file once the guard has checked it
// and commits an inflated epoch whose own file it serves. The guard keeps the files it obtained
// (BatchChecker.Remember): it compares with epoch 0's file anyway and vetoes the inflated epoch 1 at once.
// A guard started after epoch 0's file went away cannot obtain it: the check is not a read the chain did
// not answer but a withheld file (ledger.ErrEarlierWithheld), so the epoch is vetoed as withheld in its
// window's last part. Before, both logged "check incomplete" until the inflated root became claimable. A
// guard restarted with its --data-dir (ledger.KeptFiles) still has epoch 0's file and vetoes at once.
func TestGuardEarlierFileWithheld(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	client, err := chain.Dial(ctx, []string{c.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	fetch := guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20)
	path := func(e uint64) string { return "/v1/batches/" + big.NewInt(int64(e)).String() }
	commit := func(epoch uint64, leaves map[string]uint64) common.Hash {
		root, total, bf := tree(t, leaves)
		bf.ChainID, bf.ComputePool, bf.Epoch = c.ChainID, poolAddr, epoch
		raw, err := json.Marshal(bf)
		require.NoError(t, err)
		c.CommitRoot(epoch, root, total, hashOf(raw), srv.URL+path(epoch))
		srvFiles.set(path(epoch), raw)
		return root
	}
	dataDir := t.TempDir() // the first guard's --data-dir
	newGuard := func(keep *ledger.KeptFiles) (*guard.Guard, *observer.ObservedLogs) {
		checker := batchChecker(t, ctx, c, client)
		checker.Fetch = fetch // as keeper guard wires it: the earlier epochs' files fetched at their uris
		checker.Keep = keep
		core, logs := observer.New(zapcore.InfoLevel)
		g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
			Confirmations: 1, Fetch: fetch, Log: zap.New(core), Metrics: metrics.NewSet(),
			Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())})
		require.NoError(t, err)
		return g, logs
	}
	said := saidAt
	next := func() uint64 { return nextEpoch(t, ctx, c) }

	commit(0, map[string]uint64{"0xa1": 0, "0xb2": 0}) // nothing owed: passes every check
	g, logs := newGuard(&ledger.KeptFiles{Dir: dataDir})
	require.NoError(t, g.Step(ctx))
	require.True(t, said(logs, "batch file ok", 0), "%v", logs.All())

	// Epoch 1 raises a1 by 50,000 with no session; epoch 0's file no longer served.
	commit(1, map[string]uint64{"0xa1": 50000, "0xb2": 0})
	srvFiles.set(path(0), nil)
	require.NoError(t, g.Step(ctx))
	require.True(t, said(logs, "epoch vetoed", 1), "compared with the epoch 0 file it kept: %v", logs.All())
	require.Equal(t, uint64(1), next())

	// The guard restarted (its --data-dir kept): epoch 0's file still not served, epoch 1 inflated again.
	// It compares with the copy it kept on disk and vetoes at once.
	commit(1, map[string]uint64{"0xa1": 55000, "0xb2": 0})
	restarted, restartedLogs := newGuard(&ledger.KeptFiles{Dir: dataDir})
	require.NoError(t, restarted.Step(ctx))
	require.True(t, said(restartedLogs, "batch file ok", 0), "epoch 0 from the kept copy: %v", restartedLogs.All())
	require.True(t, said(restartedLogs, "epoch vetoed", 1), "compared with the epoch 0 file kept on disk: %v", restartedLogs.All())
	require.Equal(t, uint64(1), next())

	// Epoch 0 claimable (its file withheld while pending would be vetoed too). A guard started now never
	// obtained epoch 0's file: the inflated epoch 1 (committed again) is withheld evidence, vetoed in its last
	// part (two tries in a row), not before.
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info0.ClaimableAt)))
	commit(1, map[string]uint64{"0xa1": 60000, "0xb2": 0})
	fresh, freshLogs := newGuard(&ledger.KeptFiles{Dir: t.TempDir()})
	require.NoError(t, fresh.Step(ctx))
	require.True(t, said(freshLogs, "an earlier epoch's batch file the check needs is not obtained: trying again", 1), "%v", freshLogs.All())
	require.Equal(t, uint64(2), next(), "not vetoed early in the window")
	info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info.ClaimableAt)-window/4))
	for range guard.WithheldTries {
		require.NoError(t, fresh.Step(ctx))
	}
	require.True(t, said(freshLogs, "batch file withheld: vetoing", 1), "%v", freshLogs.All())
	require.Equal(t, uint64(1), next(), "epoch 1 discarded")
}

// TestGuardEarlierFileUnanswered (from a review): an earlier epoch's file that the credits check needs and
// that gets no answer at all (connection refused) counts as withheld in the window's last part only as the
// epoch's own file would: if Config.Reachable then finds the guard's own way out working. With it down,
// three steps veto nothing; with it back, two tries veto. Reachable is asked once a step however many
// epochs need it (two here). Before, an earlier file's failure counted at once, so a guard whose own
// network was down vetoed honest epochs.
func TestGuardEarlierFileUnanswered(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	poolAddr := c.Addr("ComputePool")
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	dead := deadURL(t)
	commit := func(epoch uint64, base string) {
		path, raw := commitNothingOwed(t, c, epoch, base)
		srvFiles.set(path, raw)
	}
	commit(0, dead) // its file never answers
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info0.ClaimableAt)))
	commit(1, srv.URL)
	commit(2, srv.URL)

	var down atomic.Bool
	var asked atomic.Int32
	fetch := guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20)
	checker := batchChecker(t, ctx, c, client)
	checker.Fetch = fetch
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
		Confirmations: 1, Fetch: fetch, Log: zap.New(core), Metrics: metrics.NewSet(),
		Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir()),
		Reachable: func(context.Context) error {
			asked.Add(1)
			if down.Load() {
				return errors.New("no control URL answered")
			}
			return nil
		}})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx)) // epoch 0 claimable before the guard read it: not checked; 1 and 2 read
	info1, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info1.ClaimableAt)-window/8)) // both in their last part
	down.Store(true)
	asked.Store(0)
	for range 3 {
		require.NoError(t, g.Step(ctx))
	}
	notCounted := "batch file not obtained and the guard's own network check failed: not counted as withheld, trying again"
	require.True(t, saidAt(logs, notCounted, 1), "%v", logs.All())
	require.True(t, saidAt(logs, notCounted, 2), "%v", logs.All())
	require.Equal(t, uint64(3), nextEpoch(t, ctx, c), "nothing vetoed while the guard's own network is down")
	require.Equal(t, int32(3), asked.Load(), "asked once a step, not once an epoch")
	down.Store(false)
	for range guard.WithheldTries {
		require.NoError(t, g.Step(ctx))
	}
	require.True(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "epochs 1 and 2 discarded")
}

// TestGuardEarlierFileFetchedOnceAStep (from a review): an earlier epoch's file that the credits checks of
// several pending epochs need and that cannot be obtained is fetched once a step, not once for every epoch
// checked: a keeper whose earlier uri trickles its body until the fetch timeout, followed by many served
// epochs, stretched each step by one timeout per epoch until the inflated one got fewer than two tries in
// its window's last part. Three pending epochs, one failing earlier file: one request a step (three before).
func TestGuardEarlierFileFetchedOnceAStep(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	poolAddr := c.Addr("ComputePool")
	srvFiles := &files{byID: map[string][]byte{}} // epoch 0's file not set: 503
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/batches/0" {
			asked.Add(1)
		}
		srvFiles.ServeHTTP(w, r)
	}))
	defer srv.Close()
	commit := func(epoch uint64) {
		if path, raw := commitNothingOwed(t, c, epoch, srv.URL); epoch > 0 {
			srvFiles.set(path, raw)
		}
	}
	commit(0)
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info0.ClaimableAt)))
	for e := uint64(1); e <= 3; e++ {
		commit(e)
	}
	fetch := guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20)
	checker := batchChecker(t, ctx, c, client)
	checker.Fetch = fetch
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: poolAddr, Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
		Confirmations: 1, Fetch: fetch, Log: zap.New(core), Metrics: metrics.NewSet()})
	require.NoError(t, err)
	for step := int32(1); step <= 2; step++ {
		require.NoError(t, g.Step(ctx))
		require.Equal(t, step, asked.Load(), "epoch 0's file asked once a step")
	}
	for e := uint64(1); e <= 3; e++ {
		require.True(t, saidAt(logs, "an earlier epoch's batch file the check needs is not obtained: trying again", e), "%v", logs.All())
	}
}

// commitNothingOwed commits epoch on c with a batch file that owes nothing (so every check but the credits
// check's reads of earlier files passes; an account of its own, so that each root is new), its uri base
// plus the returned path, and returns the path and the file's bytes for the test to serve (or not).
func commitNothingOwed(t *testing.T, c *devnettest.Chain, epoch uint64, base string) (string, []byte) {
	t.Helper()
	root, total, bf := tree(t, map[string]uint64{"0xa1": 0, "0xc" + strconv.FormatUint(epoch, 10): 0})
	bf.ChainID, bf.ComputePool, bf.Epoch = c.ChainID, c.Addr("ComputePool"), epoch
	raw, err := json.Marshal(bf)
	require.NoError(t, err)
	path := "/v1/batches/" + strconv.FormatUint(epoch, 10)
	c.CommitRoot(epoch, root, total, hashOf(raw), base+path)
	return path, raw
}

// TestGuardWithheldRunBrokenByAnObtainedTry: WithheldTries tries in a row must fail to obtain a file the check
// needs; a try that obtained every file it asked for breaks the run, even when the chain then did not answer
// the check. Epoch 1 in its window's last part: its own file 503 (one try counted); then served while the
// checks' eth_call fails (obtained, the check cut short before it asks for epoch 0's file: the run broken);
// then epoch 0's file, which the credits check needs, gets no answer (one try counted, not a veto). A try
// with the guard's own way out down neither counts nor breaks the run, so the next failed try vetoes.
// Before, nothing broke the run: the first failure of epoch 0's file vetoed epoch 1 as withheld while the
// keeper was serving its file.
func TestGuardWithheldRunBrokenByAnObtainedTry(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	dead := deadURL(t)
	commitNothingOwed(t, c, 0, dead) // claimable before the guard reads it: never obtained
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info0.ClaimableAt)))
	path1, raw1 := commitNothingOwed(t, c, 1, srv.URL) // its file not served yet: 503

	var down atomic.Bool
	fetch := guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20)
	checker := batchChecker(t, ctx, c, client)
	checker.Fetch = fetch
	reads := &flakyBackend{Client: client}
	checker.Caller = reads // the checks' pool reads; the guard's own go through client
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
		Confirmations: 1, Fetch: fetch, Log: zap.New(core), Metrics: metrics.NewSet(),
		Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir()),
		Reachable: func(context.Context) error {
			if down.Load() {
				return errors.New("no control URL answered")
			}
			return nil
		}})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	info1, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.NoError(t, c.Market.WarpTo(ctx, uint64(info1.ClaimableAt)-window/8))
	counted := func() int {
		return len(logs.FilterMessage("batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too").All())
	}

	require.NoError(t, g.Step(ctx)) // epoch 1's own file 503: counted
	require.Equal(t, 1, counted(), "%v", logs.All())

	srvFiles.set(path1, raw1)
	reads.set(&reads.callsDown, true)
	require.NoError(t, g.Step(ctx)) // obtained; the check cut short by the chain: the run broken
	require.True(t, saidAt(logs, "batch file check incomplete (the chain did not answer), trying again", 1), "%v", logs.All())
	reads.set(&reads.callsDown, false)

	require.NoError(t, g.Step(ctx)) // epoch 0's file gets no answer: counted as the run's first
	require.False(t, saidAt(logs, "batch file withheld: vetoing", 1), "not in a row: %v", logs.All())
	require.Equal(t, 2, counted(), "%v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "not vetoed")

	down.Store(true)
	require.NoError(t, g.Step(ctx)) // the guard's own way out down: neither counted nor breaking the run
	require.True(t, saidAt(logs, "batch file not obtained and the guard's own network check failed: not counted as withheld, trying again", 1),
		"%v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "not vetoed")
	down.Store(false)

	require.NoError(t, g.Step(ctx)) // no answer again, the guard's way out working: the second in a row
	require.True(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "epoch 1 discarded")
}
