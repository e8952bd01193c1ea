package loadtest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/pprof/profile"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/match"
)

// ecrecoverNs times one bare crypto.Ecrecover (the unit of the x_ecrecover ratios) over n calls.
func ecrecoverNs(tb testing.TB, n int) float64 {
	tb.Helper()
	k, _ := crypto.GenerateKey()
	digest := crypto.Keccak256([]byte("lake travis"))
	sig, err := crypto.Sign(digest, k)
	if err != nil {
		tb.Fatal(err)
	}
	start := time.Now()
	for range n {
		if _, err := crypto.Ecrecover(digest, sig); err != nil {
			tb.Fatal(err)
		}
	}
	return float64(time.Since(start).Nanoseconds()) / float64(n)
}

// cryptoLimit is the crypto limit of the machine in RFC/s, measured for d with one goroutine per core:
// per RFC one ecrecover of the user's signature and one ticket signature (the router), plus the liveness
// pair (the provider signs, the router recovers). The RFC/s of the benchmark is reported as a fraction of
// it, measured in the same run, so that a loaded shared machine slows both alike. It also returns the
// process CPU time that crypto takes per RFC (cpuPerRFC).
func cryptoLimit(tb testing.TB, d time.Duration) (rate float64, cpuPerRFC time.Duration) {
	tb.Helper()
	k, _ := crypto.GenerateKey()
	digest := crypto.Keccak256([]byte("lake travis"))
	sig, err := crypto.Sign(digest, k)
	if err != nil {
		tb.Fatal(err)
	}
	var done atomic.Int64
	var wg sync.WaitGroup
	cpu0 := cpuTime()
	start := time.Now()
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for time.Since(start) < d {
				for range 2 {
					if _, err := crypto.Ecrecover(digest, sig); err != nil {
						panic(err)
					}
					if _, err := crypto.Sign(digest, k); err != nil {
						panic(err)
					}
				}
				done.Add(1)
			}
		})
	}
	wg.Wait()
	n := max(done.Load(), 1)
	return float64(n) / time.Since(start).Seconds(), (cpuTime() - cpu0) / time.Duration(n)
}

// cpuTime is the process's user + system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkRFCThroughput is POST /v1/rfc over loopback against the 10,000-provider, 100,000-bid book:
// b.N signed RFCs (signed before the timer starts) fired by 16 concurrent clients.
//
//   - liveness=http: every RFC's chosen provider is probed over HTTP at a local stand-in, which signs a
//     Liveness the router verifies — the full §7 path.
//   - liveness=none: the probe answers in-process at once; the router's own cost (decode, verify, match,
//     ticket signature, store transaction, HTTP) without the liveness round trip.
//
// Metrics: rfc/s; client latency p50/p99; p99 of the handler's time minus its time in liveness probes
// (the "p99 excluding the liveness round trip"); the process's CPU time per RFC (router, clients
// and stand-ins share it) and that as a multiple of one bare ecrecover measured in the same run;
// probes/rfc, the liveness round trips per RFC (liveness=http), counted where the stand-in answers them:
// below 1 when RFCs shared a probe sent after they arrived (liveness.Coalescer), while the crypto limit
// below still counts one liveness pair per RFC; and x_crypto_limit, rfc/s as a fraction
// of the crypto limit measured in the same run (cryptoLimit: what the machine's cores could do if they
// only verified and signed; issue 13 asks for ≥ 5,000 rfc/s with liveness=http, p99-excl-liveness ≤
// 5 ms); and x_crypto_cpu, the crypto's CPU time per RFC over the
// process's CPU time per RFC: the x_crypto_limit a CPU-bound run reaches on cores it has to itself,
// which a loaded shared machine changes far less than it changes either rate.
func BenchmarkRFCThroughput(b *testing.B) {
	const workers = 16
	for _, mode := range []string{"http", "none"} {
		r := newRig(b, mode, workers)
		b.Run("liveness="+mode, func(b *testing.B) {
			jobs := r.jobs(b.N, allValid)
			order := make([]int, b.N)
			for i := range order {
				order[i] = i
			}
			// The crypto limit is measured just before and just after the run and averaged: on a shared
			// machine the load drifts during a run.
			limitBefore, cryptoCPU := cryptoLimit(b, time.Second)
			r.times.reset()
			probes0 := r.probes.Load()
			runtime.GC()
			w0 := r.db.WriterStats()
			cpu0 := cpuTime()
			b.ResetTimer()
			var (
				results []result
				elapsed time.Duration
			)
			parts := partCPU(b, func() { results, elapsed = r.fire(context.Background(), jobs, order, workers) })
			b.StopTimer()
			cpu := cpuTime() - cpu0
			w1 := r.db.WriterStats()

			lat := make([]time.Duration, 0, len(results))
			for _, res := range results {
				if _, code, err := r.check(&jobs[res.job], res); err != nil || code != "" {
					b.Fatalf("job %d: %v %s: %s", res.job, err, code, res.body)
				}
				lat = append(lat, res.latency)
			}
			ecr := ecrecoverNs(b, 200)
			limit := (limitBefore + cryptoLimitRate(b)) / 2
			cpuPerRFC := float64(cpu.Nanoseconds()) / float64(b.N)
			rate := float64(b.N) / elapsed.Seconds()
			b.ReportMetric(rate, "rfc/s")
			b.ReportMetric(limit, "crypto-limit-rfc/s")
			b.ReportMetric(rate/limit, "x_crypto_limit")
			// CPU time against CPU time: what x_crypto_limit reaches when the cores run nothing else,
			// whatever else a shared machine runs meanwhile (the wall-clock ratio above swings with it).
			b.ReportMetric(float64(cryptoCPU.Nanoseconds())/cpuPerRFC, "x_crypto_cpu")
			b.ReportMetric(ms(percentile(lat, 0.5)), "p50-ms")
			b.ReportMetric(ms(percentile(lat, 0.99)), "p99-ms")
			b.ReportMetric(ms(percentile(r.times.exclProbe(), 0.99)), "p99-excl-liveness-ms")
			b.ReportMetric(cpuPerRFC/1e3, "cpu-µs/rfc")
			b.ReportMetric(cpuPerRFC/ecr, "cpu-x_ecrecover")
			// SQLite's group-commit writer, the intake's one serial stage: the share of the run it was busy,
			// and the sessions sharing each of its commits.
			b.ReportMetric(float64(w1.Busy-w0.Busy)/float64(elapsed), "writer-busy")
			b.ReportMetric(float64(w1.Requests-w0.Requests)/float64(max(w1.Groups-w0.Groups, 1)), "sessions/group")
			if parts != nil {
				// The router's own CPU per RFC (its server and handler, liveness prober, SQLite writer), and
				// what it allows on the machine's cores were they the router's alone: the load generator and
				// the stand-in providers share them here, and in production run elsewhere.
				router := parts["router"] + parts["router-liveness"] + parts["router-sqlite-writer"]
				perRFC := float64(router.Nanoseconds()) / float64(b.N)
				b.ReportMetric(perRFC/1e3, "router-cpu-µs/rfc")
				b.ReportMetric(float64(runtime.GOMAXPROCS(0))*1e9/perRFC, "router-cores-rfc/s")
				b.ReportMetric(float64((parts["provider"]+parts["client"]).Nanoseconds())/float64(b.N)/1e3, "harness-cpu-µs/rfc")
				b.ReportMetric(float64(parts[""].Nanoseconds())/float64(b.N)/1e3, "unlabelled-cpu-µs/rfc")
			}
			if mode == "http" {
				// Below 1 when RFCs shared a probe sent after they arrived (liveness.Coalescer).
				b.ReportMetric(float64(r.probes.Load()-probes0)/float64(b.N), "probes/rfc")
			}
		})
	}
}

// partCPU runs f under a CPU profile and returns its CPU time per part label (rig_test.go's part and
// timedProber: router, router-liveness, router-sqlite-writer, provider, client; "" for the unlabelled,
// mostly the garbage collector's workers), or nil when a profile runs already (-test.cpuprofile: split
// that one with go tool pprof -tags).
func partCPU(tb testing.TB, f func()) map[string]time.Duration {
	var buf bytes.Buffer
	if err := pprof.StartCPUProfile(&buf); err != nil {
		f()
		return nil
	}
	f()
	pprof.StopCPUProfile()
	p, err := profile.Parse(&buf)
	if err != nil {
		tb.Fatal(err)
	}
	cpu := slices.IndexFunc(p.SampleType, func(t *profile.ValueType) bool { return t.Type == "cpu" })
	if cpu < 0 {
		tb.Fatalf("CPU profile without a cpu sample type: %v", p.SampleType)
	}
	parts := map[string]time.Duration{}
	for _, s := range p.Sample {
		var name string
		if v := s.Label["part"]; len(v) > 0 {
			name = v[0]
		}
		parts[name] += time.Duration(s.Value[cpu])
	}
	return parts
}

// cryptoLimitRate is cryptoLimit's rate over one second.
func cryptoLimitRate(tb testing.TB) float64 {
	rate, _ := cryptoLimit(tb, time.Second)
	return rate
}

// BenchmarkBookMemory is the memory the router's book holds for 10,000 providers and 100,000 bids: the
// folded book.State plus the immutable Snapshot handlers share (live heap after a GC, and the part
// the snapshot alone keeps), and the benchmark process's resident set (VmRSS) while holding both.
func BenchmarkBookMemory(b *testing.B) {
	models := modelIDs()
	signer := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	endpoint := func(i int) string { return "https://provider-" + strconv.Itoa(100000 + i)[1:] + ".example.net:8443" }
	// The book lives behind a pointer: b.Loop keeps the loop's own variables alive to the end of the
	// function, which would hide the state's memory from the measurement below.
	var (
		held struct {
			st   *book.State
			snap *book.Snapshot
		}
		ms0 runtime.MemStats
	)
	runtime.GC()
	runtime.ReadMemStats(&ms0)
	for b.Loop() {
		held.st, held.snap = nil, nil
		held.st = newState(b, models, signer, endpoint)
		held.snap = held.st.Snapshot(1)
	}
	b.StopTimer()
	bids := 0
	for _, offers := range held.snap.Offers {
		bids += len(offers)
	}
	if bids != numProviders*numModels {
		b.Fatalf("%d bids", bids)
	}
	var ms1, ms2 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms1)
	rss := vmRSS()
	held.st = nil
	runtime.GC()
	runtime.ReadMemStats(&ms2)
	runtime.KeepAlive(held.snap)
	// HeapAlloc counts live objects; HeapInuse would also count the spans the freed state leaves
	// partly filled.
	total := float64(int64(ms1.HeapAlloc) - int64(ms0.HeapAlloc))
	b.ReportMetric(total/(1<<20), "heap-MB")
	b.ReportMetric(float64(int64(ms2.HeapAlloc)-int64(ms0.HeapAlloc))/(1<<20), "snapshot-MB")
	b.ReportMetric(total/float64(bids), "heap-B/bid")
	b.ReportMetric(float64(rss)/(1<<20), "rss-MB")
}

// vmRSS reads the process's resident set size from /proc/self/status (0 where there is none).
func vmRSS() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// BenchmarkVerifyMatchVsEcrecover is the issue's "cost of verifying + matching one RFC with 10,000
// providers and 100,000 bids, as a ratio to one bare crypto.Ecrecover measured in the same run" (target
// ≤ 1.5). It alternates, in every iteration, one bare Ecrecover and one api.VerifyRFC (strict decode,
// EIP-712 digest, recovery, signer check) plus match.Match over the model's 10,000 offers, timing each
// separately: on a shared machine both then see the same load, which two sequential sub-benchmarks do
// not. Reports x_ecrecover, the ratio of the medians, and the parts' median times.
func BenchmarkVerifyMatchVsEcrecover(b *testing.B) {
	models := modelIDs()
	st := newState(b, models, common.Address{1}, func(i int) string { return "http://127.0.0.1:1/p/" + strconv.Itoa(i) })
	offers := st.Snapshot(1).Offers[models[0]]
	d := eip712.NewDomain(31337, marketAddr)
	k, _ := crypto.GenerateKey()
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(k.PublicKey), ModelID: models[0], MaxPricePerSecond: *uint256.NewInt(5e9),
		MaxSeconds: 60, MinTPS: 10, MaxTTFTMs: 900, Nonce: 7, Deadline: uint64(time.Now().Unix() + 60)}
	sig, err := d.Sign(&rfc, k)
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(eip712.SignedRFC{RFC: rfc, Signature: sig})
	digest := d.Digest(&rfc)
	raw := sig
	raw[64] -= 27
	hl := health.New(health.Backoff{}, time.Now)
	req := match.Request{MinTPS: 10, MaxTTFTMs: 900}
	dst := make([]match.Candidate, 0, 16)

	var tEcrecover, tVerify, tMatch []time.Duration
	b.ReportAllocs()
	for b.Loop() {
		t0 := time.Now()
		if _, err := crypto.Ecrecover(digest[:], raw[:]); err != nil {
			b.Fatal(err)
		}
		t1 := time.Now()
		srfc, _, err := api.VerifyRFC(d, body)
		if err != nil {
			b.Fatal(err)
		}
		t2 := time.Now()
		req.MaxPrice = srfc.RFC.MaxPricePerSecond
		if res := match.Match(offers, &req, hl, 4, dst); len(res.Candidates) == 0 {
			b.Fatal("no match")
		}
		t3 := time.Now()
		tEcrecover = append(tEcrecover, t1.Sub(t0))
		tVerify = append(tVerify, t2.Sub(t1))
		tMatch = append(tMatch, t3.Sub(t2))
	}
	// Medians: a preemption or a neighbour's burst inflates single calls, not the middle of each series.
	both := make([]time.Duration, len(tVerify))
	for i := range both {
		both[i] = tVerify[i] + tMatch[i]
	}
	ecr := percentile(tEcrecover, 0.5)
	b.ReportMetric(float64(percentile(both, 0.5))/float64(ecr), "x_ecrecover")
	b.ReportMetric(float64(ecr.Nanoseconds()), "ecrecover-ns")
	b.ReportMetric(float64(percentile(tVerify, 0.5).Nanoseconds()), "verify-ns")
	b.ReportMetric(float64(percentile(tMatch, 0.5).Nanoseconds()), "match-ns")
}

// TestPartCPU: partCPU attributes a run's CPU to the part labels its goroutines carry (the split that
// router-cpu-µs/rfc reports), and returns nil, running f all the same, while another profile runs.
func TestPartCPU(t *testing.T) {
	k, _ := crypto.GenerateKey()
	digest := crypto.Keccak256([]byte("lake travis"))
	work := func() {
		for range 5000 {
			if _, err := crypto.Sign(digest, k); err != nil {
				panic(err)
			}
		}
	}
	parts := partCPU(t, func() { part("router", work) })
	require.Positive(t, parts["router"], "the labelled work's CPU: %v", parts)
	require.Greater(t, parts["router"], parts["client"], "nothing ran as client: %v", parts)

	require.NoError(t, pprof.StartCPUProfile(io.Discard))
	ran := false
	require.Nil(t, partCPU(t, func() { ran = true }))
	pprof.StopCPUProfile()
	require.True(t, ran)
}
