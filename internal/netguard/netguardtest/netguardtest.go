// Package netguardtest holds what tests of the outbound guard share: a canary listener that proves an
// address was never dialled.
package netguardtest

import (
	"net"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// Canary listens on network/addr (e.g. "tcp4", "127.0.0.1:0") until the test ends, accepting and
// counting every connection, whatever it carries; it returns the port it listens on and the count.
func Canary(t testing.TB, network, addr string) (port string, hits *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen(network, addr)
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	hits = new(atomic.Int64)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			hits.Add(1)
			c.Close()
		}
	}()
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return port, hits
}
