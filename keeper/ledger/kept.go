package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/internal/atomicfile"
)

// ErrNotCommitted: bytes fetched at a commit's uri whose keccak256 is not the commit's batchHash. They are
// not the file the keeper committed to (altered on the way or replaced since), so nothing in them is
// evidence against the keeper.
var ErrNotCommitted = errors.New("the file is not the one committed (its keccak256 is not the commit's batchHash)")

// ErrNotBatchFile: the bytes at a commit's uri are the committed ones (their keccak256 is the batchHash) but
// do not decode as a batch file. The keeper committed to them, so nobody can rebuild its root: evidence.
var ErrNotBatchFile = errors.New("the committed file is not a batch file")

// ErrNotKept: a committed batch file was obtained but could not be written to KeptFiles (the file itself
// is returned with it).
var ErrNotKept = errors.New("the batch file could not be kept on disk")

// KeptFiles keeps the committed batch files a guard obtained, one file per epoch and batchHash in Dir
// (keeper guard's --data-dir), so that a guard started again still has them: a file it obtained is not
// taken for withheld because the keeper stopped serving it, and the later epochs' credits checks still
// compare with it. A kept file's bytes are checked against the batchHash when read back. Safe for
// concurrent use.
type KeptFiles struct {
	Dir string
	// MaxBytes bounds what Dir holds (0: no bound): a file that would take it past is not kept (ErrNotKept),
	// so a keeper committing epoch after epoch of padded files cannot fill the guard's disk (and with it the
	// store its vetoes are written to).
	MaxBytes int64

	mu   sync.Mutex
	used int64 // bytes in Dir, once read
	read bool  // used counted
}

func (k *KeptFiles) path(epoch uint64, batchHash common.Hash) string {
	return filepath.Join(k.Dir, fmt.Sprintf("epoch-%d-%s.json", epoch, batchHash.Hex()))
}

// get returns the kept bytes of epoch's file committed with batchHash; false when none is kept (or the
// bytes on disk are not the committed ones).
func (k *KeptFiles) get(epoch uint64, batchHash common.Hash) ([]byte, bool, error) {
	raw, err := os.ReadFile(k.path(epoch, batchHash))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return raw, crypto.Keccak256Hash(raw) == batchHash, nil
}

// put keeps raw as epoch's file committed with batchHash (written whole or not at all), within MaxBytes.
func (k *KeptFiles) put(epoch uint64, batchHash common.Hash, raw []byte) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if err := os.MkdirAll(k.Dir, 0o700); err != nil {
		return err
	}
	if !k.read {
		used, err := dirBytes(k.Dir)
		if err != nil {
			return err
		}
		k.used, k.read = used, true
	}
	if k.MaxBytes > 0 && k.used+int64(len(raw)) > k.MaxBytes {
		return fmt.Errorf("%s holds %d bytes: %d more would pass its bound of %d", k.Dir, k.used, len(raw), k.MaxBytes)
	}
	err := atomicfile.Write(k.path(epoch, batchHash), 0o600, func(w io.Writer) error {
		_, err := w.Write(raw)
		return err
	})
	if err == nil {
		k.used += int64(len(raw)) // a file written again over itself counts twice until the next count: on the safe side
	}
	return err
}

// Drop removes epoch's file committed with batchHash, if kept: its root was discarded (vetoed), so no later
// check reads it.
func (k *KeptFiles) Drop(epoch uint64, batchHash common.Hash) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	path := k.path(epoch, batchHash)
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	if err := os.Remove(path); err != nil {
		return err
	}
	if k.read {
		k.used -= st.Size()
	}
	return nil
}

// dirBytes is the size of the regular files in dir.
func dirBytes(dir string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, e := range entries {
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
	}
	return n, nil
}

// ObtainCommitted returns epoch's batch file committed with batchHash at uri: the copy kept (keep non-nil)
// if there is one, else fetched and taken only if its keccak256 is batchHash (ErrNotCommitted otherwise)
// and it decodes as a batch file, then kept. A file obtained but not kept is returned with an error
// wrapping ErrNotKept. The file's own epoch is not compared with epoch here: callers decide what that is.
func ObtainCommitted(ctx context.Context, fetch func(ctx context.Context, uri string) ([]byte, error), keep *KeptFiles,
	epoch uint64, uri string, batchHash common.Hash) (*BatchFile, error) {
	if keep != nil {
		raw, ok, err := keep.get(epoch, batchHash)
		if err == nil && ok {
			var bf BatchFile
			if json.Unmarshal(raw, &bf) == nil {
				return &bf, nil
			}
		}
		// Unreadable or not the committed bytes: fetched again (and kept anew).
	}
	raw, err := fetch(ctx, uri)
	if err != nil {
		return nil, err
	}
	if h := crypto.Keccak256Hash(raw); h != batchHash {
		return nil, fmt.Errorf("%w: %s has keccak256 %s, the commit's batchHash is %s", ErrNotCommitted, uri, h.Hex(), batchHash.Hex())
	}
	var bf BatchFile
	if err := json.Unmarshal(raw, &bf); err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrNotBatchFile, uri, err)
	}
	if keep != nil {
		if err := keep.put(epoch, batchHash, raw); err != nil {
			return &bf, fmt.Errorf("%w: epoch %d: %w", ErrNotKept, epoch, err)
		}
	}
	return &bf, nil
}
