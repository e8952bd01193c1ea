package ledger

import (
	"bytes"
	"context"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Account is one account's position: Owed is everything it ever earned (seconds × price split, PROTOCOL
// §8), Credited what the newest tree gives it (its cumulative leaf amount). Owed - Credited is what
// budget scaling carried forward.
type Account = store.Account

// Book is every account's position.
type Book map[common.Address]*Account

func (b Book) get(a common.Address) *Account {
	acc := b[a]
	if acc == nil {
		acc = new(Account)
		b[a] = acc
	}
	return acc
}

// AddSessions adds the allowance-funded part of what charging credited each session (charges[i].Credited
// minus FromDeposit, split per PROTOCOL §8) to Owed: the amount minus the builder fee to ticket.provider,
// the fee to the model's builder. Budget scaling (Apply) then pays it as the budget allows.
func (b Book) AddSessions(sessions []Session, charges []Charge) {
	for i := range sessions {
		b.add(&sessions[i], charges[i].FromBudget(), false)
	}
}

// AddDeposits adds the deposit-funded part of what charging credited each session (FromDeposit, split
// the same way) to both Owed and Credited: a deposit pays in full and never draws on the budget, so budget
// scaling never sees it. It returns what it added (the epoch's deposit-funded delta).
func (b Book) AddDeposits(sessions []Session, charges []Charge) uint256.Int {
	var total uint256.Int
	for i := range sessions {
		c := &charges[i].FromDeposit
		if c.IsZero() {
			continue
		}
		s := &sessions[i]
		b.add(s, c, false)
		p, f := wire.Split(c, s.FeeBps)
		b.get(s.Provider).Credited.Add(&b.get(s.Provider).Credited, p)
		if !f.IsZero() {
			b.get(s.Builder).Credited.Add(&b.get(s.Builder).Credited, f)
		}
		total.Add(&total, c)
	}
	return total
}

// add adds (or, with sub, takes back) amount credited to session s.
func (b Book) add(s *Session, amount *uint256.Int, sub bool) {
	p, f := wire.Split(amount, s.FeeBps)
	for _, c := range []struct {
		a common.Address
		v *uint256.Int
	}{{s.Provider, p}, {s.Builder, f}} {
		if c.v.IsZero() {
			continue
		}
		acc := b.get(c.a)
		if sub {
			acc.Owed.Sub(&acc.Owed, c.v)
		} else {
			acc.Owed.Add(&acc.Owed, c.v)
		}
	}
}

// Scaling is the outcome of crediting an epoch.
type Scaling struct {
	Pending  uint256.Int // Σ (owed - credited) before the epoch: what it would pay in full
	Delta    uint256.Int // what it pays: Σ of the credited increases (<= budget)
	FactorN  uint256.Int // factor numerator (the budget when scaled, else equal to FactorD)
	FactorD  uint256.Int // factor denominator (Pending when scaled)
	Scaled   bool
	Changed  []common.Address // accounts whose Credited rose
	Total    uint256.Int      // Σ Credited after: the epoch's cumulativeTotal
	Leftover uint256.Int      // Pending - Delta: carried forward to later epochs
}

// Apply credits every account's outstanding amount (Owed - Credited) within budget and returns what it
// did. The carry-forward rule:
//
//   - If the outstanding total fits in budget, every account is credited in full (factor 1).
//   - Otherwise every account gets floor(outstanding × budget / outstandingTotal): the epoch is scaled
//     down pro rata by factor budget/outstandingTotal (recorded in the batch file). What is not credited
//     stays outstanding (Owed > Credited) and is part of the next epoch's outstanding total, so it is paid
//     as soon as budget allows: a credit is never lost, only delayed, and never paid twice because
//     Credited only grows towards Owed.
//
// Rounding down keeps Σ increases <= budget; the rounding dust also stays outstanding.
func (b Book) Apply(budget *uint256.Int) Scaling {
	var s Scaling
	accounts := b.sortedAccounts()
	outstanding := make([]uint256.Int, len(accounts))
	for i, a := range accounts {
		acc := b[a]
		if acc.Owed.Gt(&acc.Credited) {
			outstanding[i].Sub(&acc.Owed, &acc.Credited)
			s.Pending.Add(&s.Pending, &outstanding[i])
		}
	}
	s.FactorN, s.FactorD = s.Pending, s.Pending
	if s.Pending.Gt(budget) {
		s.Scaled = true
		s.FactorN = *budget
	}
	var inc uint256.Int
	for i, a := range accounts {
		if outstanding[i].IsZero() {
			continue
		}
		inc = outstanding[i]
		if s.Scaled {
			// outstanding × budget fits: both are below 2^128 (42M MOR in wei < 2^86).
			inc.Mul(&inc, budget)
			inc.Div(&inc, &s.Pending)
		}
		if inc.IsZero() {
			continue
		}
		acc := b[a]
		acc.Credited.Add(&acc.Credited, &inc)
		s.Delta.Add(&s.Delta, &inc)
		s.Changed = append(s.Changed, a)
	}
	for _, a := range accounts {
		s.Total.Add(&s.Total, &b[a].Credited)
	}
	s.Leftover.Sub(&s.Pending, &s.Delta)
	return s
}

// Entries returns the tree entries (accounts with a positive Credited), sorted by account.
func (b Book) Entries() []merkle.Entry {
	out := make([]merkle.Entry, 0, len(b))
	for _, a := range b.sortedAccounts() {
		if !b[a].Credited.IsZero() {
			out = append(out, merkle.Entry{Account: a, Amount: b[a].Credited})
		}
	}
	return out
}

func (b Book) sortedAccounts() []common.Address {
	out := make([]common.Address, 0, len(b))
	for a := range b {
		out = append(out, a)
	}
	slices.SortFunc(out, func(x, y common.Address) int { return bytes.Compare(x[:], y[:]) })
	return out
}

// Charging: one allowance across all routers (PROTOCOL §8 v2). Every session is charged to its user's
// protocol day d — the day of its closedAt — and credited only what allowance(user, d) still covers. The
// sessions of a user-day are charged in the order (closedAt, sessionId) across every router's feed: an
// epoch numbers its sessions in that order (store.PromotePending) and a user-day's charge is cumulative
// across epochs (the allowances table), so every keeper fed the same records credits the same amounts. A
// session straddling the limit is credited the part of its cost the allowance still covers (its shortfall
// is the rest); a session closed before payoutStart has no day and no allowance, and is credited nothing.

// Allowances is what charging reads from the ComputePool (ChainPool implements it).
type Allowances interface {
	// Calendar returns payoutStart and the protocol day's length in seconds (fixed at deployment).
	Calendar(ctx context.Context) (payoutStart, interval uint64, err error)
	// Allowance returns allowance(user, day) (PROTOCOL §4); the day must have begun on-chain. It reads
	// the day-start checkpoints only, so it never changes once the day has begun: the keeper reads it once.
	Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error)
}

// Calendar maps a unix time to its protocol day (PROTOCOL §2), and a session to the day it is charged to.
type Calendar struct {
	PayoutStart, Interval uint64
	// Floor: a session that closed before it is charged to Floor's day (ChargeDay). After sets it.
	Floor uint64
}

// After returns the calendar of the epoch that follows prev (nil: the first epoch). Its floor is one day
// before prev's cutoff: a record up to a day late keeps its own day; one closed earlier is charged to the
// floor's day. closedAt is the router's word and the RFC's deadline the user's, so without a floor a
// router and a user in league could date sessions on every past day and collect each day's unused
// allowance; PROTOCOL §4: unused allowance does not accrue. Cutoffs never go back (due), so neither does
// the floor, and every keeper derives it from the same epochs.
func (c Calendar) After(prev *EpochRow) Calendar {
	c.Floor = 0
	if prev != nil && uint64(prev.Cutoff) > c.Interval {
		c.Floor = uint64(prev.Cutoff) - c.Interval
	}
	return c
}

// ChargeDay returns the protocol day a session that closed at closedAt is charged to: its own, or the
// floor's day when it closed before the floor (After). ok is false before payoutStart.
func (c Calendar) ChargeDay(closedAt uint64) (day uint64, ok bool) {
	return c.Day(max(closedAt, c.Floor))
}

// Day returns the protocol day of unix time t; ok is false before payoutStart (no day, no allowance).
func (c Calendar) Day(t uint64) (day uint64, ok bool) {
	return settle.Day(c.PayoutStart, c.Interval, t)
}

// UserDay names one user's protocol day; DayCharge is its allowance and what the live epochs charged to it.
type (
	UserDay   = store.UserDay
	DayCharge = store.DayCharge
)

// Charge is what charging did with one session: its cost (seconds × price), the part credited and, of it,
// the part its user's deposit paid (the rest came from the allowance). NoDeposit says why the deposit paid
// no more ("" when it was not needed). Deferred: the session is not charged in this epoch (its deposit
// charge did not fit in what the day's spend cap had left, or an earlier session of its user was
// deferred); it stays pending for a later epoch, and nothing was taken from any source.
type Charge struct {
	Day         uint64
	HasDay      bool
	Cost        uint256.Int
	Credited    uint256.Int
	FromDeposit uint256.Int
	NoDeposit   string
	Deferred    bool
}

// FromBudget returns the allowance-funded part of the credit: what draws on the compute budget.
func (c *Charge) FromBudget() *uint256.Int {
	return new(uint256.Int).Sub(&c.Credited, &c.FromDeposit)
}

// Code is the rejection code of a session credited less than it cost: deposit_exceeded when its RFC said
// useDeposit (the deposit could not pay the rest either), else allowance_exceeded.
func (c *Charge) Code(s *Session) string {
	if s.UseDeposit {
		return RejectDeposit
	}
	return RejectAllowance
}

// Short reports whether the session was credited less than it cost.
func (c *Charge) Short() bool { return c.Credited.Lt(&c.Cost) }

// source is one thing a session's cost is charged to: its limit and what was charged to it so far.
type source struct {
	limit, used *uint256.Int
	deposit     bool // the user's deposit (else its allowance)
}

// take charges up to want to the source and returns what it covered.
func (s source) take(want *uint256.Int) uint256.Int {
	var left uint256.Int
	if s.limit.Gt(s.used) {
		left.Sub(s.limit, s.used)
	}
	if want.Lt(&left) {
		left = *want
	}
	s.used.Add(s.used, &left)
	return left
}

// sources are what session s may be charged to, in order: the user's free allowance for the day, then,
// where the RFC says useDeposit, the user's deposit (DepositBook.source); why says why the deposit is not.
func sources(s *Session, day UserDay, days map[UserDay]*DayCharge, deposits *DepositBook) (out []source, why string) {
	if dc := days[day]; dc != nil {
		out = append(out, source{limit: &dc.Allowance, used: &dc.Charged})
	}
	why = "the RFC does not say useDeposit"
	if deposits != nil {
		var d source
		if d, why = deposits.source(s); d.limit != nil {
			out = append(out, d)
		}
	}
	return out, why
}

// ChargeSessions charges sessions, in the order given (the charging order: closedAt, then sessionId), to
// their users' days in days (every user-day of the sessions must be there) and then, where the RFC says
// useDeposit, to their deposits (nil: none), updating each day's Charged and each user's Spent, and returns
// what each session is credited and what of it its deposit paid. This is the one place the rule lives.
//
// The daily spend cap (deposits.SpendLeft): a session whose deposit charge does not fit in what the cap has
// left is deferred, whole, and so is every later session of its user (its sessions stay charged in their
// order); the sessions of other users go on being charged. A deferred session takes nothing from any
// source: a later epoch charges it as if it came first. Never scaled, never rejected for the cap.
func ChargeSessions(sessions []Session, cal Calendar, days map[UserDay]*DayCharge, deposits *DepositBook) ([]Charge, error) {
	out := make([]Charge, len(sessions))
	var deferred map[common.Address]bool
	for i := range sessions {
		s, c := &sessions[i], &out[i]
		cost, overflow := s.Cost()
		if overflow {
			return nil, fmt.Errorf("ledger: session %s: cost overflows", s.ID)
		}
		c.Cost = *cost
		if deferred[s.User] {
			c.Deferred = true
			continue
		}
		if c.Day, c.HasDay = cal.ChargeDay(s.ClosedAt); !c.HasDay {
			continue
		}
		k := UserDay{User: s.User, Day: c.Day}
		if days[k] == nil {
			return nil, fmt.Errorf("ledger: no allowance loaded for %s on day %d", s.User, c.Day)
		}
		want := c.Cost
		srcs, why := sources(s, k, days, deposits)
		used := make([]uint256.Int, len(srcs)) // before this session: a deferral puts them back
		for j, src := range srcs {
			used[j] = *src.used
			got := src.take(&want)
			c.Credited.Add(&c.Credited, &got)
			if src.deposit {
				c.FromDeposit.Add(&c.FromDeposit, &got)
			}
			want.Sub(&want, &got)
		}
		if !deposits.fitsCap(&c.FromDeposit) {
			for j, src := range srcs {
				*src.used = used[j]
			}
			*c = Charge{Day: c.Day, HasDay: true, Cost: c.Cost, Deferred: true}
			if deferred == nil {
				deferred = map[common.Address]bool{}
			}
			deferred[s.User] = true
			continue
		}
		deposits.takeCap(&c.FromDeposit)
		if !want.IsZero() {
			c.NoDeposit = why
		}
	}
	return out, nil
}

// userDays returns the distinct user-days of sessions.
func userDays(sessions []Session, cal Calendar) []UserDay {
	seen := map[UserDay]bool{}
	var out []UserDay
	for i := range sessions {
		if d, ok := cal.ChargeDay(sessions[i].ClosedAt); ok {
			k := UserDay{User: sessions[i].User, Day: d}
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
