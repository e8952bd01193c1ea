package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServicesLogTheirShutdown: every long-running command — lt gateway, provider serve, router, keeper —
// stopped by SIGTERM logs the same three things (service.Serve and its caller): "shutting down" with the
// signal as its cause and what it waits for, then "stopped"; and exits 0. provider serve used to log nothing
// from the signal to its exit.
func TestServicesLogTheirShutdown(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{GatewayIdleTimeout: time.Hour})
	_, err := s.Chat(ctx, "hello", false) // a session open at the gateway and the provider
	require.NoError(t, err)
	for _, p := range []*Proc{s.Gateway, s.Providers[0].Proc, s.Router, s.Keeper} {
		p.Stop()
		require.NoError(t, p.ExitErr(), "%s exit status after SIGTERM\n%s", p.Name, p.Log())
		var down, stopped bool
		for _, line := range strings.Split(p.Log(), "\n") {
			if strings.Contains(line, "shutting down") && strings.Contains(line, "terminated signal received") &&
				strings.Contains(line, "waiting for") {
				down = true
			}
			if down && stoppedLine.MatchString(line) {
				stopped = true
			}
		}
		require.True(t, down, "%s: no shutting down (cause, waiting for) logged\n%s", p.Name, p.Log())
		require.True(t, stopped, "%s: no stopped logged after it\n%s", p.Name, p.Log())
	}
}

// stoppedLine is a log line whose message is "stopped", JSON or console.
var stoppedLine = regexp.MustCompile(`("msg":"|\t)stopped("|\t|$)`)
