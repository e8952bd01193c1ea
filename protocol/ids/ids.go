// Package ids holds the on-chain identifiers every role computes (PROTOCOL §5): a model's id,
// keccak256(bytes("name:tag")) as the ModelRegistry stores it, a builder's commitment to claim a new name,
// and the AccessControl role ids of the Marketplace and ComputePool, keccak256 of the role's name as the
// contracts declare them.
package ids

import (
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ModelID returns the id of the model "name:tag" (nameTag is not checked: client.ParseModel checks it).
func ModelID(nameTag string) common.Hash { return crypto.Keccak256Hash([]byte(nameTag)) }

// NameCommitment is the ModelRegistry's nameCommitment(name, builder, salt): keccak256(abi.encode(name,
// builder, salt)), the hash a builder commits (commitName) before claiming a new name with register. It is
// computed here, not by a call to the registry, so that the name reaches no node before the reveal.
func NameCommitment(name string, builder common.Address, salt [32]byte) common.Hash {
	enc, err := nameCommitmentArgs.Pack(name, builder, salt)
	if err != nil {
		panic("ids: abi.encode(string, address, bytes32): " + err.Error()) // the types are fixed: never
	}
	return crypto.Keccak256Hash(enc)
}

// nameCommitmentArgs is abi.encode's (string, address, bytes32).
var nameCommitmentArgs = func() abi.Arguments {
	var args abi.Arguments
	for _, t := range []string{"string", "address", "bytes32"} {
		typ, err := abi.NewType(t, "", nil)
		if err != nil {
			panic(err)
		}
		args = append(args, abi.Argument{Type: typ})
	}
	return args
}()

// Role ids (keccak256 of the role's name).
var (
	RouterRole   = crypto.Keccak256Hash([]byte("ROUTER_ROLE"))   // Marketplace: signs session tickets
	KeeperRole   = crypto.Keccak256Hash([]byte("KEEPER_ROLE"))   // ComputePool: commits epoch roots
	GuardianRole = crypto.Keccak256Hash([]byte("GUARDIAN_ROLE")) // vetoes roots, slashes
)
