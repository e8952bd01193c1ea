package devnet

import (
	"context"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// fakeDeploy stands in for scripts/deploy.sh: it prints forge's output up to the broadcast, then its first
// $FAKE_HANGS runs hang there as forge did (a child, its pid in $FAKE_DIR/hung.<run>, blocked reading a
// pipe that nobody writes), and later runs write a deployment file. Each run appends RPC_URL to
// $FAKE_DIR/urls.
const fakeDeploy = `#!/usr/bin/env bash
set -eu
echo "$RPC_URL" >> "$FAKE_DIR/urls"
run=$(wc -l < "$FAKE_DIR/urls")
echo "Compiler run successful!"
echo "` + simulated + `"
echo "Estimated amount required: 0.035563588017781794 ETH"
if (( run <= FAKE_HANGS )); then
  mkfifo "$FAKE_DIR/pipe.$run"
  exec 3<>"$FAKE_DIR/pipe.$run"
  sh -c 'echo $$ > "$1.tmp" && mv "$1.tmp" "$1" && exec cat' sh "$FAKE_DIR/hung.$run" <&3 &
  wait
fi
a=0x5FbDB2315678afecb367f032d93F642f64180aa3
printf '{"chainId": 31337, "contracts": {"MORToken": "%s", "Emissions": "%s", "Marketplace": "%s", "ModelRegistry": "%s", "ComputePool": "%s"}}' \
  $a $a $a $a $a > "$DEPLOYMENTS_FILE"
echo "ONCHAIN EXECUTION COMPLETE & SUCCESSFUL."
`

// useFakeDeploy makes Deploy run fakeDeploy, hanging its first hangs runs, with the broadcast bounded by
// bound; it returns the fake's directory.
func useFakeDeploy(t *testing.T, hangs int, bound time.Duration) string {
	dir := t.TempDir()
	script := filepath.Join(dir, "deploy.sh")
	require.NoError(t, os.WriteFile(script, []byte(fakeDeploy), 0o755))
	t.Setenv("FAKE_DIR", dir)
	t.Setenv("FAKE_HANGS", strconv.Itoa(hangs))
	oldScript, oldBound := deployScript, broadcastTimeout
	deployScript, broadcastTimeout = script, bound
	t.Cleanup(func() { deployScript, broadcastTimeout = oldScript, oldBound })
	return dir
}

// fakeURLs are the RPC URLs the fake deploy ran against, in order.
func fakeURLs(t *testing.T, dir string) []string {
	raw, err := os.ReadFile(filepath.Join(dir, "urls"))
	require.NoError(t, err)
	return strings.Fields(string(raw))
}

// requireDead fails unless the process whose pid the fake's run wrote is gone (or a zombie nobody reaped).
func requireDead(t *testing.T, dir string, run int) {
	raw, err := os.ReadFile(filepath.Join(dir, "hung."+strconv.Itoa(run)))
	require.NoError(t, err, "run %d did not hang", run)
	pid, err := strconv.Atoi(strings.TrimSpace(string(raw)))
	require.NoError(t, err)
	stat, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return // gone
	}
	_, state, _ := strings.Cut(string(stat), ") ")
	require.True(t, strings.HasPrefix(state, "Z"), "the hung child %d still runs: %s", pid, stat)
}

// requireLockFree fails unless the deploy lock can be taken at once.
func requireLockFree(t *testing.T) {
	root, err := RepoRoot()
	require.NoError(t, err)
	done, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(root, "deployments", ".deploy.lock")
	unlock, err := lockFile(done, path, "test")
	if err == nil {
		unlock()
		return
	}
	// Another test package's deploy in this checkout (go test runs packages side by side) may hold it:
	// only this process must not.
	require.NotContains(t, lockHolder(path), fmt.Sprintf("held by pid %d ", os.Getpid()), "the deploy lock is still held by this process")
}

// A deploy whose forge stops after the simulation is killed within the bound, with its whole process
// group, and reported as ErrDeployHung with its last output and anvil's pool (here one transaction it
// will never mine: mining is off); the lock is free again. StartMarket deploys again on a fresh anvil and
// returns the market there, the hung anvil stopped; when that hangs too it gives up after the second.
func TestDeployHangIsBoundedAndRetriedOnAFreshAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	t.Run("Deploy", func(t *testing.T) {
		dir := useFakeDeploy(t, 1, 300*time.Millisecond)
		a, err := StartAnvil(ctx, AnvilOptions{})
		require.NoError(t, err)
		defer a.Close()
		// A transaction anvil holds unmined, as its auto-miner left one of forge's.
		c, err := a.Client(ctx)
		require.NoError(t, err)
		defer c.Close()
		require.NoError(t, c.Client().CallContext(ctx, nil, "evm_setAutomine", false))
		to := crypto.PubkeyToAddress(DevKey(2).PublicKey)
		price, err := c.SuggestGasPrice(ctx)
		require.NoError(t, err)
		tx, err := types.SignNewTx(DevKey(1), types.LatestSignerForChainID(new(big.Int).SetUint64(a.ChainID)),
			&types.LegacyTx{To: &to, Value: big.NewInt(1), Gas: 21000, GasPrice: price})
		require.NoError(t, err)
		require.NoError(t, c.SendTransaction(ctx, tx))

		_, err = Deploy(ctx, a.URL, DeployOptions{})
		require.ErrorIs(t, err, ErrDeployHung)
		require.ErrorContains(t, err, "forge script did not finish within 300ms of its simulation (broadcasting to "+a.URL+")")
		require.ErrorContains(t, err, "anvil's pool holds 1 pending and 0 queued transactions that forge waits for")
		require.ErrorContains(t, err, "last output:\nCompiler run successful!\n"+simulated+"\nEstimated amount required")
		requireDead(t, dir, 1)
		requireLockFree(t)
	})

	t.Run("StartMarket retries", func(t *testing.T) {
		dir := useFakeDeploy(t, 1, 300*time.Millisecond)
		m, err := StartMarket(ctx, AnvilOptions{}, DeployOptions{})
		require.NoError(t, err)
		defer m.Close()
		urls := fakeURLs(t, dir)
		require.Len(t, urls, 2, "one hung deploy, one more")
		require.NotEqual(t, urls[0], urls[1], "the second deploy ran on a fresh anvil")
		require.Equal(t, urls[1], m.Anvil.URL)
		require.False(t, answers(ctx, urls[0]), "the hung deploy's anvil is stopped")
		requireDead(t, dir, 1)
		requireLockFree(t)
	})

	t.Run("StartMarket gives up after the second", func(t *testing.T) {
		dir := useFakeDeploy(t, 2, 300*time.Millisecond)
		_, err := StartMarket(ctx, AnvilOptions{}, DeployOptions{})
		require.ErrorIs(t, err, ErrDeployHung)
		require.ErrorContains(t, err, "the deploy before it, on another anvil, hung too")
		urls := fakeURLs(t, dir)
		require.Len(t, urls, 2, "tried twice, not more")
		for i, u := range urls {
			require.False(t, answers(ctx, u), "anvil %d is stopped", i+1)
			requireDead(t, dir, i+1)
		}
		requireLockFree(t)
	})
}

// While a deploy holds the lock, a deploy whose context ends waiting for it says who holds it (pid, for
// how long, onto which chain) instead of a bare "context deadline exceeded"; the holder's own end
// (its caller's context) kills its script and frees the lock.
func TestDeployLockWaiterNamesTheHolder(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dir := useFakeDeploy(t, 1, time.Hour)
	holderCtx, stopHolder := context.WithCancel(ctx)
	defer stopHolder()
	const holderURL = "http://127.0.0.1:1" // nothing is dialled: the fake hangs before
	held := make(chan error, 1)
	go func() {
		_, err := Deploy(holderCtx, holderURL, DeployOptions{})
		held <- err
	}()
	require.Eventually(t, func() bool {
		_, err := os.Stat(filepath.Join(dir, "hung.1"))
		return err == nil
	}, 30*time.Second, 10*time.Millisecond, "the holder's script hangs")

	waiterCtx, stopWaiter := context.WithCancel(ctx)
	stopWaiter()
	_, err := Deploy(waiterCtx, "http://127.0.0.1:2", DeployOptions{})
	require.ErrorIs(t, err, context.Canceled)
	require.ErrorContains(t, err, "deployments/.deploy.lock, held by pid "+strconv.Itoa(os.Getpid())+" for ")
	require.ErrorContains(t, err, ": deploying onto "+holderURL)

	stopHolder()
	err = <-held
	require.ErrorIs(t, err, context.Canceled)
	require.NotErrorIs(t, err, ErrDeployHung)
	require.ErrorContains(t, err, "deploy script stopped after")
	requireDead(t, dir, 1)
	requireLockFree(t)
	require.Equal(t, []string{holderURL}, fakeURLs(t, dir), "the waiter ran nothing")
}
