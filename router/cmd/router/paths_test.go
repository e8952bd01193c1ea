package main

import (
	"net/http"
	"testing"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/web"
)

// TestUncanonicalPathsGetTheEnvelope: on the router's HTTP server as run() builds it (the API, the
// transparency page, the chat page, the metrics), a path not in canonical form ("//v1/x", "/v1/../v1/rfc",
// "/./v1/models", …) and /v1 itself get the PROTOCOL §9 404 not_found; before, the muxes redirected them
// (307, plain text). The API stands in with two routes: its own 404/405 are router/api's tests.
func TestUncanonicalPathsGetTheEnvelope(t *testing.T) {
	mux := http.NewServeMux()
	ok := func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }
	mux.HandleFunc("GET /v1/models", ok)
	mux.HandleFunc("POST /v1/rfc", ok)
	srv := httpServer(&config{}, nil, wire.Routes(mux, nil), web.ChatConfig{ChainID: 31337}, http.HandlerFunc(ok))
	base := wiretest.Serve(t, srv)
	wiretest.RequireEnvelopes(t, base,
		wiretest.Case{Method: "GET", Path: "/v1/models", Status: http.StatusNoContent},
		wiretest.Case{Method: "GET", Path: "/", Status: http.StatusOK},
		wiretest.Case{Method: "GET", Path: "/chat/", Status: http.StatusOK},
		wiretest.Case{Method: "GET", Path: "/chat", Status: http.StatusMovedPermanently}, // the page's own, to /chat/
		wiretest.Case{Method: "GET", Path: "/metrics", Status: http.StatusNoContent},
		wiretest.NotFound("GET", "/v1"),
		wiretest.NotFound("GET", "//v1/x"),
		wiretest.NotFound("POST", "/v1/../v1/rfc"),
		wiretest.NotFound("GET", "/./v1/models"))
	for _, c := range [][2]string{{"GET", "/v1/models"}, {"POST", "/v1/rfc"}, {"GET", "/"}, {"GET", "/chat/"}, {"GET", "/metrics"}} {
		wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical(c[0], c[1])...)
	}
}
