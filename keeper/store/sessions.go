package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/wire"
)

// Session is a verified, creditable session: what the store keeps and an epoch credits.
type Session struct {
	Seq      int64 // its place in the charging order (closedAt, then id), given when its epoch is assembled
	ID       common.Hash
	Feed     string
	Cursor   string
	User     common.Address // ticket.user: whose allowance the session is charged to
	Provider common.Address // the provider owner (ticket.provider): gets the price minus the fee
	Builder  common.Address // the model builder: gets the fee
	FeeBps   uint16
	Price    uint256.Int // MOR-wei per second
	Seconds  uint32      // billed seconds
	ClosedAt uint64
	Record   []byte // the record as JSON (canonical re-encoding), for the batch file
	// UseDeposit is the RFC's consent that its deposit pays what the allowance does not; StartedAt is when the
	// session started (settle.Start: the router's createdAt, never before the RFC's deadline minus 10 min).
	UseDeposit bool
	StartedAt  uint64
}

// Cost returns seconds × price, what the session costs in full; overflow reports a product past 2^256.
func (s *Session) Cost() (cost *uint256.Int, overflow bool) {
	return new(uint256.Int).MulOverflow(uint256.NewInt(uint64(s.Seconds)), &s.Price)
}

// Credit returns the session's provider and builder credits (wire.Credit).
func (s *Session) Credit() (provider, builder *uint256.Int, err error) {
	return wire.Credit(s.Seconds, &s.Price, s.FeeBps)
}

// Account is what one account earned in total (Owed) and what the newest assembled tree gives it (Credited).
type Account struct {
	Owed     uint256.Int
	Credited uint256.Int
}

// Rejected is one refused record, with the reason. What a row keeps of what a feed served is bounded
// (InsertRejected), so a feed serving large junk cannot make a batch file, which lists the rows, grow with it.
type Rejected struct {
	ID        int64           `json:"id,string"`
	Feed      string          `json:"feed"`
	Cursor    string          `json:"cursor"`
	SessionID string          `json:"sessionId"`
	Code      string          `json:"code"`
	Detail    string          `json:"detail"`
	Record    json.RawMessage `json:"record"`
	// RecordBytes and RecordHash are set only when Record is not the whole record (it was longer than
	// MaxRejectedRecord): the length and keccak256 of the record as served, Record its first
	// RejectedRecordHead bytes as a JSON string. They name the record refused without keeping it.
	RecordBytes int64        `json:"recordBytes,string,omitempty"`
	RecordHash  *common.Hash `json:"recordHash,omitempty"`
	At          int64        `json:"at,string"`
}

// What a rejected row keeps of what a feed served. The largest honest record (a one-sided close with its
// RFC, every signature, the newest signed request with a path of wire.MaxRequestPath bytes, a 256-byte
// endpoint, four flags, uint256 maxima for price and payment) encodes to about 3.4 KiB
// (TestLargestHonestRecordIsKeptWhole), a usual one to 1.8 KiB: MaxRejectedRecord keeps every honest record
// whole, as served, with room to spare, and a longer one is not an honest record. Such a row keeps the
// record's first RejectedRecordHead bytes (at most 6 KiB as a JSON string, every byte escaped), its length
// and its keccak256. The detail (which may quote the record) and the cursor (the record's) are cut too. A
// row costs at most about 10 KiB stored, and in a batch file or GET /v1/rejected with its strings escaped
// at most about 16 KiB.
const (
	MaxRejectedRecord  = 8 << 10
	RejectedRecordHead = 1 << 10
	maxRejectedDetail  = 1 << 10
	maxRejectedCursor  = 256
)

// boundRejected returns r as InsertRejected stores it: a record that is not JSON as a JSON string, one
// longer than MaxRejectedRecord (so stored, or as a batch file's JSON encoder writes it: `<`, `>` and `&`
// take 6 bytes there) as its head, length and hash, the detail and cursor cut.
func boundRejected(r Rejected) Rejected {
	raw := r.Record
	if !json.Valid(raw) {
		raw, _ = json.Marshal(string(raw))
	}
	long := len(raw) > MaxRejectedRecord
	if !long {
		enc, _ := json.Marshal(json.RawMessage(raw))
		long = len(enc) > MaxRejectedRecord
	}
	if long {
		h := crypto.Keccak256Hash(r.Record)
		r.RecordBytes, r.RecordHash = int64(len(r.Record)), &h
		raw, _ = json.Marshal(string(r.Record[:min(len(r.Record), RejectedRecordHead)]))
	}
	r.Record = raw
	r.Detail, r.Cursor = clip(r.Detail, maxRejectedDetail), clip(r.Cursor, maxRejectedCursor)
	return r
}

// clip is s cut to at most n bytes, at a rune's start.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// InsertSession stores s as credited already, with its seq (also its ingest order) and record (tests and
// benchmarks; the ledger stores sessions with InsertPending); stored is false, and nothing is written, when
// a session with its id is stored already, or was and has been pruned since (settled_ids).
func (t *Tx) InsertSession(ctx context.Context, s *Session) (stored bool, err error) {
	if pruned, err := t.pruned(ctx, s.ID); err != nil || pruned {
		return false, err
	}
	res, err := t.exec(ctx, `INSERT INTO sessions (session_id, seq, ingest_seq, feed, cursor, user_addr, provider, builder, fee_bps,
		price, seconds, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING`,
		s.ID.Hex(), s.Seq, s.Seq, s.Feed, s.Cursor, s.User.Hex(), s.Provider.Hex(), s.Builder.Hex(), int64(s.FeeBps), s.Price.Dec(),
		int64(s.Seconds), int64(s.ClosedAt))
	if err != nil {
		return false, fmt.Errorf("store: insert session %s: %w", s.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if _, err := t.exec(ctx, `INSERT INTO session_records (seq, record) VALUES (?, ?)`, s.Seq, string(s.Record)); err != nil {
		return false, fmt.Errorf("store: insert record of session %s: %w", s.ID, err)
	}
	return true, nil
}

// pruned reports whether session id was stored, credited and pruned since (settled_ids).
func (t *Tx) pruned(ctx context.Context, id common.Hash) (bool, error) {
	var pruned bool
	if err := t.queryRow(ctx, `SELECT EXISTS (SELECT 1 FROM settled_ids WHERE session_id = ?)`, id.Hex()).Scan(&pruned); err != nil {
		return false, fmt.Errorf("store: settled session %s: %w", id, err)
	}
	return pruned, nil
}

// PrunedFeed is what SessionFeed names for a session whose row was pruned (its feed is not kept).
const PrunedFeed = "(settled and pruned)"

// SessionFeed returns the feed session id was stored from (credited or pending; PrunedFeed once its row was
// pruned), or ErrNotFound.
func (t *Tx) SessionFeed(ctx context.Context, id common.Hash) (string, error) {
	var feed string
	err := t.queryRow(ctx, `SELECT feed FROM sessions WHERE session_id = ? UNION ALL
		SELECT feed FROM pending_sessions WHERE session_id = ? UNION ALL
		SELECT ? FROM settled_ids WHERE session_id = ?`, id.Hex(), id.Hex(), PrunedFeed, id.Hex()).Scan(&feed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return feed, err
}

// Credits loads what charging and crediting need of the sessions with seq in [first, last] (last < 0: no
// upper bound), in seq order: id, feed, cursor, user, accounts, fee, price, seconds, closing time — not the records, which an epoch of a million
// sessions would hold in memory for nothing. It also returns the largest seq loaded (0 if none). hint is
// how many sessions to expect.
func (t *Tx) Credits(ctx context.Context, first, last, hint int64) ([]Session, int64, error) {
	if last < 0 {
		last = math.MaxInt64
	}
	rows, err := t.query(ctx, `SELECT seq, session_id, feed, cursor, user_addr, provider, builder, fee_bps, price, seconds, closed_at,
		use_deposit, started_at FROM sessions WHERE seq >= ? AND seq <= ? ORDER BY seq`, first, last)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	out := make([]Session, 0, max(0, min(hint, 1<<24)))
	var id, user, provider, builder, price string
	var seq, newest, fee, secs, closed, useDeposit, started int64
	// Every session of an epoch names one of a few thousand accounts: decode each address once.
	addrs := map[string]common.Address{}
	addr := func(s string) common.Address {
		a, ok := addrs[s]
		if !ok {
			a = common.HexToAddress(s)
			addrs[s] = a
		}
		return a
	}
	for rows.Next() {
		out = append(out, Session{})
		s := &out[len(out)-1]
		if err := rows.Scan(&seq, &id, &s.Feed, &s.Cursor, &user, &provider, &builder, &fee, &price, &secs, &closed, &useDeposit, &started); err != nil {
			return nil, 0, err
		}
		s.Seq, s.ID = seq, common.HexToHash(id)
		s.User, s.Provider, s.Builder = addr(user), addr(provider), addr(builder)
		s.FeeBps, s.Seconds, s.ClosedAt = uint16(fee), uint32(secs), uint64(closed)
		s.UseDeposit, s.StartedAt = useDeposit != 0, uint64(started)
		if err := s.Price.SetFromDecimal(price); err != nil {
			return nil, 0, err
		}
		newest = seq
	}
	return out, newest, rows.Err()
}

// Records returns the records of the sessions with seq in [first, last], in seq order.
func (t *Tx) Records(ctx context.Context, first, last int64) ([]json.RawMessage, error) {
	rows, err := t.query(ctx, `SELECT record FROM session_records WHERE seq >= ? AND seq <= ? ORDER BY seq`, first, last)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []json.RawMessage
	for rows.Next() {
		var rec string
		if err := rows.Scan(&rec); err != nil {
			return nil, err
		}
		out = append(out, json.RawMessage(rec))
	}
	return out, rows.Err()
}

// OldestUncredited returns the closing time of the oldest session no live epoch credits (the oldest
// pending one); ok is false when there is none.
func (s *Store) OldestUncredited(ctx context.Context) (closedAt int64, ok bool, err error) {
	err = s.InTx(ctx, func(t *Tx) (err error) {
		closedAt, ok, err = t.OldestPending(ctx)
		return err
	})
	return closedAt, ok, err
}

// Accounts returns every account's owed and credited amounts.
func (t *Tx) Accounts(ctx context.Context) (map[common.Address]*Account, error) {
	rows, err := t.query(ctx, `SELECT account, owed, credited FROM accounts`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	b := map[common.Address]*Account{}
	for rows.Next() {
		var a, owed, cred string
		if err := rows.Scan(&a, &owed, &cred); err != nil {
			return nil, err
		}
		acc := new(Account)
		if err := acc.Owed.SetFromDecimal(owed); err != nil {
			return nil, err
		}
		if err := acc.Credited.SetFromDecimal(cred); err != nil {
			return nil, err
		}
		b[common.HexToAddress(a)] = acc
	}
	return b, rows.Err()
}

// SaveAccounts writes every account of b (in address order).
func (t *Tx) SaveAccounts(ctx context.Context, b map[common.Address]*Account) error {
	accounts := make([]common.Address, 0, len(b))
	for a := range b {
		accounts = append(accounts, a)
	}
	slices.SortFunc(accounts, func(x, y common.Address) int { return bytes.Compare(x[:], y[:]) })
	for _, a := range accounts {
		acc := b[a]
		if _, err := t.exec(ctx, `INSERT INTO accounts (account, owed, credited) VALUES (?, ?, ?)
			ON CONFLICT (account) DO UPDATE SET owed = excluded.owed, credited = excluded.credited`,
			a.Hex(), acc.Owed.Dec(), acc.Credited.Dec()); err != nil {
			return fmt.Errorf("store: account %s: %w", a, err)
		}
	}
	return nil
}

// InsertRejected stores a refused record (its ID and At are assigned here), bounded (boundRejected): a
// record that is not JSON is stored as a JSON string, one longer than MaxRejectedRecord as its head, length
// and keccak256. IDs come from a high-water mark (rejected_seq), so a deleted row's number is never given
// again: an epoch's batch file range and a client's GET /v1/rejected?after= cursor may have passed it already.
func (t *Tx) InsertRejected(ctx context.Context, r Rejected) error {
	if _, err := t.exec(ctx, `UPDATE rejected_seq SET last = last + 1 WHERE one = 1`); err != nil {
		return fmt.Errorf("store: number a rejected record: %w", err)
	}
	var id int64
	if err := t.queryRow(ctx, `SELECT last FROM rejected_seq WHERE one = 1`).Scan(&id); err != nil {
		return fmt.Errorf("store: number a rejected record: %w", err)
	}
	r = boundRejected(r)
	hash := ""
	if r.RecordHash != nil {
		hash = r.RecordHash.Hex()
	}
	_, err := t.exec(ctx, `INSERT INTO rejected (id, feed, cursor, session_id, code, detail, record, record_bytes, record_hash, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		id, r.Feed, r.Cursor, r.SessionID, r.Code, r.Detail, string(r.Record), r.RecordBytes, hash, now())
	return err
}

// RejectedOfFeed counts the rejected rows of feed numbered after after (the rows the next batch file lists
// when after is the newest live epoch's RejectedLast): the ingest's quota per feed reads it.
func (t *Tx) RejectedOfFeed(ctx context.Context, feed string, after int64) (int64, error) {
	var n int64
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM rejected WHERE id > ? AND feed = ?`, after, feed).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: rejected records of feed %s: %w", feed, err)
	}
	return n, nil
}

// MaxRejected returns the id given to the newest rejected record (0 if none), whether or not its row is still
// there (InsertRejected): it never goes back.
func (t *Tx) MaxRejected(ctx context.Context) (int64, error) {
	var id int64
	err := t.queryRow(ctx, `SELECT last FROM rejected_seq WHERE one = 1`).Scan(&id)
	return id, err
}

// RejectedRange returns the rejected records with id in (after, last], by id.
func (t *Tx) RejectedRange(ctx context.Context, after, last int64) ([]Rejected, error) {
	rows, err := t.query(ctx, `SELECT `+rejectedCols+` FROM rejected WHERE id > ? AND id <= ? ORDER BY id`, after, last)
	if err != nil {
		return nil, err
	}
	return scanRejected(rows)
}

const rejectedCols = `id, feed, cursor, session_id, code, detail, record, record_bytes, record_hash, at`

func scanRejected(rows *sql.Rows) ([]Rejected, error) {
	defer rows.Close()
	out := []Rejected{}
	for rows.Next() {
		var r Rejected
		var rec, hash string
		if err := rows.Scan(&r.ID, &r.Feed, &r.Cursor, &r.SessionID, &r.Code, &r.Detail, &rec, &r.RecordBytes, &hash, &r.At); err != nil {
			return nil, err
		}
		r.Record = json.RawMessage(rec)
		if hash != "" {
			h := common.HexToHash(hash)
			r.RecordHash = &h
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// RejectedAfter lists rejected records with id > after, at most limit.
func (s *Store) RejectedAfter(ctx context.Context, after int64, limit int) ([]Rejected, error) {
	rows, err := s.db.QueryContext(ctx, s.rebind(`SELECT `+rejectedCols+` FROM rejected WHERE id > ? ORDER BY id LIMIT ?`), after, limit)
	if err != nil {
		return nil, err
	}
	return scanRejected(rows)
}

// Cursor returns where feed was read up to ("" before the first page).
func (s *Store) Cursor(ctx context.Context, feed string) (string, error) {
	var c string
	err := s.db.QueryRowContext(ctx, s.rebind(`SELECT cursor FROM feeds WHERE url = ?`), feed).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return c, err
}

// SetCursor records where feed was read up to.
func (t *Tx) SetCursor(ctx context.Context, feed, cursor string) error {
	_, err := t.exec(ctx, `INSERT INTO feeds (url, cursor, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`, feed, cursor, now())
	return err
}

// Counts is how many rows the session tables hold (for tests and operators): sessions and records,
// credited and pending, the pending sessions to be verified again, and the ids of pruned sessions.
type Counts struct {
	Sessions, Records, Recheck, SettledIDs int64
}

// Count counts the rows of the session tables.
func (s *Store) Count(ctx context.Context) (Counts, error) {
	var c Counts
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM sessions) + (SELECT COUNT(*) FROM pending_sessions),
		(SELECT COUNT(*) FROM session_records) + (SELECT COUNT(*) FROM pending_sessions),
		(SELECT COUNT(*) FROM pending_sessions WHERE recheck = 1), (SELECT COUNT(*) FROM settled_ids)`).Scan(&c.Sessions,
		&c.Records, &c.Recheck, &c.SettledIDs)
	return c, err
}
