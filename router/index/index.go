// Package index is the router's chain indexer: it copies the Marketplace and ModelRegistry logs, and the
// ComputePool's epoch, deposit and spend-cap logs, from the deployment's start block into the store's
// event table (filtered by address and by the event signatures the book folds, book.Topics; a provider
// signer event with its block's time, book.State.NeedsTime), in bounded block ranges, up to the newest
// block with Config.Confirmations confirmations (chain/follow's depth: the block itself counts), and folds them into a book.State whose snapshots feed matching. Its cursor (last
// indexed block and that block's hash) is stored in the same transaction as the logs of each range, so
// a restart resumes exactly where it stopped: no log is replayed into the state twice or missed.
//
// Reorgs: the ranges and the reorgs come from chain/follow, seeded with the stored range-end hashes (the
// newest is the cursor). When a block indexed was replaced, the follower finds the fork point among them;
// the indexer deletes every stored log above it, rebuilds the state from the stored logs (the book is a
// pure fold, so no snapshots are needed) and indexes forward again. With a confirmation depth larger than
// any reorg this never triggers; with depth 1 (every mined block) it keeps the book exact anyway.
//
// Replicas: several routers may share one PostgreSQL database; exactly one of them indexes at a time —
// the holder of the store's lease (store.Lease: an advisory lock on a dedicated connection, with a
// fencing term checked by every write). The others follow the event table instead of the chain: they
// apply the stored logs above their own position up to the stored cursor (all of a range, or none of it,
// since a range and its cursor commit together), and rebuild from the stored logs when the table's
// generation changes (the indexer rolled back a reorg or reset the table). Every pass of a follower first
// tries to take the lease, so when the indexing replica dies (its session ends and PostgreSQL releases
// the lock) another indexes from the stored cursor within a poll interval. On SQLite there is one replica
// and it always indexes.
package index

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/store"
)

// Backend is the part of the chain client the indexer uses (chain.Client implements it). It is a
// follow.LogBackend: every log the indexer reads, the confirmed ranges' and SignersAbove's, is read through
// follow.Logs (a chain.Client's answers, there, each with the node that gave it).
type Backend interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

var _ follow.LogBackend = Backend(nil)

// Store is the part of the router store the indexer uses (*store.DB implements it). Writes go through
// the lease Lead returns.
type Store interface {
	Lead(ctx context.Context) (*store.Lease, error)
	Cursor(ctx context.Context) (store.Cursor, error)
	IndexState(ctx context.Context) (store.Cursor, int64, error)
	IndexedBlocks(ctx context.Context) ([]store.IndexedBlock, error)
	EventsBetween(ctx context.Context, from, to uint64, f func(*types.Log) error) error
	IndexFilter(ctx context.Context) (string, error)
}

// Config configures an Indexer.
type Config struct {
	Contracts     book.Contracts
	StartBlock    uint64        // first block to index (the deployment's)
	Confirmations uint64        // index a block once it has this many confirmations, itself included (chain/follow); 0 counts as 1
	MaxRange      uint64        // blocks per eth_getLogs call; default 2000
	PollInterval  time.Duration // default 2s
	KeepHashes    int           // range-end hashes remembered for reorg detection; default 256
}

// Indexer follows the chain. Run it in one goroutine; Snapshot is safe from any goroutine.
type Indexer struct {
	cfg     Config
	backend Backend
	store   Store
	log     *zap.Logger
	query   ethereum.FilterQuery // addresses and topics; the block range is set per call

	filter  string     // filterKey of the configuration: what the stored logs must cover
	mu      sync.Mutex // guards state, lease, gen and applied (Sync may be called from tests while Run is not running)
	state   *book.State
	lease   *store.Lease     // nil: following the event table
	gen     int64            // generation of the stored events the state was built from
	applied uint64           // the state holds every stored log up to this block
	chain   *follow.Follower // nil: built from the stored blocks at the next pass (after taking the lease or a failed pass)
	leading atomic.Bool
	snap    atomic.Pointer[book.Snapshot]

	subsMu sync.Mutex
	subs   []func(*book.Snapshot)
}

// New builds an indexer and loads the state from the stored logs (no RPC call).
func New(ctx context.Context, cfg Config, backend Backend, st Store, log *zap.Logger) (*Indexer, error) {
	if cfg.MaxRange == 0 {
		cfg.MaxRange = 2000
	}
	if cfg.PollInterval == 0 {
		cfg.PollInterval = 2 * time.Second
	}
	if cfg.KeepHashes == 0 {
		cfg.KeepHashes = 256
	}
	ix := &Indexer{cfg: cfg, backend: backend, store: st, log: log}
	topics, err := book.Topics()
	if err != nil {
		return nil, err
	}
	ix.query.Addresses = []common.Address{cfg.Contracts.Marketplace, cfg.Contracts.ModelRegistry}
	if cfg.Contracts.ComputePool != (common.Address{}) {
		ix.query.Addresses = append(ix.query.Addresses, cfg.Contracts.ComputePool)
	}
	ix.query.Topics = [][]common.Hash{topics}
	ix.filter = filterKey(cfg.StartBlock, ix.query)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.rebuild(ctx); err != nil {
		return nil, err
	}
	return ix, nil
}

// filterKey identifies what the stored logs cover: the start block, the addresses and the topics.
func filterKey(start uint64, q ethereum.FilterQuery) string {
	h := sha256.New()
	fmt.Fprintf(h, "start=%d;", start)
	for _, a := range q.Addresses {
		fmt.Fprintf(h, "addr=%s;", a.Hex())
	}
	for _, t := range q.Topics[0] {
		fmt.Fprintf(h, "topic=%s;", t.Hex())
	}
	return "v2:" + hex.EncodeToString(h.Sum(nil)) // v2: signer events stored with their block times (migration 00013)
}

func storedAnything(ctx context.Context, st Store) bool {
	c, err := st.Cursor(ctx)
	return err != nil || c.Set
}

// Leading reports whether this replica holds the lease and indexes the chain (else it follows the
// event table another replica writes).
func (ix *Indexer) Leading() bool { return ix.leading.Load() }

// Snapshot returns the latest book snapshot (never nil after New).
func (ix *Indexer) Snapshot() *book.Snapshot { return ix.snap.Load() }

// OnSnapshot registers f to be called (from the indexer goroutine) with every new snapshot.
func (ix *Indexer) OnSnapshot(f func(*book.Snapshot)) {
	ix.subsMu.Lock()
	ix.subs = append(ix.subs, f)
	ix.subsMu.Unlock()
}

func (ix *Indexer) publish(block uint64) {
	s := ix.state.Snapshot(block)
	ix.snap.Store(s)
	ix.subsMu.Lock()
	subs := append([]func(*book.Snapshot){}, ix.subs...)
	ix.subsMu.Unlock()
	for _, f := range subs {
		f(s)
	}
}

// rebuild folds every stored log up to the stored cursor into a fresh state. ix.mu must be held.
func (ix *Indexer) rebuild(ctx context.Context) error {
	st, err := book.NewState(ix.cfg.Contracts)
	if err != nil {
		return err
	}
	cur, gen, err := ix.store.IndexState(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	n := 0
	if cur.Set {
		if err := ix.store.EventsBetween(ctx, 0, cur.Block, func(l *types.Log) error {
			n++
			return ignoreUnknown(st.Apply(l))
		}); err != nil {
			return fmt.Errorf("index: rebuild: %w", err)
		}
	}
	if _, again, err := ix.store.IndexState(ctx); err != nil {
		return fmt.Errorf("index: %w", err)
	} else if again != gen {
		return fmt.Errorf("index: stored events rewritten during a rebuild (generation %d → %d); retrying", gen, again)
	}
	ix.state, ix.gen, ix.applied = st, gen, cur.Block
	ix.publish(cur.Block)
	ix.log.Info("book rebuilt from stored events", zap.Int("events", n), zap.Uint64("block", cur.Block))
	return nil
}

// follow brings the state up to the stored cursor from the event table (the indexing replica writes it).
// ix.mu must be held.
func (ix *Indexer) follow(ctx context.Context) error {
	cur, gen, err := ix.store.IndexState(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if gen != ix.gen || (cur.Set && cur.Block < ix.applied) {
		return ix.rebuild(ctx)
	}
	if !cur.Set || cur.Block == ix.applied {
		return nil
	}
	// Read first, apply after checking the generation again: a rewrite in between means they may be stale.
	var logs []types.Log
	if err := ix.store.EventsBetween(ctx, ix.applied+1, cur.Block, func(l *types.Log) error {
		logs = append(logs, *l)
		return nil
	}); err != nil {
		return fmt.Errorf("index: follow: %w", err)
	}
	if _, again, err := ix.store.IndexState(ctx); err != nil {
		return fmt.Errorf("index: %w", err)
	} else if again != gen {
		return ix.rebuild(ctx)
	}
	ix.apply(logs)
	ix.applied = cur.Block
	ix.publish(cur.Block)
	return nil
}

// apply folds logs into the state. ix.mu must be held.
func (ix *Indexer) apply(logs []types.Log) {
	for i := range logs {
		if err := ignoreUnknown(ix.state.Apply(&logs[i])); err != nil {
			// The logs are stored; a log the fold cannot decode is a bug or a contract mismatch.
			ix.log.Error("index: cannot apply log", zap.Uint64("block", logs[i].BlockNumber), zap.Uint("index", logs[i].Index), zap.Error(err))
		}
	}
}

// lead makes sure this replica holds the lease, taking it if it is free; it reports false (and follows
// the event table) when another replica indexes. On taking the lease it catches up with the stored
// events and re-indexes from the start block if they were indexed with another log filter. ix.mu must be
// held.
func (ix *Indexer) lead(ctx context.Context) (bool, error) {
	if ix.lease != nil {
		select {
		case <-ix.lease.Lost():
			ix.log.Warn("index: lost the indexer lease (database session ended); following")
			ix.dropLease()
		default:
			return true, nil
		}
	}
	lease, err := ix.store.Lead(ctx)
	if errors.Is(err, store.ErrNotLeader) {
		return false, ix.follow(ctx)
	}
	if err != nil {
		return false, fmt.Errorf("index: %w", err)
	}
	ix.lease, ix.chain = lease, nil
	ix.leading.Store(true)
	ix.log.Info("index: this replica indexes the chain", zap.Int64("term", lease.Term()))
	stored, err := ix.store.IndexFilter(ctx)
	if err != nil {
		return false, ix.fail(fmt.Errorf("index: %w", err))
	}
	if stored != ix.filter {
		if stored != "" || storedAnything(ctx, ix.store) {
			ix.log.Warn("index: log filter changed: re-indexing from the start block", zap.Uint64("start_block", ix.cfg.StartBlock))
		}
		if err := lease.ResetIndex(ctx, ix.filter); err != nil {
			return false, ix.fail(fmt.Errorf("index: %w", err))
		}
	}
	if err := ix.follow(ctx); err != nil {
		return false, ix.fail(err)
	}
	return true, nil
}

// fail drops the lease when err says a newer term took over, and returns err.
func (ix *Indexer) fail(err error) error {
	if errors.Is(err, store.ErrNotLeader) {
		ix.log.Warn("index: another replica took the indexer over; following", zap.Error(err))
		ix.dropLease()
	}
	return err
}

func (ix *Indexer) dropLease() {
	if ix.lease != nil {
		ix.lease.Release()
		ix.lease = nil
	}
	ix.chain = nil
	ix.leading.Store(false)
}

// Close gives the lease up (another replica takes over at once). The indexer may still be used: its
// next Sync takes the lease again if it is free.
func (ix *Indexer) Close() {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.dropLease()
}

func ignoreUnknown(err error) error {
	if errors.Is(err, book.ErrUnknownLog) {
		return nil
	}
	return err
}

// Run polls until ctx is done, then gives the lease up. Transient errors are logged and retried with
// capped back-off (retryWait).
func (ix *Indexer) Run(ctx context.Context) error {
	defer ix.Close()
	backoff := ix.cfg.PollInterval
	for {
		err := ix.Sync(ctx)
		var wait time.Duration
		wait, backoff = retryWait(err, backoff, ix.cfg.PollInterval)
		if err != nil && ctx.Err() == nil {
			ix.log.Warn("index: sync failed", zap.Error(err), zap.Duration("retry_in", wait))
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// retryWait is Run's wait before the next pass after one that returned err, and the back-off after it:
// the poll interval after a pass that went through; after a failed one the back-off, which doubles up to
// a minute. A node behind the blocks already read (follow.ErrBehind) or a range's logs not read as one view
// (follow.ErrLogsChanged: a node behind the range, a reorg or a failover between the reads) is no failure:
// it is polled at the poll interval, so the indexer goes on within one interval of the node's catching up.
func retryWait(err error, backoff, poll time.Duration) (wait, next time.Duration) {
	if err == nil || errors.Is(err, follow.ErrBehind) || errors.Is(err, follow.ErrLogsChanged) {
		return poll, poll
	}
	return backoff, min(backoff*2, time.Minute)
}

// Sync is one pass: when this replica holds (or can take) the lease, it indexes from the cursor up to
// the newest block with Confirmations confirmations, handling a reorg first if one happened; otherwise it
// follows the event table.
func (ix *Indexer) Sync(ctx context.Context) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if leading, err := ix.lead(ctx); err != nil || !leading {
		return err
	}
	return ix.fail(ix.index(ctx))
}

// index is the indexing replica's pass: the follower hands out the confirmed ranges and the reorgs, the
// store keeps each range's logs with its last block as the cursor. ix.mu must be held.
func (ix *Indexer) index(ctx context.Context) error {
	if ix.chain == nil {
		blocks, err := ix.store.IndexedBlocks(ctx) // the cursor is the newest: stored with each range
		if err != nil {
			return fmt.Errorf("index: %w", err)
		}
		read := make([]follow.Block, len(blocks))
		for i, b := range blocks {
			read[i] = follow.Block{Number: b.Number, Hash: b.Hash}
		}
		ix.chain = follow.New(ix.backend, follow.Config{Start: ix.cfg.StartBlock, Confirmations: ix.cfg.Confirmations,
			MaxRange: ix.cfg.MaxRange, Keep: ix.cfg.KeepHashes}, read)
	}
	changed := false
	tip, err := ix.chain.Sync(ctx, func(ctx context.Context, from uint64, to *types.Header) error {
		if err := ix.indexRange(ctx, from, to); err != nil {
			return err
		}
		changed = true
		return nil
	}, ix.rollback)
	if errors.Is(err, follow.ErrNotConfirmed) {
		return nil
	}
	if err != nil {
		ix.chain = nil // read the stored blocks again next pass: a write may have failed
		return fmt.Errorf("index: %w", err)
	}
	if changed {
		ix.publish(tip.Final.Number)
	}
	return nil
}

// indexRange stores the logs of blocks from..to (read as one view of the chain, follow.Logs) with to as
// the cursor and folds them. ix.mu must be held.
func (ix *Indexer) indexRange(ctx context.Context, from uint64, hdr *types.Header) error {
	to := hdr.Number.Uint64()
	logs, err := follow.Logs(ctx, ix.backend, ix.query, from, hdr)
	if err != nil {
		return err
	}
	if err := ix.blockTimes(ctx, logs, hdr); err != nil {
		return err
	}
	if err := ix.lease.AppendRange(ctx, logs, to, hdr.Hash(), ix.cfg.KeepHashes); err != nil {
		return err
	}
	ix.apply(logs)
	ix.applied = to
	ix.log.Debug("indexed range", zap.Uint64("from", from), zap.Uint64("to", to), zap.Int("logs", len(logs)))
	return nil
}

// blockTimes sets the BlockTimestamp of the logs whose block time the book needs (State.NeedsTime) where
// the node left it out (setTimes; the range is read again on an error). ix.mu must be held.
func (ix *Indexer) blockTimes(ctx context.Context, logs []types.Log, to *types.Header) error {
	return setTimes(ctx, ix.backend, logs, to, ix.state.NeedsTime)
}

// setTimes sets the BlockTimestamp of the logs need selects where the node left it out, reading each such
// block's header once (known's is known); a log of a block replaced since, or not found (a node behind), is
// follow.ErrLogsChanged.
func setTimes(ctx context.Context, backend Backend, logs []types.Log, known *types.Header, need func(*types.Log) bool) error {
	times := map[common.Hash]uint64{known.Hash(): known.Time}
	for i := range logs {
		l := &logs[i]
		if l.BlockTimestamp != 0 || !need(l) {
			continue
		}
		t, ok := times[l.BlockHash]
		if !ok {
			h, err := backend.HeaderByNumber(ctx, new(big.Int).SetUint64(l.BlockNumber))
			if errors.Is(err, ethereum.NotFound) {
				return fmt.Errorf("%w: block %d of a log not found: %w", follow.ErrLogsChanged, l.BlockNumber, err)
			}
			if err != nil {
				return fmt.Errorf("header %d: %w", l.BlockNumber, err)
			}
			if h.Hash() != l.BlockHash {
				return fmt.Errorf("%w: a log of block %d, replaced since", follow.ErrLogsChanged, l.BlockNumber)
			}
			t = h.Time
			times[l.BlockHash] = t
		}
		l.BlockTimestamp = t
	}
	return nil
}

// rollback rolls the store back to the fork point and rebuilds the state (follow.RollbackFunc). ix.mu
// must be held.
func (ix *Indexer) rollback(ctx context.Context, r follow.Reorg) error {
	var err error
	if r.Found {
		ix.log.Warn("reorg: rolling back", zap.Uint64("cursor", r.Last.Number), zap.Uint64("fork_point", r.Fork.Number))
		err = ix.lease.Rollback(ctx, r.Fork.Number, r.Fork.Hash, true)
	} else {
		ix.log.Warn("reorg deeper than remembered hashes: re-indexing from the start block", zap.Uint64("cursor", r.Last.Number))
		// Block 0 (genesis) holds no contract logs, so rolling back to it forgets every log.
		err = ix.lease.Rollback(ctx, 0, common.Hash{}, false)
	}
	if err != nil {
		return fmt.Errorf("rollback: %w", err)
	}
	return ix.rebuild(ctx)
}
