// Package outbox is `provider serve`'s durable store of session close reports its router has not taken
// yet: one file per session, written (fsync'd, linked into place) before the first attempt to deliver it
// and removed once the router took it, refused it for good or would no longer accept it, so that a crash
// or a restart loses no close. One process at a time holds a directory (an exclusive lock).
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
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/protocol/wire"
)

// version is the file format; a file of another version is unreadable here (moved aside).
const version = 1

// Report is one session's close as it is reported to the router whose key signed the session's ticket.
// Close.ProviderSignature is the receipt's countersignature by the signer of the process that stored it;
// a later process whose signer is another key (rotated) signs the receipt again before sending it.
type Report struct {
	Version int            `json:"version"`
	Kind    string         `json:"kind"`   // why it closed: receipt, idle, shutdown
	Router  common.Address `json:"router"` // the ticket's signer: the router to report to
	// Until is the last unix second at which the router still accepts the close (settle.LastClose of the
	// ticket's notAfter; inclusive, as the router's and keepers' rule).
	Until int64             `json:"until"`
	Close wire.CloseRequest `json:"close"`
}

// SessionID is the session the report closes.
func (r *Report) SessionID() common.Hash { return r.Close.Receipt.SessionID }

// Deadline is Until as a time.
func (r *Report) Deadline() time.Time { return time.Unix(r.Until, 0) }

// Accepted reports whether the router still accepts the close at t (dated, as it does, in whole seconds).
func (r *Report) Accepted(t time.Time) bool { return t.Unix() <= r.Until }

// ErrExists is Put's refusal of a report for a session that already has one: the stored one stays.
var ErrExists = errors.New("outbox: a report of this session is already stored")

// Outbox is a directory of pending reports, named <session id>.json.
type Outbox struct {
	dir  string
	lock *os.File
	log  *zap.Logger
}

var reportFile = regexp.MustCompile(`^0x[0-9a-f]{64}\.json$`)

// Open creates dir (0700; an existing one is narrowed to 0700) and takes its lock: a second process over
// the same directory is refused.
func Open(dir string, log *zap.Logger) (*Outbox, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	if st.Mode().Perm() != 0o700 {
		log.Warn("close report directory was readable by others: narrowed to 0700", zap.String("dir", dir), zap.Stringer("mode", st.Mode().Perm()))
		if err := os.Chmod(dir, 0o700); err != nil {
			return nil, fmt.Errorf("outbox: %w", err)
		}
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		lock.Close()
		return nil, fmt.Errorf("outbox: %s is in use by another provider serve (give each its own --state-dir): %w", dir, err)
	}
	return &Outbox{dir: dir, lock: lock, log: log}, nil
}

// Dir is the outbox's directory.
func (o *Outbox) Dir() string { return o.dir }

// Close releases the directory's lock.
func (o *Outbox) Close() error { return o.lock.Close() }

func (o *Outbox) path(id common.Hash) string {
	return filepath.Join(o.dir, strings.ToLower(id.Hex())+".json")
}

// Put writes r durably (atomicfile.Create, 0600): when Put returns nil the report survives a crash of the
// process or the host. A session has one close: when its file exists already Put returns ErrExists and
// leaves that file as it is.
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

// Load returns the pending reports whose router still accepts them at now. Each report past its deadline
// is removed and logged as given up; a file that is not a readable report is renamed aside
// (<name>.corrupt-<unix nanoseconds>, never read again, never deleted) and logged; a temporary file a crash
// left behind is no report (never linked, or a second link of one whose file holds it) and is removed.
// Only a directory that cannot be listed is an error.
func (o *Outbox) Load(now time.Time) ([]*Report, error) {
	entries, err := os.ReadDir(o.dir)
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	var out []*Report
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(o.dir, name)
		switch {
		case e.IsDir() || name == ".lock" || strings.Contains(name, ".corrupt-"):
			continue
		case strings.HasPrefix(name, atomicfile.TempPrefix):
			o.log.Warn("removed a close report a crash left half-written (it was never stored)", zap.String("file", path))
			_ = os.Remove(path)
			continue
		}
		r, err := read(path, name)
		if err != nil {
			aside := fmt.Sprintf("%s.corrupt-%d", path, now.UnixNano())
			if rerr := os.Rename(path, aside); rerr != nil {
				o.log.Error("unreadable close report could not be moved aside: left in place", zap.String("file", path), zap.NamedError("read", err), zap.Error(rerr))
				continue
			}
			o.log.Error("unreadable close report moved aside (not delivered; inspect it)", zap.String("file", aside), zap.Error(err))
			continue
		}
		if !r.Accepted(now) {
			o.log.Warn("close report given up: its router no longer accepts the close", zap.Stringer("session", r.SessionID()),
				zap.Stringer("router", r.Router), zap.Time("deadline", r.Deadline()))
			if err := o.Remove(r.SessionID()); err != nil {
				o.log.Error("remove given-up close report", zap.Error(err))
			}
			continue
		}
		out = append(out, r)
	}
	return out, nil
}

// read parses and checks one report file.
func read(path, name string) (*Report, error) {
	if !reportFile.MatchString(name) {
		return nil, errors.New("not named <session id>.json")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Report
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, err
	}
	switch {
	case r.Version != version:
		return nil, fmt.Errorf("format version %d, this provider reads %d", r.Version, version)
	case strings.ToLower(r.SessionID().Hex())+".json" != name:
		return nil, fmt.Errorf("holds session %s", r.SessionID())
	case r.Router == (common.Address{}) || r.Until <= 0 || r.Close.ProviderSignature == nil:
		return nil, errors.New("router, deadline or provider signature missing")
	}
	return &r, nil
}
