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
// when an intent is created, never from the node's pending pool. Send and Confirm may be called from
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

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.uber.org/zap"
)

// Backend is the part of the chain client the manager uses. chain.Client implements it.
type Backend interface {
	BlockNumber(ctx context.Context) (uint64, error)
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	SuggestGasTipCap(ctx context.Context) (*big.Int, error)
	EstimateGas(ctx context.Context, call ethereum.CallMsg) (uint64, error)
	SendTransaction(ctx context.Context, tx *types.Transaction) error
	TransactionReceipt(ctx context.Context, txHash common.Hash) (*types.Receipt, error)
}

// State of an intent.
type State string

// Intent states; see the package documentation.
const (
	StatePending   State = "pending"
	StateMined     State = "mined"
	StateConfirmed State = "confirmed"
	StateReverted  State = "reverted"
	StateFailed    State = "failed"
)

// Attempt is one signed version of an intent's transaction (same nonce, different fees).
type Attempt struct {
	Hash   common.Hash
	Raw    []byte // the signed transaction, binary (EIP-2718) encoding
	TipCap *big.Int
	FeeCap *big.Int
	SentAt time.Time // when it was created (and first broadcast)
}

// Intent is one transaction the keeper wants mined exactly once.
type Intent struct {
	ID       string
	Nonce    uint64
	To       common.Address
	Data     []byte
	Gas      uint64
	State    State
	Attempts []Attempt // oldest first; never empty once stored

	// Where it was mined (State mined, confirmed or reverted).
	MinedTx        common.Hash
	MinedBlock     uint64
	MinedBlockHash common.Hash
}

// Latest returns the newest attempt.
func (in *Intent) Latest() *Attempt { return &in.Attempts[len(in.Attempts)-1] }

// Store persists intents. Every method must be durable when it returns (the keeper's store commits a
// database transaction per call).
type Store interface {
	// LoadIntent returns the intent named id, or an error wrapping ErrUnknownIntent.
	LoadIntent(ctx context.Context, id string) (*Intent, error)
	// CreateIntent stores a new intent with its first attempt.
	CreateIntent(ctx context.Context, in *Intent) error
	// AddAttempt appends an attempt to intent id.
	AddAttempt(ctx context.Context, id string, a Attempt) error
	// SetIntentState records a state change and, for mined states, where the transaction was mined.
	SetIntentState(ctx context.Context, id string, state State, tx common.Hash, block uint64, blockHash common.Hash) error
	// NextNonce returns one more than the highest nonce of any stored intent, and false if there is none.
	NextNonce(ctx context.Context) (uint64, bool, error)
	// OpenIntents returns the intents in state pending or mined, by nonce.
	OpenIntents(ctx context.Context) ([]*Intent, error)
}

// Sentinel errors.
var (
	// ErrUnknownIntent: the store holds no intent with that id.
	ErrUnknownIntent = errors.New("txmgr: unknown intent")
	// ErrReverted: the transaction was mined, confirmed, and reverted. Its nonce is spent.
	ErrReverted = errors.New("txmgr: transaction reverted")
	// ErrNonceTaken: a transaction that is not one of the intent's attempts used its nonce.
	ErrNonceTaken = errors.New("txmgr: nonce used by another transaction")
	// ErrFeeCeiling: the chain's base fee is above the configured fee ceiling; nothing was sent.
	ErrFeeCeiling = errors.New("txmgr: base fee above the fee ceiling")
	// ErrEstimate: gas estimation failed, usually because the call would revert. Nothing was stored.
	ErrEstimate = errors.New("txmgr: gas estimation failed")
)

// Candidate is a transaction to send.
type Candidate struct {
	To       common.Address
	Data     []byte
	GasLimit uint64 // 0: estimate (plus GasMarginPercent)
}

// Metrics receives what the manager does. Any field may be nil.
type Metrics struct {
	Confirmed func(r *types.Receipt) // a transaction reached the confirmation depth
	Pending   func(n int)            // intents not yet confirmed
	Bumped    func()                 // a fee bump was sent
}

// SignFn signs a transaction for the manager's account (keys.TxSigner builds one from a key).
type SignFn func(ctx context.Context, tx *types.Transaction) (*types.Transaction, error)

// The points Config.Hook is called at, in the order an intent passes them (keeper/crashpoint names its
// crash points after them).
const (
	HookPersisted = "txmgr.persisted"  // signed transaction stored, not yet broadcast
	HookBroadcast = "txmgr.broadcast"  // transaction broadcast, not yet mined
	HookMinedSeen = "txmgr.mined_seen" // receipt seen, intent not yet marked mined
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
	// GasMarginPercent is added to gas estimates. Default 20.
	GasMarginPercent uint64
	// NonceTakenAfter is how many polls in a row must see the nonce used by nothing of ours before the
	// intent fails with ErrNonceTaken (a receipt can lag the nonce by a block on load-balanced RPCs).
	// Default 10.
	NonceTakenAfter int

	Log     *zap.Logger
	Metrics Metrics
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
	if cfg.GasMarginPercent == 0 {
		cfg.GasMarginPercent = 20
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
		intents: map[string]*intentLock{},
	}, nil
}

// From returns the sending account.
func (m *Manager) From() common.Address { return m.from }

// Send gets the intent named id mined and returns its receipt (not yet at the confirmation depth: call
// Confirm). The first call for an id builds, signs, stores and broadcasts a transaction from c; later
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

// build creates the first attempt of a new intent.
func (m *Manager) build(ctx context.Context, id string, c Candidate) (*Intent, error) {
	gas := c.GasLimit
	if gas == 0 {
		var err error
		gas, err = call(ctx, m, func(ctx context.Context) (uint64, error) {
			return m.backend.EstimateGas(ctx, ethereum.CallMsg{From: m.from, To: &c.To, Data: c.Data})
		})
		if err != nil {
			return nil, fmt.Errorf("%w: intent %s: %w", ErrEstimate, id, err)
		}
		gas += gas * m.cfg.GasMarginPercent / 100
	}

	// The nonce: the account's mined nonce, or one past the highest we ever stored if that is higher
	// (our own earlier transactions may still sit in a pool). Never the node's "pending" nonce: a pool
	// can hold transactions this manager knows nothing about, or lose ours.
	nonce, err := call(ctx, m, func(ctx context.Context) (uint64, error) { return m.backend.NonceAt(ctx, m.from, nil) })
	if err != nil {
		return nil, fmt.Errorf("txmgr: nonce: %w", err)
	}
	if next, ok, err := m.store.NextNonce(ctx); err != nil {
		return nil, err
	} else if ok && next > nonce {
		nonce = next
	}

	tip, feeCap, err := m.fees(ctx, nil, nil)
	if err != nil {
		return nil, err
	}
	in := &Intent{ID: id, Nonce: nonce, To: c.To, Data: c.Data, Gas: gas, State: StatePending}
	a, err := m.sign(ctx, in, tip, feeCap)
	if err != nil {
		return nil, err
	}
	in.Attempts = []Attempt{a}
	return in, nil
}

// fees returns the fees of the next attempt. With prevTip/prevFeeCap nil it is the first attempt: the
// node's suggested tip and twice the base fee plus the tip (room for six full blocks of base fee rises).
// Otherwise both are raised by at least 10% over the previous attempt: geth (and most pools) replace
// a pooled transaction only if BOTH its tip and its fee cap rise by 10% or more ("replacement
// transaction underpriced" otherwise), so bumping only one of them is useless.
func (m *Manager) fees(ctx context.Context, prevTip, prevFeeCap *big.Int) (tip, feeCap *big.Int, err error) {
	head, err := call(ctx, m, func(ctx context.Context) (*types.Header, error) { return m.backend.HeaderByNumber(ctx, nil) })
	if err != nil {
		return nil, nil, fmt.Errorf("txmgr: head: %w", err)
	}
	suggested, err := call(ctx, m, func(ctx context.Context) (*big.Int, error) { return m.backend.SuggestGasTipCap(ctx) })
	if err != nil {
		return nil, nil, fmt.Errorf("txmgr: tip: %w", err)
	}
	baseFee := head.BaseFee
	if baseFee == nil {
		baseFee = new(big.Int)
	}
	tip = bigMax(suggested, m.cfg.MinTipCap)
	feeCap = new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip)
	if prevTip != nil {
		tip = bigMax(tip, bump(prevTip))
		feeCap = bigMax(new(big.Int).Add(new(big.Int).Mul(baseFee, big.NewInt(2)), tip), bump(prevFeeCap))
	}
	if feeCap.Cmp(m.cfg.FeeCeiling) > 0 {
		feeCap = new(big.Int).Set(m.cfg.FeeCeiling)
	}
	if tip.Cmp(feeCap) > 0 {
		tip = new(big.Int).Set(feeCap)
	}
	// A fee cap below base fee + tip is never mined while the base fee stays where it is.
	if new(big.Int).Add(baseFee, tip).Cmp(feeCap) > 0 && prevTip == nil {
		return nil, nil, fmt.Errorf("%w: base fee %s + tip %s > ceiling %s", ErrFeeCeiling, baseFee, tip, m.cfg.FeeCeiling)
	}
	return tip, feeCap, nil
}

// bump returns v raised by 10%, rounded up, plus one wei: strictly above the replacement threshold
// whatever the rounding of the node.
func bump(v *big.Int) *big.Int {
	r := new(big.Int).Mul(v, big.NewInt(110))
	r.Add(r, big.NewInt(99))
	r.Div(r, big.NewInt(100))
	return r.Add(r, big.NewInt(1))
}

func bigMax(a, b *big.Int) *big.Int {
	if a.Cmp(b) >= 0 {
		return new(big.Int).Set(a)
	}
	return new(big.Int).Set(b)
}

// sign builds and signs the intent's transaction with the given fees. The gas limit is the intent's,
// never re-estimated on a bump: a replacement must do the same work, and a re-estimate against a state
// that has moved on (or that our own pending transaction changed) could fail or shrink.
//
// The signer is outside the manager (possibly another process): what it returns must be this very
// transaction, signed by the manager's account, or nothing is stored or sent.
func (m *Manager) sign(ctx context.Context, in *Intent, tip, feeCap *big.Int) (Attempt, error) {
	to := in.To
	unsigned := types.NewTx(&types.DynamicFeeTx{
		ChainID: m.cfg.ChainID, Nonce: in.Nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: in.Gas, To: &to, Data: in.Data,
	})
	tx, err := call(ctx, m, func(ctx context.Context) (*types.Transaction, error) { return m.cfg.Sign(ctx, unsigned) })
	if err != nil {
		return Attempt{}, fmt.Errorf("txmgr: sign: %w", err)
	}
	if tx == nil || m.signer.Hash(tx) != m.signer.Hash(unsigned) {
		return Attempt{}, errors.New("txmgr: sign: the signer returned a different transaction")
	}
	if from, err := types.Sender(m.signer, tx); err != nil || from != m.from {
		return Attempt{}, fmt.Errorf("txmgr: sign: transaction signed by %s, want %s (%v)", from, m.from, err)
	}
	raw, err := tx.MarshalBinary()
	if err != nil {
		return Attempt{}, fmt.Errorf("txmgr: encode: %w", err)
	}
	return Attempt{Hash: tx.Hash(), Raw: raw, TipCap: tip, FeeCap: feeCap, SentAt: time.Now()}, nil
}

// waitMined broadcasts the intent's latest attempt and waits until one of its attempts is in a block,
// bumping the fees every ResubmitAfter. It marks the intent mined and returns the receipt.
func (m *Manager) waitMined(ctx context.Context, in *Intent) (*types.Receipt, error) {
	var lastSend time.Time // zero: broadcast at once (also right after a restart)
	nonceTakenPolls := 0
	for {
		// Any attempt may be the one mined: a node can have kept an older one.
		for i := len(in.Attempts) - 1; i >= 0; i-- {
			r, err := m.receipt(ctx, in.Attempts[i].Hash)
			if err != nil {
				m.log.Warn("receipt poll failed", zap.String("intent", in.ID), zap.Error(err))
				break
			}
			if r != nil {
				m.cfg.Hook(HookMinedSeen)
				if err := m.store.SetIntentState(ctx, in.ID, StateMined, r.TxHash, r.BlockNumber.Uint64(), r.BlockHash); err != nil {
					return nil, err
				}
				in.State, in.MinedTx, in.MinedBlock, in.MinedBlockHash = StateMined, r.TxHash, r.BlockNumber.Uint64(), r.BlockHash
				m.log.Info("mined", zap.String("intent", in.ID), zap.Stringer("tx", r.TxHash),
					zap.Uint64("nonce", in.Nonce), zap.Uint64("block", in.MinedBlock), zap.Uint64("status", r.Status))
				return r, nil
			}
		}

		switch {
		case lastSend.IsZero():
			m.broadcast(ctx, in)
			lastSend = time.Now()
		case time.Since(lastSend) >= m.cfg.ResubmitAfter:
			if err := m.bump(ctx, in); err != nil {
				m.log.Warn("fee bump failed, rebroadcasting the current attempt", zap.String("intent", in.ID), zap.Error(err))
				m.broadcast(ctx, in)
			}
			lastSend = time.Now()
		}

		// A nonce that moved past ours without a receipt for any of our attempts means another
		// transaction took it (someone else used the key). Counted over several polls, because a
		// load-balanced RPC may answer the nonce from a newer block than the receipt.
		if mined, err := call(ctx, m, func(ctx context.Context) (uint64, error) { return m.backend.NonceAt(ctx, m.from, nil) }); err == nil && mined > in.Nonce {
			nonceTakenPolls++
			if nonceTakenPolls >= m.cfg.NonceTakenAfter {
				_ = m.store.SetIntentState(ctx, in.ID, StateFailed, common.Hash{}, 0, common.Hash{})
				return nil, fmt.Errorf("txmgr: intent %s nonce %d: %w", in.ID, in.Nonce, ErrNonceTaken)
			}
		} else {
			nonceTakenPolls = 0
		}

		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(m.cfg.PollInterval):
		}
	}
}

// broadcast sends the latest attempt. Errors are logged, not returned: the receipt poll decides.
// "already known" (the node has it) and "nonce too low" (some attempt was mined: its receipt will show)
// are expected after a restart.
func (m *Manager) broadcast(ctx context.Context, in *Intent) {
	a := in.Latest()
	tx := new(types.Transaction)
	if err := tx.UnmarshalBinary(a.Raw); err != nil {
		m.log.Error("stored transaction does not decode", zap.String("intent", in.ID), zap.Error(err))
		return
	}
	_, err := call(ctx, m, func(ctx context.Context) (struct{}, error) { return struct{}{}, m.backend.SendTransaction(ctx, tx) })
	if err != nil && !isKnown(err) {
		m.log.Warn("broadcast failed", zap.String("intent", in.ID), zap.Stringer("tx", a.Hash),
			zap.Uint64("nonce", in.Nonce), zap.Error(err))
		return
	}
	m.cfg.Hook(HookBroadcast)
	m.log.Debug("broadcast", zap.String("intent", in.ID), zap.Stringer("tx", a.Hash), zap.Uint64("nonce", in.Nonce))
}

// bump signs a replacement with fees raised by at least 10%, persists it, then broadcasts it. At the fee
// ceiling there is nothing left to raise: it returns an error and the caller rebroadcasts.
func (m *Manager) bump(ctx context.Context, in *Intent) error {
	prev := in.Latest()
	tip, feeCap, err := m.fees(ctx, prev.TipCap, prev.FeeCap)
	if err != nil {
		return err
	}
	if tip.Cmp(bump(prev.TipCap)) < 0 || feeCap.Cmp(bump(prev.FeeCap)) < 0 {
		return fmt.Errorf("txmgr: at the fee ceiling %s (tip %s, fee cap %s)", m.cfg.FeeCeiling, prev.TipCap, prev.FeeCap)
	}
	a, err := m.sign(ctx, in, tip, feeCap)
	if err != nil {
		return err
	}
	if err := m.store.AddAttempt(ctx, in.ID, a); err != nil {
		return fmt.Errorf("txmgr: store attempt: %w", err)
	}
	in.Attempts = append(in.Attempts, a)
	m.log.Info("fee bump", zap.String("intent", in.ID), zap.Uint64("nonce", in.Nonce), zap.Stringer("tx", a.Hash),
		zap.Stringer("tipCap", tip), zap.Stringer("feeCap", feeCap), zap.Int("attempt", len(in.Attempts)))
	if m.cfg.Metrics.Bumped != nil {
		m.cfg.Metrics.Bumped()
	}
	m.broadcast(ctx, in)
	return nil
}

// Confirm waits until the mined transaction of intent id is Confirmations deep and still canonical, and
// marks it confirmed. If a reorg removes it meanwhile, it broadcasts the stored transaction again and
// waits for it to be mined anew. It returns ErrReverted (with the receipt) for a confirmed revert.
func (m *Manager) Confirm(ctx context.Context, id string) (*types.Receipt, error) {
	unlock := m.lockIntent(id)
	defer unlock()
	in, err := m.store.LoadIntent(ctx, id)
	if err != nil {
		return nil, err
	}
	for {
		switch in.State {
		case StateFailed:
			return nil, fmt.Errorf("txmgr: intent %s: %w", id, ErrNonceTaken)
		case StatePending:
			if _, err := m.waitMined(ctx, in); err != nil {
				return nil, err
			}
		}
		r, err := m.receipt(ctx, in.MinedTx)
		if err != nil {
			m.log.Warn("receipt poll failed", zap.String("intent", id), zap.Error(err))
		} else if r == nil || r.BlockHash != in.MinedBlockHash {
			// Reorged: the block that held it is gone. The transaction is back in some pool or lost;
			// the stored raw bytes go out again (same nonce, same hash) and we wait for a new block.
			m.log.Warn("reorg: mined transaction left the chain", zap.String("intent", id),
				zap.Stringer("tx", in.MinedTx), zap.Uint64("block", in.MinedBlock))
			if err := m.store.SetIntentState(ctx, id, StatePending, common.Hash{}, 0, common.Hash{}); err != nil {
				return nil, err
			}
			in.State = StatePending
			continue
		} else if head, err := call(ctx, m, m.backend.BlockNumber); err == nil {
			// Depth: the block holding the transaction is its first confirmation, so a transaction in
			// block B has head-B+1 confirmations. Confirmations=1 accepts it as soon as it is mined.
			if head+1 >= in.MinedBlock+m.cfg.Confirmations {
				// The receipt was read before the head: check the block at that height is still the
				// one we saw, so a reorg between the two reads cannot slip through.
				h, err := call(ctx, m, func(ctx context.Context) (*types.Header, error) {
					return m.backend.HeaderByNumber(ctx, new(big.Int).SetUint64(in.MinedBlock))
				})
				if err == nil && h.Hash() == in.MinedBlockHash {
					state := StateConfirmed
					if r.Status != types.ReceiptStatusSuccessful {
						state = StateReverted
					}
					if err := m.store.SetIntentState(ctx, id, state, in.MinedTx, in.MinedBlock, in.MinedBlockHash); err != nil {
						return nil, err
					}
					if in.State == StateMined && m.cfg.Metrics.Confirmed != nil {
						m.cfg.Metrics.Confirmed(r)
					}
					m.reportOpen(ctx)
					m.log.Info("confirmed", zap.String("intent", id), zap.Stringer("tx", in.MinedTx),
						zap.Uint64("block", in.MinedBlock), zap.Uint64("gasUsed", r.GasUsed), zap.Uint64("status", r.Status))
					if state == StateReverted {
						return r, fmt.Errorf("txmgr: intent %s tx %s: %w", id, in.MinedTx, ErrReverted)
					}
					return r, nil
				}
			}
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(m.cfg.PollInterval):
		}
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
	if m.cfg.Metrics.Pending != nil {
		m.cfg.Metrics.Pending(n)
	}
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
