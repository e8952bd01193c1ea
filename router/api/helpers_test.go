package api_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
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

// fakeBook is a book snapshot and what the chain's head holds beyond it: each provider's signer events in
// blocks not confirmed yet (above), or an error reading the head (headErr).
type fakeBook struct {
	snap    atomic.Pointer[book.Snapshot]
	mu      sync.Mutex
	above   map[common.Address][]settle.SignerSet
	headErr error
}

func (b *fakeBook) Snapshot() *book.Snapshot { return b.snap.Load() }

func (b *fakeBook) SignersAbove(_ context.Context, p common.Address, _ uint64) ([]settle.SignerSet, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.above[p], b.headErr
}

// fakeAllow answers amount for every user, or chain.ErrDayJustStarted while dayStart is set (the latest
// block is the day's first second); reads, when set, counts the Allowance calls (chain reads).
type fakeAllow struct {
	amount   *uint256.Int
	dayStart *atomic.Bool
	reads    *atomic.Int64
}

func (fakeAllow) Day(context.Context) (uint64, error)           { return 3, nil }
func (fakeAllow) DayAt(context.Context, uint64) (uint64, error) { return 3, nil }
func (a fakeAllow) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	if a.reads != nil {
		a.reads.Add(1)
	}
	if a.dayStart != nil && a.dayStart.Load() {
		return nil, fmt.Errorf("%w (day 3)", chain.ErrDayJustStarted)
	}
	return a.amount.Clone(), nil
}

// Cached: fakeAllow caches nothing (each Allowance is a chain read).
func (fakeAllow) Cached(common.Address, uint64) (*uint256.Int, bool) { return nil, false }

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
	// dayStart makes the allowance source answer chain.ErrDayJustStarted while set.
	dayStart *atomic.Bool
	// allowReads counts the allowance source's Allowance calls (chain reads; it caches nothing).
	allowReads *atomic.Int64
}

// advance moves the server's clock d ahead (a session that is closed right away bills nothing: PROTOCOL §7
// step 5 v2 bounds billing by the wall clock).
func (e *env) advance(d time.Duration) { e.skew.Add(int64(d / time.Second)) }

// rotate makes key p's signer from time at on in the book (a ProviderUpdated event in a block of that
// time, which the book has read).
func (e *env) rotate(p *standIn, key *ecdsa.PrivateKey, at uint64) {
	snap := *e.book.Snapshot()
	snap.Signers = maps.Clone(snap.Signers)
	h := snap.Signers[p.provider]
	snap.Signers[p.provider] = append(h[:len(h):len(h)], settle.SignerSet{Signer: crypto.PubkeyToAddress(key.PublicKey), Time: at})
	e.book.snap.Store(&snap)
}

// rotateUnconfirmed makes key p's signer from time at on at the chain's head only: a ProviderUpdated event
// in a block of that time the book has not confirmed yet (confirm reads it into the book).
func (e *env) rotateUnconfirmed(p *standIn, key *ecdsa.PrivateKey, at uint64) (confirm func()) {
	e.book.mu.Lock()
	defer e.book.mu.Unlock()
	if e.book.above == nil {
		e.book.above = map[common.Address][]settle.SignerSet{}
	}
	e.book.above[p.provider] = append(e.book.above[p.provider], settle.SignerSet{Signer: crypto.PubkeyToAddress(key.PublicKey), Time: at})
	return func() {
		e.book.mu.Lock()
		delete(e.book.above, p.provider)
		e.book.mu.Unlock()
		e.rotate(p, key, at)
	}
}

func newEnv(t *testing.T, allowance uint64, providers []*standIn, prices []uint64) *env {
	return newEnvWith(t, allowance, providers, prices, nil)
}

// newEnvWith is newEnv with the server's Config changed by mod.
func newEnvWith(t *testing.T, allowance uint64, providers []*standIn, prices []uint64, mod func(*api.Config)) *env {
	t.Helper()
	return newEnvAt(t, filepath.Join(t.TempDir(), "r.db"), allowance, providers, prices, mod)
}

// newEnvAt is newEnvWith on the SQLite database at path (a router restarted on it).
func newEnvAt(t *testing.T, path string, allowance uint64, providers []*standIn, prices []uint64, mod func(*api.Config)) *env {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	fb := &fakeBook{}
	snap := &book.Snapshot{Models: map[common.Hash]book.Model{modelID: {ID: modelID, Name: "llama:8b"}},
		Offers: map[common.Hash][]match.Offer{}, Signers: map[common.Address][]settle.SignerSet{}, Providers: map[common.Address]book.Provider{},
		Routers: map[common.Address]bool{}, Params: book.Params{MinProviderStake: uint256.NewInt(1), MinPrice: uint256.NewInt(1), MaxPrice: uint256.NewInt(1e18)}}
	for i, p := range providers {
		snap.Offers[modelID] = append(snap.Offers[modelID], p.offer(prices[i]))
		snap.Signers[p.provider] = []settle.SignerSet{{Signer: crypto.PubkeyToAddress(p.signer.PublicKey)}}
	}
	match.SortOffers(snap.Offers[modelID])
	fb.snap.Store(snap)
	rk, _ := crypto.GenerateKey()
	reg := metrics.NewSet()
	// As the router command wires it: concurrent RFCs share a provider's next probe.
	prober := &liveness.Coalescer{Sender: &liveness.Prober{Domain: domain, Client: &http.Client{}, Timeout: 2 * time.Second, Now: time.Now}}
	skew, dayStart, allowReads := new(atomic.Int64), new(atomic.Bool), new(atomic.Int64)
	cfg := api.Config{Domain: domain, RouterKey: rk, QueueTimeout: 300 * time.Millisecond, AdminToken: "secret",
		DepositWindow: settle.DepositWindow(600*time.Second, time.Minute), // the devnet pool's settlementLag, a one-minute epoch: 300 s
		Now:           func() time.Time { return time.Now().Add(time.Duration(skew.Load()) * time.Second) }}
	if mod != nil {
		mod(&cfg)
	}
	srv := api.New(cfg, fb,
		fakeAllow{amount: uint256.NewInt(allowance), dayStart: dayStart, reads: allowReads}, prober, db, health.New(health.Backoff{Base: time.Minute}, time.Now), reg, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	uk, _ := crypto.GenerateKey()
	return &env{t: t, reg: reg, url: hs.URL, srv: srv, db: db, user: uk, book: fb, routerK: rk, skew: skew, dayStart: dayStart, allowReads: allowReads}
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

func mustJSON(v any) []byte { b, _ := json.Marshal(v); return b }
