// Assembly: when an epoch is due, and what it charges, credits and commits.

package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// errNoEpoch aborts an assembly transaction that found nothing to commit.
var errNoEpoch = errors.New("ledger: nothing to commit")

// heldError aborts an assembly transaction that deferred sessions (ChargeSessions): the assembly is run
// again, leaving them pending (held back by the spend cap) and numbering the others densely.
type heldError struct{ ids []common.Hash }

func (e *heldError) Error() string {
	return fmt.Sprintf("ledger: %d sessions deferred by the spend cap", len(e.ids))
}

// staleError aborts an assembly transaction whose deposit read is older than the pool's newest withdrawal
// (at): committed, its spend would be refused (StaleDepositsRead). Nothing is written; the next read waits
// until that withdrawal is final.
type staleError struct{ at uint64 }

func (e *staleError) Error() string {
	return fmt.Sprintf("ledger: deposits read before the withdrawal at %d", e.at)
}

// maxStaleReads is how many newer withdrawals the epoch due may wait for (each found after its deposit read,
// or while the read waited to be final) before it is assembled without its deposit charges: the deposits are
// read as of the cutoff, the sessions they would pay stay pending, held back, and the rest (allowance-paid
// sessions, every provider's pay for them) is committed with no spend rise, which the pool does not check
// against withdrawals. So a stream of withdrawals (one every block, from many accounts) delays deposit-paid
// sessions only, never the rest of the market (keeper/README.md "Withdrawal streams").
const maxStaleReads = 8

// withdrawalsOutran counts, while the epoch due waits for a withdrawal its deposit read follows, each newer
// withdrawal the pool paid since the cutoff (maxStaleReads). A wait for the cutoff itself to be final counts
// none.
func (l *Ledger) withdrawalsOutran(ctx context.Context, cutoff int64) error {
	ps, err := l.pool.State(ctx)
	if err != nil {
		return err
	}
	if ps.LastWithdrawAt > max(uint64(cutoff-1), l.withdrawFloor) {
		l.withdrawFloor = ps.LastWithdrawAt
		l.staleReads++
	}
	return nil
}

// maxHoldPasses bounds the assembly's reruns: one normally (the second pass defers nothing), more only if
// sessions closed before the cutoff arrived in between.
const maxHoldPasses = 8

// Assemble closes the next epoch when one is due (due): it checks that ledger and pool agree, numbers the
// pending sessions closed before the epoch's cutoff in the charging order, charges them to their users'
// allowances (ChargeSessions), credits what was covered, scales the epoch into the remaining budget,
// builds the cumulative tree and stores all of it, with the shortfalls, in one database transaction. It
// does nothing when no epoch is due, nothing is to be paid or no budget is left today. Sessions whose
// deposit charge does not fit in what today's spend cap has left are deferred: the transaction is run
// again without them, and they stay pending, held back, for a later epoch (a later day's cap). An epoch
// whose deposit read is older than the pool's newest withdrawal is not assembled (its commit would be
// refused): Assemble waits until that withdrawal is final, then reads again; after maxStaleReads such
// withdrawals it holds the deposit-paid sessions back instead. The pending sessions flagged (after a veto,
// a reorg deeper than the confirmations, or the keeper's start: flagReorged) are verified again first.
func (l *Ledger) Assemble(ctx context.Context) error {
	if err := l.flagReorged(ctx); err != nil {
		return fmt.Errorf("deep reorgs: %w", err)
	}
	if err := l.recheck(ctx); err != nil {
		return fmt.Errorf("recheck: %w", err)
	}
	cal, err := l.calendar(ctx)
	if err != nil {
		return fmt.Errorf("calendar: %w", err)
	}
	cutoff, prev, ok, err := l.due(ctx, cal)
	if err != nil || !ok {
		return err
	}
	if err := l.dropDuplicates(ctx, cutoff); err != nil {
		return fmt.Errorf("duplicates: %w", err)
	}
	if err := l.loadAllowances(ctx, cal.After(prev), cutoff); err != nil {
		return fmt.Errorf("allowances: %w", err)
	}
	var deposits DepositBook // the accounts and when they were read (epochDeposits)
	holdDeposits := l.staleReads >= maxStaleReads
	if l.deposits != nil && cutoff > 0 {
		err = l.epochDeposits(ctx, cutoff, holdDeposits, &deposits)
		if errors.Is(err, ErrDepositsNotFinal) {
			if errors.Is(err, ErrWithdrawalNotSettled) || l.withdrawFloor > uint64(cutoff-1) {
				if err := l.withdrawalsOutran(ctx, cutoff); err != nil {
					return fmt.Errorf("pool state: %w", err)
				}
			}
			l.log.Info("epoch due but the deposits as of its cutoff are not final yet: waiting, nothing committed",
				zap.Int64("cutoff", cutoff), zap.Error(err))
			l.metrics.epochs.WithLabelValues("waiting_deposits_final").Inc()
			return nil
		}
		if err != nil {
			return fmt.Errorf("deposits: %w", err)
		}
	}
	ps, err := l.pool.State(ctx)
	if err != nil {
		return fmt.Errorf("pool state: %w", err)
	}
	var assembled *EpochRow
	var uncovered []Session // sessions charged nothing, with nothing else to pay: rejected without an epoch
	var uncoveredCharges []Charge
	var hold []common.Hash // sessions deferred by the spend cap or a stale read: left pending, held back
	staleHeld := 0         // how many of them a stale read held back
	for pass := 0; ; pass++ {
		err = l.store.InTx(ctx, func(tx *store.Tx) error {
			assembled, uncovered = nil, nil
			if err := tx.LockSessions(ctx); err != nil { // before any row is written: no ingest in between
				return err
			}
			if l.reorgsSeen() != l.flagged { // a session may have been verified on blocks gone since: recheck first
				return errReorgSeen
			}
			// The ledger's newest live epoch must be the pool's newest: same number, same total.
			var number uint64
			var prevTotal uint256.Int
			var after int64 // the sessions with seq > after are not credited yet
			spend := &DepositBook{Accounts: deposits.Accounts, Spent: map[common.Address]*uint256.Int{},
				ReadAt: deposits.ReadAt}
			if ps.RemainingSpend != nil {
				spend.SpendLeft = new(uint256.Int).Set(ps.RemainingSpend)
			}
			prev, err := tx.NewestLive(ctx)
			switch {
			case errors.Is(err, store.ErrNotFound):
				prev = nil
			case err != nil:
				return err
			default:
				number, prevTotal, after = prev.Number+1, prev.Total, prev.LastSeq
				ps, err := tx.SpendOf(ctx, prev.ID)
				if err != nil {
					return err
				}
				for i := range ps.Leaves {
					spend.Spent[ps.Leaves[i].User] = &ps.Leaves[i].Amount
				}
				// The read stated is never before the previous epoch's (the pool keeps that floor whatever is
				// stated, ComputePool._readFloor): the leaves carry over, so the tree lists every depositor up to
				// it, also in hold mode, whose read at the cutoff minus one second may be before the previous
				// epoch's read at a withdrawal. Which deposits may be charged still follows the read made.
				spend.ReadAt = max(spend.ReadAt, ps.ReadAt)
			}
			if number != ps.NextEpoch || !prevTotal.Eq(&ps.TotalCommitted) {
				return fmt.Errorf("%w: ledger next epoch %d total %s, pool next epoch %d total %s",
					ErrChainMismatch, number, prevTotal.Dec(), ps.NextEpoch, ps.TotalCommitted.Dec())
			}

			// The pending sessions closed before the cutoff become (after, last], numbered in the charging
			// order; if nothing is committed the transaction is rolled back and they stay pending.
			last, err := tx.PromotePending(ctx, cutoff, after, hold)
			if err != nil {
				return err
			}
			sessions, _, err := tx.Credits(ctx, after+1, last, last-after)
			if err != nil {
				return err
			}
			cal := cal.After(prev) // prev is nil for the first epoch (ErrNotFound above)
			days, err := tx.DayCharges(ctx, userDays(sessions, cal))
			if err != nil {
				return err
			}
			charges, err := ChargeSessions(sessions, cal, days, spend)
			if err != nil {
				return err
			}
			if ids := deferredSessions(sessions, charges); len(ids) > 0 {
				return &heldError{ids: ids} // nothing written: run again without them
			}
			// A spend read before the pool's newest withdrawal would be refused: wait until that withdrawal
			// is final and read again, or, after maxStaleReads such waits, hold the deposit-paid sessions back.
			if ids := depositPaidSessions(sessions, charges); len(ids) > 0 && ps.LastWithdrawAt > deposits.ReadAt {
				if !holdDeposits {
					return &staleError{at: ps.LastWithdrawAt}
				}
				staleHeld += len(ids)
				return &heldError{ids: ids}
			}
			accounts, err := tx.Accounts(ctx)
			if err != nil {
				return err
			}
			book := Book(accounts)
			book.AddSessions(sessions, charges)
			paid := book.AddDeposits(sessions, charges) // in full, outside the budget
			sc := book.Apply(&ps.RemainingBudget)
			sc.Delta.Add(&sc.Delta, &paid)
			sc.Pending.Add(&sc.Pending, &paid)
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
			spendLeaves, spent, spendRoot, err := spend.spendTree()
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
			if err := tx.InsertSpend(ctx, e.ID, &store.Spend{Root: spendRoot, Total: spent, Leaves: spendLeaves,
				Charges: depositCharges(sessions, charges), ReadAt: spend.ReadAt}); err != nil {
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
			f := 1.0 // nothing outstanding (FactorN = FactorD = 0, e.g. an epoch of deposit-paid credits only): no scaling
			if !sc.FactorD.IsZero() {
				f, _ = new(big.Float).Quo(new(big.Float).SetInt(sc.FactorN.ToBig()), new(big.Float).SetInt(sc.FactorD.ToBig())).Float64()
			}
			l.metrics.scale.Set(f)
			return nil
		})
		var held *heldError
		if !errors.As(err, &held) {
			break
		}
		if pass == maxHoldPasses {
			return fmt.Errorf("ledger: sessions deferred again after %d passes: %w", pass, err)
		}
		hold = append(hold, held.ids...)
	}
	var stale *staleError
	if errors.As(err, &stale) {
		l.withdrawFloor = stale.at
		l.staleReads++
		l.log.Info("epoch due but its deposits were read before the pool's newest withdrawal: waiting until that is final, nothing committed",
			zap.Int64("cutoff", cutoff), zap.Uint64("readAt", deposits.ReadAt), zap.Uint64("lastWithdrawAt", stale.at),
			zap.Int("staleReads", l.staleReads))
		l.metrics.epochs.WithLabelValues("waiting_withdrawal_final").Inc()
		return nil
	}
	if len(hold) > staleHeld && assembled != nil {
		l.log.Info("deposit charges beyond today's spend cap deferred to a later epoch", zap.Int("sessions", len(hold)-staleHeld),
			zap.String("remainingSpend", ps.RemainingSpend.Dec()))
	}
	if staleHeld > 0 && assembled != nil {
		l.log.Warn("deposits read stale again and again (a withdrawal after every read): deposit-paid sessions held back, the rest committed",
			zap.Int("sessions", staleHeld), zap.Int("staleReads", l.staleReads), zap.Uint64("lastWithdrawAt", ps.LastWithdrawAt))
	}
	if err == nil || errors.Is(err, errNoEpoch) {
		l.staleReads = 0 // the epoch due was assembled, or had nothing to commit
	}
	if errors.Is(err, errNoEpoch) {
		// Sessions deferred with nothing else to commit: their marks went with the rolled-back transaction.
		// Unmarked, the oldest of them would keep the next epoch's cutoff at its window (due), so that no
		// later session of anyone were ever credited while it does not fit: one deposit-paid session over
		// the day's spend cap, alone in its window, would stall settlement. Held, they wait without holding
		// the windows after theirs, and every later assembly tries them again.
		if len(hold) > 0 {
			if err := l.store.InTx(ctx, func(tx *store.Tx) error { return tx.HoldPending(ctx, hold) }); err != nil {
				return fmt.Errorf("ledger: hold deferred sessions: %w", err)
			}
			l.log.Info("sessions deferred with nothing to commit: held back, later windows go on",
				zap.Int("sessions", len(hold)), zap.Int64("cutoff", cutoff))
		}
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

// dropDuplicates rejects, as duplicates, the pending sessions closed before cutoff whose id is credited or
// pruned already, and then, as nothing_billed, those that bill nothing, in a transaction of its own, committed
// whatever the assembly then does (the batch file of the next epoch assembled lists them). Ingest refuses a
// duplicate, but a keeper on PostgreSQL before store.LockSessions could store one while an epoch was being
// assembled, and every later assembly then failed on it: such a database heals here. A session that bills
// nothing is never credited (PromotePending skips it), so it never owns its session id: a hostile router's
// expired copy cannot make a billing close read later a duplicate (copies.go).
func (l *Ledger) dropDuplicates(ctx context.Context, cutoff int64) error {
	var duplicates, unbilled []store.Session
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		if duplicates, err = tx.DropDuplicatePending(ctx, cutoff); err != nil {
			return err
		}
		for i := range duplicates {
			s := &duplicates[i]
			firstFeed, err := tx.SessionFeed(ctx, s.ID)
			if err != nil {
				return err
			}
			rej := reject(s.ID, RejectDuplicate, "session already billed through feed %s", firstFeed)
			if err := tx.InsertRejected(ctx, rejectedRow(s.Feed, s.Cursor, rej, s.Record)); err != nil {
				return err
			}
		}
		if unbilled, err = tx.DropUnbilledPending(ctx, cutoff); err != nil {
			return err
		}
		for i := range unbilled {
			s := &unbilled[i]
			rej := reject(s.ID, RejectNothingBilled, "bills nothing: not credited, and a copy of the session that bills is still credited")
			if err := tx.InsertRejected(ctx, rejectedRow(s.Feed, s.Cursor, rej, s.Record)); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && len(duplicates) > 0 {
		l.metrics.rejected.WithLabelValues(RejectDuplicate).Add(float64(len(duplicates)))
		l.log.Warn("pending sessions credited already dropped as duplicates", zap.Int("sessions", len(duplicates)))
	}
	if err == nil && len(unbilled) > 0 {
		l.metrics.rejected.WithLabelValues(RejectNothingBilled).Add(float64(len(unbilled)))
		l.log.Info("sessions billing nothing listed as rejected", zap.Int("sessions", len(unbilled)))
	}
	return err
}

// RejectAllowance is the rejection code of a session its user's allowance did not cover in full, and
// RejectDeposit that of a session whose RFC said useDeposit and which allowance and deposit together did not
// cover: the batch file of its epoch lists it among the shortfalls (credited part and cost).
const (
	RejectAllowance = "allowance_exceeded"
	RejectDeposit   = "deposit_exceeded"
)

// deferredSessions lists the sessions charging deferred (the spend cap), in order.
func deferredSessions(sessions []Session, charges []Charge) []common.Hash {
	var out []common.Hash
	for i := range sessions {
		if charges[i].Deferred {
			out = append(out, sessions[i].ID)
		}
	}
	return out
}

// depositPaidSessions lists the sessions charged to a deposit with their users' later sessions (as the
// spend cap defers them: no later session takes a user's allowance before an earlier one), in order.
func depositPaidSessions(sessions []Session, charges []Charge) []common.Hash {
	var out []common.Hash
	held := map[common.Address]bool{}
	for i := range sessions {
		if held[sessions[i].User] || !charges[i].FromDeposit.IsZero() {
			held[sessions[i].User] = true
			out = append(out, sessions[i].ID)
		}
	}
	return out
}

// depositCharges lists what sessions were charged to deposits.
func depositCharges(sessions []Session, charges []Charge) []store.DepositCharge {
	var out []store.DepositCharge
	for i := range sessions {
		if !charges[i].FromDeposit.IsZero() {
			out = append(out, store.DepositCharge{SessionID: sessions[i].ID, User: sessions[i].User, Amount: charges[i].FromDeposit})
		}
	}
	return out
}

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
		l.metrics.rejected.WithLabelValues(c.Code(s)).Inc()
	}
	return nil
}

// shortfallRow is the rejected table's row of a session charged c.
func shortfallRow(s *Session, c *Charge) store.Rejected {
	detail := fmt.Sprintf("credited %s of %s wei: allowance of %s for day %d used up", c.Credited.Dec(), c.Cost.Dec(), s.User, c.Day)
	if s.UseDeposit {
		detail = fmt.Sprintf("credited %s of %s wei (%s from the deposit): allowance of %s for day %d used up, %s",
			c.Credited.Dec(), c.Cost.Dec(), c.FromDeposit.Dec(), s.User, c.Day, c.NoDeposit)
	}
	if !c.HasDay {
		detail = fmt.Sprintf("credited nothing of %s wei: closed at %d, before payoutStart", c.Cost.Dec(), s.ClosedAt)
	}
	rec, _ := json.Marshal(map[string]string{"sessionId": s.ID.Hex(), "user": s.User.Hex(), "cost": c.Cost.Dec(), "credited": c.Credited.Dec()})
	return store.Rejected{Feed: s.Feed, Cursor: s.Cursor, SessionID: s.ID.Hex(), Code: c.Code(s), Detail: detail, Record: rec}
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
		for i := range sessions {
			l.metrics.rejected.WithLabelValues(charges[i].Code(&sessions[i])).Inc()
		}
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

// triedFeed records an ingest round's try of feed: read to its end or failed (cut false), or cut off at
// maxFeedPages. A feed counts as tried since the start once a round read it to its end or failed, or after
// maxCutRounds rounds cut it off: a backlog the routers published while the keeper was down is read before
// the overdue epoch is assembled (a round cut off at the page bound is not its end), and a feed that never
// ends holds the assembly maxCutRounds rounds at most.
func (l *Ledger) triedFeed(feed string, cut bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if cut {
		l.cutRounds[feed]++
	}
	if !cut || l.cutRounds[feed] >= maxCutRounds {
		l.tried[feed] = true
	}
}

// maxCutRounds bounds how many ingest rounds cut off at maxFeedPages hold the first assembly after a start
// (triedFeed): 200 pages, 100,000 records at the default page size.
const maxCutRounds = 10

// triedAll reports whether every feed was tried since the start.
func (l *Ledger) triedAll() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, f := range l.cfg.Feeds {
		if !l.tried[f] {
			return false
		}
	}
	return true
}

// due returns the cutoff of the epoch to assemble now, and the newest live epoch it follows (nil: none),
// if one is due. Epoch windows are EpochLength long
// (whole seconds) from payoutStart; the next epoch credits the pending sessions closed before the end of
// the window holding the oldest pending session. Its cutoff is a function of the records, not of when
// the keeper runs: a keeper that was down assembles the same epochs, one window each. The window is due
// once FeedGrace has passed since its end and every feed has been read to its end since (or a second
// grace has passed: an unreachable feed cannot hold settlement). Nothing is due before every feed was tried
// (read to its end, or failed) since the start: a keeper down past both graces would otherwise assemble
// without what the routers published meanwhile, and charge it late, after later sessions of its user-days;
// a dead feed holds it one try. Without pending sessions, an epoch of
// carried-forward credits is due an epoch length after the last one. Sessions held back (by the spend cap or
// a stale read) make no window due, but the cutoff is never before the end of the newest one's window: an
// assembly that held sessions and committed nothing read the deposits as of that window's end, and one with
// an older cutoff would read them before its users deposited (and charge them nothing). Whether a session is
// held depends on the pool's state when the keeper runs (what is left of the day's spend cap), so keepers
// running at other times may hold different sessions and commit different roots.
func (l *Ledger) due(ctx context.Context, cal Calendar) (cutoff int64, prev *EpochRow, ok bool, err error) {
	if !l.triedAll() {
		return 0, nil, false, nil
	}
	var oldest, newestHeld int64
	var pending, held bool
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		if oldest, pending, err = tx.OldestUnheld(ctx); err != nil { // held sessions' windows are closed already
			return err
		}
		if newestHeld, held, err = tx.NewestHeld(ctx); err != nil {
			return err
		}
		prev, err = tx.NewestLive(ctx)
		if errors.Is(err, store.ErrNotFound) {
			prev, err = nil, nil
		}
		return err
	}); err != nil {
		return 0, nil, false, err
	}
	window := max(int64(ceilSecond(l.cfg.EpochLength)/time.Second), 1)
	base := int64(cal.PayoutStart)
	windowEnd := func(t int64) int64 {
		if t < base {
			return base
		}
		return base + ((t-base)/window+1)*window
	}
	floor := base // never back: the charging floor follows the cutoffs (Calendar.After)
	if prev != nil {
		floor = prev.Cutoff
	}
	heldDue := false
	if held {
		// Held in an assembly that committed nothing, they may have closed after the newest cutoff: the next
		// cutoff covers their window (the one their deposits were read at), at once if nothing else is due.
		end := windowEnd(newestHeld)
		heldDue = prev == nil || end > prev.Cutoff
		floor = max(floor, end)
	}
	now := l.cfg.Now()
	if !pending && !heldDue {
		if prev == nil || now.Sub(time.Unix(prev.CreatedAt, 0)) < l.cfg.EpochLength {
			return 0, nil, false, nil
		}
		return prev.Cutoff, prev, true, nil
	}
	cutoff = floor
	if pending {
		cutoff = max(cutoff, windowEnd(oldest))
	}
	ready := time.Unix(cutoff, 0).Add(l.cfg.FeedGrace)
	if now.Before(ready) {
		return 0, nil, false, nil
	}
	if now.Before(ready.Add(l.cfg.FeedGrace)) {
		l.mu.Lock()
		defer l.mu.Unlock()
		for _, f := range l.cfg.Feeds {
			if l.caughtUpAt[f].Before(ready) {
				return 0, nil, false, nil
			}
		}
	}
	return cutoff, prev, true, nil
}

// loadAllowances reads from the chain, and stores, allowance(user, day) of every user-day of the pending
// sessions closed before cutoff that the store does not hold yet (outside any database transaction); cal is
// the epoch's calendar (Calendar.After the newest live epoch), so a late session's day is the one it is charged to.
func (l *Ledger) loadAllowances(ctx context.Context, cal Calendar, cutoff int64) error {
	var users []store.PendingUser
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		users, err = tx.PendingUsers(ctx, cutoff)
		return err
	}); err != nil {
		return err
	}
	for _, u := range users {
		first, ok := cal.ChargeDay(u.FirstClose)
		if !ok {
			first = 0
		}
		lastDay, ok := cal.ChargeDay(u.LastClose)
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
