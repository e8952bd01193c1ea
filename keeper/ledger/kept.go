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

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/internal/atomicfile"
)

// ErrNotCommitted: bytes fetched at a commit's uri whose keccak256 is not the commit's batchHash. They are
// not the file the keeper committed to (altered on the way or replaced since), so nothing in them is
// evidence against the keeper.
var ErrNotCommitted = errors.New("the file is not the one committed (its keccak256 is not the commit's batchHash)")

// ErrNotKept: a committed batch file was obtained but could not be written to KeptFiles (the file itself
// is returned with it).
var ErrNotKept = errors.New("the batch file could not be kept on disk")

// KeptFiles keeps the committed batch files a guard obtained, one file per epoch and batchHash in Dir
// (keeper guard's --data-dir), so that a guard started again still has them: a file it obtained is not
// taken for withheld because the keeper stopped serving it, and the later epochs' credits checks still
// compare with it. A kept file's bytes are checked against the batchHash when read back.
type KeptFiles struct{ Dir string }

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

// put keeps raw as epoch's file committed with batchHash (written whole or not at all).
func (k *KeptFiles) put(epoch uint64, batchHash common.Hash, raw []byte) error {
	if err := os.MkdirAll(k.Dir, 0o700); err != nil {
		return err
	}
	return atomicfile.Write(k.path(epoch, batchHash), 0o600, func(w io.Writer) error {
		_, err := w.Write(raw)
		return err
	})
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
		return nil, fmt.Errorf("batch file %s: %w", uri, err)
	}
	if keep != nil {
		if err := keep.put(epoch, batchHash, raw); err != nil {
			return &bf, fmt.Errorf("%w: epoch %d: %w", ErrNotKept, epoch, err)
		}
	}
	return &bf, nil
}
