package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/router/api"
)

func TestRFCHappyPathIdempotentAndClose(t *testing.T) {
	p1, p2 := newStandIn(t, 2), newStandIn(t, 2)
	e := newEnv(t, 1e15, []*standIn{p1, p2}, []uint64{2e9, 1e9})
	r := e.rfc(5e9, 60)
	body := e.sign(r, domain)
	code, b := e.post("/v1/rfc", body)
	require.Equal(t, 200, code, string(b))
	var resp wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &resp))
	require.Equal(t, p2.provider, resp.Provider, "cheapest provider")
	require.Equal(t, "1000000000", resp.PricePerSecond.Dec())
	digest := domain.Digest(&r)
	require.Equal(t, eip712.SessionID(digest, p2.provider), resp.SessionID)
	_, err := domain.Verify(&resp.Ticket, resp.TicketSignature[:], e.srv.Router())
	require.NoError(t, err, "ticket signed by the router key")
	require.Equal(t, crypto.PubkeyToAddress(e.user.PublicKey), resp.Ticket.User)
	require.InDelta(t, time.Now().Unix()+60+60, int64(resp.Ticket.NotAfter), 3)

	// Retry: same session, nothing reserved twice.
	code, b2 := e.post("/v1/rfc", body)
	require.Equal(t, 200, code)
	var again wire.RFCResponse
	require.NoError(t, json.Unmarshal(b2, &again))
	require.Equal(t, resp.SessionID, again.SessionID)
	used, _ := e.db.Used(context.Background(), r.User, 3)
	require.Equal(t, uint64(60e9), used.Uint64())

	// Close with both signatures, two minutes later.
	e.advance(2 * time.Minute)
	rc := eip712.UsageReceipt{SessionID: resp.SessionID, Seconds: 90, InputTokens: 10, OutputTokens: 500, TTFTMs: 200}
	us, _ := domain.Sign(&rc, e.user)
	ps, _ := domain.Sign(&rc, p2.signer)
	cb, _ := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps})
	code, b = e.post("/v1/sessions/"+resp.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.Equal(t, uint32(60), rec.BilledSeconds, "billed capped at the ticket's maxSeconds")
	code, b = e.post("/v1/sessions/"+resp.SessionID.Hex()+"/close", cb)
	require.Equal(t, 409, code)
	require.Equal(t, wire.CodeSessionClosed, errCode(t, b))

	// Feed.
	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 1)
	require.Equal(t, resp.SessionID, page.Sessions[0].SessionID)
	require.Equal(t, ps, *page.Sessions[0].ProviderSignature)
	require.Equal(t, "1", page.Next)
	require.Empty(t, getFeed(t, e, page.Next).Sessions)
}

// TestMetricsExposition: the router's metrics, as router/cmd/router serves them at /metrics, read back by
// the Prometheus parser after an RFC that opened a session and one refused.
func TestMetricsExposition(t *testing.T) {
	p := newStandIn(t, 2)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	code, _ = e.post("/v1/rfc", []byte(`{"rfc":{}}`))
	require.Equal(t, 400, code)

	rec := httptest.NewRecorder()
	metricset.Handler(e.reg, false).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	f := promtest.Parse(t, rec.Body)
	require.Equal(t, 1.0, f.Counter(t, "laketravis_router_requests_total", "handler", "rfc", "code", "ok"))
	require.Equal(t, 1.0, f.Counter(t, "laketravis_router_requests_total", "handler", "rfc", "code", wire.CodeBadRequest))
	require.Equal(t, 1.0, f.Counter(t, "laketravis_router_liveness_probes_total", "result", "ok"))
	require.EqualValues(t, 2, f.Histogram(t, "laketravis_router_request_seconds", "handler", "rfc").GetSampleCount())
	require.Equal(t, 0.0, f.Counter(t, "laketravis_router_rfc_queued_total"))
}

func TestRFCRejections(t *testing.T) {
	p := newStandIn(t, 2)
	e := newEnv(t, 100e9, []*standIn{p}, []uint64{1e9})
	ok := e.rfc(5e9, 60)
	code, b := e.post("/v1/rfc", e.sign(ok, domain))
	require.Equal(t, 200, code, string(b))

	changed := func() []byte {
		r := e.rfc(5e9, 60)
		body := e.sign(r, domain)
		return bytes.Replace(body, []byte(`"maxSeconds":"60"`), []byte(`"maxSeconds":"61"`), 1)
	}
	otherContract := eip712.NewDomain(31337, common.HexToAddress("0x1234"))
	tests := []struct {
		name   string
		body   []byte
		status int
		code   string
	}{
		{"changed field", changed(), 401, wire.CodeBadSignature},
		{"other chain id", e.sign(e.rfc(5e9, 60), eip712.NewDomain(1, marketAddr)), 401, wire.CodeBadSignature},
		{"other verifying contract", e.sign(e.rfc(5e9, 60), otherContract), 401, wire.CodeBadSignature},
		{"expired", func() []byte {
			r := e.rfc(5e9, 60)
			r.Deadline = uint64(time.Now().Unix() - 1)
			return e.sign(r, domain)
		}(), 400, wire.CodeExpired},
		{"deadline too far", func() []byte {
			r := e.rfc(5e9, 60)
			r.Deadline = uint64(time.Now().Add(11 * time.Minute).Unix())
			return e.sign(r, domain)
		}(), 400, wire.CodeBadRequest},
		{"reused nonce", func() []byte { r := ok; r.MaxSeconds = 30; return e.sign(r, domain) }(), 409, wire.CodeNonceReused},
		{"unknown model", func() []byte { r := e.rfc(5e9, 60); r.ModelID = common.Hash{1}; return e.sign(r, domain) }(), 404, wire.CodeUnknownModel},
		{"no provider at this price", e.sign(e.rfc(1e8, 60), domain), 409, wire.CodeNoProvider},
		{"allowance exhausted", e.sign(e.rfc(5e9, 50), domain), 402, wire.CodeAllowanceExhausted},
		{"malformed", []byte(`{"rfc":{}}`), 400, wire.CodeBadRequest},
		{"unknown field", []byte(`{"rfc":{},"signature":"0x","x":1}`), 400, wire.CodeBadRequest},
		{"too large", bytes.Repeat([]byte(" "), eip712.MaxWireSize+1), 413, wire.CodeTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b := e.post("/v1/rfc", tc.body)
			require.Equal(t, tc.status, code, string(b))
			require.Equal(t, tc.code, errCode(t, b))
		})
	}
}

func TestFailoverAndBackoff(t *testing.T) {
	bad, down, good := newStandIn(t, 2), newStandIn(t, 2), newStandIn(t, 2)
	bad.mode.Store("wrong_key")
	down.mode.Store("down")
	e := newEnv(t, 1e15, []*standIn{bad, down, good}, []uint64{1e9, 2e9, 3e9})
	code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code, string(b))
	var resp wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &resp))
	require.Equal(t, good.provider, resp.Provider)
	// The failing providers are backed off: the next RFC does not probe them again.
	code, _ = e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 200, code)
	require.EqualValues(t, 1, bad.hits.Load())
	require.EqualValues(t, 1, down.hits.Load())
	require.EqualValues(t, 2, good.hits.Load())
}

// RFCs arriving together share a provider's probes (liveness.Coalescer): when a shared probe fails,
// every RFC that shared it fails over to the next provider, and the failing one is probed at most once
// per RFC.
func TestConcurrentFailover(t *testing.T) {
	down, good := newStandIn(t, 64), newStandIn(t, 64) // room for every RFC: none waits in the queue
	down.mode.Store("down")
	e := newEnv(t, 1e15, []*standIn{down, good}, []uint64{1e9, 2e9})
	const n = 8
	bodies := make([][]byte, n)
	for i := range bodies {
		bodies[i] = e.sign(e.rfc(5e9, 60), domain)
	}
	type answer struct {
		code int
		body []byte
	}
	answers := make([]answer, n)
	var wg sync.WaitGroup
	for i := range bodies {
		wg.Go(func() { answers[i].code, answers[i].body = e.post("/v1/rfc", bodies[i]) })
	}
	wg.Wait()
	for _, a := range answers {
		require.Equal(t, 200, a.code, string(a.body))
		var resp wire.RFCResponse
		require.NoError(t, json.Unmarshal(a.body, &resp))
		require.Equal(t, good.provider, resp.Provider)
	}
	require.LessOrEqual(t, down.hits.Load(), int64(n))
	require.LessOrEqual(t, good.hits.Load(), int64(n))
}

func TestQueueWhenBusy(t *testing.T) {
	p := newStandIn(t, 0)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	// Busy and nothing frees: no_provider after the queue timeout.
	code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
	require.Equal(t, 409, code)
	require.Equal(t, wire.CodeNoProvider, errCode(t, b))

	// Busy, then capacity frees while waiting: the queued RFC is served. Its queue timeout is long, and
	// capacity frees only once /healthz shows it queued, so the test depends on no timing.
	e = newEnvWith(t, 1e15, []*standIn{p}, []uint64{1e9}, func(c *api.Config) { c.QueueTimeout = time.Minute })
	done := make(chan int, 1)
	go func() { c, _ := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain)); done <- c }()
	require.Eventually(t, func() bool { return e.queued() == 1 }, 30*time.Second, 5*time.Millisecond)
	p.free.Store(1)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go e.srv.Run(ctx, 20*time.Millisecond) // wakes queued RFCs
	require.Equal(t, 200, <-done)
}

// queued is the number of RFCs waiting in the router's queue, as /healthz reports it.
func (e *env) queued() int {
	e.t.Helper()
	resp, err := http.Get(e.url + "/healthz")
	require.NoError(e.t, err)
	defer resp.Body.Close()
	var h struct {
		Queued int `json:"queued"`
	}
	require.NoError(e.t, json.NewDecoder(resp.Body).Decode(&h))
	return h.Queued
}

// Unknown paths and wrong methods get the §9 envelope, not the mux's plain text.
func TestUnroutedRequestsGetTheEnvelope(t *testing.T) {
	e := newEnv(t, 1e15, nil, nil)
	wiretest.RequireEnvelopes(t, e.url,
		wiretest.NotAllowed("GET", "/v1/rfc", "POST"),
		wiretest.NotAllowed("DELETE", "/v1/budget", "GET, HEAD"),
		wiretest.NotFound("GET", "/v1/no-such-thing"))
}

// TestDayFirstSecondIsRetryable: while the latest block is a day's first second the pool cannot answer an
// allowance yet (chain.ErrDayJustStarted); the RFC and the allowance report both say so with a 503
// `unavailable` envelope, not a 500, and answer from the next block on.
func TestDayFirstSecondIsRetryable(t *testing.T) {
	p := newStandIn(t, 8)
	e := newEnv(t, 1e18, []*standIn{p}, []uint64{1e9})
	user := crypto.PubkeyToAddress(e.user.PublicKey).Hex()
	get := func() (int, []byte) {
		resp, err := http.Get(e.url + "/v1/allowance/" + user)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, b
	}

	e.dayStart.Store(true)
	code, b := get()
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Equal(t, wire.CodeUnavailable, errCode(t, b))
	require.Contains(t, string(b), "next block")
	code, b = e.post("/v1/rfc", e.sign(e.rfc(5e9, 600), domain))
	require.Equal(t, http.StatusServiceUnavailable, code, string(b))
	require.Equal(t, wire.CodeUnavailable, errCode(t, b))

	e.dayStart.Store(false)
	code, b = get()
	require.Equal(t, http.StatusOK, code, string(b))
	code, b = e.post("/v1/rfc", e.sign(e.rfc(5e9, 600), domain))
	require.Equal(t, http.StatusOK, code, string(b))
}
