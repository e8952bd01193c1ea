package txmgr_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
)

// TestSignsThroughClef: the keeper's key held by clef (as `keeper --external-signer` loads it): the
// manager's transaction is signed by clef, approved once per attempt, mined on anvil and sent from
// clef's account; this process never holds the key.
func TestSignsThroughClef(t *testing.T) { dbtest.Run(t, true, testSignsThroughClef) }

func testSignsThroughClef(t *testing.T, dsn string) {
	ctx, _, _, c, st := setup(t, dsn)
	clef := cleftest.Start(t, devnet.DevKey(4), 31337)
	from, sign, err := keys.LoadTxSigner(ctx, keys.Source{External: clef.URL, Account: clef.Account.Hex()}, 31337)
	require.NoError(t, err)
	require.Equal(t, clef.Account, from)

	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.From, cfg.Sign = from, sign })
	// A keeper call: clef refuses calldata it cannot decode (without --advanced), so this is real ABI.
	pool, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	data, err := pool.Pack("commitRoot", big.NewInt(1), common.Hash{1}, big.NewInt(2), common.Hash{3}, big.NewInt(4), big.NewInt(6),
		common.Hash{5}, "http://keeper.example/v1/batches/1")
	require.NoError(t, err)
	rc, err := m.Send(ctx, "through clef", txmgr.Candidate{To: target, Data: data})
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	tx, _, err := c.TransactionByHash(ctx, rc.TxHash)
	require.NoError(t, err)
	sender, err := types.Sender(types.LatestSignerForChainID(big.NewInt(31337)), tx)
	require.NoError(t, err)
	require.Equal(t, clef.Account, sender)
	in, err := m.Lookup(ctx, "through clef")
	require.NoError(t, err)
	require.Len(t, clef.Approvals("ui_approveTx"), len(in.Attempts), "every attempt was approved in clef")
}
