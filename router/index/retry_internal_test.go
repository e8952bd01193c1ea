package index

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain/follow"
)

// TestRetryWaitPollsANodeBehind: a failed pass backs off, doubling to a minute; a pass that found the node
// behind the blocks already read (follow.ErrBehind, wrapped as index returns it) or whose range was not read
// as one view (follow.ErrLogsChanged) is polled again at the poll
// interval, whatever the back-off had grown to, so the indexer follows within an interval of the node
// catching up.
func TestRetryWaitPollsANodeBehind(t *testing.T) {
	const poll = 2 * time.Second
	wait, next := retryWait(nil, 32*time.Second, poll)
	require.Equal(t, [2]time.Duration{poll, poll}, [2]time.Duration{wait, next})

	failed := errors.New("index: logs 1-9: connection refused")
	wait, next = retryWait(failed, poll, poll)
	require.Equal(t, [2]time.Duration{poll, 2 * poll}, [2]time.Duration{wait, next})
	wait, next = retryWait(failed, 40*time.Second, poll)
	require.Equal(t, [2]time.Duration{40 * time.Second, time.Minute}, [2]time.Duration{wait, next})

	behind := fmt.Errorf("index: %w", fmt.Errorf("%w: block 12", follow.ErrBehind))
	wait, next = retryWait(behind, 32*time.Second, poll)
	require.Equal(t, [2]time.Duration{poll, poll}, [2]time.Duration{wait, next})

	changed := fmt.Errorf("index: %w", fmt.Errorf("%w: block 12 not found after the logs 1-12", follow.ErrLogsChanged))
	wait, next = retryWait(changed, 32*time.Second, poll)
	require.Equal(t, [2]time.Duration{poll, poll}, [2]time.Duration{wait, next})
}
