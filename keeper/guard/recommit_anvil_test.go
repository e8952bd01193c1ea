package guard_test

import (
	"bytes"
	"context"
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

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
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
