package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/router/api"
)

// TestLivenessProvesTheRouterKey: POST /v1/liveness answers, for a url that is one of the router's public
// URLs (in any of its forms: a trailing slash, an upper-case host, a default port), a Liveness naming the
// router's address, its challenge the body's bound to that URL (wire.BoundChallenge), timestamped by the
// router's clock and signed by its ticket key, which the rule a provider's discovery applies
// (wire.LivenessResponse.Check against the bound challenge) accepts. A body without a url is refused 400,
// one naming another URL 403 naming the router's public URLs (a URL relaying a provider's challenge
// verbatim gets no proof); a body that is not a liveness request gets the PROTOCOL §9 envelope.
func TestLivenessProvesTheRouterKey(t *testing.T) {
	public := []string{"https://router.example", "http://10.1.2.3:8080/"}
	e := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) { c.PublicURLs = public })
	e.advance(5 * time.Second)
	router := crypto.PubkeyToAddress(e.routerK.PublicKey)

	for i, u := range []string{"https://router.example", "https://router.example/", "HTTPS://ROUTER.Example:443", "http://10.1.2.3:8080"} {
		challenge := common.Hash{7, byte(i)}
		status, body := e.post("/v1/liveness", mustJSON(wire.LivenessRequest{Challenge: challenge, URL: u}))
		require.Equal(t, http.StatusOK, status, "%s: %s", u, body)
		var lr wire.LivenessResponse
		require.NoError(t, json.Unmarshal(body, &lr))
		bound := wire.BoundChallenge(challenge, u)
		require.Equal(t, router, lr.Liveness.Provider)
		require.Equal(t, bound, lr.Liveness.Challenge, "%s: the challenge bound to the URL", u)
		require.NotEqual(t, challenge, lr.Liveness.Challenge)
		require.InDelta(t, time.Now().Unix()+5, int64(lr.Liveness.Timestamp), 1, "the router's clock")
		signer, _, err := domain.Recover(&lr.Liveness, lr.Signature[:])
		require.NoError(t, err)
		require.Equal(t, router, signer, "signed by the router's key")
		require.NoError(t, lr.Check(domain, router, router, bound, time.Now(), time.Minute))
		require.Error(t, lr.Check(domain, router, router, wire.BoundChallenge(challenge, e.url), time.Now(), time.Minute),
			"not a proof for another URL")
	}

	for _, c := range []struct {
		body   string
		status int
		code   string
		says   string
	}{
		{`{"challenge":"0x` + strings.Repeat("ab", 32) + `"}`, http.StatusBadRequest, wire.CodeBadRequest, "URL you reached this router at"},
		{`{"challenge":"0x` + strings.Repeat("ab", 32) + `","url":"` + e.url + `"}`, http.StatusForbidden, wire.CodeForbidden, "https://router.example, http://10.1.2.3:8080/"},
		{`{"challenge":"0x` + strings.Repeat("ab", 32) + `","url":"http://router.example"}`, http.StatusForbidden, wire.CodeForbidden, "not one of this router's public URLs"},
		{"", http.StatusBadRequest, wire.CodeBadRequest, ""},
		{"not json", http.StatusBadRequest, wire.CodeBadRequest, ""},
		{`{"challenge":"0x1234","url":"https://router.example"}`, http.StatusBadRequest, wire.CodeBadRequest, ""},
		{`{"challenge":7}`, http.StatusBadRequest, wire.CodeBadRequest, ""},
		{`{"challenge":"0x` + strings.Repeat("ab", 32) + `","pad":"` + strings.Repeat("x", 5000) + `"}`, http.StatusRequestEntityTooLarge, wire.CodeTooLarge, ""},
	} {
		status, body := e.post("/v1/liveness", []byte(c.body))
		require.Equal(t, c.status, status, "%.60q: %s", c.body, body)
		require.Equal(t, c.code, errCode(t, body), "%.60q", c.body)
		require.Contains(t, string(body), c.says)
	}
	wiretest.RequireEnvelopes(t, e.url, wiretest.NotAllowed("GET", "/v1/liveness", "POST"))
}

// TestLivenessProvesRetiredKeys: a router that changed ticket keys and keeps the old ones (Config.
// RetiredSigners, --retired-keystore) proves each of them in its liveness answer besides its own key
// ("retired": a Liveness naming the retired address over the same bound challenge and timestamp, signed by
// that key), so that a provider's discovery still maps its URL to the key that signed the tickets of the
// sessions opened before the change, and sends their closes here. Each proof passes the rule a provider
// applies (wire.LivenessResponse.RetiredRouters) for the URL asked, and for no other URL. A router
// without retired keys sends no such field.
func TestLivenessProvesRetiredKeys(t *testing.T) {
	old1, _ := crypto.GenerateKey()
	old2, _ := crypto.GenerateKey()
	retired := []common.Address{crypto.PubkeyToAddress(old1.PublicKey), crypto.PubkeyToAddress(old2.PublicKey)}
	e := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) {
		c.PublicURLs = []string{"https://router.example"}
		c.RetiredSigners = []keys.Signer{keys.NewKeySigner(old1, domain.ChainID()), keys.NewKeySigner(old2, domain.ChainID())}
	})
	router := crypto.PubkeyToAddress(e.routerK.PublicKey)

	challenge := common.Hash{9}
	status, body := e.post("/v1/liveness", mustJSON(wire.LivenessRequest{Challenge: challenge, URL: "https://router.example/"}))
	require.Equal(t, http.StatusOK, status, string(body))
	var lr wire.LivenessResponse
	require.NoError(t, json.Unmarshal(body, &lr))
	bound := wire.BoundChallenge(challenge, "https://router.example")
	require.NoError(t, lr.Check(domain, router, router, bound, time.Now(), time.Minute), "the router's own key, as before")
	require.Len(t, lr.Retired, 2)
	for i, p := range lr.Retired {
		require.Equal(t, retired[i], p.Liveness.Provider)
		require.Equal(t, bound, p.Liveness.Challenge, "bound to the URL asked")
		require.Equal(t, lr.Liveness.Timestamp, p.Liveness.Timestamp)
		signer, _, err := domain.Recover(&p.Liveness, p.Signature[:])
		require.NoError(t, err)
		require.Equal(t, retired[i], signer, "signed by the retired key")
	}
	proved, refused := lr.RetiredRouters(domain, bound, time.Now(), time.Minute)
	require.Empty(t, refused)
	require.Equal(t, retired, proved)
	proved, refused = lr.RetiredRouters(domain, wire.BoundChallenge(challenge, "https://other.example"), time.Now(), time.Minute)
	require.Empty(t, proved, "not a proof for another URL")
	require.Len(t, refused, 2)

	plain := newEnvWith(t, 1e15, nil, nil, func(c *api.Config) { c.PublicURLs = []string{"https://router.example"} })
	status, body = plain.post("/v1/liveness", mustJSON(wire.LivenessRequest{Challenge: challenge, URL: "https://router.example"}))
	require.Equal(t, http.StatusOK, status, string(body))
	require.NotContains(t, string(body), "retired", "no retired keys, no field")
}
