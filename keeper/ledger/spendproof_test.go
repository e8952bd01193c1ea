package ledger_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// movingClaimablePool is fakePool whose claimable epoch the test sets.
type movingClaimablePool struct {
	fakePool
	epoch *atomic.Uint64
}

func (p movingClaimablePool) Claimable(context.Context) (uint64, bool, error) {
	return p.epoch.Load(), true, nil
}

// TestSpendProofReadsStoreOncePerEpoch: GET /v1/spend/{user} (SpendProof), which anyone may ask for any
// address, read and decoded the claimable epoch's whole spend (every depositor's leaf, every deposit charge)
// from the store on every request, on the keeper's one SQLite connection that ingest and assembly wait for;
// only the tree built from it was kept. Now the claimable epoch's spend is read once: any number of proofs
// cost one read, the next claimable epoch one more, and a rollback makes the next proof read again.
func TestSpendProofReadsStoreOncePerEpoch(t *testing.T) {
	ctx, st := openStore(t, dbtest.SQLite(t))
	const users = 40
	spendOf := func(epoch uint64) *store.Spend {
		s := &store.Spend{ReadAt: 1}
		for i := range users {
			l := store.SpendLeaf{User: common.BigToAddress(uint256.NewInt(uint64(i) + 1).ToBig())}
			l.Amount.SetUint64((epoch+1)*1e15 + uint64(i))
			s.Leaves = append(s.Leaves, l)
			s.Total.Add(&s.Total, &l.Amount)
		}
		tree, err := ledger.SpendTree(s.Leaves)
		require.NoError(t, err)
		s.Root = tree.Root()
		return s
	}
	spends := []*store.Spend{spendOf(0), spendOf(1)}
	require.NoError(t, st.InTx(ctx, func(tx *store.Tx) error {
		for n, s := range spends {
			id, err := tx.InsertEpoch(ctx, &store.Epoch{Number: uint64(n), State: ledger.StateClaimable, Total: s.Total}, nil)
			if err != nil {
				return err
			}
			if err := tx.InsertSpend(ctx, id, s); err != nil {
				return err
			}
		}
		return nil
	}))
	var claimable atomic.Uint64
	var clock atomic.Int64
	clock.Store(time.Unix(1_700_000_000, 0).UnixNano())
	l, err := ledger.New(ledger.Config{BatchDir: t.TempDir(), PollInterval: 2 * time.Second,
		Now: func() time.Time { return time.Unix(0, clock.Load()) }},
		st, movingClaimablePool{epoch: &claimable}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)

	proveAll := func(n uint64) {
		t.Helper()
		for round := range 3 {
			for i, leaf := range spends[n].Leaves {
				p, err := l.SpendProof(ctx, leaf.User)
				require.NoError(t, err)
				require.Equal(t, n, p.Epoch)
				require.Equal(t, spends[n].Root, p.SpendRoot)
				require.Equal(t, leaf.Amount.Dec(), p.CumulativeSpent.Dec(), "round %d, user %d", round, i)
				require.True(t, merkle.Verify(p.SpendRoot, merkle.LeafHash(leaf.User, &leaf.Amount), p.Proof))
			}
			_, err := l.SpendProof(ctx, common.HexToAddress("0xdead"))
			require.ErrorIs(t, err, store.ErrNotFound, "no leaf")
		}
	}
	proveAll(0)
	require.Equal(t, int64(1), l.SpendReads(), "%d proofs of epoch 0, one read of its spend", 3*(users+1))

	claimable.Store(1)
	clock.Add(int64(2 * time.Second)) // the next poll interval reads the claimable epoch again
	proveAll(1)
	require.Equal(t, int64(2), l.SpendReads(), "a new claimable epoch, one more read")

	require.NoError(t, l.Rollback(ctx, 1, ledger.StateVetoed))
	_, err = l.SpendProof(ctx, spends[1].Leaves[0].User)
	require.ErrorIs(t, err, store.ErrNotFound, "epoch 1 is no longer live: read again, not answered from what was kept")
	require.Equal(t, int64(3), l.SpendReads())
}
