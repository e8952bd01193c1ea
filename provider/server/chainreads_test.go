package server_test

import (
	"context"
	"net"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/roles"
	"github.com/laketravis/laketravis/provider/server"
)

// countingLookup is the Marketplace's ROUTER_ROLE read (on anvil), counting the chain reads.
type countingLookup struct {
	roles.Lookup
	reads atomic.Int32
}

func (c *countingLookup) IsRouter(ctx context.Context, a common.Address) (bool, error) {
	c.reads.Add(1)
	return c.Lookup.IsRouter(ctx, a)
}

// TestForgedTicketsChainReadsPerIP (anyone on the internet): tickets signed by fresh keys each name a
// router the role cache has never seen, so each would cost the provider an eth_call (hasRole) to refuse;
// from one address they are held to Config.ChainReads (serve's --rate-chain-reads): past its burst a 429
// rate_limited with Retry-After and no chain read, while the tickets of the real router are served from
// that same address all along, also when its cache entry is stale and read again (here the role cache's
// TTL is a nanosecond: every request reads it). Before, every forged ticket was one eth_call, up to the
// 100/s per address of --rate-ip; and with the limit counting a stale router's re-read, a flooder sharing
// the address kept the honest users of a known router refused 429 once its entry went stale.
func TestForgedTicketsChainReadsPerIP(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	lookup := &countingLookup{Lookup: e.market}
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Routers = roles.NewCache(lookup, time.Nanosecond, 0)                   // a router's entry is stale at once
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3}) // no token comes back within the test
	})
	honest := e.client(t, ts, "fast:v1", 60)
	resp := honest.chat("fast:v1", false)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 1, lookup.reads.Load(), "the real router's role read")

	for range 2 {
		status, code, _ := errorOf(t, forgedTicket(t, e, ts.URL).chat("fast:v1", false))
		require.Equal(t, http.StatusForbidden, status)
		require.Equal(t, wire.CodeForbidden, code)
	}
	require.EqualValues(t, 3, lookup.reads.Load())
	for range 5 {
		requireRateLimited(t, forgedTicket(t, e, ts.URL).chat("fast:v1", false))
	}
	require.EqualValues(t, 3, lookup.reads.Load(), "no chain read past the limit")

	for range 3 {
		resp := honest.chat("fast:v1", false)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "a known router's tickets are not held to the limit")
	}
	require.EqualValues(t, 6, lookup.reads.Load(), "its stale entry read again each time")
}

// TestForgedTicketsChainReadsTotal (anyone with many addresses: an IPv6 /48 is 65,536 per-address keys):
// the lookups of unknown routers from every address together are held to Config.ChainReadsTotal (serve's
// --rate-chain-reads-total): once its burst is spent a fresh address's forged ticket gets 429 with no chain
// read, while the real router's tickets are served from that address.
func TestForgedTicketsChainReadsTotal(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	lookup := &countingLookup{Lookup: e.market}
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Routers = roles.NewCache(lookup, 0, 0)
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 100})
		c.ChainReadsTotal = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3})
	})
	from := func(ip string, c *client) *http.Response {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		tr := &http.Transport{DialContext: d.DialContext}
		t.Cleanup(tr.CloseIdleConnections)
		resp, err := (&http.Client{Transport: tr}).Do(c.build("POST", "/v1/chat/completions", chatRequestBody("fast:v1", false), 0))
		require.NoError(t, err)
		return resp
	}
	honest := e.client(t, ts, "fast:v1", 60)
	resp := from("127.0.0.1", honest)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	for _, ip := range []string{"127.0.0.2", "127.0.0.3"} {
		status, _, _ := errorOf(t, from(ip, forgedTicket(t, e, ts.URL)))
		require.Equal(t, http.StatusForbidden, status)
	}
	require.EqualValues(t, 3, lookup.reads.Load())
	requireRateLimited(t, from("127.0.0.4", forgedTicket(t, e, ts.URL)))
	require.EqualValues(t, 3, lookup.reads.Load(), "no chain read past the total")
	resp = from("127.0.0.4", honest)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "the known router's tickets are served from that address")
}

// forgedTicket is a client whose ticket a fresh key signed (no router).
func forgedTicket(t *testing.T, e *testEnv, base string) *client {
	userKey, _ := crypto.GenerateKey()
	key, _ := crypto.GenerateKey()
	tk := newTicket(e.domain, e.owner, crypto.PubkeyToAddress(userKey.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour))
	return newClient(t, e.domain, base, userKey, tk, key)
}
