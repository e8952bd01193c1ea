package server

import (
	"math"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/provider/session"
)

// The provider's metrics, in the server's own metrics.Set (internal/metricset: the one library every
// service uses, small enough for the provider's 20 MB resident-memory target). Hot-path updates are
// atomic adds on series resolved once per model; a request's route/status series is looked up by name.
//
//	lt_provider_requests_total{route,status}        requests by route and HTTP status
//	lt_provider_requests_in_flight                  inference requests in flight
//	lt_provider_sessions_open                       open sessions
//	lt_provider_tokens_total{model,direction}       tokens metered, per model and direction (input, output)
//	lt_provider_ttft_seconds{model}                 time to first token (histogram, 10 ms doubling to 20.48 s)
//	lt_provider_upstream_errors_total{status}       upstream error answers by HTTP status (0: unreachable)
//	lt_provider_session_closes_total{kind,reported} session closes by kind (receipt, idle, shutdown, crash: left open by a previous run, from the journal) and router report outcome (yes, failed, unknown_router, pending: left in the outbox at shutdown, disabled)

// ttftBuckets are the upper bounds of the time-to-first-token histogram, in seconds: 10 ms doubling
// to 20.48 s.
var ttftBuckets = func() []float64 {
	out := make([]float64, 12)
	for i := range out {
		out[i] = 0.01 * math.Pow(2, float64(i))
	}
	return out
}()

type routeStatus struct {
	route  string
	status int
}

type closeKind struct{ kind, reported string }

type metrics struct {
	http.Handler   // GET /metrics
	set            *vm.Set
	requests       *metricset.Vec[routeStatus, *vm.Counter]
	upstreamErrors *metricset.Vec[string, *vm.Counter]
	closes         *metricset.Vec[closeKind, *vm.Counter]
	inFlight       atomic.Int64
}

// modelMetrics are a model's series, resolved once so that a request only adds to them.
type modelMetrics struct {
	input, output *vm.Counter
	ttft          *vm.PrometheusHistogram
}

func newMetrics(sessions *session.Table) *metrics {
	set := vm.NewSet()
	m := &metrics{Handler: metricset.Handler(set, true), set: set,
		requests: metricset.NewCounterVec(set, func(k routeStatus) string {
			return metricset.Name("lt_provider_requests_total", "route", k.route, "status", strconv.Itoa(k.status))
		}),
		upstreamErrors: metricset.NewCounterVec(set, func(status string) string {
			return metricset.Name("lt_provider_upstream_errors_total", "status", status)
		}),
		closes: metricset.NewCounterVec(set, func(k closeKind) string {
			return metricset.Name("lt_provider_session_closes_total", "kind", k.kind, "reported", k.reported)
		}),
	}
	set.NewGauge("lt_provider_requests_in_flight", func() float64 { return float64(m.inFlight.Load()) })
	set.NewGauge("lt_provider_sessions_open", func() float64 { return float64(sessions.Open()) })
	return m
}

func (m *metrics) forModel(name string) *modelMetrics {
	return &modelMetrics{
		input:  m.set.GetOrCreateCounter(metricset.Name("lt_provider_tokens_total", "model", name, "direction", "input")),
		output: m.set.GetOrCreateCounter(metricset.Name("lt_provider_tokens_total", "model", name, "direction", "output")),
		ttft:   m.set.GetOrCreatePrometheusHistogramExt(metricset.Name("lt_provider_ttft_seconds", "model", name), ttftBuckets),
	}
}

// served counts a finished request's tokens and, when it produced one, its time to first token.
func (mm *modelMetrics) served(in, out uint64, ttft time.Duration) {
	mm.input.AddInt64(int64(in))
	mm.output.AddInt64(int64(out))
	if ttft > 0 {
		mm.ttft.Update(ttft.Seconds())
	}
}

func (m *metrics) upstreamError(status string) { m.upstreamErrors.With(status).Inc() }

func (m *metrics) closed(kind, reported string) { m.closes.With(closeKind{kind, reported}).Inc() }

func errField(err error) zap.Field { return zap.Error(err) }
