package ledger_test

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestChargeSessions: sessions are charged in the order given to their own user-day's allowance,
// cumulatively; the one straddling the limit is credited the part still covered, the later ones nothing;
// another user and another day have allowances of their own; a session before payoutStart has none.
func TestChargeSessions(t *testing.T) {
	cal := ledger.Calendar{PayoutStart: 1000, Interval: 100}
	u, v := common.Address{0x0a}, common.Address{0x0b}
	days := map[ledger.UserDay]*ledger.DayCharge{{User: u, Day: 0}: {}, {User: u, Day: 1}: {}, {User: v, Day: 0}: {}}
	days[ledger.UserDay{User: u, Day: 0}].Allowance.SetUint64(1000)
	days[ledger.UserDay{User: u, Day: 1}].Allowance.SetUint64(50)
	days[ledger.UserDay{User: v, Day: 0}].Allowance.SetUint64(10_000)
	session := func(user common.Address, closedAt uint64, seconds uint32) ledger.Session {
		s := ledger.Session{User: user, ClosedAt: closedAt, Seconds: seconds}
		s.Price.SetUint64(10)
		return s
	}
	sessions := []ledger.Session{
		session(u, 1000, 40), // 400
		session(v, 1001, 90), // 900, v's own allowance
		session(u, 1010, 50), // 500 → 900 used
		session(u, 1020, 30), // 300, straddles: 100 credited
		session(u, 1030, 10), // nothing left
		session(u, 1100, 10), // day 1: 50 of 100
		session(u, 999, 10),  // before payoutStart: no day, nothing
	}
	charges, err := ledger.ChargeSessions(sessions, cal, days, nil)
	require.NoError(t, err)
	want := []uint64{400, 900, 500, 100, 0, 50, 0}
	for i, c := range charges {
		require.Equal(t, want[i], c.Credited.Uint64(), "session %d", i)
		require.Equal(t, uint64(sessions[i].Seconds)*10, c.Cost.Uint64(), "session %d", i)
		require.Equal(t, want[i] < c.Cost.Uint64(), c.Short(), "session %d", i)
	}
	require.False(t, charges[6].HasDay)
	require.Equal(t, uint64(1000), days[ledger.UserDay{User: u, Day: 0}].Charged.Uint64(), "never beyond the allowance")
	require.Equal(t, uint64(50), days[ledger.UserDay{User: u, Day: 1}].Charged.Uint64())
	require.Equal(t, uint64(900), days[ledger.UserDay{User: v, Day: 0}].Charged.Uint64())

	// Charging is cumulative: a later epoch's session of the same user-day finds the allowance used up.
	again, err := ledger.ChargeSessions([]ledger.Session{session(u, 1001, 1), session(v, 1050, 1)}, cal, days, nil)
	require.NoError(t, err)
	require.Zero(t, again[0].Credited.Uint64())
	require.Equal(t, uint64(10), again[1].Credited.Uint64())

	// A user-day whose allowance was not loaded is an error, never a free pass.
	_, err = ledger.ChargeSessions([]ledger.Session{session(common.Address{0x0c}, 1000, 1)}, cal, days, nil)
	require.Error(t, err)
}

// fixedAllowances gives every user the same allowance on every day of 86,400 s from time 0.
type fixedAllowances struct{ allowance uint64 }

func (fixedAllowances) Calendar(context.Context) (uint64, uint64, error) { return 0, 86400, nil }
func (f fixedAllowances) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return uint256.NewInt(f.allowance), nil
}

// statePool is addressedPool with the pool state the test sets (unlimited budget).
type statePool struct {
	addressedPool
	state *ledger.PoolState
}

func (p statePool) State(context.Context) (ledger.PoolState, error) {
	s := *p.state
	s.RemainingBudget.SetAllOne()
	return s, nil
}

// TestAllowanceAcrossFeeds: one user's sessions from two routers' feeds, interleaved in time (two closed
// in the same second), are charged together in (closedAt, sessionId) order to one allowance: the first
// three in full, the fourth in part, the rest not at all; the batch file lists the shortfalls and the user-
// day, GET /v1/rejected lists them too. A late session (closed before all of them, read after the epoch
// was assembled) finds the allowance used up and is rejected without an epoch. Rolled back and
// re-assembled, the epoch is the same. On SQLite and PostgreSQL.
func TestAllowanceAcrossFeeds(t *testing.T) {
	dbtest.Run(t, true, testAllowanceAcrossFeeds)
}

func testAllowanceAcrossFeeds(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	const cost = 100 * 1e12 // 100 s at 1e12 wei/s
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{fa.Server.URL, fb.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, // one window: the day (the sessions close within seconds of now)
		Allowances:  fixedAllowances{allowance: 3*cost + cost/2}}, st, statePool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)

	base := uint64(time.Now().Unix()) - 6 // closed in the last seconds, after each session's start
	rec := func(i uint64, at uint64) wire.SessionRecord {
		r := record(t, i, 100, 600)
		r.ClosedAt = base + at
		return r
	}
	r := []wire.SessionRecord{rec(0, 1), rec(1, 3), rec(2, 5), rec(3, 2), rec(4, 3), rec(5, 6)}
	fa.Add(t, r[0], r[1], r[2])
	fb.Add(t, r[3], r[4], r[5])
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))

	// The charging order: r0 (1 s), r3 (2 s), then r1 and r4 (3 s) by session id, r2 (5 s), r5 (6 s).
	first, second := r[1], r[4]
	if second.SessionID.Big().Cmp(first.SessionID.Big()) < 0 {
		first, second = second, first
	}
	credited := map[common.Hash]uint64{r[0].SessionID: cost, r[3].SessionID: cost, first.SessionID: cost,
		second.SessionID: cost / 2, r[2].SessionID: 0, r[5].SessionID: 0}
	order := []common.Hash{r[0].SessionID, r[3].SessionID, first.SessionID, second.SessionID, r[2].SessionID, r[5].SessionID}

	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, int64(6), e.Sessions)
	require.Equal(t, uint64(3*cost+cost/2), e.Total.Uint64(), "the epoch credits exactly the allowance")
	require.NoError(t, l.WriteBatch(ctx, e))
	e, err = l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	raw, err := os.ReadFile(e.BatchFile)
	require.NoError(t, err)
	var bf ledger.BatchFile
	require.NoError(t, json.Unmarshal(raw, &bf))
	var got []common.Hash
	for _, s := range bf.Sessions {
		var rr wire.SessionRecord
		require.NoError(t, json.Unmarshal(s, &rr))
		got = append(got, rr.SessionID)
	}
	require.Equal(t, order, got, "the batch file lists the sessions in the charging order")
	require.Len(t, bf.Shortfalls, 3)
	for _, sh := range bf.Shortfalls {
		require.Equal(t, credited[sh.SessionID], sh.Credited.Uint64(), "shortfall of %s", sh.SessionID)
		require.Equal(t, uint64(cost), sh.Cost.Uint64())
	}
	require.Len(t, bf.Allowances, 1)
	require.Equal(t, bf.Allowances[0].Allowance, bf.Allowances[0].Charged, "the user-day is used up")
	var leafSum uint256.Int
	for _, lf := range bf.Leaves {
		leafSum.Add(&leafSum, lf.Amount)
	}
	require.Equal(t, uint64(3*cost+cost/2), leafSum.Uint64())

	rej, err := l.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Len(t, rej, 3)
	for _, rj := range rej {
		require.Equal(t, ledger.RejectAllowance, rj.Code)
		require.Contains(t, credited, common.HexToHash(rj.SessionID))
		require.Less(t, credited[common.HexToHash(rj.SessionID)], uint64(cost))
	}

	// A late session of the same user-day (epoch 0 committed meanwhile): charged after everything credited
	// before, so nothing; no epoch can carry it alone (the root would not change): rejected, and it leaves
	// the pending sessions.
	ps.NextEpoch, ps.TotalCommitted = 1, e.Total
	late := rec(6, 0) // once: a record's session id depends on the second it is made in
	fa.Add(t, late)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	eps, err := l.Epochs(ctx)
	require.NoError(t, err)
	require.Len(t, eps, 1)
	rej, err = l.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Len(t, rej, 4)
	require.Equal(t, late.SessionID.Hex(), rej[3].SessionID)
	require.Equal(t, ledger.RejectAllowance, rej[3].Code)
	c, err := st.Count(ctx)
	require.NoError(t, err)
	require.Equal(t, int64(6), c.Sessions)

	// Rolled back (a reverted commit) and assembled again: the charges are undone and redone, same epoch.
	ps = ledger.PoolState{}
	require.NoError(t, l.Rollback(ctx, 0, ledger.StateAbandoned))
	require.NoError(t, l.Assemble(ctx))
	again, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, e.Root, again.Root)
	require.Equal(t, e.Total, again.Total)
	rej, err = l.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Len(t, rej, 4, "the re-assembled shortfalls are listed once")
}

// TestTwoKeepersSameRoot: two keepers with stores of their own (SQLite and PostgreSQL) read the same two
// routers' feeds in different orders, in pages of different sizes and at different times, and assemble the
// same epoch: same root, same batch file hash. The first commits it on anvil; the root on-chain is the
// second's. The user's sessions cost twice its allowance(user, d) (read from the chain); the committed total
// is exactly the allowance and the claims pay exactly that.
func TestTwoKeepersSameRoot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	day, err := env.Pool.CurrentDay(call)
	require.NoError(t, err)
	user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
	allowance, err := env.Pool.Allowance(call, user, day)
	require.NoError(t, err)
	require.Positive(t, allowance.Sign())
	// Seven 100 s sessions at this price cost 2 × allowance: three and a half are covered.
	price := new(big.Int).Div(new(big.Int).Mul(allowance, big.NewInt(2)), big.NewInt(700)).Uint64()

	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	recs := make([]wire.SessionRecord, 7)
	for i := range recs {
		recs[i] = env.Record(t, uint64(i), 100, 600, price)
		recs[i].ClosedAt -= uint64(i % 3) // several closed in the same second: the session id decides
	}
	// Keepers whose clock is two days ahead: the day-long window of the sessions is due.
	ahead := func() time.Time { return time.Now().Add(48 * time.Hour) }
	opts := func(dsn string, feeds []*testenv.Feed, pageLimit int) keeperOptions {
		return keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 1, claims: true, feedList: feeds,
			pageLimit: pageLimit, epochLength: 24 * time.Hour, now: ahead, manual: true}
	}
	a := startKeeper(t, ctx, env, opts(dbtest.SQLite(t), []*testenv.Feed{fa, fb}, 0))
	b := startKeeper(t, ctx, env, opts(dbtest.Postgres(t), []*testenv.Feed{fb, fa}, 1))

	// Keeper b reads part of the feeds early, keeper a everything at once at the end.
	fa.Add(t, recs[0], recs[1])
	fb.Add(t, recs[2])
	_, err = b.led.IngestOnce(ctx)
	require.NoError(t, err)
	fa.Add(t, recs[3], recs[4])
	fb.Add(t, recs[5], recs[6])
	for _, k := range []*keeper{a, b} {
		_, err := k.led.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, k.led.Assemble(ctx))
	}
	ea, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err := b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, ea.Root, eb.Root, "same feeds, same root")
	require.Equal(t, int64(7), ea.Sessions)
	require.Equal(t, allowance.String(), ea.Total.Dec(), "credited exactly allowance(user, d)")
	require.NoError(t, a.led.WriteBatch(ctx, ea))
	require.NoError(t, b.led.WriteBatch(ctx, eb))
	ea, err = a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err = b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, ea.BatchHash, eb.BatchHash, "same batch file")

	// Keeper a commits; the chain holds keeper b's root. Past the dispute window, claims pay the allowance.
	a.drive(t, ctx, 0, "confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	info, err := env.Pool.EpochInfo(call, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, eb.Root, common.Hash(info.Root))
	committed, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, allowance.String(), committed.String())

	require.Equal(t, allowance.String(), a.claimAll(t, ctx, env).String(), "claims pay exactly the allowance")
}
