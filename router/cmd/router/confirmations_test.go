package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/router/book"
)

// TestConfirmationsFlag: the router's --confirmations is chain/follow's depth, the keeper's too (keeper/cmd
// keeper TestConfirmationsFlag): its help is follow.FlagUsage and the number given by a flag, LT_ROUTER_
// CONFIRMATIONS or the config file reaches the indexer unchanged (router/index TestIndexerBackfillFollowRestart
// Reorg pins what the indexer does with it: 3 indexes a block once two more are mined above it). Adding the
// old +1 back, or a help text of its own, fails here.
func TestConfirmationsFlag(t *testing.T) {
	cmd, _ := newCommand()
	fl := cmd.Flags().Lookup("confirmations")
	require.Equal(t, follow.FlagUsage, fl.Usage)
	require.Equal(t, "6", fl.DefValue, "the router's default depth: 6 confirmations, the block itself included")

	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json"}
	c, err := loadArgs(t, base, "--confirmations", "3")
	require.NoError(t, err)
	require.EqualValues(t, 3, c.Confirmations)
	require.EqualValues(t, 3, indexConfig(c, 0, book.Contracts{}).Confirmations)

	t.Setenv("LT_ROUTER_CONFIRMATIONS", "2")
	c, err = loadArgs(t, base)
	require.NoError(t, err)
	require.EqualValues(t, 2, indexConfig(c, 0, book.Contracts{}).Confirmations)
	os.Unsetenv("LT_ROUTER_CONFIRMATIONS")

	f := filepath.Join(t.TempDir(), "router.yaml")
	require.NoError(t, os.WriteFile(f, []byte("confirmations: 1\n"), 0o600))
	c, err = loadArgs(t, base, "--config", f)
	require.NoError(t, err)
	require.EqualValues(t, 1, indexConfig(c, 0, book.Contracts{}).Confirmations)
}
