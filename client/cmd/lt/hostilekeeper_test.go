package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// A hostile keeper (the one `lt withdraw` and `lt balance` are given with --keeper) cannot have the user pay
// for its junk, nor show the user a spend the pool's root does not hold (from a review):
//   - a proof deeper than any tree (3,500 hashes) is refused with nothing sent: the pool ignores the proof
//     while no spend root counts, so before it was sent as is, 4.49 M gas for a 37 k request;
//   - `lt balance` verifies the keeper's spend against the claimable epoch's spend root: a forged spend of
//     0 (the user spent 8 of 10 MOR) is not shown (before: "withdrawable 10 MOR now"), nor is a keeper's
//     "no leaf" (404) while the root holds one, and the honest spend is;
//   - `lt withdraw <amount>` with a request pending is refused, not the pending request's whole amount
//     withdrawn in its place.
func TestHostileKeeperAtWithdrawAndBalance(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	call := &bind.CallOpts{Context: ctx}
	lt := c.ltJSON(t, ctx)
	var d depositResult
	lt(&d, "deposit", "10")
	keeper := newSpendKeeper(t, ctx, c)

	junk := make([]common.Hash, 3500)
	for i := range junk {
		junk[i] = common.Hash{0xff, byte(i), byte(i >> 8)}
	}
	keeper.serveFirst(true, wire.SpendProof{User: c.user, CumulativeSpent: uint256.NewInt(12345), Proof: junk, Claimable: true, Epoch: 0})
	nonce, err := c.market.Client.NonceAt(ctx, c.user, nil)
	require.NoError(t, err)
	_, err = run(t, ctx, "withdraw", "--config", c.cfg, "--keeper", keeper.URL)
	require.ErrorContains(t, err, "a proof of 3500 hashes, deeper than any tree (64): refused, nothing sent")
	after, err := c.market.Client.NonceAt(ctx, c.user, nil)
	require.NoError(t, err)
	require.Equal(t, nonce, after, "a transaction was sent")
	keeper.serveFirst(false)

	keeper.commit(80, 10) // the user spent 8 MOR
	window, err := c.pool.DisputeWindow(call)
	require.NoError(t, err)
	require.NoError(t, c.anvil.IncreaseTime(ctx, uint64(window)+1))
	keeper.commit(80, 10) // epoch 0 claimable
	var b balanceResult
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Empty(t, b.KeeperErr)
	require.Equal(t, "8000000000000000000", b.Spent)
	require.Equal(t, "2000000000000000000", b.Withdrawable)
	keeper.serveFirst(true, wire.SpendProof{User: c.user, CumulativeSpent: uint256.NewInt(0), Proof: []common.Hash{{0xde, 0xad}}, Claimable: true, Epoch: 0})
	b = balanceResult{}
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Contains(t, b.KeeperErr, "its proof of 0 spent does not verify against epoch 0's spend root")
	require.Empty(t, b.Withdrawable, "a forged spend was shown")
	keeper.serveFirst(false)
	hider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no leaf"))
	}))
	defer hider.Close()
	b = balanceResult{}
	lt(&b, "balance", "--keeper", hider.URL)
	require.Contains(t, b.KeeperErr, "it shows no spend of yours in epoch 0, but that epoch's spend root holds a leaf of yours")
	require.Empty(t, b.Withdrawable, "a hidden leaf was shown as no spend")

	var w withdrawResult
	lt(&w, "withdraw", "--keeper", keeper.URL) // a request of the whole deposit (the pool holds back the spend when it pays)
	require.Equal(t, "requested", w.Action)
	nonce, err = c.market.Client.NonceAt(ctx, c.user, nil)
	require.NoError(t, err)
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt+1))
	_, err = run(t, ctx, "withdraw", "1", "--config", c.cfg, "--keeper", keeper.URL)
	require.ErrorContains(t, err, "a withdrawal request of 10 MOR is pending")
	_, err = run(t, ctx, "withdraw", "1", "--cancel", "--config", c.cfg)
	require.ErrorContains(t, err, "is pending")
	after, err = c.market.Client.NonceAt(ctx, c.user, nil)
	require.NoError(t, err)
	require.Equal(t, nonce, after, "a transaction was sent")
}
