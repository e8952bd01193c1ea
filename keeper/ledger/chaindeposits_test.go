package ledger_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain/follow/followtest"
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

// poolEvents returns a maker of pool's event name by user with the non-indexed args, at block and index.
func poolEvents(t *testing.T, a *abi.ABI, pool common.Address) func(block uint64, index uint, name string, user common.Address, args ...any) types.Log {
	return func(block uint64, index uint, name string, user common.Address, args ...any) types.Log {
		ev := a.Events[name]
		data, err := ev.Inputs.NonIndexed().Pack(args...)
		require.NoError(t, err)
		return types.Log{Address: pool, BlockNumber: block, Index: index, Data: data,
			Topics: []common.Hash{ev.ID, common.BytesToHash(user.Bytes())}}
	}
}

// depositsAt returns a reader of each account's deposit in d as of a time (DepositsAt, no error).
func depositsAt(t *testing.T, d *ledger.ChainDeposits) func(time uint64) map[common.Address]uint64 {
	return func(time uint64) map[common.Address]uint64 {
		t.Helper()
		got, err := d.DepositsAt(context.Background(), time)
		require.NoError(t, err)
		out := map[common.Address]uint64{}
		for a, x := range got {
			out[a] = x.Deposit.Uint64()
		}
		return out
	}
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
	event := poolEvents(t, a, pool)
	chain := &logChain{t: t, logs: []types.Log{
		event(5, 0, "Deposited", u, n(100), n(100)),
		event(5, 1, "Deposited", v, n(50), n(50)),
		event(12_000, 0, "WithdrawalRequested", u, n(40), uint64(99_999)),
		event(12_000, 1, "Deposited", u, n(10), n(110)),
		event(15_000, 0, "WithdrawalCancelled", u, n(40)),
		event(20_000, 0, "WithdrawalRequested", v, n(50), uint64(99_999)),
		event(24_000, 0, "Withdrawn", v, n(30), n(20), n(3), n(20)),
	}}
	d, err := ledger.NewChainDeposits(pool, chain, 0, 1, 0, nil)
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

// TestChainDepositsDepthAndReorg: ChainDeposits reads only blocks 3 deep (confirmations 3); it answers for
// a time only once a final block is past it (else ErrDepositsNotFinal); a deposit in a block reorged out
// before it was final is never read; a reorg deeper than the depth drops the events it read above the fork
// point and reads the new fork, holding each event once. How a reorg is detected and where the fork point
// is (a shorter chain, a new block whose parent is not the last read…) is chain/follow's, tested there.
func TestChainDepositsDepthAndReorg(t *testing.T) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	pool := common.Address{0xc0}
	u, v := common.Address{0x0a}, common.Address{0x0b}
	deposited := func(block uint64, user common.Address, amount, deposit int64) types.Log {
		ev := a.Events["Deposited"]
		data, err := ev.Inputs.NonIndexed().Pack(big.NewInt(amount), big.NewInt(deposit))
		require.NoError(t, err)
		return types.Log{Address: pool, BlockNumber: block, Data: data, Topics: []common.Hash{ev.ID, common.BytesToHash(user.Bytes())}}
	}
	chain := followtest.New(10, deposited(5, u, 100, 100))
	d, err := ledger.NewChainDeposits(pool, chain, 0, 3, 0, zaptest.NewLogger(t))
	require.NoError(t, err)
	ctx := context.Background()
	at := depositsAt(t, d)

	// Head 10: block 8 is the newest final one (time 1,008); a later time is not settled yet.
	_, err = d.DepositsAt(ctx, 1008)
	require.ErrorIs(t, err, ledger.ErrDepositsNotFinal)
	require.Equal(t, map[common.Address]uint64{u: 100}, at(1007))

	// v deposits in block 10; head 11: block 10 is not final, so not read.
	chain.Logs = append(chain.Logs, deposited(10, v, 50, 50))
	chain.Head = 11
	require.Equal(t, map[common.Address]uint64{u: 100}, at(1008))
	// Blocks 10-11 are replaced without v's deposit before it was 3 deep: it is never read.
	chain.Reorg(10, 13)
	require.Equal(t, map[common.Address]uint64{u: 100}, at(1010))
	require.Equal(t, 1, d.EventsHeld())

	// A reorg deeper than the depth (from block 4, past every block read) re-including u's deposit in block 5
	// of the new fork, and v's in block 7: every event read again, once.
	chain.Reorg(4, 15, deposited(5, u, 100, 100), deposited(7, v, 50, 50))
	require.Equal(t, map[common.Address]uint64{u: 100, v: 50}, at(1012))
	require.Equal(t, 2, d.EventsHeld(), "u's deposit held once across the reorg")

	// A reorg of the last final blocks only (from 14): the fork point is a remembered block (13), nothing
	// doubles.
	chain.Head = 16
	require.Equal(t, map[common.Address]uint64{u: 100, v: 50}, at(1013))
	chain.Reorg(14, 20, deposited(14, u, 30, 130))
	require.Equal(t, map[common.Address]uint64{u: 130, v: 50}, at(1017))
	require.Equal(t, 3, d.EventsHeld())
}
