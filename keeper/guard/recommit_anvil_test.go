package guard_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
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
	srvFiles := &files{byID: map[string][]byte{}}
	srv := httptest.NewServer(srvFiles)
	defer srv.Close()
	path0, raw0 := commitNothingOwed(t, c, 0, srv.URL)
	srvFiles.set(path0, raw0)
	_, raw1 := commitNothingOwed(t, c, 1, srv.URL) // withheld: its uri answers 503
	info := func(e int64) (root [32]byte, total *big.Int, claimableAt uint64) {
		i, err := c.Market.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(e))
		require.NoError(t, err)
		return i.Root, i.CumulativeTotal, i.ClaimableAt
	}
	root0, _, _ := info(0)
	root1, total1, claimable1 := info(1)
	mine(depth)

	g, logs := vetoGuard(t, ctx, c, client, depth, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), depth), nil)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 0), "%v", logs.All())
	require.NoError(t, c.Market.WarpTo(ctx, claimable1-window/8)) // epoch 1 in its window's last part
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too", 1),
		"%v", logs.All())

	// Another guardian vetoes epoch 0 (epoch 1 discarded with it); the keeper commits both again, epoch 1
	// with the same root and bytes at a new uri, served.
	vetoAsAnother(t, ctx, c, vetoSenderAt(t, c, client, devnet.GuardianKey(), t.TempDir(), 1), "other", root0)
	again0, total0, bf0 := tree(t, map[string]uint64{"0xa1": 0, "0xd0": 0})
	bf0.ChainID, bf0.ComputePool = c.ChainID, c.Addr("ComputePool")
	raw0b, err := json.Marshal(bf0)
	require.NoError(t, err)
	srvFiles.set("/v1/batches/0b", raw0b)
	c.CommitRoot(0, again0, total0, hashOf(raw0b), srv.URL+"/v1/batches/0b")
	srvFiles.set("/v1/batches/1b", raw1)
	c.CommitRoot(1, root1, total1, hashOf(raw1), srv.URL+"/v1/batches/1b")
	_, _, recommitted := info(1)
	require.Greater(t, recommitted, claimable1, "a window of its own")

	require.NoError(t, g.Step(ctx)) // the recommits short of the follower's depth
	require.False(t, saidAt(logs, "batch file withheld: vetoing", 1), "%v", logs.All())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c), "the recommit not vetoed")
	mine(depth)
	require.NoError(t, g.Step(ctx))
	require.True(t, saidAt(logs, "batch file ok", 1), "the recommit read and checked: %v", logs.All())
	require.Empty(t, g.Pending())
	require.Equal(t, uint64(2), nextEpoch(t, ctx, c))
}
