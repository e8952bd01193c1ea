package analytics

import (
	"math"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
)

func TestMedianMAD(t *testing.T) {
	tests := []struct {
		xs       []float64
		med, mad float64
	}{
		{nil, 0, 0},
		{[]float64{3}, 3, 0},
		{[]float64{1, 2, 3, 4}, 2.5, 1.4826},
		{[]float64{1, 1, 2, 2, 4, 6, 9}, 2, 1.4826},
	}
	for _, tc := range tests {
		m, d := MAD(tc.xs)
		require.InDelta(t, tc.med, m, 1e-9)
		require.InDelta(t, tc.mad, d, 1e-9)
	}
	require.Equal(t, math.Inf(1), RobustZ(2, 1, 0))
	require.Equal(t, 0.0, RobustZ(1, 1, 0))
}

func TestDetector(t *testing.T) {
	d := &Detector{MinSamples: 5}
	m := common.Hash{1}
	check := func(s Session) []string {
		f := d.Flags(s)
		d.Record(s)
		return f
	}
	for i := range 10 {
		require.Empty(t, check(Session{Model: m, Seconds: 10, OutputTokens: uint32(200 + i), Receipt: true}))
	}
	require.Equal(t, []string{FlagTPSOutlier}, check(Session{Model: m, Seconds: 10, OutputTokens: 20000, Receipt: true}))
	require.Equal(t, []string{FlagZeroOutput}, check(Session{Model: common.Hash{2}, Seconds: 10, Receipt: true}))
	require.Empty(t, check(Session{Model: m, Receipt: false}), "expired sessions bill nothing: no flag")
}

// TestDetectorFlagsRecordNothing: scoring a close records nothing (a close the store then refuses may be sent
// again and again, and must not move the model's window); only Record does.
func TestDetectorFlagsRecordNothing(t *testing.T) {
	d := &Detector{MinSamples: 5}
	m := common.Hash{1}
	for i := range 10 {
		d.Record(Session{Model: m, Seconds: 10, OutputTokens: uint32(200 + i), Receipt: true})
	}
	slow := Session{Model: m, Seconds: 10, OutputTokens: 1, Receipt: true}
	for range 50 {
		require.Equal(t, []string{FlagTPSOutlier}, d.Flags(slow), "scored against the recorded window only")
	}
	for range 50 {
		d.Record(slow)
	}
	require.Empty(t, d.Flags(slow), "recorded: the window moved")
}

func TestByModelDayAndProviderOutliers(t *testing.T) {
	m := common.Hash{1}
	var ss []Session
	for p := 1; p <= 4; p++ {
		tps := uint32(20 + p)
		if p == 4 {
			tps = 500
		}
		for range 5 {
			ss = append(ss, Session{Model: m, Provider: common.BytesToAddress([]byte{byte(p)}), Day: 3, Seconds: 10, OutputTokens: tps * 10, TTFTMs: 100, Receipt: true})
		}
	}
	ss = append(ss, Session{Model: m, Day: 3}, Session{Model: m, Day: 4, Seconds: 5, Receipt: true})
	st := ByModelDay(ss)
	require.Len(t, st, 2)
	require.Equal(t, 21, st[0].Sessions)
	require.Equal(t, 1, st[0].Expired)
	require.Equal(t, uint64(200), st[0].TotalSeconds)
	require.Equal(t, 1, st[1].ZeroOutput)
	out := ProviderOutliers(ss, 3, 6)
	require.Len(t, out, 1)
	require.InDelta(t, 500, out[0].MedianTPS, 1e-9)
}
