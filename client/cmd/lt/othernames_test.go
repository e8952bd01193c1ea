package main

import (
	"io"
	"testing"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/keys"
)

// TestOtherNamesConfig: --rpc and --raw-key, the names every role gives the chain's URLs and a devnet key,
// also answer to the names other roles gave them, --rpc-urls and --private-key: as flags,
// LT_CLIENT_* variables and config-file keys alike; both names with different values fail, naming both
// (servicetest.OtherNames). --help shows the one name.
func TestOtherNamesConfig(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no config file but the one a command names
	servicetest.OtherNames(t, "LT_CLIENT", func(args ...string) ([]string, keys.Source, error) {
		cmd, _, err := newRootCmd(nil, io.Discard, io.Discard).Find([]string{"allowance"})
		require.NoError(t, err)
		require.NoError(t, cmd.ParseFlags(args))
		a := &app{v: viper.New()}
		a.configFlag, _ = cmd.Flags().GetString("config")
		if err := a.loadConfig(cmd); err != nil {
			return nil, keys.Source{}, err
		}
		return a.list("rpc"), a.keySource(), nil
	})
	help := newRootCmd(nil, io.Discard, io.Discard).PersistentFlags().FlagUsages()
	require.Contains(t, help, "--rpc strings")
	require.Contains(t, help, "--raw-key string")
	require.NotContains(t, help, "rpc-urls")
	require.NotContains(t, help, "private-key")
}
