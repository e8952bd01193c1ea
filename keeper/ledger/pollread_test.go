package ledger_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// claimablePool is fakePool whose chain has made every epoch up to `upTo` claimable.
type claimablePool struct {
	fakePool
	upTo uint64
}

func (p claimablePool) Claimable(context.Context) (uint64, bool, error) { return p.upTo, true, nil }

// State is the pool after those epochs, each committing a cumulative total of 1.
func (p claimablePool) State(ctx context.Context) (ledger.PoolState, error) {
	s, err := p.fakePool.State(ctx)
	s.NextEpoch = p.upTo + 1
	s.TotalCommitted.SetOne()
	return s, err
}

// TestStepReadsOnlyUnsettledEpochs: the pipeline's poll (Step, every 2 s) read every live epoch, 8,760
// rows a year of hourly epochs, on the keeper's one SQLite connection. It reads only the epochs not
// claimable yet: with 3,000 claimable epochs and one confirmed, a Step reads that one (and moves it to
// claimable once the chain says so), the next reads none.
func TestStepReadsOnlyUnsettledEpochs(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	require.NoError(t, err)
	defer st.Close()
	const n = 3000
	testenv.Epochs(t, ctx, st, n, store.StateConfirmed)
	l, err := ledger.New(ledger.Config{BatchDir: t.TempDir(), Now: later}, st, claimablePool{upTo: n}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)

	before := st.EpochRowsRead()
	require.NoError(t, l.Step(ctx))
	require.Equal(t, int64(1), st.EpochRowsRead()-before, "epoch rows one Step read")
	e, err := l.LiveEpoch(ctx, n)
	require.NoError(t, err)
	require.Equal(t, store.StateClaimable, e.State)

	before = st.EpochRowsRead()
	require.NoError(t, l.Step(ctx))
	require.Zero(t, st.EpochRowsRead()-before, "epoch rows a Step with every epoch claimable read")
}
