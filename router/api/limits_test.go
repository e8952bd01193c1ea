package api_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
)

// TestCheapRejectionsBeforeSignature: an expired RFC and an RFC reusing a nonce are refused for that,
// whatever their signature: the refusal needs no elliptic-curve recovery.
func TestCheapRejectionsBeforeSignature(t *testing.T) {
	p := newStandIn(t, 2)
	e := newEnv(t, 100e9, []*standIn{p}, []uint64{1e9})
	ok := e.rfc(5e9, 60)
	code, b := e.post("/v1/rfc", e.sign(ok, domain))
	require.Equal(t, 200, code, string(b))

	mallory, _ := crypto.GenerateKey()
	forge := func(r eip712.RFC) []byte {
		saved := e.user
		e.user = mallory // signs as someone else: the signature would not verify
		defer func() { e.user = saved }()
		return e.sign(r, domain)
	}
	expired := e.rfc(5e9, 60)
	expired.Deadline = 1
	code, b = e.post("/v1/rfc", forge(expired))
	require.Equal(t, 400, code, string(b))
	require.Equal(t, wire.CodeExpired, errCode(t, b))

	reused := ok
	reused.MaxSeconds = 30
	code, b = e.post("/v1/rfc", forge(reused))
	require.Equal(t, 409, code, string(b))
	require.Equal(t, wire.CodeNonceReused, errCode(t, b))

	// A fresh RFC with a forged signature still fails on the signature, and a replay of the accepted RFC
	// with a forged signature does not get its session.
	code, b = e.post("/v1/rfc", forge(e.rfc(5e9, 60)))
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))
	code, b = e.post("/v1/rfc", forge(ok))
	require.Equal(t, 401, code, string(b))
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))
}

// TestUserRateLimit: past its burst a user's new RFCs get 429 with Retry-After and the §9 envelope, after
// the signature check; a replay of an accepted RFC is answered with its session and does not count.
func TestUserRateLimit(t *testing.T) {
	p := newStandIn(t, 8)
	e := newEnvWith(t, 1e15, []*standIn{p}, []uint64{1e9}, func(c *api.Config) {
		c.UserRate = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 2})
	})
	first := e.sign(e.rfc(5e9, 60), domain)
	code, b := e.post("/v1/rfc", first)
	require.Equal(t, 200, code, string(b))
	code, b = e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	for range 3 {
		code, b = e.post("/v1/rfc", first)
		require.Equal(t, 200, code, "a replay is answered with its session: %s", b)
	}
	resp := e.postResp("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 429, resp.status, string(resp.body))
	require.Equal(t, wire.CodeRateLimited, errCode(t, resp.body))
	secs, err := strconv.Atoi(resp.retryAfter)
	require.NoError(t, err)
	require.Positive(t, secs)
}

// TestReplayAfterRestart: after the router restarts on its database, a replay of an RFC it answered gets
// that session, and neither it nor an RFC reusing its nonce probes a provider or uses the user's rate.
func TestReplayAfterRestart(t *testing.T) {
	p := newStandIn(t, 8)
	path := filepath.Join(t.TempDir(), "r.db")
	limit := func(c *api.Config) { c.UserRate = ratelimit.New(ratelimit.Rate{PerSecond: 0.001, Burst: 1}) }
	e := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, limit)
	first := e.rfc(5e9, 60)
	code, b := e.post("/v1/rfc", e.sign(first, domain))
	require.Equal(t, 200, code, string(b))
	var answered wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &answered))
	require.NoError(t, e.db.Close())

	r := newEnvAt(t, path, 1e15, []*standIn{p}, []uint64{1e9}, limit)
	r.user, r.nonce = e.user, e.nonce
	probes := p.hits.Load()
	for range 3 {
		code, b = r.post("/v1/rfc", r.sign(first, domain))
		require.Equal(t, 200, code, "a replay is answered with its session: %s", b)
		var again wire.RFCResponse
		require.NoError(t, json.Unmarshal(b, &again))
		require.Equal(t, answered.SessionID, again.SessionID)
	}
	reused := first
	reused.MaxSeconds = 30
	code, b = r.post("/v1/rfc", r.sign(reused, domain))
	require.Equal(t, 409, code, string(b))
	require.Equal(t, wire.CodeNonceReused, errCode(t, b))
	require.Equal(t, probes, p.hits.Load(), "no provider probed for a replay or a used nonce")
	// The user's one RFC of burst is still there: the replays did not use it.
	code, b = r.post("/v1/rfc", r.sign(r.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	code, b = r.post("/v1/rfc", r.sign(r.rfc(5e9, 60), domain))
	require.Equal(t, 429, code, string(b))
}
