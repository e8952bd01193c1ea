package keys

import (
	"context"
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
)

// TxSigner returns key's account and a function signing transactions with it for chainID (EIP-155 and
// later): the shape of a transaction signer whatever holds the key (a keystore here; clef, a KMS or a
// hardware wallet fit the same function), as keeper/txmgr takes it.
func TxSigner(key *ecdsa.PrivateKey, chainID *big.Int) (common.Address, func(context.Context, *types.Transaction) (*types.Transaction, error)) {
	signer := types.LatestSignerForChainID(chainID)
	return crypto.PubkeyToAddress(key.PublicKey), func(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
		return types.SignTx(tx, signer, key)
	}
}

// LoadTxSigner loads the key described by src (as Load does: a keystore, or a raw key on a devnet) and
// returns its account and a transaction signer for chainID (see TxSigner).
func LoadTxSigner(src Source, chainID uint64) (common.Address, func(context.Context, *types.Transaction) (*types.Transaction, error), error) {
	key, err := Load(src, chainID)
	if err != nil {
		return common.Address{}, nil, err
	}
	from, sign := TxSigner(key, new(big.Int).SetUint64(chainID))
	return from, sign, nil
}
