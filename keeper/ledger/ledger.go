// Package ledger turns closed sessions into on-chain credits (PROTOCOL §8): it pulls the routers'
// settlement feeds, verifies and stores every record, and drives each epoch through one persisted state
// machine — assembled → batch_written → root_sent → mined → confirmed → claimable — resumable from any
// state after a crash, with a guardian veto rolling the epoch back for a corrected recommit.
//
// Verified sessions wait as pending until their epoch (a window of closing time) is assembled; then they
// are charged to their users' allowances across all routers (credit.go, ChargeSessions) and numbered in
// the charging order, so that an epoch's content is a function of the records.
//
// The one rule: no credit lost, none paid twice. Every session is credited by exactly one live epoch
// (the epoch's seq range [first_seq, last_seq]; the live epochs cover a prefix of the sessions' seq);
// an account's leaf amount (Credited) only grows towards what it earned (Owed); the
// commit transaction is an idempotent txmgr intent named after the epoch and root.
package ledger

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// Epoch states, in order (store.State*). vetoed and abandoned are terminal states of a discarded epoch.
const (
	StateAssembled    = store.StateAssembled
	StateBatchWritten = store.StateBatchWritten
	StateRootSent     = store.StateRootSent
	StateMined        = store.StateMined
	StateConfirmed    = store.StateConfirmed
	StateClaimable    = store.StateClaimable
	StateVetoed       = store.StateVetoed
	StateAbandoned    = store.StateAbandoned
)

// Claims states of a claimable epoch.
const (
	ClaimsNone    = ""        // batched claims disabled
	ClaimsTodo    = "todo"    // to be sent
	ClaimsDone    = "done"    // claimMany confirmed
	ClaimsSkipped = "skipped" // a newer epoch became claimable first, or nothing to pay
)

// Sender is the transaction manager as the ledger uses it (txmgr.Manager).
type Sender interface {
	Send(ctx context.Context, id string, c txmgr.Candidate) (*types.Receipt, error)
	Confirm(ctx context.Context, id string) (*types.Receipt, error)
}

// Config configures a Ledger.
type Config struct {
	Feeds       []string      // router base URLs
	EpochLength time.Duration // an epoch credits the sessions closed in one window this long (default 1 h; whole seconds, at least 1)
	// FeedGrace is how long after a window ends its sessions may still reach the keeper through a feed:
	// the window's epoch is assembled once it has passed and every feed was read to its end since (a
	// feed that stays unreachable holds it one more grace at most; after a start, until it was tried once).
	// Default: the epoch length, at most 1 min.
	FeedGrace    time.Duration
	BatchDir     string        // where batch files are written
	PublicURL    string        // the keeper's public base URL; uri = PublicURL + wire.BatchPath(epoch, batchHash)
	PageLimit    int           // records per feed page (default 500)
	PollInterval time.Duration // pipeline and feed poll period (default 2 s)
	HTTPTimeout  time.Duration // per feed request (default 15 s)

	ClaimsEnabled  bool        // pay accounts with claimMany once an epoch is claimable
	ClaimThreshold uint256.Int // only accounts owed at least this much (wei)
	MaxClaimBatch  int         // at most this many accounts per claimMany (default 200)

	// Allowances are the users' allowances and the day calendar; nil: the pool provides them (ChainPool does).
	Allowances Allowances
	// Deposits are the users' deposits (paid usage); nil: none is ever charged (ChainDeposits reads them).
	Deposits Deposits
	// Now is the clock that decides when a window is due (default time.Now).
	Now func() time.Time

	// RecordRetention: the sessions whose epoch has been claimable this long leave the database (their
	// records stay in the batch file; their ids stay to refuse them as duplicates); 0 keeps them for ever.
	RecordRetention time.Duration
}

// Ledger runs the settlement pipeline.
type Ledger struct {
	cfg      Config
	store    *store.Store
	pool     Pool
	sender   Sender
	verifier *Verifier
	http     *http.Client
	log      *zap.Logger
	metrics  *metrics
	chainID  uint64
	allow    Allowances
	deposits Deposits

	mu         sync.Mutex
	cal        *Calendar            // read once from the pool
	caughtUpAt map[string]time.Time // per feed: when it was last read to its end
	// tried holds the feeds an ingest has tried since the start (read to the end, or failed): no epoch is
	// assembled before every one was (due), so a keeper that was down past an epoch's graces reads what the
	// routers published meanwhile before it assembles the epoch.
	tried     map[string]bool
	cutRounds map[string]int // per feed: the rounds since the start cut off at maxFeedPages (triedFeed)

	// spendMu guards spendProofs, the claimable epoch's spend as withdrawal proofs need it (spendOfClaimable),
	// read from the store once per epoch: its own lock, held across that read, so the requests arriving
	// meanwhile wait for it instead of each reading the whole spend again on the keeper's one SQLite
	// connection. spendGen counts the rollbacks (a spend read before one is not kept); spendReads the reads.
	spendMu     sync.Mutex
	spendProofs *spendProofs
	spendGen    atomic.Uint64
	spendReads  atomic.Int64

	// claimableMu guards claimableRead, the pool's claimable epoch as claimableForProofs last read it (its
	// own lock: a read waiting on the node holds no other request of the ledger's).
	claimableMu   sync.Mutex
	claimableRead struct {
		at    time.Time
		epoch uint64
		ok    bool
	}

	// Read and written by Assemble only (the Step goroutine): the newest withdrawal a spend read was found
	// older than (the next read waits until it is final), and how many times in a row the epoch due found
	// its read stale (staleRead).
	withdrawFloor uint64
	staleReads    int
	// Also Assemble's (and Run's settling loop, on the same goroutine): the signer history's count of deep
	// reorgs when the pending sessions were last flagged for a recheck, and whether the start's check (or
	// flagging) is done (flagReorged).
	flagged      uint64
	startChecked bool
	// The count flagReorged last left the pending sessions not flagged verified under, plus one (0: not since
	// the start): a page or a recheck records the final block it was verified as of only while the count is
	// still that one, and forgets the block recorded otherwise (recordFinal).
	finalUnder atomic.Uint64
}

// New returns a ledger. set receives its metrics (nil: a set of its own, not served).
func New(cfg Config, st *store.Store, pool Pool, sender Sender, domain *eip712.Domain, registry Registry,
	log *zap.Logger, set *vm.Set) (*Ledger, error) {
	if cfg.EpochLength <= 0 {
		cfg.EpochLength = time.Hour
	}
	if cfg.PageLimit <= 0 {
		cfg.PageLimit = 500
	}
	if cfg.PollInterval <= 0 {
		cfg.PollInterval = 2 * time.Second
	}
	if cfg.HTTPTimeout <= 0 {
		cfg.HTTPTimeout = 15 * time.Second
	}
	if cfg.FeedGrace <= 0 {
		cfg.FeedGrace = min(cfg.EpochLength, time.Minute)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Allowances == nil {
		cfg.Allowances, _ = pool.(Allowances)
	}
	if cfg.MaxClaimBatch <= 0 {
		cfg.MaxClaimBatch = 200
	}
	if cfg.BatchDir == "" {
		return nil, errors.New("ledger: a batch directory is required")
	}
	if log == nil {
		log = zap.NewNop()
	}
	return &Ledger{cfg: cfg, store: st, pool: pool, sender: sender, chainID: domain.ChainID(), allow: cfg.Allowances,
		deposits: cfg.Deposits, caughtUpAt: map[string]time.Time{}, tried: map[string]bool{}, cutRounds: map[string]int{},
		verifier: &Verifier{Domain: domain, Registry: registry},
		http:     netguard.NoRedirects(nil), log: log.Named("ledger"), metrics: newMetrics(set)}, nil
}

// Run ingests and settles until ctx is done. Errors of one round are logged and retried next round. The
// settling loop first does the start's check of the pending sessions (flagReorged, tried again each round
// until it succeeds, the pipeline stepping meanwhile); the ingest waits for it: a page stored before it
// would make the next start verify every pending session again (recordFinal). No epoch is assembled before
// the ingest has tried every feed (due).
func (l *Ledger) Run(ctx context.Context) error {
	checked := make(chan struct{})
	ingestDone := make(chan struct{})
	go func() {
		defer close(ingestDone)
		select {
		case <-ctx.Done():
			return
		case <-checked:
		}
		for {
			if _, err := l.IngestOnce(ctx); err != nil && ctx.Err() == nil {
				l.log.Warn("ingest", zap.Error(err))
			}
			l.updateLag(ctx)
			select {
			case <-ctx.Done():
				return
			case <-time.After(l.cfg.PollInterval):
			}
		}
	}()
	waiting := true
	for {
		if !l.startChecked {
			if err := l.flagReorged(ctx); err != nil && ctx.Err() == nil {
				l.log.Warn("start: checking the pending sessions against the chain; ingest waits", zap.Error(err))
			}
		}
		if waiting && l.startChecked { // by the call above, or an assembly's
			close(checked)
			waiting = false
		} else if waiting {
			l.updateLag(ctx) // the ingest's, which waits
		}
		if err := l.Step(ctx); err != nil && ctx.Err() == nil {
			l.log.Warn("epoch pipeline", zap.Error(err))
		}
		select {
		case <-ctx.Done():
			<-ingestDone
			return nil
		case <-time.After(l.cfg.PollInterval):
		}
	}
}

// EpochRow is one row of the epochs table.
type EpochRow = store.Epoch

// Feeds returns where the keeper stands in each router's feed (store.Prune moves the settled cursors).
func (l *Ledger) Feeds(ctx context.Context) ([]store.FeedState, error) { return l.store.Feeds(ctx) }

// Epochs returns the live epochs, by number.
func (l *Ledger) Epochs(ctx context.Context) ([]*EpochRow, error) {
	return l.readEpochs(ctx, func(tx *store.Tx) ([]*EpochRow, error) { return tx.LiveEpochs(ctx) })
}

// readEpochs returns what read reads in one transaction.
func (l *Ledger) readEpochs(ctx context.Context, read func(tx *store.Tx) ([]*EpochRow, error)) ([]*EpochRow, error) {
	var out []*EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		out, err = read(tx)
		return err
	})
	return out, err
}

// unsettledEpochs returns the live epochs not claimable yet, by number: the ones Step moves.
func (l *Ledger) unsettledEpochs(ctx context.Context) ([]*EpochRow, error) {
	return l.readEpochs(ctx, func(tx *store.Tx) ([]*EpochRow, error) { return tx.UnsettledEpochs(ctx) })
}

// NewestEpochs returns the limit live epochs with the largest numbers, by number.
func (l *Ledger) NewestEpochs(ctx context.Context, limit int) ([]*EpochRow, error) {
	return l.readEpochs(ctx, func(tx *store.Tx) ([]*EpochRow, error) { return tx.NewestLiveEpochs(ctx, limit) })
}

// LiveEpoch returns the live epoch numbered n, or store.ErrNotFound.
func (l *Ledger) LiveEpoch(ctx context.Context, n uint64) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.LiveEpoch(ctx, n)
		return err
	})
	return e, err
}

// EpochByBatchHash returns the epoch numbered n, live or discarded (vetoed, abandoned), whose batch file's
// keccak256 is batchHash, or store.ErrNotFound.
func (l *Ledger) EpochByBatchHash(ctx context.Context, n uint64, batchHash common.Hash) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.EpochByBatchHash(ctx, n, batchHash)
		return err
	})
	return e, err
}

// NewestClaimable returns the newest epoch in state claimable, or store.ErrNotFound.
func (l *Ledger) NewestClaimable(ctx context.Context) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.NewestClaimable(ctx)
		return err
	})
	return e, err
}

// NewestCommitted returns the newest epoch whose root is committed on-chain at the confirmation depth
// (state confirmed or claimable: in its dispute window or past it), or store.ErrNotFound.
func (l *Ledger) NewestCommitted(ctx context.Context) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		e, err = tx.NewestCommitted(ctx)
		return err
	})
	return e, err
}

// Leaves returns the cumulative leaves of epoch id.
func (l *Ledger) Leaves(ctx context.Context, epochID int64) ([]Leaf, error) {
	var out []Leaf
	err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.Leaves(ctx, epochID)
		return err
	})
	return out, err
}

// Leaf is one account's cumulative amount in an epoch's tree, and what it had earned in total by then.
type Leaf = store.Leaf

// Rejected is one rejected record.
type Rejected = store.Rejected

// RejectedAfter lists rejected records with id > after, at most limit.
func (l *Ledger) RejectedAfter(ctx context.Context, after int64, limit int) ([]Rejected, error) {
	return l.store.RejectedAfter(ctx, after, limit)
}

// BatchPath returns the batch file of a live epoch numbered n.
func (l *Ledger) BatchPath(ctx context.Context, n uint64) (string, error) {
	e, err := l.LiveEpoch(ctx, n)
	if err != nil {
		return "", err
	}
	if e.BatchFile == "" {
		return "", store.ErrNotFound
	}
	return e.BatchFile, nil
}

func (l *Ledger) updateLag(ctx context.Context) {
	oldest, ok, err := l.store.OldestUncredited(ctx)
	if err == nil && ok {
		l.metrics.lag.Set(float64(time.Now().Unix() - oldest))
	} else if err == nil {
		l.metrics.lag.Set(0)
	}
}
