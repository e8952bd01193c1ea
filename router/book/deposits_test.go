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

// TestSpendCapFold: DailySpendCapSet builds the cap's schedule by ComputePool.setDailySpendCap's rule (what
// was scheduled after the new entry's day is dropped, an entry of the same day replaced), and
// LowestSpendCap is the lowest cap in force on a day or scheduled after it. A snapshot keeps the schedule
// of its block; before any event there is no bound. The topic filter carries the event.
func TestSpendCapFold(t *testing.T) {
	st, err := book.NewState(book.Contracts{ComputePool: poolAddr})
	require.NoError(t, err)
	set := func(amount, day int64) {
		require.NoError(t, st.Apply(poolLog(t, "DailySpendCapSet", nil, big.NewInt(amount), big.NewInt(day))))
	}
	lowest := func(snap *book.Snapshot, day uint64) string {
		if c := snap.LowestSpendCap(day); c != nil {
			return c.Dec()
		}
		return "none"
	}
	require.Equal(t, "none", lowest(st.Snapshot(0), 3), "no cap seen: no bound")

	set(100, 0) // the constructor's
	set(80, 4)  // lowered from day 4
	set(150, 6) // raised from day 6
	before := st.Snapshot(1)
	require.Equal(t, []string{"80", "80", "80", "150"}, []string{lowest(before, 0), lowest(before, 3), lowest(before, 5), lowest(before, 6)})

	set(120, 5) // drops the raise of day 6
	require.Equal(t, []string{"80", "120", "120"}, []string{lowest(st.Snapshot(2), 3), lowest(st.Snapshot(2), 5), lowest(st.Snapshot(2), 9)})
	set(90, 5) // replaces day 5's
	snap := st.Snapshot(3)
	require.Equal(t, []string{"80", "80", "90", "90"}, []string{lowest(snap, 0), lowest(snap, 4), lowest(snap, 5), lowest(snap, 9)},
		"from day 5 on the caps of days 0 and 4 are no longer in force")
	set(70, 9)
	snap = st.Snapshot(4)
	require.Equal(t, []string{"70", "70"}, []string{lowest(snap, 5), lowest(snap, 12)})
	days := []uint64{}
	for _, c := range snap.SpendCaps {
		days = append(days, c.Day)
	}
	require.Equal(t, []uint64{0, 4, 5, 9}, days)
	require.Equal(t, "150", lowest(before, 7), "an older snapshot keeps its schedule")

	topics, err := book.Topics()
	require.NoError(t, err)
	require.Contains(t, topics, poolLog(t, "DailySpendCapSet", nil, big.NewInt(1), big.NewInt(0)).Topics[0])
}
