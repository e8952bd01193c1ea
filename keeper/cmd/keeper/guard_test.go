package main

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/guard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestGuardCommand (anvil): keeper guard with the root's --rpc, --deployment and --confirmations, --veto and
// the guardian's --raw-key vetoes a commit whose batch file (served at the commit's uri) inflates a leaf,
// its transaction stored in --data-dir/guard.db (confirmed at --confirmations: counted landed only then) and
// the vetoed root's file dropped from --data-dir/batches (kept until then), and stops cleanly when its context ends (as on SIGINT/SIGTERM). Refused: --veto
// without a key, a negative --withheld-margin (the flag reaches the guard), a negative --max-kept-bytes, a
// --fetch-concurrency below 1, a --data-dir of another deployment. The guard's decisions themselves: keeper/guard TestGuardAnvil.
func TestGuardCommand(t *testing.T) {
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600})
	pool := c.Addr("ComputePool")
	leaves := []store.Leaf{{Account: common.HexToAddress("0xa1"), Amount: uint256.NewInt(600), Owed: uint256.NewInt(600)}}
	tree, err := merkle.Build([]merkle.Entry{{Account: leaves[0].Account, Amount: *leaves[0].Amount}})
	require.NoError(t, err)
	leaves[0].Amount = uint256.NewInt(6000) // the file states more than the committed root holds
	bf := ledger.BatchFile{Version: 2, ChainID: c.ChainID, ComputePool: pool, Root: tree.Root(), CumulativeTotal: "600",
		Leaves: leaves, Sessions: []json.RawMessage{}, CumulativeSpent: "0", Spend: []store.SpendLeaf{}}
	raw, err := json.Marshal(&bf)
	require.NoError(t, err)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write(raw) }))
	defer srv.Close()
	c.CommitRoot(0, tree.Root(), big.NewInt(600), crypto.Keccak256Hash(raw), srv.URL+wire.BatchPath(0, crypto.Keccak256Hash(raw)))
	info0, err := c.Market.Pool.EpochInfo(&bind.CallOpts{}, big.NewInt(0))
	require.NoError(t, err)

	dataDir := t.TempDir()
	guardCmd := func(ctx context.Context, args ...string) error {
		cmd := newRoot()
		cmd.SetArgs(append([]string{"guard", "--rpc", c.Anvil.URL, "--deployment", c.DeploymentFile(), "--confirmations", "1",
			"--log-level", "error", "--poll-interval", "50ms", "--data-dir", dataDir}, args...))
		return cmd.ExecuteContext(ctx)
	}
	require.ErrorContains(t, guardCmd(context.Background(), "--veto"), "--veto")
	require.ErrorContains(t, guardCmd(context.Background(), "--withheld-margin", "-1s"), "withheld margin -1s: negative")
	require.ErrorContains(t, guardCmd(context.Background(), "--max-kept-bytes", "-1"), "--max-kept-bytes -1: negative")
	require.ErrorContains(t, guardCmd(context.Background(), "--fetch-concurrency", "0"), "--fetch-concurrency 0: at least 1")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- guardCmd(ctx, "--veto", "--raw-key", devnet.DevKeys[0]) }()
	require.Eventually(t, func() bool {
		next, err := c.Market.Pool.NextEpoch(&bind.CallOpts{})
		return err == nil && next.Sign() == 0
	}, time.Minute, 50*time.Millisecond, "epoch 0 vetoed")
	kept := filepath.Join(dataDir, "batches", "epoch-0-"+crypto.Keccak256Hash(raw).Hex()+".json")
	require.Eventually(t, func() bool {
		_, err := os.Stat(kept)
		return errors.Is(err, os.ErrNotExist)
	}, time.Minute, 50*time.Millisecond, "the vetoed root's file not kept past its veto")
	cancel()
	require.NoError(t, <-done)
	_, err = os.Stat(filepath.Join(dataDir, "batches"))
	require.NoError(t, err, "--data-dir/batches made at start")
	st, err := store.Open(context.Background(), filepath.Join(dataDir, "guard.db"))
	require.NoError(t, err, "the veto's transaction stored in --data-dir/guard.db")
	defer st.Close()
	in, err := st.LoadIntent(context.Background(), guard.VetoIntent(0, tree.Root(), info0.ClaimableAt, 0))
	require.NoError(t, err)
	require.Equal(t, txmgr.StateConfirmed, in.State, "counted landed once confirmed at --confirmations")
	marks, err := st.HistoryMarks(context.Background())
	require.NoError(t, err)
	require.Equal(t, tree.Root(), marks[0].Root, "the file obtained recorded for the credits checks")

	// A --data-dir whose guard.db holds another deployment's history is refused.
	other := t.TempDir()
	ost, err := store.Open(context.Background(), filepath.Join(other, "guard.db"))
	require.NoError(t, err)
	require.NoError(t, ost.BindHistory(context.Background(), c.ChainID, common.HexToAddress("0x1234")))
	require.NoError(t, ost.Close())
	require.ErrorIs(t, guardCmd(context.Background(), "--data-dir", other), store.ErrOtherDeployment)
}

// TestControlURLs (from a review): --control-url must be http(s); without it the guard tells its own network
// from a keeper withholding by the http(s) --rpc URLs off a devnet (a ws or IPC endpoint cannot answer a
// GET, which would leave every unanswered fetch uncounted), and by none on a devnet.
func TestControlURLs(t *testing.T) {
	withControl := func(urls ...string) *viper.Viper {
		v := viper.New()
		v.Set("control-url", urls)
		return v
	}
	rpc := []string{"wss://arb.example/ws", "/var/run/geth.ipc", "https://arb.example/key"}
	got, err := controlURLs(withControl(), rpc, 421614)
	require.NoError(t, err)
	require.Equal(t, []string{"https://arb.example/key"}, got)
	got, err = controlURLs(withControl(), rpc, 31337)
	require.NoError(t, err)
	require.Empty(t, got, "none on a devnet")
	got, err = controlURLs(withControl("https://example.org"), rpc, 421614)
	require.NoError(t, err)
	require.Equal(t, []string{"https://example.org"}, got)
	_, err = controlURLs(withControl("wss://example.org"), rpc, 421614)
	require.ErrorContains(t, err, `--control-url "wss://example.org": not an http(s) URL`)
}
