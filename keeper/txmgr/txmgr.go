// Package txmgr sends the keeper's transactions and owns the keeper key's nonce: EIP-1559 fees bumped by
// at least 10% up to a ceiling, a confirmation depth before anything counts as done, a timeout on every
// RPC, and every signed transaction persisted before it is broadcast, so that a restarted keeper picks up
// what it had in flight instead of sending a second, different transaction.
//
// It follows Optimism's op-service/txmgr, with one addition the keeper needs: idempotency. Every
// transaction is an Intent named by the caller ("commit:7:0xabc…"); Send with a name already stored
// resumes that intent (rebroadcast, bump, wait) and never builds a new transaction for it.
//
// # Concurrency contract
//
// A Manager assumes it is the only sender from its key: the nonce is taken from the store and the chain
// when an intent is created, never from the node's pending pool. Send, Confirm and Check may be called from
// several goroutines. One mutex guards nonce allocation only (from the nonce read to the stored intent,
// RPC calls bounded by RPCTimeout, never a wait for a block); each intent is driven (broadcast, bumped,
// waited for) by one caller at a time under a lock of its own, so waiting for one intent's block never
// holds up another's. The keeper calls them from one loop.
//
// Transactions are signed by Config.Sign, a function (keys.TxSigner builds one from a keystore; clef, a
// KMS or a hardware wallet fit the same shape): the manager never holds the key. It checks that what
// comes back is the transaction it asked for, signed by Config.From.
//
// # Life of an intent
//
//	pending  --receipt seen-->  mined  --depth reached, still canonical-->  confirmed
//	   ^                          |
//	   +---- receipt vanished ----+   (reorg: the persisted raw transaction is broadcast again)
//	mined with status 0, at depth  -->  reverted
//	nonce used by a transaction not ours -->  failed
package txmgr

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// Config configures a Manager.
type Config struct {
	ChainID *big.Int
	From    common.Address // the sending account
	Sign    SignFn         // signs for From

	// Confirmations is the depth at which a transaction counts as done: 1 means "in a block", 2 "one
	// block on top of it" and so on. Default 1; use more on chains that reorg.
	Confirmations uint64
	// FeeCeiling is the highest max fee per gas (wei) the manager will ever sign. Required.
	FeeCeiling *big.Int
	// MinTipCap is the lowest priority fee it offers (some nodes suggest 0). Default 0.001 gwei.
	MinTipCap *big.Int
	// ResubmitAfter is how long an attempt waits for a receipt before the fees are bumped. Default 30 s.
	ResubmitAfter time.Duration
	// PollInterval is how often receipts and the head are polled. Default 1 s.
	PollInterval time.Duration
	// RPCTimeout bounds every single RPC call. Default 10 s.
	RPCTimeout time.Duration
	// NonceTakenAfter is how many polls in a row must see the nonce used by nothing of ours before the
	// intent fails with ErrNonceTaken (a receipt can lag the nonce by a block on load-balanced RPCs).
	// Default 10.
	NonceTakenAfter int

	Log *zap.Logger
	// Metrics receives the manager's metrics (metrics.go); nil: a set of its own, not served.
	Metrics *vm.Set
	// Hook, if set, is called at each Hook* point with its name (the keeper's crash tests kill the
	// process there; nothing else should set it).
	Hook func(point string)
}

// Manager sends intents. See the package documentation for its contract.
type Manager struct {
	cfg     Config
	backend Backend
	store   Store
	from    common.Address
	signer  types.Signer
	log     *zap.Logger
	metrics *metrics

	nonceMu sync.Mutex // nonce allocation: from the nonce read to the stored intent

	intentsMu sync.Mutex
	intents   map[string]*intentLock // the intents being driven, by id
}

// intentLock serialises the callers driving one intent; refs counts them (the entry goes with the last).
type intentLock struct {
	mu   sync.Mutex
	refs int
}

// lockIntent takes intent id's lock and returns its release.
func (m *Manager) lockIntent(id string) func() {
	m.intentsMu.Lock()
	l := m.intents[id]
	if l == nil {
		l = &intentLock{}
		m.intents[id] = l
	}
	l.refs++
	m.intentsMu.Unlock()
	l.mu.Lock()
	return func() {
		l.mu.Unlock()
		m.intentsMu.Lock()
		if l.refs--; l.refs == 0 {
			delete(m.intents, id)
		}
		m.intentsMu.Unlock()
	}
}

// New returns a manager sending from cfg.From, signing with cfg.Sign.
func New(cfg Config, backend Backend, store Store) (*Manager, error) {
	if cfg.ChainID == nil || cfg.Sign == nil || cfg.From == (common.Address{}) {
		return nil, errors.New("txmgr: chain id, sending account and signer are required")
	}
	if cfg.FeeCeiling == nil || cfg.FeeCeiling.Sign() <= 0 {
		return nil, errors.New("txmgr: a positive fee ceiling is required")
	}
	if cfg.Confirmations == 0 {
		cfg.Confirmations = 1
	}
	if cfg.MinTipCap == nil {
		cfg.MinTipCap = big.NewInt(1_000_000) // 0.001 gwei
	}
	if cfg.ResubmitAfter <= 0 {
		cfg.ResubmitAfter = 30 * time.Second
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = time.Second
	}
	if cfg.RPCTimeout <= 0 {
		cfg.RPCTimeout = 10 * time.Second
	}
	if cfg.NonceTakenAfter <= 0 {
		cfg.NonceTakenAfter = 10
	}
	if cfg.Log == nil {
		cfg.Log = zap.NewNop()
	}
	if cfg.Hook == nil {
		cfg.Hook = func(string) {}
	}
	return &Manager{
		cfg: cfg, backend: backend, store: store,
		from:    cfg.From,
		signer:  types.LatestSignerForChainID(cfg.ChainID),
		log:     cfg.Log.Named("txmgr"),
		metrics: newMetrics(cfg.Metrics),
		intents: map[string]*intentLock{},
	}, nil
}

// From returns the sending account.
func (m *Manager) From() common.Address { return m.from }

// Confirmations returns the depth at which a transaction counts as done (Config.Confirmations, at least 1).
func (m *Manager) Confirmations() uint64 { return m.cfg.Confirmations }

// Send gets the intent named id mined and returns its receipt (not yet at the confirmation depth: call
// Confirm, or Check once in a while). The first call for an id builds, signs, stores and broadcasts a transaction from c; later
// calls — in this process or after a restart — resume the stored intent and ignore c. Intents opened
// earlier and still pending are driven to a block first, so nonces are used in order.
//
// A mined transaction may have reverted (receipt status 0): Confirm reports it as ErrReverted once it is
// final. An estimation failure returns ErrEstimate and stores nothing.
func (m *Manager) Send(ctx context.Context, id string, c Candidate) (*types.Receipt, error) {
	unlock := m.lockIntent(id)
	defer unlock()

	in, err := m.store.LoadIntent(ctx, id)
	switch {
	case err == nil:
		return m.resume(ctx, in)
	case !errors.Is(err, ErrUnknownIntent):
		return nil, err
	}

	// Earlier intents first: a new nonce above a stuck one would wait behind it anyway. Each is driven
	// under its own lock (another caller may be driving it already: then this waits for that).
	open, err := m.store.OpenIntents(ctx)
	if err != nil {
		return nil, err
	}
	m.reportPending(len(open) + 1)
	for _, o := range open {
		if o.State == StatePending && o.ID != id {
			if err := m.driveEarlier(ctx, o.ID); err != nil {
				return nil, fmt.Errorf("txmgr: earlier intent %s: %w", o.ID, err)
			}
		}
	}

	in, err = m.create(ctx, id, c)
	if err != nil {
		return nil, err
	}
	m.cfg.Hook(HookPersisted)
	m.log.Info("intent created", zap.String("intent", id), zap.Uint64("nonce", in.Nonce),
		zap.Stringer("tx", in.Latest().Hash), zap.Uint64("gas", in.Gas),
		zap.Stringer("tipCap", in.Latest().TipCap), zap.Stringer("feeCap", in.Latest().FeeCap))
	return m.waitMined(ctx, in)
}

// driveEarlier gets the earlier intent id mined, under its lock, unless it is no longer pending.
func (m *Manager) driveEarlier(ctx context.Context, id string) error {
	unlock := m.lockIntent(id)
	defer unlock()
	in, err := m.store.LoadIntent(ctx, id)
	if err != nil {
		return err
	}
	if in.State != StatePending {
		return nil
	}
	_, err = m.waitMined(ctx, in)
	return err
}

// create builds, signs and stores a new intent under the nonce lock. It is persisted BEFORE the
// broadcast: if the process dies after the node saw the transaction, the restarted keeper finds it and
// rebroadcasts the same bytes instead of signing a new one; and the next allocation sees its nonce.
func (m *Manager) create(ctx context.Context, id string, c Candidate) (*Intent, error) {
	m.nonceMu.Lock()
	defer m.nonceMu.Unlock()
	in, err := m.build(ctx, id, c)
	if err != nil {
		return nil, err
	}
	if err := m.store.CreateIntent(ctx, in); err != nil {
		return nil, fmt.Errorf("txmgr: store intent %s: %w", id, err)
	}
	return in, nil
}

// resume continues a stored intent.
func (m *Manager) resume(ctx context.Context, in *Intent) (*types.Receipt, error) {
	switch in.State {
	case StatePending:
		return m.waitMined(ctx, in)
	case StateMined, StateConfirmed, StateReverted:
		r, err := m.receipt(ctx, in.MinedTx)
		if err != nil {
			return nil, err
		}
		if r == nil { // reorged out since; Confirm handles that, but Send must return a receipt
			if err := m.store.SetIntentState(ctx, in.ID, StatePending, common.Hash{}, 0, common.Hash{}); err != nil {
				return nil, err
			}
			in.State = StatePending
			return m.waitMined(ctx, in)
		}
		return r, nil
	default:
		return nil, fmt.Errorf("txmgr: intent %s: %w", in.ID, ErrNonceTaken)
	}
}

// Lookup returns the stored intent named id (ErrUnknownIntent if none).
func (m *Manager) Lookup(ctx context.Context, id string) (*Intent, error) {
	return m.store.LoadIntent(ctx, id)
}

// receipt returns the receipt of hash, or nil if the node knows none.
func (m *Manager) receipt(ctx context.Context, hash common.Hash) (*types.Receipt, error) {
	r, err := call(ctx, m, func(ctx context.Context) (*types.Receipt, error) { return m.backend.TransactionReceipt(ctx, hash) })
	if errors.Is(err, ethereum.NotFound) {
		return nil, nil
	}
	return r, err
}

func (m *Manager) reportPending(n int) {
	m.metrics.pending.Set(float64(n))
}

func (m *Manager) reportOpen(ctx context.Context) {
	if open, err := m.store.OpenIntents(ctx); err == nil {
		m.reportPending(len(open))
	}
}

// call runs one RPC with the manager's per-call timeout.
func call[T any](ctx context.Context, m *Manager, f func(context.Context) (T, error)) (T, error) {
	cctx, cancel := context.WithTimeout(ctx, m.cfg.RPCTimeout)
	defer cancel()
	return f(cctx)
}

func isKnown(err error) bool {
	msg := strings.ToLower(err.Error())
	return strings.Contains(msg, "already known") || strings.Contains(msg, "known transaction") ||
		strings.Contains(msg, "already imported") || strings.Contains(msg, "nonce too low")
}
