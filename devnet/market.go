package devnet

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/emissions"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Roles and buckets the devnet parameter file grants to anvil's accounts.
const (
	guardianAccount = 0 // deployer: admin, GUARDIAN_ROLE
	keeperAccount   = 2 // KEEPER_ROLE on the ComputePool
	capitalAccount  = 5 // recipient of the capital bucket's emissions
)

// KeeperKey is the devnet key holding KEEPER_ROLE on the ComputePool (anvil account 2).
func KeeperKey() *ecdsa.PrivateKey { return DevKey(keeperAccount) }

// GuardianKey is the devnet key holding GUARDIAN_ROLE (the deployer, anvil account 0).
func GuardianKey() *ecdsa.PrivateKey { return DevKey(guardianAccount) }

// MOR is n whole MOR in wei.
func MOR(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// Market is a deployment on a running anvil with a client and the contract bindings, and acts on it the
// way tests need: release emissions, move MOR and ETH, register models and providers, post bids, commit
// roots, and drive anvil (snapshots, mining, time).
type Market struct {
	Anvil      *Anvil
	Deployment *deployments.Deployment
	Client     *chain.Client
	ChainID    uint64

	Emissions   *emissions.Emissions
	Token       *mortoken.MORToken
	Marketplace *marketplace.Marketplace
	Models      *modelregistry.ModelRegistry
	Pool        *computepool.ComputePool

	ownsAnvil bool
}

// NewMarket dials a and binds the contracts of d deployed on it. Close closes the client, not a.
func NewMarket(ctx context.Context, a *Anvil, d *deployments.Deployment) (*Market, error) {
	cl, err := chain.Dial(ctx, []string{a.URL}, chain.Options{CallTimeout: chain.DefaultCallTimeout})
	if err != nil {
		return nil, err
	}
	m := &Market{Anvil: a, Deployment: d, Client: cl, ChainID: d.ChainID}
	if err := m.bind(); err != nil {
		cl.Close()
		return nil, err
	}
	return m, nil
}

// StartMarket starts anvil, deploys with deploy and returns the market. Close stops anvil too. A deploy
// that hung (ErrDeployHung) is tried once more on a fresh anvil: the first chain may hold part of the
// deployment.
func StartMarket(ctx context.Context, anvil AnvilOptions, deploy DeployOptions) (*Market, error) {
	a, d, err := startDeployed(ctx, anvil, deploy)
	if errors.Is(err, ErrDeployHung) {
		fmt.Fprintf(os.Stderr, "%v\ndevnet: deploying again on a fresh anvil\n", err)
		first := err
		if a, d, err = startDeployed(ctx, anvil, deploy); err != nil {
			return nil, fmt.Errorf("%w\n(the deploy before it, on another anvil, hung too: %v)", err, first)
		}
	}
	if err != nil {
		return nil, err
	}
	m, err := NewMarket(ctx, a, d)
	if err != nil {
		a.Close()
		return nil, err
	}
	m.ownsAnvil = true
	return m, nil
}

// startDeployed starts anvil and deploys onto it; on failure it stops anvil.
func startDeployed(ctx context.Context, anvil AnvilOptions, deploy DeployOptions) (*Anvil, *deployments.Deployment, error) {
	a, err := StartAnvil(ctx, anvil)
	if err != nil {
		return nil, nil, err
	}
	d, err := Deploy(ctx, a.URL, deploy)
	if err != nil {
		a.Close()
		return nil, nil, err
	}
	return a, d, nil
}

func (m *Market) bind() error {
	var errs []error
	addr := func(name string) common.Address {
		a, err := m.Deployment.Address(name)
		errs = append(errs, err)
		return a
	}
	var err error
	m.Emissions, err = emissions.NewEmissions(addr("Emissions"), m.Client)
	errs = append(errs, err)
	m.Token, err = mortoken.NewMORToken(addr("MORToken"), m.Client)
	errs = append(errs, err)
	m.Marketplace, err = marketplace.NewMarketplace(addr("Marketplace"), m.Client)
	errs = append(errs, err)
	m.Models, err = modelregistry.NewModelRegistry(addr("ModelRegistry"), m.Client)
	errs = append(errs, err)
	m.Pool, err = computepool.NewComputePool(addr("ComputePool"), m.Client)
	errs = append(errs, err)
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("devnet: bind contracts: %w", err)
	}
	return nil
}

// Close closes the client, and stops anvil when StartMarket started it.
func (m *Market) Close() {
	m.Client.Close()
	if m.ownsAnvil {
		m.Anvil.Close()
	}
}

// Addr is the address of the deployed contract name.
func (m *Market) Addr(name string) (common.Address, error) { return m.Deployment.Address(name) }

// WriteDeployment writes the deployment as JSON to path, for commands that read a deployment file.
func (m *Market) WriteDeployment(path string) error {
	raw, err := json.Marshal(m.Deployment)
	if err != nil {
		return err
	}
	return os.WriteFile(path, raw, 0o644)
}

// Send sends one transaction built with key's transact options and waits for a successful receipt.
func (m *Market) Send(ctx context.Context, key *ecdsa.PrivateKey, build func(*bind.TransactOpts) (*types.Transaction, error)) (*types.Receipt, error) {
	return Mined(ctx, m.Client)(build(Transactor(ctx, key, m.ChainID)))
}

// Release calls Emissions.release(): every bucket recipient receives what is due up to now.
func (m *Market) Release(ctx context.Context) error {
	if _, err := m.Send(ctx, DevKey(guardianAccount), m.Emissions.Release); err != nil {
		return fmt.Errorf("devnet: release: %w", err)
	}
	return nil
}

// FundMOR sends amount MOR wei to `to` from the capital bucket's recipient (anvil account 5); emissions
// must have been released.
func (m *Market) FundMOR(ctx context.Context, to common.Address, amount *big.Int) error {
	_, err := m.Send(ctx, DevKey(capitalAccount), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Token.Transfer(o, to, amount)
	})
	return err
}

// FundETH sends amount wei of ETH to `to` from anvil account 0 in a transaction.
func (m *Market) FundETH(ctx context.Context, to common.Address, amount *big.Int) error {
	key := DevKey(0)
	nonce, err := m.Client.PendingNonceAt(ctx, crypto.PubkeyToAddress(key.PublicKey))
	if err != nil {
		return err
	}
	price, err := m.Client.SuggestGasPrice(ctx)
	if err != nil {
		return err
	}
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(new(big.Int).SetUint64(m.ChainID)),
		&types.LegacyTx{Nonce: nonce, To: &to, Value: amount, Gas: 21000, GasPrice: new(big.Int).Mul(price, big.NewInt(2))})
	if err != nil {
		return err
	}
	if err := m.Client.SendTransaction(ctx, tx); err != nil {
		return err
	}
	_, err = Mined(ctx, m.Client)(tx, nil)
	return err
}

// SetBalance sets addr's ETH balance to wei (anvil_setBalance), without a transaction.
func (m *Market) SetBalance(ctx context.Context, addr common.Address, wei *big.Int) error {
	return m.Client.RPC(ctx, nil, "anvil_setBalance", addr, hexutil.EncodeBig(wei))
}

// ModelID is the registry's id of name:tag.
func ModelID(name, tag string) common.Hash { return ids.ModelID(name + ":" + tag) }

// RegisterModel registers name:tag (a model) with a stand-in content hash and a builder fee of feeBps, as
// builder, and returns the model's id. The devnet's registry charges no name fee; where the deployment's
// does (e.g. a chain deployed with public-chain parameters), builder must hold it.
func (m *Market) RegisterModel(ctx context.Context, builder *ecdsa.PrivateKey, name, tag string, feeBps uint16) (common.Hash, error) {
	return m.RegisterEntry(ctx, builder, name, tag, feeBps, wire.KindModel)
}

// RegisterEntry is RegisterModel for either kind of registry entry (model or agent).
func (m *Market) RegisterEntry(ctx context.Context, builder *ecdsa.PrivateKey, name, tag string, feeBps uint16, kind wire.ModelKind) (common.Hash, error) {
	fee, err := m.Models.NameFee(&bind.CallOpts{Context: ctx})
	if err != nil {
		return common.Hash{}, fmt.Errorf("devnet: read the registry's name fee: %w", err)
	}
	if fee.Sign() > 0 {
		if _, err := m.Send(ctx, builder, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return m.Token.Approve(o, m.Deployment.Contracts["ModelRegistry"], fee)
		}); err != nil {
			return common.Hash{}, fmt.Errorf("devnet: approve the name fee: %w", err)
		}
	}
	salt, err := m.CommitName(ctx, builder, name)
	if err != nil {
		return common.Hash{}, err
	}
	_, err = m.Send(ctx, builder, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Models.Register(o, name, tag, crypto.Keccak256Hash([]byte(name+tag)), feeBps, uint8(kind), salt)
	})
	return ModelID(name, tag), err
}

// CommitName sends the registry's commitName for builder's claim of name with a random salt and returns the
// salt, unless builder already owns the name (no commitment needed: the zero salt). anvil mines every
// transaction in its own block, so the reveal (register with the salt) may follow at once.
func (m *Market) CommitName(ctx context.Context, builder *ecdsa.PrivateKey, name string) (salt [32]byte, err error) {
	from := crypto.PubkeyToAddress(builder.PublicKey)
	owner, err := m.Models.NameOwner(&bind.CallOpts{Context: ctx}, name)
	if err != nil || owner == from {
		return salt, err
	}
	if _, err := rand.Read(salt[:]); err != nil {
		return salt, err
	}
	if _, err := m.Send(ctx, builder, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Models.CommitName(o, ids.NameCommitment(name, from, salt))
	}); err != nil {
		return salt, fmt.Errorf("devnet: commit the name %q: %w", name, err)
	}
	return salt, nil
}

// RegisterProvider approves stake (MOR wei, which owner must hold) to the Marketplace and registers owner
// as a provider with signer's address and endpoint, signer signing the SignerClaim the Marketplace requires.
func (m *Market) RegisterProvider(ctx context.Context, owner, signer *ecdsa.PrivateKey, endpoint string, stake *big.Int) error {
	if _, err := m.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Token.Approve(o, m.Deployment.Contracts["Marketplace"], stake) // present: checked by bind
	}); err != nil {
		return fmt.Errorf("devnet: approve stake: %w", err)
	}
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	proof, err := m.SignerProof(signer, ownerAddr)
	if err != nil {
		return err
	}
	_, err = m.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Marketplace.Register(o, endpoint, crypto.PubkeyToAddress(signer.PublicKey), proof, stake)
	})
	return err
}

// UpdateProvider moves owner's registration to endpoint and signer (the Marketplace's updateProvider), signer
// signing the SignerClaim.
func (m *Market) UpdateProvider(ctx context.Context, owner, signer *ecdsa.PrivateKey, endpoint string) (*types.Receipt, error) {
	proof, err := m.SignerProof(signer, crypto.PubkeyToAddress(owner.PublicKey))
	if err != nil {
		return nil, err
	}
	return m.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Marketplace.UpdateProvider(o, endpoint, crypto.PubkeyToAddress(signer.PublicKey), proof)
	})
}

// SignerProof is signer's signature of SignerClaim(provider, signer) under this deployment's EIP-712 domain:
// what register, registerWithPermit and updateProvider take as proof that the provider holds the signer key.
func (m *Market) SignerProof(signer *ecdsa.PrivateKey, provider common.Address) ([]byte, error) {
	mkt, err := m.Addr("Marketplace")
	if err != nil {
		return nil, err
	}
	sig, err := eip712.NewDomain(m.ChainID, mkt).Sign(&eip712.SignerClaim{Provider: provider, Signer: crypto.PubkeyToAddress(signer.PublicKey)}, signer)
	if err != nil {
		return nil, fmt.Errorf("devnet: sign the signer claim: %w", err)
	}
	return sig[:], nil
}

// PostBid posts owner's bid of price (wei per second) on model.
func (m *Market) PostBid(ctx context.Context, owner *ecdsa.PrivateKey, model common.Hash, price *big.Int) error {
	_, err := m.Send(ctx, owner, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Marketplace.PostBid(o, model, price)
	})
	return err
}

// CommitRoot commits epoch's root as the keeper, with no deposit spend, and returns the receipt.
// cumulativeTotal must fit in today's budget.
func (m *Market) CommitRoot(ctx context.Context, epoch uint64, root common.Hash, cumulativeTotal *big.Int, batchHash common.Hash, uri string) (*types.Receipt, error) {
	return m.Send(ctx, KeeperKey(), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Pool.CommitRoot(o, new(big.Int).SetUint64(epoch), root, cumulativeTotal, [32]byte{}, new(big.Int), new(big.Int), batchHash, uri)
	})
}

// Snapshot takes an anvil state snapshot (evm_snapshot) and returns its id.
func (m *Market) Snapshot(ctx context.Context) (string, error) {
	var id string
	err := m.Client.RPC(ctx, &id, "evm_snapshot")
	return id, err
}

// Revert reverts to snapshot id (evm_revert): the blocks after it disappear. A snapshot reverts once.
func (m *Market) Revert(ctx context.Context, id string) error {
	var ok bool
	if err := m.Client.RPC(ctx, &ok, "evm_revert", id); err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("devnet: evm_revert %s refused", id)
	}
	return nil
}

// Mine mines n empty blocks.
func (m *Market) Mine(ctx context.Context, n int) error {
	for range n {
		if err := m.Client.RPC(ctx, nil, "evm_mine"); err != nil {
			return err
		}
	}
	return nil
}

// Warp moves the chain clock forward by seconds and mines a block at the new time.
func (m *Market) Warp(ctx context.Context, seconds uint64) error {
	return m.Anvil.IncreaseTime(ctx, seconds)
}

// WarpTo mines a block at exactly unix time t (no-op when the chain is already there): for example a
// withdrawal request's readyAt (ComputePool.pendingWithdrawal), past its delay and inside a withdrawal
// window. (Warp is relative to anvil's wall clock, so it may land a second or two later.)
func (m *Market) WarpTo(ctx context.Context, t uint64) error {
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	if head.Time >= t {
		return nil
	}
	if err := m.Client.RPC(ctx, nil, "evm_setNextBlockTimestamp", t); err != nil {
		return fmt.Errorf("devnet: evm_setNextBlockTimestamp: %w", err)
	}
	return m.Client.RPC(ctx, nil, "evm_mine")
}

// WarpIntoNextDay moves the chain into the next protocol day, ten seconds past its start: never onto a
// day's first second, whose day-start vote checkpoints are not final yet (ComputePool.DayNotStarted).
func (m *Market) WarpIntoNextDay(ctx context.Context) error {
	call := &bind.CallOpts{Context: ctx}
	ps, err := m.Pool.PayoutStart(call)
	if err != nil {
		return fmt.Errorf("devnet: payoutStart: %w", err)
	}
	iv, err := m.Pool.Interval(call)
	if err != nil {
		return fmt.Errorf("devnet: interval: %w", err)
	}
	head, err := m.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		return err
	}
	start, interval := ps.Uint64(), iv.Uint64()
	next := start + ((head.Time-start)/interval+1)*interval
	return m.WarpTo(ctx, next+10) // exactly: Warp, relative to anvil's wall clock, may land a second later
}

// WarpUntilVotesCount moves the chain into the day after next, so that votes delegated now count towards
// the allowance (PROTOCOL §4 v2: a vote counts once held at two day starts a day apart).
func (m *Market) WarpUntilVotesCount(ctx context.Context) error {
	if err := m.WarpIntoNextDay(ctx); err != nil {
		return err
	}
	return m.WarpIntoNextDay(ctx)
}

// GrantRouterRole has the admin (anvil account 0 on a devnet) grant addr ROUTER_ROLE on the Marketplace.
func (m *Market) GrantRouterRole(ctx context.Context, addr common.Address) error {
	role, err := m.Marketplace.ROUTERROLE(&bind.CallOpts{Context: ctx})
	if err != nil {
		return fmt.Errorf("devnet: ROUTER_ROLE: %w", err)
	}
	if _, err := m.Send(ctx, GuardianKey(), func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.Marketplace.GrantRole(o, role, addr)
	}); err != nil {
		return fmt.Errorf("devnet: grant ROUTER_ROLE to %s: %w", addr, err)
	}
	return nil
}
