package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/laketravis/laketravis/keeper/txmgr"
)

var _ txmgr.Store = (*Store)(nil)

// LoadIntent implements txmgr.Store.
func (s *Store) LoadIntent(ctx context.Context, id string) (*txmgr.Intent, error) {
	var in *txmgr.Intent
	err := s.InTx(ctx, func(tx *Tx) error {
		var err error
		in, err = loadIntent(ctx, tx, id)
		return err
	})
	return in, err
}

func loadIntent(ctx context.Context, tx *Tx, id string) (*txmgr.Intent, error) {
	var (
		in                                txmgr.Intent
		to, data, minedTx, minedBH, state string
		nonce, gas, minedBlock            int64
	)
	err := tx.queryRow(ctx, `SELECT nonce, to_addr, data, gas, state, mined_tx, mined_block, mined_block_hash
		FROM tx_intents WHERE id = ?`, id).Scan(&nonce, &to, &data, &gas, &state, &minedTx, &minedBlock, &minedBH)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: %s", txmgr.ErrUnknownIntent, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: load intent %s: %w", id, err)
	}
	in.ID, in.Nonce, in.To, in.Gas, in.State = id, uint64(nonce), common.HexToAddress(to), uint64(gas), txmgr.State(state)
	if in.Data, err = hexutil.Decode(data); err != nil {
		return nil, fmt.Errorf("store: intent %s data: %w", id, err)
	}
	in.MinedTx, in.MinedBlock, in.MinedBlockHash = common.HexToHash(minedTx), uint64(minedBlock), common.HexToHash(minedBH)

	rows, err := tx.query(ctx, `SELECT hash, raw, tip_cap, fee_cap, created_at FROM tx_attempts WHERE intent_id = ? ORDER BY seq`, id)
	if err != nil {
		return nil, fmt.Errorf("store: load attempts %s: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var hash, raw, tip, fee string
		var at int64
		if err := rows.Scan(&hash, &raw, &tip, &fee, &at); err != nil {
			return nil, err
		}
		a := txmgr.Attempt{Hash: common.HexToHash(hash), SentAt: time.Unix(at, 0)}
		if a.Raw, err = hex.DecodeString(raw); err != nil {
			return nil, fmt.Errorf("store: attempt of %s: %w", id, err)
		}
		a.TipCap, _ = new(big.Int).SetString(tip, 10)
		a.FeeCap, _ = new(big.Int).SetString(fee, 10)
		in.Attempts = append(in.Attempts, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(in.Attempts) == 0 {
		return nil, fmt.Errorf("store: intent %s has no attempt", id)
	}
	return &in, nil
}

// CreateIntent implements txmgr.Store.
func (s *Store) CreateIntent(ctx context.Context, in *txmgr.Intent) error {
	return s.InTx(ctx, func(tx *Tx) error {
		t := now()
		if _, err := tx.exec(ctx, `INSERT INTO tx_intents (id, nonce, to_addr, data, gas, state, mined_tx, mined_block,
			mined_block_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '', 0, '', ?, ?)`,
			in.ID, int64(in.Nonce), in.To.Hex(), hexutil.Encode(in.Data), int64(in.Gas), string(in.State), t, t); err != nil {
			return fmt.Errorf("store: create intent %s: %w", in.ID, err)
		}
		for i, a := range in.Attempts {
			if err := insertAttempt(ctx, tx, in.ID, i, a); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertAttempt(ctx context.Context, tx *Tx, id string, seq int, a txmgr.Attempt) error {
	_, err := tx.exec(ctx, `INSERT INTO tx_attempts (intent_id, seq, hash, raw, tip_cap, fee_cap, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, seq, a.Hash.Hex(), hex.EncodeToString(a.Raw), a.TipCap.String(), a.FeeCap.String(), a.SentAt.Unix())
	if err != nil {
		return fmt.Errorf("store: attempt %d of %s: %w", seq, id, err)
	}
	return nil
}

// AddAttempt implements txmgr.Store.
func (s *Store) AddAttempt(ctx context.Context, id string, a txmgr.Attempt) error {
	return s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.queryRow(ctx, `SELECT COUNT(*) FROM tx_attempts WHERE intent_id = ?`, id).Scan(&n); err != nil {
			return err
		}
		return insertAttempt(ctx, tx, id, n, a)
	})
}

// SetIntentState implements txmgr.Store.
func (s *Store) SetIntentState(ctx context.Context, id string, state txmgr.State, txHash common.Hash, block uint64, blockHash common.Hash) error {
	return s.InTx(ctx, func(tx *Tx) error {
		res, err := tx.exec(ctx, `UPDATE tx_intents SET state = ?, mined_tx = ?, mined_block = ?, mined_block_hash = ?, updated_at = ?
			WHERE id = ?`, string(state), txHash.Hex(), int64(block), blockHash.Hex(), now(), id)
		if err != nil {
			return fmt.Errorf("store: intent %s state: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("%w: %s", txmgr.ErrUnknownIntent, id)
		}
		return nil
	})
}

// NextNonce implements txmgr.Store.
func (s *Store) NextNonce(ctx context.Context) (uint64, bool, error) {
	var n sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(nonce) FROM tx_intents`).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("store: max nonce: %w", err)
	}
	if !n.Valid {
		return 0, false, nil
	}
	return uint64(n.Int64) + 1, true, nil
}

// OpenIntents implements txmgr.Store.
func (s *Store) OpenIntents(ctx context.Context) ([]*txmgr.Intent, error) {
	var out []*txmgr.Intent
	err := s.InTx(ctx, func(tx *Tx) error {
		rows, err := tx.query(ctx, `SELECT id FROM tx_intents WHERE state IN ('pending', 'mined') ORDER BY nonce`)
		if err != nil {
			return err
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, id)
		}
		rows.Close()
		for _, id := range ids {
			in, err := loadIntent(ctx, tx, id)
			if err != nil {
				return err
			}
			out = append(out, in)
		}
		return nil
	})
	return out, err
}

// IntentSummary is one row of CountIntents.
type IntentSummary struct {
	ID       string
	Nonce    uint64
	State    string
	Attempts int
}

// Intents lists every intent with its number of attempts, by nonce (for tests and operators).
func (s *Store) Intents(ctx context.Context) ([]IntentSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT i.id, i.nonce, i.state, (SELECT COUNT(*) FROM tx_attempts a WHERE a.intent_id = i.id)
		FROM tx_intents i ORDER BY i.nonce`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []IntentSummary
	for rows.Next() {
		var r IntentSummary
		var nonce int64
		if err := rows.Scan(&r.ID, &nonce, &r.State, &r.Attempts); err != nil {
			return nil, err
		}
		r.Nonce = uint64(nonce)
		out = append(out, r)
	}
	return out, rows.Err()
}
