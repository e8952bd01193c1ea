package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/holiman/uint256"
)

// Bucket is the number of sessions started in [Start, Start+width) and the seconds billed for them.
type Bucket struct {
	Start         uint64
	Sessions      uint64
	BilledSeconds uint64
}

// qSessionBuckets counts sessions per bucket (SessionBuckets), on the sessions_created index.
const qSessionBuckets = `SELECT (created_at - ?) / ?, COUNT(*), COALESCE(SUM(billed_seconds), 0) FROM sessions
		WHERE created_at >= ? AND created_at < ? GROUP BY 1`

// SessionBuckets counts the sessions created in [from, from+n×width), per bucket of width seconds: n
// buckets in time order, empty ones included. from should be a multiple of width (buckets are aligned on
// it). One grouped query on the created_at index, plus the hourly aggregates of pruned sessions (Prune): a
// report over whole hours counts pruned sessions exactly, a finer one counts them at the start of their hour.
func (s *DB) SessionBuckets(ctx context.Context, from, width uint64, n int) ([]Bucket, error) {
	if width == 0 || n <= 0 || n > 100_000 {
		return nil, errors.New("store: session buckets: bad width or count")
	}
	to := from + uint64(n)*width
	out := make([]Bucket, n)
	for i := range out {
		out[i].Start = from + uint64(i)*width
	}
	rows, err := s.rd.QueryContext(ctx, s.q(qSessionBuckets), int64(from), int64(width), int64(from), int64(to))
	if err != nil {
		return nil, fmt.Errorf("store: session buckets: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var i, count, billed int64
		if err := rows.Scan(&i, &count, &billed); err != nil {
			return nil, fmt.Errorf("store: session buckets: %w", err)
		}
		if i >= 0 && i < int64(n) {
			out[i].Sessions, out[i].BilledSeconds = uint64(count), uint64(billed)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: session buckets: %w", err)
	}
	pruned, err := s.rd.QueryContext(ctx, s.q(`SELECT hour, sessions, billed_seconds FROM session_hours WHERE hour >= ? AND hour < ?`),
		int64(from-from%hourSeconds), int64(to))
	if err != nil {
		return nil, fmt.Errorf("store: session buckets: %w", err)
	}
	defer pruned.Close()
	for pruned.Next() {
		var hour, count, billed int64
		if err := pruned.Scan(&hour, &count, &billed); err != nil {
			return nil, fmt.Errorf("store: session buckets: %w", err)
		}
		at := uint64(max(hour, int64(from)))
		if i := (at - from) / width; at < to && i < uint64(n) {
			out[i].Sessions += uint64(count)
			out[i].BilledSeconds += uint64(billed)
		}
	}
	return out, pruned.Err()
}

// UsedOnDay is the allowance used on day by every user together: reservations of open sessions plus
// billed amounts (the usage table, plus the day's total kept of pruned usage rows; amounts are summed
// exactly, not in SQL).
func (s *DB) UsedOnDay(ctx context.Context, day uint64) (*uint256.Int, error) {
	rows, err := s.rd.QueryContext(ctx, s.q(`SELECT used FROM usage WHERE day = ? UNION ALL SELECT used FROM usage_days WHERE day = ?`),
		int64(day), int64(day))
	if err != nil {
		return nil, fmt.Errorf("store: usage of day %d: %w", day, err)
	}
	defer rows.Close()
	total := new(uint256.Int)
	for rows.Next() {
		var dec string
		if err := rows.Scan(&dec); err != nil {
			return nil, fmt.Errorf("store: usage of day %d: %w", day, err)
		}
		v, err := parseAmount(dec)
		if err != nil {
			return nil, err
		}
		if _, overflow := total.AddOverflow(total, v); overflow {
			return nil, fmt.Errorf("store: usage of day %d overflows", day)
		}
	}
	return total, rows.Err()
}
