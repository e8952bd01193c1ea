package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/store"
)

// backends returns a fresh database on each backend: SQLite in a temp dir, and PostgreSQL in a schema of
// its own inside LT_TEST_POSTGRES_DSN (so tests run in parallel). Without the DSN the PostgreSQL case fails.
type opener func(t *testing.T) (dsn string)

func backends() map[string]opener {
	return map[string]opener{
		"sqlite":   func(t *testing.T) string { return filepath.Join(t.TempDir(), "router.db") },
		"postgres": func(t *testing.T) string { return dbtest.Postgres(t) },
	}
}

func eachBackend(t *testing.T, f func(t *testing.T, db *store.DB, dsn string)) {
	for name, open := range backends() {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dsn := open(t)
			db, err := store.Open(context.Background(), dsn)
			require.NoError(t, err)
			t.Cleanup(func() { db.Close() })
			f(t, db, dsn)
		})
	}
}

var (
	alice = common.HexToAddress("0x00000000000000000000000000000000000a11ce")
	prov  = common.HexToAddress("0x000000000000000000000000000000000000b0b0")
)

func newSession(digest byte, price, maxSecs uint64) *store.Session {
	d := common.Hash{digest}
	id := eip712.SessionID(d, prov)
	p := uint256.NewInt(price)
	return &store.Session{
		ID: id, RFCDigest: d,
		Ticket: eip712.SessionTicket{SessionID: id, User: alice, Provider: prov, ModelID: common.Hash{0xee},
			PricePerSecond: *p, MaxSeconds: uint32(maxSecs), NotAfter: 1000},
		TicketSignature: eip712.Signature{1, 2, 3},
		Router:          common.HexToAddress("0x01"),
		Endpoint:        "http://p",
		Day:             7,
		Reserved:        new(uint256.Int).Mul(p, uint256.NewInt(maxSecs)),
		CreatedAt:       100,
		ExpiresAt:       1100,
	}
}

func TestCreateSessionNonceAllowanceIdempotency(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(1000)
		s1, created, err := db.CreateSession(ctx, store.NewSession{Session: newSession(1, 2, 100), Nonce: 1, Deadline: 500, Allowance: allow})
		require.NoError(t, err)
		require.True(t, created)
		require.Equal(t, store.StateOpen, s1.State)

		// Retried RFC (same digest): same session, nothing reserved twice.
		again, created, err := db.CreateSession(ctx, store.NewSession{Session: newSession(1, 2, 100), Nonce: 1, Deadline: 500, Allowance: allow})
		require.NoError(t, err)
		require.False(t, created)
		require.Equal(t, s1.ID, again.ID)
		used, err := db.Used(ctx, alice, 7)
		require.NoError(t, err)
		require.Equal(t, uint64(200), used.Uint64())

		// Another RFC with the same nonce: rejected, nothing changed.
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(2, 2, 100), Nonce: 1, Deadline: 500, Allowance: allow})
		require.ErrorIs(t, err, store.ErrNonceReused)

		// Allowance: 200 used of 1000, asking 900 fails and leaves no trace (nonce 2 stays usable).
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(3, 9, 100), Nonce: 2, Deadline: 500, Allowance: allow})
		require.ErrorIs(t, err, store.ErrAllowanceExhausted)
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(200), used.Uint64())
		ok, err := db.NonceUsed(ctx, alice, 2)
		require.NoError(t, err)
		require.False(t, ok, "a failed reservation must not consume the nonce")
		_, err = db.SessionByDigest(ctx, common.Hash{3})
		require.ErrorIs(t, err, store.ErrUnknownSession)

		// Exactly up to the allowance is fine; a uint64 nonce above int64 range is stored exactly.
		_, _, err = db.CreateSession(ctx, store.NewSession{Session: newSession(4, 8, 100), Nonce: ^uint64(0), Deadline: 500, Allowance: allow})
		require.NoError(t, err)
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(1000), used.Uint64())
		ok, _ = db.NonceUsed(ctx, alice, ^uint64(0))
		require.True(t, ok)

		// Nonces are pruned once their deadline passed.
		n, err := db.PruneNonces(ctx, 501)
		require.NoError(t, err)
		require.EqualValues(t, 2, n)
	})
}

func TestCloseTrueUpAndFeed(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, dsn string) {
		ctx := context.Background()
		allow := uint256.NewInt(1_000_000)
		var ids []common.Hash
		for i := byte(1); i <= 4; i++ {
			s, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(i, 10, 100), Nonce: uint64(i), Deadline: 500, Allowance: allow})
			require.NoError(t, err)
			ids = append(ids, s.ID)
		}
		used, _ := db.Used(ctx, alice, 7)
		require.Equal(t, uint64(4000), used.Uint64())

		us, ps, acc := eip712.Signature{9}, eip712.Signature{8}, eip712.Signature{7}
		rc := &eip712.UsageReceipt{SessionID: ids[0], Seconds: 42, InputTokens: 5, OutputTokens: 7, TTFTMs: 300}
		s, err := db.CloseSession(ctx, store.Close{ID: ids[0], Reason: wire.CloseReceipt, Receipt: rc, UserSignature: &us,
			ProviderSignature: &ps, TicketAcceptance: &acc, BilledSeconds: 42, ClosedAt: 200})
		require.NoError(t, err)
		require.Equal(t, acc, *s.TicketAcceptance)
		require.Equal(t, store.StateClosed, s.State)
		require.Equal(t, uint64(1), s.FeedSeq)
		require.Equal(t, *rc, *s.Receipt)
		require.Equal(t, us, *s.UserSignature)
		used, _ = db.Used(ctx, alice, 7)
		require.Equal(t, uint64(3000+420), used.Uint64(), "reservation trued up to billed amount")

		_, err = db.CloseSession(ctx, store.Close{ID: ids[0], Reason: wire.CloseExpired, ClosedAt: 300})
		require.ErrorIs(t, err, store.ErrSessionClosed)
		_, err = db.CloseSession(ctx, store.Close{ID: common.Hash{0x77}, Reason: wire.CloseExpired})
		require.ErrorIs(t, err, store.ErrUnknownSession)

		// Held session: out of the feed until cleared, then it gets the next sequence.
		_, err = db.CloseSession(ctx, store.Close{ID: ids[1], Reason: wire.CloseOneSided, Receipt: rc, UserSignature: &us,
			BilledSeconds: 10, ClosedAt: 210, Flags: []string{"one_sided", "tps_outlier"}, Held: true})
		require.NoError(t, err)
		_, err = db.Clear(ctx, ids[0])
		require.ErrorIs(t, err, store.ErrNotHeld)

		// Expiry.
		due, err := db.DueForExpiry(ctx, 1101, 10)
		require.NoError(t, err)
		require.ElementsMatch(t, []common.Hash{ids[2], ids[3]}, due)
		_, err = db.CloseSession(ctx, store.Close{ID: ids[2], Reason: wire.CloseExpired, ClosedAt: 1101})
		require.NoError(t, err)

		page, err := db.Feed(ctx, 0, 10)
		require.NoError(t, err)
		require.Len(t, page, 2)
		require.Equal(t, ids[0], page[0].ID)
		require.Equal(t, ids[2], page[1].ID)
		require.Equal(t, uint64(2), page[1].FeedSeq)

		held, err := db.HeldSessions(ctx, 10)
		require.NoError(t, err)
		require.Len(t, held, 1)
		require.Equal(t, []string{"one_sided", "tps_outlier"}, held[0].Flags)
		c, err := db.Clear(ctx, ids[1])
		require.NoError(t, err)
		require.Equal(t, uint64(3), c.FeedSeq)

		// Stable across a restart: reopen and read the same feed.
		db.Close()
		db2, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer db2.Close()
		page, err = db2.Feed(ctx, 1, 10)
		require.NoError(t, err)
		require.Len(t, page, 2)
		require.Equal(t, []common.Hash{ids[2], ids[1]}, []common.Hash{page[0].ID, page[1].ID})
		page, err = db2.Feed(ctx, 0, 1)
		require.NoError(t, err)
		require.Equal(t, acc, *page[0].TicketAcceptance, "the provider's ticket acceptance is in the feed")
		require.Nil(t, page[0].LastRequest)
		s2, err := db2.Session(ctx, ids[2])
		require.NoError(t, err)
		require.Nil(t, s2.TicketAcceptance, "an expired session carries no acceptance")
		page, err = db2.Feed(ctx, 3, 10)
		require.NoError(t, err)
		require.Empty(t, page)
		used, _ = db2.Used(ctx, alice, 7)
		require.Equal(t, uint64(420+100+0+1000), used.Uint64())
		open, err := db2.OpenByProvider(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, open[prov])
	})
}

// Concurrent reservations never overspend and concurrent closes give distinct, gap-free sequences.
func TestConcurrentReservationsAndFeed(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(10 * 100 * 10) // exactly 10 sessions of 100 s at 10 wei/s
		var wg sync.WaitGroup
		var mu sync.Mutex
		var ok []common.Hash
		exhausted := 0
		for i := 0; i < 20; i++ {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				s, _, err := db.CreateSession(ctx, store.NewSession{Session: newSession(byte(i+1), 10, 100), Nonce: uint64(i), Deadline: 500, Allowance: allow})
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					ok = append(ok, s.ID)
				case errors.Is(err, store.ErrAllowanceExhausted):
					exhausted++
				default:
					t.Errorf("create %d: %v", i, err)
				}
			}(i)
		}
		wg.Wait()
		require.Len(t, ok, 10)
		require.Equal(t, 10, exhausted)
		for _, id := range ok {
			wg.Add(1)
			go func(id common.Hash) {
				defer wg.Done()
				_, err := db.CloseSession(ctx, store.Close{ID: id, Reason: wire.CloseExpired, ClosedAt: 1})
				if err != nil {
					t.Errorf("close: %v", err)
				}
			}(id)
		}
		wg.Wait()
		page, err := db.Feed(ctx, 0, 100)
		require.NoError(t, err)
		require.Len(t, page, 10)
		for i, s := range page {
			require.Equal(t, uint64(i+1), s.FeedSeq)
		}
	})
}

func TestIndexerCursorAndRollback(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, dsn string) {
		ctx := context.Background()
		c, err := db.Cursor(ctx)
		require.NoError(t, err)
		require.False(t, c.Set)
		mk := func(block uint64, idx uint) types.Log {
			return types.Log{BlockNumber: block, Index: idx, BlockHash: common.Hash{byte(block)}, TxHash: common.Hash{0xaa},
				Address: prov, Topics: []common.Hash{{1}, {2}}, Data: []byte{byte(idx), 0xff}}
		}
		lease, err := db.Lead(ctx)
		require.NoError(t, err)
		require.NoError(t, lease.AppendRange(ctx, []types.Log{mk(3, 0), mk(3, 1), mk(5, 0)}, 5, common.Hash{5}, 3))
		require.NoError(t, lease.AppendRange(ctx, []types.Log{mk(5, 0) /* duplicate: ignored */, mk(8, 2)}, 9, common.Hash{9}, 3))
		require.NoError(t, lease.AppendRange(ctx, nil, 12, common.Hash{12}, 3))
		require.NoError(t, lease.AppendRange(ctx, []types.Log{mk(13, 0)}, 14, common.Hash{14}, 3))
		blocks, err := db.IndexedBlocks(ctx)
		require.NoError(t, err)
		require.Equal(t, []store.IndexedBlock{{14, common.Hash{14}}, {12, common.Hash{12}}, {9, common.Hash{9}}}, blocks)

		lease.Release()
		db.Close()
		db, err = store.Open(ctx, dsn)
		require.NoError(t, err)
		defer db.Close()
		c, gen, err := db.IndexState(ctx)
		require.NoError(t, err)
		require.Equal(t, store.Cursor{Block: 14, Hash: common.Hash{14}, Set: true}, c)

		lease, err = db.Lead(ctx)
		require.NoError(t, err)
		defer lease.Release()
		require.NoError(t, lease.Rollback(ctx, 9, common.Hash{9}, true))
		_, gen2, err := db.IndexState(ctx)
		require.NoError(t, err)
		require.Equal(t, gen+1, gen2, "a rollback starts a new generation of the stored events")
		var between []types.Log
		require.NoError(t, db.EventsBetween(ctx, 5, 8, func(l *types.Log) error { between = append(between, *l); return nil }))
		require.Equal(t, fmt.Sprint([]types.Log{mk(5, 0), mk(8, 2)}), fmt.Sprint(between))
		var got []types.Log
		require.NoError(t, db.Events(ctx, func(l *types.Log) error { got = append(got, *l); return nil }))
		require.Equal(t, fmt.Sprint([]types.Log{mk(3, 0), mk(3, 1), mk(5, 0), mk(8, 2)}), fmt.Sprint(got))
		c, _ = db.Cursor(ctx)
		require.Equal(t, uint64(9), c.Block)
		require.NoError(t, lease.Rollback(ctx, 0, common.Hash{}, false))
		c, _ = db.Cursor(ctx)
		require.False(t, c.Set)
	})
}

// One replica indexes at a time: on PostgreSQL a second replica cannot take the lease while the first
// holds it, and takes it once it is released; on either backend a lease whose term was replaced can no
// longer write (fencing), so a replica that lost its lease never writes beside the new indexer.
func TestIndexLeaseIsExclusiveAndFenced(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, dsn string) {
		ctx := context.Background()
		first, err := db.Lead(ctx)
		require.NoError(t, err)
		defer first.Release()
		require.NoError(t, first.AppendRange(ctx, nil, 3, common.Hash{3}, 10))
		if db.Dialect() == store.Postgres {
			other, err := store.Open(ctx, dsn) // another replica: its own pool
			require.NoError(t, err)
			defer other.Close()
			_, err = other.Lead(ctx)
			require.ErrorIs(t, err, store.ErrNotLeader)
			first.Release()
			select {
			case <-first.Lost():
			default:
				t.Fatal("a released lease reports itself lost")
			}
			second, err := other.Lead(ctx)
			require.NoError(t, err)
			defer second.Release()
			require.Greater(t, second.Term(), first.Term())
			require.NoError(t, second.AppendRange(ctx, nil, 5, common.Hash{5}, 10))
		} else {
			second, err := db.Lead(ctx) // SQLite: one replica, always leads; the newer term wins
			require.NoError(t, err)
			defer second.Release()
			require.NoError(t, second.AppendRange(ctx, nil, 5, common.Hash{5}, 10))
		}
		require.ErrorIs(t, first.AppendRange(ctx, nil, 9, common.Hash{9}, 10), store.ErrNotLeader)
		require.ErrorIs(t, first.Rollback(ctx, 0, common.Hash{}, false), store.ErrNotLeader)
		c, err := db.Cursor(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(5), c.Block, "the replaced lease wrote nothing")
	})
}

// Simultaneous retries of one RFC (same digest, same nonce) all get the one session; it is created and
// reserved once. Another RFC racing them with the same nonce gets ErrNonceReused or, if it wins, the nonce.
func TestConcurrentRetriesGetOneSession(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(1_000_000)
		for round := range 20 {
			nonce := uint64(100 + round)
			var wg sync.WaitGroup
			var mu sync.Mutex
			ids := map[common.Hash]int{}
			created, reused := 0, 0
			for i := range 9 {
				wg.Go(func() {
					digest := byte(round*2 + 1)
					if i == 8 {
						digest++ // another RFC, same nonce
					}
					s, c, err := db.CreateSession(ctx, store.NewSession{Session: newSession(digest, 1, 10), Nonce: nonce, Deadline: 500, Allowance: allow})
					mu.Lock()
					defer mu.Unlock()
					switch {
					case errors.Is(err, store.ErrNonceReused):
						reused++
					case err != nil:
						t.Errorf("round %d: %v", round, err)
					default:
						ids[s.ID]++
						if c {
							created++
						}
					}
				})
			}
			wg.Wait()
			require.Equal(t, 1, created, "round %d", round)
			require.Len(t, ids, 1, "round %d: one session for every caller", round)
			for _, k := range ids {
				require.Equal(t, 9-reused, k, "round %d", round)
			}
			require.LessOrEqual(t, reused, 8, "round %d", round)
			if reused == 0 { // the other RFC won the nonce: the retries were all refused
				t.Fatalf("round %d: no caller refused", round)
			}
		}
		used, err := db.Used(ctx, alice, 7)
		require.NoError(t, err)
		require.Equal(t, uint64(20*10), used.Uint64(), "one reservation per round")
	})
}

// TestWriterStatsCountTheGroupCommits: SQLite's group-commit writer counts the CreateSessions it commits,
// its groups and its busy time (the figures make bench and /metrics report); PostgreSQL, without such a
// stage, counts and registers nothing.
func TestWriterStatsCountTheGroupCommits(t *testing.T) {
	eachBackend(t, func(t *testing.T, db *store.DB, _ string) {
		ctx := context.Background()
		allow := uint256.NewInt(1_000_000)
		for i := range 3 {
			_, created, err := db.CreateSession(ctx, store.NewSession{Session: newSession(byte(i+1), 2, 100), Nonce: uint64(i + 1), Deadline: 500, Allowance: allow})
			require.NoError(t, err)
			require.True(t, created)
		}
		set := vm.NewSet()
		db.RegisterMetrics(set)
		var out bytes.Buffer
		set.WritePrometheus(&out)
		st := db.WriterStats()
		if db.Dialect() == store.Postgres {
			require.Zero(t, st)
			require.Empty(t, out.String())
			return
		}
		require.EqualValues(t, 3, st.Requests)
		require.EqualValues(t, 3, st.Groups, "each call waited for its commit: one group each")
		require.Positive(t, st.Busy)
		require.Contains(t, out.String(), "laketravis_router_sqlite_group_sessions_total 3\n")
		require.Contains(t, out.String(), "laketravis_router_sqlite_groups_total 3\n")
		require.Contains(t, out.String(), "laketravis_router_sqlite_writer_busy_seconds_total ")
	})
}
