// Package usage holds the metering rules both sides of a session apply (PROTOCOL §6): the provider meters
// what it served and refuses a receipt above its meter, the client meters what it received and signs
// receipts from that, so the two must count the same way. Meter is the active-time rule (the union of the
// accepted requests' intervals, rounded up to whole seconds) with the token and time-to-first-token
// totals; Counter is how one answer's tokens are counted (the answer's usage object, else an estimate;
// never more output tokens than bytes of text received); Classify reads one stream chunk.
package usage

import (
	"slices"
	"sort"
	"time"
)

// Clamp32 saturates v to a uint32 (receipt fields are uint32).
func Clamp32(v uint64) uint32 { return uint32(min(v, uint64(^uint32(0)))) }

// Figures are a session's metered usage as a receipt carries it.
type Figures struct {
	Seconds      uint32 // active time: union of request intervals, rounded up to whole seconds
	InputTokens  uint32
	OutputTokens uint32
	TTFTMs       uint32 // time to first token of the first finished request that had one
}

// ID names a started request of a Meter.
type ID uint64

type span struct{ from, to time.Time }

type openReq struct {
	id   ID
	from time.Time
}

// Meter accumulates a session's usage. Active time is the union of the requests' intervals: two parallel
// requests of 3 s count 3 s, not 6. It is not safe for concurrent use: its owner holds its own lock.
//
// Ordered says every Start comes with a time no earlier than the previous Start's (the provider stamps
// requests under its lock). An ordered meter folds finished intervals that no later one can overlap into
// a running total, so it holds a constant amount of memory; an unordered one (the client, which stamps a
// request before sending it) keeps the disjoint finished spans.
type Meter struct {
	Ordered bool

	folded   time.Duration // finished spans folded away (ordered meters only)
	spans    []span        // finished, sorted, disjoint
	spanSum  time.Duration // the spans' total length, so that Active need not walk them all
	open     []openReq
	nextID   ID
	in, out  uint64
	ttft     time.Duration
	requests int
}

// Start registers a request that began at from and returns its id.
func (m *Meter) Start(from time.Time) ID {
	m.nextID++
	m.open = append(m.open, openReq{m.nextID, from})
	m.requests++
	if m.Ordered {
		m.fold()
	}
	return m.nextID
}

// fold moves the finished spans that end before every open request began into the total: in an ordered
// meter no interval finished later can reach back to them.
func (m *Meter) fold() {
	earliest := m.open[0].from
	for _, o := range m.open[1:] {
		if o.from.Before(earliest) {
			earliest = o.from
		}
	}
	n := 0
	for n < len(m.spans) && m.spans[n].to.Before(earliest) {
		d := m.spans[n].to.Sub(m.spans[n].from)
		m.folded += d
		m.spanSum -= d
		n++
	}
	if n > 0 {
		m.spans = append(m.spans[:0], m.spans[n:]...)
	}
}

// Finish ends request id at to, adding the tokens it used and its time to first token (0: none). It
// reports false, changing nothing, when id is not open (unknown or already finished).
func (m *Meter) Finish(id ID, to time.Time, in, out uint64, ttft time.Duration) bool {
	i := slices.IndexFunc(m.open, func(o openReq) bool { return o.id == id })
	if i < 0 {
		return false
	}
	from := m.open[i].from
	m.open = slices.Delete(m.open, i, i+1)
	m.add(span{from, to})
	m.in += in
	m.out += out
	if m.ttft == 0 && ttft > 0 {
		m.ttft = ttft
	}
	return true
}

// add merges a finished interval into the sorted, disjoint spans.
func (m *Meter) add(iv span) {
	n := len(m.spans)
	switch {
	case n == 0 || iv.from.After(m.spans[n-1].to):
		m.spans = append(m.spans, iv)
		m.spanSum += iv.to.Sub(iv.from)
	case !iv.from.Before(m.spans[n-1].from):
		if iv.to.After(m.spans[n-1].to) {
			m.spanSum += iv.to.Sub(m.spans[n-1].to)
			m.spans[n-1].to = iv.to
		}
	default: // out of order (an unordered meter): re-merge
		m.spans = append(m.spans, iv)
		slices.SortFunc(m.spans, func(a, b span) int { return a.from.Compare(b.from) })
		out := m.spans[:1]
		for _, s := range m.spans[1:] {
			last := &out[len(out)-1]
			if s.from.After(last.to) {
				out = append(out, s)
			} else if s.to.After(last.to) {
				last.to = s.to
			}
		}
		m.spans = out
		m.spanSum = 0
		for _, s := range out {
			m.spanSum += s.to.Sub(s.from)
		}
	}
}

// Open returns the number of requests started and not finished.
func (m *Meter) Open() int { return len(m.open) }

// Requests returns the number of requests started.
func (m *Meter) Requests() int { return m.requests }

// Active returns the active time at now: open requests count up to now. It costs a constant time plus
// the finished spans that end after the earliest open request began (none when nothing is open), however
// long the session: the gateway asks it before every request.
func (m *Meter) Active(now time.Time) time.Duration {
	d := m.folded + m.spanSum
	if len(m.open) == 0 {
		return d
	}
	// The open requests together cover [earliest, now]: add it, less what the spans already cover of it.
	earliest := m.open[0].from
	for _, o := range m.open[1:] {
		if o.from.Before(earliest) {
			earliest = o.from
		}
	}
	if !now.After(earliest) {
		return d
	}
	d += now.Sub(earliest)
	first := sort.Search(len(m.spans), func(i int) bool { return m.spans[i].to.After(earliest) })
	for _, s := range m.spans[first:] {
		if !s.from.Before(now) {
			break
		}
		d -= minTime(s.to, now).Sub(maxTime(s.from, earliest))
	}
	return d
}

// Figures returns the usage at now, each figure saturated to uint32.
func (m *Meter) Figures(now time.Time) Figures {
	return Figures{
		Seconds:      Clamp32(uint64((m.Active(now) + time.Second - 1) / time.Second)),
		InputTokens:  Clamp32(m.in),
		OutputTokens: Clamp32(m.out),
		TTFTMs:       Clamp32(uint64(m.ttft / time.Millisecond)),
	}
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
