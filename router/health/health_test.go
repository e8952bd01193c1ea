package health

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func TestBackoffCapacityAndSpeed(t *testing.T) {
	now := time.Unix(1000, 0)
	tr := New(Backoff{Base: time.Second, Max: 5 * time.Second}, func() time.Time { return now })
	p := common.HexToAddress("0x1")
	require.Equal(t, -1, tr.Status(p).Free)

	for i, want := range []time.Duration{1, 2, 4, 5, 5} {
		require.Equal(t, want*time.Second, tr.Failed(p), "failure %d", i+1)
	}
	require.True(t, tr.Status(p).BackedOff)
	now = now.Add(6 * time.Second)
	require.False(t, tr.Status(p).BackedOff)

	tr.Alive(p, 2)
	require.Equal(t, time.Second, tr.Failed(p), "a success resets the back-off")
	tr.Alive(p, 1)
	tr.Took(p)
	require.Equal(t, 0, tr.Status(p).Free)
	tr.Took(p)
	require.Equal(t, 0, tr.Status(p).Free)
	tr.Released(p)
	require.Equal(t, 1, tr.Status(p).Free)

	tr.Observe(p, 10, 200, 300)
	st := tr.Status(p)
	require.InDelta(t, 20, st.TPS, 1e-9)
	require.InDelta(t, 300, st.TTFTMs, 1e-9)
	q := st.Quality
	tr.Observe(p, 10, 0, 0)
	require.Less(t, tr.Status(p).Quality, q, "zero-output sessions lower quality")
}
