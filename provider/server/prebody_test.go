package server_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// sendHeadersOnly writes req's headers to the provider declaring a 4 MiB body, sends its first KiB and
// never the rest, and returns the answer. A provider that reads the body before answering gets no answer
// to give until its read timeout: the deadline here only bounds the test's wait.
func sendHeadersOnly(t *testing.T, addr string, req *http.Request) *http.Response {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	w := bufio.NewWriter(conn)
	fmt.Fprintf(w, "%s %s HTTP/1.1\r\nHost: provider\r\nContent-Type: application/json\r\nContent-Length: %d\r\n", req.Method, req.URL.Path, 4<<20)
	_ = req.Header.Write(w)
	w.WriteString("\r\n" + strings.Repeat("x", 1024))
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	_ = conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatalf("no answer while the body is still being sent (the provider is reading it): %v", err)
	}
	return resp
}

// TestUnauthenticatedBodyNotRead: a request the provider refuses on its headers alone (no ticket, a
// ticket no router signed, an expired ticket, a malformed X-LT-Request, a MAC for a session without a MAC
// key, a replayed seq) is answered with its §9 error before its body is read. Before, the provider read up
// to 4 MiB of body first, so anyone could pin 4 MiB per connection for the read timeout without a ticket.
func TestUnauthenticatedBodyNotRead(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 4}, nil)
	addr := p.ts.Listener.Addr().String()
	mallory, _ := crypto.GenerateKey()
	honest := p.session(t, "fast:v1", p.routerKey)
	if resp := honest.do("POST", "/v1/chat/completions", chatBody, 5); resp.StatusCode != http.StatusOK {
		t.Fatalf("honest request: %s", readAll(t, resp))
	}
	expired := p.session(t, "fast:v1", p.routerKey)
	expired.ticket.NotAfter = uint64(time.Now().Add(-time.Minute).Unix())
	expired = newClient(t, p.domain, p.ts.URL, expired.user, expired.ticket, p.routerKey)

	cases := []struct {
		name   string
		req    func() *http.Request
		status int
		code   string
	}{
		{"no ticket", func() *http.Request {
			r := honest.build("POST", "/v1/chat/completions", chatBody, 0)
			r.Header.Del(wire.HeaderTicket)
			return r
		}, http.StatusUnauthorized, wire.CodeUnauthorized},
		{"forged ticket", func() *http.Request {
			return p.session(t, "fast:v1", mallory).build("POST", "/v1/chat/completions", chatBody, 0)
		}, http.StatusForbidden, wire.CodeForbidden},
		{"expired ticket", func() *http.Request {
			return expired.build("POST", "/v1/embeddings", chatBody, 0)
		}, http.StatusUnauthorized, wire.CodeExpired},
		{"malformed request header", func() *http.Request {
			r := honest.build("POST", "/v1/completions", chatBody, 0)
			r.Header.Set(wire.HeaderRequest, "seven")
			return r
		}, http.StatusBadRequest, wire.CodeBadRequest},
		{"MAC without a MAC key", func() *http.Request {
			r := p.session(t, "fast:v1", p.routerKey).build("POST", "/v1/chat/completions", chatBody, 0)
			r.Header.Del(wire.HeaderSignature)
			r.Header.Set(wire.HeaderMAC, "0x00")
			return r
		}, http.StatusUnauthorized, wire.CodeBadSignature},
		{"replayed seq", func() *http.Request {
			return honest.build("POST", "/v1/chat/completions", chatBody, 5)
		}, http.StatusConflict, wire.CodeReplayed},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			status, code, msg := errorOf(t, sendHeadersOnly(t, addr, tc.req()))
			if status != tc.status || code != tc.code {
				t.Fatalf("got %d %s (%s), want %d %s", status, code, msg, tc.status, tc.code)
			}
		})
	}
	// The honest session is unharmed: its next request (a fresh seq) is served.
	if resp := honest.do("POST", "/v1/chat/completions", chatBody, 6); resp.StatusCode != http.StatusOK {
		t.Fatalf("honest request after the refused ones: %s", readAll(t, resp))
	}
}
