package credit

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Counts is what a Checker counted, as provider serve keeps it across restarts (Checker.Counts, Restore):
// the current protocol day's allowance counts and every day's deposit counts, each open session's whole
// reservation included.
type Counts struct {
	Version   int       `json:"version"`
	Day       uint64    `json:"day,string"`
	Allowance []Counted `json:"allowance"` // of Day, per user
	Deposit   []Counted `json:"deposit"`   // every day's, per user
}

// Counted is one user's count.
type Counted struct {
	User   common.Address `json:"user"`
	Amount *uint256.Int   `json:"amount"`
}

// countsVersion is the version of Counts this code writes and reads.
const countsVersion = 1

// Counts returns what c counted and whether anything changed since the last call (a caller saving it
// skips an unchanged one). An open session counts its whole reservation: restored, it stays counted in
// full until the day's turn (allowance) or for good (deposit), though it bills less: stricter, never more
// lenient, than what keepers charge.
func (c *Checker) Counts() (Counts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	changed := c.changed
	c.changed = false
	k := Counts{Version: countsVersion, Day: c.day, Allowance: make([]Counted, 0, len(c.tallies.m)),
		Deposit: make([]Counted, 0, len(c.spent.m))}
	for key, t := range c.tallies.m {
		if !t.amount.IsZero() {
			k.Allowance = append(k.Allowance, Counted{User: key.user, Amount: t.amount.Clone()})
		}
	}
	for user, s := range c.spent.m {
		if !s.amount.IsZero() {
			k.Deposit = append(k.Deposit, Counted{User: user, Amount: s.amount.Clone()})
		}
	}
	return k, changed
}

// Restore adds k, the counts a previous run of the provider saved, to c's before any admission: a restart
// does not admit a user again what the provider admitted it before. Counts of a day before k.Day's turn
// are dropped at the turn as any are.
func (c *Checker) Restore(k Counts) error {
	if k.Version != countsVersion {
		return fmt.Errorf("credit: counts of version %d, this provider reads version %d", k.Version, countsVersion)
	}
	if len(k.Allowance) > maxUserDays || len(k.Deposit) > maxUserDays {
		return fmt.Errorf("credit: %d allowance and %d deposit counts, more than the bound %d", len(k.Allowance), len(k.Deposit), maxUserDays)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rollover(k.Day)
	for _, e := range k.Allowance {
		if e.Amount == nil || k.Day < c.day {
			continue
		}
		key := userDay{e.User, k.Day}
		t := c.tallies.m[key]
		if t == nil {
			if !c.tallies.room() {
				return fmt.Errorf("credit: allowance counts full")
			}
			t = c.tallies.new(key)
		}
		t.amount.Add(&t.amount, e.Amount)
	}
	for _, e := range k.Deposit {
		if e.Amount == nil {
			continue
		}
		s := c.spent.m[e.User]
		if s == nil {
			if !c.spent.room() {
				return fmt.Errorf("credit: deposit counts full")
			}
			s = c.spent.new(e.User)
		}
		s.amount.Add(&s.amount, e.Amount)
	}
	c.changed = true
	return nil
}
