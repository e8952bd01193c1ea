package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keys"
)

// TestEpochLongerThanOutsideWindowRefused (anvil, a chain that is not a devnet): a pool whose withdrawal
// window leaves one hour a day (its delay two days, longer than the window, the lag and the dispute window
// as the pool requires), and the keeper's default one-hour epoch plus two feed graces: the keeper refuses to
// start, naming the longest epoch that fits (ledger TestEpochFitsOutsideWindow: the rule).
func TestEpochLongerThanOutsideWindowRefused(t *testing.T) {
	c := devnettest.StartOn(t, devnet.AnvilOptions{ChainID: 421614},
		devnet.DeployOptions{Interval: 86400, WithdrawalWindow: 23 * 3600, WithdrawalDelay: 2 * 86400})
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	require.NoError(t, c.WriteDeployment(depFile))
	ks, err := keys.Store(dir, devnet.DevKey(2), "pw", keys.Light)
	require.NoError(t, err)
	pw := filepath.Join(dir, "password")
	require.NoError(t, os.WriteFile(pw, []byte("pw"), 0o600))

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := newRoot()
	cmd.SetArgs([]string{"--rpc", c.Anvil.URL, "--deployment", depFile, "--keystore", ks, "--password-file", pw,
		"--public-url", "http://127.0.0.1:1", "--listen", "127.0.0.1:0", "--data-dir", filepath.Join(dir, "keeper-data"),
		"--log-level", "error"})
	err = cmd.ExecuteContext(ctx)
	require.ErrorIs(t, err, ledger.ErrEpochInWindow)
	require.ErrorContains(t, err, "use --epoch-length of at most 58m0s")
}
