package main

import (
	"bytes"
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCheckBatchCommand (anvil): keeper check-batch, with the root's --rpc and --deployment, checks the batch
// file of a committed epoch read from a path and from a keeper's URL, the commit's content-addressed uri or
// the epoch's path (--json too): every check passes but
// credits, since the file's leaves credit accounts that no session in it backs (exit status 1,
// errBatchProblems); a copy with a changed leaf amount also fails the credit root and is not the one
// committed (its keccak256 is not the commit's batchHash). After a veto and a recommit of the epoch the new
// file is the one committed: its bytes are compared with the live root's commit, not the discarded one's.
// The checks themselves, each tampering included: keeper/ledger TestCheckBatchAnvil; exit 0 on a keeper's
// real epochs: TestSettleThroughRPCFaultsRouter.
func TestCheckBatchCommand(t *testing.T) {
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600}) // a budget today
	pool, err := c.Deployment.Address("ComputePool")
	require.NoError(t, err)
	leaves := []store.Leaf{{Account: common.HexToAddress("0xa1"), Amount: uint256.NewInt(600), Owed: uint256.NewInt(600)},
		{Account: common.HexToAddress("0xb2"), Amount: uint256.NewInt(400), Owed: uint256.NewInt(400)}}
	entries := make([]merkle.Entry, len(leaves))
	for i, l := range leaves {
		entries[i] = merkle.Entry{Account: l.Account, Amount: *l.Amount}
	}
	tree, err := merkle.Build(entries)
	require.NoError(t, err)
	bf := ledger.BatchFile{Version: 2, ChainID: c.ChainID, ComputePool: pool, Root: tree.Root(), CumulativeTotal: "1000",
		Leaves: leaves, Sessions: []json.RawMessage{}, CumulativeSpent: "0", Spend: []store.SpendLeaf{}}
	hashOf := func(bf *ledger.BatchFile) common.Hash {
		raw, err := json.Marshal(bf)
		require.NoError(t, err)
		return crypto.Keccak256Hash(raw)
	}
	c.CommitRoot(0, tree.Root(), big.NewInt(1000), hashOf(&bf), "") // nothing spent, the read stated 0
	write := func(bf *ledger.BatchFile) string {
		path := filepath.Join(t.TempDir(), "epoch-0.json")
		raw, err := json.Marshal(bf)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(path, raw, 0o600))
		return path
	}
	run := func(args ...string) (string, error) {
		cmd := newRoot()
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetArgs(append([]string{"check-batch", "--rpc", c.Anvil.URL, "--deployment", c.DeploymentFile(), "--confirmations", "1",
			"--log-level", "error"}, args...))
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err := cmd.ExecuteContext(ctx)
		return out.String(), err
	}

	// The file's leaves credit accounts no session in it backs: every check but credits passes (exit 1); the
	// checks on a keeper's real epochs, exit 0: TestSettleThroughRPCFaultsRouter.
	unbacked := func(out string) {
		t.Helper()
		for _, name := range []string{ledger.CheckCommitted, ledger.CheckDeployment, ledger.CheckTrees, ledger.CheckOnChain, ledger.CheckFunding, ledger.CheckSessions} {
			require.Regexp(t, "(?m)^"+name+` +ok$`, out)
		}
		require.Regexp(t, `(?m)^credits +2 problem\(s\)$`, out)
		require.Contains(t, out, leaves[0].Account.Hex()+"'s owed rose by "+leaves[0].Owed.Dec()+
			" (no previous epoch), but this file's sessions give it at most 0")
		require.NotContains(t, out, "all checks passed")
	}
	honest := write(&bf)
	out, err := run(honest)
	require.ErrorIs(t, err, errBatchProblems)
	unbacked(out)

	// Served as a keeper does: at its commit's uri (wire.BatchPath, content-addressed) and at the epoch's path
	// (wire.EpochBatchPath, the uri of older commits); check-batch takes either URL.
	committed := wire.BatchPath(0, hashOf(&bf))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != wire.EpochBatchPath(0) && r.URL.Path != committed {
			http.NotFound(w, r)
			return
		}
		http.ServeFile(w, r, honest)
	}))
	defer srv.Close()
	out, err = run(srv.URL + committed)
	require.ErrorIs(t, err, errBatchProblems)
	unbacked(out)
	out, err = run("--json", srv.URL+wire.EpochBatchPath(0))
	require.ErrorIs(t, err, errBatchProblems)
	var report batchReport
	require.NoError(t, json.Unmarshal([]byte(out), &report))
	require.False(t, report.OK)
	require.Len(t, report.Checks, 7)
	for _, c := range report.Checks {
		require.Equal(t, c.Name != ledger.CheckCredits, c.OK(), "%s: %v", c.Name, c.Problems)
	}
	_, err = run(srv.URL + wire.EpochBatchPath(1))
	require.ErrorContains(t, err, "404")

	bf.Leaves[0].Amount = uint256.NewInt(601)
	out, err = run(write(&bf))
	require.ErrorIs(t, err, errBatchProblems)
	require.Regexp(t, `(?m)^trees +2 problem\(s\)$`, out)
	require.Contains(t, out, "the leaves give")
	require.Regexp(t, `(?m)^committed +1 problem\(s\)$`, out)
	require.Contains(t, out, "the file is not the one committed")
	require.NotContains(t, out, "all checks passed")

	// Vetoed and committed again with other leaves: two commit events for epoch 0; the live root's counts.
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{}, big.NewInt(0))
	require.NoError(t, err)
	_, err = c.Market.Send(context.Background(), devnet.GuardianKey(), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Market.Pool.VetoRoot(o, big.NewInt(0), info0.Root, info0.ClaimableAt)
	})
	require.NoError(t, err)
	leaves[0].Amount, leaves[0].Owed = uint256.NewInt(700), uint256.NewInt(700)
	leaves[1].Amount, leaves[1].Owed = uint256.NewInt(300), uint256.NewInt(300)
	for i, l := range leaves {
		entries[i] = merkle.Entry{Account: l.Account, Amount: *l.Amount}
	}
	tree, err = merkle.Build(entries)
	require.NoError(t, err)
	again := ledger.BatchFile{Version: 2, ChainID: c.ChainID, ComputePool: pool, Root: tree.Root(), CumulativeTotal: "1000",
		Leaves: leaves, Sessions: []json.RawMessage{}, CumulativeSpent: "0", Spend: []store.SpendLeaf{}}
	c.CommitRoot(0, tree.Root(), big.NewInt(1000), hashOf(&again), "")
	out, err = run(write(&again))
	require.ErrorIs(t, err, errBatchProblems)
	require.Regexp(t, `(?m)^committed +ok$`, out)
	unbacked(out)
}
