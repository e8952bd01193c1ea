// Package metricset holds the conventions of the one metrics library every service uses
// (VictoriaMetrics/metrics): series names with their labels, and the /metrics handler that writes a
// service's own metrics.Set in the Prometheus text format. Each service builds its own Set, so that two
// services in one test process share no series.
//
// The library was chosen over client_golang because it is small (no protobuf, no reflection-built
// registry): `provider serve` has a 20 MB resident-memory target and most of a Go binary is resident.
package metricset

import (
	"net/http"
	"strings"
	"sync"

	"github.com/VictoriaMetrics/metrics"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Name is the series name of family with the given labels (alternating names and values), in the form
// the library takes: family{name="value",…}. Values are escaped as the text format requires.
func Name(family string, labels ...string) string {
	if len(labels)%2 != 0 {
		panic("metricset.Name: labels must be name/value pairs")
	}
	if len(labels) == 0 {
		return family
	}
	var b strings.Builder
	b.WriteString(family)
	b.WriteByte('{')
	for i := 0; i < len(labels); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(labels[i])
		b.WriteString(`="`)
		escaper.WriteString(&b, labels[i+1])
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

var escaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

// Handler serves set at GET /metrics in the Prometheus text format, with # TYPE lines; with process
// it adds the Go runtime's and the process's own metrics (go_goroutines, process_resident_memory_bytes, …).
// Any other path or method gets the PROTOCOL §9 404 or 405: the handler is the whole of a listener that
// serves only metrics (the keeper guard's --listen), not only a route of a service's mux.
func Handler(set *metrics.Set, process bool) http.Handler {
	// TYPE lines let a scraper (and the tests' parser) tell counters, gauges and histograms apart. The
	// switch is the library's only global, and every service wants it on.
	metrics.ExposeMetadata(true)
	mux := http.NewServeMux()
	mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		set.WritePrometheus(w)
		if process {
			metrics.WriteProcessMetrics(w)
		}
	})
	return wire.Routes(mux, nil)
}

// Vec is a family of series keyed by K: a series is made by its constructor on first use and kept, so
// that a hot path finds it without building its name.
type Vec[K comparable, M any] struct {
	newSeries func(K) M
	series    sync.Map // K → M
}

// NewVec returns the family whose series for a key is newSeries(key), e.g. a GetOrCreate… call of a Set
// with the name Name gives.
func NewVec[K comparable, M any](newSeries func(K) M) *Vec[K, M] {
	return &Vec[K, M]{newSeries: newSeries}
}

// NewCounterVec returns the counter family in set whose series name for a key is name(key).
func NewCounterVec[K comparable](set *metrics.Set, name func(K) string) *Vec[K, *metrics.Counter] {
	return NewVec(func(k K) *metrics.Counter { return set.GetOrCreateCounter(name(k)) })
}

// With returns the series of k.
func (v *Vec[K, M]) With(k K) M {
	if m, ok := v.series.Load(k); ok {
		return m.(M)
	}
	m := v.newSeries(k)
	v.series.Store(k, m)
	return m
}
