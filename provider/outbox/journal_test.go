package outbox_test

import (
	"encoding/json"
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

// openJournal is a journal in a new state dir (the directory created 0755 first); restart is the same
// directory opened anew, as the next process would.
func openJournal(t testing.TB, log *zap.Logger) (j *outbox.Journal, dir string, restart func() *outbox.Journal) {
	t.Helper()
	state := t.TempDir()
	o, err := outbox.Open(filepath.Join(state, "close-reports"), log)
	require.NoError(t, err)
	t.Cleanup(func() { o.Close() })
	dir = filepath.Join(state, "open-sessions")
	require.NoError(t, os.Mkdir(dir, 0o755))
	restart = func() *outbox.Journal {
		j, err := o.Journal(dir)
		require.NoError(t, err)
		return j
	}
	return restart(), dir, restart
}

// load is what the next process's journal over dir loads at now.
func load(t *testing.T, restart func() *outbox.Journal, now time.Time) []*outbox.Entry {
	t.Helper()
	got, err := restart().Load(now)
	require.NoError(t, err)
	return got
}

const journalFile = "sessions.jsonl"

func flush(j *outbox.Journal, entries ...*outbox.Entry) int {
	return j.Flush(func() []*outbox.Entry { return entries })
}

// TestJournalFlushLoadRemove: flushed entries read back as written, from one 0600 file in a 0700
// directory (an existing wider one narrowed); a later flush's changed entry reads back in its new version
// beside the unchanged one (no temporary file left), a flush with nothing changed writes nothing, and a
// removed entry is gone after the next flush; a write that fails is tried again.
func TestJournalFlushLoadRemove(t *testing.T) {
	j, dir, restart := openJournal(t, zap.NewNop())
	st, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), st.Mode().Perm())

	notAfter := time.Now().Add(time.Hour)
	a, b := entry(1, notAfter, 1), entry(2, notAfter, 5)
	require.Equal(t, 2, flush(j, a, b))
	st, err = os.Stat(filepath.Join(dir, journalFile))
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	require.ElementsMatch(t, []*outbox.Entry{a, b}, load(t, restart, time.Now()))

	a2 := entry(1, notAfter, 7) // more usage, a newer signed request
	require.Equal(t, 1, flush(j, a2))
	writes := outbox.CountWrites(t)
	require.Equal(t, 0, flush(j))
	require.Zero(t, writes.Files.Load(), "nothing changed: nothing written")
	require.Equal(t, []string{journalFile}, names(t, dir), "replaced in place, no temporary file left")
	require.ElementsMatch(t, []*outbox.Entry{a2, b}, load(t, restart, time.Now()))

	j.Remove(a.SessionID())
	j.Remove(a.SessionID()) // removing twice is nothing more
	require.Equal(t, 0, flush(j), "no entry changed…")
	require.Equal(t, int64(1), writes.Files.Load(), "…but the file is written without a")
	require.Equal(t, []*outbox.Entry{b}, load(t, restart, time.Now()))

	writes.Fail.Store(true)
	b2 := entry(2, notAfter, 9)
	require.Equal(t, 0, flush(j, b2), "not written")
	require.Equal(t, []*outbox.Entry{b}, load(t, restart, time.Now()))
	writes.Fail.Store(false)
	require.Equal(t, 1, flush(j), "written at the next flush")
	require.Equal(t, []*outbox.Entry{b2}, load(t, restart, time.Now()))
	require.Equal(t, []string{journalFile}, names(t, dir))
}

// TestJournalFlushCost: a flush makes one write whether 1 or 2,000 sessions changed (and 2,000 are open),
// or one was only removed, and that write is the changed entries' lines alone (a removal's tombstone),
// appended, one fsync: its bytes scale with what changed, not with what is open (rewriting every open
// entry, 10 changed of 5,000 open cost 6 MB a flush). The first write of a run rewrites the file whole
// (two fsyncs). Per-session files cost an fsync each, which a provider of thousands of sessions could not
// do every second.
func TestJournalFlushCost(t *testing.T) {
	j, dir, restart := openJournal(t, zap.NewNop())
	notAfter := time.Now().Add(time.Hour)
	var all []*outbox.Entry
	for i := range 2000 {
		e := entry(byte(i), notAfter, 1)
		e.Ticket.Ticket.SessionID[0] = byte(i >> 8)
		e.Usage.SessionID = e.SessionID()
		all = append(all, e)
	}
	for _, c := range []struct {
		name    string
		changed []*outbox.Entry
		remove  bool
		whole   bool
	}{{"2000 opened", all, false, true}, {"2000 changed", all, false, false}, {"1 changed", all[7:8], false, false}, {"1 removed", nil, true, false}} {
		writes := outbox.CountWrites(t)
		if c.remove {
			j.Remove(all[0].SessionID())
		}
		require.Equal(t, len(c.changed), flush(j, c.changed...), c.name)
		require.Equal(t, int64(1), writes.Files.Load(), c.name)
		want, fsyncs := int64(0), int64(1)
		for _, e := range c.changed {
			want += lineSize(t, e)
		}
		if c.remove {
			want = int64(len(`{"version":1,"closed":"0x`) + 64 + len("\"}\n"))
		}
		if c.whole {
			fsyncs = 2
		}
		require.Equal(t, fsyncs, writes.Fsyncs(), c.name)
		require.Equal(t, want, writes.Bytes.Load(), c.name)
		require.Equal(t, []string{journalFile}, names(t, dir), c.name)
	}
	require.ElementsMatch(t, all[1:], load(t, restart, time.Now()))
}

// lineSize is the bytes of e's line in the journal's file.
func lineSize(t *testing.T, e *outbox.Entry) int64 {
	raw, err := json.Marshal(e)
	require.NoError(t, err)
	return int64(len(raw) + 1)
}

// TestJournalTornTail: a crash in a flush's append (SIGKILL mid-write, the host down before its fsync)
// leaves the file ending in part of a line: Load drops that line (logged, nothing copied aside) and reads
// the rest, each session at its last whole entry, so the crash costs that flush at most. The next flush
// rewrites the file whole: appended after the torn line, its first entry would be glued to it and lost.
func TestJournalTornTail(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	j, dir, restart := openJournal(t, zap.New(core))
	notAfter := time.Now().Add(time.Hour)
	a, b := entry(1, notAfter, 1), entry(2, notAfter, 1)
	require.Equal(t, 2, flush(j, a, b))
	a2, b2 := entry(1, notAfter, 2), entry(2, notAfter, 2)
	require.Equal(t, 2, flush(j, a2, b2)) // appended: a2's line, then b2's
	file := filepath.Join(dir, journalFile)
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(file, raw[:int64(len(raw))-lineSize(t, b2)/2], 0o600), "b2's line torn")

	j = restart()
	got, err := j.Load(time.Now())
	require.NoError(t, err)
	require.ElementsMatch(t, []*outbox.Entry{a2, b}, got)
	require.Len(t, logs.FilterMessageSnippet("torn last line").All(), 1)
	require.Empty(t, logs.FilterMessageSnippet("unreadable").All())
	require.Equal(t, []string{journalFile}, names(t, dir), "nothing copied aside")

	writes := outbox.CountWrites(t)
	c := entry(3, notAfter, 1)
	require.Equal(t, 1, flush(j, c))
	require.Equal(t, int64(1), writes.Rewrites.Load(), "rewritten whole, not appended to the torn line")
	require.ElementsMatch(t, []*outbox.Entry{a2, b, c}, load(t, restart, time.Now()))
	require.Len(t, logs.FilterMessageSnippet("torn last line").All(), 1, "none left")
	require.Empty(t, logs.FilterMessageSnippet("unreadable").All())
}

// TestJournalCompacts: the file grows by the changed entries and tombstones until appending would make
// it larger than twice the open entries plus outbox.CompactSlack; that flush rewrites it whole with the
// open entries alone (the closed sessions' lines and tombstones gone, the open ones at their last entry),
// so its size stays bounded however long the provider runs. A crash in that rewrite (its temporary file
// written, whole or in part, not renamed over the file yet) loses only that flush: the next start removes
// the temporary file and reads the file the appends left, every open session at its entry of the flush
// before, no closed session back.
func TestJournalCompacts(t *testing.T) {
	j, dir, restart := openJournal(t, zap.NewNop())
	notAfter := time.Now().Add(time.Hour)
	file := filepath.Join(dir, journalFile)
	var open []*outbox.Entry
	for i := range 100 {
		open = append(open, entry(byte(i), notAfter, 1))
	}
	require.Equal(t, 100, flush(j, open...))
	for _, e := range open[50:] {
		j.Remove(e.SessionID())
	}
	open = open[:50]

	writes := outbox.CountWrites(t)
	var before []byte // the file before the flush that rewrote it
	prev := open
	for s := uint32(2); writes.Rewrites.Load() == 0; s++ {
		require.Less(t, s, uint32(1000), "never rewritten")
		var err error
		before, err = os.ReadFile(file)
		require.NoError(t, err)
		prev, open = open, nil
		live := int64(0)
		for i := range 50 {
			open = append(open, entry(byte(i), notAfter, s))
			live += lineSize(t, open[i])
		}
		require.Equal(t, 50, flush(j, open...))
		st, err := os.Stat(file)
		require.NoError(t, err)
		require.LessOrEqual(t, st.Size(), 2*live+outbox.CompactSlack)
	}
	require.Greater(t, len(before), outbox.CompactSlack, "appended to until then")
	compacted, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Equal(t, 50, strings.Count(string(compacted), "\n"), "one line per open session")
	require.NotContains(t, string(compacted), `"closed"`, "no tombstone left")
	require.ElementsMatch(t, open, load(t, restart, time.Now()))

	for _, tmp := range [][]byte{compacted, compacted[:len(compacted)/2]} {
		require.NoError(t, os.WriteFile(file, before, 0o600))
		require.NoError(t, os.WriteFile(filepath.Join(dir, ".tmp-1"), tmp, 0o600))
		require.ElementsMatch(t, prev, load(t, restart, time.Now()), "the flush before the rewrite's, the 50 closed not back")
		require.Equal(t, []string{journalFile}, names(t, dir), "the temporary file removed")
	}
}

// TestJournalFlushNeverBringsBackAClosedSession: a session that closes (its entry removed) after the flush
// took its snapshot, or while the flush writes, is not written again: a restart would close it twice.
func TestJournalFlushNeverBringsBackAClosedSession(t *testing.T) {
	j, _, restart := openJournal(t, zap.NewNop())
	notAfter := time.Now().Add(time.Hour)
	a, b := entry(1, notAfter, 1), entry(2, notAfter, 1)
	require.Equal(t, 2, flush(j, a, b))

	staleA := entry(1, notAfter, 2)
	require.Equal(t, 1, j.Flush(func() []*outbox.Entry {
		snap := []*outbox.Entry{staleA, entry(2, notAfter, 2)}
		j.Remove(a.SessionID()) // a closes after the snapshot, before the write
		return snap
	}))
	require.Equal(t, 0, flush(j), "nothing more to write")
	got := load(t, restart, time.Now())
	require.Len(t, got, 1)
	require.Equal(t, b.SessionID(), got[0].SessionID())
	require.Equal(t, uint32(2), got[0].Usage.Seconds)
}

// TestJournalLoadDropsExpiredAndMovesGarbageAside: an entry whose router no longer accepts a close
// (past settle.LastClose, inclusive) is dropped and logged; one at its last second is kept; a line that is
// not an entry or a tombstone (garbage, another format version) is copied aside (kept, logged) and the
// readable ones loaded, a torn last line dropped (logged: TestJournalTornTail); a file other than the journal's is renamed aside; a
// temporary file a crash left mid-write is removed, the file it was replacing read. The next flush writes
// the file without what was dropped.
func TestJournalLoadDropsExpiredAndMovesGarbageAside(t *testing.T) {
	core, logs := observer.New(zapcore.InfoLevel)
	j, dir, restart := openJournal(t, zap.New(core))
	now := time.Now()
	expired := entry(1, now.Add(-settle.CloseWindow*time.Second-time.Second), 4)
	lastSecond := entry(2, now.Add(-settle.CloseWindow*time.Second), 4)
	good := entry(3, now.Add(time.Hour), 4)
	require.Equal(t, 3, flush(j, expired, lastSecond, good))
	require.Equal(t, lastSecond.Until(), now.Unix())

	file := filepath.Join(dir, journalFile)
	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	var goodLine string
	for line := range strings.Lines(string(raw)) {
		if strings.Contains(line, strings.TrimPrefix(good.SessionID().Hex(), "0x")) {
			goodLine = line
		}
	}
	require.NotEmpty(t, goodLine)
	tombstone := fmt.Sprintf(`{"version":1,"closed":"%s"}`+"\n", good.SessionID().Hex())
	garbage := []string{"{\"version\":1,\n", strings.Replace(goodLine, `"version":1`, `"version":2`, 1), "[]\n",
		strings.Replace(tombstone, `"version":1`, `"version":2`, 1), strings.Replace(tombstone, `"}`, `","usage":{}}`, 1)}
	require.NoError(t, os.WriteFile(file, []byte(string(raw)+strings.Join(garbage, "")+strings.TrimSuffix(goodLine, "\n")), 0o600))
	other := "0x" + strings.Repeat("0", 63) + "8.json" // an entry in the format of a past version
	require.NoError(t, os.WriteFile(filepath.Join(dir, other), []byte(goodLine), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".tmp-123"), raw[:len(raw)/2], 0o600))

	j = restart()
	got, err := j.Load(now)
	require.NoError(t, err)
	require.ElementsMatch(t, []*outbox.Entry{lastSecond, good}, got)
	left := names(t, dir)
	require.Len(t, left, 3, "%v", left)
	require.Contains(t, left, journalFile)
	var linesAside, fileAside string
	for _, n := range left {
		if strings.HasPrefix(n, journalFile+".corrupt-") {
			linesAside = n
		}
		if strings.HasPrefix(n, other+".corrupt-") {
			fileAside = n
		}
	}
	require.NotEmpty(t, fileAside, "%v", left)
	aside, err := os.ReadFile(filepath.Join(dir, linesAside))
	require.NoError(t, err)
	require.Equal(t, strings.Join(garbage, ""), string(aside), "the unreadable lines copied aside, kept")
	require.Len(t, logs.FilterMessageSnippet("unreadable open session entry").All(), len(garbage))
	require.Len(t, logs.FilterMessageSnippet("copied aside").All(), 1)
	require.Len(t, logs.FilterMessageSnippet("moved aside").All(), 1)
	dropped := logs.FilterMessageSnippet("dropped from the journal").All()
	require.Len(t, dropped, 1)
	require.Equal(t, expired.SessionID().Hex(), dropped[0].ContextMap()["session"])
	require.Len(t, logs.FilterMessageSnippet("half-written").All(), 1)
	require.Len(t, logs.FilterMessageSnippet("torn last line").All(), 1)

	require.Equal(t, 0, flush(j), "nothing changed, the file rewritten without what was dropped")
	require.ElementsMatch(t, []*outbox.Entry{lastSecond, good}, load(t, restart, now))
	require.Len(t, logs.FilterMessageSnippet("unreadable open session entry").All(), len(garbage), "no garbage left in the file")
	require.Len(t, logs.FilterMessageSnippet("dropped from the journal").All(), 1)
}

// BenchmarkJournalFlush: one flush of the journal of open sessions of which changed changed since the last
// flush (a provider with thousands of concurrent sessions flushes every second): time, fsyncs and bytes
// synced per flush, the file's rewrites (compactions) included.
func BenchmarkJournalFlush(b *testing.B) {
	for _, c := range []struct{ open, changed int }{{10, 10}, {1000, 1000}, {5000, 5000}, {5000, 10}} {
		b.Run(fmt.Sprintf("open=%d/changed=%d", c.open, c.changed), func(b *testing.B) {
			j, _, _ := openJournal(b, zap.NewNop())
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
			writes := outbox.CountWrites(b)
			b.ResetTimer()
			for i := range b.N {
				j.Flush(func() []*outbox.Entry { return sets[(i+1)%2][:c.changed] })
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/flush")
			b.ReportMetric(float64(writes.Fsyncs())/float64(b.N), "fsyncs/flush")
			b.ReportMetric(float64(writes.Bytes.Load())/float64(b.N), "bytes/flush")
		})
	}
}
