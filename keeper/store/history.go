package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// HistoryMark is what the guard's history says of one earlier epoch: the commit its file was read for (its
// root and batchHash: a root recommitted after a veto may come with another file) and whether the epoch was
// claimable then (a veto can no longer discard it).
type HistoryMark struct {
	Root, BatchHash common.Hash
	Final           bool
}

// ErrOtherDeployment: the database holds another deployment's history.
var ErrOtherDeployment = errors.New("store: the database is another deployment's")

// BindHistory ties the history to one deployment (its chain id and pool): the first call records them, a
// later one with others returns ErrOtherDeployment (an epoch's rows are only meaningful on its own pool).
func (s *Store) BindHistory(ctx context.Context, chainID uint64, pool common.Address) error {
	return s.InTx(ctx, func(tx *Tx) error {
		var id int64
		var p string
		err := tx.queryRow(ctx, `SELECT chain_id, pool FROM guard_deployment WHERE id = 1`).Scan(&id, &p)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.exec(ctx, `INSERT INTO guard_deployment (id, chain_id, pool) VALUES (1, ?, ?)`, int64(chainID), pool.Hex())
			return err
		case err != nil:
			return fmt.Errorf("store: history deployment: %w", err)
		case uint64(id) != chainID || common.HexToAddress(p) != pool:
			return fmt.Errorf("%w: chain %d, pool %s (not chain %d, pool %s)", ErrOtherDeployment, id, p, chainID, pool.Hex())
		}
		return nil
	})
}

// DayCharged is one user-day's charged (decimal wei) as an epoch's file lists it in its allowances.
type DayCharged struct {
	UserDay
	Charged string
}

// HistoryMarks returns every epoch the history holds, by number.
func (s *Store) HistoryMarks(ctx context.Context) (map[uint64]HistoryMark, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT epoch, root, batch_hash, final FROM guard_epochs`)
	if err != nil {
		return nil, fmt.Errorf("store: history marks: %w", err)
	}
	defer rows.Close()
	marks := map[uint64]HistoryMark{}
	for rows.Next() {
		var e, final int64
		var root, hash string
		if err := rows.Scan(&e, &root, &hash, &final); err != nil {
			return nil, fmt.Errorf("store: history marks: %w", err)
		}
		marks[uint64(e)] = HistoryMark{Root: common.HexToHash(root), BatchHash: common.HexToHash(hash), Final: final != 0}
	}
	return marks, rows.Err()
}

// PutHistory replaces epoch e's history, all or nothing: its mark, the session ids its file lists and the
// charged of the user-days its allowances list (each user-day once).
func (s *Store) PutHistory(ctx context.Context, e uint64, mark HistoryMark, ids []common.Hash, charged []DayCharged) error {
	return s.InTx(ctx, func(tx *Tx) error {
		for _, q := range []string{`DELETE FROM guard_credited WHERE epoch = ?`, `DELETE FROM guard_charged WHERE epoch = ?`} {
			if _, err := tx.exec(ctx, q, int64(e)); err != nil {
				return fmt.Errorf("store: history of epoch %d: %w", e, err)
			}
		}
		if err := tx.putMark(ctx, e, mark); err != nil {
			return err
		}
		// Many rows a statement: an epoch's file may list a million sessions.
		const perInsert = 200
		for chunk := range spans(len(ids), perInsert) {
			args := make([]any, 0, 2*(chunk.end-chunk.start))
			for _, id := range ids[chunk.start:chunk.end] {
				args = append(args, id.Bytes(), int64(e))
			}
			q := `INSERT INTO guard_credited (session_id, epoch) VALUES ` + placeholders(chunk.end-chunk.start, "(?, ?)") +
				` ON CONFLICT (session_id, epoch) DO NOTHING`
			if _, err := tx.exec(ctx, q, args...); err != nil {
				return fmt.Errorf("store: history of epoch %d: %w", e, err)
			}
		}
		for chunk := range spans(len(charged), perInsert) {
			args := make([]any, 0, 4*(chunk.end-chunk.start))
			for _, c := range charged[chunk.start:chunk.end] {
				args = append(args, c.User.Bytes(), int64(c.Day), int64(e), c.Charged)
			}
			q := `INSERT INTO guard_charged (user_addr, day, epoch, charged) VALUES ` + placeholders(chunk.end-chunk.start, "(?, ?, ?, ?)") +
				` ON CONFLICT (user_addr, day, epoch) DO NOTHING`
			if _, err := tx.exec(ctx, q, args...); err != nil {
				return fmt.Errorf("store: history of epoch %d: %w", e, err)
			}
		}
		return nil
	})
}

// MarkHistory sets epoch e's mark, leaving its rows.
func (s *Store) MarkHistory(ctx context.Context, e uint64, mark HistoryMark) error {
	return s.InTx(ctx, func(tx *Tx) error { return tx.putMark(ctx, e, mark) })
}

func (t *Tx) putMark(ctx context.Context, e uint64, mark HistoryMark) error {
	_, err := t.exec(ctx, `INSERT INTO guard_epochs (epoch, root, batch_hash, final) VALUES (?, ?, ?, ?)
		ON CONFLICT (epoch) DO UPDATE SET root = excluded.root, batch_hash = excluded.batch_hash, final = excluded.final`,
		int64(e), mark.Root.Hex(), mark.BatchHash.Hex(), boolInt(mark.Final))
	if err != nil {
		return fmt.Errorf("store: history mark of epoch %d: %w", e, err)
	}
	return nil
}

// LookupHistory returns, of the epochs before n, the first listing each of ids (those listed by none are
// absent) and the newest one's charged of each of days (absent: no such epoch).
func (s *Store) LookupHistory(ctx context.Context, n uint64, ids []common.Hash, days []UserDay) (map[common.Hash]uint64, map[UserDay]string, error) {
	credited, charged := map[common.Hash]uint64{}, map[UserDay]string{}
	err := s.InTx(ctx, func(tx *Tx) error {
		const perQuery = 500
		for chunk := range spans(len(ids), perQuery) {
			args := make([]any, 0, chunk.end-chunk.start+1)
			args = append(args, int64(n))
			for _, id := range ids[chunk.start:chunk.end] {
				args = append(args, id.Bytes())
			}
			rows, err := tx.query(ctx, `SELECT session_id, MIN(epoch) FROM guard_credited WHERE epoch < ? AND session_id IN (`+
				placeholders(chunk.end-chunk.start, "?")+`) GROUP BY session_id`, args...)
			if err != nil {
				return fmt.Errorf("store: history lookup: %w", err)
			}
			for rows.Next() {
				var id []byte
				var e int64
				if err := rows.Scan(&id, &e); err != nil {
					rows.Close()
					return fmt.Errorf("store: history lookup: %w", err)
				}
				credited[common.BytesToHash(id)] = uint64(e)
			}
			err = rows.Err()
			rows.Close()
			if err != nil {
				return fmt.Errorf("store: history lookup: %w", err)
			}
		}
		for _, k := range days {
			var v string
			err := tx.queryRow(ctx, `SELECT charged FROM guard_charged WHERE user_addr = ? AND day = ? AND epoch < ?
				ORDER BY epoch DESC LIMIT 1`, k.User.Bytes(), int64(k.Day), int64(n)).Scan(&v)
			switch {
			case err == nil:
				charged[k] = v
			case !errors.Is(err, sql.ErrNoRows):
				return fmt.Errorf("store: history lookup of %s's day %d: %w", k.User.Hex(), k.Day, err)
			}
		}
		return nil
	})
	return credited, charged, err
}

// placeholders returns n copies of one row's placeholders, comma-separated.
func placeholders(n int, row string) string {
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}

type span struct{ start, end int }

// spans yields [start, end) spans of at most size covering 0..n.
func spans(n, size int) func(func(span) bool) {
	return func(yield func(span) bool) {
		for i := 0; i < n; i += size {
			if !yield(span{i, min(i+size, n)}) {
				return
			}
		}
	}
}
