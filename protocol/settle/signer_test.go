package settle

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

// TestSignerAt: the key of the newest event at or before the close signs for it; a key rotated away from
// before the close, or registered after it, does not; before any event there is no signer.
func TestSignerAt(t *testing.T) {
	k1, k2, k3 := common.Address{1}, common.Address{2}, common.Address{3}
	events := []SignerSet{{Signer: k1, Block: 10, Time: 100}, {Signer: k2, Block: 20, Time: 200}, {Signer: k2, Block: 21, Time: 200},
		{Signer: k3, Block: 30, Time: 300}}
	for _, c := range []struct {
		closedAt uint64
		want     common.Address
		ok       bool
	}{{99, common.Address{}, false}, {100, k1, true}, {199, k1, true}, {200, k2, true}, {299, k2, true}, {300, k3, true}, {1 << 40, k3, true}} {
		got, ok := SignerAt(events, c.closedAt)
		require.Equal(t, c.ok, ok, "closed at %d", c.closedAt)
		require.Equal(t, c.want, got, "closed at %d", c.closedAt)
	}
	_, ok := SignerAt(nil, 1<<40)
	require.False(t, ok)

	// Blocks with equal times (anvil, L2s): a rotation in a later block of the close's second wins, so the key
	// it retires signs for no close in that second; the second before still has the old key.
	same := []SignerSet{{Signer: k1, Block: 10, Time: 100}, {Signer: k2, Block: 11, Time: 200}, {Signer: k3, Block: 12, Time: 200},
		{Signer: k1, Block: 13, Time: 200}}
	for closedAt, want := range map[uint64]common.Address{199: k1, 200: k1, 201: k1} {
		got, ok := SignerAt(same, closedAt)
		require.True(t, ok)
		require.Equal(t, want, got, "closed at %d", closedAt)
	}
	got, _ := SignerAt(same[:3], 200)
	require.Equal(t, k3, got, "the newest of the second's events, in chain order")
}
