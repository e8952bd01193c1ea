// Package ledger turns closed sessions into on-chain credits (PROTOCOL §8): it pulls the routers'
// settlement feeds, verifies and stores every record, and drives each epoch through one persisted state
// machine — assembled → batch_written → root_sent → mined → confirmed → claimable — resumable from any
// state after a crash, with a guardian veto rolling the epoch back for a corrected recommit.
//
// The one rule: no credit lost, none paid twice. Every session is credited by exactly one live epoch
// (the epoch's seq range [first_seq, last_seq]; the live epochs cover a prefix of the sessions' seq);
// an account's leaf amount (Credited) only grows towards what it earned (Owed); the
// commit transaction is an idempotent txmgr intent named after the epoch and root.
package ledger

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"github.com/prometheus/client_golang/prometheus"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// Epoch states, in order. vetoed and abandoned are terminal states of a discarded epoch.
const (
	StateAssembled    = "assembled"     // sessions, credits and tree committed to the database
	StateBatchWritten = "batch_written" // batch file on disk, its hash recorded
	StateRootSent     = "root_sent"     // commit intent named; txmgr persists and broadcasts it
	StateMined        = "mined"         // commit transaction in a block
	StateConfirmed    = "confirmed"     // at the confirmation depth
	StateClaimable    = "claimable"     // dispute window over, the chain's claimable root
	StateVetoed       = "vetoed"        // the guardian vetoed it (or an earlier epoch): rolled back
	StateAbandoned    = "abandoned"     // never committed (commit reverted): rolled back
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
	Feeds        []string      // router base URLs
	EpochLength  time.Duration // how often an epoch closes (default 1 h)
	BatchDir     string        // where batch files are written
	PublicURL    string        // the keeper's public base URL; uri = PublicURL + /v1/batches/{epoch}
	PageLimit    int           // records per feed page (default 500)
	PollInterval time.Duration // pipeline and feed poll period (default 2 s)
	HTTPTimeout  time.Duration // per feed request (default 15 s)

	ClaimsEnabled  bool        // pay accounts with claimMany once an epoch is claimable
	ClaimThreshold uint256.Int // only accounts owed at least this much (wei)
	MaxClaimBatch  int         // at most this many accounts per claimMany (default 200)
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
}

// New returns a ledger. reg may be nil (no metrics registered).
func New(cfg Config, st *store.Store, pool Pool, sender Sender, domain *eip712.Domain, registry Registry,
	log *zap.Logger, reg prometheus.Registerer) (*Ledger, error) {
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
	if cfg.MaxClaimBatch <= 0 {
		cfg.MaxClaimBatch = 200
	}
	if cfg.BatchDir == "" {
		return nil, errors.New("ledger: a batch directory is required")
	}
	if log == nil {
		log = zap.NewNop()
	}
	m, err := newMetrics(reg)
	if err != nil {
		return nil, err
	}
	return &Ledger{cfg: cfg, store: st, pool: pool, sender: sender, chainID: domain.ChainID(),
		verifier: &Verifier{Domain: domain, Registry: registry},
		http:     &http.Client{}, log: log.Named("ledger"), metrics: m}, nil
}

// Run ingests and settles until ctx is done. Errors of one round are logged and retried next round.
func (l *Ledger) Run(ctx context.Context) error {
	ingestDone := make(chan struct{})
	go func() {
		defer close(ingestDone)
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
	for {
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
type EpochRow struct {
	ID          int64
	Number      uint64
	State       string
	Day         uint64
	Root        common.Hash
	Total       uint256.Int
	Delta       uint256.Int
	OwedTotal   uint256.Int // Σ outstanding before the epoch (what it would have paid unscaled)
	FactorN     uint256.Int
	FactorD     uint256.Int
	Sessions    int64
	FirstSeq    int64 // the epoch credits the stored sessions with seq in [FirstSeq, LastSeq]
	LastSeq     int64
	BatchHash   common.Hash
	BatchFile   string
	Intent      string
	TxHash      common.Hash
	Block       uint64
	ClaimableAt uint64
	Claims      string
	CreatedAt   int64
}

const epochCols = `id, number, state, day, root, total, delta, owed_total, factor_num, factor_den, sessions, first_seq, last_seq, batch_hash,
	batch_file, intent, tx_hash, block, claimable_at, claims_state, created_at`

func scanEpoch(row interface{ Scan(...any) error }) (*EpochRow, error) {
	var (
		e                                         EpochRow
		number, day, block, claimableAt           int64
		root, total, delta, owed, fn, fd, bh, txh string
	)
	if err := row.Scan(&e.ID, &number, &e.State, &day, &root, &total, &delta, &owed, &fn, &fd, &e.Sessions, &e.FirstSeq, &e.LastSeq, &bh,
		&e.BatchFile, &e.Intent, &txh, &block, &claimableAt, &e.Claims, &e.CreatedAt); err != nil {
		return nil, err
	}
	e.Number, e.Day, e.Block, e.ClaimableAt = uint64(number), uint64(day), uint64(block), uint64(claimableAt)
	e.Root, e.BatchHash, e.TxHash = common.HexToHash(root), common.HexToHash(bh), common.HexToHash(txh)
	for _, p := range []struct {
		s string
		z *uint256.Int
	}{{total, &e.Total}, {delta, &e.Delta}, {owed, &e.OwedTotal}, {fn, &e.FactorN}, {fd, &e.FactorD}} {
		if err := p.z.SetFromDecimal(p.s); err != nil {
			return nil, fmt.Errorf("ledger: epoch %d amount %q: %w", e.ID, p.s, err)
		}
	}
	return &e, nil
}

// liveStates are the states of epochs that are (or will be) on-chain.
const liveStates = `('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed', 'claimable')`

// creditedThrough is the seq of the last session credited by a live epoch (0 if none): the live epochs'
// ranges cover every seq up to it, and the sessions after it are not credited yet.
const creditedThrough = `(SELECT COALESCE(MAX(last_seq), 0) FROM epochs WHERE state IN ` + liveStates + `)`

// Epochs returns the live epochs, by number.
func (l *Ledger) Epochs(ctx context.Context) ([]*EpochRow, error) {
	var out []*EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT `+epochCols+` FROM epochs WHERE state IN `+liveStates+` ORDER BY number`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e, err := scanEpoch(rows)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// LiveEpoch returns the live epoch numbered n, or store.ErrNotFound.
func (l *Ledger) LiveEpoch(ctx context.Context, n uint64) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		e, err = scanEpoch(tx.QueryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE number = ? AND state IN `+liveStates, int64(n)))
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	})
	return e, err
}

// NewestClaimable returns the newest epoch in state claimable, or store.ErrNotFound.
func (l *Ledger) NewestClaimable(ctx context.Context) (*EpochRow, error) {
	var e *EpochRow
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		e, err = scanEpoch(tx.QueryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE state = 'claimable' ORDER BY number DESC LIMIT 1`))
		if errors.Is(err, sql.ErrNoRows) {
			return store.ErrNotFound
		}
		return err
	})
	return e, err
}

// Leaves returns the cumulative leaves of epoch id.
func (l *Ledger) Leaves(ctx context.Context, epochID int64) ([]Leaf, error) {
	var out []Leaf
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		var err error
		out, err = loadLeaves(ctx, tx, epochID)
		return err
	})
	return out, err
}

// Leaf is one account's cumulative amount in an epoch's tree, and what it had earned in total by then.
type Leaf struct {
	Account common.Address `json:"account"`
	Amount  *uint256.Int   `json:"cumulativeAmount"`
	Owed    *uint256.Int   `json:"owed"`
}

func loadLeaves(ctx context.Context, tx *store.Tx, epochID int64) ([]Leaf, error) {
	var s string
	err := tx.QueryRow(ctx, `SELECT leaves FROM epoch_trees WHERE epoch_id = ?`, epochID).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var leaves []Leaf
	if err := json.Unmarshal([]byte(s), &leaves); err != nil {
		return nil, fmt.Errorf("ledger: leaves of epoch %d: %w", epochID, err)
	}
	return leaves, nil
}

// Rejected is one rejected record.
type Rejected struct {
	ID        int64           `json:"id,string"`
	Feed      string          `json:"feed"`
	Cursor    string          `json:"cursor"`
	SessionID string          `json:"sessionId"`
	Code      string          `json:"code"`
	Detail    string          `json:"detail"`
	Record    json.RawMessage `json:"record"`
	At        int64           `json:"at,string"`
}

// RejectedAfter lists rejected records with id > after, at most limit.
func (l *Ledger) RejectedAfter(ctx context.Context, after int64, limit int) ([]Rejected, error) {
	out := []Rejected{}
	err := l.store.InTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT id, feed, cursor, session_id, code, detail, record, at FROM rejected WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var r Rejected
			var rec string
			if err := rows.Scan(&r.ID, &r.Feed, &r.Cursor, &r.SessionID, &r.Code, &r.Detail, &rec, &r.At); err != nil {
				return err
			}
			r.Record = json.RawMessage(rec)
			out = append(out, r)
		}
		return rows.Err()
	})
	return out, err
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
	var oldest sql.NullInt64
	_ = l.store.InTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `SELECT MIN(closed_at) FROM sessions WHERE seq > `+creditedThrough).Scan(&oldest)
	})
	if oldest.Valid {
		l.metrics.lag.Set(float64(time.Now().Unix() - oldest.Int64))
	} else {
		l.metrics.lag.Set(0)
	}
}
