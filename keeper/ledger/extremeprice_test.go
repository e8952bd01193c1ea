package ledger_test

import (
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestExtremePricesCreditNoMoreThanAllowanceAndDeposit (money review, integer edges): a user signs an RFC
// with the largest maximum price and a router tickets it at 2^255 wei/s. Two billed seconds overflow
// uint256: the record is rejected (`overflow`) at ingest, not at assembly, so it cannot stall settlement.
// One billed second costs 2^255: without deposit consent it is credited exactly the user's allowance, with
// consent the allowance plus the deposit, never a wei more; both shortfalls keep the 77-digit cost, the
// epoch is assembled and committed amounts stay tiny. On SQLite and PostgreSQL.
func TestExtremePricesCreditNoMoreThanAllowanceAndDeposit(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		const allowance, deposit = 1e15, 1e18
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
			EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: allowance}, Deposits: fixedDeposits{amount: deposit}},
			st, statePool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
		require.NoError(t, err)

		huge := new(uint256.Int).Lsh(uint256.NewInt(1), 255)
		now := uint64(time.Now().Unix())
		rec := func(nonce uint64, seconds uint32, useDeposit bool, closed uint64) testenv.Spec {
			return testenv.Spec{Nonce: nonce, Seconds: seconds, MaxSeconds: 600, PriceWei: huge, UseDeposit: useDeposit,
				Created: now - 130, Closed: closed}
		}
		over := testenv.MakeRecordSpec(t, domain, provider, signer, model, rec(0, 2, true, now-6))
		free := testenv.MakeRecordSpec(t, domain, provider, signer, model, rec(1, 1, false, now-5))
		paid := testenv.MakeRecordSpec(t, domain, provider, signer, model, rec(2, 1, true, now-4))
		feed.Add(t, over, free, paid)
		n, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, 2, n, "the overflowing record is not stored")
		rej, err := l.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, rej, 1)
		require.Equal(t, over.SessionID.Hex(), rej[0].SessionID)
		require.Equal(t, ledger.RejectOverflow, rej[0].Code)

		require.NoError(t, l.Assemble(ctx))
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, int64(2), e.Sessions)
		require.Equal(t, uint64(allowance+deposit), e.Total.Uint64(), "the allowance, then the deposit: nothing more")
		require.True(t, e.Total.IsUint64())
		sp, err := l.Spend(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, uint64(deposit), sp.Total.Uint64(), "the whole deposit, not a wei more")

		rej, err = l.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, rej, 3, "the overflow, then both shortfalls")
		want := map[string]string{free.SessionID.Hex(): ledger.RejectAllowance, paid.SessionID.Hex(): ledger.RejectDeposit}
		for _, r := range rej[1:] {
			require.Equal(t, want[r.SessionID], r.Code)
			require.Contains(t, r.Detail, huge.Dec(), "the shortfall keeps the whole cost")
		}
	})
}
