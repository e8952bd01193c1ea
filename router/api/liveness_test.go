package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestLivenessProvesTheRouterKey: POST /v1/liveness answers a Liveness naming the router's address,
// echoing the challenge, timestamped by the router's clock and signed by its ticket key, which the rule a
// provider's discovery applies (wire.AskLiveness, wire.LivenessResponse.Check) accepts; a body that is not
// a liveness request gets the PROTOCOL §9 envelope.
func TestLivenessProvesTheRouterKey(t *testing.T) {
	e := newEnv(t, 1e15, nil, nil)
	e.advance(5 * time.Second)
	router := crypto.PubkeyToAddress(e.routerK.PublicKey)

	lr, challenge, err := wire.AskLiveness(context.Background(), http.DefaultClient, e.url, common.Hash{})
	require.NoError(t, err)
	require.Equal(t, router, lr.Liveness.Provider)
	require.Equal(t, challenge, lr.Liveness.Challenge)
	require.InDelta(t, time.Now().Unix()+5, int64(lr.Liveness.Timestamp), 1, "the router's clock")
	signer, _, err := domain.Recover(&lr.Liveness, lr.Signature[:])
	require.NoError(t, err)
	require.Equal(t, router, signer, "signed by the router's key")
	require.NoError(t, lr.Check(domain, router, router, challenge, time.Now(), time.Minute))

	status, body := e.post("/v1/liveness", mustJSON(wire.LivenessRequest{Challenge: common.Hash{7}}))
	require.Equal(t, http.StatusOK, status)
	var again wire.LivenessResponse
	require.NoError(t, json.Unmarshal(body, &again))
	require.Equal(t, common.Hash{7}, again.Liveness.Challenge)

	for _, c := range []struct {
		body   string
		status int
		code   string
	}{
		{"", http.StatusBadRequest, wire.CodeBadRequest},
		{"not json", http.StatusBadRequest, wire.CodeBadRequest},
		{`{"challenge":"0x1234"}`, http.StatusBadRequest, wire.CodeBadRequest},
		{`{"challenge":7}`, http.StatusBadRequest, wire.CodeBadRequest},
		{`{"challenge":"0x` + strings.Repeat("ab", 32) + `","pad":"` + strings.Repeat("x", 5000) + `"}`, http.StatusRequestEntityTooLarge, wire.CodeTooLarge},
	} {
		status, body := e.post("/v1/liveness", []byte(c.body))
		require.Equal(t, c.status, status, "%.40q: %s", c.body, body)
		require.Equal(t, c.code, errCode(t, body), "%.40q", c.body)
	}
	wiretest.RequireEnvelopes(t, e.url, wiretest.NotAllowed("GET", "/v1/liveness", "POST"))
}
