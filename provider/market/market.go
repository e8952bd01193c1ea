package market

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"time"

	ethereum "github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/bindings/mortoken"
	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/protocol/amount"
	"github.com/laketravis/laketravis/protocol/ids"
)

// Backend is the chain access the market needs: contract calls and transactions, receipts, balances, and
// gas estimates at a given block (nil: latest; -1: pending). *chain.Client implements it.
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	BalanceAt(ctx context.Context, account common.Address, block *big.Int) (*big.Int, error)
	EstimateGasAtBlock(ctx context.Context, msg ethereum.CallMsg, block *big.Int) (uint64, error)
}

// Market reads and writes the market contracts of one deployment. It is safe for concurrent use.
type Market struct {
	backend Backend
	chainID uint64

	MarketplaceAddr, RegistryAddr, PoolAddr, TokenAddr common.Address
	startBlock                                         uint64

	mkt *marketplace.Marketplace
	reg *modelregistry.ModelRegistry
	// regPending is reg whose transactions are estimated at the pending block (see pendingEstimates).
	regPending *modelregistry.ModelRegistry
	pool       *computepool.ComputePool
	mor        *mortoken.MORToken
}

// New binds the contracts of dep on backend.
func New(backend Backend, dep *deployments.Deployment) (*Market, error) {
	m := &Market{backend: backend, chainID: dep.ChainID, startBlock: dep.StartBlock}
	var err error
	for name, dst := range map[string]*common.Address{
		"Marketplace": &m.MarketplaceAddr, "ModelRegistry": &m.RegistryAddr,
		"ComputePool": &m.PoolAddr, "MORToken": &m.TokenAddr,
	} {
		if *dst, err = dep.Address(name); err != nil {
			return nil, fmt.Errorf("market: %w", err)
		}
	}
	if m.mkt, err = marketplace.NewMarketplace(m.MarketplaceAddr, backend); err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	if m.regPending, err = modelregistry.NewModelRegistry(m.RegistryAddr, pendingEstimates{backend}); err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	if m.reg, err = modelregistry.NewModelRegistry(m.RegistryAddr, backend); err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	if m.pool, err = computepool.NewComputePool(m.PoolAddr, backend); err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	if m.mor, err = mortoken.NewMORToken(m.TokenAddr, backend); err != nil {
		return nil, fmt.Errorf("market: %w", err)
	}
	return m, nil
}

// ChainID returns the deployment's chain id.
func (m *Market) ChainID() uint64 { return m.chainID }

// Backend returns the chain backend.
func (m *Market) Backend() Backend { return m.backend }

func call(ctx context.Context) *bind.CallOpts { return &bind.CallOpts{Context: ctx} }

// SplitModel splits "name:tag" and checks both parts are present.
func SplitModel(fullName string) (name, tag string, err error) {
	i := strings.LastIndexByte(fullName, ':')
	if i <= 0 || i == len(fullName)-1 {
		return "", "", fmt.Errorf("%w: %q: use the Docker-style form name:tag, e.g. llama-3.1-8b:q4", ErrBadModelName, fullName)
	}
	return fullName[:i], fullName[i+1:], nil
}

// Params are the Marketplace's settings.
type Params struct {
	MinProviderStake *big.Int
	MinPrice         *big.Int
	MaxPrice         *big.Int
	UnbondingPeriod  time.Duration
}

// Params reads the Marketplace's settings.
func (m *Market) Params(ctx context.Context) (*Params, error) {
	var p Params
	var err error
	if p.MinProviderStake, err = m.mkt.MinProviderStake(call(ctx)); err != nil {
		return nil, fmt.Errorf("market: read minProviderStake: %w", err)
	}
	if p.MinPrice, err = m.mkt.MinPrice(call(ctx)); err != nil {
		return nil, fmt.Errorf("market: read minPrice: %w", err)
	}
	if p.MaxPrice, err = m.mkt.MaxPrice(call(ctx)); err != nil {
		return nil, fmt.Errorf("market: read maxPrice: %w", err)
	}
	ub, err := m.mkt.UnbondingPeriod(call(ctx))
	if err != nil {
		return nil, fmt.Errorf("market: read unbondingPeriod: %w", err)
	}
	p.UnbondingPeriod = time.Duration(ub.Int64()) * time.Second
	return &p, nil
}

// Provider is a provider's on-chain record.
type Provider struct {
	Registered     bool
	Signer         common.Address
	Endpoint       string
	Stake          *big.Int
	PendingUnstake *big.Int
	UnlockAt       uint64 // unix seconds, 0 when nothing is pending
}

// Provider reads account's record (zero values when not registered).
func (m *Market) Provider(ctx context.Context, account common.Address) (*Provider, error) {
	p, err := m.mkt.GetProvider(call(ctx), account)
	if err != nil {
		return nil, fmt.Errorf("market: read provider %s: %w", account, err)
	}
	return &Provider{p.Registered, p.Signer, p.Endpoint, p.Stake, p.PendingUnstake, p.UnlockAt}, nil
}

// SignerOf returns the provider's registered signer (zero if not registered).
func (m *Market) SignerOf(ctx context.Context, account common.Address) (common.Address, error) {
	s, err := m.mkt.SignerOf(call(ctx), account)
	if err != nil {
		return common.Address{}, fmt.Errorf("market: read signerOf %s: %w", account, err)
	}
	return s, nil
}

// IsRouter reports whether addr holds ROUTER_ROLE on the Marketplace.
func (m *Market) IsRouter(ctx context.Context, addr common.Address) (bool, error) {
	ok, err := m.mkt.HasRole(call(ctx), ids.RouterRole, addr)
	if err != nil {
		return false, fmt.Errorf("market: hasRole(ROUTER_ROLE, %s): %w", addr, err)
	}
	return ok, nil
}

// MORBalance returns account's MOR balance in wei.
func (m *Market) MORBalance(ctx context.Context, account common.Address) (*big.Int, error) {
	b, err := m.mor.BalanceOf(call(ctx), account)
	if err != nil {
		return nil, fmt.Errorf("market: read MOR balance: %w", err)
	}
	return b, nil
}

// Model is a registered model.
type Model struct {
	ID          common.Hash
	Name        string // name:tag
	Builder     common.Address
	FeeBps      uint16 // in force now
	ContentHash common.Hash
	// An announced increase (ModelRegistry.FEE_INCREASE_NOTICE): PendingFeeBps in force from PendingFrom
	// (unix seconds); PendingFrom is 0 when none.
	PendingFeeBps uint16
	PendingFrom   uint64
}

// TargetFeeBps is the fee the builder last set: the pending increase if any, else the fee in force.
func (m *Model) TargetFeeBps() uint16 {
	if m.PendingFrom != 0 {
		return m.PendingFeeBps
	}
	return m.FeeBps
}

// Model reads a registered model; ErrUnknownModel if none has this id.
func (m *Market) Model(ctx context.Context, id common.Hash) (*Model, error) {
	ok, err := m.reg.IsRegistered(call(ctx), id)
	if err != nil {
		return nil, fmt.Errorf("market: read model %s: %w", id, err)
	}
	if !ok {
		return nil, fmt.Errorf("%w: %s", ErrUnknownModel, id)
	}
	md, err := m.reg.Model(call(ctx), id)
	if err != nil {
		return nil, fmt.Errorf("market: read model %s: %w", id, err)
	}
	p, err := m.reg.PendingFee(call(ctx), id)
	if err != nil {
		return nil, fmt.Errorf("market: read model %s: %w", id, err)
	}
	out := &Model{ID: id, Name: md.Name, Builder: md.Builder, FeeBps: md.FeeBps, ContentHash: md.ContentHash}
	if p.Pending {
		out.PendingFeeBps, out.PendingFrom = p.FeeBps, p.EffectiveFrom
	}
	return out, nil
}

// Bid is one active bid.
type Bid struct {
	ModelID        common.Hash
	Model          string // name:tag, empty if unknown
	PricePerSecond *big.Int
}

// Bids returns account's active bids, found from its BidPosted events since the deployment block and
// confirmed against the current state.
func (m *Market) Bids(ctx context.Context, account common.Address) ([]Bid, error) {
	it, err := m.mkt.FilterBidPosted(&bind.FilterOpts{Start: m.startBlock, Context: ctx}, []common.Address{account}, nil)
	if err != nil {
		return nil, fmt.Errorf("market: read bid events: %w", err)
	}
	defer it.Close()
	seen := map[common.Hash]bool{}
	var ids []common.Hash
	for it.Next() {
		id := common.Hash(it.Event.ModelId)
		if !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("market: read bid events: %w", err)
	}
	var out []Bid
	for _, id := range ids {
		price, err := m.mkt.Bid(call(ctx), account, id)
		if err != nil {
			return nil, fmt.Errorf("market: read bid: %w", err)
		}
		if price.Sign() == 0 {
			continue
		}
		b := Bid{ModelID: id, PricePerSecond: price}
		if md, err := m.Model(ctx, id); err == nil {
			b.Model = md.Name
		}
		out = append(out, b)
	}
	return out, nil
}

// Claimed returns what ComputePool has paid account so far.
func (m *Market) Claimed(ctx context.Context, account common.Address) (*big.Int, error) {
	c, err := m.pool.Claimed(call(ctx), account)
	if err != nil {
		return nil, fmt.Errorf("market: read claimed: %w", err)
	}
	return c, nil
}

// ClaimableRoot returns the newest claimable settlement root; ok is false when none is claimable yet.
func (m *Market) ClaimableRoot(ctx context.Context) (root common.Hash, epoch uint64, ok bool, err error) {
	e, err := m.pool.ClaimableEpoch(call(ctx))
	if err != nil {
		return common.Hash{}, 0, false, fmt.Errorf("market: read claimableEpoch: %w", err)
	}
	return e.Root, e.Epoch.Uint64(), e.Exists, nil
}

func mor(v *big.Int) string { return amount.FormatMOR(v) }

// BidPrice returns account's current bid on model, in MOR-wei per second (0: none).
func (m *Market) BidPrice(ctx context.Context, account common.Address, model common.Hash) (*big.Int, error) {
	p, err := m.mkt.Bid(call(ctx), account, model)
	if err != nil {
		return nil, fmt.Errorf("market: read bid: %w", err)
	}
	return p, nil
}
