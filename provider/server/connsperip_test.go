package server_test

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/provider/server"
)

// TestMaxConnsPerIPReachesTheListener: Config.MaxConnsPerIP (serve's --max-conns-per-ip) bounds the
// connections one address holds open on Run's listener: with 1, a second connection while the first is
// open (idle, keep-alive) is closed unanswered.
func TestMaxConnsPerIPReachesTheListener(t *testing.T) {
	addr := runServer(t, func(c *server.Config) { c.MaxConnsPerIP = 1 })
	healthz := func() (net.Conn, error) {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: p\r\n\r\n"); err != nil {
			c.Close()
			return nil, err
		}
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		if err != nil {
			c.Close()
			return nil, err
		}
		resp.Body.Close()
		return c, nil
	}
	first, err := healthz()
	if err != nil {
		t.Fatalf("first connection: %v", err)
	}
	defer first.Close()
	if second, err := healthz(); err == nil {
		second.Close()
		t.Fatal("a second connection from the address was answered with MaxConnsPerIP 1")
	}
}

// runServer runs a provider (no chain: a fixed router set, one model) with Run on a loopback port until
// the test ends and returns its address; mod adjusts its configuration.
func runServer(t *testing.T, mod func(*server.Config)) (addr string) {
	t.Helper()
	up := newUpstream(t)
	owner, _ := crypto.GenerateKey()
	signer, _ := crypto.GenerateKey()
	cfg := server.Config{Domain: eip712.NewDomain(31337, [20]byte{1}), Provider: crypto.PubkeyToAddress(owner.PublicKey),
		SignerKey: signer, Routers: staticRouters{}, UpstreamURL: up.URL + "/v1", Models: []server.Model{{Name: "fast:v1", Upstream: "fast"}},
		Logger: zap.NewNop()}
	if mod != nil {
		mod(&cfg)
	}
	s, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, ln, 0) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String()
}
