// Re-checking a committed epoch's batch file against the chain (keeper check-batch): what the guardian runs
// within the dispute window before it lets a root become claimable, and anyone else may.

package ledger

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// The checks of a batch file, in the order BatchChecker.Check runs them.
const (
	CheckDeployment = "deployment" // chainId and computePool are the deployment's
	CheckTrees      = "trees"      // root, cumulativeTotal, spendRoot and cumulativeSpent follow from the leaves
	CheckOnChain    = "on-chain"   // the pool's epoch holds the file's root, totals, spend root and read
	CheckFunding    = "funding"    // no spend leaf charges a user funded after the read (CheckSpendFunding)
	CheckSessions   = "sessions"   // every session record passes the keeper's own verification (Verifier.Verify)
	CheckCredits    = "credits"    // every account's cumulative credit follows from the previous live epoch's file and this file's verified sessions

	// CheckCommitted (BatchChecker.CheckCommitted, on the file's bytes): its keccak256 is the batchHash of the
	// commit of the pool's live root of its epoch.
	CheckCommitted = "committed"
)

// BatchCheck is the outcome of one check: ok when Problems is empty; Notes say what was compared when that
// is not obvious (the read the pool kept).
type BatchCheck struct {
	Name     string   `json:"name"`
	Problems []string `json:"problems"`
	Notes    []string `json:"notes,omitempty"`

	unanswered int   // how many of Problems say the chain could not answer a read (couldNot): no finding about the file
	withheld   error // one of those says an earlier epoch's committed file could not be obtained: why
}

// Withheld returns why an earlier live epoch's committed batch file, which the check needs, could not be
// obtained (wrapping ErrEarlierWithheld and the fetch's own error), nil when it was: the keeper's to
// serve, not a read the chain did not answer. keeper guard treats the epoch then as one whose own file is
// withheld, a fetch that got no answer counting only as its own would.
func (c *BatchCheck) Withheld() error { return c.withheld }

// OK reports whether the check found nothing wrong.
func (c *BatchCheck) OK() bool { return len(c.Problems) == 0 }

// Findings returns the problems found in the file itself: Problems less those saying the chain could not
// answer a read (RPC down, blocks not final yet), which show nothing wrong with the file. keeper guard
// vetoes a root on findings only and checks again later when a read went unanswered.
func (c *BatchCheck) Findings() int { return len(c.Problems) - c.unanswered }

func (c *BatchCheck) problem(format string, args ...any) {
	c.Problems = append(c.Problems, fmt.Sprintf(format, args...))
}

// ErrEarlierWithheld: an earlier live epoch's committed batch file could not be obtained (unreachable, or
// not the bytes committed): the credits check cannot be made without it.
var ErrEarlierWithheld = errors.New("an earlier epoch's committed batch file could not be obtained")

// couldNot records a problem that is a read the chain could not answer (not a finding: Findings).
func (c *BatchCheck) couldNot(format string, args ...any) {
	c.problem(format, args...)
	c.unanswered++
}

// BatchChecker re-checks batch files against the chain: the deployment's chain id and ComputePool, the
// pool's live epochs (Caller), the deposits as final blocks hold them (Deposits) and the records'
// signatures and on-chain roles (Verifier, the keeper's own). One goroutine at a time uses it (it keeps
// what it read of earlier epochs' files).
type BatchChecker struct {
	ChainID  uint64
	Pool     common.Address
	Caller   bind.ContractCaller
	Deposits *ChainDeposits
	Verifier *Verifier

	// Logs, when set, reads the pool's RootCommitted events for CheckCommitted, from block Start, MaxRange
	// blocks per eth_getLogs (2000 if zero); nil: the file's keccak256 is not compared.
	Logs     ChainBackend
	Start    uint64
	MaxRange uint64

	// Fetch, when set (with Logs), reads the earlier live epochs' batch files at their commits' uris for the
	// credits check, which compares every account's credit with the previous epoch's and every session with
	// those the earlier epochs credited; nil: the credits check is not made.
	Fetch func(ctx context.Context, uri string) ([]byte, error)
	// Keep, when set, keeps every committed file obtained on disk and reads it from there before fetching
	// (ObtainCommitted); nil: nothing is kept on disk.
	Keep *KeptFiles

	// History keeps what the credits check read of the earlier epochs' files (nil: a MemoryHistory).
	History History

	past    map[uint64]*pastEpoch                               // History's marks, and the newest file read
	failed  map[commitKey]error                                 // earlier files not obtained since ForgetFailedFetches
	cal     *Calendar                                           // the pool's calendar (immutable)
	commits map[commitKey]*computepool.ComputePoolRootCommitted // liveCommit's events up to block scanned
	allowed map[UserDay]*uint256.Int                            // allowances read (fixed once their day has begun)
	scanned uint64
}

// CheckCommitted compares keccak256(raw), the bytes bf was read from, with the batchHash of the commit of the
// pool's live root of epoch bf.Epoch (LiveCommit). A mismatch is a problem of its own: the file is not the
// one committed (altered on the way, or another file), so nothing in it is evidence against the keeper. An
// epoch not live on the pool is not compared (the on-chain check reports it). It also returns that commit's
// event (nil when not read), whose time CommitTime reads without looking for the event again.
func (c *BatchChecker) CheckCommitted(ctx context.Context, raw []byte, bf *BatchFile) (BatchCheck, *computepool.ComputePoolRootCommitted) {
	out := BatchCheck{Name: CheckCommitted}
	if c.Logs == nil {
		out.Notes = append(out.Notes, "not compared: no log reader")
		return out, nil
	}
	ev, err := c.LiveCommit(ctx, bf.Epoch)
	switch {
	case errors.Is(err, errNotLive):
		out.Notes = append(out.Notes, fmt.Sprintf("not compared: epoch %d is not live on the pool", bf.Epoch))
	case err != nil:
		out.couldNot("%v", err)
	case common.Hash(ev.BatchHash) != crypto.Keccak256Hash(raw):
		out.problem("the file is not the one committed: its keccak256 is %s, the batchHash of epoch %d's commit of root %s (block %d) is %s",
			crypto.Keccak256Hash(raw).Hex(), bf.Epoch, common.Hash(ev.Root).Hex(), ev.Raw.BlockNumber, common.Hash(ev.BatchHash).Hex())
	default:
		out.Notes = append(out.Notes, fmt.Sprintf("keccak256 %s is the batchHash of epoch %d's commit (block %d)",
			common.Hash(ev.BatchHash).Hex(), bf.Epoch, ev.Raw.BlockNumber))
	}
	return out, ev
}

// errNotLive: LiveCommit's epoch is not live on the pool (never committed, or discarded by a veto).
var errNotLive = errors.New("not live on the pool")

// LiveCommit returns the RootCommitted event of the commit of the root the pool holds for epoch now (an
// epoch vetoed and committed again has several commit events; only the live root's names its file), looked
// for from the newest block back. Every error but errNotLive is a read the chain did not answer (or no such
// event from block Start on).
func (c *BatchChecker) LiveCommit(ctx context.Context, epoch uint64) (*computepool.ComputePoolRootCommitted, error) {
	pool, err := NewChainPool(c.Pool, c.Caller)
	if err != nil {
		return nil, fmt.Errorf("pool: %w", err)
	}
	logs, err := computepool.NewComputePoolFilterer(c.Pool, c.Logs)
	if err != nil {
		return nil, fmt.Errorf("pool: %w", err)
	}
	info, live, err := pool.Epoch(ctx, epoch)
	if err != nil {
		return nil, fmt.Errorf("could not read the pool's epoch %d: %w", epoch, err)
	}
	if !live {
		return nil, fmt.Errorf("epoch %d: %w", epoch, errNotLive)
	}
	n := new(big.Int).SetUint64(epoch)
	head, err := c.Logs.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("could not read the chain's head: %w", err)
	}
	span := c.MaxRange
	if span == 0 {
		span = 2000
	}
	for to := head.Number.Uint64(); ; {
		from := c.Start
		if to >= from+span {
			from = to - span + 1
		}
		it, err := logs.FilterRootCommitted(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, []*big.Int{n}, [][32]byte{info.Root})
		if err != nil {
			return nil, fmt.Errorf("could not read RootCommitted(%d) in blocks %d-%d: %w", epoch, from, to, err)
		}
		var ev *computepool.ComputePoolRootCommitted
		for it.Next() {
			ev = it.Event // the newest in the range
		}
		err = it.Error()
		_ = it.Close()
		switch {
		case err != nil:
			return nil, fmt.Errorf("could not read RootCommitted(%d) in blocks %d-%d: %w", epoch, from, to, err)
		case ev != nil:
			return ev, nil
		case from <= c.Start:
			return nil, fmt.Errorf("no RootCommitted event of epoch %d and root %s from block %d on", epoch, info.Root.Hex(), c.Start)
		}
		to = from - 1
	}
}

// CommitTime returns the block time of ev, the commit of the root the pool holds for its epoch (LiveCommit,
// CheckCommitted; nil: not read), its header read by number and taken only if it is the event's block (not
// another branch's): Check's committedAt.
func (c *BatchChecker) CommitTime(ctx context.Context, ev *computepool.ComputePoolRootCommitted) (uint64, error) {
	if ev == nil {
		return 0, errors.New("the epoch's commit was not read")
	}
	epoch := ev.Epoch.Uint64()
	h, err := c.Logs.HeaderByNumber(ctx, new(big.Int).SetUint64(ev.Raw.BlockNumber))
	switch {
	case err != nil:
		return 0, fmt.Errorf("could not read epoch %d's commit block %d: %w", epoch, ev.Raw.BlockNumber, err)
	case h.Hash() != ev.Raw.BlockHash:
		return 0, fmt.Errorf("epoch %d's commit block %d is no longer on the chain read", epoch, ev.Raw.BlockNumber)
	}
	return h.Time, nil
}

// Check runs every check on bf, whose commit's block has time committedAt (0: not known), and returns each
// one's outcome (every problem found, not only the first). A check the chain could not answer (RPC down,
// blocks not final yet) is a problem too, saying so: the file is not shown sound.
func (c *BatchChecker) Check(ctx context.Context, bf *BatchFile, committedAt uint64) []BatchCheck {
	dep := BatchCheck{Name: CheckDeployment}
	if bf.ChainID != c.ChainID {
		dep.problem("chainId %d, the deployment's is %d", bf.ChainID, c.ChainID)
	}
	if bf.ComputePool != c.Pool {
		dep.problem("computePool %s, the deployment's is %s", bf.ComputePool.Hex(), c.Pool.Hex())
	}
	trees := BatchCheck{Name: CheckTrees}
	checkTrees(bf, &trees)
	onChain := BatchCheck{Name: CheckOnChain}
	readAt := c.checkOnChain(ctx, bf, &onChain)
	funding := BatchCheck{Name: CheckFunding}
	c.checkFunding(ctx, bf, readAt, &funding)
	sessions := BatchCheck{Name: CheckSessions}
	verified := c.checkSessions(ctx, bf, committedAt, &sessions)
	credits := BatchCheck{Name: CheckCredits}
	if sessions.unanswered > 0 {
		credits.couldNot("not compared: %d session records could not be verified", sessions.unanswered)
	} else {
		c.checkCredits(ctx, bf, verified, readAt, &credits)
	}
	return []BatchCheck{dep, trees, onChain, funding, sessions, credits}
}

// checkTrees rebuilds the credit tree from bf.Leaves and the spend tree from bf.Spend with the keeper's own
// tree code (merkle.Build, SpendTree) and compares roots and sums with what the file states.
func checkTrees(bf *BatchFile, c *BatchCheck) {
	entries := make([]merkle.Entry, 0, len(bf.Leaves))
	var total uint256.Int
	for i, lf := range bf.Leaves {
		if lf.Amount == nil {
			c.problem("leaf %d (%s) has no cumulativeAmount", i, lf.Account.Hex())
			continue
		}
		entries = append(entries, merkle.Entry{Account: lf.Account, Amount: *lf.Amount})
		if _, over := total.AddOverflow(&total, lf.Amount); over {
			c.problem("the leaves' amounts overflow 256 bits")
		}
	}
	if tree, err := merkle.Build(entries); err != nil {
		c.problem("credit tree: %v", err)
	} else if tree.Root() != bf.Root {
		c.problem("root %s, the leaves give %s", bf.Root.Hex(), tree.Root().Hex())
	}
	if total.Dec() != bf.CumulativeTotal {
		c.problem("cumulativeTotal %s, the leaves sum to %s", bf.CumulativeTotal, total.Dec())
	}

	var spent uint256.Int
	for _, lf := range bf.Spend {
		if _, over := spent.AddOverflow(&spent, &lf.Amount); over {
			c.problem("the spend leaves overflow 256 bits")
		}
	}
	if spent.Dec() != bf.CumulativeSpent {
		c.problem("cumulativeSpent %s, the spend leaves sum to %s", bf.CumulativeSpent, spent.Dec())
	}
	switch {
	case spent.IsZero() && bf.SpendRoot != (common.Hash{}):
		c.problem("spendRoot %s, but nothing was ever spent (it must be zero)", bf.SpendRoot.Hex())
	case spent.IsZero():
	default:
		if tree, err := SpendTree(bf.Spend); err != nil {
			c.problem("spend tree: %v", err)
		} else if tree.Root() != bf.SpendRoot {
			c.problem("spendRoot %s, the spend leaves give %s", bf.SpendRoot.Hex(), tree.Root().Hex())
		}
	}
}

// checkOnChain compares the file with the pool's live epoch bf.Epoch (epochInfo, spendInfo) and returns the
// deposit read the pool keeps for it (bf.DepositsReadAt when the chain could not say).
func (c *BatchChecker) checkOnChain(ctx context.Context, bf *BatchFile, out *BatchCheck) uint64 {
	readAt := bf.DepositsReadAt
	if bf.ComputePool != c.Pool {
		out.problem("not compared: the file names another pool")
		return readAt
	}
	opts := &bind.CallOpts{Context: ctx}
	pool, err := NewChainPool(c.Pool, c.Caller)
	if err != nil {
		out.couldNot("pool: %v", err)
		return readAt
	}
	next, err := pool.caller.NextEpoch(opts)
	if err != nil {
		out.couldNot("could not read the pool's nextEpoch: %v", err)
		return readAt
	}
	if vetoed, err := pool.IsVetoed(ctx, bf.Root); err != nil {
		out.couldNot("could not read isVetoed: %v", err)
	} else if vetoed {
		out.problem("root %s was vetoed", bf.Root.Hex())
	}
	if bf.Epoch >= next.Uint64() {
		out.problem("epoch %d is not live on the pool (next epoch %d): never committed, or discarded by a veto", bf.Epoch, next.Uint64())
		return readAt
	}
	n := new(big.Int).SetUint64(bf.Epoch)
	info, err := pool.caller.EpochInfo(opts, n)
	if err != nil {
		out.couldNot("could not read epochInfo(%d): %v", bf.Epoch, err)
		return readAt
	}
	spend, err := pool.caller.SpendInfo(opts, n)
	if err != nil {
		out.couldNot("could not read spendInfo(%d): %v", bf.Epoch, err)
		return readAt
	}
	if common.Hash(info.Root) != bf.Root {
		out.problem("root %s, the pool's epoch %d holds %s", bf.Root.Hex(), bf.Epoch, common.Hash(info.Root).Hex())
	}
	if info.CumulativeTotal.String() != bf.CumulativeTotal {
		out.problem("cumulativeTotal %s, the pool holds %s", bf.CumulativeTotal, info.CumulativeTotal)
	}
	if common.Hash(spend.SpendRoot) != bf.SpendRoot {
		out.problem("spendRoot %s, the pool holds %s", bf.SpendRoot.Hex(), common.Hash(spend.SpendRoot).Hex())
	}
	if spend.CumulativeSpent.String() != bf.CumulativeSpent {
		out.problem("cumulativeSpent %s, the pool holds %s", bf.CumulativeSpent, spend.CumulativeSpent)
	}
	kept := spend.DepositsReadAt
	switch {
	case kept == bf.DepositsReadAt:
		out.Notes = append(out.Notes, fmt.Sprintf("depositsReadAt %d: the pool keeps the stated read", kept))
	case kept < bf.DepositsReadAt:
		out.problem("depositsReadAt %d, the pool keeps %d (earlier than the stated read)", bf.DepositsReadAt, kept)
	case bf.Epoch == 0:
		out.problem("depositsReadAt %d, the pool keeps %d for epoch 0 (no previous read to keep)", bf.DepositsReadAt, kept)
	default:
		prev, err := pool.caller.SpendInfo(opts, new(big.Int).SetUint64(bf.Epoch-1))
		switch {
		case err != nil:
			out.couldNot("could not read spendInfo(%d): %v", bf.Epoch-1, err)
		case prev.DepositsReadAt != kept:
			out.problem("depositsReadAt %d, the pool keeps %d, neither it nor epoch %d's read %d", bf.DepositsReadAt, kept,
				bf.Epoch-1, prev.DepositsReadAt)
		default:
			out.Notes = append(out.Notes, fmt.Sprintf("depositsReadAt %d: the pool keeps %d, the previous epoch's read (max(stated, previous))",
				bf.DepositsReadAt, kept))
		}
	}
	return max(kept, bf.DepositsReadAt)
}

// checkFunding runs CheckSpendFunding on bf against the deposits as the newest final block holds them, as of
// readAt: the read the pool keeps (a user funded after it needs no spend proof there).
func (c *BatchChecker) checkFunding(ctx context.Context, bf *BatchFile, readAt uint64, out *BatchCheck) {
	at := *bf
	at.DepositsReadAt = readAt
	err := c.Deposits.CheckSpendFunding(ctx, &at)
	switch {
	case err == nil:
		out.Notes = append(out.Notes, fmt.Sprintf("every charged user was funded by the read at %d", readAt))
	case errors.Is(err, ErrChargedAfterRead):
		out.problem("%v", err)
	default:
		out.couldNot("could not read the deposits: %v", err)
	}
}

// checkSessions runs the keeper's record verification (Verifier.Verify) on every session record of bf and
// returns the sessions it verified.
//
// A record whose session starts (settle.Start) after the commit's block time, committedAt, is a finding and
// is not verified: a keeper credits a record only once the chain is final past its start (the signers and
// roles then, ErrSignersNotFinal until so), which an honest one saw before it assembled the epoch, so in a
// block before its commit. Verified, such a record would only go unanswered (not final yet) until the
// window ended, and a hostile keeper could so keep the credits from ever being compared. Not the file's
// cutoff: a record a router hands over late may start after it, and an honest keeper credits it once final.
func (c *BatchChecker) checkSessions(ctx context.Context, bf *BatchFile, committedAt uint64, out *BatchCheck) []Session {
	if committedAt == 0 {
		out.Notes = append(out.Notes, "the sessions' starts not compared with the commit's time: not known")
	}
	var verified []Session
	for i, raw := range bf.Sessions {
		var rec wire.SessionRecord
		if committedAt != 0 && json.Unmarshal(raw, &rec) == nil && rec.RFC != nil {
			if start := settle.Start(rec.CreatedAt, rec.RFC.Deadline); start > committedAt {
				out.problem("session %d (%s) starts at %d, after epoch %d's commit at %d: no keeper could have verified it",
					i, rec.SessionID.Hex(), start, bf.Epoch, committedAt)
				continue
			}
		}
		s, err := c.Verifier.Verify(ctx, "", raw)
		if err == nil {
			verified = append(verified, *s)
		} else if rej, ok := IsRejection(err); ok {
			out.problem("session %d (%s) would be rejected: %s", i, rej.SessionID.Hex(), rej.Error())
		} else if err != nil {
			out.couldNot("session %d: could not verify: %v", i, err)
		}
	}
	out.Notes = append(out.Notes, fmt.Sprintf("%d session records verified", len(bf.Sessions)))
	return verified
}

// checkCredits compares bf's leaves with the previous live epoch's batch file (fetched at its commit's uri
// and taken only if its keccak256 is that commit's batchHash; none for epoch 0) and bf's verified sessions:
// CompareCredits.
func (c *BatchChecker) checkCredits(ctx context.Context, bf *BatchFile, verified []Session, readAt uint64, out *BatchCheck) {
	if c.Fetch == nil || c.Logs == nil {
		out.Notes = append(out.Notes, "not compared: no way to fetch the earlier epochs' batch files")
		return
	}
	earlier, err := c.history(ctx, bf, verified)
	if err != nil {
		out.couldNot("not compared: %v", err)
		if errors.Is(err, ErrEarlierWithheld) {
			out.withheld = err
		}
		return
	}
	CompareCredits(bf, earlier, verified, out)
	c.checkCharges(ctx, bf, earlier, verified, readAt, out)
}

// checkCharges runs ReplayCharges with the pool's calendar and allowances (each read once: the pool fixes
// allowance(user, day) once the day has begun), the deposits as of the read the pool kept (readAt: at least
// the one stated) and the time of the epoch's commit (or the chain's head, for a file not committed).
func (c *BatchChecker) checkCharges(ctx context.Context, bf *BatchFile, earlier Earlier, sessions []Session, readAt uint64, out *BatchCheck) {
	pool, err := NewChainPool(c.Pool, c.Caller)
	if err != nil {
		out.couldNot("charges not compared: pool: %v", err)
		return
	}
	start, interval, err := c.calendar(ctx, pool)
	if err != nil {
		out.couldNot("charges not compared: %v", err)
		return
	}
	head, err := c.Logs.HeaderByNumber(ctx, nil)
	if err != nil {
		out.couldNot("charges not compared: could not read the chain's head: %v", err)
		return
	}
	committed := head.Time // a file not committed (or whose commit is not found): the head's
	if ev, err := c.liveCommit(ctx, commitKey{bf.Epoch, bf.Root}, head.Number.Uint64()); err == nil {
		h, err := c.Logs.HeaderByNumber(ctx, new(big.Int).SetUint64(ev.Raw.BlockNumber))
		if err != nil {
			out.couldNot("charges not compared: could not read the commit's block: %v", err)
			return
		}
		committed = h.Time
	}
	in := ChargeInputs{Calendar: Calendar{PayoutStart: start, Interval: interval}, Allowances: c.allowances(pool),
		Deposits: map[common.Address]*DepositAccount{}, Committed: committed, Now: max(head.Time, committed)}
	if c.Deposits != nil {
		readAt = max(readAt, bf.DepositsReadAt)
		if in.Deposits, err = c.Deposits.DepositsAt(ctx, readAt); err != nil {
			out.couldNot("charges not compared: could not read the deposits as of %d: %v", readAt, err)
			return
		}
		if in.LastWithdrawal, err = c.Deposits.LastWithdrawalAt(ctx, committed); err != nil {
			out.couldNot("charges not compared: could not read the withdrawals: %v", err)
			return
		}
	}
	if err := ReplayCharges(ctx, bf, earlier, sessions, in, out); err != nil {
		out.couldNot("charges not compared: %v", err)
	}
}

// allowances returns pool's allowances through the checker's memory of them.
func (c *BatchChecker) allowances(pool *ChainPool) Allowances {
	if c.allowed == nil {
		c.allowed = map[UserDay]*uint256.Int{}
	}
	return cachedAllowances{pool, c.allowed}
}

// cachedAllowances reads each allowance(user, day) once (the pool fixes it once the day has begun).
type cachedAllowances struct {
	Allowances
	seen map[UserDay]*uint256.Int
}

func (a cachedAllowances) Allowance(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	k := UserDay{User: user, Day: day}
	if v := a.seen[k]; v != nil {
		return new(uint256.Int).Set(v), nil
	}
	v, err := a.Allowances.Allowance(ctx, user, day)
	if err != nil {
		return nil, err
	}
	a.seen[k] = new(uint256.Int).Set(v)
	return v, nil
}

// Stated is what a batch file says one of its sessions was credited (its cost, or less as its shortfall
// says) and what of it the user's deposit paid (its deposit charge).
type Stated struct {
	Credited, FromDeposit uint256.Int
}

// fileCharges indexes a batch file's shortfalls and deposit charges by session.
type fileCharges struct {
	short map[common.Hash][]*store.Shortfall
	dep   map[common.Hash][]*store.DepositCharge
}

func indexCharges(bf *BatchFile) fileCharges {
	fc := fileCharges{short: map[common.Hash][]*store.Shortfall{}, dep: map[common.Hash][]*store.DepositCharge{}}
	for i := range bf.Shortfalls {
		fc.short[bf.Shortfalls[i].SessionID] = append(fc.short[bf.Shortfalls[i].SessionID], &bf.Shortfalls[i])
	}
	for i := range bf.DepositCharges {
		fc.dep[bf.DepositCharges[i].SessionID] = append(fc.dep[bf.DepositCharges[i].SessionID], &bf.DepositCharges[i])
	}
	return fc
}

// stated returns what the file (fc) says session s was credited, or names what cannot be: a shortfall
// crediting more than the cost or naming another user, a deposit charge above the credit, for another user
// or for a session whose RFC did not consent (useDeposit).
func (fc fileCharges) stated(s *Session, out *BatchCheck) (Stated, bool) {
	var st Stated
	cost, overflow := s.Cost()
	if overflow {
		out.problem("session %s: its cost overflows", s.ID.Hex())
		return st, false
	}
	st.Credited = *cost
	for _, sh := range fc.short[s.ID] {
		if sh.Credited.Gt(cost) || sh.User != s.User {
			out.problem("session %s: its shortfall credits %s to %s, its cost is %s to %s", s.ID.Hex(), sh.Credited.Dec(), sh.User.Hex(),
				cost.Dec(), s.User.Hex())
			return st, false
		}
		st.Credited = sh.Credited
	}
	for _, dc := range fc.dep[s.ID] {
		if dc.User != s.User {
			out.problem("session %s: its deposit charge names %s, its user is %s", s.ID.Hex(), dc.User.Hex(), s.User.Hex())
			return st, false
		}
		st.FromDeposit.Add(&st.FromDeposit, &dc.Amount)
	}
	switch {
	case st.FromDeposit.Gt(&st.Credited):
		out.problem("session %s: its deposit charges %s, more than its credit %s", s.ID.Hex(), st.FromDeposit.Dec(), st.Credited.Dec())
		return st, false
	case !st.FromDeposit.IsZero() && !s.UseDeposit:
		out.problem("session %s: its deposit charged %s, but its RFC did not consent (useDeposit false)", s.ID.Hex(), st.FromDeposit.Dec())
		return st, false
	}
	return st, true
}

// ChargeInputs is what the chain gives the charging rule: the pool's calendar, its allowances, the deposit
// accounts as of the file's read, and times.
type ChargeInputs struct {
	Calendar   Calendar
	Allowances Allowances
	Deposits   map[common.Address]*DepositAccount
	// Committed is the block time of the epoch's commit; LastWithdrawal the newest withdrawal's at or before
	// it (0: none); Now the chain's time (at least Committed).
	Committed, LastWithdrawal, Now uint64
}

// ReplayCharges runs the keeper's charging rule (ChargeSessions, PROTOCOL §8) on bf's sessions (those not
// credited before: CompareCredits names the others) in the charging order (closedAt, sessionId), each
// charged to its user's allowance(user, day) as the pool gives it (day: Calendar.ChargeDay after the
// previous epoch's cutoff) past what earlier epochs charged to the day (earlier.Charged), then, where its RFC
// says useDeposit, to its user's deposit as of the file's read past its spend in the previous file; and
// compares with what bf states: each session's credit and deposit charge (stated), its allowances list
// (exactly the user-days charged, each with its allowance and what is charged to it so far) and its spend
// leaves (the previous file's plus this epoch's deposit charges). Not replayed: the daily spend cap, which
// only defers whole sessions to a later file. Also named: a cutoff before the previous epoch's, and a session
// charged to a day not begun on-chain (the honest keeper read its allowance before committing). An error is
// a read the chain did not answer.
func ReplayCharges(ctx context.Context, bf *BatchFile, earlier Earlier, sessions []Session, in ChargeInputs, out *BatchCheck) error {
	cal := in.Calendar
	prevRead := uint64(0)
	if prev := earlier.Prev; prev != nil {
		if bf.Cutoff < prev.Cutoff {
			out.problem("cutoff %d is before epoch %d's cutoff %d", bf.Cutoff, prev.Epoch, prev.Cutoff)
		}
		cal, prevRead = cal.After(&EpochRow{Cutoff: prev.Cutoff}), prev.DepositsReadAt
	}
	// The honest read is the later of the cutoff minus one second, the newest withdrawal and the previous
	// epoch's read: a later one would count deposits made after the sessions it charges.
	if most := max(uint64(max(bf.Cutoff-1, 0)), in.LastWithdrawal, prevRead); len(bf.DepositCharges) > 0 && bf.DepositsReadAt > most {
		out.problem("deposits read at %d, after the cutoff, the newest withdrawal before the commit and the previous read (%d)",
			bf.DepositsReadAt, most)
	}
	var order []Session
	seen := make(map[common.Hash]bool, len(sessions))
	for i := range sessions {
		s := &sessions[i]
		if _, again := earlier.Credited[s.ID]; again || seen[s.ID] {
			continue // credited twice: CompareCredits names it
		}
		seen[s.ID] = true
		if s.ClosedAt >= uint64(max(bf.Cutoff, 0)) {
			out.problem("session %s closed at %d, not before the cutoff %d", s.ID.Hex(), s.ClosedAt, bf.Cutoff)
		}
		if d, ok := cal.ChargeDay(s.ClosedAt); ok && cal.PayoutStart+d*cal.Interval > in.Now {
			out.problem("session %s is charged to day %d, which has not begun on-chain", s.ID.Hex(), d)
			continue
		}
		order = append(order, *s)
	}
	slices.SortFunc(order, func(a, b Session) int {
		if c := cmp.Compare(a.ClosedAt, b.ClosedAt); c != 0 {
			return c
		}
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	charged := userDays(order, cal)
	days := make(map[UserDay]*DayCharge, len(charged))
	for _, k := range charged {
		allowance, err := in.Allowances.Allowance(ctx, k.User, k.Day)
		if err != nil {
			return fmt.Errorf("allowance(%s, %d): %w", k.User.Hex(), k.Day, err)
		}
		dc := &DayCharge{Allowance: *allowance}
		if before := earlier.Charged[k]; before != nil {
			dc.Charged = *before
		}
		days[k] = dc
	}
	// The allowance-paid parts: the rule without deposits (allowances come first, so they do not depend on them).
	fromAllowance, err := ChargeSessions(order, cal, days, nil)
	if err != nil {
		out.problem("%v", err)
		return nil
	}
	book := &DepositBook{Accounts: map[common.Address]*DepositAccount{}, Spent: map[common.Address]*uint256.Int{}}
	for u, acc := range in.Deposits {
		a := *acc
		book.Accounts[u] = &a
	}
	if earlier.Prev != nil {
		for _, lf := range earlier.Prev.Spend {
			v := lf.Amount
			book.Spent[lf.User] = &v
		}
	}
	discard, charges := &BatchCheck{}, indexCharges(bf) // stated's problems are CompareCredits'
	for i := range order {
		s, rule := &order[i], &fromAllowance[i]
		st, ok := charges.stated(s, discard)
		if !ok {
			continue
		}
		var paid uint256.Int
		paid.Sub(&st.Credited, &st.FromDeposit)
		if paid != rule.Credited {
			out.problem("session %s: the file credits %s of it to its user's allowance, the charging rule %s", s.ID.Hex(), paid.Dec(), rule.Credited.Dec())
		}
		if st.FromDeposit.IsZero() {
			continue
		}
		// The deposit part: at most the rest of its cost and what the user's deposit as of the read has left
		// past its spend (the previous file's, then this file's charges in order).
		var room uint256.Int
		src, why := book.source(s)
		if src.limit != nil && src.limit.Gt(src.used) {
			room.Sub(src.limit, src.used)
		}
		if _, ok := cal.ChargeDay(s.ClosedAt); !ok {
			room, why = uint256.Int{}, "no charge day: the rule charges it to nothing"
		}
		var most uint256.Int
		most.Sub(&rule.Cost, &rule.Credited)
		if room.Lt(&most) {
			most = room
		}
		if st.FromDeposit.Gt(&most) {
			out.problem("session %s: the file charges %s to its user's deposit, at most %s is left of its cost and deposit (%s)", s.ID.Hex(),
				st.FromDeposit.Dec(), most.Dec(), why)
		}
		if src.used != nil {
			src.used.Add(src.used, &st.FromDeposit)
		} else {
			v := st.FromDeposit
			book.Spent[s.User] = &v
		}
	}
	for _, dc := range bf.DepositCharges {
		if !seen[dc.SessionID] {
			out.problem("depositCharges name session %s, which the file does not credit", dc.SessionID.Hex())
		}
	}
	for _, sh := range bf.Shortfalls {
		if !seen[sh.SessionID] {
			out.problem("shortfalls name session %s, which the file does not credit", sh.SessionID.Hex())
		}
	}
	// The allowances list: each day as the rule left it (ChargeSessions added this epoch's charges).
	listed := make(map[UserDay]bool, len(bf.Allowances))
	for _, use := range bf.Allowances {
		k := UserDay{User: use.User, Day: use.Day}
		listed[k] = true
		switch dc := days[k]; {
		case dc == nil:
			out.problem("allowances list %s day %d, to which none of its sessions is charged", use.User.Hex(), use.Day)
		case use.Allowance != dc.Allowance.Dec() || use.Charged != dc.Charged.Dec():
			out.problem("%s day %d: the file's allowances say allowance %s charged %s, the pool and the charging rule give allowance %s charged %s",
				use.User.Hex(), use.Day, use.Allowance, use.Charged, dc.Allowance.Dec(), dc.Charged.Dec())
		}
	}
	for _, k := range charged {
		if !listed[k] {
			out.problem("%s day %d: charged, but not in the file's allowances", k.User.Hex(), k.Day)
		}
	}
	spent := map[common.Address]uint256.Int{}
	for _, lf := range bf.Spend {
		spent[lf.User] = lf.Amount
	}
	users := make([]common.Address, 0, len(book.Spent)+len(spent))
	for u := range book.Spent {
		users = append(users, u)
	}
	for u := range spent {
		if book.Spent[u] == nil {
			users = append(users, u)
		}
	}
	slices.SortFunc(users, func(a, b common.Address) int { return bytes.Compare(a[:], b[:]) })
	for _, u := range users {
		var want uint256.Int
		if v := book.Spent[u]; v != nil {
			want = *v
		}
		if got := spent[u]; got != want {
			out.problem("%s's spend leaf is %s, the previous file's plus this epoch's deposit charges give %s", u.Hex(), got.Dec(), want.Dec())
		}
	}
	return nil
}

// Earlier is what the credits check knows of the live epochs before a file: the previous one's file (nil
// for epoch 0), the epoch that first lists each session, and what each user-day was charged as the newest
// earlier file listing it says (its allowances' charged).
type Earlier struct {
	Prev     *BatchFile
	Credited map[common.Hash]uint64
	Charged  map[UserDay]*uint256.Int
}

// pastEpoch is what the checker keeps in memory of an earlier live epoch (History keeps the rest): the
// commit its file was read for (root and batchHash), whether the epoch was claimable when read (then no veto can discard it: its root
// is final) and, for the newest epoch read, the file.
type pastEpoch struct {
	root, batchHash common.Hash
	final           bool
	file            *BatchFile
}

// commitKey names one commit: an epoch and its root.
type commitKey struct {
	epoch uint64
	root  common.Hash
}

// scanSafeDepth is how far behind the head the RootCommitted events liveCommit keeps are: a reorg deeper
// than that is not expected; the blocks after it are read again every time.
const scanSafeDepth = 128

// history reads the batch file of every live epoch before bf's that History does not hold for the root the
// pool holds now, each fetched at its commit's uri and taken only if its keccak256 is that commit's
// batchHash, records it in History, and returns epoch n-1's file, the epoch that first lists each of
// sessions' ids and what the newest earlier file charged to each user-day sessions are charged to. So a
// guard reads each earlier file once (again only after a veto and a recommit of that epoch, or the newest
// one after a restart); an epoch claimable when read is not read from the pool again (a veto discards only
// pending epochs and those after them).
func (c *BatchChecker) history(ctx context.Context, bf *BatchFile, sessions []Session) (Earlier, error) {
	n := bf.Epoch
	earlier := Earlier{Credited: map[common.Hash]uint64{}, Charged: map[UserDay]*uint256.Int{}}
	if n == 0 {
		return earlier, nil
	}
	pool, err := NewChainPool(c.Pool, c.Caller)
	if err != nil {
		return earlier, fmt.Errorf("pool: %w", err)
	}
	head, err := c.Logs.HeaderByNumber(ctx, nil)
	if err != nil {
		return earlier, fmt.Errorf("could not read the chain's head: %w", err)
	}
	h, err := c.loadHistory(ctx)
	if err != nil {
		return earlier, err
	}
	for e := range n {
		past := c.past[e]
		last := e == n-1
		if past == nil || !past.final || (last && past.file == nil) {
			info, live, err := pool.Epoch(ctx, e)
			switch {
			case err != nil:
				return earlier, fmt.Errorf("could not read the pool's epoch %d: %w", e, err)
			case !live:
				return earlier, fmt.Errorf("epoch %d: %w", e, errNotLive)
			}
			final := uint64(info.ClaimableAt) <= head.Time
			// The live commit: a root recommitted after a veto (the same leaves) may name another file.
			ev, err := c.liveCommit(ctx, commitKey{e, info.Root}, head.Number.Uint64())
			if err != nil {
				return earlier, err
			}
			same := past != nil && past.root == info.Root && past.batchHash == ev.BatchHash
			if !same || (last && past.file == nil) {
				k := commitKey{e, info.Root}
				if err := c.failed[k]; err != nil {
					return earlier, err // tried already since ForgetFailedFetches: not fetched again
				}
				file, err := c.fetchCommitted(ctx, e, ev)
				if err != nil {
					err = fmt.Errorf("%w: epoch %d's: %w", ErrEarlierWithheld, e, err)
					if c.failed == nil {
						c.failed = map[commitKey]error{}
					}
					c.failed[k] = err
					return earlier, err
				}
				if !same {
					if err := c.record(ctx, e, info.Root, ev.BatchHash, final, file); err != nil {
						return earlier, err
					}
					past = c.past[e]
				}
				if last {
					past.file = file
				}
			}
			if past.final != final {
				if err := h.MarkHistory(ctx, e, store.HistoryMark{Root: past.root, BatchHash: past.batchHash, Final: final}); err != nil {
					return earlier, fmt.Errorf("history: %w", err)
				}
				past.final = final
			}
		}
		if !last {
			past.file = nil // only the newest file is kept whole
		}
	}
	earlier.Prev = c.past[n-1].file
	start, interval, err := c.calendar(ctx, pool)
	if err != nil {
		return earlier, err
	}
	ids := make([]common.Hash, len(sessions))
	for i := range sessions {
		ids[i] = sessions[i].ID
	}
	cal := Calendar{PayoutStart: start, Interval: interval}.After(&EpochRow{Cutoff: earlier.Prev.Cutoff})
	credited, charged, err := h.LookupHistory(ctx, n, ids, userDays(sessions, cal))
	if err != nil {
		return earlier, fmt.Errorf("history: %w", err)
	}
	earlier.Credited = credited
	for k, dec := range charged {
		var v uint256.Int
		if v.SetFromDecimal(dec) == nil { // recorded only when it parsed (record)
			earlier.Charged[k] = &v
		}
	}
	return earlier, nil
}

// ForgetFailedFetches lets the credits check try again the earlier files it could not obtain: until then it
// returns each one's failure without fetching it again. keeper guard calls it at each step, so a file that
// never answers (or trickles until the fetch timeout) costs one fetch a step, not one for every later epoch
// checked in it.
func (c *BatchChecker) ForgetFailedFetches() { c.failed = nil }

// loadHistory returns the checker's History (a MemoryHistory if none was set), reading its marks into
// memory the first time.
func (c *BatchChecker) loadHistory(ctx context.Context) (History, error) {
	if c.History == nil {
		c.History = &MemoryHistory{}
	}
	if c.past == nil {
		marks, err := c.History.HistoryMarks(ctx)
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		c.past = make(map[uint64]*pastEpoch, len(marks))
		for e, mk := range marks {
			c.past[e] = &pastEpoch{root: mk.Root, batchHash: mk.BatchHash, final: mk.Final}
		}
	}
	return c.History, nil
}

// record puts bf, the file of epoch e's commit of root and batchHash, in the history (replacing what it
// held of e) and keeps it in memory as the newest file read. Of a user-day the file lists more than once
// its last entry counts, and an entry whose charged is not a number is left out (the file failed its own
// check; an earlier file's entry stands).
func (c *BatchChecker) record(ctx context.Context, e uint64, root, batchHash common.Hash, final bool, bf *BatchFile) error {
	h, err := c.loadHistory(ctx)
	if err != nil {
		return err
	}
	at := map[UserDay]int{}
	var charged []store.DayCharged
	for _, use := range bf.Allowances {
		var v uint256.Int
		if v.SetFromDecimal(use.Charged) != nil {
			continue
		}
		k := UserDay{User: use.User, Day: use.Day}
		if i, ok := at[k]; ok {
			charged[i].Charged = v.Dec()
			continue
		}
		at[k] = len(charged)
		charged = append(charged, store.DayCharged{UserDay: k, Charged: v.Dec()})
	}
	mark := store.HistoryMark{Root: root, BatchHash: batchHash, Final: final}
	if err := h.PutHistory(ctx, e, mark, sessionIDs(bf.Sessions), charged); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	c.past[e] = &pastEpoch{root: root, batchHash: batchHash, final: final, file: bf}
	return nil
}

// calendar returns the pool's payoutStart and day (immutable: read once).
func (c *BatchChecker) calendar(ctx context.Context, pool *ChainPool) (start, interval uint64, err error) {
	if c.cal == nil {
		start, interval, err := pool.Calendar(ctx)
		if err != nil {
			return 0, 0, fmt.Errorf("could not read the pool's calendar: %w", err)
		}
		c.cal = &Calendar{PayoutStart: start, Interval: interval}
	}
	return c.cal.PayoutStart, c.cal.Interval, nil
}

// Remember keeps bf, the batch file of epoch e's commit of root and batchHash (its bytes checked against the
// batchHash by the caller), for the credits checks of later epochs, so that they need not fetch it again:
// a keeper that stops serving a file the guard obtained cannot keep the later epochs from being compared
// with it. The epoch is recorded as pending (a later check reads whether it became claimable).
// A commit the history holds already (a check tried again, a guard restarted) is not written again.
func (c *BatchChecker) Remember(ctx context.Context, e uint64, root, batchHash common.Hash, bf *BatchFile) error {
	if _, err := c.loadHistory(ctx); err != nil {
		return err
	}
	if past := c.past[e]; past != nil && past.root == root && past.batchHash == batchHash {
		past.file = bf
		return nil
	}
	return c.record(ctx, e, root, batchHash, false, bf)
}

// liveCommit returns the RootCommitted event of commit k, reading the pool's events from block Start to
// head (MaxRange blocks per eth_getLogs) only once: those scanSafeDepth blocks behind the head and more are
// kept, the later ones read again each time.
func (c *BatchChecker) liveCommit(ctx context.Context, k commitKey, head uint64) (*computepool.ComputePoolRootCommitted, error) {
	logs, err := computepool.NewComputePoolFilterer(c.Pool, c.Logs)
	if err != nil {
		return nil, fmt.Errorf("pool: %w", err)
	}
	if c.commits == nil {
		c.commits, c.scanned = map[commitKey]*computepool.ComputePoolRootCommitted{}, c.Start
	}
	span := c.MaxRange
	if span == 0 {
		span = 2000
	}
	recent := map[commitKey]*computepool.ComputePoolRootCommitted{}
	for from := c.scanned; from <= head; {
		to := min(from+span-1, head)
		it, err := logs.FilterRootCommitted(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, nil, nil)
		if err != nil {
			return nil, fmt.Errorf("could not read RootCommitted in blocks %d-%d: %w", from, to, err)
		}
		for it.Next() {
			ev := it.Event
			at := commitKey{ev.Epoch.Uint64(), ev.Root}
			if ev.Raw.BlockNumber+scanSafeDepth <= head {
				c.commits[at] = ev // the newest commit of a root wins
			} else {
				recent[at] = ev
			}
		}
		err = it.Error()
		_ = it.Close()
		if err != nil {
			return nil, fmt.Errorf("could not read RootCommitted in blocks %d-%d: %w", from, to, err)
		}
		if to+scanSafeDepth <= head {
			c.scanned = to + 1
		}
		from = to + 1
	}
	if ev := recent[k]; ev != nil {
		return ev, nil
	}
	if ev := c.commits[k]; ev != nil {
		return ev, nil
	}
	// Not among the events kept (a range an RPC answered short, a reorg deeper than scanSafeDepth): look for
	// it alone, from the newest block back.
	ev, err := c.LiveCommit(ctx, k.epoch)
	if err != nil {
		return nil, err
	}
	if ev.Root != k.root {
		return nil, fmt.Errorf("epoch %d: the pool's root changed while it was read", k.epoch)
	}
	c.commits[k] = ev
	return ev, nil
}

// fetchCommitted returns the batch file of epoch n committed by ev (ObtainCommitted: kept, else fetched at
// its uri); an error if it cannot be obtained, is not the one committed or is another epoch's.
func (c *BatchChecker) fetchCommitted(ctx context.Context, n uint64, ev *computepool.ComputePoolRootCommitted) (*BatchFile, error) {
	bf, err := ObtainCommitted(ctx, c.Fetch, c.Keep, n, ev.Uri, ev.BatchHash)
	if bf == nil {
		return nil, err
	}
	// A file obtained but not kept on disk is still this check's evidence (kept in memory).
	if bf.Epoch != n {
		return nil, fmt.Errorf("%s is epoch %d's file, not epoch %d's", ev.Uri, bf.Epoch, n)
	}
	return bf, nil
}

// sessionIDs returns the sessionId of each record (records without one are skipped: they credit nothing).
func sessionIDs(records []json.RawMessage) []common.Hash {
	ids := make([]common.Hash, 0, len(records))
	for _, raw := range records {
		var probe struct {
			SessionID common.Hash `json:"sessionId"`
		}
		if json.Unmarshal(raw, &probe) == nil {
			ids = append(ids, probe.SessionID)
		}
	}
	return ids
}

// CompareCredits checks that bf's leaves follow from prev's (the previous live epoch's file, nil for epoch
// 0) and sessions (bf's records that pass the keeper's verification), so that a keeper pays nobody more
// than verified records give and lowers nobody's credit (THREATS: keeper), whatever its file says:
//   - no session is credited twice: listed twice in bf, or by an earlier epoch (credited: each session id
//     an earlier live epoch's file lists, with the first such epoch);
//   - every account's owed (its cumulative earnings: the "owed" of its leaf, or of its entry in uncredited
//     while no leaf credits it) rose since prev by at most what bf's sessions give it as bf states their
//     credit (stated: seconds × price, or less as its shortfalls say), split (wire.Split; one wei more for
//     the provider of a session paid partly by its deposit, whose two parts are split apart), and never
//     fell;
//   - every account's cumulativeAmount is at most its owed and never below prev's (a leaf dropped counts
//     as zero); an uncredited entry's is zero.
//
// The bound is an upper one (budget scaling carrying credit forward passes); ReplayCharges checks the
// stated credits against the charging rule.
func CompareCredits(bf *BatchFile, earlier Earlier, sessions []Session, out *BatchCheck) {
	prev, credited := earlier.Prev, earlier.Credited
	var prevEpoch uint64
	since := " (no previous epoch)"
	before := map[common.Address]Leaf{}
	if prev != nil {
		prevEpoch = prev.Epoch
		since = fmt.Sprintf(" since epoch %d", prevEpoch)
		for _, lf := range append(slices.Clone(prev.Leaves), prev.Uncredited...) {
			before[lf.Account] = lf
		}
	}
	bound := map[common.Address]*uint256.Int{}
	add := func(a common.Address, v *uint256.Int) {
		if bound[a] == nil {
			bound[a] = new(uint256.Int)
		}
		bound[a].Add(bound[a], v)
	}
	listed := make(map[common.Hash]bool, len(sessions))
	charges := indexCharges(bf)
	for i := range sessions {
		s := &sessions[i]
		switch {
		case listed[s.ID]:
			out.problem("session %s is listed twice", s.ID.Hex())
			continue
		}
		if e, ok := credited[s.ID]; ok {
			out.problem("session %s was credited by epoch %d already", s.ID.Hex(), e)
			continue
		}
		listed[s.ID] = true
		st, ok := charges.stated(s, out)
		if !ok {
			continue
		}
		p, f := wire.Split(&st.Credited, s.FeeBps)
		if !st.FromDeposit.IsZero() && st.FromDeposit.Lt(&st.Credited) {
			p.AddUint64(p, 1) // its allowance-paid and deposit-paid parts are split apart: one wei of rounding
		}
		add(s.Provider, p)
		add(s.Builder, f)
	}
	zero := new(uint256.Int)
	seen := make(map[common.Address]bool, len(bf.Leaves)+len(bf.Uncredited))
	for i, lf := range append(slices.Clone(bf.Leaves), bf.Uncredited...) {
		a := lf.Account
		if seen[a] {
			out.problem("%s is listed twice (leaves and uncredited)", a.Hex())
			continue
		}
		seen[a] = true
		if lf.Amount == nil || lf.Owed == nil {
			out.problem("%s's entry has no cumulativeAmount or owed", a.Hex())
			continue
		}
		if i >= len(bf.Leaves) && !lf.Amount.IsZero() {
			out.problem("%s is listed uncredited with cumulativeAmount %s", a.Hex(), lf.Amount.Dec())
		}
		was, wasOwed := zero, zero
		if b, ok := before[a]; ok && b.Amount != nil && b.Owed != nil {
			was, wasOwed = b.Amount, b.Owed
		}
		if lf.Amount.Gt(lf.Owed) {
			out.problem("%s is credited %s, more than the %s it is owed", a.Hex(), lf.Amount.Dec(), lf.Owed.Dec())
		}
		if lf.Amount.Lt(was) {
			out.problem("%s's credit fell from %s (epoch %d) to %s", a.Hex(), was.Dec(), prevEpoch, lf.Amount.Dec())
		}
		max := bound[a]
		if max == nil {
			max = zero
		}
		if rise := new(uint256.Int).Sub(lf.Owed, wasOwed); lf.Owed.Lt(wasOwed) {
			out.problem("%s's owed fell from %s (epoch %d) to %s", a.Hex(), wasOwed.Dec(), prevEpoch, lf.Owed.Dec())
		} else if rise.Gt(max) {
			out.problem("%s's owed rose by %s%s, but this file's sessions give it at most %s", a.Hex(), rise.Dec(), since, max.Dec())
		}
	}
	if prev != nil {
		for _, b := range append(slices.Clone(prev.Leaves), prev.Uncredited...) {
			switch {
			case seen[b.Account] || b.Amount == nil || b.Owed == nil:
			case !b.Amount.IsZero():
				out.problem("%s's credit fell from %s (epoch %d) to 0: it has no leaf", b.Account.Hex(), b.Amount.Dec(), prevEpoch)
			case !b.Owed.IsZero():
				out.problem("%s's owed fell from %s (epoch %d) to 0: it is listed nowhere", b.Account.Hex(), b.Owed.Dec(), prevEpoch)
			}
		}
	}
	if prev == nil {
		out.Notes = append(out.Notes, fmt.Sprintf("compared with no previous epoch: %d sessions", len(listed)))
	} else {
		out.Notes = append(out.Notes, fmt.Sprintf("compared with epoch %d's file: %d sessions", prevEpoch, len(listed)))
	}
}
