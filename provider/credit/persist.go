package credit

import (
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Counts is what a Checker counted, as provider serve keeps it across restarts (Checker.Counts, Restore):
// the current protocol day's allowance counts and every day's deposit counts, without the open sessions'
// reservations, and those reservations (Holds) apart, as the sessions holding them split them.
type Counts struct {
	Version   int       `json:"version"`
	Day       uint64    `json:"day,string"`
	Allowance []Counted `json:"allowance"` // of Day, per user, open sessions' reservations left out
	Deposit   []Counted `json:"deposit"`   // every day's, per user, open sessions' reservations left out
	Holds     []Held    `json:"holds"`     // the open sessions' reservations
	// Carry is the allowance part of bills of restored holds settled since a restore before any day was
	// read (a restart again before then keeps it): counted in Day's counts, and in the first later day read.
	Carry []Counted `json:"carry,omitempty"`
}

// Counted is one user's count.
type Counted struct {
	User   common.Address `json:"user"`
	Amount uint256.Int    `json:"amount"`
}

// Held is one open session's reservation, split between the allowance and the deposit as it was taken.
type Held struct {
	Session   common.Hash    `json:"session"`
	User      common.Address `json:"user"`
	Allowance uint256.Int    `json:"allowance"`
	Deposit   uint256.Int    `json:"deposit"`
}

// countsVersion is the version of Counts this code writes and reads.
const countsVersion = 2

// Counts returns what c counted when anything changed since the last call; changed false, and nothing
// copied, when not (provider serve asks every second).
func (c *Checker) Counts() (k Counts, changed bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.changed {
		return Counts{}, false
	}
	c.changed = false
	k = Counts{Version: countsVersion, Day: c.day, Allowance: make([]Counted, 0, len(c.tallies.m)),
		Deposit: make([]Counted, 0, len(c.spent.m)), Holds: make([]Held, 0, len(c.holds))}
	// A count less its holds' parts: Restore adds the holds back.
	held := map[userDay]*uint256.Int{}
	spentHeld := map[common.Address]*uint256.Int{}
	for id, h := range c.holds {
		k.Holds = append(k.Holds, Held{Session: id, User: h.user, Allowance: h.allowance, Deposit: h.deposit})
		add(held, h.t.key, &h.allowance)
		if h.s != nil {
			add(spentHeld, h.user, &h.deposit)
		}
	}
	for key, t := range c.tallies.m {
		if a := sub0(&t.amount, orZero(held[key])); !a.IsZero() {
			k.Allowance = append(k.Allowance, Counted{User: key.user, Amount: *a})
		}
	}
	for user, s := range c.spent.m {
		if a := sub0(&s.amount, orZero(spentHeld[user])); !a.IsZero() {
			k.Deposit = append(k.Deposit, Counted{User: user, Amount: *a})
		}
	}
	for user, a := range c.carry {
		k.Carry = append(k.Carry, Counted{User: user, Amount: *a})
	}
	return k, true
}

func add[K comparable](m map[K]*uint256.Int, key K, v *uint256.Int) {
	if m[key] == nil {
		m[key] = new(uint256.Int)
	}
	m[key].Add(m[key], v)
}

func orZero(v *uint256.Int) *uint256.Int {
	if v == nil {
		return new(uint256.Int)
	}
	return v
}

// Restore takes k, the counts a previous run of the provider saved, before any admission: a restart does
// not admit a user again what the provider admitted it before. The open sessions' reservations come back
// as holds (carried into a new day at its turn, as the live ones are) until Closed replaces each by its
// bill (provider serve closes the journaled sessions one-sided at start) or ReleaseRestored counts the
// rest in full; what they bill before the first day is read goes to that day (their closes are dated at
// the restart). When the first day read after it is lower than k.Day and stays so for lowerWait (the chain
// was started again), the restored day's allowance counts are dropped rather than every session refused
// ErrDayBehind.
func (c *Checker) Restore(k Counts) error {
	if k.Version != countsVersion {
		return fmt.Errorf("credit: counts of version %d, this provider reads version %d", k.Version, countsVersion)
	}
	if len(k.Allowance) > maxUserDays || len(k.Deposit) > maxUserDays || len(k.Holds) > maxUserDays || len(k.Carry) > maxUserDays {
		return fmt.Errorf("credit: %d allowance, %d deposit counts, %d holds and %d carried, more than the bound %d",
			len(k.Allowance), len(k.Deposit), len(k.Holds), len(k.Carry), maxUserDays)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.day != 0 || len(c.holds) > 0 || len(c.tallies.m) > 0 || len(c.spent.m) > 0 {
		return fmt.Errorf("credit: counts restored into a checker that counted already")
	}
	c.day, c.restored, c.carry = k.Day, true, map[common.Address]*uint256.Int{}
	tally := func(user common.Address) *count[userDay] { return c.tallies.of(userDay{user, k.Day}) }
	for _, e := range k.Allowance {
		t := tally(e.User)
		t.amount.Add(&t.amount, &e.Amount)
	}
	for _, e := range k.Deposit {
		s := c.spent.of(e.User)
		s.amount.Add(&s.amount, &e.Amount)
	}
	for _, e := range k.Carry {
		add(c.carry, e.User, &e.Amount)
	}
	for _, e := range k.Holds {
		if c.holds[e.Session] != nil {
			continue
		}
		h := &hold{user: e.User, t: tally(e.User), allowance: e.Allowance, deposit: e.Deposit, restored: true}
		h.t.amount.Add(&h.t.amount, &e.Allowance)
		h.t.holds++
		if !e.Deposit.IsZero() {
			h.s = c.spent.of(e.User)
			h.s.amount.Add(&h.s.amount, &e.Deposit)
			h.s.holds++
		}
		c.holds[e.Session] = h
	}
	c.changed = true
	return nil
}

// ReleaseRestored ends the restored holds no close has replaced (Closed) yet, each counted at its whole
// reservation, as if it billed all of it: provider serve calls it once the journaled sessions were closed at
// start, when a restored hold's session is no longer open anywhere (a session closed after the last save
// and before a crash, or one the journal lost): counting it in full is stricter than its bill, never more
// lenient, and it no longer carries into each new day.
func (c *Checker) ReleaseRestored() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for id, h := range c.holds {
		if h.restored {
			c.settle(id, h, new(uint256.Int).Add(&h.allowance, &h.deposit))
		}
	}
}
