package store

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// probe is one RFC the intake looks up.
type probe struct {
	user     common.Address
	nonce    uint64
	digest   common.Hash
	deadline uint64
}

// requireSeenAsDatabase checks that RFCSeen answers each probe at now exactly as the database's own read
// does (session, used nonce, allowance used), and returns how many of them memory answered.
func requireSeenAsDatabase(t *testing.T, db *DB, now uint64, probes []probe) (fromMemory int) {
	t.Helper()
	ctx := context.Background()
	for _, p := range probes {
		got, err := db.RFCSeen(ctx, p.digest, p.user, p.nonce, p.deadline, 7, now)
		require.NoError(t, err)
		want, err := db.seenFromDB(ctx, p.digest, p.user, p.nonce, 7)
		require.NoError(t, err)
		what := fmt.Sprintf("user %s nonce %d digest %x… at %d", p.user, p.nonce, p.digest[:9], now)
		require.Equal(t, want.NonceUsed, got.NonceUsed, what)
		require.Equal(t, want.Used.Dec(), got.Used.Dec(), what)
		require.Equal(t, want.Session != nil, got.Session != nil, what)
		if want.Session != nil {
			require.Equal(t, want.Session.ID, got.Session.ID, what)
		}
		if _, ok, err := db.seenFromMemory(ctx, p.digest, p.user, p.nonce, p.deadline, 7, now); err == nil && ok {
			fromMemory++
		}
	}
	return fromMemory
}

// TestRFCSeenFromMemory: the intake's look-up answers as the database does through every change the
// database sees — sessions opened (and a retry), closed, nonces pruned, a restart, the nonce mirror
// dropped for size — on SQLite from memory wherever memory can tell, on PostgreSQL always from the
// database. A replayed RFC gets its session after a restart; a nonce used before a restart or before the
// mirror was dropped is still refused (read from the database then).
func TestRFCSeenFromMemory(t *testing.T) {
	for _, be := range dbtest.Backends {
		t.Run(be.Name, func(t *testing.T) {
			ctx := context.Background()
			dsn := be.DSN(t)
			if be.Name == "sqlite" {
				dsn = filepath.Join(t.TempDir(), "router.db")
			}
			db, err := Open(ctx, dsn)
			require.NoError(t, err)
			defer func() { db.Close() }()
			sqlite := db.Dialect() == SQLite
			require.Equal(t, sqlite, db.nonces != nil, "a nonce mirror on SQLite only")

			alice, bob := common.HexToAddress("0xa11ce"), common.HexToAddress("0xb0b")
			allow := uint256.NewInt(1e6)
			create := func(user common.Address, digest byte, nonce, deadline uint64) *Session {
				t.Helper()
				sess, created, err := db.CreateSession(ctx, NewSession{Session: groupSession(user, digest, 2, 100), Nonce: nonce, Deadline: deadline, Allowance: allow})
				require.NoError(t, err)
				require.True(t, created)
				return sess
			}
			a1 := create(alice, 0xa1, 1, 500)
			create(alice, 0xa2, 2, 500)
			create(bob, 0xb1, 1, 900)
			// Alike in its first 8 bytes to a1's digest, as a digest prefix the mirror keeps.
			alike := a1.RFCDigest
			alike[31] ^= 1
			probes := []probe{
				{alice, 1, a1.RFCDigest, 500},   // a replay: its session
				{alice, 1, common.Hash{9}, 500}, // another RFC with a used nonce
				{alice, 1, alike, 500},          // the same, whose digest starts alike
				{alice, 3, common.Hash{8}, 500}, // a fresh nonce
				{bob, 1, common.Hash{0xb1}, 900},
				{bob, 2, common.Hash{7}, 900},
				{common.HexToAddress("0xca201"), 1, common.Hash{6}, 500}, // a user with no usage row
			}
			memoryWhenSQLite := func(n int) int {
				if sqlite {
					return n
				}
				return 0
			}
			require.Equal(t, memoryWhenSQLite(len(probes)), requireSeenAsDatabase(t, db, 100, probes))

			// A close trues the reservation up: the allowance used follows.
			_, err = db.CloseSession(ctx, Close{ID: a1.ID, Reason: "receipt", BilledSeconds: 3, ClosedAt: 200})
			require.NoError(t, err)
			require.Equal(t, memoryWhenSQLite(len(probes)), requireSeenAsDatabase(t, db, 200, probes))

			// Alice's nonces pass their deadline and are pruned: her expired RFC still gets its session (from
			// the database), a new RFC may take the nonce again; bob's nonce is kept.
			_, err = db.PruneNonces(ctx, 501)
			require.NoError(t, err)
			after := []probe{
				{alice, 1, a1.RFCDigest, 500},
				{alice, 1, common.Hash{9}, 800},
				{alice, 2, common.Hash{5}, 800},
				{bob, 1, common.Hash{0xb1}, 900},
				{bob, 1, common.Hash{4}, 900},
			}
			require.Equal(t, memoryWhenSQLite(len(after)-1), requireSeenAsDatabase(t, db, 502, after))

			// A restart: nonces used before it are known to be used, and read from the database; ones used
			// after it are answered from memory.
			require.NoError(t, db.Close())
			db, err = Open(ctx, dsn)
			require.NoError(t, err)
			create(alice, 0xa3, 3, 900)
			restarted := append(after, probe{alice, 3, common.Hash{0xa3}, 900}, probe{alice, 3, common.Hash{3}, 900}, probe{alice, 4, common.Hash{2}, 900})
			require.Equal(t, memoryWhenSQLite(len(restarted)-3), requireSeenAsDatabase(t, db, 502, restarted))
			seen, err := db.RFCSeen(ctx, common.Hash{4}, bob, 1, 900, 7, 502)
			require.NoError(t, err)
			require.True(t, seen.NonceUsed, "a nonce used before the restart is refused after it")
			seen, err = db.RFCSeen(ctx, common.Hash{0xb1}, bob, 1, 900, 7, 502)
			require.NoError(t, err)
			require.NotNil(t, seen.Session, "an RFC answered before the restart is answered with its session after it")
			if !sqlite {
				return
			}

			// The mirror dropped (too many nonces): every look-up reads the database until a prune has removed
			// every nonce recorded before the drop; a nonce used after the drop is refused throughout.
			// (Alice's nonce 3 and bob's nonce 1, deadline 900, are the latest rows when it is dropped.)
			db.nonces.mu.Lock()
			db.nonces.dropLocked()
			db.nonces.mu.Unlock()
			create(alice, 0xa4, 4, 5000)
			dropped := append(restarted, probe{alice, 4, common.Hash{0xa4}, 5000}, probe{alice, 4, common.Hash{1}, 5000})
			require.Zero(t, requireSeenAsDatabase(t, db, 600, dropped))
			_, err = db.PruneNonces(ctx, 900)
			require.NoError(t, err)
			late := []probe{{alice, 4, common.Hash{0xa4}, 5000}, {alice, 4, common.Hash{1}, 5000}, {alice, 3, common.Hash{1}, 5000}, {bob, 1, common.Hash{1}, 5000}}
			require.Zero(t, requireSeenAsDatabase(t, db, 900, late), "still incomplete: the rows of deadline 900 are still there")
			_, err = db.PruneNonces(ctx, 901)
			require.NoError(t, err)
			require.Equal(t, len(late), requireSeenAsDatabase(t, db, 901, late))
			seen, err = db.RFCSeen(ctx, common.Hash{1}, alice, 4, 5000, 7, 901)
			require.NoError(t, err)
			require.True(t, seen.NonceUsed, "a nonce used after the mirror was dropped is refused")
		})
	}
}

// TestRFCSeenReplicas: two routers on one PostgreSQL database each see the nonces and the usage the other
// commits (no memory answers there).
func TestRFCSeenReplicas(t *testing.T) {
	ctx := context.Background()
	dsn := dbtest.Postgres(t)
	a, err := Open(ctx, dsn)
	require.NoError(t, err)
	defer a.Close()
	b, err := Open(ctx, dsn)
	require.NoError(t, err)
	defer b.Close()
	alice := common.HexToAddress("0xa11ce")
	allow := uint256.NewInt(1e6)
	for i, db := range []*DB{a, b} {
		// Each replica reads the user's usage and nonce first, as the intake does, then the other commits.
		other := []*DB{b, a}[i]
		seen, err := db.RFCSeen(ctx, common.Hash{byte(0x10 + i)}, alice, uint64(i+1), 500, 7, 100)
		require.NoError(t, err)
		require.False(t, seen.NonceUsed)
		_, created, err := other.CreateSession(ctx, NewSession{Session: groupSession(alice, byte(0x10+i), 2, 100), Nonce: uint64(i + 1), Deadline: 500, Allowance: allow})
		require.NoError(t, err)
		require.True(t, created)
		seen, err = db.RFCSeen(ctx, common.Hash{0x77}, alice, uint64(i+1), 500, 7, 100)
		require.NoError(t, err)
		require.True(t, seen.NonceUsed, "the nonce the other replica used")
		require.Equal(t, uint64(200*(i+1)), seen.Used.Uint64(), "the usage the other replica reserved")
		seen, err = db.RFCSeen(ctx, common.Hash{byte(0x10 + i)}, alice, uint64(i+1), 500, 7, 100)
		require.NoError(t, err)
		require.NotNil(t, seen.Session, "the other replica's session for a replay")
	}
}

// TestRFCSeenUsageUnderLoad: concurrent opens and closes for one user, with the intake looking up
// meanwhile: afterwards memory holds the allowance used the database holds.
func TestRFCSeenUsageUnderLoad(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	alice := common.HexToAddress("0xa11ce")
	allow := uint256.NewInt(1e9)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 25 {
				n := uint64(w*100 + i + 1)
				var d common.Hash
				d[0], d[1], d[2] = 0xcc, byte(w), byte(i)
				sess := groupSession(alice, 0, 3, 10)
				sess.RFCDigest = d
				sess.ID = eip712.SessionID(d, sess.Ticket.Provider)
				sess.Ticket.SessionID = sess.ID
				created, _, err := db.CreateSession(ctx, NewSession{Session: sess, Nonce: n, Deadline: 500, Allowance: allow})
				if err != nil {
					t.Error(err)
					return
				}
				if _, err := db.RFCSeen(ctx, common.Hash{0xdd}, alice, n+1000, 500, 7, 100); err != nil {
					t.Error(err)
					return
				}
				if i%2 == 0 {
					if _, err := db.CloseSession(ctx, Close{ID: created.ID, Reason: "receipt", BilledSeconds: 1, ClosedAt: 200}); err != nil {
						t.Error(err)
						return
					}
				}
			}
		})
	}
	wg.Wait()
	seen, ok, err := db.seenFromMemory(ctx, common.Hash{0xdd}, alice, 1, 500, 7, 100)
	require.NoError(t, err)
	require.True(t, ok)
	used, err := db.Used(ctx, alice, 7)
	require.NoError(t, err)
	require.Equal(t, used.Dec(), seen.Used.Dec())
	require.Equal(t, uint64(8*(13*3+12*30)), used.Uint64())
}

// TestUsageCacheFillAfterWrite: a value read from the database before a commit the cache took is not put
// back over it.
func TestUsageCacheFillAfterWrite(t *testing.T) {
	c := usageCache{m: map[usageKey]*uint256.Int{}}
	k := usageKey{"0xa11ce", 7}
	_, gen, hit := c.get(k)
	require.False(t, hit)
	c.set([]usageKey{k}, map[usageKey]*uint256.Int{k: uint256.NewInt(5)})
	c.fill(k, uint256.NewInt(0), gen) // read before the commit: stale
	v, _, hit := c.get(k)
	require.True(t, hit)
	require.Equal(t, uint64(5), v.Uint64())
}
