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

// vetoCase: copy C (another router's ticket at half price) kept and credited in epoch 0, the honest copy H
// (price p) lost to it before; D (H's ticket re-signed at dPrice) read after the crediting, listed as a
// duplicate ("session already billed"). Epoch 0 is vetoed; revoke says whether C's router has lost its
// role on the recheck. It returns epoch 0's total as the keeper commits it again and as a fresh keeper
// reading the same feeds commits it, and the keeper's rejection codes.
func vetoCase(t *testing.T, dsn string, dPrice uint64, revoke bool) (got, fresh string, codes map[string]int) {
	const p = 1e12
	now := uint64(time.Now().Unix())
	h := honestCopy(t, 1, now-130)
	c := reticketed(t, h, uint256.NewInt(p/2))
	d := h
	d.Ticket.PricePerSecond = *uint256.NewInt(dPrice)
	resignTicket(&d)
	fc, fh, fd := testenv.NewFeed(t), testenv.NewFeed(t), testenv.NewFeed(t)
	fc.Add(t, c)
	fh.Add(t, h)
	mk := func(dsn string, reg *revokedReg) *ledger.Ledger {
		ctx, st := openStore(t, dsn)
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{fc.Server.URL, fh.Server.URL, fd.Server.URL}, BatchDir: t.TempDir(),
			Now: later, EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps},
			nil, domain, reg, nil, nil)
		require.NoError(t, err)
		require.NoError(t, l.Started(ctx))
		return l
	}
	ctx, _ := openStore(t, dbtest.SQLite(t))
	reg := &revokedReg{}
	l := mk(dsn, reg)
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, credit(t, 100, p/2).Dec(), e.Total.Dec(), "C credited")
	fd.Add(t, d)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Rollback(ctx, 0, ledger.StateVetoed))
	reg.revoked = revoke
	require.NoError(t, l.Assemble(ctx))
	e, err = l.LiveEpoch(ctx, 0)
	require.NoError(t, err)

	f := mk(dbtest.SQLite(t), &revokedReg{revoked: revoke})
	_, err = f.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, f.Assemble(ctx))
	fe, err := f.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	return e.Total.Dec(), fe.Total.Dec(), rejectedCodes(t, ctx, l)
}

// TestVetoRanksTheDuplicatesReadWhileCredited: after a veto, the session of the vetoed epoch is ranked again
// against every copy that lost to it, the duplicates read while it was credited among them, and the epoch
// committed again credits what a fresh keeper on the same feeds credits: when C fails its recheck (the best
// copy that still verifies, D at 3p/4, credited) and when C still verifies but D, cheaper, beats it (before,
// D stayed a duplicate and C was credited: two roots). Each case on a database of its own.
func TestVetoRanksTheDuplicatesReadWhileCredited(t *testing.T) {
	const p = 1e12
	t.Run("recheck fails", func(t *testing.T) {
		dbtest.Run(t, true, func(t *testing.T, dsn string) {
			got, fresh, _ := vetoCase(t, dsn, 3*p/4, true)
			require.Equal(t, fresh, got, "C rejected on recheck: D credited")
			require.Equal(t, credit(t, 100, 3*p/4).Dec(), got)
		})
	})
	t.Run("duplicate beats", func(t *testing.T) {
		dbtest.Run(t, true, func(t *testing.T, dsn string) {
			got, fresh, codes := vetoCase(t, dsn, p/4, false)
			require.Equal(t, fresh, got, "C still verifies: D, cheaper, kept")
			require.Equal(t, credit(t, 100, p/4).Dec(), got)
			require.Positive(t, codes["ticket_conflict"], "C listed as the copy that lost")
		})
	})
}
