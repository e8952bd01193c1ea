package server

import (
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/provider/session"
)

type metrics struct {
	requests      *prometheus.CounterVec
	upstreamError *prometheus.CounterVec
	ttft          *prometheus.HistogramVec
	tokens        *prometheus.CounterVec
	closes        *prometheus.CounterVec
	inFlight      prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer, sessions *session.Table) (*metrics, error) {
	m := &metrics{
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lt_provider_requests_total",
			Help: "Requests by route and HTTP status."}, []string{"route", "status"}),
		upstreamError: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lt_provider_upstream_errors_total",
			Help: "Upstream error answers by HTTP status (0: unreachable)."}, []string{"status"}),
		ttft: prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "lt_provider_ttft_seconds",
			Help: "Time to first token, per model.", Buckets: prometheus.ExponentialBuckets(0.01, 2, 12)}, []string{"model"}),
		tokens: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lt_provider_tokens_total",
			Help: "Tokens metered, per model and direction (input, output)."}, []string{"model", "direction"}),
		closes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "lt_provider_session_closes_total",
			Help: "Session closes by kind (receipt, idle, shutdown) and router report outcome."}, []string{"kind", "reported"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "lt_provider_requests_in_flight",
			Help: "Inference requests in flight."}),
	}
	open := prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "lt_provider_sessions_open",
		Help: "Open sessions."}, func() float64 { return float64(sessions.Open()) })
	for _, c := range []prometheus.Collector{m.requests, m.upstreamError, m.ttft, m.tokens, m.closes, m.inFlight, open} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	return m, nil
}

func errField(err error) zap.Field { return zap.Error(err) }
