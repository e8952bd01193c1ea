package store_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/router/store"
)

// TestCheckChain (SQLite and PostgreSQL): the first start anchors the database to the start block's hash;
// a later start on the same chain passes, also after reopening; one whose chain has another hash for that
// block (a devnet started again) or another start block (another deployment) is refused with ErrOtherChain
// and the anchor is left as it was.
func TestCheckChain(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, dsn string) {
		ctx := context.Background()
		h := common.HexToHash("0xa1")
		require.NoError(t, db.CheckChain(ctx, 7, h))
		require.NoError(t, db.CheckChain(ctx, 7, h))
		require.ErrorIs(t, db.CheckChain(ctx, 7, common.HexToHash("0xb2")), store.ErrOtherChain)
		require.ErrorIs(t, db.CheckChain(ctx, 8, h), store.ErrOtherChain)

		again, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer again.Close()
		require.NoError(t, again.CheckChain(ctx, 7, h), "the anchor survives a restart, unchanged by the refusals")
		require.ErrorIs(t, again.CheckChain(ctx, 7, common.HexToHash("0xb2")), store.ErrOtherChain)
	})
}
