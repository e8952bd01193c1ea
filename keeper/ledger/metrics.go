package ledger

import (
	"errors"

	"github.com/prometheus/client_golang/prometheus"
)

type metrics struct {
	rejected  *prometheus.CounterVec
	sessions  prometheus.Counter
	epochs    *prometheus.CounterVec
	lastEpoch prometheus.Gauge
	lag       prometheus.Gauge
	scale     prometheus.Gauge
}

func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "keeper_rejected_records_total",
			Help: "Settlement records refused, by reason."}, []string{"reason"}),
		sessions: prometheus.NewCounter(prometheus.CounterOpts{Name: "keeper_sessions_ingested_total",
			Help: "Verified sessions stored from the routers' feeds."}),
		epochs: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "keeper_epochs_total",
			Help: "Epochs entering each state."}, []string{"state"}),
		lastEpoch: prometheus.NewGauge(prometheus.GaugeOpts{Name: "keeper_last_claimable_epoch",
			Help: "Number of the newest claimable epoch."}),
		lag: prometheus.NewGauge(prometheus.GaugeOpts{Name: "keeper_settlement_lag_seconds",
			Help: "Age of the oldest session not yet in an epoch."}),
		scale: prometheus.NewGauge(prometheus.GaugeOpts{Name: "keeper_last_epoch_scale_factor",
			Help: "Pro-rata factor of the last assembled epoch (1 = paid in full)."}),
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{m.rejected, m.sessions, m.epochs, m.lastEpoch, m.lag, m.scale} {
			if err := reg.Register(c); err != nil {
				var are prometheus.AlreadyRegisteredError
				if !errors.As(err, &are) {
					return nil, err
				}
			}
		}
	}
	return m, nil
}
