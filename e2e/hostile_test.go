package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// hostileRouter is a router run by the test with a key holding ROUTER_ROLE: it answers who it is and, once
// domain is set (the stack started), proves it as router/api does (wiretest.ProveKey), takes the
// provider's close reports and serves them in a settlement feed, with no RFC behind any of them.
type hostileRouter struct {
	addr    common.Address
	key     *ecdsa.PrivateKey
	domain  atomic.Pointer[eip712.Domain]
	mu      sync.Mutex
	records []wire.SessionRecord
	tickets map[common.Hash]*wire.RFCResponse
	// mirror, when set, runs before each feed page is served (the copier reading other feeds first).
	mirror func()
}

// undercut makes h, whose key is rk, a copier: before serving its feed it reads the honest router's feed
// and publishes, for each session closed by the user alone (userSignature, no providerSignature), a copy
// with a ticket of its own at half the honest price and the honest receipt and signatures, without the
// honest acceptance. It returns the ids of the sessions it copied.
func (h *hostileRouter) undercut(t *testing.T, s *Stack, rk *ecdsa.PrivateKey) func() []common.Hash {
	var (
		reading sync.Mutex // one read of the honest feed at a time
		after   = "0"
		copied  []common.Hash
	)
	h.mirror = func() {
		reading.Lock()
		defer reading.Unlock()
		var page wire.SettlementPage
		if err := getJSON(context.Background(), s.RouterURL+"/v1/settlement/sessions?after="+after, &page); err != nil {
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		for _, rec := range page.Sessions {
			if rec.UserSignature == nil || rec.ProviderSignature != nil {
				continue
			}
			cheap := rec
			cheap.Ticket.PricePerSecond = *new(uint256.Int).Rsh(&rec.Ticket.PricePerSecond, 1)
			sig, err := s.Domain.Sign(&cheap.Ticket, rk)
			if err != nil {
				t.Errorf("sign the copy's ticket: %v", err)
				return
			}
			cheap.TicketSignature, cheap.Router, cheap.TicketAcceptance, cheap.Payment = sig, h.addr, nil, nil
			if cheap.CloseSignature, err = signClose(s, &cheap, rk); err != nil {
				t.Errorf("sign the copy's close: %v", err)
				return
			}
			cheap.Cursor = strconv.Itoa(len(h.records) + 1)
			h.records = append(h.records, cheap)
			copied = append(copied, rec.SessionID)
		}
		after = page.Next
	}
	return func() []common.Hash {
		h.mu.Lock()
		defer h.mu.Unlock()
		return append([]common.Hash(nil), copied...)
	}
}

func (h *hostileRouter) serve(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/healthz":
		wire.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "router": h.addr})
	case r.URL.Path == "/v1/liveness":
		if d := h.domain.Load(); d != nil {
			wiretest.ProveKey(w, r, d, h.key)
			return
		}
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "starting"))
	case r.Method == http.MethodPost && len(r.URL.Path) > len("/v1/sessions/"):
		var req wire.CloseRequest
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		g := h.tickets[req.Receipt.SessionID]
		if g == nil {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session"))
			return
		}
		now := uint64(time.Now().Unix())
		rec := wire.SessionRecord{Cursor: strconv.Itoa(len(h.records) + 1), SessionID: g.SessionID, State: "closed", Ticket: g.Ticket,
			TicketSignature: g.TicketSignature, Router: h.addr, CreatedAt: now - 60, ClosedAt: now, CloseReason: wire.CloseOneSided,
			Receipt: &req.Receipt, ProviderSignature: req.ProviderSignature, LastRequest: req.LastRequest, BilledSeconds: req.Receipt.Seconds}
		h.records = append(h.records, rec)
		wire.WriteJSON(w, http.StatusOK, rec)
	case r.URL.Path == "/v1/settlement/sessions":
		if h.mirror != nil {
			h.mirror()
		}
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		h.mu.Lock()
		defer h.mu.Unlock()
		page := wire.SettlementPage{Sessions: append([]wire.SessionRecord{}, h.records[min(after, len(h.records)):]...), Next: strconv.Itoa(max(after, len(h.records)))}
		wire.WriteJSON(w, http.StatusOK, page)
	default:
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no route"))
	}
}

// keeperRejected is the keeper's GET /v1/rejected, what these tests read of it.
type keeperRejected struct {
	Rejected []struct {
		SessionID string `json:"sessionId"`
		Code      string `json:"code"`
	} `json:"rejected"`
}

// TestHostileRouterRealProcesses (issue 13): a second key holding ROUTER_ROLE signs a ticket for a user who
// signed no RFC, naming a session key it holds itself, and uses it at the real provider: without an RFC
// (403 rfc_required), with an RFC in the user's name it signed itself (401 bad_signature) and with a valid
// RFC of a fresh key with no MOR, so no allowance (402 allowance_exhausted), the provider refuses the
// ticket and serves nothing (it used to serve it, and the keeper then credited nothing for the
// work), so at shutdown it reports no close to that router. The router then publishes a fabricated close
// of its own in its feed. The real keeper reads both routers' feeds, rejects the fabricated session
// (missing_rfc) and commits exactly the honest session the gateway's user opened through the honest router.
func TestHostileRouterRealProcesses(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s, h, rk := startWithHostileRouter(t, ctx, Options{GatewayIdleTimeout: time.Hour})
	sk, vk := newKey(t), newKey(t) // the hostile router's session key, the victim

	// The honest session: the gateway's user through the honest router.
	honest, err := s.Chat(ctx, "hello", true)
	require.NoError(t, err)

	// The fabricated one: a victim who signed nothing, a session key the hostile router holds.
	victim := crypto.PubkeyToAddress(vk.PublicKey)
	p := s.Providers[0]
	price, _ := uint256.FromBig(s.Opts.Prices[0])
	tk := eip712.SessionTicket{SessionID: crypto.Keccak256Hash([]byte("no rfc behind this")), User: victim, Provider: p.Owner.Address,
		ModelID: ids.ModelID(s.Opts.Model), PricePerSecond: *price, MaxSeconds: 300, NotAfter: uint64(time.Now().Unix()) + 600,
		SessionKey: crypto.PubkeyToAddress(sk.PublicKey)}
	tsig, err := s.Domain.Sign(&tk, rk)
	require.NoError(t, err)
	grant := &wire.RFCResponse{SessionID: tk.SessionID, Provider: p.Owner.Address, Endpoint: p.URL, PricePerSecond: price,
		MaxSeconds: tk.MaxSeconds, Ticket: tk, TicketSignature: tsig, Router: h.addr}
	h.mu.Lock()
	h.tickets[tk.SessionID] = grant
	h.mu.Unlock()
	body := []byte(`{"model":"` + s.Opts.Model + `","messages":[{"role":"user","content":"bill me"}]}`)
	forged := eip712.RFC{User: victim, ModelID: tk.ModelID, MaxPricePerSecond: *price, MaxSeconds: 300,
		Deadline: uint64(time.Now().Unix()) + 300, SessionKey: tk.SessionKey}
	forgedSig, err := s.Domain.Sign(&forged, rk) // in the victim's name, signed by the router
	require.NoError(t, err)
	// A valid RFC of a fresh key with no MOR, of the router's own making: keepers credit nothing beyond its
	// allowance (0), so the provider refuses it too.
	zk := newKey(t)
	zero := forged
	zero.User = crypto.PubkeyToAddress(zk.PublicKey)
	zeroSig, err := s.Domain.Sign(&zero, zk)
	require.NoError(t, err)
	for _, c := range []struct {
		rfc    *eip712.SignedRFC
		status int
		code   string
	}{
		{nil, http.StatusForbidden, wire.CodeRFCRequired},
		{&eip712.SignedRFC{RFC: forged, Signature: forgedSig}, http.StatusUnauthorized, wire.CodeBadSignature},
		{&eip712.SignedRFC{RFC: zero, Signature: zeroSig}, http.StatusPaymentRequired, wire.CodeAllowanceExhausted},
	} {
		g := *grant
		if c.rfc != nil { // the ticket follows from the RFC (the forged one: in every field but its signer)
			g.Ticket.User = c.rfc.RFC.User
			g.Ticket.SessionID = eip712.SessionID(s.Domain.Digest(&c.rfc.RFC), p.Owner.Address)
			g.SessionID = g.Ticket.SessionID
			g.TicketSignature, err = s.Domain.Sign(&g.Ticket, rk)
			require.NoError(t, err)
		}
		sess, err := client.NewSession(s.Domain, sk, &g, client.SessionOptions{RFC: c.rfc})
		require.NoError(t, err)
		resp, err := sess.Do(ctx, http.MethodPost, "/v1/chat/completions", body)
		require.NoError(t, err)
		raw, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		e := wire.DecodeError(resp, raw)
		require.Equal(t, c.status, resp.StatusCode, "the provider refuses a ticket keepers credit nothing for: %s", raw)
		require.Equal(t, c.code, e.Code)
	}

	p.Proc.Stop() // the provider closes its sessions alone and reports each to the router that issued it
	rec, err := s.WaitClosed(ctx, honest.Session, 60*time.Second)
	require.NoError(t, err)
	h.mu.Lock()
	require.Empty(t, h.records, "the provider served the hostile router's tickets nothing: no close to report")
	// The hostile router publishes a close of its own making for its ticket.
	now := uint64(time.Now().Unix())
	rc := eip712.UsageReceipt{SessionID: tk.SessionID, Seconds: 60}
	h.records = append(h.records, wire.SessionRecord{Cursor: "1", SessionID: tk.SessionID, State: "closed", Ticket: tk,
		TicketSignature: tsig, Router: h.addr, CreatedAt: now - 60, ClosedAt: now, CloseReason: wire.CloseOneSided,
		Receipt: &rc, BilledSeconds: 60})
	fab := h.records[0]
	h.mu.Unlock()

	// The keeper rejects the fabricated session and commits only the honest one.
	var rej keeperRejected
	require.NoError(t, poll(ctx, 60*time.Second, 200*time.Millisecond, func() (bool, error) {
		if err := getJSON(ctx, s.KeeperURL+"/v1/rejected", &rej); err != nil {
			return false, nil
		}
		return len(rej.Rejected) > 0, nil
	}))
	require.Len(t, rej.Rejected, 1)
	require.Equal(t, fab.SessionID.Hex(), rej.Rejected[0].SessionID)
	require.Equal(t, "missing_rfc", rej.Rejected[0].Code)

	requireCommittedExactly(t, ctx, s, rec, "committed: the honest session only")
}

// requireCommittedExactly waits until the pool's committed total is rec's credit and checks it is no more.
func requireCommittedExactly(t *testing.T, ctx context.Context, s *Stack, rec *wire.SessionRecord, msg string) {
	t.Helper()
	pc, bc, err := s.Credit(rec)
	require.NoError(t, err)
	want := new(big.Int).Add(pc, bc)
	require.NoError(t, s.WaitCommitted(ctx, want, 90*time.Second))
	committed, err := s.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, want.String(), committed.String(), msg)
}

// startWithHostileRouter starts a stack with opts whose keeper also reads the feed of a hostile router h
// (served by the test, closed at its end), whose key rk holds ROUTER_ROLE.
func startWithHostileRouter(t *testing.T, ctx context.Context, opts Options) (*Stack, *hostileRouter, *ecdsa.PrivateKey) {
	rk := newKey(t)
	h := &hostileRouter{addr: crypto.PubkeyToAddress(rk.PublicKey), key: rk, tickets: map[common.Hash]*wire.RFCResponse{}}
	srv := httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(srv.Close)
	opts.ExtraRouters = append(opts.ExtraRouters, srv.URL)
	s := start(t, ctx, opts)
	h.domain.Store(s.Domain)
	require.NoError(t, s.GrantRouterRole(ctx, h.addr))
	return s, h, rk
}

// rotateProviderSigner makes a fresh key p's registered signer (the Marketplace's updateProvider), waits
// until the router's book holds it and returns it.
func rotateProviderSigner(t *testing.T, ctx context.Context, s *Stack, p *Provider) *ecdsa.PrivateKey {
	t.Helper()
	key := newKey(t)
	next := crypto.PubkeyToAddress(key.PublicKey)
	_, err := s.UpdateProvider(ctx, p.Owner.Key, key, p.URL) // key signs its SignerClaim
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		var out struct {
			Providers []struct {
				Address, Signer common.Address
			} `json:"providers"`
		}
		if err := getJSON(ctx, s.RouterURL+"/v1/providers", &out); err != nil {
			return false
		}
		for _, r := range out.Providers {
			if r.Address == p.Owner.Address {
				return r.Signer == next
			}
		}
		return false
	}, time.Minute, 100*time.Millisecond, "the router's book holds the provider's new signer")
	return key
}

// signClose is the hostile router's signature of its copy's close with its own key (settle.CloseDigest), as
// an honest router signs its closes: the copy loses for want of the provider's acceptance, not of this.
func signClose(s *Stack, rec *wire.SessionRecord, key *ecdsa.PrivateKey) (*eip712.Signature, error) {
	c := rec.Close()
	sig, err := settle.SignClose(s.Domain, &c, key)
	return &sig, err
}

func newKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

// TestCheaperReticketRealProcesses (hostile router, ticket binding): the gateway's user opens a session
// through the honest router; the real provider closes it (alone, at shutdown) with its acceptance of the
// honest router's ticket, reported to that router. A second ROUTER_ROLE key reads the honest record, signs a
// ticket of its own for the same session at half the price, and publishes it in its feed with the copied
// receipt and signatures. The real keeper reads both feeds: it credits the honest ticket's price and rejects
// the cheaper copy (ticket_not_accepted), so the provider is paid what it served at its price.
func TestCheaperReticketRealProcesses(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s, h, rk := startWithHostileRouter(t, ctx, Options{GatewayIdleTimeout: time.Hour, EpochLength: 10 * time.Second})

	honest, err := s.Chat(ctx, "hello", true)
	require.NoError(t, err)
	s.Providers[0].Proc.Stop() // the provider closes the session alone and reports it with its acceptance
	rec, err := s.WaitClosed(ctx, honest.Session, 60*time.Second)
	require.NoError(t, err)
	require.Positive(t, rec.BilledSeconds)
	require.NotNil(t, rec.TicketAcceptance, "the honest record carries the provider's acceptance of its ticket")

	cheap := *rec // the hostile copy: its own ticket at half the price, the honest receipt and signatures
	cheap.Ticket.PricePerSecond = *new(uint256.Int).Rsh(&rec.Ticket.PricePerSecond, 1)
	cheap.TicketSignature, err = s.Domain.Sign(&cheap.Ticket, rk)
	require.NoError(t, err)
	cheap.Router, cheap.Cursor, cheap.TicketAcceptance, cheap.Payment = h.addr, "1", nil, nil
	cheap.CloseSignature, err = signClose(s, &cheap, rk)
	require.NoError(t, err)
	h.mu.Lock()
	h.records = append(h.records, cheap)
	h.mu.Unlock()

	requireCommittedExactly(t, ctx, s, rec, "committed: the honest ticket's price")
	var rej keeperRejected
	require.NoError(t, getJSON(ctx, s.KeeperURL+"/v1/rejected", &rej))
	require.Len(t, rej.Rejected, 1)
	require.Equal(t, rec.SessionID.Hex(), rej.Rejected[0].SessionID)
	require.Equal(t, "ticket_not_accepted", rej.Rejected[0].Code)
}

// TestLtCloseCarriesSavedAcceptance (hostile router, ticket binding, `lt close` from another process): the
// user's client opens a session through the honest router, has one answer from the real provider (which
// announces its acceptance of the ticket) and saves the session as `lt rfc` does; the provider then
// crashes (SIGKILL: it closes nothing) and its owner rotates its signer (updateProvider) before the user
// closes. The real `lt close`, another process, closes the session at the router with the user's receipt
// alone and the saved acceptance, which the old key signed: the router takes it (the provider's signer when
// it issued the ticket) and keepers too (the signer at the session's start). A second ROUTER_ROLE key
// copies that close from the honest feed with its own ticket at half the price: the real keeper credits the
// honest price and rejects the copy (ticket_not_accepted). The router used to take the current signer's
// acceptance alone: lt closed again without it, and the keeper credited the half-price copy.
func TestLtCloseCarriesSavedAcceptance(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s, h, rk := startWithHostileRouter(t, ctx, Options{EpochLength: 10 * time.Second})
	copied := h.undercut(t, s, rk)

	maxPrice, _ := uint256.FromBig(s.Opts.Prices[0])
	c := &client.Client{Router: client.NewRouterClient(s.RouterURL, nil), Domain: s.Domain, Key: s.User.Key}
	sess, err := c.Open(ctx, client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: maxPrice, MaxSeconds: 300})
	require.NoError(t, err)
	answer, err := sess.ChatCompletion(ctx, []byte(`{"model":"`+s.Opts.Model+`","messages":[{"role":"user","content":"hello"}]}`))
	require.NoError(t, err)
	require.NotEmpty(t, answer.Header.Get(wire.HeaderTicketAcceptance), "the provider announces its acceptance")
	require.Positive(t, sess.Usage().Seconds)
	stateDir := t.TempDir()
	raw, err := json.MarshalIndent(sess.State(), "", "  ")
	require.NoError(t, err)
	id := sess.ID()
	require.NoError(t, os.WriteFile(filepath.Join(stateDir, strings.ToLower(id.Hex())+".json"), raw, 0o600))

	s.Providers[0].Proc.Kill() // a crash: the provider closes nothing
	rotateProviderSigner(t, ctx, s, s.Providers[0])
	var res client.CloseResult
	out, err := s.lt(ctx, "lt-close", "close", "--session", id.Hex(), "--state-dir", stateDir, "--json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(out, &res))
	require.Equal(t, client.ClosedAtRouter, res.Via)

	rec, err := s.WaitClosed(ctx, id, 30*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Positive(t, rec.BilledSeconds)
	requireCommittedExactly(t, ctx, s, rec, "committed: the honest ticket's price")
	require.NotNil(t, res.TicketAcceptance, "lt close carried the acceptance the opening process saved")
	require.NotNil(t, rec.TicketAcceptance)
	require.Equal(t, []common.Hash{id}, copied())
	var rej keeperRejected
	require.NoError(t, getJSON(ctx, s.KeeperURL+"/v1/rejected", &rej))
	require.Len(t, rej.Rejected, 1)
	require.Equal(t, id, common.HexToHash(rej.Rejected[0].SessionID))
	require.Equal(t, "ticket_not_accepted", rej.Rejected[0].Code)
}
