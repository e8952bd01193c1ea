package outbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Entry is an open session as the journal keeps it: enough to close it one-sided after a crash.
type Entry struct {
	Version int                        `json:"version"`
	Ticket  eip712.SignedSessionTicket `json:"ticket"`
	// Usage is what the provider had metered when the entry was written: the one-sided receipt a restart
	// signs. LastRequest is the newest request the session's key signed by then, which bounds what that
	// receipt bills (protocol/settle). TicketAcceptance is the provider's acceptance of the ticket, when
	// signed by then (else the restart signs one).
	Usage            eip712.UsageReceipt `json:"usage"`
	LastRequest      *wire.SignedRequest `json:"lastRequest,omitempty"`
	TicketAcceptance *eip712.Signature   `json:"ticketAcceptance,omitempty"`
}

// SessionID is the session the entry keeps.
func (e *Entry) SessionID() common.Hash { return e.Ticket.Ticket.SessionID }

// Until is the last unix second at which the session's router still accepts a close (settle.LastClose).
func (e *Entry) Until() int64 { return int64(settle.LastClose(e.Ticket.Ticket.NotAfter)) }

// Journal is a directory holding the open sessions' entries in one file, sessions.jsonl (one entry a
// line), under the lock of the Outbox that opened it. Requests never touch it: a background goroutine
// hands Flush the sessions changed since the last flush, and Flush rewrites the file whole with every
// open session's entry (a temporary file synced, renamed over the old one, the directory synced): two
// fsyncs a flush however many sessions are open. Each entry is encoded once, when it changes. A
// session's entry is removed, once its close report is stored in the outbox, from the next file written.
// A crash loses at most what changed since the last flush: usage the provider then does not bill.
type Journal struct {
	dir   string
	log   *zap.Logger
	flush sync.Mutex // one Flush at a time

	mu        sync.Mutex
	open      map[common.Hash][]byte // every open session's entry, encoded: the next file's lines
	removed   map[common.Hash]bool   // removed since the current flush began
	unwritten int                    // entries changed since the file was last written
	stale     bool                   // the file holds a session removed since (or lines dropped at Load)
}

// journalFile is the journal's one file in its directory.
const journalFile = "sessions.jsonl"

// writeJournal writes the journal's file: atomicfile.WriteFile, two fsyncs (the file's, the directory's);
// tests count the calls.
var writeJournal = atomicfile.WriteFile

// Journal opens dir (0700; a wider existing one is narrowed) as the journal of open sessions. It is
// o's: one process at a time holds them.
func (o *Outbox) Journal(dir string) (*Journal, error) {
	if err := makeDir(dir, o.log, "open session journal"); err != nil {
		return nil, err
	}
	return &Journal{dir: dir, log: o.log, open: map[common.Hash][]byte{}, removed: map[common.Hash]bool{}}, nil
}

// Dir is the journal's directory.
func (j *Journal) Dir() string { return j.dir }

// Flush takes the entries changed returns and, when a session changed or was removed since the file was
// last written, writes the file anew with every open session's entry; it returns how many changed
// entries that made durable (0 when the write failed: logged, tried again at the next flush). changed is
// called after Flush starts: an entry of a session removed after that (it closed meanwhile) is not taken,
// nor one removed while Flush runs, so a flush never brings back a closed session.
func (j *Journal) Flush(changed func() []*Entry) int {
	j.flush.Lock()
	defer j.flush.Unlock()
	j.mu.Lock()
	clear(j.removed)
	j.mu.Unlock()
	entries := changed()
	lines := make([][]byte, len(entries))
	for i, e := range entries {
		e.Version = version
		raw, err := json.Marshal(e)
		if err != nil { // a struct of fixed types: cannot happen
			j.log.Error("open session journal: entry not encoded", zap.Stringer("session", e.SessionID()), zap.Error(err))
			continue
		}
		lines[i] = append(raw, '\n')
	}
	j.mu.Lock()
	for i, e := range entries {
		if lines[i] != nil && !j.removed[e.SessionID()] {
			j.open[e.SessionID()] = lines[i]
			j.unwritten++
		}
	}
	if j.unwritten == 0 && !j.stale {
		j.mu.Unlock()
		return 0
	}
	size := 0
	for _, line := range j.open {
		size += len(line)
	}
	file := make([]byte, 0, size)
	for _, line := range j.open {
		file = append(file, line...)
	}
	n := j.unwritten
	j.unwritten, j.stale = 0, false
	j.mu.Unlock()

	if err := writeJournal(filepath.Join(j.dir, journalFile), file, 0o600); err != nil {
		j.log.Error("open session journal not written (tried again at the next flush)", zap.String("dir", j.dir), zap.Error(err))
		j.mu.Lock()
		j.unwritten, j.stale = j.unwritten+n, true
		j.mu.Unlock()
		return 0
	}
	return n
}

// Remove drops session id's entry from the files written from now on (none: nothing to do) and keeps a
// flush under way from taking it again. Call it once the session's close report is stored: a crash
// before the next flush leaves both on the disk, and the restart does not close the session again while
// its report is in the outbox; one delivered already is closed again, which its router refuses (it takes
// one close per session).
func (j *Journal) Remove(id common.Hash) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.removed[id] = true
	if _, ok := j.open[id]; ok {
		delete(j.open, id)
		j.stale = true
	}
}

// Load returns the journaled sessions whose router still accepts a close at now, and keeps them as the
// open sessions of the next file written; call it once, at start, before any Flush. An entry past that
// (settle.LastClose) is dropped and logged; a line that is not a readable entry is copied aside
// (<file>.corrupt-<unix nanoseconds>) and logged, and so is a file other than the journal's (renamed
// aside), a temporary file a crash left behind removed (scan). Only a directory that cannot be listed is
// an error.
func (j *Journal) Load(now time.Time) ([]*Entry, error) {
	var out []*Entry
	err := scan(j.dir, now, j.log, "open session journal", "its sessions are not closed", func(path, name string) error {
		if name != journalFile {
			return errors.New("not " + journalFile)
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var bad [][]byte
		for line := range bytes.Lines(raw) {
			e, err := readEntry(line)
			if err == nil && j.open[e.SessionID()] != nil {
				err = fmt.Errorf("session %s a second time", e.SessionID())
			}
			switch {
			case err != nil:
				j.log.Error("unreadable open session entry", zap.Error(err))
				bad = append(bad, line)
			case now.Unix() > e.Until():
				j.log.Warn("open session dropped from the journal: its router no longer accepts a close", zap.Stringer("session", e.SessionID()),
					zap.Uint32("seconds", e.Usage.Seconds), zap.Time("deadline", time.Unix(e.Until(), 0)))
			default:
				out = append(out, e)
				j.open[e.SessionID()] = line
				continue
			}
			j.stale = true
		}
		if len(bad) > 0 {
			aside := fmt.Sprintf("%s.corrupt-%d", path, now.UnixNano())
			if err := atomicfile.Create(aside, bytes.Join(bad, nil), 0o600); err != nil {
				j.log.Error("unreadable open session entries could not be copied aside: dropped", zap.Int("entries", len(bad)), zap.Error(err))
			} else {
				j.log.Error("unreadable open session entries copied aside (their sessions are not closed; inspect them)", zap.String("file", aside), zap.Int("entries", len(bad)))
			}
		}
		return nil
	})
	return out, err
}

// readEntry parses and checks one line of the journal.
func readEntry(line []byte) (*Entry, error) {
	var e Entry
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	switch err := dec.Decode(&e); {
	case err != nil:
		return nil, err
	case dec.More() || !bytes.HasSuffix(line, []byte("\n")):
		return nil, errors.New("not one whole entry")
	case e.Version != version:
		return nil, fmt.Errorf("format version %d, this provider reads %d", e.Version, version)
	case e.Usage.SessionID != e.SessionID():
		return nil, fmt.Errorf("usage of session %s", e.Usage.SessionID)
	}
	return &e, nil
}
