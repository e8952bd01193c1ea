package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// The allowance used per user and protocol day (the usage table), read and written inside the
// transactions that open and close sessions.

// usageTx reads and locks the user's usage row for day, creating it at zero the first time.
func (s *DB) usageTx(ctx context.Context, tx *sql.Tx, user string, day uint64) (*uint256.Int, error) {
	return s.amountRowTx(ctx, tx, "usage", qUsageForUpd, qInsertUsage0, user, int64(day))
}

// amountRowTx reads and locks (PostgreSQL: FOR UPDATE; SQLite: the single writer) the amount row that
// qForUpdate selects by key, inserting it at zero with qInsert the first time. A concurrent first insert
// makes this one wait for it (PostgreSQL) and do nothing; the read after sees and locks the committed row.
func (s *DB) amountRowTx(ctx context.Context, tx *sql.Tx, what, qForUpdate, qInsert string, key ...any) (*uint256.Int, error) {
	var dec string
	err := s.row(ctx, tx, qForUpdate, key...).Scan(&dec)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.exec(ctx, tx, qInsert, key...); err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, err)
		}
		err = s.row(ctx, tx, qForUpdate, key...).Scan(&dec)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return parseAmount(dec)
}

func (s *DB) setUsageTx(ctx context.Context, tx *sql.Tx, user string, day uint64, v *uint256.Int) error {
	if _, err := s.exec(ctx, tx, qSetUsage, v.Dec(), user, int64(day)); err != nil {
		return fmt.Errorf("store: usage: %w", err)
	}
	return nil
}

// Used returns the allowance used by user on day: reservations of open sessions plus billed amounts.
func (s *DB) Used(ctx context.Context, user common.Address, day uint64) (*uint256.Int, error) {
	return s.amountRow(ctx, "usage", qUsage, hexAddr(user), int64(day))
}

// amountRow reads the amount q selects by key; zero when there is no row.
func (s *DB) amountRow(ctx context.Context, what, q string, key ...any) (*uint256.Int, error) {
	var dec string
	err := s.row(ctx, nil, q, key...).Scan(&dec)
	if errors.Is(err, sql.ErrNoRows) {
		return new(uint256.Int), nil
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	return parseAmount(dec)
}
