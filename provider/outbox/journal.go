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
	// Hold is until when the session's id is held closed once it closes (session.Table.Begin's hold), when later
	// than the ticket's notAfter.
	Hold uint64 `json:"hold,omitempty"`
}

// SessionID is the session the entry keeps.
func (e *Entry) SessionID() common.Hash { return e.Ticket.Ticket.SessionID }

// Until is the last unix second at which the session's router still accepts a close (settle.LastClose).
func (e *Entry) Until() int64 { return int64(settle.LastClose(e.Ticket.Ticket.NotAfter)) }

// Journal is a directory holding the open sessions' entries in one file, sessions.jsonl, under the lock
// of the Outbox that opened it. Requests never touch it: a background goroutine hands Flush the sessions
// changed since the last flush, and Flush appends to the file a line for each (its entry) and one for each
// session removed since (a tombstone), then fsyncs it: one fsync and the changed lines' bytes a flush,
// however many sessions are open. The last line of a session wins; a tombstone ends it. The file is
// rewritten whole with the open sessions' entries alone (compacted: atomicfile.WriteFile, two fsyncs) at
// the first write of a run and after a failed one (the file may end torn), and when appending would make
// it larger than twice the open entries plus compactSlack: its size stays within that. Each entry is
// encoded once, when it changes. A crash loses at most what changed since the last flush: usage the
// provider then does not bill.
type Journal struct {
	dir   string
	log   *zap.Logger
	flush sync.Mutex // one Flush at a time
	size  int        // the file's size as Flush last wrote it; -1: rewrite it whole at the next flush (guarded by flush)

	mu        sync.Mutex
	open      map[common.Hash][]byte // every open session's entry, encoded: its line
	live      int                    // the bytes of open's lines
	removed   map[common.Hash]bool   // removed since the current flush began
	closed    []common.Hash          // removed from open since the last write began: a tombstone each is due
	unwritten int                    // entries changed and not written (a write failed)
}

// journalFile is the journal's one file in its directory.
const journalFile = "sessions.jsonl"

// compactSlack is how far the file may grow past twice its open entries before it is rewritten whole: a
// provider of few sessions does not rewrite it every few flushes.
const compactSlack = 1 << 20

// writeJournal writes the journal's file: data appended, one fsync, or (whole) the file replaced with
// data, atomicfile.WriteFile, two fsyncs (the file's, the directory's); tests count the calls.
var writeJournal = writeFile

func writeFile(path string, data []byte, whole bool) error {
	if whole {
		return atomicfile.WriteFile(path, data, 0o600)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// Journal opens dir (0700; a wider existing one is narrowed) as the journal of open sessions. It is
// o's: one process at a time holds them.
func (o *Outbox) Journal(dir string) (*Journal, error) {
	if err := makeDir(dir, o.log, "open session journal"); err != nil {
		return nil, err
	}
	return &Journal{dir: dir, log: o.log, size: -1, open: map[common.Hash][]byte{}, removed: map[common.Hash]bool{}}, nil
}

// Dir is the journal's directory.
func (j *Journal) Dir() string { return j.dir }

// Flush takes the entries changed returns and writes them and the tombstones of the sessions removed
// since the last write (appended, or the file rewritten whole: see Journal); it returns how many changed
// entries that made durable (0 when the write failed: logged, the file rewritten whole at the next
// flush). changed is called after Flush starts: an entry of a session removed after that (it closed
// meanwhile) is not taken, nor one removed while Flush runs, so a flush never brings back a closed
// session.
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
	appended := len(j.closed) * tombstoneSize
	for i, e := range entries {
		if id := e.SessionID(); lines[i] != nil && !j.removed[id] {
			j.live += len(lines[i]) - len(j.open[id])
			j.open[id] = lines[i]
			j.unwritten++
			appended += len(lines[i])
		} else {
			lines[i] = nil
		}
	}
	if appended == 0 && j.size >= 0 {
		j.mu.Unlock()
		return 0
	}
	whole := j.size < 0 || j.size+appended > 2*j.live+compactSlack
	var data []byte
	if whole {
		data = make([]byte, 0, j.live)
		for _, line := range j.open {
			data = append(data, line...)
		}
	} else {
		data = make([]byte, 0, appended)
		for _, line := range lines {
			data = append(data, line...)
		}
		for _, id := range j.closed {
			data = append(data, tombstone(id)...)
		}
	}
	j.closed = nil
	n := j.unwritten
	j.unwritten = 0
	j.mu.Unlock()

	if err := writeJournal(filepath.Join(j.dir, journalFile), data, whole); err != nil {
		j.log.Error("open session journal not written (rewritten at the next flush)", zap.String("dir", j.dir), zap.Error(err))
		j.size = -1
		j.mu.Lock()
		j.unwritten += n
		j.mu.Unlock()
		return 0
	}
	if whole {
		j.size = 0
	}
	j.size += len(data)
	return n
}

// Remove drops session id's entry (none: nothing to do): the next flush writes its tombstone, and a flush
// under way does not take it again. Call it once the session's close report is stored: a crash before
// the next flush leaves both on the disk, and the restart does not close the session again while its
// report is in the outbox (pending, or retired: Outbox.Retire); only one whose retirement a crash lost is
// closed again, which its router refuses (it takes one close per session).
func (j *Journal) Remove(id common.Hash) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.removed[id] = true
	if line, ok := j.open[id]; ok {
		delete(j.open, id)
		j.live -= len(line)
		j.closed = append(j.closed, id)
	}
}

// tombstoneSize is the bytes of a tombstone.
var tombstoneSize = len(tombstone(common.Hash{}))

// tombstone is the line that ends session id's entries in the file.
func tombstone(id common.Hash) []byte {
	raw, _ := json.Marshal(struct {
		Version int         `json:"version"`
		Closed  common.Hash `json:"closed"`
	}{version, id}) // fixed types: cannot fail
	return append(raw, '\n')
}

// Load returns the journaled sessions whose router still accepts a close at now (each session's last
// entry, none after its tombstone), and keeps them as the open sessions the next flush writes (the file
// rewritten whole); call it once, at start, before any Flush. An entry past that (settle.LastClose) is
// dropped and logged; a torn last line (a crash in a flush's write: that flush is lost) is dropped and
// logged; any other line that is not a readable entry or tombstone is copied aside
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
		last, closed := map[common.Hash]*Entry{}, map[common.Hash]bool{}
		for line := range bytes.Lines(raw) {
			if !bytes.HasSuffix(line, []byte("\n")) {
				j.log.Warn("open session journal: torn last line dropped (a crash in a flush: that flush is lost)", zap.Int("bytes", len(line)))
				break
			}
			id, e, err := readLine(line)
			switch {
			case err != nil:
				j.log.Error("unreadable open session entry", zap.Error(err))
				bad = append(bad, line)
			case e == nil:
				closed[id] = true
				delete(last, id)
				delete(j.open, id)
			case !closed[id]:
				last[id] = e
				j.open[id] = line
			}
		}
		for id, e := range last {
			if !settle.Closable(uint64(e.Until()), now) {
				j.log.Warn("open session dropped from the journal: its router no longer accepts a close", zap.Stringer("session", id),
					zap.Uint32("seconds", e.Usage.Seconds), zap.Time("deadline", time.Unix(e.Until(), 0)))
				delete(j.open, id)
				continue
			}
			out = append(out, e)
			j.live += len(j.open[id])
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

// readLine parses and checks one whole line of the journal: an entry, or (e nil) session id's tombstone.
func readLine(line []byte) (id common.Hash, e *Entry, err error) {
	var l struct {
		Entry
		Closed *common.Hash `json:"closed"`
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	switch err := dec.Decode(&l); {
	case err != nil:
		return id, nil, err
	case dec.More():
		return id, nil, errors.New("not one entry")
	case l.Closed != nil && !bytes.Equal(line, tombstone(*l.Closed)):
		return id, nil, errors.New("a tombstone with more")
	case l.Closed != nil:
		return *l.Closed, nil, nil
	case l.Version != version:
		return id, nil, fmt.Errorf("format version %d, this provider reads %d", l.Version, version)
	case l.Usage.SessionID != l.SessionID():
		return id, nil, fmt.Errorf("usage of session %s", l.Usage.SessionID)
	}
	return l.SessionID(), &l.Entry, nil
}
