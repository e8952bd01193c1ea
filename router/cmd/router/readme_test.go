package main

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeCommandLines: every router command line a Markdown file shows (README step 2's router and
// its PostgreSQL replicas, router/README.md's devnet and Arbitrum Sepolia runs, with the environment their
// block exports) parses with the router's flags and passes loadConfig; a reference in prose names only
// flags the router has. router/README.md's config file holds only router settings and loads.
func TestReadmeCommandLines(t *testing.T) {
	var v *viper.Viper
	readmecmd.Check(t, "router", func() (cmd *cobra.Command) {
		cmd, v = newCommand()
		return cmd
	}, func(cmd *cobra.Command) error {
		if err := readConfig(cmd, v); err != nil {
			return err
		}
		_, err := loadConfig(v)
		return err
	})

	cmd, _ := newCommand()
	f := readmecmd.ConfigFile(t, "router/README.md", cmd)
	_, err := loadArgs(t, []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}, "--config", f)
	require.NoError(t, err, "router/README.md's config file")
}
