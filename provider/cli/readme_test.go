package cli

import (
	"errors"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeCommandLines: every provider command line a Markdown file shows (README step 2's register,
// bid set and serve, provider/README.md's walk-through and model commands, keys/README.md's clef line)
// names a provider subcommand and parses with its flags, config and environment; register's stake, bid
// set's price and serve's upstream and models are what those commands read before touching the chain. A
// reference in prose names only subcommands and flags that exist. provider/README.md's config file holds
// only serve's settings and its models load.
func TestReadmeCommandLines(t *testing.T) {
	readmecmd.Check(t, "provider", func() *cobra.Command { return NewRoot(IO{}) }, func(cmd *cobra.Command) error {
		a := &app{v: viper.New()}
		if err := a.loadConfig(cmd); err != nil {
			return err
		}
		switch cmd.CommandPath() {
		case "provider register":
			_, err := parseAmountFlag(cmd, "stake")
			return err
		case "provider bid set":
			_, err := parseAmountFlag(cmd, "price")
			return err
		case "provider serve":
			_, err := a.models()
			if a.v.GetString("upstream") == "" {
				return errors.New("no --upstream")
			}
			return err
		}
		return nil
	})

	serve, _, err := NewRoot(IO{}).Find([]string{"serve"})
	require.NoError(t, err)
	f := readmecmd.ConfigFile(t, "provider/README.md", serve, "models")
	require.NoError(t, serve.ParseFlags([]string{"--config", f}))
	a := &app{v: viper.New()}
	require.NoError(t, a.loadConfig(serve))
	models, err := a.models()
	require.NoError(t, err, "provider/README.md's config file")
	require.NotEmpty(t, models[0].Upstream, "provider/README.md's config file")
}
