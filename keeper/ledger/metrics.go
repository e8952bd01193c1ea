package ledger

import (
	vm "github.com/VictoriaMetrics/metrics"

	"github.com/laketravis/laketravis/internal/metricset"
)

// metrics are the ledger's series in the keeper's metrics.Set (internal/metricset):
//
//	keeper_rejected_records_total{reason}  settlement records refused, by reason
//	keeper_rejected_unlisted_total{reason} of those, the ones not stored: their feed's quota of rows in the
//	                                       next batch file was used (maxFeedRejected)
//	keeper_sessions_ingested_total         verified sessions stored from the routers' feeds
//	keeper_epochs_total{state}             epochs entering each state
//	keeper_last_claimable_epoch            number of the newest claimable epoch
//	keeper_settlement_lag_seconds          age of the oldest session not yet in an epoch
//	keeper_last_epoch_scale_factor         pro-rata factor of the last assembled epoch (1 = paid in full)
type metrics struct {
	rejected  counterVec
	unlisted  counterVec
	sessions  counter
	epochs    counterVec
	lastEpoch *vm.Gauge
	lag       *vm.Gauge
	scale     *vm.Gauge
}

// counter and counterVec give the ledger's call sites the shape they have (WithLabelValues, Add of a
// float64 count).
type counter struct{ c *vm.Counter }

func (c counter) Inc()          { c.c.Inc() }
func (c counter) Add(n float64) { c.c.AddInt64(int64(n)) }

type counterVec struct {
	v *metricset.Vec[string, *vm.Counter]
}

func (v counterVec) WithLabelValues(value string) counter { return counter{v.v.With(value)} }

// newMetrics registers the ledger's series in set (nil: a set of its own, not served).
func newMetrics(set *vm.Set) *metrics {
	if set == nil {
		set = vm.NewSet()
	}
	vec := func(family, label string) counterVec {
		return counterVec{metricset.NewCounterVec(set, func(v string) string { return metricset.Name(family, label, v) })}
	}
	return &metrics{
		rejected:  vec("keeper_rejected_records_total", "reason"),
		unlisted:  vec("keeper_rejected_unlisted_total", "reason"),
		sessions:  counter{set.NewCounter("keeper_sessions_ingested_total")},
		epochs:    vec("keeper_epochs_total", "state"),
		lastEpoch: set.NewGauge("keeper_last_claimable_epoch", nil),
		lag:       set.NewGauge("keeper_settlement_lag_seconds", nil),
		scale:     set.NewGauge("keeper_last_epoch_scale_factor", nil),
	}
}
