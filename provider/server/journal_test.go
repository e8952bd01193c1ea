package server_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
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

// onDisk is the sessions the journal in dir holds on the disk: each entry's session until its tombstone
// (a line being appended, not whole yet, is not read).
func onDisk(t *testing.T, dir string) []common.Hash {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, "sessions.jsonl"))
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var out []common.Hash
	for line := range strings.Lines(string(raw)) {
		var l struct {
			outbox.Entry
			Closed *common.Hash `json:"closed"`
		}
		if !strings.HasSuffix(line, "\n") {
			break
		}
		require.NoError(t, json.Unmarshal([]byte(line), &l))
		switch {
		case l.Closed != nil:
			out = slices.DeleteFunc(out, func(id common.Hash) bool { return id == *l.Closed })
		case !slices.Contains(out, l.SessionID()):
			out = append(out, l.SessionID())
		}
	}
	return out
}

// openSession is a client of a new session at the provider at url.
func openSession(t *testing.T, cfg server.Config, url string, router *closeRouter) *client {
	user, _ := crypto.GenerateKey()
	return newClient(t, cfg.Domain, url, user, newTicket(cfg.Domain, cfg.Provider, crypto.PubkeyToAddress(user.PublicKey), "fast:v1", 600, time.Now().Add(time.Hour)), router.key)
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
	require.Equal(t, []common.Hash{a.ticket.SessionID}, onDisk(t, cfg.JournalDir))

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
	require.Empty(t, onDisk(t, cfg.JournalDir), "the entry removed once its close report was stored")
	require.Empty(t, reportFiles(t, cfg.ReportDir), "the close report removed once the router took it")
	resumed := logs.FilterMessage("open sessions resumed from the journal, closed one-sided").All()
	require.Len(t, resumed, 1)
	require.Equal(t, int64(1), resumed[0].ContextMap()["sessions"])
}

// TestJournaledSessionWithStoredReportNotClosedAgain: a crash between storing a session's close report
// and the next flush of the journal (which removes its entry from the disk) leaves both; the restart delivers the stored close and drops the entry
// (logged) instead of closing the session a second time: the router gets one close.
func TestJournaledSessionWithStoredReportNotClosedAgain(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t) // down
	cfg, s, ts := journaling(t, up, router)
	c := openSession(t, cfg, ts.URL, router)
	readAll(t, c.chat("fast:v1", false))
	require.Equal(t, 1, s.FlushJournal())
	rc, byUser := closeAsUser(t, cfg, c)
	require.Len(t, reportFiles(t, cfg.ReportDir), 1)
	require.Equal(t, []common.Hash{rc.SessionID}, onDisk(t, cfg.JournalDir), "its removal not written yet (the next flush)")
	s.Crash()
	ts.Close()

	router.up.Store(true)
	bCfg, logs := restarted(up, router, cfg)
	run(t, bCfg, 10*time.Second).stop()
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{rc.SessionID: 1}, router.closed, "one close: the user's, from the outbox")
	require.Equal(t, &byUser, router.taken[rc.SessionID].UserSignature)
	require.Empty(t, onDisk(t, cfg.JournalDir))
	require.Len(t, logs.FilterMessageSnippet("not closed again").All(), 1)
}

// TestShutdownLeavesNoSessionInTheJournal: a graceful shutdown closes the open sessions and writes the
// journal without them, so the next start resumes none: their closes, delivered and gone from the outbox,
// would otherwise be sent a second time.
func TestShutdownLeavesNoSessionInTheJournal(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, _ := outboxProvider(up, router, filepath.Join(t.TempDir(), "close-reports"))
	cfg.JournalDir = filepath.Join(filepath.Dir(cfg.ReportDir), "open-sessions")
	p := run(t, cfg, 10*time.Second)
	c := openSession(t, cfg, p.url, router)
	readAll(t, c.chat("fast:v1", false))
	require.Eventually(t, func() bool { return len(onDisk(t, cfg.JournalDir)) == 1 }, 30*time.Second, 10*time.Millisecond, "journaled in the background")
	p.stop()
	require.Empty(t, onDisk(t, cfg.JournalDir), "written without the sessions the shutdown closed")
	require.Empty(t, reportFiles(t, cfg.ReportDir), "the shutdown's close delivered")

	again, logs := restarted(up, router, cfg)
	run(t, again, 10*time.Second).stop()
	resumed := logs.FilterMessage("open sessions resumed from the journal, closed one-sided").All()
	require.Len(t, resumed, 1)
	require.Equal(t, int64(0), resumed[0].ContextMap()["sessions"])
	router.mu.Lock()
	defer router.mu.Unlock()
	require.Equal(t, map[common.Hash]int{c.ticket.SessionID: 1}, router.closed)
}
