package ledger_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// A router the keeper follows answers its feed with a redirect to an address inside the keeper's network:
// the keeper does not follow it (before, it did, and took the internal server's answer as the feed page).
func TestFeedRedirectNotFollowed(t *testing.T) {
	var inside atomic.Int64
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		inside.Add(1)
		_, _ = w.Write([]byte(`{"sessions":[],"next":"0"}`))
	}))
	defer internal.Close()
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/admin/secret?x=1", http.StatusFound)
	}))
	defer router.Close()
	st, err := store.Open(context.Background(), dbtest.SQLite(t))
	require.NoError(t, err)
	defer st.Close()
	l, err := ledger.New(ledger.Config{Feeds: []string{router.URL}, BatchDir: filepath.Join(t.TempDir(), "b"), Now: time.Now, EpochLength: time.Hour},
		st, budgetPool{state: &ledger.PoolState{}}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	n, err := l.IngestOnce(context.Background())
	require.ErrorContains(t, err, "redirected to "+internal.URL+"/admin/secret?x=1: not followed")
	require.Zero(t, n)
	require.Zero(t, inside.Load(), "a request reached the address redirected to")
}
