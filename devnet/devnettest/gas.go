package devnettest

import (
	"context"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"
)

// RequireGasMargin fails the test unless the mined transaction hash, on the chain at rpcURL, carries the
// gas margin every Lake Travis transaction carries (keys.GasMarginPercent): a gas limit of exactly
// estimate*6/5, estimate being the node's eth_estimateGas of the same call (sender, target, value, data)
// on the state the transaction was built on, the block before its own (anvil mines each transaction in a
// block of its own). It returns the estimate.
func RequireGasMargin(t testing.TB, ctx context.Context, rpcURL string, hash common.Hash) uint64 {
	t.Helper()
	c, err := ethclient.DialContext(ctx, rpcURL)
	require.NoError(t, err)
	defer c.Close()
	tx, pending, err := c.TransactionByHash(ctx, hash)
	require.NoError(t, err)
	require.False(t, pending, "%s is mined", hash)
	rc, err := c.TransactionReceipt(ctx, hash)
	require.NoError(t, err)
	from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	require.NoError(t, err)
	estimate, err := c.EstimateGasAtBlock(ctx, ethereum.CallMsg{From: from, To: tx.To(), Value: tx.Value(), Data: tx.Data()},
		new(big.Int).Sub(rc.BlockNumber, big.NewInt(1)))
	require.NoError(t, err)
	require.Equal(t, estimate*6/5, tx.Gas(), "%s: gas limit %d over an estimate of %d, want the estimate plus 20%%", hash, tx.Gas(), estimate)
	return estimate
}
