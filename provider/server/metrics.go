package server

import (
	"bytes"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/provider/session"
)

// The metrics are written in the Prometheus text exposition format (version 0.0.4) by the few lines
// below rather than by the Prometheus client library: the library and the protobuf packages it pulls in
// were about a seventh of the provider binary, and on Linux most of the binary is resident, so they cost
// ~3 MB of memory at rest for six metrics. Hot-path updates are single atomic adds on pre-resolved
// series.

// counterVec is a counter family whose series are keyed by K (the label values, rendered by labels).
type counterVec[K comparable] struct {
	name, help string
	labelNames []string
	labels     func(K) []string

	mu     sync.Mutex
	series map[K]*atomic.Uint64
}

func newCounterVec[K comparable](name, help string, labelNames []string, labels func(K) []string) *counterVec[K] {
	return &counterVec[K]{name: name, help: help, labelNames: labelNames, labels: labels, series: map[K]*atomic.Uint64{}}
}

// with returns the series of k, creating it.
func (c *counterVec[K]) with(k K) *atomic.Uint64 {
	c.mu.Lock()
	v := c.series[k]
	if v == nil {
		v = new(atomic.Uint64)
		c.series[k] = v
	}
	c.mu.Unlock()
	return v
}

func (c *counterVec[K]) write(b *bytes.Buffer) {
	type row struct {
		labels string
		v      uint64
	}
	c.mu.Lock()
	rows := make([]row, 0, len(c.series))
	for k, v := range c.series {
		rows = append(rows, row{renderLabels(c.labelNames, c.labels(k), "", ""), v.Load()})
	}
	c.mu.Unlock()
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.labels, b.labels) })
	writeHeader(b, c.name, c.help, "counter")
	for _, r := range rows {
		b.WriteString(c.name)
		b.WriteString(r.labels)
		b.WriteByte(' ')
		b.WriteString(strconv.FormatUint(r.v, 10))
		b.WriteByte('\n')
	}
}

// ttftBuckets are the upper bounds of the time-to-first-token histogram, in seconds: 10 ms doubling
// to 20.48 s.
var ttftBuckets = func() []float64 {
	out := make([]float64, 12)
	for i := range out {
		out[i] = 0.01 * math.Pow(2, float64(i))
	}
	return out
}()

// histogram is one series of a histogram with ttftBuckets.
type histogram struct {
	counts   [13]atomic.Uint64 // per bucket, not cumulative; the last is +Inf
	sumNanos atomic.Uint64
}

func (h *histogram) observe(d time.Duration) {
	sec := d.Seconds()
	i, _ := slices.BinarySearch(ttftBuckets, sec) // first bound >= sec: Prometheus buckets are "le"
	h.counts[i].Add(1)
	h.sumNanos.Add(uint64(max(d, 0)))
}

// histogramVec is a histogram family with one label.
type histogramVec struct {
	name, help, label string

	mu     sync.Mutex
	series map[string]*histogram
}

func (h *histogramVec) with(v string) *histogram {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.series[v]
	if s == nil {
		s = new(histogram)
		h.series[v] = s
	}
	return s
}

func (h *histogramVec) write(b *bytes.Buffer) {
	h.mu.Lock()
	keys := make([]string, 0, len(h.series))
	for k := range h.series {
		keys = append(keys, k)
	}
	h.mu.Unlock()
	slices.Sort(keys)
	writeHeader(b, h.name, h.help, "histogram")
	names := []string{h.label}
	for _, k := range keys {
		s := h.with(k)
		var cum uint64
		for i := range s.counts {
			cum += s.counts[i].Load()
			le := "+Inf"
			if i < len(ttftBuckets) {
				le = strconv.FormatFloat(ttftBuckets[i], 'g', -1, 64)
			}
			b.WriteString(h.name)
			b.WriteString("_bucket")
			b.WriteString(renderLabels(names, []string{k}, "le", le))
			b.WriteByte(' ')
			b.WriteString(strconv.FormatUint(cum, 10))
			b.WriteByte('\n')
		}
		lbl := renderLabels(names, []string{k}, "", "")
		b.WriteString(h.name + "_sum" + lbl + " ")
		b.WriteString(strconv.FormatFloat(float64(s.sumNanos.Load())/1e9, 'g', -1, 64))
		b.WriteString("\n" + h.name + "_count" + lbl + " ")
		b.WriteString(strconv.FormatUint(cum, 10))
		b.WriteByte('\n')
	}
}

func writeHeader(b *bytes.Buffer, name, help, typ string) {
	b.WriteString("# HELP " + name + " " + help + "\n# TYPE " + name + " " + typ + "\n")
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// renderLabels renders {n1="v1",…} plus an extra pair when extraName is set; "" without any label.
func renderLabels(names, values []string, extraName, extraValue string) string {
	if len(names) == 0 && extraName == "" {
		return ""
	}
	var sb strings.Builder
	sb.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(n + `="` + labelEscaper.Replace(values[i]) + `"`)
	}
	if extraName != "" {
		if len(names) > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(extraName + `="` + labelEscaper.Replace(extraValue) + `"`)
	}
	sb.WriteByte('}')
	return sb.String()
}

type routeStatus struct {
	route  string
	status int
}

type closeKind struct{ kind, reported string }

type modelDirection struct{ model, direction string }

type metrics struct {
	requests       *counterVec[routeStatus]
	upstreamErrors *counterVec[string]
	tokens         *counterVec[modelDirection]
	closes         *counterVec[closeKind]
	ttft           *histogramVec
	inFlight       atomic.Int64
	sessions       *session.Table
}

// modelMetrics are a model's series, resolved once so that a request only adds to them.
type modelMetrics struct {
	input, output *atomic.Uint64
	ttft          *histogram
}

func newMetrics(sessions *session.Table) *metrics {
	return &metrics{
		requests: newCounterVec("lt_provider_requests_total", "Requests by route and HTTP status.",
			[]string{"route", "status"}, func(k routeStatus) []string { return []string{k.route, strconv.Itoa(k.status)} }),
		upstreamErrors: newCounterVec("lt_provider_upstream_errors_total", "Upstream error answers by HTTP status (0: unreachable).",
			[]string{"status"}, func(k string) []string { return []string{k} }),
		tokens: newCounterVec("lt_provider_tokens_total", "Tokens metered, per model and direction (input, output).",
			[]string{"model", "direction"}, func(k modelDirection) []string { return []string{k.model, k.direction} }),
		closes: newCounterVec("lt_provider_session_closes_total", "Session closes by kind (receipt, idle, shutdown) and router report outcome.",
			[]string{"kind", "reported"}, func(k closeKind) []string { return []string{k.kind, k.reported} }),
		ttft: &histogramVec{name: "lt_provider_ttft_seconds", help: "Time to first token, per model.", label: "model",
			series: map[string]*histogram{}},
		sessions: sessions,
	}
}

func (m *metrics) forModel(name string) *modelMetrics {
	return &modelMetrics{input: m.tokens.with(modelDirection{name, "input"}), output: m.tokens.with(modelDirection{name, "output"}),
		ttft: m.ttft.with(name)}
}

func (m *metrics) upstreamError(status string) { m.upstreamErrors.with(status).Add(1) }

func (m *metrics) closed(kind, reported string) { m.closes.with(closeKind{kind, reported}).Add(1) }

// ServeHTTP writes every metric, families in name order.
func (m *metrics) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	var b bytes.Buffer
	writeHeader(&b, "lt_provider_requests_in_flight", "Inference requests in flight.", "gauge")
	b.WriteString("lt_provider_requests_in_flight " + strconv.FormatInt(m.inFlight.Load(), 10) + "\n")
	m.requests.write(&b)
	m.closes.write(&b)
	writeHeader(&b, "lt_provider_sessions_open", "Open sessions.", "gauge")
	b.WriteString("lt_provider_sessions_open " + strconv.Itoa(m.sessions.Open()) + "\n")
	m.tokens.write(&b)
	m.ttft.write(&b)
	m.upstreamErrors.write(&b)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	_, _ = w.Write(b.Bytes())
}

func errField(err error) zap.Field { return zap.Error(err) }
