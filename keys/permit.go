package keys

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/laketravis/laketravis/bindings/mortoken"
)

// Permit is an ERC-2612 permit: owner lets spender take value of the token until deadline (unix
// seconds); nonce is the owner's current nonces(owner) on the token.
type Permit struct {
	Owner, Spender         common.Address
	Value, Nonce, Deadline *big.Int
}

// PermitDomain is the token's own EIP-712 domain (ERC-5267 eip712Domain()), not the Lake Travis one.
type PermitDomain struct {
	Name, Version     string
	ChainID           *big.Int
	VerifyingContract common.Address
}

// TypedData returns p under d as the eth_signTypedData_v4 document a wallet signs: the exact ERC-2612
// Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline) struct.
func (p Permit) TypedData(d PermitDomain) apitypes.TypedData {
	return apitypes.TypedData{
		Types: apitypes.Types{
			"EIP712Domain": {{Name: "name", Type: "string"}, {Name: "version", Type: "string"}, {Name: "chainId", Type: "uint256"},
				{Name: "verifyingContract", Type: "address"}},
			"Permit": {{Name: "owner", Type: "address"}, {Name: "spender", Type: "address"}, {Name: "value", Type: "uint256"},
				{Name: "nonce", Type: "uint256"}, {Name: "deadline", Type: "uint256"}},
		},
		PrimaryType: "Permit",
		Domain: apitypes.TypedDataDomain{Name: d.Name, Version: d.Version, ChainId: (*math.HexOrDecimal256)(d.ChainID),
			VerifyingContract: d.VerifyingContract.Hex()},
		Message: apitypes.TypedDataMessage{"owner": p.Owner.Hex(), "spender": p.Spender.Hex(), "value": p.Value.String(),
			"nonce": p.Nonce.String(), "deadline": p.Deadline.String()},
	}
}

// SignPermit signs, through s (a key or clef), the permit letting spender take value of the MOR token
// at token from s's account until deadline: it reads the token's EIP-712 domain and s's nonce, checks
// that the domain it builds hashes to the token's DOMAIN_SEPARATOR (so the signature is one the token
// accepts), and returns the signature split as permit() takes it.
func SignPermit(ctx context.Context, s Signer, token *mortoken.MORToken, spender common.Address, value, deadline *big.Int) (v uint8, r, ss [32]byte, err error) {
	call := &bind.CallOpts{Context: ctx}
	dom, err := token.Eip712Domain(call)
	if err != nil {
		return 0, r, ss, fmt.Errorf("permit: MORToken.eip712Domain: %w", err)
	}
	nonce, err := token.Nonces(call, s.Address())
	if err != nil {
		return 0, r, ss, fmt.Errorf("permit: MORToken.nonces: %w", err)
	}
	sep, err := token.DOMAINSEPARATOR(call)
	if err != nil {
		return 0, r, ss, fmt.Errorf("permit: MORToken.DOMAIN_SEPARATOR: %w", err)
	}
	td := Permit{Owner: s.Address(), Spender: spender, Value: value, Nonce: nonce, Deadline: deadline}.TypedData(
		PermitDomain{Name: dom.Name, Version: dom.Version, ChainID: dom.ChainId, VerifyingContract: dom.VerifyingContract})
	mine, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	if err != nil {
		return 0, r, ss, fmt.Errorf("permit: domain: %w", err)
	}
	if common.BytesToHash(mine) != common.Hash(sep) {
		return 0, r, ss, fmt.Errorf("permit: the token's eip712Domain() hashes to %x, its DOMAIN_SEPARATOR is %x", mine, sep)
	}
	sig, err := s.SignTypedData(ctx, td)
	if err != nil {
		return 0, r, ss, fmt.Errorf("permit: %w", err)
	}
	copy(r[:], sig[:32])
	copy(ss[:], sig[32:64])
	return sig[64], r, ss, nil
}

// typedDataHash returns td's EIP-712 digest and its eth_signTypedData_v4 JSON document.
func typedDataHash(td apitypes.TypedData) (common.Hash, json.RawMessage, error) {
	hash, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return common.Hash{}, nil, fmt.Errorf("keys: typed data: %w", err)
	}
	doc, err := json.Marshal(td)
	if err != nil {
		return common.Hash{}, nil, fmt.Errorf("keys: typed data: %w", err)
	}
	return common.BytesToHash(hash), doc, nil
}
