package main

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestMaxConnsPerIPFlag: --max-conns-per-ip (LT_KEEPER_MAX_CONNS_PER_IP, config key max-conns-per-ip) is
// the HTTP server's bound of connections per client address (internal/service TestConnsPerIP).
func TestMaxConnsPerIPFlag(t *testing.T) {
	servicetest.MaxConnsPerIP(t, "LT_KEEPER_MAX_CONNS_PER_IP", func(args ...string) int {
		cmd, v := newCommand()
		require.NoError(t, cmd.ParseFlags(args))
		if f := v.GetString("config"); f != "" {
			v.SetConfigFile(f)
			require.NoError(t, v.ReadInConfig())
		}
		return httpServer(v, api.New(nil, nil, nil)).MaxConnsPerIP
	})
}

// TestUncanonicalPathsGetTheEnvelope: on the keeper's HTTP server (httpServer of its API), a path not in
// canonical form ("//v1/epochs", "/./metrics", "/x/../healthz", …) gets the PROTOCOL §9 404 not_found;
// before, the API's mux redirected it (307, plain text) to the cleaned path. These requests never reach
// the ledger, so none is needed.
func TestUncanonicalPathsGetTheEnvelope(t *testing.T) {
	_, v := newCommand()
	metrics := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httpServer(v, api.New(nil, metrics, nil)).Server()
	base := wiretest.Serve(t, srv)
	wiretest.RequireEnvelopes(t, base, wiretest.Case{Method: "GET", Path: "/metrics", Status: http.StatusNoContent})
	for _, p := range []string{"/v1/epochs", "/v1/proofs/0xabc", "/healthz", "/metrics"} {
		wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical("GET", p)...)
	}
}
