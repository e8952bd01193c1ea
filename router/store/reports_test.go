package store_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

func TestSessionBucketsAndUsedOnDay(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		bob := common.HexToAddress("0xb0b")
		// created_at → bucket (width 100 from 1000): 1000 → 0, 1099 → 0, 1100 → 1, 1350 → 3; 999 and 1400 outside.
		for i, at := range []uint64{999, 1000, 1099, 1100, 1350, 1400} {
			s := newSession(byte(10+i), 2, 10)
			s.CreatedAt = at
			if i%2 == 1 {
				s.Ticket.User = bob
			}
			_, _, err := db.CreateSession(ctx, store.NewSession{Session: s, Nonce: uint64(i + 1), Deadline: 5000, Allowance: uint256.NewInt(1e6)})
			require.NoError(t, err)
		}
		// One of bucket 0's sessions closes billing 7 s.
		_, err := db.CloseSession(ctx, store.Close{ID: newSession(11, 2, 10).ID, Reason: wire.CloseOneSided, BilledSeconds: 7, ClosedAt: 1200})
		require.NoError(t, err)

		got, err := db.SessionBuckets(ctx, 1000, 100, 4)
		require.NoError(t, err)
		require.Equal(t, []store.Bucket{{1000, 2, 7}, {1100, 1, 0}, {1200, 0, 0}, {1300, 1, 0}}, got)
		_, err = db.SessionBuckets(ctx, 1000, 0, 4)
		require.Error(t, err)

		// Day 7: six sessions reserved 20 each, one trued up to 7 s × 2 = 14.
		used, err := db.UsedOnDay(ctx, 7)
		require.NoError(t, err)
		require.Equal(t, uint64(5*20+14), used.Uint64())
		none, err := db.UsedOnDay(ctx, 8)
		require.NoError(t, err)
		require.True(t, none.IsZero())
	})
}

func TestResetIndex(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		f, err := db.IndexFilter(ctx)
		require.NoError(t, err)
		require.Equal(t, "", f)
		logs := []types.Log{{BlockNumber: 5, Index: 0, Address: common.HexToAddress("0x1"), Topics: []common.Hash{{1}}}}
		lease, err := db.Lead(ctx)
		require.NoError(t, err)
		defer lease.Release()
		require.NoError(t, lease.AppendRange(ctx, logs, 9, common.Hash{9}, 10))
		require.NoError(t, lease.ResetIndex(ctx, "v1:abc"))
		f, err = db.IndexFilter(ctx)
		require.NoError(t, err)
		require.Equal(t, "v1:abc", f)
		cur, err := db.Cursor(ctx)
		require.NoError(t, err)
		require.False(t, cur.Set)
		blocks, err := db.IndexedBlocks(ctx)
		require.NoError(t, err)
		require.Empty(t, blocks)
		n := 0
		require.NoError(t, db.Events(ctx, func(*types.Log) error { n++; return nil }))
		require.Zero(t, n)
	})
}
