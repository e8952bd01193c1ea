package ledger_test

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// fundingChain: u deposits at time 1,005 and keeps it; v deposits at 1,005, withdraws everything at 11,000
// and deposits again at 21,000 (its deposit rises from zero again: ComputePool's fundedAt is 21,000); w first
// deposits at 21,000; x never deposits. The chain's newest block is at time 25,999.
func fundingChain(t *testing.T) (*ledger.ChainDeposits, [4]common.Address) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	pool := common.Address{0xc0}
	users := [4]common.Address{{0x0a}, {0x0b}, {0x0c}, {0x0d}}
	u, v, w := users[0], users[1], users[2]
	n := func(x int64) *big.Int { return big.NewInt(x) }
	event := poolEvents(t, a, pool)
	chain := &logChain{t: t, logs: []types.Log{
		event(5, 0, "Deposited", u, n(100), n(100)),
		event(5, 1, "Deposited", v, n(50), n(50)),
		event(9_000, 0, "WithdrawalRequested", v, n(50), uint64(10_000)),
		event(10_000, 0, "Withdrawn", v, n(50), n(0), n(0), n(0)),
		event(20_000, 0, "Deposited", v, n(20), n(20)),
		event(20_000, 1, "Deposited", w, n(30), n(30)),
	}}
	d, err := ledger.NewChainDeposits(pool, chain, 0, 1, 0, nil)
	require.NoError(t, err)
	return d, users
}

// TestCheckSpendFunding: a batch file whose spend tree charges a user funded after its deposit read (v, whose
// deposit rose from zero again after it; or x, who never deposited) is reported (ErrChargedAfterRead, naming
// them): the pool asks no proof of such a user, who would withdraw what it was charged while the spend stays
// in totalSpent. Users funded before the read, and users funded after it with a leaf of 0, pass. Without the
// check a guardian re-checking the batch file saw nothing wrong with such a root.
func TestCheckSpendFunding(t *testing.T) {
	ctx := context.Background()
	d, users := fundingChain(t)
	u, v, w, x := users[0], users[1], users[2], users[3]
	leaf := func(user common.Address, amount uint64) store.SpendLeaf {
		return store.SpendLeaf{User: user, Amount: *uint256.NewInt(amount)}
	}
	honest := &ledger.BatchFile{Epoch: 4, DepositsReadAt: 15_000, Spend: []store.SpendLeaf{leaf(u, 10), leaf(v, 0), leaf(w, 0)}}
	require.NoError(t, d.CheckSpendFunding(ctx, honest))

	hostile := &ledger.BatchFile{Epoch: 4, DepositsReadAt: 15_000,
		Spend: []store.SpendLeaf{leaf(u, 10), leaf(v, 5), leaf(w, 0), leaf(x, 3)}}
	err := d.CheckSpendFunding(ctx, hostile)
	require.ErrorIs(t, err, ledger.ErrChargedAfterRead)
	require.Contains(t, err.Error(), v.Hex()+" (spend 5, funded at 21000)")
	require.Contains(t, err.Error(), x.Hex()+" (spend 3, no deposit)")
	require.NotContains(t, err.Error(), u.Hex())
	require.NotContains(t, err.Error(), w.Hex())

	// Read after v's second deposit: v is in the read and may be charged.
	later := &ledger.BatchFile{Epoch: 5, DepositsReadAt: 21_000, Spend: []store.SpendLeaf{leaf(u, 10), leaf(v, 5), leaf(w, 1)}}
	require.NoError(t, d.CheckSpendFunding(ctx, later))
}

// TestDepositsReadAsOfTheChainsTime: asked for the deposits as of a time past the chain's newest block (the
// keeper's clock ahead of the chain's, as on a devnet), the read is as of the second before that block's time,
// not the time asked: a block still to come may carry an earlier time than the one asked, or that block's own
// (several blocks a second), and the pool refuses a read after the commit's block (DepositsReadAfterCommit).
func TestDepositsReadAsOfTheChainsTime(t *testing.T) {
	d, _ := fundingChain(t)
	_, readAt, _, err := d.DepositsRead(context.Background(), 40_000, false)
	require.NoError(t, err)
	require.Equal(t, uint64(25_998), readAt, "the read is as of the second before the newest block's")
	_, readAt, _, err = d.DepositsRead(context.Background(), 15_000, true)
	require.NoError(t, err)
	require.Equal(t, uint64(15_000), readAt, "a time the chain has passed is the read")
}
