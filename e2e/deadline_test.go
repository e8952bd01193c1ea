package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// cleanupMargin is what testContext leaves of the test binary's -timeout for a test's cleanups: stopping
// its stack (each process up to stopGrace) and printing the end of its logs.
const cleanupMargin = 30 * time.Second

// testContext is t's own deadline: t's context (cancelled when t ends) for limit from now, ended sooner, at
// the test binary's -timeout less cleanupMargin, when that comes first. A test out of time then fails with
// its own error and still runs its cleanups, where the binary's timeout panics past all of them (a failed
// stack's logs never printed, its database never dropped). Each test, and each subtest of a shared stack, takes its own once it starts:
// time one spent waiting (a slow stack start, t.Parallel) is not taken from another.
func testContext(t *testing.T, limit time.Duration) context.Context {
	d, ok := t.Deadline()
	ctx, cancel := bound(t.Context(), limit, d, ok)
	t.Cleanup(cancel)
	return ctx
}

// bound is parent for limit from now, ended at binary less cleanupMargin if that is sooner (ok: the
// binary has a deadline).
func bound(parent context.Context, limit time.Duration, binary time.Time, ok bool) (context.Context, context.CancelFunc) {
	end := time.Now().Add(limit)
	if cut := binary.Add(-cleanupMargin); ok && cut.Before(end) {
		end = cut
	}
	return context.WithDeadline(parent, end)
}

// TestTestContextEndsBeforeTheBinarysTimeout: a test's context ends at its own limit, or before the test
// binary's -timeout with cleanupMargin to spare when that is sooner, and when the test ends.
func TestTestContextEndsBeforeTheBinarysTimeout(t *testing.T) {
	deadline := func(limit time.Duration, binary time.Time, ok bool) time.Duration {
		ctx, cancel := bound(context.Background(), limit, binary, ok)
		defer cancel()
		d, has := ctx.Deadline()
		require.True(t, has)
		return time.Until(d)
	}
	now := time.Now()
	require.InDelta(t, float64(30*time.Second), float64(deadline(time.Hour, now.Add(time.Minute), true)), float64(5*time.Second),
		"an hour asked, the binary's timeout in a minute: 30 s, leaving the cleanups theirs")
	require.InDelta(t, float64(time.Minute), float64(deadline(time.Minute, now.Add(time.Hour), true)), float64(5*time.Second))
	require.InDelta(t, float64(time.Minute), float64(deadline(time.Minute, time.Time{}, false)), float64(5*time.Second), "no -timeout")
	require.LessOrEqual(t, deadline(time.Minute, now.Add(10*time.Second), true), time.Duration(0), "past already: ends at once")

	var inner context.Context
	t.Run("inner", func(t *testing.T) { inner = testContext(t, time.Hour) })
	require.ErrorIs(t, inner.Err(), context.Canceled, "ended with its test")
}
