package spendcap_test

import (
	"context"
	"fmt"
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
	require.Equal(t, []uint64{head, head, head}, numbers(t, rec.blocks))

	rec.afterFirst, rec.blocks = nil, nil
	require.NoError(t, cp.Refresh(ctx))
	v, ok = cp.Lowest()
	require.True(t, ok)
	require.Equal(t, lower.String(), v.ToBig().String(), "read again at the new head")
	require.Len(t, rec.blocks, 3)
	require.Equal(t, head+1, rec.blocks[0].Uint64())
}

// TestLowestFallsBackABlock: behind an RPC load balancer eth_blockNumber may come from a node ahead of the
// one answering eth_call, and every call pinned to that head fails (anvil: BlockOutOfRangeError; geth:
// header not found), an answer chain.Client does not fail over on. The read is then made once more, all
// three calls at the block before: here a head answered one block ahead still gets the cap, read at the real
// head. Two blocks ahead both reads fail, the error names both blocks, and the Cap keeps the last read.
// Before, the pinned read failed and a provider behind such an RPC never read the cap.
func TestLowestFallsBackABlock(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	deployed, err := c.Pool.DailySpendCap(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	head, err := c.Client.BlockNumber(ctx)
	require.NoError(t, err)

	rec := &recordingCaller{Client: c.Client, ahead: 1}
	cp, err := spendcap.NewPool(c.Addr("ComputePool"), rec, 5*time.Second)
	require.NoError(t, err)
	require.NoError(t, cp.Refresh(ctx))
	v, ok := cp.Lowest()
	require.True(t, ok)
	require.Equal(t, deployed.String(), v.ToBig().String())
	require.Equal(t, []uint64{head + 1, head, head, head}, numbers(t, rec.blocks),
		"currentDay at the head answered fails, then all three calls at the block before")

	rec.ahead, rec.blocks = 2, nil
	err = cp.Refresh(ctx)
	require.Error(t, err)
	require.Equal(t, []uint64{head + 2, head + 1}, numbers(t, rec.blocks), "one retry, at the block before")
	require.ErrorContains(t, err, fmt.Sprintf("at block %d", head+2))
	require.ErrorContains(t, err, fmt.Sprintf("at block %d", head+1))
	v, ok = cp.Lowest()
	require.True(t, ok, "the last read is kept")
	require.Equal(t, deployed.String(), v.ToBig().String())
}

// numbers is the block numbers the calls carried; none may be "latest".
func numbers(t *testing.T, blocks []*big.Int) []uint64 {
	t.Helper()
	out := make([]uint64, len(blocks))
	for i, b := range blocks {
		require.NotNil(t, b, "call %d read at latest", i)
		out[i] = b.Uint64()
	}
	return out
}

// recordingCaller is the anvil client, recording the block number of each CallContract; afterFirst, when
// set, runs after the first call (on the test's goroutine: Lowest calls in turn). BlockNumber answers ahead
// blocks past the node's head (a load balancer's eth_blockNumber from a node ahead of the one that answers
// the calls).
type recordingCaller struct {
	*chain.Client
	blocks     []*big.Int
	afterFirst func()
	ahead      uint64
}

func (r *recordingCaller) BlockNumber(ctx context.Context) (uint64, error) {
	n, err := r.Client.BlockNumber(ctx)
	return n + r.ahead, err
}

func (r *recordingCaller) CallContract(ctx context.Context, msg ethereum.CallMsg, n *big.Int) ([]byte, error) {
	r.blocks = append(r.blocks, n)
	out, err := r.Client.CallContract(ctx, msg, n)
	if len(r.blocks) == 1 && r.afterFirst != nil {
		r.afterFirst()
	}
	return out, err
}
