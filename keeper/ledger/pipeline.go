// The epoch state machine: Step moves each epoch from assembled to committed, confirmed and claimable.

package ledger

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ErrChainMismatch: the ledger and the ComputePool disagree on the epochs; the keeper stops committing
// until an operator looks (committing anyway could pay twice or lose credits).
var ErrChainMismatch = errors.New("ledger: ledger and ComputePool disagree")

// Step advances the pipeline by at most one state per epoch: the confirmed epochs waiting for their
// dispute window, the one epoch in flight, batched claims, and a new epoch when one is due. Every state
// change is one database transaction, so Step can be killed anywhere and simply run again.
func (l *Ledger) Step(ctx context.Context) error {
	// Only the epochs not claimable yet (a few), not every live one (a year of hourly epochs is 8,760
	// rows, read every poll on the keeper's one SQLite connection).
	epochs, err := l.unsettledEpochs(ctx)
	if err != nil {
		return err
	}
	var inflight *EpochRow
	for _, e := range epochs {
		if e.State == StateConfirmed {
			if err := l.awaitClaimable(ctx, e); err != nil {
				return err
			}
		} else {
			inflight = e
		}
	}
	if inflight != nil {
		if err := l.advance(ctx, inflight); err != nil {
			return fmt.Errorf("epoch %d (%s): %w", inflight.Number, inflight.State, err)
		}
		return nil
	}
	if err := l.claims(ctx); err != nil {
		return fmt.Errorf("claims: %w", err)
	}
	if err := l.prune(ctx); err != nil {
		return err
	}
	return l.Assemble(ctx)
}

// advance moves the in-flight epoch one state forward.
func (l *Ledger) advance(ctx context.Context, e *EpochRow) error {
	if redo, err := l.unreadSpend(ctx, e); redo || err != nil {
		return err
	}
	switch e.State {
	case StateAssembled:
		return l.writeBatch(ctx, e)
	case StateBatchWritten:
		// The intent is named before anything is signed: after a crash the same name resumes the
		// same stored transaction. The assembly (its row) is in the name: an epoch rolled back after its
		// commit reverted is assembled again, often with the same root (a reverted commit changes no
		// credit), and its new commit must be a new transaction, not the stored reverted one resumed.
		intent := fmt.Sprintf("commit:%d:%s:%d", e.Number, e.Root.Hex(), e.ID)
		if err := l.moved(StateRootSent, l.store.MarkRootSent(ctx, e.ID, intent)); err != nil {
			return err
		}
		e.State, e.Intent = StateRootSent, intent
		return l.sendCommit(ctx, e)
	case StateRootSent:
		return l.sendCommit(ctx, e)
	case StateMined:
		if vetoed, err := l.checkVeto(ctx, e); vetoed || err != nil {
			return err
		}
		r, err := l.sender.Confirm(ctx, e.Intent)
		if errors.Is(err, txmgr.ErrReverted) {
			// The commit reverted (a budget or ordering change between assembly and mining): nothing
			// was committed. Roll the epoch back; its sessions go into a fresh assembly.
			l.log.Warn("commit reverted, re-assembling", zap.Uint64("epoch", e.Number), zap.Stringer("tx", r.TxHash))
			return l.rollback(ctx, e.Number, StateAbandoned)
		}
		if err != nil {
			return err
		}
		oc, ok, err := l.pool.Epoch(ctx, e.Number)
		if err != nil {
			return err
		}
		if !ok || oc.Root != e.Root {
			if vetoed, err := l.checkVeto(ctx, e); vetoed || err != nil {
				return err
			}
			return fmt.Errorf("%w: epoch %d confirmed but the pool holds root %s", ErrChainMismatch, e.Number, oc.Root)
		}
		// The confirmed receipt, not the first one Send saw: a reorg may have moved the commit to another
		// block (or a fee bump replaced it) since the epoch was marked mined.
		if err := l.moved(StateConfirmed, l.store.MarkConfirmed(ctx, e.ID, oc.ClaimableAt, r.TxHash, r.BlockNumber.Uint64())); err != nil {
			return err
		}
		crashpoint.Hit(crashpoint.EpochConfirmed)
		return nil
	}
	return fmt.Errorf("ledger: unexpected state %q", e.State)
}

// sendCommit gets the commit transaction mined and records where. The uri is the file's content-addressed
// path (wire.BatchPath): an epoch vetoed and committed again names another one, so no cache can answer the
// new commit's uri with the old file.
func (l *Ledger) sendCommit(ctx context.Context, e *EpochRow) error {
	uri := strings.TrimRight(l.cfg.PublicURL, "/") + wire.BatchPath(e.Number, e.BatchHash)
	var spend *store.Spend
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		spend, err = tx.SpendOf(ctx, e.ID)
		return err
	})
	if err != nil {
		return err
	}
	data, err := l.pool.CommitData(e.Number, e.Root, &e.Total, spend.Root, &spend.Total, spend.ReadAt, e.BatchHash, uri)
	if err != nil {
		return err
	}
	r, err := l.sender.Send(ctx, e.Intent, txmgr.Candidate{To: l.pool.Address(), Data: data})
	if errors.Is(err, txmgr.ErrEstimate) && isRevert(err) {
		// The pool refuses the commit before anything is signed (over budget after a day change,
		// a vetoed root, out of order). Nothing is on-chain: re-assemble from the same sessions.
		l.log.Warn("commit would revert, re-assembling", zap.Uint64("epoch", e.Number), zap.Error(err))
		return l.rollback(ctx, e.Number, StateAbandoned)
	}
	if err != nil {
		return err
	}
	if err := l.moved(StateMined, l.store.MarkMined(ctx, e.ID, r.TxHash, r.BlockNumber.Uint64())); err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.EpochMined)
	l.log.Info("root mined", zap.Uint64("epoch", e.Number), zap.Stringer("root", e.Root), zap.Stringer("tx", r.TxHash),
		zap.Uint64("block", r.BlockNumber.Uint64()), zap.Uint64("gasUsed", r.GasUsed))
	return nil
}

// awaitClaimable watches a confirmed epoch until its dispute window is over (claimable) or the guardian
// vetoes it.
func (l *Ledger) awaitClaimable(ctx context.Context, e *EpochRow) error {
	if vetoed, err := l.checkVeto(ctx, e); vetoed || err != nil {
		return err
	}
	n, ok, err := l.pool.Claimable(ctx)
	if err != nil || !ok || n < e.Number {
		return err
	}
	claims := ClaimsNone
	if l.cfg.ClaimsEnabled {
		claims = ClaimsTodo
	}
	if err := l.moved(StateClaimable, l.store.MarkClaimable(ctx, e.ID, claims)); err != nil {
		return err
	}
	l.metrics.lastEpoch.Set(float64(e.Number))
	l.log.Info("epoch claimable", zap.Uint64("epoch", e.Number), zap.Stringer("root", e.Root))
	crashpoint.Hit(crashpoint.EpochClaimable)
	return nil
}

// checkVeto rolls back e and every later epoch if the guardian vetoed e's root.
func (l *Ledger) checkVeto(ctx context.Context, e *EpochRow) (bool, error) {
	vetoed, err := l.pool.IsVetoed(ctx, e.Root)
	if err != nil || !vetoed {
		return false, err
	}
	l.log.Warn("root vetoed by the guardian: rolling back and recommitting", zap.Uint64("epoch", e.Number), zap.Stringer("root", e.Root))
	return true, l.rollback(ctx, e.Number, StateVetoed)
}

// moved counts an epoch's move to state once err, the store's answer to it, is nil.
func (l *Ledger) moved(state string, err error) error {
	if err == nil {
		l.metrics.epochs.WithLabelValues(state).Inc()
	}
	return err
}
