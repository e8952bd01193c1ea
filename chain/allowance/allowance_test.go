package allowance_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/devnet/devnettest"
)

// TestAllowanceAtTheFirstSecondOfADay: when the latest block is exactly a day's start, ComputePool's
// allowance view reverts (its day-start checkpoint is not final yet). The router reports a retryable
// chain.ErrDayJustStarted, caches nothing, and answers with the contract's value from the next block on.
func TestAllowanceAtTheFirstSecondOfADay(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	user := c.NewVoter(1000)
	userAddr := crypto.PubkeyToAddress(user.PublicKey)

	ps, err := c.Pool.PayoutStart(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	iv, err := c.Pool.Interval(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	head, err := c.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	// The day after next: its allowance counts votes held at both its start and the start before (PROTOCOL
	// §4 v2), and the user delegated during today.
	nextDay := (head.Time-ps.Uint64())/iv.Uint64() + 2
	dayStart := ps.Uint64() + nextDay*iv.Uint64()

	require.NoError(t, c.WarpTo(ctx, dayStart))

	src, err := allowance.New(c.Addr("ComputePool"), c.Client, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	day, err := src.Day(ctx)
	require.NoError(t, err)
	require.Equal(t, nextDay, day)
	_, err = c.Pool.Allowance(&bind.CallOpts{Context: ctx}, userAddr, new(big.Int).SetUint64(day))
	require.ErrorContains(t, err, "defb45dc", "the view itself reverts at the day's first second")

	_, err = src.Allowance(ctx, userAddr, day)
	require.ErrorIs(t, err, chain.ErrDayJustStarted)

	c.Warp(1) // a second later the view answers, and so does the router
	want, err := c.Pool.Allowance(&bind.CallOpts{Context: ctx}, userAddr, new(big.Int).SetUint64(day))
	require.NoError(t, err)
	got, err := src.Allowance(ctx, userAddr, day)
	require.NoError(t, err)
	require.Positive(t, got.Sign())
	require.Equal(t, want.String(), got.Dec())
}

// TestNewDayNoticedAtTheBoundary: the cached day ends when the clock passes payoutStart + (d+1) × interval,
// not a DayTTL later. On anvil, with the router's clock following the chain's: a Source with a month-long
// TTL reads day d, the chain moves past the next day start, and the very next Day call answers d+1.
func TestNewDayNoticedAtTheBoundary(t *testing.T) {
	ctx := context.Background()
	c := devnettest.Start(t)
	head, err := c.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	clock := time.Unix(int64(head.Time), 0)
	src, err := allowance.New(c.Addr("ComputePool"), c.Client, 30*24*time.Hour, 5*time.Second, func() time.Time { return clock })
	require.NoError(t, err)
	day, err := src.Day(ctx)
	require.NoError(t, err)

	ps, err := c.Pool.PayoutStart(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	iv, err := c.Pool.Interval(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	next := ps.Uint64() + (day+1)*iv.Uint64() + 2 // not the day's first second (see above)
	c.Warp(next - head.Time)

	clock = time.Unix(int64(next)-10, 0) // still before the boundary by the router's clock: cached
	got, err := src.Day(ctx)
	require.NoError(t, err)
	require.Equal(t, day, got)
	clock = time.Unix(int64(next), 0) // past it: read again at once, though the TTL has weeks to run
	got, err = src.Day(ctx)
	require.NoError(t, err)
	require.Equal(t, day+1, got)

	// DayAt maps a time to its day as ComputePool.dayOf does, on either side of the boundary.
	for _, at := range []uint64{next - 3, next - 2, next + 5} {
		want, err := c.Pool.DayOf(&bind.CallOpts{Context: ctx}, new(big.Int).SetUint64(at))
		require.NoError(t, err)
		got, err := src.DayAt(ctx, at)
		require.NoError(t, err)
		require.Equal(t, want.Uint64(), got, "time %d", at)
	}
	_, err = src.DayAt(ctx, ps.Uint64()-1)
	require.Error(t, err, "before payoutStart: no day")

	// A past day's allowance (a late close's) is read, never cached over today's: it evicts nothing.
	user := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	_, err = src.Allowance(ctx, user, day+1)
	require.NoError(t, err)
	_, ok := src.Cached(user, day+1)
	require.True(t, ok)
	_, err = src.Allowance(ctx, user, day)
	require.NoError(t, err)
	_, ok = src.Cached(user, day+1)
	require.True(t, ok, "today's cache kept")
	_, ok = src.Cached(user, day)
	require.False(t, ok)
}
