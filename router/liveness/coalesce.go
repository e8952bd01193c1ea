package liveness

import (
	"context"
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Sender is one liveness round trip (*Prober is one).
type Sender interface {
	Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error)
}

// Coalescer shares one probe among the RFCs that pick the same provider and model at about the same
// time, while keeping each RFC's proof fresh with respect to its own arrival: at most one probe per
// provider and model is in flight, and a caller never joins it; callers that arrive meanwhile join the
// next probe, which is sent (its challenge made) only when the one in flight has returned, so after every
// caller that shares it arrived. Under load one round trip and one signature recovery serve a group of
// RFCs, the way one commit serves a group of sessions; alone, a caller waits for nothing.
//
// Every caller gets the shared answer as it is, capacity included, as if each had sent the same probe at
// that moment (as concurrent probes do today); a failed probe fails every caller that shared it (each then
// tries its next provider). A caller whose context ends stops waiting; the probe goes on for the others,
// bounded by the Sender's own timeout.
type Coalescer struct {
	Sender Sender

	mu    sync.Mutex
	lines map[lineKey]*line

	joined func(Target) // tests: called when a caller has joined a probe, before it waits
}

type lineKey struct {
	t     Target
	model common.Hash
}

// line is one provider and model: the probe in flight (if any) and the next one, gathering callers.
type line struct {
	inFlight bool
	next     *shared
}

// shared is one probe and its answer, for every caller that joined it.
type shared struct {
	done     chan struct{}
	capacity wire.Capacity
	err      error
}

// Probe joins the next probe of t for model (sending it now if none is in flight) and returns its answer.
func (c *Coalescer) Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error) {
	k := lineKey{t, model}
	c.mu.Lock()
	if c.lines == nil {
		c.lines = make(map[lineKey]*line)
	}
	l := c.lines[k]
	if l == nil {
		l = &line{}
		c.lines[k] = l
	}
	if l.next == nil {
		l.next = &shared{done: make(chan struct{})}
	}
	p := l.next
	send := !l.inFlight
	if send {
		l.inFlight, l.next = true, nil
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
	return p.capacity, p.err
}

// send runs probe p and then, while callers have gathered for another, the next one.
func (c *Coalescer) send(ctx context.Context, k lineKey, l *line, p *shared) {
	for p != nil {
		p.capacity, p.err = c.Sender.Probe(ctx, k.t, k.model)
		close(p.done)
		c.mu.Lock()
		p, l.next = l.next, nil
		if p == nil {
			l.inFlight = false
			delete(c.lines, k)
		}
		c.mu.Unlock()
	}
}
