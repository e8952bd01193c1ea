package client

import (
	"sync"
	"time"

	"github.com/laketravis/laketravis/protocol/usage"
)

// Usage is what a session used as the client observed it.
type Usage struct {
	Seconds      uint32 `json:"seconds"`      // active time: union of request intervals, rounded up
	InputTokens  uint32 `json:"inputTokens"`  // prompt tokens (the answers' usage, else estimated)
	OutputTokens uint32 `json:"outputTokens"` // generated tokens (the answers' usage, else estimated)
	TTFTMs       uint32 `json:"ttftMs"`       // time to first token of the first answer that had one
	Requests     int    `json:"requests"`     // requests the provider accepted
}

// meter accumulates a session's usage. Only requests the provider accepted (2xx) count: a refused
// request is not metered by the provider either, and a receipt must not claim more than the provider
// saw (it refuses receipts above its meter plus a small tolerance).
//
// The rule is protocol/usage's, the provider's too. Intervals run from sending the request to the end of
// its answer, which makes the client's figure a little larger than the provider's (network time), well
// inside the provider's tolerance of 2 s. Requests are stamped before they are sent, so they may start
// out of order: the meter is unordered.
type meter struct {
	mu       sync.Mutex
	m        usage.Meter
	requests int       // carried over by ResumeSession on top of m's
	pending  int       // requests sent and not answered yet (not metered, but the session is in use)
	last     time.Time // last activity
}

// pend registers a request sent at `at` whose answer has not begun: the session counts as in use (the
// gateway's idle reaper must not close it) though nothing is metered yet. Every pend has one unpend.
func (m *meter) pend(at time.Time) {
	m.mu.Lock()
	m.pending++
	m.last = at
	m.mu.Unlock()
}

func (m *meter) unpend() {
	m.mu.Lock()
	m.pending--
	m.mu.Unlock()
}

// start registers an accepted request that began at from and returns its id.
func (m *meter) start(from time.Time) usage.ID {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last = from
	return m.m.Start(from)
}

// finish ends request id at to, adding its tokens and time to first token (0: none seen).
func (m *meter) finish(id usage.ID, to time.Time, in, out uint64, ttft time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m.Finish(id, to, in, out, ttft) {
		m.last = to
	}
}

// resume carries over the usage u a previous process observed until end, as one finished interval.
func (m *meter) resume(end time.Time, u Usage) {
	m.mu.Lock()
	defer m.mu.Unlock()
	id := m.m.Start(end.Add(-time.Duration(u.Seconds) * time.Second))
	m.m.Finish(id, end, uint64(u.InputTokens), uint64(u.OutputTokens), time.Duration(u.TTFTMs)*time.Millisecond)
	m.requests = u.Requests - m.m.Requests()
	m.last = end
}

// touch records activity that is not metered (a refused request still keeps a session warm).
func (m *meter) touch(at time.Time) {
	m.mu.Lock()
	m.last = at
	m.mu.Unlock()
}

// snapshot returns the usage at now; requests still open count up to now.
func (m *meter) snapshot(now time.Time) Usage {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.m.Figures(now)
	return Usage{Seconds: f.Seconds, InputTokens: f.InputTokens, OutputTokens: f.OutputTokens, TTFTMs: f.TTFTMs,
		Requests: m.requests + m.m.Requests()}
}

// state returns the number of open requests and the time of the last activity.
func (m *meter) state() (open int, last time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.m.Open() + m.pending, m.last
}
