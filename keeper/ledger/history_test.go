package ledger_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestRememberHistory (from a review): what BatchChecker.Remember records for the credits checks, in memory
// and in the guard's database alike.
//   - A root recommitted with another file (a later epoch discarded by a veto of an earlier one may come
//     back with the same leaves, hence the same root, and a file listing other sessions): the live file's
//     sessions are recorded, not the discarded one's. Before, the history kept the first file of a root, so
//     a later epoch crediting the live file's sessions again passed.
//   - A user-day listed twice counts as its last entry; an entry whose charged is not a number is left out,
//     so an earlier epoch's stands.
func TestRememberHistory(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "guard.db"))
	require.NoError(t, err)
	defer st.Close()
	for name, h := range map[string]ledger.History{"memory": &ledger.MemoryHistory{}, "store": st} {
		t.Run(name, func(t *testing.T) {
			c := &ledger.BatchChecker{History: h}
			root := common.HexToHash("0x01")
			x, y := common.HexToHash("0xaa"), common.HexToHash("0xbb")
			listing := func(ids ...common.Hash) *ledger.BatchFile {
				bf := &ledger.BatchFile{Epoch: 5}
				for _, id := range ids {
					bf.Sessions = append(bf.Sessions, json.RawMessage(`{"sessionId":"`+id.Hex()+`"}`))
				}
				return bf
			}
			require.NoError(t, c.Remember(ctx, 5, root, common.HexToHash("0xf1"), listing(y))) // the commit a veto discards
			require.NoError(t, c.Remember(ctx, 5, root, common.HexToHash("0xf2"), listing(x))) // the same root again, another file
			credited, _, err := h.LookupHistory(ctx, 6, []common.Hash{x, y}, nil)
			require.NoError(t, err)
			require.Equal(t, map[common.Hash]uint64{x: 5}, credited, "the live file's sessions only")

			u := common.HexToAddress("0x1111111111111111111111111111111111111111")
			k := ledger.UserDay{User: u, Day: 3}
			use := func(charged string) ledger.AllowanceUse {
				return ledger.AllowanceUse{User: u, Day: 3, Allowance: "1000", Charged: charged}
			}
			require.NoError(t, c.Remember(ctx, 6, root, common.HexToHash("0xf3"), &ledger.BatchFile{Epoch: 6,
				Allowances: []ledger.AllowanceUse{use("100"), use("900")}}))
			require.NoError(t, c.Remember(ctx, 7, root, common.HexToHash("0xf4"), &ledger.BatchFile{Epoch: 7,
				Allowances: []ledger.AllowanceUse{use("lots")}}))
			_, charged, err := h.LookupHistory(ctx, 8, nil, []ledger.UserDay{k})
			require.NoError(t, err)
			require.Equal(t, map[ledger.UserDay]string{k: "900"}, charged, "epoch 6's last entry; epoch 7's garbage left out")
		})
	}
}
