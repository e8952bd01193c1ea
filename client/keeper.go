package client

import (
	"context"
	"fmt"

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
