package liveness

import (
	"context"
	"errors"
	"math/big"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/assert"
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

// fakeClock is a Coalescer clock that moves only when told.
type fakeClock struct{ ns atomic.Int64 }

func (f *fakeClock) now() time.Time          { return time.Unix(0, f.ns.Load()) }
func (f *fakeClock) set(ns int64)            { f.ns.Store(ns) }
func arrivedAt(ns int64) context.Context     { return WithArrival(context.Background(), time.Unix(0, ns)) }
func (f *fakeClock) advance(d time.Duration) { f.ns.Add(int64(d)) }

// countingSender answers every probe with capacity, after release when gated, and counts the probes.
type countingSender struct {
	calls    atomic.Int64
	capacity wire.Capacity
	err      error
	started  chan struct{} // receives once per probe sent, when gated
	release  chan struct{}
}

func (s *countingSender) Probe(context.Context, Target, common.Hash) (wire.Capacity, error) {
	s.calls.Add(1)
	if s.started != nil {
		s.started <- struct{}{}
		<-s.release
	}
	return s.capacity, s.err
}

// An RFC may share a probe sent after it arrived, in flight or answered (within ShareFor), and never one
// sent before: that caller gets a probe of its own.
func TestCoalescerSharesProbesSentAfterArrival(t *testing.T) {
	clock := &fakeClock{}
	s := &countingSender{capacity: wire.Capacity{Free: 100, Max: 100}, started: make(chan struct{}, 1), release: make(chan struct{})}
	c := &Coalescer{Sender: s, now: clock.now}
	target, model := Target{Provider: common.HexToAddress("0xabc")}, common.Hash{1}

	// The first probe is sent at 10; an RFC that arrived at 5 joins it in flight, one that arrived at 10
	// (not before the probe) and one at 20 wait for the next.
	clock.set(10)
	var wg sync.WaitGroup
	results := make([]result, 4)
	probe := func(i int, arrived int64) {
		wg.Go(func() { results[i].c, results[i].err = c.Probe(arrivedAt(arrived), target, model) })
	}
	joined := make(chan struct{}, 4)
	c.joined = func(Target) { joined <- struct{}{} }
	probe(0, 1)
	<-joined
	<-s.started
	probe(1, 5)
	<-joined
	require.EqualValues(t, 1, s.calls.Load(), "the RFC that arrived before the probe was sent joins it")
	probe(2, 10)
	probe(3, 20)
	<-joined
	<-joined
	clock.set(30)
	s.release <- struct{}{} // the first probe returns at 30; the next is sent then
	<-s.started
	s.release <- struct{}{}
	wg.Wait()
	require.EqualValues(t, 2, s.calls.Load())
	for _, r := range results {
		require.NoError(t, r.err)
	}

	// Answered: the second probe was sent at 30. An RFC that arrived at 25 takes its answer at once; one
	// that arrived at 30 gets a probe of its own.
	s.started = nil
	_, err := c.Probe(arrivedAt(25), target, model)
	require.NoError(t, err)
	require.EqualValues(t, 2, s.calls.Load(), "an answer sent after the RFC arrived is shared")
	_, err = c.Probe(arrivedAt(30), target, model)
	require.NoError(t, err)
	require.EqualValues(t, 3, s.calls.Load(), "an answer sent before the RFC arrived is not")

	// The third probe was sent at 30 and returned at 30: after ShareFor it is no longer handed out.
	clock.advance(ShareFor + 1)
	_, err = c.Probe(arrivedAt(29), target, model)
	require.NoError(t, err)
	require.EqualValues(t, 4, s.calls.Load(), "an answer older than ShareFor is not shared")
}

// One answer's free capacity is handed out at most once per slot: of the RFCs sharing an answer with
// Free = 3, three get a slot (3, 2, 1: what health.Tracker counts down from) and the others are told
// busy; an answer without reported capacity (Max = 0) is handed out as it is.
func TestCoalescerNeverOverAssignsCapacity(t *testing.T) {
	for _, tc := range []struct {
		capacity wire.Capacity
		free     []int // what the 10 callers get, in order
	}{
		{wire.Capacity{Free: 3, Max: 8}, []int{3, 2, 1, 0, 0, 0, 0, 0, 0, 0}},
		{wire.Capacity{Free: 0, Max: 8}, []int{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
		{wire.Capacity{Free: 5}, []int{5, 5, 5, 5, 5, 5, 5, 5, 5, 5}},
	} {
		clock := &fakeClock{}
		s := &countingSender{capacity: tc.capacity}
		c := &Coalescer{Sender: s, now: clock.now}
		clock.set(10)
		var got []int
		for range 10 {
			capacity, err := c.Probe(arrivedAt(1), Target{}, common.Hash{})
			require.NoError(t, err)
			require.Equal(t, tc.capacity.Max, capacity.Max)
			got = append(got, capacity.Free)
		}
		require.EqualValues(t, 1, s.calls.Load(), "one probe shared by every caller")
		require.Equal(t, tc.free, got)
	}
}

// The same holds among callers that waited for one probe in flight together: the slots go to as many of
// them as the answer reports, whichever they are.
func TestCoalescerSplitsCapacityAmongWaiters(t *testing.T) {
	clock := &fakeClock{}
	s := &countingSender{capacity: wire.Capacity{Free: 2, Max: 4}, started: make(chan struct{}, 1), release: make(chan struct{})}
	c := &Coalescer{Sender: s, now: clock.now}
	joined := make(chan struct{}, 8)
	c.joined = func(Target) { joined <- struct{}{} }
	clock.set(10)
	got := make([]int, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Go(func() {
			capacity, err := c.Probe(arrivedAt(1), Target{}, common.Hash{})
			assert.NoError(t, err)
			got[i] = capacity.Free
		})
	}
	for range got {
		<-joined
	}
	<-s.started
	close(s.release)
	wg.Wait()
	require.EqualValues(t, 1, s.calls.Load())
	slices.Sort(got)
	require.Equal(t, []int{0, 0, 0, 0, 0, 0, 1, 2}, got)
}

// A failed probe is never handed to a caller that did not wait for it: the next caller probes again.
func TestCoalescerDoesNotShareFailures(t *testing.T) {
	clock := &fakeClock{}
	s := &countingSender{err: errors.New("down")}
	c := &Coalescer{Sender: s, now: clock.now}
	clock.set(10)
	_, err := c.Probe(arrivedAt(1), Target{}, common.Hash{})
	require.Error(t, err)
	s.err, s.capacity = nil, wire.Capacity{Free: 1, Max: 1}
	_, err = c.Probe(arrivedAt(1), Target{}, common.Hash{})
	require.NoError(t, err)
	require.EqualValues(t, 2, s.calls.Load())
}

// Idle lines whose answers can no longer be shared are dropped once the map grows.
func TestCoalescerForgetsIdleLines(t *testing.T) {
	clock := &fakeClock{}
	c := &Coalescer{Sender: &countingSender{}, now: clock.now}
	for i := range 200 {
		_, err := c.Probe(context.Background(), Target{Provider: common.BigToAddress(big.NewInt(int64(i)))}, common.Hash{})
		require.NoError(t, err)
		clock.advance(ShareFor / 10)
	}
	require.Less(t, len(c.lines), 200)
}
