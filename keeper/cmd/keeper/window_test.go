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
// as the pool requires), and two of the keeper's default one-hour epochs plus two feed graces and the commit
// slack: the keeper refuses to start, naming the longest epoch that fits (ledger TestEpochFitsOutsideWindow: the rule).
func TestEpochLongerThanOutsideWindowRefused(t *testing.T) {
	c := devnettest.StartOn(t, devnet.AnvilOptions{ChainID: 421614},
		devnet.DeployOptions{Interval: 86400, WithdrawalWindow: 23 * 3600, WithdrawalDelay: 2 * 86400})
	err := startKeeperOn(t, c)
	require.ErrorIs(t, err, ledger.ErrEpochInWindow)
	require.ErrorContains(t, err, "use --epoch-length of at most 26m30s")
}

// TestEpochPastWithdrawalDelayRefused (anvil, a chain that is not a devnet): the Arbitrum Sepolia pool's
// settlementLag (2 h) and withdrawal window (2 h) with a minWithdrawalDelay of 18,120 s, which the pool
// accepts (above the lag, the window and the 1 h dispute window), but which a deposit-paid session
// admitted at a withdrawal request may take to be committed: a ticket of half the lag, the close window
// (1 h), the keeper's default epoch (1 h) and two feed graces (1 min), held through a window with up to two
// epochs and two graces more to the next commit, and 5 min for the commits. The keeper refuses to start,
// naming the longest epoch that fits (17m39s); with --feed-grace 1s an epoch up to 18m58s would fit: 65 min
// is refused, naming it (ledger TestEpochFitsWithdrawalDelay: the rule).
func TestEpochPastWithdrawalDelayRefused(t *testing.T) {
	c := devnettest.StartOn(t, devnet.AnvilOptions{ChainID: 421614},
		devnet.DeployOptions{Interval: 86400, WithdrawalDelay: 18120})
	err := startKeeperOn(t, c)
	require.ErrorIs(t, err, ledger.ErrEpochPastWithdrawalDelay)
	require.ErrorContains(t, err, "not before the pool's minWithdrawalDelay (5h2m0s)")
	require.ErrorContains(t, err, "use --epoch-length of at most 17m39s")
	err = startKeeperOn(t, c, "--epoch-length", "65m", "--feed-grace", "1s")
	require.ErrorIs(t, err, ledger.ErrEpochPastWithdrawalDelay)
	require.ErrorContains(t, err, "use --epoch-length of at most 18m58s")
}

// startKeeperOn runs the keeper (its key dev key 2, the keeper's) on c's deployment, with args after the
// stack's, and returns how it ended: a check made at start refuses before anything is served.
func startKeeperOn(t *testing.T, c *devnettest.Chain, args ...string) error {
	t.Helper()
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
	cmd.SetArgs(append([]string{"--rpc", c.Anvil.URL, "--deployment", depFile, "--keystore", ks, "--password-file", pw,
		"--public-url", "https://keeper.example.org", "--listen", "127.0.0.1:0", "--data-dir", filepath.Join(dir, "keeper-data"),
		"--log-level", "error"}, args...))
	return cmd.ExecuteContext(ctx)
}

// TestTooFewConfirmationsRefusedOffADevnet: off a devnet the keeper and its guard refuse --confirmations 1 at start,
// before it dials the chain or opens its data dir (the newest block would count as final, and a later
// block in the same second could carry a withdrawal its deposit read missed); a devnet takes it (anvil
// mines only on transactions), and 2 or more pass anywhere.
func TestTooFewConfirmationsRefusedOffADevnet(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"0", "1"} {
		err := startOffADevnet(t, dir, "--confirmations", n, "--public-url", "https://keeper.example.org")
		require.ErrorIs(t, err, errTooFewConfirmations, "--confirmations %s", n)
		require.ErrorContains(t, err, "use 2 or more")
		require.NoDirExists(t, filepath.Join(dir, "keeper-data"), "refused before anything is written")
	}
	// keeper guard too: a verdict read at a block a reorg takes back could veto an honest epoch.
	cmd := newRoot()
	cmd.SetArgs([]string{"guard", "--rpc", "http://127.0.0.1:1", "--deployment", filepath.Join(dir, "deployment.json"),
		"--confirmations", "1", "--data-dir", filepath.Join(dir, "guard-data"), "--log-level", "error"})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // without the check: dialling gives up
	defer cancel()
	err := cmd.ExecuteContext(ctx)
	require.ErrorIs(t, err, errTooFewConfirmations, "keeper guard --confirmations 1")
	require.NoDirExists(t, filepath.Join(dir, "guard-data"), "refused before anything is written")
	require.NoError(t, checkConfirmations(1, 31337), "a devnet may count every mined block as final")
	require.NoError(t, checkConfirmations(2, 421614))
}

// TestPublicURLRefusedOffADevnet: off a devnet the keeper refuses at start, before it dials the chain or
// opens its data dir, a --public-url the guardians' fetch refuses (plain http, a private or loopback
// address): every epoch's batch file uri is built on it, and a guard that cannot obtain a file vetoes its
// epoch as withheld. A devnet takes them; a public https URL passes anywhere.
func TestPublicURLRefusedOffADevnet(t *testing.T) {
	dir := t.TempDir()
	for _, u := range []string{"http://keeper.example.org", "https://10.0.0.5", "https://127.0.0.1:8547", "https://localhost"} {
		err := startOffADevnet(t, dir, "--public-url", u)
		require.ErrorIs(t, err, errPublicURLRefused, "%s", u)
		require.ErrorContains(t, err, "guards veto every epoch as withheld")
		require.NoDirExists(t, filepath.Join(dir, "keeper-data"), "refused before anything is written")
	}
	require.NoError(t, checkPublicURL("http://127.0.0.1:8547", 31337), "a devnet may serve on loopback over http")
	require.NoError(t, checkPublicURL("https://keeper.example.org", 421614))
}

// startOffADevnet runs the keeper with args on a deployment of chain 421614 (not a devnet) whose RPC is
// down, its data dir in dir, and returns how it ended (a check made at start refuses before dialling).
func startOffADevnet(t *testing.T, dir string, args ...string) error {
	t.Helper()
	depFile := filepath.Join(dir, "deployment.json")
	require.NoError(t, os.WriteFile(depFile, []byte(`{"chainId":421614,"startBlock":0,"contracts":{"ComputePool":"0x0000000000000000000000000000000000000001"}}`), 0o600))
	cmd := newRoot()
	cmd.SetArgs(append([]string{"--rpc", "http://127.0.0.1:1", "--deployment", depFile, "--listen", "127.0.0.1:0",
		"--data-dir", filepath.Join(dir, "keeper-data"), "--log-level", "error"}, args...))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // without the check: dialling gives up
	defer cancel()
	return cmd.ExecuteContext(ctx)
}
