package book_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/book/booktest"
)

var poolAddr = common.HexToAddress("0x9001")

func poolLog(t *testing.T, name string, indexed []common.Hash, args ...any) *types.Log {
	return booktest.PoolLog(t, poolAddr, name, indexed, args...)
}

func commit(t *testing.T, epoch int64, root byte, total, delta int64) *types.Log {
	return poolLog(t, "RootCommitted", []common.Hash{common.BigToHash(big.NewInt(epoch)), {root}},
		big.NewInt(total), big.NewInt(delta), big.NewInt(7), uint64(1000+epoch), [32]byte{0xba, root}, "ipfs://x")
}

func veto(t *testing.T, epoch int64, root byte, through, restored int64) *types.Log {
	return poolLog(t, "RootVetoed", []common.Hash{common.BigToHash(big.NewInt(epoch)), {root}}, big.NewInt(through), big.NewInt(restored))
}

// TestEpochFold: RootCommitted appends an epoch; RootVetoed marks the live commits of [epoch, through].
func TestEpochFold(t *testing.T) {
	type row struct {
		epoch  uint64
		root   byte
		vetoed bool
	}
	for _, tc := range []struct {
		name string
		logs func(t *testing.T) []*types.Log
		want []row
	}{
		{"commits", func(t *testing.T) []*types.Log { return []*types.Log{commit(t, 0, 1, 10, 10), commit(t, 1, 2, 30, 20)} },
			[]row{{0, 1, false}, {1, 2, false}}},
		{"veto discards the epoch and every later one", func(t *testing.T) []*types.Log {
			return []*types.Log{commit(t, 0, 1, 10, 10), commit(t, 1, 2, 30, 20), commit(t, 2, 3, 60, 30), veto(t, 1, 2, 2, 10)}
		}, []row{{0, 1, false}, {1, 2, true}, {2, 3, true}}},
		{"recommit after a veto; a second veto hits only the live commit", func(t *testing.T) []*types.Log {
			return []*types.Log{commit(t, 0, 1, 10, 10), commit(t, 1, 2, 30, 20), veto(t, 1, 2, 1, 10),
				commit(t, 1, 4, 25, 15), veto(t, 1, 4, 1, 10), commit(t, 1, 5, 20, 10)}
		}, []row{{0, 1, false}, {1, 2, true}, {1, 4, true}, {1, 5, false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, err := book.NewState(book.Contracts{ComputePool: poolAddr})
			require.NoError(t, err)
			for _, l := range tc.logs(t) {
				require.NoError(t, st.Apply(l))
			}
			snap := st.Snapshot(1)
			got := make([]row, len(snap.Epochs))
			for i, e := range snap.Epochs {
				got[i] = row{e.Epoch, e.Root[0], e.Vetoed}
			}
			require.Equal(t, tc.want, got)
		})
	}

	st, err := book.NewState(book.Contracts{ComputePool: poolAddr})
	require.NoError(t, err)
	require.NoError(t, st.Apply(commit(t, 0, 1, 10, 10)))
	e := st.Snapshot(1).Epochs[0]
	require.Equal(t, "10", e.CumulativeTotal.Dec())
	require.Equal(t, uint64(7), e.Day)
	require.Equal(t, uint64(1000), e.ClaimableAt)
	require.Equal(t, "ipfs://x", e.URI)
	// Other pool events are not part of the book; without a pool address nothing is.
	require.ErrorIs(t, st.Apply(poolLog(t, "DisputeWindowSet", nil, big.NewInt(5))), book.ErrUnknownLog)
	none, err := book.NewState(book.Contracts{})
	require.NoError(t, err)
	require.ErrorIs(t, none.Apply(commit(t, 0, 1, 10, 10)), book.ErrUnknownLog)
}

// TestSnapshotEpochsBounded: a snapshot carries only the newest MaxSnapshotEpochs commits.
func TestSnapshotEpochsBounded(t *testing.T) {
	st, err := book.NewState(book.Contracts{ComputePool: poolAddr})
	require.NoError(t, err)
	for i := range book.MaxSnapshotEpochs + 5 {
		require.NoError(t, st.Apply(commit(t, int64(i), 1, int64(i+1), 1)))
	}
	eps := st.Snapshot(1).Epochs
	require.Len(t, eps, book.MaxSnapshotEpochs)
	require.Equal(t, uint64(5), eps[0].Epoch)
	require.Equal(t, uint64(book.MaxSnapshotEpochs+4), eps[len(eps)-1].Epoch)
}
