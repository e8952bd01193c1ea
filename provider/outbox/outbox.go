// Package outbox is `provider serve`'s durable store of session close reports its router has not taken
// yet: one file per session, written (fsync'd, linked into place) before the first attempt to deliver it
// and retired once the router took it, refused it for good or would no longer accept it, so that a crash
// or a restart loses no close. A retired report is kept apart until its router would no longer accept a
// close (Retire, Closed), so that a restart still refuses its session's ticket. One process at a time
// holds a directory (an exclusive lock).
//
// Its Journal keeps, the same way, the sessions still open (journal.go): their ticket, metered usage and
// newest signed request, so that after a crash serve closes them one-sided as it closes idle ones.
package outbox

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// version is the file format; a file of another version is unreadable here (moved aside).
const version = 1

// Report is one session's close as it is reported to the router whose key signed the session's ticket.
// Close.ProviderSignature is the receipt's countersignature by the signer of the process that stored it;
// a later process whose signer is another key (rotated) signs the receipt again before sending it. A
// user's receipt the signer failed to countersign is stored with Close.UserSignature alone.
type Report struct {
	Version int            `json:"version"`
	Kind    string         `json:"kind"`   // why it closed: receipt, idle, shutdown, crash (open when a previous run died)
	Router  common.Address `json:"router"` // the ticket's signer: the router to report to
	// Until is the last unix second at which the router still accepts the close (settle.LastClose of the
	// ticket's notAfter; inclusive, as the router's and keepers' rule).
	Until int64             `json:"until"`
	Close wire.CloseRequest `json:"close"`
	// Hold, when later than Until, is until when the session stays held closed once its report is retired
	// (the latest notAfter another ticket of its id may have: session.Table.Begin's hold). Reports stored before it
	// have none: Until.
	Hold int64 `json:"hold,omitempty"`
}

// HeldUntil is until when the report's session is held closed: the later of Until and Hold.
func (r *Report) HeldUntil() int64 { return max(r.Until, r.Hold) }

// SessionID is the session the report closes.
func (r *Report) SessionID() common.Hash { return r.Close.Receipt.SessionID }

// Deadline is Until as a time.
func (r *Report) Deadline() time.Time { return time.Unix(r.Until, 0) }

// Accepted reports whether the router still accepts the close at t (dated, as it does, in whole seconds).
func (r *Report) Accepted(t time.Time) bool { return settle.Closable(uint64(r.Until), t) }

// ErrExists is Put's refusal of a report for a session that already has one: the stored one stays.
var ErrExists = errors.New("outbox: a report of this session is already stored")

// Outbox is a directory of pending reports, named <session id>.json, and, in its folder closed/, the
// reports of the sessions it no longer sends (Retire), kept until their router would no longer accept a
// close (Report.Until, past the ticket's notAfter) so that a restart still holds their sessions closed.
type Outbox struct {
	dir  string
	lock *os.File
	log  *zap.Logger

	mu      sync.Mutex
	retired map[common.Hash]int64 // the reports in closed/ and their Until
}

// closedDir is the folder of an outbox holding its retired reports.
const closedDir = "closed"

var reportFile = regexp.MustCompile(`^0x[0-9a-f]{64}\.json$`)

// Open creates dir (0700; an existing one is narrowed to 0700) and takes its lock: a second process over
// the same directory is refused.
func Open(dir string, log *zap.Logger) (*Outbox, error) {
	if err := makeDir(dir, log, "close report"); err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("outbox: %s is in use by another provider serve (give each its own --state-dir): %w", dir, err)
	}
	return &Outbox{dir: dir, lock: lock, log: log, retired: map[common.Hash]int64{}}, nil
}

// makeDir creates dir (0700) or narrows an existing one to 0700 (logged: a directory of what).
func makeDir(dir string, log *zap.Logger, what string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if st.Mode().Perm() != 0o700 {
		log.Warn(what+" directory was readable by others: narrowed to 0700", zap.String("dir", dir), zap.Stringer("mode", st.Mode().Perm()))
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("outbox: %w", err)
		}
	}
	return nil
}

// Dir is the outbox's directory.
func (o *Outbox) Dir() string { return o.dir }

// Close releases the directory's lock.
func (o *Outbox) Close() error { return o.lock.Close() }

func (o *Outbox) path(id common.Hash) string {
	return filepath.Join(o.dir, strings.ToLower(id.Hex())+".json")
}

// Put writes r durably (atomicfile.Create: a temporary file, 0600, synced, linked as the session's file, the
// directory synced). When Put returns nil the report survives a crash of the process or the host. A session has one
// close: when its file exists already Put returns ErrExists and leaves that file as it is.
func (o *Outbox) Put(r *Report) error {
	r.Version = version
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := atomicfile.Create(o.path(r.SessionID()), raw, 0o600); errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%w: session %s", ErrExists, r.SessionID())
	} else if err != nil {
		return fmt.Errorf("outbox: write report of session %s: %w", r.SessionID(), err)
	}
	return nil
}

// Remove deletes the session's report (none: nothing to do). The directory is not synced: a removal lost
// in a crash only delivers the close again, which the router refuses as already closed.
func (o *Outbox) Remove(id common.Hash) error {
	if err := os.Remove(o.path(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}

// Retire moves the session's report (none: nothing to do) from the pending ones to closed/ once it is no
// longer sent (the router took it, refused it for good, or would no longer accept it): a restart before
// until (the report's HeldUntil) still holds the session closed (Closed), so its ticket is not served again
// from seq 1 and a second close is not signed. Prune removes it after until. The directory is not synced:
// a move lost in a crash leaves the report pending, which the restart holds closed too and sends again
// (the router refuses it as already closed).
func (o *Outbox) Retire(id common.Hash, until int64) error {
	err := os.Rename(o.path(id), o.closedPath(id))
	if errors.Is(err, os.ErrNotExist) {
		if _, serr := os.Stat(o.path(id)); errors.Is(serr, os.ErrNotExist) {
			return nil // no report
		}
		if err = os.Mkdir(filepath.Join(o.dir, closedDir), 0o700); err == nil || errors.Is(err, os.ErrExist) {
			err = os.Rename(o.path(id), o.closedPath(id))
		}
	}
	if err != nil {
		return fmt.Errorf("outbox: retire the report of session %s: %w", id, err)
	}
	o.mu.Lock()
	o.retired[id] = until
	o.mu.Unlock()
	return nil
}

func (o *Outbox) closedPath(id common.Hash) string {
	return filepath.Join(o.dir, closedDir, strings.ToLower(id.Hex())+".json")
}

// Closed returns the sessions of the retired reports (Retire, by this process or an earlier one) still
// held closed at now, each with its report's HeldUntil: call it once, at start, and hold them closed until
// then. A retired report past that is removed; an unreadable file is renamed aside, a
// temporary one removed (scan). No closed/ folder: none.
func (o *Outbox) Closed(now time.Time) (map[common.Hash]int64, error) {
	dir := filepath.Join(o.dir, closedDir)
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return map[common.Hash]int64{}, nil
	}
	if err := makeDir(dir, o.log, "closed session"); err != nil {
		return nil, err
	}
	out := map[common.Hash]int64{}
	err := scan(dir, now, o.log, "closed session's report", "its session may be served again after this start", func(path, name string) error {
		r, err := read(path, name)
		switch {
		case err != nil:
			return err
		case !settle.Closable(uint64(r.HeldUntil()), now):
			if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
				o.log.Error("remove expired closed session's report", zap.Error(err))
			}
		default:
			out[r.SessionID()] = r.HeldUntil()
		}
		return nil
	})
	o.mu.Lock()
	for id, until := range out {
		o.retired[id] = until
	}
	o.mu.Unlock()
	return out, err
}

// Prune removes the retired reports past the until they were retired with: every ticket of their
// session id has expired, so there is nothing left to refuse.
func (o *Outbox) Prune(now time.Time) {
	var gone []common.Hash
	o.mu.Lock()
	for id, until := range o.retired {
		if !settle.Closable(uint64(until), now) {
			gone = append(gone, id)
			delete(o.retired, id)
		}
	}
	o.mu.Unlock()
	for _, id := range gone {
		if err := os.Remove(o.closedPath(id)); err != nil && !errors.Is(err, os.ErrNotExist) {
			o.log.Error("remove expired closed session's report", zap.Stringer("session", id), zap.Error(err))
		}
	}
}

// Load returns the pending reports whose router still accepts them at now. Each report past its deadline
// is removed and logged as given up; a file that is not a readable report is renamed aside
// (<name>.corrupt-<unix nanoseconds>, never read again, never deleted) and logged; a temporary file a crash
// left behind is no report (never linked, or a second link of one whose file holds it) and is removed.
// Only a directory that cannot be listed is an error.
func (o *Outbox) Load(now time.Time) ([]*Report, error) {
	var out []*Report
	err := scan(o.dir, now, o.log, "close report", "not delivered", func(path, name string) error {
		r, err := read(path, name)
		switch {
		case err != nil:
			return err
		case !r.Accepted(now):
			o.log.Warn("close report given up: its router no longer accepts the close", zap.Stringer("session", r.SessionID()),
				zap.Stringer("router", r.Router), zap.Time("deadline", r.Deadline()))
			if err := o.Remove(r.SessionID()); err != nil {
				o.log.Error("remove given-up close report", zap.Error(err))
			}
		default:
			out = append(out, r)
		}
		return nil
	})
	return out, err
}

// scan calls each with every file of dir that may hold a record (of what, e.g. "close report"): the lock,
// folders and files moved aside are skipped, a temporary file a crash left behind (never linked or renamed
// into place) is removed, and a file each returns an error for is renamed aside (<name>.corrupt-<unix
// nanoseconds>, never read again, never deleted) and logged (lost: what its loss means). Only a directory
// that cannot be listed is an error.
func scan(dir string, now time.Time, log *zap.Logger, what, lost string, each func(path, name string) error) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		switch {
		case e.IsDir() || name == ".lock" || strings.Contains(name, ".corrupt-"):
			continue
		case strings.HasPrefix(name, atomicfile.TempPrefix):
			log.Warn("removed a "+what+" a crash left half-written (it was never stored)", zap.String("file", path))
			_ = os.Remove(path)
			continue
		}
		if err := each(path, name); err != nil {
			aside := fmt.Sprintf("%s.corrupt-%d", path, now.UnixNano())
			if rerr := os.Rename(path, aside); rerr != nil {
				log.Error("unreadable "+what+" could not be moved aside: left in place", zap.String("file", path), zap.NamedError("read", err), zap.Error(rerr))
				continue
			}
			log.Error("unreadable "+what+" moved aside ("+lost+"; inspect it)", zap.String("file", aside), zap.Error(err))
		}
	}
	return nil
}

// read parses and checks one report file.
func read(path, name string) (*Report, error) {
	var r Report
	if err := decode(path, name, &r, func() (int, common.Hash) { return r.Version, r.SessionID() }); err != nil {
		return nil, err
	}
	if r.Router == (common.Address{}) || r.Until <= 0 || r.Close.ProviderSignature == nil && r.Close.UserSignature == nil {
		return nil, errors.New("router, deadline or receipt signature missing")
	}
	return &r, nil
}

// decode reads file path (named name) strictly into v, and checks that it is of this format version and
// named after the session it holds (what says which, once decoded).
func decode(path, name string, v any, what func() (int, common.Hash)) error {
	if !reportFile.MatchString(name) {
		return errors.New("not named <session id>.json")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	switch ver, id := what(); {
	case ver != version:
		return fmt.Errorf("format version %d, this provider reads %d", ver, version)
	case strings.ToLower(id.Hex())+".json" != name:
		return fmt.Errorf("holds session %s", id)
	}
	return nil
}
