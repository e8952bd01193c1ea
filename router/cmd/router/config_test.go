package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/keys"
)

// loadArgs parses base and args as the command line and loads the configuration (reading --config when
// given).
func loadArgs(t *testing.T, base []string, args ...string) (*config, error) {
	cmd, v := newCommand()
	require.NoError(t, cmd.ParseFlags(append(append([]string{}, base...), args...)))
	if err := readConfig(cmd, v); err != nil {
		return nil, err
	}
	return loadConfig(v)
}

// TestKeeperURLConfig: keeper-url comes from a flag, LT_ROUTER_KEEPER_URL or the config file, and must be
// an http(s) URL.
func TestKeeperURLConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	load := func(args ...string) (*config, error) { return loadArgs(t, base, args...) }
	c, err := load()
	require.NoError(t, err)
	require.Equal(t, "", c.KeeperURL)
	c, err = load("--keeper-url", "https://keeper.example.org/")
	require.NoError(t, err)
	require.Equal(t, "https://keeper.example.org", c.KeeperURL)

	t.Setenv("LT_ROUTER_KEEPER_URL", "http://127.0.0.1:8081")
	c, err = load()
	require.NoError(t, err)
	require.Equal(t, "http://127.0.0.1:8081", c.KeeperURL)
	os.Unsetenv("LT_ROUTER_KEEPER_URL")

	f := filepath.Join(t.TempDir(), "router.yaml")
	require.NoError(t, os.WriteFile(f, []byte("keeper-url: https://k.example\n"), 0o600))
	c, err = load("--config", f)
	require.NoError(t, err)
	require.Equal(t, "https://k.example", c.KeeperURL)

	for _, bad := range []string{"ftp://k", "keeper.example.org", "http://"} {
		_, err = load("--keeper-url", bad)
		require.ErrorContains(t, err, "--keeper-url", bad)
	}
}

// TestRetentionConfig: the keepers retention asks default to keeper-url and come from a flag, the
// environment or the config file; the feed URL defaults to the listen address; bad values are refused.
func TestRetentionConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json", "--listen", "127.0.0.1:9000"}
	load := func(args ...string) (*config, error) { return loadArgs(t, base, args...) }
	c, err := load()
	require.NoError(t, err)
	require.Empty(t, c.Keepers)
	require.Equal(t, "http://127.0.0.1:9000", c.FeedURL)
	require.Equal(t, 7*24*time.Hour, c.Retention)
	c, err = load("--keeper-url", "https://k.example/")
	require.NoError(t, err)
	require.Equal(t, []string{"https://k.example"}, c.Keepers)

	t.Setenv("LT_ROUTER_KEEPERS", "http://k1:8547,http://k2:8547")
	c, err = load("--keeper-url", "https://k.example/")
	require.NoError(t, err)
	require.Equal(t, []string{"http://k1:8547", "http://k2:8547"}, c.Keepers)
	os.Unsetenv("LT_ROUTER_KEEPERS")

	f := filepath.Join(t.TempDir(), "router.yaml")
	require.NoError(t, os.WriteFile(f, []byte("keepers: [http://k3]\nfeed-url: https://router.example/\nretention: 2h\n"), 0o600))
	c, err = load("--config", f)
	require.NoError(t, err)
	require.Equal(t, []string{"http://k3"}, c.Keepers)
	require.Equal(t, "https://router.example", c.FeedURL)
	require.Equal(t, 2*time.Hour, c.Retention)

	for _, bad := range [][]string{{"--keepers", "k.example"}, {"--feed-url", "ftp://r"}, {"--retention", "-1h"}} {
		_, err = load(bad...)
		require.Error(t, err, bad)
	}
}

// TestPublicURLConfig: the URLs the router proves its key for (POST /v1/liveness) default to the feed
// URL, itself http://<listen> by default; an explicit list comes from the flag (comma-separated or
// repeated), LT_ROUTER_PUBLIC_URL or the config file, each an http(s) URL.
func TestPublicURLConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json", "--listen", "127.0.0.1:9000"}
	load := func(args ...string) (*config, error) { return loadArgs(t, base, args...) }
	c, err := load()
	require.NoError(t, err)
	require.Equal(t, []string{"http://127.0.0.1:9000"}, c.PublicURLs, "the feed URL's default")
	c, err = load("--feed-url", "https://router.example/")
	require.NoError(t, err)
	require.Equal(t, []string{"https://router.example"}, c.PublicURLs, "the feed URL")

	c, err = load("--public-url", "https://router.example/,http://10.0.0.5:8080", "--public-url", "https://r2.example")
	require.NoError(t, err)
	require.Equal(t, []string{"https://router.example", "http://10.0.0.5:8080", "https://r2.example"}, c.PublicURLs)
	require.Equal(t, "http://127.0.0.1:9000", c.FeedURL, "the feed URL is its own setting")

	t.Setenv("LT_ROUTER_PUBLIC_URL", "http://a.example,http://b.example")
	c, err = load()
	require.NoError(t, err)
	require.Equal(t, []string{"http://a.example", "http://b.example"}, c.PublicURLs)
	os.Unsetenv("LT_ROUTER_PUBLIC_URL")

	f := filepath.Join(t.TempDir(), "router.yaml")
	require.NoError(t, os.WriteFile(f, []byte("public-url: [https://proxy.example/router, http://127.0.0.1:9000]\n"), 0o600))
	c, err = load("--config", f)
	require.NoError(t, err)
	require.Equal(t, []string{"https://proxy.example/router", "http://127.0.0.1:9000"}, c.PublicURLs)

	for _, bad := range []string{"router.example", "ftp://r", "http://", "http://0.0.0.0:8080", "http://[::]:8080"} {
		_, err = load("--public-url", bad)
		require.ErrorContains(t, err, "public-url", bad)
	}
	// A wildcard listen address leaves the default naming no address a provider can dial.
	for _, listen := range []string{"0.0.0.0:8080", ":8080"} {
		_, err = loadArgs(t, []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json", "--listen", listen})
		require.ErrorContains(t, err, "set --public-url", listen)
		c, err = loadArgs(t, []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json", "--listen", listen, "--public-url", "https://router.example"})
		require.NoError(t, err, listen)
		require.Equal(t, []string{"https://router.example"}, c.PublicURLs)
	}
}

// TestCORSOriginsConfig: cors-origins comes from a flag, LT_ROUTER_CORS_ORIGINS or the config file key
// cors-origins; each entry must be a bare origin or *.
func TestCORSOriginsConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	load := func(args ...string) (*config, error) { return loadArgs(t, base, args...) }
	c, err := load()
	require.NoError(t, err)
	require.Empty(t, c.CORSOrigins)
	c, err = load("--cors-origins", "https://chat.example.org,http://127.0.0.1:3000")
	require.NoError(t, err)
	require.Equal(t, []string{"https://chat.example.org", "http://127.0.0.1:3000"}, c.CORSOrigins)

	t.Setenv("LT_ROUTER_CORS_ORIGINS", "https://a.example, https://b.example")
	c, err = load()
	require.NoError(t, err)
	require.Equal(t, []string{"https://a.example", "https://b.example"}, c.CORSOrigins)
	os.Unsetenv("LT_ROUTER_CORS_ORIGINS")

	f := filepath.Join(t.TempDir(), "router.yaml")
	require.NoError(t, os.WriteFile(f, []byte("cors-origins:\n  - \"*\"\n"), 0o600))
	c, err = load("--config", f)
	require.NoError(t, err)
	require.Equal(t, []string{"*"}, c.CORSOrigins)

	for _, bad := range []string{"chat.example.org", "https://chat.example.org/", "https://chat.example.org/chat"} {
		_, err = load("--cors-origins", bad)
		require.Error(t, err, bad)
	}
}

// TestGraceConfig: --grace (the ticket and expiry grace) defaults to a minute and must stay below the
// protocol's close window (1 h): at or past it, or negative, the router refuses to start and says why.
func TestGraceConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	c, err := loadArgs(t, base)
	require.NoError(t, err)
	require.Equal(t, time.Minute, c.Grace)
	for _, ok := range []string{"0s", "30m", "59m59s"} {
		c, err := loadArgs(t, base, "--grace", ok)
		require.NoError(t, err, ok)
		want, err := time.ParseDuration(ok)
		require.NoError(t, err)
		require.Equal(t, want, c.Grace, ok)
	}
	for _, bad := range []string{"1h", "2h", "-1s"} {
		_, err := loadArgs(t, base, "--grace", bad)
		require.ErrorContains(t, err, "grace", bad)
		require.ErrorContains(t, err, "below 1h0m0s", bad)
	}
	t.Setenv("LT_ROUTER_GRACE", "90m")
	_, err = loadArgs(t, base)
	require.ErrorContains(t, err, "grace 1h30m0s must be at least 0 and below 1h0m0s")
}

// TestQueueTimeoutConfig: --queue-timeout (how long an RFC waits for a busy provider) is at most 5 minutes:
// providers refuse a ticket lasting past its RFC's deadline + maxSeconds + CloseWindow + 10 minutes
// (protocol/settle TicketSlack), so a longer wait would have the router sign tickets no provider serves.
func TestQueueTimeoutConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	c, err := loadArgs(t, base)
	require.NoError(t, err)
	require.Equal(t, 10*time.Second, c.QueueTimeout)
	c, err = loadArgs(t, base, "--queue-timeout", "5m")
	require.NoError(t, err)
	require.Equal(t, 5*time.Minute, c.QueueTimeout)
	for _, bad := range []string{"5m1s", "20m", "-1s"} {
		_, err := loadArgs(t, base, "--queue-timeout", bad)
		require.ErrorContains(t, err, "queue-timeout", bad)
		require.ErrorContains(t, err, "at most 5m0s", bad)
	}
}

// TestMaxConnsPerIPConfig: --max-conns-per-ip (LT_ROUTER_MAX_CONNS_PER_IP, config key max-conns-per-ip) is
// the HTTP server's bound of connections per client address (internal/service TestConnsPerIP).
func TestMaxConnsPerIPConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	servicetest.MaxConnsPerIP(t, "LT_ROUTER_MAX_CONNS_PER_IP", func(args ...string) int {
		c, err := loadArgs(t, base, args...)
		require.NoError(t, err)
		return c.MaxConnsPerIP
	})
}

// TestRateChainReadsConfig: --rate-chain-reads/--rate-chain-reads-burst (LT_ROUTER_RATE_CHAIN_READS, config
// keys rate-chain-reads and rate-chain-reads-burst) bound the allowances one client address has read from
// the chain (router/api TestChainReadsPerIP): 2/s with a burst of 30 by default; --rate-chain-reads-total
// the same reads from every address together (TestChainReadsTotal): 20/s, burst 100; --rate-liveness the
// liveness answers of one client address (TestLivenessBounded): 1/s, burst 10. Each from a flag, the
// environment or the config file alike, 0 no limit.
func TestRateChainReadsConfig(t *testing.T) {
	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	for _, c := range []struct {
		name string
		def  ratelimit.Rate
		get  func(*config) ratelimit.Rate
	}{
		{"rate-chain-reads", ratelimit.Rate{PerSecond: 2, Burst: 30}, func(c *config) ratelimit.Rate { return c.RateChainReads }},
		{"rate-chain-reads-total", ratelimit.Rate{PerSecond: 20, Burst: 100}, func(c *config) ratelimit.Rate { return c.RateChainTotal }},
		{"rate-liveness", ratelimit.Rate{PerSecond: 1, Burst: 10}, func(c *config) ratelimit.Rate { return c.RateLiveness }},
	} {
		env := "LT_ROUTER_" + strings.ToUpper(strings.ReplaceAll(c.name, "-", "_"))
		cfg, err := loadArgs(t, base)
		require.NoError(t, err)
		require.Equal(t, c.def, c.get(cfg), c.name)
		cfg, err = loadArgs(t, base, "--"+c.name, "0.5", "--"+c.name+"-burst", "3")
		require.NoError(t, err)
		require.Equal(t, ratelimit.Rate{PerSecond: 0.5, Burst: 3}, c.get(cfg), c.name)
		t.Setenv(env, "0")
		cfg, err = loadArgs(t, base)
		require.NoError(t, err)
		require.Nil(t, ratelimit.New(c.get(cfg)), "%s=0: no limit", env)
		os.Unsetenv(env)
		f := filepath.Join(t.TempDir(), "router.yaml")
		require.NoError(t, os.WriteFile(f, []byte(c.name+": 7\n"+c.name+"-burst: 9\n"), 0o600))
		cfg, err = loadArgs(t, base, "--config", f)
		require.NoError(t, err)
		require.Equal(t, ratelimit.Rate{PerSecond: 7, Burst: 9}, c.get(cfg), c.name)
	}
}

// TestOtherNamesConfig: --rpc and --raw-key, the names every role gives the chain's URLs and a devnet key,
// also answer to the names the router gave them before, --rpc-urls and --private-key: as flags,
// LT_ROUTER_* variables and config-file keys alike; both names with different values fail, naming both
// (servicetest.OtherNames). --help shows the one name.
func TestOtherNamesConfig(t *testing.T) {
	servicetest.OtherNames(t, "LT_ROUTER", func(args ...string) ([]string, keys.Source, error) {
		c, err := loadArgs(t, []string{"--deployment", "d.json"}, args...)
		if err != nil {
			return nil, keys.Source{}, err
		}
		return c.RPCURLs, c.Key, nil
	})
	cmd, _ := newCommand()
	help := cmd.Flags().FlagUsages()
	require.Contains(t, help, "--rpc strings")
	require.Contains(t, help, "--raw-key string")
	require.NotContains(t, help, "rpc-urls")
	require.NotContains(t, help, "private-key")
}
