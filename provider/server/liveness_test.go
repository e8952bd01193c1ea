package server_test

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestLivenessRateLimitedPerIP: POST /v1/liveness, which anyone may send and each answer of which costs
// a signature (through an external signer, an approval), is held to Config.RateLiveness per client
// address (serve's --rate-liveness): past the burst an address gets 429 rate_limited with Retry-After
// and the signer is not asked, while another address is still answered and signed for. Without the bound
// every request was signed.
func TestLivenessRateLimitedPerIP(t *testing.T) {
	signer := &refusingSigner{Signer: keys.NewKeySigner(devnet.DevKey(4), 31337)}
	addr := runServer(t, func(c *server.Config) {
		c.Signer = signer
		c.RateLiveness = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 3}) // no token comes back within the test
	})
	// from is a client whose connections come from ip.
	from := func(ip string) *http.Client {
		d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(ip)}}
		tr := &http.Transport{DialContext: d.DialContext}
		t.Cleanup(tr.CloseIdleConnections)
		return &http.Client{Transport: tr}
	}
	body, err := json.Marshal(wire.LivenessRequest{Challenge: crypto.Keccak256Hash([]byte("challenge"))})
	require.NoError(t, err)
	probe := func(c *http.Client) *http.Response {
		resp, err := c.Post("http://"+addr+"/v1/liveness", "application/json", bytes.NewReader(body))
		require.NoError(t, err)
		return resp
	}
	flooder, other := from("127.0.0.1"), from("127.0.0.2")
	for range 3 {
		resp := probe(flooder)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	for range 5 {
		requireRateLimited(t, probe(flooder))
	}
	require.EqualValues(t, 3, signer.asked.Load(), "the signer is asked only for the answers given")
	resp := probe(other)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "another address is answered")
	require.EqualValues(t, 4, signer.asked.Load())
	resp, err = flooder.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "the bound is liveness's alone")
}
