package keys

import (
	"context"
	"crypto/ecdsa"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// TypedSigner is an account that signs EIP-712 messages: what the roles that sign no transaction with
// their key take (the user's RFCs, the router's tickets, the provider signer's liveness and receipts).
type TypedSigner interface {
	// Address is the signing account.
	Address() common.Address
	// SignTyped signs m under d (eth_signTypedData_v4): V in {27, 28}, low S.
	SignTyped(ctx context.Context, d *eip712.Domain, m eip712.Message) (eip712.Signature, error)
}

// Signer is an account that signs EIP-712 messages and transactions for one chain: a key held in this
// process (KeySigner) or an external signer that never hands the key out (Clef, which also fronts Ledger
// and Trezor).
type Signer interface {
	TypedSigner
	// SignTypedData signs td, typed data of any EIP-712 domain (an ERC-2612 permit of the MOR token):
	// [R || S || V], V in {27, 28}, recovering to Address over td's digest.
	SignTypedData(ctx context.Context, td apitypes.TypedData) (eip712.Signature, error)
	// SignTx signs tx for the signer's chain (EIP-155 and later) and returns the signed transaction.
	SignTx(ctx context.Context, tx *types.Transaction) (*types.Transaction, error)
}

// KeySigner signs with a private key held in memory.
type KeySigner struct {
	key    *ecdsa.PrivateKey
	addr   common.Address
	signer types.Signer
}

// NewKeySigner returns a Signer for key on chain chainID.
func NewKeySigner(key *ecdsa.PrivateKey, chainID uint64) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey), signer: types.LatestSignerForChainID(new(big.Int).SetUint64(chainID))}
}

// Address returns the key's account.
func (k *KeySigner) Address() common.Address { return k.addr }

// Key returns the private key, for the hot paths that sign with it directly.
func (k *KeySigner) Key() *ecdsa.PrivateKey { return k.key }

// SignTyped signs m under d with the key.
func (k *KeySigner) SignTyped(_ context.Context, d *eip712.Domain, m eip712.Message) (eip712.Signature, error) {
	return d.Sign(m, k.key)
}

// SignTypedData signs td with the key.
func (k *KeySigner) SignTypedData(_ context.Context, td apitypes.TypedData) (eip712.Signature, error) {
	digest, _, err := typedDataHash(td)
	if err != nil {
		return eip712.Signature{}, err
	}
	return eip712.Sign(digest, k.key)
}

// SignTx signs tx with the key.
func (k *KeySigner) SignTx(_ context.Context, tx *types.Transaction) (*types.Transaction, error) {
	return types.SignTx(tx, k.signer, k.key)
}

// LoadSigner returns the signer described by src for chain chainID: the external signer at src.External
// (see DialClef) when it is set, else the key Load returns.
func LoadSigner(ctx context.Context, src Source, chainID uint64) (Signer, error) {
	if src.External != "" {
		return DialClef(ctx, src.External, src.Account, chainID)
	}
	key, err := Load(src, chainID)
	if err != nil {
		return nil, err
	}
	return NewKeySigner(key, chainID), nil
}
