package keys

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TxSigner returns key's account and a function signing transactions with it for chainID (EIP-155 and
// later): the shape of a transaction signer whatever holds the key, as keeper/txmgr takes it.
func TxSigner(key *ecdsa.PrivateKey, chainID *big.Int) (common.Address, func(context.Context, *types.Transaction) (*types.Transaction, error)) {
	s := NewKeySigner(key, chainID.Uint64())
	return s.Address(), s.SignTx
}

// LoadTxSigner loads the signer described by src (as LoadSigner does: a keystore, a raw key on a devnet,
// or an external signer such as clef) and returns its account and its transaction signer (see TxSigner).
func LoadTxSigner(ctx context.Context, src Source, chainID uint64) (common.Address, func(context.Context, *types.Transaction) (*types.Transaction, error), error) {
	s, err := LoadSigner(ctx, src, chainID)
	if err != nil {
		return common.Address{}, nil, err
	}
	return s.Address(), s.SignTx, nil
}

// Unsigned returns abigen transaction options that build from's transaction (nonce, gas limit: the
// node's estimate plus GasMarginPercent, fees) and return it unsigned and unsent: show its cost, then sign
// and send it with Send. Building asks no signer, so a dry run or a refused pre-flight check never reaches
// clef's approval. A GasLimit set in the options is kept as it is.
func Unsigned(ctx context.Context, from common.Address) *bind.TransactOpts {
	return WithGasMargin(&bind.TransactOpts{From: from, Context: ctx, NoSend: true,
		Signer: func(_ common.Address, tx *types.Transaction) (*types.Transaction, error) { return tx, nil }})
}

// Send signs tx through s (a key or clef: the one transaction-signing path of every command that sends
// one) and sends it to b; it returns the signed transaction, whose hash is the one mined. Nothing is sent
// when s refuses.
func Send(ctx context.Context, b bind.ContractTransactor, s Signer, tx *types.Transaction) (*types.Transaction, error) {
	signed, err := s.SignTx(ctx, tx)
	if err != nil {
		return nil, err
	}
	if err := b.SendTransaction(ctx, signed); err != nil {
		return nil, fmt.Errorf("send: %w", err)
	}
	return signed, nil
}
