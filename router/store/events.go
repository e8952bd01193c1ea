package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"math"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Cursor is the chain indexer's position: every log up to and including Block is in the event table,
// and Hash is that block's hash as seen when it was indexed.
type Cursor struct {
	Block uint64
	Hash  common.Hash
	Set   bool // false before the first indexed range
}

// IndexedBlock is a block hash remembered to find a fork point after a reorg.
type IndexedBlock struct {
	Number uint64
	Hash   common.Hash
}

const (
	cursorName = "index_cursor"
	filterName = "index_filter" // hash: what the stored logs cover (index.filterKey)
)

// IndexFilter returns the log filter the stored events were indexed with ("" if none recorded).
func (s *DB) IndexFilter(ctx context.Context) (string, error) {
	var f string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		_, h, err := s.metaTx(ctx, tx, filterName, false)
		f = h
		return err
	})
	return f, err
}

// ResetIndex forgets every stored log, remembered block hash and the cursor, and records filter as the
// filter of the (now empty) event table: the indexer starts over from its start block. One transaction.
func (l *Lease) ResetIndex(ctx context.Context, filter string) error {
	s := l.db
	return l.fenced(ctx, func(tx *sql.Tx) error {
		for _, q := range []string{`DELETE FROM events`, `DELETE FROM indexed_blocks`} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("store: reset index: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM meta WHERE name = ?`), cursorName); err != nil {
			return fmt.Errorf("store: reset index: %w", err)
		}
		if err := s.bumpGenTx(ctx, tx); err != nil {
			return err
		}
		return s.setMetaTx(ctx, tx, filterName, 0, filter)
	})
}

// Cursor returns the indexer cursor.
func (s *DB) Cursor(ctx context.Context) (Cursor, error) {
	c, _, err := s.IndexState(ctx)
	return c, err
}

// IndexState returns the indexer cursor and the generation of the stored events, read together: the
// generation changes whenever stored events are rolled back or reset, so a replica that follows the
// event table (instead of indexing) rebuilds its state when it sees a new one.
func (s *DB) IndexState(ctx context.Context) (Cursor, int64, error) {
	var (
		c   Cursor
		gen int64
	)
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		v, h, err := s.metaTx(ctx, tx, cursorName, false)
		if err != nil {
			return err
		}
		if h != "" {
			c = Cursor{Block: uint64(v), Hash: common.HexToHash(h), Set: true}
		}
		gen, _, err = s.metaTx(ctx, tx, genName, false)
		return err
	})
	return c, gen, err
}

// AppendRange stores the logs of one indexed block range (each with its BlockTimestamp, 0 when not read) and moves the cursor to (to, toHash) in one
// transaction: after a crash either all of the range is stored or none of it. keepHashes bounds how many
// range-end hashes are remembered for reorg detection. Re-appending a log already stored is a no-op.
func (l *Lease) AppendRange(ctx context.Context, logs []types.Log, to uint64, toHash common.Hash, keepHashes int) error {
	s := l.db
	return l.fenced(ctx, func(tx *sql.Tx) error {
		stmt, err := tx.PrepareContext(ctx, s.q(`INSERT INTO events (block_number, log_index, block_hash, tx_hash, address, topics, data, block_time)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (block_number, log_index) DO NOTHING`))
		if err != nil {
			return fmt.Errorf("store: prepare events: %w", err)
		}
		defer stmt.Close()
		for i := range logs {
			l := &logs[i]
			topics := make([]string, len(l.Topics))
			for j, t := range l.Topics {
				topics[j] = t.Hex()
			}
			if _, err := stmt.ExecContext(ctx, int64(l.BlockNumber), int64(l.Index), l.BlockHash.Hex(), l.TxHash.Hex(),
				hexAddr(l.Address), strings.Join(topics, ","), "0x"+hex.EncodeToString(l.Data), int64(l.BlockTimestamp)); err != nil {
				return fmt.Errorf("store: insert event: %w", err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO indexed_blocks (number, hash) VALUES (?, ?)
			ON CONFLICT (number) DO UPDATE SET hash = excluded.hash`), int64(to), toHash.Hex()); err != nil {
			return fmt.Errorf("store: indexed block: %w", err)
		}
		if keepHashes > 0 {
			if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM indexed_blocks WHERE number NOT IN
				(SELECT number FROM indexed_blocks ORDER BY number DESC LIMIT ?)`), keepHashes); err != nil {
				return fmt.Errorf("store: trim indexed blocks: %w", err)
			}
		}
		return s.setMetaTx(ctx, tx, cursorName, int64(to), toHash.Hex())
	})
}

// IndexedBlocks returns the remembered block hashes, newest first.
func (s *DB) IndexedBlocks(ctx context.Context) ([]IndexedBlock, error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT number, hash FROM indexed_blocks ORDER BY number DESC`)
	if err != nil {
		return nil, fmt.Errorf("store: indexed blocks: %w", err)
	}
	defer rows.Close()
	var out []IndexedBlock
	for rows.Next() {
		var n int64
		var h string
		if err := rows.Scan(&n, &h); err != nil {
			return nil, fmt.Errorf("store: indexed blocks: %w", err)
		}
		out = append(out, IndexedBlock{Number: uint64(n), Hash: common.HexToHash(h)})
	}
	return out, rows.Err()
}

// Rollback forgets every log above block (a reorg replaced them) and puts the cursor at (block, hash);
// with set=false the cursor is cleared (re-index from the start block). One transaction.
func (l *Lease) Rollback(ctx context.Context, block uint64, hash common.Hash, set bool) error {
	s := l.db
	return l.fenced(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM events WHERE block_number > ?`), int64(block)); err != nil {
			return fmt.Errorf("store: rollback events: %w", err)
		}
		if _, err := tx.ExecContext(ctx, s.q(`DELETE FROM indexed_blocks WHERE number > ?`), int64(block)); err != nil {
			return fmt.Errorf("store: rollback blocks: %w", err)
		}
		if err := s.bumpGenTx(ctx, tx); err != nil {
			return err
		}
		if !set {
			_, err := tx.ExecContext(ctx, s.q(`DELETE FROM meta WHERE name = ?`), cursorName)
			return err
		}
		return s.setMetaTx(ctx, tx, cursorName, int64(block), hash.Hex())
	})
}

// Events calls f for every stored log in chain order.
func (s *DB) Events(ctx context.Context, f func(*types.Log) error) error {
	return s.EventsBetween(ctx, 0, math.MaxInt64, f)
}

// EventsBetween calls f for every stored log of blocks from to to (both included) in chain order, with
// the BlockTimestamp stored.
func (s *DB) EventsBetween(ctx context.Context, from, to uint64, f func(*types.Log) error) error {
	rows, err := s.rd.QueryContext(ctx, s.q(`SELECT block_number, log_index, block_hash, tx_hash, address, topics, data, block_time
		FROM events WHERE block_number >= ? AND block_number <= ? ORDER BY block_number, log_index`),
		int64(min(from, math.MaxInt64)), int64(min(to, math.MaxInt64)))
	if err != nil {
		return fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var bn, idx, bt int64
		var bh, th, addr, topics, data string
		if err := rows.Scan(&bn, &idx, &bh, &th, &addr, &topics, &data, &bt); err != nil {
			return fmt.Errorf("store: events: %w", err)
		}
		l := types.Log{BlockNumber: uint64(bn), Index: uint(idx), BlockHash: common.HexToHash(bh), TxHash: common.HexToHash(th),
			Address: common.HexToAddress(addr), BlockTimestamp: uint64(bt)}
		if topics != "" {
			for _, t := range strings.Split(topics, ",") {
				l.Topics = append(l.Topics, common.HexToHash(t))
			}
		}
		if l.Data, err = hex.DecodeString(strings.TrimPrefix(data, "0x")); err != nil {
			return fmt.Errorf("store: event data: %w", err)
		}
		if err := f(&l); err != nil {
			return err
		}
	}
	return rows.Err()
}
