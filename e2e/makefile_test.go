package e2e

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// TestMakefileForgeFails: the forge the Makefile runs (test-contracts, lint's fmt --check, build, bench)
// passes forge's failures on. npm's node_modules/.bin/forge wrapper exits 0 whatever forge returns, which
// had made failing forge tests and unformatted Solidity pass `make test` and `make lint`.
func TestMakefileForgeFails(t *testing.T) {
	ctx := testContext(t, time.Minute)
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	out, err := exec.CommandContext(ctx, "make", "-s", "-C", root, "--eval", "print-%: ; @echo $($*)", "print-FORGE").Output()
	require.NoError(t, err)
	forge := strings.TrimSpace(string(out))
	require.NotContains(t, forge, filepath.Join("node_modules", ".bin"), "the Makefile runs npm's wrapper")
	if !filepath.IsAbs(forge) {
		forge = filepath.Join(root, forge)
	}

	dir := t.TempDir()
	bad := filepath.Join(dir, "Bad.sol")
	require.NoError(t, os.WriteFile(bad, []byte("contract   Bad{function f( ) public{}}\n"), 0o600))
	cmd := exec.CommandContext(ctx, forge, "fmt", "--check", bad)
	cmd.Dir = dir
	msg, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "forge fmt --check of an unformatted file must fail: %v %s", err, msg)
	require.NotZero(t, exit.ExitCode())
}

// TestMakeHelpPlainWhenPiped: `make help | cat` (or `> file`) prints no ANSI colour codes, which a pager,
// a file or a grep would show as garbage: the target names are coloured only on a terminal.
func TestMakeHelpPlainWhenPiped(t *testing.T) {
	ctx := testContext(t, time.Minute)
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	out, err := exec.CommandContext(ctx, "bash", "-o", "pipefail", "-c", `make -s -C "$1" help | cat`, "bash", root).Output()
	require.NoError(t, err, "make help | cat")
	require.Regexp(t, `(?m)^  help +List the targets$`, string(out))
	require.NotContains(t, string(out), "\x1b", "an ESC byte (ANSI colour) in piped output")
}
