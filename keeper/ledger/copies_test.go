package ledger_test

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// reticketed returns a copy of honest signed by devnet key 2 (a second ROUTER_ROLE key) with price, or as
// expired (nothing billed, no receipt) when price is nil.
func reticketed(t *testing.T, honest wire.SessionRecord, price *uint256.Int) wire.SessionRecord {
	routerB := devnet.DevKey(2)
	c := honest
	if price == nil {
		c = wire.SessionRecord{SessionID: honest.SessionID, RFC: honest.RFC, RFCSignature: honest.RFCSignature,
			Ticket: honest.Ticket, CreatedAt: honest.CreatedAt, ClosedAt: honest.ClosedAt, CloseReason: wire.CloseExpired}
	} else {
		c.Ticket.PricePerSecond = *price
	}
	c.Router = crypto.PubkeyToAddress(routerB.PublicKey)
	sig, err := domain.Sign(&c.Ticket, routerB)
	require.NoError(t, err)
	c.TicketSignature = sig
	return c
}

// twoRoutersLedger is a ledger reading feeds in that order, with two ROUTER_ROLE keys, a large allowance and
// the pool state ps.
func twoRoutersLedger(t *testing.T, st *store.Store, ps *ledger.PoolState, now func() time.Time, epoch time.Duration,
	feeds ...string) *ledger.Ledger {
	l, err := ledger.New(ledger.Config{Feeds: feeds, BatchDir: t.TempDir(), Now: now, EpochLength: epoch,
		Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: ps}, nil, domain, twoRouters{}, nil, nil)
	require.NoError(t, err)
	return l
}

// firstEpoch reads every feed, assembles and returns epoch 0.
func firstEpoch(t *testing.T, ctx context.Context, l *ledger.Ledger) *ledger.EpochRow {
	t.Helper()
	_, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err, "no epoch")
	return e
}

// rejectedCodes counts the keeper's rejections by code.
func rejectedCodes(t *testing.T, ctx context.Context, l *ledger.Ledger) map[string]int {
	rej, err := l.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	codes := map[string]int{}
	for _, r := range rej {
		codes[r.Code]++
	}
	return codes
}

// TestSessionCopiesEitherOrder: two sessions, each with a hostile copy from a second ROUTER_ROLE key in
// another feed (one re-ticketed at the RFC's ceiling with the copied receipt, one with the same ticket re-signed
// and published as expired). Two keepers read the same feeds in opposite orders: both keep the honest copies,
// credit the same total, commit the same root, and reject the hostile copies (ticket_conflict for the other
// ticket, duplicate for the same one). On SQLite and PostgreSQL.
func TestSessionCopiesEitherOrder(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		now := uint64(time.Now().Unix())
		a := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600,
			Price: 10 * p, Created: now - 130, Closed: now - 5})
		a.Ticket.PricePerSecond = *uint256.NewInt(p)
		sig, err := domain.Sign(&a.Ticket, devnet.DevKey(testenv.RouterKey))
		require.NoError(t, err)
		a.TicketSignature = sig
		b := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 50, MaxSeconds: 600,
			Price: p, Created: now - 120, Closed: now - 4})

		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		fa.Add(t, a, b)
		fb.Add(t, reticketed(t, a, uint256.NewInt(10*p)), reticketed(t, b, nil))
		second := dbtest.SQLite(t)
		if strings.HasPrefix(dsn, "postgres") {
			second = dbtest.Postgres(t)
		}
		var roots []*ledger.EpochRow
		for i, feeds := range [][]string{{fb.Server.URL, fa.Server.URL}, {fa.Server.URL, fb.Server.URL}} {
			ctx, st := openStore(t, []string{dsn, second}[i])
			var ps ledger.PoolState
			l := twoRoutersLedger(t, st, &ps, later, 24*time.Hour, feeds...)
			roots = append(roots, firstEpoch(t, ctx, l))
			// The ceiling copy's ticket differs; the expired copy carries the honest ticket, re-signed.
			require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1, ledger.RejectDuplicate: 1}, rejectedCodes(t, ctx, l), "keeper %d", i)
		}
		sa, _, err := wire.Credit(100, uint256.NewInt(p), 0)
		require.NoError(t, err)
		sb, _, err := wire.Credit(50, uint256.NewInt(p), 0)
		require.NoError(t, err)
		require.Equal(t, new(uint256.Int).Add(sa, sb).Dec(), roots[0].Total.Dec())
		require.Equal(t, roots[0].Root, roots[1].Root, "two keepers, the same feeds in another order: another root")
		require.Equal(t, roots[0].Total.Dec(), roots[1].Total.Dec())
	})
}

// TestEarlyExpiredCopyIsHeld: a hostile router publishes a running session as expired, dated at its start,
// while another session carries an epoch over that time. The expired copy is held (it bills nothing) until
// the session's honest close is due, so the honest close, read later, is credited in full and the expired
// copy is rejected (duplicate: it carries the same ticket, re-signed). Without the hold the expired copy would
// be listed as nothing_billed in the first epoch, never owning the session id
// (TestExpiredCopyDoesNotVoidLateCloseAnvil). On SQLite and PostgreSQL.
func TestEarlyExpiredCopyIsHeld(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		t0 := time.Now()
		var clock atomic.Int64
		clock.Store(t0.Add(10 * time.Minute).Unix())
		now := uint64(t0.Unix())
		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		var ps ledger.PoolState
		l := twoRoutersLedger(t, st, &ps, func() time.Time { return time.Unix(clock.Load(), 0) }, time.Minute,
			fb.Server.URL, fa.Server.URL)

		other := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 20, MaxSeconds: 600,
			Price: 1e12, Created: now - 130, Closed: now - 100})
		running := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 500, MaxSeconds: 600,
			Price: 1e12, Created: now - 130, Closed: now + 400})
		early := reticketed(t, running, nil)
		early.ClosedAt = early.CreatedAt // "expired" at its start, while the session runs
		fa.Add(t, other)
		fb.Add(t, early)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)

		ps.NextEpoch, ps.TotalCommitted = 1, e0.Total // epoch 0 committed
		fa.Add(t, running)                            // the honest close, published when the session ends
		clock.Store(t0.Add(20 * time.Minute).Unix())
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e1, err := l.LiveEpoch(ctx, 1)
		require.NoError(t, err, "no second epoch: the honest close was credited nothing")
		served, _, err := wire.Credit(500, uint256.NewInt(1e12), 0)
		require.NoError(t, err)
		require.Equal(t, new(uint256.Int).Add(&e0.Total, served).Dec(), e1.Total.Dec())
		require.Equal(t, map[string]int{ledger.RejectDuplicate: 1}, rejectedCodes(t, ctx, l))
	})
}

// TestLateCloseAfterExpiredCopySameRoot: TestExpiredCopyDoesNotVoidLateCloseAnvil read by two keepers, one
// reading the hostile feed first and one last, on SQLite and PostgreSQL: epoch 0 (another session and the
// expired copy, listed as nothing_billed) and epoch 1 (the honest close read late, a cheaper re-ticket of it
// rejected) have the same roots at both, and epoch 1 credits the honest close once.
func TestLateCloseAfterExpiredCopySameRoot(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		now := uint64(time.Now().Unix())
		honest := accepted(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100,
			MaxSeconds: 600, Price: p, Created: now - 130, Closed: now - 5}))
		hold := honest.RFC.Deadline + uint64(honest.RFC.MaxSeconds) + 2*3600
		other := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 50, MaxSeconds: 600,
			Price: p, Created: hold - 130, Closed: hold})
		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		fa.Add(t, other)
		fb.Add(t, reticketed(t, honest, nil))
		at := func() time.Time { return time.Unix(int64(hold)+2*3600, 0) }
		type reader struct {
			ctx context.Context
			l   *ledger.Ledger
			ps  *ledger.PoolState
		}
		var ks []reader
		for i, feeds := range [][]string{{fb.Server.URL, fa.Server.URL}, {fa.Server.URL, fb.Server.URL}} {
			ctx, st := openStore(t, []string{dsn, freshDSN(t, dsn)}[i])
			ps := &ledger.PoolState{}
			ks = append(ks, reader{ctx: ctx, l: twoRoutersLedger(t, st, ps, at, time.Hour, feeds...), ps: ps})
		}
		epoch := func(k reader, n uint64) *ledger.EpochRow {
			_, err := k.l.IngestOnce(k.ctx)
			require.NoError(t, err)
			require.NoError(t, k.l.Assemble(k.ctx))
			e, err := k.l.LiveEpoch(k.ctx, n)
			require.NoError(t, err, "no epoch %d", n)
			k.ps.NextEpoch, k.ps.TotalCommitted = n+1, e.Total // committed
			return e
		}
		var e0, e1 []*ledger.EpochRow
		for _, k := range ks {
			e0 = append(e0, epoch(k, 0))
		}
		fa.Add(t, honest)                                     // the honest close, read late
		fb.Add(t, reticketed(t, honest, uint256.NewInt(p/2))) // and a cheaper re-ticket carrying its acceptance
		for _, k := range ks {
			e1 = append(e1, epoch(k, 1))
			require.Equal(t, map[string]int{ledger.RejectNothingBilled: 1, ledger.RejectBadAcceptance: 1}, rejectedCodes(t, k.ctx, k.l))
		}
		require.Equal(t, e0[0].Root, e0[1].Root, "epoch 0: two keepers, another root")
		require.Equal(t, e1[0].Root, e1[1].Root, "epoch 1: two keepers, another root")
		served, _, err := wire.Credit(100, uint256.NewInt(p), 0)
		require.NoError(t, err)
		require.Equal(t, new(uint256.Int).Add(&e0[0].Total, served).Dec(), e1[0].Total.Dec(), "the late close, once")
	})
}

// TestRouterExpiryThenItsCloseCreditedOnce (router/store Session.TakesClose): a router expires a session at
// notAfter + grace, publishing it as expired, and later takes the provider's close that a router outage
// delayed (by settle.LastClose), publishing it in the same feed after the expired copy. The keeper credits
// that close once, in full, and lists the expired copy as the copy that lost (ticket_not_accepted: an expiry
// carries no acceptance of the provider).
// On SQLite and PostgreSQL.
func TestRouterExpiryThenItsCloseCreditedOnce(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		now := uint64(time.Now().Unix())
		var clock atomic.Int64
		clock.Store(int64(now) + 600)
		feed := testenv.NewFeed(t)
		var ps ledger.PoolState
		l := twoRoutersLedger(t, st, &ps, func() time.Time { return time.Unix(clock.Load(), 0) }, time.Minute, feed.Server.URL)
		spec := testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: now - 2000}
		spec.Closed = spec.Created + 600 + 60 + 600 // notAfter (created + maxSeconds + 60) + 600: before LastClose
		closed := accepted(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, spec))
		expired := wire.SessionRecord{SessionID: closed.SessionID, RFC: closed.RFC, RFCSignature: closed.RFCSignature, Ticket: closed.Ticket,
			TicketSignature: closed.TicketSignature, Router: closed.Router, CreatedAt: closed.CreatedAt,
			ClosedAt: closed.Ticket.NotAfter + 60, CloseReason: wire.CloseExpired}
		feed.Add(t, expired)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		feed.Add(t, closed)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err, "no epoch: the close after the expiry was credited nothing")
		served, _, err := wire.Credit(100, uint256.NewInt(1e12), 0)
		require.NoError(t, err)
		require.Equal(t, served.Dec(), e0.Total.Dec(), "the close, once")
		require.Equal(t, map[string]int{ledger.RejectTicketNotAccepted: 1}, rejectedCodes(t, ctx, l))
	})
}
