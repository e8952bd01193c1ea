// Package models is the provider's store of pulled models (PROTOCOL §5, decentralized model registry):
// it pulls a `name:tag` by the content hash the registry holds, from the IPFS network through the
// provider's kubo node, accepts the bytes only when re-adding them with the registry's import parameters
// reproduces that hash, keeps a manifest of what is pulled, and re-verifies a model before it is served.
// Nothing fetched is trusted: not the seeders, not the files on disk since the last check.
package models

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/protocol/contenthash"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/provider/ipfs"
)

var (
	// ErrMismatch: the content does not reproduce the registry's content hash.
	ErrMismatch = errors.New("models: content does not match the registry")
	// ErrUnavailable: the content could not be fetched completely in time (no seeder, or a partial one).
	ErrUnavailable = errors.New("models: content not available from the IPFS network")
	// ErrNotPulled: the model is not in the store.
	ErrNotPulled = errors.New("models: model not pulled")
)

// Registry resolves a model's on-chain content hash.
type Registry interface {
	ContentHash(ctx context.Context, model string) (common.Hash, error)
}

// Entry is one pulled model in the manifest.
type Entry struct {
	Model       string      `json:"model"` // name:tag
	ModelID     common.Hash `json:"modelId"`
	ContentHash common.Hash `json:"contentHash"`
	CID         string      `json:"cid"`
	Path        string      `json:"path"`
	Bytes       int64       `json:"bytes"`
	Files       int         `json:"files"`
	VerifiedAt  time.Time   `json:"verifiedAt"`
}

// Store is the manifest (<Dir>/models.json) and the default home of pulled content (<Dir>/<name:tag>).
type Store struct {
	Dir  string
	IPFS *ipfs.Client

	mu sync.Mutex
}

const manifestName = "models.json"

// DefaultPath is where a model is pulled without --to: <Dir>/<name:tag>, '/' in names escaped.
func (s *Store) DefaultPath(model string) string {
	return filepath.Join(s.Dir, url.PathEscape(model))
}

// Verify re-adds path with the registry's import parameters (nothing is stored) and checks that the root
// is want. It returns what was hashed.
func (s *Store) Verify(ctx context.Context, path string, want common.Hash) (*ipfs.Added, error) {
	added, err := s.IPFS.Add(ctx, path, true)
	if err != nil {
		return nil, err
	}
	got, err := contenthash.Parse(added.CID)
	if err != nil {
		return nil, err
	}
	if got != want {
		return added, fmt.Errorf("%w: %s hashes to %s, the registry says %s", ErrMismatch, path, added.CID, contenthash.CID(want))
	}
	return added, nil
}

// Pull fetches model's content into to (default DefaultPath), verifies it against the registry and
// records it. fetchTimeout bounds the fetch from the network. The content lands in to only when verified;
// a partial fetch, or content that does not fit the destination's disk (diskLimits), leaves nothing behind:
// no files, and no pin (the node does not keep or seed bytes that are no model's).
func (s *Store) Pull(ctx context.Context, reg Registry, model, to string, fetchTimeout time.Duration) (e *Entry, err error) {
	want, err := reg.ContentHash(ctx, model)
	if err != nil {
		return nil, err
	}
	cid := contenthash.CID(want)
	if to == "" {
		to = s.DefaultPath(model)
	}
	if to, err = filepath.Abs(to); err != nil {
		return nil, err
	}
	if _, err := os.Stat(to); err == nil {
		return nil, fmt.Errorf("models: %s already exists: remove it or pull --to another directory", to)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	fctx, cancel := context.WithTimeout(ctx, fetchTimeout)
	err = s.IPFS.Pin(fctx, cid)
	cancel()
	if err != nil {
		if fctx.Err() != nil && ctx.Err() == nil {
			return nil, fmt.Errorf("%w: %s (%s) not fully fetched within %s: no reachable seeder has all of it", ErrUnavailable, model, cid, fetchTimeout)
		}
		return nil, fmt.Errorf("%w: %s (%s): %w", ErrUnavailable, model, cid, err)
	}
	defer func() {
		if err != nil && !s.recorded(cid) {
			_ = s.IPFS.Unpin(context.WithoutCancel(ctx), cid)
		}
	}()
	tmp, err := os.MkdirTemp(filepath.Dir(to), ".pull-")
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	defer os.RemoveAll(tmp)
	lim, err := diskLimits(tmp)
	if err != nil {
		return nil, err
	}
	content := filepath.Join(tmp, "content")
	if err := s.IPFS.Get(ctx, cid, content, lim); err != nil {
		return nil, fmt.Errorf("pull %s: %w", model, err)
	}
	added, err := s.Verify(ctx, content, want)
	if err != nil {
		return nil, fmt.Errorf("pull %s: %w", model, err)
	}
	if err := os.Rename(content, to); err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	e = &Entry{Model: model, ModelID: ids.ModelID(model), ContentHash: want, CID: cid, Path: to,
		Bytes: added.Bytes, Files: added.Files, VerifiedAt: time.Now().UTC()}
	return e, s.put(*e)
}

// maxEntries bounds the files and folders of a pulled model whatever the disk: weights are a few files
// (a model repository holds tens to hundreds), and each entry costs the filesystem an inode.
const maxEntries = 100_000

// diskLimits is what a pull into dir may write: the free space and inodes of dir's filesystem less a
// reserve (a tenth of each, at most 1 GiB and 10,000 inodes), each entry counted in whole blocks, and at
// most maxEntries entries, so a hostile DAG cannot fill the disk the provider's state and journals live
// on, with bytes or with tiny files.
func diskLimits(dir string) (ipfs.Limits, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return ipfs.Limits{}, fmt.Errorf("models: free space of %s: %w", dir, err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	lim := ipfs.Limits{Bytes: max(free-min(free/10, 1<<30), 1), Entries: maxEntries, Block: max(int64(st.Bsize), 512)} // Bytes 0 would be no bound
	if st.Files > 0 {
		inodes := int64(st.Ffree)
		lim.Entries = min(lim.Entries, max(inodes-min(inodes/10, 10_000), 1))
	}
	return lim, nil
}

// Add records already-verified local content (a publisher's own folder) as model's entry.
func (s *Store) Add(model, path string, h common.Hash, added *ipfs.Added) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	return s.put(Entry{Model: model, ModelID: ids.ModelID(model), ContentHash: h, CID: contenthash.CID(h),
		Path: abs, Bytes: added.Bytes, Files: added.Files, VerifiedAt: time.Now().UTC()})
}

// Ready checks model is servable: pulled, its recorded hash is the registry's current one, and its files
// still reproduce it, re-added to the node and pinned (what it seeds). It returns the refreshed entry.
func (s *Store) Ready(ctx context.Context, reg Registry, model string) (*Entry, error) {
	e, err := s.Get(model) // first: a model not pulled (ErrNotPulled) costs no chain read
	if err != nil {
		return nil, err
	}
	want, err := reg.ContentHash(ctx, model)
	if err != nil {
		return nil, err
	}
	if e.ContentHash != want {
		return nil, fmt.Errorf("%w: %s was pulled as %s, the registry says %s", ErrMismatch, model, e.CID, contenthash.CID(want))
	}
	// One pass: re-add the files (stored and pinned, so the node seeds exactly these bytes) and compare.
	added, err := s.IPFS.Add(ctx, e.Path, false)
	if err != nil {
		return nil, err
	}
	if added.CID != e.CID {
		if !s.recorded(added.CID) {
			_ = s.IPFS.Unpin(ctx, added.CID) // never seed bytes that are no model's
		}
		return nil, fmt.Errorf("%w: %s: %s hashes to %s, the registry says %s", ErrMismatch, model, e.Path, added.CID, e.CID)
	}
	e.Bytes, e.Files, e.VerifiedAt = added.Bytes, added.Files, time.Now().UTC()
	return e, s.put(*e)
}

// recorded reports whether cid is some entry's content.
func (s *Store) recorded(cid string) bool {
	all, _ := s.List()
	for _, e := range all {
		if e.CID == cid {
			return true
		}
	}
	return false
}

// Seed announces cid to the node's content routing. Announcing is best effort: a node without content
// routing still serves the blocks to the peers it is connected to.
func (s *Store) Seed(ctx context.Context, cid string) error { return s.IPFS.Provide(ctx, cid) }

// Get returns model's entry, or ErrNotPulled.
func (s *Store) Get(model string) (*Entry, error) {
	all, err := s.List()
	if err != nil {
		return nil, err
	}
	for _, e := range all {
		if e.Model == model {
			return &e, nil
		}
	}
	return nil, fmt.Errorf("%w: %s (run `provider model pull %s`)", ErrNotPulled, model, model)
}

// List returns the manifest's entries sorted by model.
func (s *Store) List() ([]Entry, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.read()
}

func (s *Store) read() ([]Entry, error) {
	raw, err := os.ReadFile(filepath.Join(s.Dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("models: %w", err)
	}
	var out []Entry
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("models: manifest %s: %w", filepath.Join(s.Dir, manifestName), err)
	}
	return out, nil
}

// put replaces model's entry, under an exclusive lock on the store directory (several provider commands
// may run at once).
func (s *Store) put(e Entry) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(s.Dir, 0o755); err != nil {
		return fmt.Errorf("models: %w", err)
	}
	lock, err := os.OpenFile(filepath.Join(s.Dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return fmt.Errorf("models: %w", err)
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("models: lock: %w", err)
	}
	all, err := s.read()
	if err != nil {
		return err
	}
	kept := all[:0]
	for _, x := range all {
		if x.Model != e.Model {
			kept = append(kept, x)
		}
	}
	kept = append(kept, e)
	sort.Slice(kept, func(i, j int) bool { return kept[i].Model < kept[j].Model })
	raw, err := json.MarshalIndent(kept, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(filepath.Join(s.Dir, manifestName), raw, 0o644)
}

// State is an entry's state on disk, cheaply checked (sizes) or fully re-hashed (Verify).
type State string

const (
	StateVerified State = "verified" // verified when pulled (or just now) and the sizes still match
	StateChanged  State = "changed"  // files were added, removed or resized since
	StateMissing  State = "missing"  // the folder is gone
	StateMismatch State = "mismatch" // re-hashed: does not reproduce the content hash
)

// Check reports e's state from file sizes only (no hashing).
func Check(e Entry) State {
	var n int64
	files := 0
	err := filepath.WalkDir(e.Path, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
			files++
		}
		return nil
	})
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return StateMissing
	case err != nil || n != e.Bytes || files != e.Files:
		return StateChanged
	}
	return StateVerified
}
