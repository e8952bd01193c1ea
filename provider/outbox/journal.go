package outbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// Journal is a directory of the open sessions' entries, <session id>.json, under the lock of the Outbox
// that opened it. Requests never touch it: a background goroutine hands Flush the sessions changed since
// the last flush (each rewritten whole: a temporary file synced, renamed over the old one; the directory
// synced once a batch), and a session's entry is removed once its close report is stored in the outbox. A
// crash loses at most what changed since the last flush: usage the provider then does not bill.
type Journal struct {
	dir string
	log *zap.Logger

	mu      sync.Mutex
	pending map[common.Hash]*Entry // to write: changed, or a write failed
	removed map[common.Hash]bool   // removed since the current flush began
}

// Journal opens dir (0700; a wider existing one is narrowed) as the journal of open sessions. It is
// o's: one process at a time holds them.
func (o *Outbox) Journal(dir string) (*Journal, error) {
	if err := makeDir(dir, o.log, "open session journal"); err != nil {
		return nil, err
	}
	return &Journal{dir: dir, log: o.log, pending: map[common.Hash]*Entry{}, removed: map[common.Hash]bool{}}, nil
}

// Dir is the journal's directory.
func (j *Journal) Dir() string { return j.dir }

func (j *Journal) path(id common.Hash) string {
	return filepath.Join(j.dir, strings.ToLower(id.Hex())+".json")
}

// Flush writes the entries changed returns, and those a failed write left pending, each whole, then syncs
// the directory; it returns how many it wrote (failures are logged and tried again at the next flush).
// changed is called after Flush starts: an entry of a session removed after that (it closed meanwhile)
// is not written, nor one removed while Flush runs, so a flush never brings back a closed session.
func (j *Journal) Flush(changed func() []*Entry) int {
	j.mu.Lock()
	clear(j.removed)
	j.mu.Unlock()
	entries := changed()
	j.mu.Lock()
	for _, e := range entries {
		if !j.removed[e.SessionID()] {
			e.Version = version
			j.pending[e.SessionID()] = e
		}
	}
	ids := make([]common.Hash, 0, len(j.pending))
	for id := range j.pending {
		ids = append(ids, id)
	}
	j.mu.Unlock()
	written := 0
	for _, id := range ids {
		j.mu.Lock()
		if e := j.pending[id]; e != nil {
			if err := j.write(e); err != nil {
				j.log.Error("open session journal: entry not written (tried again at the next flush)", zap.Stringer("session", id), zap.Error(err))
			} else {
				delete(j.pending, id)
				written++
			}
		}
		j.mu.Unlock()
	}
	if written > 0 {
		if err := atomicfile.SyncDir(j.dir); err != nil {
			j.log.Error("open session journal: directory not synced", zap.String("dir", j.dir), zap.Error(err))
		}
	}
	return written
}

func (j *Journal) write(e *Entry) error {
	raw, err := json.Marshal(e)
	if err == nil {
		err = atomicfile.WriteFileDirUnsynced(j.path(e.SessionID()), raw, 0o600)
	}
	return err
}

// Remove deletes session id's entry (none: nothing to do) and keeps a flush under way from writing it
// again. Call it once the session's close report is stored: a crash between the two leaves both, and the
// restart does not close the session again (it is closed: its report is in the outbox). The directory is
// not synced: an entry whose removal a crash lost is treated so too.
func (j *Journal) Remove(id common.Hash) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.removed[id] = true
	delete(j.pending, id)
	if err := os.Remove(j.path(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("outbox: journal: %w", err)
	}
	return nil
}

// Load returns the journaled sessions whose router still accepts a close at now. An entry past that
// (settle.LastClose) is removed and logged; a file that is not a readable entry is renamed aside and
// logged, a temporary file a crash left behind removed (scan). Only a directory that cannot be listed is
// an error.
func (j *Journal) Load(now time.Time) ([]*Entry, error) {
	var out []*Entry
	err := scan(j.dir, now, j.log, "open session entry", "its session is not closed", func(path, name string) error {
		e, err := readEntry(path, name)
		switch {
		case err != nil:
			return err
		case now.Unix() > e.Until():
			j.log.Warn("open session dropped from the journal: its router no longer accepts a close", zap.Stringer("session", e.SessionID()),
				zap.Uint32("seconds", e.Usage.Seconds), zap.Time("deadline", time.Unix(e.Until(), 0)))
			if err := j.Remove(e.SessionID()); err != nil {
				j.log.Error("remove dropped journal entry", zap.Error(err))
			}
		default:
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// readEntry parses and checks one journal file.
func readEntry(path, name string) (*Entry, error) {
	var e Entry
	if err := decode(path, name, &e, func() (int, common.Hash) { return e.Version, e.SessionID() }); err != nil {
		return nil, err
	}
	if e.Usage.SessionID != e.SessionID() {
		return nil, fmt.Errorf("usage of session %s", e.Usage.SessionID)
	}
	return &e, nil
}
