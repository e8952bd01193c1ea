package ledger_test

import (
	"context"
	"math/big"
	"net/http/httptest"
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
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestWithdrawalWaitsOutTheWindowItsSessionsAreHeldInAnvil (money review 3; THREATS: a user withdrawing the
// deposit its served sessions were to be charged to; anvil with the real keeper, SQLite, the devnet's default
// pool parameters but the shortest delay the pool accepts (not the deploy's default, which adds half the lag,
// the close window, four feed graces and the commit slack), and the keeper's default 1 h epochs): ComputePool takes no withdrawalDelay up to
// settlementLag + withdrawalWindow + disputeWindow. A user deposits 1 MOR, has a deposit-paid session costing
// 0.1 MOR, and asks for its whole deposit back 30 s before the epoch's cutoff, a day start, where the window
// opens. A griefer's stream of withdrawals (one per block, each a second after the one before) outruns every
// deposit read until the keeper holds the session back and commits the rest. Before, the user's request was
// ready inside that same window (the devnet delay was settlementLag + disputeWindow + 1 s, the window 23 h): it
// withdrew the whole 1 MOR, the session was then deposit_exceeded and the provider unpaid (this test, run with
// those defaults, fails there). Now the request is not ready before the window closes (WithdrawalNotReady ten
// seconds before the close, the session still held), the keeper's next epoch after the close charges the
// session in full, the provider and the builder claim it, and at the next window the user's withdrawal pays
// only what is left: 0.9 MOR. Deposited = spent + withdrawn, to the wei.
func TestWithdrawalWaitsOutTheWindowItsSessionsAreHeldInAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	// The devnet file's lag (600 s), window (3600 s) and dispute window (60 s), and the shortest delay past them.
	env := testenv.New(t, ctx, testenv.Options{WithdrawalDelay: 600 + 3600 + 60 + 1})
	call := &bind.CallOpts{Context: ctx}
	user := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)
	head := func() uint64 {
		h, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		return h.Time
	}
	withdraw := func(key int, spent *big.Int, proof [][32]byte) error {
		_, err := env.Chain.Market.Send(ctx, devnet.DevKey(key), func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.Withdraw(o, spent, proof)
		})
		return err
	}

	// The devnet defaults: a window of a 24th of the day; the shortest delay the pool takes past it.
	read := func(f func(*bind.CallOpts) (*big.Int, error)) uint64 {
		v, err := f(call)
		require.NoError(t, err)
		return v.Uint64()
	}
	interval, window, lag := read(env.Pool.Interval), read(env.Pool.WithdrawalWindow), read(env.Pool.SettlementLag)
	delay, err := env.Pool.WithdrawalDelay(call)
	require.NoError(t, err)
	dispute, err := env.Pool.DisputeWindow(call)
	require.NoError(t, err)
	require.Equal(t, interval/24, window)
	require.Equal(t, lag+window+uint64(dispute)+1, uint64(delay))

	sybils := withdrawingAccounts(t, ctx, env, 24) // the griefer's
	d := devnet.MOR(1)
	cost := d.Uint64() / 10
	depositedAt := blockTimeOf(t, ctx, env, depositMOR(t, ctx, env, 7, d))
	day, err := env.Pool.DayOf(call, new(big.Int).SetUint64(depositedAt))
	require.NoError(t, err)
	next, err := env.Pool.DayStart(call, new(big.Int).Add(day, big.NewInt(1)))
	require.NoError(t, err)
	cutoff := next.Uint64() // an epoch's cutoff (1 h epochs from payoutStart) and the window's opening

	// The user's session runs; 30 s before the cutoff the user asks for its whole deposit back.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, cutoff-30-head()))
	requestedAt := blockTimeOf(t, ctx, env, sendTx(t, ctx, env, 7, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, d, big.NewInt(0), nil)
	}))
	s1, s2 := sessionsBefore(t, env, requestedAt, cost)
	pw, err := env.Pool.PendingWithdrawal(call, user)
	require.NoError(t, err)
	readyAt := pw.ReadyAt
	require.Equal(t, cutoff+interval, readyAt, "not ready in the window its session may be held in: the next one")
	require.NoError(t, env.Anvil.IncreaseTime(ctx, cutoff-head()+1))
	require.NoError(t, env.Chain.Market.Mine(ctx, 3))
	feed := testenv.NewFeed(t)
	feed.Add(t, s1, s2)

	var clock atomic.Int64 // the keeper's: two days ahead, moved on by the test
	clock.Store(time.Now().Add(48 * time.Hour).Unix())
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 3,
		feedList: []*testenv.Feed{feed}, epochLength: time.Hour, claims: true, manual: true,
		now: func() time.Time { return time.Unix(clock.Load(), 0) }})
	require.NoError(t, k.led.CheckWithdrawalWindow(ctx, window), "the devnet defaults take 1 h epochs without a warning")
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)

	// Window open: one griefer withdrawal per block, one keeper step per block, until the keeper holds the
	// deposit-paid session back and commits the rest.
	streamed := streamWithdrawals(t, ctx, env, k, sybils)
	t.Logf("epoch 0 committed after %d withdrawals; the user's request is ready at cutoff+%d s", streamed, readyAt-cutoff)
	require.Less(t, head(), cutoff+window, "the stream ran inside the window")
	require.Zero(t, spendOf(t, ctx, k.led, 0, user), "the deposit-paid session is held back")

	// Ten seconds before the window closes, the session still held: the user's withdrawal is not paid (before,
	// it took the whole deposit here: its request was ready 631 s past the cutoff, in this window).
	require.NoError(t, env.Anvil.IncreaseTime(ctx, cutoff+window-10-head()))
	poolABI, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	notReady := poolABI.Errors["WithdrawalNotReady"].ID
	require.ErrorContains(t, withdraw(7, big.NewInt(0), nil), "custom error "+hexutil.Encode(notReady[:4]),
		"the user cannot withdraw in the window its served session is held in")
	require.Less(t, head(), cutoff+window, "tried inside the window")

	// The window closes; the keeper's next epoch charges the held session, in full, to the deposit.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, cutoff+window-head()))
	require.NoError(t, env.Chain.Market.Mine(ctx, 1))
	clock.Add(2 * 3600)
	stop := mineInBackground(ctx, env)
	k.drive(t, ctx, 1, "epoch 1 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	stop()
	require.Equal(t, cost, spendOf(t, ctx, k.led, 1, user), "the held session charged its cost")
	rej, err := k.led.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Empty(t, rej, "nothing deposit_exceeded")
	spent, err := env.Pool.TotalSpent(call)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(cost).String(), spent.String())

	// The next window: past the dispute window the provider and the builder are paid every credit, and the
	// user's withdrawal pays what is left.
	require.Equal(t, readyAt, warpToReady(t, ctx, env, user))
	stop = mineInBackground(ctx, env)
	k.drive(t, ctx, 1, "epoch 1 claimed", func(e *ledger.EpochRow) bool {
		return e.State == ledger.StateClaimable && e.Claims == ledger.ClaimsDone
	})
	stop()
	e1, err := k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err)
	paid := new(big.Int)
	for _, acc := range []common.Address{env.Provider, env.Builder} {
		c, err := env.Pool.Claimed(call, acc)
		require.NoError(t, err)
		paid.Add(paid, c)
	}
	require.Equal(t, e1.Total.Dec(), paid.String(), "the provider and the builder paid, the deposit-funded credit too")

	srv := httptest.NewServer(api.New(k.led, nil, nil).Handler())
	defer srv.Close()
	var proof wire.SpendProof
	getJSON(t, srv.URL+"/v1/spend/"+user.Hex(), &proof)
	require.Equal(t, new(big.Int).SetUint64(cost).String(), proof.CumulativeSpent.Dec())
	hashes := make([][32]byte, len(proof.Proof))
	for i := range proof.Proof {
		hashes[i] = proof.Proof[i]
	}
	before, err := env.Token.BalanceOf(call, user)
	require.NoError(t, err)
	require.NoError(t, withdraw(7, proof.CumulativeSpent.ToBig(), hashes))
	after, err := env.Token.BalanceOf(call, user)
	require.NoError(t, err)
	withdrawn := new(big.Int).Sub(after, before)
	require.Equal(t, new(big.Int).Sub(d, new(big.Int).SetUint64(cost)).String(), withdrawn.String(),
		"the withdrawal pays the deposit minus the served session")
	left, err := env.Pool.DepositOf(call, user)
	require.NoError(t, err)
	require.Equal(t, d.String(), new(big.Int).Add(new(big.Int).Add(spent, withdrawn), new(big.Int).Sub(left, spent)).String(),
		"deposited = spent + withdrawn + left, to the wei")
}
