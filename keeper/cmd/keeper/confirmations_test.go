package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain/follow"
)

// TestConfirmationsFlag: the keeper's --confirmations is chain/follow's depth, the router's too (router/cmd/
// router TestConfirmationsFlag): its help starts with follow.FlagUsage, and run hands the number unchanged to
// txmgr (follow.Confirmed) and to ledger.ChainDeposits (a follow.Config), whose tests pin the depth
// (keeper/ledger TestChainDepositsDepthAndReorg: 3 reads a block once two more are above it).
func TestConfirmationsFlag(t *testing.T) {
	fl := newRoot().Flags().Lookup("confirmations")
	require.True(t, strings.HasPrefix(fl.Usage, follow.FlagUsage), fl.Usage)
	require.Equal(t, "3", fl.DefValue)
	final, ok := follow.Confirmed(10, 3)
	require.True(t, ok)
	require.EqualValues(t, 8, final, "3 confirmations at head 10: block 8, itself, 9 and 10")
}
