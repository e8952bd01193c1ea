package main

import (
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/client/gateway"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestGatewayUncanonicalPaths: on lt gateway's HTTP server, a path not in canonical form ("//v1/models",
// "/./v1/chat/completions", "/x/../healthz", …) gets the PROTOCOL §9 404 not_found; before, the gateway's
// mux redirected it (307, plain text) to the cleaned path. No router is reached.
func TestGatewayUncanonicalPaths(t *testing.T) {
	key, err := crypto.GenerateKey()
	require.NoError(t, err)
	g, err := gateway.New(gateway.Config{
		Client: &client.Client{Router: client.NewRouterClient("http://127.0.0.1:1", nil), Domain: eip712.NewDomain(31337, [20]byte{1}), Key: key},
		RFC:    client.RFCParams{MaxPricePerSecond: uint256.NewInt(1), MaxSeconds: 100},
	})
	require.NoError(t, err)
	srv := gatewayServer(g, 0)
	base := wiretest.Serve(t, srv)
	wiretest.RequireEnvelopes(t, base, wiretest.Case{Method: "GET", Path: "/healthz", Status: http.StatusOK})
	for _, c := range [][2]string{{"GET", "/v1/models"}, {"GET", "/v1/models/llama3:8b"}, {"POST", "/v1/chat/completions"}, {"GET", "/healthz"}} {
		wiretest.RequireEnvelopes(t, base, wiretest.Uncanonical(c[0], c[1])...)
	}
}
