package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// staleReadSetup deposits d for the user (dev key 7, no allowance) and requests it all back, feeds a deposit
// -paid session of the user costing cost and an allowance-paid one of testenv's user, both closed before the
// request, and moves the chain past the epoch's cutoff and the withdrawal delay (three blocks after it). It
// returns the feed and the cutoff.
func staleReadSetup(t *testing.T, ctx context.Context, env *testenv.Env, d *big.Int, cost uint64) (*testenv.Feed, uint64) {
	t.Helper()
	call := &bind.CallOpts{Context: ctx}
	depositMOR(t, ctx, env, 7, d)
	requestedAt := blockTimeOf(t, ctx, env, sendTx(t, ctx, env, 7, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, d, big.NewInt(0), nil)
	}))
	s1, s2 := sessionsBefore(t, env, requestedAt, cost)
	day, err := env.Pool.DayOf(call, new(big.Int).SetUint64(requestedAt-20))
	require.NoError(t, err)
	cutoff, err := env.Pool.DayStart(call, new(big.Int).Add(day, big.NewInt(1)))
	require.NoError(t, err)
	delay, err := env.Pool.WithdrawalDelay(call)
	require.NoError(t, err)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, max(uint64(delay), cutoff.Uint64()-requestedAt)+1))
	require.NoError(t, env.Chain.Market.Mine(ctx, 3))
	feed := testenv.NewFeed(t)
	feed.Add(t, s1, s2)
	return feed, cutoff.Uint64()
}

// sessionsBefore returns two sessions closed just before at: a deposit-paid one of dev key 7 costing cost
// (10 s, closed 20 s before at) and an allowance-paid one of testenv's user (closed 10 s before at).
func sessionsBefore(t *testing.T, env *testenv.Env, at, cost uint64) (deposit, allowance wire.SessionRecord) {
	t.Helper()
	deposit = env.RecordSpec(t, testenv.Spec{User: devnet.DevKey(7), Nonce: 1, Seconds: 10, MaxSeconds: 600, Price: cost / 10,
		UseDeposit: true, Created: at - 130, Closed: at - 20})
	allowance = env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 10, MaxSeconds: 600, Price: 1000,
		Created: at - 40, Closed: at - 10})
	return deposit, allowance
}

// withdrawingAccounts returns n new accounts, each with ETH for gas, a 2-wei deposit and a 1-wei withdrawal
// request (a griefer's: each can withdraw once the delay has run).
func withdrawingAccounts(t *testing.T, ctx context.Context, env *testenv.Env, n int) []*ecdsa.PrivateKey {
	t.Helper()
	sybils := make([]*ecdsa.PrivateKey, n)
	for i := range sybils {
		key, err := crypto.GenerateKey()
		require.NoError(t, err)
		sybils[i] = key
		addr := crypto.PubkeyToAddress(key.PublicKey)
		require.NoError(t, env.Chain.Market.SetBalance(ctx, addr, devnet.MOR(1)))
		require.NoError(t, env.FundMOR(ctx, addr, big.NewInt(2)))
		for _, f := range []func(*bind.TransactOpts) (*types.Transaction, error){
			func(o *bind.TransactOpts) (*types.Transaction, error) {
				return env.Token.Approve(o, env.PoolAddr, big.NewInt(2))
			},
			func(o *bind.TransactOpts) (*types.Transaction, error) { return env.Pool.Deposit(o, big.NewInt(2)) },
			func(o *bind.TransactOpts) (*types.Transaction, error) {
				return env.Pool.RequestWithdrawal(o, big.NewInt(1), big.NewInt(0), nil)
			},
		} {
			_, err := env.Chain.Market.Send(ctx, key, f)
			require.NoError(t, err)
		}
	}
	return sybils
}

// streamWithdrawals is the griefer's stream: the accounts withdraw one per block, with one keeper step after
// each, until k's epoch 0 is mined; it returns how many withdrew (it fails if they all did first). Each
// withdrawal one second after the one before (evm_increaseTime, no extra block): the pool's lastWithdrawAt
// is a time, so two in the same second are one newer withdrawal for the keeper, and how many fall in one
// second would depend on the machine's speed.
func streamWithdrawals(t *testing.T, ctx context.Context, env *testenv.Env, k *keeper, sybils []*ecdsa.PrivateKey) int {
	t.Helper()
	rc, err := rpc.DialContext(ctx, env.Anvil.URL)
	require.NoError(t, err)
	defer rc.Close()
	for streamed := 0; ; {
		if streamed == len(sybils) {
			for _, e := range k.logs.All() {
				t.Log(e.Message, e.ContextMap())
			}
		}
		require.Less(t, streamed, len(sybils), "the epoch was not committed while withdrawals kept coming")
		require.NoError(t, rc.CallContext(ctx, nil, "evm_increaseTime", 1))
		_, err := env.Chain.Market.Send(ctx, sybils[streamed], func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.Withdraw(o, big.NewInt(0), nil)
		})
		require.NoError(t, err)
		streamed++
		require.NoError(t, k.led.Step(ctx))
		if e, err := k.led.LiveEpoch(ctx, 0); err == nil && e.State == ledger.StateMined {
			return streamed
		}
	}
}

// startLateKeeper starts a manual keeper on dsn reading blocks three deep, its clock two days ahead.
func startLateKeeper(t *testing.T, ctx context.Context, env *testenv.Env, feed *testenv.Feed, dsn string) *keeper {
	t.Helper()
	return startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 3,
		feedList: []*testenv.Feed{feed}, epochLength: 24 * time.Hour, now: func() time.Time { return time.Now().Add(48 * time.Hour) },
		manual: true})
}

// mineInBackground mines a block every 50 ms until the returned stop is called.
func mineInBackground(ctx context.Context, env *testenv.Env) (stop func()) {
	mining, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-mining.Done():
				return
			case <-tick.C:
				_ = env.Chain.Market.Mine(mining, 1)
			}
		}
	}()
	return func() { cancel(); <-done }
}

// TestStaleReadReassembledOnceAnvil: a keeper (three confirmations) assembles an epoch charging a user's
// deposit and writes its batch file; the user then withdraws its deposit before the commit. The pool refuses
// the commit (StaleDepositsRead) and the keeper rolls the epoch back. While the withdrawal is not final the
// keeper polls again and again and assembles nothing (before, it assembled the epoch again, wrote a batch file
// and had the commit refused on every poll); once it is final the keeper assembles once more, as of a read
// that includes the withdrawal, and commits. Two assemblies and two batch files in all, nothing stale
// committed, the user charged nothing.
func TestStaleReadReassembledOnceAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	user := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)
	d := devnet.MOR(1)
	feed, cutoff := staleReadSetup(t, ctx, env, d, d.Uint64()/2)
	k := startLateKeeper(t, ctx, env, feed, dbtest.SQLite(t))
	assembled := func() int { return k.logs.FilterMessage("epoch assembled").Len() }
	written := func() int { return k.logs.FilterMessage("batch file written").Len() }

	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Step(ctx)) // assembles
	sp, err := k.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, cutoff-1, sp.ReadAt)
	require.Equal(t, d.Uint64()/2, spendOf(t, ctx, k.led, 0, user), "read before the withdrawal: the deposit pays")
	require.NoError(t, k.led.Step(ctx)) // writes the batch file
	require.Equal(t, [2]int{1, 1}, [2]int{assembled(), written()})

	withdrawn := blockTimeOf(t, ctx, env, sendTx(t, ctx, env, 7, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.Withdraw(o, big.NewInt(0), nil)
	}))
	require.NoError(t, k.led.Step(ctx)) // the commit is refused: rolled back
	_, err = k.led.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "the commit of a spend read before the withdrawal was not refused")

	// No block comes: the withdrawal stays unfinal, and the keeper only waits.
	for range 12 {
		require.NoError(t, k.led.Step(ctx))
	}
	require.Equal(t, [2]int{1, 1}, [2]int{assembled(), written()}, "assembled again before the withdrawal was final")
	next, err := env.Pool.NextEpoch(call)
	require.NoError(t, err)
	require.Zero(t, next.Sign())

	stop := mineInBackground(ctx, env)
	k.drive(t, ctx, 0, "epoch 0 committed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stop()
	require.Equal(t, [2]int{2, 2}, [2]int{assembled(), written()}, "one assembly (and batch file) after the refusal")
	sp, err = k.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.GreaterOrEqual(t, sp.ReadAt, withdrawn, "read as of the withdrawal")
	require.Zero(t, spendOf(t, ctx, k.led, 0, user), "the withdrawn deposit is not charged")
	info, err := env.Pool.SpendInfo(call, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, sp.Root[:], info.SpendRoot[:])
}

// TestWithdrawalStreamDelaysOnlyDepositSessionsAnvil (THREATS: a user blocking settlement): an attacker with
// many accounts, each holding a tiny deposit with a withdrawal ready, withdraws 1 wei in every block, so the
// pool's newest withdrawal is always newer than anything a keeper reading final blocks (three confirmations)
// can read, and every spend-raising commit would be refused (StaleDepositsRead). The epoch holds the
// attacker's own deposit-paid session and another user's allowance-paid one. After maxStaleReads waits the
// keeper assembles the epoch without the deposit-paid session (held back, pending) and commits it while the
// stream goes on: the other user's session and its provider's pay are settled; only deposit-paid sessions wait.
func TestWithdrawalStreamDelaysOnlyDepositSessionsAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	attacker := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)
	d := devnet.MOR(1)

	sybils := withdrawingAccounts(t, ctx, env, 30) // the attacker's
	feed, _ := staleReadSetup(t, ctx, env, d, d.Uint64()/10)
	k := startLateKeeper(t, ctx, env, feed, dbtest.Postgres(t))
	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)

	streamed := streamWithdrawals(t, ctx, env, k, sybils)
	t.Logf("committed after %d withdrawals", streamed)
	require.Equal(t, 1, k.logs.FilterMessage("epoch assembled").Len())
	stop := mineInBackground(ctx, env)
	k.drive(t, ctx, 0, "epoch 0 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stop()

	e, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, int64(1), e.Sessions, "the allowance-paid session is settled")
	oc, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, e.Total.Dec(), oc.String())
	require.NotZero(t, oc.Sign(), "the provider's pay for it is committed")
	require.Zero(t, spendOf(t, ctx, k.led, 0, attacker), "the deposit-paid session is held back, not charged")
	spent, err := env.Pool.TotalSpent(call)
	require.NoError(t, err)
	require.Zero(t, spent.Sign())
}
