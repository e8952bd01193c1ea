package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/store"
)

// TestDepositReorgBeforeDepth (THREATS "the chain / RPC"): two keepers (SQLite and PostgreSQL,
// confirmations 3) read the deposits as of an epoch's cutoff only from blocks 3 deep. Two users with no
// allowance deposit, P then Q (Q's in the newest block), and each closes a useDeposit session.
//   - While the newest block past the cutoff is not 3 deep, neither keeper assembles (logged, nothing
//     committed), even once the chain's clock is past the cutoff.
//   - anvil_reorg then replaces Q's deposit block and the one above it (2 < 3 deep) with empty blocks.
//   - Once blocks past the cutoff are final both keepers assemble the same epoch: P's session is charged
//     to P's deposit (it survived), Q's to nothing (its deposit never existed on the canonical chain).
func TestDepositReorgBeforeDepth(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{}) // automine: the test decides when blocks come
	r, err := rpc.DialContext(ctx, env.Anvil.URL)
	require.NoError(t, err)
	defer r.Close()
	call := &bind.CallOpts{Context: ctx}
	day, err := env.Pool.CurrentDay(call)
	require.NoError(t, err)

	pKey, qKey := env.Chain.NewKey(), env.Chain.NewKey() // fresh accounts: no votes, no allowance
	users := map[*ecdsa.PrivateKey]common.Address{}
	amount := devnet.MOR(1)
	for _, k := range []*ecdsa.PrivateKey{pKey, qKey} {
		users[k] = crypto.PubkeyToAddress(k.PublicKey)
		a, err := env.Pool.Allowance(call, users[k], day)
		require.NoError(t, err)
		require.Zero(t, a.Sign(), "no votes: no allowance, a session is paid from the deposit or not at all")
		require.NoError(t, env.FundMOR(ctx, users[k], amount))
		_, err = env.Chain.Market.Send(ctx, k, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Token.Approve(o, env.PoolAddr, amount)
		})
		require.NoError(t, err)
	}
	deposit := func(k *ecdsa.PrivateKey) *types.Receipt {
		rc, err := env.Chain.Market.Send(ctx, k, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.Deposit(o, amount)
		})
		require.NoError(t, err)
		return rc
	}
	rp, rq := deposit(pKey), deposit(qKey)
	require.Equal(t, rp.BlockNumber.Uint64()+1, rq.BlockNumber.Uint64())

	const price = 1_000_000_000_000_000 // 10 s: 0.01 MOR
	now := uint64(time.Now().Unix())
	spec := func(k *ecdsa.PrivateKey) testenv.Spec {
		return testenv.Spec{User: k, Nonce: 1, Seconds: 10, MaxSeconds: 600, Price: price, UseDeposit: true,
			Created: now - 20, Closed: now - 5}
	}
	sp, sq := env.RecordSpec(t, spec(pKey)), env.RecordSpec(t, spec(qKey))
	feed := testenv.NewFeed(t)
	feed.Add(t, sp, sq)

	core, logs := observer.New(zap.InfoLevel)
	ahead := func() time.Time { return time.Now().Add(48 * time.Hour) }
	opts := func(dsn string) keeperOptions {
		return keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 3, feedList: []*testenv.Feed{feed},
			epochLength: 24 * time.Hour, now: ahead, manual: true, log: zap.New(core)}
	}
	keepers := []*keeper{startKeeper(t, ctx, env, opts(dbtest.SQLite(t))), startKeeper(t, ctx, env, opts(dbtest.Postgres(t)))}
	assemble := func() {
		for _, k := range keepers {
			_, err := k.led.IngestOnce(ctx)
			require.NoError(t, err)
			require.NoError(t, k.led.Assemble(ctx))
		}
	}
	noEpoch := func(why string) {
		for _, k := range keepers {
			_, err := k.led.LiveEpoch(ctx, 0)
			require.ErrorIs(t, err, store.ErrNotFound, why)
		}
	}

	// The chain's clock is before the cutoff: the deposits as of it are not final.
	assemble()
	noEpoch("no block past the cutoff yet")
	// A block past the cutoff, but only 1 deep (Q's deposit 2 deep, P's 3): still not final.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 49*3600))
	assemble()
	noEpoch("the block past the cutoff is not 3 deep")
	require.GreaterOrEqual(t, logs.FilterMessageSnippet("not final yet").Len(), 4, "each wait logged")

	// Q's deposit block and the one above it are replaced by empty blocks: Q's deposit is gone.
	require.NoError(t, r.CallContext(ctx, nil, "anvil_reorg", 2, []any{}))
	q, err := env.Pool.DepositOf(call, users[qKey])
	require.NoError(t, err)
	require.Zero(t, q.Sign(), "the reorg removed Q's deposit")

	// Blocks past the cutoff (the reorg dropped the clock's offset with its block) become final: both
	// keepers assemble epoch 0.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 49*3600))
	for i := 0; ; i++ {
		require.Less(t, i, 10, "no epoch assembled")
		require.NoError(t, r.CallContext(ctx, nil, "evm_mine"))
		assemble()
		if _, err := keepers[0].led.LiveEpoch(ctx, 0); err == nil {
			break
		}
	}
	var roots [2]common.Hash
	for i, k := range keepers {
		e, err := k.led.LiveEpoch(ctx, 0)
		require.NoError(t, err, "keeper %d", i)
		sp2, err := k.led.Spend(ctx, 0)
		require.NoError(t, err)
		charged := map[common.Hash]string{}
		for _, c := range sp2.Charges {
			charged[c.SessionID] = c.Amount.Dec()
		}
		require.Equal(t, map[common.Hash]string{sp.SessionID: big.NewInt(10 * price).String()}, charged,
			"P's deposit survived and pays; Q's was reorged out before it was final and pays nothing")
		require.Equal(t, big.NewInt(10*price).String(), e.Total.Dec())
		roots[i] = e.Root
	}
	require.Equal(t, roots[0], roots[1], "both keepers read the same deposits")
}
