package devnet

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestScriptLogFindsMarkerAcrossWrites: the marker is found when a write splits it, not before it is
// whole, and the output is kept as written.
func TestScriptLogFindsMarkerAcrossWrites(t *testing.T) {
	for _, cut := range []int{1, 5, len(simulated) - 1} {
		l := &scriptLog{marker: simulated, reached: make(chan struct{})}
		parts := []string{"Compiler run successful!\n", simulated[:cut], simulated[cut:], "\nEstimated amount required"}
		for i, p := range parts {
			_, err := l.Write([]byte(p))
			require.NoError(t, err)
			select {
			case <-l.reached:
				require.GreaterOrEqual(t, i, 2, "reached before the marker was whole (cut %d)", cut)
			default:
				require.Less(t, i, 2, "marker split at %d not found", cut)
			}
		}
		require.Equal(t, strings.Join(parts, ""), l.String())
	}
}

// TestScriptLogWriteIsIncremental: forge's verbose output (here 4 MB in 1 KB writes) costs its own size
// to collect, not a scan of all the output so far on every write (which allocated gigabytes here).
func TestScriptLogWriteIsIncremental(t *testing.T) {
	l := &scriptLog{marker: simulated, reached: make(chan struct{})}
	line := []byte(strings.Repeat("x", 1023) + "\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range 4096 {
		_, _ = l.Write(line)
	}
	runtime.ReadMemStats(&after)
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated collecting 4 MB of output")
	select {
	case <-l.reached:
		t.Fatal("reached without the marker")
	default:
	}
}
