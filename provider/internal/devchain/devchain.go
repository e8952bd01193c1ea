// Package devchain sets up what the provider's integration tests need on a real anvil chain: the
// contracts deployed by the real deploy script, emissions released so that the bucket recipients hold MOR,
// and helpers to move MOR and ETH to test accounts and to register models. Tests only.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/devnet"
)

// Chain is a running anvil with the contracts deployed and emissions released.
type Chain struct {
	Anvil      *devnet.Anvil
	Deployment *deployments.Deployment
	Client     *chain.Client
	// DeploymentFile is a copy of the deployment written for commands that read one.
	DeploymentFile string
}

// Start starts anvil, deploys (payout start 30 days back, so emissions are due at once; unbonding period
// unbonding) and releases the emissions. When deploymentFile is not empty the deployment is written there
// too. Close it when done.
func Start(ctx context.Context, unbonding time.Duration, deploymentFile string) (*Chain, error) {
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	if err != nil {
		return nil, err
	}
	c := &Chain{Anvil: anvil}
	ok := false
	defer func() {
		if !ok {
			c.Close()
		}
	}()
	const day = 86400
	dep, err := devnet.Deploy(ctx, anvil.URL, devnet.DeployOptions{
		PayoutStart: uint64(time.Now().Unix()) - 30*day, Interval: day,
		UnbondingPeriod: uint64(unbonding / time.Second),
	})
	if err != nil {
		return nil, err
	}
	if deploymentFile != "" {
		raw, err := json.Marshal(dep)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(deploymentFile, raw, 0o644); err != nil {
			return nil, err
		}
	}
	c.Deployment, c.DeploymentFile = dep, deploymentFile
	if c.Client, err = chain.Dial(ctx, []string{anvil.URL}, chain.Options{}); err != nil {
		return nil, err
	}
	em, err := emissions.NewEmissions(c.must("Emissions"), c.Client)
	if err != nil {
		return nil, err
	}
	if err := c.Send(ctx, devnet.DevKey(0), func(o *bind.TransactOpts) (*types.Transaction, error) { return em.Release(o) }); err != nil {
		return nil, fmt.Errorf("devchain: release: %w", err)
	}
	ok = true
	return c, nil
}

// Close stops the chain.
func (c *Chain) Close() {
	if c.Client != nil {
		c.Client.Close()
	}
	c.Anvil.Close()
}

func (c *Chain) must(name string) common.Address {
	a, err := c.Deployment.Address(name)
	if err != nil {
		panic(err)
	}
	return a
}

// Send sends one transaction from key and waits for a successful receipt.
func (c *Chain) Send(ctx context.Context, key *ecdsa.PrivateKey, build func(*bind.TransactOpts) (*types.Transaction, error)) error {
	opts, err := bind.NewKeyedTransactorWithChainID(key, new(big.Int).SetUint64(c.Deployment.ChainID))
	if err != nil {
		return err
	}
	opts.Context = ctx
	tx, err := build(opts)
	if err != nil {
		return err
	}
	r, err := bind.WaitMined(ctx, c.Client, tx)
	if err != nil {
		return err
	}
	if r.Status != types.ReceiptStatusSuccessful {
		return fmt.Errorf("devchain: %s reverted", tx.Hash())
	}
	return nil
}

// FundMOR sends amount MOR wei to `to` from the capital bucket's recipient (anvil account 5).
func (c *Chain) FundMOR(ctx context.Context, to common.Address, amount *big.Int) error {
	mor, err := mortoken.NewMORToken(c.must("MORToken"), c.Client)
	if err != nil {
		return err
	}
	return c.Send(ctx, devnet.DevKey(5), func(o *bind.TransactOpts) (*types.Transaction, error) { return mor.Transfer(o, to, amount) })
}

// FundETH sends amount wei of ETH to `to` from anvil account 0.
func (c *Chain) FundETH(ctx context.Context, to common.Address, amount *big.Int) error {
	key := devnet.DevKey(0)
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := c.Client.PendingNonceAt(ctx, from)
	if err != nil {
		return err
	}
	price, err := c.Client.SuggestGasPrice(ctx)
	if err != nil {
		return err
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(c.Deployment.ChainID)),
		&types.LegacyTx{Nonce: nonce, To: &to, Value: amount, Gas: 21000, GasPrice: new(big.Int).Mul(price, big.NewInt(2))})
	if err != nil {
		return err
	}
	if err := c.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	_, err = bind.WaitMined(ctx, c.Client, tx)
	return err
}

// RegisterModel registers name:tag with a dummy content hash, builder anvil account 7.
func (c *Chain) RegisterModel(ctx context.Context, name, tag string) error {
	reg, err := modelregistry.NewModelRegistry(c.must("ModelRegistry"), c.Client)
	if err != nil {
		return err
	}
	return c.Send(ctx, devnet.DevKey(7), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return reg.Register(o, name, tag, crypto.Keccak256Hash([]byte(name+tag)), 500)
	})
}

// MOR is n whole MOR in wei.
func MOR(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }
