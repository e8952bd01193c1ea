package keys_test

import (
	"context"
	"encoding/json"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keys"
)

// TestGasMargin: on a real anvil with the contracts deployed, the transactions the CLIs build
// (keys.Unsigned, legacy and EIP-1559) and those the devnet helpers send (devnet.Transactor, Market.Send,
// the path of every on-chain action in the keeper's, router's and provider's integration tests) carry a gas
// limit of exactly estimate*6/5, estimate being eth_estimateGas of the same call on the same state; a gas
// limit the caller sets is kept as it is. A bare estimate can be too low by the time the transaction is
// mined (a slot going from zero to nonzero, a day boundary): it is then mined reverted out of gas.
func TestGasMargin(t *testing.T) {
	c := devnettest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	key := c.NewKey() // ETH for gas, no MOR
	from := crypto.PubkeyToAddress(key.PublicKey)
	poolAddr := c.Addr("ComputePool")
	requireMargin := func(tx *types.Transaction) {
		t.Helper()
		est, err := c.Client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: tx.To(), Value: tx.Value(), Data: tx.Data()})
		require.NoError(t, err)
		require.Equal(t, est*6/5, tx.Gas(), "gas limit %d over an estimate of %d", tx.Gas(), est)
		require.Equal(t, keys.GasLimit(est), tx.Gas())
	}

	// keys.Unsigned: an EIP-1559 transaction (anvil has a base fee) and, with a gas price, a legacy one.
	tx, err := c.Token.Approve(keys.Unsigned(ctx, from), poolAddr, big.NewInt(1)) // allowance zero -> nonzero
	require.NoError(t, err)
	require.Equal(t, uint8(types.DynamicFeeTxType), tx.Type())
	requireMargin(tx)
	opts := keys.Unsigned(ctx, from)
	opts.GasPrice = big.NewInt(2_000_000_000)
	tx, err = c.Token.Approve(opts, poolAddr, big.NewInt(1))
	require.NoError(t, err)
	require.Equal(t, uint8(types.LegacyTxType), tx.Type())
	requireMargin(tx)
	opts = keys.Unsigned(ctx, from)
	opts.GasLimit = 77_777
	tx, err = c.Token.Approve(opts, poolAddr, big.NewInt(1))
	require.NoError(t, err)
	require.Equal(t, uint64(77_777), tx.Gas(), "a gas limit the caller sets")

	// devnet.Transactor: built (not sent) and signed by the key.
	opts = devnet.Transactor(ctx, key, c.ChainID)
	opts.NoSend = true
	tx, err = c.Token.Approve(opts, poolAddr, big.NewInt(1))
	require.NoError(t, err)
	requireMargin(tx)
	signer, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
	require.NoError(t, err)
	require.Equal(t, from, signer)

	// Market.Send: mined with the margin over the estimate on the block before its own.
	rc, err := c.Market.Send(ctx, key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return c.Token.Approve(o, poolAddr, big.NewInt(1))
	})
	require.NoError(t, err)
	devnettest.RequireGasMargin(t, ctx, c.Anvil.URL, rc.TxHash)
}

// TestWithGasMarginTxTypes: keys.WithGasMargin raises the gas of every transaction type abigen builds
// (legacy, EIP-2930, EIP-1559) by keys.GasMarginPercent and changes nothing else; a type it does not know
// (a blob transaction) is refused, not sent with the bare estimate.
func TestWithGasMarginTxTypes(t *testing.T) {
	to := common.Address{0xaa}
	acl := types.AccessList{{Address: to, StorageKeys: []common.Hash{{1}}}}
	for _, in := range []types.TxData{
		&types.LegacyTx{Nonce: 3, GasPrice: big.NewInt(7), Gas: 100_003, To: &to, Value: big.NewInt(5), Data: []byte{1, 2}},
		&types.AccessListTx{ChainID: big.NewInt(31337), Nonce: 3, GasPrice: big.NewInt(7), Gas: 100_003, To: &to,
			Value: big.NewInt(5), Data: []byte{1, 2}, AccessList: acl},
		&types.DynamicFeeTx{ChainID: big.NewInt(31337), Nonce: 3, GasTipCap: big.NewInt(2), GasFeeCap: big.NewInt(9),
			Gas: 100_003, To: &to, Value: big.NewInt(5), Data: []byte{1, 2}, AccessList: acl},
	} {
		var signed *types.Transaction
		opts := keys.WithGasMargin(&bind.TransactOpts{Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
			signed = tx
			return tx, nil
		}})
		tx := types.NewTx(in)
		_, err := opts.Signer(common.Address{}, tx)
		require.NoError(t, err)
		require.Equal(t, uint64(120_003), signed.Gas(), "type %d", tx.Type())
		require.Equal(t, withoutGas(t, tx), withoutGas(t, signed), "type %d: only the gas changes", tx.Type())
	}
	opts := keys.WithGasMargin(&bind.TransactOpts{Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) {
		return tx, nil
	}})
	_, err := opts.Signer(common.Address{}, types.NewTx(&types.BlobTx{ChainID: uint256.NewInt(1), Gas: 100_000}))
	require.Error(t, err)
}

// withoutGas is tx's JSON fields but its gas and hash.
func withoutGas(t *testing.T, tx *types.Transaction) map[string]any {
	t.Helper()
	raw, err := tx.MarshalJSON()
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	delete(m, "gas")
	delete(m, "hash")
	return m
}
