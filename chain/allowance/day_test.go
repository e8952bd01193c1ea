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

// turnChain answers payoutStart 0, interval 86400 and currentDay: the first currentDay call (a lagging
// node / a read issued before the turn) answers 9 and returns only after `release`; the others answer 10.
type turnChain struct {
	calls   atomic.Int32
	release chan struct{}
	entered chan struct{}
}

func (f *turnChain) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{1}, nil
}
func (f *turnChain) CallContract(ctx context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
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
		if f.calls.Add(1) == 1 {
			close(f.entered)
			<-f.release
			return m.Outputs.Pack(big.NewInt(9))
		}
		return m.Outputs.Pack(big.NewInt(10))
	}
	return nil, ethereum.NotFound
}

// TestDayNeverGoesBackwards: two currentDay reads in flight at the day's turn, the one answering the old
// day landing after the one answering the new: the old answer is ignored (its caller gets the new day), and
// the new day stays cached. Before, the old day was cached over the new one for dayTTL (5 minutes at
// provider serve), and every first request there was refused ErrDayBehind 503 meanwhile.
func TestDayNeverGoesBackwards(t *testing.T) {
	f := &turnChain{release: make(chan struct{}), entered: make(chan struct{})}
	now := time.Unix(10*86400+5, 0) // 5 s into day 10 by the provider's clock
	src, err := allowance.New(common.Address{1}, f, 5*time.Minute, time.Second, func() time.Time { return now })
	require.NoError(t, err)
	var wg sync.WaitGroup
	var stale uint64
	wg.Add(1)
	go func() { defer wg.Done(); stale, _ = src.Day(context.Background()) }()
	<-f.entered
	d, err := src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(10), d) // the checker sees day 10 (credit.Checker.day = 10)
	close(f.release)
	wg.Wait()
	require.Equal(t, uint64(10), stale, "the stale read's caller gets the day held")
	now = now.Add(4 * time.Minute)
	d, err = src.Day(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(10), d, "day 10 still cached, never day 9")
	require.Equal(t, int32(2), f.calls.Load(), "served from the cache, no re-read")
}
