package store

import "context"

// BackendPID is the PostgreSQL server process of the transaction (tests watch who waits for it).
func (t *Tx) BackendPID(ctx context.Context) (int64, error) {
	var pid int64
	err := t.queryRow(ctx, `SELECT pg_backend_pid()`).Scan(&pid)
	return pid, err
}

// WaitsFor reports whether a transaction waits for a lock that the transaction of server process pid
// holds (PostgreSQL), or, on SQLite, for the one connection (held by the open transaction).
func (s *Store) WaitsFor(ctx context.Context, pid int64) (bool, error) {
	if !s.postgres {
		return s.db.Stats().WaitCount > 0, nil
	}
	var n int64
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))`, pid).Scan(&n)
	return n > 0, err
}

// UnsettledPlan is SQLite's plan of UnsettledEpochs's query, after ANALYZE (tests).
func (s *Store) UnsettledPlan(ctx context.Context) (string, error) {
	if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
		return "", err
	}
	rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN SELECT `+epochCols+` FROM epochs WHERE `+unsettled+` ORDER BY number`)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var plan string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return "", err
		}
		plan += detail + "\n"
	}
	return plan, rows.Err()
}

// Exec runs q on the database outside any transaction (tests that put a database in an older schema's state).
func (s *Store) Exec(ctx context.Context, q string) error {
	_, err := s.db.ExecContext(ctx, q)
	return err
}
