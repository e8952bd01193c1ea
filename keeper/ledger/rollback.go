// Veto: rolling back the vetoed epochs and verifying their sessions again.

package ledger

import (
	"context"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/keeper/store"
)

// rollback discards the live epochs numbered from n on (a veto discards every later epoch on-chain too):
// in one database transaction they are marked state, their sessions return to pending (flagged for a
// recheck) with what they were credited taken off Owed and off their user-days' charges,
// their shortfalls are forgotten, and every account's Credited returns to its leaf in epoch n-1. The
// deposit spend needs no undoing: the next assembly starts from epoch n-1's spend leaves. The next
// assembly recommits epoch n from those sessions (plus any new ones).
func (l *Ledger) rollback(ctx context.Context, n uint64, state string) error {
	cal, err := l.calendar(ctx)
	if err != nil {
		return err
	}
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
		epochs, err := tx.LiveEpochsFrom(ctx, n)
		if err != nil {
			return err
		}
		accounts, err := tx.Accounts(ctx)
		if err != nil {
			return err
		}
		book := Book(accounts)
		var prev *EpochRow // the epoch before e: its cutoff sets e's charging floor
		if n > 0 {
			if prev, err = tx.LiveEpoch(ctx, n-1); err != nil {
				return fmt.Errorf("ledger: epoch %d before %d: %w", n-1, n, err)
			}
		}
		for _, e := range epochs {
			cal := cal.After(prev)
			prev = e
			sessions, _, err := tx.Credits(ctx, e.FirstSeq, e.LastSeq, e.LastSeq-e.FirstSeq+1)
			if err != nil {
				return err
			}
			shortfalls, err := tx.Shortfalls(ctx, e.ID)
			if err != nil {
				return err
			}
			short := make(map[common.Hash]*store.Shortfall, len(shortfalls))
			for i := range shortfalls {
				short[shortfalls[i].SessionID] = &shortfalls[i]
			}
			days, err := tx.DayCharges(ctx, userDays(sessions, cal))
			if err != nil {
				return err
			}
			spend, err := tx.SpendOf(ctx, e.ID)
			if err != nil {
				return err
			}
			fromDeposit := make(map[common.Hash]*uint256.Int, len(spend.Charges))
			for i := range spend.Charges {
				fromDeposit[spend.Charges[i].SessionID] = &spend.Charges[i].Amount
			}
			for i := range sessions {
				s := &sessions[i]
				credited, overflow := s.Cost()
				if overflow {
					return fmt.Errorf("ledger: session %s: cost overflows", s.ID)
				}
				if sh := short[s.ID]; sh != nil {
					credited = &sh.Credited
				}
				// The two parts were split apart (Book.AddSessions, AddDeposits): take each back the same way.
				if paid := fromDeposit[s.ID]; paid != nil {
					book.add(s, paid, true)
					credited = new(uint256.Int).Sub(credited, paid)
				}
				book.add(s, credited, true)
				if d, ok := cal.ChargeDay(s.ClosedAt); ok {
					if dc := days[UserDay{User: s.User, Day: d}]; dc != nil {
						dc.Charged.Sub(&dc.Charged, credited)
					}
				}
			}
			if err := tx.SetCharged(ctx, days); err != nil {
				return err
			}
			if err := tx.DeleteShortfalls(ctx, e.ID, RejectAllowance, RejectDeposit); err != nil {
				return err
			}
			// Verify these sessions again: the guardian saw something wrong after a veto, and an abandoned
			// commit's sessions may have been verified in a run before a start that found the chain on
			// another branch (the start's check flags only the pending sessions: flagReorged). And rank
			// each against its copies that lost (revive): those read while it was credited were listed as
			// duplicates unranked, and a credit taken back is no reason to keep a copy that loses.
			if err := tx.QueueReviveCredited(ctx, e.FirstSeq, e.LastSeq, copyLosses...); err != nil {
				return err
			}
			if err := tx.DemoteSessions(ctx, e.FirstSeq, e.LastSeq); err != nil {
				return err
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
	l.spendGen.Add(1) // a withdrawal proof reads the live epochs again (spendOfClaimable)
	if err == nil {
		l.metrics.epochs.WithLabelValues(state).Inc()
	}
	return err
}

// recheck verifies again, against the chain as it is now, the pending sessions flagged: those of a vetoed
// epoch (a guardian veto usually follows a revoked router or provider), or every one verified before a
// reorg deeper than the confirmations or before the keeper's start (flagReorged). Sessions that fail move
// to the rejected table with code "<code>_on_recheck" and, in the same transaction, are queued for the
// revive pass (Tx.QueueRevive); the rest are cleared, with what verification found, for the next assembly.
// The RPC work happens outside the database transaction; a crash in between only repeats it. A deep reorg
// seen meanwhile stores nothing (errReorgSeen): the next assembly flags and verifies them again. Then the
// revive pass runs (revive: the copies that lost to a copy rejected here, verified again, the best stored),
// whether this pass rejected anything or a crash or an error left the queue filled: recheck returns nil
// only with the queue empty, so no assembly credits a session before its best copy is back. A session whose
// copies hit a transient error stays queued while the others are revived (revive returns the error).
func (l *Ledger) recheck(ctx context.Context) error {
	if err := l.recheckFlagged(ctx); err != nil {
		return err
	}
	return l.revive(ctx)
}

// recheckFlagged is recheck's first pass: the flagged sessions verified again, those that fail rejected and
// queued for revive. Its logs and metrics are emitted once its transaction has committed.
func (l *Ledger) recheckFlagged(ctx context.Context) error {
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
	verified := map[common.Hash]*Session{}
	for i := range sessions {
		s, err := l.verifier.Verify(ctx, sessions[i].Feed, sessions[i].Record)
		if rej, ok := IsRejection(err); ok {
			rej.Code += "_on_recheck"
			rejected[sessions[i].ID] = rej
		} else if err != nil {
			return err
		} else {
			verified[sessions[i].ID] = s
		}
	}
	var done []*Session // the sessions rejected, logged once committed
	if err := l.store.InTx(ctx, func(tx *store.Tx) error {
		done = nil
		if err := tx.LockSessions(ctx); err != nil { // no copy stored by the ingest in between
			return err
		}
		if l.reorgsSeen() != l.flagged {
			return errReorgSeen
		}
		for i := range sessions {
			s := &sessions[i]
			// A row the ingest replaced with another copy meanwhile is left as it is: that copy was verified
			// when stored (and stays flagged if it was stored flagged), and beats every copy that lost to
			// this one.
			if rej := rejected[s.ID]; rej != nil {
				deleted, err := tx.DeleteRechecked(ctx, s.ID, s.Feed, s.Cursor)
				if err != nil {
					return err
				}
				if !deleted {
					continue
				}
				if err := tx.InsertRejected(ctx, rejectedRow(s.Feed, s.Cursor, rej, s.Record)); err != nil {
					return err
				}
				// The session has no pending copy now: a copy read from here on is stored or ranked by the
				// ingest as any, and none can lose to this one any more. The copies that lost to it are
				// those listed now, which the revive pass reads once this commits.
				if err := tx.QueueRevive(ctx, s.ID); err != nil {
					return err
				}
				done = append(done, s)
				continue
			}
			if err := tx.ClearRecheck(ctx, verified[s.ID], s.Feed, s.Cursor); err != nil {
				return err
			}
		}
		return l.recordFinal(ctx, tx, l.flagged) // the verdicts were read as of blocks newer than the flagging's
	}); err != nil {
		return err
	}
	for _, s := range done {
		rej := rejected[s.ID]
		l.metrics.rejected.WithLabelValues(rej.Code).Inc()
		l.log.Warn("session rejected on recheck (after a veto or a deep reorg)", zap.Stringer("session", s.ID), zap.String("code", rej.Code), zap.String("detail", rej.Detail))
	}
	return nil
}

// reorgCounter is a Registry that counts the reorgs deeper than the confirmations it has seen (ChainRegistry,
// from its signer history): Reorgs after reading the chain, ReorgsSeen without.
type reorgCounter interface {
	Reorgs(ctx context.Context) (uint64, error)
	ReorgsSeen() uint64
}

// errReorgSeen: the registry saw a reorg deeper than the confirmations while sessions were verified or an
// epoch assembled, so what was read may rest on blocks that are gone: nothing of it is stored.
var errReorgSeen = errors.New("ledger: a reorg deeper than the confirmations was seen meanwhile: the pending sessions are verified again first")

// reorgsSeen is the registry's count of deep reorgs, without reading the chain (0 if it counts none).
func (l *Ledger) reorgsSeen() uint64 {
	if c, ok := l.verifier.Registry.(reorgCounter); ok {
		return c.ReorgsSeen()
	}
	return 0
}

// finalNamer is a Registry that names the final block its answers were read as of, and tells whether the
// chain still has a block (ChainRegistry, from its signer history).
type finalNamer interface {
	Final() (follow.Block, bool)
	Holds(ctx context.Context, b follow.Block) (bool, error)
}

// flagReorged flags every pending session for a recheck once the registry has seen a reorg deeper than the
// confirmations since the last flagging: their verdicts, builders and fees were read at final blocks the
// reorg may have replaced (a fee decrease, a signer or role change the chain that stayed does not have),
// and the next root must credit them as a keeper that only ever saw that chain does. It reads the chain
// first, so a reorg is seen even with no record coming in. Sessions already in an epoch are the guard's.
// A page verified before the count rose is stored before this transaction, so flagged, or checks the count
// after it (ingestPage); an assembly checks it too, so nothing verified under an older count is credited.
//
// The count lives in memory: a restarted keeper's history reads the chain as it is and counts no reorg
// made while the keeper was down (or between the count rising and a flagging a crash cut short). So the
// database keeps, with the pending sessions, a final block every one of them not flagged was verified as
// of (store.Tx.SetVerifiedThrough: the registry's newest final block since its last reorg, written here, by
// each ingested page and by each recheck, only while the count is the one they were last flagged at, and
// forgotten otherwise: recordFinal). The first flagReorged of a Ledger (Run calls it before ingesting)
// asks whether the chain still has that block (finalNamer.Holds): if it does, no block any of them was
// verified as of was replaced, and they are kept as verified; if not (or none is recorded, or the registry
// names no block), every pending session is flagged whatever the count, and verified again against the
// chain as it is now before any root credits them.
func (l *Ledger) flagReorged(ctx context.Context) error {
	c, ok := l.verifier.Registry.(reorgCounter)
	if !ok {
		l.startChecked = true // nothing to check against
		return nil
	}
	n, err := c.Reorgs(ctx)
	if err != nil || (n == l.flagged && l.startChecked) {
		return err
	}
	fn, _ := l.verifier.Registry.(finalNamer)
	var verified follow.Block // the start: the block the pending sessions were verified as of, if the chain still has it
	if !l.startChecked && n == l.flagged && fn != nil {
		if verified, err = l.verifiedHeld(ctx, fn); err != nil {
			return err
		}
	}
	if !l.startChecked && verified == (follow.Block{}) {
		if err := l.abandonUnsent(ctx); err != nil {
			return err
		}
	}
	var flagged int64
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		if err := tx.LockSessions(ctx); err != nil {
			return err
		}
		final := namedFinal(fn) // before the count (namedFinal)
		// A reorg counted since the chain was asked: what the sessions were verified as of may be gone.
		if verified == (follow.Block{}) || c.ReorgsSeen() != n {
			if flagged, err = tx.RecheckAllPending(ctx); err != nil {
				return err
			}
			verified = follow.Block{}
		}
		return setVerifiedThrough(ctx, tx, final) // every pending session not flagged is verified as of it
	}); err != nil {
		return err
	}
	reorged, started := n != l.flagged, !l.startChecked
	l.flagged, l.startChecked = n, true
	l.finalUnder.Store(n + 1)
	switch {
	case reorged:
		l.log.Warn("reorg deeper than the confirmations: pending sessions flagged to be verified again before any root credits them",
			zap.Int64("flagged", flagged), zap.Uint64("reorgs", n))
	case verified != (follow.Block{}):
		l.log.Info("pending sessions kept as verified after a start: the chain still has the final block they were verified as of",
			zap.Uint64("block", verified.Number), zap.Stringer("hash", verified.Hash))
	case started:
		l.log.Info("pending sessions verified again after a start: the chain may not have the blocks they were verified as of",
			zap.Int64("flagged", flagged))
	}
	return nil
}

// abandonUnsent rolls back the epoch assembled and not sent yet (assembled, or its batch file written), if
// any: a start that cannot tell its sessions' blocks are still the chain's flags the pending sessions, and
// this epoch's were verified as of the same blocks. Nothing of it is on chain: its sessions return to
// pending, flagged, and the epoch is assembled again once they are verified again (often with the same
// root). An epoch whose commit was sent is the guard's to check.
func (l *Ledger) abandonUnsent(ctx context.Context) error {
	epochs, err := l.unsettledEpochs(ctx)
	if err != nil {
		return err
	}
	for _, e := range epochs {
		if e.State == StateAssembled || e.State == StateBatchWritten {
			l.log.Info("epoch assembled before the start and not sent: assembled again once its sessions are verified again",
				zap.Uint64("epoch", e.Number), zap.String("state", e.State))
			return l.rollback(ctx, e.Number, StateAbandoned)
		}
	}
	return nil
}

// verifiedHeld returns the final block recorded as the one the pending sessions not flagged were verified
// as of, if the chain still has it (zero if none is recorded, or the chain has another block there).
func (l *Ledger) verifiedHeld(ctx context.Context, fn finalNamer) (follow.Block, error) {
	var (
		b  follow.Block
		ok bool
	)
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		b.Number, b.Hash, ok, err = tx.VerifiedThrough(ctx)
		return err
	}); err != nil || !ok {
		return follow.Block{}, err
	}
	held, err := fn.Holds(ctx, b)
	if err != nil || !held {
		return follow.Block{}, err
	}
	return b, nil
}

// recordFinal records in tx, which stores sessions verified while the registry's reorg count was seen (a
// page, or a recheck's verdicts), the registry's newest final block as the one every pending session not
// flagged was verified as of: it is, when seen is the count flagReorged last left them verified under and
// still the count once the block is read (each answer was read as of a final block no newer, on its
// branch). Otherwise (before the start's check, or with a reorg counted and not yet flagged: sessions
// verified on the replaced branch are pending unflagged) the block recorded covers these sessions no more,
// and is forgotten: the next start verifies every pending session again.
func (l *Ledger) recordFinal(ctx context.Context, tx *store.Tx, seen uint64) error {
	fn, ok := l.verifier.Registry.(finalNamer)
	if !ok {
		return nil
	}
	final := namedFinal(fn)
	if l.finalUnder.Load() != seen+1 || l.reorgsSeen() != seen {
		final = nil
	}
	return setVerifiedThrough(ctx, tx, final)
}

// namedFinal is fn's newest final block (nil: none, or fn is nil). Read it before the reorg count it is
// judged under: a reorg forgets the block before the count rises (SignerHistory.rollback), so a block of the
// new branch is never read with the old count.
func namedFinal(fn finalNamer) *follow.Block {
	if fn == nil {
		return nil
	}
	if b, ok := fn.Final(); ok {
		return &b
	}
	return nil
}

// setVerifiedThrough records final as the verified-through block, or forgets the one recorded (final nil).
func setVerifiedThrough(ctx context.Context, tx *store.Tx, final *follow.Block) error {
	if final == nil {
		return tx.ForgetVerifiedThrough(ctx)
	}
	return tx.SetVerifiedThrough(ctx, final.Number, final.Hash)
}
