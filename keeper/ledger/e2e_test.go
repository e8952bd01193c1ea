package ledger_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestSettleClaimVetoAnvil runs the whole pipeline in-process against anvil: two routers' feeds with good
// and bad records, an epoch committed and made claimable, a claim with the published proof paying the
// provider seconds×price minus the fee and the builder the fee, the batch file's root rebuilt by
// @openzeppelin/merkle-tree equal to the committed root, then a guardian veto of the next epoch after the
// second router lost its role: its session, issued while it held the role, is still credited (revocation
// stops new tickets, it voids no served session), and the epoch is recommitted under the same number once
// a late session changes its root. Runs on SQLite and PostgreSQL.
func TestSettleClaimVetoAnvil(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		env := testenv.New(t, ctx, testenv.Options{BlockTime: time.Second})

		// A second router (account 6), granted ROUTER_ROLE now and revoked before the veto.
		market := env.Marketplace
		role, err := market.ROUTERROLE(&bind.CallOpts{Context: ctx})
		require.NoError(t, err)
		router2 := devnet.DevKey(6)
		granted := sendTx(t, ctx, env, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return market.GrantRole(o, role, crypto.PubkeyToAddress(router2.PublicKey))
		})
		grantedAt := blockTimeOf(t, ctx, env, granted)

		const price = 1_000_000_000_000 // 1e12 wei per second
		feedA, feedB := testenv.NewFeed(t), testenv.NewFeed(t)
		var good []wire.SessionRecord
		for i := range 4 {
			good = append(good, env.Record(t, uint64(i), uint32(100+i), 600, price))
		}
		forged := env.Record(t, 100, 50, 600, price)
		badSig, _ := env.Domain.Sign(forged.Receipt, mustKey(t)) // "provider" signature by a stranger
		forged.ProviderSignature = &badSig
		over := env.Record(t, 101, 900, 600, price)
		over.BilledSeconds = 900 // longer than the ticket allows
		// One close time for all of them, after signing (the close time is in no signature): records signed
		// across a second boundary would land in two 2 s windows, and epoch 0 would hold only some of them.
		closed := uint64(time.Now().Unix())
		for i := range good {
			good[i].ClosedAt = closed
		}
		over.ClosedAt = closed
		forged.ClosedAt = closed - 2 // before the head: its unknown key is refused at once, not after a retry
		feedA.Add(t, good[0], good[1], good[2], forged, over, json.RawMessage(`{"sessionId": 7}`))
		feedB.Add(t, good[3], good[0]) // good[0] billed a second time through another router's feed

		client, err := chain.Dial(ctx, []string{env.Anvil.URL}, chain.Options{CallTimeout: 5 * time.Second})
		require.NoError(t, err)
		defer client.Close()
		st, err := store.Open(ctx, dsn)
		require.NoError(t, err)
		defer st.Close()
		log := zaptest.NewLogger(t)
		keeperFrom, keeperSign := keys.TxSigner(devnet.DevKey(testenv.KeeperKey), big.NewInt(31337))
		mgr, err := txmgr.New(txmgr.Config{ChainID: big.NewInt(31337), From: keeperFrom, Sign: keeperSign, Confirmations: 2,
			FeeCeiling: big.NewInt(100e9), PollInterval: 100 * time.Millisecond, Log: log}, client, st)
		require.NoError(t, err)
		pool, err := ledger.NewChainPool(env.PoolAddr, client)
		require.NoError(t, err)
		modelsAddr, _ := env.Deployment.Address("ModelRegistry")
		signers, err := ledger.NewSignerHistory(env.MarketAddr, client, ledger.SignerConfig{Start: env.Deployment.StartBlock})
		require.NoError(t, err)
		reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, modelsAddr, client, signers)
		require.NoError(t, err)
		metricSet := metrics.NewSet()
		batchDir := t.TempDir()
		var srv *httptest.Server
		// Both feeds are polled every 100 ms; the 2 s epoch leaves room for both to be read before epoch 0
		// closes even on a loaded machine (with 200 ms, feed B was sometimes read only after it closed).
		led, err := ledger.New(ledger.Config{Feeds: []string{feedA.Server.URL, feedB.Server.URL}, EpochLength: 2 * time.Second,
			BatchDir: batchDir, PublicURL: "http://keeper.test", PollInterval: 100 * time.Millisecond},
			st, pool, mgr, env.Domain, reg, log, metricSet)
		require.NoError(t, err)
		srv = httptest.NewServer(api.New(led, metricset.Handler(metricSet, false), log).Handler())
		defer srv.Close()

		// The test drives the ledger itself (what Run does: ingest, then step) under a lock, so that records
		// it adds to both feeds are ingested together and always land in the same epoch.
		var drive sync.Mutex
		// A record read before the chain is final past its close waits (ErrSignersNotFinal: the page is read
		// again, never rejected); blocks come every second, so the next one settles it.
		ingestAll := func() {
			for {
				_, err := led.IngestOnce(ctx)
				if err == nil {
					return
				}
				require.ErrorIs(t, err, ledger.ErrSignersNotFinal)
				waitNextBlock(t, ctx, env)
			}
		}
		ingestAll()
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan struct{})
		go func() {
			defer close(done)
			for runCtx.Err() == nil {
				drive.Lock()
				_, _ = led.IngestOnce(runCtx)
				_ = led.Step(runCtx)
				drive.Unlock()
				select {
				case <-runCtx.Done():
				case <-time.After(100 * time.Millisecond):
				}
			}
		}()
		defer func() { stop(); <-done }()

		// Epoch 0: the three good records of feed A and good[3] from feed B.
		e0 := waitState(t, ctx, led, 0, ledger.StateConfirmed)
		require.Equal(t, int64(4), e0.Sessions)
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 61))
		e0 = waitState(t, ctx, led, 0, ledger.StateClaimable)

		// Rejections: forged receipt, over the ticket, malformed, and the duplicate — each reported.
		var rej struct {
			Rejected []ledger.Rejected `json:"rejected"`
		}
		getJSON(t, srv.URL+"/v1/rejected", &rej)
		codes := map[string]int{}
		for _, r := range rej.Rejected {
			codes[r.Code]++
		}
		require.Equal(t, map[string]int{ledger.RejectBadProviderSig: 1, ledger.RejectOverTicket: 1, ledger.RejectMalformed: 1, ledger.RejectDuplicate: 1}, codes)

		// Expected credits: seconds × price, 5% to the builder.
		var provWant, buildWant uint256.Int
		for _, r := range good {
			p, b, err := wire.Credit(r.BilledSeconds, uint256.NewInt(price), testenv.FeeBps)
			require.NoError(t, err)
			provWant.Add(&provWant, p)
			buildWant.Add(&buildWant, b)
		}

		// The batch file: its hash is on-chain, its leaves rebuild the committed root in @openzeppelin/merkle-tree.
		// The commit's uri is content-addressed (wire.BatchPath): its bytes are the batchHash's, cacheable for good.
		uris := committedURIs(t, ctx, env, 0)
		require.Equal(t, []string{"http://keeper.test" + wire.BatchPath(0, e0.BatchHash)}, uris)
		raw, immutable := getCommitted(t, srv.URL, uris[0])
		require.Equal(t, e0.BatchHash, crypto.Keccak256Hash(raw))
		require.Equal(t, "public, max-age=31536000, immutable", immutable)
		require.Equal(t, raw, getBytes(t, srv.URL+wire.EpochBatchPath(0)), "the epoch's latest file, the uri of older commits")
		head, err := http.Head(srv.URL + wire.EpochBatchPath(0))
		require.NoError(t, err)
		head.Body.Close()
		require.Equal(t, "no-store", head.Header.Get("Cache-Control"), "a recommitted epoch's new file is never served from a cache")
		var bf ledger.BatchFile
		require.NoError(t, json.Unmarshal(raw, &bf))
		require.Len(t, bf.Sessions, 4)
		onchain, err := env.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(0))
		require.NoError(t, err)
		require.Equal(t, common.Hash(onchain.Root), ozRoot(t, bf.Leaves))
		it, err := env.Pool.FilterRootCommitted(&bind.FilterOpts{Context: ctx}, nil, nil)
		require.NoError(t, err)
		require.True(t, it.Next())
		require.Equal(t, e0.BatchHash, common.Hash(it.Event.BatchHash))
		it.Close()

		// Gas: commitRoot costs the same whatever the number of sessions behind the root.
		rc, err := env.Client.TransactionReceipt(ctx, e0.TxHash)
		require.NoError(t, err)
		t.Logf("commitRoot gas %d: per settled session %.1f here (4), %.3f at 100,000, %.4f at 1,000,000",
			rc.GasUsed, float64(rc.GasUsed)/4, float64(rc.GasUsed)/1e5, float64(rc.GasUsed)/1e6)

		// Claims with the published proofs pay exactly the credits.
		for _, c := range []struct {
			account common.Address
			want    *uint256.Int
		}{{env.Provider, &provWant}, {env.Builder, &buildWant}} {
			var p wire.Proof
			getJSON(t, srv.URL+"/v1/proofs/"+c.account.Hex(), &p)
			require.Equal(t, c.want.Dec(), p.CumulativeAmount.Dec())
			before, err := env.Token.BalanceOf(&bind.CallOpts{Context: ctx}, c.account)
			require.NoError(t, err)
			proof := make([][32]byte, len(p.Proof))
			for i := range p.Proof {
				proof[i] = p.Proof[i]
			}
			env.Send(t, ctx, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
				return env.Pool.Claim(o, c.account, p.CumulativeAmount.ToBig(), proof)
			})
			after, err := env.Token.BalanceOf(&bind.CallOpts{Context: ctx}, c.account)
			require.NoError(t, err)
			require.Equal(t, c.want.Dec(), new(big.Int).Sub(after, before).String())
		}

		// Epoch 1: a session through router 2 and one through router 1. Before its window ends, router 2
		// loses its role and the guardian vetoes the epoch; the keeper rechecks: router 2 held the role when
		// its session started, so both stay credited and the same root would come again (held: a vetoed
		// root is never recommitted) until a late session of the window changes it.
		closed1 := max(uint64(time.Now().Unix()), grantedAt+41) // started after the grant, as router 2 could issue it
		r2 := env.RecordSpec(t, testenv.Spec{Nonce: 200, Seconds: 30, MaxSeconds: 600, Price: price, Created: closed1 - 40, Closed: closed1})
		sig, err := env.Domain.Sign(&r2.Ticket, router2)
		require.NoError(t, err)
		r2.TicketSignature, r2.Router = sig, crypto.PubkeyToAddress(router2.PublicKey)
		r1 := env.Record(t, 201, 40, 600, price)
		r1.ClosedAt = r2.ClosedAt // one window, however long the signing took
		drive.Lock()
		feedB.Add(t, r2)
		feedA.Add(t, r1)
		ingestAll()
		drive.Unlock()
		e1 := waitState(t, ctx, led, 1, ledger.StateConfirmed)
		require.Equal(t, int64(2), e1.Sessions)
		env.Send(t, ctx, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return market.RevokeRole(o, role, crypto.PubkeyToAddress(router2.PublicKey))
		})
		info1, err := env.Pool.EpochInfo(&bind.CallOpts{Context: ctx}, big.NewInt(1))
		require.NoError(t, err)
		env.Send(t, ctx, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
			return env.Pool.VetoRoot(o, big.NewInt(1), info1.Root, info1.ClaimableAt)
		})
		r3 := env.Record(t, 202, 20, 600, price)
		r3.ClosedAt = r2.ClosedAt
		drive.Lock()
		feedA.Add(t, r3)
		drive.Unlock()
		var e1b *ledger.EpochRow
		require.Eventually(t, func() bool {
			e, err := led.LiveEpoch(ctx, 1)
			if err == nil && e.Root != e1.Root && e.State == ledger.StateConfirmed {
				e1b = e
				return true
			}
			return false
		}, time.Minute, 100*time.Millisecond)
		require.Equal(t, int64(3), e1b.Sessions)
		// The vetoed commit and its replacement name different uris: a cache holding the vetoed file never
		// answers the recommit's uri with it. Each serves its batchHash's bytes for good: the replacement's,
		// and the vetoed one's, for anyone re-checking the veto.
		uris = committedURIs(t, ctx, env, 1)
		require.Equal(t, []string{"http://keeper.test" + wire.BatchPath(1, e1.BatchHash), "http://keeper.test" + wire.BatchPath(1, e1b.BatchHash)}, uris)
		for i, want := range []common.Hash{e1.BatchHash, e1b.BatchHash} {
			raw, cache := getCommitted(t, srv.URL, uris[i])
			require.Equal(t, want, crypto.Keccak256Hash(raw), uris[i])
			require.Equal(t, "public, max-age=31536000, immutable", cache, uris[i])
		}
		var wantTotal uint256.Int
		wantTotal.Add(&provWant, &buildWant)
		for _, r := range []wire.SessionRecord{r1, r2, r3} {
			p, b, _ := wire.Credit(r.BilledSeconds, uint256.NewInt(price), testenv.FeeBps)
			wantTotal.Add(&wantTotal, p)
			wantTotal.Add(&wantTotal, b)
		}
		require.Equal(t, wantTotal.Dec(), e1b.Total.Dec())
		total, err := env.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
		require.NoError(t, err)
		require.Equal(t, wantTotal.Dec(), total.String())
		getJSON(t, srv.URL+"/v1/rejected", &rej)
		require.Len(t, rej.Rejected, 4, "nothing rejected on recheck: %+v", rej.Rejected)

		scraped := promtest.Scrape(t, srv.URL+"/metrics")
		require.Equal(t, 1.0, scraped.Counter(t, "keeper_rejected_records_total", "reason", "duplicate"))
	})
}

func waitState(t *testing.T, ctx context.Context, l *ledger.Ledger, n uint64, state string) *ledger.EpochRow {
	t.Helper()
	var out *ledger.EpochRow
	require.Eventually(t, func() bool {
		e, err := l.LiveEpoch(ctx, n)
		if err == nil && e.State == state {
			out = e
			return true
		}
		return false
	}, 90*time.Second, 100*time.Millisecond, "epoch %d never reached %s", n, state)
	return out
}

// committedURIs returns the uris of epoch's RootCommitted events, in order.
func committedURIs(t *testing.T, ctx context.Context, env *testenv.Env, epoch uint64) []string {
	t.Helper()
	it, err := env.Pool.FilterRootCommitted(&bind.FilterOpts{Context: ctx}, []*big.Int{new(big.Int).SetUint64(epoch)}, nil)
	require.NoError(t, err)
	defer it.Close()
	var out []string
	for it.Next() {
		out = append(out, it.Event.Uri)
	}
	require.NoError(t, it.Error())
	return out
}

// getCommitted fetches a committed uri (under the test keeper's public URL) from the keeper at base: its
// bytes and Cache-Control.
func getCommitted(t *testing.T, base, uri string) ([]byte, string) {
	t.Helper()
	path, ok := strings.CutPrefix(uri, "http://keeper.test")
	require.True(t, ok, uri)
	resp, err := http.Get(base + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	return b, resp.Header.Get("Cache-Control")
}

func getBytes(t *testing.T, url string) []byte {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	return b
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(getBytes(t, url), v))
}

func mustKey(t *testing.T) *ecdsa.PrivateKey {
	k, err := crypto.GenerateKey()
	require.NoError(t, err)
	return k
}

// ozRoot rebuilds the root of leaves with @openzeppelin/merkle-tree (protocol/merkle/testdata/ozroot.mjs).
func ozRoot(t *testing.T, leaves []ledger.Leaf) common.Hash {
	t.Helper()
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	values := make([][2]string, len(leaves))
	for i, l := range leaves {
		values[i] = [2]string{l.Account.Hex(), l.Amount.Dec()}
	}
	in, err := json.Marshal(values)
	require.NoError(t, err)
	cmd := exec.Command("node", filepath.Join(root, "protocol", "merkle", "testdata", "ozroot.mjs"))
	cmd.Env = append(os.Environ(), "LAKETRAVIS_ROOT="+root)
	cmd.Stdin = bytes.NewReader(in)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	var res struct {
		Root common.Hash `json:"root"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &res))
	return res.Root
}
