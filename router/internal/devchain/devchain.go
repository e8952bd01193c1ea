// Package devchain sets up an anvil chain with the Lake Travis contracts for the router's integration
// tests: deploy, mint MOR through the real emissions, and act as providers, model builders and users
// through the abigen bindings. Tests only; devnet keys only.
package devchain

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/devnet"
)

// MOR is 1 MOR in wei.
var MOR = new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)

// Chain is a running devnet with the contracts deployed.
type Chain struct {
	T       testing.TB
	Anvil   *devnet.Anvil
	Deploy  *deployments.Deployment
	Client  *chain.Client
	Market  *marketplace.Marketplace
	Models  *modelregistry.ModelRegistry
	Token   *mortoken.MORToken
	Pool    *computepool.ComputePool
	emitted bool
}

// Start runs anvil and deploys. It stops anvil when the test ends.
func Start(t testing.TB) *Chain { return StartWith(t, devnet.DeployOptions{}) }

// StartWith runs anvil and deploys with opts (payout start, day length, dispute window…).
func StartWith(t testing.TB, opts devnet.DeployOptions) *Chain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	a, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	t.Cleanup(a.Close)
	d, err := devnet.Deploy(ctx, a.URL, opts)
	require.NoError(t, err)
	cl, err := chain.Dial(ctx, []string{a.URL}, chain.Options{CallTimeout: 10 * time.Second})
	require.NoError(t, err)
	t.Cleanup(cl.Close)
	c := &Chain{T: t, Anvil: a, Deploy: d, Client: cl}
	c.Market, err = marketplace.NewMarketplace(c.Addr("Marketplace"), cl)
	require.NoError(t, err)
	c.Models, err = modelregistry.NewModelRegistry(c.Addr("ModelRegistry"), cl)
	require.NoError(t, err)
	c.Token, err = mortoken.NewMORToken(c.Addr("MORToken"), cl)
	require.NoError(t, err)
	c.Pool, err = computepool.NewComputePool(c.Addr("ComputePool"), cl)
	require.NoError(t, err)
	return c
}

// Addr is a deployed contract's address.
func (c *Chain) Addr(name string) common.Address {
	a, err := c.Deploy.Address(name)
	require.NoError(c.T, err)
	return a
}

// Opts are transact options for key.
func (c *Chain) Opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	o, err := bind.NewKeyedTransactorWithChainID(key, new(big.Int).SetUint64(c.Deploy.ChainID))
	require.NoError(c.T, err)
	o.Context = context.Background()
	return o
}

// Mined waits for tx and requires success.
func (c *Chain) Mined(tx *types.Transaction, err error) *types.Receipt {
	c.T.Helper()
	require.NoError(c.T, err)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	r, err := bind.WaitMined(ctx, c.Client, tx)
	require.NoError(c.T, err)
	require.Equal(c.T, types.ReceiptStatusSuccessful, r.Status, "tx %s reverted", tx.Hash())
	return r
}

// RPC calls a raw JSON-RPC method.
func (c *Chain) RPC(result any, method string, args ...any) {
	c.T.Helper()
	require.NoError(c.T, c.Client.RPC(context.Background(), result, method, args...))
}

// SetBalance gives addr 100 ETH for gas.
func (c *Chain) SetBalance(addr common.Address) {
	c.RPC(nil, "anvil_setBalance", addr, hexutil.EncodeBig(new(big.Int).Mul(big.NewInt(100), MOR)))
}

// Fund sends mor MOR to addr, releasing emissions once (one day of warp) to the bucket recipients first.
func (c *Chain) Fund(addr common.Address, mor int64) {
	c.T.Helper()
	if !c.emitted {
		require.NoError(c.T, c.Anvil.IncreaseTime(context.Background(), 86400))
		em, err := emissions.NewEmissions(c.Addr("Emissions"), c.Client)
		require.NoError(c.T, err)
		c.Mined(em.Release(c.Opts(devnet.DevKey(0))))
		c.emitted = true
	}
	c.Mined(c.Token.Transfer(c.Opts(devnet.DevKey(5)), addr, new(big.Int).Mul(big.NewInt(mor), MOR)))
}

// NewKey returns a fresh key whose address has ETH for gas.
func (c *Chain) NewKey() *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(c.T, err)
	c.SetBalance(crypto.PubkeyToAddress(k.PublicKey))
	return k
}

// RegisterModel registers name:tag with builder and returns its id.
func (c *Chain) RegisterModel(builder *ecdsa.PrivateKey, name, tag string, feeBps uint16) common.Hash {
	c.Mined(c.Models.Register(c.Opts(builder), name, tag, crypto.Keccak256Hash([]byte(name+tag)), feeBps))
	return crypto.Keccak256Hash([]byte(name + ":" + tag))
}

// RegisterProvider funds owner with stakeMOR MOR and registers it with signer and endpoint.
func (c *Chain) RegisterProvider(owner *ecdsa.PrivateKey, signer common.Address, endpoint string, stakeMOR int64) {
	addr := crypto.PubkeyToAddress(owner.PublicKey)
	c.Fund(addr, stakeMOR)
	stake := new(big.Int).Mul(big.NewInt(stakeMOR), MOR)
	c.Mined(c.Token.Approve(c.Opts(owner), c.Addr("Marketplace"), stake))
	c.Mined(c.Market.Register(c.Opts(owner), endpoint, signer, stake))
}

// PostBid posts owner's bid on model.
func (c *Chain) PostBid(owner *ecdsa.PrivateKey, model common.Hash, price *big.Int) {
	c.Mined(c.Market.PostBid(c.Opts(owner), model, price))
}

// Snapshot takes an anvil state snapshot (evm_snapshot) and returns its id.
func (c *Chain) Snapshot() string {
	var id string
	c.RPC(&id, "evm_snapshot")
	return id
}

// Revert reverts to a snapshot (evm_revert): the blocks after it disappear.
func (c *Chain) Revert(id string) {
	var ok bool
	c.RPC(&ok, "evm_revert", id)
	require.True(c.T, ok)
}

// Mine mines n empty blocks.
func (c *Chain) Mine(n int) {
	for range n {
		c.RPC(nil, "evm_mine")
	}
}

// KeeperKey is the devnet key holding KEEPER_ROLE on the ComputePool (anvil account 2); GuardianKey holds
// GUARDIAN_ROLE (the deployer, account 0).
func KeeperKey() *ecdsa.PrivateKey   { return devnet.DevKey(2) }
func GuardianKey() *ecdsa.PrivateKey { return devnet.DevKey(0) }

// CommitRoot commits epoch as the keeper with a stand-in root (any non-zero root that was never vetoed)
// and returns its receipt. cumulativeTotal must fit in today's budget.
func (c *Chain) CommitRoot(epoch int64, root common.Hash, cumulativeTotal *big.Int, batchHash common.Hash, uri string) *types.Receipt {
	c.T.Helper()
	return c.Mined(c.Pool.CommitRoot(c.Opts(KeeperKey()), big.NewInt(epoch), root, cumulativeTotal, batchHash, uri))
}

// Warp moves the chain clock forward by seconds and mines a block at the new time.
func (c *Chain) Warp(seconds uint64) {
	c.T.Helper()
	require.NoError(c.T, c.Anvil.IncreaseTime(context.Background(), seconds))
}
