// This file is over 500 lines: the epoch state machine with its assembly, batch-file and recheck steps (to split by concern: issue 12 item 6).

package ledger

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
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

// errNoEpoch aborts an assembly transaction that found nothing to commit.
var errNoEpoch = errors.New("ledger: nothing to commit")

// Assemble closes the next epoch when one is due (due): it checks that ledger and pool agree, numbers the
// pending sessions closed before the epoch's cutoff in the charging order, charges them to their users'
// allowances (ChargeSessions), credits what was covered, scales the epoch into the remaining budget,
// builds the cumulative tree and stores all of it, with the shortfalls, in one database transaction. It
// does nothing when no epoch is due, nothing is to be paid or no budget is left today.
func (l *Ledger) Assemble(ctx context.Context) error {
	if err := l.recheck(ctx); err != nil {
		return fmt.Errorf("recheck: %w", err)
	}
	cal, err := l.calendar(ctx)
	if err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	cutoff, ok, err := l.due(ctx, cal)
	if err != nil || !ok {
		return err
	}
	if err := l.loadAllowances(ctx, cal, cutoff); err != nil {
		return fmt.Errorf("allowances: %w", err)
	}
	ps, err := l.pool.State(ctx)
	if err != nil {
		return fmt.Errorf("pool state: %w", err)
	}
	var assembled *EpochRow
	var uncovered []Session // sessions charged nothing, with nothing else to pay: rejected without an epoch
	var uncoveredCharges []Charge
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
		assembled, uncovered = nil, nil
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

		// The pending sessions closed before the cutoff become (after, last], numbered in the charging
		// order; if nothing is committed the transaction is rolled back and they stay pending.
		last, err := tx.PromotePending(ctx, cutoff, after)
		if err != nil {
			return err
		}
		sessions, _, err := tx.Credits(ctx, after+1, last, last-after)
		if err != nil {
			return err
		}
		days, err := tx.DayCharges(ctx, userDays(sessions, cal))
		if err != nil {
			return err
		}
		charges, err := ChargeSessions(sessions, cal, days)
		if err != nil {
			return err
		}
		accounts, err := tx.Accounts(ctx)
		if err != nil {
			return err
		}
		book := Book(accounts)
		book.AddSessions(sessions, charges)
		sc := book.Apply(&ps.RemainingBudget)
		if sc.Delta.IsZero() {
			if sc.Pending.IsZero() && len(sessions) > 0 {
				uncovered, uncoveredCharges = sessions, charges
			} else if !sc.Pending.IsZero() {
				l.log.Warn("credits outstanding but no budget left today", zap.String("outstanding", sc.Pending.Dec()),
					zap.String("remainingBudget", ps.RemainingBudget.Dec()))
			}
			return errNoEpoch // nothing to commit: nothing is written, the sessions stay pending
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
				return errNoEpoch
			}
			return err
		}

		leaves := make([]Leaf, len(entries))
		for i := range entries {
			leaves[i] = Leaf{Account: entries[i].Account, Amount: &entries[i].Amount, Owed: &book[entries[i].Account].Owed}
		}
		// The epoch row is the sessions' assignment: its range [after+1, last] (no session row is written).
		e := &EpochRow{Number: number, State: StateAssembled, Day: ps.Day, Root: tree.Root(), Total: sc.Total, Delta: sc.Delta,
			OwedTotal: sc.Pending, FactorN: sc.FactorN, FactorD: sc.FactorD, Sessions: int64(len(sessions)), FirstSeq: after + 1,
			LastSeq: last, Cutoff: cutoff}
		if e.RejectedLast, err = tx.MaxRejected(ctx); err != nil { // the batch file lists the rejections up to here
			return err
		}
		if e.ID, err = tx.InsertEpoch(ctx, e, leaves); err != nil {
			return err
		}
		if err := tx.SaveAccounts(ctx, book); err != nil {
			return err
		}
		if err := tx.SetCharged(ctx, days); err != nil {
			return err
		}
		if err := l.recordShortfalls(ctx, tx, e.ID, sessions, charges); err != nil {
			return err
		}
		assembled = e
		f, _ := new(big.Float).Quo(new(big.Float).SetInt(sc.FactorN.ToBig()), new(big.Float).SetInt(sc.FactorD.ToBig())).Float64()
		l.metrics.scale.Set(f)
		return nil
	})
	if errors.Is(err, errNoEpoch) {
		if len(uncovered) > 0 {
			return l.rejectUncovered(ctx, cutoff, uncovered, uncoveredCharges)
		}
		return nil
	}
	if err != nil || assembled == nil {
		return err
	}
	l.metrics.epochs.WithLabelValues(StateAssembled).Inc()
	l.log.Info("epoch assembled", zap.Uint64("epoch", assembled.Number), zap.Int64("sessions", assembled.Sessions),
		zap.Int64("cutoff", cutoff), zap.Stringer("root", assembled.Root), zap.String("total", assembled.Total.Dec()),
		zap.String("delta", assembled.Delta.Dec()))
	crashpoint.Hit(crashpoint.EpochAssembled)
	return nil
}

// RejectAllowance is the rejection code of a session its user's allowance did not cover in full: the batch
// file of its epoch lists it among the shortfalls (credited part and cost).
const RejectAllowance = "allowance_exceeded"

// recordShortfalls stores epoch id's sessions credited less than they cost, and lists each as rejected.
func (l *Ledger) recordShortfalls(ctx context.Context, tx *store.Tx, epochID int64, sessions []Session, charges []Charge) error {
	for i := range sessions {
		c := &charges[i]
		if !c.Short() {
			continue
		}
		s := &sessions[i]
		sh := &store.Shortfall{SessionID: s.ID, EpochID: epochID, User: s.User, Day: c.Day, Cost: c.Cost, Credited: c.Credited}
		if err := tx.InsertShortfall(ctx, sh); err != nil {
			return err
		}
		if err := tx.InsertRejected(ctx, shortfallRow(s, c)); err != nil {
			return err
		}
		l.metrics.rejected.WithLabelValues(RejectAllowance).Inc()
	}
	return nil
}

// shortfallRow is the rejected table's row of a session charged c.
func shortfallRow(s *Session, c *Charge) store.Rejected {
	detail := fmt.Sprintf("credited %s of %s wei: allowance of %s for day %d used up", c.Credited.Dec(), c.Cost.Dec(), s.User, c.Day)
	if !c.HasDay {
		detail = fmt.Sprintf("credited nothing of %s wei: closed at %d, before payoutStart", c.Cost.Dec(), s.ClosedAt)
	}
	rec, _ := json.Marshal(map[string]string{"sessionId": s.ID.Hex(), "user": s.User.Hex(), "cost": c.Cost.Dec(), "credited": c.Credited.Dec()})
	return store.Rejected{Feed: s.Feed, Cursor: s.Cursor, SessionID: s.ID.Hex(), Code: RejectAllowance, Detail: detail, Record: rec}
}

// rejectUncovered settles sessions that were charged nothing when nothing else is to be paid (no epoch can
// carry them: its root would not change): they leave pending as rejected (allowance_exceeded).
func (l *Ledger) rejectUncovered(ctx context.Context, cutoff int64, sessions []Session, charges []Charge) error {
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		for i := range sessions {
			if err := tx.InsertRejected(ctx, shortfallRow(&sessions[i], &charges[i])); err != nil {
				return err
			}
			if err := tx.DeletePending(ctx, sessions[i].ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		l.metrics.rejected.WithLabelValues(RejectAllowance).Add(float64(len(sessions)))
		l.log.Warn("sessions closed before the cutoff credited nothing (allowances used up)", zap.Int64("cutoff", cutoff),
			zap.Int("sessions", len(sessions)))
	}
	return err
}

// calendar returns the pool's day calendar, read once.
func (l *Ledger) calendar(ctx context.Context) (Calendar, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.cal != nil {
		return *l.cal, nil
	}
	if l.allow == nil {
		return Calendar{}, errors.New("ledger: no allowance source configured")
	}
	start, interval, err := l.allow.Calendar(ctx)
	if err != nil {
		return Calendar{}, err
	}
	l.cal = &Calendar{PayoutStart: start, Interval: interval}
	return *l.cal, nil
}

// caughtUp records that feed was read to its end by a fetch that started at t.
func (l *Ledger) caughtUp(feed string, t time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.caughtUpAt[feed] = t
}

// due returns the cutoff of the epoch to assemble now, if one is due. Epoch windows are EpochLength long
// (whole seconds) from payoutStart; the next epoch credits the pending sessions closed before the end of
// the window holding the oldest pending session. Its cutoff is a function of the records, not of when
// the keeper runs: a keeper that was down assembles the same epochs, one window each. The window is due
// once FeedGrace has passed since its end and every feed has been read to its end since (or a second
// grace has passed: an unreachable feed cannot hold settlement). Without pending sessions, an epoch of
// carried-forward credits is due an epoch length after the last one.
func (l *Ledger) due(ctx context.Context, cal Calendar) (cutoff int64, ok bool, err error) {
	var oldest int64
	var pending bool
	var prev *EpochRow
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		if oldest, pending, err = tx.OldestPending(ctx); err != nil {
			return err
		}
		prev, err = tx.NewestLive(ctx)
		if errors.Is(err, store.ErrNotFound) {
			prev, err = nil, nil
		}
		return err
	}); err != nil {
		return 0, false, err
	}
	now := l.cfg.Now()
	if !pending {
		if prev == nil || now.Sub(time.Unix(prev.CreatedAt, 0)) < l.cfg.EpochLength {
			return 0, false, nil
		}
		return prev.Cutoff, true, nil
	}
	window := max(int64((l.cfg.EpochLength+time.Second-1)/time.Second), 1)
	base := int64(cal.PayoutStart)
	cutoff = base
	if oldest >= base {
		cutoff = base + ((oldest-base)/window+1)*window
	}
	ready := time.Unix(cutoff, 0).Add(l.cfg.FeedGrace)
	if now.Before(ready) {
		return 0, false, nil
	}
	if now.Before(ready.Add(l.cfg.FeedGrace)) {
		l.mu.Lock()
		defer l.mu.Unlock()
		for _, f := range l.cfg.Feeds {
			if l.caughtUpAt[f].Before(ready) {
				return 0, false, nil
			}
		}
	}
	return cutoff, true, nil
}

// loadAllowances reads from the chain, and stores, allowance(user, day) of every user-day of the pending
// sessions closed before cutoff that the store does not hold yet (outside any database transaction).
func (l *Ledger) loadAllowances(ctx context.Context, cal Calendar, cutoff int64) error {
	var users []store.PendingUser
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		users, err = tx.PendingUsers(ctx, cutoff)
		return err
	}); err != nil {
		return err
	}
	for _, u := range users {
		first, ok := cal.Day(u.FirstClose)
		if !ok {
			first = 0
		}
		lastDay, ok := cal.Day(u.LastClose)
		if !ok {
			continue
		}
		for d := first; d <= lastDay; d++ {
			k := UserDay{User: u.User, Day: d}
			has, err := l.store.HasAllowance(ctx, k)
			if err != nil {
				return err
			}
			if has {
				continue
			}
			a, err := l.allow.Allowance(ctx, u.User, d)
			if err != nil {
				return fmt.Errorf("allowance of %s on day %d: %w", u.User, d, err)
			}
			if err := l.store.CacheAllowance(ctx, k, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// rollback discards the live epochs numbered from n on (a veto discards every later epoch on-chain too):
// in one database transaction they are marked state, their sessions return to pending (flagged for a
// recheck after a veto) with what they were credited taken off Owed and off their user-days' charges,
// their shortfalls are forgotten, and every account's Credited returns to its leaf in epoch n-1. The next
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
		for _, e := range epochs {
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
			for i := range sessions {
				s := &sessions[i]
				credited, overflow := new(uint256.Int).MulOverflow(uint256.NewInt(uint64(s.Seconds)), &s.Price)
				if overflow {
					return fmt.Errorf("ledger: session %s: cost overflows", s.ID)
				}
				if sh := short[s.ID]; sh != nil {
					credited = &sh.Credited
				}
				book.add(s, credited, true)
				if d, ok := cal.Day(s.ClosedAt); ok {
					if dc := days[UserDay{User: s.User, Day: d}]; dc != nil {
						dc.Charged.Sub(&dc.Charged, credited)
					}
				}
			}
			if err := tx.SetCharged(ctx, days); err != nil {
				return err
			}
			if err := tx.DeleteShortfalls(ctx, e.ID, RejectAllowance); err != nil {
				return err
			}
			// The guardian saw something wrong after a veto: verify these sessions again.
			if err := tx.DemoteSessions(ctx, e.FirstSeq, e.LastSeq, state == StateVetoed); err != nil {
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
	Cutoff          int64             `json:"cutoff,string"` // the epoch credits the sessions closed before it (plus late ones)
	Root            common.Hash       `json:"root"`
	CumulativeTotal string            `json:"cumulativeTotal"`
	Delta           string            `json:"delta"`
	Factor          BatchFactor       `json:"factor"`
	Sessions        []json.RawMessage `json:"sessions"` // in the charging order (closedAt, sessionId)
	Leaves          []Leaf            `json:"leaves"`
	// Rejected: the records refused since the previous epoch's assembly, each with its code and the
	// record as the router served it (PROTOCOL §8 v2: the batch file lists what was not credited too).
	Rejected []Rejected `json:"rejected"`
	// Shortfalls are the sessions credited less than they cost (their user's allowance ran out; they are
	// rejected records too, listed as such by the next batch file); every other session is credited
	// seconds × price. Allowances are the user-days the sessions were charged to: allowance(user, day) and
	// what every epoch so far, this one included, charged to it.
	Shortfalls []store.Shortfall `json:"shortfalls"`
	Allowances []AllowanceUse    `json:"allowances"`
}

// AllowanceUse is one user-day in a batch file.
type AllowanceUse struct {
	User      common.Address `json:"user"`
	Day       uint64         `json:"day,string"`
	Allowance string         `json:"allowance"`
	Charged   string         `json:"charged"`
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
	cal, err := l.calendar(ctx)
	if err != nil {
		return err
	}
	var bf BatchFile
	err = l.store.InTx(ctx, func(tx *store.Tx) error {
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
		shortfalls, err := tx.Shortfalls(ctx, e.ID)
		if err != nil {
			return err
		}
		// One epoch is in flight at a time: the user-days' charges are still what this epoch left.
		sessions, _, err := tx.Credits(ctx, e.FirstSeq, e.LastSeq, e.Sessions)
		if err != nil {
			return err
		}
		keys := userDays(sessions, cal)
		slices.SortFunc(keys, func(a, b UserDay) int {
			if c := bytes.Compare(a.User[:], b.User[:]); c != 0 {
				return c
			}
			return cmp.Compare(a.Day, b.Day)
		})
		days, err := tx.DayCharges(ctx, keys)
		if err != nil {
			return err
		}
		uses := make([]AllowanceUse, 0, len(keys))
		for _, k := range keys {
			if dc := days[k]; dc != nil {
				uses = append(uses, AllowanceUse{User: k.User, Day: k.Day, Allowance: dc.Allowance.Dec(), Charged: dc.Charged.Dec()})
			}
		}
		var carried uint256.Int
		carried.Sub(&e.OwedTotal, &e.Delta)
		bf = BatchFile{Version: 2, ChainID: l.chainID, ComputePool: l.pool.Address(), Epoch: e.Number, Day: e.Day,
			Cutoff: e.Cutoff, Root: e.Root, Shortfalls: shortfalls, Allowances: uses, CumulativeTotal: e.Total.Dec(), Delta: e.Delta.Dec(),
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

// recheck verifies again, against the chain as it is now, the pending sessions of a vetoed epoch (a
// guardian veto usually follows a revoked router or provider). Sessions that fail move to the rejected
// table with code "<code>_on_recheck"; the rest are cleared, with what verification found, for the next
// assembly. The RPC work happens outside the
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
	return l.store.InTx(ctx, func(tx *store.Tx) error {
		for i := range sessions {
			s := &sessions[i]
			if rej := rejected[s.ID]; rej != nil {
				if err := tx.InsertRejected(ctx, rejectedRow(s.Feed, s.Cursor, rej, s.Record)); err != nil {
					return err
				}
				if err := tx.DeletePending(ctx, s.ID); err != nil {
					return err
				}
				l.metrics.rejected.WithLabelValues(rej.Code).Inc()
				l.log.Warn("session rejected on recheck after a veto", zap.Stringer("session", s.ID), zap.String("code", rej.Code), zap.String("detail", rej.Detail))
				continue
			}
			if err := tx.ClearRecheck(ctx, verified[s.ID]); err != nil {
				return err
			}
		}
		return nil
	})
}
