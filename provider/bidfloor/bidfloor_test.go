package bidfloor

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// bids is a Reader answering the prices set, or err.
type bids struct {
	price map[common.Hash]int64
	err   error
}

func (b *bids) BidPrice(_ context.Context, m common.Hash) (*big.Int, error) {
	if b.err != nil {
		return nil, b.err
	}
	return big.NewInt(b.price[m]), nil
}

// TestFloorWindow: the floor is the current bid; a bid raised keeps its old price as the floor for the
// window after it was last read (tickets issued before the raise), then the new one; a bid lowered is
// the floor at once; a model never bid on has none; a failed read keeps the floors read before.
func TestFloorWindow(t *testing.T) {
	m, never := common.Hash{1}, common.Hash{2}
	b := &bids{price: map[common.Hash]int64{m: 100}}
	now := time.Unix(1_000_000, 0)
	f := New(b, []common.Hash{m, never}, time.Hour)
	f.now = func() time.Time { return now }
	floor := func(model common.Hash) int64 {
		t.Helper()
		p, ok := f.Of(model)
		require.True(t, ok)
		return int64(p.Uint64())
	}
	_, ok := f.Of(m)
	require.False(t, ok, "nothing read yet")
	require.NoError(t, f.Refresh(context.Background()))
	require.EqualValues(t, 100, floor(m))
	_, ok = f.Of(never)
	require.False(t, ok, "no bid, no floor")

	b.price[m] = 300 // raised
	now = now.Add(time.Minute)
	require.NoError(t, f.Refresh(context.Background()))
	require.EqualValues(t, 100, floor(m), "the old bid stays the floor within the window")
	now = now.Add(time.Hour - 2*time.Minute) // the window counts from when 100 was last read as the bid
	require.EqualValues(t, 100, floor(m))
	now = now.Add(2 * time.Minute)
	require.EqualValues(t, 300, floor(m), "past the window, the new bid")
	require.NoError(t, f.Refresh(context.Background()))
	require.Len(t, f.seen[m], 1, "the old sample dropped")

	b.price[m] = 50 // lowered
	require.NoError(t, f.Refresh(context.Background()))
	require.EqualValues(t, 50, floor(m), "a lower bid is the floor at once")

	b.price[m] = 0 // withdrawn: the last bid stays the floor for the window
	require.NoError(t, f.Refresh(context.Background()))
	require.EqualValues(t, 50, floor(m))

	b.err = errors.New("rpc down")
	require.Error(t, f.Refresh(context.Background()))
	require.EqualValues(t, 50, floor(m), "a failed read changes nothing")
	now = now.Add(2 * time.Hour)
	_, ok = f.Of(m)
	require.False(t, ok, "a bid withdrawn a window ago is no floor")
}
