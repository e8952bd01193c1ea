package ledger

import (
	"context"
	"errors"
	"math/big"
	"sync"
	"testing"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// poolReads answers a ComputePool's immutable getters and counts the calls of each.
type poolReads struct {
	mu     sync.Mutex
	calls  map[string]int
	values map[string]uint64
}

func (p *poolReads) CodeAt(context.Context, common.Address, *big.Int) ([]byte, error) {
	return []byte{1}, nil
}

func (p *poolReads) CallContract(_ context.Context, msg ethereum.CallMsg, _ *big.Int) ([]byte, error) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	m, err := a.MethodById(msg.Data[:4])
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls[m.Name]++
	v, ok := p.values[m.Name]
	if !ok {
		return nil, errors.New("not answered here: " + m.Name)
	}
	return m.Outputs.Pack(new(big.Int).SetUint64(v))
}

// TestKeeperStartReadsTheIntervalOnce: what the keeper reads at start (the withdrawal window, checked
// against the epoch; then the calendar its epochs are dated by) reads the pool's interval from the chain
// once, and the check judges the epoch against that interval.
func TestKeeperStartReadsTheIntervalOnce(t *testing.T) {
	ctx := context.Background()
	reads := &poolReads{calls: map[string]int{}, values: map[string]uint64{"interval": 86400, "withdrawalWindow": 2 * 3600, "payoutStart": 1000}}
	pool, err := NewChainPool(common.HexToAddress("0xc0"), reads)
	require.NoError(t, err)
	for _, c := range []struct {
		epoch time.Duration
		fits  bool
	}{{time.Hour, true}, {22 * time.Hour, false}} {
		reads.calls = map[string]int{}
		l, err := New(Config{BatchDir: t.TempDir(), EpochLength: c.epoch, FeedGrace: time.Minute}, nil, pool, nil,
			eip712.NewDomain(31337, common.HexToAddress("0xc1")), nil, nil, nil)
		require.NoError(t, err)
		window, err := pool.WithdrawalWindow(ctx)
		require.NoError(t, err)
		err = l.CheckWithdrawalWindow(ctx, window)
		if c.fits {
			require.NoError(t, err)
		} else {
			require.ErrorIs(t, err, ErrEpochInWindow)
		}
		cal, err := l.calendar(ctx)
		require.NoError(t, err)
		require.Equal(t, Calendar{PayoutStart: 1000, Interval: 86400}, cal)
		require.Equal(t, map[string]int{"interval": 1, "withdrawalWindow": 1, "payoutStart": 1}, reads.calls)
	}
}
