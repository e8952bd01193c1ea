package api

import (
	"time"

	vm "github.com/VictoriaMetrics/metrics"

	"github.com/laketravis/laketravis/internal/metricset"
)

// metrics are the API's series in the router's metrics.Set (internal/metricset):
//
//	laketravis_router_requests_total{handler,code}   HTTP requests by handler and result code
//	laketravis_router_request_seconds{handler}       HTTP request latency by handler (histogram, 0.5 ms doubling to 16.4 s)
//	laketravis_router_sessions_closed_total{reason}  sessions closed by reason
//	laketravis_router_liveness_probes_total{result}  liveness probes by result
//	laketravis_router_rfc_queued_total               RFCs that waited for capacity
//	laketravis_router_closes_pending_total           closes kept pending (the chain's head unread when they arrived)
//	laketravis_router_closes_pending_dropped_total   pending closes refused when judged, and dropped
//	laketravis_router_closes_unsigned_total          closes taken without this router's close signature (signClose)
type metrics struct {
	requests *metricset.Vec[handlerCode, *vm.Counter]
	latency  *metricset.Vec[string, *vm.PrometheusHistogram]
	closes   *metricset.Vec[string, *vm.Counter]
	probes   *metricset.Vec[string, *vm.Counter]
	queued   *vm.Counter

	pending, pendingDropped, unsigned *vm.Counter
}

type handlerCode struct{ handler, code string }

// latencyBuckets: 0.5 ms doubling, 16 bounds.
var latencyBuckets = vm.ExponentialBuckets(0.0005, 2, 16)

func newMetrics(set *vm.Set) *metrics {
	if set == nil {
		set = vm.NewSet()
	}
	one := func(family, label string) *metricset.Vec[string, *vm.Counter] {
		return metricset.NewCounterVec(set, func(v string) string { return metricset.Name(family, label, v) })
	}
	return &metrics{
		requests: metricset.NewCounterVec(set, func(k handlerCode) string {
			return metricset.Name("laketravis_router_requests_total", "handler", k.handler, "code", k.code)
		}),
		latency: metricset.NewVec(func(handler string) *vm.PrometheusHistogram {
			return set.GetOrCreatePrometheusHistogramExt(metricset.Name("laketravis_router_request_seconds", "handler", handler), latencyBuckets)
		}),
		closes: one("laketravis_router_sessions_closed_total", "reason"),
		probes: one("laketravis_router_liveness_probes_total", "result"),
		queued: set.NewCounter("laketravis_router_rfc_queued_total"),

		pending:        set.NewCounter("laketravis_router_closes_pending_total"),
		pendingDropped: set.NewCounter("laketravis_router_closes_pending_dropped_total"),
		unsigned:       set.NewCounter("laketravis_router_closes_unsigned_total"),
	}
}

// served counts a finished request of handler with its result code and latency.
func (m *metrics) served(handler, code string, took time.Duration) {
	m.requests.With(handlerCode{handler, code}).Inc()
	m.latency.With(handler).Update(took.Seconds())
}
