package ledger

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Copies of one session. A UsageReceipt names the session id and the seconds, not the ticket, and the session id
// follows from the RFC and the provider: any ROUTER_ROLE key can sign a ticket of its own for a session another
// router admitted, within the RFC, and publish it with the receipt copied from that router's feed (billing the
// receipt's seconds or fewer), or as expired. What binds a copy to the ticket the session's parties used is the
// provider's acceptance (settle.AcceptanceDigest, verified by checkAcceptance): the provider signs it for the
// ticket it served and the router that signed it, with every close it makes, so the same ticket re-signed by
// another key does not carry it. Which copy a keeper read first must not decide what is
// credited (a hostile feed read first would win), so while a session is pending its copies are compared by
// a fixed rule and the best kept:
//
//  1. a copy whose ticket the provider accepted beats one without an acceptance: a ticket the provider did
//     not serve never displaces the one it did, whatever it costs or bills;
//  2. then a copy that bills (a receipt or one-sided close) beats one that bills nothing (expired, 0 s, or a
//     ticket at price 0);
//  3. then a copy whose close its ticket's signer signed (settle.CloseDigest, verified by checkCloseSignature)
//     beats one whose close it did not: the dates, reason and billed seconds of a record are its router's
//     choice within bounds and no party to the session signs them, so another ROUTER_ROLE key could copy the
//     record byte for byte with dates of its own (rule 6) and move the session to another protocol day. With
//     rule 1 (the acceptance names the ticket's signer) a copy of an accepted close that its ticket's signer
//     signed cannot be re-dated; a close the provider did not accept can (the same ticket re-signed by
//     another key, whose closes that key signs, ties here). It comes after rule 2: a close that bills but
//     went unsigned (its ticket's key rotated away, an external signer refusing) must not lose to an expiry
//     a hostile router, or the router itself, signed;
//  4. then the lower receipt cost (the receipt's seconds, at most the ticket's maxSeconds, × price) wins: a
//     copy never raises a session's price, nor its seconds above another receipt a party signed;
//  5. then the copy billing more seconds wins: two copies of one ticket and receipt differ only in what
//     the router chose to bill within the receipt and the bounds, and billing less than the parties
//     signed is the copier's choice, not theirs;
//  6. then the earlier closedAt, then the earlier createdAt: copies no rule above tells apart (none signed,
//     or each signed by its own ticket's signer) differ in their dates, and without this rule the copy a
//     keeper read first was kept: keepers reading the feeds in other orders charged the session to other
//     days and committed other roots. It makes every keeper agree, not the dates honest: a copier picks its
//     own within their bounds (a billing close no earlier than the session's start plus its billed seconds,
//     the start no earlier than the RFC's deadline minus 10 minutes, the close no later than notAfter + 1 h),
//     which is why rules 1 and 3 come first. The earlier start is the direction that keeps a deposit charge a
//     later one could dodge (DepositBook);
//  7. then the lower ticket signature (bytes);
//  8. then the lower record (its canonical encoding, bytes): copies equal in every key above differ in what
//     no rule weighs (the router's flags, a request's evidence), and every keeper keeps the same one.
//
// Each rule compares one key of the copy and the last compares all of it, so the rule is a total order: every
// keeper keeps the same copy whichever order it reads them in.
//
// The copy that loses is listed as rejected: `ticket_not_accepted` when it lost by rule 1,
// `ticket_conflict` when its ticket differs from the kept one, `duplicate` when it is the same ticket
// (whichever router signed it). Once a copy that bills is credited (in an assembled epoch), every later copy
// is a duplicate: a credit is never taken back or paid twice. The rule ranks copies that verify, and a
// verdict can change: when the recheck (rollback.go) rejects the kept copy of a pending session (a deep
// reorg took the role or registration it rested on; a veto), the copies listed with those three codes are
// verified again (a feed's replays, copies that differ only in what no key of the rule but the last reads, once:
// bestCopy) and the best
// that verifies becomes the pending copy unless a copy the ingest stored since beats it, its row leaving
// the rejected table (revive: the recheck queues the session in the transaction that rejects the copy, then
// ranks its losers once none can be added); the others stay rejected. A
// rollback (a veto, an abandoned commit) queues its sessions too: a copy read while the session was
// credited was listed as a duplicate unranked, and once the credit is taken back the best copy is kept. A keeper
// reading the feeds only on the chain as it is now keeps that copy too. A kept copy that bills nothing
// (expired, 0 s or price 0) is never credited: the assembly of its epoch lists it as rejected
// (nothing_billed) and the session id stays free, so a billing copy read later (an honest close held by its
// router's anomaly detector, a feed unreachable for a while) is stored and charged like any late session,
// within what the user-day has left.

// maxHold bounds how long an expired copy is held past its closedAt (heldUntil).
const maxHold = 86400

// heldUntil is when an expired copy (it bills nothing) is charged, in place of its closedAt: once any close of
// the session by the router that admitted it is due. No session starts after its RFC's deadline, its ticket
// lasts at most the RFC's maxSeconds plus a grace below settle.CloseWindow, and its close is at most
// CloseWindow after the ticket's notAfter; so an expired copy waits until deadline + maxSeconds + 2 ×
// CloseWindow (at most maxHold after its closedAt), and a billing copy published in time is read while the
// expired one is still pending: the expired copy is rejected as the copy that lost. A billing copy read later
// still finds the session id free (an expired copy is never credited: dropDuplicates). The record keeps its
// closedAt; only the charging order moves.
func heldUntil(rec *wire.SessionRecord) uint64 {
	due := rec.RFC.Deadline + uint64(rec.RFC.MaxSeconds) + 2*settle.CloseWindow
	if due < rec.RFC.Deadline { // overflow: a deadline no router admits
		due = math.MaxUint64
	}
	return max(rec.ClosedAt, min(due, rec.ClosedAt+maxHold))
}

// Rejections of a copy that lost to another copy of the session (copies above).
const (
	RejectTicketConflict    = "ticket_conflict"     // the kept copy has another ticket
	RejectTicketNotAccepted = "ticket_not_accepted" // the provider accepted the kept copy's ticket, not this one's
	RejectNothingBilled     = "nothing_billed"      // the kept copy bills nothing: listed at its epoch, never credited
)

// copyRank is what the rule compares of one copy.
type copyRank struct {
	accepted bool
	bills    bool
	signed   bool
	seconds  uint32
	cost     uint256.Int
	ticket   wire.SessionRecord
	record   []byte
}

func rankOf(s *Session) (*copyRank, error) {
	r := &copyRank{record: s.Record}
	if err := json.Unmarshal(s.Record, &r.ticket); err != nil {
		return nil, fmt.Errorf("record of session %s: %w", s.ID, err)
	}
	// The record was verified when it was stored: an acceptance it carries is the provider's, of its ticket
	// as its router signed it.
	r.accepted = r.ticket.TicketAcceptance != nil
	r.signed = r.ticket.CloseSignature != nil // likewise its ticket's signer's
	// What bills nothing is never credited (store's billsNothing drops it at the assembly): a copy at price 0
	// that won by its cost (rule 4) left the session with no billing copy, and a close the parties signed,
	// which lost to it, was never credited.
	r.bills = r.ticket.CloseReason != wire.CloseExpired && s.Seconds > 0 && !s.Price.IsZero()
	r.seconds = s.Seconds
	if !r.bills {
		return r, nil // cost 0
	}
	receipt := min(r.ticket.Receipt.Seconds, r.ticket.Ticket.MaxSeconds) // a billing record has a receipt (Verify)
	if _, overflow := r.cost.MulOverflow(&s.Price, uint256.NewInt(uint64(receipt))); overflow {
		r.cost.SetAllOne()
	}
	return r, nil
}

// beats reports whether copy a is kept over copy b.
func (a *copyRank) beats(b *copyRank) bool {
	if a.accepted != b.accepted {
		return a.accepted
	}
	if a.bills != b.bills {
		return a.bills
	}
	if a.signed != b.signed {
		return a.signed
	}
	if c := a.cost.Cmp(&b.cost); c != 0 {
		return c < 0
	}
	if a.seconds != b.seconds {
		return a.seconds > b.seconds
	}
	if a.ticket.ClosedAt != b.ticket.ClosedAt {
		return a.ticket.ClosedAt < b.ticket.ClosedAt
	}
	if a.ticket.CreatedAt != b.ticket.CreatedAt {
		return a.ticket.CreatedAt < b.ticket.CreatedAt
	}
	if c := bytes.Compare(a.ticket.TicketSignature[:], b.ticket.TicketSignature[:]); c != 0 {
		return c < 0
	}
	return bytes.Compare(a.record, b.record) < 0
}

// why is the rule, as a rejection's detail says it.
const why = "the provider accepted its ticket, or it bills, or its ticket's signer signed its close, or its receipt costs less, or it bills more of the same receipt, or closed (then started) earlier, or has the lower ticket signature, or the lower record"

// storeCopy is ingest's answer to a verified session s whose id is stored already: it keeps the better of s
// and a pending copy (the rule above), and returns whether s was stored and the rejections of the copy that
// lost, each with its row (stored within q: feedQuota.insert). It runs inside the ingest transaction, which
// holds LockSessions.
func storeCopy(ctx context.Context, tx *store.Tx, q *feedQuota, s *Session, raw json.RawMessage) (bool, []*Rejection, error) {
	old, pending, err := tx.PendingCopy(ctx, s.ID)
	if err != nil {
		return false, nil, err
	}
	if !pending {
		firstFeed, _ := tx.SessionFeed(ctx, s.ID)
		rej := reject(s.ID, RejectDuplicate, "session already billed through feed %s", firstFeed)
		return false, []*Rejection{rej}, q.insert(ctx, tx, rej, rejectedRow(s.Feed, s.Cursor, rej, raw))
	}
	a, err := rankOf(s)
	if err != nil {
		return false, nil, err
	}
	b, err := rankOf(old)
	if err != nil {
		return false, nil, err
	}
	code := RejectDuplicate
	switch {
	case a.accepted != b.accepted:
		code = RejectTicketNotAccepted
	case a.ticket.Ticket != b.ticket.Ticket:
		code = RejectTicketConflict
	}
	if !a.beats(b) {
		rej := reject(s.ID, code, "a copy of the session through feed %s (router %s, %s wei) is kept: %s", old.Feed,
			b.ticket.Router, b.cost.Dec(), why)
		return false, []*Rejection{rej}, q.insert(ctx, tx, rej, rejectedRow(s.Feed, s.Cursor, rej, raw))
	}
	rej := reject(s.ID, code, "replaced by a copy of the session through feed %s (router %s, %s wei): %s", s.Feed,
		a.ticket.Router, a.cost.Dec(), why)
	if err := q.insert(ctx, tx, rej, rejectedRow(old.Feed, old.Cursor, rej, old.Record)); err != nil {
		return false, nil, err
	}
	if err := tx.DeletePending(ctx, s.ID); err != nil {
		return false, nil, err
	}
	ok, err := tx.InsertPending(ctx, s)
	if err != nil || !ok {
		return false, nil, fmt.Errorf("replace pending session %s: stored %v: %w", s.ID, ok, err)
	}
	return true, []*Rejection{rej}, nil
}

// copyLosses are the rejection codes of a copy that lost to another copy of its session: to the pending one
// (storeCopy), or to the credited one (a duplicate), which a veto's rollback makes pending again.
var copyLosses = []string{RejectTicketConflict, RejectTicketNotAccepted, RejectDuplicate}

// revived is the best copy of a queued session that verifies (revive), with its rejected row's id and rank,
// and what storing it did: the pending copy it replaced (nil: none), that copy's rejection.
type revived struct {
	best     *Session
	row      int64
	rank     *copyRank
	replaced *Session
	rej      *Rejection
}

// reviveErrors bounds the transient errors of one revive pass: the sessions queued after the one that
// met the last are kept queued untried (a node down, or rate limiting the keeper, answers none of them:
// each would cost a read of it every pass).
const reviveErrors = 3

// revive is the recheck's second pass. For each session queued by the first (its pending copy rejected on
// recheck) or by a rollback (its credited copy pending again: rollback), it reads the copies that lost to one
// of its copies (copyLosses) and verifies them again outside any database transaction, keeping the best X
// that verifies (bestCopy: a feed replaying a copy N times costs one verification); a copy refused now
// stays rejected. Then, in one transaction holding LockSessions, it ranks X against the session's pending
// copy P, if the ingest stored one since the first pass (P was verified when stored): X is stored only if
// it beats P (storeCopy: P moves to the rejected table), its rejected row deleted, and the session leaves
// the queue either way. Nothing a feed does meanwhile aborts it: the copies that lost to the rejected copy
// were all listed when it was rejected (the session had no pending copy after; one queued by a rollback
// has, and a copy that loses to it meanwhile loses to X too if X beats it: the rule is a total order), and
// a copy read since was ranked by the ingest against P, which the pass ranks X against. A session whose
// copies hit a transient error is left out of the transaction, nothing of it written: it stays queued (and
// so does every session after the reviveErrors-th such error, untried), and revive returns the error once
// the others are stored, so no assembly runs before the next pass revives it
// (recheck). A deep reorg seen meanwhile stores nothing (errReorgSeen). Logs and metrics of what is stored
// are emitted once the transaction has committed.
func (l *Ledger) revive(ctx context.Context) error {
	var queue []common.Hash
	read := map[common.Hash][]store.Rejected{}
	if err := l.store.InTx(ctx, func(tx *store.Tx) (err error) {
		if queue, err = tx.ReviveQueue(ctx); err != nil {
			return err
		}
		for _, id := range queue {
			if read[id], err = tx.RejectedCopies(ctx, id, copyLosses...); err != nil {
				return err
			}
		}
		return nil
	}); err != nil || len(queue) == 0 {
		return err
	}
	best := make(map[common.Hash]*revived, len(queue))
	held := map[common.Hash]bool{} // the sessions a transient error keeps queued
	var (
		heldErr error // the first
		failed  int
	)
	for _, id := range queue {
		if failed == reviveErrors { // a node that is down answers no session: the rest wait for the next pass
			held[id] = true
			continue
		}
		b, err := l.bestCopy(ctx, id, read[id])
		if err != nil {
			if ctx.Err() != nil {
				return err
			}
			held[id], failed = true, failed+1
			if heldErr == nil {
				heldErr = err
			}
			l.log.Debug("the copies of a queued session could not be verified again: it stays queued",
				zap.Stringer("session", id), zap.Error(err))
			continue
		}
		best[id] = b
	}
	if len(held) == len(queue) {
		return fmt.Errorf("revive: every queued session (%d) stays queued: %w", len(queue), heldErr)
	}
	var stored []*revived
	if err := l.store.InTx(ctx, func(tx *store.Tx) error {
		stored = nil
		if err := tx.LockSessions(ctx); err != nil { // no copy stored by the ingest in between
			return err
		}
		if l.reorgsSeen() != l.flagged { // X verified on blocks a reorg may have replaced
			return errReorgSeen
		}
		for _, id := range queue {
			if held[id] {
				continue // it stays queued
			}
			if b := best[id]; b != nil {
				ok, err := storeRevived(ctx, tx, b)
				if err != nil {
					return err
				}
				if ok {
					stored = append(stored, b)
				}
			}
			if err := tx.Unqueue(ctx, id); err != nil {
				return err
			}
		}
		return l.recordFinal(ctx, tx, l.flagged) // the copies stored were verified as of its block or below
	}); err != nil {
		return err
	}
	for _, b := range stored {
		fields := []zap.Field{zap.Stringer("session", b.best.ID), zap.String("feed", b.best.Feed), zap.String("cursor", b.best.Cursor)}
		if b.replaced != nil {
			l.metrics.rejected.WithLabelValues(b.rej.Code).Inc()
			fields = append(fields, zap.String("replaced_feed", b.replaced.Feed), zap.String("replaced_cursor", b.replaced.Cursor),
				zap.String("replaced_code", b.rej.Code))
		}
		l.log.Info("a copy that lost verifies and beats the session's copy (rejected on recheck, or pending again after a rollback): it is the pending copy now", fields...)
	}
	if heldErr != nil {
		return fmt.Errorf("revive: %d of %d queued sessions stay queued: %w", len(held), len(queue), heldErr)
	}
	return nil
}

// bestCopy is the best copy that verifies (beats) of rows, the copies of session id that lost (by row id),
// or nil if none does; an error is transient. Copies that differ only in their cursor (a feed replaying a
// copy, each replay stored as a row of its own), or in another member Verify does not read (the endpoint,
// state, expiry, flags, held, payment: replayGroups), are verified once: Verify's verdict, and the session it
// returns but for its Feed, Cursor and Record, depend on the decoded record only, its cursor aside
// (decodeRecord: the feed only names the session's Feed), and so does every key of the rule but the last
// (rule 8, the record's bytes, which carry the cursor). Of such a group only the row the rule keeps among
// them is verified (replayGroups): the same row, with the same session, as verifying every row keeps.
func (l *Ledger) bestCopy(ctx context.Context, id common.Hash, rows []store.Rejected) (*revived, error) {
	var best *revived
	for _, r := range replayGroups(rows) {
		s, err := l.verifier.Verify(ctx, r.Feed, r.Record)
		if _, ok := IsRejection(err); ok {
			continue
		}
		if err != nil {
			return nil, err
		}
		if s.ID != id {
			continue // not a copy of the session (the row's id is the record's as verified when rejected)
		}
		rank, err := rankOf(s)
		if err != nil {
			return nil, err
		}
		if best == nil || rank.beats(best.rank) {
			best = &revived{best: s, row: r.ID, rank: rank}
		}
	}
	return best, nil
}

// replayGroups returns, in row order, one row of each group of rows whose records decode (decodeRecord) to
// the same record but for its cursor: the one with the lowest record bytes as Verify encodes them (rule 8),
// the first of those on a tie (beats keeps the first of equal copies). Verified, these rows rank as their
// groups' best, and exact ties between groups (records that encode alike and decode apart) are met in row
// order, as verifying every row meets them. A row that does not decode is a group of its own.
func replayGroups(rows []store.Rejected) []store.Rejected {
	type group struct {
		rec    wire.SessionRecord // its cursor cleared
		i      int                // the row kept
		record []byte             // its record, as Verify encodes it
	}
	byKey := map[string][]*group{}
	var kept []int
	var groups []*group
	for i := range rows {
		rec, err := decodeRecord(rows[i].Record)
		var record, key []byte
		if err == nil {
			record, err = json.Marshal(&rec)
		}
		if err == nil {
			// What neither Verify (nor the session it returns, but for its Cursor and Record) nor the rule's
			// keys 1-7 read: a feed's replays may differ in any of it.
			rec.Cursor, rec.Endpoint, rec.State, rec.ExpiresAt, rec.Flags, rec.Held, rec.Payment = "", "", "", 0, nil, false, nil
			key, err = json.Marshal(&rec)
		}
		if err != nil {
			kept = append(kept, i) // Verify refuses it (malformed)
			continue
		}
		var g *group
		for _, c := range byKey[string(key)] {
			if reflect.DeepEqual(&c.rec, &rec) {
				g = c
				break
			}
		}
		switch {
		case g == nil:
			g = &group{rec: rec, i: i, record: record}
			byKey[string(key)] = append(byKey[string(key)], g)
			groups = append(groups, g)
		case bytes.Compare(record, g.record) < 0:
			g.i, g.record = i, record
		}
	}
	for _, g := range groups {
		kept = append(kept, g.i)
	}
	slices.Sort(kept)
	out := make([]store.Rejected, len(kept))
	for j, i := range kept {
		out[j] = rows[i]
	}
	return out
}

// storeRevived stores b's copy as the pending one if it beats the session's pending copy (or there is none),
// and deletes its rejected row; it reports whether it did. It runs in revive's transaction.
func storeRevived(ctx context.Context, tx *store.Tx, b *revived) (bool, error) {
	p, pending, err := tx.PendingCopy(ctx, b.best.ID)
	if err != nil {
		return false, err
	}
	if pending {
		pr, err := rankOf(p)
		if err != nil {
			return false, err
		}
		if !b.rank.beats(pr) { // P is kept (it may be the same copy, read again): X stays rejected
			return false, nil
		}
		ok, rejs, err := storeCopy(ctx, tx, nil, b.best, b.best.Record)
		if err != nil || !ok {
			return false, fmt.Errorf("revive session %s: stored %v: %w", b.best.ID, ok, err)
		}
		b.replaced, b.rej = p, rejs[0]
	} else {
		ok, err := tx.InsertPending(ctx, b.best)
		if err != nil || !ok { // the id is credited or pruned already (see DemoteSessions): the copy stays rejected
			return false, err
		}
	}
	if _, err := tx.DeleteRejected(ctx, b.row); err != nil {
		return false, err
	}
	return true, nil
}
