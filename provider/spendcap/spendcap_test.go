package spendcap_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
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

// TestLowestReadsOneBlock: currentDay and the two spendCapAt calls are read at one block, the head read
// first. A block mined between the reads (here a setDailySpendCap lowering tomorrow's cap, as a day's
// turn could be) is not mixed in: the cap read is the state of the head block, the three calls carry its
// number, and the next read sees the change. Read at "latest" one by one, the last two saw the new state.
func TestLowestReadsOneBlock(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	deployed, err := c.Pool.DailySpendCap(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	lower := new(big.Int).Div(deployed, big.NewInt(1000))

	rec := &recordingCaller{Client: c.Client}
	cp, err := spendcap.NewPool(c.Addr("ComputePool"), rec, 5*time.Second)
	require.NoError(t, err)
	head, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)
	rec.afterFirst = func() { c.Mined(c.Pool.SetDailySpendCap(c.Opts(devnet.DevKey(0)), lower)) }
	require.NoError(t, cp.Refresh(ctx))
	v, ok := cp.Lowest()
	require.True(t, ok)
	require.Equal(t, deployed.String(), v.ToBig().String(), "the state of the head block: the lower cap was set after it")
	require.Len(t, rec.blocks, 3)
	for i, b := range rec.blocks {
		require.NotNil(t, b, "call %d read at latest", i)
		require.Equal(t, head, b.Uint64(), "call %d", i)
	}

	rec.afterFirst, rec.blocks = nil, nil
	require.NoError(t, cp.Refresh(ctx))
	v, ok = cp.Lowest()
	require.True(t, ok)
	require.Equal(t, lower.String(), v.ToBig().String(), "read again at the new head")
	require.Len(t, rec.blocks, 3)
	require.Equal(t, head+1, rec.blocks[0].Uint64())
}

// recordingCaller is the anvil client, recording the block number of each CallContract; afterFirst, when
// set, runs after the first call (on the test's goroutine: Lowest calls in turn).
type recordingCaller struct {
	*chain.Client
	blocks     []*big.Int
	afterFirst func()
}

func (r *recordingCaller) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	r.blocks = append(r.blocks, n)
	out, err := r.Client.CallContract(ctx, msg, n)
	if len(r.blocks) == 1 && r.afterFirst != nil {
		r.afterFirst()
	}
	return out, err
}
