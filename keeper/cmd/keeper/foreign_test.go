package main

import (
	"context"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestFreshDataDirRefusedOnCommittedPool (anvil): the keeper command started with a fresh --data-dir against
// a ComputePool that already holds a committed root stops before it serves or sends anything, with
// ledger.ErrForeignLedger as its error, saying to restore the data dir (keeper/ledger
// TestCheckChainRefusesForeignLedger: the check itself, and that the committing keeper's own ledger passes).
func TestFreshDataDirRefusedOnCommittedPool(t *testing.T) {
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*86400 - 3600}) // a budget today
	keeper := func(ctx context.Context, dir string) error {
		cmd := newRoot()
		cmd.SetArgs([]string{"--rpc", c.Anvil.URL, "--deployment", c.DeploymentFile(), "--raw-key", devnet.DevKeys[2],
			"--public-url", "http://127.0.0.1:1", "--listen", "127.0.0.1:0", "--data-dir", dir, "--log-level", "error"})
		return cmd.ExecuteContext(ctx)
	}

	c.CommitRoot(0, common.HexToHash("0xf00d0000"), big.NewInt(1_000_000), common.HexToHash("0xba7c0000"), "")
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := keeper(ctx, filepath.Join(t.TempDir(), "keeper-data"))
	require.ErrorIs(t, err, ledger.ErrForeignLedger)
	require.ErrorContains(t, err, "has epoch 0 committed")
	require.ErrorContains(t, err, "restore its --data-dir")
}
