package main

import (
	"context"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/keys"
)

// TestStartupRefusesBadFeeCeilingAndClaimThreshold: a bad --fee-ceiling-gwei (not a number, not positive,
// infinite, under a wei) or --claim-threshold (not a decimal integer of wei, negative, 2^256 or more) is
// refused by the start-up checks with an error naming the flag and the value, before anything starts (so is
// a --routers entry without its scheme): the deployment file (absent here) is not read and the data dir is
// not made. Good values are read as before: gwei to wei, the threshold in wei.
func TestStartupRefusesBadFeeCeilingAndClaimThreshold(t *testing.T) {
	dir := t.TempDir()
	dataDir := filepath.Join(dir, "keeper-data")
	base := []string{"--rpc", "http://127.0.0.1:1", "--deployment", filepath.Join(dir, "absent.json"),
		"--public-url", "http://127.0.0.1:1", "--data-dir", dataDir, "--log-level", "error"}
	twoTo256 := new(big.Int).Lsh(big.NewInt(1), 256).String()
	for _, c := range []struct{ flag, value string }{
		{"fee-ceiling-gwei", "two"}, {"fee-ceiling-gwei", "0"}, {"fee-ceiling-gwei", "-1"},
		{"fee-ceiling-gwei", "Inf"}, {"fee-ceiling-gwei", "0.0000000001"},
		{"claim-threshold", "one"}, {"claim-threshold", "1.5"}, {"claim-threshold", "-1"},
		{"claim-threshold", "1e18"}, {"claim-threshold", twoTo256},
		{"routers", "127.0.0.1:8080"},
	} {
		cmd := newRoot()
		cmd.SetArgs(append(base, "--"+c.flag, c.value))
		err := cmd.ExecuteContext(context.Background())
		require.Error(t, err, "--%s %s", c.flag, c.value)
		require.True(t, strings.HasPrefix(err.Error(), "--"+c.flag+` "`+c.value+`"`), "%s %s: %v", c.flag, c.value, err)
		require.NoDirExists(t, dataDir)
	}

	cmd, v := newCommand()
	require.NoError(t, cmd.ParseFlags(append(base, "--fee-ceiling-gwei", "0.5", "--claim-threshold", "1000000000000000000")))
	s, err := startup(v, cmd.Flags())
	require.NoError(t, err)
	require.Equal(t, big.NewInt(500_000_000), s.feeCeiling)
	require.Equal(t, "1000000000000000000", s.claimThreshold.Dec())
	cmd, v = newCommand()
	v.Set("rpc", "http://127.0.0.1:1")
	v.Set("deployment", "d.json")
	v.Set("public-url", "http://127.0.0.1:1")
	s, err = startup(v, cmd.Flags())
	require.NoError(t, err, "the defaults")
	require.Equal(t, big.NewInt(200_000_000_000), s.feeCeiling)
	require.True(t, s.claimThreshold.IsZero())
}

// TestOtherNamesConfig: --rpc and --raw-key, the names every role gives the chain's URLs and a devnet key,
// also answer to the names the keeper and router gave them before, --rpc-urls and --private-key: as flags,
// LT_KEEPER_* variables and config-file keys alike; both names with different values fail, naming both
// (servicetest.OtherNames). --help shows the one name.
func TestOtherNamesConfig(t *testing.T) {
	servicetest.OtherNames(t, "LT_KEEPER", func(args ...string) ([]string, keys.Source, error) {
		cmd, v := newCommand()
		require.NoError(t, cmd.ParseFlags(append([]string{"--deployment", "d.json", "--public-url", "http://127.0.0.1:1"}, args...)))
		s, err := startup(v, cmd.Flags())
		if err != nil {
			return nil, keys.Source{}, err
		}
		return s.rpcURLs, keySource(v), nil
	})
	cmd, _ := newCommand()
	help := cmd.Flags().FlagUsages()
	require.Contains(t, help, "--rpc strings")
	require.Contains(t, help, "--raw-key string")
	require.NotContains(t, help, "rpc-urls")
	require.NotContains(t, help, "private-key")
}
