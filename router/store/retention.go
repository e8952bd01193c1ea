package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/holiman/uint256"
)

// Retention is what Prune may delete. Sessions leave the database once they are in the settlement feed up to
// SettledSeq (every configured keeper has consumed them and credited them in an epoch that is claimable: past
// its dispute window) and closed before Before (the retention window); usage rows leave once their day is
// before Today and no session of that day is left. What the reports show of both stays as aggregates:
// SessionBuckets counts pruned sessions per hour of creation, UsedOnDay adds the pruned days' totals.
type Retention struct {
	SettledSeq uint64 // feed sequence every configured keeper has settled through
	Before     uint64 // unix seconds: only sessions closed before it are pruned
	Today      uint64 // the current protocol day: usage rows of it (and later) stay
	Batch      int    // sessions deleted per transaction [1000]
}

// Pruned counts what one Prune deleted.
type Pruned struct {
	Sessions  int64
	UsageRows int64
}

// hourSeconds is the granularity of the aggregates kept of pruned sessions.
const hourSeconds = 3600

// qOldestDay is the oldest day still holding sessions (pruneUsage), on the sessions_day index.
const qOldestDay = `SELECT MIN(day) FROM sessions`

// Prune deletes what r allows, in transactions of r.Batch sessions (the writer is never held long), and
// folds what it deletes into the aggregates in the same transaction: a report never counts a session twice
// or not at all. Open sessions, held (flagged) sessions and sessions not yet in the feed are never pruned.
func (s *DB) Prune(ctx context.Context, r Retention) (Pruned, error) {
	var out Pruned
	if r.Batch <= 0 {
		r.Batch = 1000
	}
	for {
		n, err := s.pruneSessions(ctx, r)
		out.Sessions += n
		if err != nil {
			return out, err
		}
		if n < int64(r.Batch) {
			break
		}
	}
	n, err := s.pruneUsage(ctx, r.Today)
	out.UsageRows = n
	return out, err
}

// pruneSessions deletes up to r.Batch sessions, the oldest in the feed first.
func (s *DB) pruneSessions(ctx context.Context, r Retention) (int64, error) {
	const settled = ` FROM sessions WHERE feed_seq IS NOT NULL AND feed_seq <= ? AND feed_seq <= ? AND closed_at < ?`
	var n int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		// The batch: the first r.Batch prunable sessions in feed order, named by the largest feed_seq among them.
		var upto sql.NullInt64
		if err := tx.QueryRowContext(ctx, s.q(`SELECT MAX(feed_seq) FROM (SELECT feed_seq`+settled+` ORDER BY feed_seq LIMIT ?) b`),
			int64(r.SettledSeq), int64(r.SettledSeq), int64(r.Before), r.Batch).Scan(&upto); err != nil {
			return fmt.Errorf("store: prune sessions: %w", err)
		}
		if !upto.Valid {
			return nil
		}
		// DELETE … RETURNING: the aggregates count exactly the rows this transaction deleted, even when two
		// replicas sharing a PostgreSQL database prune at once.
		rows, err := tx.QueryContext(ctx, s.q(`DELETE`+settled+` RETURNING created_at, billed_seconds`),
			upto.Int64, int64(r.SettledSeq), int64(r.Before))
		if err != nil {
			return fmt.Errorf("store: prune sessions: %w", err)
		}
		type agg struct{ sessions, billed int64 }
		hours := map[int64]*agg{}
		for rows.Next() {
			var created, billed int64
			if err := rows.Scan(&created, &billed); err != nil {
				rows.Close()
				return fmt.Errorf("store: prune sessions: %w", err)
			}
			h := created - created%hourSeconds
			if hours[h] == nil {
				hours[h] = &agg{}
			}
			hours[h].sessions++
			hours[h].billed += billed
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: prune sessions: %w", err)
		}
		for h, a := range hours {
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO session_hours (hour, sessions, billed_seconds) VALUES (?, ?, ?)
				ON CONFLICT (hour) DO UPDATE SET sessions = session_hours.sessions + excluded.sessions,
					billed_seconds = session_hours.billed_seconds + excluded.billed_seconds`), h, a.sessions, a.billed); err != nil {
				return fmt.Errorf("store: aggregate pruned sessions: %w", err)
			}
		}
		return nil
	})
	return n, err
}

// pruneUsage folds the usage rows of days before today that hold no session any more into usage_days.
func (s *DB) pruneUsage(ctx context.Context, today uint64) (n int64, err error) {
	var before int64
	defer s.lockCaches()()
	defer func() {
		if err == nil && s.nonces != nil {
			s.usage.forgetBefore(uint64(before))
		}
	}()
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		var oldest sql.NullInt64
		if err := tx.QueryRowContext(ctx, qOldestDay).Scan(&oldest); err != nil {
			return fmt.Errorf("store: prune usage: %w", err)
		}
		before = int64(today)
		if oldest.Valid {
			before = min(before, oldest.Int64)
		}
		rows, err := tx.QueryContext(ctx, s.q(`DELETE FROM usage WHERE day < ? RETURNING day, used`), before)
		if err != nil {
			return fmt.Errorf("store: prune usage: %w", err)
		}
		totals := map[int64]*uint256.Int{}
		for rows.Next() {
			var day int64
			var dec string
			if err := rows.Scan(&day, &dec); err != nil {
				rows.Close()
				return fmt.Errorf("store: prune usage: %w", err)
			}
			v, err := parseAmount(dec)
			if err != nil {
				rows.Close()
				return err
			}
			if totals[day] == nil {
				totals[day] = new(uint256.Int)
			}
			totals[day].Add(totals[day], v) // a day's usage is bounded by its budget: no overflow
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("store: prune usage: %w", err)
		}
		for day, v := range totals {
			prev, err := s.usageDayTx(ctx, tx, day)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO usage_days (day, used) VALUES (?, ?)
				ON CONFLICT (day) DO UPDATE SET used = excluded.used`), day, v.Add(v, prev).Dec()); err != nil {
				return fmt.Errorf("store: usage of day %d: %w", day, err)
			}
		}
		return nil
	})
	return n, err
}

// usageDayTx reads and locks the total kept of day's pruned usage rows (0 if none).
func (s *DB) usageDayTx(ctx context.Context, tx *sql.Tx, day int64) (*uint256.Int, error) {
	// Created at zero first, then read locked (PostgreSQL): concurrent prunes add to it one after the other.
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO usage_days (day, used) VALUES (?, '0') ON CONFLICT (day) DO NOTHING`), day); err != nil {
		return nil, fmt.Errorf("store: usage of day %d: %w", day, err)
	}
	var dec string
	if err := tx.QueryRowContext(ctx, s.q(`SELECT used FROM usage_days WHERE day = ?{forUpdate}`), day).Scan(&dec); err != nil {
		return nil, fmt.Errorf("store: usage of day %d: %w", day, err)
	}
	return parseAmount(dec)
}

// FeedHead is the newest settlement-feed sequence handed out (0 before the first).
func (s *DB) FeedHead(ctx context.Context) (uint64, error) {
	var v int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		v, _, err = s.metaTx(ctx, tx, "feed_seq", false)
		return err
	})
	return uint64(max(v, 0)), err
}

// Counts is how many rows the tables retention prunes hold (tests, the soak).
type Counts struct {
	Sessions, Usage, Nonces int64
}

// Count counts the rows of the pruned tables.
func (s *DB) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.rd.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM usage), (SELECT COUNT(*) FROM nonces)`).
		Scan(&c.Sessions, &c.Usage, &c.Nonces)
	if err != nil {
		return c, fmt.Errorf("store: count: %w", err)
	}
	return c, nil
}
