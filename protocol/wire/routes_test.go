package wire_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

func TestRoutesAnswerUnroutedRequestsWithTheEnvelope(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/rfc", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /v1/items/{id}", func(w http.ResponseWriter, r *http.Request) {
		// Path values and the pattern are set as the mux sets them, on both the wildcard and the plain route.
		if r.PathValue("id") != "7" || r.Pattern != "GET /v1/items/{id}" {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /v1/plain", func(w http.ResponseWriter, r *http.Request) {
		if r.Pattern != "GET /v1/plain" {
			w.WriteHeader(http.StatusTeapot)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(wire.Routes(mux, nil))
	defer srv.Close()
	wiretest.RequireEnvelopes(t, srv.URL,
		wiretest.Case{Method: "POST", Path: "/v1/rfc", Status: http.StatusNoContent},
		wiretest.Case{Method: "GET", Path: "/v1/items/7", Status: http.StatusNoContent},
		wiretest.Case{Method: "GET", Path: "/v1/plain", Status: http.StatusNoContent},
		wiretest.Case{Method: "HEAD", Path: "/v1/plain", Status: http.StatusNoContent},
		wiretest.NotAllowed("GET", "/v1/rfc", "POST"),
		wiretest.NotAllowed("DELETE", "/v1/items/7", "GET, HEAD"),
		wiretest.NotFound("GET", "/v1/nothing"),
		wiretest.NotFound("POST", "/"))
}
