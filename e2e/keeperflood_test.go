package e2e

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// fromIP is an HTTP client whose connections leave from ip (Linux routes all of 127.0.0.0/8 to lo), so
// that a server tells the parties apart by address as it would hosts on the internet.
func fromIP(ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}, Timeout: 5 * time.Second}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 8}}
}

// TestKeeperFloodIsRateLimited (THREATS.md, anyone on the internet: exhaust a service so honest users are
// refused): the real keeper binary runs with a per-IP limit of 20 requests a second (burst 20); a flooder
// at 127.0.0.3 reads its batch listings and rejections with 8 connections as fast as it can while an
// honest client at 127.0.0.2 reads the epochs ten times a second. Every honest read is answered 200;
// the flooder is served no more than the burst plus the rate over the flood's duration, and each refusal
// is a 429 with Retry-After and the §9 code rate_limited.
func TestKeeperFloodIsRateLimited(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 5*time.Minute)
	s := start(t, ctx, Options{NoKeeper: true})
	k, err := s.RunKeeper(nil, "--rate-ip", "20", "--rate-ip-burst", "20")
	require.NoError(t, err)
	require.NoError(t, waitHealthy(ctx, k, s.KeeperURL+"/healthz", 60*time.Second))

	honest, flooder := fromIP("127.0.0.2"), fromIP("127.0.0.3")
	t.Cleanup(honest.CloseIdleConnections)
	t.Cleanup(flooder.CloseIdleConnections)

	floodCtx, stopFlood := context.WithCancel(ctx)
	began := time.Now()
	var sent, limited, noRetryAfter, otherCode atomic.Int64
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			path := []string{"/v1/epochs", "/v1/rejected"}[w%2]
			for floodCtx.Err() == nil {
				req, _ := http.NewRequestWithContext(floodCtx, http.MethodGet, s.KeeperURL+path, nil)
				resp, err := flooder.Do(req)
				if err != nil {
					continue // the flood ending mid-request
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				sent.Add(1)
				if resp.StatusCode != http.StatusTooManyRequests {
					continue
				}
				limited.Add(1)
				if resp.Header.Get("Retry-After") == "" {
					noRetryAfter.Add(1)
				}
				var env struct {
					Error struct{ Code string } `json:"error"`
				}
				if json.Unmarshal(b, &env) != nil || env.Error.Code != wire.CodeRateLimited {
					otherCode.Add(1)
				}
			}
		})
	}

	// The honest client starts once the flooder has used its burst, and reads while the flood goes on.
	require.NoError(t, poll(ctx, 30*time.Second, 10*time.Millisecond, func() (bool, error) { return limited.Load() > 0, nil }))
	tick := time.NewTicker(100 * time.Millisecond)
	for i := range 30 {
		<-tick.C
		resp, err := honest.Get(s.KeeperURL + "/v1/epochs")
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "honest read %d during the flood: %s", i, b)
	}
	tick.Stop()
	stopFlood()
	wg.Wait()
	elapsed := time.Since(began)

	served := sent.Load() - limited.Load()
	t.Logf("flooder: %d sent, %d limited, %d served in %s", sent.Load(), limited.Load(), served, elapsed)
	require.LessOrEqual(t, float64(served), 20+20*elapsed.Seconds()+1, "the flooder is served no more than burst + rate × time")
	require.Zero(t, noRetryAfter.Load(), "every refusal says when to retry")
	require.Zero(t, otherCode.Load(), "every refusal is the §9 envelope with rate_limited")
}
