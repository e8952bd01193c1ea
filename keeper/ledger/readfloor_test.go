package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// withdrawnAt is one depositor whose newest withdrawal was at time w (0: none): DepositsRead answers as of
// the later of at and w, or as of at alone when asked without withdrawals (hold mode), as ChainDeposits does.
type withdrawnAt struct {
	user common.Address
	w    uint64
	last uint64 // the read time of the newest answer
}

func (d *withdrawnAt) DepositsRead(_ context.Context, at uint64, withdrawals bool) (map[common.Address]*ledger.DepositAccount, uint64, map[common.Address]bool, error) {
	readAt := at
	if withdrawals {
		readAt = max(at, d.w)
	}
	d.last = readAt
	return map[common.Address]*ledger.DepositAccount{d.user: {Deposit: *uint256.NewInt(1e18)}}, readAt, nil, nil
}

// TestDepositReadNeverBeforeThePreviousEpochs: epoch 0 reads the deposits at the newest withdrawal, far past
// its cutoff; epoch 1 reads them at its cutoff minus one second, before that (a read in hold mode, or one that
// no longer sees the withdrawal). The read epoch 1 states is epoch 0's: the spend leaves carry over, so the tree
// lists every depositor up to it, and the pool keeps that floor whatever is stated (ComputePool._readFloor): a
// lower read stated would let a user funded between the two reads, charged in epoch 0, skip its spend proof.
// Before, epoch 1 stated its own read. On SQLite and PostgreSQL.
func TestDepositReadNeverBeforeThePreviousEpochs(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
		const withdrawal = uint64(1) << 40 // past both cutoffs
		deps := &withdrawnAt{user: user, w: withdrawal}
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
			EpochLength: 24 * time.Hour, Allowances: fixedAllowances{}, Deposits: deps}, st, statePool{state: &ps}, nil, domain,
			fakeRegistry{}, nil, nil)
		require.NoError(t, err)

		now := uint64(time.Now().Unix())
		// assemble feeds a deposit-paid session closed at closed and assembles epoch n; its spend.
		assemble := func(n, closed uint64) *store.Spend {
			feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: n, Seconds: 100,
				MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: now - 130, Closed: closed}))
			_, err := l.IngestOnce(ctx)
			require.NoError(t, err)
			require.NoError(t, l.Assemble(ctx))
			sp, err := l.Spend(ctx, n)
			require.NoError(t, err)
			return sp
		}
		sp0 := assemble(0, now-5)
		require.Equal(t, withdrawal, sp0.ReadAt, "epoch 0 reads at the newest withdrawal")
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		ps.NextEpoch, ps.TotalCommitted = 1, e0.Total

		deps.w = 0 // epoch 1's read is its cutoff minus one second
		sp1 := assemble(1, now-4)
		require.Less(t, deps.last, withdrawal, "epoch 1 read the deposits before epoch 0's read")
		require.Equal(t, withdrawal, sp1.ReadAt, "epoch 1 states a read before epoch 0's: a user charged in epoch 0 and funded between the reads would need no proof in it")
	})
}
