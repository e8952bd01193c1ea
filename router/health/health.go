// Package health is what the router knows about each provider beyond the chain: free capacity reported
// by its last liveness proof minus sessions issued since, observed speed (TPS, TTFT) from usage receipts,
// a quality score, and the back-off after failed liveness checks. A *Tracker implements match.Stats.
package health

import (
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/router/match"
)

// Backoff bounds: the first failure skips a provider for Base, each further one doubles it, up to Max.
type Backoff struct {
	Base time.Duration
	Max  time.Duration
}

type entry struct {
	free      int // -1 unknown
	tps, ttft float64
	samples   int
	failures  int
	until     time.Time
	good, bad int                  // receipts outcome counts for the quality score
	seeding   map[common.Hash]bool // content hashes its last liveness answer reported seeded (PROTOCOL §5)
}

// Tracker is safe for concurrent use.
type Tracker struct {
	backoff Backoff
	now     func() time.Time
	mu      sync.RWMutex
	m       map[common.Address]*entry
}

// New returns an empty tracker.
func New(b Backoff, now func() time.Time) *Tracker {
	if b.Base <= 0 {
		b.Base = time.Second
	}
	if b.Max < b.Base {
		b.Max = 5 * time.Minute
	}
	return &Tracker{backoff: b, now: now, m: map[common.Address]*entry{}}
}

func (t *Tracker) get(p common.Address) *entry {
	e := t.m[p]
	if e == nil {
		e = &entry{free: -1}
		t.m[p] = e
	}
	return e
}

// Status implements match.Stats.
func (t *Tracker) Status(p common.Address) match.Status {
	t.mu.RLock()
	e := t.m[p]
	if e == nil {
		t.mu.RUnlock()
		return match.Status{Free: -1, Quality: 0.5}
	}
	st := match.Status{Free: e.free, TPS: e.tps, TTFTMs: e.ttft, Quality: quality(e), BackedOff: !e.until.IsZero() && t.now().Before(e.until)}
	t.mu.RUnlock()
	return st
}

// quality is the Laplace-smoothed share of sessions that produced output: (good+1)/(good+bad+2).
func quality(e *entry) float64 { return float64(e.good+1) / float64(e.good+e.bad+2) }

// Alive records a successful liveness proof with the capacity it reported.
func (t *Tracker) Alive(p common.Address, free int) {
	t.mu.Lock()
	e := t.get(p)
	e.free, e.failures, e.until = free, 0, time.Time{}
	t.mu.Unlock()
}

// Seeding records the content hashes p's latest liveness answer reported as verified and seeded; beyond
// max are ignored (the answer is the provider's word: it is shown, never used to match or pay).
func (t *Tracker) Seeding(p common.Address, hashes []common.Hash, max int) {
	set := make(map[common.Hash]bool, min(len(hashes), max))
	for _, h := range hashes[:min(len(hashes), max)] {
		set[h] = true
	}
	t.mu.Lock()
	t.get(p).seeding = set
	t.mu.Unlock()
}

// Seeds reports whether p's latest liveness answer reported seeding content h.
func (t *Tracker) Seeds(p common.Address, h common.Hash) bool {
	t.mu.RLock()
	defer t.mu.RUnlock()
	e := t.m[p]
	return e != nil && e.seeding[h]
}

// Failed records a failed liveness check and backs the provider off: Base·2^(failures-1), capped at Max.
func (t *Tracker) Failed(p common.Address) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.get(p)
	e.failures++
	d := t.backoff.Base
	for i := 1; i < e.failures && d < t.backoff.Max; i++ {
		d *= 2
	}
	d = min(d, t.backoff.Max)
	e.until = t.now().Add(d)
	return d
}

// Took records a session issued to p: one less free slot until the next proof says otherwise.
func (t *Tracker) Took(p common.Address) {
	t.mu.Lock()
	if e := t.get(p); e.free > 0 {
		e.free--
	}
	t.mu.Unlock()
}

// Released records a closed session: one more free slot if capacity is known.
func (t *Tracker) Released(p common.Address) {
	t.mu.Lock()
	if e := t.get(p); e.free >= 0 {
		e.free++
	}
	t.mu.Unlock()
}

// Observe folds one usage receipt into the provider's speed (exponential moving average over ~20
// sessions) and quality.
func (t *Tracker) Observe(p common.Address, seconds, outputTokens, ttftMs uint32) {
	t.mu.Lock()
	defer t.mu.Unlock()
	e := t.get(p)
	if outputTokens == 0 {
		if seconds > 0 {
			e.bad++
		}
		return
	}
	e.good++
	if seconds == 0 {
		return
	}
	tps := float64(outputTokens) / float64(seconds)
	const alpha = 0.1
	if e.samples == 0 {
		e.tps, e.ttft = tps, float64(ttftMs)
	} else {
		e.tps += alpha * (tps - e.tps)
		e.ttft += alpha * (float64(ttftMs) - e.ttft)
	}
	e.samples++
}
