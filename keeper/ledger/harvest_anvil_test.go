package ledger_test

import (
	"context"
	"encoding/json"
	"math/big"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestBackdatedAllowanceHarvestAnvil (security review): a router and a user in league try to collect the
// free allowance of days the user did not use. closedAt is the router's word and the RFC's deadline the
// user's, so every signature on a session "closed" on a past day is genuine. On anvil with the real keeper:
// the user holds its votes through four idle days; an honest epoch is committed today; then the router
// feeds three sessions dated on the three days before today, each costing that day's whole allowance.
// PROTOCOL §4: unused allowance does not accrue. The keeper charges a session closed more than a day
// before the previous epoch's cutoff to the day a day before that cutoff (ledger.Calendar.After), so the
// three sessions share one day's allowance: without the floor each day's allowance is credited.
func TestBackdatedAllowanceHarvestAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
	head := func() uint64 {
		h, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		return h.Time
	}
	dayOf := func(ts uint64) uint64 {
		d, err := env.Pool.DayOf(call, new(big.Int).SetUint64(ts))
		require.NoError(t, err)
		return d.Uint64()
	}
	dayStart := func(d uint64) uint64 {
		s, err := env.Pool.DayStart(call, new(big.Int).SetUint64(d))
		require.NoError(t, err)
		return s.Uint64()
	}
	allowance := func(d uint64) *big.Int {
		a, err := env.Pool.Allowance(call, user, new(big.Int).SetUint64(d))
		require.NoError(t, err)
		return a
	}

	// Four idle days with the votes held: each of them has an allowance, none was used.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 4*86400))
	now := head()
	today := dayOf(now)
	feed := testenv.NewFeed(t)
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		feedList: []*testenv.Feed{feed}, epochLength: time.Hour, manual: true,
		now: func() time.Time { return time.Unix(int64(now), 0).Add(3 * time.Hour) }})

	// Today's honest epoch.
	feed.Add(t, env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 10, MaxSeconds: 600, Price: 1, Created: now - 100, Closed: now - 80}))
	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	k.drive(t, ctx, 0, "epoch 0 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	e0, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)

	// The backdated sessions, one on each of the three days before today, each costing that day's allowance.
	for j := uint64(1); j <= 3; j++ {
		d := today - j
		a := allowance(d)
		require.Positive(t, a.Sign(), "the user has an allowance on day %d", d)
		closed := dayStart(d) + 3600
		feed.Add(t, env.RecordSpec(t, testenv.Spec{Nonce: 1 + j, Seconds: 100, MaxSeconds: 600,
			PriceWei: uint256.MustFromBig(new(big.Int).Add(new(big.Int).Div(a, big.NewInt(100)), big.NewInt(1))),
			Created:  closed - 110, Closed: closed}))
	}
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	e1, err := k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err, "the backdated sessions are settled in the next epoch")
	require.Equal(t, int64(3), e1.Sessions)
	require.NoError(t, k.led.WriteBatch(ctx, e1))
	e1, err = k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err)
	raw, err := os.ReadFile(e1.BatchFile)
	require.NoError(t, err)
	var bf ledger.BatchFile
	require.NoError(t, json.Unmarshal(raw, &bf))

	floorDay := dayOf(uint64(e0.Cutoff) - 86400)
	var days []uint64
	for _, u := range bf.Allowances {
		if u.User == user {
			days = append(days, u.Day)
			require.Equal(t, allowance(u.Day).String(), u.Allowance, "allowance(user, %d)", u.Day)
		}
	}
	require.Equal(t, []uint64{floorDay}, days, "the backdated sessions are charged to one day, a day before the previous cutoff")
	require.LessOrEqual(t, e1.Delta.ToBig().Cmp(allowance(floorDay)), 0,
		"credited %s, more than one day's allowance %s", e1.Delta.Dec(), allowance(floorDay))
	require.GreaterOrEqual(t, len(bf.Shortfalls), 2, "at least two of the three sessions find that day's allowance used up")
}
