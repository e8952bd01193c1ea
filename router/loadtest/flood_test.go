package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Each party of the flood tests has its own loopback address (Linux routes all of 127.0.0.0/8 to lo), so
// that the router tells them apart by IP as it would tell apart hosts on the internet.
const (
	honestIP   = "127.0.0.2"
	badSigIP   = "127.0.0.3"
	replayerIP = "127.0.0.4"
)

// clientFrom is an HTTP client whose connections leave from the local address ip.
func clientFrom(ip string, conns int) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	tr := transport(conns)
	tr.DialContext = d.DialContext
	return &http.Client{Transport: tr, Timeout: 30 * time.Second}
}

// floodStats counts a flooder's answers.
type floodStats struct {
	sent, limited, other atomic.Int64
	badLimited           atomic.Int64 // 429s without Retry-After or the §9 rate_limited envelope
}

// flood posts bodies to POST /v1/rfc from ip with `workers` concurrent clients, as fast as the router
// answers, until ctx ends or max requests were sent.
func (r *rig) flood(ctx context.Context, ip string, workers int, max int64, body func(i int64) []byte, st *floodStats) *sync.WaitGroup {
	c := clientFrom(ip, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := st.sent.Add(1)
				if i > max {
					return
				}
				req, _ := http.NewRequestWithContext(ctx, http.MethodPost, r.url+"/v1/rfc", bytes.NewReader(body(i)))
				resp, err := c.Do(req)
				if err != nil {
					continue // ctx ended
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusTooManyRequests {
					st.other.Add(1)
					continue
				}
				st.limited.Add(1)
				var env struct{ Error wire.Error }
				if json.Unmarshal(b, &env) != nil || env.Error.Code != wire.CodeRateLimited || resp.Header.Get("Retry-After") == "" {
					st.badLimited.Add(1)
				}
			}
		})
	}
	return &wg
}

// defaultLimits are router/cmd/router's flag defaults.
var defaultLimits = limits{
	ip:   ratelimit.New(ratelimit.Rate{PerSecond: 50, Burst: 100}),
	user: ratelimit.New(ratelimit.Rate{PerSecond: 10, Burst: 20}),
}

// floodRig is a rig with the limits lim and the two flooders' RFCs: RFCs signed for another chain
// (invalid signatures) and one valid RFC, already used, to replay.
func floodRig(tb testing.TB, lim limits) (r *rig, badSig [][]byte, replay []byte) {
	tb.Helper()
	r = newRigWith(tb, "none", 64, lim)
	bad := r.jobs(256, func(int) string { return wire.CodeBadSignature })
	for _, j := range bad {
		badSig = append(badSig, j.body)
	}
	used := r.jobs(1, allValid)
	res := r.post(context.Background(), 0, used[0].body)
	if _, code, err := r.check(&used[0], res); err != nil || code != "" {
		tb.Fatalf("the RFC to replay was not accepted: %v %s", err, code)
	}
	return r, badSig, used[0].body
}

// honest posts jobs one after another from the honest client's address, every `every` (0: back to back),
// checks that each gets a valid ticket and returns the latencies.
func (r *rig) honest(tb testing.TB, jobs []job, every time.Duration) []time.Duration {
	tb.Helper()
	c := clientFrom(honestIP, 1)
	defer c.CloseIdleConnections()
	saved := r.client
	r.client = c
	defer func() { r.client = saved }()
	var tick <-chan time.Time
	if every > 0 {
		t := time.NewTicker(every)
		defer t.Stop()
		tick = t.C
	}
	lat := make([]time.Duration, 0, len(jobs))
	for i := range jobs {
		if tick != nil {
			<-tick
		}
		res := r.post(context.Background(), i, jobs[i].body)
		if _, code, err := r.check(&jobs[i], res); err != nil || code != "" {
			tb.Fatalf("honest RFC %d: %v %s", i, err, code)
		}
		lat = append(lat, res.latency)
	}
	return lat
}

// TestFloodIsRateLimited (issue 18): while one client floods POST /v1/rfc with invalid signatures and
// another replays a used RFC, both from loopback at full speed, an honest user's RFCs all get tickets
// and both flooders get 429s with Retry-After and the §9 envelope. Bounded: at most 4,000 requests a
// flooder, within a minute. The limits are lower than the defaults so that flooders slowed down by the
// race detector on a loaded machine still exceed them. Latency under the flood is measured by
// BenchmarkFloodHonestP99, with the defaults.
func TestFloodIsRateLimited(t *testing.T) {
	r, badSig, replay := floodRig(t, limits{
		ip:   ratelimit.New(ratelimit.Rate{PerSecond: 5, Burst: 30}),
		user: ratelimit.New(ratelimit.Rate{PerSecond: 1, Burst: 2}),
	})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var bad, rep floodStats
	wb := r.flood(ctx, badSigIP, 4, 4000, func(i int64) []byte { return badSig[i%int64(len(badSig))] }, &bad)
	wr := r.flood(ctx, replayerIP, 4, 4000, func(int64) []byte { return replay }, &rep)
	// The honest user stays within its limits: 20 RFCs of 20 users, within its address's burst.
	r.honest(t, r.jobs(20, allValid), 0)
	for (bad.limited.Load() == 0 || rep.limited.Load() == 0) && ctx.Err() == nil && (bad.sent.Load() < 4000 || rep.sent.Load() < 4000) {
		time.Sleep(10 * time.Millisecond) // waiting on the flooders' counters
	}
	cancel()
	wb.Wait()
	wr.Wait()
	if bad.limited.Load() == 0 || rep.limited.Load() == 0 {
		t.Fatalf("flooders were not rate limited: invalid signatures %d sent %d limited, replays %d sent %d limited",
			bad.sent.Load(), bad.limited.Load(), rep.sent.Load(), rep.limited.Load())
	}
	if bad.badLimited.Load()+rep.badLimited.Load() != 0 {
		t.Fatalf("%d 429 answers without Retry-After or the rate_limited envelope", bad.badLimited.Load()+rep.badLimited.Load())
	}
	t.Logf("invalid-signature flooder: %d sent, %d limited; replayer: %d sent, %d limited", bad.sent.Load(), bad.limited.Load(), rep.sent.Load(), rep.limited.Load())
}

func p99(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[(len(s)*99+99)/100-1]
}

// BenchmarkFloodHonestP99 (issue 18, `make bench`): the p99 latency of an honest user's RFCs (20 a second,
// 100 of them) alone, then while the two flooders of TestFloodIsRateLimited run at full speed from
// loopback (bounded to 20,000 requests each); reports both and their ratio (target ≤ 3).
func BenchmarkFloodHonestP99(b *testing.B) {
	r, badSig, replay := floodRig(b, defaultLimits)
	b.ResetTimer()
	var ratio, quiet, loaded float64
	for range b.N {
		q := p99(r.honest(b, r.jobs(100, allValid), 50*time.Millisecond))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		var bad, rep floodStats
		wb := r.flood(ctx, badSigIP, 8, 20000, func(i int64) []byte { return badSig[i%int64(len(badSig))] }, &bad)
		wr := r.flood(ctx, replayerIP, 8, 20000, func(int64) []byte { return replay }, &rep)
		l := p99(r.honest(b, r.jobs(100, allValid), 50*time.Millisecond))
		cancel()
		wb.Wait()
		wr.Wait()
		quiet, loaded = float64(q.Microseconds())/1000, float64(l.Microseconds())/1000
		ratio = loaded / quiet
		b.Logf("honest p99 %.2f ms alone, %.2f ms under flood (%.2fx); flooders: %d/%d and %d/%d limited",
			quiet, loaded, ratio, bad.limited.Load(), bad.sent.Load(), rep.limited.Load(), rep.sent.Load())
	}
	b.ReportMetric(quiet, "p99-ms-alone")
	b.ReportMetric(loaded, "p99-ms-flood")
	b.ReportMetric(ratio, "p99-flood/alone")
}
