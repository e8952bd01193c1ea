package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/e2e"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCrashSafetyRouter is the keeper's crash-safety test against the real system: e2e.Start runs anvil, the deployed
// contracts, the router, a provider (`provider serve` in front of the stand-in LLM upstream) and the
// user's `lt gateway`, without a keeper. The test makes sessions by chatting through the gateway (each
// closed by the gateway's idle timeout with both signatures, so it reaches the router's settlement feed),
// and runs the stack's keeper binary against the router's feed, told to SIGKILL itself at each pipeline
// point in turn; it restarts it each time with new sessions in the feed. At the end what is on-chain
// equals the ledger: the total committed is every billed credit once, every session is in exactly one
// committed batch, every commit epoch appears once and in order, the keeper's nonce equals its number of
// intents (no stray transaction), and the batched claims paid provider and builder exactly what they
// earned. It runs with the keeper's database on SQLite and on PostgreSQL.
func TestCrashSafetyRouter(t *testing.T) {
	dbtest.Run(t, true, crashSafetyRouter)
}

func crashSafetyRouter(t *testing.T, dsn string) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	s, err := e2e.Start(ctx, e2e.Options{NoKeeper: true, DisputeWindow: 3, EpochLength: 500 * time.Millisecond,
		TokenDelay: time.Millisecond, GatewayIdleTimeout: 500 * time.Millisecond})
	require.NoError(t, err)
	t.Cleanup(func() {
		if t.Failed() {
			var b strings.Builder
			s.DumpLogs(&b, 80)
			t.Log(b.String())
		}
		s.Close()
	})

	// The stack is up (its set-up transactions mined): from now on anvil mines a block every 300 ms, not
	// one per transaction, so that a transaction the keeper broadcasts stays pending for a while (the
	// txmgr.broadcast point is "sent, not mined") and its confirmations and the dispute window pass.
	var paused atomic.Bool
	mineEvery(t, ctx, s.Anvil.URL, 300*time.Millisecond, &paused)

	var records []*wire.SessionRecord
	newSession := func() { records = chatAndClose(t, ctx, s, records) }
	keeperArgs := []string{"--database", dsn, "--claims", "--confirmations", "2", "--epoch-length", "500ms",
		"--poll-interval", "200ms", "--resubmit-after", "10s"}

	for _, point := range crashpoint.Points {
		newSession()
		if point == crashpoint.TxBroadcast {
			// No block while the keeper runs to txmgr.broadcast: its commit is in the mempool when it dies.
			// The keeper reads deposits as of the cutoff once a block past it is 2 deep (--confirmations):
			// let that block come first (the cutoff is at most a second after the newest close).
			past := records[len(records)-1].ClosedAt + 1
			require.Eventually(t, func() bool {
				n, err := s.Client.BlockNumber(ctx)
				if err != nil || n == 0 {
					return false
				}
				h, err := s.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(n-1))
				return err == nil && h.Time > past
			}, 30*time.Second, 100*time.Millisecond, "no block past the cutoff 2 deep")
		}
		paused.Store(point == crashpoint.TxBroadcast)
		p, err := s.RunKeeper([]string{crashpoint.EnvVar + "=" + point}, keeperArgs...)
		require.NoError(t, err)
		select {
		case <-p.Done():
			var exit *exec.ExitError
			err := p.ExitErr()
			require.True(t, errors.As(err, &exit), "point %s: %v", point, err)
			ws := exit.Sys().(syscall.WaitStatus)
			require.True(t, ws.Signaled() && ws.Signal() == syscall.SIGKILL, "point %s: exit %v", point, err)
			if point == crashpoint.TxBroadcast {
				mined, err := s.Client.NonceAt(ctx, s.KeeperAddress(), nil)
				require.NoError(t, err)
				pending, err := s.Client.PendingNonceAt(ctx, s.KeeperAddress())
				require.NoError(t, err)
				require.Equal(t, mined+1, pending, "killed with its commit sent, not mined")
				paused.Store(false)
			}
			t.Logf("killed at %s", point)
		case <-time.After(60 * time.Second):
			p.Kill()
			t.Fatalf("the keeper never reached %s", point)
		}
	}

	// A clean run settles everything; then a graceful stop.
	newSession()
	p, err := s.RunKeeper(nil, keeperArgs...)
	require.NoError(t, err)
	var last []api.EpochView
	require.Eventually(t, func() bool {
		last, _ = keeperEpochs(s.KeeperURL)
		return settled(last, len(records), []string{ledger.StateClaimable}, ledger.ClaimsDone)
	}, 90*time.Second, 200*time.Millisecond, "never settled")
	p.Stop()
	require.NoError(t, p.ExitErr(), "graceful shutdown")

	// What each account earned, from the router's records of the sessions, committed and paid once.
	total := requirePaidOnce(t, ctx, s, records)

	// Every committed epoch exactly once, numbered 0..n-1, as the ledger has them.
	commits, _, err := s.Settlement(ctx)
	require.NoError(t, err)
	require.Len(t, commits, len(last))
	for i, e := range commits {
		require.Equal(t, uint64(i), e.Epoch)
	}

	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	nonce := requireOneTxPerIntent(t, ctx, s, st)

	// Every session in exactly one live epoch's batch file, whose hash is the committed one.
	inBatch := map[common.Hash]int{}
	err = st.InTx(ctx, func(tx *store.Tx) error {
		live, err := tx.LiveEpochs(ctx)
		if err != nil {
			return err
		}
		for _, e := range live {
			if e.State != store.StateClaimable {
				continue
			}
			file, hash := e.BatchFile, e.BatchHash.Hex()
			raw, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			if crypto.Keccak256Hash(raw).Hex() != hash {
				return fmt.Errorf("batch file %s does not match its hash", file)
			}
			var bf ledger.BatchFile
			if err := json.Unmarshal(raw, &bf); err != nil {
				return err
			}
			for _, raw := range bf.Sessions {
				var rec wire.SessionRecord
				if err := json.Unmarshal(raw, &rec); err != nil {
					return err
				}
				inBatch[rec.SessionID]++
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.Len(t, inBatch, len(records))
	for _, r := range records {
		require.Equal(t, 1, inBatch[r.SessionID], "session %s", r.SessionID)
	}
	t.Logf("%d sessions through the gateway, %d epochs, %d keeper transactions, %s MOR-wei committed and claimed",
		len(records), len(commits), nonce, total)
}

func httpGet(url string) ([]byte, error) {
	resp, err := httpClient.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	_, err = b.ReadFrom(resp.Body)
	return b.Bytes(), err
}

var httpClient = &http.Client{Timeout: 2 * time.Second}
