package ledger_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/ledger"
)

// depositFixture: allowance 100 wei a day for u, v and w; u deposited 250, w deposited 1,000 and asked to
// withdraw at time 1050; v never deposited. Price 10 wei/s.
func depositFixture() (ledger.Calendar, map[ledger.UserDay]*ledger.DayCharge, *ledger.DepositBook, [3]common.Address) {
	cal := ledger.Calendar{PayoutStart: 1000, Interval: 1000}
	u, v, w := common.Address{0x0a}, common.Address{0x0b}, common.Address{0x0c}
	days := map[ledger.UserDay]*ledger.DayCharge{}
	for _, a := range []common.Address{u, v, w} {
		dc := &ledger.DayCharge{}
		dc.Allowance.SetUint64(100)
		days[ledger.UserDay{User: a, Day: 0}] = dc
	}
	book := &ledger.DepositBook{Accounts: map[common.Address]*ledger.DepositAccount{
		u: {Deposit: *uint256.NewInt(250)},
		w: {Deposit: *uint256.NewInt(1000), RequestedAt: 1050},
	}, Spent: map[common.Address]*uint256.Int{}}
	return cal, days, book, [3]common.Address{u, v, w}
}

func paidSession(user common.Address, id byte, started, closedAt uint64, seconds uint32, useDeposit bool) ledger.Session {
	s := ledger.Session{ID: common.Hash{id}, User: user, StartedAt: started, ClosedAt: closedAt, Seconds: seconds, UseDeposit: useDeposit}
	s.Price.SetUint64(10)
	return s
}

// TestChargeDeposits: the allowance pays first and the deposit the rest, only where the RFC says
// useDeposit, never beyond depositOf minus what was spent (across epochs: the spend is cumulative), and
// never for a session that started after a pending withdrawal request; the shortfall's code names the
// source that ran out; credited = allowance part + deposit part to the wei.
func TestChargeDeposits(t *testing.T) {
	cal, days, book, who := depositFixture()
	u, v, w := who[0], who[1], who[2]
	sessions := []ledger.Session{
		paidSession(u, 1, 1000, 1010, 8, false),  // 80: allowance (80 of 100)
		paidSession(u, 2, 1000, 1020, 10, false), // 100: 20 from the allowance; no consent: the deposit pays nothing
		paidSession(u, 3, 1000, 1030, 15, true),  // 150: all from the deposit (100 left after)
		paidSession(v, 4, 1000, 1040, 15, true),  // 150: 100 allowance, no deposit: 50 short
		paidSession(u, 5, 1000, 1050, 20, true),  // 200: 100 from the deposit, then used up
		paidSession(w, 6, 1049, 1060, 30, true),  // 300: started before w's request: 100 allowance + 200 deposit
		paidSession(w, 7, 1050, 1070, 10, true),  // 100: started at the request: the deposit pays nothing
	}
	charges, err := ledger.ChargeSessions(sessions, cal, days, book)
	require.NoError(t, err)
	type want struct {
		credited, fromDeposit uint64
		code                  string
	}
	wants := []want{{80, 0, ""}, {20, 0, ledger.RejectAllowance}, {150, 150, ""}, {100, 0, ledger.RejectDeposit},
		{100, 100, ledger.RejectDeposit}, {300, 200, ""}, {0, 0, ledger.RejectDeposit}}
	for i, c := range charges {
		require.Equal(t, wants[i].credited, c.Credited.Uint64(), "session %d credited", i+1)
		require.Equal(t, wants[i].fromDeposit, c.FromDeposit.Uint64(), "session %d from the deposit", i+1)
		require.Equal(t, wants[i].credited-wants[i].fromDeposit, c.FromBudget().Uint64(), "session %d from the allowance", i+1)
		if wants[i].code == "" {
			require.False(t, c.Short(), "session %d", i+1)
		} else {
			require.True(t, c.Short(), "session %d", i+1)
			require.Equal(t, wants[i].code, c.Code(&sessions[i]), "session %d", i+1)
		}
	}
	require.Equal(t, "the session started after a pending withdrawal request", charges[6].NoDeposit)
	require.Equal(t, "no deposit", charges[3].NoDeposit)
	require.Equal(t, uint64(250), book.Spent[u].Uint64(), "u's whole deposit, not a wei more")
	require.Equal(t, uint64(200), book.Spent[w].Uint64())
	require.Nil(t, book.Spent[v], "v never deposited: nothing spent")

	// The spend is cumulative: a later epoch (another day, a fresh allowance) finds u's deposit used up.
	days[ledger.UserDay{User: u, Day: 1}] = &ledger.DayCharge{}
	later, err := ledger.ChargeSessions([]ledger.Session{paidSession(u, 8, 2000, 2010, 5, true)}, cal, days, book)
	require.NoError(t, err)
	require.Zero(t, later[0].Credited.Uint64())
	require.Equal(t, ledger.RejectDeposit, later[0].Code(&sessions[2]))

	// A deposit that grew (a new deposit before the next epoch's cutoff) pays again, up to the new amount.
	book.Accounts[u].Deposit.SetUint64(300)
	more, err := ledger.ChargeSessions([]ledger.Session{paidSession(u, 9, 2000, 2020, 10, true)}, cal, days, book)
	require.NoError(t, err)
	require.Equal(t, uint64(50), more[0].FromDeposit.Uint64())
	require.Equal(t, uint64(300), book.Spent[u].Uint64())
}

// TestDepositsNeverScaled: deposit-funded credits go to Credited in full (no budget needed), the
// allowance-funded part waits for the budget like any credit, and both parts are split provider/builder
// to the wei.
func TestDepositsNeverScaled(t *testing.T) {
	cal, days, book, who := depositFixture()
	provider, builder := common.Address{0xe0}, common.Address{0xb0}
	s := paidSession(who[0], 1, 1000, 1010, 30, true) // 300: 100 allowance + 200 deposit
	s.Provider, s.Builder, s.FeeBps = provider, builder, 250
	sessions := []ledger.Session{s}
	charges, err := ledger.ChargeSessions(sessions, cal, days, book)
	require.NoError(t, err)
	b := ledger.Book{}
	b.AddSessions(sessions, charges)
	paid := b.AddDeposits(sessions, charges)
	require.Equal(t, uint64(200), paid.Uint64())
	sc := b.Apply(uint256.NewInt(0)) // no budget left today
	require.True(t, sc.Delta.IsZero(), "the allowance part waits for the budget")
	require.Equal(t, uint64(200), sc.Total.Uint64(), "the deposit part is credited in full")
	require.Equal(t, uint64(195), b[provider].Credited.Uint64())
	require.Equal(t, uint64(5), b[builder].Credited.Uint64())
	var owed uint256.Int
	owed.Add(&b[provider].Owed, &b[builder].Owed)
	require.Equal(t, uint64(300), owed.Uint64(), "owed = cost to the wei")
	sc = b.Apply(uint256.NewInt(1000))
	require.Equal(t, uint64(100), sc.Delta.Uint64())
	require.Equal(t, uint64(300), sc.Total.Uint64())
}
