package liveness

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Sender is one liveness round trip (*Prober is one).
type Sender interface {
	Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error)
}

// ShareFor is how long after it returned a probe's answer is still handed to callers that arrived before
// it was sent.
const ShareFor = time.Second

// arrivalKey carries, in a caller's context, when its request arrived (WithArrival).
type arrivalKey struct{}

// WithArrival returns ctx marked with the time its request arrived (read from a monotonic clock, as
// time.Now gives it): a Coalescer may answer the request with any probe sent after then. Without it a
// caller's arrival is the moment it calls Probe.
func WithArrival(ctx context.Context, arrived time.Time) context.Context {
	return context.WithValue(ctx, arrivalKey{}, arrived)
}

// Coalescer shares one probe among the RFCs that pick the same provider and model at about the same time,
// while keeping each RFC's proof fresh with respect to its own arrival (PROTOCOL §7 step 2: the challenge
// is made after the RFC arrived). A caller gets, in this order:
//
//   - the answer of the newest probe of the line, if it was sent after the caller arrived (WithArrival)
//     and returned at most ShareFor ago;
//   - else the probe in flight, if it was sent after the caller arrived;
//   - else the next probe, sent (its challenge made) as soon as the one in flight, if any, has returned.
//
// At most one probe per provider and model is in flight. Under load one round trip and one signature
// recovery serve a group of RFCs, the way one commit serves a group of sessions; alone, a caller waits for
// nothing.
//
// One answer's free capacity is handed out at most once per slot: of the callers sharing an answer that
// reports its capacity (Max > 0) with Free = n, the first n get Free = the slots still left (so that
// health.Tracker's Alive then Took count down from the provider's word), and every later one gets
// Free = 0, busy, and tries its next provider. A failed probe fails every caller that waited for it
// (each then tries its next provider) and is never handed to a later one. A caller whose context ends
// stops waiting; the probe goes on for the others, bounded by the Sender's own timeout.
type Coalescer struct {
	Sender Sender

	mu    sync.Mutex
	lines map[lineKey]*line
	sweep int // sweep idle lines once the map holds this many

	now    func() time.Time // tests: the clock (time.Now)
	joined func(Target)     // tests: called when a caller has joined a probe, before it waits
}

type lineKey struct {
	t     Target
	model common.Hash
}

// line is one provider and model: the probe in flight (if any), the next one, gathering callers, and the
// newest answered one.
type line struct {
	inFlight, next, last *shared
}

// shared is one probe and its answer, for every caller that joined it.
type shared struct {
	sent     time.Time // when the probe was sent, before its challenge was made (zero while it gathers)
	returned time.Time
	done     chan struct{}
	capacity wire.Capacity
	err      error
	taken    int // free slots handed out
}

// claim is the answer p gives its next caller: one of the free slots it reported, or busy when they are
// all taken. Called with c.mu held, once p is done.
func (p *shared) claim() (wire.Capacity, error) {
	if p.err != nil {
		return wire.Capacity{}, p.err
	}
	c := p.capacity
	if c.Max <= 0 {
		return c, nil // no capacity reported: nothing to count down
	}
	c.Free = max(c.Free-p.taken, 0)
	if c.Free > 0 {
		p.taken++
	}
	return c, nil
}

func (c *Coalescer) clock() time.Time {
	if c.now != nil {
		return c.now()
	}
	return time.Now()
}

// Probe answers for t and model with a probe sent after the caller arrived: see Coalescer.
func (c *Coalescer) Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error) {
	k := lineKey{t, model}
	c.mu.Lock()
	now := c.clock()
	arrived, ok := ctx.Value(arrivalKey{}).(time.Time)
	if !ok {
		arrived = now
	}
	l := c.line(k, now)
	if p := l.last; p != nil && p.sent.After(arrived) && now.Sub(p.returned) <= ShareFor {
		capacity, err := p.claim()
		c.mu.Unlock()
		return capacity, err
	}
	var p *shared
	send := false
	if l.inFlight != nil && l.inFlight.sent.After(arrived) {
		p = l.inFlight
	} else {
		if l.next == nil {
			l.next = &shared{done: make(chan struct{})}
		}
		p = l.next
		if l.inFlight == nil {
			send = true
			p.sent, l.inFlight, l.next = now, p, nil
		}
	}
	c.mu.Unlock()
	if c.joined != nil {
		c.joined(t)
	}
	if send {
		// The context's values (trace, profile labels) go with the probe; its end does not: others share it.
		go c.send(context.WithoutCancel(ctx), k, l, p)
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		return wire.Capacity{}, ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return p.claim()
}

// line returns k's line, creating it; once the map has grown, idle lines whose answer can no longer be
// shared are dropped first. Called with c.mu held.
func (c *Coalescer) line(k lineKey, now time.Time) *line {
	if l := c.lines[k]; l != nil {
		return l
	}
	if c.lines == nil {
		c.lines = make(map[lineKey]*line)
	}
	if len(c.lines) >= c.sweep {
		for key, l := range c.lines {
			if l.inFlight == nil && (l.last == nil || now.Sub(l.last.returned) > ShareFor) {
				delete(c.lines, key)
			}
		}
		c.sweep = max(64, 2*len(c.lines))
	}
	l := &line{}
	c.lines[k] = l
	return l
}

// send runs probe p and then, while callers have gathered for another, the next one.
func (c *Coalescer) send(ctx context.Context, k lineKey, l *line, p *shared) {
	for p != nil {
		capacity, err := c.Sender.Probe(ctx, k.t, k.model)
		c.mu.Lock()
		p.capacity, p.err, p.returned = capacity, err, c.clock()
		close(p.done)
		if err == nil {
			l.last = p
		} else {
			l.last = nil // the provider failed since: no older answer is handed out
		}
		p, l.next = l.next, nil
		if p != nil {
			p.sent = c.clock()
		}
		l.inFlight = p
		c.mu.Unlock()
	}
}
