package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keys"
)

// run executes lt with args in-process and returns its stdout. A pause of lt withdraw for its keeper fails
// the test: one that expects it runs lt through runWaiting.
func run(t *testing.T, ctx context.Context, args ...string) (string, error) {
	t.Helper()
	return runWaiting(t, ctx, noPause{t: t, what: strings.Join(args, " ")}, args...)
}

// noPause is run's clock: a pause fails the test.
type noPause struct {
	t    *testing.T
	what string
}

func (noPause) Now() time.Time { return time.Unix(0, 0) }

func (n noPause) Sleep(context.Context, time.Duration) error {
	n.t.Errorf("lt %s paused for its keeper: run it through runWaiting", n.what)
	return errors.New("no pause in run")
}

// runWaiting is run with clock the time lt withdraw waits for its keeper by (app.clock).
func runWaiting(t *testing.T, ctx context.Context, clock keeperClock, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd := (&app{v: viper.New(), in: strings.NewReader(""), out: &out, errOut: &errOut, clock: clock}).rootCmd()
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(ctx)
	if err != nil {
		t.Logf("lt %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut.String())
	}
	return out.String(), err
}

func TestKeysCreateImportList(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pw := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pw, []byte("correct horse\n"), 0o600))
	ks := filepath.Join(dir, "ks")
	base := []string{"--keystore-dir", ks, "--password-file", pw, "--json", "--config", filepath.Join(dir, "none.yaml")}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "none.yaml"), []byte("{}\n"), 0o600))

	out, err := run(t, ctx, append([]string{"keys", "create", "--light"}, base...)...)
	require.NoError(t, err)
	var created keys.Entry
	require.NoError(t, json.Unmarshal([]byte(out), &created))

	raw := filepath.Join(dir, "raw")
	require.NoError(t, os.WriteFile(raw, []byte("0x"+devnet.DevKeys[8]+"\n"), 0o600))
	out, err = run(t, ctx, append([]string{"keys", "import", raw, "--light"}, base...)...)
	require.NoError(t, err)
	var imported keys.Entry
	require.NoError(t, json.Unmarshal([]byte(out), &imported))
	require.Equal(t, crypto.PubkeyToAddress(devnet.DevKey(8).PublicKey), imported.Address)

	out, err = run(t, ctx, append([]string{"keys", "list"}, base...)...)
	require.NoError(t, err)
	var listed []keys.Entry
	require.NoError(t, json.Unmarshal([]byte(out), &listed))
	require.ElementsMatch(t, []keys.Entry{created, imported}, listed)

	// The stored key decrypts with the password to the imported key.
	k, err := keys.Load(keys.Source{Keystore: imported.Path, PasswordFile: pw}, 1)
	require.NoError(t, err)
	require.Equal(t, devnet.DevKey(8).D, k.D)
}

// TestDelegateAndAllowanceOnAnvil runs lt delegate and lt allowance against a real anvil with the real
// deploy script: emissions released, MOR from the capital bucket (anvil account 5) to the user, one
// self-delegation, two protocol days later (PROTOCOL §4 v2) the user's allowance is positive and equal to
// ComputePool.allowance(user, currentDay).
func TestDelegateAndAllowanceOnAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	anvil, mor, pool, user, amount, cfg := c.anvil, c.mor, c.pool, c.user, c.funded, c.cfg
	const day = 86400

	out, err := run(t, ctx, "delegate", "--config", cfg, "--json")
	require.NoError(t, err)
	var d delegateResult
	require.NoError(t, json.Unmarshal([]byte(out), &d), out)
	require.False(t, d.AlreadyDelegated)
	require.NotNil(t, d.Tx)
	require.Positive(t, d.Gas)
	require.Positive(t, d.GasUsed)
	require.LessOrEqual(t, d.GasUsed, d.Gas)
	require.Positive(t, mustBig(d.CostWei).Sign())
	require.LessOrEqual(t, mustBig(d.CostWei).Cmp(mustBig(d.MaxCostWei)), 0, "the printed maximum bounds the cost")
	require.Equal(t, amount.String(), d.Votes)
	got, err := mor.Delegates(&bind.CallOpts{Context: ctx}, user)
	require.NoError(t, err)
	require.Equal(t, user, got)

	// Once only: a second run sends nothing.
	out, err = run(t, ctx, "delegate", "--config", cfg, "--json")
	require.NoError(t, err)
	var again delegateResult
	require.NoError(t, json.Unmarshal([]byte(out), &again))
	require.True(t, again.AlreadyDelegated)
	require.Nil(t, again.Tx)

	allowance := func() allowanceResult {
		out, err := run(t, ctx, "allowance", "--config", cfg, "--json")
		require.NoError(t, err)
		var a allowanceResult
		require.NoError(t, json.Unmarshal([]byte(out), &a), out)
		require.Equal(t, user, a.User)
		return a
	}
	today := allowance()
	require.Equal(t, "0", today.Allowance, "votes count from the next day's start checkpoint")
	require.Equal(t, amount.String(), today.Votes)

	require.NoError(t, anvil.IncreaseTime(ctx, day))
	held := allowance()
	require.Equal(t, today.Day+1, held.Day)
	require.Equal(t, "0", held.Allowance, "PROTOCOL §4 v2: votes count once held at two day starts a day apart")
	require.NoError(t, anvil.IncreaseTime(ctx, day))
	next := allowance()
	require.Equal(t, today.Day+2, next.Day)
	require.Positive(t, mustBig(next.Allowance).Sign())
	call := &bind.CallOpts{Context: ctx}
	cur, err := pool.CurrentDay(call)
	require.NoError(t, err)
	want, err := pool.Allowance(call, user, cur)
	require.NoError(t, err)
	require.Equal(t, want.String(), next.Allowance, "equals ComputePool.allowance(user, currentDay)")
	budget, err := pool.Budget(call, cur)
	require.NoError(t, err)
	require.Equal(t, budget.String(), next.Budget)

	// --user looks up another address without a key.
	t.Setenv("LT_CLIENT_RAW_KEY", "")
	out, err = run(t, ctx, "allowance", "--config", cfg, "--json", "--user", crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey).Hex())
	require.NoError(t, err)
	require.Contains(t, out, `"allowance": "0"`)
}
