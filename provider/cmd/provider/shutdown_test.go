package main

import (
	"bufio"
	"encoding/json"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServeLogsItsShutdown: `provider serve` stopped by SIGTERM says so, says what it waits for (the
// requests in flight, then the close reports of the sessions it closes), and that it stopped, exiting 0.
// It used to log nothing from the signal to its exit.
func TestServeLogsItsShutdown(t *testing.T) {
	s := startServe(t, "info")
	require.NoError(t, s.cmd.Process.Signal(syscall.SIGTERM))
	exited := make(chan error, 1)
	go func() { exited <- s.cmd.Wait() }()
	select {
	case err := <-exited:
		require.NoError(t, err, "exit status after SIGTERM\n%s", s.log)
	case <-time.After(30 * time.Second):
		t.Fatalf("provider serve still running 30 s after SIGTERM\n%s", s.log)
	}

	var msgs []string
	fields := map[string]map[string]any{}
	sc := bufio.NewScanner(strings.NewReader(s.log.String()))
	for sc.Scan() {
		var e map[string]any
		if json.Unmarshal(sc.Bytes(), &e) != nil {
			continue // "listening on …" on stdout
		}
		msg, _ := e["msg"].(string)
		msgs = append(msgs, msg)
		fields[msg] = e
	}
	i := slices.Index(msgs, "shutting down")
	require.GreaterOrEqual(t, i, 0, "no shutdown logged:\n%s", s.log)
	require.Equal(t, []string{
		"shutting down",
		"requests in flight finished",
		"shutting down: closing the open sessions one-sided, waiting for the close reports not yet taken by their router",
		"close reports done: each taken by its router, or a warning above says why not",
		"stopped",
	}, msgs[i:], "%s", s.log)
	require.Equal(t, "terminated signal received", fields["shutting down"]["cause"])
	require.Contains(t, fields["shutting down"]["waiting for"], "requests in flight")
	require.Equal(t, 30.0, fields["shutting down"]["drain"], "the --drain default, in seconds")
}
