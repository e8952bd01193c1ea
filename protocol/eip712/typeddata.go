package eip712

import (
	"encoding/json"
)

// TypeField is one entry of an EIP-712 "types" list.
type TypeField struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// typedDomain is the "domain" object of a typed-data document.
type typedDomain struct {
	Name              string `json:"name"`
	Version           string `json:"version"`
	ChainID           uint64 `json:"chainId"`
	VerifyingContract string `json:"verifyingContract"`
}

// typedDataDocument is the eth_signTypedData_v4 parameter.
type typedDataDocument struct {
	Types       map[string][]TypeField `json:"types"`
	PrimaryType string                 `json:"primaryType"`
	Domain      typedDomain            `json:"domain"`
	Message     json.RawMessage        `json:"message"`
}

// Types returns the EIP-712 "types" of m: its fields in type-string order.
func Types(m Message) []TypeField {
	fs := m.fields()
	out := make([]TypeField, len(fs))
	for i, f := range fs {
		out[i] = TypeField{Name: f.name, Type: f.typ}
	}
	return out
}

// domainTypes is the EIP712Domain type list matching DomainType.
func domainTypes() []TypeField {
	return []TypeField{
		{Name: "name", Type: "string"},
		{Name: "version", Type: "string"},
		{Name: "chainId", Type: "uint256"},
		{Name: "verifyingContract", Type: "address"},
	}
}

// TypedData returns the eth_signTypedData_v4 JSON document for m under d:
//
//	{"types": {"EIP712Domain": [...], "<PrimaryType>": [...]}, "primaryType": "...",
//	 "domain": {"name": "LakeTravis", "version": "2", "chainId": <number>, "verifyingContract": "0x..."},
//	 "message": <m in its wire form>}
//
// A wallet (MetaMask's eth_signTypedData_v4, `cast wallet sign --data`) signing it produces a signature
// over exactly d.Digest(m). EIP712Domain is listed explicitly because wallets hash the domain with the
// listed type. Integers in the message are decimal strings, so uint64 and uint256 values survive
// JavaScript's 53-bit numbers.
func (d *Domain) TypedData(m Message) ([]byte, error) {
	return json.Marshal(typedDataDocument{
		Types: map[string][]TypeField{
			"EIP712Domain":  domainTypes(),
			m.PrimaryType(): Types(m),
		},
		PrimaryType: m.PrimaryType(),
		Domain: typedDomain{
			Name:              DomainName,
			Version:           DomainVersion,
			ChainID:           d.chainID,
			VerifyingContract: d.verifyingContract.Hex(),
		},
		Message: marshalMessage(m),
	})
}
