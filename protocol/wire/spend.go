package wire

import (
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// SpendProof is the keeper's answer to GET /v1/spend/{user} (PROTOCOL §4 "Paid usage"): the user's
// cumulative spend from its deposit in the spend tree of the newest claimable epoch on-chain (the root
// ComputePool.withdraw checks) and its StandardMerkleTree proof: the arguments of withdraw. Claimable is
// false while no epoch is claimable, and SpendRoot zero while that epoch spent nothing: withdraw then
// ignores the proof and takes the spend as 0, and so does this answer (CumulativeSpent 0, no proof).
type SpendProof struct {
	User            common.Address `json:"user"`
	CumulativeSpent *uint256.Int   `json:"cumulativeSpent"`
	Proof           []common.Hash  `json:"proof"`
	Claimable       bool           `json:"claimable"`
	Epoch           uint64         `json:"epoch,string"`
	SpendRoot       common.Hash    `json:"spendRoot"`
}
