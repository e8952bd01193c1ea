package main

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeCommandLines: every keeper command line a Markdown file shows (README step 2's keeper,
// keeper/README.md's devnet run and its `keeper --config keeper.yaml` with the config file shown below it)
// parses with the keeper's flags and passes its start-up checks (startup: the settings it cannot start
// without, a positive --fee-ceiling-gwei, a --claim-threshold in wei); a reference
// (keys/README.md's clef line) names only flags the keeper has. keeper/README.md's config file holds only
// keeper settings. A `keeper check-batch` line passes that command's checks (--rpc and --deployment).
func TestReadmeCommandLines(t *testing.T) {
	root, _ := newCommand()
	config := readmecmd.ConfigFile(t, "keeper/README.md", root)
	var v *viper.Viper
	readmecmd.Check(t, "keeper", func() (cmd *cobra.Command) {
		cmd, v = newCommand()
		return cmd
	}, func(cmd *cobra.Command) error {
		if cmd.Name() == "check-batch" { // its own settings
			bv := viper.New()
			bindViper(bv, cmd.Flags())
			_, err := batchSettings(bv, cmd.Flags())
			return err
		}
		if v.GetString("config") == "keeper.yaml" {
			v.Set("config", config)
		}
		_, err := startup(v, cmd.Flags())
		return err
	})
}
