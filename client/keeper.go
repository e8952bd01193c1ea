package client

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"

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
	if len(p.Proof) > MaxProofDepth {
		// The pool ignores a proof while no spend root counts (none claimable, a zero root, an epoch read
		// before the deposit), so a hostile keeper's thousands of hashes would be sent, and paid for, as is.
		return nil, fmt.Errorf("keeper answer: a proof of %d hashes, deeper than any tree (%d): refused, nothing sent", len(p.Proof), MaxProofDepth)
	}
	return &p, nil
}

// MaxProofDepth bounds a spend proof: a tree of fewer than 2^64 leaves is never deeper.
const MaxProofDepth = 64

// SpendArgs is user's spend and proof in the newest claimable spend root as ComputePool.requestWithdrawal
// and ComputePool.withdraw take them, and the epoch the keeper proved them in.
type SpendArgs struct {
	Spent *big.Int
	Proof [][32]byte
	// Epoch is the claimable epoch the keeper answered for; nil when it named none (it knows no claimable
	// epoch, or user has no leaf in it: 404 not_found).
	Epoch *uint64
}

// Same reports whether a and b are the same spend and proof (the same transaction arguments).
func (a *SpendArgs) Same(b *SpendArgs) bool {
	return a.Spent.Cmp(b.Spent) == 0 && slices.Equal(a.Proof, b.Proof)
}

// SpendProofArgs is user's spend and proof in the newest claimable spend root, from the keeper (SpendProof).
// A user without a leaf (404 not_found) proves 0 with no proof: its deposit rose from zero after that epoch
// was committed, and the pool takes its spend as 0 (it reverts InvalidSpendProof otherwise).
func SpendProofArgs(ctx context.Context, keeper string, user common.Address) (*SpendArgs, error) {
	sp, err := SpendProof(ctx, keeper, user)
	var werr *wire.Error
	if errors.As(err, &werr) && werr.Code == wire.CodeNotFound {
		return &SpendArgs{Spent: new(big.Int)}, nil
	}
	if err != nil {
		return nil, err
	}
	a := &SpendArgs{Spent: sp.CumulativeSpent.ToBig(), Proof: make([][32]byte, len(sp.Proof))}
	for i := range sp.Proof {
		a.Proof[i] = sp.Proof[i]
	}
	if sp.Claimable {
		a.Epoch = &sp.Epoch
	}
	return a, nil
}
