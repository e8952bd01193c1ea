package guard_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
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
)

// TestGuardRecommitJudgedByItsOwnCommit (from a review): the veto of an earlier epoch discards the later
// ones too, and the pool bars only the vetoed root, so the keeper commits a later epoch again with the same
// root, another uri and a new window. Until the follower reads that recommit (at its depth), the pool's
// epoch holds the same root as the discarded commit the guard still follows, whose uri is served no longer:
// the guard must not judge the recommit by the old commit's uri and window. Epoch 1's file is withheld into
// its window's last part (one failed try), another guardian vetoes epoch 0, and the keeper commits epoch 0
// (a new root) and epoch 1 (the same root, its file served at a new uri) again. Before, the next step
// counted the old uri's failure as the second withheld try and vetoed the honest recommit; now the old
// commit is followed as discarded, and the recommit, read at the depth, is checked ok.
func TestGuardRecommitJudgedByItsOwnCommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window, depth = 3600, 3
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	_, _, mine := anvilRPC(t, ctx, c.Anvil.URL)
	two := commitTwo(t, ctx, c)
	mine(depth)

	g, logs := vetoGuard(t, ctx, c, client, depth, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), depth), nil)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 0), "%v", logs.All())
	require.NoError(t, c.Market.WarpTo(ctx, two.claimable1-window/8)) // epoch 1 in its window's last part
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too", 1),
		"%v", logs.All())

	// Another guardian vetoes epoch 0 (epoch 1 discarded with it); the keeper commits both again, epoch 1
	// with the same root and bytes at a new uri, served.
	vetoAsAnother(t, ctx, c, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1), "other", two.root0)
	two.recommit(t, ctx, c)

	require.NoError(t, g.Step(ctx)) // the recommits short of the follower's depth
	require.False(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "the recommit not vetoed")
	mine(depth)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 1), "the recommit read and checked: %v", logs.All())
	require.Empty(t, g.Pending())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c))
}

// TestGuardStaleVetoNeverLandsOnASameRootRecommit (from a review): the guard's veto of epoch 1's commit
// (its file withheld) is broadcast and not mined; another guardian vetoes epoch 0, discarding epoch 1, and
// the keeper commits both again, epoch 1 with the same root, its file served, which the guard checks ok.
// When the guard later vetoes a bad epoch 2, its transaction manager drives the earlier veto to a block
// first (nonces in order). That veto names the discarded commit's claim time, so it reverts against the
// recommit: epoch 1's root stays live and unbarred, and epoch 2 is vetoed. Before vetoRoot named the claim
// time, the stale veto discarded the honest recommit and barred its root for good.
func TestGuardStaleVetoNeverLandsOnASameRootRecommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window, depth = 3600, 3
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	_, _, mine := anvilRPC(t, ctx, c.Anvil.URL)
	rc, err := rpc.DialContext(ctx, c.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	automine := func(on bool) { require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", on)) }
	other := c.NewKey() // another guardian, with a key of its own: the guard's nonce stays with its stale veto
	role, err := c.Market.Pool.GUARDIANROLE(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	c.Mined(c.Market.Pool.GrantRole(c.Opts(devnet.GuardianKey()), role, crypto.PubkeyToAddress(other.PublicKey)))

	two := commitTwo(t, ctx, c)
	mine(depth)

	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: depth, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), VetoWait: 2 * time.Second, Veto: vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), depth)})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	require.NoError(t, c.Market.WarpTo(ctx, two.claimable1-window/8))
	require.NoError(t, g.Step(ctx))

	// The guard's veto of epoch 1's commit: broadcast, not mined (congestion), then gone from the node's pool.
	automine(false)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.NoError(t, rc.CallContext(ctx, nil, "anvil_dropAllTransactions"))
	automine(true)
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c))

	// The other guardian vetoes epoch 0; the keeper commits 0 and 1 again, 1 with the same root, served.
	c.Mined(c.Market.Pool.VetoRoot(c.Opts(other), big.NewInt(0), two.root0, two.claimable0))
	two.recommit(t, ctx, c)
	require.NoError(t, g.Step(ctx))
	mine(depth)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 1), "the recommit checked ok: %v", logs.All())

	// A bad epoch 2 (not a batch file): the guard vetoes it, driving its stale veto of epoch 1 first.
	garbage := []byte("not a batch file")
	two.files.set("/v1/batches/2", garbage)
	root2, _, _ := tree(t, map[string]uint64{"0xa1": 0, "0xd2": 0})
	c.CommitRoot(2, root2, two.total1, hashOf(garbage), two.url+"/v1/batches/2")
	mine(depth)
	for range 3 {
		if nextEpoch(t, ctx, c) == 2 {
			break
		}
		_ = g.Step(ctx) // the stale veto driven first may take more than a step's VetoWait
	}
	vetoed, err := c.Market.Pool.IsVetoed(&bind.CallOpts{Context: ctx}, two.root1)
	require.NoError(t, err)
	require.False(t, vetoed, "the honest same-root recommit of epoch 1 not vetoed: %v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "epoch 2 vetoed, epoch 1 live: %v", logs.All())
	vetoed, err = c.Market.Pool.IsVetoed(&bind.CallOpts{Context: ctx}, root2)
	require.NoError(t, err)
	require.True(t, vetoed, "epoch 2's root vetoed")
}

// TestGuardSameFileRecommitCountsTheDiscard: a commit is its root and its claim time (what the pool keeps and
// vetoRoot names), for the events the guard reads as for the pool it reads. Epoch 1's file obtained and kept,
// its check cut short by the chain; another guardian vetoes epoch 0 (epoch 1 discarded with it) and the keeper
// commits epoch 1 again with the same root and the same bytes, in a new window. The guard counts the discarded
// commit gone (keeper_guard_epochs_total{result="gone"}) and checks the recommit from the copy it kept (its
// uri no longer served): the discarded commit's file is not removed while the recommit names it. Before, a
// recommit was told apart by root and batchHash, so this one replaced the discarded commit uncounted.
func TestGuardSameFileRecommitCountsTheDiscard(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	const window = 3600
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: window})
	two := commitTwo(t, ctx, c)
	checker := batchChecker(t, ctx, c, client)
	checker.Keep = &ledger.KeptFiles{Dir: t.TempDir()}
	reads := &flakyBackend{Client: client}
	checker.Caller = reads // the checks' pool reads; the guard's own go through client
	set := metrics.NewSet()
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: client, Checker: checker, Start: c.Deployment.StartBlock,
		Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20), Log: zap.New(core), Metrics: set,
		Veto: vetoSender(t, c, client, devnet.GuardianKey(), t.TempDir())})
	require.NoError(t, err)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 0), "%v", logs.All())
	two.files.set("/v1/batches/1", two.raw1)
	reads.set(&reads.callsDown, true)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file check incomplete (the chain did not answer), trying again", 1), "%v", logs.All())
	reads.set(&reads.callsDown, false)

	// Later in the window (still before its last part): a recommit in the same second as the first commit
	// would be claimable at the same time, the same commit to the pool.
	require.NoError(t, c.Market.WarpTo(ctx, two.claimable1-window/2))
	vetoAsAnother(t, ctx, c, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1), "other", two.root0)
	two.recommit(t, ctx, c) // epoch 1: the same root and bytes, a new window
	two.files.set("/v1/batches/1", nil)
	two.files.set("/v1/batches/1b", nil)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch committed again while its earlier commit was followed: the earlier one is discarded", 1),
		"%v", logs.All())
	var prom bytes.Buffer
	set.WritePrometheus(&prom)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="gone"} 1`)
	require.True(t, saidAt(logs, "batch file ok", 1), "the recommit checked from the kept copy: %v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c))
}

// twoEpochs is epochs 0 and 1 committed on a chain, their files at url (commitTwo).
type twoEpochs struct {
	files                  *files
	url                    string
	raw1                   []byte
	root0, root1           common.Hash
	total1                 *big.Int
	claimable0, claimable1 uint64
}

// commitTwo commits epoch 0 (its file served) and epoch 1 (its file withheld: its uri answers 503) on c.
func commitTwo(t *testing.T, ctx context.Context, c *devnettest.Chain) *twoEpochs {
	t.Helper()
	two := &twoEpochs{files: &files{byID: map[string][]byte{}}}
	srv := httptest.NewServer(two.files)
	t.Cleanup(srv.Close)
	two.url = srv.URL
	path0, raw0 := commitNothingOwed(t, c, 0, srv.URL)
	two.files.set(path0, raw0)
	_, two.raw1 = commitNothingOwed(t, c, 1, srv.URL)
	i0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	i1, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	two.root0, two.claimable0 = i0.Root, i0.ClaimableAt
	two.root1, two.total1, two.claimable1 = i1.Root, i1.CumulativeTotal, i1.ClaimableAt
	return two
}

// recommit commits epoch 0 again (discarded: a new root, served) and epoch 1 again with the same root and
// bytes at a new uri, served, and requires the recommit a window of its own.
func (two *twoEpochs) recommit(t *testing.T, ctx context.Context, c *devnettest.Chain) {
	t.Helper()
	again0, total0, bf0 := tree(t, map[string]uint64{"0xa1": 0, "0xd0": 0})
	bf0.ChainID, bf0.ComputePool = c.ChainID, c.Addr("ComputePool")
	raw0b, err := json.Marshal(bf0)
	require.NoError(t, err)
	two.files.set("/v1/batches/0b", raw0b)
	c.CommitRoot(0, again0, total0, hashOf(raw0b), two.url+"/v1/batches/0b")
	two.files.set("/v1/batches/1b", two.raw1)
	c.CommitRoot(1, two.root1, two.total1, hashOf(two.raw1), two.url+"/v1/batches/1b")
	i1, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.Greater(t, i1.ClaimableAt, two.claimable1, "a window of its own")
}

// TestGuardSameCommitKeepsItsState (from a review): an epoch discarded by the veto of an earlier one and
// committed again with the same root and the same claim time (the previous epoch's, which a longer dispute
// window set) is the same commit to the pool and to vetoRoot, and the guard follows it on with what it
// learnt of it. Before, the event read replaced the commit followed by a fresh one:
//   - finding: epoch 2's bytes are not a batch file, and the guard's veto fails (its estimate's RPC down).
//     Another guardian vetoes epoch 1 (epoch 2 discarded with it); the keeper commits epoch 1 again (a new
//     root) and epoch 2 with the same root and bytes at a uri it does not serve. The next step vetoes epoch 2
//     without reading a file; before, the finding was lost and the recommit checked from scratch (its file
//     not obtained: tried again, in its window's first part not even counted as withheld);
//   - withheld: epoch 2's file withheld, one failed try in its window's last part; the same discard and the
//     same bytes recommitted at another uri, not served: the next failed try vetoes it as withheld. Before,
//     the run started again (and the last part, counted from the recommit, had not begun): not vetoed;
//   - a finding not in the bytes alone (the commit's total is not the file's, on-chain): not kept, as the
//     recommit may change what it rested on (here the total; in a keeper's run, the previous epoch's file
//     the credits are compared with, vetoed and recommitted first): checked again and found ok;
//   - other bytes: the same, but epoch 2 recommitted with another file: none of it tried yet, so one failed
//     try, in the recommit's own last part too, does not veto it (the run starts again), and once served it
//     is checked ok.
func TestGuardSameCommitKeepsItsState(t *testing.T) {
	t.Run("finding", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		s := shareClaimTime(t, ctx)
		garbage := []byte("not a batch file")
		s.files.set("/v1/batches/2", garbage)
		root2, _, _ := tree(t, map[string]uint64{"0xa1": 0, "0xe2": 0})
		s.c.CommitRoot(2, root2, new(big.Int), hashOf(garbage), s.url+"/v1/batches/2")
		backend := &flakyBackend{Client: s.client, estimateDown: true}
		g, logs := vetoingGuard(t, ctx, s.c, s.client, backend)
		require.NoError(t, g.Step(ctx))
		require.True(t, saidAt(logs, "batch file has problems: vetoing", 2), "%v", logs.All())
		require.True(t, saidAt(logs, "veto failed, trying again next step while the window lasts", 2), "%v", logs.All())
		backend.set(&backend.estimateDown, false)

		s.discardAndRecommit(t, ctx, root2, hashOf(garbage), "/v1/batches/2b") // not served
		s.files.set("/v1/batches/2", nil)
		require.NoError(t, g.Step(ctx))
		require.True(t, saidAt(logs, "epoch committed again with the same root and claim time: followed as the same commit", 2),
			"%v", logs.All())
		require.True(t, saidAt(logs, "epoch vetoed", 2), "the finding kept, vetoed without a file: %v", logs.All())
		require.Equal(t, uint64(2), nextEpoch(t, ctx, s.c))
		require.Empty(t, g.Pending())
	})
	t.Run("finding-not-in-the-bytes", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		s := shareClaimTime(t, ctx)
		root2, _, bf2 := tree(t, map[string]uint64{"0xa1": 0, "0xc2": 0})
		bf2.ChainID, bf2.ComputePool, bf2.Epoch = s.c.ChainID, s.c.Addr("ComputePool"), 2
		raw2, err := json.Marshal(bf2)
		require.NoError(t, err)
		s.files.set("/v1/batches/2", raw2)
		s.c.CommitRoot(2, root2, big.NewInt(1), hashOf(raw2), s.url+"/v1/batches/2") // not the file's total
		backend := &flakyBackend{Client: s.client, estimateDown: true}
		g, logs := vetoingGuard(t, ctx, s.c, s.client, backend)
		require.NoError(t, g.Step(ctx))
		require.True(t, saidAt(logs, "batch file has problems: vetoing", 2), "%v", logs.All())
		backend.set(&backend.estimateDown, false)

		s.discardAndRecommit(t, ctx, root2, hashOf(raw2), "/v1/batches/2") // the same bytes, the file's total now
		require.NoError(t, g.Step(ctx))
		require.True(t, saidAt(logs, "epoch committed again with the same root and claim time: followed as the same commit", 2),
			"%v", logs.All())
		require.True(t, saidAt(logs, "batch file ok", 2), "checked again, not vetoed for the first commit's total: %v", logs.All())
		require.Equal(t, uint64(3), nextEpoch(t, ctx, s.c))
		require.Empty(t, g.Pending())
	})
	for _, sameBytes := range []bool{true, false} {
		name := "withheld"
		if !sameBytes {
			name = "other-bytes"
		}
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			s := shareClaimTime(t, ctx)
			_, raw2 := commitNothingOwed(t, s.c, 2, s.url) // not served
			g, logs := vetoingGuard(t, ctx, s.c, s.client, s.client)
			require.NoError(t, g.Step(ctx))
			require.NoError(t, s.c.Market.WarpTo(ctx, s.claimableAt-1000)) // the window's last part: its last quarter
			require.NoError(t, g.Step(ctx))
			require.True(t, saidAt(logs, "batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too", 2),
				"%v", logs.All())

			i2, err := s.c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(2))
			require.NoError(t, err)
			again := raw2
			if !sameBytes { // the same file written out otherwise: other bytes, the same root
				var buf bytes.Buffer
				require.NoError(t, json.Indent(&buf, raw2, "", " "))
				again = buf.Bytes()
			}
			s.discardAndRecommit(t, ctx, i2.Root, hashOf(again), "/v1/batches/2b") // not served
			require.NoError(t, g.Step(ctx))
			if sameBytes {
				require.True(t, saidAt(logs, "batch file withheld: vetoing", 2), "the run kept: %v", logs.All())
				require.Equal(t, uint64(2), nextEpoch(t, ctx, s.c))
				return
			}
			require.False(t, saidAt(logs, "batch file withheld: vetoing", 2), "%v", logs.All())
			require.Equal(t, uint64(3), nextEpoch(t, ctx, s.c))
			// In the recommit's own last part (its last quarter: some 250 s): one failed try of the new file
			// starts a run of its own, not the second of the old file's run.
			require.NoError(t, s.c.Market.WarpTo(ctx, s.claimableAt-100))
			require.NoError(t, g.Step(ctx))
			require.False(t, saidAt(logs, "batch file withheld: vetoing", 2), "the run started again: %v", logs.All())
			require.Equal(t, uint64(3), nextEpoch(t, ctx, s.c))
			s.files.set("/v1/batches/2b", again)
			require.NoError(t, g.Step(ctx))
			require.True(t, saidAt(logs, "batch file ok", 2), "%v", logs.All())
			require.Empty(t, g.Pending())
		})
	}
}

// sharedClaimTime is a chain whose epochs 0 and 1 are committed (their files served at url) with one claim
// time: the later epochs committed before it nears take it too (shareClaimTime).
type sharedClaimTime struct {
	c           *devnettest.Chain
	client      *chain.Client
	files       *files
	url         string
	root1       common.Hash
	claimableAt uint64
	vetoer      *ecdsa.PrivateKey // the other guardian's key discardAndRecommit vetoes with (nil: the devnet's guardian)
}

// shareClaimTime deploys a pool with a dispute window of 600 s, commits epoch 0 under a window raised to
// 7200 s and epoch 1 under 600 s again: epoch 1, and every epoch committed up to 600 s before epoch 0's claim
// time, takes epoch 0's claim time (ComputePool: never below the previous epoch's).
func shareClaimTime(t *testing.T, ctx context.Context) *sharedClaimTime {
	t.Helper()
	c, client := anvilChain(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 600,
		WithdrawalDelay: 86400})
	s := &sharedClaimTime{c: c, client: client, files: &files{byID: map[string][]byte{}}}
	srv := httptest.NewServer(s.files)
	t.Cleanup(srv.Close)
	s.url = srv.URL
	c.Mined(c.Market.Pool.SetDisputeWindow(c.Opts(devnet.GuardianKey()), 7200))
	path, raw := commitNothingOwed(t, c, 0, s.url)
	s.files.set(path, raw)
	c.Mined(c.Market.Pool.SetDisputeWindow(c.Opts(devnet.GuardianKey()), 600))
	path, raw = commitNothingOwed(t, c, 1, s.url)
	s.files.set(path, raw)
	i0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	i1, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
	require.NoError(t, err)
	require.Equal(t, i0.ClaimableAt, i1.ClaimableAt, "epoch 1 takes epoch 0's claim time")
	s.root1, s.claimableAt = i1.Root, i1.ClaimableAt
	return s
}

// discardAndRecommit has another guardian veto epoch 1 (epoch 2 discarded with it) and the keeper commit epoch
// 1 again (a new root, served) and epoch 2 again with root2, batchHash and the uri path, and requires epoch
// 2's commit the same claim time as before: the same commit to the pool.
func (s *sharedClaimTime) discardAndRecommit(t *testing.T, ctx context.Context, root2, batchHash common.Hash, path string) {
	t.Helper()
	c := s.c
	vetoer := s.vetoer
	if vetoer == nil {
		vetoer = devnet.GuardianKey()
	}
	c.Mined(c.Market.Pool.VetoRoot(c.Opts(vetoer), big.NewInt(1), s.root1, s.claimableAt))
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))
	root1, total1, bf1 := tree(t, map[string]uint64{"0xa1": 0, "0xd1": 0})
	bf1.ChainID, bf1.ComputePool, bf1.Epoch = c.ChainID, c.Addr("ComputePool"), 1
	raw1, err := json.Marshal(bf1)
	require.NoError(t, err)
	s.files.set("/v1/batches/1b", raw1)
	c.CommitRoot(1, root1, total1, hashOf(raw1), s.url+"/v1/batches/1b")
	c.CommitRoot(2, root2, new(big.Int), batchHash, s.url+path)
	i2, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(2))
	require.NoError(t, err)
	require.Equal(t, s.claimableAt, i2.ClaimableAt, "the same claim time: the same commit to the pool")
}

// TestGuardRecommitReorgedOutFallsBack (from two reviews): a recommit the guard read and a reorg deeper than
// its depth then took back. Epoch 2's bytes are not a batch file and the guard's veto fails (its estimate's
// RPC down); another guardian vetoes epoch 1 and the keeper commits epochs 1 and 2 again, which the guard
// reads; then a reorg (evm_revert):
//   - same-commit: epoch 2 recommitted with the same root and claim time, the reorg taking the veto and both
//     recommits: the first commit is the pool's again, and the guard falls back on its first event and
//     vetoes it. Before, rollback dropped the commit with the recommit's block and the follower, reading
//     again only above the fork, never read the first event again: left live, followed by no one;
//   - another-root: the same with epoch 2 recommitted under another root (a commit of its own, which
//     replaced the first): the guard falls back on the commit it replaced and vetoes it. Before: the same;
//   - re-included: epoch 2 recommitted as the same commit with other bytes, a batch file for another root
//     (a finding in those bytes alone), kept; the reorg puts the same transactions a block later and the
//     keeper stops serving that file. The guard falls back, reads the recommit again and vetoes it with what
//     it learnt of that file. Before the fallback kept each file's state, the fallback dropped that file's
//     copy and finding, and the re-included recommit, its file not served, was not vetoed;
//   - another-root-re-included: the same with epoch 2 recommitted under another root, its bytes not a batch
//     file (never kept): read again, the replacing commit goes on with its finding and is vetoed at once.
//     Before, it was read as a new commit, its file not served: vetoed only as withheld, in its last part.
//
// Each commit is counted once in keeper_guard_epochs_total, when decided: the first commit, replaced and
// then fallen back on and vetoed, is not counted gone too.
func TestGuardRecommitReorgedOutFallsBack(t *testing.T) {
	for _, name := range []string{"same-commit", "another-root", "re-included", "another-root-re-included"} {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			s := shareClaimTime(t, ctx)
			snapshot, revert, mine := anvilRPC(t, ctx, s.c.Anvil.URL)
			garbage := []byte("not a batch file")
			s.files.set("/v1/batches/2", garbage)
			root2, _, _ := tree(t, map[string]uint64{"0xa1": 0, "0xe2": 0})
			s.c.CommitRoot(2, root2, new(big.Int), hashOf(garbage), s.url+"/v1/batches/2")
			backend := &flakyBackend{Client: s.client, estimateDown: true}
			checker := batchChecker(t, ctx, s.c, s.client)
			checker.Keep = &ledger.KeptFiles{Dir: t.TempDir()}
			core, logs := observer.New(zapcore.InfoLevel)
			set := metrics.NewSet()
			g, err := guard.New(guard.Config{Pool: s.c.Addr("ComputePool"), Backend: backend, Checker: checker,
				Start: s.c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
				Log: zap.New(core), Metrics: set, Veto: vetoSender(t, s.c, backend, devnet.GuardianKey(), t.TempDir())})
			require.NoError(t, err)
			require.NoError(t, g.Step(ctx))
			require.True(t, saidAt(logs, "veto failed, trying again next step while the window lasts", 2), "%v", logs.All())

			again, file := root2, hashOf(garbage) // the recommit's root and file
			switch name {
			case "another-root":
				again, _, _ = tree(t, map[string]uint64{"0xa1": 0, "0xe3": 0})
			case "re-included":
				_, _, bf := tree(t, map[string]uint64{"0xa1": 0, "0xe3": 0}) // a batch file for another root
				bf.ChainID, bf.ComputePool, bf.Epoch = s.c.ChainID, s.c.Addr("ComputePool"), 2
				raw, err := json.Marshal(bf)
				require.NoError(t, err)
				s.files.set("/v1/batches/2b", raw)
				file = hashOf(raw)
			case "another-root-re-included":
				again, _, _ = tree(t, map[string]uint64{"0xa1": 0, "0xe3": 0})
				raw := []byte("not a batch file either")
				s.files.set("/v1/batches/2b", raw)
				file = hashOf(raw)
			}
			reincluded := name == "re-included" || name == "another-root-re-included"
			before := snapshot()
			s.discardAndRecommit(t, ctx, again, file, "/v1/batches/2b")
			require.NoError(t, g.Step(ctx))
			require.Equal(t, []uint64{2}, g.Pending())
			if reincluded {
				require.Len(t, logs.FilterMessage("veto failed, trying again next step while the window lasts").All(), 2,
					"the recommit's file checked and found bad: %v", logs.All())
			}

			revert(before) // the veto of epoch 1 and both recommits leave the chain
			require.Equal(t, uint64(3), nextEpoch(t, ctx, s.c), "the first commits the pool's again")
			if reincluded { // the same transactions a block later; the recommit's file no longer served
				mine(1)
				s.discardAndRecommit(t, ctx, again, file, "/v1/batches/2b")
				s.files.set("/v1/batches/2b", nil)
			} else {
				mine(3) // blocks at the heights taken again: the follower finds the reorg (follow.ErrBehind until then)
			}
			backend.set(&backend.estimateDown, false)
			require.NoError(t, g.Step(ctx))
			require.True(t, saidAt(logs, "epoch vetoed", 2), "%v", logs.All())
			require.Equal(t, uint64(2), nextEpoch(t, ctx, s.c))
			require.Empty(t, g.Pending())
			fellBack := "recommit of a followed epoch reorged out: following its earlier event"
			if name == "another-root" || name == "another-root-re-included" {
				fellBack = "replacing commit of a followed epoch reorged out: following the commit it replaced"
			}
			require.True(t, saidAt(logs, fellBack, 2), "%v", logs.All())
			var prom bytes.Buffer
			set.WritePrometheus(&prom)
			require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="vetoed"} 1`)
			if name == "another-root-re-included" { // the first commit, replaced for good, counted gone once
				require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="gone"} 1`)
			} else {
				require.NotContains(t, prom.String(), `result="gone"`, "the commit vetoed counted once (not gone when replaced too)")
			}
		})
	}
}

// TestGuardVetoInFlightAcrossASameCommitRecommit: the guard's veto of epoch 2 (its bytes not a batch file)
// is broadcast and not mined (congestion), then gone from the node's pool; another guardian, with a key of
// its own, vetoes epoch 1 (epoch 2 discarded with it) and the keeper commits epochs 1 and 2 again, epoch 2
// the same commit (root and claim time) with the same bytes at a uri it does not serve. The guard follows
// the recommit as the commit its veto names and drives that veto on: the same signed transaction, the
// guardian's one nonce, lands on the recommit, with no file read again and no second veto beside it.
func TestGuardVetoInFlightAcrossASameCommitRecommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s := shareClaimTime(t, ctx)
	c := s.c
	rc, err := rpc.DialContext(ctx, c.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	automine := func(on bool) { require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", on)) }
	s.vetoer = c.NewKey()
	role, err := c.Market.Pool.GUARDIANROLE(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	c.Mined(c.Market.Pool.GrantRole(c.Opts(devnet.GuardianKey()), role, crypto.PubkeyToAddress(s.vetoer.PublicKey)))
	guardian := crypto.PubkeyToAddress(devnet.GuardianKey().PublicKey)
	nonce0, err := s.client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)

	garbage := []byte("not a batch file")
	s.files.set("/v1/batches/2", garbage)
	root2, _, _ := tree(t, map[string]uint64{"0xa1": 0, "0xe2": 0})
	c.CommitRoot(2, root2, new(big.Int), hashOf(garbage), s.url+"/v1/batches/2")
	intent := vetoIntent(t, ctx, c, 2, root2, 0)
	veto := vetoSender(t, c, s.client, devnet.GuardianKey(), t.TempDir())
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: s.client, Checker: batchChecker(t, ctx, c, s.client),
		Start: c.Deployment.StartBlock, Confirmations: 1, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), VetoWait: 2 * time.Second, Veto: veto})
	require.NoError(t, err)

	automine(false)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file has problems: vetoing", 2), "%v", logs.All())
	sent, err := veto.Lookup(ctx, intent)
	require.NoError(t, err, "the veto stored before its broadcast")
	require.NoError(t, rc.CallContext(ctx, nil, "anvil_dropAllTransactions"))
	automine(true)
	require.Equal(t, uint64(3), nextEpoch(t, ctx, c), "not vetoed yet")

	s.discardAndRecommit(t, ctx, root2, hashOf(garbage), "/v1/batches/2b") // not served
	s.files.set("/v1/batches/2", nil)
	for range 3 {
		require.NoError(t, g.Step(ctx))
		if saidAt(logs, "epoch vetoed", 2) {
			break
		}
	}
	require.True(t, saidAt(logs, "epoch committed again with the same root and claim time: followed as the same commit", 2),
		"%v", logs.All())
	require.True(t, saidAt(logs, "epoch vetoed", 2), "%v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "the recommit vetoed")
	require.Empty(t, g.Pending())
	landed, err := veto.Lookup(ctx, intent)
	require.NoError(t, err)
	require.Equal(t, sent.Nonce, landed.Nonce, "the transaction stored before the recommit, driven on")
	require.Equal(t, txmgr.StateConfirmed, landed.State)
	nonce, err := s.client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	require.Equal(t, nonce0+1, nonce, "one veto transaction")
	it, err := c.Market.Pool.FilterRootVetoed(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	defer it.Close()
	var vetoes []common.Hash
	for it.Next() {
		vetoes = append(vetoes, it.Event.Root)
	}
	require.Equal(t, []common.Hash{s.root1, root2}, vetoes, "the other guardian's veto of epoch 1, then the guard's of epoch 2")
}
