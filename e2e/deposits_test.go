package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// paidRun opens, uses and closes sessions of one user at one router through the client library.
type paidRun struct {
	t     *testing.T
	ctx   context.Context
	s     *Stack
	price *big.Int
	body  []byte
}

// session opens a session of a at router r (useDeposit as given, maxSeconds 2), chats once and closes it
// with both signatures; it returns the router's answer and record, or the router's refusal.
func (p *paidRun) session(r *Router, a Account, useDeposit bool) (*wire.RFCResponse, *wire.SessionRecord, error) {
	maxPrice, _ := uint256.FromBig(p.price)
	c := &client.Client{Router: client.NewRouterClient(r.URL, nil), Domain: p.s.Domain, Key: a.Key}
	sess, err := c.Open(p.ctx, client.RFCParams{Model: p.s.Opts.Model, MaxPricePerSecond: maxPrice, MaxSeconds: 2, UseDeposit: useDeposit})
	if err != nil {
		return nil, nil, err
	}
	grant := sess.Grant()
	_, err = sess.ChatCompletion(p.ctx, p.body)
	require.NoError(p.t, err)
	_, err = sess.Close(p.ctx)
	require.NoError(p.t, err)
	rec, err := p.s.WaitClosedAt(p.ctx, r.URL, sess.ID(), 30*time.Second)
	require.NoError(p.t, err)
	require.Equal(p.t, wire.CloseReceipt, rec.CloseReason)
	return &grant, rec, nil
}

func (p *paidRun) cost(rec *wire.SessionRecord) *big.Int {
	return new(big.Int).Mul(big.NewInt(int64(rec.BilledSeconds)), p.price)
}

func refusedWith(t *testing.T, err error, code string) {
	t.Helper()
	var we *wire.Error
	require.True(t, errors.As(err, &we), "want a %s refusal, got %v", code, err)
	require.Equal(t, code, we.Code)
}

// spendOf is the keeper's withdrawal proof of user (GET /v1/spend/{user}).
func spendOf(ctx context.Context, s *Stack, user common.Address) (*wire.SpendProof, error) {
	var sp wire.SpendProof
	return &sp, getJSON(ctx, s.KeeperURL+"/v1/spend/"+user.Hex(), &sp)
}

// TestPaidUsageAcrossRouters (issue 16): one user with a small allowance and a deposit, a second with no
// votes and a deposit, two independent routers, one keeper reading both feeds.
//   - Allowance then deposit across two routers: the first user's sessions with useDeposit at router 0 run
//     past its allowance (the router reserves the rest from the deposit), then one at router 1, which knows
//     nothing of router 0 and reserves it from the allowance; the keeper charges the allowance first across
//     both feeds and the deposit exactly the rest.
//   - Without useDeposit the deposit is never charged: the first user's sessions without it at router 1,
//     beyond the allowance at the keeper, are rejected (allowance_exceeded), and its spend stays the rest of
//     its consenting sessions, to the wei; the second user is refused outright (zero allowance).
//   - A withdrawal while a session is open: the second user requests its whole deposit back during a
//     deposit-paid session; the routers then refuse it deposit-paid sessions (withdrawal_pending); the
//     open session is settled from the deposit and the withdrawal pays only the rest.
//   - Sums to the wei: deposited = spent + withdrawn + left for both; the credits committed equal the
//     allowance plus both spends; the claims pay them; the router's /v1/deposits agrees with the chain.
func TestPaidUsageAcrossRouters(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 8*time.Minute)
	// Two providers at one price: the first router's is stopped before the second router's sessions
	// (stopServing), which a provider that admitted the user's credit already would refuse.
	s := start(t, ctx, Options{MoreRouters: 1, UserMOR: 2, TokenDelay: time.Millisecond,
		Prices:     []*big.Int{big.NewInt(1e15), big.NewInt(1e15)},
		RouterArgs: []string{"--rate-user", "0", "--rate-ip", "0"}})
	require.Len(t, s.Routers, 2)
	r0, r1 := s.Routers[0], s.Routers[1]
	call := &bind.CallOpts{Context: ctx}
	pool, err := s.Addr("ComputePool")
	require.NoError(t, err)
	day, err := s.Pool.CurrentDay(call)
	require.NoError(t, err)
	u := s.User
	allowance, err := s.Pool.Allowance(call, u.Address, day)
	require.NoError(t, err)
	price := s.Opts.Prices[0]
	require.True(t, new(big.Int).Div(allowance, price).Int64() >= 3, "allowance %s: at least 3 one-second sessions", allowance)
	v, err := s.NewDepositor(ctx, "payer", 1)
	require.NoError(t, err)
	deposit := func(a Account, amount *big.Int) {
		_, err := s.Send(ctx, a.Key, func(o *bind.TransactOpts) (*types.Transaction, error) { return s.Token.Approve(o, pool, amount) })
		require.NoError(t, err)
		_, err = s.Send(ctx, a.Key, func(o *bind.TransactOpts) (*types.Transaction, error) { return s.Pool.Deposit(o, amount) })
		require.NoError(t, err)
	}
	depU, depV := new(big.Int).Mul(price, big.NewInt(100)), new(big.Int).Mul(price, big.NewInt(20))
	deposit(u, depU)
	deposit(v, depV)
	waitDeposits := func(f func(d map[string]string) bool) {
		for _, r := range s.Routers {
			require.NoError(t, poll(ctx, 30*time.Second, 200*time.Millisecond, func() (bool, error) {
				var d map[string]string
				if err := getJSON(ctx, r.URL+"/v1/deposits", &d); err != nil {
					return false, err
				}
				return f(d), nil
			}), "router %s", r.Name)
		}
	}
	waitDeposits(func(d map[string]string) bool { return d["held"] == new(big.Int).Add(depU, depV).String() })

	body, _ := json.Marshal(map[string]any{"model": s.Opts.Model, "messages": []map[string]string{{"role": "user", "content": "hi"}}})
	p := &paidRun{t: t, ctx: ctx, s: s, price: price, body: body}
	var recs []*wire.SessionRecord // the first user's sessions
	consentSum := new(big.Int)

	// Router 0: sessions with useDeposit until it charged past the allowance (reserving from the deposit).
	fromDeposit := false
	served := map[common.Address]bool{}
	for n := 0; !fromDeposit || consentSum.Cmp(new(big.Int).Add(allowance, price)) <= 0; n++ {
		require.Less(t, n, 100)
		grant, rec, err := p.session(r0, u, true)
		require.NoError(t, err)
		served[grant.Provider] = true
		require.True(t, grant.Ticket.UseDeposit)
		fromDeposit = fromDeposit || !grant.Payment.Deposit.IsZero()
		recs = append(recs, rec)
		consentSum.Add(consentSum, p.cost(rec))
	}
	stopServing(t, s, served)
	// Router 1 knows nothing of router 0: it reserves the next one from the allowance.
	grant, rec, err := p.session(r1, u, true)
	require.NoError(t, err)
	require.True(t, grant.Payment.Deposit.IsZero(), "router 1 holds the allowance free: %+v", grant.Payment)
	recs = append(recs, rec)
	// Router 1 without useDeposit: admitted on its own account of the allowance, beyond it at the keeper.
	for n := 0; ; n++ {
		require.Less(t, n, 100)
		_, rec, err := p.session(r1, u, false)
		if err != nil {
			refusedWith(t, err, wire.CodeAllowanceExhausted)
			require.Positive(t, n, "router 1 admitted a session without useDeposit")
			break
		}
		recs = append(recs, rec)
	}
	charge := chargeAsKeeper(recs, allowance, price)
	spendU := charge.spend
	require.Positive(t, spendU.Sign(), "the deposit paid past the allowance")
	t.Logf("allowance %s; %d sessions, the deposit pays %s wei", allowance, len(recs), spendU)

	// The second user: refused without useDeposit; a deposit-paid session during which it asks for its
	// deposit back.
	_, _, err = p.session(r0, v, false)
	refusedWith(t, err, wire.CodeAllowanceExhausted)
	maxPrice, _ := uint256.FromBig(price)
	cv := &client.Client{Router: client.NewRouterClient(r0.URL, nil), Domain: s.Domain, Key: v.Key}
	open, err := cv.Open(ctx, client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: maxPrice, MaxSeconds: 2, UseDeposit: true})
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Mul(price, big.NewInt(2)).String(), open.Grant().Payment.Deposit.Dec())
	_, err = open.ChatCompletion(ctx, body)
	require.NoError(t, err)
	// The keeper charges the deposit for sessions that started strictly before the request's block time
	// (PROTOCOL §4): the chain is moved on two seconds so that the request is not in the session's second.
	require.NoError(t, s.Warp(ctx, 2))
	argsV, err := client.SpendProofArgs(ctx, s.KeeperURL, v.Address)
	require.NoError(t, err)
	_, err = s.Send(ctx, v.Key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return s.Pool.RequestWithdrawal(o, depV, argsV.Spent, argsV.Proof)
	})
	require.NoError(t, err)
	waitDeposits(func(d map[string]string) bool { return d["pendingWithdrawals"] == "1" })
	for _, r := range s.Routers {
		_, _, err = p.session(r, v, true)
		refusedWith(t, err, wire.CodeWithdrawalPending)
	}
	_, err = open.Close(ctx)
	require.NoError(t, err)
	recV, err := s.WaitClosedAt(ctx, r0.URL, open.ID(), 30*time.Second)
	require.NoError(t, err)
	spendV := p.cost(recV)
	require.Positive(t, spendV.Sign())

	// The keeper: every session accounted for; the allowance charged first, the deposits the rest, none of
	// the sessions without useDeposit charged to the deposit.
	ids := []common.Hash{recV.SessionID}
	for _, r := range recs {
		ids = append(ids, r.SessionID)
	}
	_, rejected := waitAccounted(t, ctx, s, slices.Values(ids))
	for id := range charge.rejected {
		require.Equal(t, ledger.RejectAllowance, rejected[id], "session %s without useDeposit beyond the allowance", id)
	}
	require.NotEmpty(t, charge.rejected, "some sessions without useDeposit went beyond the allowance")
	for _, r := range recs {
		if r.RFC.UseDeposit {
			require.Empty(t, rejected[r.SessionID], "session %s with useDeposit is credited", r.SessionID)
		}
	}
	want := new(big.Int).Add(charge.fromAllowance, new(big.Int).Add(spendU, spendV))
	require.NoError(t, s.WaitCommitted(ctx, want, time.Minute))
	committed, err := s.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, want.String(), committed.String(), "credits = the allowance used + what the deposits paid")
	totalSpent, err := s.Pool.TotalSpent(call)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(spendU, spendV).String(), totalSpent.String())

	// The spend tree, once claimable: each user's leaf is exactly its spend.
	var spU, spV *wire.SpendProof
	require.NoError(t, poll(ctx, 2*time.Minute, time.Second, func() (bool, error) {
		if err := s.Anvil.IncreaseTime(ctx, 0); err != nil {
			return false, err
		}
		var err error
		if spU, err = spendOf(ctx, s, u.Address); err != nil {
			return false, nil
		}
		if spV, err = spendOf(ctx, s, v.Address); err != nil {
			return false, nil
		}
		return spU.Claimable && spU.CumulativeSpent.ToBig().Cmp(spendU) == 0 && spV.CumulativeSpent.ToBig().Cmp(spendV) == 0, nil
	}), "spend proofs %+v %+v, want %s and %s", spU, spV, spendU, spendV)

	// The withdrawal pays only what the open session left.
	pending, err := s.Pool.PendingWithdrawal(call, v.Address)
	require.NoError(t, err)
	head, err := s.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	if pending.ReadyAt > head.Time {
		require.NoError(t, s.Warp(ctx, pending.ReadyAt-head.Time))
	}
	sp, err := spendOf(ctx, s, v.Address)
	require.NoError(t, err)
	proof := make([][32]byte, len(sp.Proof))
	for i, h := range sp.Proof {
		proof[i] = h
	}
	balBefore, err := s.Token.BalanceOf(call, v.Address)
	require.NoError(t, err)
	_, err = s.Send(ctx, v.Key, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return s.Pool.Withdraw(o, sp.CumulativeSpent.ToBig(), proof)
	})
	require.NoError(t, err)
	balAfter, err := s.Token.BalanceOf(call, v.Address)
	require.NoError(t, err)
	withdrawn := new(big.Int).Sub(balAfter, balBefore)
	require.Equal(t, new(big.Int).Sub(depV, spendV).String(), withdrawn.String(), "the withdrawal pays the deposit minus the open session's cost")

	// Sums to the wei: deposited = spent + withdrawn + left (left = depositOf - spent).
	for _, c := range []struct {
		a                         Account
		deposited, spent, withdrn *big.Int
	}{{u, depU, spendU, new(big.Int)}, {v, depV, spendV, withdrawn}} {
		held, err := s.Pool.DepositOf(call, c.a.Address)
		require.NoError(t, err)
		left := new(big.Int).Sub(held, c.spent)
		require.GreaterOrEqual(t, left.Sign(), 0)
		require.Equal(t, c.deposited.String(), new(big.Int).Add(c.spent, new(big.Int).Add(c.withdrn, left)).String(), "user %s", c.a.Address)
	}
	totalDeposits, err := s.Pool.TotalDeposits(call)
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Sub(new(big.Int).Add(depU, depV), withdrawn).String(), totalDeposits.String())
	waitDeposits(func(d map[string]string) bool {
		return d["held"] == totalDeposits.String() && d["pendingWithdrawals"] == "0" && d["withdrawn"] == withdrawn.String() &&
			d["cumulativeSpent"] == totalSpent.String()
	})

	// The claims pay every credit, deposit-funded or not. The keeper serves credit proofs once its own
	// state has the epoch claimable, which may trail the chain clock the withdrawal above was checked by:
	// wait until its proofs cover every credit.
	earners := []common.Address{s.Builder.Address}
	for _, pr := range s.Providers {
		earners = append(earners, pr.Owner.Address)
	}
	require.NoError(t, poll(ctx, time.Minute, time.Second, func() (bool, error) {
		if err := s.Anvil.IncreaseTime(ctx, 0); err != nil {
			return false, err
		}
		proved := new(big.Int)
		for _, a := range earners {
			p, err := s.KeeperProof(ctx, a)
			if err != nil {
				return false, nil
			}
			if p != nil {
				proved.Add(proved, p.CumulativeAmount.ToBig())
			}
		}
		return proved.Cmp(want) >= 0, nil
	}), "the keeper's proofs cover every credit")
	for _, pr := range s.Providers {
		if proof, err := s.KeeperProof(ctx, pr.Owner.Address); err == nil && proof != nil {
			require.NoError(t, s.ClaimProvider(ctx, pr))
		}
	}
	require.NoError(t, s.ClaimBuilder(ctx))
	paid := new(big.Int)
	for _, a := range earners {
		c, err := s.Pool.Claimed(call, a)
		require.NoError(t, err)
		paid.Add(paid, c)
	}
	require.Equal(t, want.String(), paid.String(), "claims pay the allowance and both spends")
}

// keeperCharge is what the keeper must charge one user's sessions (PROTOCOL §8): in (closedAt, sessionId)
// order the allowance first, then, only where the RFC says useDeposit, the deposit; a session without it
// that the allowance left does not cover at all is rejected.
type keeperCharge struct {
	fromAllowance, spend *big.Int
	rejected             map[common.Hash]bool
}

func chargeAsKeeper(recs []*wire.SessionRecord, allowance, price *big.Int) keeperCharge {
	sorted := slices.Clone(recs)
	sort.Slice(sorted, func(i, j int) bool {
		if sorted[i].ClosedAt != sorted[j].ClosedAt {
			return sorted[i].ClosedAt < sorted[j].ClosedAt
		}
		return sorted[i].SessionID.Cmp(sorted[j].SessionID) < 0
	})
	c := keeperCharge{fromAllowance: new(big.Int), spend: new(big.Int), rejected: map[common.Hash]bool{}}
	left := new(big.Int).Set(allowance)
	for _, r := range sorted {
		cost := new(big.Int).Mul(big.NewInt(int64(r.BilledSeconds)), price)
		fromA := new(big.Int).Set(cost)
		if fromA.Cmp(left) > 0 {
			fromA.Set(left)
		}
		left.Sub(left, fromA)
		c.fromAllowance.Add(c.fromAllowance, fromA)
		rest := new(big.Int).Sub(cost, fromA)
		switch {
		case rest.Sign() == 0:
		case r.RFC.UseDeposit:
			c.spend.Add(c.spend, rest)
		case fromA.Sign() == 0:
			c.rejected[r.SessionID] = true
		}
	}
	return c
}
