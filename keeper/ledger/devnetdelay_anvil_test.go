package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestDevnetDefaultsPassWithdrawalDelayAnvil: a devnet deployed with the parameter file's defaults (a 10 min
// settlementLag, a withdrawal window of a 24th of the day, the deploy script's default withdrawalDelay: the
// pool's shortest plus half the lag, the close window, four feed graces and the commit slack) passes the keeper's start-up CheckWithdrawalDelay
// with the devnet keepers' epochs, make demo's (5 s, e2e's default) and make devnet's (1 min), and with every
// epoch up to half the lag: no "epoch length and withdrawal delay" warning. The pool's shortest delay
// (4,261 s), the default before, failed it for every epoch (ledger TestEpochFitsWithdrawalDelay).
func TestDevnetDefaultsPassWithdrawalDelayAnvil(t *testing.T) {
	c := devnettest.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	poolAddr := c.Addr("ComputePool")
	pool, err := ledger.NewChainPool(poolAddr, c.Client)
	require.NoError(t, err)
	lag, err := chain.SettlementLag(ctx, poolAddr, c.Client)
	require.NoError(t, err)
	minDelay, err := pool.MinWithdrawalDelay(ctx)
	require.NoError(t, err)
	window, err := pool.WithdrawalWindow(ctx)
	require.NoError(t, err)

	check := func(epoch time.Duration) error {
		led, err := ledger.New(ledger.Config{EpochLength: epoch, BatchDir: t.TempDir()}, nil, pool, nil,
			eip712.NewDomain(c.ChainID, c.Addr("Marketplace")), nil, nil, nil)
		require.NoError(t, err)
		_, err = led.CheckWithdrawalDelay(lag, minDelay, time.Duration(window)*time.Second)
		return err
	}
	require.NoError(t, check(5*time.Second), "make demo's keeper")
	require.NoError(t, check(time.Minute), "make devnet's keeper")
	for epoch := time.Second; epoch <= lag/3; epoch += time.Second {
		require.NoError(t, check(epoch), "epoch %s", epoch)
	}
	require.ErrorIs(t, check(time.Hour), ledger.ErrEpochPastWithdrawalDelay, "the keeper's default, longer than the devnet's lag")
	require.Equal(t, (600+300+3600+60+3600+240+300+1)*time.Second, minDelay, "lag + half the lag + window + dispute + close window + four graces + commit slack + 1 s")
}
