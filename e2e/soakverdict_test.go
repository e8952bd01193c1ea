package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The router's database grows until retention catches up (window + nonce deadline), then holds: judged
// from DBFill on it is flat; judged from the common warm-up it is growing. RSS that keeps climbing is
// growing whatever DBFill says.
func TestSoakVerdicts(t *testing.T) {
	var samples []SoakSample
	for at := 10 * time.Second; at <= 10*time.Minute; at += 10 * time.Second {
		db := min(at, 7*time.Minute).Seconds() * 1e5 // grows 0.1 MB/s until minute 7, then stays
		samples = append(samples, SoakSample{At: at, RouterDB: int64(db),
			Procs: map[string]ProcSample{"router": {RSS: int64(60e6 + at.Seconds()*1e5), FDs: 30, Goroutines: -1}}})
	}
	filled := verdicts(samples, 7*time.Minute)
	require.True(t, strings.HasPrefix(filled["router.db MB"], "flat"), filled["router.db MB"])
	require.True(t, strings.HasPrefix(filled["router rss MB"], "growing"), filled["router rss MB"])
	require.True(t, strings.HasPrefix(filled["router fds"], "flat"), filled["router fds"])
	require.Equal(t, "too short", filled["router goroutines"])

	early := verdicts(samples, 0)
	require.True(t, strings.HasPrefix(early["router.db MB"], "growing"), early["router.db MB"])
	require.Equal(t, "too short", verdicts(samples, 9*time.Minute+30*time.Second)["router.db MB"])
}
