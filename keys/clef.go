package keys

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// ErrExternalSigner wraps what an external signer refused or got wrong: a denied request, an unknown
// account, a signature by another account or over other data.
var ErrExternalSigner = errors.New("keys: external signer")

// Clef signs through clef's external JSON-RPC API (account_signTypedData, account_signTransaction), so
// the key stays in clef, or in the Ledger or Trezor clef fronts; clef asks its user (or its rules file) to
// approve every request. It checks every answer: a typed-data signature must recover to the account over
// the message's EIP-712 digest, a transaction must be the one asked for, signed by the account.
//
// Each signature is a round trip to clef plus its approval: fine for an RFC per session or a keeper
// transaction, slow for a role that signs hundreds of messages a second (see keys/README.md).
type Clef struct {
	rpc     *rpc.Client
	url     string
	account common.Address
	chainID *big.Int
	signer  types.Signer
}

// DialClef connects to clef at url (http(s)://, ws(s):// or an IPC socket path) and signs as account
// (0x-hex), or as the only account clef lists when account is empty (clef asks its user to approve the
// listing). chainID must be the chain clef was started for (--chainid): clef refuses transactions for
// another.
func DialClef(ctx context.Context, url, account string, chainID uint64) (*Clef, error) {
	c, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("%w %s: %w", ErrExternalSigner, url, err)
	}
	var version string
	if err := c.CallContext(ctx, &version, "account_version"); err != nil {
		c.Close()
		return nil, fmt.Errorf("%w %s is not clef (account_version): %w", ErrExternalSigner, url, err)
	}
	id := new(big.Int).SetUint64(chainID)
	s := &Clef{rpc: c, url: url, chainID: id, signer: types.LatestSignerForChainID(id)}
	if account != "" {
		if !common.IsHexAddress(account) {
			c.Close()
			return nil, fmt.Errorf("%w: account %q is not an address", ErrExternalSigner, account)
		}
		s.account = common.HexToAddress(account)
		return s, nil
	}
	var list []common.Address
	if err := c.CallContext(ctx, &list, "account_list"); err != nil {
		c.Close()
		return nil, fmt.Errorf("%w %s: account_list: %w", ErrExternalSigner, url, err)
	}
	if len(list) != 1 {
		c.Close()
		return nil, fmt.Errorf("%w %s lists %d accounts: name the one to use", ErrExternalSigner, url, len(list))
	}
	s.account = list[0]
	return s, nil
}

// Address returns the account clef signs as.
func (c *Clef) Address() common.Address { return c.account }

// URL returns clef's endpoint.
func (c *Clef) URL() string { return c.url }

// Close closes the connection.
func (c *Clef) Close() { c.rpc.Close() }

// SignTyped asks clef to sign m under d (account_signTypedData with m's eth_signTypedData_v4 document)
// and checks that the signature is the account's over d.Digest(m).
func (c *Clef) SignTyped(ctx context.Context, d *eip712.Domain, m eip712.Message) (eip712.Signature, error) {
	doc, err := d.TypedData(m)
	if err != nil {
		return eip712.Signature{}, fmt.Errorf("keys: typed data: %w", err)
	}
	return c.signTypedDoc(ctx, d.Digest(m), doc)
}

// SignTypedData asks clef to sign td (account_signTypedData) and checks that the signature is the
// account's over td's EIP-712 digest, computed here.
func (c *Clef) SignTypedData(ctx context.Context, td apitypes.TypedData) (eip712.Signature, error) {
	digest, doc, err := typedDataHash(td)
	if err != nil {
		return eip712.Signature{}, err
	}
	return c.signTypedDoc(ctx, digest, doc)
}

// signTypedDoc sends doc to account_signTypedData and checks that the answer is the account's signature
// over digest, returned with V in {27, 28}.
func (c *Clef) signTypedDoc(ctx context.Context, digest common.Hash, doc json.RawMessage) (eip712.Signature, error) {
	var sig eip712.Signature
	var out hexutil.Bytes
	if err := c.rpc.CallContext(ctx, &out, "account_signTypedData", common.NewMixedcaseAddress(c.account), doc); err != nil {
		return sig, fmt.Errorf("%w: account_signTypedData: %w", ErrExternalSigner, err)
	}
	if len(out) != eip712.SignatureLength {
		return sig, fmt.Errorf("%w: account_signTypedData returned %d bytes", ErrExternalSigner, len(out))
	}
	copy(sig[:], out)
	if sig[64] < 27 {
		sig[64] += 27
	}
	from, err := eip712.Recover(digest, sig[:])
	if err != nil {
		return sig, fmt.Errorf("%w: account_signTypedData: %w", ErrExternalSigner, err)
	}
	if from != c.account {
		return sig, fmt.Errorf("%w: account_signTypedData: signed by %s over our digest, want %s (other data signed?)", ErrExternalSigner, from, c.account)
	}
	return sig, nil
}

// SignTx asks clef to sign tx (account_signTransaction) and checks that the answer is tx, for this
// chain, signed by the account. Legacy, access-list and EIP-1559 transactions are supported. A call to a
// Lake Travis contract goes with its method signature, which clef shows and checks the data against;
// clef refuses (unless --advanced) other data its 4byte database does not know.
func (c *Clef) SignTx(ctx context.Context, tx *types.Transaction) (*types.Transaction, error) {
	data := hexutil.Bytes(tx.Data())
	args := apitypes.SendTxArgs{
		From:    common.NewMixedcaseAddress(c.account),
		Gas:     hexutil.Uint64(tx.Gas()),
		Value:   hexutil.Big(*tx.Value()),
		Nonce:   hexutil.Uint64(tx.Nonce()),
		Input:   &data,
		ChainID: (*hexutil.Big)(c.chainID),
	}
	if to := tx.To(); to != nil {
		m := common.NewMixedcaseAddress(*to)
		args.To = &m
	}
	switch tx.Type() {
	case types.LegacyTxType:
		args.GasPrice = (*hexutil.Big)(tx.GasPrice())
	case types.AccessListTxType:
		args.GasPrice = (*hexutil.Big)(tx.GasPrice())
		al := tx.AccessList()
		args.AccessList = &al
	case types.DynamicFeeTxType:
		args.MaxFeePerGas = (*hexutil.Big)(tx.GasFeeCap())
		args.MaxPriorityFeePerGas = (*hexutil.Big)(tx.GasTipCap())
		al := tx.AccessList()
		args.AccessList = &al
	default:
		return nil, fmt.Errorf("%w: transaction type %d is not supported", ErrExternalSigner, tx.Type())
	}
	if id := tx.ChainId(); id.Sign() != 0 && id.Cmp(c.chainID) != 0 {
		return nil, fmt.Errorf("%w: transaction for chain %s, signer for chain %s", ErrExternalSigner, id, c.chainID)
	}
	var res struct {
		Raw hexutil.Bytes `json:"raw"`
	}
	params := []any{args}
	if sig := methodSignature(tx.Data()); sig != "" {
		params = append(params, sig)
	}
	if err := c.rpc.CallContext(ctx, &res, "account_signTransaction", params...); err != nil {
		return nil, fmt.Errorf("%w: account_signTransaction: %w", ErrExternalSigner, err)
	}
	signed := new(types.Transaction)
	if err := signed.UnmarshalBinary(res.Raw); err != nil {
		return nil, fmt.Errorf("%w: account_signTransaction: %w", ErrExternalSigner, err)
	}
	if c.signer.Hash(signed) != c.signer.Hash(tx) {
		return nil, fmt.Errorf("%w: account_signTransaction returned another transaction (approved with changes?)", ErrExternalSigner)
	}
	if from, err := types.Sender(c.signer, signed); err != nil || from != c.account {
		return nil, fmt.Errorf("%w: transaction signed by %s, want %s (%v)", ErrExternalSigner, from, c.account, err)
	}
	return signed, nil
}
