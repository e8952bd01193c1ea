package ledger_test

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestRestartReadsFeedsBeforeOverdueEpoch: a keeper read r0 of a user-day, went down, and the router published
// r1 (closed before r0, in the same window) meanwhile; the keeper starts again past the window's cutoff and
// both feed graces. Its first assembly (Run's first Step, alongside the first ingest) assembled the window at
// once, without r1, which then came late and was charged after r0: the user's allowance, which covers one
// session, paid r0 where a keeper that stayed up paid r1 (PROTOCOL §8's order (closedAt, sessionId)). Now
// nothing is assembled before every feed was tried since the start; a dead feed, tried once, holds nothing
// past the graces. The restarted keeper commits what the keeper that stayed up did.
func TestRestartReadsFeedsBeforeOverdueEpoch(t *testing.T) {
	now := uint64(time.Now().Unix())
	r1 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 10, MaxSeconds: 600,
		Price: 1e12, Created: now - 100, Closed: now - 60})
	r0 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 0, Seconds: 10, MaxSeconds: 600,
		Price: 1e12, Created: now - 100, Closed: now - 30})
	feed, newKeeper := feedAndDeadRouter(t, ledger.Config{Allowances: fixedAllowances{allowance: 10 * 1e12}})
	rejected := func(ctx context.Context, l *ledger.Ledger) map[string]string {
		rej, err := l.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		out := map[string]string{}
		for _, r := range rej {
			out[r.SessionID] = r.Code
		}
		return out
	}

	ctx, st := openStore(t, dbtest.SQLite(t))
	feed.Add(t, r0)
	_, err := newKeeper(st).IngestOnce(ctx)
	require.Error(t, err, "the dead feed")
	feed.Add(t, r1) // published in time, while the keeper is down

	restarted := newKeeper(st)
	require.NoError(t, restarted.Assemble(ctx)) // Run's first Step: the start's check; no feed tried yet
	_, err = restarted.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "an overdue epoch assembled before the feeds were read since the start")
	_, err = restarted.IngestOnce(ctx)
	require.Error(t, err, "the dead feed")
	require.NoError(t, restarted.Assemble(ctx)) // every feed tried: the dead one holds nothing past the graces
	got, err := restarted.LiveEpoch(ctx, 0)
	require.NoError(t, err)

	ctxUp, stUp := openStore(t, dbtest.SQLite(t))
	up := newKeeper(stUp) // stayed up: read both records before the window was due
	_, err = up.IngestOnce(ctxUp)
	require.Error(t, err, "the dead feed")
	require.NoError(t, up.Assemble(ctxUp))
	want, err := up.LiveEpoch(ctxUp, 0)
	require.NoError(t, err)

	require.Equal(t, map[string]string{r0.SessionID.Hex(): "allowance_exceeded"}, rejected(ctxUp, up), "r1 closed first, is paid")
	require.Equal(t, rejected(ctxUp, up), rejected(ctx, restarted))
	require.Equal(t, want.Root, got.Root)
	require.Equal(t, want.Sessions, got.Sessions)
}

// feedAndDeadRouter is a router feed and a router that stays down, and newKeeper, which returns a keeper on
// a store reading both (cfg's PageLimit and Allowances; one-day epochs, a one-minute feed grace, the clock
// later).
func feedAndDeadRouter(t *testing.T, cfg ledger.Config) (*testenv.Feed, func(*store.Store) *ledger.Ledger) {
	t.Helper()
	feed := testenv.NewFeed(t)
	dead := httptest.NewServer(nil)
	dead.Close()
	return feed, func(st *store.Store) *ledger.Ledger {
		var ps ledger.PoolState
		c := cfg
		c.Feeds, c.BatchDir, c.Now, c.EpochLength, c.FeedGrace = []string{feed.Server.URL, dead.URL}, t.TempDir(), later, 24*time.Hour, time.Minute
		l, err := ledger.New(c, st, statePool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
		require.NoError(t, err)
		return l
	}
}

// assembleAfterStart is what Run has a restarted keeper l do: its first assembly (the start's check and
// recheck) assembles nothing before every feed was tried since the start; an ingest round tries them, and the
// next assembly assembles what is due.
func assembleAfterStart(t *testing.T, ctx context.Context, l *ledger.Ledger) {
	t.Helper()
	require.NoError(t, l.Assemble(ctx))
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
}

// TestRestartReadsABacklogPastThePageBound (review of the restart rule): a keeper that restarts finds more of
// a feed waiting than one ingest round reads (maxFeedPages; here 20 pages of one record, then r1). A round cut
// off at the page bound is not the feed's end: the first assembly waits for the next round, which reads the
// rest, and the restarted keeper commits the root of a keeper that stayed up (before, the feed counted as
// tried after 20 pages and the epoch was assembled without r1: another root).
func TestRestartReadsABacklogPastThePageBound(t *testing.T) {
	now := uint64(time.Now().Unix())
	r1 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 5, MaxSeconds: 600,
		Price: 1e12, Created: now - 100, Closed: now - 60})
	r0 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 0, Seconds: 10, MaxSeconds: 600,
		Price: 1e12, Created: now - 100, Closed: now - 30})
	other, err := crypto.GenerateKey()
	require.NoError(t, err)
	feed, newKeeper := feedAndDeadRouter(t, ledger.Config{PageLimit: 1, Allowances: fixedAllowances{allowance: 100 * 1e12}})
	ctxUp, stUp := openStore(t, dbtest.SQLite(t))
	up := newKeeper(stUp) // stays up and reads after every record published
	ctx, st := openStore(t, dbtest.SQLite(t))
	feed.Add(t, r0)
	_, err = up.IngestOnce(ctxUp)
	require.Error(t, err) // the dead feed
	_, err = newKeeper(st).IngestOnce(ctx)
	require.Error(t, err)
	for i := range ledger.MaxFeedPages { // published while the keeper is down
		feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{User: other, Nonce: uint64(i), Seconds: 1,
			MaxSeconds: 600, Price: 1e9, Created: now - 100, Closed: now - 50}))
		_, err = up.IngestOnce(ctxUp)
		require.Error(t, err)
	}
	feed.Add(t, r1)
	_, err = up.IngestOnce(ctxUp)
	require.Error(t, err)
	require.NoError(t, up.Assemble(ctxUp))
	want, err := up.LiveEpoch(ctxUp, 0)
	require.NoError(t, err)

	restarted := newKeeper(st)
	for round := range 2 {
		_, err = restarted.IngestOnce(ctx) // the first round stops at the page bound, before r1
		require.Error(t, err)
		require.NoError(t, restarted.Assemble(ctx))
		_, err = restarted.LiveEpoch(ctx, 0)
		if round == 0 {
			require.ErrorIs(t, err, store.ErrNotFound, "epoch 0 assembled after a round cut off at the page bound")
		}
	}
	got, err := restarted.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, want.Sessions, got.Sessions)
	require.Equal(t, want.Root, got.Root, "the restarted keeper commits another root than one that stayed up")
}
