// Package ids holds the on-chain identifiers every role computes (PROTOCOL §5): a model's id,
// keccak256(bytes("name:tag")) as the ModelRegistry stores it, a builder's commitment to claim a new name,
// and the AccessControl role ids of the Marketplace and ComputePool, keccak256 of the role's name as the
// contracts declare them.
package ids

import (
	"encoding/binary"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ModelID returns the id of the model "name:tag" (nameTag is not checked: client.ParseModel checks it).
func ModelID(nameTag string) common.Hash { return crypto.Keccak256Hash([]byte(nameTag)) }

// NameCommitment is the ModelRegistry's nameCommitment(name, builder, salt): keccak256(abi.encode(name,
// builder, salt)), the hash a builder commits (commitName) before claiming a new name with register. It is
// computed here, not by a call to the registry, so that the name reaches no node before the reveal.
func NameCommitment(name string, builder common.Address, salt [32]byte) common.Hash {
	// abi.encode(string, address, bytes32): the string's offset (3 words), the address and the salt, then
	// the string's length and its bytes padded to whole words.
	n := len(name)
	enc := make([]byte, 4*32+(n+31)/32*32)
	enc[31] = 3 * 32
	copy(enc[32+12:64], builder[:])
	copy(enc[64:96], salt[:])
	binary.BigEndian.PutUint64(enc[96+24:128], uint64(n))
	copy(enc[128:], name)
	return crypto.Keccak256Hash(enc)
}

// Role ids (keccak256 of the role's name).
var (
	RouterRole   = crypto.Keccak256Hash([]byte("ROUTER_ROLE"))   // Marketplace: signs session tickets
	KeeperRole   = crypto.Keccak256Hash([]byte("KEEPER_ROLE"))   // ComputePool: commits epoch roots
	GuardianRole = crypto.Keccak256Hash([]byte("GUARDIAN_ROLE")) // vetoes roots, slashes
)
