// Package devchain starts the chain the provider's integration tests need: a devnet.Market whose bucket
// recipients already hold MOR. Tests only.
package devchain

import (
	"context"
	"time"

	"github.com/laketravis/laketravis/devnet"
)

// Start starts anvil, deploys (payout start 30 days back, so emissions are due at once; unbonding period
// unbonding) and releases the emissions. When deploymentFile is not empty the deployment is written there
// too. Close the market when done: that stops anvil.
func Start(ctx context.Context, unbonding time.Duration, deploymentFile string) (*devnet.Market, error) {
	const day = 86400
	m, err := devnet.StartMarket(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{
		PayoutStart: uint64(time.Now().Unix()) - 30*day, Interval: day,
		UnbondingPeriod: uint64(unbonding / time.Second),
	})
	if err != nil {
		return nil, err
	}
	if deploymentFile != "" {
		err = m.WriteDeployment(deploymentFile)
	}
	if err == nil {
		err = m.Release(ctx)
	}
	if err != nil {
		m.Close()
		return nil, err
	}
	return m, nil
}
