package ledger_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// budgetPool is a pool whose state the test sets (the remaining budget).
type budgetPool struct {
	addressedPool
	state *ledger.PoolState
}

func (p budgetPool) State(context.Context) (ledger.PoolState, error) { return *p.state, nil }

// budgetLedger is a ledger on SQLite reading one feed, its pool's state ps (set by the test), its
// allowances allow.
func budgetLedger(t *testing.T, ps *ledger.PoolState, allow ledger.Allowances) (*ledger.Ledger, *testenv.Feed) {
	t.Helper()
	st, err := store.Open(context.Background(), dbtest.SQLite(t))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	feed := testenv.NewFeed(t)
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later, EpochLength: time.Hour,
		Allowances: allow}, st, budgetPool{state: ps}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	return l, feed
}

// readBatchFile writes live epoch n's batch file and reads it back.
func readBatchFile(t *testing.T, ctx context.Context, l *ledger.Ledger, n uint64) *ledger.BatchFile {
	e, err := l.LiveEpoch(ctx, n)
	require.NoError(t, err)
	require.NoError(t, l.WriteBatch(ctx, e))
	e, err = l.LiveEpoch(ctx, n)
	require.NoError(t, err)
	raw, err := os.ReadFile(e.BatchFile)
	require.NoError(t, err)
	var bf ledger.BatchFile
	require.NoError(t, json.Unmarshal(raw, &bf))
	return &bf
}

// verifiedSessions verifies bf's records as the checker does.
func verifiedSessions(t *testing.T, bf *ledger.BatchFile) []ledger.Session {
	v := &ledger.Verifier{Domain: domain, Registry: fakeRegistry{}}
	var out []ledger.Session
	for _, raw := range bf.Sessions {
		s, err := v.Verify(context.Background(), "", raw)
		require.NoError(t, err)
		out = append(out, *s)
	}
	return out
}

// TestCompareCreditsUncreditedAccount (from a review): an honest keeper's epoch 0 is scaled into a 10-wei
// remaining budget and the builder's share rounds to 0, so the builder has no leaf (owed > 0, credited 0);
// epoch 1, its budget restored, pays it what was carried forward. Its file's uncredited list gives the
// builder's owed, so the credits check of epoch 1 against epoch 0 passes (before, with leaves alone, the
// builder's owed rose from an unknown 0 by more than epoch 1's sessions give it: a guard vetoed the honest
// root, and every recommit of it).
func TestCompareCreditsUncreditedAccount(t *testing.T) {
	ctx := context.Background()
	var ps ledger.PoolState
	ps.RemainingBudget.SetUint64(10)
	l, feed := budgetLedger(t, &ps, fixedAllowances{allowance: 1 << 62})

	now := uint64(time.Now().Unix())
	r0 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: now - 3*3600 - 130, Closed: now - 3*3600})
	feed.Add(t, r0)
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf0 := readBatchFile(t, ctx, l, 0)
	require.Len(t, bf0.Leaves, 1, "the provider's leaf only")
	require.Len(t, bf0.Uncredited, 1, "the builder, owed its fee, credited nothing")
	require.True(t, bf0.Uncredited[0].Amount.IsZero())
	require.False(t, bf0.Uncredited[0].Owed.IsZero())

	ps.NextEpoch = 1
	e0, _ := l.LiveEpoch(ctx, 0)
	ps.TotalCommitted = e0.Total
	ps.RemainingBudget.SetAllOne()
	r1 := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: now - 130, Closed: now - 5})
	feed.Add(t, r1)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf1 := readBatchFile(t, ctx, l, 1)
	require.Len(t, bf1.Leaves, 2, "the builder credited")
	require.Empty(t, bf1.Uncredited)

	var c0, c1 ledger.BatchCheck
	ledger.CompareCredits(bf0, ledger.Earlier{}, verifiedSessions(t, bf0), &c0)
	ledger.CompareCredits(bf1, ledger.Earlier{Prev: bf0}, verifiedSessions(t, bf1), &c1)
	require.Empty(t, c0.Problems)
	require.Empty(t, c1.Problems, "honest epoch 1 flagged")

	// The uncredited entry dropped from epoch 0's file: the builder's owed looks new in epoch 1.
	bf0.Uncredited = nil
	c1 = ledger.BatchCheck{}
	ledger.CompareCredits(bf1, ledger.Earlier{Prev: bf0}, verifiedSessions(t, bf1), &c1)
	require.Len(t, c1.Problems, 1)
	require.Contains(t, c1.Problems[0], "'s owed rose by ")
}

// TestReplayCharges (from two reviews): the keeper's charging rule is run again on a batch file's sessions.
// An honest keeper's epochs (six sessions against an allowance of three and a half: three in full, one in
// half, two not at all; then one more session on the same day, not at all, and another user's) pass. Named:
// a file paying every session in full (shortfalls dropped, leaves raised: CompareCredits alone passes it,
// the full price being its bound); the shortfall moved to an earlier session (the charging order: an
// honest provider unpaid, a later one paid); an allowances list understating the day's charge (room in a
// later epoch) or listing a day none of its sessions is charged to (read by later checks as that day's
// charge); an epoch 1 paying a session in full on a day epoch 0 used up; the same session said paid by a
// deposit its user does not hold; a spend leaf raised with no deposit charge behind it; a cutoff before the
// previous epoch's; a session charged to a day not begun.
func TestReplayCharges(t *testing.T) {
	ctx := context.Background()
	var ps ledger.PoolState
	ps.RemainingBudget.SetAllOne()
	const p = 1_000_000_000_000
	allow := fixedAllowances{allowance: 350 * p}
	l, feed := budgetLedger(t, &ps, allow)
	now := uint64(time.Now().Unix())
	closed := now - now%86400 + 600 // early in today's day: every session charged to it
	if closed+7200 > now {
		closed -= 86400
	}
	for i := range uint64(6) {
		feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1 + i, Seconds: 100, MaxSeconds: 600,
			Price: p, Created: closed - 130, Closed: closed + i}))
	}
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf0 := readBatchFile(t, ctx, l, 0)
	require.Len(t, bf0.Shortfalls, 3, "one in half, two not at all")
	cal := ledger.Calendar{Interval: 86400}
	check := func(bf *ledger.BatchFile, earlier ledger.Earlier) []string {
		t.Helper()
		sessions := verifiedSessions(t, bf)
		var out ledger.BatchCheck
		ledger.CompareCredits(bf, earlier, sessions, &out)
		in := ledger.ChargeInputs{Calendar: cal, Allowances: allow, Committed: now, Now: now}
		require.NoError(t, ledger.ReplayCharges(ctx, bf, earlier, sessions, in, &out))
		return out.Problems
	}
	require.Empty(t, check(bf0, ledger.Earlier{}), "honest epoch 0")

	// Every session paid in full: shortfalls dropped, leaves raised to the full price.
	full := func(bf *ledger.BatchFile) *ledger.BatchFile {
		out := *bf
		out.Shortfalls = nil
		owed := map[common.Address]*uint256.Int{}
		for _, s := range verifiedSessions(t, bf) {
			pr, b, err := s.Credit()
			require.NoError(t, err)
			for a, v := range map[common.Address]*uint256.Int{s.Provider: pr, s.Builder: b} {
				if owed[a] == nil {
					owed[a] = new(uint256.Int)
				}
				owed[a].Add(owed[a], v)
			}
		}
		out.Leaves = nil
		for a, v := range owed {
			out.Leaves = append(out.Leaves, ledger.Leaf{Account: a, Amount: v, Owed: v})
		}
		return &out
	}
	got := check(full(bf0), ledger.Earlier{})
	require.Len(t, got, 3, "%v", got)
	require.Contains(t, got[0], fmt.Sprintf("the file credits %d of it to its user's allowance, the charging rule %d", 100*p, 50*p))
	require.Contains(t, got[1], fmt.Sprintf("the file credits %d of it to its user's allowance, the charging rule 0", 100*p))
	require.Contains(t, got[2], fmt.Sprintf("the file credits %d of it to its user's allowance, the charging rule 0", 100*p))

	// The charging order: the first session unpaid instead of the last one, the total the same.
	reordered := *bf0
	reordered.Shortfalls = slices.Clone(bf0.Shortfalls)
	ids := sessionIDsOf(t, bf0)
	for i := range reordered.Shortfalls {
		if reordered.Shortfalls[i].SessionID == ids[5] {
			reordered.Shortfalls[i].SessionID = ids[0]
		}
	}
	got = check(&reordered, ledger.Earlier{})
	require.Len(t, got, 2, "%v", got)
	require.Contains(t, got[0], ids[0].Hex()+": the file credits 0 of it to its user's allowance, the charging rule "+fmt.Sprint(100*p))
	require.Contains(t, got[1], ids[5].Hex()+": the file credits "+fmt.Sprint(100*p)+" of it to its user's allowance, the charging rule 0")

	// A day listed that no session is charged to, and a spend leaf with no deposit charge behind it.
	extra := *bf0
	extra.Allowances = append(slices.Clone(bf0.Allowances), ledger.AllowanceUse{User: bf0.Allowances[0].User, Day: bf0.Allowances[0].Day + 1,
		Allowance: "0", Charged: "0"})
	extra.Spend = []store.SpendLeaf{{User: bf0.Allowances[0].User, Amount: *uint256.NewInt(5)}}
	got = check(&extra, ledger.Earlier{})
	require.Len(t, got, 2, "%v", got)
	require.Contains(t, got[0], "to which none of its sessions is charged")
	require.Contains(t, got[1], "'s spend leaf is 5, the previous file's plus this epoch's deposit charges give 0")

	// A cutoff before the previous epoch's, and a session charged to a day not begun (a cutoff far ahead).
	back := *bf0
	back.Cutoff = 0
	got = check(&back, ledger.Earlier{Prev: &ledger.BatchFile{Epoch: 7, Cutoff: bf0.Cutoff}})
	require.Contains(t, got, fmt.Sprintf("cutoff 0 is before epoch 7's cutoff %d", bf0.Cutoff))
	got = check(bf0, ledger.Earlier{Prev: &ledger.BatchFile{Epoch: 7, Cutoff: int64(now) + 10*86400}})
	require.True(t, slices.ContainsFunc(got, func(p string) bool { return strings.Contains(p, "which has not begun on-chain") }), "%v", got)

	understated := *bf0
	understated.Allowances = slices.Clone(bf0.Allowances)
	understated.Allowances[0].Charged = "0"
	got = check(&understated, ledger.Earlier{})
	require.Len(t, got, 1, "%v", got)
	require.Contains(t, got[0], fmt.Sprintf("the file's allowances say allowance %d charged 0", 350*p))

	ps.NextEpoch = 1
	e0, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	ps.TotalCommitted = e0.Total
	// Epoch 1: one more session of the user on the same day (its allowance used up by epoch 0: credited
	// nothing) and one of another user (credited in full: an epoch needs something to credit).
	otherUser, err := crypto.GenerateKey()
	require.NoError(t, err)
	feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 7, Seconds: 100, MaxSeconds: 600,
		Price: p, UseDeposit: true, Created: closed + 3600, Closed: closed + 3700}), // the next hour's window, the same day
		testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{User: otherUser, Nonce: 1, Seconds: 100, MaxSeconds: 600,
			Price: p, Created: closed + 3600, Closed: closed + 3701}))
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	bf1 := readBatchFile(t, ctx, l, 1)
	require.Len(t, bf1.Sessions, 2)
	require.Len(t, bf1.Shortfalls, 1)
	charged := map[ledger.UserDay]*uint256.Int{}
	for _, use := range bf0.Allowances {
		v, err := uint256.FromDecimal(use.Charged)
		require.NoError(t, err)
		charged[ledger.UserDay{User: use.User, Day: use.Day}] = v
	}
	earlier := ledger.Earlier{Prev: bf0, Credited: map[common.Hash]uint64{}, Charged: charged}
	require.Empty(t, check(bf1, earlier), "honest epoch 1: nothing left to credit")
	// The first user's session paid in full too: its shortfall dropped, the leaves raised by its price.
	hostile := *bf1
	hostile.Shortfalls = nil
	hostile.Leaves = nil
	for _, lf := range bf1.Leaves {
		lf.Owed = new(uint256.Int).Add(lf.Owed, uint256.NewInt(map[bool]uint64{true: 95 * p, false: 5 * p}[lf.Account == provider]))
		lf.Amount = new(uint256.Int).Set(lf.Owed)
		hostile.Leaves = append(hostile.Leaves, lf)
	}
	got = check(&hostile, earlier)
	require.Len(t, got, 1, "%v", got)
	require.Contains(t, got[0], fmt.Sprintf("the file credits %d of it to its user's allowance, the charging rule 0", 100*p))

	// The same session said paid by its user's deposit (its RFC consents), which the user does not hold.
	fromDeposit := hostile
	first := sessionIDsOf(t, bf1)
	for _, id := range first {
		for _, sh := range bf1.Shortfalls {
			if sh.SessionID == id {
				fromDeposit.DepositCharges = []store.DepositCharge{{SessionID: id, User: sh.User, Amount: *uint256.NewInt(100 * p)}}
				fromDeposit.Spend = []store.SpendLeaf{{User: sh.User, Amount: *uint256.NewInt(100 * p)}}
			}
		}
	}
	require.Len(t, fromDeposit.DepositCharges, 1)
	got = check(&fromDeposit, earlier)
	require.Len(t, got, 1, "%v", got)
	require.Contains(t, got[0], fmt.Sprintf("the file charges %d to its user's deposit, at most 0 is left of its cost and deposit (no deposit)", 100*p))
}

// sessionIDsOf returns the session ids of bf's records, in its order.
func sessionIDsOf(t *testing.T, bf *ledger.BatchFile) []common.Hash {
	t.Helper()
	var ids []common.Hash
	for _, s := range verifiedSessions(t, bf) {
		ids = append(ids, s.ID)
	}
	return ids
}
