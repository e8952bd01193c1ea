package main

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/cleftest"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestDepositWithdrawThroughClef runs lt deposit (the permit, then --approve), lt balance, lt withdraw
// (request, cancel, request, complete with the keeper's proof) and lt delegate (a dry run, then the
// transaction) with the user's key held only by a real clef on anvil: clef is asked exactly once per
// signature — one typed-data signature (the ERC-2612 Permit under the MOR token's domain) and one
// approval per transaction, each shown with its method, none for the dry run — and the user gets back
// what it deposited, to the wei. A request clef refuses fails with the external signer's error and
// sends nothing.
func TestDepositWithdrawThroughClef(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	t.Setenv("LT_CLIENT_RAW_KEY", "") // the key is in clef only
	clef := cleftest.Start(t, devnet.DevKey(8), 31337)
	require.Equal(t, c.user, clef.Account)
	eth, err := c.anvil.Client(ctx)
	require.NoError(t, err)
	defer eth.Close()
	keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wire.WriteJSON(w, http.StatusOK, wire.SpendProof{User: c.user, CumulativeSpent: new(uint256.Int), Proof: []common.Hash{}})
	}))
	defer keeper.Close()
	signer := []string{"--config", c.cfg, "--json", "--external-signer", clef.URL, "--external-signer-account", clef.Account.Hex()}
	lt := func(v any, args ...string) {
		t.Helper()
		out, err := run(t, ctx, append(args, signer...)...)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(out), v), out)
	}
	call := &bind.CallOpts{Context: ctx}

	var d depositResult
	lt(&d, "deposit", "10")
	require.True(t, d.Permit)
	require.Equal(t, devnet.MOR(10).String(), d.Deposit)
	signs := clef.Approvals("ui_approveSignData")
	require.Len(t, signs, 1, "one signature: the permit")
	var sd struct {
		ContentType string `json:"content_type"`
	}
	require.NoError(t, json.Unmarshal(signs[0].Params, &sd))
	require.Equal(t, "data/typed", sd.ContentType)
	require.Contains(t, string(signs[0].Params), "Permit")
	require.Len(t, clef.Calls(), 1)
	require.Contains(t, clef.Calls()[0], "depositWithPermit(", "clef was told the method")
	nonce, err := c.mor.Nonces(call, c.user)
	require.NoError(t, err)
	require.Equal(t, int64(1), nonce.Int64(), "the token accepted the permit clef signed")

	// Refused: the permit, then the approve transaction; nothing reaches the chain.
	sent, err := eth.PendingNonceAt(ctx, c.user)
	require.NoError(t, err)
	clef.Deny(true)
	for _, args := range [][]string{{"deposit", "1"}, {"deposit", "1", "--approve"}, {"withdraw", "1"}} {
		_, err = run(t, ctx, append(args, signer...)...)
		require.ErrorContains(t, err, "external signer", args)
		require.ErrorContains(t, err, "denied", args)
	}
	require.Len(t, clef.Approvals("denied ui_approveSignData"), 1)
	require.Len(t, clef.Approvals("denied ui_approveTx"), 2)
	after, err := eth.PendingNonceAt(ctx, c.user)
	require.NoError(t, err)
	require.Equal(t, sent, after, "nothing sent")
	clef.Deny(false)

	lt(&d, "deposit", "1.5", "--approve")
	deposited := new(big.Int).Add(devnet.MOR(10), new(big.Int).Div(devnet.MOR(3), big.NewInt(2)))
	require.Equal(t, deposited.String(), d.Deposit)
	var b balanceResult
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Equal(t, c.user, b.User)
	require.Equal(t, deposited.String(), b.Deposit)
	require.Equal(t, deposited.String(), b.Withdrawable)

	var w withdrawResult
	lt(&w, "withdraw", "2")
	require.Equal(t, "requested", w.Action)
	lt(&w, "withdraw", "--cancel")
	require.Equal(t, "cancelled", w.Action)
	lt(&w, "withdraw")
	require.Equal(t, deposited.String(), w.Requested)
	require.NoError(t, c.market.WarpTo(ctx, w.ReadyAt)) // past the delay, inside the next withdrawal window
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, deposited.String(), w.Paid)
	bal, err := c.mor.BalanceOf(call, c.user)
	require.NoError(t, err)
	require.Equal(t, c.funded.String(), bal.String())

	// lt delegate: a dry run asks clef nothing; the real one is one more approval.
	var del delegateResult
	lt(&del, "delegate", "--dry-run")
	require.True(t, del.DryRun)
	require.Len(t, clef.Calls(), 7, "a dry run builds the transaction unsigned")
	lt(&del, "delegate")
	require.NotNil(t, del.Tx)
	delegate, err := c.mor.Delegates(call, c.user)
	require.NoError(t, err)
	require.Equal(t, c.user, delegate)

	want := []string{"depositWithPermit(", "approve(", "deposit(", "requestWithdrawal(", "cancelWithdrawal(", "requestWithdrawal(", "withdraw(", "delegate("}
	got := clef.Calls()
	require.Len(t, got, len(want), "one approval per transaction, no more")
	for i := range want {
		require.Contains(t, got[i], want[i], i)
	}
	require.Len(t, clef.Approvals("ui_approveSignData"), 1, "the only typed data: the first deposit's permit")
}
