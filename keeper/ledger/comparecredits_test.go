package ledger_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestCompareCredits: a keeper's file whose accounts follow from the previous epoch's file and its sessions
// passes; the provider's one wei of rounding (its allowance-paid and deposit-paid parts split apart) passes;
// each way of paying more or lowering a credit is named: owed rising past what the sessions give, a
// cumulativeAmount above the owed, a credit lower than the previous file's, a leaf dropped, a session
// credited again (by the previous epoch or one before it). An account owed something but credited nothing is listed in uncredited (not in the
// tree): paid later, it is compared with its owed there; dropped, listed twice or given an amount there, it
// is named.
func TestCompareCredits(t *testing.T) {
	prov, builder, other := common.HexToAddress("0xa1"), common.HexToAddress("0xb2"), common.HexToAddress("0xc3")
	id0, id1, id2 := common.HexToHash("0x0f"), common.HexToHash("0x01"), common.HexToHash("0x02")
	u := uint256.NewInt
	leaf := func(a common.Address, amount, owed uint64) ledger.Leaf {
		return ledger.Leaf{Account: a, Amount: u(amount), Owed: u(owed)}
	}
	record := func(id common.Hash) json.RawMessage {
		raw, err := json.Marshal(map[string]any{"sessionId": id})
		require.NoError(t, err)
		return raw
	}
	// 100 s at 10 wei with a 10 % builder fee: 900 to the provider, 100 to the builder.
	session := func(id common.Hash) ledger.Session {
		return ledger.Session{ID: id, Provider: prov, Builder: builder, FeeBps: 1000, Price: *u(10), Seconds: 100}
	}
	prev := &ledger.BatchFile{Epoch: 4, Sessions: []json.RawMessage{record(id1)},
		Leaves: []ledger.Leaf{leaf(prov, 900, 900), leaf(builder, 100, 100), leaf(other, 50, 80)}}
	credited := map[common.Hash]uint64{id1: 4, id0: 2} // session 1 credited by epoch 4, session 0 by epoch 2
	var depositCharges []store.DepositCharge           // the file's, for check
	check := func(leaves []ledger.Leaf, sessions ...ledger.Session) []string {
		bf := &ledger.BatchFile{Epoch: 5, Leaves: leaves, DepositCharges: depositCharges}
		var out ledger.BatchCheck
		ledger.CompareCredits(bf, ledger.Earlier{Prev: prev, Credited: credited}, sessions, &out)
		return out.Problems
	}
	require.Empty(t, check([]ledger.Leaf{leaf(prov, 1800, 1800), leaf(builder, 200, 200), leaf(other, 80, 80)}, session(id2)),
		"epoch 5 credits session 2 and pays other's carried-forward 30")
	paidByDeposit := session(id2)
	paidByDeposit.UseDeposit = true
	depositCharges = []store.DepositCharge{{SessionID: id2, User: paidByDeposit.User, Amount: *u(555)}}
	require.Empty(t, check([]ledger.Leaf{leaf(prov, 1801, 1801), leaf(builder, 200, 200), leaf(other, 50, 80)}, paidByDeposit),
		"one wei of rounding for the provider of a session paid partly by its deposit (two parts split apart)")
	require.Equal(t, []string{"0x00000000000000000000000000000000000000A1's owed rose by 902 since epoch 4, but this file's sessions give it at most 901"},
		check([]ledger.Leaf{leaf(prov, 1802, 1802), leaf(builder, 200, 200), leaf(other, 50, 80)}, paidByDeposit))
	require.Equal(t, []string{"session 0x0000000000000000000000000000000000000000000000000000000000000002: its deposit charged 555, but its RFC did not consent (useDeposit false)",
		"0x00000000000000000000000000000000000000A1's owed rose by 900 since epoch 4, but this file's sessions give it at most 0",
		"0x00000000000000000000000000000000000000b2's owed rose by 100 since epoch 4, but this file's sessions give it at most 0"},
		check([]ledger.Leaf{leaf(prov, 1800, 1800), leaf(builder, 200, 200), leaf(other, 50, 80)}, session(id2)),
		"a deposit charge for a session whose RFC did not consent")
	depositCharges = nil
	require.Equal(t, []string{"0x00000000000000000000000000000000000000A1's owed rose by 901 since epoch 4, but this file's sessions give it at most 900"},
		check([]ledger.Leaf{leaf(prov, 1801, 1801), leaf(builder, 200, 200), leaf(other, 50, 80)}, session(id2)),
		"no rounding for an allowance-paid one")
	require.Equal(t, []string{"0x00000000000000000000000000000000000000b2's owed rose by 1 since epoch 4, but this file's sessions give it at most 0"},
		check([]ledger.Leaf{leaf(prov, 900, 900), leaf(builder, 101, 101), leaf(other, 50, 80)}), "no session, no rise")
	require.Equal(t, []string{"0x00000000000000000000000000000000000000C3 is credited 81, more than the 80 it is owed"},
		check([]ledger.Leaf{leaf(prov, 900, 900), leaf(builder, 100, 100), leaf(other, 81, 80)}))
	require.Equal(t, []string{"0x00000000000000000000000000000000000000A1's credit fell from 900 (epoch 4) to 899"},
		check([]ledger.Leaf{leaf(prov, 899, 900), leaf(builder, 100, 100), leaf(other, 50, 80)}))
	require.Equal(t, []string{"0x00000000000000000000000000000000000000C3's credit fell from 50 (epoch 4) to 0: it has no leaf"},
		check([]ledger.Leaf{leaf(prov, 900, 900), leaf(builder, 100, 100)}))
	require.Equal(t, []string{
		"session 0x0000000000000000000000000000000000000000000000000000000000000001 was credited by epoch 4 already",
		"0x00000000000000000000000000000000000000A1's owed rose by 900 since epoch 4, but this file's sessions give it at most 0",
		"0x00000000000000000000000000000000000000b2's owed rose by 100 since epoch 4, but this file's sessions give it at most 0",
	}, check([]ledger.Leaf{leaf(prov, 1800, 1800), leaf(builder, 200, 200), leaf(other, 50, 80)}, session(id1)), "session 1 again")
	require.Equal(t, []string{
		"session 0x000000000000000000000000000000000000000000000000000000000000000f was credited by epoch 2 already",
		"0x00000000000000000000000000000000000000A1's owed rose by 900 since epoch 4, but this file's sessions give it at most 0",
		"0x00000000000000000000000000000000000000b2's owed rose by 100 since epoch 4, but this file's sessions give it at most 0",
	}, check([]ledger.Leaf{leaf(prov, 1800, 1800), leaf(builder, 200, 200), leaf(other, 50, 80)}, session(id0)),
		"a session of an epoch before the previous one again")

	// Uncredited accounts (owed, nothing credited yet): other4 owed 70 at epoch 4, paid 70 at epoch 5.
	other4 := common.HexToAddress("0xd4")
	prev.Uncredited = []ledger.Leaf{leaf(other4, 0, 70)}
	base := []ledger.Leaf{leaf(prov, 900, 900), leaf(builder, 100, 100), leaf(other, 50, 80)}
	require.Empty(t, check(append(slices.Clone(base), leaf(other4, 70, 70))), "carried forward, then paid")
	bf := &ledger.BatchFile{Epoch: 5, Leaves: base, Uncredited: []ledger.Leaf{leaf(other4, 0, 70)}}
	var out ledger.BatchCheck
	ledger.CompareCredits(bf, ledger.Earlier{Prev: prev, Credited: credited}, nil, &out)
	require.Empty(t, out.Problems, "still carried forward")
	require.Equal(t, []string{"0x00000000000000000000000000000000000000D4's owed fell from 70 (epoch 4) to 0: it is listed nowhere"},
		check(base))
	bf = &ledger.BatchFile{Epoch: 5, Leaves: append(slices.Clone(base), leaf(other4, 70, 70)), Uncredited: []ledger.Leaf{leaf(other4, 0, 70), leaf(other, 5, 80)}}
	out = ledger.BatchCheck{}
	ledger.CompareCredits(bf, ledger.Earlier{Prev: prev, Credited: credited}, nil, &out)
	require.Equal(t, []string{
		"0x00000000000000000000000000000000000000D4 is listed twice (leaves and uncredited)",
		"0x00000000000000000000000000000000000000C3 is listed twice (leaves and uncredited)",
	}, out.Problems)
	bf = &ledger.BatchFile{Epoch: 5, Leaves: base, Uncredited: []ledger.Leaf{leaf(other4, 5, 70)}}
	out = ledger.BatchCheck{}
	ledger.CompareCredits(bf, ledger.Earlier{Prev: prev, Credited: credited}, nil, &out)
	require.Equal(t, []string{"0x00000000000000000000000000000000000000D4 is listed uncredited with cumulativeAmount 5"}, out.Problems)
}
