package ledger

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Paid usage (PROTOCOL §4, protocol/README.md "Deposit spend"): what the allowance does not cover of a
// session whose RFC says useDeposit is charged to its user's deposit, never beyond depositOf(user) minus
// the user's cumulative spend, as of the epoch's deposit read (epochDeposits: the later of the cutoff and
// the newest withdrawal, the same for every keeper). A user with a withdrawal request pending then is
// charged to its deposit only for sessions that started before the request.

// Deposits is what charging reads of the users' deposits (ChainDeposits implements it).
type Deposits interface {
	// DepositsRead returns readAt, the later of at and the time of the newest withdrawal paid (at itself
	// when withdrawals is false), and every user who deposited in the blocks with a timestamp at most
	// readAt, with its depositOf and pending withdrawal request as of the newest such block.
	DepositsRead(ctx context.Context, at uint64, withdrawals bool) (accounts map[common.Address]*DepositAccount, readAt uint64, err error)
}

// DepositAccount is one user's deposit as of a block.
type DepositAccount struct {
	Deposit     uint256.Int // depositOf(user)
	RequestedAt uint64      // when its pending withdrawal request was made (block time); 0: none
	FundedAt    uint64      // when depositOf last rose from zero (block time; ComputePool's fundedAt)
}

// DepositBook is what charging reads and updates of the deposits: each depositor's account as of the
// epoch's block, every user's cumulative spend so far (updated as sessions are charged), and SpendLeft,
// what today's daily spend cap still lets deposits pay (ComputePool.remainingSpend; nil: no cap), which
// charging lowers: a session whose deposit charge does not fit in it is deferred (ChargeSessions).
type DepositBook struct {
	Accounts  map[common.Address]*DepositAccount
	Spent     map[common.Address]*uint256.Int
	SpendLeft *uint256.Int
	// ReadAt is the block time the accounts were read as of (commitRoot's depositsReadAt).
	ReadAt uint64
}

// fitsCap reports whether the spend cap still lets deposits pay amount.
func (b *DepositBook) fitsCap(amount *uint256.Int) bool {
	return b == nil || b.SpendLeft == nil || !amount.Gt(b.SpendLeft)
}

// takeCap lowers what the spend cap has left by amount (which fits).
func (b *DepositBook) takeCap(amount *uint256.Int) {
	if b != nil && b.SpendLeft != nil {
		b.SpendLeft.Sub(b.SpendLeft, amount)
	}
}

// source returns the deposit source of session s, if its RFC consents and a withdrawal request made
// before it started does not hold the deposit; why says why not.
func (b *DepositBook) source(s *Session) (src source, why string) {
	if !s.UseDeposit {
		return src, "the RFC does not say useDeposit"
	}
	acc := b.account(s.User)
	if acc == nil {
		return src, "no deposit"
	}
	if acc.RequestedAt != 0 && s.StartedAt >= acc.RequestedAt {
		return src, "the session started after a pending withdrawal request"
	}
	spent := b.Spent[s.User]
	if spent == nil {
		spent = new(uint256.Int)
		b.Spent[s.User] = spent
	}
	return source{limit: &acc.Deposit, used: spent, deposit: true}, "deposit used up"
}

func (b *DepositBook) account(u common.Address) *DepositAccount {
	if b == nil {
		return nil
	}
	return b.Accounts[u]
}

// spendTree returns the spend leaves (every depositor and every user who ever spent, sorted by user), their
// total and the tree's root: zero when nothing was ever spent (PROTOCOL §4: spendRoot is zero exactly then).
func (b *DepositBook) spendTree() ([]store.SpendLeaf, uint256.Int, common.Hash, error) {
	var total uint256.Int
	users := map[common.Address]bool{}
	for u := range b.Accounts {
		users[u] = true
	}
	for u := range b.Spent {
		users[u] = true
	}
	leaves := make([]store.SpendLeaf, 0, len(users))
	for u := range users {
		var amount uint256.Int
		if s := b.Spent[u]; s != nil {
			amount = *s
		}
		leaves = append(leaves, store.SpendLeaf{User: u, Amount: amount})
		total.Add(&total, &amount)
	}
	slices.SortFunc(leaves, func(x, y store.SpendLeaf) int { return bytes.Compare(x.User[:], y.User[:]) })
	if total.IsZero() {
		return leaves, total, common.Hash{}, nil
	}
	tree, err := SpendTree(leaves)
	if err != nil {
		return nil, total, common.Hash{}, err
	}
	return leaves, total, tree.Root(), nil
}

// SpendTree builds the spend tree of leaves: the StandardMerkleTree of (address user, uint256
// cumulativeSpent), encoded like the credit tree.
func SpendTree(leaves []store.SpendLeaf) (*merkle.Tree, error) {
	entries := make([]merkle.Entry, len(leaves))
	for i := range leaves {
		entries[i] = merkle.Entry{Account: leaves[i].User, Amount: leaves[i].Amount}
	}
	return merkle.Build(entries)
}

// SpendProof returns user's cumulative spend and its proof in the spend tree of the newest epoch that is
// claimable on-chain (the root ComputePool.withdraw checks); store.ErrNotFound when that tree has no leaf
// for user (it deposited after the epoch's deposits were read: the pool needs no proof of it there). The
// claimable epoch is read from the chain at most once per poll interval (claimableForProofs), its spend
// from the store once (spendOfClaimable): anyone may ask for any address, and a request costs no database read.
func (l *Ledger) SpendProof(ctx context.Context, user common.Address) (*wire.SpendProof, error) {
	out := &wire.SpendProof{User: user, CumulativeSpent: new(uint256.Int), Proof: []common.Hash{}}
	n, ok, err := l.claimableForProofs(ctx)
	if err != nil || !ok {
		return out, err
	}
	out.Claimable, out.Epoch = true, n
	spend, err := l.spendOfClaimable(ctx, n)
	if err != nil {
		return nil, err
	}
	out.SpendRoot = spend.root
	if spend.tree == nil {
		return out, nil
	}
	proof, amount, err := spend.tree.Proof(user)
	if errors.Is(err, merkle.ErrNotFound) {
		return nil, fmt.Errorf("%w: %s has no leaf in the spend tree of epoch %d", store.ErrNotFound, user, n)
	}
	if err != nil {
		return nil, err
	}
	out.CumulativeSpent = &amount
	if proof != nil {
		out.Proof = proof
	}
	return out, nil
}

// claimableForProofs is the pool's newest claimable epoch for SpendProof, read from the chain once per poll
// interval and shared by every request meanwhile (an error is not kept): anyone may ask GET /v1/spend for
// any address, and each read is an eth_call to the node the keeper settles through. A proof is thus at
// most one poll interval behind the chain, as the pipeline itself is.
func (l *Ledger) claimableForProofs(ctx context.Context) (uint64, bool, error) {
	l.claimableMu.Lock()
	defer l.claimableMu.Unlock()
	now := l.cfg.Now()
	if c := &l.claimableRead; !c.at.IsZero() && now.Sub(c.at) < l.cfg.PollInterval && !now.Before(c.at) {
		return c.epoch, c.ok, nil
	}
	n, ok, err := l.pool.Claimable(ctx)
	if err != nil {
		return 0, false, err
	}
	l.claimableRead.at, l.claimableRead.epoch, l.claimableRead.ok = now, n, ok
	return n, ok, nil
}

// spendProofs is what withdrawal proofs need of a claimable epoch's spend: its root and tree (nil: the
// epoch spent nothing), the tree of every depositor's leaf.
type spendProofs struct {
	epoch uint64
	gen   uint64 // spendGen when it was read
	root  common.Hash
	tree  *merkle.Tree
}

// spendOfClaimable returns the spend of live epoch n for proofs, read from the store and built once, then
// kept while n is the claimable epoch asked for: the cache is checked before any database read. A claimable
// epoch's spend does not change (only a rollback, which bumps spendGen, discards a live epoch).
func (l *Ledger) spendOfClaimable(ctx context.Context, n uint64) (*spendProofs, error) {
	l.spendMu.Lock()
	defer l.spendMu.Unlock()
	gen := l.spendGen.Load()
	if c := l.spendProofs; c != nil && c.epoch == n && c.gen == gen {
		return c, nil
	}
	l.spendReads.Add(1)
	spend, err := l.store.SpendOfEpoch(ctx, n)
	if err != nil {
		return nil, err
	}
	c := &spendProofs{epoch: n, gen: gen, root: spend.Root}
	if !spend.Total.IsZero() {
		if c.tree, err = SpendTree(spend.Leaves); err != nil {
			return nil, err
		}
	}
	l.spendProofs = c
	return c, nil
}

// Spend returns what deposits paid as of live epoch n: its spend tree's leaves and root, and the deposit
// charges of its sessions.
func (l *Ledger) Spend(ctx context.Context, n uint64) (*store.Spend, error) {
	return l.store.SpendOfEpoch(ctx, n)
}
