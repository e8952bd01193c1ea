package ledger

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestEpochFitsOutsideWindow: a keeper's epoch plus two feed graces must fit in the time a day leaves
// outside the withdrawal window, so that a commit lands there every day.
func TestEpochFitsOutsideWindow(t *testing.T) {
	const day, hour = 86400, 3600
	for _, c := range []struct {
		name          string
		epoch, grace  time.Duration
		window        uint64
		fits          bool
		suggestedMost string
	}{
		{"Arbitrum Sepolia: 1 h epochs, 2 h window", time.Hour, time.Minute, 2 * hour, true, ""},
		{"24 h epochs: every commit in a window again", 24 * time.Hour, time.Minute, 2 * hour, false, "21h58m0s"},
		{"exactly the time outside", 22*time.Hour - 2*time.Minute, time.Minute, 2 * hour, true, ""},
		{"one second more", 22*time.Hour - 2*time.Minute + time.Second, time.Minute, 2 * hour, false, "21h58m0s"},
		{"devnet defaults: 1 h window (a 24th), 1 h epochs", time.Hour, time.Minute, hour, true, ""},
		{"devnet defaults, the keeper's devnet epoch (1 min)", time.Minute, time.Minute, hour, true, ""},
		{"a 23 h window (the devnet default before): 1 h epochs", time.Hour, time.Minute, 23 * hour, false, "58m0s"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := epochFitsOutsideWindow(c.epoch, c.grace, day, c.window)
			if c.fits {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrEpochInWindow)
			require.ErrorContains(t, err, "use --epoch-length of at most "+c.suggestedMost)
		})
	}
}
