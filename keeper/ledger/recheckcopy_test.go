package ledger_test

import (
	"context"
	"errors"
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
	"github.com/laketravis/laketravis/protocol/wire"
)

// hookReg is the two-router registry counting deep reorgs, running hook on its second Model call (inside
// the recheck's verification).
type hookReg struct {
	twoRouters
	n     *atomic.Uint64
	calls int
	hook  func()
}

func (r *hookReg) Model(ctx context.Context, id common.Hash, at uint64) (common.Address, uint16, bool, error) {
	r.calls++
	if r.calls == 2 && r.hook != nil {
		h := r.hook
		r.hook = nil
		h()
	}
	return r.twoRouters.Model(ctx, id, at)
}
func (r *hookReg) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *hookReg) ReorgsSeen() uint64                     { return r.n.Load() }

// TestRecheckLeavesACopyStoredMeanwhile: a deep reorg flags the pending copy A of a session; while the
// recheck verifies it (outside any transaction) the ingest stores the cheaper copy B of the same session in
// its place. The recheck's result for A is not written over B: the epoch credits B's price, as any keeper
// keeps it. Before, ClearRecheck keyed by the session id wrote A's price and seconds onto B's row.
func TestRecheckLeavesACopyStoredMeanwhile(t *testing.T) {
	const p = 1e12
	now := uint64(time.Now().Unix())
	b := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600,
		Price: 10 * p, Created: now - 130, Closed: now - 5})
	b.Ticket.PricePerSecond = *uint256.NewInt(p)
	sig, err := domain.Sign(&b.Ticket, devnet.DevKey(testenv.RouterKey))
	require.NoError(t, err)
	b.TicketSignature = sig
	a := reticketed(t, b, uint256.NewInt(10*p)) // costlier copy, read first
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dbtest.SQLite(t))
	require.NoError(t, err)
	defer st.Close()
	var n atomic.Uint64
	reg := &hookReg{n: &n}
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{fa.Server.URL, fb.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		reg, nil, nil)
	require.NoError(t, err)
	require.NoError(t, l.Started(ctx)) // the start's flagging done: only the reorg flags the sessions
	fa.Add(t, a)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	n.Store(1)          // a deep reorg (nothing these sessions rest on changed)
	reg.hook = func() { // the ingest goroutine stores the cheaper copy while the recheck verifies
		fb.Add(t, b)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
	}
	require.NoError(t, l.Assemble(ctx))
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	sb, _, err := wire.Credit(100, uint256.NewInt(p), 0)
	require.NoError(t, err)
	require.Equal(t, sb.Dec(), e.Total.Dec(), "the cheaper copy kept (as any keeper keeps it): rejected %v", rejectedCodes(t, ctx, l))
}

// revokedReg is the two-router registry counting deep reorgs, where the second router (reticketed's key)
// holds no role once revoked is set (a deep reorg took its grant). Its IsRouter runs hook on call number
// hookAt (then forgets it) and answers fail, a transient error, while it is set.
type revokedReg struct {
	twoRouters
	n       atomic.Uint64
	revoked bool
	fail    error
	calls   int
	hookAt  int
	hook    func()
}

func (r *revokedReg) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	r.calls++
	if r.hook != nil && r.calls == r.hookAt {
		h := r.hook
		r.hook = nil
		h()
	}
	if r.fail != nil {
		return false, r.fail
	}
	if r.revoked && a == crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey) {
		return false, nil
	}
	return r.twoRouters.IsRouter(ctx, a, at)
}
func (r *revokedReg) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *revokedReg) ReorgsSeen() uint64                     { return r.n.Load() }

// lostCopyCase is a session whose kept copy C (a second router's, half the price) beat the honest copy H
// (the first router's ticket at p a second, 100 s): C fails its recheck once revokedReg's revoked is set.
// withOther adds an unrelated honest session of the same user to H's feed.
type lostCopyCase struct {
	p          float64
	h, c       wire.SessionRecord
	fc, fh, fd *testenv.Feed
	newLedger  func(dsn string, reg *revokedReg) (context.Context, *ledger.Ledger)
	withOther  bool
	other      wire.SessionRecord
	extraFeeds []string
}

// honestCopy is session nonce as its router closed it: the RFC allows 10 p a second, the router's ticket
// charges p (1e12 wei), the receipt 100 s of 600; created at created, closed 5 s ago.
func honestCopy(t *testing.T, nonce, created uint64) wire.SessionRecord {
	const p = 1e12
	h := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600,
		Price: 10 * p, Created: created, Closed: uint64(time.Now().Unix()) - 5})
	h.Ticket.PricePerSecond = *uint256.NewInt(p)
	resignTicket(&h)
	return h
}

func newLostCopyCase(t *testing.T, withOther bool) *lostCopyCase {
	const p = 1e12
	now := uint64(time.Now().Unix())
	k := &lostCopyCase{p: p}
	k.h = honestCopy(t, 1, now-130)
	k.c = reticketed(t, k.h, uint256.NewInt(p/2))
	k.fc, k.fh, k.fd = testenv.NewFeed(t), testenv.NewFeed(t), testenv.NewFeed(t)
	k.fc.Add(t, k.c)
	k.fh.Add(t, k.h)
	if withOther {
		other := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600,
			Price: p, Created: now - 130, Closed: now - 5})
		k.fh.Add(t, other)
	}
	k.newLedger = func(dsn string, reg *revokedReg) (context.Context, *ledger.Ledger) {
		ctx, st := openStore(t, dsn)
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{k.fc.Server.URL, k.fh.Server.URL, k.fd.Server.URL}, BatchDir: t.TempDir(),
			Now: later, EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps},
			nil, domain, reg, nil, nil)
		require.NoError(t, err)
		require.NoError(t, l.Started(ctx)) // the start's flagging done: only the reorg flags the sessions
		return ctx, l
	}
	return k
}

// freshRoot is the root of epoch 0 of a keeper that reads k's feeds only after the reorg (C's router holds no
// role), on a SQLite database of its own.
func (k *lostCopyCase) freshRoot(t *testing.T) common.Hash {
	fctx, f := k.newLedger(dbtest.SQLite(t), &revokedReg{revoked: true})
	_, err := f.IngestOnce(fctx)
	require.NoError(t, err)
	require.NoError(t, f.Assemble(fctx))
	fe, err := f.LiveEpoch(fctx, 0)
	require.NoError(t, err)
	return fe.Root
}

// TestRecheckStoresTheBestCopyThatLost: the kept copy C of a session (a second router's, half the price)
// fails its recheck after a deep reorg (the router's grant is gone): it is rejected and the session queued,
// and the copies that lost to it are verified again. A transient error while verifying them writes nothing
// more: H, the copy C beat, stays rejected, the session stays queued and no epoch is assembled. A copy D of
// the first router's ticket that the ingest reads while the next pass verifies H is stored pending (the
// session has no pending copy), never an error: the pass ranks H against it and keeps the better. D at 3/4
// of H's price is kept (H stays rejected); D at twice H's price loses to H, which becomes the pending copy
// (its row gone) while D moves to the rejected table. Either way the epoch credits the copy a keeper
// reading the same feeds only after the reorg credits, with its root. On SQLite and PostgreSQL.
func TestRecheckStoresTheBestCopyThatLost(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		for _, tc := range []struct {
			name   string
			dPrice uint64
			dWins  bool
		}{{"D cheaper", 3e12 / 4, true}, {"D dearer", 2e12, false}} {
			t.Run(tc.name, func(t *testing.T) {
				k := newLostCopyCase(t, false)
				p := uint64(k.p)
				d := k.h
				d.Ticket.PricePerSecond = *uint256.NewInt(tc.dPrice)
				resignTicket(&d)
				reg := &revokedReg{}
				dsn := dsn
				if tc.dWins { // one case on the database run, the other on a SQLite of its own
					dsn = dbtest.SQLite(t)
				}
				ctx, l := k.newLedger(dsn, reg)
				_, err := l.IngestOnce(ctx)
				require.NoError(t, err)
				require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1}, rejectedCodes(t, ctx, l), "C kept, H rejected")

				reg.n.Store(1) // a deep reorg took C's router's grant
				reg.revoked = true
				reg.calls, reg.hookAt = 0, 2 // the first call verifies C again, the second H
				reg.hook = func() { reg.fail = errors.New("rpc down") }
				require.ErrorContains(t, l.Assemble(ctx), "rpc down")
				_, err = l.LiveEpoch(ctx, 0)
				require.ErrorIs(t, err, store.ErrNotFound)
				require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1, ledger.RejectNotRouter + "_on_recheck": 1},
					rejectedCodes(t, ctx, l), "C rejected, H still rejected")

				reg.fail = nil
				reg.calls, reg.hookAt = 0, 1 // C is gone: the first call verifies H
				reg.hook = func() {          // the ingest goroutine reads D while the recheck verifies H
					k.fd.Add(t, d)
					_, err := l.IngestOnce(ctx)
					require.NoError(t, err)
				}
				require.NoError(t, l.Assemble(ctx), "a copy read meanwhile is ranked, never an error")
				require.Nil(t, reg.hook, "D was read during the pass")
				e, err := l.LiveEpoch(ctx, 0)
				require.NoError(t, err)
				want, codes := credit(t, 100, p), map[string]int{ledger.RejectTicketConflict: 1, ledger.RejectNotRouter + "_on_recheck": 1}
				if tc.dWins {
					want = credit(t, 100, tc.dPrice) // H stays rejected
				} // else D is rejected, H's row gone
				require.Equal(t, want.Dec(), e.Total.Dec(), "the best copy that verifies")
				require.Equal(t, codes, rejectedCodes(t, ctx, l))
				require.Equal(t, k.freshRoot(t), e.Root, "the root of a keeper that never saw C's router's grant")
			})
		}
	})
}

// TestReviveQueueSurvivesACrash: the recheck rejects the kept copy C and queues its session in one
// transaction, then fails verifying the copies that lost to C (a transient error, as a crash between the
// two passes): no epoch. A new Ledger on the same database (a restarted keeper) revives the queued session
// on its first assembly and, once it has read its feeds, credits H, the copy C beat. Before the queue was persisted, H stayed rejected
// and the session was credited by no copy. On SQLite and PostgreSQL.
func TestReviveQueueSurvivesACrash(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		k := newLostCopyCase(t, false)
		reg := &revokedReg{}
		ctx, l := k.newLedger(dsn, reg)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		reg.n.Store(1)
		reg.revoked = true
		reg.calls, reg.hookAt = 0, 2
		reg.hook = func() { reg.fail = errors.New("rpc down") }
		require.ErrorContains(t, l.Assemble(ctx), "rpc down")
		require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1, ledger.RejectNotRouter + "_on_recheck": 1},
			rejectedCodes(t, ctx, l), "C rejected, H not yet revived")

		ctx2, l2 := k.newLedger(dsn, &revokedReg{revoked: true}) // the keeper started again
		assembleAfterStart(t, ctx2, l2)
		e, err := l2.LiveEpoch(ctx2, 0)
		require.NoError(t, err, "the queued session revived (rejected %v)", rejectedCodes(t, ctx2, l2))
		require.Equal(t, credit(t, 100, uint64(k.p)).Dec(), e.Total.Dec(), "H, at its price")
		require.Equal(t, map[string]int{ledger.RejectNotRouter + "_on_recheck": 1}, rejectedCodes(t, ctx2, l2))
	})
}
