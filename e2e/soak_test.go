package e2e

import (
	"context"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/laketravis/laketravis/client"
)

// BenchmarkSoak is the soak run of `make bench`: sustained sessions through the real router, provider
// and keeper for LT_SOAK_DURATION (a Go duration, default 5m), a sample line every 10 s and the
// flat/growing verdicts at the end (Stack.Soak), with a retention window of LT_SOAK_RETENTION (default 1m). A failed session fails it; the verdicts are measured and
// printed, not asserted (timing and memory targets are read from the bench output).
func BenchmarkSoak(b *testing.B) {
	d := 5 * time.Minute
	if v := os.Getenv("LT_SOAK_DURATION"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			b.Fatalf("LT_SOAK_DURATION=%q: %v", v, err)
		}
	}
	// One user on loopback is the whole load: the router's and the provider's per-user and per-IP rate
	// limits (flood protection) would refuse it — the provider's per-IP limit also counts the router's
	// liveness probes from the same loopback address, and a refused probe backs the provider off, so every
	// RFC fails for seconds — so the soak's router and provider run without them.
	b.Setenv("LT_ROUTER_RATE_USER", "0")
	b.Setenv("LT_ROUTER_RATE_IP", "0")
	b.Setenv("LT_PROVIDER_RATE_USER", "0")
	b.Setenv("LT_PROVIDER_RATE_IP", "0")
	// Retention with a short window (LT_SOAK_RETENTION, default 1m): the router prunes what the keeper settled
	// (epochs of 5 s, claimable 10 s after their commit) a minute after it closed, and the keeper forgets
	// the sessions of epochs claimable for a minute, so router.db must stop growing within the run.
	window := time.Minute
	if v := os.Getenv("LT_SOAK_RETENTION"); v != "" {
		var err error
		if window, err = time.ParseDuration(v); err != nil {
			b.Fatalf("LT_SOAK_RETENTION=%q: %v", v, err)
		}
	}
	b.Setenv("LT_ROUTER_RETENTION", window.String())
	b.Setenv("LT_KEEPER_RECORD_RETENTION", window.String())
	ctx, cancel := context.WithTimeout(context.Background(), d+5*time.Minute)
	defer cancel()
	// A day of 86400 s: no day change (and its brief allowance-view gap) during the run; answers token by
	// token without the demo's delay; a price a tenth of the demo's, so that the user's daily allowance
	// lasts the run (at 1e15 wei/s it ran out after ≈ 16,000 sessions, 9.5 minutes).
	s, err := Start(ctx, Options{Interval: 86400, TokenDelay: time.Millisecond, Prices: []*big.Int{big.NewInt(1e14)}})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for b.Loop() {
		res, err := s.Soak(ctx, SoakOptions{Duration: d, Out: os.Stdout,
			// Nonces are kept until the RFC deadline (client.RFCDeadline) and the router prunes once a minute.
			DBFill: window + client.RFCDeadline + time.Minute})
		if err != nil {
			b.Fatal(err)
		}
		if res.Errors > 0 {
			b.Errorf("%d of %d sessions failed", res.Errors, res.Errors+res.Sessions)
		}
		b.ReportMetric(float64(res.Sessions)/d.Seconds(), "sessions/s")
	}
}
