package guard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/txmgr"
)

// anvilRPC returns evm_snapshot, evm_revert and evm_mine on c's anvil.
func anvilRPC(t *testing.T, ctx context.Context, url string) (snapshot func() string, revert func(string), mine func(int)) {
	t.Helper()
	rc, err := rpc.DialContext(ctx, url)
	require.NoError(t, err)
	t.Cleanup(rc.Close)
	snapshot = func() string {
		var id string
		require.NoError(t, rc.CallContext(ctx, &id, "evm_snapshot"))
		return id
	}
	revert = func(id string) {
		var ok bool
		require.NoError(t, rc.CallContext(ctx, &ok, "evm_revert", id))
		require.True(t, ok)
	}
	mine = func(n int) {
		for range n {
			require.NoError(t, rc.CallContext(ctx, nil, "evm_mine"))
		}
	}
	return snapshot, revert, mine
}

// vetoGuard is a guard on c following commits at depth and vetoing through veto (its metrics in set, when
// given), with its logs.
func vetoGuard(t *testing.T, ctx context.Context, c *devnettest.Chain, client *chain.Client, depth uint64, veto guard.Sender,
	set *metrics.Set) (*guard.Guard, *observer.ObservedLogs) {
	t.Helper()
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: client, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: depth, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core), Metrics: set, VetoWait: 30 * time.Second, Veto: veto})
	require.NoError(t, err)
	return g, logs
}

// vetoAsAnother vetoes epoch 0's root through m (another guardian: the same role, its own transactions) as
// intent id, and requires it mined and successful.
func vetoAsAnother(t *testing.T, ctx context.Context, c *devnettest.Chain, m *txmgr.Manager, id string, root common.Hash) {
	t.Helper()
	abi, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	info, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
	require.NoError(t, err)
	data, err := abi.Pack("vetoRoot", big.NewInt(0), root, info.ClaimableAt)
	require.NoError(t, err)
	r, err := m.Send(ctx, id, txmgr.Candidate{To: c.Addr("ComputePool"), Data: data})
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, r.Status)
}

// TestGuardFollowsADiscardToItsDepth (from a review): an epoch the pool shows discarded at the head (another
// guardian's veto, one block deep) is followed until the discard is at the guard's depth (3), not dropped
// at once: the veto reorged out, the inflated root pending again, the guard checks it and vetoes it itself.
// Before, the first step logged "discarded before the guard decided it" and dropped the epoch; after the
// reorg nobody followed it and the root became claimable. The same with a guard following commits at depth 1
// and its veto sender confirming at 3 (from a review): a discard counts at the deeper of the two, as the
// guard's own veto does (before, the guard took the discard at depth 1 for final).
func TestGuardFollowsADiscardToItsDepth(t *testing.T) {
	for _, guardDepth := range []uint64{3, 1} {
		t.Run(fmt.Sprintf("guard-depth=%d", guardDepth), func(t *testing.T) { followsADiscardToItsDepth(t, guardDepth) })
	}
}

func followsADiscardToItsDepth(t *testing.T, guardDepth uint64) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	snapshot, revert, mine := anvilRPC(t, ctx, c.Anvil.URL)
	const depth = 3 // the veto sender's, and so the depth a discard counts at
	g, logs := vetoGuard(t, ctx, c, client, guardDepth, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), depth), nil)
	mine(depth) // the commit at the guard's depth

	// Another guardian (the same role, its own transactions) vetoes the root: one block deep.
	before := snapshot()
	other := vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1)
	vetoAsAnother(t, ctx, c, other, "other", root)
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c))

	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "followed while the discard is short of the depth: %v", logs.All())
	require.True(t, saidAt(logs, "epoch discarded, not yet at the guard's depth: followed until it is", 0), "%v", logs.All())

	revert(before) // the other guardian's veto reorged out: the inflated root is pending again
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "veto mined, waiting for its confirmations", 0), "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed by this guard")
	mine(depth - 1)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch vetoed", 0), "%v", logs.All())
	require.Empty(t, g.Pending())

	// Committed again (another inflated root, its file never served) and vetoed by the other guardian: followed
	// until that discard is at the depth, then dropped as discarded.
	root2, total2, _ := tree(t, map[string]uint64{"0xa1": 700})
	c.CommitRoot(0, root2, total2, common.HexToHash("0x01"), "http://127.0.0.1:1/v1/batches/0")
	mine(depth)
	vetoAsAnother(t, ctx, c, other, "other-2", root2)
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "%v", logs.All())
	require.False(t, saidAt(logs, "epoch discarded before the guard decided it (vetoed)", 0), "%v", logs.All())
	mine(depth - 1)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch discarded before the guard decided it (vetoed)", 0), "%v", logs.All())
	require.Empty(t, g.Pending())
}

// TestGuardDiscardBetweenCheckAndVeto (from a review): another guardian's veto lands (one block deep) between
// the guard's check of an inflated root and its own veto. The guard sends nothing, and follows the discard:
// when a reorg removes that veto, the guard vetoes the root itself. Before, it dropped the epoch at once
// and the root, pending again, became claimable unwatched.
func TestGuardDiscardBetweenCheckAndVeto(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	snapshot, revert, mine := anvilRPC(t, ctx, c.Anvil.URL)
	const depth = 3
	g, logs := vetoGuard(t, ctx, c, client, depth, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), depth), nil)
	mine(depth)
	other := vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1)
	var before string
	guard.SetBeforeVeto(g, func(uint64) {
		guard.SetBeforeVeto(g, nil)
		before = snapshot()
		vetoAsAnother(t, ctx, c, other, "other", root)
	})
	require.NoError(t, g.Step(ctx))
	require.NotEmpty(t, before, "the hook ran")
	require.Equal(t, []uint64{0}, g.Pending(), "followed: %v", logs.All())
	revert(before)
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "the inflated root pending again")
	require.NoError(t, g.Step(ctx))
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed by this guard: %v", logs.All())
	mine(depth - 1)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch vetoed", 0), "%v", logs.All())
}

// TestGuardVetoReincluded (from a review): a reorg that moves the guard's own veto into another block of the
// new branch (the usual shape of a reorg) is not taken for a discard by someone else: txmgr's Check finds
// the transaction in its new block and the guard waits for its depth there; when a second reorg drops it,
// the root pending again, the guard sends it again and it lands. Before, Check said "in no block", the guard
// dropped the epoch, and after the second reorg the inflated root was pending with nobody following it.
func TestGuardVetoReincluded(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	snapshot, revert, mine := anvilRPC(t, ctx, c.Anvil.URL)
	m := vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 3)
	g, logs := vetoGuard(t, ctx, c, client, 1, m, nil)

	before := snapshot()
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "followed until the depth")
	sent, err := m.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 0))
	require.NoError(t, err)

	revert(before) // a reorg whose new branch has the same veto one block later
	mine(1)
	second := snapshot()
	tx := new(types.Transaction)
	require.NoError(t, tx.UnmarshalBinary(sent.Latest().Raw))
	require.NoError(t, client.SendTransaction(ctx, tx))
	_, err = bind.WaitMined(ctx, client, tx) // anvil answers the send before its block is there
	require.NoError(t, err)
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c))
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending(), "its own veto, in its new block: still followed: %v", logs.All())
	require.False(t, saidAt(logs, "epoch discarded before the guard decided it (vetoed)", 0), "%v", logs.All())

	revert(second) // a second reorg drops it: the root pending again
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))
	require.NoError(t, g.Step(ctx))
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "sent again")
	mine(2)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch vetoed", 0), "%v", logs.All())
	in, err := m.Lookup(ctx, vetoIntent(t, ctx, c, 0, root, 0))
	require.NoError(t, err)
	require.Equal(t, txmgr.StateConfirmed, in.State)
}

// unreadReceipts is a veto sender whose receipt reads fail (a node still indexing transactions, a provider
// rate-limiting), as Check sees them; Send works, and a first Send is held back as not mined in time.
type unreadReceipts struct {
	*txmgr.Manager
	sends int
}

func (u *unreadReceipts) Send(ctx context.Context, id string, c txmgr.Candidate) (*types.Receipt, error) {
	if u.sends++; u.sends == 1 {
		return nil, context.DeadlineExceeded // stuck, as a veto priced under a fee spike
	}
	return u.Manager.Send(ctx, id, c)
}

func (u *unreadReceipts) Check(context.Context, string) (*types.Receipt, error) {
	return nil, errors.New("transaction indexing is in progress")
}

// TestGuardVetoDrivenOnThroughFailedReads (from a review): a veto not mined within the step, whose receipt
// the node then cannot read, is driven on (sent again, its fees bumped) while the root is pending, rather
// than the step stopping at the failed read. Before, every later step returned "veto not checked" without
// sending, and a stuck veto sat under the base fee until the root became claimable.
func TestGuardVetoDrivenOnThroughFailedReads(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, _ := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	veto := &unreadReceipts{Manager: vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1)}
	g, logs := vetoGuard(t, ctx, c, client, 1, veto, nil)
	require.NoError(t, g.Step(ctx)) // the veto held back: logged, tried next step
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c))
	require.NoError(t, g.Step(ctx))
	require.Equal(t, 2, veto.sends, "%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "the veto driven on and mined")
}

// busyNode forwards JSON-RPC to a node and answers 503 (a node rate-limiting, or down) to the next dropCalls
// eth_calls that name a block (by number or by hash), and to every request once it is down: the failover
// client asks its next node for those. With downAfterCall set, it goes down right after answering its next
// eth_call.
type busyNode struct {
	url           string
	dropCalls     atomic.Int32
	downAfterCall atomic.Bool
	down          atomic.Bool
}

func (b *busyNode) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var req struct {
		Method string            `json:"method"`
		Params []json.RawMessage `json:"params"`
	}
	call := json.Unmarshal(body, &req) == nil && req.Method == "eth_call"
	if b.down.Load() || call && len(req.Params) > 1 && string(req.Params[1]) != `"latest"` && b.dropCalls.Add(-1) >= 0 {
		http.Error(w, "rate limited", http.StatusServiceUnavailable)
		return
	}
	resp, err := http.Post(b.url, "application/json", bytes.NewReader(body))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
	if call && b.downAfterCall.Swap(false) {
		b.down.Store(true)
	}
}

// TestGuardDiscardReadPinnedToOneBlock (a carried open point): the guard's read of a discard at its depth
// is pinned to the chain of the head its step read, so a failover to a node on another branch never answers
// it. The guard's RPC is two nodes: its own chain, where another guardian's veto of an inflated root is at
// the head only (the discard shallower than the depth, 3), and a node on another branch (a second chain, the
// same deployment), where the same root was vetoed right after its commit (discarded at every height the
// guard reads). Two faults hand the deep read to the other node:
//   - the guard's node rate-limits the deep eth_call once. Read by number (before d979dbf), the other node
//     answered for its own block at that height; pinned to the hash of the guard's node's block, it does not
//     have it;
//   - the guard's node goes down right after the step's read of the epoch at the head (live), before the
//     header at the depth is read. Read by number (before the walk), the other node's header at that height
//     was taken and the pool read at its hash; walked down by parent hashes from the step's head, the other
//     node does not have the head's parent.
//
// Before, the guard took the other branch's discard for final and stopped following the epoch (a reorg of
// the veto would leave the root claimable unwatched). Now the step errs, the epoch followed; next step its
// own node answers for its own block (not discarded there: followed until the discard is at the depth), and
// once it is, the epoch is dropped.
func TestGuardDiscardReadPinnedToOneBlock(t *testing.T) {
	t.Run("deep call rate-limited", func(t *testing.T) {
		discardReadPinned(t, func(b *busyNode) { b.dropCalls.Store(1) }, "epoch 0 as of block")
	})
	t.Run("node down before the header read", func(t *testing.T) {
		discardReadPinned(t, func(b *busyNode) { b.downAfterCall.Store(true) }, "not found")
	})
}

func discardReadPinned(t *testing.T, fault func(*busyNode), wantErr string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	opts := devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600}
	const depth = 3

	other, otherClient, otherRoot := inflatedEpoch(t, ctx, opts)
	vetoAsAnother(t, ctx, other, vetoSenderAt(t, other, otherClient, devnet.GuardianKey(), t.TempDir(), 1), "other", otherRoot)
	c, client, root := inflatedEpoch(t, ctx, opts)
	require.Equal(t, c.Addr("ComputePool"), other.Addr("ComputePool"), "the same deployment on both")
	_, _, mine := anvilRPC(t, ctx, c.Anvil.URL)
	_, _, mineOther := anvilRPC(t, ctx, other.Anvil.URL)
	mine(depth)
	vetoAsAnother(t, ctx, c, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1), "other", root)
	head, err := client.BlockNumber(ctx)
	require.NoError(t, err)
	otherHead, err := otherClient.BlockNumber(ctx)
	require.NoError(t, err)
	mineOther(int(head - otherHead))
	final := head - depth + 1
	at := &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(final)}
	n, err := c.Market.Pool.NextEpoch(at)
	require.NoError(t, err)
	require.Equal(t, uint64(1), n.Uint64(), "pending on the guard's node at its depth")
	n, err = other.Market.Pool.NextEpoch(at)
	require.NoError(t, err)
	require.Equal(t, uint64(0), n.Uint64(), "discarded on the other node at that height")

	busy := &busyNode{url: c.Anvil.URL}
	srv := httptest.NewServer(busy)
	defer srv.Close()
	nodes, err := chain.Dial(ctx, []string{srv.URL, other.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	defer nodes.Close()
	core, logs := observer.New(zapcore.InfoLevel)
	g, err := guard.New(guard.Config{Pool: c.Addr("ComputePool"), Backend: nodes, Checker: batchChecker(t, ctx, c, client),
		Start: c.Deployment.StartBlock, Confirmations: depth, Fetch: guard.Fetcher(http.DefaultClient, 10*time.Second, 1<<20),
		Log: zap.New(core)})
	require.NoError(t, err)

	gone := "epoch discarded before the guard decided it (vetoed)"
	fault(busy)
	require.ErrorContains(t, g.Step(ctx), wantErr, "the other node does not have the block: %v", logs.All())
	require.Equal(t, []uint64{0}, g.Pending(), "followed: %v", logs.All())
	require.False(t, saidAt(logs, gone, 0), "%v", logs.All())
	busy.down.Store(false)

	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "epoch discarded, not yet at the guard's depth: followed until it is", 0), "%v", logs.All())
	require.Equal(t, []uint64{0}, g.Pending())
	mine(depth - 1)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, gone, 0), "%v", logs.All())
	require.Empty(t, g.Pending())
}
