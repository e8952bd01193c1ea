package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	lt "github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/server"
)

// refusingProvider is a provider reporting to router with a state dir (outbox and journal) whose signer
// (an external one: clef, a hardware wallet) signs until told to refuse; the returned config keeps the
// signer's key as SignerKey, for a restart.
func refusingProvider(t *testing.T, up *upstream, router *closeRouter) (server.Config, *refusingSigner) {
	t.Helper()
	cfg, _ := outboxProvider(up, router, filepath.Join(t.TempDir(), "close-reports"))
	cfg.JournalDir = filepath.Join(filepath.Dir(cfg.ReportDir), "open-sessions")
	signer := &refusingSigner{Signer: keys.NewKeySigner(cfg.SignerKey, cfg.Domain.ChainID())}
	cfg.Signer = signer
	return cfg, signer
}

// TestUserReceiptKeptWhenTheSignerFails (PROTOCOL §7 step 5; the provider's own signer fails): a user
// closes a session at the provider with its signed receipt while the provider's signer refuses to
// countersign it (clef not approving, a hardware wallet unplugged) and the router is down. The provider
// answers 503 unavailable (the user's client closes at the router then), and the receipt as the user
// signed it is on disk before that answer, with the provider's acceptance of the ticket and no provider
// signature; the session is closed at the provider (a second close is 409 session_closed) and gone from the
// journal. After a crash, the restarted provider delivers it: the router takes the user's receipt, which
// bills what the user signed and no more. The provider used to answer 500 and drop the receipt: the
// session, closed in its table, stayed in the journal and was closed one-sided at the next start, billing
// the metered usage bounded by the last signed request, or nothing after settle.LastClose.
func TestUserReceiptKeptWhenTheSignerFails(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t) // down
	cfg, signer := refusingProvider(t, up, router)
	s, err := server.New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	c := openSession(t, cfg, ts.URL, router)
	readAll(t, c.chat("fast:v1", false))
	s.WaitBackground() // the ticket acceptance, signed in the background through the external signer
	require.Equal(t, 1, s.FlushJournal())
	signerAddr := crypto.PubkeyToAddress(cfg.SignerKey.PublicKey)

	signer.refuse.Store(true)
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1, InputTokens: 5, OutputTokens: 3}
	byUser, _ := cfg.Domain.Sign(&rc, c.user)
	closeURL := ts.URL + "/v1/sessions/" + rc.SessionID.Hex() + "/close"
	status, code, msg := errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: rc, UserSignature: &byUser}))
	require.Equal(t, http.StatusServiceUnavailable, status, msg)
	require.Equal(t, wire.CodeUnavailable, code, "a 5xx: the user's client closes at the router")
	require.GreaterOrEqual(t, signer.asked.Load(), int32(1))

	file := filepath.Join(cfg.ReportDir, strings.ToLower(rc.SessionID.Hex())+".json")
	raw, err := os.ReadFile(file)
	require.NoError(t, err, "the user's receipt stored before the answer")
	var stored outbox.Report
	require.NoError(t, json.Unmarshal(raw, &stored))
	require.Equal(t, rc, stored.Close.Receipt, "the receipt as the user signed it")
	require.Equal(t, &byUser, stored.Close.UserSignature)
	require.Nil(t, stored.Close.ProviderSignature)
	require.Nil(t, stored.Close.LastRequest)
	by, err := settle.AcceptanceSigner(cfg.Domain, &c.ticket, c.router, stored.Close.TicketAcceptance)
	require.NoError(t, err, "with the provider's acceptance of the ticket")
	require.Equal(t, signerAddr, by)

	status, code, _ = errorOf(t, postJSON(t, closeURL, wire.CloseRequest{Receipt: rc, UserSignature: &byUser}))
	require.Equal(t, http.StatusConflict, status, "closed at the provider")
	require.Equal(t, wire.CodeSessionClosed, code)
	s.FlushJournal()
	require.Empty(t, onDisk(t, cfg.JournalDir), "not closed again from the journal at the next start")

	s.Crash()
	ts.Close()
	router.up.Store(true)
	again, _ := restarted(up, router, cfg)
	run(t, again, 10*time.Second).stop()
	require.Empty(t, reportFiles(t, cfg.ReportDir), "removed once the router took it")
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{rc.SessionID: 1}, router.closed, "one close")
	got := router.taken[rc.SessionID]
	require.Equal(t, rc, got.Receipt)
	require.Equal(t, &byUser, got.UserSignature)
	require.Nil(t, got.ProviderSignature, "never a signature the provider did not make")
	require.Equal(t, stored.Close.TicketAcceptance, got.TicketAcceptance)
}

// TestClientClosesWhenTheSignerFails: the user's client (client.Session.Close) against a provider whose
// signer refuses the receipt. The provider answers 503, the client closes at the router, which the
// provider's own report of the same user-signed receipt reached first (the client's POST waits for it):
// the router answers 409 session_closed, its record holds the client's receipt and signature, and Close
// reports the session closed at the router with them. The router took one close.
func TestClientClosesWhenTheSignerFails(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, signer := refusingProvider(t, up, router)
	p := run(t, cfg, 10*time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	providerFirst := &afterTaken{router: router, method: http.MethodPost}
	sess, tk := usedSession(ctx, t, cfg, p, router, providerFirst)

	signer.refuse.Store(true)
	res, err := sess.Close(ctx)
	require.NoError(t, err)
	require.Equal(t, lt.ClosedAtRouter, res.Via)
	require.Contains(t, res.ProviderError, "did not countersign")
	require.Equal(t, tk.SessionID, providerFirst.taken, "the provider's report reached the router first")
	require.NotNil(t, res.Record)
	require.Equal(t, &res.Receipt, res.Record.Receipt)
	require.Equal(t, &res.UserSignature, res.Record.UserSignature)
	require.NotNil(t, res.TicketAcceptance, "the acceptance the router's close carries")
	p.stop()
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{tk.SessionID: 2}, router.closed, "one close taken, the client's refused")
	require.Equal(t, res.Receipt, router.taken[tk.SessionID].Receipt)
}

// usedSession is a user's client session (lt.Session) on provider p, with a ticket of router's, that made
// one chat request; its calls to the router go through rt.
func usedSession(ctx context.Context, t *testing.T, cfg server.Config, p running, router *closeRouter, rt http.RoundTripper) (*lt.Session, eip712.SessionTicket) {
	t.Helper()
	user, _ := crypto.GenerateKey()
	tk := newTicket(cfg.Domain, cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 600, time.Now().Add(time.Hour))
	tsig, err := cfg.Domain.Sign(&tk, router.key)
	require.NoError(t, err)
	sess, err := lt.NewSession(cfg.Domain, user, &wire.RFCResponse{SessionID: tk.SessionID, Provider: tk.Provider, Endpoint: p.url + "/v1",
		PricePerSecond: &tk.PricePerSecond, MaxSeconds: tk.MaxSeconds, Ticket: tk, TicketSignature: tsig},
		lt.SessionOptions{Router: lt.NewRouterClient(router.URL, &http.Client{Transport: rt}), RFC: rfcOf(t, cfg.Domain, &tk, user)})
	require.NoError(t, err)
	_, err = sess.ChatCompletion(ctx, []byte(chatRequestBody("fast:v1", false)))
	require.NoError(t, err)
	return sess, tk
}

// afterTaken is the user's transport to the router: its first call of method (a close, POST, or a read of
// the session's record, GET) waits until the router took a close (the provider's report), so the
// provider's report is first.
type afterTaken struct {
	router *closeRouter
	method string
	taken  common.Hash
}

func (a *afterTaken) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Method == a.method && a.taken == (common.Hash{}) {
		select {
		case a.taken = <-a.router.took:
		case <-r.Context().Done():
		}
	}
	return http.DefaultTransport.RoundTrip(r)
}

// TestClientConfirmsTheProvidersReport: the user's client (client.Session.Close) against an honest
// provider. The provider countersigns the receipt with the key that signed its acceptance of the ticket
// (which the client checks) and reports the close; the client reads the router's record (its first read
// waits here for the report) and, finding its receipt and signature there, takes the close as the
// provider's, posting none itself: the router took one close, with both signatures.
func TestClientConfirmsTheProvidersReport(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, _ := outboxProvider(up, router, filepath.Join(t.TempDir(), "close-reports"))
	p := run(t, cfg, 10*time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	reportFirst := &afterTaken{router: router, method: http.MethodGet}
	sess, tk := usedSession(ctx, t, cfg, p, router, reportFirst)

	res, err := sess.Close(ctx)
	require.NoError(t, err)
	require.Equal(t, lt.ClosedAtProvider, res.Via)
	require.Empty(t, res.ProviderError)
	require.Equal(t, tk.SessionID, reportFirst.taken, "the provider's report reached the router")
	require.NotNil(t, res.Record)
	require.Equal(t, res.ProviderSignature, res.Record.ProviderSignature)
	signer := crypto.PubkeyToAddress(cfg.SignerKey.PublicKey)
	_, err = cfg.Domain.Verify(&res.Receipt, res.ProviderSignature[:], signer)
	require.NoError(t, err, "countersigned by the provider's signer")
	p.stop()
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{tk.SessionID: 1}, router.closed, "one close: the provider's report")
}
