// Package faultproxy is a JSON-RPC reverse proxy on loopback that injects faults, for the keeper's
// RPC-fault tests. A deterministic pseudo-random share of the requests (a third by default) gets one of:
//
//   - DropBefore: the connection is closed before the request reaches the node;
//   - DropAfter: the node gets and executes the request, the answer is lost (connection closed) — for
//     eth_sendRawTransaction the transaction IS in the pool while the client saw a failure;
//   - Delay: the node executes the request and the answer is held past the client's timeout, then lost;
//   - HTTP502: a bad-gateway answer without reaching the node;
//   - RPCError: a JSON-RPC error object (-32603/-32005) without reaching the node.
//
// Faults are bounded: at most MaxFaults are injected (then every request passes), and no request is held
// longer than Delay. The proxy listens on 127.0.0.1 only and forwards only to a loopback node.
//
// Apart from the faults, MaxLogRange makes it a public endpoint's eth_getLogs: a query over more blocks,
// or open-ended (no toBlock, "latest", a tag), is refused with a JSON-RPC error whatever Pause says.
package faultproxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Kind is a kind of fault.
type Kind int

// The kinds of fault, see the package documentation.
const (
	Pass Kind = iota
	DropBefore
	DropAfter
	Delay
	HTTP502
	RPCError
	numKinds
)

func (k Kind) String() string {
	return [...]string{"pass", "drop_before", "drop_after", "delay", "http_502", "rpc_error"}[k]
}

// Config configures a proxy.
type Config struct {
	Seed      uint64        // the pseudo-random sequence of decisions
	Ratio     float64       // share of requests faulted (default 1/3)
	MaxFaults int           // faults injected at most (default 300)
	Delay     time.Duration // how long a delayed answer is held (default 2 s): longer than the client's timeout
	// First forces the fault of the first request of each named JSON-RPC method (counted in MaxFaults),
	// so a test is sure to exercise, say, a lost answer to eth_sendRawTransaction.
	First map[string]Kind
	// MaxLogRange, when set, is the most blocks one eth_getLogs may span (see the package documentation).
	MaxLogRange uint64
}

// Proxy is a running fault-injecting proxy.
type Proxy struct {
	URL string // http://127.0.0.1:port

	cfg     Config
	paused  atomic.Bool // every request passes, uncounted (see Pause)
	target  *url.URL
	srv     *httptest.Server
	client  *http.Client
	mu      sync.Mutex
	rnd     *rand.Rand
	counts  [numKinds]int
	methods map[string]int  // faulted requests by JSON-RPC method
	seen    map[string]bool // methods seen at least once
	logs    [2]int          // eth_getLogs served, refused (MaxLogRange)
}

// New starts a proxy (injecting faults at once) in front of the node at target (a loopback URL) and stops it when t ends.
func New(t testing.TB, target string, cfg Config) *Proxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatalf("faultproxy: target %q: %v", target, err)
	}
	if ip := net.ParseIP(u.Hostname()); !(u.Hostname() == "localhost" || (ip != nil && ip.IsLoopback())) {
		t.Fatalf("faultproxy: target %s is not on loopback", target)
	}
	if cfg.Ratio <= 0 {
		cfg.Ratio = 1.0 / 3
	}
	if cfg.MaxFaults <= 0 {
		cfg.MaxFaults = 300
	}
	if cfg.Delay <= 0 {
		cfg.Delay = 2 * time.Second
	}
	p := &Proxy{cfg: cfg, target: u, rnd: rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x9e3779b97f4a7c15)),
		methods: map[string]int{}, seen: map[string]bool{}, client: &http.Client{Timeout: 30 * time.Second}}
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve)) // httptest listens on 127.0.0.1
	p.URL = p.srv.URL
	t.Cleanup(p.srv.Close)
	return p
}

// Pause lets every request through without a fault, uncounted (not in Counts, Faults or the First
// rule), until Resume: a test can let a process start (one that exits when a start-up call fails) and
// then inject faults into its steady state.
func (p *Proxy) Pause() { p.paused.Store(true) }

// Resume injects faults again after Pause.
func (p *Proxy) Resume() { p.paused.Store(false) }

// decide picks what happens to the next request.
func (p *Proxy) decide(method string) Kind {
	if p.paused.Load() {
		return Pass
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	k := Pass
	first := !p.seen[method]
	p.seen[method] = true
	if forced, ok := p.cfg.First[method]; ok && first && p.faults() < p.cfg.MaxFaults {
		k = forced
	} else if p.faults() < p.cfg.MaxFaults && p.rnd.Float64() < p.cfg.Ratio {
		k = Kind(1 + p.rnd.IntN(int(numKinds)-1))
	}
	if k != Pass {
		p.methods[method]++
	}
	p.counts[k]++
	return k
}

func (p *Proxy) faults() int {
	n := 0
	for k := Pass + 1; k < numKinds; k++ {
		n += p.counts[k]
	}
	return n
}

// Counts returns how many requests got each kind (Pass included).
func (p *Proxy) Counts() map[Kind]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := map[Kind]int{}
	for k := Pass; k < numKinds; k++ {
		out[k] = p.counts[k]
	}
	return out
}

// Faults returns the number of faults injected and of requests seen.
func (p *Proxy) Faults() (faults, requests int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f := p.faults()
	return f, f + p.counts[Pass]
}

// FaultedMethods returns the faulted requests by JSON-RPC method.
func (p *Proxy) FaultedMethods() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]int, len(p.methods))
	for m, n := range p.methods {
		out[m] = n
	}
	return out
}

func (p *Proxy) String() string {
	f, n := p.Faults()
	return fmt.Sprintf("%d faults in %d requests %v by method %v", f, n, p.Counts(), p.FaultedMethods())
}

type rpcRequest struct {
	ID     json.RawMessage   `json:"id"`
	Method string            `json:"method"`
	Params []json.RawMessage `json:"params"`
}

// LogQueries returns how many eth_getLogs requests were forwarded and how many refused for their range.
func (p *Proxy) LogQueries() (served, refused int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.logs[0], p.logs[1]
}

// logRangeOK reports whether an eth_getLogs request keeps within MaxLogRange, and counts it.
func (p *Proxy) logRangeOK(req *rpcRequest) bool {
	ok := true
	if p.cfg.MaxLogRange > 0 {
		var q struct {
			From      string `json:"fromBlock"`
			To        string `json:"toBlock"`
			BlockHash string `json:"blockHash"`
		}
		if len(req.Params) > 0 {
			_ = json.Unmarshal(req.Params[0], &q) // unreadable: refused below
		}
		from, errF := hexutil.DecodeUint64(q.From)
		to, errT := hexutil.DecodeUint64(q.To)
		ok = q.BlockHash != "" || (errF == nil && errT == nil && to >= from && to-from < p.cfg.MaxLogRange)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if ok {
		p.logs[0]++
	} else {
		p.logs[1]++
	}
	return ok
}

func (p *Proxy) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, 32<<20))
	if err != nil {
		return
	}
	var req rpcRequest
	method := "batch"
	if json.Unmarshal(body, &req) == nil {
		method = req.Method
	}
	if method == "eth_getLogs" && !p.logRangeOK(&req) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": -32005,
			"message": fmt.Sprintf("query exceeds the limit of %d blocks (injected)", p.cfg.MaxLogRange)}})
		return
	}
	kind := p.decide(method)
	switch kind {
	case DropBefore:
		drop(w)
		return
	case HTTP502:
		http.Error(w, "bad gateway (injected)", http.StatusBadGateway)
		return
	case RPCError:
		if method == "batch" || req.ID == nil {
			http.Error(w, "bad gateway (injected)", http.StatusBadGateway)
			return
		}
		// What load balancers and rate limiters answer; never an "execution reverted".
		code, msg := -32603, "internal error (injected)"
		if p.coin() {
			code, msg = -32005, "request rate exceeded (injected)"
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "error": map[string]any{"code": code, "message": msg}})
		return
	}

	// Forward to the node.
	out, err := http.NewRequestWithContext(r.Context(), http.MethodPost, p.target.String(), bytes.NewReader(body))
	if err != nil {
		drop(w)
		return
	}
	out.Header.Set("Content-Type", "application/json")
	resp, err := p.client.Do(out)
	if err != nil {
		drop(w)
		return
	}
	answer, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		drop(w)
		return
	}
	switch kind {
	case DropAfter:
		drop(w)
		return
	case Delay:
		select {
		case <-r.Context().Done(): // the client gave up (its timeout)
		case <-time.After(p.cfg.Delay):
		}
		drop(w)
		return
	}
	w.Header().Set("Content-Type", resp.Header.Get("Content-Type"))
	w.WriteHeader(resp.StatusCode)
	_, _ = w.Write(answer)
}

func (p *Proxy) coin() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.rnd.IntN(2) == 0
}

// drop closes the client's connection without an answer.
func drop(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic("faultproxy: connection cannot be hijacked")
	}
	conn, _, err := hj.Hijack()
	if err == nil {
		_ = conn.Close()
	}
}
