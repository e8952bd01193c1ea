package ledger

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// claims pays, with one claimMany, the accounts of the newest claimable epoch whose unclaimed amount is at
// least the threshold (largest first, at most MaxClaimBatch). Older epochs still marked todo are skipped:
// claims are cumulative, so paying against the newest root covers them. The intent is named after the
// epoch row, so a restart resumes the same transaction.
func (l *Ledger) claims(ctx context.Context) error {
	if !l.cfg.ClaimsEnabled {
		return nil
	}
	newest, err := l.NewestClaimable(ctx)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := l.store.ReplaceClaims(ctx, newest.ID, ClaimsTodo, ClaimsSkipped); err != nil {
		return err
	}
	if newest.Claims != ClaimsTodo {
		return nil
	}
	if n, ok, err := l.pool.Claimable(ctx); err != nil || !ok || n != newest.Number {
		return err // a newer root is claimable on-chain: wait until the ledger marks it
	}
	intent := fmt.Sprintf("claims:%d:%s", newest.Number, newest.Root.Hex())
	sent, err := l.lookupIntent(ctx, intent)
	if err != nil {
		return err
	}
	if !sent {
		leaves, err := l.Leaves(ctx, newest.ID)
		if err != nil {
			return err
		}
		type due struct {
			leaf   Leaf
			amount uint256.Int
		}
		var list []due
		for _, lf := range leaves {
			c, err := l.pool.Claimed(ctx, lf.Account)
			if err != nil {
				return err
			}
			if lf.Amount.Gt(c) {
				var d due
				d.leaf = lf
				d.amount.Sub(lf.Amount, c)
				if !d.amount.Lt(&l.cfg.ClaimThreshold) {
					list = append(list, d)
				}
			}
		}
		if len(list) == 0 {
			return l.setClaims(ctx, newest.ID, ClaimsSkipped)
		}
		slices.SortFunc(list, func(a, b due) int { return b.amount.Cmp(&a.amount) })
		if len(list) > l.cfg.MaxClaimBatch {
			list = list[:l.cfg.MaxClaimBatch]
		}
		entries := make([]merkle.Entry, len(leaves))
		for i, lf := range leaves {
			entries[i] = merkle.Entry{Account: lf.Account, Amount: *lf.Amount}
		}
		tree, err := merkle.Build(entries)
		if err != nil {
			return err
		}
		accounts := make([]common.Address, len(list))
		amounts := make([]*uint256.Int, len(list))
		proofs := make([][]common.Hash, len(list))
		for i, d := range list {
			accounts[i], amounts[i] = d.leaf.Account, d.leaf.Amount
			if proofs[i], _, err = tree.Proof(d.leaf.Account); err != nil {
				return err
			}
		}
		data, err := l.pool.ClaimManyData(accounts, amounts, proofs)
		if err != nil {
			return err
		}
		if _, err := l.sender.Send(ctx, intent, txmgr.Candidate{To: l.pool.Address(), Data: data}); err != nil {
			if errors.Is(err, txmgr.ErrEstimate) && isRevert(err) {
				l.log.Warn("claimMany would revert; skipping batched claims of this epoch", zap.Uint64("epoch", newest.Number), zap.Error(err))
				return l.setClaims(ctx, newest.ID, ClaimsSkipped)
			}
			return err
		}
		l.log.Info("claimMany sent", zap.Uint64("epoch", newest.Number), zap.Int("accounts", len(list)))
	} else if _, err := l.sender.Send(ctx, intent, txmgr.Candidate{}); err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.ClaimsBroadcast)
	if _, err := l.sender.Confirm(ctx, intent); err != nil && !errors.Is(err, txmgr.ErrReverted) {
		return err
	}
	crashpoint.Hit(crashpoint.ClaimsConfirmed)
	return l.setClaims(ctx, newest.ID, ClaimsDone)
}

func (l *Ledger) setClaims(ctx context.Context, id int64, state string) error {
	return l.store.SetClaims(ctx, id, state)
}

func (l *Ledger) lookupIntent(ctx context.Context, id string) (bool, error) {
	_, err := l.store.LoadIntent(ctx, id)
	if errors.Is(err, txmgr.ErrUnknownIntent) {
		return false, nil
	}
	return err == nil, err
}
