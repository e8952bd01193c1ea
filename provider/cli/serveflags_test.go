package cli_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/provider/cli"
	"github.com/laketravis/laketravis/provider/server"
)

// TestServeMaxConnsPerIP: serve's --max-conns-per-ip (LT_PROVIDER_MAX_CONNS_PER_IP, config key
// max-conns-per-ip) is the server's bound of connections per client address (provider/server
// TestMaxConnsPerIPReachesTheListener, internal/service TestConnsPerIP).
func TestServeMaxConnsPerIP(t *testing.T) {
	servicetest.MaxConnsPerIP(t, "LT_PROVIDER_MAX_CONNS_PER_IP", func(args ...string) int {
		c, err := cli.ServeConfig(args...)
		require.NoError(t, err)
		require.NotNil(t, c.RateIP)
		return c.MaxConnsPerIP
	})
}

// TestServeSessionConcurrency: serve's --session-concurrency (LT_PROVIDER_SESSION_CONCURRENCY, config key
// session-concurrency) bounds one session's requests in flight (provider/server
// TestOneSessionCannotHoldEverySlot): server.DefaultSessionConcurrency by default, 0 no limit.
func TestServeSessionConcurrency(t *testing.T) {
	limit := func(args ...string) int {
		t.Helper()
		c, err := cli.ServeConfig(args...)
		require.NoError(t, err)
		return c.SessionConcurrency
	}
	require.Equal(t, server.DefaultSessionConcurrency, limit())
	require.Equal(t, 3, limit("--session-concurrency", "3"))
	require.Equal(t, -1, limit("--session-concurrency", "0"), "no limit")
	t.Setenv("LT_PROVIDER_SESSION_CONCURRENCY", "1")
	require.Equal(t, 1, limit())
	os.Unsetenv("LT_PROVIDER_SESSION_CONCURRENCY")
	f := filepath.Join(t.TempDir(), "provider.yaml")
	require.NoError(t, os.WriteFile(f, []byte("session-concurrency: 4\n"), 0o600))
	require.Equal(t, 4, limit("--config", f))
}

// TestServeRateLiveness: serve's --rate-liveness/--rate-liveness-burst (LT_PROVIDER_RATE_LIVENESS, config
// keys rate-liveness and rate-liveness-burst) bound each client address's liveness answers (provider/server
// TestLivenessRateLimitedPerIP): 50/s with a burst of 200 by default, 0 no limit.
func TestServeRateLiveness(t *testing.T) {
	answered := func(args ...string) int { // how many liveness answers one address gets at once
		t.Helper()
		c, err := cli.ServeConfig(args...)
		require.NoError(t, err)
		if c.RateLiveness == nil {
			return -1
		}
		n := 0
		for ok := true; ok && n <= 1000; n++ {
			ok, _ = c.RateLiveness.Allow("192.0.2.1")
		}
		return n - 1
	}
	n := answered() // the burst, and what 50/s gives back while the loop runs (a stalled test: a few more)
	require.True(t, n >= 200 && n < 210, "default burst: %d answers at once", n)
	require.Equal(t, 3, answered("--rate-liveness", "0.001", "--rate-liveness-burst", "3"))
	require.Equal(t, -1, answered("--rate-liveness", "0"))
	t.Setenv("LT_PROVIDER_RATE_LIVENESS", "0")
	require.Equal(t, -1, answered())
	os.Unsetenv("LT_PROVIDER_RATE_LIVENESS")
	f := filepath.Join(t.TempDir(), "provider.yaml")
	require.NoError(t, os.WriteFile(f, []byte("rate-liveness: 0.001\nrate-liveness-burst: 5\n"), 0o600))
	require.Equal(t, 5, answered("--config", f))
}

// TestServeAcceptanceWait: serve's --acceptance-wait (LT_PROVIDER_ACCEPTANCE_WAIT, config key
// acceptance-wait) is how long a session's first answer waits for an external signer's ticket acceptance
// (provider/server TestAcceptanceWait*): 1 s by default, 0 not at all, at most server.MaxAcceptanceWait
// (10 s); a negative or larger value, from the flag, the environment or the config file, is refused at
// start with an error naming the flag, the value and the range, before serve touches a key or the chain.
func TestServeAcceptanceWait(t *testing.T) {
	wait := func(args ...string) time.Duration {
		t.Helper()
		c, err := cli.ServeConfig(args...)
		require.NoError(t, err)
		return c.AcceptanceWait
	}
	require.Equal(t, time.Second, wait())
	require.Equal(t, time.Duration(0), wait("--acceptance-wait", "0"))
	t.Setenv("LT_PROVIDER_ACCEPTANCE_WAIT", "250ms")
	require.Equal(t, 250*time.Millisecond, wait())
	os.Unsetenv("LT_PROVIDER_ACCEPTANCE_WAIT")
	f := filepath.Join(t.TempDir(), "provider.yaml")
	require.NoError(t, os.WriteFile(f, []byte("acceptance-wait: 3s\n"), 0o600))
	require.Equal(t, 3*time.Second, wait("--config", f))
	require.Equal(t, server.MaxAcceptanceWait, wait("--acceptance-wait", "10s"))

	refused := func(value string, args ...string) {
		t.Helper()
		_, err := cli.ServeConfig(args...)
		require.Error(t, err, "%s taken", value)
		for _, s := range []string{"--acceptance-wait", value, "0", server.MaxAcceptanceWait.String()} {
			require.Contains(t, err.Error(), s)
		}
	}
	refused("-1s", "--acceptance-wait", "-1s")
	refused("10.001s", "--acceptance-wait", "10001ms")
	refused("1h0m0s", "--acceptance-wait", "1h")
	t.Setenv("LT_PROVIDER_ACCEPTANCE_WAIT", "-250ms")
	refused("-250ms")
	os.Unsetenv("LT_PROVIDER_ACCEPTANCE_WAIT")
	require.NoError(t, os.WriteFile(f, []byte("acceptance-wait: 2562047h\n"), 0o600))
	refused("2562047h0m0s", "--config", f)

	// serve itself refuses it at start: before the state dir, the owner's key or the chain (none given here).
	root := cli.NewRoot(cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	root.SetArgs([]string{"serve", "--upstream", "http://127.0.0.1:1/v1", "--model", "m:1=m", "--acceptance-wait", "1h", "--state-dir", ""})
	err := root.Execute()
	require.ErrorContains(t, err, "--acceptance-wait 1h0m0s is out of range: 0 (do not wait) to 10s")
}

// TestServeRefusesRouterURLWithoutScheme: a --router-url entry without its scheme stops serve at start,
// naming the flag, before the owner's key or the chain (none given here); it used to start and have every
// close report to it fail.
func TestServeRefusesRouterURLWithoutScheme(t *testing.T) {
	root := cli.NewRoot(cli.IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	root.SetArgs([]string{"serve", "--upstream", "http://127.0.0.1:1/v1", "--model", "m:1=m", "--state-dir", t.TempDir(),
		"--router-url", "http://127.0.0.1:8080,127.0.0.1:8081"})
	require.ErrorContains(t, root.Execute(), `--router-url "127.0.0.1:8081" is not an http(s) base URL`)
}

// TestServeDepositWindow: serve's deposit window (server.Config.DepositWindow) is the pool's settlementLag
// minus --epoch-length and at most half the settlementLag, as a router given the same epoch caps its
// deposit-paid tickets; without --epoch-length, or with a short one, half the settlementLag (no honest
// router's window is longer, whatever epoch it was given); an epoch leaving no window is refused at start
// (the check would be off, not stricter).
func TestServeDepositWindow(t *testing.T) {
	for epoch, want := range map[time.Duration]time.Duration{0: time.Hour, 10 * time.Minute: time.Hour, 90 * time.Minute: 30 * time.Minute} {
		w, err := cli.DepositWindow(2*time.Hour, epoch)
		require.NoError(t, err)
		require.Equal(t, want, w, "epoch %s", epoch)
	}
	for _, epoch := range []time.Duration{2 * time.Hour, 3 * time.Hour} {
		_, err := cli.DepositWindow(2*time.Hour, epoch)
		require.ErrorContains(t, err, "--epoch-length")
	}
}
