package ledger_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"os"
	"slices"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// revocableRegistry is fakeRegistry whose router can lose its role as of every time: what a grant reorged
// away deeper than the confirmation depth does (a revocation does not: the role is read at the session's
// start, TestRevokedRouterSessionCreditedAnvil).
type revocableRegistry struct {
	fakeRegistry
	revoked *atomic.Bool
}

func (r revocableRegistry) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	if r.revoked.Load() {
		return false, nil
	}
	return r.fakeRegistry.IsRouter(ctx, a, at)
}

// addressedPool is fakePool with an address (for the batch file).
type addressedPool struct{ fakePool }

func (addressedPool) Address() common.Address { return common.HexToAddress("0xc0") }

// TestEpochSeqRanges: an epoch credits a seq range of the stored sessions, numbered in the charging order
// when it is assembled. Rolled back, its sessions are pending again and the next assembly takes them with
// the newer ones; vetoed, they are rechecked and the rejected ones leave both session tables, after
// which new sessions (reusing their seq) are credited and published with their own records. On SQLite
// and PostgreSQL.
func TestEpochSeqRanges(t *testing.T) {
	dbtest.Run(t, true, testEpochSeqRanges)
}

func testEpochSeqRanges(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	feed := testenv.NewFeed(t)
	var revoked atomic.Bool
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later},
		st, addressedPool{}, nil, domain, revocableRegistry{revoked: &revoked}, nil, nil)
	require.NoError(t, err)

	var recs []wire.SessionRecord
	add := func(from, to uint64) {
		for i := from; i < to; i++ {
			r := record(t, i, uint32(10+i), 600)
			recs = append(recs, r)
			feed.Add(t, r)
		}
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
	}
	count := func() store.Counts {
		c, err := st.Count(ctx)
		require.NoError(t, err)
		return c
	}
	// epoch0 checks the live epoch 0's range and writes its batch file, which must hold exactly ids.
	epoch0 := func(sessions, first, last int64, ids []common.Hash) *ledger.EpochRow {
		t.Helper()
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, [3]int64{sessions, first, last}, [3]int64{e.Sessions, e.FirstSeq, e.LastSeq})
		require.NoError(t, l.WriteBatch(ctx, e))
		e, err = l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		raw, err := os.ReadFile(e.BatchFile)
		require.NoError(t, err)
		var bf struct {
			Sessions []struct {
				SessionID common.Hash `json:"sessionId"`
			} `json:"sessions"`
		}
		require.NoError(t, json.Unmarshal(raw, &bf))
		got := make([]common.Hash, len(bf.Sessions))
		for i := range bf.Sessions {
			got[i] = bf.Sessions[i].SessionID
		}
		require.Equal(t, ids, got, "the batch file publishes the epoch's sessions, in seq order")
		return e
	}
	// ids are the sessions of recs[from:to] in the charging order: closedAt, then sessionId.
	ids := func(from, to int) []common.Hash {
		rs := slices.Clone(recs[from:to])
		slices.SortFunc(rs, func(a, b wire.SessionRecord) int {
			if c := cmp.Compare(a.ClosedAt, b.ClosedAt); c != 0 {
				return c
			}
			return bytes.Compare(a.SessionID[:], b.SessionID[:])
		})
		var out []common.Hash
		for _, r := range rs {
			out = append(out, r.SessionID)
		}
		return out
	}

	add(0, 10)
	require.NoError(t, l.Assemble(ctx))
	epoch0(10, 1, 10, ids(0, 10))

	// Abandoned: the sessions are uncredited again; the new epoch 0 takes them and the newer ones.
	add(10, 15)
	require.NoError(t, l.Rollback(ctx, 0, ledger.StateAbandoned))
	eps, err := l.Epochs(ctx)
	require.NoError(t, err)
	require.Empty(t, eps)
	require.NoError(t, l.Assemble(ctx))
	e := epoch0(15, 1, 15, ids(0, 15))
	var want uint256.Int
	for _, r := range recs {
		p, b, err := wire.Credit(r.BilledSeconds, &r.Ticket.PricePerSecond, testenv.FeeBps)
		require.NoError(t, err)
		want.Add(&want, p)
		want.Add(&want, b)
	}
	require.Equal(t, want.Dec(), e.Total.Dec())

	// Vetoed, and the router's role gone meanwhile: every session is rejected on recheck and removed.
	revoked.Store(true)
	require.NoError(t, l.Rollback(ctx, 0, ledger.StateVetoed))
	require.Equal(t, int64(15), count().Recheck)
	require.NoError(t, l.Assemble(ctx)) // nothing left to credit: no epoch
	eps, err = l.Epochs(ctx)
	require.NoError(t, err)
	require.Empty(t, eps)
	require.Zero(t, count().Sessions)
	require.Zero(t, count().Records)
	rej, err := l.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Len(t, rej, 15)
	for _, r := range rej {
		require.Equal(t, ledger.RejectNotRouter+"_on_recheck", r.Code)
	}

	// New sessions reuse the freed seqs; they are credited and published with their own records.
	revoked.Store(false)
	add(15, 17)
	require.NoError(t, l.Assemble(ctx))
	epoch0(2, 1, 2, ids(15, 17))
	require.Equal(t, int64(2), count().Records)
}
