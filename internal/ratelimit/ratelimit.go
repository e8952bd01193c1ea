// Package ratelimit bounds how fast one client (by IP address, before any signature is checked) or one
// user (by address, after it is) may call a public service, with token buckets from golang.org/x/time/rate.
// A request over its rate gets 429 with the PROTOCOL §9 envelope (code "rate_limited") and Retry-After.
package ratelimit

import (
	"math"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Rate is a sustained rate and a burst. A zero Rate (PerSecond 0) means no limit.
type Rate struct {
	PerSecond float64 `mapstructure:"per_second"`
	Burst     int     `mapstructure:"burst"`
}

// Keyed holds one token bucket per key (an IP address, a user address), for up to maxKeys keys at once;
// past that, buckets that are full again (idle keys) are dropped first and, if none are, the oldest
// half. A nil *Keyed allows everything.
type Keyed struct {
	r       Rate
	maxKeys int
	now     func() time.Time

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
}

// DefaultMaxKeys bounds the memory of a Keyed (about 100 bytes a key).
const DefaultMaxKeys = 100_000

// New returns the limiter for r, nil (no limit) when r.PerSecond is 0.
func New(r Rate) *Keyed {
	if r.PerSecond <= 0 {
		return nil
	}
	if r.Burst <= 0 {
		r.Burst = max(1, int(math.Ceil(r.PerSecond)))
	}
	return &Keyed{r: r, maxKeys: DefaultMaxKeys, now: time.Now, buckets: map[string]*rate.Limiter{}}
}

// Allow takes a token from key's bucket. When there is none it returns false and how long until there
// is one.
func (k *Keyed) Allow(key string) (bool, time.Duration) { return k.AllowN(key, 1) }

// AllowN takes n tokens from key's bucket at once (a request costing n; n above the burst takes the
// burst, so that it can be served at all), or none: when there are not enough it returns false and how
// long until there are.
func (k *Keyed) AllowN(key string, n int) (bool, time.Duration) {
	if k == nil || n <= 0 {
		return true, 0
	}
	now := k.now()
	k.mu.Lock()
	b := k.buckets[key]
	if b == nil {
		if len(k.buckets) >= k.maxKeys {
			k.evictLocked(now)
		}
		b = rate.NewLimiter(rate.Limit(k.r.PerSecond), k.r.Burst)
		k.buckets[key] = b
	}
	k.mu.Unlock()
	res := b.ReserveN(now, min(n, k.r.Burst))
	if d := res.DelayFrom(now); d > 0 {
		res.CancelAt(now)
		return false, d
	}
	return true, 0
}

func (k *Keyed) evictLocked(now time.Time) {
	for key, b := range k.buckets {
		if b.TokensAt(now) >= float64(k.r.Burst) {
			delete(k.buckets, key)
		}
	}
	if len(k.buckets) < k.maxKeys {
		return
	}
	n := len(k.buckets) / 2 // map order is random: a random half
	for key := range k.buckets {
		if n == 0 {
			break
		}
		delete(k.buckets, key)
		n--
	}
}

// Error is the 429 answer for a wait of d; Retry sets its Retry-After header on w.
func Error(d time.Duration) *wire.Error {
	return wire.Errorf(http.StatusTooManyRequests, wire.CodeRateLimited, "too many requests: retry in %s", d.Round(time.Millisecond))
}

// Retry sets Retry-After on w: d rounded up to whole seconds, at least 1.
func Retry(w http.ResponseWriter, d time.Duration) {
	w.Header().Set("Retry-After", strconv.FormatInt(max(1, int64(math.Ceil(d.Seconds()))), 10))
}

// Check takes a token for key; when there is none it sets Retry-After on w and returns the 429 error
// for the caller to write.
func (k *Keyed) Check(w http.ResponseWriter, key string) error { return k.CheckN(w, key, 1) }

// CheckN is Check of a request costing n tokens (AllowN).
func (k *Keyed) CheckN(w http.ResponseWriter, key string, n int) error {
	if ok, d := k.AllowN(key, n); !ok {
		Retry(w, d)
		return Error(d)
	}
	return nil
}

// PageCost is the tokens a listing page of up to limit records costs in all: one per 100 records (or
// part), as reading and encoding 100 records costs about what another request does (a 1000-record page is
// tens of milliseconds of CPU: at one token each, one client's request rate could ask for seconds of CPU a
// second).
func PageCost(limit int) int { return (limit + 99) / 100 }

// CheckPage takes from r's client IP bucket what a page of up to limit records costs beyond the one token
// PerIP took, before the page is read; when there is not enough it is CheckN's 429.
func (k *Keyed) CheckPage(w http.ResponseWriter, r *http.Request, limit int) error {
	return k.CheckN(w, ClientIP(r), PageCost(limit)-1)
}

// PerIP wraps next so that each client IP address (the connection's, never a header a client can set)
// is held to k's rate before next does any work. A nil k returns next unchanged.
func (k *Keyed) PerIP(next http.Handler) http.Handler {
	if k == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := k.Check(w, ClientIP(r)); err != nil {
			wire.WriteError(w, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// ClientIP is the address of the connection's remote end (an IPv6 client's /64 counts as one client,
// since a host is usually handed a whole /64).
func ClientIP(r *http.Request) string { return AddrKey(r.RemoteAddr) }

// AddrKey is ClientIP of a connection's remote address ("host:port").
func AddrKey(remote string) string {
	host, _, err := net.SplitHostPort(remote)
	if err != nil {
		host = remote
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return host
	}
	if ip.To4() == nil {
		return ip.Mask(net.CIDRMask(64, 128)).String()
	}
	return ip.String()
}

// Len is the number of keys with a bucket.
func (k *Keyed) Len() int {
	if k == nil {
		return 0
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	return len(k.buckets)
}
