package server_test

import (
	"net/http"
	"testing"

	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestUncanonicalPathsGetTheEnvelope: on the server Run serves, a path not in canonical form
// ("//v1/models", "/./v1/liveness", "/x/../v1/chat/completions", …) gets the PROTOCOL §9 404 not_found;
// before, the mux redirected it (307, plain text) to the cleaned path.
func TestUncanonicalPathsGetTheEnvelope(t *testing.T) {
	base := "http://" + runServer(t, nil)
	wiretest.RequireEnvelopes(t, base, wiretest.Case{Method: "GET", Path: "/healthz", Status: http.StatusOK})
	for _, c := range [][2]string{{"GET", "/v1/models"}, {"POST", "/v1/liveness"}, {"POST", "/v1/chat/completions"},
		{"POST", "/v1/sessions/0x01/close"}, {"GET", "/healthz"}, {"GET", "/metrics"}} {
		wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical(c[0], c[1])...)
	}
}
