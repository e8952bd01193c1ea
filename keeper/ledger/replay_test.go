package ledger_test

import (
	"context"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// dayAllowances: every user-day's allowance is per, on a calendar of 1-day days from start.
type dayAllowances struct{ start, per uint64 }

func (a dayAllowances) Calendar(context.Context) (uint64, uint64, error) { return a.start, 86400, nil }
func (a dayAllowances) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return uint256.NewInt(a.per), nil
}

const replayStart = 1_700_000_000

func replaySession(id byte, user common.Address, closed uint64, seconds uint32, useDeposit bool) ledger.Session {
	return ledger.Session{ID: common.Hash{id}, User: user, Provider: common.Address{0xa0}, Builder: common.Address{0xb0},
		Price: *uint256.NewInt(1), Seconds: seconds, ClosedAt: closed, StartedAt: closed - uint64(seconds), UseDeposit: useDeposit}
}

func replay(t *testing.T, bf *ledger.BatchFile, earlier ledger.Earlier, sessions []ledger.Session, in ledger.ChargeInputs) []string {
	t.Helper()
	var out ledger.BatchCheck
	require.NoError(t, ledger.ReplayCharges(context.Background(), bf, earlier, sessions, in, &out))
	return out.Problems
}

// TestReplayChargesNoDayNoDeposit (from a review): a session closed before payoutStart has no charge day and
// the keeper's rule charges it to nothing, its deposit included; a file charging it to the deposit is named.
func TestReplayChargesNoDayNoDeposit(t *testing.T) {
	user := common.Address{0x11}
	s := replaySession(1, user, replayStart-100, 50, true)
	bf := &ledger.BatchFile{Epoch: 0, Cutoff: replayStart + 3600,
		DepositCharges: []store.DepositCharge{{SessionID: s.ID, User: user, Amount: *uint256.NewInt(50)}},
		Spend:          []store.SpendLeaf{{User: user, Amount: *uint256.NewInt(50)}}}
	in := ledger.ChargeInputs{Calendar: ledger.Calendar{PayoutStart: replayStart, Interval: 86400}, Allowances: dayAllowances{replayStart, 0},
		Deposits: map[common.Address]*ledger.DepositAccount{user: {Deposit: *uint256.NewInt(1000)}}, Committed: replayStart + 7200, Now: replayStart + 7200}
	require.Equal(t, []string{"session 0x0100000000000000000000000000000000000000000000000000000000000000: the file charges 50 to its user's deposit, at most 0 is left of its cost and deposit (no charge day: the rule charges it to nothing)"},
		replay(t, bf, ledger.Earlier{}, []ledger.Session{s}, in))
}

// TestReplayChargesCutoffBoundsSessions (from a review): a file's sessions closed before its cutoff. Before, a hostile keeper could keep stating an old cutoff while crediting later
// sessions, holding the next epoch's charging floor back, and a colluding router's sessions backdated onto
// the days since were each paid from that day's unused allowance.
func TestReplayChargesCutoffBoundsSessions(t *testing.T) {
	user := common.Address{0x22}
	const day = uint64(86400)
	in := ledger.ChargeInputs{Calendar: ledger.Calendar{PayoutStart: replayStart, Interval: 86400}, Allowances: dayAllowances{replayStart, 100},
		Committed: replayStart + 9*day, Now: replayStart + 9*day}
	prev := &ledger.BatchFile{Epoch: 0, Cutoff: int64(replayStart + day + 3600)} // day 1
	s1 := replaySession(1, user, replayStart+5*day+10, 100, false)               // day 5
	bf1 := &ledger.BatchFile{Epoch: 1, Cutoff: prev.Cutoff,
		Allowances: []ledger.AllowanceUse{{User: user, Day: 5, Allowance: "100", Charged: "100"}}}
	require.Equal(t, []string{"session 0x0100000000000000000000000000000000000000000000000000000000000000 closed at 1700432010, not before the cutoff 1700090000"},
		replay(t, bf1, ledger.Earlier{Prev: prev}, []ledger.Session{s1}, in), "epoch 1 states epoch 0's cutoff")
	honest := *bf1
	honest.Cutoff = int64(replayStart + 5*day + 3600)
	require.Empty(t, replay(t, &honest, ledger.Earlier{Prev: prev}, []ledger.Session{s1}, in))
}

// TestReplayChargesDepositRead (from a review): a file charging deposits states a read no later than the
// cutoff minus one second, the newest withdrawal before its commit and the previous epoch's read (a later one
// counts deposits made after its sessions); and a deposit charge or shortfall naming another user is named.
func TestReplayChargesDepositRead(t *testing.T) {
	user := common.Address{0x33}
	s := replaySession(1, user, replayStart+100, 50, true)
	charge := []store.DepositCharge{{SessionID: s.ID, User: user, Amount: *uint256.NewInt(50)}}
	bf := &ledger.BatchFile{Epoch: 0, Cutoff: replayStart + 3600, DepositsReadAt: replayStart + 3599, DepositCharges: charge,
		Spend:      []store.SpendLeaf{{User: user, Amount: *uint256.NewInt(50)}},
		Allowances: []ledger.AllowanceUse{{User: user, Day: 0, Allowance: "0", Charged: "0"}}}
	in := ledger.ChargeInputs{Calendar: ledger.Calendar{PayoutStart: replayStart, Interval: 86400}, Allowances: dayAllowances{replayStart, 0},
		Deposits: map[common.Address]*ledger.DepositAccount{user: {Deposit: *uint256.NewInt(1000)}}, Committed: replayStart + 7200, Now: replayStart + 7200}
	require.Empty(t, replay(t, bf, ledger.Earlier{}, []ledger.Session{s}, in), "read at the cutoff minus one second")
	later := *bf
	later.DepositsReadAt = replayStart + 5000
	require.Equal(t, []string{"deposits read at 1700005000, after the cutoff, the newest withdrawal before the commit and the previous read (1700003599)"},
		replay(t, &later, ledger.Earlier{}, []ledger.Session{s}, in))
	in.LastWithdrawal = replayStart + 5000
	require.Empty(t, replay(t, &later, ledger.Earlier{}, []ledger.Session{s}, in), "read at the newest withdrawal")

	other := *bf
	other.DepositCharges = []store.DepositCharge{{SessionID: s.ID, User: common.Address{0x44}, Amount: *uint256.NewInt(50)}}
	var out ledger.BatchCheck
	ledger.CompareCredits(&other, ledger.Earlier{}, []ledger.Session{s}, &out)
	require.Contains(t, out.Problems, "session 0x0100000000000000000000000000000000000000000000000000000000000000: its deposit charge names 0x4400000000000000000000000000000000000000, its user is 0x3300000000000000000000000000000000000000")
}
