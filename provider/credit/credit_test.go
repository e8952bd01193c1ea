package credit_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/provider/credit"
)

// pool is a ComputePool of fixed allowances per day and deposits, counting reads (the anvil tests of
// provider/server read the real one).
type pool struct {
	day      uint64
	allow    map[uint64]uint64 // by day, for the one user
	deposit  uint64
	reads    int
	cachedAt map[cacheKey]bool
}

type cacheKey struct {
	user common.Address
	day  uint64
}

func (p *pool) Day(context.Context) (uint64, error) { return p.day, nil }
func (p *pool) Cached(user common.Address, day uint64) (*uint256.Int, bool) {
	if p.cachedAt[cacheKey{user, day}] {
		return uint256.NewInt(p.allow[day]), true
	}
	return nil, false
}
func (p *pool) Allowance(_ context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	p.reads++
	if day == p.day {
		p.cachedAt[cacheKey{user, day}] = true // chain/allowance caches the current day only
	}
	return uint256.NewInt(p.allow[day]), nil
}
func (p *pool) DepositOf(context.Context, common.Address) (*uint256.Int, error) {
	p.reads++
	return uint256.NewInt(p.deposit), nil
}

// TestCoversDayAndDeposit: a ticket is covered by the allowance of the chain's current day — not the previous
// day's: keepers charge a session to the day of its closedAt, never earlier than its first request — and,
// with useDeposit, by it plus the deposit, never by the deposit without it; every read is cached for the day
// (the deposit for DepositTTL), and a budget that refuses stops the read.
func TestCoversDayAndDeposit(t *testing.T) {
	ctx := context.Background()
	user := common.HexToAddress("0x01")
	now := time.Unix(1_000_000, 0)
	p := &pool{day: 5, allow: map[uint64]uint64{4: 100, 5: 10}, deposit: 50, cachedAt: map[cacheKey]bool{}}
	c := credit.New(p, p, func() time.Time { return now })
	free := func() error { return nil }
	covers := func(cost uint64, useDeposit bool) bool {
		t.Helper()
		v, err := c.Covers(ctx, user, useDeposit, uint256.NewInt(cost), free)
		require.NoError(t, err)
		return v.Covered
	}

	require.True(t, covers(10, false), "today's allowance")
	require.False(t, covers(11, false), "yesterday's allowance does not count today")
	require.False(t, covers(11, false), "the deposit is not counted without useDeposit")
	require.True(t, covers(60, true), "today's allowance plus the deposit")
	require.False(t, covers(61, true))
	require.Equal(t, 2, p.reads, "today's and the deposit, each read once")

	p.deposit = 500 // deposited later today: counted once DepositTTL has passed
	require.False(t, covers(151, true))
	now = now.Add(credit.DepositTTL)
	require.True(t, covers(151, true))
	require.Equal(t, 3, p.reads)

	refused := errors.New("over the limit")
	_, err := c.Covers(ctx, common.HexToAddress("0x02"), false, uint256.NewInt(1), func() error { return refused })
	require.ErrorIs(t, err, refused)
	require.Equal(t, 3, p.reads, "no read past the budget")
}
