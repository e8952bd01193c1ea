package server_test

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/provider/server"
)

// BenchmarkProxyOverhead streams the same 500-chunk completion from the stand-in upstream directly and
// through the proxy, alternately in one run, and reports the time to first token of each (p50, p99), what
// the proxy adds, and the proxy's streaming throughput as a ratio of direct. The request signature is
// made before the clock starts (it is the client's cost); its verification is the proxy's and is timed.
func BenchmarkProxyOverhead(b *testing.B) {
	up := newUpstream(b)
	routerKey, _ := crypto.GenerateKey()
	ownerKey, _ := crypto.GenerateKey()
	signerKey, _ := crypto.GenerateKey()
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	d := eip712.NewDomain(31337, crypto.PubkeyToAddress(routerKey.PublicKey))
	s, err := server.New(server.Config{Domain: d, Provider: owner, SignerKey: signerKey,
		Routers:     staticRouters{crypto.PubkeyToAddress(routerKey.PublicKey): true},
		UpstreamURL: up.URL + "/v1", Models: []server.Model{{Name: "bench:v1", Upstream: "bench", MaxConcurrency: 64}},
		Logger: zap.NewNop()})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	user, _ := crypto.GenerateKey()
	c := newClient(b, d, ts.URL, user, newTicket(owner, crypto.PubkeyToAddress(user.PublicKey), "bench:v1", 1<<30, time.Now().Add(time.Hour)), routerKey)
	body := `{"model":"bench:v1","stream":true,"messages":[{"role":"user","content":"hi"}]}`
	direct := func() *http.Request {
		r, _ := http.NewRequest("POST", up.URL+"/v1/chat/completions", bytes.NewReader([]byte(`{"model":"bench","stream":true,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}`)))
		return r
	}
	measure := func(req *http.Request) (ttft, total time.Duration, n int64) {
		start := time.Now()
		resp, err := http.DefaultClient.Do(req)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("stream: %v %v", err, resp)
		}
		br := bufio.NewReader(resp.Body)
		for {
			line, err := br.ReadSlice('\n')
			n += int64(len(line))
			if ttft == 0 && bytes.Contains(line, []byte(`"content":"tok`)) {
				ttft = time.Since(start)
			}
			if err != nil {
				break
			}
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return ttft, time.Since(start), n
	}
	var dT, pT []time.Duration
	var dDur, pDur time.Duration
	var dBytes, pBytes int64
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		preq := c.build("POST", "/v1/chat/completions", body, 0)
		dreq := direct()
		b.StartTimer()
		t1, d1, n1 := measure(dreq)
		t2, d2, n2 := measure(preq)
		dT, pT = append(dT, t1), append(pT, t2)
		dDur, pDur, dBytes, pBytes = dDur+d1, pDur+d2, dBytes+n1, pBytes+n2
	}
	b.StopTimer()
	pct := func(v []time.Duration, p float64) float64 {
		slices.Sort(v)
		return float64(v[min(len(v)-1, int(float64(len(v))*p))].Microseconds())
	}
	b.ReportMetric(pct(dT, 0.5), "direct-ttft-p50-µs")
	b.ReportMetric(pct(pT, 0.5), "proxy-ttft-p50-µs")
	b.ReportMetric(pct(dT, 0.99), "direct-ttft-p99-µs")
	b.ReportMetric(pct(pT, 0.99), "proxy-ttft-p99-µs")
	b.ReportMetric(pct(pT, 0.99)-pct(dT, 0.99), "added-ttft-p99-µs")
	dRate := float64(dBytes) / dDur.Seconds()
	pRate := float64(pBytes) / pDur.Seconds()
	b.ReportMetric(pRate/dRate, "throughput-ratio")
	b.ReportMetric(pRate/1e6, "proxy-MB/s")
}
