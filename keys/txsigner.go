package keys

import (
	"context"
	"crypto/ecdsa"
	"math/big"

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
