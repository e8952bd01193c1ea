package main

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/wire"
)

func TestParseMOR(t *testing.T) {
	for in, want := range map[string]string{"1": "1000000000000000000", "2.5": "2500000000000000000",
		"0.000000000000000001": "1", "7wei": "7"} {
		got, err := parseMOR(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got.String(), in)
	}
	for _, bad := range []string{"", "0", "-1", "abc", "1e18", "0.0000000000000000001", "1.5wei", "1/2"} {
		_, err := parseMOR(bad)
		require.Error(t, err, bad)
	}
}

// TestDepositWithdrawBalanceOnAnvil runs lt deposit (one permit transaction, then approve + deposit), lt
// balance, lt withdraw (request, cancel, request again, not ready yet, then complete with the keeper's
// proof) against anvil with the real deploy script and a stand-in keeper answering GET /v1/spend (no
// epoch claimable: nothing spent). The user gets back exactly what it deposited, to the wei.
func TestDepositWithdrawBalanceOnAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	c := startUserChain(t, ctx)
	anvil, mor, pool, user, funded, cfg := c.anvil, c.mor, c.pool, c.user, c.funded, c.cfg

	// A stand-in keeper: no epoch claimable yet, so nothing spent (withdraw then ignores the proof).
	asked := 0
	keeper := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/v1/spend/"+user.Hex() {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no such user"))
			return
		}
		asked++
		wire.WriteJSON(w, http.StatusOK, wire.SpendProof{User: user, CumulativeSpent: new(uint256.Int), Proof: []common.Hash{}})
	}))
	defer keeper.Close()

	lt := func(v any, args ...string) {
		t.Helper()
		out, err := run(t, ctx, append(args, "--config", cfg, "--json")...)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal([]byte(out), v), out)
	}
	call := &bind.CallOpts{Context: ctx}

	var d depositResult
	lt(&d, "deposit", "10")
	require.True(t, d.Permit, "one permit signature, one transaction")
	require.Equal(t, devnet.MOR(10).String(), d.Deposit)
	lt(&d, "deposit", "1.5", "--approve")
	require.False(t, d.Permit)
	deposited := new(big.Int).Add(devnet.MOR(10), new(big.Int).Div(devnet.MOR(3), big.NewInt(2)))
	require.Equal(t, deposited.String(), d.Deposit)
	held, err := pool.DepositOf(call, user)
	require.NoError(t, err)
	require.Equal(t, deposited.String(), held.String())
	_, err = run(t, ctx, "deposit", "0", "--config", cfg)
	require.Error(t, err)

	var b balanceResult
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Equal(t, deposited.String(), b.Deposit)
	require.Equal(t, "0", b.Spent)
	require.Equal(t, deposited.String(), b.Withdrawable)
	require.Equal(t, "0", b.Requested)
	require.Equal(t, "0", b.Allowance, "not delegated: no free allowance")

	var w withdrawResult
	lt(&w, "withdraw", "2")
	require.Equal(t, "requested", w.Action)
	require.Equal(t, devnet.MOR(2).String(), w.Requested)
	require.Positive(t, w.ReadyAt)
	lt(&w, "withdraw", "--cancel")
	require.Equal(t, "cancelled", w.Action)
	pending, err := pool.PendingWithdrawal(call, user)
	require.NoError(t, err)
	require.Zero(t, pending.Amount.Sign())

	lt(&w, "withdraw") // the whole deposit
	require.Equal(t, "requested", w.Action)
	require.Equal(t, deposited.String(), w.Requested)
	lt(&b, "balance", "--keeper", keeper.URL)
	require.Equal(t, deposited.String(), b.Requested)
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "waiting", w.Action, "withdrawalDelay has not passed")

	delay, err := pool.WithdrawalDelay(call)
	require.NoError(t, err)
	require.NoError(t, anvil.IncreaseTime(ctx, uint64(delay)+1))
	_, err = run(t, ctx, "withdraw", "--config", cfg)
	require.Error(t, err, "ready, but no keeper to prove the spend")
	lt(&w, "withdraw", "--keeper", keeper.URL)
	require.Equal(t, "withdrawn", w.Action)
	require.Equal(t, deposited.String(), w.Paid)
	require.Equal(t, "0", w.Deposit)
	bal, err := mor.BalanceOf(call, user)
	require.NoError(t, err)
	require.Equal(t, funded.String(), bal.String(), "deposited = spent (0) + withdrawn, to the wei")
	require.Positive(t, asked)
}

// userChain is anvil with the real deploy script (payout start ten days back), the emissions released and
// anvil account 8 (no role in the devnet parameters: an ordinary user) funded with 1,000 MOR from the
// capital recipient; cfg is a config file naming its RPC URL and deployment, and LT_CLIENT_RAW_KEY is the
// user's key.
type userChain struct {
	anvil  *devnet.Anvil
	mor    *mortoken.MORToken
	pool   *computepool.ComputePool
	user   common.Address
	funded *big.Int
	cfg    string
}

func startUserChain(t *testing.T, ctx context.Context) *userChain {
	t.Helper()
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	t.Cleanup(anvil.Close)
	const day = 86400
	dep, err := devnet.Deploy(ctx, anvil.URL, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 10*day})
	require.NoError(t, err)
	eth, err := anvil.Client(ctx)
	require.NoError(t, err)
	t.Cleanup(eth.Close)
	mined := devnet.Mined(ctx, eth)
	at := func(name string) common.Address {
		a, err := dep.Address(name)
		require.NoError(t, err)
		return a
	}
	em, err := emissions.NewEmissions(at("Emissions"), eth)
	require.NoError(t, err)
	c := &userChain{anvil: anvil, user: crypto.PubkeyToAddress(devnet.DevKey(8).PublicKey), funded: devnet.MOR(1000)}
	c.mor, err = mortoken.NewMORToken(at("MORToken"), eth)
	require.NoError(t, err)
	c.pool, err = computepool.NewComputePool(at("ComputePool"), eth)
	require.NoError(t, err)
	_, err = mined(em.Release(devnet.Transactor(ctx, devnet.DevKey(0), dep.ChainID)))
	require.NoError(t, err)
	_, err = mined(c.mor.Transfer(devnet.Transactor(ctx, devnet.DevKey(5), dep.ChainID), c.user, c.funded))
	require.NoError(t, err)

	// Configuration from all three sources: a config file (rpc, deployment), the environment (the raw
	// devnet key) and flags (--json, given by the tests).
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	raw, err := json.Marshal(dep)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(depFile, raw, 0o600))
	c.cfg = filepath.Join(dir, "client.yaml")
	require.NoError(t, os.WriteFile(c.cfg, []byte("rpc: "+anvil.URL+"\ndeployment: "+depFile+"\n"), 0o600))
	t.Setenv("LT_CLIENT_RAW_KEY", devnet.DevKeys[8])
	return c
}
