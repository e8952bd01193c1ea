package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keys"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// TestTicketAcceptanceAnnounced: the provider signs its acceptance of the session's ticket once, at the
// session's first request, and announces it on every answer (X-LT-Ticket-Acceptance), so a user closing
// without the provider carries it; the provider's own close carries the same signature. It recovers to the
// registered signer for this ticket only.
func TestTicketAcceptanceAnnounced(t *testing.T) {
	var signer common.Address
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		signer = crypto.PubkeyToAddress(c.SignerKey.PublicKey)
	})
	c := p.session(t, "fast:v1", p.routerKey)
	var seen []string
	for range 2 {
		resp := c.chat("fast:v1", false)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
		seen = append(seen, resp.Header.Get(wire.HeaderTicketAcceptance))
	}
	require.NotEmpty(t, seen[0], "the first answer carries the acceptance")
	require.Equal(t, seen[0], seen[1], "one signature per session")
	var acc eip712.Signature
	require.NoError(t, acc.UnmarshalText([]byte(seen[0])))
	got, err := settle.AcceptanceSigner(p.domain, &c.ticket, c.router, &acc)
	require.NoError(t, err)
	require.Equal(t, signer, got)

	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1}
	userSig, err := p.domain.Sign(&rc, c.user)
	require.NoError(t, err)
	resp := postJSON(t, p.ts.URL+"/v1/sessions/"+c.ticket.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &userSig})
	require.Equal(t, 200, resp.StatusCode)
	var cr server.CloseResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&cr))
	resp.Body.Close()
	require.Equal(t, &acc, cr.TicketAcceptance, "the close carries the acceptance signed at the first request")
}

// TestAcceptanceNamesTheSessionsRouter: a SessionTicket does not name its signer, so a second ROUTER_ROLE
// key B can re-sign the ticket router A issued and the provider takes it as the same session (same digest).
// The session is opened with A's signature (a models listing); its first inference request comes with B's.
// The acceptance signed then names A, the router of the signature the session holds and reports its close
// to, not B: announced to the user and carried by the close, it is the one A and the keepers check.
func TestAcceptanceNamesTheSessionsRouter(t *testing.T) {
	var signer common.Address
	routerB, _ := crypto.GenerateKey()
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		signer = crypto.PubkeyToAddress(c.SignerKey.PublicKey)
		c.Routers.(staticRouters)[crypto.PubkeyToAddress(routerB.PublicKey)] = true
	})
	byA := p.session(t, "fast:v1", p.routerKey)
	resp := byA.do("GET", "/v1/models", "", 0)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode, "the session opened with A's signature")
	byB := newClient(t, p.domain, p.ts.URL, byA.user, byA.ticket, routerB)
	byB.seq = byA.seq
	resp = byB.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode, "B's signature of the same ticket")
	var acc eip712.Signature
	require.NoError(t, acc.UnmarshalText([]byte(resp.Header.Get(wire.HeaderTicketAcceptance))))
	got, err := settle.AcceptanceSigner(p.domain, &byA.ticket, byA.router, &acc)
	require.NoError(t, err)
	require.Equal(t, signer, got, "the acceptance names A, whose signature the session was opened with")
	got, err = settle.AcceptanceSigner(p.domain, &byA.ticket, byB.router, &acc)
	require.True(t, err != nil || got != signer, "and not B")
}

// slowSigner is an external signer (clef) whose typed-data signatures (the ticket acceptances) are given
// only once ready closes: after the signer's latency, or a person's approval.
type slowSigner struct {
	keys.Signer
	ready chan struct{}
}

func (s *slowSigner) SignTypedData(ctx context.Context, td apitypes.TypedData) (eip712.Signature, error) {
	<-s.ready
	return s.Signer.SignTypedData(ctx, td)
}

// externalSignerProvider serves with a slowSigner in place of its signer key and wait as
// Config.AcceptanceWait; the signer is released when the test ends.
func externalSignerProvider(t *testing.T, wait time.Duration) (*offChainProvider, *slowSigner, common.Address) {
	t.Helper()
	signer := &slowSigner{ready: make(chan struct{})}
	var addr common.Address
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast"}, func(c *server.Config) {
		signer.Signer = keys.NewKeySigner(c.SignerKey, c.Domain.ChainID())
		addr = signer.Address()
		c.SignerKey, c.Signer, c.AcceptanceWait = nil, signer, wait
	})
	t.Cleanup(func() {
		select {
		case <-signer.ready:
		default:
			close(signer.ready)
		}
		p.srv.WaitBackground()
	})
	return p, signer, addr
}

// acceptanceOf is the acceptance an answer announces, checked to be signer's of the client's ticket.
func acceptanceOf(t *testing.T, p *offChainProvider, c *client, resp *http.Response, signer common.Address) {
	t.Helper()
	h := resp.Header.Get(wire.HeaderTicketAcceptance)
	require.NotEmpty(t, h, "the answer carries the ticket acceptance")
	var acc eip712.Signature
	require.NoError(t, acc.UnmarshalText([]byte(h)))
	got, err := settle.AcceptanceSigner(p.domain, &c.ticket, c.router, &acc)
	require.NoError(t, err)
	require.Equal(t, signer, got)
}

// TestAcceptanceWaitAutomatedSigner: through an external signer that signs by rule (here 50 ms after it
// is asked), the session's first answer, whole or streamed, waits for the acceptance signed in the
// background and carries it (protocol/README.md, "Ticket acceptance"): a user who closes alone after that
// one answer carries it. Before, the first answer left without it.
func TestAcceptanceWaitAutomatedSigner(t *testing.T) {
	for _, stream := range []bool{false, true} {
		p, signer, addr := externalSignerProvider(t, time.Minute)
		time.AfterFunc(50*time.Millisecond, func() { close(signer.ready) }) // the signer's latency
		c := p.session(t, "fast:v1", p.routerKey)
		resp := c.chat("fast:v1", stream)
		readAll(t, resp)
		require.Equal(t, 200, resp.StatusCode)
		acceptanceOf(t, p, c, resp, addr)
	}
}

// TestAcceptanceWaitBounded: a signer slower than --acceptance-wait (a person approving) does not hold
// the session's first answer beyond the bound: it arrives, without the acceptance, while the signer has
// not signed; the session's answers after the signature carry it.
func TestAcceptanceWaitBounded(t *testing.T) {
	p, signer, addr := externalSignerProvider(t, 20*time.Millisecond)
	c := p.session(t, "fast:v1", p.routerKey)
	first := waitFor(t, c.chatAsync("fast:v1", false), "answered while the signer has not signed")
	require.NoError(t, first.err)
	require.Equal(t, 200, first.status)
	require.Empty(t, first.header.Get(wire.HeaderTicketAcceptance), "not signed yet")
	close(signer.ready)
	p.srv.WaitBackground() // the acceptance is signed
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	acceptanceOf(t, p, c, resp, addr)
}

// TestAcceptanceWaitZero: --acceptance-wait 0 answers the session's first request at once, as before the
// wait: without the acceptance the signer has not given yet.
func TestAcceptanceWaitZero(t *testing.T) {
	p, _, _ := externalSignerProvider(t, 0)
	c := p.session(t, "fast:v1", p.routerKey)
	resp := c.chat("fast:v1", false)
	readAll(t, resp)
	require.Equal(t, 200, resp.StatusCode)
	require.Empty(t, resp.Header.Get(wire.HeaderTicketAcceptance), "the signer has not signed")
}
