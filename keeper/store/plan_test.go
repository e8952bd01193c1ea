package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestUnsettledEpochsThroughPartialIndex: SQLite reads the pipeline's epochs (UnsettledEpochs, every
// poll) through the partial index epochs_unsettled, which holds only them, even once ANALYZE has seen
// thousands of claimable epochs (an index on state alone is then judged unselective and the table
// scanned). keeper/ledger TestStepReadsOnlyUnsettledEpochs counts the rows a poll reads.
func TestUnsettledEpochsThroughPartialIndex(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "k.db"))
	require.NoError(t, err)
	defer st.Close()
	testenv.Epochs(t, ctx, st, 3000, store.StateConfirmed)
	plan, err := st.UnsettledPlan(ctx)
	require.NoError(t, err)
	require.Contains(t, plan, "USING INDEX epochs_unsettled", plan)
	var got []*store.Epoch
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) (err error) {
		got, err = tx.UnsettledEpochs(ctx)
		return err
	}))
	require.Len(t, got, 1)
	require.Equal(t, uint64(3000), got[0].Number)
}
