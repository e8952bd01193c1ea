package ledger_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestKeepersAtDifferentFinalHeightsAnvil (issue 13): two keepers fed the same feed read the chain at
// different depths (keeper a: every mined block is final; keeper b: three confirmations). A user with no
// allowance deposits D, runs a deposit-paid session costing D, requests its whole deposit back and, past the
// epoch's cutoff and the delay, withdraws it before any root is committed (a late keeper). Another depositor
// runs a deposit-paid session too. The withdrawal is final for a but not yet for b:
//   - a reads the deposits as of the withdrawal: the user holds nothing, its session is not charged;
//   - b, missing the withdrawal, would charge the user D (paid by the other depositor's MOR if it were
//     committed; the pool would refuse it, StaleDepositsRead): its read is older than the pool's newest
//     withdrawal, so it assembles nothing, writes no batch file and commits nothing;
//   - once the withdrawal is final for b too, b assembles (once) a's root and spend root, byte for byte, and
//     commits them; the user is charged nothing beyond what it holds.
//
// Keeper a on SQLite, keeper b on PostgreSQL.
func TestKeepersAtDifferentFinalHeightsAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	send := func(key int, f func(*bind.TransactOpts) (*types.Transaction, error)) *types.Receipt {
		return sendTx(t, ctx, env, key, f)
	}
	deposit := func(key int, amount *big.Int) *types.Receipt { return depositMOR(t, ctx, env, key, amount) }
	blockTime := func(r *types.Receipt) uint64 { return blockTimeOf(t, ctx, env, r) }
	const userKey = 7
	user := crypto.PubkeyToAddress(devnet.DevKey(userKey).PublicKey)
	today, err := env.Pool.CurrentDay(call)
	require.NoError(t, err)
	otherKey := 0 // another depositor with no allowance: its sessions are paid from its deposit only
	for _, k := range []int{8, 9, 6} {
		a, err := env.Pool.Allowance(call, crypto.PubkeyToAddress(devnet.DevKey(k).PublicKey), today)
		require.NoError(t, err)
		if a.Sign() == 0 {
			otherKey = k
			break
		}
	}
	require.NotZero(t, otherKey)
	other := crypto.PubkeyToAddress(devnet.DevKey(otherKey).PublicKey)
	d, v := devnet.MOR(1), devnet.MOR(10)
	deposit(userKey, d)
	deposit(otherKey, v)
	requestedAt := blockTime(send(userKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, d, big.NewInt(0), nil)
	}))

	// Both sessions closed before the request, in the same window; the user's costs exactly D.
	price := new(big.Int).Div(d, big.NewInt(100)).Uint64()
	s1 := env.RecordSpec(t, testenv.Spec{User: devnet.DevKey(userKey), Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: price,
		UseDeposit: true, Created: requestedAt - 130, Closed: requestedAt - 20})
	s2 := env.RecordSpec(t, testenv.Spec{User: devnet.DevKey(otherKey), Nonce: 1, Seconds: 10, MaxSeconds: 600, Price: price,
		UseDeposit: true, Created: requestedAt - 40, Closed: requestedAt - 10})
	day, err := env.Pool.DayOf(call, new(big.Int).SetUint64(requestedAt-20))
	require.NoError(t, err)
	cutoff, err := env.Pool.DayStart(call, new(big.Int).Add(day, big.NewInt(1)))
	require.NoError(t, err)
	delay, err := env.Pool.WithdrawalDelay(call)
	require.NoError(t, err)

	// Past the cutoff and the delay; three blocks after the cutoff, then the withdrawal and a block in a later
	// second (a, on --confirmations 1, reads up to the second before the newest block's: anvil too mines
	// several blocks in one second).
	require.NoError(t, env.Anvil.IncreaseTime(ctx, max(uint64(delay), cutoff.Uint64()-requestedAt)+1))
	require.NoError(t, env.Chain.Market.Mine(ctx, 2))
	send(userKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.Withdraw(o, big.NewInt(0), nil)
	})
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 1))
	held, err := env.Pool.DepositOf(call, user)
	require.NoError(t, err)
	require.Zero(t, held.Sign(), "the user took its whole deposit back")

	feed := testenv.NewFeed(t)
	feed.Add(t, s1, s2)
	ahead := func() time.Time { return time.Now().Add(48 * time.Hour) }
	opts := func(dsn string, confirmations uint64) keeperOptions {
		return keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: confirmations, feedList: []*testenv.Feed{feed},
			epochLength: 24 * time.Hour, now: ahead, manual: true}
	}
	a := startKeeper(t, ctx, env, opts(dbtest.SQLite(t), 1))
	b := startKeeper(t, ctx, env, opts(dbtest.Postgres(t), 3))
	for _, k := range []*keeper{a, b} {
		_, err := k.led.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, k.led.Assemble(ctx))
	}
	ea, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	spa, err := a.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.Zero(t, spendOf(t, ctx, a.led, 0, user), "a: the withdrawn deposit is not charged")
	require.NotZero(t, spendOf(t, ctx, a.led, 0, other), "a: the other depositor's session is charged")
	require.Greater(t, spa.ReadAt, cutoff.Uint64()-1, "a read the deposits as of the withdrawal, after the cutoff")

	// b, missing the withdrawal, would charge the user D (its read is older than the pool's newest
	// withdrawal): it assembles nothing and commits nothing until the withdrawal is final for it.
	for range 5 {
		require.NoError(t, b.led.Step(ctx))
	}
	_, err = b.led.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "b assembled a spend read before the withdrawal")
	require.Zero(t, b.logs.FilterMessage("epoch assembled").Len())
	next, err := env.Pool.NextEpoch(call)
	require.NoError(t, err)
	require.Zero(t, next.Sign(), "b committed a spend read before the withdrawal")

	// The withdrawal becomes final for b: b assembles a's roots and commits them (blocks keep coming).
	stopMining := mineInBackground(ctx, env)
	b.drive(t, ctx, 0, "b commits epoch 0", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stopMining()
	eb, err := b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, [2]string{ea.Root.Hex(), ea.Total.Dec()}, [2]string{eb.Root.Hex(), eb.Total.Dec()}, "the same credit root as a")
	spb, err := b.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, spa.Root, spb.Root, "the same spend root as a")
	require.Equal(t, spa.ReadAt, spb.ReadAt)
	info, err := env.Pool.SpendInfo(call, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, spa.Root, common.Hash(info.SpendRoot))
	require.Zero(t, spendOf(t, ctx, b.led, 0, user), "the user is charged nothing beyond what it holds")
	require.Equal(t, 1, b.logs.FilterMessage("epoch assembled").Len(), "b assembled epoch 0 once")
}
