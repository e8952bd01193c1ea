package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"maps"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestOneAllowanceAcrossRouters (issue 13 item 4): two independent routers (each its own key with
// ROUTER_ROLE and its own database) each admit the same user up to a full day's allowance, through real
// sessions served by the provider and closed with both signatures; together they bill about twice
// allowance(user, d). The keeper reads both feeds and credits the user's sessions at most allowance(user,
// d) in total, exactly that since they cost more; what it did not credit is listed as allowance_exceeded;
// the claims of the providers and the builder pay exactly the allowance. Two providers at one price: a
// provider admits no more of a user's credit than keepers pay (provider/credit), so the first router's
// provider is stopped once it has served the allowance and the second router's sessions go to the other,
// which has admitted nothing for the user: the keepers' bound is the one left to hold.
func TestOneAllowanceAcrossRouters(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 6*time.Minute)
	// Two MOR of votes: an allowance of a few one-second sessions at the provider's price (a fast upstream:
	// each chat bills one second). The one user loads both routers on purpose: no rate limits.
	s := start(t, ctx, Options{MoreRouters: 1, UserMOR: 2, TokenDelay: time.Millisecond,
		Prices:     []*big.Int{big.NewInt(1e15), big.NewInt(1e15)},
		RouterArgs: []string{"--rate-user", "0", "--rate-ip", "0"}})
	require.Len(t, s.Routers, 2)
	call := &bind.CallOpts{Context: ctx}
	day, err := s.Pool.CurrentDay(call)
	require.NoError(t, err)
	allowance, err := s.Pool.Allowance(call, s.User.Address, day)
	require.NoError(t, err)
	price := s.Opts.Prices[0]
	perRouter := new(big.Int).Div(allowance, price).Int64()
	require.True(t, perRouter >= 3 && perRouter <= 40, "allowance %s at price %s: %d one-second sessions", allowance, price, perRouter)

	maxPrice, _ := uint256.FromBig(price)
	// A router reserves 2 s of each open session and counts 1 s once it is closed: each admits sessions
	// until its own account of the day is within 2 s of price of the allowance.
	params := client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: maxPrice, MaxSeconds: 2}
	body, _ := json.Marshal(map[string]any{"model": s.Opts.Model, "messages": []map[string]string{{"role": "user", "content": "hi"}}})
	cost := map[common.Hash]*big.Int{}  // every closed session's billed cost
	served := map[common.Address]bool{} // the providers of the first router's sessions
	billed := new(big.Int)
	for i, r := range s.Routers {
		if i > 0 {
			stopServing(t, s, served)
		}
		c := &client.Client{Router: client.NewRouterClient(r.URL, nil), Domain: s.Domain, Key: s.User.Key}
		n := 0
		for {
			sess, err := c.Open(ctx, params)
			var we *wire.Error
			if errors.As(err, &we) && we.Code == wire.CodeAllowanceExhausted {
				break
			}
			require.NoError(t, err, "router %s, session %d", r.Name, n)
			if i == 0 {
				served[sess.Grant().Provider] = true
			}
			_, err = sess.ChatCompletion(ctx, body)
			require.NoError(t, err)
			res, err := sess.Close(ctx)
			require.NoError(t, err)
			rec, err := s.WaitClosedAt(ctx, r.URL, sess.ID(), 30*time.Second)
			require.NoError(t, err)
			require.Equal(t, wire.CloseReceipt, rec.CloseReason, "%+v", res)
			c := new(big.Int).Mul(big.NewInt(int64(rec.BilledSeconds)), price)
			cost[sess.ID()] = c
			billed.Add(billed, c)
			n++
			require.Less(t, n, 100, "router %s never refused the user", r.Name)
		}
		require.GreaterOrEqual(t, n, 2, "router %s admitted the user", r.Name)
	}
	require.Positive(t, billed.Cmp(allowance), "the routers together billed %s, more than the allowance %s", billed, allowance)
	t.Logf("allowance(user, %s) = %s wei; the two routers billed %s wei in %d sessions", day, allowance, billed, len(cost))

	// Wait until the keeper accounted for every session: in a committed epoch or rejected without one.
	batches, rejected := waitAccounted(t, ctx, s, maps.Keys(cost))

	// Credited: each session its cost unless the batch file lists a shortfall (or, with no epoch, rejected).
	short := map[common.Hash]*big.Int{}
	inEpoch := map[common.Hash]bool{}
	for _, bf := range batches {
		for _, sh := range bf.Shortfalls {
			short[sh.SessionID] = sh.Credited.ToBig()
		}
		for _, raw := range bf.Sessions {
			var r wire.SessionRecord
			require.NoError(t, json.Unmarshal(raw, &r))
			inEpoch[r.SessionID] = true
		}
	}
	credited := new(big.Int)
	for id, c := range cost {
		switch {
		case short[id] != nil:
			require.Equal(t, ledger.RejectAllowance, rejected[id], "a shortfall is listed in GET /v1/rejected")
			credited.Add(credited, short[id])
		case inEpoch[id]:
			credited.Add(credited, c)
		default:
			require.Equal(t, ledger.RejectAllowance, rejected[id], "session %s is neither credited nor rejected", id)
		}
	}
	require.Equal(t, allowance.String(), credited.String(), "the user's sessions are credited exactly allowance(user, d)")
	committed, err := s.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, allowance.String(), committed.String(), "the keeper commits exactly the allowance")

	// Claims pay exactly that.
	last := batches[len(batches)-1]
	leaves := map[common.Address]*big.Int{}
	for _, lf := range last.Leaves {
		leaves[lf.Account] = lf.Amount.ToBig()
	}
	require.NotNil(t, leaves[s.Builder.Address])
	sum := new(big.Int).Set(leaves[s.Builder.Address])
	earners := []common.Address{s.Builder.Address}
	for _, p := range s.Providers {
		leaf := leaves[p.Owner.Address]
		if leaf == nil {
			continue
		}
		require.Positive(t, leaf.Sign())
		sum.Add(sum, leaf)
		earners = append(earners, p.Owner.Address)
		_, err = s.WaitClaimable(ctx, p.Owner.Address, leaf, 2*time.Minute)
		require.NoError(t, err)
		require.NoError(t, s.ClaimProvider(ctx, p))
	}
	require.GreaterOrEqual(t, len(earners), 2, "a provider's sessions credited")
	require.Equal(t, allowance.String(), sum.String())
	require.NoError(t, s.ClaimBuilder(ctx))
	paid := new(big.Int)
	for _, a := range earners {
		c, err := s.Pool.Claimed(call, a)
		require.NoError(t, err)
		paid.Add(paid, c)
	}
	require.Equal(t, allowance.String(), paid.String(), "claims pay exactly the allowance")
}

// waitAccounted waits until the keeper accounted for every session of ids: in a confirmed or claimable
// epoch, or rejected (GET /v1/rejected). It returns the epochs' batch files and the rejections' codes.
func waitAccounted(t *testing.T, ctx context.Context, s *Stack, ids iter.Seq[common.Hash]) ([]ledger.BatchFile, map[common.Hash]string) {
	t.Helper()
	var batches []ledger.BatchFile
	rejected := map[common.Hash]string{}
	require.NoError(t, poll(ctx, 3*time.Minute, 500*time.Millisecond, func() (bool, error) {
		if err := s.Anvil.IncreaseTime(ctx, 0); err != nil { // chain time follows the clock
			return false, err
		}
		var eps struct {
			Epochs []struct {
				Epoch uint64 `json:"epoch,string"`
				State string `json:"state"`
			} `json:"epochs"`
		}
		if err := getJSON(ctx, s.KeeperURL+"/v1/epochs", &eps); err != nil {
			return false, err
		}
		batches = batches[:0]
		seen := map[common.Hash]bool{}
		for _, e := range eps.Epochs {
			if e.State != ledger.StateConfirmed && e.State != ledger.StateClaimable {
				return false, nil
			}
			var bf ledger.BatchFile
			if err := getJSON(ctx, s.KeeperURL+wire.EpochBatchPath(e.Epoch), &bf); err != nil {
				return false, err
			}
			batches = append(batches, bf)
			for _, raw := range bf.Sessions {
				var r wire.SessionRecord
				if err := json.Unmarshal(raw, &r); err != nil {
					return false, err
				}
				seen[r.SessionID] = true
			}
		}
		var rej struct {
			Rejected []ledger.Rejected `json:"rejected"`
		}
		if err := getJSON(ctx, s.KeeperURL+"/v1/rejected?limit=1000", &rej); err != nil {
			return false, err
		}
		for _, r := range rej.Rejected {
			rejected[common.HexToHash(r.SessionID)] = r.Code
			seen[common.HexToHash(r.SessionID)] = true
		}
		for id := range ids {
			if !seen[id] {
				return false, nil
			}
		}
		return true, nil
	}))
	return batches, rejected
}

// stopServing stops the providers in served (the ones a user's sessions so far went to), so that the
// user's next sessions go to a provider that has admitted nothing for it: each provider admits no more of a
// user's credit than keepers pay (provider/credit), and a test of the keepers' own bound needs sessions
// beyond it served.
func stopServing(t *testing.T, s *Stack, served map[common.Address]bool) {
	t.Helper()
	require.Len(t, served, 1, "one provider served: %v", served)
	stopped := 0
	for _, p := range s.Providers {
		if served[p.Owner.Address] {
			p.Proc.Stop()
			stopped++
		}
	}
	require.Equal(t, 1, stopped)
	require.Less(t, stopped, len(s.Providers), "another provider still serves")
}
