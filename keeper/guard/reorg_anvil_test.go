package guard_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/txmgr"
)

// TestGuardVetoReorgedOut: a veto counts as landed only once the guardian's transaction manager confirms it
// at its depth (3 here), so a veto whose block a reorg removes is sent again. The guard vetoes an inflated
// epoch (mined at once: anvil automines) and keeps following it while it is short of the depth; the veto's
// block is reverted (evm_revert, a reorg below the depth: the pool holds the root pending again) and the
// guard's next step sends the same signed transaction again. A guard restarted on the same --data-dir while
// that veto is short of the depth finds its stored veto (not "discarded before the guard decided it"),
// and after a second revert sends it again too. Two blocks later it counts the veto landed: the root ends
// vetoed, one RootVetoed on the canonical chain, one nonce used, the intent confirmed. Before, the first
// receipt counted as landed: the epoch was dropped, no later step looked at it, and after the revert the
// inflated root stayed pending and became claimable.
func TestGuardVetoReorgedOut(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c, client, root := inflatedEpoch(t, ctx, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600, DisputeWindow: 3600})
	const depth = 3
	dataDir := t.TempDir()
	newGuard := func() (*guard.Guard, *txmgr.Manager, *observer.ObservedLogs, *metrics.Set) {
		set := metrics.NewSet()
		m := vetoSenderAt(t, c, client, devnet.GuardianKey(), dataDir, depth)
		g, logs := vetoGuard(t, ctx, c, client, 1, m, set)
		return g, m, logs, set
	}
	snapshot, revert, mine := anvilRPC(t, ctx, c.Anvil.URL)
	guardian := crypto.PubkeyToAddress(devnet.GuardianKey().PublicKey)
	nonce0, err := client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	intent := vetoIntent(t, ctx, c, 0, root, 0)
	waiting := "veto mined, waiting for its confirmations"

	// One guard: its veto mined, short of the depth, then reorged out.
	g, m, logs, _ := newGuard()
	before := snapshot()
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, waiting, 0), "%v", logs.All())
	require.False(t, saidAt(logs, "epoch vetoed", 0), "not counted before its depth: %v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed at the head")
	require.Equal(t, []uint64{0}, g.Pending(), "followed until the depth")
	sent, err := m.Lookup(ctx, intent)
	require.NoError(t, err)
	require.Equal(t, txmgr.StateMined, sent.State)
	mine(1) // depth 2 of 3
	require.NoError(t, g.Step(ctx))
	require.Equal(t, []uint64{0}, g.Pending())

	revert(before) // the veto's block leaves the chain
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "the inflated root pending again")
	_, err = client.TransactionReceipt(ctx, sent.MinedTx)
	require.Error(t, err, "the veto left with the reverted blocks")
	again := snapshot()
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "veto in no block (not mined yet, or its block left the chain) and the root still pending: sending it again", 0),
		"%v", logs.All())
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed again: %v", logs.All())
	resent, err := m.Lookup(ctx, intent)
	require.NoError(t, err)
	require.Equal(t, sent.MinedTx, resent.MinedTx, "the same signed transaction")
	require.NotEqual(t, sent.MinedBlockHash, resent.MinedBlockHash)

	// Restarted while that veto is short of the depth: it follows its stored veto, and sends it again once
	// its block is reverted too.
	restarted, m2, logs2, set2 := newGuard()
	require.NoError(t, restarted.Step(ctx))
	require.True(t, saidAt(logs2, waiting, 0), "%v", logs2.All())
	require.False(t, saidAt(logs2, "epoch discarded before the guard decided it (vetoed)", 0), "%v", logs2.All())
	require.Equal(t, []uint64{0}, restarted.Pending())
	revert(again)
	require.Equal(t, uint64(1), nextEpoch(t, ctx, c), "the inflated root pending again")
	require.NoError(t, restarted.Step(ctx))
	require.Equal(t, uint64(0), nextEpoch(t, ctx, c), "vetoed again after the restart: %v", logs2.All())
	require.Equal(t, []uint64{0}, restarted.Pending())
	require.False(t, saidAt(logs2, "epoch vetoed", 0), "%v", logs2.All())
	mine(depth - 1)
	require.NoError(t, restarted.Step(ctx))
	require.True(t, saidAt(logs2, "epoch vetoed", 0), "%v", logs2.All())
	require.Empty(t, restarted.Pending())
	landed, err := m2.Lookup(ctx, intent)
	require.NoError(t, err)
	require.Equal(t, txmgr.StateConfirmed, landed.State)
	require.Equal(t, sent.MinedTx, landed.MinedTx)
	var prom bytes.Buffer
	set2.WritePrometheus(&prom)
	require.Contains(t, prom.String(), `keeper_guard_epochs_total{result="vetoed"} 1`)

	it, err := c.Market.Pool.FilterRootVetoed(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	defer it.Close()
	require.True(t, it.Next(), "RootVetoed")
	require.Equal(t, root, common.Hash(it.Event.Root))
	require.Equal(t, sent.MinedTx, it.Event.Raw.TxHash)
	require.False(t, it.Next(), "one RootVetoed on the canonical chain")
	nonce, err := client.NonceAt(ctx, guardian, nil)
	require.NoError(t, err)
	require.Equal(t, nonce0+1, nonce, "one veto transaction")
}
