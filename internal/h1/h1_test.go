package h1_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/laketravis/laketravis/internal/h1"
)

// server is an httptest server counting the connections it accepted.
type server struct {
	*httptest.Server
	conns atomic.Int64
}

func newServer(t *testing.T, h http.HandlerFunc) *server {
	t.Helper()
	s := &server{}
	s.Server = httptest.NewUnstartedServer(h)
	s.Config.ConnState = func(_ net.Conn, st http.ConnState) {
		if st == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	t.Cleanup(s.Close)
	return s
}

// noFallback fails every request handed to it: tests of the direct path set it as Fallback.
type noFallback struct{}

func (noFallback) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("handed to the fallback")
}

func echo(w http.ResponseWriter, r *http.Request) {
	b, _ := io.ReadAll(r.Body)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(append([]byte(r.Method+" "+r.URL.Path+" "), b...))
}

func post(t *testing.T, c *http.Client, url, body string) (string, error) {
	t.Helper()
	resp, err := c.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

// Sequential exchanges share one kept connection, and each answer is the server's to the byte.
func TestKeepAlive(t *testing.T) {
	s := newServer(t, echo)
	c := &http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}
	for i := range 5 {
		got, err := post(t, c, s.URL+"/v1/x", strings.Repeat("a", i*5000))
		if err != nil {
			t.Fatal(err)
		}
		if want := "POST /v1/x " + strings.Repeat("a", i*5000); got != want {
			t.Fatalf("answer %d: %d bytes, want %d", i, len(got), len(want))
		}
	}
	if n := s.conns.Load(); n != 1 {
		t.Fatalf("%d connections for 5 sequential requests, want 1", n)
	}
}

// A kept connection the server closed meanwhile is noticed before it is used: the next request dials.
func TestServerClosedIdle(t *testing.T) {
	s := newServer(t, echo)
	c := &http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}
	for i := range 3 {
		if _, err := post(t, c, s.URL+"/", "x"); err != nil {
			t.Fatalf("request %d: %v", i, err)
		}
		s.CloseClientConnections()
	}
	if n := s.conns.Load(); n != 3 {
		t.Fatalf("%d connections, want 3 (one per request, each closed by the server)", n)
	}
}

// "Connection: close" answers, and answers delimited by the connection's end, are read whole and their
// connections are not kept.
func TestNotKept(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/close" {
			w.Header().Set("Connection", "close")
		}
		echo(w, r)
	})
	c := &http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}
	for range 2 {
		if got, err := post(t, c, s.URL+"/close", "x"); err != nil || got != "POST /close x" {
			t.Fatalf("got %q, %v", got, err)
		}
	}
	if n := s.conns.Load(); n != 2 {
		t.Fatalf("%d connections, want 2", n)
	}

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			nc, err := ln.Accept()
			if err != nil {
				return
			}
			if req, err := http.ReadRequest(bufio.NewReader(nc)); err == nil {
				_, _ = io.Copy(io.Discard, req.Body)
			}
			_, _ = nc.Write([]byte("HTTP/1.1 200 OK\r\n\r\nuntil the end"))
			nc.Close()
		}
	}()
	if got, err := post(t, c, "http://"+ln.Addr().String()+"/", "x"); err != nil || got != "until the end" {
		t.Fatalf("close-delimited answer: %q, %v", got, err)
	}
}

// A streamed answer reaches the caller chunk by chunk, as the server flushes it.
func TestStreams(t *testing.T) {
	next := make(chan struct{})
	s := newServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		for i := range 3 {
			_, _ = io.WriteString(w, "data: "+strings.Repeat("x", i+1)+"\n\n")
			w.(http.Flusher).Flush()
			<-next
		}
	})
	c := &http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}
	resp, err := c.Post(s.URL, "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 100)
	for i := range 3 {
		n, err := resp.Body.Read(buf)
		if want := "data: " + strings.Repeat("x", i+1) + "\n\n"; err != nil || string(buf[:n]) != want {
			t.Fatalf("chunk %d: %q, %v; want %q", i, buf[:n], err, want)
		}
		next <- struct{}{}
	}
	if rest, err := io.ReadAll(resp.Body); err != nil || len(rest) != 0 {
		t.Fatalf("after the stream: %q, %v", rest, err)
	}
}

// Cancelling the context ends a blocked read with the context's error, and the connection is not
// reused; closing a body early closes its connection too. Later requests still work.
func TestCancelAndEarlyClose(t *testing.T) {
	release := make(chan struct{})
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/hang" {
			_, _ = io.WriteString(w, "first")
			w.(http.Flusher).Flush()
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		echo(w, r)
	})
	defer close(release)
	c := &http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.URL+"/hang", strings.NewReader("x"))
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 10)
	if n, err := resp.Body.Read(buf); err != nil || string(buf[:n]) != "first" {
		t.Fatalf("first read: %q, %v", buf[:n], err)
	}
	time.AfterFunc(20*time.Millisecond, cancel)
	if _, err := resp.Body.Read(buf); !errors.Is(err, context.Canceled) {
		t.Fatalf("read after cancel: %v, want context.Canceled", err)
	}
	resp.Body.Close()

	resp, err = c.Post(s.URL+"/hang", "application/json", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close() // early
	if got, err := post(t, c, s.URL+"/e", "y"); err != nil || got != "POST /e y" {
		t.Fatalf("after an early close: %q, %v", got, err)
	}
	if n := s.conns.Load(); n != 3 {
		t.Fatalf("%d connections, want 3 (neither cut connection reused)", n)
	}
}

// A server that does not answer within ResponseHeaderTimeout fails the request; a header larger than
// MaxResponseHeaderBytes is refused.
func TestLimits(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/slow":
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
		case "/big":
			w.Header().Set("X-Big", strings.Repeat("b", 64<<10))
		}
	})
	// Set on the Transport, or taken by Over from the transport it falls back to.
	for name, tr := range map[string]http.RoundTripper{
		"fields": &h1.Transport{Fallback: noFallback{}, ResponseHeaderTimeout: 50 * time.Millisecond, MaxResponseHeaderBytes: 4 << 10},
		"over":   h1.Over(&http.Transport{ResponseHeaderTimeout: 50 * time.Millisecond, MaxResponseHeaderBytes: 4 << 10}),
	} {
		c := &http.Client{Transport: tr}
		start := time.Now()
		if _, err := post(t, c, s.URL+"/slow", ""); err == nil || time.Since(start) > 4*time.Second {
			t.Fatalf("%s: slow server: err %v after %v, want an error well before the answer", name, err, time.Since(start))
		}
		if _, err := post(t, c, s.URL+"/big", ""); err == nil {
			t.Fatalf("%s: a 64 KiB header passed a 4 KiB limit", name)
		}
		if _, err := post(t, c, s.URL+"/ok", ""); err != nil {
			t.Fatalf("%s: a plain request after the refusals: %v", name, err)
		}
	}
}

// https is Fallback's: the TLS server answers through the transport it was given.
func TestFallback(t *testing.T) {
	s := httptest.NewTLSServer(http.HandlerFunc(echo))
	defer s.Close()
	c := &http.Client{Transport: &h1.Transport{Fallback: s.Client().Transport}}
	if got, err := post(t, c, s.URL+"/tls", "z"); err != nil || got != "POST /tls z" {
		t.Fatalf("https: %q, %v", got, err)
	}
	c = &http.Client{Transport: &h1.Transport{Dial: func(context.Context, string, string) (net.Conn, error) {
		return nil, errors.New("refused by the dialer")
	}}}
	if _, err := post(t, c, "http://127.0.0.1:1/", "x"); err == nil || !strings.Contains(err.Error(), "refused by the dialer") {
		t.Fatalf("dial error: %v", err)
	}
}

// An upload over MaxDirectBody goes to Fallback, which returns a server's early refusal (413 before the
// body is read) as the answer it is, not as a broken write.
func TestLargeUploadEarlyAnswer(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength > 1<<20 {
			w.Header().Set("Connection", "close")
			http.Error(w, "too large", http.StatusRequestEntityTooLarge)
			return
		}
		echo(w, r)
	})
	c := &http.Client{Transport: &h1.Transport{}}
	resp, err := c.Post(s.URL, "application/json", strings.NewReader(strings.Repeat("x", 32<<20)))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("HTTP %d, want 413", resp.StatusCode)
	}
	// So does a request for an event stream.
	req, _ := http.NewRequest(http.MethodPost, s.URL+"/s", strings.NewReader("x"))
	req.Header.Set("Accept", "text/event-stream")
	if _, err := (&http.Client{Transport: &h1.Transport{Fallback: noFallback{}}}).Do(req); err == nil || !strings.Contains(err.Error(), "handed to the fallback") {
		t.Fatalf("event stream request: %v, want it handed to the fallback", err)
	}
	// A body of unknown length (no Content-Length) goes the same way and arrives whole.
	pr, pw := io.Pipe()
	go func() { _, _ = io.WriteString(pw, "streamed"); pw.Close() }()
	resp, err = c.Post(s.URL+"/u", "application/json", pr)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "POST /u streamed" {
		t.Fatalf("unknown-length body: %q", b)
	}
}
