package market

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
)

// maxEndpointLength mirrors Marketplace.MAX_ENDPOINT_LENGTH.
const maxEndpointLength = 256

// RegisterOptions are the inputs of Register.
type RegisterOptions struct {
	Endpoint string
	Signer   common.Address
	// SignerKey signs the SignerClaim proving the owner holds Signer (a keystore key or clef); it may be nil
	// only when Signer is the owner itself, whose transaction is the proof.
	SignerKey keys.TypedSigner
	Stake     *big.Int
	// Approve sends approve + register (two transactions) instead of one registerWithPermit
	// carrying an ERC-2612 permit signed off-chain.
	Approve bool
}

// Register registers the sender as a provider, staking opts.Stake MOR.
func (m *Market) Register(ctx context.Context, s *Sender, opts RegisterOptions) ([]*Result, error) {
	owner := s.From()
	if err := checkEndpoint(opts.Endpoint); err != nil {
		return nil, err
	}
	if opts.Signer == (common.Address{}) {
		return nil, fmt.Errorf("register: no signer address: create one with `provider keys create --role signer` and pass --signer")
	}
	p, err := m.Provider(ctx, owner)
	if err != nil {
		return nil, err
	}
	if p.Registered {
		return nil, fmt.Errorf("register: %w: %s is registered with %s staked; use `provider stake add` to add stake",
			ErrAlreadyRegistered, owner, mor(p.Stake))
	}
	params, err := m.Params(ctx)
	if err != nil {
		return nil, err
	}
	if opts.Stake == nil || opts.Stake.Cmp(params.MinProviderStake) < 0 {
		return nil, fmt.Errorf("register: %w: %s < %s; pass --stake %s or more",
			ErrStakeBelowMinimum, mor(opts.Stake), mor(params.MinProviderStake), mor(params.MinProviderStake))
	}
	if err := m.checkBalance(ctx, owner, opts.Stake, "register"); err != nil {
		return nil, err
	}
	proof, err := m.signerProof(ctx, owner, opts.Signer, opts.SignerKey, "register")
	if err != nil {
		return nil, err
	}
	if !opts.Approve {
		deadline := big.NewInt(time.Now().Add(time.Hour).Unix())
		v, r, sig, err := m.signPermit(ctx, s, m.MarketplaceAddr, opts.Stake, deadline)
		if err != nil {
			return nil, err
		}
		res, err := m.send(ctx, s, "registerWithPermit", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return m.mkt.RegisterWithPermit(o, opts.Endpoint, opts.Signer, proof, opts.Stake, deadline, v, r, sig)
		})
		return results(res), err
	}
	out, err := m.approve(ctx, s, opts.Stake)
	if err != nil || s.DryRun && len(out) > 0 {
		// On a dry run the register call cannot be estimated before the approval exists.
		return out, err
	}
	res, err := m.send(ctx, s, "register", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.Register(o, opts.Endpoint, opts.Signer, proof, opts.Stake)
	})
	return append(out, results(res)...), err
}

// UpdateOptions are the inputs of UpdateProvider: the zero value of a field keeps what is registered.
type UpdateOptions struct {
	Endpoint string
	Signer   common.Address
	// SignerKey signs the SignerClaim for a new Signer (see RegisterOptions.SignerKey); unused when the signer
	// stays.
	SignerKey keys.TypedSigner
}

// UpdateProvider moves the sender's registration to a new endpoint and/or signer key (the Marketplace's
// updateProvider): a signer rotation, e.g. away from a leaked hot key. It returns ErrNothingToUpdate when
// both already are as registered.
func (m *Market) UpdateProvider(ctx context.Context, s *Sender, opts UpdateOptions) (*Result, error) {
	owner := s.From()
	p, err := m.requireRegistered(ctx, owner, "update")
	if err != nil {
		return nil, err
	}
	if opts.Endpoint == "" {
		opts.Endpoint = p.Endpoint
	} else if err := checkEndpoint(opts.Endpoint); err != nil {
		return nil, err
	}
	if opts.Signer == (common.Address{}) {
		opts.Signer = p.Signer
	}
	if opts.Endpoint == p.Endpoint && opts.Signer == p.Signer {
		return nil, fmt.Errorf("update: %w: endpoint %s and signer %s are the registered ones", ErrNothingToUpdate, p.Endpoint, p.Signer)
	}
	var proof []byte
	if opts.Signer != p.Signer {
		if proof, err = m.signerProof(ctx, owner, opts.Signer, opts.SignerKey, "update"); err != nil {
			return nil, err
		}
	}
	return m.send(ctx, s, "updateProvider", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.UpdateProvider(o, opts.Endpoint, opts.Signer, proof)
	})
}

// signerProof has key sign the SignerClaim that binds signer to owner in the Marketplace (protocol/README.md
// "Signer claim"): without it register and updateProvider revert InvalidSignerProof, so that no one can claim
// another provider's key first. A signer that is the owner needs none.
func (m *Market) signerProof(ctx context.Context, owner, signer common.Address, key keys.TypedSigner, action string) ([]byte, error) {
	// A key another provider holds would revert SignerInUse: say so before anything is signed or sent (with
	// --approve, the approval would be sent first).
	if other, err := m.mkt.ProviderOfSigner(call(ctx), signer); err != nil {
		return nil, fmt.Errorf("%s: read providerOfSigner: %w", action, err)
	} else if other != (common.Address{}) && other != owner {
		return nil, fmt.Errorf("%s: %w: %s is the signer of provider %s; create another signer key", action, ErrSignerInUse, signer, other)
	}
	if signer == owner {
		return nil, nil
	}
	if key == nil {
		return nil, fmt.Errorf("%s: the signer key %s must sign its claim (SignerClaim) and none was given", action, signer)
	}
	if key.Address() != signer {
		return nil, fmt.Errorf("%s: the signer key given is %s, not the signer %s", action, key.Address(), signer)
	}
	d := eip712.NewDomain(m.chainID, m.MarketplaceAddr)
	sig, err := key.SignTyped(ctx, d, &eip712.SignerClaim{Provider: owner, Signer: signer})
	if err != nil {
		return nil, fmt.Errorf("%s: the signer key signs its claim: %w", action, err)
	}
	return sig[:], nil
}

// AddStake adds amt MOR to the sender's stake (approve + addStake when the allowance is short).
func (m *Market) AddStake(ctx context.Context, s *Sender, amt *big.Int) ([]*Result, error) {
	if amt == nil || amt.Sign() <= 0 {
		return nil, fmt.Errorf("stake add: %w", ErrZeroAmount)
	}
	owner := s.From()
	if _, err := m.requireRegistered(ctx, owner, "stake add"); err != nil {
		return nil, err
	}
	if err := m.checkBalance(ctx, owner, amt, "stake add"); err != nil {
		return nil, err
	}
	deadline := big.NewInt(time.Now().Add(time.Hour).Unix())
	v, r, sig, err := m.signPermit(ctx, s, m.MarketplaceAddr, amt, deadline)
	if err != nil {
		return nil, err
	}
	res, err := m.send(ctx, s, "addStakeWithPermit", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.AddStakeWithPermit(o, amt, deadline, v, r, sig)
	})
	return results(res), err
}

// RequestUnstake starts unbonding amt of the sender's active stake.
func (m *Market) RequestUnstake(ctx context.Context, s *Sender, amt *big.Int) (*Result, error) {
	if amt == nil || amt.Sign() <= 0 {
		return nil, fmt.Errorf("unstake request: %w", ErrZeroAmount)
	}
	owner := s.From()
	p, err := m.requireRegistered(ctx, owner, "unstake request")
	if err != nil {
		return nil, err
	}
	if amt.Cmp(p.Stake) > 0 {
		return nil, fmt.Errorf("unstake request: %w: asked %s, active stake is %s", ErrInsufficientStake, mor(amt), mor(p.Stake))
	}
	return m.send(ctx, s, "requestUnstake", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.RequestUnstake(o, amt)
	})
}

// Withdraw pays out the sender's pending unstake once the unbonding period is over.
func (m *Market) Withdraw(ctx context.Context, s *Sender) (*Result, *big.Int, error) {
	owner := s.From()
	p, err := m.Provider(ctx, owner)
	if err != nil {
		return nil, nil, err
	}
	if p.PendingUnstake == nil || p.PendingUnstake.Sign() == 0 {
		return nil, nil, fmt.Errorf("unstake withdraw: %w: %s has no pending unstake; run `provider unstake request` first", ErrNothingToWithdraw, owner)
	}
	head, err := m.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("unstake withdraw: read latest block: %w", err)
	}
	if head.Time < p.UnlockAt {
		return nil, nil, fmt.Errorf("unstake withdraw: %w: %s unlocks at %s (in %s)", ErrUnbonding, mor(p.PendingUnstake),
			time.Unix(int64(p.UnlockAt), 0).UTC().Format(time.RFC3339), time.Duration(p.UnlockAt-head.Time)*time.Second)
	}
	res, err := m.send(ctx, s, "withdraw", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.Withdraw(o)
	})
	return res, p.PendingUnstake, err
}

// PostBid posts (or replaces) the sender's bid on model name:tag.
func (m *Market) PostBid(ctx context.Context, s *Sender, model string, price *big.Int) (*Result, error) {
	if _, _, err := SplitModel(model); err != nil {
		return nil, fmt.Errorf("bid set: %w", err)
	}
	owner := s.From()
	p, err := m.requireRegistered(ctx, owner, "bid set")
	if err != nil {
		return nil, err
	}
	id, err := m.checkModel(ctx, model, "bid set")
	if err != nil {
		return nil, err
	}
	params, err := m.Params(ctx)
	if err != nil {
		return nil, err
	}
	if p.Stake.Cmp(params.MinProviderStake) < 0 {
		return nil, fmt.Errorf("bid set: %w: active stake %s < %s; run `provider stake add`", ErrNotMatchable, mor(p.Stake), mor(params.MinProviderStake))
	}
	if price == nil || price.Cmp(params.MinPrice) < 0 || price.Cmp(params.MaxPrice) > 0 {
		return nil, fmt.Errorf("bid set: %w: %s wei/s is outside [%s, %s] wei/s (%s/s to %s/s)", ErrPriceOutOfBounds,
			price, params.MinPrice, params.MaxPrice, mor(params.MinPrice), mor(params.MaxPrice))
	}
	return m.send(ctx, s, "postBid", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.PostBid(o, id, price)
	})
}

// DeleteBid removes the sender's bid on model name:tag.
func (m *Market) DeleteBid(ctx context.Context, s *Sender, model string) (*Result, error) {
	if _, _, err := SplitModel(model); err != nil {
		return nil, fmt.Errorf("bid delete: %w", err)
	}
	id := ids.ModelID(model)
	// No pre-flight read: the bid() view hides the bids of an unmatchable provider (below the minimum
	// stake), which may still delete them. The contract's own NoBid revert is the check.
	res, err := m.send(ctx, s, "deleteBid", m.MarketplaceAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mkt.DeleteBid(o, id)
	})
	if re := (*keys.RevertError)(nil); errors.As(err, &re) && re.Name == "NoBid" {
		return nil, fmt.Errorf("bid delete: %w: %s has no bid on %s; `provider status` lists your bids", ErrNoBid, s.From(), model)
	}
	return res, err
}

// RegisterModel registers name:tag (a model or an agent) in the ModelRegistry with the sender as builder.
// A name not yet owned is claimed in two steps (the registry's commit-reveal, which keeps a front-runner
// from claiming a name it sees in a pending registration): commitName with a random salt, a wait until the
// commitment may be revealed at the pending block, then register with the salt, estimated at the pending
// block and tried again with the same salt while refused as too new (see commitName, waitRevealable and
// reveal; a commitment is sent once per call, never anew). Claiming it also burns the
// registry's name fee: the sender must hold it, and an approval is sent first when its allowance to the
// registry is short. A further tag of a name the sender owns is one register. On a dry run, the approval and
// the commitment are estimated, and the register that would follow is listed without an estimate (it needs
// the commitment on chain).
func (m *Market) RegisterModel(ctx context.Context, s *Sender, name, tag string, contentHash common.Hash, feeBps uint16, kind wire.ModelKind) ([]*Result, error) {
	if contentHash == (common.Hash{}) {
		return nil, fmt.Errorf("model register: content hash is zero: give the sha2-256 digest of the weights' IPFS CID (0x + 64 hex digits)")
	}
	maxFee, err := m.reg.MAXFEEBPS(call(ctx))
	if err != nil {
		return nil, fmt.Errorf("model register: read MAX_FEE_BPS: %w", err)
	}
	if feeBps > maxFee {
		return nil, fmt.Errorf("model register: fee %d bps is above the maximum %d bps", feeBps, maxFee)
	}
	id := ids.ModelID(name + ":" + tag)
	if ok, err := m.reg.IsRegistered(call(ctx), id); err != nil {
		return nil, fmt.Errorf("model register: %w", err)
	} else if ok {
		return nil, fmt.Errorf("model register: %s:%s is already registered (id %s)", name, tag, id)
	}
	owner, err := m.reg.NameOwner(call(ctx), name)
	if err != nil {
		return nil, fmt.Errorf("model register: %w", err)
	}
	if owner != (common.Address{}) && owner != s.From() {
		return nil, fmt.Errorf("model register: the name %q belongs to %s; pick another name", name, owner)
	}
	if owner != (common.Address{}) { // a further tag of the sender's name: no commitment
		res, err := m.send(ctx, s, "registerModel", m.RegistryAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return m.reg.Register(o, name, tag, contentHash, feeBps, uint8(kind), [32]byte{})
		})
		return results(res), err
	}
	out, err := m.payNameFee(ctx, s)
	if err != nil {
		return out, err
	}
	res, salt, c, err := m.commitName(ctx, s, name)
	if out = append(out, results(res)...); err != nil {
		return out, err
	}
	if s.DryRun {
		return append(out, &Result{Estimate: Estimate{Action: "registerModel", From: s.From(), To: m.RegistryAddr}, DryRun: true,
			Note: "sent once commitName is mined, from a later block on; estimated then"}), nil
	}
	deadline := time.Now().Add(commitWait)
	if err := m.waitRevealable(ctx, c, deadline); err != nil {
		return out, err
	}
	reveals, err := m.reveal(ctx, s, deadline, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.regPending.Register(o, name, tag, contentHash, feeBps, uint8(kind), salt)
	})
	out = append(out, reveals...)
	if re := (*keys.RevertError)(nil); errors.As(err, &re) {
		switch re.Name {
		case "CommitmentExpired":
			err = fmt.Errorf("%w: the name's commitment expired before its reveal was mined; running the command again sends a new commitment (with a new salt)", err)
		case "CommitmentTooNew", "NameNotCommitted":
			err = fmt.Errorf("%w: the reveal was still refused after %s (the chain's block number did not pass the commitment's, or the node does not yet have it); running the command again sends a new commitment (with a new salt)", err, commitWait)
		case "NameOwnedByOther":
			err = fmt.Errorf("%w: another builder claimed the name %q first (it had committed earlier); pick another name", err, name)
		}
	}
	return out, err
}

// Waiting for a name commitment to become revealable: how often the registry is read (and a refused reveal
// tried again), and for how long in all.
var (
	commitPoll = 2 * time.Second
	commitWait = 5 * time.Minute
)

// commitName sends commitName for the sender's claim of name with a fresh random salt, and returns the salt
// and the commitment. The name is sent to no node before the reveal: the commitment is computed here, and the
// wait reads it by its hash. A commitName refused because the commitment is already recorded (a front-runner
// copied it from the mempool: it binds the sender, so only the sender can reveal it) counts as recorded.
func (m *Market) commitName(ctx context.Context, s *Sender, name string) (*Result, [32]byte, common.Hash, error) {
	var salt [32]byte
	if _, err := rand.Read(salt[:]); err != nil {
		return nil, salt, common.Hash{}, fmt.Errorf("model register: draw the commitment's salt: %w", err)
	}
	c := ids.NameCommitment(name, s.From(), salt)
	res, err := m.send(ctx, s, "commitName", m.RegistryAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.reg.CommitName(o, c)
	})
	if re := (*keys.RevertError)(nil); errors.As(err, &re) && re.Name == "CommitmentExists" {
		err = nil
	}
	return res, salt, c, err
}

// waitRevealable polls the registry every commitPoll, at the pending block (the one a reveal sent now may be
// mined in), until commitment c may be revealed there: recorded in an earlier block (on Arbitrum, where
// block.number is the L1 block number, the wait lasts until the chain reports a later L1 block). A
// commitment read as absent is polled on too (the node read may be behind the one that gave commitName's
// receipt). It gives up at deadline.
func (m *Market) waitRevealable(ctx context.Context, c common.Hash, deadline time.Time) error {
	for {
		st, err := m.reg.CommitmentOf(&bind.CallOpts{Context: ctx, Pending: true}, c)
		if err != nil {
			return fmt.Errorf("model register: read the name commitment %s: %w", c, err)
		}
		switch {
		case st.Revealable:
			return nil
		case time.Now().After(deadline) && st.BlockNumber == 0:
			return fmt.Errorf("model register: the name commitment %s, mined, was still not in the registry as the node reads it after %s; running the command again sends a new commitment (with a new salt)", c, commitWait)
		case time.Now().After(deadline):
			return fmt.Errorf("model register: the name commitment %s (recorded at block number %d) was still too new to reveal after %s: the chain's block number did not move past it; running the command again sends a new commitment (with a new salt)",
				c, st.BlockNumber, commitWait)
		}
		if err := pollPause(ctx); err != nil {
			return fmt.Errorf("model register: waiting for the name commitment %s: %w", c, err)
		}
	}
}

// reveal sends the register that reveals a name commitment, estimated at the pending block (build uses
// regPending). A reveal refused as too new (the node runs it at a block whose number is the commitment's) or
// its commitment not found (a node behind) is tried again, with the same salt, every commitPoll until
// deadline; it never commits anew. Every mined reveal is returned, a reverted one too.
func (m *Market) reveal(ctx context.Context, s *Sender, deadline time.Time, build func(*bind.TransactOpts) (*types.Transaction, error)) ([]*Result, error) {
	var out []*Result
	for {
		res, err := m.send(ctx, s, "registerModel", m.RegistryAddr, build)
		out = append(out, results(res)...)
		re := (*keys.RevertError)(nil)
		if !errors.As(err, &re) || re.Name != "CommitmentTooNew" && re.Name != "NameNotCommitted" || time.Now().After(deadline) {
			return out, err
		}
		if perr := pollPause(ctx); perr != nil {
			return out, fmt.Errorf("%w (waiting to try again: %w)", err, perr)
		}
	}
}

// pollPause waits commitPoll, or until ctx ends (its error).
func pollPause(ctx context.Context) error {
	t := time.NewTimer(commitPoll)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// payNameFee makes sure the sender can pay the registry's fee for a new name: it holds the MOR and the
// registry may burn it (an approval is sent when the allowance is short).
func (m *Market) payNameFee(ctx context.Context, s *Sender) ([]*Result, error) {
	fee, err := m.reg.NameFee(call(ctx))
	if err != nil {
		return nil, fmt.Errorf("model register: read the name fee: %w", err)
	}
	if fee.Sign() == 0 {
		return nil, nil
	}
	if err := m.checkBalance(ctx, s.From(), fee, "model register (name fee)"); err != nil {
		return nil, err
	}
	return m.approveTo(ctx, s, m.RegistryAddr, fee)
}

// SetBuilderFee changes the fee of one of the sender's models.
func (m *Market) SetBuilderFee(ctx context.Context, s *Sender, model string, feeBps uint16) (*Result, error) {
	id, err := m.checkModel(ctx, model, "set builder fee")
	if err != nil {
		return nil, err
	}
	md, err := m.Model(ctx, id)
	if err != nil {
		return nil, err
	}
	if md.Builder != s.From() {
		return nil, fmt.Errorf("set builder fee: %s belongs to builder %s, not %s", model, md.Builder, s.From())
	}
	return m.send(ctx, s, "setBuilderFee", m.RegistryAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.reg.SetBuilderFee(o, id, feeBps)
	})
}

// Claim submits proof to ComputePool.claim, paying account what it is owed.
func (m *Market) Claim(ctx context.Context, s *Sender, proof *wire.Proof) (*Result, *big.Int, error) {
	if proof == nil || proof.CumulativeAmount == nil {
		return nil, nil, fmt.Errorf("claim: %w: the keeper returned no amount", ErrNothingToClaim)
	}
	root, _, ok, err := m.ClaimableRoot(ctx)
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, fmt.Errorf("claim: %w: try again after the keeper's first root passes its dispute window", ErrNoClaimableRoot)
	}
	if root != proof.Root {
		return nil, nil, fmt.Errorf("claim: %w: the proof is for root %s, the chain's claimable root is %s; fetch a fresh proof (the keeper may be ahead of the dispute window)",
			ErrProofMismatch, proof.Root, root)
	}
	claimed, err := m.Claimed(ctx, proof.Account)
	if err != nil {
		return nil, nil, err
	}
	cum := proof.CumulativeAmount.ToBig()
	if cum.Cmp(claimed) <= 0 {
		return nil, nil, fmt.Errorf("claim: %w: %s earned %s in total and has claimed %s", ErrNothingToClaim, proof.Account, mor(cum), mor(claimed))
	}
	due := new(big.Int).Sub(cum, claimed)
	p := make([][32]byte, len(proof.Proof))
	for i, h := range proof.Proof {
		p[i] = h
	}
	res, err := m.send(ctx, s, "claim", m.PoolAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.pool.Claim(o, proof.Account, cum, p)
	})
	return res, due, err
}

func (m *Market) checkModel(ctx context.Context, model, action string) (common.Hash, error) {
	if _, _, err := SplitModel(model); err != nil {
		return common.Hash{}, fmt.Errorf("%s: %w", action, err)
	}
	id := ids.ModelID(model)
	ok, err := m.reg.IsRegistered(call(ctx), id)
	if err != nil {
		return common.Hash{}, fmt.Errorf("%s: read model registry: %w", action, err)
	}
	if !ok {
		return common.Hash{}, fmt.Errorf("%s: %w: %s (id %s) is not in the ModelRegistry; its builder registers it with `provider model register`",
			action, ErrUnknownModel, model, id)
	}
	return id, nil
}

// requireRegistered reads owner's registration, refused (notRegistered, naming action) when there is none.
func (m *Market) requireRegistered(ctx context.Context, owner common.Address, action string) (*Provider, error) {
	p, err := m.Provider(ctx, owner)
	if err != nil {
		return nil, err
	}
	if !p.Registered {
		return nil, notRegistered(owner, action)
	}
	return p, nil
}

func notRegistered(owner common.Address, action string) error {
	return fmt.Errorf("%s: %w: %s; run `provider register --endpoint <url> --signer <address> --stake <MOR>` first", action, ErrNotRegistered, owner)
}

func (m *Market) checkBalance(ctx context.Context, owner common.Address, need *big.Int, action string) error {
	bal, err := m.MORBalance(ctx, owner)
	if err != nil {
		return err
	}
	if bal.Cmp(need) < 0 {
		return fmt.Errorf("%s: %w: %s holds %s but %s is needed; transfer MOR to it first", action, ErrInsufficientMOR, owner, mor(bal), mor(need))
	}
	return nil
}

func (m *Market) approve(ctx context.Context, s *Sender, amt *big.Int) ([]*Result, error) {
	return m.approveTo(ctx, s, m.MarketplaceAddr, amt)
}

// approveTo approves amt MOR to spender unless the sender's allowance already covers it.
func (m *Market) approveTo(ctx context.Context, s *Sender, spender common.Address, amt *big.Int) ([]*Result, error) {
	cur, err := m.mor.Allowance(call(ctx), s.From(), spender)
	if err != nil {
		return nil, fmt.Errorf("approve: read allowance: %w", err)
	}
	if cur.Cmp(amt) >= 0 {
		return nil, nil
	}
	res, err := m.send(ctx, s, "approve", m.TokenAddr, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return m.mor.Approve(o, spender, amt)
	})
	return results(res), err
}

// signPermit signs, through the Sender's signer, an ERC-2612 permit of value MOR for spender under the
// token's own EIP-712 domain (keys.SignPermit).
func (m *Market) signPermit(ctx context.Context, s *Sender, spender common.Address, value, deadline *big.Int) (uint8, [32]byte, [32]byte, error) {
	return keys.SignPermit(ctx, s.Signer, m.mor, spender, value, deadline)
}

func checkEndpoint(endpoint string) error {
	if !wire.IsHTTPURL(endpoint) {
		return fmt.Errorf("register: endpoint %q is not an http(s) URL; pass the public base URL of `provider serve`, e.g. https://node.example.com", endpoint)
	}
	if len(endpoint) > maxEndpointLength {
		return fmt.Errorf("register: endpoint is %d bytes, the limit is %d", len(endpoint), maxEndpointLength)
	}
	return nil
}

func results(r *Result) []*Result {
	if r == nil {
		return nil
	}
	return []*Result{r}
}
