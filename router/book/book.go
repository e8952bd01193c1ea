// Package book is the market's state as the router sees it — providers (stake, pending unstake, signer and
// its history with block times, endpoint), bids, models (with builder and fee), market parameters, the
// routers holding ROUTER_ROLE and the settlement epochs committed to the ComputePool — rebuilt by folding
// the Marketplace, ModelRegistry and ComputePool events in chain order (PROTOCOL §5: "the router rebuilds
// its whole order book from events alone"). A State is mutated by one goroutine (the indexer);
// Snapshot freezes it into an immutable, per-model, price-sorted order book that request handlers share.
package book

import (
	"errors"
	"fmt"
	"math/big"
	"sort"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/match"
)

// Provider is a provider's on-chain record.
type Provider struct {
	Address        common.Address `json:"address"`
	Signer         common.Address `json:"signer"`
	Endpoint       string         `json:"endpoint"`
	Stake          *uint256.Int   `json:"stake"`
	PendingUnstake *uint256.Int   `json:"pendingUnstake"`
	UnlockAt       uint64         `json:"unlockAt,string"`
	Registered     bool           `json:"registered"`
	Slashed        *uint256.Int   `json:"slashed"`
}

// Model is a registered model.
type Model struct {
	ID          common.Hash    `json:"modelId"`
	Name        string         `json:"name"` // "name:tag"
	Builder     common.Address `json:"builder"`
	FeeBps      uint16         `json:"builderFeeBps"` // in force (see At)
	ContentHash common.Hash    `json:"contentHash"`
	Kind        wire.ModelKind `json:"kind"` // model or agent
	// An announced increase (ModelRegistry.FEE_INCREASE_NOTICE): PendingFeeBps in force from PendingFrom
	// (unix seconds); 0 when none.
	PendingFeeBps uint16 `json:"pendingBuilderFeeBps,omitempty"`
	PendingFrom   uint64 `json:"pendingBuilderFeeFrom,omitempty,string"`
}

// At returns m as of time t (unix seconds): an announced increase whose time has come is in force.
func (m Model) At(t uint64) Model {
	if m.PendingFrom != 0 && t >= m.PendingFrom {
		m.FeeBps, m.PendingFeeBps, m.PendingFrom = m.PendingFeeBps, 0, 0
	}
	return m
}

// Params are the Marketplace parameters in force.
type Params struct {
	MinProviderStake *uint256.Int
	MinPrice         *uint256.Int
	MaxPrice         *uint256.Int
}

// Contracts are the addresses whose logs the fold understands. ComputePool may be zero (no epochs).
type Contracts struct {
	Marketplace   common.Address
	ModelRegistry common.Address
	ComputePool   common.Address
}

// Epoch is one root committed to the ComputePool (RootCommitted), marked Vetoed once a RootVetoed event
// discarded it. A vetoed epoch number is committed again with a new root: both records are kept.
type Epoch struct {
	Epoch           uint64       `json:"epoch,string"`
	Root            common.Hash  `json:"root"`
	CumulativeTotal *uint256.Int `json:"cumulativeTotal"`
	Delta           *uint256.Int `json:"delta"`
	Day             uint64       `json:"day,string"`
	ClaimableAt     uint64       `json:"claimableAt,string"`
	BatchHash       common.Hash  `json:"batchHash"`
	URI             string       `json:"uri"`
	Vetoed          bool         `json:"vetoed"`
	Block           uint64       `json:"block,string"`
	TxHash          common.Hash  `json:"txHash"`
	// The deposit spend committed with it (SpendCommitted; nil when no deposit was ever spent).
	DepositFunded   *uint256.Int `json:"depositFunded,omitempty"`   // the part of Delta paid from deposits
	CumulativeSpent *uint256.Int `json:"cumulativeSpent,omitempty"` // every deposit's spend so far
}

// MaxSnapshotEpochs bounds the epochs a Snapshot carries (the newest commits).
const MaxSnapshotEpochs = 256

// Topics returns the event signatures the fold uses, for an eth_getLogs topic filter: every Marketplace
// and ModelRegistry event, and the ComputePool's RootCommitted, RootVetoed, deposit and spend-cap events
// (not its per-account claims).
func Topics() ([]common.Hash, error) {
	var out []common.Hash
	for _, md := range []*bind.MetaData{marketplace.MarketplaceMetaData, modelregistry.ModelRegistryMetaData} {
		a, err := md.GetAbi()
		if err != nil {
			return nil, fmt.Errorf("book: %w", err)
		}
		for _, ev := range a.Events {
			out = append(out, ev.ID)
		}
	}
	pa, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	out = append(out, pa.Events["RootCommitted"].ID, pa.Events["RootVetoed"].ID)
	for _, name := range depositEvents {
		out = append(out, pa.Events[name].ID)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Cmp(out[j]) < 0 })
	return out, nil
}

// ErrUnknownLog is returned by Apply for a log of another contract or an event the fold does not use;
// callers may ignore it.
var ErrUnknownLog = errors.New("book: log not part of the book")

// State is the folded market state. Not safe for concurrent use.
type State struct {
	contracts Contracts
	mkt       *marketplace.MarketplaceFilterer
	reg       *modelregistry.ModelRegistryFilterer
	pool      *computepool.ComputePoolFilterer
	mktIDs    map[common.Hash]string
	regIDs    map[common.Hash]string
	poolIDs   map[common.Hash]string

	Providers map[common.Address]*Provider
	Bids      map[common.Address]map[common.Hash]*uint256.Int
	Models    map[common.Hash]*Model
	Routers   map[common.Address]bool
	Params    Params
	Epochs    []*Epoch   // in commit order
	Deposits  *Deposits  // shared with the snapshots (deposits.go)
	SpendCaps []SpendCap // the daily spend cap's schedule, by day (deposits.go)
	// Every provider's signer history (ProviderRegistered, ProviderUpdated: block, block time, key), in
	// chain order, an event that keeps the key in force left out: one entry per key the provider bound.
	// Append-only, so snapshots share the slices.
	Signers map[common.Address][]settle.SignerSet
}

// NewState returns an empty state for the given contracts.
func NewState(c Contracts) (*State, error) {
	mkt, err := marketplace.NewMarketplaceFilterer(c.Marketplace, nil)
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	reg, err := modelregistry.NewModelRegistryFilterer(c.ModelRegistry, nil)
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	mabi, err := marketplace.MarketplaceMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	rabi, err := modelregistry.ModelRegistryMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	pool, err := computepool.NewComputePoolFilterer(c.ComputePool, nil)
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	pabi, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, fmt.Errorf("book: %w", err)
	}
	return &State{
		contracts: c, mkt: mkt, reg: reg, pool: pool, mktIDs: eventIDs(mabi), regIDs: eventIDs(rabi), poolIDs: eventIDs(pabi),
		Providers: map[common.Address]*Provider{},
		Bids:      map[common.Address]map[common.Hash]*uint256.Int{},
		Models:    map[common.Hash]*Model{},
		Routers:   map[common.Address]bool{},
		Signers:   map[common.Address][]settle.SignerSet{},
		Params:    Params{MinProviderStake: new(uint256.Int), MinPrice: new(uint256.Int), MaxPrice: new(uint256.Int)},
		Deposits:  newDeposits(),
	}, nil
}

func eventIDs(a *abi.ABI) map[common.Hash]string {
	m := make(map[common.Hash]string, len(a.Events))
	for name, ev := range a.Events {
		m[ev.ID] = name
	}
	return m
}

// Apply folds one log into the state. Logs must come in chain order. A removed log (reorg notice) is an
// error: the indexer handles reorgs by rebuilding.
func (s *State) Apply(l *types.Log) error {
	if l.Removed {
		return errors.New("book: removed log")
	}
	if len(l.Topics) == 0 {
		return ErrUnknownLog
	}
	switch l.Address {
	case s.contracts.Marketplace:
		return s.applyMarketplace(l, s.mktIDs[l.Topics[0]])
	case s.contracts.ModelRegistry:
		return s.applyRegistry(l, s.regIDs[l.Topics[0]])
	}
	if l.Address == s.contracts.ComputePool && l.Address != (common.Address{}) {
		return s.applyPool(l, s.poolIDs[l.Topics[0]])
	}
	return ErrUnknownLog
}

func (s *State) applyPool(l *types.Log, name string) error {
	var err error
	switch name {
	case "RootCommitted":
		var e *computepool.ComputePoolRootCommitted
		if e, err = s.pool.ParseRootCommitted(*l); err == nil {
			if !e.Epoch.IsUint64() || !e.Day.IsUint64() {
				return fmt.Errorf("book: RootCommitted: epoch or day out of range")
			}
			s.Epochs = append(s.Epochs, &Epoch{Epoch: e.Epoch.Uint64(), Root: e.Root, CumulativeTotal: u(e.CumulativeTotal), Delta: u(e.Delta),
				Day: e.Day.Uint64(), ClaimableAt: e.ClaimableAt, BatchHash: e.BatchHash, URI: e.Uri, Block: l.BlockNumber, TxHash: l.TxHash})
		}
	case "RootVetoed":
		var e *computepool.ComputePoolRootVetoed
		if e, err = s.pool.ParseRootVetoed(*l); err == nil {
			// Epochs [epoch, discardedThrough] are discarded: their live (newest, not yet vetoed) commits.
			from, through := e.Epoch, e.DiscardedThrough
			for i := len(s.Epochs) - 1; i >= 0; i-- {
				x := s.Epochs[i]
				n := new(big.Int).SetUint64(x.Epoch)
				if x.Vetoed || n.Cmp(from) < 0 || n.Cmp(through) > 0 {
					continue
				}
				x.Vetoed = true
			}
			s.Deposits.resetSpent(s.Epochs)
		}
	default:
		return s.applyDeposit(l, name)
	}
	if err != nil {
		return fmt.Errorf("book: decode %s: %w", name, err)
	}
	return nil
}

func u(b *big.Int) *uint256.Int {
	v, _ := uint256.FromBig(b) // event values are uint256: never overflow
	return v
}

func (s *State) provider(a common.Address) *Provider {
	p, ok := s.Providers[a]
	if !ok {
		p = &Provider{Address: a, Stake: new(uint256.Int), PendingUnstake: new(uint256.Int), Slashed: new(uint256.Int)}
		s.Providers[a] = p
	}
	return p
}

func (s *State) applyMarketplace(l *types.Log, name string) error {
	var err error
	switch name {
	case "ProviderRegistered":
		var e *marketplace.MarketplaceProviderRegistered
		if e, err = s.mkt.ParseProviderRegistered(*l); err == nil {
			p := s.provider(e.Provider)
			p.Registered, p.Endpoint, p.Stake = true, e.Endpoint, u(e.Stake)
			err = s.signerSet(l)
		}
	case "ProviderUpdated":
		var e *marketplace.MarketplaceProviderUpdated
		if e, err = s.mkt.ParseProviderUpdated(*l); err == nil {
			s.provider(e.Provider).Endpoint = e.Endpoint
			err = s.signerSet(l)
		}
	case "StakeAdded":
		var e *marketplace.MarketplaceStakeAdded
		if e, err = s.mkt.ParseStakeAdded(*l); err == nil {
			s.provider(e.Provider).Stake = u(e.Stake)
		}
	case "UnstakeRequested":
		var e *marketplace.MarketplaceUnstakeRequested
		if e, err = s.mkt.ParseUnstakeRequested(*l); err == nil {
			p := s.provider(e.Provider)
			p.Stake, p.PendingUnstake, p.UnlockAt = u(e.Stake), u(e.PendingUnstake), e.UnlockAt
		}
	case "Withdrawn":
		var e *marketplace.MarketplaceWithdrawn
		if e, err = s.mkt.ParseWithdrawn(*l); err == nil {
			p := s.provider(e.Provider)
			p.PendingUnstake, p.UnlockAt = new(uint256.Int), 0
		}
	case "Slashed":
		var e *marketplace.MarketplaceSlashed
		if e, err = s.mkt.ParseSlashed(*l); err == nil {
			p := s.provider(e.Provider)
			p.Stake, p.PendingUnstake = u(e.Stake), u(e.PendingUnstake)
			p.Slashed = new(uint256.Int).Add(p.Slashed, u(e.Amount))
			if p.PendingUnstake.IsZero() {
				p.UnlockAt = 0
			}
		}
	case "BidPosted":
		var e *marketplace.MarketplaceBidPosted
		if e, err = s.mkt.ParseBidPosted(*l); err == nil {
			m := s.Bids[e.Provider]
			if m == nil {
				m = map[common.Hash]*uint256.Int{}
				s.Bids[e.Provider] = m
			}
			m[e.ModelId] = u(e.PricePerSecond)
		}
	case "BidDeleted":
		var e *marketplace.MarketplaceBidDeleted
		if e, err = s.mkt.ParseBidDeleted(*l); err == nil {
			delete(s.Bids[e.Provider], e.ModelId)
		}
	case "ParamsSet":
		var e *marketplace.MarketplaceParamsSet
		if e, err = s.mkt.ParseParamsSet(*l); err == nil {
			s.Params = Params{MinProviderStake: u(e.MinProviderStake), MinPrice: u(e.MinPrice), MaxPrice: u(e.MaxPrice)}
		}
	case "RoleGranted", "RoleRevoked":
		var account common.Address
		var held, ok bool // ok false: another role's
		if account, held, ok, err = chain.RouterRoleEvent(*l); ok && held {
			s.Routers[account] = true
		} else if ok {
			delete(s.Routers, account)
		}
	default:
		return ErrUnknownLog
	}
	if err != nil {
		return fmt.Errorf("book: decode %s: %w", name, err)
	}
	return nil
}

// NeedsTime reports whether the fold needs l's block time (Log.BlockTimestamp): a provider signer event
// (chain.SignerEvent), which the signer history keeps with its time. The indexer reads the time of those
// blocks.
func (s *State) NeedsTime(l *types.Log) bool {
	if l.Address != s.contracts.Marketplace {
		return false
	}
	_, _, ok, _ := chain.SignerEvent(*l)
	return ok
}

// signerSet makes the key l, a provider signer event, binds (chain.SignerEvent) its provider's signer, and
// appends it to the provider's signer history unless it is the key already in force (an endpoint change):
// settle.SignerAt answers the same without it.
func (s *State) signerSet(l *types.Log) error {
	provider, set, _, err := chain.SignerEvent(*l)
	if err != nil {
		return err
	}
	s.provider(provider).Signer = set.Signer
	h := s.Signers[provider]
	if len(h) > 0 && h[len(h)-1].Signer == set.Signer {
		return nil
	}
	s.Signers[provider] = append(h, set)
	return nil
}

func (s *State) applyRegistry(l *types.Log, name string) error {
	var err error
	switch name {
	case "ModelRegistered":
		var e *modelregistry.ModelRegistryModelRegistered
		if e, err = s.reg.ParseModelRegistered(*l); err == nil {
			s.Models[e.ModelId] = &Model{ID: e.ModelId, Name: e.Name + ":" + e.Tag, Builder: e.Builder, FeeBps: e.FeeBps, ContentHash: e.ContentHash, Kind: wire.ModelKind(e.Kind)}
		}
	case "BuilderFeeSet":
		var e *modelregistry.ModelRegistryBuilderFeeSet
		if e, err = s.reg.ParseBuilderFeeSet(*l); err == nil {
			if m := s.Models[e.ModelId]; m != nil {
				// previousFeeBps is the fee in force at the event's block; a change replaces any pending one.
				m.FeeBps, m.PendingFeeBps, m.PendingFrom = e.FeeBps, 0, 0
				if e.FeeBps > e.PreviousFeeBps { // an increase: in force only from effectiveFrom
					m.FeeBps, m.PendingFeeBps, m.PendingFrom = e.PreviousFeeBps, e.FeeBps, e.EffectiveFrom
				}
			}
		}
	default:
		return ErrUnknownLog
	}
	if err != nil {
		return fmt.Errorf("book: decode %s: %w", name, err)
	}
	return nil
}

// Matchable reports whether p may be matched: registered with a non-zero active stake >= minProviderStake
// (a fully unstaked provider never is, even before the book has seen the parameters).
func (s *State) Matchable(p *Provider) bool { return Matchable(p, s.Params) }

// Matchable is the rule of State.Matchable for a provider record and the parameters in force.
func Matchable(p *Provider, params Params) bool {
	return p.Registered && !p.Stake.IsZero() && !p.Stake.Lt(params.MinProviderStake)
}

// Snapshot is an immutable view of the book. Safe for concurrent use.
type Snapshot struct {
	Block     uint64                                // last indexed block
	Offers    map[common.Hash][]match.Offer         // per model, matchable providers' bids within bounds, SortOffers order
	Models    map[common.Hash]Model                 // every registered model
	Providers map[common.Address]Provider           // every provider ever seen
	Signers   map[common.Address][]settle.SignerSet // provider → its signer history, oldest first (settle.SignerAt)
	Routers   map[common.Address]bool
	Params    Params
	Epochs    []Epoch // the newest MaxSnapshotEpochs commits, in commit order (oldest first)
	Deposits  *Deposits
	SpendCaps []SpendCap // the daily spend cap's schedule (LowestSpendCap)
}

// Snapshot freezes the state at block.
func (s *State) Snapshot(block uint64) *Snapshot {
	snap := &Snapshot{
		Block:     block,
		Offers:    map[common.Hash][]match.Offer{},
		Models:    make(map[common.Hash]Model, len(s.Models)),
		Providers: make(map[common.Address]Provider, len(s.Providers)),
		Signers:   make(map[common.Address][]settle.SignerSet, len(s.Signers)),
		Routers:   make(map[common.Address]bool, len(s.Routers)),
		Params:    Params{new(uint256.Int).Set(s.Params.MinProviderStake), new(uint256.Int).Set(s.Params.MinPrice), new(uint256.Int).Set(s.Params.MaxPrice)},
		Deposits:  s.Deposits,
		SpendCaps: s.SpendCaps, // replaced, never written into (setSpendCap)
	}
	for id, m := range s.Models {
		snap.Models[id] = *m
	}
	eps := s.Epochs[max(0, len(s.Epochs)-MaxSnapshotEpochs):]
	snap.Epochs = make([]Epoch, len(eps))
	for i, e := range eps {
		snap.Epochs[i] = *e
		snap.Epochs[i].CumulativeTotal, snap.Epochs[i].Delta = e.CumulativeTotal.Clone(), e.Delta.Clone()
		if e.DepositFunded != nil {
			snap.Epochs[i].DepositFunded, snap.Epochs[i].CumulativeSpent = e.DepositFunded.Clone(), e.CumulativeSpent.Clone()
		}
	}
	for a := range s.Routers {
		snap.Routers[a] = true
	}
	for a, h := range s.Signers {
		snap.Signers[a] = h[:len(h):len(h)] // later appends never write into the snapshot's part
	}
	for a, p := range s.Providers {
		cp := *p
		cp.Stake, cp.PendingUnstake, cp.Slashed = p.Stake.Clone(), p.PendingUnstake.Clone(), p.Slashed.Clone()
		snap.Providers[a] = cp
		if !s.Matchable(p) {
			continue
		}
		for model, price := range s.Bids[a] {
			if _, ok := s.Models[model]; !ok || price.Lt(s.Params.MinPrice) || price.Gt(s.Params.MaxPrice) {
				continue
			}
			snap.Offers[model] = append(snap.Offers[model], match.Offer{Provider: a, Signer: p.Signer, Endpoint: p.Endpoint, Price: *price, Stake: *p.Stake})
		}
	}
	for _, offers := range snap.Offers {
		match.SortOffers(offers)
	}
	return snap
}

// Bids returns a provider's bids as model → price, sorted by model id (for reports).
func (s *Snapshot) BidsOf(provider common.Address) []match.Offer {
	var out []match.Offer
	for _, offers := range s.Offers {
		for _, o := range offers {
			if o.Provider == provider {
				out = append(out, o)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Price.Lt(&out[j].Price) })
	return out
}
