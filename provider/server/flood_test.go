package server_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// Each party has its own loopback address (Linux routes 127.0.0.0/8 to lo), so the provider tells them
// apart by IP as it would hosts on the internet.
func clientFrom(ip string, conns int) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: conns}}
}

// floodRig is a provider with the given limits in front of the stand-in upstream, an
// authenticated session of an honest user, and a flooder sending requests with forged tickets.
type floodRig struct {
	ts     *httptest.Server
	honest *client
	hc     *http.Client
	forged string // an X-LT-Ticket header signed by a key that is no router
}

func newFloodRig(tb testing.TB, ipRate, userRate ratelimit.Rate) *floodRig {
	tb.Helper()
	p := newOffChainProvider(tb, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 64}, func(c *server.Config) {
		c.RateIP, c.RateUser = ratelimit.New(ipRate), ratelimit.New(userRate)
	})
	mallory, _ := crypto.GenerateKey()
	hc := clientFrom("127.0.0.2", 1)
	tb.Cleanup(hc.CloseIdleConnections)
	return &floodRig{ts: p.ts, honest: p.session(tb, "fast:v1", p.routerKey), hc: hc,
		forged: p.session(tb, "fast:v1", mallory).header}
}

const chatBody = `{"model":"fast:v1","messages":[{"role":"user","content":"hi"}]}`

// session sends n chat requests of the honest session, one every `every`, requires each to succeed and
// returns their latencies.
func (f *floodRig) session(tb testing.TB, n int, every time.Duration) []time.Duration {
	tb.Helper()
	t := time.NewTicker(every)
	defer t.Stop()
	lat := make([]time.Duration, 0, n)
	for range n {
		<-t.C
		req := f.honest.build("POST", "/v1/chat/completions", chatBody, 0)
		start := time.Now()
		resp, err := f.hc.Do(req)
		if err != nil {
			tb.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			tb.Fatalf("honest request: %d %s", resp.StatusCode, body)
		}
		lat = append(lat, time.Since(start))
	}
	return lat
}

// flood sends unauthenticated chat requests (a forged ticket, a garbage signature) from 127.0.0.3 with
// `workers` clients until ctx ends or max were sent; it counts the 429s and those without Retry-After.
func (f *floodRig) flood(ctx context.Context, workers int, max int64, sent, limited, bad *atomic.Int64) *sync.WaitGroup {
	c := clientFrom("127.0.0.3", workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil && sent.Add(1) <= max {
				req, _ := http.NewRequestWithContext(ctx, "POST", f.ts.URL+"/v1/chat/completions", strings.NewReader(chatBody))
				req.Header.Set(wire.HeaderTicket, f.forged)
				req.Header.Set(wire.HeaderRequest, "1."+strconv.FormatInt(time.Now().Unix(), 10))
				req.Header.Set(wire.HeaderSignature, "0x"+strings.Repeat("ab", 65))
				resp, err := c.Do(req)
				if err != nil {
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode == http.StatusTooManyRequests {
					limited.Add(1)
					if resp.Header.Get("Retry-After") == "" {
						bad.Add(1)
					}
				}
			}
		})
	}
	return &wg
}

// TestFloodProviderIsRateLimited (issue 18): while a client floods the provider with unauthenticated
// requests at full speed from loopback (at most 4,000, within a minute), an authenticated session's
// requests all succeed and the flooder gets 429s with Retry-After. Latency is measured by
// BenchmarkFloodSessionP99.
func TestFloodProviderIsRateLimited(t *testing.T) {
	// Limits below `provider serve`'s defaults, so that a flooder slowed down by the race detector on a
	// loaded machine still exceeds them; the session's 40 requests stay within its address's burst.
	f := newFloodRig(t, ratelimit.Rate{PerSecond: 10, Burst: 60}, ratelimit.Rate{PerSecond: 10, Burst: 60})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var sent, limited, bad atomic.Int64
	wg := f.flood(ctx, 4, 4000, &sent, &limited, &bad)
	f.session(t, 40, 20*time.Millisecond)
	for limited.Load() == 0 && sent.Load() < 4000 && ctx.Err() == nil {
		time.Sleep(10 * time.Millisecond) // waiting on the flooder's counters
	}
	cancel()
	wg.Wait()
	if limited.Load() == 0 {
		t.Fatalf("flooder not rate limited after %d requests", sent.Load())
	}
	if bad.Load() != 0 {
		t.Fatalf("%d 429s without Retry-After", bad.Load())
	}
}

func p99(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)*99+99)/100-1]
}

// BenchmarkFloodSessionP99 (issue 18, `make bench`): p99 latency of an authenticated session's requests
// (50 a second, 200 of them) alone, then under a full-speed unauthenticated flood from loopback (at most
// 50,000 requests); reports both and their ratio (target ≤ 3).
func BenchmarkFloodSessionP99(b *testing.B) {
	// provider serve's defaults.
	f := newFloodRig(b, ratelimit.Rate{PerSecond: 100, Burst: 200}, ratelimit.Rate{PerSecond: 50, Burst: 100})
	var quiet, loaded float64
	for range b.N {
		q := p99(f.session(b, 200, 20*time.Millisecond))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		var sent, limited, bad atomic.Int64
		wg := f.flood(ctx, 8, 50000, &sent, &limited, &bad)
		l := p99(f.session(b, 200, 20*time.Millisecond))
		cancel()
		wg.Wait()
		quiet, loaded = float64(q.Microseconds())/1000, float64(l.Microseconds())/1000
		b.Logf("session p99 %.2f ms alone, %.2f ms under flood (%.2fx); flooder %d/%d limited", quiet, loaded, loaded/quiet, limited.Load(), sent.Load())
	}
	b.ReportMetric(quiet, "p99-ms-alone")
	b.ReportMetric(loaded, "p99-ms-flood")
	b.ReportMetric(loaded/quiet, "p99-flood/alone")
}
