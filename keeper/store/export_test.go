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
