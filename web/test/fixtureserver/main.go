// Command fixtureserver serves the transparency page (web.NewHandler) together with recorded JSON
// fixtures in the router's and keeper's shapes, for the browser test when no real router is given
// (LT_WEB_BASE_URL unset) and for working on the page:
//
//	go run ./web/test/fixtureserver -addr 127.0.0.1:8099
//
// GET /v1/<a>/<b> answers <fixtures>/<a>_<b>.json (404 with a PROTOCOL §9 body when there is none); the
// keeper lives under /keeper/ on the same server: /keeper/v1/<a>/<b> answers keeper_<a>_<b>.json, with CORS
// headers as a real keeper on another origin would need; /keeper/v1/batches/<epoch>/<batchHash> answers
// keeper_batches_<epoch>.json. It prints "listening on <URL>" once it is ready.
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"

	"github.com/laketravis/laketravis/web"
)

var safe = regexp.MustCompile(`^[a-z0-9_-]+$`)

func main() {
	_, self, _, _ := runtime.Caller(0)
	addr := flag.String("addr", "127.0.0.1:0", "listen address")
	dir := flag.String("fixtures", filepath.Join(filepath.Dir(self), "..", "fixtures"), "directory of the JSON fixtures")
	flag.Parse()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	mux := http.NewServeMux()
	mux.Handle("GET /v1/", fixtures(*dir, "/v1/", ""))
	mux.Handle("GET /keeper/v1/", fixtures(*dir, "/keeper/v1/", "keeper_"))
	// A batch file at its commit's content-addressed path (wire.BatchPath) is the epoch's fixture.
	mux.HandleFunc("GET /keeper/v1/batches/{epoch}/{batchHash}", func(w http.ResponseWriter, r *http.Request) {
		r2 := r.Clone(r.Context())
		r2.URL.Path = "/keeper/v1/batches/" + r.PathValue("epoch")
		fixtures(*dir, "/keeper/v1/", "keeper_").ServeHTTP(w, r2)
	})
	mux.Handle("GET /", web.NewHandler(web.Config{KeeperURL: base + "/keeper", PollSeconds: 2}))
	fmt.Printf("listening on %s\n", base)
	_ = os.Stdout.Sync()
	log.Fatal(http.Serve(ln, mux))
}

func fixtures(dir, prefix, filePrefix string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", "*")
		w.Header().Set("Cache-Control", "no-store")
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, prefix), "/")
		for _, p := range parts {
			if !safe.MatchString(p) {
				notFound(w, r)
				return
			}
		}
		b, err := os.ReadFile(filepath.Join(dir, filePrefix+strings.Join(parts, "_")+".json"))
		if err != nil {
			notFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(b)
	})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, `{"error":{"code":"not_found","message":"no fixture for %s"}}`+"\n", r.URL.Path)
}
