package main_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/e2e"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/faultproxy"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestSettleThroughRPCFaultsRouter is the keeper's RPC-fault test against the real system: e2e.Start runs
// anvil, the contracts, the router, a provider and the user's `lt gateway`, without a keeper; the stack's
// keeper binary then runs with every RPC going through loopback fault-injecting proxies in front of anvil
// that drop, delay past the keeper's --rpc-timeout, or error a third of the calls (deterministic seeds;
// the first eth_sendRawTransaction's answer is always lost after the node took the transaction, and the
// first receipt poll always times out). The proxies let the keeper's start-up calls through (the binary
// exits when one fails: a supervisor's business) and fault everything from its first healthy answer on.
// Sessions are made by chatting through the gateway, in waves over several epochs, and the keeper
// settles them and pays the batched claims. At the end the chain equals the ledger, every credit once:
// one RootCommitted per live epoch, in order, with the ledger's root, block and total; the pool's total
// is every billed credit; the keeper's nonce is its number of intents (no transaction twice); nothing
// rejected; provider and builder were paid exactly what they earned, once; keeper check-batch passes every
// epoch's batch file at the keeper's URL, each compared with the one before. One subtest has a single
// faulty URL (SQLite), the other fails over between two faulty URLs (PostgreSQL).
func TestSettleThroughRPCFaultsRouter(t *testing.T) {
	cases := []struct {
		name    string
		proxies int
		dsn     func(testing.TB) string
	}{
		{"one-faulty-url/sqlite", 1, dbtest.SQLite},
		{"two-faulty-urls/postgres", 2, dbtest.Postgres},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			settleThroughRPCFaults(t, c.proxies, c.dsn(t))
		})
	}
}

func settleThroughRPCFaults(t *testing.T, nProxies int, dsn string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, err := e2e.Start(ctx, e2e.Options{NoKeeper: true, DisputeWindow: 2, EpochLength: 500 * time.Millisecond,
		TokenDelay: time.Millisecond, GatewayIdleTimeout: 500 * time.Millisecond})
	require.NoError(t, err)
	var proxies []*faultproxy.Proxy
	t.Cleanup(func() {
		if t.Failed() {
			var b strings.Builder
			s.DumpLogs(&b, 80)
			t.Log(b.String())
			for _, p := range proxies {
				t.Logf("proxy %s: %s", p.URL, p)
			}
		}
		s.Close()
	})

	// A block every 300 ms instead of one per transaction (mined on anvil directly, not through the
	// proxies): the keeper's transactions stay pending a while, so its receipt polls meet the faults, and
	// its confirmations and the dispute window pass.
	mineEvery(t, ctx, s.Anvil.URL, 300*time.Millisecond, nil)

	args := []string{"--database", dsn, "--claims", "--confirmations", "2", "--epoch-length", "500ms",
		"--poll-interval", "200ms", "--resubmit-after", "3s", "--rpc-timeout", "500ms"}
	for i := range nProxies {
		p := faultproxy.New(t, s.Anvil.URL, faultproxy.Config{Seed: uint64(7 + i), MaxFaults: 400,
			Delay: time.Second, First: map[string]faultproxy.Kind{
				"eth_sendRawTransaction":    faultproxy.DropAfter,
				"eth_getTransactionReceipt": faultproxy.Delay,
			}})
		p.Pause()
		proxies = append(proxies, p)
		args = append(args, "--rpc", p.URL) // replaces the stack's anvil; repeated, a list in order
	}
	k, err := s.RunKeeper(nil, args...)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		if k.Exited() {
			return true
		}
		_, err := httpGet(s.KeeperURL + "/healthz")
		return err == nil
	}, 60*time.Second, 100*time.Millisecond, "the keeper never became healthy")
	if k.Exited() {
		t.Fatalf("the keeper exited at start-up: %v", k.ExitErr())
	}
	for _, p := range proxies {
		p.Resume()
	}

	// Sessions through the gateway, in waves: each wave settled (committed and confirmed) before the next.
	var records []*wire.SessionRecord
	for wave := range 3 {
		for range 3 {
			records = chatAndClose(t, ctx, s, records)
		}
		require.Eventually(t, func() bool {
			return settledEpochs(s.KeeperURL, len(records), []string{ledger.StateConfirmed, ledger.StateClaimable}, "")
		}, 90*time.Second, 100*time.Millisecond, "wave %d never settled", wave)
	}
	require.Eventually(t, func() bool {
		return settledEpochs(s.KeeperURL, len(records), []string{ledger.StateClaimable}, ledger.ClaimsDone)
	}, 60*time.Second, 100*time.Millisecond, "batched claims never done")
	epochs, err := keeperEpochs(s.KeeperURL)
	require.NoError(t, err)
	rejected, err := httpGet(s.KeeperURL + "/v1/rejected")
	require.NoError(t, err)
	var rej struct {
		Rejected []json.RawMessage `json:"rejected"`
	}
	require.NoError(t, json.Unmarshal(rejected, &rej))
	require.Empty(t, rej.Rejected, "an RPC failure must never reject a valid record")
	// keeper check-batch passes every live epoch's file at the keeper's URL, each compared with the one before
	// (credits: no account owed more than its sessions give it; fetched at the previous commit's uri).
	checked, err := s.CheckBatches(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, len(epochs), checked)
	k.Stop()
	require.NoError(t, k.ExitErr(), "graceful shutdown")
	require.GreaterOrEqual(t, len(epochs), 3, "several epochs")

	// Every kind of fault was injected (the ratio is logged, not asserted: the request count depends on timing).
	for _, p := range proxies {
		faults, requests := p.Faults()
		t.Logf("proxy %s: %.2f of %d requests faulted: %s", p.URL, float64(faults)/float64(max(requests, 1)), requests, p)
		counts := p.Counts()
		for kind := faultproxy.DropBefore; kind <= faultproxy.RPCError; kind++ {
			require.Positive(t, counts[kind], "proxy %s: no %s fault injected", p.URL, kind)
		}
	}
	require.Positive(t, proxies[0].FaultedMethods()["eth_sendRawTransaction"], "a lost answer to a sent transaction")

	// What each account earned, from the router's records of the sessions, committed and paid once
	// (batched by the keeper).
	total := requirePaidOnce(t, ctx, s, records)
	require.Equal(t, total.String(), epochs[len(epochs)-1].Total, "ledger total = every billed credit once")

	// One RootCommitted per live epoch, in order, with the ledger's root, in the block the ledger recorded.
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	blocks := map[uint64]uint64{}
	err = st.InTx(ctx, func(tx *store.Tx) error {
		live, err := tx.LiveEpochs(ctx)
		for _, e := range live {
			if e.State == store.StateClaimable {
				blocks[e.Number] = e.Block
			}
		}
		return err
	})
	require.NoError(t, err)
	commits, _, err := s.Settlement(ctx)
	require.NoError(t, err)
	require.Len(t, commits, len(epochs), "one commit per live epoch")
	var sessions int64
	for i, e := range epochs {
		require.Equal(t, uint64(i), e.Epoch)
		require.Equal(t, uint64(i), commits[i].Epoch, "epoch %d committed exactly once, in order", i)
		require.Equal(t, e.Root, commits[i].Root, "epoch %d root", i)
		r, err := s.Client.TransactionReceipt(ctx, e.TxHash)
		require.NoError(t, err, "epoch %d commit tx %s", i, e.TxHash)
		require.Equal(t, uint64(1), r.Status)
		require.Equal(t, blocks[e.Epoch], r.BlockNumber.Uint64(), "epoch %d: the ledger records the canonical block", i)
		sessions += e.Sessions
	}
	require.Equal(t, int64(len(records)), sessions)

	// No transaction beyond the intents, each confirmed.
	nonce := requireOneTxPerIntent(t, ctx, s, st)
	t.Logf("%d sessions through the gateway, %d epochs, %d keeper transactions through %d faulty URL(s), %s MOR-wei committed and claimed",
		len(records), len(commits), nonce, nProxies, total)
}
