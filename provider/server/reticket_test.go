package server_test

import (
	"crypto/ecdsa"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestClosedSessionNotServedAgainUnderAnotherTicket: the session id depends on the RFC and the provider,
// not on the router, so a second router that never saw the RFC's nonce may issue another ticket of the
// same session id, lasting longer. Once the session is closed, that ticket is refused (409
// session_closed) also after the first ticket's notAfter, until its own has passed (the provider used to
// forget the closed id at the first ticket's notAfter and serve the session a second time: keepers
// credit one copy). A ticket lasting beyond what its RFC allows an honest router (deadline + maxSeconds
// + settle.TicketSlack), which would outlast the closed id, is refused on its first request; one at that
// bound is served.
func TestClosedSessionNotServedAgainUnderAnotherTicket(t *testing.T) {
	f := newSameRFCAtTwoRouters(t, server.Model{Name: "fast:v1", Upstream: "fast"})
	p, rfc, user, routerB := f.p, f.rfc, f.user, f.routerB
	require.Equal(t, f.t1.SessionID, f.t2.SessionID)

	resp := newClient(t, p.domain, p.ts.URL, user, f.t1, p.routerKey).chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	f.closeByUser(t)
	f.secondTicketRefused(t, 0, "while the first ticket lasts")
	f.secondTicketRefused(t, 10*60, "after the first ticket's notAfter, while the second lasts")
	f.secondTicketRefused(t, 29*60, "until the second ticket's notAfter")

	// Beyond the RFC's bound: refused before it is served; at it: served.
	f.skew.Store(0)
	bound := rfc.Deadline + uint64(rfc.MaxSeconds) + settle.TicketSlack
	for _, tc := range []struct {
		notAfter uint64
		status   int
	}{{bound + 1, http.StatusForbidden}, {bound, http.StatusOK}} {
		r := rfc
		r.Nonce = tc.notAfter
		tk := ticketOf(p.domain, r, p.owner, 60, time.Unix(int64(tc.notAfter), 0))
		c := newClient(t, p.domain, p.ts.URL, user, tk, routerB)
		resp := c.chat("fast:v1", false)
		body := readAll(t, resp)
		require.Equal(t, tc.status, resp.StatusCode, "notAfter %d, bound %d: %s", tc.notAfter, bound, body)
		if tc.status == http.StatusForbidden {
			require.Contains(t, body, "past the RFC's deadline")
			requireNoSession(t, p.ts.URL, tk.SessionID)
		}
	}
}

// TestClosedSessionHeldAfterRestartUnderAnotherTicket: a session closed and its close delivered, the
// provider restarted after the router's close deadline for its ticket (notAfter + settle.CloseWindow) but
// while another ticket of the same RFC may still last: that ticket is refused 409 session_closed, the
// retired close report holding the session closed until its RFC's bound (it used to be removed at the
// ticket's close deadline, and the session served again from seq 1).
func TestClosedSessionHeldAfterRestartUnderAnotherTicket(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	dir := t.TempDir()
	cfg, _ := outboxProvider(up, router, dir)
	a := run(t, cfg, 10*time.Second)
	c, rc, _ := userClose(t, cfg, a.url, router) // its ticket lasts an hour
	require.Equal(t, rc.SessionID, waitFor(t, router.took, "the close delivered"))
	a.stop()

	const later = 3 * 3600 // past the ticket's notAfter + CloseWindow
	bCfg, _ := outboxProvider(up, router, dir)
	bCfg.Domain, bCfg.Provider, bCfg.SignerKey = cfg.Domain, cfg.Provider, cfg.SignerKey
	bCfg.Now = func() time.Time { return time.Now().Add(later * time.Second) }
	b := run(t, bCfg, 10*time.Second)
	v, ok := rfcs.Load(rc.SessionID)
	require.True(t, ok)
	t2 := ticketOf(cfg.Domain, v.(testRFC).rfc, cfg.Provider, 60, time.Now().Add((later+3600)*time.Second)) // another router's
	require.Equal(t, rc.SessionID, t2.SessionID)
	again := newClient(t, cfg.Domain, b.url, c.user, t2, router.key)
	again.timeOff = later
	status, code, msg := errorOf(t, again.chat("fast:v1", false))
	require.Equal(t, http.StatusConflict, status, msg)
	require.Equal(t, wire.CodeSessionClosed, code)
}

// TestRFCDeadlineAtMostTenMinutesAhead: the provider accepts an RFC deadline at most
// eip712.MaxDeadlineAhead ahead of its clock, as the router does and keepers assume (they date the
// session's start no earlier than deadline − 10 min), with no clock skew added: 10 min + 30 s ahead is
// refused 400 bad_request (it used to pass, within the skew), 10 min ahead is served.
func TestRFCDeadlineAtMostTenMinutesAhead(t *testing.T) {
	at := time.Now()
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		c.Now = func() time.Time { return at }
	})
	user, _ := crypto.GenerateKey()
	for _, tc := range []struct {
		ahead  uint64
		status int
	}{{600 + 30, http.StatusBadRequest}, {600, http.StatusOK}} {
		rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("fast:v1")),
			MaxPricePerSecond: *uint256.NewInt(1e9), MaxSeconds: 60, Nonce: tc.ahead, Deadline: uint64(at.Unix()) + tc.ahead}
		c := newClient(t, p.domain, p.ts.URL, user, ticketOf(p.domain, rfc, p.owner, 60, at.Add(15*time.Minute)), p.routerKey)
		c.timeOff = at.Unix() - time.Now().Unix()
		resp := c.chat("fast:v1", false)
		body := readAll(t, resp)
		require.Equal(t, tc.status, resp.StatusCode, "deadline %d s ahead: %s", tc.ahead, body)
	}
}

// TestTicketCachedWhateverItsRFC: a router's ticket presented with an RFC that does not verify (signed by
// another key than its user's) is refused 401 bad_signature, and its router's signature, verified, is
// cached all the same: the holder's next request costs one recovery (the RFC's, as a forged ticket's costs
// behind RateIP), not two (it used to be cached only once the RFC passed). The cache does not skip the
// RFC check: the next request with the same bad RFC is refused alike, and one with the user's RFC served.
func TestTicketCachedWhateverItsRFC(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	user, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	tk := newTicket(p.domain, p.owner, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 60, time.Now().Add(time.Hour))
	c := newClient(t, p.domain, p.ts.URL, user, tk, p.routerKey)
	good := c.rfc
	bad := rfcOf(t, p.domain, &tk, other)
	var err error
	c.rfc, err = wire.EncodeRFC(bad)
	require.NoError(t, err)
	for i := range 2 {
		status, code, msg := errorOf(t, c.chat("fast:v1", false))
		require.Equal(t, http.StatusUnauthorized, status, msg)
		require.Equal(t, wire.CodeBadSignature, code)
		require.Equal(t, 1, p.srv.CachedTickets(), "request %d: the ticket is cached", i+1)
	}
	c.rfc = good
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

// TestTicketVariantsOneCacheEntry: a ticket has one X-LT-Ticket value in the cache: padded forms of it and
// other JSON spellings (whitespace, member order) are the same entry, and a form with non-zero trailing bits (which a lenient decoder reads as the same ticket)
// is refused 400. Before, each variant of one valid ticket took a place of its own in the 4,096-entry cache
// (evicting honest tickets, each sweep of a full cache under its write lock).
func TestTicketVariantsOneCacheEntry(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	user, _ := crypto.GenerateKey()
	var c *client
	for secs := uint32(60); c == nil || len(c.header)%4 == 0; secs++ { // spare bits in the last character
		tk := newTicket(p.domain, p.owner, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", secs, time.Now().Add(time.Hour))
		c = newClient(t, p.domain, p.ts.URL, user, tk, p.routerKey)
	}
	canonical := c.header
	for _, h := range []string{canonical, canonical + "=", canonical + "=="} {
		c.header = h
		resp := c.chat("fast:v1", false)
		body := readAll(t, resp)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		require.Equal(t, 1, p.srv.CachedTickets(), "%q: one entry", h)
	}
	// Other JSON spellings of the ticket (tickets are public: the router's feed and session pages) are
	// served from the entry of its encoding, and never take entries of their own (the review's probe
	// filled all 4,096 with whitespace variants of one ticket, so honest tickets went uncached).
	raw, err := base64.RawURLEncoding.DecodeString(canonical)
	require.NoError(t, err)
	var env map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &env))
	for _, v := range []string{
		" " + string(raw) + "\n",
		`{"signature":` + string(env["signature"]) + `,"ticket":` + string(env["ticket"]) + `}`,
		strings.ReplaceAll(string(raw), ",", " ,\t"),
	} {
		c.header = base64.RawURLEncoding.EncodeToString([]byte(v))
		resp := c.chat("fast:v1", false)
		body := readAll(t, resp)
		require.Equal(t, http.StatusOK, resp.StatusCode, body)
		require.Equal(t, 1, p.srv.CachedTickets(), "%q: one entry", v)
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, canonical[len(canonical)-1])
	c.header = canonical[:len(canonical)-1] + string(alphabet[last|1])
	status, code, msg := errorOf(t, c.chat("fast:v1", false))
	require.Equal(t, http.StatusBadRequest, status, msg)
	require.Equal(t, wire.CodeBadRequest, code)
	require.Equal(t, 1, p.srv.CachedTickets())
}

// sameRFCAtTwoRouters is a provider serving model that also trusts a second router (routerB), its clock
// skew seconds ahead, and one user's RFC with two tickets of it, of one session id (it depends on the RFC
// and the provider, not on the router): router A's (p.routerKey) lasting 2 minutes, router B's 30.
type sameRFCAtTwoRouters struct {
	p       *offChainProvider
	routerB *ecdsa.PrivateKey
	skew    *atomic.Int64 // seconds added to the provider's clock
	user    *ecdsa.PrivateKey
	rfc     eip712.RFC
	t1, t2  eip712.SessionTicket
	model   string
	c2      *client // router B's ticket's client, made at its first use
}

func newSameRFCAtTwoRouters(t *testing.T, model server.Model) *sameRFCAtTwoRouters {
	f := &sameRFCAtTwoRouters{skew: new(atomic.Int64), model: model.Name}
	f.routerB, _ = crypto.GenerateKey()
	f.p = newOffChainProvider(t, model, func(c *server.Config) {
		c.IdleTimeout = time.Hour
		c.Routers.(staticRouters)[crypto.PubkeyToAddress(f.routerB.PublicKey)] = true
		c.Now = func() time.Time { return time.Now().Add(time.Duration(f.skew.Load()) * time.Second) }
	})
	f.user, _ = crypto.GenerateKey()
	now := time.Now()
	f.rfc = eip712.RFC{User: crypto.PubkeyToAddress(f.user.PublicKey), ModelID: crypto.Keccak256Hash([]byte(model.Name)),
		MaxPricePerSecond: *uint256.NewInt(1e9), MaxSeconds: 60, Nonce: 7, Deadline: uint64(now.Unix()) + 300}
	f.t1 = ticketOf(f.p.domain, f.rfc, f.p.owner, 60, now.Add(2*time.Minute))
	f.t2 = ticketOf(f.p.domain, f.rfc, f.p.owner, 60, now.Add(30*time.Minute))
	return f
}

// closeByUser closes the session at the provider with its user's receipt of 1 s.
func (f *sameRFCAtTwoRouters) closeByUser(t *testing.T) {
	t.Helper()
	rc := eip712.UsageReceipt{SessionID: f.t1.SessionID, Seconds: 1}
	sig, err := f.p.domain.Sign(&rc, f.user)
	require.NoError(t, err)
	resp := postJSON(t, f.p.ts.URL+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &sig})
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

// secondTicketRefused asserts router B's ticket is refused 409 session_closed with the provider's clock
// (and the client's) at seconds ahead, the closed ids past their hold forgotten first.
func (f *sameRFCAtTwoRouters) secondTicketRefused(t *testing.T, at int64, why string) {
	t.Helper()
	if f.c2 == nil {
		f.c2 = newClient(t, f.p.domain, f.p.ts.URL, f.user, f.t2, f.routerB)
	}
	f.skew.Store(at)
	f.c2.timeOff = at
	f.p.srv.ForgetExpired()
	status, code, msg := errorOf(t, f.c2.chat(f.model, false))
	require.Equal(t, http.StatusConflict, status, "%s: %s", why, msg)
	require.Equal(t, wire.CodeSessionClosed, code, why)
}
