package api_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/match"
	"github.com/laketravis/laketravis/router/store"
)

var (
	marketAddr = common.HexToAddress("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9")
	domain     = eip712.NewDomain(31337, marketAddr)
	modelID    = crypto.Keccak256Hash([]byte("llama:8b"))
)

type fakeBook struct{ snap atomic.Pointer[book.Snapshot] }

func (b *fakeBook) Snapshot() *book.Snapshot { return b.snap.Load() }

type fakeAllow struct{ amount *uint256.Int }

func (fakeAllow) Day(context.Context) (uint64, error) { return 3, nil }
func (a fakeAllow) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return a.amount.Clone(), nil
}

// standIn is a provider's liveness endpoint signing with its signer key.
type standIn struct {
	provider common.Address
	signer   *ecdsa.PrivateKey
	free     atomic.Int64
	mode     atomic.Value // "ok", "wrong_key", "down"
	seeding  atomic.Value // []common.Hash reported in liveness answers
	hits     atomic.Int64
	srv      *httptest.Server
}

func newStandIn(t *testing.T, free int) *standIn {
	k, _ := crypto.GenerateKey()
	pk, _ := crypto.GenerateKey()
	p := &standIn{provider: crypto.PubkeyToAddress(pk.PublicKey), signer: k}
	p.free.Store(int64(free))
	p.mode.Store("ok")
	p.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.hits.Add(1)
		var req wire.LivenessRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		key := p.signer
		switch p.mode.Load() {
		case "down":
			http.Error(w, "down", 503)
			return
		case "wrong_key":
			key, _ = crypto.GenerateKey()
		}
		l := eip712.Liveness{Provider: p.provider, Challenge: req.Challenge, Timestamp: uint64(time.Now().Unix())}
		sig, _ := domain.Sign(&l, key)
		wire.WriteJSON(w, 200, wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: int(p.free.Load()), Max: 4, Seeding: p.seeds()}})
	}))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *standIn) seeds() []common.Hash {
	s, _ := p.seeding.Load().([]common.Hash)
	return s
}

func (p *standIn) offer(price uint64) match.Offer {
	return match.Offer{Provider: p.provider, Signer: crypto.PubkeyToAddress(p.signer.PublicKey), Endpoint: p.srv.URL,
		Price: *uint256.NewInt(price), Stake: *uint256.NewInt(100)}
}

type env struct {
	t       *testing.T
	reg     *metrics.Set // the server's metrics
	url     string
	srv     *api.Server
	db      *store.DB
	user    *ecdsa.PrivateKey
	nonce   uint64
	book    *fakeBook
	routerK *ecdsa.PrivateKey
	skew    *atomic.Int64 // seconds the server's clock runs ahead of time.Now
}

// advance moves the server's clock d ahead (a session that is closed right away bills nothing: PROTOCOL §7
// step 5 v2 bounds billing by the wall clock).
func (e *env) advance(d time.Duration) { e.skew.Add(int64(d / time.Second)) }

func newEnv(t *testing.T, allowance uint64, providers []*standIn, prices []uint64) *env {
	return newEnvWith(t, allowance, providers, prices, nil)
}

// newEnvWith is newEnv with the server's Config changed by mod.
func newEnvWith(t *testing.T, allowance uint64, providers []*standIn, prices []uint64, mod func(*api.Config)) *env {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	fb := &fakeBook{}
	snap := &book.Snapshot{Models: map[common.Hash]book.Model{modelID: {ID: modelID, Name: "llama:8b"}},
		Offers: map[common.Hash][]match.Offer{}, Signers: map[common.Address]common.Address{}, Providers: map[common.Address]book.Provider{},
		Routers: map[common.Address]bool{}, Params: book.Params{MinProviderStake: uint256.NewInt(1), MinPrice: uint256.NewInt(1), MaxPrice: uint256.NewInt(1e18)}}
	for i, p := range providers {
		snap.Offers[modelID] = append(snap.Offers[modelID], p.offer(prices[i]))
		snap.Signers[p.provider] = crypto.PubkeyToAddress(p.signer.PublicKey)
	}
	match.SortOffers(snap.Offers[modelID])
	fb.snap.Store(snap)
	rk, _ := crypto.GenerateKey()
	reg := metrics.NewSet()
	prober := &liveness.Prober{Domain: domain, Client: &http.Client{}, Timeout: 2 * time.Second, Now: time.Now}
	skew := new(atomic.Int64)
	cfg := api.Config{Domain: domain, RouterKey: rk, QueueTimeout: 300 * time.Millisecond, AdminToken: "secret",
		Now: func() time.Time { return time.Now().Add(time.Duration(skew.Load()) * time.Second) }}
	if mod != nil {
		mod(&cfg)
	}
	srv := api.New(cfg, fb,
		fakeAllow{uint256.NewInt(allowance)}, prober, db, health.New(health.Backoff{Base: time.Minute}, time.Now), reg, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	uk, _ := crypto.GenerateKey()
	return &env{t: t, reg: reg, url: hs.URL, srv: srv, db: db, user: uk, book: fb, routerK: rk, skew: skew}
}

// signedRequest is a provider request of session id at unix time at, signed by key.
func signedRequest(t *testing.T, id common.Hash, key *ecdsa.PrivateKey, at uint64) *wire.SignedRequest {
	t.Helper()
	body := []byte(`{"model":"m"}`)
	sig, err := eip712.Sign(wire.RequestDigest(wire.RequestText(domain.ChainID(), id, 4, at, "POST", "/v1/chat/completions", body)), key)
	require.NoError(t, err)
	return &wire.SignedRequest{Seq: 4, Time: at, Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash(body), Signature: sig}
}

func (e *env) rfc(maxPrice uint64, maxSeconds uint32) eip712.RFC {
	e.nonce++
	return eip712.RFC{User: crypto.PubkeyToAddress(e.user.PublicKey), ModelID: modelID, MaxPricePerSecond: *uint256.NewInt(maxPrice),
		MaxSeconds: maxSeconds, Nonce: e.nonce, Deadline: uint64(time.Now().Add(5 * time.Minute).Unix())}
}

func (e *env) sign(r eip712.RFC, d *eip712.Domain) []byte {
	sig, err := d.Sign(&r, e.user)
	require.NoError(e.t, err)
	b, _ := json.Marshal(eip712.SignedRFC{RFC: r, Signature: sig})
	return b
}

func (e *env) post(path string, body []byte) (int, []byte) {
	r := e.postResp(path, body)
	return r.status, r.body
}

type response struct {
	status     int
	body       []byte
	retryAfter string
}

func (e *env) postResp(path string, body []byte) response {
	resp, err := http.Post(e.url+path, "application/json", bytes.NewReader(body))
	require.NoError(e.t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{resp.StatusCode, b, resp.Header.Get("Retry-After")}
}

func errCode(t *testing.T, b []byte) string {
	t.Helper()
	var env struct {
		Error wire.Error `json:"error"`
	}
	require.NoError(t, json.Unmarshal(b, &env), string(b))
	return env.Error.Code
}

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

func getFeed(t *testing.T, e *env, after string) wire.SettlementPage {
	t.Helper()
	resp, err := http.Get(e.url + "/v1/settlement/sessions?after=" + after + "&limit=10")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	var page wire.SettlementPage
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&page))
	return page
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

func TestCloseOneSidedBadSignatureAndExpiry(t *testing.T) {
	p := newStandIn(t, 5)
	now := time.Now()
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	open := func() wire.RFCResponse {
		code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 60), domain))
		require.Equal(t, 200, code, string(b))
		var r wire.RFCResponse
		require.NoError(t, json.Unmarshal(b, &r))
		return r
	}
	s1, s2, s3 := open(), open(), open()

	rc := eip712.UsageReceipt{SessionID: s1.SessionID, Seconds: 30, OutputTokens: 100}
	stranger, _ := crypto.GenerateKey()
	bad, _ := domain.Sign(&rc, stranger)
	cb, _ := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &bad})
	code, b := e.post("/v1/sessions/"+s1.SessionID.Hex()+"/close", cb)
	require.Equal(t, 401, code)
	require.Equal(t, wire.CodeBadSignature, errCode(t, b))

	// The provider alone, a minute later, with the newest request the user signed (10 s into the session):
	// it bills its receipt, which that request proves (PROTOCOL §7 step 5 v2).
	e.advance(time.Minute)
	ps, _ := domain.Sign(&rc, p.signer)
	last := signedRequest(t, s1.SessionID, e.user, uint64(time.Now().Unix())+10)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rc, ProviderSignature: &ps, LastRequest: last})
	code, b = e.post("/v1/sessions/"+s1.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(b, &rec))
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Contains(t, rec.Flags, wire.CloseOneSided)
	require.Equal(t, uint32(30), rec.BilledSeconds)
	require.Equal(t, last, rec.LastRequest, "the record carries the signed request to the keepers")
	require.NotNil(t, rec.RFC, "and the user's RFC")

	// Receipt for another session, missing signatures, unknown session.
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rc, ProviderSignature: &ps})
	code, _ = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", cb)
	require.Equal(t, 400, code)
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", []byte(`{"receipt":`+string(mustJSON(eip712.UsageReceipt{SessionID: s2.SessionID}))+`}`))
	require.Equal(t, 400, code, string(b))
	unknown := common.Hash{9}
	rcu := eip712.UsageReceipt{SessionID: unknown}
	us, _ := domain.Sign(&rcu, e.user)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rcu, UserSignature: &us})
	code, b = e.post("/v1/sessions/"+unknown.Hex()+"/close", cb)
	require.Equal(t, 404, code)
	require.Equal(t, wire.CodeUnknownSession, errCode(t, b))

	// Zero output for billed time: held out of the feed until an admin clears it.
	rz := eip712.UsageReceipt{SessionID: s2.SessionID, Seconds: 20}
	us2, _ := domain.Sign(&rz, e.user)
	ps2, _ := domain.Sign(&rz, p.signer)
	cb, _ = json.Marshal(wire.CloseRequest{Receipt: rz, UserSignature: &us2, ProviderSignature: &ps2})
	code, b = e.post("/v1/sessions/"+s2.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))
	require.NoError(t, json.Unmarshal(b, &rec))
	require.True(t, rec.Held)
	require.Len(t, getFeed(t, e, "0").Sessions, 1)

	req, _ := http.NewRequest("POST", e.url+"/v1/admin/sessions/"+s2.SessionID.Hex()+"/clear", nil)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 403, resp.StatusCode)
	req.Header.Set("Authorization", "Bearer secret")
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	require.Len(t, getFeed(t, e, "0").Sessions, 2)

	// Nobody closes s3: expired with nothing billed, reservation released.
	_ = now
	srv3, err := e.db.Session(context.Background(), s3.SessionID)
	require.NoError(t, err)
	expSrv := api.New(api.Config{Domain: domain, RouterKey: e.routerK, Now: func() time.Time { return time.Unix(int64(srv3.ExpiresAt)+1, 0) }},
		e.book, fakeAllow{uint256.NewInt(1)}, nil, e.db, health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	require.NoError(t, expSrv.ExpireDue(context.Background()))
	got, err := e.db.Session(context.Background(), s3.SessionID)
	require.NoError(t, err)
	require.Equal(t, wire.CloseExpired, got.CloseReason)
	require.Zero(t, got.BilledSeconds)
	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 3)
	require.Equal(t, wire.CloseExpired, page.Sessions[2].CloseReason)
	used, _ := e.db.Used(context.Background(), crypto.PubkeyToAddress(e.user.PublicKey), 3)
	require.Equal(t, uint64(30e9+20e9), used.Uint64(), "trued up: 30 s + 20 s billed, expired session releases its reservation")

	// Reports answer.
	for _, path := range []string{"/v1/models", "/v1/providers", "/v1/reports/popularity", "/v1/reports/anomalies", "/v1/allowance/" + s1.Ticket.User.Hex(), "/v1/sessions/" + s1.SessionID.Hex(), "/healthz"} {
		resp, err := http.Get(e.url + path)
		require.NoError(t, err)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.Equal(t, 200, resp.StatusCode, "%s: %s", path, b)
		require.True(t, json.Valid(b))
		if path == "/v1/models" {
			require.True(t, strings.Contains(string(b), `"lowestPrice":"1000000000"`), string(b))
		}
	}
}

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }

// Unknown paths and wrong methods get the §9 envelope, not the mux's plain text.
func TestUnroutedRequestsGetTheEnvelope(t *testing.T) {
	e := newEnv(t, 1e15, nil, nil)
	wiretest.RequireEnvelopes(t, e.url,
		wiretest.NotAllowed("GET", "/v1/rfc", "POST"),
		wiretest.NotAllowed("DELETE", "/v1/budget", "GET, HEAD"),
		wiretest.NotFound("GET", "/v1/no-such-thing"))
}

// TestCloseBounds: what a router records never exceeds what keepers credit (protocol/settle): the wall
// clock since the session opened, whoever signed; a provider alone nothing without a request the user
// signed, and no more than the newest one proves.
func TestCloseBounds(t *testing.T) {
	p := newStandIn(t, 8)
	e := newEnv(t, 1e18, []*standIn{p}, []uint64{1e9})
	open := func() wire.RFCResponse {
		code, b := e.post("/v1/rfc", e.sign(e.rfc(5e9, 3600), domain))
		require.Equal(t, 200, code, string(b))
		var r wire.RFCResponse
		require.NoError(t, json.Unmarshal(b, &r))
		return r
	}
	closeWith := func(id common.Hash, seconds uint32, user bool, last *wire.SignedRequest) wire.SessionRecord {
		rc := eip712.UsageReceipt{SessionID: id, Seconds: seconds, OutputTokens: 100}
		req := wire.CloseRequest{Receipt: rc, LastRequest: last}
		ps, _ := domain.Sign(&rc, p.signer)
		req.ProviderSignature = &ps
		if user {
			us, _ := domain.Sign(&rc, e.user)
			req.UserSignature = &us
		}
		cb, _ := json.Marshal(req)
		code, b := e.post("/v1/sessions/"+id.Hex()+"/close", cb)
		require.Equal(t, 200, code, string(b))
		var rec wire.SessionRecord
		require.NoError(t, json.Unmarshal(b, &rec))
		return rec
	}
	// Both signatures on a 3,000 s receipt, closed at once: at most the wall clock (+1 s resolution).
	a, b, c, d := open(), open(), open(), open()
	rec := closeWith(a.SessionID, 3000, true, nil)
	require.LessOrEqual(t, rec.BilledSeconds, uint32(2), "a session closed right away bills no more than the seconds that passed")

	e.advance(20 * time.Minute)
	now := uint64(time.Now().Unix()) // the session opened about now (server clock 20 min behind it now)
	// The provider alone without a request the user signed: nothing.
	require.Zero(t, closeWith(b.SessionID, 600, false, nil).BilledSeconds)
	// ... with a request it signed itself: nothing.
	require.Zero(t, closeWith(c.SessionID, 600, false, signedRequest(t, c.SessionID, p.signer, now+10)).BilledSeconds)
	// ... with the user's request 10 s in: that request plus settle.RequestGrace, not its 1,200 s receipt.
	rec = closeWith(d.SessionID, 1200, false, signedRequest(t, d.SessionID, e.user, now+10))
	require.InDelta(t, 10+settle.RequestGrace+1, int(rec.BilledSeconds), 2)
	require.NotNil(t, rec.LastRequest)
}
