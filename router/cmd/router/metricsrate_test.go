package main

import (
	"encoding/json"
	"io"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/web"
)

// TestMetricsRateLimitedPerIP: the router's /metrics, on its public listener, writes every series and reads
// the process's /proc entries (about half a millisecond a scrape with 50 histograms), for anyone. It was
// outside --rate-ip: one address looping GET /metrics over its 256 connections kept the router's cores busy
// while its /v1 requests were held to 50/s. /metrics now takes its tokens from the same per-address bucket
// as /v1 (a scraper's one request every few seconds is far below it): past the burst a 429 rate_limited
// with Retry-After, the series not written, and the address's /v1 requests share the bucket.
func TestMetricsRateLimitedPerIP(t *testing.T) {
	var scrapes, api atomic.Int64
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, _ *http.Request) { api.Add(1); w.WriteHeader(http.StatusNoContent) })
	metrics := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { scrapes.Add(1); w.WriteHeader(http.StatusNoContent) })
	const burst = 3
	// A rate this low refills no token while the test runs: exactly burst requests pass.
	cfg := &config{RateIP: ratelimit.Rate{PerSecond: 0.001, Burst: burst}}
	base := wiretest.Serve(t, httpServer(cfg, ratelimit.New(cfg.RateIP), wire.Routes(mux, nil), web.ChatConfig{ChainID: 31337}, metrics))

	get := func(path string) (int, *wire.Error, string) {
		resp, err := http.Get(base + path)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		var env struct{ Error *wire.Error }
		_ = json.Unmarshal(b, &env)
		return resp.StatusCode, env.Error, resp.Header.Get("Retry-After")
	}
	for i := 0; i < burst-1; i++ {
		status, _, _ := get("/metrics")
		require.Equal(t, http.StatusNoContent, status)
	}
	status, _, _ := get("/v1/models")
	require.Equal(t, http.StatusNoContent, status, "the last token of the burst")
	for _, path := range []string{"/metrics", "/metrics", "/v1/models"} {
		status, e, retry := get(path)
		require.Equal(t, http.StatusTooManyRequests, status, path)
		require.NotNil(t, e, path)
		require.Equal(t, wire.CodeRateLimited, e.Code, path)
		require.NotEmpty(t, retry, path)
	}
	require.Equal(t, int64(burst-1), scrapes.Load(), "no series written past the address's burst")
	require.Equal(t, int64(1), api.Load())
}
