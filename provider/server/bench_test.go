package server_test

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"runtime/metrics"
	"slices"
	"testing"
	"time"

	"github.com/laketravis/laketravis/provider/server"
)

// BenchmarkProxyOverhead streams the same 500-chunk completion from the stand-in upstream directly and
// through the proxy, alternately in one run (the order flips every iteration), over warm keep-alive
// connections on every leg, and reports:
//
//   - the time to first token of each (p50, p99) and what the proxy adds (added-ttft-p50/p99-µs; issue 5
//     target: p99 ≤ 1 ms);
//   - stream-throughput-ratio: the proxy's streaming rate (bytes after the first token over the time from
//     the first token to the end) as a fraction of direct (target ≥ 0.95);
//   - e2e-throughput-ratio: whole-request bytes per second, request start to end, proxy over direct
//     (counts the added time to first token a second time);
//   - added-allocs/op and added-B/op: heap allocations of a proxied request minus those of a direct one,
//     i.e. the proxy's own (its server and upstream-client sides), from runtime/metrics. The framework's
//     allocs/op covers everything in the process: client, upstream and proxy, both requests.
//
// The request signature is made before the clock starts (it is the client's cost); its verification is
// the proxy's and is timed.
func BenchmarkProxyOverhead(b *testing.B) {
	p := newOffChainProvider(b, server.Model{Name: "bench:v1", Upstream: "bench", MaxConcurrency: 64}, nil)
	up := p.up
	// One client for both paths, kept alive, no compression.
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	defer hc.CloseIdleConnections()
	c := p.session(b, "bench:v1", p.routerKey)
	body := `{"model":"bench:v1","stream":true,"messages":[{"role":"user","content":"hi"}]}`
	directBody := []byte(`{"model":"bench","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}`)
	direct := func() *http.Request {
		r, _ := http.NewRequest("POST", up.URL+"/v1/chat/completions", bytes.NewReader(directBody))
		return r
	}
	first := []byte(`"content":"tok`)
	br := bufio.NewReaderSize(nil, 4096)
	type result struct {
		ttft, total   time.Duration
		n, afterFirst int64
	}
	measure := func(req *http.Request) (r result) {
		start := time.Now()
		resp, err := hc.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("stream: %v %v", err, resp)
		}
		br.Reset(resp.Body)
		for {
			line, err := br.ReadSlice('\n')
			r.n += int64(len(line))
			if r.ttft == 0 && bytes.Contains(line, first) {
				r.ttft = time.Since(start)
				r.afterFirst = -int64(len(line))
			}
			if err != nil {
				break
			}
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		r.total = time.Since(start)
		r.afterFirst += r.n
		if r.ttft == 0 {
			b.Fatal("no token in the stream")
		}
		return r
	}
	allocs := []metrics.Sample{{Name: "/gc/heap/allocs:objects"}, {Name: "/gc/heap/allocs:bytes"}}
	heap := func() (objects, bytes uint64) {
		metrics.Read(allocs)
		return allocs[0].Value.Uint64(), allocs[1].Value.Uint64()
	}
	for range 50 { // warm every connection and pool before the clock starts
		measure(direct())
		measure(c.build("POST", "/v1/chat/completions", body, 0))
	}

	var dT, pT []time.Duration
	var dDur, pDur, dStream, pStream time.Duration
	var dBytes, pBytes, dAfter, pAfter int64
	var dObj, pObj, dB, pB uint64
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		b.StopTimer()
		preq := c.build("POST", "/v1/chat/completions", body, 0)
		dreq := direct()
		var dr, pr result
		run := func(req *http.Request, r *result, objs, bs *uint64) {
			o0, b0 := heap()
			b.StartTimer()
			*r = measure(req)
			b.StopTimer()
			o1, b1 := heap()
			*objs, *bs = *objs+o1-o0, *bs+b1-b0
		}
		if i%2 == 0 {
			run(dreq, &dr, &dObj, &dB)
			run(preq, &pr, &pObj, &pB)
		} else {
			run(preq, &pr, &pObj, &pB)
			run(dreq, &dr, &dObj, &dB)
		}
		dT, pT = append(dT, dr.ttft), append(pT, pr.ttft)
		dDur, pDur, dBytes, pBytes = dDur+dr.total, pDur+pr.total, dBytes+dr.n, pBytes+pr.n
		dStream, pStream = dStream+dr.total-dr.ttft, pStream+pr.total-pr.ttft
		dAfter, pAfter = dAfter+dr.afterFirst, pAfter+pr.afterFirst
		b.StartTimer()
	}
	b.StopTimer()
	slices.Sort(dT)
	slices.Sort(pT)
	pct := func(v []time.Duration, p float64) float64 {
		return float64(v[min(len(v)-1, int(float64(len(v))*p))].Nanoseconds()) / 1e3
	}
	b.ReportMetric(pct(dT, 0.5), "direct-ttft-p50-µs")
	b.ReportMetric(pct(pT, 0.5), "proxy-ttft-p50-µs")
	b.ReportMetric(pct(dT, 0.99), "direct-ttft-p99-µs")
	b.ReportMetric(pct(pT, 0.99), "proxy-ttft-p99-µs")
	b.ReportMetric(pct(pT, 0.5)-pct(dT, 0.5), "added-ttft-p50-µs")
	b.ReportMetric(pct(pT, 0.99)-pct(dT, 0.99), "added-ttft-p99-µs")
	rate := func(n int64, d time.Duration) float64 { return float64(n) / d.Seconds() }
	b.ReportMetric(rate(pAfter, pStream)/rate(dAfter, dStream), "stream-throughput-ratio")
	b.ReportMetric(rate(pBytes, pDur)/rate(dBytes, dDur), "e2e-throughput-ratio")
	b.ReportMetric(rate(pAfter, pStream)/1e6, "proxy-stream-MB/s")
	n := float64(b.N)
	b.ReportMetric((float64(pObj)-float64(dObj))/n, "added-allocs/op")
	b.ReportMetric((float64(pB)-float64(dB))/n, "added-B/op")
}
