package guard_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/guard"
)

// TestFetcher: guard.Fetcher asks caches on the way for the origin's file (Cache-Control: no-cache: an epoch
// committed again has a new file at the same uri), takes only a 200 and at most its limit, and refuses a
// uri that is not http(s).
func TestFetcher(t *testing.T) {
	body := "0123456789"
	var mu sync.Mutex
	var cacheControl string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cacheControl = r.Header.Get("Cache-Control")
		mu.Unlock()
		if r.URL.Path == "/gone" {
			http.Error(w, "gone", http.StatusNotFound)
			return
		}
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	ctx := context.Background()
	fetch := guard.Fetcher(srv.Client(), 10*time.Second, int64(len(body)))
	got, err := fetch(ctx, srv.URL+"/v1/batches/3")
	require.NoError(t, err)
	require.Equal(t, body, string(got))
	mu.Lock()
	asked := cacheControl
	mu.Unlock()
	require.Equal(t, "no-cache", asked)
	_, err = fetch(ctx, srv.URL+"/gone")
	require.ErrorContains(t, err, "404")
	_, err = guard.Fetcher(srv.Client(), 10*time.Second, int64(len(body))-1)(ctx, srv.URL+"/v1/batches/3")
	require.ErrorContains(t, err, "larger than 9 bytes")
	_, err = fetch(ctx, "ipfs://"+strings.Repeat("a", 46))
	require.ErrorContains(t, err, "is not an http(s) URL")
}
