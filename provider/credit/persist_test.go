package credit_test

import (
	"encoding/json"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/provider/credit"
)

// TestCountsRestored: the counts a checker returns, restored into a new one (a restart), admit no user
// again what was admitted: an open session counts its whole reservation (the allowance's part for the day,
// the deposit's for good), a closed one its bill. Counts reports a change only when a count changed. Counts
// of a day before the restored checker's turn are dropped at the turn; the deposit's are kept.
func TestCountsRestored(t *testing.T) {
	user, depositor := common.HexToAddress("0x01"), common.HexToAddress("0x02")
	p := newPool(5, map[uint64]uint64{5: 100, 6: 100}, 50)
	c := credit.New(p, p, nil)
	_, changed := c.Counts()
	require.False(t, changed, "nothing counted yet")

	open, ok := admit(t, c, user, 60, false)
	require.True(t, ok)
	c.Done(open, true) // opened: holds 60 of the allowance
	closed, ok := admit(t, c, depositor, 130, true)
	require.True(t, ok, "100 of the allowance, 30 of the deposit")
	c.Done(closed, true)
	c.Closed(closed, uint256.NewInt(120)) // billed 100 + 20
	k, changed := c.Counts()
	require.True(t, changed)
	_, changed = c.Counts()
	require.False(t, changed, "unchanged since")

	raw, err := json.Marshal(k) // as provider serve writes it
	require.NoError(t, err)
	var back credit.Counts
	require.NoError(t, json.Unmarshal(raw, &back))
	again := credit.New(p, p, nil)
	require.NoError(t, again.Restore(back))
	_, ok = admit(t, again, user, 41, false)
	require.False(t, ok, "the open session's 60 of 100 is counted")
	_, ok = admit(t, again, user, 40, false)
	require.True(t, ok)
	_, ok = admit(t, again, depositor, 31, true)
	require.False(t, ok, "the allowance billed in full, 20 of the deposit's 50 spent")
	_, ok = admit(t, again, depositor, 30, true)
	require.True(t, ok)

	p.day = 6
	fresh := credit.New(p, p, nil)
	require.NoError(t, fresh.Restore(back))
	_, ok = admit(t, fresh, user, 100, false)
	require.True(t, ok, "a new day's allowance")
	_, ok = admit(t, fresh, depositor, 131, true)
	require.False(t, ok, "the deposit's spend is every day's")
	_, ok = admit(t, fresh, depositor, 130, true)
	require.True(t, ok)

	require.ErrorContains(t, credit.New(p, p, nil).Restore(credit.Counts{Version: 99}), "version")
}
