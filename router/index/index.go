// Package index is the router's chain indexer: it copies the Marketplace and ModelRegistry logs, and the
// ComputePool's epoch logs (RootCommitted, RootVetoed), from the deployment's start block into the store's
// event table (filtered by address and by the event signatures the book folds, book.Topics), in bounded block ranges, up to the head minus a
// confirmation depth, and folds them into a book.State whose snapshots feed matching. Its cursor (last
// indexed block and that block's hash) is stored in the same transaction as the logs of each range, so
// a restart resumes exactly where it stopped: no log is replayed into the state twice or missed.
//
// Reorgs: before each pass the indexer checks that the cursor block still has the stored hash. If not, it
// walks back through the remembered range-end hashes to the newest block still on the canonical chain
// (the fork point), deletes every stored log above it, rebuilds the state from the stored logs (the book
// is a pure fold, so no snapshots are needed) and indexes forward again. With a confirmation depth larger
// than any reorg this never triggers; with depth 0 it keeps the book exact anyway.
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

	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/store"
)

// Backend is the part of the chain client the indexer uses (chain.Client implements it).
type Backend interface {
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Store is the part of the router store the indexer uses (*store.DB implements it).
type Store interface {
	Cursor(ctx context.Context) (store.Cursor, error)
	AppendRange(ctx context.Context, logs []types.Log, to uint64, toHash common.Hash, keepHashes int) error
	IndexedBlocks(ctx context.Context) ([]store.IndexedBlock, error)
	Rollback(ctx context.Context, block uint64, hash common.Hash, set bool) error
	Events(ctx context.Context, f func(*types.Log) error) error
	IndexFilter(ctx context.Context) (string, error)
	ResetIndex(ctx context.Context, filter string) error
}

// Config configures an Indexer.
type Config struct {
	Contracts    book.Contracts
	StartBlock   uint64        // first block to index (the deployment's)
	Confirmation uint64        // index up to head - Confirmation
	MaxRange     uint64        // blocks per eth_getLogs call; default 2000
	PollInterval time.Duration // default 2s
	KeepHashes   int           // range-end hashes remembered for reorg detection; default 256
}

// Indexer follows the chain. Run it in one goroutine; Snapshot is safe from any goroutine.
type Indexer struct {
	cfg     Config
	backend Backend
	store   Store
	log     *zap.Logger
	query   ethereum.FilterQuery // addresses and topics; the block range is set per call

	mu    sync.Mutex // guards state (Sync may be called from tests while Run is not running)
	state *book.State
	snap  atomic.Pointer[book.Snapshot]

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
	filter := filterKey(cfg.StartBlock, ix.query)
	stored, err := st.IndexFilter(ctx)
	if err != nil {
		return nil, fmt.Errorf("index: %w", err)
	}
	if stored != filter {
		if stored != "" || storedAnything(ctx, st) {
			log.Warn("index: log filter changed: re-indexing from the start block", zap.Uint64("start_block", cfg.StartBlock))
		}
		if err := st.ResetIndex(ctx, filter); err != nil {
			return nil, fmt.Errorf("index: %w", err)
		}
	}
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
	return "v1:" + hex.EncodeToString(h.Sum(nil))
}

func storedAnything(ctx context.Context, st Store) bool {
	c, err := st.Cursor(ctx)
	return err != nil || c.Set
}

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

// rebuild folds every stored log into a fresh state. ix.mu must be held.
func (ix *Indexer) rebuild(ctx context.Context) error {
	st, err := book.NewState(ix.cfg.Contracts)
	if err != nil {
		return err
	}
	n := 0
	if err := ix.store.Events(ctx, func(l *types.Log) error {
		n++
		return ignoreUnknown(st.Apply(l))
	}); err != nil {
		return fmt.Errorf("index: rebuild: %w", err)
	}
	cur, err := ix.store.Cursor(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	ix.state = st
	ix.publish(cur.Block)
	ix.log.Info("book rebuilt from stored events", zap.Int("events", n), zap.Uint64("block", cur.Block))
	return nil
}

func ignoreUnknown(err error) error {
	if errors.Is(err, book.ErrUnknownLog) {
		return nil
	}
	return err
}

// Run polls until ctx is done. Transient errors are logged and retried with capped back-off.
func (ix *Indexer) Run(ctx context.Context) error {
	backoff := ix.cfg.PollInterval
	for {
		err := ix.Sync(ctx)
		wait := ix.cfg.PollInterval
		if err != nil && ctx.Err() == nil {
			ix.log.Warn("index: sync failed", zap.Error(err), zap.Duration("retry_in", backoff))
			wait = backoff
			backoff = min(backoff*2, time.Minute)
		} else {
			backoff = ix.cfg.PollInterval
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// Sync indexes from the cursor up to head - Confirmation, handling a reorg first if one happened.
func (ix *Indexer) Sync(ctx context.Context) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	head, err := ix.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return fmt.Errorf("index: head: %w", err)
	}
	if head.Number.Uint64() < ix.cfg.Confirmation {
		return nil
	}
	target := head.Number.Uint64() - ix.cfg.Confirmation
	cur, err := ix.store.Cursor(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if cur.Set {
		h, err := ix.hashAt(ctx, cur.Block)
		if err != nil {
			return err
		}
		if h != cur.Hash {
			if err := ix.handleReorg(ctx, cur); err != nil {
				return err
			}
			if cur, err = ix.store.Cursor(ctx); err != nil {
				return fmt.Errorf("index: %w", err)
			}
		}
	}
	from := ix.cfg.StartBlock
	if cur.Set {
		from = cur.Block + 1
	}
	changed := false
	for from <= target {
		to := min(from+ix.cfg.MaxRange-1, target)
		hdr, err := ix.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(to))
		if err != nil {
			return fmt.Errorf("index: header %d: %w", to, err)
		}
		q := ix.query
		q.FromBlock, q.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(to)
		logs, err := ix.backend.FilterLogs(ctx, q)
		if err != nil {
			return fmt.Errorf("index: logs %d-%d: %w", from, to, err)
		}
		// The range must be one consistent view: if the chain changed under us, retry next pass.
		if again, err := ix.hashAt(ctx, to); err != nil {
			return err
		} else if again != hdr.Hash() {
			return fmt.Errorf("index: block %d changed while indexing; retrying", to)
		}
		for i := range logs {
			if logs[i].BlockNumber == to && logs[i].BlockHash != hdr.Hash() {
				return fmt.Errorf("index: log of a stale block %d; retrying", to)
			}
		}
		if err := ix.store.AppendRange(ctx, logs, to, hdr.Hash(), ix.cfg.KeepHashes); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		for i := range logs {
			if err := ignoreUnknown(ix.state.Apply(&logs[i])); err != nil {
				// The logs are stored; a log the fold cannot decode is a bug or a contract mismatch.
				ix.log.Error("index: cannot apply log", zap.Uint64("block", logs[i].BlockNumber), zap.Uint("index", logs[i].Index), zap.Error(err))
			}
		}
		ix.log.Debug("indexed range", zap.Uint64("from", from), zap.Uint64("to", to), zap.Int("logs", len(logs)))
		changed = true
		from = to + 1
	}
	if changed {
		ix.publish(target)
	}
	return nil
}

func (ix *Indexer) hashAt(ctx context.Context, n uint64) (common.Hash, error) {
	h, err := ix.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(n))
	if errors.Is(err, ethereum.NotFound) {
		return common.Hash{}, nil // the block is gone (chain got shorter): treated as a mismatch
	}
	if err != nil {
		return common.Hash{}, fmt.Errorf("index: header %d: %w", n, err)
	}
	return h.Hash(), nil
}

// handleReorg rolls the store back to the fork point and rebuilds the state. ix.mu must be held.
func (ix *Indexer) handleReorg(ctx context.Context, cur store.Cursor) error {
	blocks, err := ix.store.IndexedBlocks(ctx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	fork, found := store.IndexedBlock{}, false
	for _, b := range blocks {
		h, err := ix.hashAt(ctx, b.Number)
		if err != nil {
			return err
		}
		if h == b.Hash {
			fork, found = b, true
			break
		}
	}
	if found {
		ix.log.Warn("reorg: rolling back", zap.Uint64("cursor", cur.Block), zap.Uint64("fork_point", fork.Number))
		err = ix.store.Rollback(ctx, fork.Number, fork.Hash, true)
	} else {
		ix.log.Warn("reorg deeper than remembered hashes: re-indexing from the start block", zap.Uint64("cursor", cur.Block))
		// Block 0 (genesis) holds no contract logs, so rolling back to it forgets every log.
		err = ix.store.Rollback(ctx, 0, common.Hash{}, false)
	}
	if err != nil {
		return fmt.Errorf("index: rollback: %w", err)
	}
	return ix.rebuild(ctx)
}
