package server_test

import (
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
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/server"
)

// journaling is a provider (Handler only, no Run) reporting to router, its state dir (outbox and journal)
// in a temporary folder; restarted is a config of the same provider over the same state dir.
func journaling(t *testing.T, up *upstream, router *closeRouter) (server.Config, *server.Server, *httptest.Server) {
	t.Helper()
	state := t.TempDir()
	cfg, _ := outboxProvider(up, router, filepath.Join(state, "close-reports"))
	cfg.JournalDir = filepath.Join(state, "open-sessions")
	s, err := server.New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return cfg, s, ts
}

func restarted(up *upstream, router *closeRouter, cfg server.Config) (server.Config, *observer.ObservedLogs) {
	again, logs := outboxProvider(up, router, cfg.ReportDir)
	again.Domain, again.Provider, again.SignerKey, again.JournalDir = cfg.Domain, cfg.Provider, cfg.SignerKey, cfg.JournalDir
	return again, logs
}

// openSession is a client of a new session at the provider at url.
func openSession(t *testing.T, cfg server.Config, url string, router *closeRouter) *client {
	user, _ := crypto.GenerateKey()
	return newClient(t, cfg.Domain, url, user, newTicket(cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 600, time.Now().Add(time.Hour)), router.key)
}

// closeAsUser closes c's session at the provider with the user's receipt (answered 200).
func closeAsUser(t *testing.T, cfg server.Config, c *client) (eip712.UsageReceipt, eip712.Signature) {
	t.Helper()
	rc := eip712.UsageReceipt{SessionID: c.ticket.SessionID, Seconds: 1, InputTokens: 5, OutputTokens: 3}
	byUser, _ := cfg.Domain.Sign(&rc, c.user)
	resp := postJSON(t, c.base+"/v1/sessions/"+rc.SessionID.Hex()+"/close", wire.CloseRequest{Receipt: rc, UserSignature: &byUser})
	require.Equal(t, http.StatusOK, resp.StatusCode, readAll(t, resp))
	return rc, byUser
}

// TestOpenSessionSurvivesCrash: a provider serves session A (signed requests) and session B; the journal
// is flushed (both written), B is closed by its user (its report taken, its entry removed), A makes one
// more request, the journal is flushed, and A one request more that no flush saw. Then the process
// "crashes": dropped without shutdown (no session closed, nothing flushed, the state dir's lock released
// as the kernel does). A new provider over the same state dir closes A one-sided at start: its router
// takes a close whose receipt is the journaled usage, countersigned, and whose lastRequest is the
// journaled newest signed request (the request after the last flush is lost: the provider under-bills
// itself, never over); A's ticket is refused from then on; B is not reported again, and the journal is
// empty. Without the journal A's close died with the process and the provider was paid nothing for it.
func TestOpenSessionSurvivesCrash(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, s, ts := journaling(t, up, router)
	a, b := openSession(t, cfg, ts.URL, router), openSession(t, cfg, ts.URL, router)
	readAll(t, a.chat("fast:v1", false))
	readAll(t, a.chat("fast:v1", false))
	readAll(t, b.chat("fast:v1", false))
	require.Equal(t, 2, s.FlushJournal(), "A and B journaled")
	require.Equal(t, 0, s.FlushJournal(), "nothing changed since")

	rcB, _ := closeAsUser(t, cfg, b)
	require.Equal(t, rcB.SessionID, waitFor(t, router.took, "B's close taken"))

	readAll(t, a.chat("fast:v1", false)) // seq 3
	require.Equal(t, 1, s.FlushJournal(), "only A changed")
	s.WaitBackground()
	journaled, err := s.Sessions().Usage(a.ticket.SessionID)
	require.NoError(t, err)
	require.Equal(t, uint64(3), journaled.LastRequest.Seq)
	readAll(t, a.chat("fast:v1", false)) // seq 4: no flush sees it
	require.Equal(t, []string{strings.ToLower(a.ticket.SessionID.Hex()) + ".json"}, reportFiles(t, cfg.JournalDir))

	s.Crash()
	ts.Close()

	bCfg, logs := restarted(up, router, cfg)
	p := run(t, bCfg, 10*time.Second)
	a.base, a.seq = p.url, 4
	status, code, _ := errorOf(t, a.chat("fast:v1", false))
	require.Equal(t, http.StatusConflict, status, "the session closed at restart is not served again")
	require.Equal(t, wire.CodeSessionClosed, code)
	p.stop() // waits for the reports in flight

	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{a.ticket.SessionID: 1, rcB.SessionID: 1}, router.closed, "A closed once after the crash, B not again")
	got, ok := router.taken[a.ticket.SessionID]
	require.True(t, ok)
	require.Equal(t, journaled.Usage.Receipt(), got.Receipt, "the journaled usage")
	require.Equal(t, journaled.LastRequest, got.LastRequest, "the journaled newest signed request bounds it")
	require.Nil(t, got.UserSignature)
	_, err = cfg.Domain.Verify(&got.Receipt, got.ProviderSignature[:], crypto.PubkeyToAddress(cfg.SignerKey.PublicKey))
	require.NoError(t, err)
	require.Equal(t, journaled.Acceptance.Signed(), got.TicketAcceptance, "the acceptance as journaled")
	require.Empty(t, reportFiles(t, cfg.JournalDir), "the entry removed once its close report was stored")
	require.Empty(t, reportFiles(t, cfg.ReportDir), "the close report removed once the router took it")
	resumed := logs.FilterMessage("open sessions resumed from the journal, closed one-sided").All()
	require.Len(t, resumed, 1)
	require.Equal(t, int64(1), resumed[0].ContextMap()["sessions"])
}

// TestJournaledSessionWithStoredReportNotClosedAgain: a crash between storing a session's close report
// and removing its journal entry leaves both; the restart delivers the stored close and drops the entry
// (logged) instead of closing the session a second time: the router gets one close.
func TestJournaledSessionWithStoredReportNotClosedAgain(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t) // down
	cfg, s, ts := journaling(t, up, router)
	c := openSession(t, cfg, ts.URL, router)
	readAll(t, c.chat("fast:v1", false))
	require.Equal(t, 1, s.FlushJournal())
	file := filepath.Join(cfg.JournalDir, strings.ToLower(c.ticket.SessionID.Hex())+".json")
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	rc, byUser := closeAsUser(t, cfg, c)
	require.NoFileExists(t, file, "removed once the report is stored")
	require.Len(t, reportFiles(t, cfg.ReportDir), 1)
	require.NoError(t, os.WriteFile(file, raw, 0o600)) // the disk had the crash come before the removal
	s.Crash()
	ts.Close()

	router.up.Store(true)
	bCfg, logs := restarted(up, router, cfg)
	run(t, bCfg, 10*time.Second).stop()
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{rc.SessionID: 1}, router.closed, "one close: the user's, from the outbox")
	require.Equal(t, &byUser, router.taken[rc.SessionID].UserSignature)
	require.Empty(t, reportFiles(t, cfg.JournalDir))
	require.Len(t, logs.FilterMessageSnippet("not closed again").All(), 1)
}
