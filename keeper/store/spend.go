package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Spend is what users' deposits paid as of one epoch (PROTOCOL §4 "Paid usage", protocol/README.md
// "Deposit spend"): the spend tree it committed and what each of its sessions was charged to a deposit.
type Spend struct {
	Root    common.Hash     // zero exactly when Total is zero
	Total   uint256.Int     // cumulativeSpent: the sum of the leaves
	Leaves  []SpendLeaf     // every depositor as of the epoch, sorted by user
	Charges []DepositCharge // this epoch's sessions charged to a deposit, in the charging order
	ReadAt  uint64          // the block time the deposits were read as of (commitRoot's depositsReadAt)
}

// SpendLeaf is one user's cumulative spend from its deposit (a spend-tree leaf).
type SpendLeaf struct {
	User   common.Address `json:"user"`
	Amount uint256.Int    `json:"cumulativeSpent"`
}

// DepositCharge is what one session was charged to its user's deposit.
type DepositCharge struct {
	SessionID common.Hash    `json:"sessionId"`
	User      common.Address `json:"user"`
	Amount    uint256.Int    `json:"amount"`
}

// InsertSpend stores epoch id's spend.
func (t *Tx) InsertSpend(ctx context.Context, epochID int64, s *Spend) error {
	leaves, err := json.Marshal(orEmpty(s.Leaves))
	if err != nil {
		return err
	}
	charges, err := json.Marshal(orEmpty(s.Charges))
	if err != nil {
		return err
	}
	_, err = t.exec(ctx, `INSERT INTO epoch_spends (epoch_id, spend_root, spent, leaves, charges, read_at) VALUES (?, ?, ?, ?, ?, ?)`,
		epochID, s.Root.Hex(), s.Total.Dec(), string(leaves), string(charges), int64(s.ReadAt))
	if err != nil {
		return fmt.Errorf("store: insert spend of epoch id %d: %w", epochID, err)
	}
	return nil
}

// SpendOf returns epoch id's spend; an epoch stored without one (before deposits existed) spent nothing.
func (t *Tx) SpendOf(ctx context.Context, epochID int64) (*Spend, error) {
	var root, spent, leaves, charges string
	var readAt int64
	err := t.queryRow(ctx, `SELECT spend_root, spent, leaves, charges, read_at FROM epoch_spends WHERE epoch_id = ?`, epochID).
		Scan(&root, &spent, &leaves, &charges, &readAt)
	if errors.Is(err, sql.ErrNoRows) {
		return &Spend{}, nil
	}
	if err != nil {
		return nil, err
	}
	s := &Spend{Root: common.HexToHash(root), ReadAt: uint64(readAt)}
	if err := s.Total.SetFromDecimal(spent); err != nil {
		return nil, fmt.Errorf("store: spend of epoch id %d: %w", epochID, err)
	}
	if err := json.Unmarshal([]byte(leaves), &s.Leaves); err != nil {
		return nil, fmt.Errorf("store: spend leaves of epoch id %d: %w", epochID, err)
	}
	if err := json.Unmarshal([]byte(charges), &s.Charges); err != nil {
		return nil, fmt.Errorf("store: deposit charges of epoch id %d: %w", epochID, err)
	}
	return s, nil
}

// SpendOfEpoch returns the spend of live epoch n.
func (s *Store) SpendOfEpoch(ctx context.Context, n uint64) (*Spend, error) {
	var out *Spend
	err := s.InTx(ctx, func(tx *Tx) error {
		e, err := tx.LiveEpoch(ctx, n)
		if err != nil {
			return err
		}
		out, err = tx.SpendOf(ctx, e.ID)
		return err
	})
	return out, err
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
