package web

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func get(t *testing.T, h http.Handler, method, target string, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

var refRE = regexp.MustCompile(`(?:src|href)="([^"#:]+)"|from '([^']+)'`)

// The page and every asset it references are served with the right type; stamped references are
// cacheable forever, the rest revalidates.
func TestPageAndAssets(t *testing.T) {
	h := Handler()
	rec := get(t, h, "GET", "/", nil)
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET / = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if cc := rec.Header().Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("index Cache-Control = %q, want no-cache", cc)
	}
	if rec.Header().Get("Content-Security-Policy") == "" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("index lacks security headers: %v", rec.Header())
	}
	page := rec.Body.String()
	for _, want := range []string{`<main id="main"`, `role="banner"`, `aria-live="polite"`, `lang="en"`, `name="viewport"`} {
		if !strings.Contains(page, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}

	// Follow every local reference of index.html and app.js.
	queue, seen := []string{page}, map[string]bool{}
	wantType := map[string]string{".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
	for len(queue) > 0 {
		body := queue[0]
		queue = queue[1:]
		for _, m := range refRE.FindAllStringSubmatch(body, -1) {
			ref := strings.TrimPrefix(m[1]+m[2], "./")
			if ref == "" || strings.HasPrefix(ref, "/v1/") || seen[ref] {
				continue
			}
			seen[ref] = true
			if !strings.Contains(ref, "?v=") {
				t.Errorf("reference %q is not content-stamped", ref)
			}
			r := get(t, h, "GET", "/"+ref, nil)
			name := ref[:strings.Index(ref+"?", "?")]
			ext := name[strings.LastIndex(name, "."):]
			if r.Code != 200 || r.Header().Get("Content-Type") != wantType[ext] {
				t.Errorf("GET /%s = %d %q", ref, r.Code, r.Header().Get("Content-Type"))
			}
			if cc := r.Header().Get("Cache-Control"); cc != "public, max-age=31536000, immutable" {
				t.Errorf("GET /%s Cache-Control = %q", ref, cc)
			}
			queue = append(queue, r.Body.String())
			// The unstamped URL works too but must revalidate.
			if r2 := get(t, h, "GET", "/"+name, nil); r2.Code != 200 || r2.Header().Get("Cache-Control") != "no-cache" {
				t.Errorf("GET /%s = %d %q", name, r2.Code, r2.Header().Get("Cache-Control"))
			}
		}
	}
	for _, want := range []string{"app.js", "lt.mjs", "style.css"} {
		found := false
		for ref := range seen {
			found = found || strings.HasPrefix(ref, want+"?v=")
		}
		if !found {
			t.Errorf("%s is not referenced (seen %v)", want, seen)
		}
	}
}

// Nothing is loaded from another origin: no CDN, no web fonts.
func TestNoExternalResources(t *testing.T) {
	ext := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//|@font-face`)
	for _, name := range assetOrder {
		b, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if m := ext.Find(b); m != nil {
			t.Errorf("%s references an external resource: %s", name, m)
		}
	}
}

func TestConditionalGzipHeadAndErrors(t *testing.T) {
	h := NewHandler(Config{KeeperURL: "http://127.0.0.1:9/", PollSeconds: 3})

	rec := get(t, h, "GET", "/app.js", nil)
	etag := rec.Header().Get("ETag")
	if etag == "" || rec.Header().Get("Content-Encoding") != "" {
		t.Fatalf("plain GET: etag %q encoding %q", etag, rec.Header().Get("Content-Encoding"))
	}
	if r := get(t, h, "GET", "/app.js", map[string]string{"If-None-Match": etag}); r.Code != http.StatusNotModified || r.Body.Len() != 0 {
		t.Errorf("If-None-Match: %d, %d bytes", r.Code, r.Body.Len())
	}

	gz := get(t, h, "GET", "/app.js", map[string]string{"Accept-Encoding": "br, gzip"})
	if gz.Header().Get("Content-Encoding") != "gzip" || gz.Header().Get("ETag") == etag {
		t.Fatalf("gzip: encoding %q etag %q", gz.Header().Get("Content-Encoding"), gz.Header().Get("ETag"))
	}
	zr, err := gzip.NewReader(gz.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, rec.Body.Bytes()) {
		t.Error("gzip body differs from the plain body")
	}
	if r := get(t, h, "GET", "/app.js", map[string]string{"Accept-Encoding": "gzip;q=0"}); r.Header().Get("Content-Encoding") != "" {
		t.Error("gzip;q=0 still got gzip")
	}

	head := get(t, h, "HEAD", "/style.css", nil)
	if head.Code != 200 || head.Body.Len() != 0 || head.Header().Get("Content-Length") == "0" {
		t.Errorf("HEAD: %d, %d bytes, length %q", head.Code, head.Body.Len(), head.Header().Get("Content-Length"))
	}

	post := get(t, h, "POST", "/", nil)
	var postEnv struct{ Error struct{ Code string } }
	if post.Code != http.StatusMethodNotAllowed || post.Header().Get("Allow") != "GET, HEAD" ||
		json.Unmarshal(post.Body.Bytes(), &postEnv) != nil || postEnv.Error.Code != "method_not_allowed" {
		t.Errorf("POST /: %d allow %q %s, want a §9 method_not_allowed", post.Code, post.Header().Get("Allow"), post.Body)
	}

	for _, p := range []string{"/v1/budget", "/nope.js", "/static/app.js", "/../web.go"} {
		r := get(t, h, "GET", p, nil)
		var env struct {
			Error struct{ Code, Message string }
		}
		if r.Code != 404 || json.Unmarshal(r.Body.Bytes(), &env) != nil || env.Error.Code != "not_found" {
			t.Errorf("GET %s = %d %s, want a §9 not_found", p, r.Code, r.Body)
		}
	}

	cfg := get(t, h, "GET", "/config.json", nil)
	var c struct {
		KeeperURL   string `json:"keeperUrl"`
		APIBase     string `json:"apiBase"`
		PollSeconds int    `json:"pollSeconds"`
	}
	if cfg.Header().Get("Content-Type") != "application/json" || json.Unmarshal(cfg.Body.Bytes(), &c) != nil ||
		c.KeeperURL != "http://127.0.0.1:9" || c.PollSeconds != 3 || c.APIBase != "" {
		t.Errorf("config.json = %q %s", cfg.Header().Get("Content-Type"), cfg.Body)
	}
}

// Mounted under a prefix, the page still finds its assets (they are referenced relatively).
func TestUnderPrefix(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("GET /market/", http.StripPrefix("/market", Handler()))
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/market/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`src="(app\.js\?v=[0-9a-f]+)"`).FindSubmatch(body)
	if resp.StatusCode != 200 || m == nil {
		t.Fatalf("GET /market/ = %d, no app.js reference", resp.StatusCode)
	}
	r2, err := http.Get(srv.URL + "/market/" + string(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	r2.Body.Close()
	if r2.StatusCode != 200 {
		t.Errorf("GET /market/%s = %d", m[1], r2.StatusCode)
	}
}
