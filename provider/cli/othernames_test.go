package cli

import (
	"testing"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/keys"
)

// TestOtherNamesConfig: --rpc and --raw-key (the owner's devnet key), the names every role gives the chain's
// URLs and a devnet key, also answer to --rpc-urls and --private-key, the names the router gave them and
// the provider its raw key before: as flags, LT_PROVIDER_* variables and config-file keys alike; both
// names with different values fail, naming both (servicetest.OtherNames). --help shows the one name.
func TestOtherNamesConfig(t *testing.T) {
	servicetest.OtherNames(t, "LT_PROVIDER", func(args ...string) ([]string, keys.Source, error) {
		cmd, _, err := NewRoot(IO{}).Find([]string{"status"})
		require.NoError(t, err)
		require.NoError(t, cmd.ParseFlags(args))
		a := &app{v: viper.New()}
		if err := a.loadConfig(cmd); err != nil {
			return nil, keys.Source{}, err
		}
		return a.v.GetStringSlice("rpc"), keys.Source{RawKey: a.v.GetString("raw-key")}, nil // as loadKey reads it
	})
	help := NewRoot(IO{}).PersistentFlags().FlagUsages()
	require.Contains(t, help, "--rpc strings")
	require.Contains(t, help, "--raw-key string")
	require.NotContains(t, help, "rpc-urls")
	require.NotContains(t, help, "--private-key")
}

// TestSignerRawKeyOtherName: serve's raw signer key is --signer-raw-key, as every role's raw key is --raw-key;
// --signer-private-key, its name before, still sets it (flag and environment variable), both names with
// different values fail naming both, and --help shows the new name only.
func TestSignerRawKeyOtherName(t *testing.T) {
	load := func(args ...string) (string, error) {
		cmd, _, err := NewRoot(IO{}).Find([]string{"serve"})
		require.NoError(t, err)
		require.NoError(t, cmd.ParseFlags(args))
		a := &app{v: viper.New()}
		if err := a.loadConfig(cmd); err != nil {
			return "", err
		}
		return a.v.GetString("signer-raw-key"), nil
	}
	for _, args := range [][]string{{"--signer-raw-key", "0xab"}, {"--signer-private-key", "0xab"}} {
		got, err := load(args...)
		require.NoError(t, err, args)
		require.Equal(t, "0xab", got, args)
	}
	_, err := load("--signer-raw-key", "0xab", "--signer-private-key", "0xcd")
	require.ErrorContains(t, err, "--signer-raw-key and --signer-private-key name one setting")
	t.Setenv("LT_PROVIDER_SIGNER_PRIVATE_KEY", "0xef")
	got, err := load()
	require.NoError(t, err)
	require.Equal(t, "0xef", got)

	serve, _, err := NewRoot(IO{}).Find([]string{"serve"})
	require.NoError(t, err)
	help := serve.LocalFlags().FlagUsages()
	require.Contains(t, help, "--signer-raw-key string")
	require.NotContains(t, help, "signer-private-key")
}
