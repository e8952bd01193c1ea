package testenv

import (
	"context"
	"testing"

	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/keeper/store"
)

// Epochs stores epochs 0 … n-1 as claimable and epoch n in state last, each with amounts of 1 and no
// leaves: a ledger with a long history behind its newest epoch.
func Epochs(t testing.TB, ctx context.Context, st *store.Store, n uint64, last string) {
	t.Helper()
	err := st.InTx(ctx, func(tx *store.Tx) error {
		for i := uint64(0); i <= n; i++ {
			state := store.StateClaimable
			if i == n {
				state = last
			}
			one := *uint256.NewInt(1)
			if _, err := tx.InsertEpoch(ctx, &store.Epoch{Number: i, State: state, Total: one, Delta: one,
				OwedTotal: one, FactorN: one, FactorD: one}, nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
