package liveness

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// gatedSender is a Sender whose first probe waits for release. Every probe reads the logical clock when
// it is sent (where a Prober makes its challenge) and answers with that reading as its free capacity, so
// a caller learns when the probe it got was sent.
type gatedSender struct {
	clock   *atomic.Int64
	started chan struct{} // the first probe is in flight
	release chan struct{}
	calls   atomic.Int64
	fail    func(call int64) error
	ended   atomic.Bool // the first probe's context had ended when it was released
}

func (g *gatedSender) Probe(ctx context.Context, _ Target, _ common.Hash) (wire.Capacity, error) {
	n := g.calls.Add(1)
	sent := g.clock.Add(1)
	if n == 1 {
		close(g.started)
		<-g.release
		g.ended.Store(ctx.Err() != nil)
	}
	if g.fail != nil {
		if err := g.fail(n); err != nil {
			return wire.Capacity{}, err
		}
	}
	return wire.Capacity{Free: int(sent)}, nil
}

type result struct {
	arrived int64
	c       wire.Capacity
	err     error
}

// coalesce sends a first probe, then n more callers while it is in flight, and releases it once all
// have joined. cancelFirst cancels the first caller's context before the release.
func coalesce(t *testing.T, g *gatedSender, n int, cancelFirst bool) (first result, rest []result) {
	t.Helper()
	joined := make(chan struct{}, n+1)
	c := &Coalescer{Sender: g, joined: func(Target) { joined <- struct{}{} }}
	target := Target{Provider: common.HexToAddress("0xabc"), Endpoint: "http://p"}
	probe := func(ctx context.Context, out *result) {
		out.arrived = g.clock.Add(1)
		out.c, out.err = c.Probe(ctx, target, common.Hash{1})
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	firstDone := make(chan struct{})
	go func() { probe(ctx, &first); close(firstDone) }()
	<-joined
	<-g.started
	rest = make([]result, n)
	for i := range rest {
		wg.Go(func() { probe(context.Background(), &rest[i]) })
	}
	for range n {
		<-joined
	}
	if cancelFirst {
		cancel()
		<-firstDone // the canceled caller returns without waiting for the probe
	}
	close(g.release)
	wg.Wait()
	<-firstDone
	return first, rest
}

func newGated(fail func(int64) error) *gatedSender {
	return &gatedSender{clock: new(atomic.Int64), started: make(chan struct{}), release: make(chan struct{}), fail: fail}
}

// RFCs that pick a provider while its probe is in flight share the next probe, and that probe's challenge
// is made after each of them arrived: never the one in flight.
func TestCoalescerSharesOnlyFreshProbes(t *testing.T) {
	g := newGated(nil)
	first, rest := coalesce(t, g, 8, false)
	require.EqualValues(t, 2, g.calls.Load(), "nine callers, one probe in flight and one shared")
	require.NoError(t, first.err)
	require.Greater(t, int64(first.c.Free), first.arrived)
	for _, r := range rest {
		require.NoError(t, r.err)
		require.Greater(t, int64(r.c.Free), r.arrived, "a caller got a probe sent before it arrived")
		require.Equal(t, rest[0].c.Free, r.c.Free, "one shared probe")
	}
	require.False(t, g.ended.Load())
}

// A failed shared probe fails every caller that shared it (each then tries its next provider), and only
// those: the next probe is sent afresh.
func TestCoalescerFailsEveryWaiter(t *testing.T) {
	down := errors.New("down")
	g := newGated(func(call int64) error {
		if call == 2 {
			return down
		}
		return nil
	})
	first, rest := coalesce(t, g, 5, false)
	require.NoError(t, first.err)
	for _, r := range rest {
		require.ErrorIs(t, r.err, down)
	}
	c := &Coalescer{Sender: g}
	_, err := c.Probe(context.Background(), Target{}, common.Hash{})
	require.NoError(t, err)
	require.EqualValues(t, 3, g.calls.Load())
}

// A caller that gives up does not end the probe the others share.
func TestCoalescerCallerCancel(t *testing.T) {
	g := newGated(nil)
	first, rest := coalesce(t, g, 3, true)
	require.ErrorIs(t, first.err, context.Canceled)
	require.False(t, g.ended.Load(), "the probe's context ended with its first caller's")
	for _, r := range rest {
		require.NoError(t, r.err)
	}
}
