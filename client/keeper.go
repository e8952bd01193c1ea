package client

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/wire"
)

// SpendProof asks a keeper for user's withdrawal proof (GET {keeper}/v1/spend/{user}): its cumulative
// spend from its deposit in the newest claimable spend root, the arguments of ComputePool.withdraw.
func SpendProof(ctx context.Context, keeper string, user common.Address) (*wire.SpendProof, error) {
	var p wire.SpendProof
	if err := wire.GetJSON(ctx, keeper, "/v1/spend/"+user.Hex(), &p); err != nil {
		return nil, fmt.Errorf("keeper: %w", err)
	}
	if p.CumulativeSpent == nil {
		return nil, fmt.Errorf("keeper answer: no cumulativeSpent")
	}
	return &p, nil
}

// SpendProofArgs is user's spend and proof in the newest claimable spend root as ComputePool.requestWithdrawal
// and ComputePool.withdraw take them, from the keeper (SpendProof). A user without a leaf (404 not_found)
// proves 0 with no proof: its deposit rose from zero after that epoch was committed, and the pool takes its
// spend as 0 (it reverts InvalidSpendProof otherwise).
func SpendProofArgs(ctx context.Context, keeper string, user common.Address) (*big.Int, [][32]byte, error) {
	sp, err := SpendProof(ctx, keeper, user)
	var werr *wire.Error
	if errors.As(err, &werr) && werr.Code == wire.CodeNotFound {
		return new(big.Int), nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	proof := make([][32]byte, len(sp.Proof))
	for i := range sp.Proof {
		proof[i] = sp.Proof[i]
	}
	return sp.CumulativeSpent.ToBig(), proof, nil
}
