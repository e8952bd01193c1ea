// Package guard is the guardian's watch over a hostile keeper (keeper guard, keeper/README.md): it follows
// ComputePool's RootCommitted events through chain/follow, fetches each committed epoch's batch file from
// the commit's uri, re-checks it against the chain with ledger.BatchChecker (as keeper check-batch does)
// and, with a guardian key, vetoes an epoch whose file shows a problem while the epoch is still pending.
//
// What is vetoed and what is only reported:
//   - a finding about the file (BatchCheck.Findings: trees, on-chain totals, funding, sessions, or a file
//     that is not the commit's: another epoch or root, or the committed bytes not a batch file at all,
//     ledger.ErrNotBatchFile): vetoed with a key (the veto sent again every step until it lands, the file
//     not read again: a finding in the committed bytes cannot go away), reported without one. Only a file
//     whose keccak256 is the commit's batchHash is evidence: the keeper committed to exactly those bytes,
//     so their problems are its own;
//   - a withheld file: no fetch in the window gave bytes whose keccak256 is the commit's batchHash
//     (unreachable, not 200, too large, altered on the way: a plain-http uri, a proxy or CDN, DNS;
//     replaced since). Tried again every step; vetoed with a key once WithheldTries tries in a row failed
//     to obtain it in the last part of its dispute window (the chain's head at claimableAt - margin or
//     later, Config.WithheldMargin; a try that obtained every file its check needed breaks the run),
//     reported at the window's end without one. A root nobody can rebuild must not become claimable (a
//     keeper with KEEPER_ROLE could otherwise commit an inflated root and keep its file back). The
//     trade-off: an honest keeper must keep its file reachable, unaltered (behind https), for the window's
//     first part; a veto discards every later epoch too, and the keeper commits them again: nothing is
//     lost, settlement is delayed. Whoever can break the keeper's server or the
//     guard's network for that long can cause that delay;
//   - an earlier epoch's file that the credits check needs and this guard did not keep (it keeps every
//     file it obtains: BatchChecker.Remember) not obtained (ledger.ErrEarlierWithheld): as a withheld file;
//   - a check the chain could not answer (the file obtained): the guard's own problem, never a veto.
//     Tried again every step; still not checked at the window's end, it is reported (an error line, the
//     unchecked counter). A file obtained once in the window is not withheld, even if later fetches fail.
//
// A veto (either kind) is sent only if, read again right before sending, the pool's epoch still holds the
// commit checked and is still pending, and it names that commit (vetoRoot(epoch, root, claimableAt) reverts
// RootChanged on another: a veto mined late never discards a replacement committed meanwhile, even one with
// the same root). It goes through the guardian's transaction manager (Config.Veto, a txmgr.Manager: its fees
// bumped by at least 10% while it is not mined, every signed attempt stored before it is broadcast), its gas
// the estimate plus the margin and VetoGasHeadroom. A veto not mined within Config.VetoWait is logged and
// driven on next step while the window lasts (the same transaction, replaced, never a second veto beside it,
// also after a restart on the same store); one that failed for good (reverted, or its nonce taken by another
// transaction) is followed by a new one, its gas estimated again (VetoIntent's try); the other epochs are
// still checked.
//
// A veto counts as landed only once the transaction manager confirms it at its depth (Sender.Check, asked
// once a step and never waited for; keeper guard's --confirmations): until then the epoch stays pending and
// the step decides from the pool's root. A veto whose block a reorg removed is sent again (the same signed
// transaction) while the pool holds the root pending; one that reverted or lost its nonce is followed by a new
// one; the root gone by another's veto or a new commit while ours is in no block, nothing is sent. A guard
// started again finds the veto it stored for an epoch the pool shows discarded (VetoIntent) and follows it
// the same way, so a veto reorged out after a restart is sent again too.
//
// The guard keeps every batch file it obtained on disk when its checker has a ledger.KeptFiles (keeper
// guard's --data-dir): started again, it reads the commits from its start block again and checks every
// epoch still pending, from the kept copy where it has one, so a file it obtained before the restart is
// neither fetched again nor taken for withheld, and the later epochs' credits checks still compare with the
// earlier files it obtained.
package guard

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/txmgr"
)

// CheckCommit is the guard's own check, before BatchChecker's: the file fetched from a commit's uri is that
// commit's (its epoch and root).
const CheckCommit = "commit"

// ErrNotCommitted: the fetched file's keccak256 is not the commit's batchHash. It is not the file the keeper
// committed (altered on the way or replaced since), so nothing in it is evidence against the keeper: the
// guard treats it as a file it could not fetch.
var ErrNotCommitted = ledger.ErrNotCommitted

// DefaultVetoWait is Config.VetoWait's default: how long a veto's receipt is waited for.
const DefaultVetoWait = 2 * time.Minute

// Backend is the chain the guard reads and sends its vetoes to (chain.Client implements it). The reads as
// of a block that decide something name it by hash (bind.BlockHashContractCaller, HeaderByHash).
type Backend interface {
	bind.ContractBackend
	bind.DeployBackend
	bind.BlockHashContractCaller
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	HeaderByHash(ctx context.Context, hash common.Hash) (*types.Header, error)
}

// Config configures a Guard.
type Config struct {
	Pool          common.Address
	Backend       Backend
	Checker       *ledger.BatchChecker
	Start         uint64 // the first block whose RootCommitted events are read (the deployment's)
	Confirmations uint64 // chain/follow's depth: a commit is read once its block has this many
	MaxRange      uint64 // blocks per eth_getLogs

	// Fetch returns the batch file at a commit's uri (Fetcher: bounded, no redirects, netguard's policy);
	// not called for a file Checker.Keep holds.
	Fetch func(ctx context.Context, uri string) ([]byte, error)
	// Veto, when set, sends vetoRoot from the guardian's account (nil: report only): a txmgr.Manager, which
	// owns the account's nonce, bumps the fees by at least 10% while a veto is not mined and stores every
	// signed transaction before broadcasting it, so a veto not mined in time is driven on (not sent again
	// beside itself), also by a guard started again on the same store. Each veto is the intent
	// VetoIntent(epoch, root, claimableAt, try); its gas is the estimate plus keys.GasMarginPercent and VetoGasHeadroom. A
	// veto counts as landed once Veto.Check confirms it at the manager's depth (its Config.Confirmations).
	Veto Sender
	// VetoWait bounds the wait for a veto's receipt (0: DefaultVetoWait); a veto not mined by then is logged
	// and, the epoch still pending with the same root, driven on next step.
	VetoWait time.Duration
	// FetchConcurrency is how many batch files a step fetches at once, earliest epoch first (0: one): a
	// keeper committing many epochs whose uris never answer holds a step up about one fetch timeout per
	// this many, not one per epoch (which could leave the earliest fewer than WithheldTries tries in its
	// last part). Each download holds up to its size limit in memory: size the two together.
	FetchConcurrency int
	// Reachable, when set, checks the guard's own way out (keeper guard: a GET of --control-url): a fetch
	// that got no answer (ErrUnanswered) counts as a withheld try only if Reachable then returns nil, so a
	// guard whose own network is down does not veto honest epochs as withheld; nil: every failed fetch counts.
	Reachable func(ctx context.Context) error
	// WithheldMargin is the last part of an epoch's dispute window, before its claimableAt, in which a
	// file not obtained is vetoed as withheld (with Veto). 0: a quarter of the epoch's window (claimableAt
	// minus its commit block's time); a longer margin is capped at the window (the whole window is then its
	// last part: WithheldTries failed tries veto). Whole seconds.
	WithheldMargin time.Duration

	Log     *zap.Logger
	Metrics *metrics.Set // nil: a set of its own
}

// Sender sends the transaction named id (txmgr.Manager.Send: the first call builds it from c, later calls
// resume it, neither estimating again) and returns its receipt once mined. Check (txmgr.Manager.Check) tells
// without waiting where it stands: confirmed at the manager's depth (its receipt), mined short of the depth
// (txmgr.ErrNotConfirmed), in no block (txmgr.ErrNotMined: not mined yet, or its block left the chain), or
// over for good (txmgr.ErrReverted, txmgr.ErrNonceTaken); it sends nothing.
type Sender interface {
	Send(ctx context.Context, id string, c txmgr.Candidate) (*types.Receipt, error)
	Check(ctx context.Context, id string) (*types.Receipt, error)
	// Confirmations is the depth Check confirms at (txmgr.Manager.Confirmations): the guard takes a discard
	// for final no shallower (a discard taken for final at a depth its own veto would not be is a veto
	// nobody follows once a reorg brings the root back).
	Confirmations() uint64
}

// VetoIntent names the try-th veto (from 0) of epoch's commit of root claimable at claimableAt among the
// guardian's transactions (a commit is its root and its claim time: commit.is): a veto that reverted (out
// of gas: vetoRoot costs more on a later pool day than estimated) or whose nonce another transaction took is
// over for good, and the next try is a new transaction, its gas estimated again.
func VetoIntent(epoch uint64, root common.Hash, claimableAt uint64, try int) string {
	return fmt.Sprintf("veto:%d:%s:%d:%d", epoch, root.Hex(), claimableAt, try)
}

// VetoGasHeadroom is added to a veto's gas limit over the estimate and keys.GasMarginPercent: a veto
// estimated on one pool day and mined on the next writes a new checkpoint slot for that day (a fresh
// storage slot, 22,100 gas; the day's other veto fields fresh too), which the margin alone does not cover.
const VetoGasHeadroom = 50_000

// vetoTriesPerStep bounds the new transactions one step sends for a veto whose earlier ones failed for good.
const vetoTriesPerStep = 3

// event is what a RootCommitted event of a commit says beyond the commit itself (commit.is): the file it
// names and the block it is in.
type event struct {
	batchHash common.Hash // keccak256 of the file the keeper committed to
	uri       string
	block     uint64
	blockHash common.Hash // the commit's block (its time read by hash: committedAt)
}

// fileState is what the guard learnt of one file a commit named (its batchHash), kept while the commit is
// followed: a same-commit recommit naming other bytes, and a reorg taking that recommit back (rollback),
// switch between the files without losing what was learnt of either (take).
type fileState struct {
	byteFound bool   // a finding in these bytes alone (bytesAlone): the commit naming them is vetoed without a check
	obtained  bool   // a try gave these bytes (keccak256 the batchHash), a batch file: not withheld (set once, never cleared)
	lastPart  uint64 // when the window's last part begins for them (withheldFrom); 0: not read yet
	lastFails int    // tries in the window's last part in a row that did not obtain a file the check needs (withheld)
}

// commit is one RootCommitted event read, with the same commit's earlier events (take) and the commit of
// its epoch it replaced: what rollback falls back on when a reorg takes the newest.
type commit struct {
	epoch       uint64
	root        common.Hash
	claimableAt uint64
	event                                  // the newest event read of the commit
	earlier     []event                    // the events read of it before (take), oldest first
	replaced    *commit                    // the commit of the epoch (another root or claim time) this one replaced, if followed then
	taken       *commit                    // a commit that replaced this one and that a reorg took back (rollback): read again, it goes on
	files       map[common.Hash]*fileState // by batchHash: every file the commit's events named
	*fileState                             // files[batchHash]: the file the newest event names
	time        uint64                     // the newest event's block time (committedAt); 0: not read yet
	tries       int                        // checks tried
	lastErr     string                     // why the last try decided nothing
	found       bool                       // a check found a problem (the veto not landed yet)
	vetoTry     int                        // the veto transaction to drive (VetoIntent): those before it failed for good
	vetoID      string                     // the veto sent (VetoIntent(epoch, root, claimableAt, vetoTry)), followed until confirmed at the depth; "": none
	vetoResult  string                     // what that veto counts as once landed (ResultVetoed, ResultWithheld)

	// This step's prefetch (Guard.prefetch): fetchErr its failure; file the file obtained but not kept on
	// disk (check takes it rather than fetching again). Both nil: obtained and kept, or not prefetched.
	fetchErr error
	file     *ledger.BatchFile
}

// poolABI encodes vetoRoot.
var poolABI = func() *abi.ABI {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		panic(err)
	}
	return a
}()

// WithheldTries is how many tries in a row must fail to obtain a file the check needs (the epoch's own, or an
// earlier epoch's) in an epoch's last part before the guard vetoes it as withheld: one failure may be a blip,
// or a guard restarted there that had obtained the file before. A try that obtained every file it needed
// breaks the run, even if the chain did not answer the check.
const WithheldTries = 2

// Guard checks committed epochs; Step runs one pass, Run steps until its context ends. Not safe for
// concurrent use.
type Guard struct {
	cfg     Config
	pool    *computepool.ComputePool
	epochs  *ledger.ChainPool // the pool's live epochs (ledger.ChainPool.Epoch, the keeper's own read)
	follow  *follow.Follower
	commits ethereum.FilterQuery // the pool's RootCommitted events (follow.Logs sets the blocks)
	pending map[uint64]*commit   // by epoch: commits not decided yet
	set     *metrics.Set

	discardDepth uint64 // goneForGood's depth: Config.Confirmations, at least the veto sender's

	reached  bool          // ownWayOut asked this step
	reachErr error         // its answer
	head     *types.Header // this step's head block
	walked   bool          // finalBlock walked this step
	final    *types.Header // its answer: the block discardDepth deep on head's chain
	finalErr error         // or why it has none

	beforeVeto func(epoch uint64) // tests: called once a veto is decided (a finding, a withheld file), before the re-read and the veto
}

// New returns a guard; it makes no call.
func New(cfg Config) (*Guard, error) {
	pool, err := computepool.NewComputePool(cfg.Pool, cfg.Backend)
	if err != nil {
		return nil, err
	}
	epochs, err := ledger.NewChainPool(cfg.Pool, cfg.Backend)
	if err != nil {
		return nil, err
	}
	if cfg.WithheldMargin < 0 {
		return nil, fmt.Errorf("withheld margin %s: negative", cfg.WithheldMargin)
	}
	if cfg.Log == nil {
		cfg.Log = zap.NewNop()
	}
	set := cfg.Metrics
	if set == nil {
		set = metrics.NewSet()
	}
	depth := max(cfg.Confirmations, 1)
	if cfg.Veto != nil {
		depth = max(depth, cfg.Veto.Confirmations())
	}
	a, err := computepool.ComputePoolMetaData.GetAbi()
	if err != nil {
		return nil, err
	}
	commits := ethereum.FilterQuery{Addresses: []common.Address{cfg.Pool}, Topics: [][]common.Hash{{a.Events["RootCommitted"].ID}}}
	f := follow.New(cfg.Backend, follow.Config{Start: cfg.Start, Confirmations: cfg.Confirmations, MaxRange: cfg.MaxRange}, nil)
	return &Guard{cfg: cfg, pool: pool, epochs: epochs, follow: f, commits: commits, pending: map[uint64]*commit{}, set: set,
		discardDepth: depth}, nil
}

// Outcomes of a decided epoch, as the counter keeper_guard_epochs_total{result} counts them.
const (
	ResultOK        = "ok"        // every check passed
	ResultProblem   = "problem"   // a finding, reported (no key)
	ResultVetoed    = "vetoed"    // a finding, vetoed
	ResultWithheld  = "withheld"  // the file never obtained: vetoed in the window's last part
	ResultUnchecked = "unchecked" // the dispute window ended before the file could be checked (withheld without a key or a veto landed, or the chain did not answer)
	ResultGone      = "gone"      // the epoch was discarded (vetoed by someone) before it was decided; a commit replaced, once its replacement is decided
)

func (g *Guard) count(result string) {
	g.set.GetOrCreateCounter(`keeper_guard_epochs_total{result="` + result + `"}`).Inc()
}

// Run steps every interval until ctx ends; a failed step is logged and tried again.
func (g *Guard) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if err := g.Step(ctx); err != nil && ctx.Err() == nil {
			g.cfg.Log.Warn("guard step", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Pending returns the epochs read but not decided yet (checked, vetoed or their window over), in order.
func (g *Guard) Pending() []uint64 {
	out := make([]uint64, 0, len(g.pending))
	for e := range g.pending {
		out = append(out, e)
	}
	slices.Sort(out)
	return out
}

// Step reads the new commits and decides every pending epoch it can: ok, vetoed or reported, or the window
// over unchecked. An epoch whose check could not be made stays pending for the next step. The new commits
// not read (the RPC's logs failing) or one epoch not decided (a read failing) hold up nothing else: the
// epochs read before are still decided, each on its own; the errors are returned together.
func (g *Guard) Step(ctx context.Context) error {
	g.reached, g.reachErr = false, nil
	g.walked, g.final, g.finalErr = false, nil, nil
	g.cfg.Checker.ForgetFailedFetches() // an earlier file that failed is tried again once this step
	var errs []error
	switch _, err := g.follow.Sync(ctx, g.read, g.rollback); {
	case errors.Is(err, follow.ErrBehind):
		// A node behind the blocks read (or a chain shorter than them): waited for; the commits in blocks it
		// has are decided meanwhile (below).
		g.cfg.Log.Warn("RootCommitted events: the node is behind the blocks read, waiting for it", zap.Error(err))
	case err != nil && !errors.Is(err, follow.ErrNotConfirmed):
		errs = append(errs, fmt.Errorf("follow RootCommitted: %w", err))
	}
	head, err := g.cfg.Backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	g.head = head
	var pending []uint64
	for _, e := range g.Pending() {
		// A node behind a commit's block (a failover to a lagging node: follow.ErrBehind) does not have the
		// commit: its pool would say the epoch is not live, taken for a discard and the commit dropped for
		// good (its block is not read again once the node catches up). Decided once the node has the block.
		if c := g.pending[e]; c.block <= head.Number.Uint64() {
			pending = append(pending, e)
		}
	}
	g.prefetch(ctx, pending, head.Time)
	for _, e := range pending {
		if err := g.decide(ctx, g.pending[e], head.Time); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// prefetch obtains the files not obtained yet of the epochs still in their windows at time now
// (ledger.ObtainCommitted: the kept copy, else fetched and kept), Config.FetchConcurrency at a time,
// earliest epoch first, and keeps only each failure for this step's check: a file obtained is read again
// there, one at a time (from the kept copy), so the step never holds every pending epoch's file in memory.
func (g *Guard) prefetch(ctx context.Context, epochs []uint64, now uint64) {
	sem := make(chan struct{}, max(g.cfg.FetchConcurrency, 1))
	var wg sync.WaitGroup
	for _, e := range epochs {
		c := g.pending[e]
		c.fetchErr, c.file = nil, nil // nothing from an earlier step
		// An obtained file is read again by check alone; a veto sent is followed first (check obtains the
		// file itself if that leaves the epoch to be checked again).
		if now >= c.claimableAt || c.obtained || c.found || c.vetoID != "" {
			continue
		}
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			bf, err := ledger.ObtainCommitted(ctx, g.cfg.Fetch, g.cfg.Checker.Keep, c.epoch, c.uri, c.batchHash)
			switch {
			case bf == nil:
				c.fetchErr = err
			case err != nil: // obtained, not kept on disk: held for check (the only copy)
				c.file, c.fetchErr = bf, err
			}
		})
	}
	wg.Wait()
}

// read takes the RootCommitted events of the blocks from..to (follow.ReadFunc), read as one view of the
// chain (follow.Logs: a node behind the range answering a partial list is refused, the range read again).
func (g *Guard) read(ctx context.Context, from uint64, to *types.Header) error {
	logs, err := follow.Logs(ctx, g.cfg.Backend, g.commits, from, to)
	if err != nil {
		return err
	}
	for _, l := range logs {
		ev, err := g.pool.ParseRootCommitted(l)
		if err != nil {
			return fmt.Errorf("RootCommitted in block %d: %w", l.BlockNumber, err)
		}
		c := &commit{epoch: ev.Epoch.Uint64(), root: ev.Root, claimableAt: ev.ClaimableAt, files: map[common.Hash]*fileState{}}
		c.take(event{batchHash: ev.BatchHash, uri: ev.Uri, block: ev.Raw.BlockNumber, blockHash: ev.Raw.BlockHash})
		switch old := g.pending[c.epoch]; {
		case old == nil:
			g.pending[c.epoch] = c
		case !old.is(c.root, c.claimableAt):
			// Committed again, at the follower's depth: the commit followed (its veto, or a discard followed to
			// the depth) is discarded, and the new one replaces it. Its kept files go (unless the new one names
			// the same bytes); the new commit keeps what was learnt of it, in case a reorg deeper than the depth
			// takes the new commit and the discard (rollback), and counts it gone once decided itself.
			g.cfg.Log.Info("epoch committed again while its earlier commit was followed: the earlier one is discarded",
				zap.Uint64("epoch", c.epoch), zap.Stringer("root", old.root), zap.String("intent", old.vetoID))
			if t := old.taken; t != nil && t.is(c.root, c.claimableAt) { // read again after a reorg took it back
				t.take(c.event)
				t.replaced, c = nil, t // replaces old again below
			}
			old.taken = nil
			g.pending[c.epoch] = c
			for r := old; r != nil; r = r.replaced {
				for h := range r.files {
					g.dropKept(c.epoch, h)
				}
			}
			c.replaced = old
		default:
			// The pool cannot tell the two apart (commit.is), nor can a veto: one commit, followed on.
			g.cfg.Log.Info("epoch committed again with the same root and claim time: followed as the same commit",
				zap.Uint64("epoch", c.epoch), zap.Stringer("root", c.root), zap.String("uri", c.uri), zap.String("intent", old.vetoID))
			old.earlier = append(old.earlier, old.event)
			old.take(c.event)
		}
	}
	return nil
}

// rollback drops what the follower read above r.Fork (a reorg deeper than its depth, or none of its blocks
// canonical: everything, read again from Config.Start). The follower reads the blocks above the fork again,
// not those at or below it, so a commit whose newest event was above the fork falls back on what it
// followed before that event, at or below the fork: its earlier event (a same-commit recommit taken), else
// the commit it replaced (a recommit with another root or claim time taken): the commit the pool holds
// again if the reorg took the veto that discarded it too (goneForGood tells, as for any commit). A commit
// with neither is dropped, its event read again if still in the chain. No kept file is removed: the events
// taken may be read again, in another block, and their files then checked from the copies kept (a file
// kept for an event never read again stays on disk, within ledger.KeptFiles' bound). A replacing commit
// taken back is kept by the commit it replaced (taken): read again, in another block, it goes on with what
// was learnt of it, as a same-commit recommit does. Each commit is counted once, when decided (done).
func (g *Guard) rollback(_ context.Context, r follow.Reorg) error {
	for e, c := range g.pending {
		if !r.Found {
			delete(g.pending, e)
			continue
		}
		newest := c
		for c != nil && c.block > r.Fork.Number {
			if n := len(c.earlier) - 1; n >= 0 {
				g.cfg.Log.Warn("recommit of a followed epoch reorged out: following its earlier event", zap.Uint64("epoch", e),
					zap.Stringer("root", c.root), zap.Uint64("block", c.block), zap.Uint64("earlierBlock", c.earlier[n].block))
				c.take(c.earlier[n])
				c.earlier = c.earlier[:n]
				continue
			}
			if c.replaced != nil {
				g.cfg.Log.Warn("replacing commit of a followed epoch reorged out: following the commit it replaced", zap.Uint64("epoch", e),
					zap.Stringer("root", c.root), zap.Uint64("block", c.block), zap.Stringer("replacedRoot", c.replaced.root))
				c.replaced.taken = c
			}
			c = c.replaced
		}
		switch {
		case c == nil:
			delete(g.pending, e)
		case c != newest:
			g.pending[e] = c
		}
	}
	return nil
}

// live reports whether c is still the pool's epoch c.epoch (not discarded by a veto, nor replaced). It reads
// the latest block, not the step's head by hash: whichever node answers, it only picks the way on, as a
// discard is taken for final only on the head's chain (goneForGood) and a veto sent only after stillPending
// reads the epoch again.
func (g *Guard) live(ctx context.Context, c *commit) (bool, error) {
	e, ok, err := g.epochs.Epoch(ctx, c.epoch)
	if err != nil || !ok {
		return false, err
	}
	return c.is(e.Root, e.ClaimableAt), nil
}

// is reports whether a commit of c's epoch with root, claimable at claimableAt (the pool's epoch as read, or
// a RootCommitted event), is c's commit. A commit is its root and its claim time: what the pool keeps of it
// and what vetoRoot names, so the guard's reads, its vetoes and the events it follows agree on it (not the
// batchHash or uri, which the pool does not keep). A root may be committed again after the veto of an earlier
// epoch discarded it (only the vetoed root is barred), with another file and a later window: that recommit is
// a commit of its own, checked once the follower reads it, never judged by c's window and uri (c's uri may be
// served no longer, and the honest recommit taken for withheld), also when its file is c's bytes. Only a
// recommit whose claim time the previous epoch's sets, as c's was, is not told apart (by vetoRoot either):
// its window is c's, and the guard follows it as c (take).
func (c *commit) is(root common.Hash, claimableAt uint64) bool {
	return root == c.root && claimableAt == c.claimableAt
}

// bytesAlone names the checks whose findings the committed bytes decide alone, whatever the chain or the
// earlier epochs' files say: not a batch file or another commit's (CheckCommit), another deployment's, trees
// that do not give the root. The other checks read the commit's on-chain values, its time, the deposits as
// of its read, or the previous epoch's file, any of which a recommit may change.
var bytesAlone = map[string]bool{CheckCommit: true, ledger.CheckDeployment: true, ledger.CheckTrees: true}

// take makes n the event c follows: its first, a RootCommitted event of c's commit read again (c.is: the
// epoch discarded by the veto of an earlier one and committed again with the same root and claim time), or,
// when a reorg took that recommit (rollback), the event before it. What c learnt of the commit stays, as the
// pool and a veto cannot tell one event's commit from the other's:
//   - vetoTry, vetoID, vetoResult: a veto sent names n as well (vetoRoot's root and claim time): followed and
//     driven on from the try it is at, never sent again beside itself;
//   - tries, lastErr: what was tried (tries > 0: its window's end reported, not taken for read too late).
//
// What it learnt of each file stays with the file (fileState, by batchHash), and c follows n's: for bytes
// followed before (the same file recommitted at another uri, or the earlier file a reorg falls back on),
// whether they were obtained, their withheld run and their window's last part (counted from the commit
// time a try first read for them), as they are about those bytes, which the keeper has had to serve since
// it first committed them: recommitting them neither breaks a run nor moves the part in which tries count.
// Bytes never named before start afresh, the last part counted from n's commit, as for any commit of a
// file: an honest keeper's new file is not vetoed as withheld on one failed try because its earlier file
// was not obtained.
//
// found stays only for a finding in n's bytes alone (byteFound, bytesAlone): vetoed as it was to be,
// without reading a file again (a recommit of them at a uri not served must not buy the root a check from
// scratch and the time that takes). Any other finding is checked again: it rested on what the recommit may
// change (the same-claim-time recommit follows the veto and recommit of the previous epoch, so another
// previous file for the credits check, and the commit's time and values), and an honest recommit must not
// be vetoed for an earlier file's fault.
//
// From n: the uri and batchHash, the file the pool's commit names now, the one to obtain and check; and
// n's block and its hash, c's time (committedAt, read again by that hash) being n's: a file committed then
// may credit sessions begun before then (keeper check-batch dates the check by the root's newest commit too).
func (c *commit) take(n event) {
	f := c.files[n.batchHash]
	if f == nil {
		f = &fileState{}
		c.files[n.batchHash] = f
	}
	c.fileState = f
	c.found = f.byteFound
	if n.blockHash != c.blockHash {
		c.time = 0
	}
	c.event = n
}

// goneForGood reports whether c's commit was gone from the pool already in the block the guard's depth
// deep (discardDepth: Config.Confirmations, at least its veto sender's) below this step's head: a discard
// that depth covers, which no reorg it allows for undoes. A discard only seen at the head (a veto, the
// guard's or another guardian's, at depth 1) may be reorged out, the root back and pending: c is followed
// until then.
//
// That block is the one on the chain of this step's head (walked down its parent hashes: finalBlock), and
// the pool is read as of it by hash, never by number. The backend fails over between nodes, so any read may
// be answered by another node than the head's, and a node on another branch (or a lagging one still on a
// stale branch) answers a read by number for its own block at that height: a discard deep on its branch
// would be taken for final here, and the two calls of the epoch read could even answer for two blocks. Read
// by hash, each answers for the head's chain whichever node takes it, or fails where the node does not have
// the block (an error: c stays followed, read again next step), never for another block.
func (g *Guard) goneForGood(ctx context.Context, c *commit) (bool, error) {
	h, ok, err := g.finalBlock(ctx)
	switch {
	case err != nil:
		return false, fmt.Errorf("epoch %d: %w", c.epoch, err)
	case !ok:
		return false, nil
	}
	e, live, err := g.epochs.EpochAt(ctx, c.epoch, h.Hash())
	if err != nil {
		return false, fmt.Errorf("epoch %d as of block %d (%s): %w", c.epoch, h.Number.Uint64(), h.Hash().Hex(), err)
	}
	return !live || !c.is(e.Root, e.ClaimableAt), nil
}

// finalBlock returns the header of the block discardDepth deep below this step's head (depth 1: the head),
// ok false when the chain is not that long: it walks the parent hashes down from the head's, discardDepth-1
// header reads by hash, once a step for every epoch that asks (the answer, or the error, kept until Step
// starts again).
func (g *Guard) finalBlock(ctx context.Context) (*types.Header, bool, error) {
	final, ok := follow.Confirmed(g.head.Number.Uint64(), g.discardDepth)
	if !ok || g.walked {
		return g.final, ok, g.finalErr
	}
	g.walked = true
	h := g.head
	for h.Number.Uint64() > final {
		p, err := g.cfg.Backend.HeaderByHash(ctx, h.ParentHash)
		if err == nil && p.Hash() != h.ParentHash {
			err = fmt.Errorf("the node answered block %s", p.Hash().Hex())
		}
		if err != nil {
			g.finalErr = fmt.Errorf("block %d (%s) below the step's head: %w", h.Number.Uint64()-1, h.ParentHash.Hex(), err)
			return nil, true, g.finalErr
		}
		h = p
	}
	g.final = h
	return h, true, nil
}

// decide checks c once, the chain's head at time now; it leaves c pending when a check could not be made
// (or its veto not sent) within its window.
func (g *Guard) decide(ctx context.Context, c *commit, now uint64) error {
	log := g.cfg.Log.With(zap.Uint64("epoch", c.epoch), zap.Stringer("root", c.root), zap.String("uri", c.uri))
	if now >= c.claimableAt && c.tries == 0 {
		// Claimable before this guard first read it (a start after its window): nothing to decide, no alert.
		log.Debug("epoch claimable before the guard read it: not checked")
		delete(g.pending, c.epoch)
		return nil
	}
	live, err := g.live(ctx, c)
	if err != nil {
		return fmt.Errorf("epoch %d: %w", c.epoch, err)
	}
	if g.cfg.Veto != nil && (c.vetoID != "" || !live) {
		if settled, err := g.followVeto(ctx, c, live, log); settled || err != nil {
			return err
		}
	}
	switch {
	case !live:
		gone, err := g.goneForGood(ctx, c)
		switch {
		case err != nil && now >= c.claimableAt:
			// A node without the state at that depth (pruned): past the window a veto could no longer land
			// anyway, so the epoch is not followed forever.
			log.Warn("epoch discarded; not read at the guard's depth, and its window is over: no longer followed", zap.Error(err))
		case err != nil:
			return err
		case !gone:
			log.Info("epoch discarded, not yet at the guard's depth: followed until it is")
			return nil
		}
		log.Info("epoch discarded before the guard decided it (vetoed)")
		g.done(c, ResultGone)
		return nil
	case now >= c.claimableAt && c.found:
		log.Error("dispute window over before the veto landed: the root is claimable", zap.String("last", c.lastErr))
		g.done(c, ResultProblem)
		return nil
	case now >= c.claimableAt && !c.obtained:
		log.Error("dispute window over and the batch file was withheld (never obtained): not vetoed, the root is claimable",
			zap.Int("tries", c.tries), zap.String("last", c.lastErr), zap.Bool("veto", g.cfg.Veto != nil))
		g.done(c, ResultUnchecked)
		return nil
	case now >= c.claimableAt:
		log.Error("dispute window over and the batch file could not be checked: not vetoed, check it by hand",
			zap.Int("tries", c.tries), zap.String("last", c.lastErr))
		g.done(c, ResultUnchecked)
		return nil
	case c.found:
		// A finding in the committed bytes cannot go away: the veto is sent again, the file not read again
		// (the keeper may have stopped serving it since).
		return g.vetoPending(ctx, c, log, ResultVetoed)
	}
	c.tries++
	checks, err := g.check(ctx, c)
	if err != nil {
		c.lastErr = err.Error()
		msg := "batch file not checked, trying again"
		if errors.Is(err, ErrNotCommitted) {
			msg = "batch file is not the one committed (altered on the way or replaced): no evidence, not vetoed, trying again"
		}
		if !c.obtained {
			return g.withheld(ctx, c, now, log, msg, err)
		}
		// Obtained in an earlier try, so not withheld; nor does this try, which did not obtain it, break a run
		// of earlier epochs' files not obtained (c.lastFails).
		log.Warn(msg, zap.Error(err), zap.Int("tries", c.tries), zap.Time("windowEnds", time.Unix(int64(c.claimableAt), 0)))
		return nil
	}
	findings, inBytes := 0, false
	var problems []string
	for i := range checks {
		findings += checks[i].Findings()
		inBytes = inBytes || (bytesAlone[checks[i].Name] && checks[i].Findings() > 0)
		for _, p := range checks[i].Problems {
			problems = append(problems, checks[i].Name+": "+p)
		}
	}
	var withheld error
	for i := range checks {
		withheld = cmp.Or(withheld, checks[i].Withheld())
	}
	if withheld == nil {
		// This try obtained the epoch's file (check answered; c.obtained only says some try did) and every
		// earlier epoch's file its check asked for (a check the chain cut short asked for none yet): what the
		// keeper had to serve, it served. The withheld tries before it were not in a row with any after it.
		c.lastFails = 0
	}
	switch {
	case findings == 0 && withheld != nil:
		// An earlier epoch's file the check needs is not served (and this guard did not keep it): the root
		// cannot be rebuilt and checked, as if its own file were withheld (a fetch that got no answer counting
		// only if the guard's own way out works).
		c.lastErr = strings.Join(problems, "; ")
		return g.withheld(ctx, c, now, log, "an earlier epoch's batch file the check needs is not obtained: trying again", withheld)
	case findings == 0 && len(problems) > 0:
		c.lastErr = strings.Join(problems, "; ")
		log.Warn("batch file check incomplete (the chain did not answer), trying again", zap.Strings("unanswered", problems))
		return nil
	case findings == 0:
		log.Info("batch file ok")
		g.done(c, ResultOK)
		return nil
	case g.cfg.Veto == nil:
		log.Error("batch file has problems: not vetoed (no --veto)", zap.Int("findings", findings), zap.Strings("problems", problems))
		g.done(c, ResultProblem)
		return nil
	}
	log.Error("batch file has problems: vetoing", zap.Int("findings", findings), zap.Strings("problems", problems))
	c.found, c.byteFound = true, inBytes // not found before (a finding is vetoed above without a check)
	return g.vetoPending(ctx, c, log, ResultVetoed)
}

// vetoPending vetoes c if, read again now, the pool's epoch still holds c's commit and is pending; a landed
// veto is counted as result. Not sent, or not landed, c stays pending for the next step.
func (g *Guard) vetoPending(ctx context.Context, c *commit, log *zap.Logger, result string) error {
	if g.beforeVeto != nil {
		g.beforeVeto(c.epoch)
	}
	c.vetoResult = result
	// Read again right before sending: the fetch and checks took time (vetoRoot reverts on another root anyway).
	switch live, open, err := g.stillPending(ctx, c); {
	case err != nil:
		c.lastErr = err.Error()
		log.Warn("epoch not read again before the veto: not sent, trying again", zap.Error(err))
		return nil
	case !live && c.vetoID != "":
		return nil // discarded meanwhile, perhaps by the veto sent before: followed next step (followVeto)
	case !live:
		// Another's veto (or a new commit) between the check and ours, perhaps one block deep: decide follows
		// the discard to the guard's depth from the next step on, and vetoes the root if a reorg brings it back.
		log.Warn("epoch discarded or committed again between the check and the veto: not vetoed, followed")
		return nil
	case !open:
		return nil // the window ended meanwhile: reported next step
	}
	r, err := g.veto(ctx, c)
	if err != nil {
		c.lastErr = err.Error()
		log.Error("veto failed, trying again next step while the window lasts", zap.Error(err))
		return nil // the other epochs are still checked and logged
	}
	log.Info("veto mined", zap.Stringer("tx", r.TxHash), zap.Uint64("block", r.BlockNumber.Uint64()), zap.String("intent", c.vetoID))
	_, err = g.followVeto(ctx, c, true, log) // landed once confirmed at the depth (at once with one confirmation)
	return err
}

// followVeto follows c's veto (c.vetoID; without one, the epoch found discarded, the one a guard run before
// a restart may have sent: VetoIntent(epoch, root, claimableAt, vetoTry), looked up in the store) until the
// transaction manager confirms it at its depth (Sender.Check, which never waits): a veto counts as landed
// only then, so one whose block a reorg removes is not taken for done. live is whether the pool's epoch,
// read right before, still holds c's commit (commit.is). It returns true when c is settled for this step:
// the veto landed (c done), or it is mined and waits for its depth, or a read failed with the root gone (the
// error); false when the step decides c as any commit whose veto has not landed: a veto in no block (not
// mined yet, or its block left the chain) or whose receipt could not be read while the pool still holds the
// root is driven on by the caller (the same transaction, its fees bumped: vetoPending, veto); one that
// failed for good is followed by a new try (vetoTry) if the root is still there; the root gone (vetoed by
// another, or committed again) while ours is in no block, nothing is sent, and decide follows the discard
// until it is at the guard's depth.
func (g *Guard) followVeto(ctx context.Context, c *commit, live bool, log *zap.Logger) (bool, error) {
	if c.vetoID == "" {
		c.vetoID = VetoIntent(c.epoch, c.root, c.claimableAt, c.vetoTry)
	}
	for c.vetoID != "" {
		r, err := g.cfg.Veto.Check(ctx, c.vetoID)
		switch {
		case err == nil:
			log.Warn("epoch vetoed", zap.Stringer("tx", r.TxHash), zap.Uint64("block", r.BlockNumber.Uint64()), zap.String("intent", c.vetoID))
			g.done(c, cmp.Or(c.vetoResult, ResultVetoed))
			return true, nil
		case errors.Is(err, txmgr.ErrNotConfirmed):
			log.Info("veto mined, waiting for its confirmations", zap.String("intent", c.vetoID))
			return true, nil
		case errors.Is(err, txmgr.ErrNotMined) && live:
			log.Warn("veto in no block (not mined yet, or its block left the chain) and the root still pending: sending it again",
				zap.String("intent", c.vetoID))
			return false, nil
		case errors.Is(err, txmgr.ErrNotMined):
			// The root is gone at the head while this veto is in no block: another's discard, or this veto
			// in a block the node has not shown yet. Kept: decide follows the discard to the guard's depth,
			// and a root back (a reorg) gets this veto resumed.
			return false, nil
		case errors.Is(err, txmgr.ErrReverted), errors.Is(err, txmgr.ErrNonceTaken):
			log.Warn("veto transaction failed for good", zap.String("intent", c.vetoID), zap.Error(err))
			c.vetoTry++
			c.vetoID = VetoIntent(c.epoch, c.root, c.claimableAt, c.vetoTry) // a later one, if sent before a restart
		case errors.Is(err, txmgr.ErrUnknownIntent):
			c.vetoID = ""
		case live:
			// The receipt read failed (a node indexing, rate limits): Send drives the veto on all the same
			// (it rebroadcasts and bumps its fees through failed reads), as the window will not wait.
			log.Warn("veto not checked, driven on", zap.String("intent", c.vetoID), zap.Error(err))
			return false, nil
		default:
			return true, fmt.Errorf("epoch %d: veto %s not checked: %w", c.epoch, c.vetoID, err)
		}
	}
	return false, nil
}

// committedAt returns c's commit block's time, read once, by the block's hash (the one its event was read
// in): another node's block at that height, on another branch, has another time.
func (g *Guard) committedAt(ctx context.Context, c *commit) (uint64, error) {
	if c.time == 0 {
		h, err := g.cfg.Backend.HeaderByHash(ctx, c.blockHash)
		if err != nil {
			return 0, fmt.Errorf("commit block %d: %w", c.block, err)
		}
		c.time = h.Time
	}
	return c.time, nil
}

// withheldFrom returns when c's window's last part begins (LastPartFrom).
func (g *Guard) withheldFrom(ctx context.Context, c *commit) (uint64, error) {
	if c.lastPart == 0 {
		at, err := g.committedAt(ctx, c)
		if err != nil {
			return 0, err
		}
		c.lastPart = LastPartFrom(at, c.claimableAt, g.cfg.WithheldMargin)
	}
	return c.lastPart, nil
}

// LastPartFrom returns when the last part of an epoch's dispute window begins, the epoch committed at
// time committedAt and claimable at claimableAt: claimableAt - margin, margin 0 meaning a quarter of the
// window (claimableAt - committedAt) and a longer one capped at the window.
func LastPartFrom(committedAt, claimableAt uint64, margin time.Duration) uint64 {
	window := claimableAt - min(committedAt, claimableAt)
	m := window / 4
	if margin > 0 {
		m = min(uint64(margin/time.Second), window)
	}
	return claimableAt - m
}

// withheld decides an epoch whose batch file, or an earlier epoch's that its check needs, was not obtained
// this try (c.lastErr says why; fetchErr the fetch's error, when there was one): with a key, WithheldTries
// such tries in a row in the window's last part veto it (a try that got no answer counts only if
// Config.Reachable then finds the guard's own way out working); otherwise it is logged (msg) and tried
// again next step. The run is broken by a try that obtained the epoch's file and every earlier file its check
// asked for (decide), whether or not the chain then answered the check.
func (g *Guard) withheld(ctx context.Context, c *commit, now uint64, log *zap.Logger, msg string, fetchErr error) error {
	if g.cfg.Veto != nil {
		from, err := g.withheldFrom(ctx, c)
		if err != nil {
			return fmt.Errorf("epoch %d: %w", c.epoch, err)
		}
		if now >= from && errors.Is(fetchErr, ErrUnanswered) && g.cfg.Reachable != nil {
			if err := g.ownWayOut(ctx); err != nil {
				// Neither counted nor breaking the run: with its own way out down the guard learnt nothing
				// about the keeper this try. Counted, an outage of the guard's network would veto honest
				// epochs; breaking the run, every such try would pardon the withheld tries around it.
				log.Error("batch file not obtained and the guard's own network check failed: not counted as withheld, trying again",
					zap.String("last", c.lastErr), zap.Error(err), zap.Time("windowEnds", time.Unix(int64(c.claimableAt), 0)))
				return nil
			}
		}
		if now >= from {
			if c.lastFails++; c.lastFails >= WithheldTries {
				log.Error("batch file withheld: vetoing", zap.Int("tries", c.tries), zap.String("last", c.lastErr),
					zap.Time("lastPartFrom", time.Unix(int64(from), 0)), zap.Time("windowEnds", time.Unix(int64(c.claimableAt), 0)))
				return g.vetoPending(ctx, c, log, ResultWithheld)
			}
			log.Warn("batch file still not obtained in the window's last part: vetoed as withheld if the next try fails too",
				zap.String("last", c.lastErr), zap.Int("tries", c.tries), zap.Time("windowEnds", time.Unix(int64(c.claimableAt), 0)))
			return nil
		}
	}
	log.Warn(msg, zap.String("last", c.lastErr), zap.Int("tries", c.tries), zap.Time("windowEnds", time.Unix(int64(c.claimableAt), 0)))
	return nil
}

// ownWayOut is Config.Reachable's answer, asked at most once a step (Step forgets it).
func (g *Guard) ownWayOut(ctx context.Context) error {
	if !g.reached {
		g.reachErr, g.reached = g.cfg.Reachable(ctx), true
	}
	return g.reachErr
}

// stillPending reads again whether the pool's epoch c.epoch still holds c's commit (live) and, if so, whether
// its window is still open as the chain's head says now.
func (g *Guard) stillPending(ctx context.Context, c *commit) (live, open bool, err error) {
	if live, err = g.live(ctx, c); err != nil || !live {
		return live, false, err
	}
	head, err := g.cfg.Backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return true, false, err
	}
	return true, head.Time < c.claimableAt, nil
}

// veto sends vetoRoot(c.epoch) as the intent VetoIntent(c.epoch, c.root, c.claimableAt, c.vetoTry) (a new one, or the one
// sent before, driven on) and waits for its receipt at most VetoWait. One that failed for good (reverted, or
// its nonce taken by another transaction) moves c on to a new intent, its gas estimated again, at most
// vetoTriesPerStep a call (a guard started again walks through the failed ones it stored the same way); the
// epoch's root still there is the caller's check (the estimate fails if not).
func (g *Guard) veto(ctx context.Context, c *commit) (*types.Receipt, error) {
	data, err := poolABI.Pack("vetoRoot", new(big.Int).SetUint64(c.epoch), c.root, c.claimableAt)
	if err != nil {
		return nil, err
	}
	wait := g.cfg.VetoWait
	if wait <= 0 {
		wait = DefaultVetoWait
	}
	waitCtx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	var failed error
	for range vetoTriesPerStep {
		id := VetoIntent(c.epoch, c.root, c.claimableAt, c.vetoTry)
		// A new veto's gas is estimated by the manager (txmgr.ErrEstimate: the epoch gone meanwhile, or the
		// RPC down, tried again next step), with the headroom; a stored one is resumed as it was.
		r, err := g.cfg.Veto.Send(waitCtx, id, txmgr.Candidate{To: g.cfg.Pool, Data: data, GasExtra: VetoGasHeadroom})
		c.vetoID = ""
		switch {
		case errors.Is(err, txmgr.ErrNonceTaken):
			failed = fmt.Errorf("vetoRoot(%d) (%s): %w", c.epoch, id, err)
		case errors.Is(err, txmgr.ErrEstimate): // nothing stored
			return nil, errors.Join(failed, fmt.Errorf("vetoRoot(%d) (%s): %w", c.epoch, id, err))
		case err != nil:
			c.vetoID = id // stored (else Check finds none): followed, and driven on while the root is pending
			return nil, errors.Join(failed, fmt.Errorf("vetoRoot(%d) (%s) not mined within %s: %w", c.epoch, id, wait, err))
		case r.Status != types.ReceiptStatusSuccessful:
			failed = fmt.Errorf("vetoRoot(%d) %s (%s) reverted", c.epoch, r.TxHash, id)
		default:
			c.vetoID = id
			return r, nil
		}
		g.cfg.Log.Warn("veto transaction failed for good: sending a new one", zap.Uint64("epoch", c.epoch), zap.Error(failed))
		c.vetoTry++
	}
	return nil, failed
}

func (g *Guard) done(c *commit, result string) {
	if g.pending[c.epoch] == c {
		delete(g.pending, c.epoch)
	}
	g.count(result)
	for r := c.replaced; r != nil; r = r.replaced { // counted once, when the commit that replaced them is decided
		g.count(ResultGone)
	}
	for h := range c.files { // the commits c replaced had theirs dropped when it replaced them
		// c's newest file stays kept unless c is vetoed for a finding or gone: a later epoch's check may
		// compare with it.
		if h != c.batchHash || result == ResultVetoed || result == ResultGone {
			g.dropKept(c.epoch, h)
		}
	}
}

// dropKept removes the kept batch file batchHash of epoch, named by commits discarded, replaced, or
// decided: no later check reads it, unless the commit now pending for the epoch named the same bytes (kept
// under the same epoch and batchHash: ledger.KeptFiles). The files of the commits it replaced were dropped
// when it replaced them, so only its own are asked.
func (g *Guard) dropKept(epoch uint64, batchHash common.Hash) {
	k := g.cfg.Checker.Keep
	if k == nil {
		return
	}
	if p := g.pending[epoch]; p != nil && p.files[batchHash] != nil {
		return
	}
	if err := k.Drop(epoch, batchHash); err != nil {
		g.cfg.Log.Warn("kept batch file of a discarded root not removed", zap.Uint64("epoch", epoch), zap.Error(err))
	}
}

// check takes c's batch file (this step's prefetch, else obtained now) and runs the checks; an error is a
// check that could not be made (the file unreachable, not the one committed, or not a batch file). It marks
// c obtained once the file is the committed bytes and a batch file.
func (g *Guard) check(ctx context.Context, c *commit) ([]ledger.BatchCheck, error) {
	bf, err := c.file, c.fetchErr // this step's prefetch: its failure, or a file it could not keep
	c.file, c.fetchErr = nil, nil
	if bf == nil && err == nil {
		bf, err = ledger.ObtainCommitted(ctx, g.cfg.Fetch, g.cfg.Checker.Keep, c.epoch, c.uri, c.batchHash)
	}
	switch {
	case errors.Is(err, ledger.ErrNotBatchFile):
		// The bytes the keeper committed to, which nobody can rebuild the root from: a finding, not a withheld file.
		c.obtained = true
		return []ledger.BatchCheck{{Name: CheckCommit, Problems: []string{err.Error()}}}, nil
	case bf == nil:
		return nil, err
	case err != nil: // obtained, not kept on disk: checked all the same, the guard's own problem
		g.set.GetOrCreateCounter("keeper_guard_files_not_kept_total").Inc()
		g.cfg.Log.Error("batch file obtained but not kept on disk (checked all the same; a restart must obtain it again)",
			zap.Uint64("epoch", c.epoch), zap.Error(err))
	}
	c.obtained = true // the committed bytes, a batch file: whatever the chain answers, not withheld
	// The later epochs' credits checks need it, served or not. A history that cannot be written (the guard's
	// own disk) leaves them to obtain the file again: logged, and this check goes on.
	if err := g.cfg.Checker.Remember(ctx, c.epoch, c.root, c.batchHash, bf); err != nil {
		g.cfg.Log.Error("batch file not recorded in the credits check's history", zap.Uint64("epoch", c.epoch), zap.Error(err))
	}
	own := ledger.BatchCheck{Name: CheckCommit}
	if bf.Epoch != c.epoch {
		own.Problems = append(own.Problems, fmt.Sprintf("the file is epoch %d's, the commit epoch %d's", bf.Epoch, c.epoch))
	}
	if bf.Root != c.root {
		own.Problems = append(own.Problems, fmt.Sprintf("the file's root %s, the commit's %s", bf.Root.Hex(), c.root.Hex()))
	}
	if !own.OK() {
		bf.Epoch, bf.Root = c.epoch, c.root // the rest checked as the commit's
	}
	// The commit's time, which no session the file credits can start after (BatchChecker.Check).
	at, err := g.committedAt(ctx, c)
	if err != nil {
		return nil, err
	}
	return append([]ledger.BatchCheck{own}, g.cfg.Checker.Check(ctx, bf, at)...), nil
}

// ErrUnanswered: a fetch got no whole HTTP answer (no connection, DNS, a timeout, the body cut off). That may
// be the keeper withholding its file or the guard's own network: with Config.Reachable the guard tells them
// apart before counting it as a withheld try.
var ErrUnanswered = errors.New("no answer")

// Reachable returns a Config.Reachable that GETs each of urls through client, each within timeout, and
// reports nil once one answers with any HTTP status: the guard's own way out works. With no urls it returns
// nil (nothing to tell with).
func Reachable(client *http.Client, urls []string, timeout time.Duration) func(ctx context.Context) error {
	if len(urls) == 0 {
		return nil
	}
	return func(ctx context.Context) error {
		var errs []error
		for _, u := range urls {
			ctx, cancel := context.WithTimeout(ctx, timeout)
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
			if err == nil {
				var resp *http.Response
				if resp, err = client.Do(req); err == nil {
					resp.Body.Close()
					cancel()
					return nil
				}
			}
			cancel()
			errs = append(errs, fmt.Errorf("%s: %w", chain.RedactURL(u), chain.RedactErr(err, u))) // its path or query may hold an API key
		}
		return fmt.Errorf("no control URL answered: %w", errors.Join(errs...))
	}
}

// Fetcher returns a Fetch over client (netguard's: no redirects, its address policy) that gives each
// request timeout and reads at most limit bytes.
func Fetcher(client *http.Client, timeout time.Duration, limit int64) func(ctx context.Context, uri string) ([]byte, error) {
	return func(ctx context.Context, uri string) ([]byte, error) {
		if !strings.HasPrefix(uri, "http://") && !strings.HasPrefix(uri, "https://") {
			return nil, fmt.Errorf("uri %q is not an http(s) URL", uri)
		}
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, uri, nil)
		if err != nil {
			return nil, err
		}
		// A cache on the way answers from the origin: the uri's file changes when its epoch is committed again.
		req.Header.Set("Cache-Control", "no-cache")
		resp, err := client.Do(req)
		switch {
		case errors.Is(err, netguard.ErrRefused):
			return nil, err // the uri the keeper chose, refused by policy: its doing
		case err != nil:
			return nil, fmt.Errorf("%w: %w", ErrUnanswered, err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %s", uri, resp.Status)
		}
		data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
		if err != nil {
			return nil, fmt.Errorf("%w: GET %s: %w", ErrUnanswered, uri, err)
		}
		if int64(len(data)) > limit {
			return nil, fmt.Errorf("GET %s: larger than %d bytes", uri, limit)
		}
		return data, nil
	}
}
