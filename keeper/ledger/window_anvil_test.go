package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestWithdrawalWindowEndsGrieferStreamAnvil (THREATS: a user blocking settlement; the pool's daily
// withdrawal window, on anvil with the real keeper, SQLite): a pool deployed with a 2 h window, a user's
// deposit-paid session and another user's allowance-paid one, and a griefer with many accounts, each holding
// 2 wei with a 1-wei withdrawal past its delay. Inside the window (just past the epoch's cutoff, a day start)
// the griefer withdraws between every keeper read and commit: the deposit-funded part goes stale again and
// again, the keeper waits, then holds the deposit-paid session back (pending, not rejected) and commits the
// rest, charging no deposit. Once the window has closed, the griefer's next withdrawal reverts
// (WithdrawalNotReady, ready at the next day's start), and the keeper's next epoch commits the held session
// without a single refusal: charged once, exactly its cost, to the user's deposit, and claimed by the
// provider and the builder with the rest. Without the window the griefer's withdrawal after the close
// would be paid and would outrun that commit too.
func TestWithdrawalWindowEndsGrieferStreamAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	const window = 2 * 3600
	env := testenv.New(t, ctx, testenv.Options{WithdrawalWindow: window})
	call := &bind.CallOpts{Context: ctx}
	w, err := env.Pool.WithdrawalWindow(call)
	require.NoError(t, err)
	require.Equal(t, uint64(window), w.Uint64(), "deployed with the window asked for")
	user := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)
	head := func() uint64 {
		h, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		return h.Time
	}
	withdraw := func(key *ecdsa.PrivateKey) error {
		_, err := env.Chain.Market.Send(ctx, key, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.Withdraw(o, big.NewInt(0), nil)
		})
		return err
	}

	sybils := withdrawingAccounts(t, ctx, env, 24) // the griefer's

	// The user (dev key 7, no allowance) deposits 1 MOR; its session costs a tenth of it, all from the
	// deposit. The other user's session is allowance-paid. Both close mid-day, outside the window.
	d := devnet.MOR(1)
	cost := d.Uint64() / 10
	depositedAt := blockTimeOf(t, ctx, env, depositMOR(t, ctx, env, 7, d))
	s1, s2 := sessionsBefore(t, env, depositedAt, cost)
	day, err := env.Pool.DayOf(call, new(big.Int).SetUint64(depositedAt))
	require.NoError(t, err)
	next, err := env.Pool.DayStart(call, new(big.Int).Add(day, big.NewInt(1)))
	require.NoError(t, err)
	cutoff := next.Uint64() // the keeper's 24 h epochs end at day starts: the window opens at the cutoff
	opens, err := env.Pool.WithdrawalOpensAt(call, new(big.Int).SetUint64(head()))
	require.NoError(t, err)
	require.Equal(t, cutoff, opens.Uint64(), "mid-day, outside the window: withdrawals wait for the next day")
	require.NoError(t, env.Anvil.IncreaseTime(ctx, cutoff-head()+1))
	require.NoError(t, env.Chain.Market.Mine(ctx, 3))
	feed := testenv.NewFeed(t)
	feed.Add(t, s1, s2)

	var clock atomic.Int64 // the keeper's: two days ahead, moved on by the test
	clock.Store(time.Now().Add(48 * time.Hour).Unix())
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 3,
		feedList: []*testenv.Feed{feed}, epochLength: 24 * time.Hour, claims: true, manual: true,
		now: func() time.Time { return time.Unix(clock.Load(), 0) }})
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	stale := func() int {
		return k.logs.FilterMessage("epoch due but its deposits were read before the pool's newest withdrawal: waiting until that is final, nothing committed").Len() +
			k.logs.FilterMessage("epoch due but the deposits as of its cutoff are not final yet: waiting, nothing committed").Len()
	}
	const held = "deposits read stale again and again (a withdrawal after every read): deposit-paid sessions held back, the rest committed"

	// Window open: one griefer withdrawal per block (each a second after the one before), one keeper step per
	// block, until the keeper gives up on the deposit charge and commits the rest. The last account is kept.
	streamed := streamWithdrawals(t, ctx, env, k, sybils[:len(sybils)-1])
	t.Logf("epoch 0 committed after %d withdrawals", streamed)
	require.Less(t, head(), cutoff+window, "the stream ran inside the window")
	require.Positive(t, stale(), "the griefer made the deposit read stale")
	require.Equal(t, 1, k.logs.FilterMessage(held).Len(), "the deposit-paid session was held back")
	stop := mineInBackground(ctx, env)
	k.drive(t, ctx, 0, "epoch 0 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stop()
	e0, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, int64(1), e0.Sessions, "the allowance-paid session is settled")
	require.Zero(t, spendOf(t, ctx, k.led, 0, user), "the deposit-paid session is held back, not charged")
	rej, err := k.led.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Empty(t, rej, "nothing rejected: the held session stays pending")
	spent, err := env.Pool.TotalSpent(call)
	require.NoError(t, err)
	require.Zero(t, spent.Sign())
	lastWithdrawAt, err := env.Pool.LastWithdrawAt(call)
	require.NoError(t, err)

	// The window closes: the griefer's next withdrawal (its request long past its delay) is refused until the
	// next day's window, and nothing moves lastWithdrawAt any more.
	closeAt := cutoff + window
	require.NoError(t, env.Anvil.IncreaseTime(ctx, closeAt-head()))
	require.NoError(t, env.Chain.Market.Mine(ctx, 1))
	require.GreaterOrEqual(t, head(), closeAt)
	pool, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	notReady := pool.Errors["WithdrawalNotReady"].ID
	err = withdraw(sybils[len(sybils)-1])
	require.ErrorContains(t, err, "custom error "+hexutil.Encode(notReady[:4]),
		"a withdrawal after the window's close is not paid")
	opens, err = env.Pool.WithdrawalOpensAt(call, new(big.Int).SetUint64(head()))
	require.NoError(t, err)
	require.Equal(t, cutoff+86400, opens.Uint64(), "the next window opens at the next day's start")
	after, err := env.Pool.LastWithdrawAt(call)
	require.NoError(t, err)
	require.Equal(t, lastWithdrawAt, after)

	// The keeper's next epoch carries the held session: read after the window's last withdrawal, committed
	// without a refusal, charged once.
	staleBefore := stale()
	clock.Add(25 * 3600)
	stop = mineInBackground(ctx, env)
	k.drive(t, ctx, 1, "epoch 1 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stop()
	require.Equal(t, staleBefore, stale(), "no read after the window's close was outrun")
	e1, err := k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err)
	require.Equal(t, int64(1), e1.Sessions, "the held session, and only it")
	sp, err := k.led.Spend(ctx, 1)
	require.NoError(t, err)
	require.GreaterOrEqual(t, sp.ReadAt, uint64(lastWithdrawAt), "read after the window's last withdrawal")
	require.Equal(t, cost, spendOf(t, ctx, k.led, 1, user), "charged its cost to the user's deposit")
	require.Len(t, sp.Charges, 1)
	require.Equal(t, s1.SessionID, sp.Charges[0].SessionID)
	spent, err = env.Pool.TotalSpent(call)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(cost).String(), spent.String(), "charged once")
	info, err := env.Pool.SpendInfo(call, big.NewInt(1))
	require.NoError(t, err)
	require.Equal(t, sp.Root[:], info.SpendRoot[:])
	credited := new(big.Int).Sub(e1.Total.ToBig(), e0.Total.ToBig())
	require.Equal(t, new(big.Int).SetUint64(cost).String(), credited.String(), "credited exactly what the deposit paid")

	// Past the dispute window, the provider and the builder claim every credit, the deposit-funded one too.
	dw, err := env.Pool.DisputeWindow(call)
	require.NoError(t, err)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, uint64(dw)+1))
	stop = mineInBackground(ctx, env)
	k.drive(t, ctx, 1, "epoch 1 claimed", func(e *ledger.EpochRow) bool {
		return e.State == ledger.StateClaimable && e.Claims == ledger.ClaimsDone
	})
	stop()
	paid := new(big.Int)
	for _, acc := range []common.Address{env.Provider, env.Builder} {
		c, err := env.Pool.Claimed(call, acc)
		require.NoError(t, err)
		paid.Add(paid, c)
	}
	require.Equal(t, e1.Total.Dec(), paid.String())
}
