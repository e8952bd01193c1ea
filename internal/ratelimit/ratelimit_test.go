package ratelimit_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
)

// TestPerIP: past its burst a client IP gets 429 with the §9 envelope and Retry-After, before the
// handler runs; another IP is not affected.
func TestPerIP(t *testing.T) {
	calls := 0
	h := ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3}).PerIP(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		calls++
	}))
	do := func(remote string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(http.MethodPost, "/v1/rfc", nil)
		r.RemoteAddr = remote
		r.Header.Set("X-Forwarded-For", "203.0.113.9") // never trusted
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w
	}
	for range 3 {
		require.Equal(t, http.StatusOK, do("192.0.2.1:1000").Code)
	}
	w := do("192.0.2.1:1001")
	require.Equal(t, http.StatusTooManyRequests, w.Code)
	secs, err := strconv.Atoi(w.Header().Get("Retry-After"))
	require.NoError(t, err)
	require.Positive(t, secs)
	var env struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &env))
	require.Equal(t, "rate_limited", env.Error.Code)
	require.Equal(t, 3, calls, "the limited request never reached the handler")

	require.Equal(t, http.StatusOK, do("192.0.2.2:1000").Code, "another client is not limited")
	// An IPv6 client's /64 is one client.
	for range 3 {
		require.Equal(t, http.StatusOK, do("[2001:db8:1:2::1]:5").Code)
	}
	require.Equal(t, http.StatusTooManyRequests, do("[2001:db8:1:2::ffff]:5").Code)
}

func TestNilIsUnlimited(t *testing.T) {
	k := ratelimit.New(ratelimit.Rate{})
	require.Nil(t, k)
	for range 1000 {
		ok, _ := k.Allow("x")
		require.True(t, ok)
	}
}

// TestEviction: the key table stays bounded while many keys come and go.
func TestEviction(t *testing.T) {
	k := ratelimit.New(ratelimit.Rate{PerSecond: 1000, Burst: 1})
	for i := range ratelimit.DefaultMaxKeys + 1000 {
		ok, _ := k.Allow(strconv.Itoa(i))
		require.True(t, ok)
	}
	require.LessOrEqual(t, k.Len(), ratelimit.DefaultMaxKeys)
}

// TestAllowN: a request costing n takes n tokens at once or none; a cost above the burst takes the burst
// (so that it can be served at all, from a full bucket).
func TestAllowN(t *testing.T) {
	k := ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 5}) // no token back within the test
	ok, _ := k.AllowN("a", 3)
	require.True(t, ok)
	ok, d := k.AllowN("a", 3)
	require.False(t, ok, "2 tokens left")
	require.Positive(t, d)
	ok, _ = k.AllowN("a", 2)
	require.True(t, ok, "a refused request took nothing")
	ok, _ = k.Allow("a")
	require.False(t, ok)
	ok, _ = k.AllowN("b", 100)
	require.True(t, ok, "above the burst: the burst")
	ok, _ = k.Allow("b")
	require.False(t, ok)
}
