package guard_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/guard"
)

// TestLastPartFrom: the window's last part, in which a withheld file is vetoed, is its last quarter by
// default (the window from the commit's block to claimableAt, which may exceed the pool's disputeWindow
// when the previous epoch's claimableAt is later); a set margin is taken in whole seconds and capped at
// the window.
func TestLastPartFrom(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		committedAt, claimableAt uint64
		margin                   time.Duration
		want                     uint64
	}{
		{"default: a quarter of the window", 1000, 4600, 0, 4600 - 900},
		{"default: a window raised to the previous epoch's claimableAt", 1000, 5000, 0, 5000 - 1000},
		{"set", 1000, 4600, 10 * time.Minute, 4600 - 600},
		{"set: whole seconds", 1000, 4600, 90*time.Second + 999*time.Millisecond, 4600 - 90},
		{"set: capped at the window", 1000, 4600, 2 * time.Hour, 1000},
		{"an empty window", 4600, 4600, 0, 4600},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, guard.LastPartFrom(tc.committedAt, tc.claimableAt, tc.margin))
		})
	}
}
