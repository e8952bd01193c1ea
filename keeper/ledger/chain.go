package ledger

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/bindings/modelregistry"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/protocol/ids"
)

// PoolState is what assembling an epoch reads from the ComputePool. RemainingSpend is what today's daily
// spend cap still lets deposits pay (remainingSpend()); nil means no cap (test pools only: every
// ComputePool has one).
type PoolState struct {
	NextEpoch       uint64
	TotalCommitted  uint256.Int
	RemainingBudget uint256.Int
	RemainingSpend  *uint256.Int
	Day             uint64
	LastWithdrawAt  uint64 // the time of the newest withdraw (lastWithdrawAt; 0: none): a spend read before it is refused
}

// EpochOnChain is a live epoch as the ComputePool holds it.
type EpochOnChain struct {
	Root            common.Hash
	CumulativeTotal uint256.Int
	ClaimableAt     uint64
}

// Pool is the ComputePool as the ledger uses it. ChainPool implements it.
type Pool interface {
	Address() common.Address
	State(ctx context.Context) (PoolState, error)
	// Epoch returns a live epoch, or ok false if it is not committed (or was discarded).
	Epoch(ctx context.Context, n uint64) (e EpochOnChain, ok bool, err error)
	// Claimable returns the newest claimable epoch, ok false if none.
	Claimable(ctx context.Context) (epoch uint64, ok bool, err error)
	IsVetoed(ctx context.Context, root common.Hash) (bool, error)
	Claimed(ctx context.Context, account common.Address) (*uint256.Int, error)
	// CommitData and ClaimManyData ABI-encode the calls.
	CommitData(epoch uint64, root common.Hash, total *uint256.Int, spendRoot common.Hash, spent *uint256.Int, readAt uint64,
		batchHash common.Hash, uri string) ([]byte, error)
	ClaimManyData(accounts []common.Address, amounts []*uint256.Int, proofs [][]common.Hash) ([]byte, error)
}

// ChainPool implements Pool over the computepool bindings.
type ChainPool struct {
	addr   common.Address
	caller *computepool.ComputePoolCaller
	abi    *abi.ABI
}

// NewChainPool binds the ComputePool at addr.
func NewChainPool(addr common.Address, backend bind.ContractCaller) (*ChainPool, error) {
	c, err := computepool.NewComputePoolCaller(addr, backend)
	if err != nil {
		return nil, err
	}
	a, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	return &ChainPool{addr: addr, caller: c, abi: a}, nil
}

// Address returns the pool's address.
func (p *ChainPool) Address() common.Address { return p.addr }

// State implements Pool.
func (p *ChainPool) State(ctx context.Context) (PoolState, error) {
	var s PoolState
	opts := &bind.CallOpts{Context: ctx}
	next, err := p.caller.NextEpoch(opts)
	if err != nil {
		return s, err
	}
	total, err := p.caller.TotalCommitted(opts)
	if err != nil {
		return s, err
	}
	rem, err := p.caller.RemainingBudget(opts)
	if err != nil {
		return s, err
	}
	spend, err := p.caller.RemainingSpend(opts)
	if err != nil {
		return s, err
	}
	day, err := p.caller.CurrentDay(opts)
	if err != nil {
		return s, err
	}
	last, err := p.caller.LastWithdrawAt(opts)
	if err != nil {
		return s, err
	}
	s.LastWithdrawAt = uint64(last)
	s.RemainingSpend = new(uint256.Int)
	s.RemainingSpend.SetFromBig(spend)
	s.NextEpoch, s.Day = next.Uint64(), day.Uint64()
	s.TotalCommitted.SetFromBig(total)
	s.RemainingBudget.SetFromBig(rem)
	return s, nil
}

// Epoch implements Pool.
func (p *ChainPool) Epoch(ctx context.Context, n uint64) (EpochOnChain, bool, error) {
	return p.epochAt(&bind.CallOpts{Context: ctx}, n)
}

// EpochAt is Epoch as of the block with hash block (the pool's state after it). Both of its calls name the
// block by hash (EIP-1898), so whichever nodes of a failover client answer them, they answer for that one
// block or fail (a node that does not have it): never for another branch's block at its height, nor one
// call for one block and the other for another. The backend must implement bind.BlockHashContractCaller
// (chain.Client does; without it the read fails).
func (p *ChainPool) EpochAt(ctx context.Context, n uint64, block common.Hash) (EpochOnChain, bool, error) {
	return p.epochAt(&bind.CallOpts{Context: ctx, BlockHash: block}, n)
}

func (p *ChainPool) epochAt(opts *bind.CallOpts, n uint64) (EpochOnChain, bool, error) {
	var e EpochOnChain
	next, err := p.caller.NextEpoch(opts)
	if err != nil {
		return e, false, err
	}
	if n >= next.Uint64() {
		return e, false, nil
	}
	info, err := p.caller.EpochInfo(opts, new(big.Int).SetUint64(n))
	if err != nil {
		return e, false, err
	}
	e.Root = info.Root
	e.CumulativeTotal.SetFromBig(info.CumulativeTotal)
	e.ClaimableAt = info.ClaimableAt
	return e, true, nil
}

// Claimable implements Pool.
func (p *ChainPool) Claimable(ctx context.Context) (uint64, bool, error) {
	r, err := p.caller.ClaimableEpoch(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, false, err
	}
	return r.Epoch.Uint64(), r.Exists, nil
}

// IsVetoed implements Pool.
func (p *ChainPool) IsVetoed(ctx context.Context, root common.Hash) (bool, error) {
	return p.caller.IsVetoed(&bind.CallOpts{Context: ctx}, root)
}

// Claimed implements Pool.
func (p *ChainPool) Claimed(ctx context.Context, a common.Address) (*uint256.Int, error) {
	v, err := p.caller.Claimed(&bind.CallOpts{Context: ctx}, a)
	if err != nil {
		return nil, err
	}
	out, _ := uint256.FromBig(v)
	return out, nil
}

// Calendar implements Allowances.
func (p *ChainPool) Calendar(ctx context.Context) (uint64, uint64, error) {
	start, err := p.caller.PayoutStart(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, 0, err
	}
	interval, err := p.caller.Interval(&bind.CallOpts{Context: ctx})
	if err != nil {
		return 0, 0, err
	}
	return start.Uint64(), interval.Uint64(), nil
}

// Allowance implements Allowances, through chain.PoolAllowance: while the latest block is the day's first
// second the answer is chain.ErrDayJustStarted and the assembly that asked fails and is tried again.
func (p *ChainPool) Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	a, err := chain.PoolAllowance(p.caller, &bind.CallOpts{Context: ctx}, user, day)
	if err != nil {
		return nil, err
	}
	out, overflow := uint256.FromBig(a)
	if overflow {
		return nil, errors.New("ledger: allowance overflows uint256")
	}
	return out, nil
}

// CommitData implements Pool: the credit root and total, and the deposit spend committed with them and the
// time the deposits were read as of.
func (p *ChainPool) CommitData(epoch uint64, root common.Hash, total *uint256.Int, spendRoot common.Hash, spent *uint256.Int,
	readAt uint64, batchHash common.Hash, uri string) ([]byte, error) {
	return p.abi.Pack("commitRoot", new(big.Int).SetUint64(epoch), [32]byte(root), total.ToBig(), [32]byte(spendRoot), spent.ToBig(),
		new(big.Int).SetUint64(readAt), [32]byte(batchHash), uri)
}

// ClaimManyData implements Pool.
func (p *ChainPool) ClaimManyData(accounts []common.Address, amounts []*uint256.Int, proofs [][]common.Hash) ([]byte, error) {
	a := make([]*big.Int, len(amounts))
	for i := range amounts {
		a[i] = amounts[i].ToBig()
	}
	pr := make([][][32]byte, len(proofs))
	for i := range proofs {
		pr[i] = make([][32]byte, len(proofs[i]))
		for j := range proofs[i] {
			pr[i][j] = proofs[i][j]
		}
	}
	return p.abi.Pack("claimMany", accounts, a, pr)
}

// RegistryBackend is what ChainRegistry reads: contract calls, also as of a block named by hash.
type RegistryBackend interface {
	bind.ContractCaller
	bind.BlockHashContractCaller
}

// ChainRegistry implements Registry over the Marketplace and ModelRegistry, with caches of what final
// blocks say (the models' builders, the fees at a session's start), kept until the signer history sees a
// reorg deeper than the confirmations (or Forget, or maxCached), and the routers and the providers'
// signers from a SignerHistory.
type ChainRegistry struct {
	models   *modelregistry.ModelRegistryCaller
	history  *SignerHistory
	mu       sync.Mutex
	reorgs   uint64                         // the history's reorg count the caches were read under
	builders map[common.Hash]common.Address // models registered in a final block (a builder never changes)
	fees     map[feeKey]uint16              // feeAt(model, t) read at a final block later than t
}

type feeKey struct {
	model common.Hash
	at    uint64
}

// maxCached bounds each cache (one entry per model, or per model and start second); past it the cache
// starts over.
const maxCached = 1 << 16

// NewChainRegistry binds the registry contracts and checks that the Marketplace's ROUTER_ROLE is the one
// signers follows; signers answers for the routers and the providers' signer keys, and its final blocks are
// the ones the models and fees are read at.
func NewChainRegistry(ctx context.Context, marketAddr, modelsAddr common.Address, backend RegistryBackend,
	signers *SignerHistory) (*ChainRegistry, error) {
	m, err := marketplace.NewMarketplaceCaller(marketAddr, backend)
	if err != nil {
		return nil, err
	}
	mr, err := modelregistry.NewModelRegistryCaller(modelsAddr, backend)
	if err != nil {
		return nil, err
	}
	role, err := m.ROUTERROLE(&bind.CallOpts{Context: ctx})
	if err != nil {
		return nil, err
	}
	if role != ids.RouterRole {
		return nil, fmt.Errorf("ledger: the Marketplace's ROUTER_ROLE is %x, not keccak256(\"ROUTER_ROLE\")", role)
	}
	return &ChainRegistry{models: mr, history: signers, builders: map[common.Hash]common.Address{},
		fees: map[feeKey]uint16{}}, nil
}

// Forget drops every cached answer (Model drops them too once the signer history sees a deep reorg).
func (r *ChainRegistry) Forget() {
	r.mu.Lock()
	defer r.mu.Unlock()
	clear(r.builders)
	clear(r.fees)
}

// Reorgs is the signer history's count of reorgs deeper than the confirmations, read after a pass of it
// (SignerHistory.Reorgs): the ledger rechecks the pending sessions verified before the count rose.
func (r *ChainRegistry) Reorgs(ctx context.Context) (uint64, error) { return r.history.Reorgs(ctx) }

// ReorgsSeen is that count as the last pass left it, without reading the chain.
func (r *ChainRegistry) ReorgsSeen() uint64 { return r.history.ReorgsSeen() }

// Final is the signer history's (SignerHistory.Final): every answer of the registry was read as of that
// block or one below it, unless the reorg count rose since.
func (r *ChainRegistry) Final() (follow.Block, bool) { return r.history.Final() }

// Holds is the signer history's (SignerHistory.Holds): whether the chain still has block b.
func (r *ChainRegistry) Holds(ctx context.Context, b follow.Block) (bool, error) {
	return r.history.Holds(ctx, b)
}

// IsRouter implements Registry from the signer history (SignerHistory.WasRouter): the role at time at, as
// final blocks say, whatever was granted or revoked since.
func (r *ChainRegistry) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	return r.history.WasRouter(ctx, a, at)
}

// IsProviderSigner implements Registry from the signer history (SignerHistory.WasSigner): the key the
// provider's newest signer event at or before at set, as final blocks say, whatever it registered since
// (settle.SignerAt).
func (r *ChainRegistry) IsProviderSigner(ctx context.Context, provider, signer common.Address, at uint64) (bool, error) {
	return r.history.WasSigner(ctx, provider, signer, at)
}

// Model implements Registry, as of the signer history's final block past at (SignerHistory.FinalBlock;
// ErrSignersNotFinal until the chain is final past at, as for the roles, which Verify asks about at first):
//   - the model is known if registered in that block or below (a registration is never undone below it); one
//     registered only above it (a session starting before its model existed) waits until its registration is
//     final, an error; one registered nowhere, not even at the newest block, is unknown.
//   - the fee is feeAt(id, at) read at that block. Every fee change takes effect at or after its own block's
//     time, so the fee at at read at any block later than at is the same, whatever the builder did since;
//     read at a final one, a reorg the confirmations allow for cannot take back a change in force at at (a
//     decrease in a block just before it), so every keeper, and a guard checking a keeper, get the same answer.
//
// Both answers are cached until the signer history sees a reorg deeper than the confirmations (it syncs
// when its answer is freshFinal old, also for a cached answer, so within that time of the next call), which
// may have taken the block they were read at: a fee decrease in force at at before the reorg and not after
// it must not stay cached for this keeper alone. Read by hash: a failover to a node on another branch
// answers a read by number for another block.
func (r *ChainRegistry) Model(ctx context.Context, id common.Hash, at uint64) (common.Address, uint16, bool, error) {
	b, reorgs, err := r.history.finalBlock(ctx, at)
	if err != nil {
		return common.Address{}, 0, false, err
	}
	r.mu.Lock()
	if reorgs > r.reorgs { // a reorg deeper than the confirmations may have taken what the caches were read at
		clear(r.builders)
		clear(r.fees)
		r.reorgs = reorgs
	}
	builder, known := r.builders[id]
	fee, final := r.fees[feeKey{id, at}]
	r.mu.Unlock()
	if known && final {
		return builder, fee, true, nil
	}
	asOf := &bind.CallOpts{Context: ctx, BlockHash: b.Hash}
	if !known {
		m, err := r.models.Model(asOf, id)
		switch {
		case err == nil:
			builder = m.Builder
		case !isRevert(err):
			return common.Address{}, 0, false, fmt.Errorf("model as of final block %d: %w", b.Number, err)
		default:
			// UnknownModel(id) as of the final block: registered since, or never.
			_, err := r.models.Model(&bind.CallOpts{Context: ctx}, id)
			switch {
			case err == nil:
				return common.Address{}, 0, false, fmt.Errorf("%w: model registered above final block %d, session started at %d",
					ErrSignersNotFinal, b.Number, at)
			case isRevert(err):
				return common.Address{}, 0, false, nil
			default:
				return common.Address{}, 0, false, err
			}
		}
		r.mu.Lock()
		if reorgs == r.reorgs { // not read under a count a later call has moved past
			if len(r.builders) >= maxCached {
				clear(r.builders)
			}
			r.builders[id] = builder
		}
		r.mu.Unlock()
	}
	fee, err = r.models.FeeAt(asOf, id, at)
	if err != nil {
		return common.Address{}, 0, false, fmt.Errorf("fee at %d as of final block %d: %w", at, b.Number, err)
	}
	r.mu.Lock()
	if reorgs == r.reorgs {
		if len(r.fees) >= maxCached {
			clear(r.fees)
		}
		r.fees[feeKey{id, at}] = fee
	}
	r.mu.Unlock()
	return builder, fee, true, nil
}

// isRevert reports whether err is a node's "execution reverted" answer: JSON-RPC error code 3, revert data
// (0x-hex) attached, or a message saying so. Any other JSON-RPC error — an RPC provider's "internal
// error", "rate limit exceeded", a load balancer's complaint — is NOT a revert: it says nothing about the
// call, so treating it as one would reject a valid session (unknown model) or abandon a good epoch.
func isRevert(err error) bool {
	if err == nil {
		return false
	}
	var ce rpc.Error
	if errors.As(err, &ce) && ce.ErrorCode() == 3 {
		return true
	}
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok && strings.HasPrefix(s, "0x") {
			return true
		}
	}
	return strings.Contains(strings.ToLower(err.Error()), "revert")
}
