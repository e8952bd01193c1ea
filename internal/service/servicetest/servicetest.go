// Package servicetest checks, in tests, how a service's main maps the HTTP settings every service shares
// (internal/service) from its flags, environment and config file.
package servicetest

import (
	"os"
	"path/filepath"
	"testing"
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
