package server_test

import (
	"context"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// switchableRouters is a RouterAuthority whose routers can be revoked during a test.
type switchableRouters struct {
	mu sync.Mutex
	ok map[common.Address]bool
}

func (r *switchableRouters) IsRouter(_ context.Context, a common.Address) (bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ok[a], nil
}

func (r *switchableRouters) set(a common.Address, ok bool) {
	r.mu.Lock()
	r.ok[a] = ok
	r.mu.Unlock()
}

// TestCachedTicketStillChecked: after a ticket's signature has been verified once (and cached), every
// other check still applies to each request: the request signature, the router's role and the expiry.
func TestCachedTicketStillChecked(t *testing.T) {
	up := newUpstream(t)
	routerKey, _ := crypto.GenerateKey()
	router := crypto.PubkeyToAddress(routerKey.PublicKey)
	ownerKey, _ := crypto.GenerateKey()
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	signerKey, _ := crypto.GenerateKey()
	d := eip712.NewDomain(31337, router)
	routers := &switchableRouters{ok: map[common.Address]bool{router: true}}
	var skew atomic.Int64 // seconds added to the server's clock
	s, err := server.New(server.Config{Domain: d, Provider: owner, SignerKey: signerKey, Routers: routers,
		UpstreamURL: up.URL + "/v1", Models: []server.Model{{Name: "fast:v1", Upstream: "fast"}},
		Logger: zaptest.NewLogger(t), Now: func() time.Time { return time.Now().Add(time.Duration(skew.Load()) * time.Second) }})
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	userKey, _ := crypto.GenerateKey()
	stranger, _ := crypto.GenerateKey()
	c := newClient(t, d, ts.URL, userKey, newTicket(d, owner, crypto.PubkeyToAddress(userKey.PublicKey), "fast:v1", 600,
		time.Now().Add(30*time.Second)), routerKey)

	for range 3 { // the first verifies and caches the ticket, the others reuse it
		resp := c.chat("fast:v1", true)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
	}

	c.signAs = stranger
	status, code, msg := errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, 403, status, msg)
	require.Equal(t, wire.CodeBadSignature, code)
	c.signAs = nil

	routers.set(router, false)
	status, code, msg = errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, 403, status, msg)
	require.Equal(t, wire.CodeForbidden, code)
	require.Contains(t, msg, "not an authorised router")
	routers.set(router, true)
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode)

	skew.Store(60)
	c.timeOff = 60
	status, code, msg = errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, 401, status, msg)
	require.Equal(t, wire.CodeExpired, code)
	require.Contains(t, msg, "ticket expired")
}
