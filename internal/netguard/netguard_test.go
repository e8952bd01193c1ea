package netguard_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/netguard"
)

func TestCheckURL(t *testing.T) {
	strict := netguard.ForChain(421614, false)
	for _, u := range []string{
		"http://provider.example.com", // plain http
		"ftp://provider.example.com",
		"https://127.0.0.1:8080", "https://10.1.2.3", "https://172.16.0.1", "https://192.168.1.1",
		"https://169.254.169.254/latest/meta-data", "https://[::1]:9000", "https://[fe80::1]", "https://[fc00::1]",
		"https://0.0.0.0", "https://[::]", "https://224.0.0.1", "https://255.255.255.255", "https://100.64.0.1",
		"https://[::ffff:127.0.0.1]", "https://[64:ff9b::7f00:1]", "https://localhost:8080", "https://api.localhost",
		"https://user:pw@provider.example.com", "https:///nohost", "::not a url",
	} {
		require.ErrorIs(t, strict.CheckURL(u), netguard.ErrRefused, u)
	}
	for _, u := range []string{"https://provider.example.com/v1", "https://8.8.8.8", "https://[2606:4700::1111]:443"} {
		require.NoError(t, strict.CheckURL(u), u)
	}
	private := netguard.ForChain(421614, true)
	require.NoError(t, private.CheckURL("https://10.1.2.3"))
	require.NoError(t, private.CheckURL("https://localhost:8443"))
	require.ErrorIs(t, private.CheckURL("http://10.1.2.3"), netguard.ErrRefused, "https is still required")
	require.ErrorIs(t, private.CheckURL("https://0.0.0.0"), netguard.ErrRefused, "unspecified is never dialled")
	require.ErrorIs(t, private.CheckURL("https://224.0.0.1"), netguard.ErrRefused, "multicast is never dialled")
	dev := netguard.ForChain(31337, false)
	require.NoError(t, dev.CheckURL("http://127.0.0.1:8080"))
}

// canary counts every connection made to it, whatever is sent.
func canary(t *testing.T) (addr string, hits *atomic.Int64) {
	t.Helper()
	hits = new(atomic.Int64)
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			hits.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.Listener.Addr().String(), hits
}

// TestDialledAddressIsChecked: a name that passes the static check (it is not an address) but resolves to
// loopback is refused at dial time, before any byte reaches the loopback server: the DNS-rebinding case.
func TestDialledAddressIsChecked(t *testing.T) {
	addr, hits := canary(t)
	_, port, _ := net.SplitHostPort(addr)
	p := netguard.Policy{Resolve: func(context.Context, string) ([]netip.Addr, error) {
		return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
	}}
	u := "https://rebinding.example.com:" + port + "/v1/liveness"
	require.NoError(t, p.CheckURL(u), "the static check cannot know where the name points")
	_, err := p.Client(netguard.Options{}).Get(u)
	require.ErrorIs(t, err, netguard.ErrRefused)
	require.Zero(t, hits.Load(), "no connection reached the loopback server")
}

// TestRedirectNotFollowed: even where the first address is allowed (a private-network policy), a
// redirect is an error and its target is never contacted.
func TestRedirectNotFollowed(t *testing.T) {
	target, hits := canary(t)
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+target+"/v1/liveness", http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	p := netguard.Policy{Devnet: true}
	_, err := p.Client(netguard.Options{}).Post(redirector.URL+"/v1/liveness", "application/json", nil)
	require.ErrorIs(t, err, netguard.ErrRefused)
	require.Zero(t, hits.Load(), "the redirect target was never contacted")
}
