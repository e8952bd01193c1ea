package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Pruned counts what one Prune deleted.
type Pruned struct {
	Sessions int64 // session rows (their ids stay in settled_ids)
	Records  int64 // session records (the batch files keep them)
}

// claimableThrough is the last seq credited by an epoch claimable before the unix time ? (0 if none).
const claimableThrough = `(SELECT COALESCE(MAX(last_seq), 0) FROM epochs WHERE state = 'claimable' AND claimable_at < ?)`

// Prune settles and forgets, in one transaction:
//   - each feed's settled cursor (Feeds) moves to the newest cursor it can: the feed's own cursor when every
//     session taken from it is credited by a claimable epoch, else the cursor of the last such session;
//   - the sessions credited by epochs that became claimable before the unix time before leave the database:
//     their records (published in the epochs' batch files, which stay as files: the root commits to them)
//     and their rows, whose ids go to settled_ids so that a session fed again is still refused as a
//     duplicate. Nothing reads them again: batch files are written before an epoch is committed, a veto
//     only reaches epochs not claimable yet, and rechecks only concern uncredited sessions.
//
// before = 0 prunes nothing (settled cursors still move).
func (s *Store) Prune(ctx context.Context, before int64) (Pruned, error) {
	var p Pruned
	err := s.InTx(ctx, func(t *Tx) error {
		if err := t.settleFeeds(ctx); err != nil {
			return fmt.Errorf("store: settled cursors: %w", err)
		}
		var through int64
		if err := t.queryRow(ctx, `SELECT `+claimableThrough, before).Scan(&through); err != nil {
			return fmt.Errorf("store: prune: %w", err)
		}
		res, err := t.exec(ctx, `DELETE FROM session_records WHERE seq <= ?`, through)
		if err != nil {
			return fmt.Errorf("store: prune records: %w", err)
		}
		p.Records, _ = res.RowsAffected()
		if _, err := t.exec(ctx, `INSERT INTO settled_ids (session_id) SELECT session_id FROM sessions WHERE seq <= ?
			ON CONFLICT (session_id) DO NOTHING`, through); err != nil {
			return fmt.Errorf("store: prune sessions: %w", err)
		}
		if res, err = t.exec(ctx, `DELETE FROM sessions WHERE seq <= ?`, through); err != nil {
			return fmt.Errorf("store: prune sessions: %w", err)
		}
		p.Sessions, _ = res.RowsAffected()
		return nil
	})
	return p, err
}

// settleFeeds moves each feed's settled cursor (see Prune). A feed is read in cursor order and its sessions
// get increasing seqs, so the sessions credited by claimable epochs are a prefix of what it gave.
func (t *Tx) settleFeeds(ctx context.Context) error {
	var through int64
	if err := t.queryRow(ctx, `SELECT `+claimableThrough, int64(1)<<62).Scan(&through); err != nil {
		return err
	}
	feeds, err := t.feedStates(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		var pending bool
		if err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sessions WHERE feed = ? AND seq > ?)`, f.URL, through).Scan(&pending); err != nil {
			return err
		}
		settled := f.Cursor
		if pending {
			err := t.queryRow(ctx, `SELECT cursor FROM sessions WHERE feed = ? AND seq <= ? ORDER BY seq DESC LIMIT 1`, f.URL, through).Scan(&settled)
			if errors.Is(err, sql.ErrNoRows) {
				continue // nothing of it settled since the last time
			}
			if err != nil {
				return err
			}
		}
		if settled != f.Settled {
			if _, err := t.exec(ctx, `UPDATE feeds SET settled = ? WHERE url = ?`, settled, f.URL); err != nil {
				return err
			}
		}
	}
	return nil
}

// FeedState is where the keeper stands in one router's settlement feed.
type FeedState struct {
	URL     string
	Cursor  string // read (and stored) up to here
	Settled string // everything up to here is credited by a claimable epoch or rejected ("" if nothing yet)
}

// Feeds returns the keeper's place in every feed it has read, by URL.
func (s *Store) Feeds(ctx context.Context) ([]FeedState, error) {
	var out []FeedState
	err := s.InTx(ctx, func(t *Tx) (err error) {
		out, err = t.feedStates(ctx)
		return err
	})
	return out, err
}

func (t *Tx) feedStates(ctx context.Context) ([]FeedState, error) {
	rows, err := t.query(ctx, `SELECT url, cursor, settled FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("store: feeds: %w", err)
	}
	defer rows.Close()
	out := []FeedState{}
	for rows.Next() {
		var f FeedState
		if err := rows.Scan(&f.URL, &f.Cursor, &f.Settled); err != nil {
			return nil, fmt.Errorf("store: feeds: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}
