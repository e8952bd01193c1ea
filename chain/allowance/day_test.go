package allowance_test

import (
	"context"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain/allowance"
)

// poolChain answers payoutStart 0, interval 86400 and currentDay as day says for the n-th currentDay call.
type poolChain struct {
	calls atomic.Int32
	day   func(n int32) int64
}

func (f *poolChain) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{1}, nil
}
func (f *poolChain) CallContract(ctx context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	a, _ := computepool.ComputePoolMetaData.GetAbi()
	m, err := a.MethodById(msg.Data[:4])
	if err != nil {
		return nil, err
	}
	switch m.Name {
	case "payoutStart":
		return m.Outputs.Pack(big.NewInt(0))
	case "interval":
		return m.Outputs.Pack(big.NewInt(86400))
	case "currentDay":
		return m.Outputs.Pack(big.NewInt(f.day(f.calls.Add(1))))
	}
	return nil, ethereum.NotFound
}

// turnChain is a poolChain whose first currentDay call (a read issued before the turn) answers 9 and returns
// only after release; the others answer 10.
func turnChain(entered, release chan struct{}) *poolChain {
	return &poolChain{day: func(n int32) int64 {
		if n == 1 {
			close(entered)
			<-release
			return 9
		}
		return 10
	}}
}

// TestDayNeverGoesBackwards: two currentDay reads in flight at the day's turn, the one answering the old
// day landing after the one answering the new: the old answer is ignored (its caller gets the new day), and
// the new day stays cached. Before, the old day was cached over the new one for dayTTL (5 minutes at
// provider serve), and every first request there was refused ErrDayBehind 503 meanwhile.
func TestDayNeverGoesBackwards(t *testing.T) {
	entered, release := make(chan struct{}), make(chan struct{})
	f := turnChain(entered, release)
	now := time.Unix(10*86400+5, 0) // 5 s into day 10 by the provider's clock
	src, err := allowance.New(common.Address{1}, f, 5*time.Minute, time.Second, func() time.Time { return now })
	require.NoError(t, err)
	var wg sync.WaitGroup
	var stale uint64
	wg.Add(1)
	go func() { defer wg.Done(); stale, _ = src.Day(context.Background()) }()
	<-entered
	d, err := src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(10), d) // the checker sees day 10 (credit.Checker.day = 10)
	close(release)
	wg.Wait()
	require.Equal(t, uint64(10), stale, "the stale read's caller gets the day held")
	now = now.Add(4 * time.Minute)
	d, err = src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(10), d, "day 10 still cached, never day 9")
	require.Equal(t, int32(2), f.calls.Load(), "served from the cache, no re-read")
}

// TestDayFollowsAChainThatWentBack: a chain whose day is lower than the one held when read again (a devnet
// started again under a running router or provider, a reorg across the turn) is followed, not ignored: the
// day held used to stay at the old chain's for the process's life, every allowance read of it refused
// (day not started) and every RFC and first request answered 503.
func TestDayFollowsAChainThatWentBack(t *testing.T) {
	var day atomic.Int64
	day.Store(10)
	f := &poolChain{day: func(int32) int64 { return day.Load() }}
	now := time.Unix(10*86400+5, 0)
	src, err := allowance.New(common.Address{1}, f, 5*time.Minute, time.Second, func() time.Time { return now })
	require.NoError(t, err)
	d, err := src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(10), d)

	day.Store(9) // the chain started again a day earlier; read once the cached day's TTL has passed
	now = now.Add(6 * time.Minute)
	d, err = src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(9), d, "the chain's day, lower than the one held, is taken")
	day.Store(2)
	now = now.Add(6 * time.Minute)
	d, err = src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(2), d)
}
