package service_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/service"
)

// TestServerOwnRefusalsGetTheEnvelope: the answers net/http writes itself, before any handler runs, carry
// the PROTOCOL §9 envelope with net/http's status (they were plain text): headers over MaxHeaderBytes,
// a request with no Host, an HTTP version it does not speak, a transfer coding it does not know, a request
// line it cannot parse. A handler's own answers, a text/plain one included, pass unchanged.
func TestServerOwnRefusalsGetTheEnvelope(t *testing.T) {
	srv := service.HTTP{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Connection", "close")
		_, _ = io.WriteString(w, "app")
	}), MaxHeaderBytes: 1 << 10}.Server()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- service.Serve(ctx, srv, ln, 5*time.Second, zap.NewNop()) }()
	t.Cleanup(func() { cancel(); require.NoError(t, <-done) })

	send := func(raw string) *http.Response {
		t.Helper()
		c, err := net.Dial("tcp", ln.Addr().String())
		require.NoError(t, err)
		defer c.Close()
		_, err = io.WriteString(c, raw)
		require.NoError(t, err)
		resp, err := http.ReadResponse(bufio.NewReader(c), nil)
		require.NoError(t, err)
		return resp
	}
	for _, tc := range []struct {
		name, raw, code, message string
		status                   int
	}{
		{"headers over the limit", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 8<<10) + "\r\n\r\n",
			"too_large", "431 Request Header Fields Too Large", http.StatusRequestHeaderFieldsTooLarge},
		{"no Host", "GET / HTTP/1.1\r\n\r\n", "bad_request", "missing required Host header", http.StatusBadRequest},
		{"HTTP version", "GET / HTTP/2.5\r\nHost: x\r\n\r\n", "bad_request", "unsupported protocol version", http.StatusHTTPVersionNotSupported},
		{"transfer coding", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: rot13\r\n\r\n", "bad_request", "Unsupported transfer encoding", http.StatusNotImplemented},
		{"request line", "NOT-HTTP\r\n\r\n", "bad_request", "400 Bad Request", http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp := send(tc.raw)
			defer resp.Body.Close()
			require.Equal(t, tc.status, resp.StatusCode)
			require.Equal(t, "application/json", resp.Header.Get("Content-Type"))
			require.Equal(t, "no-store", resp.Header.Get("Cache-Control"))
			var env struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			require.NoError(t, json.NewDecoder(resp.Body).Decode(&env))
			require.Equal(t, tc.code, env.Error.Code)
			require.Contains(t, env.Error.Message, tc.message)
		})
	}
	resp := send("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, "text/plain; charset=utf-8", resp.Header.Get("Content-Type"), "a handler's answer passes unchanged")
	require.Equal(t, "app", string(b))
}
