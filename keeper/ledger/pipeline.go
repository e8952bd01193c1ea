// This file is over 500 lines: the epoch state machine with its assembly, batch-file and recheck steps (to split by concern: issue 12 item 6).

package ledger

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// ErrChainMismatch: the ledger and the ComputePool disagree on the epochs; the keeper stops committing
// until an operator looks (committing anyway could pay twice or lose credits).
var ErrChainMismatch = errors.New("ledger: ledger and ComputePool disagree")

// Step advances the pipeline by at most one state per epoch: the confirmed epochs waiting for their
// dispute window, the one epoch in flight, batched claims, and a new epoch when one is due. Every state
// change is one database transaction, so Step can be killed anywhere and simply run again.
func (l *Ledger) Step(ctx context.Context) error {
	epochs, err := l.Epochs(ctx)
	if err != nil {
		return err
	}
	var inflight *EpochRow
	for _, e := range epochs {
		switch e.State {
		case StateConfirmed:
			if err := l.awaitClaimable(ctx, e); err != nil {
				return err
			}
		case StateClaimable:
		default:
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
	last := time.Time{}
	if n := len(epochs); n > 0 {
		last = time.Unix(epochs[n-1].CreatedAt, 0)
	}
	if time.Since(last) < l.cfg.EpochLength {
		return nil
	}
	return l.Assemble(ctx)
}

// advance moves the in-flight epoch one state forward.
func (l *Ledger) advance(ctx context.Context, e *EpochRow) error {
	switch e.State {
	case StateAssembled:
		return l.writeBatch(ctx, e)
	case StateBatchWritten:
		// The intent is named before anything is signed: after a crash the same name resumes the
		// same stored transaction. The root is in the name because a vetoed epoch is recommitted
		// with the same number and a different root.
		intent := fmt.Sprintf("commit:%d:%s", e.Number, e.Root.Hex())
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

// sendCommit gets the commit transaction mined and records where.
func (l *Ledger) sendCommit(ctx context.Context, e *EpochRow) error {
	uri := strings.TrimRight(l.cfg.PublicURL, "/") + fmt.Sprintf("/v1/batches/%d", e.Number)
	data, err := l.pool.CommitData(e.Number, e.Root, &e.Total, e.BatchHash, uri)
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

// Assemble closes a new epoch from every stored session not yet credited: it checks that ledger and pool
// agree, credits the sessions, scales the epoch into the remaining budget, builds the cumulative tree and
// stores all of it in one database transaction. It does nothing when there is nothing to pay or no
// budget left today.
func (l *Ledger) Assemble(ctx context.Context) error {
	if err := l.recheck(ctx); err != nil {
		return fmt.Errorf("recheck: %w", err)
	}
	ps, err := l.pool.State(ctx)
	if err != nil {
		return fmt.Errorf("pool state: %w", err)
	}
	var assembled *EpochRow
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
		assembled = nil
		// The ledger's newest live epoch must be the pool's newest: same number, same total.
		var number uint64
		var prevTotal uint256.Int
		var after int64 // the sessions with seq > after are not credited yet
		prev, err := tx.NewestLive(ctx)
		switch {
		case errors.Is(err, store.ErrNotFound):
		case err != nil:
			return err
		default:
			number, prevTotal, after = prev.Number+1, prev.Total, prev.LastSeq
		}
		if number != ps.NextEpoch || !prevTotal.Eq(&ps.TotalCommitted) {
			return fmt.Errorf("%w: ledger next epoch %d total %s, pool next epoch %d total %s",
				ErrChainMismatch, number, prevTotal.Dec(), ps.NextEpoch, ps.TotalCommitted.Dec())
		}

		newest, err := tx.MaxSeq(ctx) // a capacity hint only (one index lookup)
		if err != nil {
			return err
		}
		// One statement reads the uncredited sessions and where they end: the epoch credits exactly
		// (after, last], whatever the ingest stores meanwhile (it only appends larger seqs).
		sessions, last, err := tx.Credits(ctx, after+1, -1, newest-after)
		if err != nil {
			return err
		}
		if len(sessions) == 0 {
			last = after // nothing new: an epoch of carried-forward credits only
		}
		accounts, err := tx.Accounts(ctx)
		if err != nil {
			return err
		}
		book := Book(accounts)
		if err := book.AddSessions(sessions); err != nil {
			return err
		}
		sc := book.Apply(&ps.RemainingBudget)
		if sc.Delta.IsZero() {
			if !sc.Pending.IsZero() {
				l.log.Warn("credits outstanding but no budget left today", zap.String("outstanding", sc.Pending.Dec()),
					zap.String("remainingBudget", ps.RemainingBudget.Dec()))
			}
			return nil // nothing to commit: sessions stay unassigned, nothing is written
		}
		entries := book.Entries()
		tree, err := merkle.Build(entries)
		if err != nil {
			return err
		}
		// A vetoed root can never be committed again. Re-assembling exactly the vetoed content (nothing
		// new, nothing rejected on recheck) would give it again: hold until something changes.
		if vetoed, err := l.pool.IsVetoed(ctx, tree.Root()); err != nil || vetoed {
			if vetoed {
				l.log.Error("assembled root was vetoed before: holding until new sessions arrive or an operator acts",
					zap.Uint64("epoch", number), zap.Stringer("root", tree.Root()))
				l.metrics.epochs.WithLabelValues("held_vetoed_root").Inc()
			}
			return err
		}

		leaves := make([]Leaf, len(entries))
		for i := range entries {
			leaves[i] = Leaf{Account: entries[i].Account, Amount: &entries[i].Amount, Owed: &book[entries[i].Account].Owed}
		}
		// The epoch row is the sessions' assignment: its range [after+1, last] (no session row is written).
		e := &EpochRow{Number: number, State: StateAssembled, Day: ps.Day, Root: tree.Root(), Total: sc.Total, Delta: sc.Delta,
			OwedTotal: sc.Pending, FactorN: sc.FactorN, FactorD: sc.FactorD, Sessions: int64(len(sessions)), FirstSeq: after + 1, LastSeq: last}
		if e.RejectedLast, err = tx.MaxRejected(ctx); err != nil { // the batch file lists the rejections up to here
			return err
		}
		if e.ID, err = tx.InsertEpoch(ctx, e, leaves); err != nil {
			return err
		}
		if err := tx.SaveAccounts(ctx, book); err != nil {
			return err
		}
		assembled = e
		f, _ := new(big.Float).Quo(new(big.Float).SetInt(sc.FactorN.ToBig()), new(big.Float).SetInt(sc.FactorD.ToBig())).Float64()
		l.metrics.scale.Set(f)
		return nil
	})
	if err != nil || assembled == nil {
		return err
	}
	l.metrics.epochs.WithLabelValues(StateAssembled).Inc()
	l.log.Info("epoch assembled", zap.Uint64("epoch", assembled.Number), zap.Int64("sessions", assembled.Sessions),
		zap.Stringer("root", assembled.Root), zap.String("total", assembled.Total.Dec()), zap.String("delta", assembled.Delta.Dec()))
	crashpoint.Hit(crashpoint.EpochAssembled)
	return nil
}

// rollback discards the live epochs numbered from n on (a veto discards every later epoch on-chain too):
// in one database transaction they are marked state, their sessions return to the unassigned pool with
// their credits taken off Owed, and every account's Credited returns to its leaf in epoch n-1. The next
// assembly recommits epoch n from those sessions (plus any new ones).
func (l *Ledger) rollback(ctx context.Context, n uint64, state string) error {
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		epochs, err := tx.LiveEpochsFrom(ctx, n)
		if err != nil {
			return err
		}
		accounts, err := tx.Accounts(ctx)
		if err != nil {
			return err
		}
		book := Book(accounts)
		// Once these epochs are no longer live, their sessions are after the newest live epoch's range:
		// uncredited again, with nothing to write on the sessions themselves (but the recheck flag).
		for _, e := range epochs {
			sessions, _, err := tx.Credits(ctx, e.FirstSeq, e.LastSeq, e.LastSeq-e.FirstSeq+1)
			if err != nil {
				return err
			}
			for i := range sessions {
				p, f, err := sessions[i].Credit()
				if err != nil {
					return err
				}
				pa, fa := book.get(sessions[i].Provider), book.get(sessions[i].Builder)
				pa.Owed.Sub(&pa.Owed, p)
				fa.Owed.Sub(&fa.Owed, f)
			}
			if state == StateVetoed {
				// The guardian saw something wrong: verify these sessions again.
				if err := tx.FlagRecheck(ctx, e.FirstSeq, e.LastSeq); err != nil {
					return err
				}
			}
			if err := tx.SetEpochState(ctx, e.ID, state); err != nil {
				return err
			}
		}
		for _, acc := range book {
			acc.Credited.Clear()
		}
		if n > 0 {
			prev, err := tx.LiveEpoch(ctx, n-1)
			if err != nil {
				return fmt.Errorf("epoch %d before the rolled-back one: %w", n-1, err)
			}
			leaves, err := tx.Leaves(ctx, prev.ID)
			if err != nil {
				return err
			}
			for _, lf := range leaves {
				book.get(lf.Account).Credited = *lf.Amount
			}
		}
		return tx.SaveAccounts(ctx, book)
	})
	if err == nil {
		l.metrics.epochs.WithLabelValues(state).Inc()
	}
	return err
}

// BatchFile is the published batch file of an epoch (PROTOCOL §8): enough to recompute the root.
type BatchFile struct {
	Version         int               `json:"version"`
	ChainID         uint64            `json:"chainId,string"`
	ComputePool     common.Address    `json:"computePool"`
	Epoch           uint64            `json:"epoch,string"`
	Day             uint64            `json:"day,string"`
	Root            common.Hash       `json:"root"`
	CumulativeTotal string            `json:"cumulativeTotal"`
	Delta           string            `json:"delta"`
	Factor          BatchFactor       `json:"factor"`
	Sessions        []json.RawMessage `json:"sessions"`
	Leaves          []Leaf            `json:"leaves"`
	// Rejected: the records refused since the previous epoch's assembly, each with its code and the
	// record as the router served it (PROTOCOL §8 v2: the batch file lists what was not credited too).
	Rejected []Rejected `json:"rejected"`
}

// BatchFactor is the pro-rata factor numerator/denominator: 1 when equal. Outstanding is what the epoch
// would have paid unscaled (this epoch's sessions plus the remainder carried forward); CarriedForward is
// what it leaves for later epochs.
type BatchFactor struct {
	Numerator      string `json:"numerator"`
	Denominator    string `json:"denominator"`
	Outstanding    string `json:"outstanding"`
	CarriedForward string `json:"carriedForward"`
}

// writeBatch writes the epoch's batch file (deterministically: written again after a crash it has the
// same bytes, so the same hash), then records its path and keccak256 and moves to batch_written.
func (l *Ledger) writeBatch(ctx context.Context, e *EpochRow) error {
	var bf BatchFile
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		records, err := tx.Records(ctx, e.FirstSeq, e.LastSeq)
		if err != nil {
			return err
		}
		if int64(len(records)) != e.Sessions {
			return fmt.Errorf("ledger: epoch %d credits %d sessions but %d records are stored for seq %d..%d",
				e.Number, e.Sessions, len(records), e.FirstSeq, e.LastSeq)
		}
		leaves, err := tx.Leaves(ctx, e.ID)
		if err != nil {
			return err
		}
		var rejAfter int64
		if e.Number > 0 {
			prev, err := tx.LiveEpoch(ctx, e.Number-1)
			if err != nil {
				return fmt.Errorf("ledger: epoch %d before %d: %w", e.Number-1, e.Number, err)
			}
			rejAfter = prev.RejectedLast
		}
		rejected, err := tx.RejectedRange(ctx, rejAfter, e.RejectedLast)
		if err != nil {
			return err
		}
		var carried uint256.Int
		carried.Sub(&e.OwedTotal, &e.Delta)
		bf = BatchFile{Version: 2, ChainID: l.chainID, ComputePool: l.pool.Address(), Epoch: e.Number, Day: e.Day,
			Root: e.Root, CumulativeTotal: e.Total.Dec(), Delta: e.Delta.Dec(),
			Factor:   BatchFactor{Numerator: e.FactorN.Dec(), Denominator: e.FactorD.Dec(), Outstanding: e.OwedTotal.Dec(), CarriedForward: carried.Dec()},
			Sessions: records, Leaves: leaves, Rejected: rejected}
		if bf.Sessions == nil {
			bf.Sessions = []json.RawMessage{}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(l.cfg.BatchDir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(l.cfg.BatchDir, fmt.Sprintf("epoch-%d-%d.json", e.Number, e.ID))
	hash, err := writeFileAtomic(path, &bf)
	if err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.BatchFileWritten)
	if err := l.moved(StateBatchWritten, l.store.MarkBatchWritten(ctx, e.ID, hash, path)); err != nil {
		return err
	}
	crashpoint.Hit(crashpoint.BatchStateStored)
	l.log.Info("batch file written", zap.Uint64("epoch", e.Number), zap.String("file", path), zap.Stringer("batchHash", hash))
	return nil
}

// writeFileAtomic writes v as JSON to a temporary file, fsyncs it and renames it over path, returning the
// keccak256 of the bytes.
func writeFileAtomic(path string, v any) (common.Hash, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".batch-*")
	if err != nil {
		return common.Hash{}, err
	}
	defer os.Remove(tmp.Name())
	h := crypto.NewKeccakState()
	w := bufio.NewWriterSize(tmp, 1<<20)
	enc := json.NewEncoder(multiWriter{w, h})
	if err := enc.Encode(v); err != nil {
		tmp.Close()
		return common.Hash{}, err
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return common.Hash{}, err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return common.Hash{}, err
	}
	if err := tmp.Close(); err != nil {
		return common.Hash{}, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return common.Hash{}, err
	}
	var out common.Hash
	_, _ = h.Read(out[:])
	return out, nil
}

type multiWriter struct {
	a *bufio.Writer
	b crypto.KeccakState
}

func (m multiWriter) Write(p []byte) (int, error) {
	m.b.Write(p)
	return m.a.Write(p)
}

// recheck verifies again, against the chain as it is now, the sessions of a vetoed epoch (a guardian
// veto usually follows a revoked router or provider). Sessions that fail move to the rejected table with
// code "<code>_on_recheck"; the rest are cleared for the next assembly. The RPC work happens outside the
// database transaction; a crash in between only repeats it.
func (l *Ledger) recheck(ctx context.Context) error {
	var sessions []Session
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		sessions, err = tx.RecheckSessions(ctx)
		return err
	}); err != nil || len(sessions) == 0 {
		return err
	}
	if f, ok := l.verifier.Registry.(interface{ Forget() }); ok {
		f.Forget()
	}
	rejected := map[common.Hash]*Rejection{}
	for i := range sessions {
		_, err := l.verifier.Verify(ctx, sessions[i].Feed, sessions[i].Record)
		if rej, ok := IsRejection(err); ok {
			rej.Code += "_on_recheck"
			rejected[sessions[i].ID] = rej
		} else if err != nil {
			return err
		}
	}
	return l.store.InTx(ctx, func(tx *store.Tx) error {
		for i := range sessions {
			s := &sessions[i]
			if rej := rejected[s.ID]; rej != nil {
				if err := tx.InsertRejected(ctx, rejectedRow(s.Feed, s.Cursor, rej, s.Record)); err != nil {
					return err
				}
				if err := tx.DeleteSession(ctx, s.Seq); err != nil {
					return err
				}
				l.metrics.rejected.WithLabelValues(rej.Code).Inc()
				l.log.Warn("session rejected on recheck after a veto", zap.Stringer("session", s.ID), zap.String("code", rej.Code), zap.String("detail", rej.Detail))
				continue
			}
			if err := tx.ClearRecheck(ctx, s.Seq); err != nil {
				return err
			}
		}
		return nil
	})
}
