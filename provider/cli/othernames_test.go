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
