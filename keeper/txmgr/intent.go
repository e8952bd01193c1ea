package txmgr

import (
	"context"
	"errors"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
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
	// ErrNotConfirmed (Check): the transaction is in a block still canonical, not yet Confirmations deep.
	ErrNotConfirmed = errors.New("txmgr: mined, not confirmed yet")
	// ErrNotMined (Check): the transaction is in no block, never mined yet or its block reorged out; Send
	// resumes it.
	ErrNotMined = errors.New("txmgr: not in a block")
)

// Candidate is a transaction to send.
type Candidate struct {
	To       common.Address
	Data     []byte
	GasLimit uint64 // 0: the estimate plus keys.GasMarginPercent (keys.GasLimit), plus GasExtra
	GasExtra uint64 // with GasLimit 0: gas added to the estimate's limit (state the estimate cannot see)
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
