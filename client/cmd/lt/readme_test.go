package main

import (
	"io"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	"github.com/laketravis/laketravis/client/gateway"
	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeCommandLines: every lt command line a Markdown file shows (README step 2's allowance, chat and
// gateway, keys/README.md's clef lines) names an lt subcommand and parses with its flags, config and
// environment; the RFC parameters of chat, rfc and gateway, the gateway's listen address and deposit's
// amount are what those commands read before touching the network. A reference in prose names only
// subcommands and flags that exist.
func TestReadmeCommandLines(t *testing.T) {
	t.Setenv("HOME", t.TempDir()) // no config file but the one a command names
	readmecmd.Check(t, "lt", func() *cobra.Command { return newRootCmd(nil, io.Discard, io.Discard) }, func(cmd *cobra.Command) error {
		a := &app{v: viper.New()}
		if err := a.loadConfig(cmd); err != nil {
			return err
		}
		switch cmd.Name() {
		case "chat", "rfc":
			_, err := a.rfcParams(true)
			return err
		case "gateway":
			if _, err := a.rfcParams(false); err != nil {
				return err
			}
			allowRemote, _ := cmd.Flags().GetBool("allow-remote")
			return gateway.CheckListen(a.str("listen"), allowRemote)
		case "deposit":
			_, err := parseMOR(cmd.Flags().Arg(0))
			return err
		}
		return nil
	})
}
