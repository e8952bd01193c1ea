// Package web serves Lake Travis' two browser pages, embedded in the router: the public transparency page
// at "/" (NewHandler: the market at a glance — models leaderboard, providers, today's compute budget,
// emissions, compute balance, sessions per hour, anomalies, settled epochs — drawn in the browser from the
// router's and keeper's public JSON endpoints) and the chat page for wallet users at "/chat/"
// (NewChatHandler, static/chat/).
//
// The assets (static/: index.html, app.js, lt.mjs, style.css) are embedded in the binary: no CDN, no
// external fonts, nothing fetched from anywhere but the router (and the keeper, for batch-file links), so
// the page works offline. There is no build step; at start-up the handler stamps each asset reference with a
// content hash (app.js?v=…), so stamped assets are cached for a year as immutable and a new binary's page
// picks up new assets at once. index.html and config.json are revalidated on every load (ETag, 304).
//
// Mount it on the router's mux as the fallback route beside the /v1/ routes (router/cmd/router does this,
// with KeeperURL from its keeper-url setting):
//
//	mux.Handle("/v1/", apiHandler)
//	mux.Handle("/", web.NewHandler(web.Config{KeeperURL: keeperPublicURL}))
//
// Paths other than the page's own get a PROTOCOL §9 404 body, so a /v1/ endpoint the router does not
// serve still answers 404 (the page shows "not available" for it) rather than the page itself.
package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

//go:embed static
var staticFS embed.FS

// Config is what the page needs to know besides its own origin. The zero value is valid.
type Config struct {
	// KeeperURL is the keeper's public base URL (e.g. "https://keeper.example.org"): the page links each
	// settled epoch, a vetoed one too, to KeeperURL + "/v1/batches/{epoch}/{batchHash}" (wire.BatchPath)
	// and, when the router does not list epochs, reads
	// KeeperURL + "/v1/epochs". Empty: no batch links unless the epoch's published uri is http(s), or the
	// visitor passes ?keeper=<URL>. Cross-origin, so the keeper must send Access-Control-Allow-Origin.
	KeeperURL string
	// APIBase is the router's base URL when the page is served from another origin; empty means the
	// page's own origin (the normal case: the router serves the page).
	APIBase string
	// PollSeconds is the refresh period of the page (default 5).
	PollSeconds int
}

// Handler serves the page with the zero Config (same-origin router, keeper URL from ?keeper=).
func Handler() http.Handler { return NewHandler(Config{}) }

// asset is one embedded file, prepared at start-up.
type asset struct {
	body        []byte
	gz          []byte // nil when gzip does not help
	etag        string // quoted strong ETag of body
	contentType string
	version     string // content hash, the ?v= of stamped references
}

type handler struct {
	assets map[string]*asset // by URL path ("/", "/app.js", "/config.json", …)
}

// Content types are fixed here rather than taken from the system's MIME tables, which differ per machine
// (a module script must be served as JavaScript or the browser refuses it).
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
}

// The page's own assets, in dependency order: each one's references are stamped with the hashes of the
// assets listed before it (lt.mjs ← app.js ← index.html).
var assetOrder = []string{"lt.mjs", "style.css", "app.js", "index.html"}

// NewHandler serves the page for the given Config. It panics only if the embedded assets are broken,
// which the package's tests rule out.
func NewHandler(c Config) http.Handler {
	if c.PollSeconds <= 0 {
		c.PollSeconds = 5
	}
	h := &handler{assets: map[string]*asset{}}
	versions := map[string]string{}
	for _, name := range assetOrder {
		b, err := fs.ReadFile(staticFS, "static/"+name)
		if err != nil {
			panic(fmt.Sprintf("web: embedded asset %s: %v", name, err))
		}
		b = stamp(b, versions)
		a := newAsset(b, contentTypes[path.Ext(name)])
		versions[name] = a.version
		h.assets["/"+name] = a
	}
	h.assets["/"] = h.assets["/index.html"]
	cfg, _ := json.Marshal(struct {
		KeeperURL   string `json:"keeperUrl"`
		APIBase     string `json:"apiBase"`
		PollSeconds int    `json:"pollSeconds"`
	}{strings.TrimRight(c.KeeperURL, "/"), strings.TrimRight(c.APIBase, "/"), c.PollSeconds})
	h.assets["/config.json"] = newAsset(cfg, contentTypes[".json"])
	return h
}

// stamp rewrites references to already-versioned assets — "app.js" → "app.js?v=<hash>" — where they
// appear quoted (src="app.js", href="style.css", from './lt.mjs').
func stamp(b []byte, versions map[string]string) []byte {
	for name, v := range versions {
		for _, q := range []string{`"`, `'`} {
			for _, prefix := range []string{"", "./"} {
				old := q + prefix + name + q
				b = bytes.ReplaceAll(b, []byte(old), []byte(q+prefix+name+"?v="+v+q))
			}
		}
	}
	return b
}

func newAsset(body []byte, contentType string) *asset {
	sum := sha256.Sum256(body)
	a := &asset{body: body, contentType: contentType, version: hex.EncodeToString(sum[:6])}
	a.etag = `"` + hex.EncodeToString(sum[:16]) + `"`
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	_, _ = zw.Write(body)
	_ = zw.Close()
	if buf.Len() < len(body)*9/10 {
		a.gz = buf.Bytes()
	}
	return a
}

// contentSecurityPolicy: the page's own scripts and styles only; data may come from any http(s) origin
// (the router's API base and the keeper are configurable).
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self' http: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	a, ok := h.assets[r.URL.Path]
	if !ok {
		notFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed on "+r.URL.Path+" (allowed: GET, HEAD)")
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.contentType)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("Vary", "Accept-Encoding")
	if strings.HasSuffix(a.contentType, "html; charset=utf-8") {
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Frame-Options", "DENY")
	}
	switch v := r.URL.Query().Get("v"); {
	case v != "" && v == a.version:
		// The URL names this exact content: it never changes.
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	default:
		// index.html, config.json and unstamped references: revalidate every time (cheap: 304).
		hd.Set("Cache-Control", "no-cache")
	}
	body, etag := a.body, a.etag
	if a.gz != nil && acceptsGzip(r) {
		body, etag = a.gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
		hd.Set("Content-Encoding", "gzip")
	}
	hd.Set("ETag", etag)
	if etagMatches(r.Header.Get("If-None-Match"), etag) {
		hd.Del("Content-Type")
		hd.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") {
			q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
			return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
		}
	}
	return false
}

// etagMatches implements If-None-Match's weak comparison.
func etagMatches(header, etag string) bool {
	if header == "" {
		return false
	}
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == etag {
			return true
		}
	}
	return false
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "not_found", "no such page or endpoint: "+r.URL.Path)
}

// writeError writes the PROTOCOL §9 error envelope (kept dependency-free: protocol/wire pulls in
// go-ethereum).
func writeError(w http.ResponseWriter, status int, code, message string) {
	b, _ := json.Marshal(map[string]map[string]string{"error": {"code": code, "message": message}})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}
