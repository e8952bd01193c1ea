package server_test

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	lt "github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// recorder is a transport that keeps the authentication headers and status of every request it sends.
type recorder struct {
	mu   sync.Mutex
	sent []sentRequest
}

type sentRequest struct {
	mac, sig, evidence bool
	status             int
	seq                string
	rfc                bool // carried X-LT-RFC
}

func (rt *recorder) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if err == nil {
		rt.mu.Lock()
		rt.sent = append(rt.sent, sentRequest{r.Header.Get(wire.HeaderMAC) != "", r.Header.Get(wire.HeaderSignature) != "",
			r.Header.Get(wire.HeaderEvidence) != "", resp.StatusCode, strings.SplitN(r.Header.Get(wire.HeaderRequest), ".", 2)[0],
			r.Header.Get(wire.HeaderRFC) != ""})
		rt.mu.Unlock()
	}
	return resp, err
}

// libSession opens a session of the client library (client.Session) on p for model, with a session key,
// mac choosing the MAC fast path, over hc.
func (p *offChainProvider) libSession(tb testing.TB, model string, mac bool, hc *http.Client, now func() time.Time) *lt.Session {
	tb.Helper()
	user, _ := crypto.GenerateKey()
	sessKey, _ := crypto.GenerateKey()
	tk := newTicket(p.domain, p.owner, crypto.PubkeyToAddress(user.PublicKey), model, 1<<30, time.Now().Add(time.Hour))
	tk = withSessionKey(tk, crypto.PubkeyToAddress(sessKey.PublicKey))
	sig, err := p.domain.Sign(&tk, p.routerKey)
	if err != nil {
		tb.Fatal(err)
	}
	grant := &wire.RFCResponse{SessionID: tk.SessionID, Provider: tk.Provider, Endpoint: p.ts.URL + "/v1",
		PricePerSecond: &tk.PricePerSecond, MaxSeconds: tk.MaxSeconds, Ticket: tk, TicketSignature: sig}
	s, err := lt.NewSession(p.domain, sessKey, grant, lt.SessionOptions{HTTP: hc, MAC: mac, Now: now, RFC: rfcOf(tb, p.domain, &tk, user)})
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// TestMACFastPath: a client of the library with the fast path on (the gateway's) signs its first request,
// learns the provider's MAC key from the answer and authenticates the next ones with a MAC, each carrying
// the signature of the one before as evidence; the provider's evidence for a close without the user is
// the newest of those signatures, by the session key.
func TestMACFastPath(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	rec := &recorder{}
	clock := time.Now()
	s := p.libSession(t, "fast:v1", true, &http.Client{Transport: rec}, func() time.Time { return clock })
	for range 5 {
		clock = clock.Add(time.Second) // one evidence signature a second: one per request here
		if _, err := s.ChatCompletion(context.Background(), []byte(chatRequestBody("fast:v1", false))); err != nil {
			t.Fatal(err)
		}
	}
	// The first request carries the user's RFC (the provider opens the session with it), later ones not.
	want := []sentRequest{{sig: true, rfc: true}, {mac: true}, {mac: true, evidence: true}, {mac: true, evidence: true}, {mac: true, evidence: true}}
	for i := range want {
		want[i].status = http.StatusOK
		want[i].seq = rec.sent[i].seq
	}
	require.Equal(t, want, rec.sent)
	p.srv.WaitBackground()
	snap, err := p.srv.Sessions().Usage(s.ID())
	require.NoError(t, err)
	require.Equal(t, rec.sent[3].seq, strconv.FormatUint(snap.LastRequest.Seq, 10), "the evidence the last request carried")
	signer, err := snap.LastRequest.Signer(p.domain.ChainID(), s.ID())
	require.NoError(t, err)
	require.Equal(t, s.Grant().Ticket.SessionKey, signer)
}

// TestMACRefusedFallsBackToSignature: when the provider refuses a MAC (here: its newest verified
// evidence is more than wire.MaxEvidenceLag old by its clock), the library signs the request again.
func TestMACRefusedFallsBackToSignature(t *testing.T) {
	var ahead atomic.Int64
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		c.Now = func() time.Time { return time.Now().Add(time.Duration(ahead.Load())) }
	})
	rec := &recorder{}
	fixed := time.Now() // the client's clock stands still: by it, its evidence never ages
	s := p.libSession(t, "fast:v1", true, &http.Client{Transport: rec}, func() time.Time { return fixed })
	body := []byte(chatRequestBody("fast:v1", false))
	for range 2 {
		_, err := s.ChatCompletion(context.Background(), body)
		require.NoError(t, err)
	}
	ahead.Store(int64((wire.MaxEvidenceLag + 2) * time.Second))
	_, err := s.ChatCompletion(context.Background(), body)
	require.NoError(t, err)
	got := rec.sent[2:]
	require.Len(t, got, 2)
	require.Equal(t, sentRequest{mac: true, status: http.StatusUnauthorized, seq: got[0].seq}, got[0])
	require.Equal(t, sentRequest{sig: true, status: http.StatusOK, seq: got[1].seq}, got[1])
}

// rewriteMACKey replaces the provider's X-LT-MAC-Key announcement on every answer with another key, as
// someone on the path could: the client derives a K the provider does not hold.
type rewriteMACKey struct {
	next http.RoundTripper
	key  string
}

func (rt rewriteMACKey) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := rt.next.RoundTrip(r)
	if err == nil && resp.Header.Get(wire.HeaderMACKey) != "" {
		resp.Header.Set(wire.HeaderMACKey, rt.key)
	}
	return resp, err
}

// TestMACGivenUpAfterRefusals: a client whose MACs the provider keeps refusing as not verifying (403:
// here every announcement of the provider's key is rewritten) signs each refused request again, and after
// the second such refusal (client.maxMACFailures) gives the fast path up for the session: every later
// request is signed, although the provider still announces a key. No request fails on the way.
func TestMACGivenUpAfterRefusals(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	rec := &recorder{}
	other, _ := crypto.GenerateKey()
	hc := &http.Client{Transport: rewriteMACKey{next: rec, key: wire.EncodeMACKey(&other.PublicKey)}}
	s := p.libSession(t, "fast:v1", true, hc, time.Now)
	body := []byte(chatRequestBody("fast:v1", false))
	for range 5 {
		_, err := s.ChatCompletion(context.Background(), body)
		require.NoError(t, err)
	}
	want := []sentRequest{
		{sig: true, status: http.StatusOK, rfc: true}, // announces the (rewritten) key; opens the session with the RFC
		{mac: true, status: http.StatusForbidden},     // refusal 1: the key is forgotten, the request signed again
		{sig: true, status: http.StatusOK},            // announces it again
		{mac: true, status: http.StatusForbidden},     // refusal 2: the fast path is given up
		{sig: true, status: http.StatusOK},            // the refused request, signed
		{sig: true, status: http.StatusOK},            // and every request after it
		{sig: true, status: http.StatusOK},
	}
	require.Len(t, rec.sent, len(want))
	for i := range want {
		want[i].seq = rec.sent[i].seq
	}
	require.Equal(t, want, rec.sent)
}

// macKeyOf returns the session MAC key c derives after a signed request, from the provider's
// announcement on its answer.
func macKeyOf(t *testing.T, c *client) [32]byte {
	t.Helper()
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	pub, err := wire.ParseMACKey(resp.Header.Get(wire.HeaderMACKey))
	require.NoError(t, err)
	k, err := wire.SessionMACKey(c.user, pub, c.ticket.SessionID)
	require.NoError(t, err)
	return k
}

// buildMAC is c.build with X-LT-MAC under key (over the text of session textOf's ticket) instead of a
// signature, and X-LT-Evidence when evidence is not empty.
func (c *client) buildMAC(key [32]byte, textOf *client, body string, seq uint64, evidence string) *http.Request {
	c.t.Helper()
	if seq == 0 {
		c.seq++
		seq = c.seq
	}
	req := c.build("POST", "/v1/chat/completions", body, seq)
	req.Header.Del(wire.HeaderSignature)
	unix, _ := strconv.ParseUint(strings.SplitN(req.Header.Get(wire.HeaderRequest), ".", 2)[1], 10, 64)
	text := wire.RequestText(c.domain.ChainID(), textOf.ticket.SessionID, seq, unix, "POST", "/v1/chat/completions", []byte(body))
	mac := wire.RequestMAC(key, text)
	req.Header.Set(wire.HeaderMAC, hexutil.Encode(mac[:]))
	if evidence != "" {
		req.Header.Set(wire.HeaderEvidence, evidence)
	}
	return req
}

func send(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	return resp
}

// requireRefused checks a §9 error envelope with status and code.
func requireRefused(t *testing.T, resp *http.Response, status int, code string) {
	t.Helper()
	got, gotCode, msg := errorOf(t, resp)
	require.Equal(t, status, got, msg)
	require.Equal(t, code, gotCode, msg)
}

// TestMACRefusals: a MAC under a wrong key, a MAC of another session's request, a replayed seq, a request
// with neither MAC nor signature and a MAC before the session signed any request are refused with the
// §9 envelope; a right one is admitted.
func TestMACRefusals(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	a, b := p.session(t, "fast:v1", p.routerKey), p.session(t, "fast:v1", p.routerKey)
	ka, kb := macKeyOf(t, a), macKeyOf(t, b)
	require.NotEqual(t, ka, kb)
	body := chatRequestBody("fast:v1", false)

	var wrong [32]byte
	wrong[0] = 1
	requireRefused(t, send(t, a.buildMAC(wrong, a, body, 0, "")), http.StatusForbidden, wire.CodeBadSignature)
	requireRefused(t, send(t, a.buildMAC(kb, b, body, 0, "")), http.StatusForbidden, wire.CodeBadSignature)
	requireRefused(t, send(t, a.buildMAC(ka, b, body, 0, "")), http.StatusForbidden, wire.CodeBadSignature)

	neither := a.build("POST", "/v1/chat/completions", body, 0)
	neither.Header.Del(wire.HeaderSignature)
	requireRefused(t, send(t, neither), http.StatusBadRequest, wire.CodeBadRequest)

	ok := send(t, a.buildMAC(ka, a, body, 0, ""))
	readAll(t, ok)
	require.Equal(t, http.StatusOK, ok.StatusCode)
	require.Empty(t, ok.Header.Get(wire.HeaderMACKey), "announced on signed answers only")
	requireRefused(t, send(t, a.buildMAC(ka, a, body, a.seq, "")), http.StatusConflict, wire.CodeReplayed)

	fresh := p.session(t, "fast:v1", p.routerKey)
	requireRefused(t, send(t, fresh.buildMAC(ka, fresh, body, 0, "")), http.StatusUnauthorized, wire.CodeBadSignature)
}

// TestMACEvidenceOnlyECDSA: the provider's evidence for a close without the user is only ever a request
// whose signature by the session's key it verified. Evidence signed by another key is not kept and costs
// the session its MAC key; evidence that is not of an earlier request is refused; evidence the session's
// key signed is kept.
func TestMACEvidenceOnlyECDSA(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	c := p.session(t, "fast:v1", p.routerKey)
	k := macKeyOf(t, c)
	signedSeq := c.seq
	body := chatRequestBody("fast:v1", false)
	lastRequest := func() *wire.SignedRequest {
		p.srv.WaitBackground()
		snap, err := p.srv.Sessions().Usage(c.ticket.SessionID)
		require.NoError(t, err)
		return snap.LastRequest
	}
	evidence := func(seq uint64, key *ecdsa.PrivateKey) string {
		r := wire.SignedRequest{Seq: seq, Time: uint64(time.Now().Unix()), Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash([]byte(body))}
		sig, err := eip712.Sign(wire.RequestDigest(r.Text(c.domain.ChainID(), c.ticket.SessionID)), key)
		require.NoError(t, err)
		r.Signature = sig
		return wire.EncodeEvidence(&r)
	}

	other, _ := crypto.GenerateKey()
	resp := send(t, c.buildMAC(k, c, body, c.seq+2, evidence(c.seq+1, other)))
	c.seq += 2
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, "evidence is verified off the request's path")
	require.Equal(t, signedSeq, lastRequest().Seq, "forged evidence is not kept")
	requireRefused(t, send(t, c.buildMAC(k, c, body, 0, "")), http.StatusUnauthorized, wire.CodeBadSignature)

	k = macKeyOf(t, c) // a signed request gives the session a MAC key again
	requireRefused(t, send(t, c.buildMAC(k, c, body, 0, evidence(c.seq+1, c.user))), http.StatusBadRequest, wire.CodeBadRequest)
	evSeq := c.seq + 1
	resp = send(t, c.buildMAC(k, c, body, c.seq+2, evidence(evSeq, c.user)))
	c.seq += 2
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	last := lastRequest()
	require.Equal(t, evSeq, last.Seq)
	signer, err := last.Signer(c.domain.ChainID(), c.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, crypto.PubkeyToAddress(c.user.PublicKey), signer)
}

// TestMACEvidenceNeverDatedBack: a user cannot wipe the provider's evidence for a close without it by
// sending, with its last MAC'd request, the signature of a request it dated back. Evidence dated before
// now minus the clock skew and wire.MaxEvidenceLag (1970 here) is refused 400 bad_request; evidence dated
// back within that bound, with a larger seq than the newest signed request, is admitted but not kept (the
// newest signed request was chosen by seq, so its time, and what a provider alone may bill, fell to the
// dated-back one's); evidence of a later time is kept.
func TestMACEvidenceNeverDatedBack(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	c := p.session(t, "fast:v1", p.routerKey)
	k := macKeyOf(t, c)
	body := chatRequestBody("fast:v1", false)
	lastRequest := func() wire.SignedRequest {
		p.srv.WaitBackground()
		snap, err := p.srv.Sessions().Usage(c.ticket.SessionID)
		require.NoError(t, err)
		require.NotNil(t, snap.LastRequest)
		return *snap.LastRequest
	}
	evidence := func(seq, unix uint64) string {
		r := wire.SignedRequest{Seq: seq, Time: unix, Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash([]byte(body))}
		sig, err := eip712.Sign(wire.RequestDigest(r.Text(c.domain.ChainID(), c.ticket.SessionID)), c.user)
		require.NoError(t, err)
		r.Signature = sig
		return wire.EncodeEvidence(&r)
	}
	signed := lastRequest()

	bound := uint64(60 + wire.MaxEvidenceLag) // the default clock skew and the evidence lag
	for _, unix := range []uint64{1, uint64(time.Now().Unix()) - bound - 5} {
		requireRefused(t, send(t, c.buildMAC(k, c, body, c.seq+2, evidence(c.seq+1, unix))), http.StatusBadRequest, wire.CodeBadRequest)
		c.seq += 2
	}
	require.Equal(t, signed, lastRequest())

	resp := send(t, c.buildMAC(k, c, body, c.seq+2, evidence(c.seq+1, signed.Time-20)))
	c.seq += 2
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, signed, lastRequest(), "evidence dated back replaced a later signed request")

	later := uint64(time.Now().Unix())
	resp = send(t, c.buildMAC(k, c, body, c.seq+2, evidence(c.seq+1, later)))
	c.seq += 2
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	got := lastRequest()
	require.Equal(t, c.seq-1, got.Seq, "evidence of a later time is kept")
	require.Equal(t, later, got.Time)
}

// BenchmarkRequestAuth sends the same non-streaming chat completion through the provider from two
// sessions of the client library, one signing every request and one on the MAC fast path, alternately in
// one run, and reports each one's median and the difference (mac-gain-p50-µs).
func BenchmarkRequestAuth(b *testing.B) {
	p := newOffChainProvider(b, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 64}, nil)
	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4, DisableCompression: true}}
	ecdsa := p.libSession(b, "fast:v1", false, hc, nil)
	mac := p.libSession(b, "fast:v1", true, hc, nil)
	body := []byte(chatRequestBody("fast:v1", false))
	var took [2][]time.Duration
	for i := 0; b.Loop(); i++ {
		for k := range 2 {
			j := (i + k) % 2
			s := ecdsa
			if j == 1 {
				s = mac
			}
			start := time.Now()
			if _, err := s.ChatCompletion(context.Background(), body); err != nil {
				b.Fatal(err)
			}
			took[j] = append(took[j], time.Since(start))
		}
	}
	med := func(v []time.Duration) float64 {
		slices.Sort(v)
		return float64(v[len(v)/2].Nanoseconds()) / 1e3
	}
	b.ReportMetric(med(took[0]), "ecdsa-p50-µs")
	b.ReportMetric(med(took[1]), "mac-p50-µs")
	b.ReportMetric(med(took[0])-med(took[1]), "mac-gain-p50-µs")
}

// TestMACEvidenceLagAfterTheBody: the age of a session's newest signed request (at most
// wire.MaxEvidenceLag for a MAC'd request) is judged when the request's body has arrived, not when its
// headers did: the headers are checked before the body is read, which may take the read timeout, and a
// client that sent its headers in time and its body MaxEvidenceLag later was served on a MAC alone with
// evidence older than the bound.
func TestMACEvidenceLagAfterTheBody(t *testing.T) {
	var ahead atomic.Int64
	var armed atomic.Bool
	headersChecked := make(chan struct{})
	var once sync.Once
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		c.Now = func() time.Time {
			if armed.Load() {
				once.Do(func() { close(headersChecked) })
			}
			return time.Now().Add(time.Duration(ahead.Load()))
		}
	})
	a := p.session(t, "fast:v1", p.routerKey)
	key := macKeyOf(t, a) // a signed request: the session's evidence is from now
	// Its handler reads the clock once more as it ends, after its answer: wait for that, so that the
	// clock's next reading is the next request's header checks.
	for {
		u, err := p.srv.Sessions().Usage(a.ticket.SessionID)
		require.NoError(t, err)
		if u.Usage.InFlight == 0 {
			break
		}
		runtime.Gosched()
	}
	p.srv.WaitBackground()
	body := chatRequestBody("fast:v1", false)
	req := a.buildMAC(key, a, body, 0, "")

	conn, err := net.Dial("tcp", p.ts.Listener.Addr().String())
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	w := bufio.NewWriter(conn)
	fmt.Fprintf(w, "POST %s HTTP/1.1\r\nHost: provider\r\nContent-Type: application/json\r\nContent-Length: %d\r\n", req.URL.Path, len(body))
	require.NoError(t, req.Header.Write(w))
	w.WriteString("\r\n" + body[:len(body)/2])
	armed.Store(true)
	require.NoError(t, w.Flush())
	<-headersChecked // the provider has read the clock for the headers' checks
	ahead.Store(int64((wire.MaxEvidenceLag + 2) * time.Second))
	w.WriteString(body[len(body)/2:])
	require.NoError(t, w.Flush())
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	require.NoError(t, err)
	requireRefused(t, resp, http.StatusUnauthorized, wire.CodeBadSignature)
}
