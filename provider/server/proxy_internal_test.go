package server

import (
	"bytes"
	"encoding/json"
	"math"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/provider/session"
)

// rewriteReference is what rewriteBody must be equivalent to: decode, set the model, add the usage
// option to streams, re-encode.
func rewriteReference(body []byte, upstreamModel string) (map[string]any, bool, bool) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return nil, false, false
	}
	name, _ := json.Marshal(upstreamModel)
	m["model"] = name
	stream := string(bytes.TrimSpace(m["stream"])) == "true"
	if _, ok := m["stream_options"]; stream && !ok {
		m["stream_options"] = json.RawMessage(`{"include_usage":true}`)
	}
	raw, _ := json.Marshal(m)
	var out map[string]any
	_ = json.Unmarshal(raw, &out)
	return out, stream, true
}

var rewriteSeeds = []string{
	`{"model":"a:b","stream":true,"messages":[{"role":"user","content":"hi"}]}`,
	`{"messages":[]}`,
	`{}`,
	` { } `,
	`{"model":"x","model":"y","stream":false}`,
	`{"mod\u0065l":"x","stream":true}`,
	`{"stream":true,"stream_options":{"include_usage":false}}`,
	`{"stream":true,"stream":false}`,
	`{"stream": true , "model" : { "nested": ["}", "{", "\"model\":1"] } }`,
	`{"messages":[{"content":"}{\"model\":\"z\",\\"}"}],"model":"a","n":-1.5e3,"x":null,"y":[true,false,[]]}`,
	"{\n\t\"stream\":\ttrue\r\n}",
	`[]`, `null`, `"x"`, `1`, `{`, ``, `{"a":1,}`, `{"a" 1}`,
}

func checkRewrite(t *testing.T, body string) {
	t.Helper()
	const upstream = `llama3.1:8b "q"`
	name, _ := json.Marshal(upstream)
	out, stream, err := rewriteBody([]byte(body), name)
	want, wantStream, ok := rewriteReference([]byte(body), upstream)
	if !ok {
		require.Error(t, err, "body %q", body)
		return
	}
	require.NoError(t, err, "body %q", body)
	require.True(t, json.Valid(out), "body %q rewritten to invalid JSON %q", body, out)
	var got map[string]any
	require.NoError(t, json.Unmarshal(out, &got))
	require.Equal(t, want, got, "body %q rewritten to %q", body, out)
	require.Equal(t, wantStream, stream, "body %q", body)
}

func TestRewriteBody(t *testing.T) {
	for _, body := range rewriteSeeds {
		checkRewrite(t, body)
	}
}

func FuzzRewriteBody(f *testing.F) {
	for _, s := range rewriteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) { checkRewrite(t, body) })
}

func TestSSEMeter(t *testing.T) {
	var first int
	m := newStreamMeter(100, func() { first++ })
	stream := "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":null}\n\n" +
		"data: {\"choices\":[{\"delta\":{\"content\":\"Hel\"}}],\"usage\":null}\n\n" +
		"data: {\"choices\":[{\"delta\":{\"content\" : \"lo\"}}]}\n\n" +
		": keep-alive\n\n" +
		"data: {\"choices\":[{\"text\":\"!\"}]}\n\n"
	write := func(stream string) {
		for i := 0; i < len(stream); i += 7 { // lines split across reads
			m.Write([]byte(stream[i:min(i+7, len(stream))]))
		}
	}
	write(stream)
	in, out := m.count.Tokens(true)
	require.Equal(t, [2]uint64{25, 3}, [2]uint64{in, out}, "content and text chunks counted, the empty role chunk not")
	write("data: {\"choices\":[],\"usage\": {\"prompt_tokens\":13,\"completion_tokens\":3}}\n\n" +
		"data: [DONE]\n\n")
	require.Equal(t, 1, first, "first token noted once")
	in, out = m.count.Tokens(true)
	require.Equal(t, [2]uint64{13, 3}, [2]uint64{in, out})

	m = newStreamMeter(100, nil)
	m.Write([]byte("data: {\"choices\":[{\"delta\":{\"content\":\"a\"}}]}\n\ndata: {\"choices\":[{\"delta\":{\"content\":\"b\"}}]}\n\n"))
	in, out = m.count.Tokens(true)
	require.Equal(t, [2]uint64{25, 2}, [2]uint64{in, out}, "without usage: prompt bytes / 4 and one token per chunk")
}

// TestMetricsExposition: /metrics (metrics.go, through internal/metricset) is read back by the Prometheus
// parser: the families, their types, escaped label values, histogram buckets and sums are what a scraper
// sees, and two servers' metrics are apart.
func TestMetricsExposition(t *testing.T) {
	m := newMetrics(session.New(nil, 0, nil))
	mm := m.forModel(`a"b:c`)
	m.requests.With(routeStatus{"chat", 200}).Add(2)
	m.requests.With(routeStatus{"chat", 429}).Add(1)
	m.upstreamError("503")
	m.closed("idle", "yes")
	mm.served(11, 7, 15*time.Millisecond)
	mm.served(0, 0, time.Minute)
	mm.served(0, 0, 0) // no first token: not observed
	m.inFlight.Add(3)
	newMetrics(session.New(nil, 0, nil)).requests.With(routeStatus{"chat", 200}).Inc()

	rec := httptest.NewRecorder()
	m.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	require.Equal(t, "text/plain; version=0.0.4; charset=utf-8", rec.Header().Get("Content-Type"))
	f := promtest.Parse(t, rec.Body)

	require.Equal(t, 2.0, f.Counter(t, "lt_provider_requests_total", "route", "chat", "status", "200"))
	require.Equal(t, 1.0, f.Counter(t, "lt_provider_requests_total", "route", "chat", "status", "429"))
	require.Equal(t, 1.0, f.Counter(t, "lt_provider_upstream_errors_total", "status", "503"))
	require.Equal(t, 11.0, f.Counter(t, "lt_provider_tokens_total", "model", `a"b:c`, "direction", "input"))
	require.Equal(t, 7.0, f.Counter(t, "lt_provider_tokens_total", "model", `a"b:c`, "direction", "output"))
	require.Equal(t, 1.0, f.Counter(t, "lt_provider_session_closes_total", "kind", "idle", "reported", "yes"))
	require.Equal(t, 3.0, f.Gauge(t, "lt_provider_requests_in_flight"))
	require.Equal(t, 0.0, f.Gauge(t, "lt_provider_sessions_open"))

	h := f.Histogram(t, "lt_provider_ttft_seconds", "model", `a"b:c`)
	require.EqualValues(t, 2, h.GetSampleCount())
	require.InDelta(t, 60.015, h.GetSampleSum(), 1e-9)
	buckets := map[float64]uint64{}
	for _, b := range h.GetBucket() {
		buckets[b.GetUpperBound()] = b.GetCumulativeCount()
	}
	require.EqualValues(t, 0, buckets[0.01])
	require.EqualValues(t, 1, buckets[0.02])
	require.EqualValues(t, 1, buckets[20.48], "the minute is above the last finite bucket")
	require.EqualValues(t, 2, buckets[math.Inf(1)])
	require.Positive(t, f.Gauge(t, "process_resident_memory_bytes"))
}
