package server_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	lt "github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
	"github.com/laketravis/laketravis/provider/spendcap"
)

// TestHostileRouterTicketWithoutRFC (hostile router): a ROUTER_ROLE key (devnet.DevKey(1), granted on the
// Marketplace on anvil) signs this provider tickets that follow from no RFC the user signed, the session id
// derived from the RFC sent with them so that only the field under test differs: (1) for a user who signed
// no RFC (the RFC names the user but another key signed it; or the RFC is another user's), (2) a price above
// the RFC's maximum, (3) a maxSeconds above the RFC's, (4) another model, (5) another session key (the
// router's own, which signs the requests), (6) no RFC sent at all, and (7) an RFC whose deadline lies a day
// ahead (keepers would date the session after its close). Keepers credit none of them (settle.TicketOfRFC).
// Each is refused with its §9 code before the upstream is asked (no byte of model output), and nothing is
// kept: the provider holds no session for it (a close is unknown_session) and its Prometheus meter counts
// no session time. The honest session of the same user, with its RFC, is served end to end and closes
// with the provider's countersignature. Before the provider checked the RFC, every one was served.
func TestHostileRouterTicketWithoutRFC(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	_, ts := newServer(t, e, up, nil)
	router := devnet.DevKey(1)
	user, _ := crypto.GenerateKey()
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	other, _ := crypto.GenerateKey()
	routerSession, _ := crypto.GenerateKey() // a session key the router holds
	model := crypto.Keccak256Hash([]byte("fast:v1"))
	now := time.Now()

	// honestRFC is what the user's client signs: 300 s at most 1 gwei/s on fast:v1, its own session key
	// zero (the user's key signs), a deadline 5 minutes ahead.
	honestRFC := func() eip712.RFC {
		return eip712.RFC{User: userAddr, ModelID: model, MaxPricePerSecond: *uint256.NewInt(1e9), MaxSeconds: 300,
			Nonce: uint64(now.UnixNano()), Deadline: uint64(now.Unix()) + 300}
	}
	// ticketFor is the ticket an honest router issues for rfc.
	ticketFor := func(rfc eip712.RFC) eip712.SessionTicket {
		return eip712.SessionTicket{SessionID: eip712.SessionID(e.domain.Digest(&rfc), e.owner), User: rfc.User, Provider: e.owner,
			ModelID: rfc.ModelID, PricePerSecond: rfc.MaxPricePerSecond, MaxSeconds: rfc.MaxSeconds,
			NotAfter: uint64(now.Add(time.Hour).Unix()), SessionKey: rfc.SessionKey, UseDeposit: rfc.UseDeposit}
	}
	// session is a client of ticket tk (signed by the router) sending rfc signed by rfcKey (nil: no RFC),
	// its requests signed by reqKey.
	session := func(tk eip712.SessionTicket, rfc *eip712.RFC, rfcKey, reqKey *ecdsa.PrivateKey) *client {
		c := newClient(t, e.domain, ts.URL, reqKey, tk, router)
		c.rfc = ""
		if rfc != nil {
			sig, err := e.domain.Sign(rfc, rfcKey)
			require.NoError(t, err)
			c.rfc, err = wire.EncodeRFC(&eip712.SignedRFC{RFC: *rfc, Signature: sig})
			require.NoError(t, err)
		}
		return c
	}
	nonce := uint64(0)
	fresh := func() eip712.RFC { // a new RFC each case, so each has its own session id
		nonce++
		r := honestRFC()
		r.Nonce += nonce
		return r
	}

	cases := []struct {
		name   string
		make   func() *client
		status int
		code   string
	}{
		{"user signed no RFC (another key signed it)", func() *client {
			rfc := fresh()
			return session(ticketFor(rfc), &rfc, other, user)
		}, http.StatusUnauthorized, wire.CodeBadSignature},
		{"user signed no RFC (another user's RFC)", func() *client {
			rfc := fresh()
			rfc.User = crypto.PubkeyToAddress(other.PublicKey)
			tk := ticketFor(rfc)
			tk.User = userAddr
			return session(tk, &rfc, other, user)
		}, http.StatusForbidden, settle.CodeUserMismatch},
		{"price above the RFC's maximum", func() *client {
			rfc := fresh()
			tk := ticketFor(rfc)
			tk.PricePerSecond = *uint256.NewInt(1e9 + 1)
			return session(tk, &rfc, user, user)
		}, http.StatusForbidden, settle.CodePriceOverRFC},
		{"maxSeconds above the RFC's", func() *client {
			rfc := fresh()
			tk := ticketFor(rfc)
			tk.MaxSeconds = 301
			return session(tk, &rfc, user, user)
		}, http.StatusForbidden, settle.CodeMaxSecondsOverRFC},
		{"another model", func() *client {
			rfc := fresh()
			rfc.ModelID = crypto.Keccak256Hash([]byte("slow:v1"))
			tk := ticketFor(rfc)
			tk.ModelID = model
			return session(tk, &rfc, user, user)
		}, http.StatusForbidden, settle.CodeModelMismatch},
		{"another session key", func() *client {
			rfc := fresh()
			tk := ticketFor(rfc)
			tk.SessionKey = crypto.PubkeyToAddress(routerSession.PublicKey)
			return session(tk, &rfc, user, routerSession)
		}, http.StatusForbidden, settle.CodeSessionKeyMismatch},
		{"no RFC sent", func() *client {
			rfc := fresh()
			return session(ticketFor(rfc), nil, nil, user)
		}, http.StatusForbidden, wire.CodeRFCRequired},
		{"RFC deadline a day ahead", func() *client {
			rfc := fresh()
			rfc.Deadline = uint64(now.Add(24 * time.Hour).Unix())
			return session(ticketFor(rfc), &rfc, user, user)
		}, http.StatusBadRequest, wire.CodeBadRequest},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.make()
			for _, stream := range []bool{true, false} { // refused again: nothing was kept from the first
				status, code, msg := errorOf(t, c.chat("fast:v1", stream))
				require.Equal(t, tc.status, status, msg)
				require.Equal(t, tc.code, code, msg)
			}
			status, code, msg := errorOf(t, c.do("GET", "/v1/models", "", 0))
			require.Equal(t, tc.status, status, msg)
			require.Equal(t, tc.code, code, msg)
			require.Zero(t, up.requests(), "the upstream is never asked")
			requireNoSession(t, ts.URL, c.ticket.SessionID)
		})
	}
	require.Zero(t, openSessions(t, ts.URL), "no session kept, none metered")
	require.Contains(t, readAll(t, get(t, ts.URL+"/metrics")), `lt_provider_tokens_total{model="fast:v1",direction="output"} 0`, "no output metered")

	// The honest session: its RFC, its ticket, served and closed with the provider's countersignature.
	rfc := fresh()
	c := session(ticketFor(rfc), &rfc, user, user)
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.Equal(t, 1, up.requests())
	c.rfc = "" // the session is open: later requests need no RFC
	resp = c.chat("fast:v1", true)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1}
	userSig, err := e.domain.Sign(&rc, user)
	require.NoError(t, err)
	resp = postJSON(t, ts.URL+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &userSig})
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
}

// openSessions is the provider's open session count (GET /healthz).
func openSessions(t *testing.T, base string) int {
	t.Helper()
	var h struct {
		OpenSessions int `json:"openSessions"`
	}
	require.NoError(t, json.Unmarshal([]byte(readAll(t, get(t, base+"/healthz"))), &h))
	return h.OpenSessions
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	return resp
}

// requireNoSession fails t unless the provider at base holds no session id (its close is unknown_session).
func requireNoSession(t *testing.T, base string, id common.Hash) {
	t.Helper()
	rc := eip712.UsageReceipt{SessionID: id}
	resp := postJSON(t, base+"/v1/sessions/"+id.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &eip712.Signature{}})
	status, code, msg := errorOf(t, resp)
	require.Equal(t, http.StatusNotFound, status, msg)
	require.Equal(t, wire.CodeUnknownSession, code, msg)
}

// TestClientLibrarySendsRFC: the client library (client.Session, which Client.Open, the gateway and lt
// use) sends the user's signed RFC with a session's requests until the provider answers one with a 2xx,
// and no longer after; a session saved before its first request (`lt rfc`) and resumed in another process
// (`lt chat`) carries the RFC in its state and is served. A session without its RFC is refused
// rfc_required and nothing is kept.
func TestClientLibrarySendsRFC(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, nil)
	body := []byte(chatRequestBody("fast:v1", false))
	ctx := context.Background()

	rec := &recorder{}
	s := p.libSession(t, "fast:v1", false, &http.Client{Transport: rec}, time.Now)
	require.NotNil(t, s.State().RFC, "the saved state carries the RFC")
	for range 2 {
		_, err := s.ChatCompletion(ctx, body)
		require.NoError(t, err)
	}
	require.Len(t, rec.sent, 2)
	require.True(t, rec.sent[0].rfc, "the first request carries the RFC")
	require.False(t, rec.sent[1].rfc, "the session is open: no RFC")

	// Resumed from the state saved before any request (a fresh session, so its first request opens it).
	fresh := p.libSession(t, "fast:v1", false, nil, time.Now)
	var saved lt.State
	raw, err := json.Marshal(fresh.State())
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &saved))
	key, err := crypto.HexToECDSA(strings.TrimPrefix(saved.SessionKey, "0x"))
	require.NoError(t, err)
	resumed, err := lt.ResumeSession(p.domain, key, saved, lt.SessionOptions{})
	require.NoError(t, err)
	_, err = resumed.ChatCompletion(ctx, body)
	require.NoError(t, err, "the resumed session's first request carries the saved RFC")

	// Without the RFC (a client that was not updated) the provider refuses the session and keeps nothing.
	other := p.libSession(t, "fast:v1", false, nil, time.Now)
	st := other.State()
	st.RFC = nil
	key, err = crypto.HexToECDSA(strings.TrimPrefix(st.SessionKey, "0x"))
	require.NoError(t, err)
	bare, err := lt.ResumeSession(p.domain, key, st, lt.SessionOptions{})
	require.NoError(t, err)
	_, err = bare.ChatCompletion(ctx, body)
	var we *wire.Error
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeRFCRequired, we.Code)
	require.Equal(t, 2, openSessions(t, p.ts.URL), "the two served sessions only")
}

// ticketsOf returns a maker of sessions at ts for one user: an RFC of 7,200 s on fast:v1 at price, signed by
// the user, and its ticket lasting lasts, signed by a ROUTER_ROLE key (devnet.DevKey(1)).
func ticketsOf(t *testing.T, e *testEnv, ts *httptest.Server) func(useDeposit bool, price *uint256.Int, lasts time.Duration) *client {
	router := devnet.DevKey(1)
	user, _ := crypto.GenerateKey()
	now := time.Now()
	nonce := uint64(now.UnixNano())
	return func(useDeposit bool, price *uint256.Int, lasts time.Duration) *client {
		nonce++
		rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: crypto.Keccak256Hash([]byte("fast:v1")),
			MaxPricePerSecond: *price, MaxSeconds: 7200, Nonce: nonce, Deadline: uint64(now.Unix()) + 300,
			UseDeposit: useDeposit}
		tk := eip712.SessionTicket{SessionID: eip712.SessionID(e.domain.Digest(&rfc), e.owner), User: rfc.User, Provider: e.owner,
			ModelID: rfc.ModelID, PricePerSecond: rfc.MaxPricePerSecond, MaxSeconds: rfc.MaxSeconds,
			NotAfter: uint64(now.Add(lasts).Unix()), UseDeposit: useDeposit}
		c := newClient(t, e.domain, ts.URL, user, tk, router)
		sig, err := e.domain.Sign(&rfc, user)
		require.NoError(t, err)
		c.rfc, err = wire.EncodeRFC(&eip712.SignedRFC{RFC: rfc, Signature: sig})
		require.NoError(t, err)
		return c
	}
}

// TestDepositTicketOverTheSpendCapRefused (hostile router; THREATS-TESTS: a deposit-paid session over the
// day's spend cap): keepers charge a user's sessions at every router to the allowance first, so a useDeposit
// session may fall on the deposit whole, and ComputePool.commitRoot refuses a day's deposit spend above the
// day's cap: a session costing more than every cap to come is held by the keepers for ever, its provider
// never paid. Honest routers bound such tickets; a ROUTER_ROLE key that does not issues one costing 7.2e27
// wei (1e24 wei/s × 7,200 s) against the devnet's cap of 1e27: the provider, reading the cap from the real
// ComputePool (provider/spendcap), refuses it 403 forbidden when first presented, naming the cap, before the
// upstream is asked. One costing 7.2e26 is served, as is one over the cap that does not use the deposit.
func TestDepositTicketOverTheSpendCapRefused(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	cp, err := spendcap.NewPool(e.market.PoolAddr, e.chain.Client, 5*time.Second)
	require.NoError(t, err)
	require.NoError(t, cp.Refresh(context.Background()))
	_, ts := newServer(t, e, up, func(c *server.Config) { c.SpendCap = cp })
	sessions := ticketsOf(t, e, ts)
	over, under := new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(24)), new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(23))

	refused := sessions(true, over, time.Hour)
	status, code, msg := errorOf(t, refused.chat("fast:v1", false))
	require.Equal(t, http.StatusForbidden, status, msg)
	require.Equal(t, wire.CodeForbidden, code, msg)
	require.Contains(t, msg, "more than the daily spend cap 1000000000000000000000000000 wei")
	require.Zero(t, up.requests(), "the upstream is never asked")
	requireNoSession(t, ts.URL, refused.ticket.SessionID)

	for _, c := range []*client{sessions(true, under, time.Hour), sessions(false, over, time.Hour)} {
		resp := c.chat("fast:v1", false)
		readAll(t, resp)
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	require.Equal(t, 2, up.requests())
}

// TestDepositTicketRefusedBeforeTheSpendCapIsRead (hostile router; THREATS-TESTS: a deposit-paid session
// over the day's spend cap): until a read of the cap succeeds (the chain unreachable since start, or before
// payoutStart) the provider knows no bound, and a useDeposit ticket let through then would be cached as
// verified and never checked: a ROUTER_ROLE key could time its oversized tickets for that window. So every
// useDeposit ticket is refused 503 unavailable with a Retry-After, over the cap or within it, before the
// upstream is asked and uncached, while a ticket that does not use the deposit is served. Once the cap is
// read (the real ComputePool's 1e27 wei), the same tickets are checked when presented again: the one within
// the cap is served, the one over it refused 403. Before, both were served unchecked and stayed so.
func TestDepositTicketRefusedBeforeTheSpendCapIsRead(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	cp, err := spendcap.NewPool(e.market.PoolAddr, e.chain.Client, 5*time.Second)
	require.NoError(t, err)
	_, ts := newServer(t, e, up, func(c *server.Config) { c.SpendCap = cp })
	sessions := ticketsOf(t, e, ts)
	over, under := new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(24)), new(uint256.Int).Exp(uint256.NewInt(10), uint256.NewInt(23))
	overCap, underCap := sessions(true, over, time.Hour), sessions(true, under, time.Hour)

	for _, c := range []*client{overCap, underCap} {
		resp := c.chat("fast:v1", false)
		status, code, msg := errorOf(t, resp)
		require.Equal(t, http.StatusServiceUnavailable, status, msg)
		require.Equal(t, wire.CodeUnavailable, code, msg)
		require.Equal(t, "15", resp.Header.Get("Retry-After"))
		require.Contains(t, msg, "has not read the ComputePool's daily spend cap yet")
		requireNoSession(t, ts.URL, c.ticket.SessionID)
	}
	require.Zero(t, up.requests(), "the upstream is never asked")
	noDeposit := sessions(false, over, time.Hour)
	resp := noDeposit.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode, "a ticket not using the deposit is not held back")
	require.Equal(t, 1, up.requests())

	require.NoError(t, cp.Refresh(context.Background()))
	resp = underCap.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	status, code, msg := errorOf(t, overCap.chat("fast:v1", false))
	require.Equal(t, http.StatusForbidden, status, msg)
	require.Equal(t, wire.CodeForbidden, code, msg)
	require.Contains(t, msg, "more than the daily spend cap 1000000000000000000000000000 wei")
	require.Equal(t, 2, up.requests())
	requireNoSession(t, ts.URL, overCap.ticket.SessionID)
}

// TestDepositTicketBeyondTheWindowRefused (hostile router; THREATS: a user withdrawing a deposit already
// spent): a router caps a useDeposit ticket to the deposit window (settle.DepositWindow, the pool's
// settlementLag less an epoch, at most half of it), so that a withdrawal requested at the session's start is paid only once the
// session is committed. A ROUTER_ROLE key (devnet.DevKey(1)) signs a deposit-paid ticket running past the
// window: the provider refuses it 403 forbidden when first presented, before the upstream is asked, and
// keeps no session; before, it served it for as long as the ticket ran, after the deposit could be gone.
// A ticket within the window plus the clock skew is served, as is a long ticket that does not use the deposit.
func TestDepositTicketBeyondTheWindowRefused(t *testing.T) {
	e := setup(t)
	up := newUpstream(t)
	const window, skew = 30 * time.Minute, time.Minute
	_, ts := newServer(t, e, up, func(c *server.Config) { c.DepositWindow, c.ClockSkew = window, skew })
	sessions := ticketsOf(t, e, ts)
	session := func(useDeposit bool, lasts time.Duration) *client {
		return sessions(useDeposit, uint256.NewInt(1e9), lasts)
	}

	long := session(true, 2*time.Hour)
	for _, stream := range []bool{false, true} {
		status, code, msg := errorOf(t, long.chat("fast:v1", stream))
		require.Equal(t, http.StatusForbidden, status, msg)
		require.Equal(t, wire.CodeForbidden, code, msg)
		require.Contains(t, msg, "deposit window")
	}
	past := session(true, window+skew+time.Minute) // refused unless a minute passes before it is sent
	status, code, msg := errorOf(t, past.chat("fast:v1", false))
	require.Equal(t, http.StatusForbidden, status, msg)
	require.Equal(t, wire.CodeForbidden, code, msg)
	require.Zero(t, up.requests(), "the upstream is never asked")
	requireNoSession(t, ts.URL, long.ticket.SessionID)
	require.Zero(t, openSessions(t, ts.URL))

	for _, c := range []*client{session(true, window+skew-5*time.Second), session(false, 2*time.Hour)} {
		resp := c.chat("fast:v1", false)
		readAll(t, resp)
		require.Equal(t, http.StatusOK, resp.StatusCode)
	}
	require.Equal(t, 2, up.requests())
}
