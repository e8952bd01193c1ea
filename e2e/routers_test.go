package e2e

import (
	"database/sql"
	"errors"
	"math/big"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	_ "github.com/jackc/pgx/v5/stdlib" // driver "pgx": the routers' event table is read directly
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/book"
)

type routerHealth struct {
	Block    uint64         `json:"block,string"`
	Router   common.Address `json:"router"`
	Indexing bool           `json:"indexing"`
}

// TestRouterReplicasFailover: two router replicas (one key) on one PostgreSQL database both serve RFCs
// while exactly one indexes the chain. Under load, the indexing one is SIGKILLed; the other indexes within
// seconds (a bid posted after the kill reaches its book), the event table holds every log of the chain
// exactly once, and the reservations granted by both replicas together never exceed the user's allowance.
func TestRouterReplicasFailover(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	dsn := dbtest.Postgres(t)
	// One user loads both replicas from loopback at full speed: the per-user and per-IP limits are not
	// what this test is about (the flood tests cover them).
	s := start(t, ctx, Options{RouterDatabase: dsn, RouterReplicas: 2, NoKeeper: true,
		RouterArgs: []string{"--rate-user", "0", "--rate-ip", "0"}})
	require.Len(t, s.Routers, 2)

	// Exactly one replica indexes.
	var leader, follower *Router
	require.NoError(t, poll(ctx, 30*time.Second, 50*time.Millisecond, func() (bool, error) {
		var idx []*Router
		for _, r := range s.Routers {
			var h routerHealth
			if err := getJSON(ctx, r.URL+"/healthz", &h); err != nil {
				return false, err
			}
			if h.Indexing {
				idx = append(idx, r)
			}
		}
		if len(idx) > 1 {
			return false, errors.New("two replicas index at once")
		}
		if len(idx) == 1 {
			leader = idx[0]
		}
		return len(idx) == 1, nil
	}))
	follower = s.Routers[0]
	if follower == leader {
		follower = s.Routers[1]
	}

	// The load: RFCs from the user at both replicas in turn, each reserving price × maxSeconds, sized so
	// that about 30 sessions exhaust the day's allowance.
	var al struct {
		Allowance string `json:"allowance"`
	}
	require.NoError(t, getJSON(ctx, follower.URL+"/v1/allowance/"+s.User.Address.Hex(), &al))
	allowance := bigOf(al.Allowance)
	require.Positive(t, allowance.Sign())
	price := s.Opts.Prices[0]
	maxSeconds := new(big.Int).Div(allowance, new(big.Int).Mul(price, big.NewInt(30)))
	require.True(t, maxSeconds.IsUint64() && maxSeconds.Uint64() > 0 && maxSeconds.Uint64() < 1<<32, "maxSeconds %s", maxSeconds)
	// The cap leaves room for the bid the test raises after the kill (price + 12,345 wei/s): the load runs
	// on across that change and must still match the provider.
	maxPrice, _ := uint256.FromBig(new(big.Int).Add(price, big.NewInt(1_000_000)))
	params := client.RFCParams{Model: s.Opts.Model, MaxPricePerSecond: maxPrice, MaxSeconds: uint32(maxSeconds.Uint64())}

	var (
		mu        sync.Mutex
		granted   = new(big.Int) // Σ price × maxSeconds of every grant
		grants    int
		exhausted atomic.Bool
		killed    atomic.Bool
		afterKill atomic.Int32
		seen      = map[common.Hash]bool{}
	)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	loadErr := make(chan error, 16)
	for w := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				r := s.Routers[(w+i)%2]
				if killed.Load() && r == leader {
					continue
				}
				c := &client.Client{Router: client.NewRouterClient(r.URL, nil), Domain: s.Domain, Key: s.User.Key}
				rfc, err := client.NewRFC(c.User(), params, time.Now())
				if err == nil {
					var signed eip712.SignedRFC
					signed, err = client.SignRFC(s.Domain, rfc, s.User.Key)
					if err == nil {
						var g *wire.RFCResponse
						g, err = c.Router.PostRFC(ctx, signed)
						if errors.Is(err, client.ErrUnreachable) && r == leader && killed.Load() {
							// In flight at the kill: the replica may have committed the session without
							// answering. A client retries the same signed RFC elsewhere; the shared store
							// gives it the same session (a retry is idempotent across replicas), so the
							// reservation is counted once whichever way it went.
							g, err = client.NewRouterClient(follower.URL, nil).PostRFC(ctx, signed)
						}
						if err == nil {
							mu.Lock()
							if seen[g.SessionID] {
								mu.Unlock()
								loadErr <- errors.New("one session granted twice")
								return
							}
							seen[g.SessionID] = true
							cost := new(big.Int).Mul(g.Ticket.PricePerSecond.ToBig(), big.NewInt(int64(g.Ticket.MaxSeconds)))
							granted.Add(granted, cost)
							grants++
							mu.Unlock()
							if killed.Load() && r == follower {
								afterKill.Add(1)
							}
							continue
						}
					}
				}
				var we *wire.Error
				switch {
				case errors.As(err, &we) && we.Code == wire.CodeAllowanceExhausted:
					exhausted.Store(true)
					return
				case errors.Is(err, client.ErrUnreachable) && r == leader:
					// the killed replica (a request in flight at the kill)
				default:
					loadErr <- err
					return
				}
			}
		}()
	}
	waitGrants := func(n int) {
		require.NoError(t, poll(ctx, time.Minute, 20*time.Millisecond, func() (bool, error) {
			mu.Lock()
			defer mu.Unlock()
			select {
			case err := <-loadErr:
				return false, err
			default:
			}
			return grants >= n || exhausted.Load(), nil
		}))
	}
	waitGrants(8)
	require.False(t, exhausted.Load(), "the allowance lasted until the kill")

	// SIGKILL the indexing replica under load.
	killed.Store(true)
	leader.Proc.Kill()
	killedAt := time.Now()

	// The survivor takes the indexer over: its /healthz says so, and a bid posted now reaches its book.
	require.NoError(t, poll(ctx, 20*time.Second, 20*time.Millisecond, func() (bool, error) {
		var h routerHealth
		err := getJSON(ctx, follower.URL+"/healthz", &h)
		return err == nil && h.Indexing, nil
	}), "the surviving replica indexes")
	t.Logf("the surviving replica indexes %s after the SIGKILL", time.Since(killedAt).Round(time.Millisecond))
	newPrice := new(big.Int).Add(price, big.NewInt(12345))
	p := s.Providers[0]
	_, err := s.provider(ctx, p.Name, "bid", "set", "--model", s.Opts.Model, "--price", newPrice.String(),
		"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile)
	require.NoError(t, err)
	require.NoError(t, poll(ctx, 20*time.Second, 50*time.Millisecond, func() (bool, error) {
		var provs struct {
			Providers []struct {
				Address common.Address `json:"address"`
				Bids    []struct {
					Price string `json:"pricePerSecond"`
				} `json:"bids"`
			} `json:"providers"`
		}
		if err := getJSON(ctx, follower.URL+"/v1/providers", &provs); err != nil {
			return false, err
		}
		for _, pr := range provs.Providers {
			for _, b := range pr.Bids {
				if pr.Address == p.Owner.Address && b.Price == newPrice.String() {
					return true, nil
				}
			}
		}
		return false, nil
	}), "a bid posted after the kill reaches the survivor's book")

	waitGrants(1 << 30) // until the allowance is exhausted
	close(stop)
	wg.Wait()
	close(loadErr)
	for err := range loadErr {
		require.NoError(t, err)
	}
	require.Positive(t, afterKill.Load(), "the survivor granted sessions after the kill")

	// No reservation overspent: everything both replicas granted fits in the allowance, and the survivor's
	// account of the user's usage is exactly what was granted.
	require.LessOrEqual(t, granted.Cmp(allowance), 0, "granted %s of an allowance of %s", granted, allowance)
	var used struct {
		Used string `json:"used"`
	}
	require.NoError(t, getJSON(ctx, follower.URL+"/v1/allowance/"+s.User.Address.Hex(), &used))
	require.Equal(t, granted.String(), used.Used, "the shared usage row holds every reservation once")
	t.Logf("%d sessions granted by two replicas, %s of an allowance of %s reserved", grants, granted, allowance)

	// No event lost or stored twice: the event table is exactly the chain's logs up to the cursor.
	db, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	defer db.Close()
	var cursor int64
	require.NoError(t, db.QueryRowContext(ctx, `SELECT value FROM meta WHERE name = 'index_cursor'`).Scan(&cursor))
	rows, err := db.QueryContext(ctx, `SELECT block_number, log_index FROM events ORDER BY block_number, log_index`)
	require.NoError(t, err)
	var stored []string
	for rows.Next() {
		var b, i int64
		require.NoError(t, rows.Scan(&b, &i))
		stored = append(stored, big.NewInt(b).String()+"/"+big.NewInt(i).String())
	}
	require.NoError(t, rows.Err())
	topics, err := book.Topics()
	require.NoError(t, err)
	logs, err := s.Client.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(s.Deployment.StartBlock), ToBlock: big.NewInt(cursor),
		Addresses: []common.Address{s.Deployment.Contracts["Marketplace"], s.Deployment.Contracts["ModelRegistry"], s.Deployment.Contracts["ComputePool"]},
		Topics:    [][]common.Hash{topics}})
	require.NoError(t, err)
	var want []string
	for _, l := range logs {
		want = append(want, new(big.Int).SetUint64(l.BlockNumber).String()+"/"+big.NewInt(int64(l.Index)).String())
	}
	require.NotEmpty(t, want)
	require.Equal(t, want, stored, "the event table holds each log of the chain once")
}

// TestGatewayRouterFailover: the gateway is given three router URLs — the first has nothing behind it,
// the second and third are independent routers (a key and a database each). Chats succeed through the
// second; it is SIGKILLed mid-run and chats go on through the third. The provider reports each close to
// the router that issued the session's ticket.
func TestGatewayRouterFailover(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{MoreRouters: 1, DeadRouterFirst: true, MaxSeconds: 2, GatewayIdleTimeout: 2 * time.Second})
	require.Len(t, s.Routers, 2)
	second, third := s.Routers[0], s.Routers[1]
	require.NotEqual(t, second.Address, third.Address, "independent routers")

	a, err := s.Chat(ctx, "first", true)
	require.NoError(t, err, "the dead first URL is skipped")
	recA, err := s.RouterSessionAt(ctx, second.URL, a.Session)
	require.NoError(t, err, "the second router granted the session")
	require.Equal(t, a.Session, recA.SessionID)

	second.Proc.Kill()

	// Chats go on; once the gateway needs a new session (maxSeconds is 2 s), the third router grants it.
	var b *ChatResult
	for i := 0; b == nil || b.Session == a.Session; i++ {
		require.Less(t, i, 40, "the gateway never opened a new session")
		b, err = s.Chat(ctx, "more", i%2 == 0)
		require.NoError(t, err, "chat %d after the second router died", i)
	}
	recB, err := s.WaitClosedAt(ctx, third.URL, b.Session, time.Minute)
	require.NoError(t, err, "the third router granted the new session, and its close reached it")
	require.Equal(t, wire.CloseReceipt, recB.CloseReason, "closed with both signatures")
	require.NotNil(t, recB.ProviderSignature)
}
