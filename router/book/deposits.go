package book

import (
	"fmt"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// The users' MOR deposits in the ComputePool (PROTOCOL §4 "Paid usage"), folded from its Deposited,
// WithdrawalRequested, WithdrawalCancelled and Withdrawn events, and each epoch's deposit spend
// (SpendCommitted), and the daily spend cap's schedule (DailySpendCapSet). There can be a deposit per
// user, so the deposits are not copied into every Snapshot: the State and its snapshots share one
// Deposits, safe for concurrent use, which may be a few blocks ahead of a snapshot's Block. The cap's
// schedule is a few entries, replaced whole on each change, so a snapshot keeps the one of its Block.

// Deposit is one user's deposit as the events tell it.
type Deposit struct {
	Deposit *uint256.Int // depositOf(user): deposited minus withdrawn (the spend stays in it until withdrawn)
	// Requested is the pending withdrawal request (zero: none), payable from ReadyAt.
	Requested *uint256.Int
	ReadyAt   uint64
	// SpentProven is the cumulative spend the user's last withdrawal proved (Withdrawn.cumulativeSpent): what
	// deposits had paid for the user up to then, across every router.
	SpentProven *uint256.Int
	// Withdrawals counts the user's paid withdrawals. Every session a router admitted before a withdrawal
	// request is settled (and in SpentProven) by the time it is paid, so a router counts its own deposit
	// charges afresh after each one: the count names the period they belong to.
	Withdrawals uint64
}

// DepositTotals are the market's deposit figures (for the transparency page).
type DepositTotals struct {
	Held            *uint256.Int `json:"held"`      // deposits held: the ComputePool's totalDeposits
	Deposited       *uint256.Int `json:"deposited"` // ever deposited
	Withdrawn       *uint256.Int `json:"withdrawn"` // ever withdrawn
	Depositors      uint64       `json:"depositors,string"`
	PendingCount    uint64       `json:"pendingWithdrawals,string"`
	PendingAmount   *uint256.Int `json:"pendingAmount"` // the pending requests' amounts (withdraw pays at most the unspent part)
	CumulativeSpent *uint256.Int `json:"cumulativeSpent"`
}

// Deposits is every user's deposit. Safe for concurrent use.
type Deposits struct {
	mu     sync.RWMutex
	users  map[common.Address]*Deposit
	totals DepositTotals
}

func newDeposits() *Deposits {
	return &Deposits{users: map[common.Address]*Deposit{}, totals: DepositTotals{Held: new(uint256.Int), Deposited: new(uint256.Int),
		Withdrawn: new(uint256.Int), PendingAmount: new(uint256.Int), CumulativeSpent: new(uint256.Int)}}
}

// Of returns a copy of user's deposit (all zero when it never deposited).
func (d *Deposits) Of(user common.Address) Deposit {
	if d == nil {
		return Deposit{Deposit: new(uint256.Int), Requested: new(uint256.Int), SpentProven: new(uint256.Int)}
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	a, ok := d.users[user]
	if !ok {
		return Deposit{Deposit: new(uint256.Int), Requested: new(uint256.Int), SpentProven: new(uint256.Int)}
	}
	return Deposit{Deposit: a.Deposit.Clone(), Requested: a.Requested.Clone(), ReadyAt: a.ReadyAt, SpentProven: a.SpentProven.Clone(), Withdrawals: a.Withdrawals}
}

// Totals returns a copy of the market's deposit figures.
func (d *Deposits) Totals() DepositTotals {
	if d == nil {
		d = newDeposits()
	}
	d.mu.RLock()
	defer d.mu.RUnlock()
	t := d.totals
	t.Held, t.Deposited, t.Withdrawn, t.PendingAmount, t.CumulativeSpent = t.Held.Clone(), t.Deposited.Clone(), t.Withdrawn.Clone(), t.PendingAmount.Clone(), t.CumulativeSpent.Clone()
	return t
}

// user returns user's record, creating it; d.mu must be held.
func (d *Deposits) user(user common.Address) *Deposit {
	a, ok := d.users[user]
	if !ok {
		a = &Deposit{Deposit: new(uint256.Int), Requested: new(uint256.Int), SpentProven: new(uint256.Int)}
		d.users[user] = a
		d.totals.Depositors++
	}
	return a
}

// setDeposit sets user's deposit to v, keeping Held the sum of the deposits; d.mu must be held.
func (d *Deposits) setDeposit(a *Deposit, v *uint256.Int) {
	d.totals.Held.Sub(d.totals.Held, a.Deposit)
	d.totals.Held.Add(d.totals.Held, v)
	a.Deposit = v
}

// dropRequest clears a pending request; d.mu must be held.
func (d *Deposits) dropRequest(a *Deposit) {
	if !a.Requested.IsZero() {
		d.totals.PendingCount--
		d.totals.PendingAmount.Sub(d.totals.PendingAmount, a.Requested)
	}
	a.Requested, a.ReadyAt = new(uint256.Int), 0
}

// applyDeposit folds one of the ComputePool's deposit events.
func (s *State) applyDeposit(l *types.Log, name string) error {
	d := s.Deposits
	d.mu.Lock()
	defer d.mu.Unlock()
	var err error
	switch name {
	case "Deposited":
		var e *computepool.ComputePoolDeposited
		if e, err = s.pool.ParseDeposited(*l); err == nil {
			d.setDeposit(d.user(e.User), u(e.Deposit))
			d.totals.Deposited.Add(d.totals.Deposited, u(e.Amount))
		}
	case "WithdrawalRequested": // replaces any pending request
		var e *computepool.ComputePoolWithdrawalRequested
		if e, err = s.pool.ParseWithdrawalRequested(*l); err == nil {
			a := d.user(e.User)
			d.dropRequest(a)
			a.Requested, a.ReadyAt = u(e.Amount), e.ReadyAt
			d.totals.PendingCount++
			d.totals.PendingAmount.Add(d.totals.PendingAmount, a.Requested)
		}
	case "WithdrawalCancelled":
		var e *computepool.ComputePoolWithdrawalCancelled
		if e, err = s.pool.ParseWithdrawalCancelled(*l); err == nil {
			d.dropRequest(d.user(e.User))
		}
	case "Withdrawn":
		var e *computepool.ComputePoolWithdrawn
		if e, err = s.pool.ParseWithdrawn(*l); err == nil {
			a := d.user(e.User)
			d.dropRequest(a)
			d.setDeposit(a, u(e.Deposit))
			a.SpentProven = u(e.CumulativeSpent)
			a.Withdrawals++
			d.totals.Withdrawn.Add(d.totals.Withdrawn, u(e.Amount))
		}
	case "SpendCommitted": // emitted right after its epoch's RootCommitted, in the same transaction
		var e *computepool.ComputePoolSpendCommitted
		if e, err = s.pool.ParseSpendCommitted(*l); err == nil {
			if n := len(s.Epochs); n > 0 && e.Epoch.IsUint64() && s.Epochs[n-1].Epoch == e.Epoch.Uint64() {
				s.Epochs[n-1].DepositFunded, s.Epochs[n-1].CumulativeSpent = u(e.DepositFunded), u(e.CumulativeSpent)
			}
			d.totals.CumulativeSpent = u(e.CumulativeSpent)
		}
	case "DailySpendCapSet":
		var e *computepool.ComputePoolDailySpendCapSet
		if e, err = s.pool.ParseDailySpendCapSet(*l); err == nil {
			if !e.EffectiveDay.IsUint64() {
				return fmt.Errorf("book: DailySpendCapSet: day out of range")
			}
			s.SpendCaps = setSpendCap(s.SpendCaps, SpendCap{Day: e.EffectiveDay.Uint64(), Cap: u(e.DailySpendCap)})
		}
	default:
		return ErrUnknownLog
	}
	if err != nil {
		return fmt.Errorf("book: decode %s: %w", name, err)
	}
	return nil
}

// depositEvents are the ComputePool events applyDeposit folds.
var depositEvents = []string{"Deposited", "WithdrawalRequested", "WithdrawalCancelled", "Withdrawn", "SpendCommitted", "DailySpendCapSet"}

// SpendCap is an entry of the daily spend cap's schedule: Cap (MOR wei of deposit spend a day's commits
// may add) is in force from protocol day Day until the next entry's day (ComputePool.spendCapAt).
type SpendCap struct {
	Day uint64
	Cap *uint256.Int
}

// setSpendCap is setDailySpendCap's rule: the entries after c's day are dropped, then c is pushed (one of
// the same day replaced). The contract also drops the caps above c scheduled for days not begun, which the
// event does not tell; the book keeps them, which changes no LowestSpendCap (a minimum over the entries). The
// ComputePool's constructor emits the first entry (day 0). It returns a new slice: the snapshots share the
// old one.
func setSpendCap(caps []SpendCap, c SpendCap) []SpendCap {
	out := make([]SpendCap, 0, len(caps)+1)
	for _, x := range caps {
		if x.Day < c.Day {
			out = append(out, x)
		}
	}
	return append(out, c)
}

// LowestSpendCap is the lowest daily spend cap in force on day or any day after it, as scheduled: the most
// deposit spend one session may add and still fit in a day's commits whichever day it is committed on
// (the router's tickets, router/api). Nil when the book has seen no DailySpendCapSet (no ComputePool, or
// the fold has not reached its constructor's event): no bound known, and router/api admits no useDeposit RFC.
func (s *Snapshot) LowestSpendCap(day uint64) *uint256.Int {
	var low *uint256.Int
	for i, c := range s.SpendCaps {
		if c.Day <= day && i+1 < len(s.SpendCaps) && s.SpendCaps[i+1].Day <= day {
			continue // replaced by a later entry before day
		}
		if low == nil || c.Cap.Lt(low) {
			low = c.Cap
		}
	}
	if low == nil {
		return nil
	}
	return low.Clone()
}

// SpentOnDay is what deposits paid in the live (not vetoed) epochs committed on protocol day day, among
// the snapshot's epochs.
func (s *Snapshot) SpentOnDay(day uint64) *uint256.Int {
	sum := new(uint256.Int)
	for i := range s.Epochs {
		if e := &s.Epochs[i]; e.Day == day && !e.Vetoed && e.DepositFunded != nil {
			sum.Add(sum, e.DepositFunded)
		}
	}
	return sum
}

// resetSpent sets the committed spend to the newest live epoch's after a veto discarded later ones.
func (d *Deposits) resetSpent(epochs []*Epoch) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.totals.CumulativeSpent = new(uint256.Int)
	for i := len(epochs) - 1; i >= 0; i-- {
		if e := epochs[i]; !e.Vetoed && e.CumulativeSpent != nil {
			d.totals.CumulativeSpent = e.CumulativeSpent.Clone()
			return
		}
	}
}
