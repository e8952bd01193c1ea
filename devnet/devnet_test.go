package devnet_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

func wei(s string) *big.Int {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic(s)
	}
	return v
}

// TestDeployAndEmissionVectors deploys through scripts/deploy.sh onto a real anvil and checks every
// PROTOCOL §3 vector through the Go bindings, then releases and checks each bucket's balance.
func TestDeployAndEmissionVectors(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	const day = 86400
	payoutStart := uint64(time.Now().Unix()) - 91*day
	m, err := devnet.StartMarket(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{PayoutStart: payoutStart, Interval: day})
	require.NoError(t, err)
	defer m.Close()
	dep := m.Deployment
	require.Equal(t, uint64(31337), dep.ChainID)
	require.Equal(t, payoutStart, dep.PayoutStart)
	client, em, mor := m.Client, m.Emissions, m.Token
	morAddr, err := dep.Address("MORToken")
	require.NoError(t, err)

	call := &bind.CallOpts{Context: ctx}
	ps, err := em.PayoutStart(call)
	require.NoError(t, err)
	require.Equal(t, payoutStart, ps.Uint64())
	iv, err := em.Interval(call)
	require.NoError(t, err)
	require.Equal(t, uint64(day), iv.Uint64())
	tokenAddr, err := em.Token(call)
	require.NoError(t, err)
	require.Equal(t, morAddr, tokenAddr)

	daily := map[int64]string{
		0:    "14400000000000000000000",
		1:    "14397531005299000000000",
		90:   "14177790476910000000000",
		5832: "822903768000000000",
		5833: "0",
	}
	for d, want := range daily {
		got, err := em.DailyEmission(call, big.NewInt(d))
		require.NoError(t, err)
		require.Equal(t, want, got.String(), "dailyEmission(%d)", d)
	}
	at := func(days uint64) *big.Int { return new(big.Int).SetUint64(payoutStart + days*day) }
	got, err := em.EmittedUntil(call, at(90))
	require.NoError(t, err)
	require.Equal(t, wei("1286111676222495000000000"), got)
	got, err = em.EmittedUntil(call, at(91))
	require.NoError(t, err)
	require.Equal(t, wei("1300289466699405000000000"), got)
	got, err = em.BucketEmittedUntil(call, 3, at(91))
	require.NoError(t, err)
	require.Equal(t, wei("312069472007857200000000"), got)
	got, err = em.EmittedUntil(call, at(6000))
	require.NoError(t, err)
	require.Equal(t, wei("41999999998839372000000000"), got)

	// release() through the devnet transactor (the gas margin every transaction carries: what release mints
	// depends on the block's time); every bucket recipient (the deployer here) receives its emission.
	tx, err := em.Release(devnet.Transactor(ctx, devnet.DevKey(0), uint64(dep.ChainID)))
	require.NoError(t, err)
	receipt, err := bind.WaitMined(ctx, client, tx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), receipt.Status)

	block, err := client.BlockByNumber(ctx, receipt.BlockNumber)
	require.NoError(t, err)
	now := new(big.Int).SetUint64(block.Time())
	minted, err := em.EmittedUntil(call, now)
	require.NoError(t, err)
	supply, err := mor.TotalSupply(call)
	require.NoError(t, err)
	require.Equal(t, minted.String(), supply.String())
	require.True(t, supply.Cmp(wei("1300289466699405000000000")) >= 0, "91 days emitted")
	// Each bucket's recipient (distinct anvil accounts in the devnet parameters) holds exactly its emission.
	for b := uint8(0); b < 5; b++ {
		recipient, err := em.Recipients(call, big.NewInt(int64(b)))
		require.NoError(t, err)
		bal, err := mor.BalanceOf(call, recipient)
		require.NoError(t, err)
		due, err := em.BucketEmittedUntil(call, b, now)
		require.NoError(t, err)
		require.Equal(t, due.String(), bal.String(), "bucket %d", b)
	}
}
