package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
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

// liveStates are the states of epochs that are (or will be) on-chain.
const liveStates = `('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed', 'claimable')`

// Epoch is one row of the epochs table. A vetoed or abandoned epoch keeps its row; the number is reused.
type Epoch struct {
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
	Cutoff      int64 // the epoch credits the sessions closed before this unix time (and late ones, see ledger)
	// RejectedLast is the newest rejected record (rejected.id) when the epoch was assembled: its batch file
	// lists the rejections after the previous live epoch's RejectedLast up to it.
	RejectedLast int64
}

// Leaf is one account's cumulative amount in an epoch's tree, and what it had earned in total by then.
type Leaf struct {
	Account common.Address `json:"account"`
	Amount  *uint256.Int   `json:"cumulativeAmount"`
	Owed    *uint256.Int   `json:"owed"`
}

const epochCols = `id, number, state, day, root, total, delta, owed_total, factor_num, factor_den, sessions, first_seq, last_seq, batch_hash,
	batch_file, intent, tx_hash, block, claimable_at, claims_state, created_at, cutoff, rejected_last`

func scanEpoch(row interface{ Scan(...any) error }) (*Epoch, error) {
	var (
		e                                         Epoch
		number, day, block, claimableAt           int64
		root, total, delta, owed, fn, fd, bh, txh string
	)
	err := row.Scan(&e.ID, &number, &e.State, &day, &root, &total, &delta, &owed, &fn, &fd, &e.Sessions, &e.FirstSeq, &e.LastSeq, &bh,
		&e.BatchFile, &e.Intent, &txh, &block, &claimableAt, &e.Claims, &e.CreatedAt, &e.Cutoff, &e.RejectedLast)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	e.Number, e.Day, e.Block, e.ClaimableAt = uint64(number), uint64(day), uint64(block), uint64(claimableAt)
	e.Root, e.BatchHash, e.TxHash = common.HexToHash(root), common.HexToHash(bh), common.HexToHash(txh)
	for _, p := range []struct {
		s string
		z *uint256.Int
	}{{total, &e.Total}, {delta, &e.Delta}, {owed, &e.OwedTotal}, {fn, &e.FactorN}, {fd, &e.FactorD}} {
		if err := p.z.SetFromDecimal(p.s); err != nil {
			return nil, fmt.Errorf("store: epoch %d amount %q: %w", e.ID, p.s, err)
		}
	}
	return &e, nil
}

func (t *Tx) epochs(ctx context.Context, where string, args ...any) ([]*Epoch, error) {
	rows, err := t.query(ctx, `SELECT `+epochCols+` FROM epochs WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Epoch
	for rows.Next() {
		e, err := scanEpoch(rows)
		if err != nil {
			return nil, err
		}
		t.s.epochRows.Add(1)
		out = append(out, e)
	}
	return out, rows.Err()
}

// LiveEpochs returns the live epochs, by number.
func (t *Tx) LiveEpochs(ctx context.Context) ([]*Epoch, error) {
	return t.epochs(ctx, `state IN `+liveStates+` ORDER BY number`)
}

// unsettled selects the live epochs before claimable, the ones the pipeline still moves: the WHERE of the
// partial index epochs_unsettled (migration 00008), word for word.
const unsettled = `state IN ('assembled', 'batch_written', 'root_sent', 'mined', 'confirmed')`

// UnsettledEpochs returns the live epochs not claimable yet, by number: what the pipeline polls, read
// through the partial index that holds only them (not every live epoch).
func (t *Tx) UnsettledEpochs(ctx context.Context) ([]*Epoch, error) {
	return t.epochs(ctx, unsettled+` ORDER BY number`)
}

// NewestLiveEpochs returns the limit live epochs with the largest numbers, by number.
func (t *Tx) NewestLiveEpochs(ctx context.Context, limit int) ([]*Epoch, error) {
	es, err := t.epochs(ctx, `state IN `+liveStates+` ORDER BY number DESC LIMIT ?`, limit)
	slices.Reverse(es)
	return es, err
}

// LiveEpochsFrom returns the live epochs numbered n or more, by number.
func (t *Tx) LiveEpochsFrom(ctx context.Context, n uint64) ([]*Epoch, error) {
	return t.epochs(ctx, `number >= ? AND state IN `+liveStates+` ORDER BY number`, int64(n))
}

// LiveEpoch returns the live epoch numbered n, or ErrNotFound.
func (t *Tx) LiveEpoch(ctx context.Context, n uint64) (*Epoch, error) {
	return scanEpoch(t.queryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE number = ? AND state IN `+liveStates, int64(n)))
}

// EpochByBatchHash returns the epoch row numbered n, live or discarded, whose batch file's keccak256 is
// batchHash, or ErrNotFound. Every assembly keeps its row and its file (epoch-<n>-<id>.json) whatever
// becomes of it, so a vetoed commit's file is still found by its hash; a recommit of the very same bytes
// has the same hash, and the newest row is taken (either file holds those bytes).
func (t *Tx) EpochByBatchHash(ctx context.Context, n uint64, batchHash common.Hash) (*Epoch, error) {
	return scanEpoch(t.queryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE number = ? AND batch_hash = ? ORDER BY id DESC LIMIT 1`,
		int64(n), batchHash.Hex()))
}

// NewestLive returns the live epoch with the largest number, or ErrNotFound.
func (t *Tx) NewestLive(ctx context.Context) (*Epoch, error) {
	return scanEpoch(t.queryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE state IN `+liveStates+` ORDER BY number DESC LIMIT 1`))
}

// NewestClaimable returns the claimable epoch with the largest number, or ErrNotFound.
func (t *Tx) NewestClaimable(ctx context.Context) (*Epoch, error) {
	return scanEpoch(t.queryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE state = ? ORDER BY number DESC LIMIT 1`, StateClaimable))
}

// NewestCommitted returns the confirmed or claimable epoch with the largest number (its root committed
// on-chain at the confirmation depth, claimable or still in its dispute window), or ErrNotFound.
func (t *Tx) NewestCommitted(ctx context.Context) (*Epoch, error) {
	return scanEpoch(t.queryRow(ctx, `SELECT `+epochCols+` FROM epochs WHERE state IN (?, ?) ORDER BY number DESC LIMIT 1`,
		StateConfirmed, StateClaimable))
}

// InsertEpoch stores e (its number, state, day, root, amounts, session count, seq range and RejectedLast; the other
// fields start empty) with its tree's leaves, and returns the id it was given.
func (t *Tx) InsertEpoch(ctx context.Context, e *Epoch, leaves []Leaf) (int64, error) {
	var id int64
	if err := t.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM epochs`).Scan(&id); err != nil {
		return 0, err
	}
	at := now()
	if _, err := t.exec(ctx, `INSERT INTO epochs (`+epochCols+`, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '', 0, 0, '', ?, ?, ?, ?)`,
		id, int64(e.Number), e.State, int64(e.Day), e.Root.Hex(), e.Total.Dec(), e.Delta.Dec(), e.OwedTotal.Dec(),
		e.FactorN.Dec(), e.FactorD.Dec(), e.Sessions, e.FirstSeq, e.LastSeq, at, e.Cutoff, e.RejectedLast, at); err != nil {
		return 0, fmt.Errorf("store: insert epoch %d: %w", e.Number, err)
	}
	lj, err := json.Marshal(leaves)
	if err != nil {
		return 0, err
	}
	if _, err := t.exec(ctx, `INSERT INTO epoch_trees (epoch_id, leaves) VALUES (?, ?)`, id, string(lj)); err != nil {
		return 0, fmt.Errorf("store: insert tree of epoch %d: %w", e.Number, err)
	}
	return id, nil
}

// Leaves returns the cumulative leaves of epoch id, or ErrNotFound.
func (t *Tx) Leaves(ctx context.Context, epochID int64) ([]Leaf, error) {
	var s string
	err := t.queryRow(ctx, `SELECT leaves FROM epoch_trees WHERE epoch_id = ?`, epochID).Scan(&s)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	var leaves []Leaf
	if err := json.Unmarshal([]byte(s), &leaves); err != nil {
		return nil, fmt.Errorf("store: leaves of epoch %d: %w", epochID, err)
	}
	return leaves, nil
}

// SetEpochState moves epoch id to state.
func (t *Tx) SetEpochState(ctx context.Context, id int64, state string) error {
	return t.updateEpoch(ctx, id, `state = ?`, state)
}

func (t *Tx) updateEpoch(ctx context.Context, id int64, set string, args ...any) error {
	args = append(append(args, now()), id)
	res, err := t.exec(ctx, `UPDATE epochs SET `+set+`, updated_at = ? WHERE id = ?`, args...)
	if err != nil {
		return fmt.Errorf("store: epoch %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: epoch %d: %w", id, ErrNotFound)
	}
	return nil
}

// The epoch's steps forward, one database transaction each.

// MarkBatchWritten records the epoch's batch file and its keccak256: state batch_written.
func (s *Store) MarkBatchWritten(ctx context.Context, id int64, hash common.Hash, file string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `state = ?, batch_hash = ?, batch_file = ?`, StateBatchWritten, hash.Hex(), file)
	})
}

// MarkRootSent records the name of the commit's transaction intent: state root_sent.
func (s *Store) MarkRootSent(ctx context.Context, id int64, intent string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `state = ?, intent = ?`, StateRootSent, intent)
	})
}

// MarkMined records the commit's transaction and block: state mined.
func (s *Store) MarkMined(ctx context.Context, id int64, tx common.Hash, block uint64) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `state = ?, tx_hash = ?, block = ?`, StateMined, tx.Hex(), int64(block))
	})
}

// MarkConfirmed records the confirmed commit (its transaction and block, which a reorg may have moved)
// and when the epoch becomes claimable: state confirmed.
func (s *Store) MarkConfirmed(ctx context.Context, id int64, claimableAt uint64, tx common.Hash, block uint64) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `state = ?, claimable_at = ?, tx_hash = ?, block = ?`, StateConfirmed, int64(claimableAt), tx.Hex(), int64(block))
	})
}

// MarkClaimable moves the epoch to state claimable with its batched-claims state.
func (s *Store) MarkClaimable(ctx context.Context, id int64, claims string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `state = ?, claims_state = ?`, StateClaimable, claims)
	})
}

// SetClaims sets epoch id's batched-claims state.
func (s *Store) SetClaims(ctx context.Context, id int64, claims string) error {
	return s.InTx(ctx, func(t *Tx) error {
		return t.updateEpoch(ctx, id, `claims_state = ?`, claims)
	})
}

// ReplaceClaims moves every epoch but keep whose claims state is from to state to.
func (s *Store) ReplaceClaims(ctx context.Context, keep int64, from, to string) error {
	return s.InTx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `UPDATE epochs SET claims_state = ? WHERE claims_state = ? AND id <> ?`, to, from, keep)
		return err
	})
}
