package ledger_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// budgetPool is a pool whose state the test sets (the remaining budget).
type budgetPool struct {
	addressedPool
	state *ledger.PoolState
}

func (p budgetPool) State(context.Context) (ledger.PoolState, error) { return *p.state, nil }

// readBatchFile writes live epoch n's batch file and reads it back.
func readBatchFile(t *testing.T, ctx context.Context, l *ledger.Ledger, n uint64) *ledger.BatchFile {
	e, err := l.LiveEpoch(ctx, n)
	require.NoError(t, err)
	require.NoError(t, l.WriteBatch(ctx, e))
	e, err = l.LiveEpoch(ctx, n)
	require.NoError(t, err)
	raw, err := os.ReadFile(e.BatchFile)
	require.NoError(t, err)
	var bf ledger.BatchFile
	require.NoError(t, json.Unmarshal(raw, &bf))
	return &bf
}

// verifiedSessions verifies bf's records as the checker does.
func verifiedSessions(t *testing.T, bf *ledger.BatchFile) []ledger.Session {
	v := &ledger.Verifier{Domain: domain, Registry: fakeRegistry{}}
	var out []ledger.Session
	for _, raw := range bf.Sessions {
		s, err := v.Verify(context.Background(), "", raw)
		require.NoError(t, err)
		out = append(out, *s)
	}
	return out
}

// TestCompareCreditsUncreditedAccount (from a review): an honest keeper's epoch 0 is scaled into a 10-wei
// remaining budget and the builder's share rounds to 0, so the builder has no leaf (owed > 0, credited 0);
// epoch 1, its budget restored, pays it what was carried forward. Its file's uncredited list gives the
// builder's owed, so the credits check of epoch 1 against epoch 0 passes (before, with leaves alone, the
// builder's owed rose from an unknown 0 by more than epoch 1's sessions give it: a guard vetoed the honest
// root, and every recommit of it).
func TestCompareCreditsUncreditedAccount(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, dbtest.SQLite(t))
	require.NoError(t, err)
	defer st.Close()
	feed := testenv.NewFeed(t)
	var ps ledger.PoolState
	ps.RemainingBudget.SetUint64(10)
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later, EpochLength: time.Hour,
		Allowances: fixedAllowances{allowance: 1 << 62}}, st, budgetPool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)

	now := uint64(time.Now().Unix())
	r0 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: now - 3*3600 - 130, Closed: now - 3*3600})
	feed.Add(t, r0)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf0 := readBatchFile(t, ctx, l, 0)
	require.Len(t, bf0.Leaves, 1, "the provider's leaf only")
	require.Len(t, bf0.Uncredited, 1, "the builder, owed its fee, credited nothing")
	require.True(t, bf0.Uncredited[0].Amount.IsZero())
	require.False(t, bf0.Uncredited[0].Owed.IsZero())

	ps.NextEpoch = 1
	e0, _ := l.LiveEpoch(ctx, 0)
	ps.TotalCommitted = e0.Total
	ps.RemainingBudget.SetAllOne()
	r1 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: now - 130, Closed: now - 5})
	feed.Add(t, r1)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf1 := readBatchFile(t, ctx, l, 1)
	require.Len(t, bf1.Leaves, 2, "the builder credited")
	require.Empty(t, bf1.Uncredited)

	var c0, c1 ledger.BatchCheck
	ledger.CompareCredits(bf0, nil, nil, verifiedSessions(t, bf0), &c0)
	ledger.CompareCredits(bf1, bf0, nil, verifiedSessions(t, bf1), &c1)
	require.Empty(t, c0.Problems)
	require.Empty(t, c1.Problems, "honest epoch 1 flagged")

	// The uncredited entry dropped from epoch 0's file: the builder's owed looks new in epoch 1.
	bf0.Uncredited = nil
	c1 = ledger.BatchCheck{}
	ledger.CompareCredits(bf1, bf0, nil, verifiedSessions(t, bf1), &c1)
	require.Len(t, c1.Problems, 1)
	require.Contains(t, c1.Problems[0], "'s owed rose by ")
}
