package keys_test

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keys"
)

// TestMine sends through the one path (keys.Unsigned, keys.Send, keys.Mine) on a real anvil with the
// contracts deployed: a transaction that succeeds comes back with its receipt; one that reverts comes back
// with its receipt and a *keys.RevertError naming the transaction, its block and the token's custom error;
// one never mined ends with the context.
func TestMine(t *testing.T) {
	c := devnettest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s := keys.NewKeySigner(c.NewKey(), c.ChainID) // ETH for gas, no MOR
	poolAddr := c.Addr("ComputePool")

	tx, err := c.Token.Approve(keys.Unsigned(ctx, s.Address()), poolAddr, big.NewInt(1))
	require.NoError(t, err)
	tx, err = keys.Send(ctx, c.Client, s, tx)
	require.NoError(t, err)
	rc, err := keys.Mine(ctx, c.Client, tx)
	require.NoError(t, err)
	require.Equal(t, types.ReceiptStatusSuccessful, rc.Status)
	require.Equal(t, tx.Hash(), rc.TxHash)

	// A transfer of MOR the account does not hold: the gas estimate already refuses it, decoded...
	_, err = c.Token.Transfer(keys.Unsigned(ctx, s.Address()), poolAddr, devnet.MOR(1))
	err = keys.DecodeRevert(err)
	var rev *keys.RevertError
	require.ErrorAs(t, err, &rev)
	require.Equal(t, "ERC20InsufficientBalance", rev.Name)
	require.Equal(t, fmt.Sprint([]any{s.Address(), 0, devnet.MOR(1)}), fmt.Sprint(rev.Args)) // sender, balance, needed

	// ...and sent anyway with a fixed gas limit, it is mined and reverts.
	opts := keys.Unsigned(ctx, s.Address())
	opts.GasLimit = 100_000
	tx, err = c.Token.Transfer(opts, poolAddr, devnet.MOR(1))
	require.NoError(t, err)
	tx, err = keys.Send(ctx, c.Client, s, tx)
	require.NoError(t, err)
	rc, err = keys.Mine(ctx, c.Client, tx)
	require.ErrorIs(t, err, keys.ErrReverted)
	require.NotNil(t, rc)
	require.Equal(t, types.ReceiptStatusFailed, rc.Status)
	rev = nil
	require.True(t, errors.As(err, &rev))
	require.Equal(t, tx.Hash(), rev.Tx)
	require.Equal(t, rc.BlockNumber.Uint64(), rev.Block)
	require.Equal(t, "ERC20InsufficientBalance", rev.Name)
	require.Contains(t, err.Error(), tx.Hash().Hex())
	require.Contains(t, err.Error(), "ERC20InsufficientBalance(")

	// Not a revert: returned as it is.
	plain := errors.New("connection refused")
	require.Same(t, plain, keys.DecodeRevert(plain))
	require.NoError(t, keys.DecodeRevert(nil))
	// A transaction never sent is never mined: Mine ends with its context, naming the hash.
	tx, err = c.Token.Approve(keys.Unsigned(ctx, s.Address()), poolAddr, big.NewInt(2))
	require.NoError(t, err)
	signed, err := s.SignTx(ctx, tx)
	require.NoError(t, err)
	short, cancelShort := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancelShort()
	_, err = keys.Mine(short, c.Client, signed)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	require.Contains(t, err.Error(), signed.Hash().Hex())
}
