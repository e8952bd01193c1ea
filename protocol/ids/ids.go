// Package ids holds the on-chain identifiers every role computes (PROTOCOL §5): a model's id,
// keccak256(bytes("name:tag")) as the ModelRegistry stores it, and the AccessControl role ids of the
// Marketplace and ComputePool, keccak256 of the role's name as the contracts declare them.
package ids

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ModelID returns the id of the model "name:tag" (nameTag is not checked: client.ParseModel checks it).
func ModelID(nameTag string) common.Hash { return crypto.Keccak256Hash([]byte(nameTag)) }

// Role ids (keccak256 of the role's name).
var (
	RouterRole   = crypto.Keccak256Hash([]byte("ROUTER_ROLE"))   // Marketplace: signs session tickets
	KeeperRole   = crypto.Keccak256Hash([]byte("KEEPER_ROLE"))   // ComputePool: commits epoch roots
	GuardianRole = crypto.Keccak256Hash([]byte("GUARDIAN_ROLE")) // vetoes roots, slashes
)
