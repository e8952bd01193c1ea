// Re-checking a committed epoch's batch file against the chain (keeper check-batch): what the guardian runs
// within the dispute window before it lets a root become claimable, and anyone else may.

package ledger

import (
	"context"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// The checks of a batch file, in the order BatchChecker.Check runs them.
const (
	CheckDeployment = "deployment" // chainId and computePool are the deployment's
	CheckTrees      = "trees"      // root, cumulativeTotal, spendRoot and cumulativeSpent follow from the leaves
	CheckOnChain    = "on-chain"   // the pool's epoch holds the file's root, totals, spend root and read
	CheckFunding    = "funding"    // no spend leaf charges a user funded after the read (CheckSpendFunding)
	CheckSessions   = "sessions"   // every session record passes the keeper's own verification (Verifier.Verify)

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

	unanswered int // how many of Problems say the chain could not answer a read (couldNot): no finding about the file
}

// OK reports whether the check found nothing wrong.
func (c *BatchCheck) OK() bool { return len(c.Problems) == 0 }

// Findings returns the problems found in the file itself: Problems less those saying the chain could not
// answer a read (RPC down, blocks not final yet), which show nothing wrong with the file. keeper guard
// vetoes a root on findings only and checks again later when a read went unanswered.
func (c *BatchCheck) Findings() int { return len(c.Problems) - c.unanswered }

func (c *BatchCheck) problem(format string, args ...any) {
	c.Problems = append(c.Problems, fmt.Sprintf(format, args...))
}

// couldNot records a problem that is a read the chain could not answer (not a finding: Findings).
func (c *BatchCheck) couldNot(format string, args ...any) {
	c.problem(format, args...)
	c.unanswered++
}

// BatchChecker re-checks batch files against the chain: the deployment's chain id and ComputePool, the
// pool's live epochs (Caller), the deposits as final blocks hold them (Deposits) and the records'
// signatures and on-chain roles (Verifier, the keeper's own).
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
}

// CheckCommitted compares keccak256(raw), the bytes bf was read from, with the batchHash of the commit of the
// pool's live root of epoch bf.Epoch: the RootCommitted event with that epoch and the root the pool holds
// for it now (an epoch vetoed and committed again has several commit events; only the live root's names
// its file), looked for from the newest block back. A mismatch is a problem of its own: the file is not the
// one committed (altered on the way, or another file), so nothing in it is evidence against the keeper. An
// epoch not live on the pool is not compared (the on-chain check reports it).
func (c *BatchChecker) CheckCommitted(ctx context.Context, raw []byte, bf *BatchFile) BatchCheck {
	out := BatchCheck{Name: CheckCommitted}
	if c.Logs == nil {
		out.Notes = append(out.Notes, "not compared: no log reader")
		return out
	}
	pool, err := NewChainPool(c.Pool, c.Caller)
	if err != nil {
		out.couldNot("pool: %v", err)
		return out
	}
	logs, err := computepool.NewComputePoolFilterer(c.Pool, c.Logs)
	if err != nil {
		out.couldNot("pool: %v", err)
		return out
	}
	info, live, err := pool.Epoch(ctx, bf.Epoch)
	if err != nil {
		out.couldNot("could not read the pool's epoch %d: %v", bf.Epoch, err)
		return out
	}
	if !live {
		out.Notes = append(out.Notes, fmt.Sprintf("not compared: epoch %d is not live on the pool", bf.Epoch))
		return out
	}
	n := new(big.Int).SetUint64(bf.Epoch)
	head, err := c.Logs.HeaderByNumber(ctx, nil)
	if err != nil {
		out.couldNot("could not read the chain's head: %v", err)
		return out
	}
	span := c.MaxRange
	if span == 0 {
		span = 2000
	}
	hash := crypto.Keccak256Hash(raw)
	for to := head.Number.Uint64(); ; {
		from := c.Start
		if to >= from+span {
			from = to - span + 1
		}
		it, err := logs.FilterRootCommitted(&bind.FilterOpts{Start: from, End: &to, Context: ctx}, []*big.Int{n}, [][32]byte{info.Root})
		if err != nil {
			out.couldNot("could not read RootCommitted(%d) in blocks %d-%d: %v", bf.Epoch, from, to, err)
			return out
		}
		var ev *computepool.ComputePoolRootCommitted
		for it.Next() {
			ev = it.Event // the newest in the range
		}
		err = it.Error()
		_ = it.Close()
		switch {
		case err != nil:
			out.couldNot("could not read RootCommitted(%d) in blocks %d-%d: %v", bf.Epoch, from, to, err)
			return out
		case ev != nil && common.Hash(ev.BatchHash) != hash:
			out.problem("the file is not the one committed: its keccak256 is %s, the batchHash of epoch %d's commit of root %s (block %d) is %s",
				hash.Hex(), bf.Epoch, info.Root.Hex(), ev.Raw.BlockNumber, common.Hash(ev.BatchHash).Hex())
			return out
		case ev != nil:
			out.Notes = append(out.Notes, fmt.Sprintf("keccak256 %s is the batchHash of epoch %d's commit (block %d)", hash.Hex(), bf.Epoch, ev.Raw.BlockNumber))
			return out
		case from <= c.Start:
			out.couldNot("no RootCommitted event of epoch %d and root %s from block %d on", bf.Epoch, info.Root.Hex(), c.Start)
			return out
		}
		to = from - 1
	}
}

// Check runs every check on bf and returns each one's outcome (every problem found, not only the first). A
// check the chain could not answer (RPC down, blocks not final yet) is a problem too, saying so: the file
// is not shown sound.
func (c *BatchChecker) Check(ctx context.Context, bf *BatchFile) []BatchCheck {
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
	c.checkSessions(ctx, bf, &sessions)
	return []BatchCheck{dep, trees, onChain, funding, sessions}
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

// checkSessions runs the keeper's record verification (Verifier.Verify) on every session record of bf.
func (c *BatchChecker) checkSessions(ctx context.Context, bf *BatchFile, out *BatchCheck) {
	for i, raw := range bf.Sessions {
		_, err := c.Verifier.Verify(ctx, "", raw)
		if rej, ok := IsRejection(err); ok {
			out.problem("session %d (%s) would be rejected: %s", i, rej.SessionID.Hex(), rej.Error())
		} else if err != nil {
			out.couldNot("session %d: could not verify: %v", i, err)
		}
	}
	out.Notes = append(out.Notes, fmt.Sprintf("%d session records verified", len(bf.Sessions)))
}
