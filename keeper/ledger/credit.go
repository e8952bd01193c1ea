package ledger

import (
	"bytes"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
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

// AddSessions adds the sessions' credits to Owed: the price minus the builder fee to ticket.provider, the
// fee to the model's builder. It returns the accounts it touched.
func (b Book) AddSessions(sessions []Session) error {
	for i := range sessions {
		p, f, err := sessions[i].Credit()
		if err != nil {
			return err
		}
		if !p.IsZero() {
			acc := b.get(sessions[i].Provider)
			acc.Owed.Add(&acc.Owed, p)
		}
		if !f.IsZero() {
			acc := b.get(sessions[i].Builder)
			acc.Owed.Add(&acc.Owed, f)
		}
	}
	return nil
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
