// Package devnettest is devnet for tests, in the manner of net/http/httptest: Start runs anvil and deploys
// through the real deploy script, the test's Cleanup stops the chain, and every action (fund, register,
// bid, commit, move days, snapshots) fails the test instead of returning an error. The router's,
// provider's and keeper's integration tests use it; e2e and `make devnet` use devnet itself. Tests only;
// devnet keys only.
package devnettest

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
)

// Chain is a running devnet with the contracts deployed. The embedded Market's fields (Anvil, Deployment,
// Client and the bindings) are at hand; its actions are shadowed by versions that fail the test.
type Chain struct {
	*devnet.Market
	T       testing.TB
	emitted bool
}

// Start runs anvil and deploys. It stops anvil when the test ends.
func Start(t testing.TB) *Chain { return StartWith(t, devnet.DeployOptions{}) }

// StartWith runs anvil and deploys with opts (payout start, day length, dispute window…).
func StartWith(t testing.TB, opts devnet.DeployOptions) *Chain {
	t.Helper()
	return StartOn(t, devnet.AnvilOptions{}, opts)
}

// StartOn runs anvil with anvil (e.g. a non-devnet chain id) and deploys with opts.
func StartOn(t testing.TB, anvil devnet.AnvilOptions, opts devnet.DeployOptions) *Chain {
	t.Helper()
	return start(t, devnet.StartMarket, anvil, opts, false)
}

// StartPlayground runs devnet.StartPlayground with anvil and opts: the chain clock ends at the wall clock,
// emissions are released and the playground user (devnet.UserAccount) holds MOR whose votes count today,
// so that sessions closed now are charged to an allowance it has. It stops anvil when the test ends.
func StartPlayground(t testing.TB, anvil devnet.AnvilOptions, opts devnet.DeployOptions) *Chain {
	t.Helper()
	return start(t, devnet.StartPlayground, anvil, opts, true)
}

// start runs starter (a devnet start function) within two minutes, failing the test if it fails, and
// stops anvil when the test ends; emitted says whether the emissions are released already.
func start(t testing.TB, starter func(context.Context, devnet.AnvilOptions, devnet.DeployOptions) (*devnet.Market, error),
	anvil devnet.AnvilOptions, opts devnet.DeployOptions, emitted bool) *Chain {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	m, err := starter(ctx, anvil, opts)
	require.NoError(t, err)
	t.Cleanup(m.Close)
	return &Chain{Market: m, T: t, emitted: emitted}
}

// StartReleased runs anvil and deploys with opts, payoutStart 30 protocol days of a day back unless opts
// sets it, then releases the emissions: every bucket recipient (the capital one, anvil account 5, funds
// others with FundMOR) holds MOR at once.
func StartReleased(t testing.TB, opts devnet.DeployOptions) *Chain {
	t.Helper()
	const day = 86400
	if opts.PayoutStart == 0 {
		opts.PayoutStart, opts.Interval = uint64(time.Now().Unix())-30*day, day
	}
	c := StartWith(t, opts)
	c.Release()
	return c
}

// DeploymentFile writes the deployment into the test's temporary folder, for commands that read one, and
// returns its path.
func (c *Chain) DeploymentFile() string {
	c.T.Helper()
	path := filepath.Join(c.T.TempDir(), "deployment.json")
	require.NoError(c.T, c.WriteDeployment(path))
	return path
}

// Release calls Emissions.release(): every bucket recipient receives what is due up to now.
func (c *Chain) Release() {
	c.T.Helper()
	c.do(c.Market.Release)
	c.emitted = true
}

// do runs f with a bounded context and fails the test on an error.
func (c *Chain) do(f func(context.Context) error) {
	c.T.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	require.NoError(c.T, f(ctx))
}

// Addr is a deployed contract's address.
func (c *Chain) Addr(name string) common.Address {
	a, err := c.Market.Addr(name)
	require.NoError(c.T, err)
	return a
}

// Opts are transact options for key.
func (c *Chain) Opts(key *ecdsa.PrivateKey) *bind.TransactOpts {
	return devnet.Transactor(context.Background(), key, c.ChainID)
}

// Mined waits for tx and requires success.
func (c *Chain) Mined(tx *types.Transaction, err error) (r *types.Receipt) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { r, err = devnet.Mined(ctx, c.Client)(tx, err); return err })
	return r
}

// SetBalance gives addr 100 ETH for gas.
func (c *Chain) SetBalance(addr common.Address) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.SetBalance(ctx, addr, devnet.MOR(100)) }) // ETH has 18 decimals too
}

// Fund sends mor MOR to addr, releasing emissions once (one day of warp) to the bucket recipients first.
func (c *Chain) Fund(addr common.Address, mor int64) {
	c.T.Helper()
	if !c.emitted {
		c.Warp(86400)
		c.Release()
	}
	c.do(func(ctx context.Context) error { return c.FundMOR(ctx, addr, devnet.MOR(mor)) })
}

// NewKey returns a fresh key whose address has ETH for gas.
func (c *Chain) NewKey() *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(c.T, err)
	c.SetBalance(crypto.PubkeyToAddress(k.PublicKey))
	return k
}

// NewVoter returns a fresh key with ETH for gas and mor MOR, delegated to itself: its votes count towards
// the allowance once held at two day starts (WarpUntilVotesCount).
func (c *Chain) NewVoter(mor int64) *ecdsa.PrivateKey {
	c.T.Helper()
	k := c.NewKey()
	c.Fund(crypto.PubkeyToAddress(k.PublicKey), mor)
	c.Delegate(k)
	return k
}

// Delegate makes key's account delegate its votes to itself.
func (c *Chain) Delegate(key *ecdsa.PrivateKey) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.Delegate(ctx, key) })
}

// RegisterModel registers name:tag with builder and returns its id.
func (c *Chain) RegisterModel(builder *ecdsa.PrivateKey, name, tag string, feeBps uint16) (id common.Hash) {
	c.T.Helper()
	c.do(func(ctx context.Context) (err error) {
		id, err = c.Market.RegisterModel(ctx, builder, name, tag, feeBps)
		return err
	})
	return id
}

// RegisterProvider funds owner with stakeMOR MOR and registers it with signer (which signs the SignerClaim)
// and endpoint.
func (c *Chain) RegisterProvider(owner, signer *ecdsa.PrivateKey, endpoint string, stakeMOR int64) {
	c.T.Helper()
	c.Fund(crypto.PubkeyToAddress(owner.PublicKey), stakeMOR)
	c.do(func(ctx context.Context) error {
		return c.Market.RegisterProvider(ctx, owner, signer, endpoint, devnet.MOR(stakeMOR))
	})
}

// UpdateProvider moves owner's registration to endpoint and signer (which signs the SignerClaim) and returns
// the receipt.
func (c *Chain) UpdateProvider(owner, signer *ecdsa.PrivateKey, endpoint string) (r *types.Receipt) {
	c.T.Helper()
	c.do(func(ctx context.Context) (err error) {
		r, err = c.Market.UpdateProvider(ctx, owner, signer, endpoint)
		return err
	})
	return r
}

// Key is a fixed test key, keccak256(seed): a signer a test names and signs the SignerClaim with.
func Key(seed string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte(seed)))
	if err != nil {
		panic(err) // keccak256 output is a valid key but with negligible probability
	}
	return k
}

// KeyAddr is Key(seed)'s address.
func KeyAddr(seed string) common.Address { return crypto.PubkeyToAddress(Key(seed).PublicKey) }

// PostBid posts owner's bid on model.
func (c *Chain) PostBid(owner *ecdsa.PrivateKey, model common.Hash, price *big.Int) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.PostBid(ctx, owner, model, price) })
}

// Snapshot takes an anvil state snapshot (evm_snapshot) and returns its id.
func (c *Chain) Snapshot() (id string) {
	c.T.Helper()
	c.do(func(ctx context.Context) (err error) { id, err = c.Market.Snapshot(ctx); return err })
	return id
}

// Revert reverts to a snapshot (evm_revert): the blocks after it disappear.
func (c *Chain) Revert(id string) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.Revert(ctx, id) })
}

// Mine mines n empty blocks.
func (c *Chain) Mine(n int) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.Mine(ctx, n) })
}

// CommitRoot commits epoch as the keeper with a stand-in root (any non-zero root that was never vetoed)
// and returns its receipt. cumulativeTotal must fit in today's budget.
func (c *Chain) CommitRoot(epoch uint64, root common.Hash, cumulativeTotal *big.Int, batchHash common.Hash, uri string) (r *types.Receipt) {
	c.T.Helper()
	c.do(func(ctx context.Context) (err error) {
		r, err = c.Market.CommitRoot(ctx, epoch, root, cumulativeTotal, batchHash, uri)
		return err
	})
	return r
}

// Warp moves the chain clock forward by seconds and mines a block at the new time.
func (c *Chain) Warp(seconds uint64) {
	c.T.Helper()
	c.do(func(ctx context.Context) error { return c.Market.Warp(ctx, seconds) })
}

// WarpUntilVotesCount moves the chain into the day after next, so that votes delegated now count towards
// the allowance (PROTOCOL §4 v2: a vote counts once held at two day starts a day apart).
func (c *Chain) WarpUntilVotesCount() {
	c.T.Helper()
	c.do(c.Market.WarpUntilVotesCount)
}
