package ledger_test

import (
	"context"
	"math/big"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestBackdatedSessionAfterWithdrawalAnvil (money review): a user, a provider and a router in league take
// another depositor's MOR. On anvil with the real keeper (ChainDeposits, commit, claims):
//   - a victim deposits V; the attacker (no votes, so no allowance) deposits D on day d;
//   - on day d+1 the attacker requests its whole deposit back and, after the delay, withdraw pays D (it
//     never spent anything: no epoch was ever committed); its depositOf is 0;
//   - the router then feeds a session of the attacker's RFC (useDeposit) that "closed" on day d: every
//     signature is genuine (the attacker signs the RFC and the receipt, its provider countersigns), and the
//     times are what the signers chose.
//
// The session's epoch cutoff is the end of day d, before the withdrawal; the keeper reads the deposits as of
// the newest withdrawal (issue 13) and must not charge MOR the attacker already took back. If it does, the pool accepts the spend (it checks
// totalDeposits only, which the victim's deposit covers), the provider claims D, and the victim can no
// longer withdraw its whole deposit.
func TestBackdatedSessionAfterWithdrawalAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	send := func(key int, f func(*bind.TransactOpts) (*types.Transaction, error)) *types.Receipt {
		return sendTx(t, ctx, env, key, f)
	}
	deposit := func(key int, amount *big.Int) *types.Receipt { return depositMOR(t, ctx, env, key, amount) }
	blockTime := func(r *types.Receipt) uint64 { return blockTimeOf(t, ctx, env, r) }
	const attackerKey, victimKey = 7, 8
	attacker := crypto.PubkeyToAddress(devnet.DevKey(attackerKey).PublicKey)
	victim := crypto.PubkeyToAddress(devnet.DevKey(victimKey).PublicKey)
	d, v := devnet.MOR(1), devnet.MOR(10)
	deposit(victimKey, v)
	depositedAt := blockTime(deposit(attackerKey, d))

	// Day d+1: request, wait out the delay, withdraw everything.
	day, err := env.Pool.DayOf(call, new(big.Int).SetUint64(depositedAt))
	require.NoError(t, err)
	next, err := env.Pool.DayStart(call, new(big.Int).Add(day, big.NewInt(1)))
	require.NoError(t, err)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, next.Uint64()-depositedAt+5))
	send(attackerKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, d, big.NewInt(0), nil)
	})
	warpToReady(t, ctx, env, attacker)
	before, err := env.Token.BalanceOf(call, attacker)
	require.NoError(t, err)
	send(attackerKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.Withdraw(o, big.NewInt(0), nil)
	})
	after, err := env.Token.BalanceOf(call, attacker)
	require.NoError(t, err)
	require.Equal(t, d.String(), new(big.Int).Sub(after, before).String(), "the attacker has its whole deposit back")

	// The backdated session: 100 s on day d, after the deposit, costing exactly D.
	price := new(big.Int).Div(d, big.NewInt(100)).Uint64()
	rec := env.RecordSpec(t, testenv.Spec{User: devnet.DevKey(attackerKey), Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: price,
		UseDeposit: true, Created: depositedAt + 1, Closed: depositedAt + 111})
	feed := testenv.NewFeed(t)
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		claims: true, feedList: []*testenv.Feed{feed}, epochLength: 24 * time.Hour, manual: true,
		now: func() time.Time { return time.Unix(int64(depositedAt), 0).Add(72 * time.Hour) }})
	feed.Add(t, rec)
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	if _, err := k.led.LiveEpoch(ctx, 0); err != nil {
		return // nothing credited: the defence held
	}
	assert.Zero(t, spendOf(t, ctx, k.led, 0, attacker), "the keeper charges the attacker's deposit after it was withdrawn")

	// The consequences on-chain: the spend is committed, the provider claims D, the victim is short.
	k.drive(t, ctx, 0, "confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	paid := k.claimAll(t, ctx, env)
	assert.Zero(t, paid.Sign(), "the attacker's provider and builder were paid %s wei out of the deposits", paid)

	// The request proves the victim's leaf in the claimable spend root, as withdraw does.
	srv := httptest.NewServer(api.New(k.led, nil, nil).Handler())
	defer srv.Close()
	var proof wire.SpendProof
	getJSON(t, srv.URL+"/v1/spend/"+victim.Hex(), &proof)
	require.Zero(t, proof.CumulativeSpent.Sign(), "the victim spent nothing")
	hashes := make([][32]byte, len(proof.Proof))
	for i := range proof.Proof {
		hashes[i] = proof.Proof[i]
	}
	send(victimKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, v, big.NewInt(0), hashes)
	})
	warpToReady(t, ctx, env, victim)
	_, err = env.Chain.Market.Send(ctx, devnet.DevKey(victimKey), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.Withdraw(o, big.NewInt(0), hashes)
	})
	assert.NoError(t, err, "the victim cannot withdraw its whole deposit")
}
