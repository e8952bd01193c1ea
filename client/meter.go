package client

import (
	"encoding/json"
	"slices"
	"sync"
	"time"
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
// Active time is the union of the accepted requests' intervals — two parallel requests of 3 s count
// 3 s — the same rule as the provider's meter. Intervals run from sending the request to the end of its
// answer, which makes the client's figure a little larger than the provider's (network time), well
// inside the provider's tolerance of 2 s.
type meter struct {
	mu       sync.Mutex
	done     []interval // finished requests
	open     map[int]time.Time
	nextID   int
	in, out  uint64
	ttft     time.Duration
	requests int
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

type interval struct{ from, to time.Time }

// start registers an accepted request that began at from and returns its id.
func (m *meter) start(from time.Time) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.open == nil {
		m.open = map[int]time.Time{}
	}
	m.nextID++
	m.open[m.nextID] = from
	m.requests++
	m.last = from
	return m.nextID
}

// finish ends request id at to, adding its tokens and time to first token (0: none seen).
func (m *meter) finish(id int, to time.Time, in, out uint64, ttft time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	from, ok := m.open[id]
	if !ok {
		return
	}
	delete(m.open, id)
	m.done = append(m.done, interval{from, to})
	m.in += in
	m.out += out
	if m.ttft == 0 && ttft > 0 {
		m.ttft = ttft
	}
	m.last = to
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
	ivs := slices.Clone(m.done)
	for _, from := range m.open {
		ivs = append(ivs, interval{from, now})
	}
	slices.SortFunc(ivs, func(a, b interval) int { return a.from.Compare(b.from) })
	var active time.Duration
	var cur interval
	for i, iv := range ivs {
		switch {
		case i == 0:
			cur = iv
		case !iv.from.After(cur.to):
			if iv.to.After(cur.to) {
				cur.to = iv.to
			}
		default:
			active += cur.to.Sub(cur.from)
			cur = iv
		}
	}
	if len(ivs) > 0 {
		active += cur.to.Sub(cur.from)
	}
	secs := (active + time.Second - 1) / time.Second
	return Usage{
		Seconds:      clamp32(uint64(secs)),
		InputTokens:  clamp32(m.in),
		OutputTokens: clamp32(m.out),
		TTFTMs:       clamp32(uint64(m.ttft / time.Millisecond)),
		Requests:     m.requests,
	}
}

// inFlight returns the number of open requests and the time of the last activity.
func (m *meter) state() (open int, last time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.open) + m.pending, m.last
}

func clamp32(v uint64) uint32 { return uint32(min(v, uint64(^uint32(0)))) }

// openAIUsage is the "usage" object of OpenAI answers and of a stream's final chunk.
type openAIUsage struct {
	PromptTokens     uint64 `json:"prompt_tokens"`
	CompletionTokens uint64 `json:"completion_tokens"`
}

// chunk is what the meter reads from an answer or a stream chunk.
type chunk struct {
	Choices []struct {
		Text    string `json:"text"`
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
		Delta struct {
			Content string `json:"content"`
		} `json:"delta"`
	} `json:"choices"`
	Usage *openAIUsage `json:"usage"`
}

// text returns the generated text the chunk carries.
func (c *chunk) text() string {
	var s string
	for _, ch := range c.Choices {
		s += ch.Text + ch.Message.Content + ch.Delta.Content
	}
	return s
}

// tokenCount follows the answers the way the provider's meter does, so that both sides reach the same
// figures: the answer's usage object when it has one; otherwise a token per 4 bytes of request body and,
// for a stream, one token per chunk carrying text (for a whole answer, per 4 bytes of text).
type tokenCount struct {
	bodyBytes int
	chunks    uint64
	textBytes int
	usage     *openAIUsage
}

func (t *tokenCount) add(data []byte) (hasText bool) {
	var c chunk
	if json.Unmarshal(data, &c) != nil {
		return false
	}
	txt := c.text()
	if txt != "" {
		t.chunks++
		t.textBytes += len(txt)
		hasText = true
	}
	if c.Usage != nil && (c.Usage.PromptTokens > 0 || c.Usage.CompletionTokens > 0) {
		t.usage = c.Usage
	}
	return hasText
}

func (t *tokenCount) tokens(stream bool) (in, out uint64) {
	if t.usage != nil {
		return t.usage.PromptTokens, t.usage.CompletionTokens
	}
	in = uint64(t.bodyBytes+3) / 4
	if stream {
		return in, t.chunks
	}
	return in, uint64(t.textBytes+3) / 4
}
