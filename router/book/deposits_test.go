package book_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/book/booktest"
)

func TestDepositsFold(t *testing.T) {
	st, err := book.NewState(book.Contracts{ComputePool: poolAddr, Marketplace: common.HexToAddress("0x1"), ModelRegistry: common.HexToAddress("0x2")})
	require.NoError(t, err)
	alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
	apply := func(l *types.Log) { require.NoError(t, st.Apply(l)) }
	apply(poolLog(t, "Deposited", []common.Hash{booktest.User(alice)}, big.NewInt(100), big.NewInt(100)))
	apply(poolLog(t, "Deposited", []common.Hash{booktest.User(alice)}, big.NewInt(50), big.NewInt(150)))
	apply(poolLog(t, "Deposited", []common.Hash{booktest.User(bob)}, big.NewInt(7), big.NewInt(7)))
	apply(poolLog(t, "WithdrawalRequested", []common.Hash{booktest.User(alice)}, big.NewInt(150), uint64(999)))
	apply(poolLog(t, "WithdrawalRequested", []common.Hash{booktest.User(bob)}, big.NewInt(7), uint64(1000)))
	apply(poolLog(t, "WithdrawalCancelled", []common.Hash{booktest.User(bob)}, big.NewInt(7)))
	// An epoch with its spend, then alice's withdrawal: 40 spent, 110 paid, 40 stay deposited.
	apply(poolLog(t, "RootCommitted", []common.Hash{common.BigToHash(big.NewInt(0)), {1}}, big.NewInt(60), big.NewInt(60), big.NewInt(4), uint64(10), [32]byte{}, "u"))
	apply(poolLog(t, "SpendCommitted", []common.Hash{common.BigToHash(big.NewInt(0)), {2}}, big.NewInt(40), big.NewInt(40)))
	snap := st.Snapshot(1)
	require.Equal(t, "40", snap.SpentOnDay(4).Dec())
	require.Equal(t, "0", snap.SpentOnDay(5).Dec())
	a := snap.Deposits.Of(alice)
	require.Equal(t, "150", a.Deposit.Dec())
	require.Equal(t, "150", a.Requested.Dec())
	require.EqualValues(t, 999, a.ReadyAt)
	tot := snap.Deposits.Totals()
	require.Equal(t, []string{"157", "157", "0", "150", "40"}, []string{tot.Held.Dec(), tot.Deposited.Dec(), tot.Withdrawn.Dec(), tot.PendingAmount.Dec(), tot.CumulativeSpent.Dec()})
	require.EqualValues(t, 1, tot.PendingCount)
	require.EqualValues(t, 2, tot.Depositors)

	apply(poolLog(t, "Withdrawn", []common.Hash{booktest.User(alice)}, big.NewInt(110), big.NewInt(40), big.NewInt(0), big.NewInt(40)))
	a = snap.Deposits.Of(alice)
	require.Equal(t, []string{"40", "0", "40"}, []string{a.Deposit.Dec(), a.Requested.Dec(), a.SpentProven.Dec()})
	require.EqualValues(t, 1, a.Withdrawals)
	tot = snap.Deposits.Totals()
	require.Equal(t, []string{"47", "110", "0"}, []string{tot.Held.Dec(), tot.Withdrawn.Dec(), tot.PendingAmount.Dec()})
	require.EqualValues(t, 0, tot.PendingCount)
	require.True(t, snap.Deposits.Of(common.HexToAddress("0xdead")).Deposit.IsZero())

	// A veto of the epoch takes its spend back out of today's figure and the committed total.
	apply(veto(t, 0, 1, 0, 0))
	snap = st.Snapshot(2)
	require.Equal(t, "0", snap.SpentOnDay(4).Dec())
	require.Equal(t, "0", snap.Deposits.Totals().CumulativeSpent.Dec())
}
