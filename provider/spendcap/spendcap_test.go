package spendcap_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/provider/spendcap"
)

// TestLowestOnAnvil: on the real ComputePool, the cap read is the deployment's; a lower cap set by the admin
// (in force from tomorrow) is the lowest at once, and a higher one set after it (in force only from a later
// day) lifts nothing; a Cap keeps the last read and knows none before one.
func TestLowestOnAnvil(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	call := &bind.CallOpts{Context: ctx}
	deployed, err := c.Pool.DailySpendCap(call)
	require.NoError(t, err)

	cp, err := spendcap.NewPool(c.Addr("ComputePool"), c.Client, 5*time.Second)
	require.NoError(t, err)
	_, known := cp.Lowest()
	require.False(t, known, "nothing read yet")
	lowest := func() *big.Int {
		t.Helper()
		require.NoError(t, cp.Refresh(ctx))
		v, ok := cp.Lowest()
		require.True(t, ok)
		return v.ToBig()
	}
	require.Equal(t, deployed.String(), lowest().String())

	lower := new(big.Int).Div(deployed, big.NewInt(1000))
	c.Mined(c.Pool.SetDailySpendCap(c.Opts(devnet.DevKey(0)), lower))
	today, err := c.Pool.DailySpendCap(call)
	require.NoError(t, err)
	require.Equal(t, deployed.String(), today.String(), "today's cap unchanged: the lower one binds from tomorrow")
	require.Equal(t, lower.String(), lowest().String(), "tomorrow's lower cap")

	c.Mined(c.Pool.SetDailySpendCap(c.Opts(devnet.DevKey(0)), new(big.Int).Mul(lower, big.NewInt(2))))
	require.Equal(t, lower.String(), lowest().String(), "a raise binds only after tomorrow")
}
