package ledger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestReplayedCopyDoesNotStallRecheck (from a review: a liveness fault): a configured feed with no key of
// its own replays, byte for byte at a new cursor, the honest copy H (which lost to the kept copy C) while
// the recheck verifies the copies that lost to C, on every pass. Every assembly commits: the first credits
// both the session (through H, C's router's grant reorged away) and an unrelated honest session. Before,
// each replay was a row the recheck had not verified, so every pass aborted (errCopyMeanwhile) and no epoch
// of anyone was ever assembled while the replay went on. On SQLite and PostgreSQL.
func TestReplayedCopyDoesNotStallRecheck(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		k := newLostCopyCase(t, true)
		reg := &revokedReg{}
		ctx, l := k.newLedger(dsn, reg)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		reg.n.Store(1) // a deep reorg took C's router's grant
		reg.revoked = true
		replay := func() {
			k.fd.Add(t, k.h) // the hostile feed re-serves H's bytes at a new cursor
			_, err := l.IngestOnce(ctx)
			require.NoError(t, err)
		}
		reg.calls, reg.hookAt, reg.hook = 0, 3, replay // C and the other session verified again, then H
		require.NoError(t, l.Assemble(ctx), "the first assembly after the reorg commits (rejected %v)", rejectedCodes(t, ctx, l))
		require.Nil(t, reg.hook, "H replayed during the pass")
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, int64(2), e.Sessions, "the session and the other one credited")
		require.Equal(t, k.freshRoot(t), e.Root, "the root of a keeper that never saw C's router's grant")
	})
}

// gateReg is revokedReg's registry for a concurrent ingest: its first gates calls of IsRouter for a record of
// the first router under a context marked by recheckCtx (the assembly's, not the ingest's) return only once
// the hostile feed has served two more pages (served): the ingest has stored the first of them.
type gateReg struct {
	twoRouters
	n       atomic.Uint64
	revoked atomic.Bool
	gates   atomic.Int64
	served  chan struct{}
}

type recheckCtx struct{}

func (r *gateReg) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	second := a == crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey)
	if ctx.Value(recheckCtx{}) != nil && !second && r.gates.Add(-1) >= 0 {
		for range 2 {
			select {
			case <-r.served:
			case <-ctx.Done():
				return false, ctx.Err()
			}
		}
	}
	if r.revoked.Load() && second {
		return false, nil
	}
	return r.twoRouters.IsRouter(ctx, a, at)
}
func (r *gateReg) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *gateReg) ReorgsSeen() uint64                     { return r.n.Load() }

// TestReplayedCopyDoesNotStallRecheckConcurrent: TestReplayedCopyDoesNotStallRecheck as Ledger.Run runs it,
// the ingest in its own goroutine reading a hostile feed that replays H's bytes one record a page for ever,
// the recheck's first two verifications of a first-router copy lasting until the ingest has stored one
// more page. The first assembly after the reorg commits, crediting the session through H. Before, every pass
// found a row it had not verified and aborted. On SQLite and PostgreSQL.
func TestReplayedCopyDoesNotStallRecheckConcurrent(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		var armed atomic.Bool
		served := make(chan struct{})
		var h json.RawMessage
		hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			after, _ := strconv.Atoi(r.URL.Query().Get("after"))
			page := struct {
				Sessions []json.RawMessage `json:"sessions"`
				Next     string            `json:"next"`
			}{Sessions: []json.RawMessage{}, Next: strconv.Itoa(after)}
			if armed.Load() {
				var rec map[string]any
				if err := json.Unmarshal(h, &rec); err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				rec["cursor"] = strconv.Itoa(after + 1)
				b, _ := json.Marshal(rec)
				page.Sessions, page.Next = []json.RawMessage{b}, strconv.Itoa(after+1)
			}
			_ = json.NewEncoder(w).Encode(page)
			select { // a gated recheck waiting: this page was asked for after its call
			case served <- struct{}{}:
			default:
			}
		}))
		defer hostile.Close()
		k := newLostCopyCase(t, false)
		raw, err := json.Marshal(k.h)
		require.NoError(t, err)
		h = raw
		reg := &gateReg{served: served}
		reg.gates.Store(2)
		ctx, st := openStore(t, dsn)
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{k.fc.Server.URL, k.fh.Server.URL, hostile.URL}, BatchDir: t.TempDir(),
			Now: later, EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps},
			nil, domain, reg, nil, nil)
		require.NoError(t, err)
		require.NoError(t, l.Started(ctx))
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1}, rejectedCodes(t, ctx, l), "C kept, H rejected")
		reg.n.Store(1) // a deep reorg took C's router's grant
		reg.revoked.Store(true)
		armed.Store(true)
		ictx, cancel := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for ictx.Err() == nil {
				_, _ = l.IngestOnce(ictx) // reads the hostile feed until cancelled
			}
		}()
		err = l.Assemble(context.WithValue(ctx, recheckCtx{}, true))
		cancel()
		<-done
		require.NoError(t, err, "the first assembly after the reorg commits")
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, credit(t, 100, uint64(k.p)).Dec(), e.Total.Dec(), "the session, through H's ticket")
	})
}

// countReg is the two-router registry counting deep reorgs and its IsRouter calls (one per record verified
// past its signatures: checkRouter), where the second router (reticketed's key) holds no role once revoked is
// set, and the first router's role at failAt (a session's start) is a transient error while fails is
// positive, one fewer each time.
type countReg struct {
	twoRouters
	n       atomic.Uint64
	revoked atomic.Bool
	calls   atomic.Int64
	failAt  uint64
	fails   atomic.Int64
	down    atomic.Bool  // while set, every role read of the first router fails (its node is down)
	failed  atomic.Int64 // the role reads failed
}

func (r *countReg) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	r.calls.Add(1)
	second := a == crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey)
	if !second && (r.down.Load() || at == r.failAt && r.fails.Add(-1) >= 0) {
		r.failed.Add(1)
		return false, errors.New("rpc down")
	}
	if second && r.revoked.Load() {
		return false, nil
	}
	return r.twoRouters.IsRouter(ctx, a, at)
}
func (r *countReg) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *countReg) ReorgsSeen() uint64                     { return r.n.Load() }

// replayRaw is rec as a feed serves it at cursor, in one of seven encodings a hostile feed may choose:
// compact, indented, keys sorted, an unknown member added, the cursor's key capitalised (json matches it all
// the same), a second cursor member before it (the last one counts), and an empty flags list before it (a
// record without flags decodes to an empty list, not none, and encodes as it did).
func replayRaw(t *testing.T, rec wire.SessionRecord, cursor string, enc int) json.RawMessage {
	rec.Cursor = cursor
	b, err := json.Marshal(rec)
	require.NoError(t, err)
	switch enc {
	case 1:
		var out bytes.Buffer
		require.NoError(t, json.Indent(&out, b, "", "  "))
		b = out.Bytes()
	case 2:
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m))
		b, err = json.Marshal(m)
		require.NoError(t, err)
	case 3:
		b = append(b[:len(b)-1:len(b)-1], []byte(`,"extra":{"x":1}}`)...)
	case 4:
		b = bytes.Replace(b, []byte(`"cursor":`), []byte(`"Cursor":`), 1)
	case 5:
		b = append([]byte(`{"cursor":"~",`), b[1:]...)
	case 6:
		b = append([]byte(`{"flags":[],`), b[1:]...)
	}
	return b
}

// TestReviveVerifiesReplaysOnce (from a review: cost amplification): revive's choice among a session's copies
// that lost, copies identical but for their cursor (a feed's replays, each a row) verified once, is the
// choice of verifying every row: the same row and the same session (its feed, cursor and record bytes).
// Eight replays of an honest copy H through two feeds cost one verification (every row verified: eight).
// Then on random sets of rows: H replayed through both feeds at cursors whose encodings order apart from
// their text (`<` is `\u003c`), in seven encodings (one decodes apart from H and encodes alike: an exact tie,
// the first row kept); a cheaper copy D that beats H; H billing fewer seconds, H with a flag, H as expired
// (each losing to H); another router's copy C holding no role; H with a broken ticket signature; another
// session's record in the session's row; a malformed row; H created a second earlier, whose role read
// fails (the choice fails either way: the session stays queued).
func TestReviveVerifiesReplaysOnce(t *testing.T) {
	const p = 1e12
	now := uint64(time.Now().Unix())
	h := honestCopy(t, 1, now-130)
	d := h
	d.Ticket.PricePerSecond = *uint256.NewInt(3 * p / 4)
	resignTicket(&d)
	fewer := h
	fewer.BilledSeconds = 90
	flagged := h
	flagged.Flags = []string{"zero_output"}
	expired := h
	expired.CloseReason, expired.BilledSeconds, expired.Receipt, expired.UserSignature, expired.ProviderSignature =
		wire.CloseExpired, 0, nil, nil, nil
	broken := h
	broken.TicketSignature[3] ^= 1
	other := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600,
		Price: p, Created: now - 130, Closed: now - 5})
	early := h
	early.CreatedAt--
	reg := &countReg{failAt: settle.Start(early.CreatedAt, early.RFC.Deadline)}
	reg.revoked.Store(true)
	ctx, st := openStore(t, dbtest.SQLite(t)) // the choice reads no database
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{"http://feed.invalid"}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		reg, nil, nil)
	require.NoError(t, err)

	type choice struct {
		row   int64
		s     *ledger.Session
		err   bool
		calls int64
	}
	choose := func(f func(context.Context, common.Hash, []store.Rejected) (int64, *ledger.Session, error), rows []store.Rejected) choice {
		reg.calls.Store(0)
		reg.fails.Store(1 << 30)
		row, s, err := f(ctx, h.SessionID, rows)
		return choice{row: row, s: s, err: err != nil, calls: reg.calls.Load()}
	}

	cursors := []string{"", "0", "1", "10", "2", "1a", "<", "=", `a"b`, "é"}
	feeds := []string{"feed-a", "feed-b"}
	replays := make([]store.Rejected, 8) // H through both feeds at eight cursors in six encodings
	for i := range replays {
		replays[i] = store.Rejected{ID: int64(i + 1), Feed: feeds[i%2], SessionID: h.SessionID.Hex(), Code: ledger.RejectTicketConflict,
			Record: replayRaw(t, h, cursors[i], i%6)}
	}
	want, got := choose(l.ReviveChoiceEachRow, replays), choose(l.ReviveChoice, replays)
	require.Equal(t, int64(8), want.calls, "every row verified")
	require.Equal(t, int64(1), got.calls, "eight replays of one copy verified once")
	require.Equal(t, want.row, got.row)
	require.Equal(t, want.s, got.s)

	ep1, ep2, sta, hd, pay := h, h, h, h, h
	ep1.Endpoint, ep2.Endpoint, sta.State, hd.Held = "https://a.invalid", "https://b.invalid", "closed", true
	pay.Payment = &wire.Payment{Allowance: uint256.NewInt(1), Deposit: uint256.NewInt(2)}
	flagged2 := h
	flagged2.Flags = []string{"a", "b"}
	copies := []wire.SessionRecord{h, h, h, h, d, fewer, flagged, expired, reticketed(t, h, uint256.NewInt(p/2)), broken, other, early, ep1, ep2, sta, hd, pay, flagged2}
	names := []string{"H", "H", "H", "H", "D", "fewer", "flagged", "expired", "C", "broken", "other", "early", "ep1", "ep2", "st", "hd", "pay", "flagged2"}
	rng := rand.New(rand.NewPCG(7, 11))
	saved, kept := 0, map[string]bool{}
	for trial := range 800 {
		n := 1 + rng.IntN(12)
		rows := make([]store.Rejected, n)
		which := make([]int, n)
		for i := range rows {
			which[i] = rng.IntN(len(copies) + 1)
			raw := json.RawMessage(`{"sessionId":"` + h.SessionID.Hex() + `","cursor":"1"}`) // malformed
			if which[i] < len(copies) {
				raw = replayRaw(t, copies[which[i]], cursors[rng.IntN(len(cursors))], rng.IntN(7))
			}
			rows[i] = store.Rejected{ID: int64(i + 1), Feed: feeds[rng.IntN(2)], SessionID: h.SessionID.Hex(),
				Code: ledger.RejectTicketConflict, Record: raw}
		}
		want := choose(l.ReviveChoiceEachRow, rows)
		got := choose(l.ReviveChoice, rows)
		require.Equal(t, want.err, got.err, "trial %d: a transient error either way (copies %v)", trial, which)
		require.Equal(t, want.row, got.row, "trial %d: the same row revived (copies %v)", trial, which)
		require.Equal(t, want.s, got.s, "trial %d: the same session, record bytes and all (copies %v)", trial, which)
		if want.err {
			continue // the verifications until the error differ in order: the session stays queued either way
		}
		require.LessOrEqual(t, got.calls, want.calls, "trial %d", trial)
		if got.calls < want.calls {
			saved++
		}
		if want.row != 0 {
			kept[names[which[want.row-1]]] = true
		}
	}
	require.Positive(t, saved, "some trials had replays")
	require.Len(t, kept, 11, "H, D, fewer, flagged, expired and each variant of H in what no rule key reads kept in some trial: %v", kept)
}

// TestReviveVerifiesReplaysWithOtherFieldsOnce (from a review: only the cursor was set aside): a hostile
// feed's replays of H that differ in what neither Verify nor the rule's keys 1-7 read (each its own
// endpoint here; likewise state, expiresAt, flags, held, payment) cost one verification, six rows or one.
func TestReviveVerifiesReplaysWithOtherFieldsOnce(t *testing.T) {
	now := uint64(time.Now().Unix())
	h := honestCopy(t, 1, now-130)
	reg := &countReg{}
	ctx, st := openStore(t, dbtest.SQLite(t))
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{"http://feed.invalid"}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		reg, nil, nil)
	require.NoError(t, err)
	rows := make([]store.Rejected, 6)
	for i := range rows {
		r := h
		r.Endpoint = "https://x.invalid/" + strconv.Itoa(i)
		rows[i] = store.Rejected{ID: int64(i + 1), Feed: "feed-a", SessionID: h.SessionID.Hex(), Code: ledger.RejectDuplicate,
			Record: replayRaw(t, r, "c"+strconv.Itoa(i), 0)}
	}
	wantRow, want, err := l.ReviveChoiceEachRow(ctx, h.SessionID, rows)
	require.NoError(t, err)
	reg.calls.Store(0)
	row, s, err := l.ReviveChoice(ctx, h.SessionID, rows)
	require.NoError(t, err)
	require.Equal(t, int64(1), reg.calls.Load(), "one verification for six replays of one copy")
	require.Equal(t, wantRow, row)
	require.Equal(t, want, s)
}

// TestReplayedCopyVerifiedOnceOnRevive: TestReplayedCopyDoesNotStallRecheck with the replays read before the
// reorg: a hostile feed replays the honest copy H (which lost to the kept copy C) at five cursors, two of
// them one cursor in two encodings, each replay a row of its own. Once a deep reorg took C's router's grant
// the revive pass verifies H once (every row verified: six), and revives the row the rule keeps, the replay at
// cursor "0a" (its record's bytes the lowest; the first of the two in its encodings), not H's own row at
// cursor "1": the other rows stay rejected. The epoch credits H at its price with the root of a keeper that
// reads the feeds only after the reorg. On SQLite and PostgreSQL.
func TestReplayedCopyVerifiedOnceOnRevive(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		k := newLostCopyCase(t, false)
		for i, c := range []string{"9", "0a", "1", "0a", "5"} {
			enc := 0
			if i == 3 {
				enc = 1 // the second "0a" indented
			}
			k.fd.Add(t, replayRaw(t, k.h, c, enc))
		}
		reg := &revokedReg{}
		ctx, l := k.newLedger(dsn, reg)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, map[string]int{ledger.RejectTicketConflict: 6}, rejectedCodes(t, ctx, l), "C kept, H and its replays rejected")
		before, err := l.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)

		reg.n.Store(1) // a deep reorg took C's router's grant
		reg.revoked = true
		reg.calls = 0
		require.NoError(t, l.Assemble(ctx), "rejected %v", rejectedCodes(t, ctx, l))
		require.Equal(t, 2, reg.calls, "C verified again, then H once")
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, credit(t, 100, uint64(k.p)).Dec(), e.Total.Dec(), "H, at its price")
		require.Equal(t, k.freshRoot(t), e.Root, "the root of a keeper that never saw C's router's grant")

		after, err := l.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		left := map[int64]bool{}
		for _, r := range after {
			left[r.ID] = true
		}
		var revived []string
		for _, r := range before {
			if !left[r.ID] {
				revived = append(revived, r.Feed+" "+r.Cursor+" "+string(r.Record[:2]))
			}
		}
		require.Equal(t, []string{k.fd.Server.URL + ` 0a {"`}, revived, "the compact replay at cursor 0a revived, nothing else")
	})
}

// lostCopies is a ledger on the database at dsn over registry reg with n sessions read: each an honest copy
// H_i (at price 1e12) that lost to a copy C_i of the second router at half the price, by two feeds.
func lostCopies(t *testing.T, dsn string, reg ledger.Registry, n uint64) (context.Context, *ledger.Ledger, []wire.SessionRecord) {
	t.Helper()
	now := uint64(time.Now().Unix())
	fc, fh := testenv.NewFeed(t), testenv.NewFeed(t)
	var hs []wire.SessionRecord
	for i := range n {
		h := honestCopy(t, 1+i, now-130-i)
		fc.Add(t, reticketed(t, h, uint256.NewInt(1e12/2)))
		fh.Add(t, h)
		hs = append(hs, h)
	}
	ctx, st := openStore(t, dsn)
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{fc.Server.URL, fh.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		reg, nil, nil)
	require.NoError(t, err)
	require.NoError(t, l.Started(ctx))
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, map[string]int{ledger.RejectTicketConflict: int(n)}, rejectedCodes(t, ctx, l), "C_i kept, H_i rejected")
	return ctx, l, hs
}

// TestReviveBoundsTheReadsOfANodeDown (from a review): with the node down, a revive pass tried every queued
// session, one failed read each, every poll (a rollback may queue thousands). It stops at ReviveErrors;
// the rest stay queued, untried, no epoch assembled; once the node answers, every session is revived.
func TestReviveBoundsTheReadsOfANodeDown(t *testing.T) {
	const p = 1e12
	const n = ledger.ReviveErrors + 2
	reg := &countReg{}
	ctx, l, _ := lostCopies(t, dbtest.SQLite(t), reg, n)

	reg.n.Store(1) // a deep reorg took the second router's grant
	reg.revoked.Store(true)
	reg.down.Store(true)
	require.ErrorContains(t, l.Assemble(ctx), "rpc down")
	require.Equal(t, int64(ledger.ReviveErrors), reg.failed.Load(), "the node asked ReviveErrors times, not once a session")
	_, err := l.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "no epoch while sessions are queued")

	reg.down.Store(false)
	require.NoError(t, l.Assemble(ctx))
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, int64(n), e.Sessions)
	require.Equal(t, new(uint256.Int).Mul(credit(t, 100, p), uint256.NewInt(n)).Dec(), e.Total.Dec(), "every session, through H_i")
}

// TestReviveHoldsOnlyTheSessionItCouldNotVerify (from a review: one transient error held every session): two
// sessions, each with a copy C_i of a second router (half the price) kept over the honest copy H_i. A deep
// reorg takes the second router's grant: the recheck rejects both C_i and queues both sessions. Reading H_2's
// router role fails once (a transient error): the first assembly revives H_1 (its rejected row gone) and
// fails with that error, H_2 still rejected and its session queued, no epoch assembled; the next revives H_2
// and the epoch credits both sessions through H_i. Before, the error wrote nothing: H_1 waited for H_2. On
// SQLite and PostgreSQL.
func TestReviveHoldsOnlyTheSessionItCouldNotVerify(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		reg := &countReg{}
		ctx, l, hs := lostCopies(t, dsn, reg, 2)
		reg.failAt = settle.Start(hs[1].CreatedAt, hs[1].RFC.Deadline)

		reg.n.Store(1) // a deep reorg took the second router's grant
		reg.revoked.Store(true)
		reg.fails.Store(1)
		require.ErrorContains(t, l.Assemble(ctx), "rpc down")
		_, err := l.LiveEpoch(ctx, 0)
		require.ErrorIs(t, err, store.ErrNotFound, "no epoch while a session is queued")
		rej, err := l.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		var lost []string
		for _, r := range rej {
			if r.Code == ledger.RejectTicketConflict {
				lost = append(lost, r.SessionID)
			}
		}
		require.Equal(t, []string{hs[1].SessionID.Hex()}, lost, "H_1 revived, H_2 still rejected")
		require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1, ledger.RejectNotRouter + "_on_recheck": 2}, rejectedCodes(t, ctx, l))

		require.NoError(t, l.Assemble(ctx), "H_2 revived, the epoch assembled")
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, new(uint256.Int).Mul(credit(t, 100, p), uint256.NewInt(2)).Dec(), e.Total.Dec(), "both sessions, through H_i")
		require.Equal(t, int64(2), e.Sessions)
		require.Equal(t, map[string]int{ledger.RejectNotRouter + "_on_recheck": 2}, rejectedCodes(t, ctx, l))
	})
}
