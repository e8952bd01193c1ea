package api_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
)

// clientFrom is an HTTP client whose connections leave from local address ip (127.0.0.0/8: one client
// address each for the per-address limits).
func clientFrom(t *testing.T, ip string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
	tr := &http.Transport{DialContext: d.DialContext}
	t.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// do sends req with c and returns its answer.
func do(t *testing.T, c *http.Client, req *http.Request) response {
	t.Helper()
	resp, err := c.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, b, resp.Header.Get("Retry-After")}
}

// requireRateLimited: r is the PROTOCOL §9 429 rate_limited answer with Retry-After.
func requireRateLimited(t *testing.T, r response, what string) {
	t.Helper()
	require.Equal(t, http.StatusTooManyRequests, r.status, "%s: %s", what, r.body)
	require.Equal(t, wire.CodeRateLimited, errCode(t, r.body), what)
	require.NotEmpty(t, r.retryAfter, what)
}

// TestFeedPageCostsByItsSize: GET /v1/settlement/sessions is public, and a page of up to 1000 records is
// some 36 ms of CPU and 2 MB to read and encode; at one --rate-ip token a request one client address could
// ask for seconds of CPU a second, and an honest RFC waited 140 times longer. A page now takes one token of
// the client address's bucket (Config.RateIP, the one the router command holds the API to) per 100
// records it may hold: with a burst of 20, ten default pages (100 records) and one of 1000 records spend
// it, and the next request of that address is a 429 rate_limited with Retry-After.
func TestFeedPageCostsByItsSize(t *testing.T) {
	perIP := ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 20}) // no token back within the test
	e := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) { c.RateIP = perIP })
	hs := httptest.NewServer(perIP.PerIP(e.srv.Handler())) // as the router command wires it
	t.Cleanup(hs.Close)
	get := func(query string) response {
		req, err := http.NewRequest(http.MethodGet, hs.URL+"/v1/settlement/sessions"+query, nil)
		require.NoError(t, err)
		return do(t, http.DefaultClient, req)
	}
	for i := range 10 {
		r := get("?after=0")
		require.Equal(t, http.StatusOK, r.status, "default page %d: %s", i, r.body)
	}
	r := get("?after=0&limit=1000")
	require.Equal(t, http.StatusOK, r.status, "a 1000-record page: 10 tokens, the last 10: %s", r.body)
	requireRateLimited(t, get("?after=0"), "the bucket is spent")
	requireRateLimited(t, get("?after=0&limit=5000"), "a limit past the page's bound")
}

// TestChainReadsTotal: the allowances the router reads from its chain node (one eth_call each, for a user
// not cached yet today) were bounded per client address only (Config.ChainReads, an IPv6 /64 each), so a
// client holding many addresses (an IPv6 /56 is 256 of them) made the node thousands of reads in a
// fraction of a second. Config.ChainReadsTotal (--rate-chain-reads-total) now bounds them from every
// address together: three addresses, each within its own bound of 3, get 5 reads in all; past them a 429
// rate_limited with Retry-After and no read.
func TestChainReadsTotal(t *testing.T) {
	e := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) { // no token back within the test
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3})
		c.ChainReadsTotal = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 5})
	})
	answered, limited := 0, 0
	for _, ip := range []string{"127.0.0.1", "127.0.0.2", "127.0.0.3"} {
		c := clientFrom(t, ip)
		for range 3 {
			k, _ := crypto.GenerateKey()
			req, err := http.NewRequest(http.MethodGet, e.url+"/v1/allowance/"+crypto.PubkeyToAddress(k.PublicKey).Hex(), nil)
			require.NoError(t, err)
			r := do(t, c, req)
			if r.status == http.StatusOK {
				answered++
				continue
			}
			requireRateLimited(t, r, ip)
			limited++
		}
	}
	require.Equal(t, 5, answered, "the total bound")
	require.Equal(t, 4, limited)
	require.EqualValues(t, 5, e.allowReads.Load(), "no chain read past the total bound")
}

// blockingSigner signs as Signer does, counting the liveness answers it is asked to sign; the first of them
// waits, once entered is closed, until release is.
type blockingSigner struct {
	keys.Signer
	livenessSigned   atomic.Int64
	entered, release chan struct{}
}

func (s *blockingSigner) SignTyped(ctx context.Context, d *eip712.Domain, m eip712.Message) (eip712.Signature, error) {
	if _, ok := m.(*eip712.Liveness); ok && s.livenessSigned.Add(1) == 1 {
		close(s.entered)
		<-s.release
	}
	return s.Signer.SignTyped(ctx, d, m)
}

// TestLivenessBounded: POST /v1/liveness, which anyone may ask for, is a signature by the ticket key each
// (through an external signer, one at a time and slow), so a flood of them queued honest RFCs' tickets
// behind it. Now one liveness answer is signed at a time: while one is being signed every other is
// refused 503 unavailable with Retry-After, asking the signer nothing; and each client address is held to
// Config.RateLiveness (--rate-liveness): past its burst a 429 rate_limited with Retry-After.
func TestLivenessBounded(t *testing.T) {
	k, _ := crypto.GenerateKey()
	signer := &blockingSigner{Signer: keys.NewKeySigner(k, domain.ChainID()), entered: make(chan struct{}), release: make(chan struct{})}
	e := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) {
		c.TicketSigner = signer
		c.PublicURLs = []string{"https://router.example"}
		c.RateLiveness = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 8}) // no token back within the test
	})
	ask := func(c *http.Client, i int) response {
		body := mustJSON(wire.LivenessRequest{Challenge: common.Hash{byte(i)}, URL: "https://router.example"})
		req, err := http.NewRequest(http.MethodPost, e.url+"/v1/liveness", bytes.NewReader(body))
		require.NoError(t, err)
		return do(t, c, req)
	}
	var released sync.Once
	release := func() { released.Do(func() { close(signer.release) }) }
	t.Cleanup(release) // before the server closes, which waits for the first answer
	c := clientFrom(t, "127.0.0.1")
	first := make(chan response, 1)
	go func() { first <- ask(c, 0) }()
	<-signer.entered
	other := clientFrom(t, "127.0.0.2")
	for i := range 5 {
		r := ask(other, i+1)
		require.Equal(t, http.StatusServiceUnavailable, r.status, "asked while another is signed: %s", r.body)
		require.Equal(t, wire.CodeUnavailable, errCode(t, r.body))
		require.NotEmpty(t, r.retryAfter)
	}
	require.EqualValues(t, 1, signer.livenessSigned.Load(), "the signer is asked one liveness answer at a time")
	release()
	r := <-first
	require.Equal(t, http.StatusOK, r.status, string(r.body))

	// The per-address bound: 127.0.0.2 has spent 5 of its 8 tokens on refusals.
	for i := range 3 {
		r := ask(other, 10+i)
		require.Equal(t, http.StatusOK, r.status, "answer %d: %s", i, r.body)
	}
	requireRateLimited(t, ask(other, 20), "past the burst")
	require.EqualValues(t, 1+3, signer.livenessSigned.Load(), "no signature past the bound")
	r = ask(c, 21)
	require.Equal(t, http.StatusOK, r.status, "another address has its own bucket: %s", r.body)
}
