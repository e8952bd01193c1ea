package budget_test

import (
	"context"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/router/budget"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// TestReportEqualsContractViews: on a real anvil with committed epochs, every figure of the report equals
// the ComputePool view read at the report's block; reports are cached for the TTL; past days are read once.
func TestReportEqualsContractViews(t *testing.T) {
	ctx := context.Background()
	const day = 86400
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 40*day - 3600})
	// Two epochs today: the day's committed total is the second epoch's cumulative total.
	c.CommitRoot(0, common.HexToHash("0xf00d0000"), big.NewInt(1000), common.HexToHash("0xba7c0000"), "http://keeper/v1/batches/0")
	c.CommitRoot(1, common.HexToHash("0xf00d0001"), big.NewInt(3000), common.HexToHash("0xba7c0001"), "http://keeper/v1/batches/1")

	clk := &clock{t: time.Now()}
	src, err := budget.New(c.Addr("ComputePool"), c.Client, budget.Config{TTL: time.Minute, HistoryDays: 30, Now: clk.Now})
	require.NoError(t, err)

	big0 := func(v *big.Int, err error) *big.Int {
		t.Helper()
		require.NoError(t, err)
		return v
	}
	check := func(r *budget.Report) {
		t.Helper()
		at := &bind.CallOpts{Context: ctx, BlockNumber: new(big.Int).SetUint64(r.Block)}
		p := c.Pool
		require.Equal(t, big0(p.CurrentDay(at)).Uint64(), r.Day)
		require.Equal(t, big0(p.PayoutStart(at)).Uint64(), r.PayoutStart)
		require.Equal(t, big0(p.Interval(at)).Uint64(), r.Interval)
		d := new(big.Int).SetUint64(r.Day)
		require.Equal(t, big0(p.BudgetBpsAt(at, d)).Uint64(), r.BudgetBps)
		require.Equal(t, big0(p.BudgetBps(at)).Uint64(), r.BudgetBps)
		require.Equal(t, big0(p.ComputeAccrued(at, new(big.Int).SetUint64(r.Now))), r.ComputeAccrued.ToBig())
		require.Equal(t, big0(p.ComputeBalance(at, d)), r.ComputeBalance.ToBig())
		require.Equal(t, big0(p.Budget(at, d)), r.Budget.ToBig())
		require.Equal(t, big0(p.CommittedOn(at, d)), r.Committed.ToBig())
		require.Positive(t, r.Budget.Sign())
		require.Len(t, r.History, 30)
		for i, h := range r.History {
			require.Equal(t, r.Day-29+uint64(i), h.Day)
			hd := new(big.Int).SetUint64(h.Day)
			require.Equal(t, big0(p.ComputeBalance(at, hd)), h.ComputeBalance.ToBig(), "computeBalance(%d)", h.Day)
			require.Equal(t, big0(p.Budget(at, hd)), h.Budget.ToBig(), "budget(%d)", h.Day)
			require.Equal(t, big0(p.CommittedOn(at, hd)), h.Committed.ToBig(), "committedOn(%d)", h.Day)
		}
	}

	r1, err := src.Report(ctx)
	require.NoError(t, err)
	check(r1)
	require.Equal(t, uint64(40), r1.Day)
	require.Equal(t, "3000", r1.Committed.Dec())
	first := src.Calls()
	require.Equal(t, 2+1+5+29*3, first, "immutables, currentDay, today's five views, three per past day")

	// Within the TTL: the same report, no call.
	r2, err := src.Report(ctx)
	require.NoError(t, err)
	require.Same(t, r1, r2)
	require.Equal(t, first, src.Calls())

	// After the TTL: today is read again, past days come from the cache.
	c.CommitRoot(2, common.HexToHash("0xf00d0002"), big.NewInt(4000), common.HexToHash("0xba7c0002"), "")
	clk.Add(time.Minute)
	r3, err := src.Report(ctx)
	require.NoError(t, err)
	check(r3)
	require.Equal(t, "4000", r3.Committed.Dec())
	require.Equal(t, first+6, src.Calls())

	// The next day: yesterday becomes a past day (three calls), the oldest one leaves the window.
	c.Warp(day)
	clk.Add(time.Minute)
	r4, err := src.Report(ctx)
	require.NoError(t, err)
	check(r4)
	require.Equal(t, uint64(41), r4.Day)
	require.Equal(t, "4000", r4.History[28].Committed.Dec(), "yesterday's committed total")
	require.Equal(t, "0", r4.Committed.Dec())
	require.Equal(t, first+6+6+3, src.Calls())
}

// TestReportBeforePayoutStart: no protocol day yet is a clean ErrNotStarted.
func TestReportBeforePayoutStart(t *testing.T) {
	c := devnettest.StartWith(t, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) + 86400})
	src, err := budget.New(c.Addr("ComputePool"), c.Client, budget.Config{})
	require.NoError(t, err)
	_, err = src.Report(context.Background())
	require.ErrorIs(t, err, budget.ErrNotStarted)
}
