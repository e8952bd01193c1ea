// Package servicetest checks, in tests, how a main maps the settings every service shares (internal/service:
// the HTTP server's, the settings' other names) from its flags, environment and config file.
package servicetest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laketravis/laketravis/keys"
)

// MaxConnsPerIP checks that --max-conns-per-ip, the environment variable env and the config file key
// max-conns-per-ip reach the server: load parses its arguments as the main's command line (reading
// --config when given) and returns the service.HTTP.MaxConnsPerIP the main would build. 0 (the default)
// leaves service.DefaultMaxConnsPerIP, a negative number removes the bound.
func MaxConnsPerIP(t *testing.T, env string, load func(args ...string) int) {
	t.Helper()
	check := func(want int, args ...string) {
		t.Helper()
		if got := load(args...); got != want {
			t.Fatalf("%v (%s=%q): MaxConnsPerIP %d, want %d", args, env, os.Getenv(env), got, want)
		}
	}
	check(0)
	check(7, "--max-conns-per-ip", "7")
	check(-1, "--max-conns-per-ip", "-1")
	t.Setenv(env, "9")
	check(9)
	check(7, "--max-conns-per-ip", "7")
	os.Unsetenv(env)
	f := filepath.Join(t.TempDir(), "service.yaml")
	if err := os.WriteFile(f, []byte("max-conns-per-ip: 11\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	check(11, "--config", f)
}

// The values OtherNames gives; keyA and keyB are anvil's accounts 1 and 2.
const (
	urlA = "http://127.0.0.1:1"
	urlB = "http://127.0.0.1:2"
	keyA = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
	keyB = "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"
)

// OtherNames checks a main's settings that have another name (service.OtherNames): the chain's URLs
// (--rpc, other name --rpc-urls) and the devnet key (--raw-key, other name --private-key) read the same
// value by either name, as a flag, an environment variable (envPrefix_RPC, envPrefix_RPC_URLS,
// envPrefix_RAW_KEY, envPrefix_PRIVATE_KEY) and a config-file key; both names with different values in one
// source fail with an error naming both; the usual precedence (flags, environment, config file) holds
// across the names; a raw key given by its other name is still refused off a devnet. load parses its
// arguments as the main's command line (reading --config when given) and returns the chain URLs and the
// key source the main would use, or its error.
func OtherNames(t *testing.T, envPrefix string, load func(args ...string) (rpc []string, key keys.Source, err error)) {
	t.Helper()
	env := func(name string) string { return envPrefix + "_" + name }
	config := func(text string) string {
		f := filepath.Join(t.TempDir(), "config.yaml")
		if err := os.WriteFile(f, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return f
	}
	reads := func(wantURL, wantKey string, args ...string) {
		t.Helper()
		rpc, key, err := load(args...)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if len(rpc) != 1 || rpc[0] != wantURL || key.RawKey != wantKey {
			t.Fatalf("%v: rpc %q, raw key %q; want [%s], %s", args, rpc, key.RawKey, wantURL, wantKey)
		}
	}
	fails := func(name, other string, args ...string) {
		t.Helper()
		_, _, err := load(args...)
		if err == nil || !strings.Contains(err.Error(), name+" and "+other) {
			t.Fatalf("%v: error %v, want one naming %s and %s", args, err, name, other)
		}
	}
	unset := func(names ...string) {
		for _, n := range names {
			os.Unsetenv(env(n))
		}
	}

	// Flags.
	reads(urlA, keyA, "--rpc", urlA, "--raw-key", keyA)
	reads(urlA, keyA, "--rpc-urls", urlA, "--private-key", keyA)
	reads(urlA, keyA, "--rpc", urlA, "--rpc-urls", urlA, "--raw-key", keyA, "--private-key", keyA)
	fails("--rpc", "--rpc-urls", "--rpc", urlA, "--rpc-urls", urlB, "--raw-key", keyA)
	fails("--raw-key", "--private-key", "--rpc", urlA, "--raw-key", keyA, "--private-key", keyB)

	// Environment variables.
	t.Setenv(env("RPC"), urlA)
	t.Setenv(env("RAW_KEY"), keyA)
	reads(urlA, keyA)
	reads(urlB, keyB, "--rpc-urls", urlB, "--private-key", keyB) // flags win, by either name
	unset("RPC", "RAW_KEY")
	t.Setenv(env("RPC_URLS"), urlA)
	t.Setenv(env("PRIVATE_KEY"), keyA)
	reads(urlA, keyA)
	reads(urlB, keyB, "--rpc", urlB, "--raw-key", keyB)
	t.Setenv(env("RPC"), urlA)
	t.Setenv(env("RAW_KEY"), keyA)
	reads(urlA, keyA)
	t.Setenv(env("RPC"), urlB)
	fails(env("RPC"), env("RPC_URLS"))
	t.Setenv(env("RPC"), urlA)
	t.Setenv(env("RAW_KEY"), keyB)
	fails(env("RAW_KEY"), env("PRIVATE_KEY"))
	unset("RPC", "RAW_KEY", "RPC_URLS", "PRIVATE_KEY")

	// Config-file keys.
	name := config("rpc: [" + urlA + "]\nraw-key: " + keyA + "\n")
	other := config("rpc-urls: [" + urlA + "]\nprivate-key: " + keyA + "\n")
	reads(urlA, keyA, "--config", name)
	reads(urlA, keyA, "--config", other)
	reads(urlA, keyA, "--config", config("rpc: "+urlA+"\nrpc-urls: ["+urlA+"]\nraw-key: "+keyA+"\nprivate-key: "+keyA+"\n"))
	fails("rpc", "rpc-urls", "--config", config("rpc: ["+urlA+"]\nrpc-urls: ["+urlB+"]\n"))
	fails("raw-key", "private-key", "--config", config("rpc: ["+urlA+"]\nraw-key: "+keyA+"\nprivate-key: "+keyB+"\n"))
	t.Setenv(env("RPC_URLS"), urlB)
	t.Setenv(env("PRIVATE_KEY"), keyB)
	reads(urlB, keyB, "--config", name) // the environment wins over the config file, by either name
	unset("RPC_URLS", "PRIVATE_KEY")
	reads(urlB, keyB, "--config", other, "--rpc", urlB, "--raw-key", keyB)

	// The raw key by its other name is the same setting: a devnet's only.
	_, src, err := load("--rpc-urls", urlA, "--private-key", keyA)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := keys.Load(src, 421614); !errors.Is(err, keys.ErrRawKeyNotDevnet) {
		t.Fatalf("--private-key on chain 421614: %v, want keys.ErrRawKeyNotDevnet", err)
	}
	if _, err := keys.Load(src, 31337); err != nil {
		t.Fatalf("--private-key on chain 31337: %v", err)
	}
}
