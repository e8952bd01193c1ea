package ledger_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// logChain is a chain of 25,000 blocks, block n at time 1,000 + n, with the pool's deposit events given; it
// counts the eth_getLogs calls and refuses ranges over 10,000 blocks, like a public endpoint.
type logChain struct {
	t     *testing.T
	logs  []types.Log
	calls int
}

func (c *logChain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	c.calls++
	from, to := q.FromBlock.Uint64(), q.ToBlock.Uint64()
	require.LessOrEqual(c.t, to-from+1, uint64(10_000), "range too wide")
	var out []types.Log
	for _, l := range c.logs {
		if l.BlockNumber >= from && l.BlockNumber <= to {
			out = append(out, l)
		}
	}
	return out, nil
}

func (c *logChain) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	panic("not used")
}

func (c *logChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	num := uint64(24_999)
	if n != nil {
		num = n.Uint64()
	}
	return &types.Header{Number: new(big.Int).SetUint64(num), Time: 1000 + num}, nil
}

// TestChainDepositsReplay: ChainDeposits rebuilds each user's deposit and pending withdrawal request from
// the pool's events (Deposited, WithdrawalRequested, WithdrawalCancelled, Withdrawn) in chain order, as of
// a block time, reading the chain in ranges of at most 10,000 blocks.
func TestChainDepositsReplay(t *testing.T) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	pool := common.Address{0xc0}
	u, v := common.Address{0x0a}, common.Address{0x0b}
	n := func(x int64) *big.Int { return big.NewInt(x) }
	event := func(block uint64, index uint, name string, user common.Address, args ...any) types.Log {
		ev := a.Events[name]
		data, err := ev.Inputs.NonIndexed().Pack(args...)
		require.NoError(t, err)
		return types.Log{Address: pool, BlockNumber: block, Index: index, Data: data,
			Topics: []common.Hash{ev.ID, common.BytesToHash(user.Bytes())}}
	}
	chain := &logChain{t: t, logs: []types.Log{
		event(5, 0, "Deposited", u, n(100), n(100)),
		event(5, 1, "Deposited", v, n(50), n(50)),
		event(12_000, 0, "WithdrawalRequested", u, n(40), uint64(99_999)),
		event(12_000, 1, "Deposited", u, n(10), n(110)),
		event(15_000, 0, "WithdrawalCancelled", u, n(40)),
		event(20_000, 0, "WithdrawalRequested", v, n(50), uint64(99_999)),
		event(24_000, 0, "Withdrawn", v, n(30), n(20), n(3), n(20)),
	}}
	d, err := ledger.NewChainDeposits(pool, chain, 0)
	require.NoError(t, err)
	ctx := context.Background()
	type acc struct {
		deposit     uint64
		requestedAt uint64
	}
	at := func(time uint64) map[common.Address]acc {
		got, err := d.DepositsAt(ctx, time)
		require.NoError(t, err)
		out := map[common.Address]acc{}
		for a, x := range got {
			out[a] = acc{x.Deposit.Uint64(), x.RequestedAt}
		}
		return out
	}
	require.Empty(t, at(1004), "nothing before block 5")
	require.Equal(t, map[common.Address]acc{u: {100, 0}, v: {50, 0}}, at(1005))
	require.Equal(t, map[common.Address]acc{u: {110, 13_000}, v: {50, 0}}, at(13_000))
	require.Equal(t, map[common.Address]acc{u: {110, 0}, v: {50, 21_000}}, at(21_000))
	require.Equal(t, map[common.Address]acc{u: {110, 0}, v: {20, 0}}, at(30_000), "withdrawn: the rest, no request")
	require.Equal(t, 3, chain.calls, "25,000 blocks read once, in three ranges")
}
