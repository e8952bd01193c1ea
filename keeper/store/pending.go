package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Verified sessions wait in pending_sessions until the epoch of their closing time is assembled, which
// moves them into sessions/session_records numbered in the charging order (closed_at, session_id): what an
// epoch holds is then a function of the records, whatever order the feeds were read in.

// sessionsLock is the keeper's PostgreSQL advisory-lock class for moving sessions ("LTps" in ASCII); the
// lock's second key is the schema's hash, so keepers (or tests) sharing a database in schemas of their
// own do not wait for each other.
const sessionsLock int32 = 0x4c547073

// LockSessions makes the transaction the only one, until it ends, that stores or promotes pending
// sessions. InsertPending's duplicate check and insert and PromotePending's move are several statements:
// under PostgreSQL's READ COMMITTED an ingest whose check ran while a promotion was not yet committed saw
// the id in neither table, waited on the promoted (deleted) pending row and then inserted it again, leaving
// the id both credited and pending. InsertPending, PromotePending and DropDuplicatePending take the lock
// themselves; a transaction that writes other tables too (an ingested page, an epoch's assembly) takes it
// first, so that it never waits for the lock while holding rows the holder needs. SQLite has one writer
// already: nothing to do.
func (t *Tx) LockSessions(ctx context.Context) error {
	if t.locked || !t.s.postgres {
		return nil
	}
	if _, err := t.exec(ctx, `SELECT pg_advisory_xact_lock(?, hashtext(current_schema()))`, sessionsLock); err != nil {
		return fmt.Errorf("store: lock sessions: %w", err)
	}
	t.locked = true
	return nil
}

// InsertPending stores a verified session and its record until its epoch is assembled; stored is false, and
// nothing is written, when a session with its id is stored already (pending, credited or pruned).
func (t *Tx) InsertPending(ctx context.Context, s *Session) (stored bool, err error) {
	if err := t.LockSessions(ctx); err != nil {
		return false, err
	}
	var n, ingest int64
	if err := t.queryRow(ctx, `SELECT COUNT(*) FROM sessions WHERE session_id = ?`, s.ID.Hex()).Scan(&n); err != nil {
		return false, fmt.Errorf("store: session %s: %w", s.ID, err)
	}
	if n > 0 {
		return false, nil
	}
	if pruned, err := t.pruned(ctx, s.ID); err != nil || pruned {
		return false, err
	}
	// The feed's ingest order (its cursor order), which Prune's settled cursors follow.
	if err := t.queryRow(ctx, `SELECT COALESCE(MAX(i), 0) + 1 FROM (SELECT MAX(ingest_seq) AS i FROM pending_sessions WHERE feed = ?
		UNION ALL SELECT MAX(ingest_seq) FROM sessions WHERE feed = ?) m`, s.Feed, s.Feed).Scan(&ingest); err != nil {
		return false, fmt.Errorf("store: ingest order of feed %s: %w", s.Feed, err)
	}
	res, err := t.exec(ctx, `INSERT INTO pending_sessions (session_id, ingest_seq, feed, cursor, user_addr, provider, builder, fee_bps,
		price, seconds, closed_at, recheck, record, use_deposit, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
		ON CONFLICT (session_id) DO NOTHING`,
		s.ID.Hex(), ingest, s.Feed, s.Cursor, s.User.Hex(), s.Provider.Hex(), s.Builder.Hex(), int64(s.FeeBps), s.Price.Dec(),
		int64(s.Seconds), int64(s.ClosedAt), string(s.Record), boolInt(s.UseDeposit), int64(s.StartedAt))
	if err != nil {
		return false, fmt.Errorf("store: insert pending session %s: %w", s.ID, err)
	}
	n, _ = res.RowsAffected()
	return n > 0, nil
}

// OldestPending returns the closing time of the oldest pending session; ok is false when there is none.
func (t *Tx) OldestPending(ctx context.Context) (closedAt int64, ok bool, err error) {
	var oldest sql.NullInt64
	err = t.queryRow(ctx, `SELECT MIN(closed_at) FROM pending_sessions`).Scan(&oldest)
	return oldest.Int64, oldest.Valid, err
}

// OldestUnheld returns the closing time of the oldest pending session not held back by the spend cap (the
// one whose window makes the next epoch due); ok is false when there is none.
func (t *Tx) OldestUnheld(ctx context.Context) (closedAt int64, ok bool, err error) {
	var oldest sql.NullInt64
	err = t.queryRow(ctx, `SELECT MIN(closed_at) FROM pending_sessions WHERE held = 0`).Scan(&oldest)
	return oldest.Int64, oldest.Valid, err
}

// NewestHeld returns the closing time of the newest pending session held back by the spend cap or a stale
// read; ok is false when there is none.
func (t *Tx) NewestHeld(ctx context.Context) (closedAt int64, ok bool, err error) {
	var newest sql.NullInt64
	err = t.queryRow(ctx, `SELECT MAX(closed_at) FROM pending_sessions WHERE held = 1`).Scan(&newest)
	return newest.Int64, newest.Valid, err
}

// PendingUser is one user with pending sessions closed before a cutoff, and the range of their closing times.
type PendingUser struct {
	User                  common.Address
	FirstClose, LastClose uint64
}

// PendingUsers lists the users of the pending sessions an assembly with this cutoff takes (closed before
// it, or held back by the spend cap).
func (t *Tx) PendingUsers(ctx context.Context, cutoff int64) ([]PendingUser, error) {
	rows, err := t.query(ctx, `SELECT user_addr, MIN(closed_at), MAX(closed_at) FROM pending_sessions WHERE closed_at < ? OR held = 1
		GROUP BY user_addr ORDER BY user_addr`, cutoff)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PendingUser
	for rows.Next() {
		var u string
		var first, last int64
		if err := rows.Scan(&u, &first, &last); err != nil {
			return nil, err
		}
		out = append(out, PendingUser{User: common.HexToAddress(u), FirstClose: uint64(first), LastClose: uint64(last)})
	}
	return out, rows.Err()
}

// PromotePending moves the pending sessions closed before cutoff, and those held back by the spend cap,
// into sessions and session_records, numbered after+1, after+2, … in (closed_at, session_id) order, and
// returns the last number (after if it moved none). The sessions in hold stay pending, held back (see
// migration 00006) until a later assembly takes them. A pending session whose id is credited or pruned
// already (a duplicate; DropDuplicatePending removes it), or that bills nothing (DropUnbilledPending
// removes it: it never owns its session id), is neither moved nor numbered: the numbers stay dense and
// nothing is charged twice. Set statements: no row is read into the process; the records and the delete
// follow the rows numbered.
func (t *Tx) PromotePending(ctx context.Context, cutoff, after int64, hold []common.Hash) (int64, error) {
	if err := t.LockSessions(ctx); err != nil {
		return 0, err
	}
	if err := t.setHeld(ctx, hold, 2); err != nil {
		return 0, err
	}
	res, err := t.exec(ctx, `INSERT INTO sessions (session_id, seq, ingest_seq, feed, cursor, user_addr, provider, builder, fee_bps,
		price, seconds, closed_at, recheck, use_deposit, started_at)
		SELECT session_id, ? + ROW_NUMBER() OVER (ORDER BY closed_at, session_id), ingest_seq, feed, cursor, user_addr, provider,
			builder, fee_bps, price, seconds, closed_at, 0, use_deposit, started_at
		FROM pending_sessions p WHERE (closed_at < ? OR held = 1) AND held <> 2 AND NOT `+billsNothing+` AND `+notStored, after, cutoff)
	if err != nil {
		return 0, fmt.Errorf("store: number pending sessions: %w", err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	if _, err := t.exec(ctx, `INSERT INTO session_records (seq, record)
		SELECT s.seq, p.record FROM sessions s JOIN pending_sessions p ON p.session_id = s.session_id WHERE s.seq > ?`,
		after); err != nil {
		return 0, fmt.Errorf("store: move pending records: %w", err)
	}
	if _, err := t.exec(ctx, `DELETE FROM pending_sessions WHERE session_id IN (SELECT session_id FROM sessions WHERE seq > ?)`,
		after); err != nil {
		return 0, fmt.Errorf("store: delete promoted sessions: %w", err)
	}
	if len(hold) > 0 {
		if _, err := t.exec(ctx, `UPDATE pending_sessions SET held = 1 WHERE held = 2`); err != nil {
			return 0, fmt.Errorf("store: held sessions: %w", err)
		}
	}
	return after + n, nil
}

// HoldPending marks the pending sessions ids held back (as PromotePending does with its hold list) when no
// epoch is committed to carry the marks: they no longer make the next epoch due (OldestUnheld), and every
// later assembly takes them again whatever its cutoff.
func (t *Tx) HoldPending(ctx context.Context, ids []common.Hash) error {
	return t.setHeld(ctx, ids, 1)
}

// setHeld sets the held mark of the pending sessions ids (1: held back; 2: held back by the assembly in
// progress, PromotePending).
func (t *Tx) setHeld(ctx context.Context, ids []common.Hash, held int) error {
	for _, id := range ids {
		if _, err := t.exec(ctx, `UPDATE pending_sessions SET held = ? WHERE session_id = ?`, held, id.Hex()); err != nil {
			return fmt.Errorf("store: hold pending session %s: %w", id, err)
		}
	}
	return nil
}

// notStored holds for a pending row p whose id is neither credited nor pruned.
const notStored = `NOT EXISTS (SELECT 1 FROM sessions s WHERE s.session_id = p.session_id)
	AND NOT EXISTS (SELECT 1 FROM settled_ids d WHERE d.session_id = p.session_id)`

// DropDuplicatePending removes, and returns with their records, the pending sessions closed before cutoff
// whose id is credited or pruned already. InsertPending refuses such a session, but a keeper before
// LockSessions could store one (see there), and PromotePending then failed on it forever; the ledger drops
// them before each assembly.
func (t *Tx) DropDuplicatePending(ctx context.Context, cutoff int64) ([]Session, error) {
	return t.dropPending(ctx, "duplicate", `NOT (`+notStored+`)`, cutoff)
}

// billsNothing holds for a pending row whose cost (billed seconds × price) is 0: an expired copy, a close
// billing 0 s, a ticket at price 0.
const billsNothing = `(seconds = 0 OR price = '0')`

// DropUnbilledPending removes, and returns with their records, the pending sessions closed before cutoff
// that bill nothing (the ledger drops them before each assembly, after the duplicates). Such a copy is never
// credited, so it never owns its session id: a copy that bills, read later, is stored and charged like any
// late session (protocol/README.md "Copies of one session").
func (t *Tx) DropUnbilledPending(ctx context.Context, cutoff int64) ([]Session, error) {
	return t.dropPending(ctx, "unbilled", billsNothing, cutoff)
}

// dropPending removes, and returns with their records, the pending sessions closed before cutoff (or held
// back) where cond holds; what names them in errors.
func (t *Tx) dropPending(ctx context.Context, what, cond string, cutoff int64) ([]Session, error) {
	if err := t.LockSessions(ctx); err != nil {
		return nil, err
	}
	out, err := t.pendingRecords(ctx, `(closed_at < ? OR held = 1) AND `+cond, cutoff)
	if err != nil {
		return nil, fmt.Errorf("store: %s pending sessions: %w", what, err)
	}
	for i := range out {
		if err := t.DeletePending(ctx, out[i].ID); err != nil {
			return nil, fmt.Errorf("store: drop %s pending session %s: %w", what, out[i].ID, err)
		}
	}
	return out, nil
}

// DemoteSessions moves the sessions with seq in [first, last] (of a rolled-back epoch) back to pending,
// flagged for a recheck. A pending copy of one of them (stored before LockSessions) is replaced by the
// credited one, which was billed first.
func (t *Tx) DemoteSessions(ctx context.Context, first, last int64) error {
	if _, err := t.exec(ctx, `DELETE FROM pending_sessions WHERE session_id IN (SELECT session_id FROM sessions WHERE seq >= ? AND seq <= ?)`,
		first, last); err != nil {
		return fmt.Errorf("store: pending copies of sessions %d..%d: %w", first, last, err)
	}
	if _, err := t.exec(ctx, `INSERT INTO pending_sessions (session_id, ingest_seq, feed, cursor, user_addr, provider, builder,
		fee_bps, price, seconds, closed_at, recheck, record, use_deposit, started_at)
		SELECT s.session_id, s.ingest_seq, s.feed, s.cursor, s.user_addr, s.provider, s.builder, s.fee_bps, s.price, s.seconds, s.closed_at, 1,
			r.record, s.use_deposit, s.started_at
		FROM sessions s JOIN session_records r ON r.seq = s.seq WHERE s.seq >= ? AND s.seq <= ?`, first, last); err != nil {
		return fmt.Errorf("store: demote sessions %d..%d: %w", first, last, err)
	}
	if _, err := t.exec(ctx, `DELETE FROM session_records WHERE seq >= ? AND seq <= ?`, first, last); err != nil {
		return err
	}
	_, err := t.exec(ctx, `DELETE FROM sessions WHERE seq >= ? AND seq <= ?`, first, last)
	return err
}

// RecheckSessions loads, with their records, the pending sessions flagged for a recheck.
func (t *Tx) RecheckSessions(ctx context.Context) ([]Session, error) {
	return t.pendingRecords(ctx, `recheck = 1`)
}

// RecheckAllPending flags every pending session for a recheck (a reorg deeper than the confirmations
// may have replaced the blocks they were verified at) and returns how many were not flagged yet.
func (t *Tx) RecheckAllPending(ctx context.Context) (int64, error) {
	// After every ingested page stored before; a page stored after checks the reorg count under this lock.
	if err := t.LockSessions(ctx); err != nil {
		return 0, err
	}
	res, err := t.exec(ctx, `UPDATE pending_sessions SET recheck = 1 WHERE recheck = 0`)
	if err != nil {
		return 0, fmt.Errorf("store: flag pending sessions for a recheck: %w", err)
	}
	return res.RowsAffected()
}

// VerifiedThrough returns the final block SetVerifiedThrough last recorded (ok false: none yet).
func (t *Tx) VerifiedThrough(ctx context.Context) (number uint64, hash common.Hash, ok bool, err error) {
	var h string
	err = t.queryRow(ctx, `SELECT number, hash FROM verified_through WHERE id = 1`).Scan(&number, &h)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, common.Hash{}, false, nil
	}
	if err != nil {
		return 0, common.Hash{}, false, fmt.Errorf("store: verified-through block: %w", err)
	}
	return number, common.HexToHash(h), true, nil
}

// SetVerifiedThrough records block number, whose hash is hash, as the final block every pending session not
// flagged for a recheck was verified as of (the ledger's rule: keeper/ledger flagReorged), in place of the
// last one recorded.
func (t *Tx) SetVerifiedThrough(ctx context.Context, number uint64, hash common.Hash) error {
	_, err := t.exec(ctx, `INSERT INTO verified_through (id, number, hash) VALUES (1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET number = excluded.number, hash = excluded.hash`, number, hash.Hex())
	if err != nil {
		return fmt.Errorf("store: record the verified-through block: %w", err)
	}
	return nil
}

// ForgetVerifiedThrough forgets the block SetVerifiedThrough recorded: the pending sessions are not all
// verified as of it or below.
func (t *Tx) ForgetVerifiedThrough(ctx context.Context) error {
	if _, err := t.exec(ctx, `DELETE FROM verified_through`); err != nil {
		return fmt.Errorf("store: forget the verified-through block: %w", err)
	}
	return nil
}

// pendingRecords loads the id, feed, cursor and record of the pending sessions p where cond holds, by id.
func (t *Tx) pendingRecords(ctx context.Context, cond string, args ...any) ([]Session, error) {
	rows, err := t.query(ctx, `SELECT session_id, feed, cursor, record FROM pending_sessions p WHERE `+cond+` ORDER BY session_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Session
	for rows.Next() {
		var s Session
		var id, record string
		if err := rows.Scan(&id, &s.Feed, &s.Cursor, &record); err != nil {
			return nil, err
		}
		s.ID, s.Record = common.HexToHash(id), []byte(record)
		out = append(out, s)
	}
	return out, rows.Err()
}

// DeletePending removes a pending session.
func (t *Tx) DeletePending(ctx context.Context, id common.Hash) error {
	_, err := t.exec(ctx, `DELETE FROM pending_sessions WHERE session_id = ?`, id.Hex())
	return err
}

// ClearRecheck marks pending session s verified again, with what the verification found (user, builder
// and fee are read from the chain and the record again), if its row is still the copy that was verified,
// flagged: the one read from feed at cursor (RecheckSessions). Another row is left as it is: the ingest may
// have stored another copy of the session meanwhile (copies.go), which this verification says nothing about.
func (t *Tx) ClearRecheck(ctx context.Context, s *Session, feed, cursor string) error {
	_, err := t.exec(ctx, `UPDATE pending_sessions SET recheck = 0, user_addr = ?, provider = ?, builder = ?, fee_bps = ?,
		price = ?, seconds = ?, closed_at = ?, use_deposit = ?, started_at = ? WHERE session_id = ? AND feed = ? AND cursor = ? AND recheck = 1`,
		s.User.Hex(), s.Provider.Hex(), s.Builder.Hex(), int64(s.FeeBps), s.Price.Dec(), int64(s.Seconds), int64(s.ClosedAt),
		boolInt(s.UseDeposit), int64(s.StartedAt), s.ID.Hex(), feed, cursor)
	return err
}

// DeleteRechecked removes pending session id refused on a recheck, if its row is still the copy that was
// rechecked, flagged (ClearRecheck), and reports whether it was.
func (t *Tx) DeleteRechecked(ctx context.Context, id common.Hash, feed, cursor string) (bool, error) {
	res, err := t.exec(ctx, `DELETE FROM pending_sessions WHERE session_id = ? AND feed = ? AND cursor = ? AND recheck = 1`, id.Hex(), feed, cursor)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// UserDay names one user's protocol day.
type UserDay struct {
	User common.Address
	Day  uint64
}

// DayCharge is one user-day's allowance (read once from the chain) and what the live epochs charged to it.
type DayCharge struct {
	Allowance uint256.Int
	Charged   uint256.Int
}

// HasAllowance reports whether allowance(user, day) is stored.
func (s *Store) HasAllowance(ctx context.Context, k UserDay) (bool, error) {
	var n int64
	err := s.db.QueryRowContext(ctx, s.rebind(`SELECT COUNT(*) FROM allowances WHERE user_addr = ? AND day = ?`),
		k.User.Hex(), int64(k.Day)).Scan(&n)
	return n > 0, err
}

// CacheAllowance stores allowance(user, day) with nothing charged, unless it is stored already (it never
// changes once the day has begun).
func (s *Store) CacheAllowance(ctx context.Context, k UserDay, allowance *uint256.Int) error {
	return s.InTx(ctx, func(t *Tx) error {
		_, err := t.exec(ctx, `INSERT INTO allowances (user_addr, day, allowance, charged) VALUES (?, ?, ?, '0')
			ON CONFLICT (user_addr, day) DO NOTHING`, k.User.Hex(), int64(k.Day), allowance.Dec())
		return err
	})
}

// DayCharges loads the stored allowances and charges of keys; a key not stored is absent from the map.
func (t *Tx) DayCharges(ctx context.Context, keys []UserDay) (map[UserDay]*DayCharge, error) {
	out := make(map[UserDay]*DayCharge, len(keys))
	for _, k := range keys {
		var a, c string
		err := t.queryRow(ctx, `SELECT allowance, charged FROM allowances WHERE user_addr = ? AND day = ?`, k.User.Hex(), int64(k.Day)).Scan(&a, &c)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, err
		}
		dc := new(DayCharge)
		if err := dc.Allowance.SetFromDecimal(a); err != nil {
			return nil, err
		}
		if err := dc.Charged.SetFromDecimal(c); err != nil {
			return nil, err
		}
		out[k] = dc
	}
	return out, nil
}

// SetCharged records what the live epochs charged to each user-day of charges.
func (t *Tx) SetCharged(ctx context.Context, charges map[UserDay]*DayCharge) error {
	for k, dc := range charges {
		if _, err := t.exec(ctx, `UPDATE allowances SET charged = ? WHERE user_addr = ? AND day = ?`,
			dc.Charged.Dec(), k.User.Hex(), int64(k.Day)); err != nil {
			return fmt.Errorf("store: charge of %s on day %d: %w", k.User, k.Day, err)
		}
	}
	return nil
}

// Shortfall is a session an epoch credited less than it cost: the user's allowance for the day ran out.
type Shortfall struct {
	SessionID common.Hash    `json:"sessionId"`
	EpochID   int64          `json:"-"`
	User      common.Address `json:"user"`
	Day       uint64         `json:"day,string"`
	Cost      uint256.Int    `json:"cost"`
	Credited  uint256.Int    `json:"credited"`
}

// InsertShortfall records a shortfall of epoch sh.EpochID.
func (t *Tx) InsertShortfall(ctx context.Context, sh *Shortfall) error {
	_, err := t.exec(ctx, `INSERT INTO shortfalls (session_id, epoch_id, user_addr, day, cost, credited) VALUES (?, ?, ?, ?, ?, ?)`,
		sh.SessionID.Hex(), sh.EpochID, sh.User.Hex(), int64(sh.Day), sh.Cost.Dec(), sh.Credited.Dec())
	if err != nil {
		return fmt.Errorf("store: shortfall of session %s: %w", sh.SessionID, err)
	}
	return nil
}

// Shortfalls returns epoch id's shortfalls, by session id.
func (t *Tx) Shortfalls(ctx context.Context, epochID int64) ([]Shortfall, error) {
	rows, err := t.query(ctx, `SELECT session_id, user_addr, day, cost, credited FROM shortfalls WHERE epoch_id = ? ORDER BY session_id`, epochID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Shortfall{}
	for rows.Next() {
		sh := Shortfall{EpochID: epochID}
		var id, user, cost, cred string
		var day int64
		if err := rows.Scan(&id, &user, &day, &cost, &cred); err != nil {
			return nil, err
		}
		sh.SessionID, sh.User, sh.Day = common.HexToHash(id), common.HexToAddress(user), uint64(day)
		if err := sh.Cost.SetFromDecimal(cost); err != nil {
			return nil, err
		}
		if err := sh.Credited.SetFromDecimal(cred); err != nil {
			return nil, err
		}
		out = append(out, sh)
	}
	return out, rows.Err()
}

// DeleteShortfalls forgets epoch id's shortfalls (the epoch was rolled back) and the rejected rows with
// one of codes that listed them: the sessions are charged anew when the epoch is assembled again.
func (t *Tx) DeleteShortfalls(ctx context.Context, epochID int64, codes ...string) error {
	for _, code := range codes {
		if _, err := t.exec(ctx, `DELETE FROM rejected WHERE code = ? AND session_id IN (SELECT session_id FROM shortfalls WHERE epoch_id = ?)`,
			code, epochID); err != nil {
			return err
		}
	}
	_, err := t.exec(ctx, `DELETE FROM shortfalls WHERE epoch_id = ?`, epochID)
	return err
}
