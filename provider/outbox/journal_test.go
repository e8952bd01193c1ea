package outbox_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
)

func entry(id byte, notAfter time.Time, seconds uint32) *outbox.Entry {
	sid := common.Hash{31: id}
	acc := eip712.Signature{2, id}
	return &outbox.Entry{
		Ticket:           eip712.SignedSessionTicket{Ticket: eip712.SessionTicket{SessionID: sid, NotAfter: uint64(notAfter.Unix()), MaxSeconds: 600}, Signature: eip712.Signature{1, id}},
		Usage:            eip712.UsageReceipt{SessionID: sid, Seconds: seconds, InputTokens: 10 * seconds, OutputTokens: 3 * seconds},
		LastRequest:      &wire.SignedRequest{Seq: uint64(seconds), Time: 1, Method: "POST", Path: "/v1/chat/completions", Signature: eip712.Signature{3, id}},
		TicketAcceptance: &acc,
	}
}

func openJournal(t testing.TB, log *zap.Logger) (*outbox.Journal, string) {
	t.Helper()
	state := t.TempDir()
	o, err := outbox.Open(filepath.Join(state, "close-reports"), log)
	require.NoError(t, err)
	t.Cleanup(func() { o.Close() })
	dir := filepath.Join(state, "open-sessions")
	require.NoError(t, os.Mkdir(dir, 0o755))
	j, err := o.Journal(dir)
	require.NoError(t, err)
	return j, dir
}

func entryFile(e *outbox.Entry) string { return strings.ToLower(e.SessionID().Hex()) + ".json" }

// TestJournalFlushLoadRemove: a flushed entry reads back as written, from a 0600 file in a 0700 directory
// (an existing wider one narrowed); a later flush replaces it whole (no temporary file left), a flush with
// nothing changed writes nothing, and a removed entry is gone.
func TestJournalFlushLoadRemove(t *testing.T) {
	j, dir := openJournal(t, zap.NewNop())
	st, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), st.Mode().Perm())

	notAfter := time.Now().Add(time.Hour)
	a, b := entry(1, notAfter, 1), entry(2, notAfter, 5)
	require.Equal(t, 2, j.Flush(func() []*outbox.Entry { return []*outbox.Entry{a, b} }))
	st, err = os.Stat(filepath.Join(dir, entryFile(a)))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	got, err := j.Load(time.Now())
	require.NoError(t, err)
	require.ElementsMatch(t, []*outbox.Entry{a, b}, got)

	a2 := entry(1, notAfter, 7) // more usage, a newer signed request
	require.Equal(t, 1, j.Flush(func() []*outbox.Entry { return []*outbox.Entry{a2} }))
	require.Equal(t, 0, j.Flush(func() []*outbox.Entry { return nil }))
	require.ElementsMatch(t, []string{entryFile(a), entryFile(b)}, names(t, dir), "replaced in place, no temporary file left")
	got, err = j.Load(time.Now())
	require.NoError(t, err)
	require.ElementsMatch(t, []*outbox.Entry{a2, b}, got)

	require.NoError(t, j.Remove(a.SessionID()))
	require.NoError(t, j.Remove(a.SessionID()), "removing twice is no error")
	got, err = j.Load(time.Now())
	require.NoError(t, err)
	require.Equal(t, []*outbox.Entry{b}, got)
}

// TestJournalFlushNeverBringsBackAClosedSession: a session that closes (its entry removed) after the flush
// took its snapshot, or while the flush writes, is not written again: a restart would close it twice.
func TestJournalFlushNeverBringsBackAClosedSession(t *testing.T) {
	j, dir := openJournal(t, zap.NewNop())
	notAfter := time.Now().Add(time.Hour)
	a, b := entry(1, notAfter, 1), entry(2, notAfter, 1)
	require.Equal(t, 2, j.Flush(func() []*outbox.Entry { return []*outbox.Entry{a, b} }))

	staleA := entry(1, notAfter, 2)
	require.Equal(t, 1, j.Flush(func() []*outbox.Entry {
		snap := []*outbox.Entry{staleA, entry(2, notAfter, 2)}
		require.NoError(t, j.Remove(a.SessionID())) // a closes after the snapshot, before the write
		return snap
	}))
	require.Equal(t, []string{entryFile(b)}, names(t, dir))
	got, err := j.Load(time.Now())
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, uint32(2), got[0].Usage.Seconds)
}

// TestJournalLoadDropsExpiredAndMovesGarbageAside: an entry whose router no longer accepts a close
// (past settle.LastClose, inclusive) is dropped and logged; one at its last second is kept; a file that
// is not an entry (garbage, another session's entry under this name, a report's format) is renamed aside
// (kept, logged); a temporary file a crash left mid-write is removed, the entry it was replacing kept.
func TestJournalLoadDropsExpiredAndMovesGarbageAside(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	j, dir := openJournal(t, zap.New(core))
	now := time.Now()
	expired := entry(1, now.Add(-settle.CloseWindow*time.Second-time.Second), 4)
	lastSecond := entry(2, now.Add(-settle.CloseWindow*time.Second), 4)
	good := entry(3, now.Add(time.Hour), 4)
	require.Equal(t, 3, j.Flush(func() []*outbox.Entry { return []*outbox.Entry{expired, lastSecond, good} }))
	require.Equal(t, lastSecond.Until(), now.Unix())

	garbage := "0x" + strings.Repeat("0", 63) + "9.json"
	require.NoError(t, os.WriteFile(filepath.Join(dir, garbage), []byte("{\"version\":1,"), 0o600))
	other := "0x" + strings.Repeat("0", 63) + "8.json"
	raw, err := os.ReadFile(filepath.Join(dir, entryFile(good)))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, other), raw, 0o600)) // session 3's entry named as 8's
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".tmp-123"), raw[:len(raw)/2], 0o600))

	got, err := j.Load(now)
	require.NoError(t, err)
	require.ElementsMatch(t, []*outbox.Entry{lastSecond, good}, got)
	left := names(t, dir)
	require.Len(t, left, 4, "%v", left)
	require.Contains(t, left, entryFile(lastSecond))
	require.Contains(t, left, entryFile(good))
	require.NotContains(t, left, entryFile(expired))
	aside := 0
	for _, n := range left {
		if strings.HasPrefix(n, garbage+".corrupt-") || strings.HasPrefix(n, other+".corrupt-") {
			aside++
		}
	}
	require.Equal(t, 2, aside, "moved aside, kept: %v", left)
	require.Len(t, logs.FilterMessageSnippet("moved aside").All(), 2)
	dropped := logs.FilterMessageSnippet("dropped from the journal").All()
	require.Len(t, dropped, 1)
	require.Equal(t, expired.SessionID().Hex(), dropped[0].ContextMap()["session"])
	require.Len(t, logs.FilterMessageSnippet("half-written").All(), 1)
}

// BenchmarkJournalFlush: one flush of the journal of open sessions of which changed changed since the last
// flush (a provider with thousands of concurrent sessions flushes every second): time, fsyncs and bytes
// synced per flush.
func BenchmarkJournalFlush(b *testing.B) {
	for _, c := range []struct{ open, changed int }{{10, 10}, {1000, 1000}, {5000, 5000}, {5000, 10}} {
		b.Run(fmt.Sprintf("open=%d/changed=%d", c.open, c.changed), func(b *testing.B) {
			j, _ := openJournal(b, zap.NewNop())
			notAfter := time.Now().Add(time.Hour)
			sets := [2][]*outbox.Entry{}
			for s := range sets {
				for i := range c.open {
					e := entry(byte(i), notAfter, uint32(s+1))
					e.Ticket.Ticket.SessionID[0], e.Ticket.Ticket.SessionID[1] = byte(i>>8), byte(i>>16)
					e.Usage.SessionID = e.SessionID()
					sets[s] = append(sets[s], e)
				}
			}
			j.Flush(func() []*outbox.Entry { return sets[0] })
			syncs := outbox.CountSyncs(b)
			b.ResetTimer()
			for i := range b.N {
				j.Flush(func() []*outbox.Entry { return sets[(i+1)%2][:c.changed] })
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/flush")
			b.ReportMetric(float64(syncs.Files.Load()+syncs.Dirs.Load())/float64(b.N), "fsyncs/flush")
			b.ReportMetric(float64(syncs.Bytes.Load())/float64(b.N), "bytes/flush")
		})
	}
}
