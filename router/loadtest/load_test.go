package loadtest

import (
	"context"
	"math/rand/v2"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestLoad fires RFCs concurrently at a router over loopback — 10,000 registered providers, 100,000
// bids, liveness probed over HTTP at stand-in providers — and checks every answer: each valid RFC gets
// a valid ticket, each invalid one its PROTOCOL §9 code, nothing answers 5xx, no two RFCs share a
// session, and a retried RFC (every tenth, sent twice concurrently) gets the same session back. Bounded
// in count (2,000 RFCs, 400 under -race) and time (a 2-minute context); it asserts nothing about speed
// and only logs the throughput.
func TestLoad(t *testing.T) {
	n, workers := 2000, 32
	if raceEnabled {
		n = 400
	}
	r := newRig(t, "http", workers)
	mix := func(i int) string {
		switch i % 20 {
		case 1:
			return wire.CodeBadSignature
		case 2:
			return wire.CodeExpired
		case 3:
			return wire.CodeUnknownModel
		case 4:
			return wire.CodeNoProvider
		}
		return ""
	}
	jobs := r.jobs(n, mix)
	order := make([]int, 0, n+n/10)
	for i := range jobs {
		order = append(order, i)
		if i%10 == 0 {
			order = append(order, i) // a retry, racing the first attempt
		}
	}
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	r.times.reset()
	results, elapsed := r.fire(ctx, jobs, order, workers)

	dup := map[int]bool{}
	for i := range jobs {
		dup[i] = i%10 == 0
	}
	racedRetries := 0
	sessions := map[common.Hash]int{} // session → job
	byJob := map[int]common.Hash{}
	codes := map[string]int{}
	latencies := make([]time.Duration, 0, len(results))
	for _, res := range results {
		j := &jobs[res.job]
		id, code, err := r.check(j, res)
		require.NoError(t, err, "job %d", res.job)
		require.Less(t, res.status, http.StatusInternalServerError)
		latencies = append(latencies, res.latency)
		if j.want != "" {
			require.Equal(t, j.want, code, "job %d: %s", res.job, res.body)
			codes[code]++
			continue
		}
		// Every valid RFC gets its session, a retry racing its first attempt included (never nonce_reused).
		require.Equal(t, http.StatusOK, res.status, "job %d (sent twice concurrently: %v): %s", res.job, dup[res.job], res.body)
		codes["ok"]++
		if prev, ok := byJob[res.job]; ok {
			require.Equal(t, prev, id, "job %d: a retried RFC got another session", res.job)
			racedRetries++
			continue
		}
		if other, ok := sessions[id]; ok {
			t.Fatalf("jobs %d and %d share session %s", other, res.job, id)
		}
		sessions[id], byJob[res.job] = res.job, id
	}
	valid := 0
	for i := range jobs {
		if jobs[i].want == "" {
			valid++
		}
	}
	require.Len(t, sessions, valid, "one session per valid RFC")

	// Retries after the first answer: the same session, every time.
	retries := make([]int, 0, 100)
	for i := 0; i < n && len(retries) < cap(retries); i += 7 {
		if jobs[i].want == "" {
			retries = append(retries, i)
		}
	}
	again, _ := r.fire(ctx, jobs, retries, 4)
	for _, res := range again {
		id, _, err := r.check(&jobs[res.job], res)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, res.status, "retry of job %d: %s", res.job, res.body)
		require.Equal(t, byJob[res.job], id, "retry of job %d got another session", res.job)
	}

	// The store agrees: exactly one open session per valid RFC, retries included.
	open, err := r.db.OpenByProvider(ctx)
	require.NoError(t, err)
	stored := 0
	for _, k := range open {
		stored += k
	}
	require.Equal(t, valid, stored, "sessions in the store")

	excl := r.times.exclProbe()
	probes := r.times.probes()
	t.Logf("%d POST /v1/rfc (%d distinct RFCs, %d retries) with %d clients in %v: %.0f RFC/s; answers %v",
		len(results), n, len(results)-n, workers, elapsed.Round(time.Millisecond), float64(len(results))/elapsed.Seconds(), codes)
	wantRetries := 0
	for i := range jobs {
		if dup[i] && jobs[i].want == "" {
			wantRetries++
		}
	}
	require.Equal(t, wantRetries, racedRetries, "concurrent retries answered with their first attempt's session")
	t.Logf("latency at the client p50 %.2f ms, p99 %.2f ms; in the handler excluding liveness p50 %.2f ms, p99 %.2f ms; liveness round trip p50 %.2f ms, p99 %.2f ms",
		ms(percentile(latencies, 0.5)), ms(percentile(latencies, 0.99)), ms(percentile(excl, 0.5)), ms(percentile(excl, 0.99)),
		ms(percentile(probes, 0.5)), ms(percentile(probes, 0.99)))
}
