package loadtest

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/store"
)

// Book size of issue 4: 10,000 registered providers, each bidding on 10 models: 100,000 bids.
const (
	numProviders = 10_000
	numModels    = 10
	numUsers     = 64
)

var marketAddr = common.HexToAddress("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9")

// providerAddr is the deterministic address of provider i.
func providerAddr(i int) common.Address {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(i)+1)
	return common.BytesToAddress(crypto.Keccak256(b[:]))
}

// modelIDs are keccak256("model-<i>:latest").
func modelIDs() []common.Hash {
	ids := make([]common.Hash, numModels)
	for m := range ids {
		ids[m] = crypto.Keccak256Hash([]byte("model-" + strconv.Itoa(m) + ":latest"))
	}
	return ids
}

// newState folds a synthetic market into the router's own book.State: numProviders registered, staked
// providers with the given signer and endpoint(i), each bidding on every model at a spread of prices.
// The snapshot the router serves is then built by State.Snapshot, as the indexer does.
func newState(tb testing.TB, models []common.Hash, signer common.Address, endpoint func(i int) string) *book.State {
	tb.Helper()
	st, err := book.NewState(book.Contracts{Marketplace: marketAddr})
	if err != nil {
		tb.Fatal(err)
	}
	st.Params = book.Params{MinProviderStake: uint256.NewInt(1), MinPrice: uint256.NewInt(1), MaxPrice: uint256.NewInt(1e18)}
	for m, id := range models {
		st.Models[id] = &book.Model{ID: id, Name: "model-" + strconv.Itoa(m) + ":latest", FeeBps: 100}
	}
	for p := range numProviders {
		a := providerAddr(p)
		st.Providers[a] = &book.Provider{Address: a, Signer: signer, Endpoint: endpoint(p), Registered: true,
			Stake: uint256.NewInt(uint64(1000 + p)), PendingUnstake: new(uint256.Int), Slashed: new(uint256.Int)}
		bids := make(map[common.Hash]*uint256.Int, len(models))
		for m, id := range models {
			bids[id] = uint256.NewInt(uint64(1_000_000_000 + ((p*7919+m*104729)%100_000)*1000))
		}
		st.Bids[a] = bids
	}
	return st
}

type staticBook struct{ snap *book.Snapshot }

func (b staticBook) Snapshot() *book.Snapshot { return b.snap }

// SignersAbove: the chain holds nothing the book has not confirmed.
func (staticBook) SignersAbove(context.Context, common.Address, uint64) ([]settle.SignerSet, error) {
	return nil, nil
}

// allowances gives every user a day's allowance no load test exhausts.
type allowances struct{}

func (allowances) Day(context.Context) (uint64, error)           { return 1, nil }
func (allowances) DayAt(context.Context, uint64) (uint64, error) { return 1, nil }
func (allowances) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(30)), nil
}

// Cached: always, as a router's cache is for the users of a day it has seen.
func (a allowances) Cached(user common.Address, day uint64) (*uint256.Int, bool) {
	v, _ := a.Allowance(context.Background(), user, day)
	return v, true
}

// probeClock accumulates the time one request spends in liveness probes.
type probeClock struct{ ns atomic.Int64 }

type probeClockKey struct{}

// timedProber times each probe into the request's probeClock, so that latency can be reported with
// and without the liveness round trip.
type timedProber struct{ api.Prober }

func (p timedProber) Probe(ctx context.Context, t liveness.Target, model common.Hash) (wire.Capacity, error) {
	start := time.Now()
	var (
		c   wire.Capacity
		err error
	)
	// Labelled apart from the rest of the router: the prober's connection loops, dialled here, keep it.
	pprof.Do(ctx, pprof.Labels("part", "router-liveness"), func(ctx context.Context) { c, err = p.Prober.Probe(ctx, t, model) })
	if pc, ok := ctx.Value(probeClockKey{}).(*probeClock); ok {
		pc.ns.Add(int64(time.Since(start)))
	}
	return c, err
}

// part runs f under the CPU-profile label part=name, which the goroutines f starts (a server's accept
// loop and connections, SQLite's group-commit writer, HTTP clients' connection loops) inherit: `go tool
// pprof -tags` then splits a benchmark's profile into router, router-liveness (the prober and its
// client), router-sqlite-writer, provider (the stand-in) and client (the load generator).
func part(name string, f func()) {
	pprof.Do(context.Background(), pprof.Labels("part", name), func(context.Context) { f() })
}

// instantProber answers every probe at once with free capacity: no round trip, no signature. It
// isolates the router's own per-RFC cost.
type instantProber struct{}

func (instantProber) Probe(context.Context, liveness.Target, common.Hash) (wire.Capacity, error) {
	return wire.Capacity{Free: 1 << 20, Max: 1 << 20}, nil
}

// serverTimes records, per POST /v1/rfc, the handler's time and the part of it spent probing.
type serverTimes struct {
	mu           sync.Mutex
	total, probe []time.Duration
}

func (s *serverTimes) reset() {
	s.mu.Lock()
	s.total, s.probe = s.total[:0], s.probe[:0]
	s.mu.Unlock()
}

// exclProbe returns the handler times minus the probe times.
func (s *serverTimes) exclProbe() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]time.Duration, len(s.total))
	for i := range out {
		out[i] = s.total[i] - s.probe[i]
	}
	return out
}

func (s *serverTimes) probes() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.probe)
}

// rig is a router serving the synthetic book on loopback, with its stand-in providers.
type rig struct {
	tb      testing.TB
	domain  *eip712.Domain
	srv     *api.Server
	db      *store.DB
	url     string
	client  *http.Client
	snap    *book.Snapshot
	models  []common.Hash
	prices  map[offerKey]uint256.Int // (model, provider) → bid, for checking tickets
	users   []*ecdsa.PrivateKey
	nonce   atomic.Uint64
	times   *serverTimes
	standIn *httptest.Server
	probes  atomic.Int64 // liveness requests the stand-in answered
}

type offerKey struct {
	model    common.Hash
	provider common.Address
}

func transport(conns int) *http.Transport {
	return &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, IdleConnTimeout: time.Minute}
}

// newRig starts the stand-in providers (liveness "http") or none ("none"), folds the book, opens a
// SQLite store and serves the router over HTTP on 127.0.0.1 with the production server timeouts.
func newRig(tb testing.TB, livenessMode string, conns int) *rig {
	tb.Helper()
	return newRigWith(tb, livenessMode, conns, limits{})
}

// limits are the rate limits a rig's router applies (nil: none): per client IP in front of the whole
// API, as router/cmd/router wires it, and per user after the RFC's signature.
type limits struct{ ip, user *ratelimit.Keyed }

func newRigWith(tb testing.TB, livenessMode string, conns int, lim limits) *rig {
	tb.Helper()
	r := &rig{tb: tb, domain: eip712.NewDomain(31337, marketAddr), models: modelIDs(), times: &serverTimes{}}
	signerKey, err := crypto.GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	signer := crypto.PubkeyToAddress(signerKey.PublicKey)

	// One loopback server stands in for every provider: POST /p/{i}/v1/liveness answers as provider i,
	// signed by the registered signer key, with plenty of free capacity.
	addrs := make([]common.Address, numProviders)
	for i := range addrs {
		addrs[i] = providerAddr(i)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /p/{i}/v1/liveness", func(w http.ResponseWriter, req *http.Request) {
		r.probes.Add(1)
		i, err := strconv.Atoi(req.PathValue("i"))
		if err != nil || i < 0 || i >= numProviders {
			http.Error(w, "no such provider", http.StatusNotFound)
			return
		}
		var lr wire.LivenessRequest
		if err := json.NewDecoder(io.LimitReader(req.Body, 4096)).Decode(&lr); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		l := eip712.Liveness{Provider: addrs[i], Challenge: lr.Challenge, Timestamp: uint64(time.Now().Unix())}
		sig, err := r.domain.Sign(&l, signerKey)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		ans := wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: 1 << 20, Max: 1 << 20}}
		wire.WriteBody(w, http.StatusOK, append(ans.AppendJSON(make([]byte, 0, 512)), '\n'))
	})
	part("provider", func() { r.standIn = httptest.NewServer(mux) })
	tb.Cleanup(r.standIn.Close)

	st := newState(tb, r.models, signer, func(i int) string { return r.standIn.URL + "/p/" + strconv.Itoa(i) })
	r.snap = st.Snapshot(1)
	r.prices = make(map[offerKey]uint256.Int, numProviders*numModels)
	for id, offers := range r.snap.Offers {
		for _, o := range offers {
			r.prices[offerKey{id, o.Provider}] = o.Price
		}
	}
	if n := len(r.prices); n != numProviders*numModels {
		tb.Fatalf("book holds %d bids, want %d", n, numProviders*numModels)
	}

	part("router-sqlite-writer", func() { r.db, err = store.Open(context.Background(), filepath.Join(tb.TempDir(), "router.db")) })
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { r.db.Close() })

	var prober api.Prober = instantProber{}
	if livenessMode == "http" {
		// The production client (netguard's checks, a devnet policy letting loopback through, and its pool)
		// behind the production coalescing of concurrent probes of one provider.
		client := netguard.Policy{Devnet: true}.Client(liveness.ClientOptions)
		tb.Cleanup(client.CloseIdleConnections)
		prober = &liveness.Coalescer{Sender: &liveness.Prober{Domain: r.domain, Client: client, Timeout: 5 * time.Second, Now: time.Now}}
	}
	routerKey, err := crypto.GenerateKey()
	if err != nil {
		tb.Fatal(err)
	}
	r.srv = api.New(api.Config{Domain: r.domain, RouterKey: routerKey, QueueTimeout: 2 * time.Second, UserRate: lim.user},
		staticBook{r.snap}, allowances{}, timedProber{prober}, r.db, health.New(health.Backoff{Base: time.Minute}, time.Now),
		metrics.NewSet(), zap.NewNop())

	h := lim.ip.PerIP(r.srv.Handler())
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path != "/v1/rfc" {
			h.ServeHTTP(w, req)
			return
		}
		pc := &probeClock{}
		start := time.Now()
		h.ServeHTTP(w, req.WithContext(context.WithValue(req.Context(), probeClockKey{}, pc)))
		total := time.Since(start)
		r.times.mu.Lock()
		r.times.total = append(r.times.total, total)
		r.times.probe = append(r.times.probe, time.Duration(pc.ns.Load()))
		r.times.mu.Unlock()
	}))
	// The timeouts of router/cmd/router's http.Server.
	hs.Config.ReadHeaderTimeout, hs.Config.ReadTimeout = 5*time.Second, 10*time.Second
	hs.Config.WriteTimeout, hs.Config.IdleTimeout, hs.Config.MaxHeaderBytes = 32*time.Second, 2*time.Minute, 16<<10
	// Requests carry the label in their context too: pprof.Do (timedProber) restores a goroutine's labels
	// from the context it is given.
	hs.Config.BaseContext = func(net.Listener) context.Context {
		return pprof.WithLabels(context.Background(), pprof.Labels("part", "router"))
	}
	part("router", hs.Start)
	tb.Cleanup(hs.Close)
	r.url = hs.URL
	r.client = &http.Client{Transport: transport(conns), Timeout: 30 * time.Second}
	tb.Cleanup(r.client.CloseIdleConnections)

	r.users = make([]*ecdsa.PrivateKey, numUsers)
	for i := range r.users {
		if r.users[i], err = crypto.GenerateKey(); err != nil {
			tb.Fatal(err)
		}
	}
	return r
}

// job is one signed RFC, ready to post.
type job struct {
	rfc    eip712.RFC
	digest common.Hash
	body   []byte
	want   string // "" for a valid RFC, else the §9 code it must be refused with
}

// kind selects what newJobs makes of job i.
type kind func(i int) string

// allValid makes every RFC valid.
func allValid(int) string { return "" }

// jobs signs n fresh RFCs (unique user nonces) spread over users and models, using every CPU. mix(i)
// names the §9 code job i must be refused with, "" for a valid RFC.
func (r *rig) jobs(n int, mix kind) []job {
	out := make([]job, n)
	base := r.nonce.Add(uint64(n)) - uint64(n)
	deadline := uint64(time.Now().Add(5 * time.Minute).Unix())
	other := eip712.NewDomain(1, marketAddr)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				u := r.users[i%numUsers]
				j := job{rfc: eip712.RFC{User: crypto.PubkeyToAddress(u.PublicKey), ModelID: r.models[i%numModels],
					MaxPricePerSecond: *uint256.NewInt(1_000_000_000 + uint64(i%50)*2_000_000), MaxSeconds: 60 + uint32(i%240),
					MinTPS: 10, MaxTTFTMs: 2000, Nonce: base + uint64(i) + 1, Deadline: deadline}, want: mix(i)}
				d := r.domain
				switch j.want {
				case wire.CodeBadSignature:
					d = other // signed for another chain
				case wire.CodeExpired:
					j.rfc.Deadline = uint64(time.Now().Unix() - 5)
				case wire.CodeUnknownModel:
					j.rfc.ModelID = common.Hash{0xee}
				case wire.CodeNoProvider:
					j.rfc.MaxPricePerSecond = *uint256.NewInt(1) // below every bid
				}
				sig, err := d.Sign(&j.rfc, u)
				if err != nil {
					panic(err)
				}
				j.digest = r.domain.Digest(&j.rfc)
				j.body, _ = json.Marshal(eip712.SignedRFC{RFC: j.rfc, Signature: sig})
				out[i] = j
			}
		})
	}
	wg.Wait()
	return out
}

// result is one POST's outcome.
type result struct {
	job     int
	status  int
	body    []byte
	latency time.Duration
	err     error
}

// fire posts jobs[order[k]] for every k with `workers` concurrent clients and returns the outcomes in
// order of completion and the wall time.
func (r *rig) fire(ctx context.Context, jobs []job, order []int, workers int) ([]result, time.Duration) {
	results := make([]result, len(order))
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	part("client", func() {
		for range workers {
			wg.Go(func() {
				for k := int(next.Add(1) - 1); k < len(order); k = int(next.Add(1) - 1) {
					results[k] = r.post(ctx, order[k], jobs[order[k]].body)
				}
			})
		}
	})
	wg.Wait()
	return results, time.Since(start)
}

func (r *rig) post(ctx context.Context, i int, body []byte) result {
	res := result{job: i}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.url+"/v1/rfc", bytes.NewReader(body))
	if err != nil {
		res.err = err
		return res
	}
	req.Header.Set("Content-Type", "application/json")
	start := time.Now()
	resp, err := r.client.Do(req)
	if err != nil {
		res.err = err
		return res
	}
	res.body, res.err = io.ReadAll(resp.Body)
	resp.Body.Close()
	res.latency, res.status = time.Since(start), resp.StatusCode
	return res
}

// check validates one answer: a 200 carries a ticket for this RFC signed by the router, for a provider
// bidding on the model at or below the RFC's price; anything else is a PROTOCOL §9 error envelope with
// a 4xx status. It returns the session id (200) or the error code.
func (r *rig) check(j *job, res result) (common.Hash, string, error) {
	if res.err != nil {
		return common.Hash{}, "", res.err
	}
	if res.status != http.StatusOK {
		var env struct {
			Error wire.Error `json:"error"`
		}
		if err := json.Unmarshal(res.body, &env); err != nil || env.Error.Code == "" {
			return common.Hash{}, "", fmt.Errorf("status %d without a §9 error body: %q", res.status, res.body)
		}
		if res.status < 400 || res.status >= 500 {
			return common.Hash{}, env.Error.Code, fmt.Errorf("status %d (%s: %s)", res.status, env.Error.Code, env.Error.Message)
		}
		return common.Hash{}, env.Error.Code, nil
	}
	var resp wire.RFCResponse
	if err := json.Unmarshal(res.body, &resp); err != nil {
		return common.Hash{}, "", fmt.Errorf("200 without an RFC response: %v: %q", err, res.body)
	}
	t := &resp.Ticket
	if _, err := r.domain.Verify(t, resp.TicketSignature[:], r.srv.Router()); err != nil {
		return common.Hash{}, "", fmt.Errorf("ticket not signed by the router: %w", err)
	}
	price, ok := r.prices[offerKey{j.rfc.ModelID, resp.Provider}]
	switch {
	case resp.SessionID != t.SessionID || t.SessionID != eip712.SessionID(j.digest, resp.Provider):
		return common.Hash{}, "", fmt.Errorf("session id %s is not SessionID(rfc digest, provider)", resp.SessionID)
	case t.User != j.rfc.User || t.ModelID != j.rfc.ModelID || t.Provider != resp.Provider || t.MaxSeconds != j.rfc.MaxSeconds:
		return common.Hash{}, "", fmt.Errorf("ticket %+v does not match the RFC %+v", t, j.rfc)
	case !ok || price != t.PricePerSecond || t.PricePerSecond.Gt(&j.rfc.MaxPricePerSecond):
		return common.Hash{}, "", fmt.Errorf("ticket price %s for provider %s: bid %s (%v), RFC max %s", t.PricePerSecond.Dec(), resp.Provider,
			price.Dec(), ok, j.rfc.MaxPricePerSecond.Dec())
	}
	return resp.SessionID, "", nil
}

// percentile returns the p-quantile (0 < p <= 1) of ds, nearest rank; ds is sorted in place.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	k := int(math.Ceil(p*float64(len(ds)))) - 1
	return ds[max(0, min(k, len(ds)-1))]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
