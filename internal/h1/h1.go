// Package h1 is an HTTP/1.1 client transport for plain-http hops that runs each exchange on the
// caller's goroutine: the request is written and the answer read by the goroutine that called
// RoundTrip (and then Read), with no connection goroutines in between. net/http's Transport hands every
// request to a per-connection writer goroutine and every answer back from a reader goroutine; on a busy
// machine each of those hand-offs can wake a thread, and on a loopback hop they cost more than the
// exchange itself (issue 15's overhead figure: about a third of a hop's latency).
//
// What it does not do goes to Fallback, unchanged: https (TLS, HTTP/2), requests that a proxy from
// Fallback's configuration would carry, requests for an event stream (Accept: text/event-stream: in
// provider/server's BenchmarkProxyOverhead a relayed burst of stream chunks reached the client 0.6–1.2 ms
// later at the median through this transport, a cause not yet found, so streams keep net/http's), and
// request bodies of unknown length or over MaxDirectBody (a
// server may answer such an upload early, say 413, and close before reading it all; net/http's reader
// goroutine catches that answer while the body is still being written, which a write-then-read exchange
// cannot). Connections are kept alive per host (MaxIdlePerHost, IdleTimeout);
// a kept connection is probed before reuse (a non-blocking peek: closed by the server, or holding bytes
// nobody asked for, it is dropped), which is what the reader goroutine of net/http notices otherwise.
// Requests are never sent twice: an exchange that fails is the caller's error, as with net/http for a
// POST.
//
// Concurrency: a Transport is safe for concurrent use; each exchange holds its connection alone until
// the answer's body is read to the end (the connection is kept) or closed early (it is closed).
package h1

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults of Transport.
const (
	DefaultMaxIdlePerHost = 16
	DefaultIdleTimeout    = 90 * time.Second
	bufSize               = 16 << 10
	// MaxDirectBody is the largest request body sent directly: it fits the socket buffers of a loopback
	// connection, so writing it never waits for the server to read.
	MaxDirectBody = 64 << 10
)

// Transport is an http.RoundTripper. Zero values of the fields take the defaults noted.
type Transport struct {
	// Dial opens a connection (nil: a net.Dialer with a 10 s timeout).
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	// Fallback serves what this transport does not (see the package doc). nil: http.DefaultTransport.
	Fallback http.RoundTripper
	// ResponseHeaderTimeout bounds the wait for the answer's header once the request is written (0: none).
	ResponseHeaderTimeout time.Duration
	// MaxResponseHeaderBytes bounds the answer's header (0: 1 MiB).
	MaxResponseHeaderBytes int64
	MaxIdlePerHost         int           // kept connections per host; default DefaultMaxIdlePerHost
	IdleTimeout            time.Duration // a kept connection unused this long is closed; default DefaultIdleTimeout

	mu   sync.Mutex
	idle map[string][]*conn // by host:port, most recently used last
}

// Over returns a Transport in front of fallback that runs plain-http exchanges with fallback's own
// settings (its dialer, answer-header timeout and size limit, kept connections per host, idle timeout),
// so a caller configures one transport, not two copies of it.
func Over(fallback *http.Transport) *Transport {
	return &Transport{Dial: fallback.DialContext, Fallback: fallback, ResponseHeaderTimeout: fallback.ResponseHeaderTimeout,
		MaxResponseHeaderBytes: fallback.MaxResponseHeaderBytes, MaxIdlePerHost: fallback.MaxIdleConnsPerHost,
		IdleTimeout: fallback.IdleConnTimeout}
}

// conn is one connection with its buffers. limit is what is left of the header budget while a header
// is read.
type conn struct {
	net.Conn
	br    *bufio.Reader
	bw    *bufio.Writer
	limit int64 // header budget left; < 0: unbounded (reading a body)
	used  time.Time
	probe *prober     // the liveness check before reuse
	dead  atomic.Bool // cancelled or timed out mid-exchange: never reused
}

var errHeaderTooLarge = errors.New("h1: response header too large")

// Read reads from the network, within the header budget while a header is read.
func (c *conn) Read(p []byte) (int, error) {
	if c.limit >= 0 {
		if c.limit == 0 {
			return 0, errHeaderTooLarge
		}
		p = p[:min(int64(len(p)), c.limit)]
	}
	n, err := c.Conn.Read(p)
	if c.limit >= 0 {
		c.limit -= int64(n)
	}
	return n, err
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	unknownLength := req.ContentLength < 0 || (req.ContentLength == 0 && req.Body != nil && req.Body != http.NoBody)
	if req.URL.Scheme != "http" || unknownLength || req.ContentLength > MaxDirectBody ||
		req.Header.Get("Accept") == "text/event-stream" || t.proxied(req) {
		return t.fallback().RoundTrip(req)
	}
	ctx := req.Context()
	addr := hostPort(req)
	c, err := t.get(ctx, addr)
	if err != nil {
		closeBody(req)
		return nil, err
	}
	// Cancellation and the header timeout both cut the connection's deadline: a blocked read or write
	// returns at once, and the connection is not reused.
	abort := func() {
		c.dead.Store(true)
		_ = c.SetDeadline(time.Unix(1, 0))
	}
	stopCtx := context.AfterFunc(ctx, abort)
	var timer *time.Timer
	if t.ResponseHeaderTimeout > 0 {
		timer = time.AfterFunc(t.ResponseHeaderTimeout, abort)
	}
	fail := func(err error) (*http.Response, error) {
		stopCtx()
		if timer != nil {
			timer.Stop()
		}
		c.Close()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, err
	}
	if err := req.Write(c.bw); err != nil {
		return fail(err)
	}
	if err := c.bw.Flush(); err != nil {
		return fail(err)
	}
	maxHeader := t.MaxResponseHeaderBytes
	if maxHeader <= 0 {
		maxHeader = 1 << 20
	}
	var resp *http.Response
	for {
		c.limit = maxHeader + int64(c.br.Size()) // the buffer may read a little of the body along with the header
		resp, err = http.ReadResponse(c.br, req)
		c.limit = -1
		if err != nil {
			return fail(err)
		}
		if resp.StatusCode >= 200 || resp.StatusCode == http.StatusSwitchingProtocols {
			break
		}
		_ = resp.Body.Close() // 1xx: informational, the answer follows
	}
	if timer != nil && !timer.Stop() {
		return fail(fmt.Errorf("h1: no response header within %v", t.ResponseHeaderTimeout))
	}
	keep := !resp.Close && !req.Close && (resp.ContentLength >= 0 || len(resp.TransferEncoding) > 0)
	resp.Body = &body{rc: resp.Body, c: c, t: t, addr: addr, ctx: ctx, stopCtx: stopCtx, keep: keep}
	return resp, nil
}

// body is an answer's body: at its end the connection goes back to the pool (when the exchange allows
// it), closed early it is closed.
type body struct {
	rc      io.ReadCloser
	c       *conn
	t       *Transport
	addr    string
	ctx     context.Context
	stopCtx func() bool
	keep    bool
	done    bool
}

func (b *body) Read(p []byte) (int, error) {
	if b.done {
		return 0, errors.New("h1: read on a closed body")
	}
	n, err := b.rc.Read(p)
	switch {
	case err == io.EOF:
		b.finish(b.keep)
	case err != nil:
		b.finish(false)
		if b.ctx.Err() != nil {
			err = b.ctx.Err()
		}
	}
	return n, err
}

func (b *body) Close() error {
	if !b.done {
		b.finish(false)
	}
	return nil
}

func (b *body) finish(keep bool) {
	b.done = true
	if !b.stopCtx() {
		keep = false // the context ended: the abort cut (or is cutting) the connection
	}
	if keep && !b.c.dead.Load() && b.c.br.Buffered() == 0 {
		b.t.put(b.addr, b.c)
		return
	}
	b.c.Close()
}

// get returns a kept connection to addr that is still good, or dials one.
func (t *Transport) get(ctx context.Context, addr string) (*conn, error) {
	now := time.Now()
	for {
		t.mu.Lock()
		list := t.idle[addr]
		if len(list) == 0 {
			t.mu.Unlock()
			break
		}
		c := list[len(list)-1]
		t.idle[addr] = list[:len(list)-1]
		t.mu.Unlock()
		if now.Sub(c.used) < t.idleTimeout() && c.probe.alive() {
			return c, nil
		}
		c.Close()
	}
	dial := t.Dial
	if dial == nil {
		dial = (&net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}).DialContext
	}
	nc, err := dial(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	c := &conn{Conn: nc, limit: -1, probe: newProber(nc)}
	c.br = bufio.NewReaderSize(c, bufSize)
	c.bw = bufio.NewWriterSize(nc, bufSize)
	return c, nil
}

func (t *Transport) put(addr string, c *conn) {
	_ = c.SetDeadline(time.Time{})
	c.used = time.Now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.idle == nil {
		t.idle = map[string][]*conn{}
	}
	list := t.idle[addr]
	if len(list) >= t.maxIdle() {
		old := list[0]
		list = append(list[:0], list[1:]...)
		go old.Close()
	}
	t.idle[addr] = append(list, c)
}

// CloseIdleConnections closes the kept connections (and Fallback's).
func (t *Transport) CloseIdleConnections() {
	t.mu.Lock()
	idle := t.idle
	t.idle = nil
	t.mu.Unlock()
	for _, list := range idle {
		for _, c := range list {
			c.Close()
		}
	}
	if ci, ok := t.fallback().(interface{ CloseIdleConnections() }); ok {
		ci.CloseIdleConnections()
	}
}

func (t *Transport) fallback() http.RoundTripper {
	if t.Fallback != nil {
		return t.Fallback
	}
	return http.DefaultTransport
}

// proxied reports whether Fallback, an *http.Transport, would send req through a proxy.
func (t *Transport) proxied(req *http.Request) bool {
	ft, ok := t.fallback().(*http.Transport)
	if !ok || ft.Proxy == nil {
		return false
	}
	u, err := ft.Proxy(req)
	return err != nil || u != nil
}

func (t *Transport) maxIdle() int {
	if t.MaxIdlePerHost > 0 {
		return t.MaxIdlePerHost
	}
	return DefaultMaxIdlePerHost
}

func (t *Transport) idleTimeout() time.Duration {
	if t.IdleTimeout > 0 {
		return t.IdleTimeout
	}
	return DefaultIdleTimeout
}

// hostPort is the request's host with the port (80 when the URL names none).
func hostPort(req *http.Request) string {
	if req.URL.Port() != "" {
		return req.URL.Host
	}
	return net.JoinHostPort(req.URL.Hostname(), "80")
}

func closeBody(req *http.Request) {
	if req.Body != nil {
		_ = req.Body.Close()
	}
}
