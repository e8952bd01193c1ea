package server_test

import (
	"context"
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
// rate_limited with Retry-After and no chain read, while the tickets of the real router, whose role the
// cache holds, are served from that same address all along. Before, every forged ticket was one eth_call,
// up to the 100/s per address of --rate-ip, spending the provider's RPC quota until honest lookups failed.
func TestForgedTicketsChainReadsPerIP(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	lookup := &countingLookup{Lookup: e.market}
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Routers = roles.NewCache(lookup, 0, 0)
		c.ChainReads = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3}) // no token comes back within the test
	})
	hour := time.Now().Add(time.Hour)
	honest := e.client(t, ts, "fast:v1", 60)
	resp := honest.chat("fast:v1", false)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.EqualValues(t, 1, lookup.reads.Load(), "the real router's role read once, then cached")

	forged := func() *http.Response {
		userKey, _ := crypto.GenerateKey()
		key, _ := crypto.GenerateKey()
		tk := newTicket(e.owner, crypto.PubkeyToAddress(userKey.PublicKey), "fast:v1", 60, hour)
		return newClient(t, e.domain, ts.URL, userKey, tk, key).chat("fast:v1", false)
	}
	for range 2 {
		status, code, _ := errorOf(t, forged())
		require.Equal(t, http.StatusForbidden, status)
		require.Equal(t, wire.CodeForbidden, code)
	}
	require.EqualValues(t, 3, lookup.reads.Load())
	for range 5 {
		requireRateLimited(t, forged())
	}
	require.EqualValues(t, 3, lookup.reads.Load(), "no chain read past the limit")

	for range 3 {
		resp := honest.chat("fast:v1", false)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, "the cached router's tickets are not held to the limit")
	}
	require.EqualValues(t, 3, lookup.reads.Load())
}
