package ledger_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestObtainCommitted (keeper guard's kept files): a fetched file is taken only if its keccak256 is the
// commit's batchHash (ledger.ErrNotCommitted otherwise, nothing kept) and it decodes; once taken it is kept
// on disk and later obtained from there without a fetch, even when the uri no longer serves it (a guard
// restarted after the keeper stopped serving); a kept copy whose bytes are not the committed ones is not
// used (fetched again and kept anew); a file obtained but not written to disk (not writable, or past
// KeptFiles.MaxBytes, the files already in the directory counted) is returned with ledger.ErrNotKept; Drop
// removes a kept file and frees its room.
func TestObtainCommitted(t *testing.T) {
	ctx := context.Background()
	raw, err := json.Marshal(&ledger.BatchFile{Version: 2, Epoch: 7, CumulativeTotal: "5"})
	require.NoError(t, err)
	h := crypto.Keccak256Hash(raw)
	served, fetches := raw, 0
	fetch := func(context.Context, string) ([]byte, error) {
		fetches++
		if served == nil {
			return nil, errors.New("503 Service Unavailable")
		}
		return served, nil
	}
	keep := &ledger.KeptFiles{Dir: filepath.Join(t.TempDir(), "batches")}

	served = append([]byte(" "), raw...) // altered on the way
	_, err = ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", h)
	require.ErrorIs(t, err, ledger.ErrNotCommitted)
	_, err = os.Stat(keep.Dir)
	require.ErrorIs(t, err, os.ErrNotExist, "nothing kept")

	served = raw
	bf, err := ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", h)
	require.NoError(t, err)
	require.Equal(t, uint64(7), bf.Epoch)
	require.Equal(t, 2, fetches)

	served = nil // the keeper stopped serving it
	bf, err = ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", h)
	require.NoError(t, err, "from the kept copy")
	require.Equal(t, "5", bf.CumulativeTotal)
	require.Equal(t, 2, fetches, "no fetch")
	_, err = ledger.ObtainCommitted(ctx, fetch, nil, 7, "https://k/v1/batches/7", h)
	require.ErrorContains(t, err, "503", "nothing kept: fetched")
	_, err = ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", crypto.Keccak256Hash([]byte("other")))
	require.ErrorContains(t, err, "503", "a recommit of the epoch (another batchHash) is not the kept file")

	// The kept copy damaged on disk: not used, fetched again and kept anew.
	entries, err := os.ReadDir(keep.Dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	kept := filepath.Join(keep.Dir, entries[0].Name())
	require.NoError(t, os.WriteFile(kept, []byte(`{"version":2,"epoch":7,"cumulativeTotal":"500"}`), 0o600))
	_, err = ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", h)
	require.ErrorContains(t, err, "503", "a damaged copy is not the committed file")
	served = raw
	_, err = ledger.ObtainCommitted(ctx, fetch, keep, 7, "https://k/v1/batches/7", h)
	require.NoError(t, err)
	onDisk, err := os.ReadFile(kept)
	require.NoError(t, err)
	require.Equal(t, raw, onDisk, "kept anew")

	// Not writable: obtained all the same, with ErrNotKept.
	blocked := &ledger.KeptFiles{Dir: filepath.Join(kept, "sub")} // a file where the directory would be
	bf, err = ledger.ObtainCommitted(ctx, fetch, blocked, 7, "https://k/v1/batches/7", h)
	require.ErrorIs(t, err, ledger.ErrNotKept)
	require.NotNil(t, bf)
	require.Equal(t, uint64(7), bf.Epoch)

	// MaxBytes: past it a file is not kept (ErrNotKept, the file returned); the files already there count
	// (a KeptFiles opened again on the directory); Drop frees their room.
	bounded := &ledger.KeptFiles{Dir: keep.Dir, MaxBytes: int64(2*len(raw)) - 1}
	raw8, err := json.Marshal(&ledger.BatchFile{Version: 2, Epoch: 8, CumulativeTotal: "5"})
	require.NoError(t, err)
	require.Len(t, raw8, len(raw))
	served = raw8
	h8 := crypto.Keccak256Hash(raw8)
	bf, err = ledger.ObtainCommitted(ctx, fetch, bounded, 8, "https://k/v1/batches/8", h8)
	require.ErrorIs(t, err, ledger.ErrNotKept, "epoch 7's file and this one pass the bound")
	require.Equal(t, uint64(8), bf.Epoch)
	require.NoError(t, bounded.Drop(7, h))
	_, err = os.Stat(kept)
	require.ErrorIs(t, err, os.ErrNotExist)
	_, err = ledger.ObtainCommitted(ctx, fetch, bounded, 8, "https://k/v1/batches/8", h8)
	require.NoError(t, err, "room again")
	require.NoError(t, bounded.Drop(7, h), "dropping what is not kept is no error")
}
