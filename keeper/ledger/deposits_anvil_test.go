package ledger_test

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestDepositSpendAnvil (issue 16): paid usage end to end on anvil, through two keepers fed the same two
// feeds in different orders.
//   - The user (with an allowance) deposits D and closes, on two feeds, two useDeposit sessions that each
//     cost more than the allowance: the allowance pays first, then the deposit, which runs out across the
//     two feeds (the second is credited only the rest: deposit_exceeded); a third session without
//     useDeposit is never charged to the deposit (allowance_exceeded, credited nothing).
//   - A second user with no votes (zero allowance) deposits, asks to withdraw, and has two useDeposit
//     sessions: one started before the request (paid from the deposit), one at it (not).
//
// Both keepers commit the same credit root, spend root and batch file; the chain holds them; both roots
// are rebuilt from the batch file by @openzeppelin/merkle-tree; the claims pay exactly what was credited;
// the keeper's GET /v1/spend proves the second user's spend and withdraw pays the rest: deposited = spent +
// withdrawn + left, to the wei. A rollback and re-assembly (keeper b) gives the same roots again.
func TestDepositSpendAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	call := &bind.CallOpts{Context: ctx}
	day, err := env.Pool.CurrentDay(call)
	require.NoError(t, err)
	userKey := devnet.DevKey(testenv.UserKey)
	user := crypto.PubkeyToAddress(userKey.PublicKey)
	allowance, err := env.Pool.Allowance(call, user, day)
	require.NoError(t, err)
	require.Positive(t, allowance.Sign())

	deposit := func(key int, amount *big.Int) *types.Receipt {
		r, err := env.Chain.Market.Send(ctx, devnet.DevKey(key), func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Token.Approve(o, env.PoolAddr, amount)
		})
		require.NoError(t, err)
		r, err = env.Chain.Market.Send(ctx, devnet.DevKey(key), func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.Deposit(o, amount)
		})
		require.NoError(t, err)
		return r
	}
	d := devnet.MOR(1)
	deposit(testenv.UserKey, d)

	const payerKey = 7
	payer := devnet.DevKey(payerKey)
	payerAddr := crypto.PubkeyToAddress(payer.PublicKey)
	dw := devnet.MOR(10)
	require.NoError(t, env.FundMOR(ctx, payerAddr, dw))
	deposit(payerKey, dw)
	req, err := env.Chain.Market.Send(ctx, payer, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.RequestWithdrawal(o, dw, big.NewInt(0), nil)
	})
	require.NoError(t, err)
	head, err := env.Client.HeaderByNumber(ctx, req.BlockNumber)
	require.NoError(t, err)
	requestedAt := head.Time
	// A block in a later second: a keeper on --confirmations 1 reads up to the second before the newest
	// block's (anvil too mines several blocks in one second), so the request is in its read.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 1))
	payerAllowance, err := env.Pool.Allowance(call, payerAddr, day)
	require.NoError(t, err)
	require.Zero(t, payerAllowance.Sign(), "the payer has no votes: no allowance")

	// 100 s at this price cost the allowance plus about half the deposit.
	half := new(big.Int).Div(d, big.NewInt(2))
	price := new(big.Int).Div(new(big.Int).Add(allowance, half), big.NewInt(100)).Uint64()
	now := uint64(time.Now().Unix())
	spec := func(nonce uint64, closed uint64, useDeposit bool) testenv.Spec {
		return testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600, Price: price, UseDeposit: useDeposit,
			Created: closed - 110, Closed: closed}
	}
	s1 := env.RecordSpec(t, spec(1, now-5, true))
	s2 := env.RecordSpec(t, spec(2, now-4, true))
	s3 := env.RecordSpec(t, spec(3, now-3, false))
	const payerPrice = 1_000_000_000_000_000
	s4 := env.RecordSpec(t, testenv.Spec{User: payer, Nonce: 1, Seconds: 30, MaxSeconds: 600, Price: payerPrice, UseDeposit: true,
		Created: requestedAt - 100, Closed: requestedAt - 60})
	s5 := env.RecordSpec(t, testenv.Spec{User: payer, Nonce: 2, Seconds: 2, MaxSeconds: 600, Price: payerPrice, UseDeposit: true,
		Created: requestedAt, Closed: requestedAt + 3})

	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	ahead := func() time.Time { return time.Now().Add(48 * time.Hour) }
	opts := func(dsn string, feeds []*testenv.Feed) keeperOptions {
		return keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 1, claims: true, feedList: feeds,
			epochLength: 24 * time.Hour, now: ahead, manual: true}
	}
	a := startKeeper(t, ctx, env, opts(dbtest.SQLite(t), []*testenv.Feed{fa, fb}))
	b := startKeeper(t, ctx, env, opts(dbtest.Postgres(t), []*testenv.Feed{fb, fa}))
	fa.Add(t, s1, s3, s4)
	fb.Add(t, s5, s2)
	for _, k := range []*keeper{a, b} {
		_, err := k.led.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, k.led.Assemble(ctx))
	}

	// What the rule gives, to the wei.
	c1 := new(big.Int).Mul(big.NewInt(int64(price)), big.NewInt(100))
	fromDeposit1 := new(big.Int).Sub(c1, allowance)
	fromDeposit2 := new(big.Int).Sub(d, fromDeposit1)
	paid4 := big.NewInt(30 * payerPrice)
	spent := new(big.Int).Add(d, paid4)
	total := new(big.Int).Add(new(big.Int).Add(allowance, d), paid4)

	ea, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err := b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, ea.Root, eb.Root, "same feeds, same credit root")
	require.Equal(t, total.String(), ea.Total.Dec())
	spa, err := a.led.Spend(ctx, 0)
	require.NoError(t, err)
	spb, err := b.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, spa.Root, spb.Root, "same feeds, same spend root")
	require.NotEqual(t, common.Hash{}, spa.Root)
	require.Equal(t, spent.String(), spa.Total.Dec())
	charged := map[common.Hash]string{}
	for _, c := range spa.Charges {
		charged[c.SessionID] = c.Amount.Dec()
	}
	require.Equal(t, map[common.Hash]string{s1.SessionID: fromDeposit1.String(), s2.SessionID: fromDeposit2.String(),
		s4.SessionID: paid4.String()}, charged, "s3 (no useDeposit) and s5 (after the request) are not charged to a deposit")

	for _, k := range []*keeper{a, b} {
		e, err := k.led.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.NoError(t, k.led.WriteBatch(ctx, e))
	}
	ea, err = a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	eb, err = b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, ea.BatchHash, eb.BatchHash, "same batch file")

	// Rolled back (as if its commit had reverted) and assembled again, keeper b credits and spends exactly
	// the same: the deposit-funded part of the credits is taken back with the rest, never counted twice.
	require.NoError(t, b.led.Rollback(ctx, 0, ledger.StateAbandoned))
	require.NoError(t, b.led.Assemble(ctx))
	again, err := b.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.NotEqual(t, eb.ID, again.ID, "a new epoch row")
	require.Equal(t, [2]string{ea.Root.Hex(), ea.Total.Dec()}, [2]string{again.Root.Hex(), again.Total.Dec()})
	spAgain, err := b.led.Spend(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, spa, spAgain)

	// The batch file: both roots rebuilt with @openzeppelin/merkle-tree, the spend sums, the shortfalls.
	raw, err := os.ReadFile(ea.BatchFile)
	require.NoError(t, err)
	var bf ledger.BatchFile
	require.NoError(t, json.Unmarshal(raw, &bf))
	require.Equal(t, ea.Root, ozRoot(t, bf.Leaves))
	spendLeaves := make([]ledger.Leaf, len(bf.Spend))
	sum := new(uint256.Int)
	for i := range bf.Spend {
		spendLeaves[i] = ledger.Leaf{Account: bf.Spend[i].User, Amount: &bf.Spend[i].Amount}
		sum.Add(sum, &bf.Spend[i].Amount)
	}
	require.Equal(t, bf.SpendRoot, ozRoot(t, spendLeaves))
	require.Equal(t, spa.Root, bf.SpendRoot)
	require.Equal(t, spent.String(), bf.CumulativeSpent)
	require.Equal(t, bf.CumulativeSpent, sum.Dec(), "cumulativeSpent is the sum of the spend leaves")
	codes := map[common.Hash]string{}
	for _, sh := range bf.Shortfalls {
		codes[sh.SessionID] = sh.Credited.Dec()
	}
	require.Equal(t, map[common.Hash]string{s2.SessionID: fromDeposit2.String(), s3.SessionID: "0", s5.SessionID: "0"}, codes)
	rej, err := a.led.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	byCode := map[string]int{}
	for _, r := range rej {
		byCode[r.Code]++
	}
	require.Equal(t, map[string]int{ledger.RejectDeposit: 2, ledger.RejectAllowance: 1}, byCode)

	// Keeper a commits both roots in one transaction.
	a.drive(t, ctx, 0, "confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	info, err := env.Pool.SpendInfo(call, big.NewInt(0))
	require.NoError(t, err)
	require.Equal(t, spa.Root, common.Hash(info.SpendRoot))
	require.Equal(t, spent.String(), info.CumulativeSpent.String())
	committed, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, total.String(), committed.String())

	// Past the dispute window the claims pay exactly what was credited.
	require.Equal(t, total.String(), a.claimAll(t, ctx, env).String(), "claims pay exactly the credits, deposit-funded ones included")

	// The withdrawal: the keeper's proof of the payer's spend, then withdraw pays the rest.
	srv := httptest.NewServer(api.New(a.led, nil, nil).Handler())
	defer srv.Close()
	var proof wire.SpendProof
	getJSON(t, srv.URL+"/v1/spend/"+payerAddr.Hex(), &proof)
	require.True(t, proof.Claimable)
	require.Equal(t, paid4.String(), proof.CumulativeSpent.Dec())
	var userProof wire.SpendProof
	getJSON(t, srv.URL+"/v1/spend/"+user.Hex(), &userProof)
	require.Equal(t, d.String(), userProof.CumulativeSpent.Dec())
	resp, err := http.Get(srv.URL + "/v1/spend/0x1234")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	resp, err = http.Get(srv.URL + "/v1/spend/" + common.Address{0x99}.Hex()) // never deposited: no leaf
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusNotFound, resp.StatusCode)

	warpToReady(t, ctx, env, payerAddr)
	before, err := env.Token.BalanceOf(call, payerAddr)
	require.NoError(t, err)
	hashes := make([][32]byte, len(proof.Proof))
	for i := range proof.Proof {
		hashes[i] = proof.Proof[i]
	}
	_, err = env.Chain.Market.Send(ctx, payer, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.Withdraw(o, proof.CumulativeSpent.ToBig(), hashes)
	})
	require.NoError(t, err)
	after, err := env.Token.BalanceOf(call, payerAddr)
	require.NoError(t, err)
	withdrawn := new(big.Int).Sub(after, before)
	left, err := env.Pool.DepositOf(call, payerAddr)
	require.NoError(t, err)
	left.Sub(left, paid4) // what is still withdrawable
	require.Equal(t, new(big.Int).Sub(dw, paid4).String(), withdrawn.String())
	require.Equal(t, dw.String(), new(big.Int).Add(new(big.Int).Add(paid4, withdrawn), left).String(),
		"deposited = spent + withdrawn + left, to the wei")
	require.Zero(t, left.Sign())
}
