package store_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// TestPendingCloses: a session keeps its pending closes in arrival order, at most the limit, a body kept
// already is not kept again (its first arrival time stays); they survive a reopen of the database; a
// session keeping one does not expire; dropping one leaves the rest; closing the session deletes them and
// refuses any more. On SQLite and PostgreSQL.
func TestPendingCloses(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, dsn string) {
		ctx := context.Background()
		sess := newSession(1, 2, 100)
		_, _, err := db.CreateSession(ctx, store.NewSession{Session: sess, Nonce: 1, Deadline: 500, Allowance: uint256.NewInt(1000)})
		require.NoError(t, err)
		id := sess.ID
		_, _, err = db.ParkClose(ctx, common.Hash{7}, 900, []byte(`{}`), 2)
		require.ErrorIs(t, err, store.ErrUnknownSession)

		p1, created, err := db.ParkClose(ctx, id, 900, []byte(`{"a":1}`), 2)
		require.NoError(t, err)
		require.True(t, created)
		require.Equal(t, uint64(1), p1.Seq)
		again, created, err := db.ParkClose(ctx, id, 950, []byte(`{"a":1}`), 2)
		require.NoError(t, err)
		require.False(t, created)
		require.Equal(t, p1.Seq, again.Seq)
		require.Equal(t, uint64(900), again.ClosedAt, "the first arrival time stays")
		p2, created, err := db.ParkClose(ctx, id, 960, []byte(`{"a":2}`), 2)
		require.NoError(t, err)
		require.True(t, created)
		require.Equal(t, uint64(2), p2.Seq)
		_, _, err = db.ParkClose(ctx, id, 970, []byte(`{"a":3}`), 2)
		require.ErrorIs(t, err, store.ErrPendingFull)

		due, err := db.DueForExpiry(ctx, 5000, 10)
		require.NoError(t, err)
		require.Empty(t, due, "a session keeping a pending close does not expire")

		require.NoError(t, db.Close())
		db, err = store.Open(ctx, dsn)
		require.NoError(t, err)
		t.Cleanup(func() { db.Close() })
		ids, err := db.SessionsWithPendingCloses(ctx, 10)
		require.NoError(t, err)
		require.Equal(t, []common.Hash{id}, ids)
		pending, err := db.PendingCloses(ctx, id)
		require.NoError(t, err)
		require.Len(t, pending, 2)
		require.Equal(t, []byte(`{"a":1}`), pending[0].Body)
		require.Equal(t, uint64(900), pending[0].ClosedAt)
		require.Equal(t, p1.Digest, pending[0].Digest)
		require.Equal(t, []byte(`{"a":2}`), pending[1].Body)

		require.NoError(t, db.DropPendingClose(ctx, id, 1))
		require.NoError(t, db.DropPendingClose(ctx, id, 1), "dropped already")
		p3, _, err := db.ParkClose(ctx, id, 980, []byte(`{"a":3}`), 2)
		require.NoError(t, err)
		require.Equal(t, uint64(3), p3.Seq, "behind every close kept before")

		_, err = db.CloseSession(ctx, store.Close{ID: id, Reason: wire.CloseReceipt, BilledSeconds: 10, ClosedAt: 5000})
		require.NoError(t, err)
		pending, err = db.PendingCloses(ctx, id)
		require.NoError(t, err)
		require.Empty(t, pending, "the close deleted them")
		ids, err = db.SessionsWithPendingCloses(ctx, 10)
		require.NoError(t, err)
		require.Empty(t, ids)
		_, _, err = db.ParkClose(ctx, id, 990, []byte(`{"a":4}`), 2)
		require.ErrorIs(t, err, store.ErrSessionClosed)
	})
}
