//go:build linux

package segtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// TestCheckWhole: an answer written once with its length passes; one whose header was flushed before its
// body (two writes) or whose body was chunked fails, each with its reason.
func TestCheckWhole(t *testing.T) {
	body := strings.Repeat("x", 300)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/whole":
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			_, _ = w.Write([]byte(body))
		case "/header-first":
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.WriteHeader(http.StatusOK)
			w.(http.Flusher).Flush()
			_, _ = w.Write([]byte(body))
		case "/chunked":
			_, _ = w.Write([]byte(body))
			w.(http.Flusher).Flush()
		}
	}))
	defer srv.Close()
	for path, want := range map[string]string{
		"/whole":        "",
		"/header-first": "2 TCP segments",
		"/chunked":      "Transfer-Encoding [chunked]",
	} {
		req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Send(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		if string(a.Bytes) != body {
			t.Fatalf("%s: body %q", path, a.Bytes)
		}
		err = CheckWhole(a)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s: %v", path, err)
		case want != "" && (err == nil || !strings.Contains(err.Error(), want)):
			t.Errorf("%s: got %v, want an error saying %q", path, err, want)
		}
	}
}
