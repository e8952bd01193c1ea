// Package promtest reads a Prometheus text exposition (a service's /metrics) in tests with the Prometheus
// parser itself (prometheus/common expfmt), so that a test checks what a scraper would read — names,
// types, label values, escaping, histogram buckets — rather than matching strings.
package promtest

import (
	"io"
	"net/http"
	"testing"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// Families is a parsed exposition, by metric family name.
type Families map[string]*dto.MetricFamily

// Parse parses the text exposition in r; a malformed one fails the test.
func Parse(tb testing.TB, r io.Reader) Families {
	tb.Helper()
	p := expfmt.NewTextParser(model.LegacyValidation)
	fams, err := p.TextToMetricFamilies(r)
	if err != nil {
		tb.Fatalf("metrics exposition does not parse: %v", err)
	}
	return fams
}

// Scrape GETs url and parses the answer.
func Scrape(tb testing.TB, url string) Families {
	tb.Helper()
	resp, err := http.Get(url)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		tb.Fatalf("GET %s: status %d", url, resp.StatusCode)
	}
	return Parse(tb, resp.Body)
}

// Metric returns the series of family name whose labels are exactly labels (alternating names and
// values), failing the test if the family or the series is missing or the family has another type.
func (f Families) Metric(tb testing.TB, name string, typ dto.MetricType, labels ...string) *dto.Metric {
	tb.Helper()
	fam := f[name]
	if fam == nil {
		tb.Fatalf("no metric family %s", name)
	}
	if fam.GetType() != typ {
		tb.Fatalf("%s is a %s, want %s", name, fam.GetType(), typ)
	}
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
next:
	for _, m := range fam.GetMetric() {
		if len(m.GetLabel()) != len(want) {
			continue
		}
		for _, l := range m.GetLabel() {
			if v, ok := want[l.GetName()]; !ok || v != l.GetValue() {
				continue next
			}
		}
		return m
	}
	tb.Fatalf("%s has no series %v", name, want)
	return nil
}

// Counter is the value of a counter series (see Metric).
func (f Families) Counter(tb testing.TB, name string, labels ...string) float64 {
	tb.Helper()
	return f.Metric(tb, name, dto.MetricType_COUNTER, labels...).GetCounter().GetValue()
}

// Gauge is the value of a gauge series (see Metric).
func (f Families) Gauge(tb testing.TB, name string, labels ...string) float64 {
	tb.Helper()
	return f.Metric(tb, name, dto.MetricType_GAUGE, labels...).GetGauge().GetValue()
}

// Histogram is a histogram series (see Metric).
func (f Families) Histogram(tb testing.TB, name string, labels ...string) *dto.Histogram {
	tb.Helper()
	return f.Metric(tb, name, dto.MetricType_HISTOGRAM, labels...).GetHistogram()
}
