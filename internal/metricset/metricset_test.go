package metricset_test

import (
	"math"
	"net/http/httptest"
	"testing"

	"github.com/VictoriaMetrics/metrics"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestHandlerParses: what Handler writes is read by the Prometheus parser with the types, labels (escaped
// values included) and histogram buckets the code set, the process metrics parse beside them, and two
// sets share no series.
func TestHandlerParses(t *testing.T) {
	set, other := metrics.NewSet(), metrics.NewSet()
	odd := "a\"b\\c\nd"
	type routeStatus struct{ route, status string }
	requests := metricset.NewCounterVec(set, func(k routeStatus) string {
		return metricset.Name("x_requests_total", "route", k.route, "status", k.status)
	})
	requests.With(routeStatus{"/v1/x", "200"}).Add(2)
	requests.With(routeStatus{"/v1/x", "200"}).Inc() // the same series
	requests.With(routeStatus{odd, "500"}).Inc()
	set.GetOrCreateFloatCounter("x_wei_total").Add(1.5e18)
	set.GetOrCreateGauge("x_open", func() float64 { return 7 })
	h := set.GetOrCreatePrometheusHistogramExt(metricset.Name("x_seconds", "model", "m"), []float64{0.01, 0.1, 1})
	h.Update(0.05)
	h.Update(0.5)
	h.Update(5)
	other.GetOrCreateCounter("x_requests_total").Inc()

	rec := httptest.NewRecorder()
	metricset.Handler(set, true).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	require.Contains(t, rec.Header().Get("Content-Type"), "version=0.0.4")
	f := promtest.Parse(t, rec.Body)

	require.Equal(t, 3.0, f.Counter(t, "x_requests_total", "route", "/v1/x", "status", "200"))
	require.Equal(t, 1.0, f.Counter(t, "x_requests_total", "route", odd, "status", "500"))
	require.Len(t, f["x_requests_total"].GetMetric(), 2, "the other set's series is not in this one")
	require.Equal(t, 1.5e18, f.Counter(t, "x_wei_total"))
	require.Equal(t, 7.0, f.Gauge(t, "x_open"))
	hist := f.Histogram(t, "x_seconds", "model", "m")
	require.Equal(t, uint64(3), hist.GetSampleCount())
	require.InDelta(t, 5.55, hist.GetSampleSum(), 1e-9)
	var le []float64
	var cum []uint64
	for _, b := range hist.GetBucket() {
		le, cum = append(le, b.GetUpperBound()), append(cum, b.GetCumulativeCount())
	}
	require.Equal(t, []float64{0.01, 0.1, 1, math.Inf(1)}, le)
	require.Equal(t, []uint64{0, 1, 2, 3}, cum)
	require.Positive(t, f.Gauge(t, "go_goroutines"))
	require.Positive(t, f.Gauge(t, "process_resident_memory_bytes"))
}

func TestNameNeedsPairs(t *testing.T) {
	require.Equal(t, "x", metricset.Name("x"))
	require.Equal(t, `x{a="1",b="\"q\""}`, metricset.Name("x", "a", "1", "b", `"q"`))
	require.Panics(t, func() { metricset.Name("x", "a") })
}

// TestHandlerServesOnlyGetMetrics: Handler is the whole of the keeper guard's --listen server, where it
// answered every path and method (POST /, GET /v1/anything) 200 with the metrics. It serves GET (and HEAD)
// /metrics only, and any other request gets the PROTOCOL §9 envelope: 404 not_found, 405
// method_not_allowed.
func TestHandlerServesOnlyGetMetrics(t *testing.T) {
	set := metrics.NewSet()
	set.GetOrCreateCounter("x_total").Inc()
	srv := httptest.NewServer(metricset.Handler(set, false))
	defer srv.Close()
	require.Equal(t, 1.0, promtest.Scrape(t, srv.URL+"/metrics").Counter(t, "x_total"))
	wiretest.RequireEnvelopes(t, srv.URL,
		wiretest.NotFound("GET", "/"),
		wiretest.NotFound("GET", "/v1/epochs"),
		wiretest.NotFound("GET", "/metrics/x"),
		wiretest.NotAllowed("POST", "/metrics", "GET, HEAD"),
		wiretest.NotAllowed("DELETE", "/metrics", "GET, HEAD"))
}
