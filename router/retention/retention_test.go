package retention_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/retention"
	"github.com/laketravis/laketravis/router/store"
)

// keeper serves GET /v1/feeds (the keeper's wire answer) with a settled cursor the test sets; down answers 503.
type keeper struct {
	mu    sync.Mutex
	feeds wire.KeeperFeeds
	down  bool
	srv   *httptest.Server
}

func newKeeper(t *testing.T) *keeper {
	k := &keeper{}
	k.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k.mu.Lock()
		defer k.mu.Unlock()
		if r.URL.Path != "/v1/feeds" || k.down {
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down"))
			return
		}
		wire.WriteJSON(w, http.StatusOK, k.feeds)
	}))
	t.Cleanup(k.srv.Close)
	return k
}

func (k *keeper) set(feed, settled string, down bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.feeds = wire.KeeperFeeds{Feeds: []wire.KeeperFeed{{URL: "http://other-router", Cursor: "99", Settled: "99"}, {URL: feed, Cursor: settled, Settled: settled}}}
	k.down = down
}

type day uint64

func (d day) Day(context.Context) (uint64, error) { return uint64(d), nil }

const feedURL = "http://router.example:8080"

// TestPruneOnlyWhatEveryKeeperSettled: sessions leave only up to the least settled cursor of all configured
// keepers and only once closed longer ago than the window; a keeper that is behind, down, or names another
// router's feed only holds pruning back. On SQLite and PostgreSQL.
func TestPruneOnlyWhatEveryKeeperSettled(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer db.Close()
		// Six sessions of day 3, closed at 1000+i: feed sequences 1…6.
		var ids []common.Hash
		for i := range 6 {
			d := common.Hash{byte(i + 1)}
			prov := common.HexToAddress("0xb0b0")
			id := eip712.SessionID(d, prov)
			s := &store.Session{ID: id, RFCDigest: d, Ticket: eip712.SessionTicket{SessionID: id, User: common.HexToAddress("0xa11ce"),
				Provider: prov, PricePerSecond: *uint256.NewInt(1), MaxSeconds: 10, NotAfter: 2000},
				Endpoint: "http://p", Day: 3, Reserved: uint256.NewInt(10), CreatedAt: 900, ExpiresAt: 2100}
			_, _, err := db.CreateSession(ctx, store.NewSession{Session: s, Nonce: uint64(i), Deadline: 1000, Allowance: uint256.NewInt(100)})
			require.NoError(t, err)
			_, err = db.CloseSession(ctx, store.Close{ID: id, Reason: wire.CloseExpired, ClosedAt: 1000 + uint64(i)})
			require.NoError(t, err)
			ids = append(ids, id)
		}
		k1, k2 := newKeeper(t), newKeeper(t)
		now := time.Unix(1000+61, 0)
		p, err := retention.New(retention.Config{Keepers: []string{k1.srv.URL, k2.srv.URL + "/"}, FeedURL: feedURL + "/", Window: time.Minute,
			Now: func() time.Time { return now }}, db, day(4), zap.NewNop())
		require.NoError(t, err)
		left := func() int64 {
			c, err := db.Count(ctx)
			require.NoError(t, err)
			return c.Sessions
		}
		once := func() store.Pruned {
			n, err := p.Once(ctx)
			require.NoError(t, err)
			return n
		}

		// k2 has not read this router's feed (it only lists another router's): nothing goes.
		k1.set(feedURL, "5", false)
		require.Zero(t, once())
		// k2 is behind (settled through 2): only 1 and 2 go, although k1 settled through 5 — and of them only
		// what closed a minute ago or more (1000 only, at now = 1061).
		k2.set(feedURL, "2", false)
		require.Equal(t, store.Pruned{Sessions: 1}, once())
		now = now.Add(time.Hour)
		require.Equal(t, store.Pruned{Sessions: 1}, once())
		require.Equal(t, int64(4), left())
		// k2 down: an error, nothing pruned.
		k2.set(feedURL, "6", true)
		_, err = p.Once(ctx)
		require.Error(t, err)
		require.Equal(t, int64(4), left())
		// A keeper claiming more than the feed ever handed out is capped by the feed head; k1 (5) rules.
		k2.set(feedURL, "1000", false)
		require.Equal(t, store.Pruned{Sessions: 3}, once())
		_, err = db.Session(ctx, ids[5])
		require.NoError(t, err, "feed entry 6 is not settled by k1")
		k1.set(feedURL, "6", false)
		require.Equal(t, store.Pruned{Sessions: 1, UsageRows: 1}, once(), "day 3 empty and over: its usage row folds")
		used, err := db.UsedOnDay(ctx, 3)
		require.NoError(t, err)
		require.True(t, used.IsZero(), "expired sessions bill nothing")
	})
}

// A keeper URL answering with a redirect is not followed (its target could be any address in the
// router's network, and its answer would rule what is pruned): the round fails, nothing reaches the target.
func TestKeeperRedirectNotFollowed(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, dbtest.SQLite(t))
	require.NoError(t, err)
	defer db.Close()
	var reached atomic.Int64
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		wire.WriteJSON(w, http.StatusOK, wire.KeeperFeeds{Feeds: []wire.KeeperFeed{{URL: feedURL, Cursor: "6", Settled: "6"}}})
	}))
	defer target.Close()
	redirector := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer redirector.Close()
	p, err := retention.New(retention.Config{Keepers: []string{redirector.URL}, FeedURL: feedURL, Window: time.Minute}, db, day(4), zap.NewNop())
	require.NoError(t, err)
	_, err = p.Once(ctx)
	require.ErrorContains(t, err, "redirected to "+target.URL+"/v1/feeds: not followed")
	require.Zero(t, reached.Load())
}
