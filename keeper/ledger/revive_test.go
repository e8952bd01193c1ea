package ledger_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/ledger"
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
