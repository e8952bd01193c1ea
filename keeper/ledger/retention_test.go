package ledger_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestPrunedSessionStillDuplicate: once the epoch crediting a session has been claimable for the retention
// window its row and record leave the database; a router feeding the same session again (the same feed
// or another) gets it refused as a duplicate, never credited twice. On SQLite and PostgreSQL.
func TestPrunedSessionStillDuplicate(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		st, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer st.Close()
		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		r0, r1 := record(t, 0, 10, 60), record(t, 1, 20, 60)
		fa.Add(t, r0, r1)
		l, err := ledger.New(ledger.Config{Feeds: []string{fa.Server.URL, fb.Server.URL}, BatchDir: t.TempDir()},
			st, addressedPool{}, nil, domain, fakeRegistry{}, nil, nil)
		require.NoError(t, err)
		n, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, 2, n)
		require.NoError(t, l.Assemble(ctx))
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.NoError(t, st.MarkConfirmed(ctx, e.ID, 100, common.Hash{1}, 7))
		require.NoError(t, st.MarkClaimable(ctx, e.ID, ""))
		p, err := st.Prune(ctx, 101)
		require.NoError(t, err)
		require.Equal(t, store.Pruned{Sessions: 2, Records: 2}, p)

		fa.Add(t, r0) // the same feed again
		fb.Add(t, r1) // another router's feed
		n, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.Zero(t, n, "nothing stored again")
		rej, err := l.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, rej, 2)
		for i, want := range []common.Hash{r0.SessionID, r1.SessionID} {
			require.Equal(t, ledger.RejectDuplicate, rej[i].Code)
			require.Equal(t, want.Hex(), rej[i].SessionID)
			require.Contains(t, rej[i].Detail, store.PrunedFeed)
		}
		c, err := st.Count(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Counts{SettledIDs: 2}, c)
	})
}
