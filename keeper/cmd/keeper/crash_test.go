package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keeper/crashpoint"
	"github.com/laketravis/laketravis/keeper/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCrashSafety runs the keeper binary against anvil and kills it with SIGKILL (the process kills
// itself on reaching LT_KEEPER_CRASH_AT) at every pipeline point in turn, restarting it each time with
// new sessions in the feed. At the end what is on-chain equals the ledger: the total committed is every
// credit once, every session is in exactly one committed batch, every commit epoch appears once, the
// keeper's nonce equals its number of intents (no stray transaction), and the batched claims paid
// provider and builder exactly what they earned. It runs twice, with the keeper's database on SQLite and
// on PostgreSQL (a SIGKILL there leaves a server-side transaction to roll back, not a journal).
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the keeper binary against anvil")
	}
	bin := filepath.Join(t.TempDir(), "keeper")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	dbtest.Run(t, true, func(t *testing.T, dsn string) { crashSafety(t, bin, dsn) })
}

func crashSafety(t *testing.T, bin, dsn string) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{BlockTime: time.Second, DisputeWindow: 3})
	dir := t.TempDir()
	depFile := filepath.Join(dir, "deployment.json")
	dj, err := json.Marshal(env.Dep)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(depFile, dj, 0o644))
	feed := testenv.NewFeed(t)
	dataDir := filepath.Join(dir, "data")
	listen := freeAddr(t)

	const price = 2_000_000_000_000
	var records []wire.SettlementRecord
	next := uint64(0)
	addSessions := func(n int) {
		for range n {
			r := env.Record(t, next, uint32(10+next%50), 120, price)
			next++
			records = append(records, r)
			feed.Add(t, r)
		}
	}
	start := func(crashAt string) (*exec.Cmd, *bytes.Buffer) {
		cmd := exec.CommandContext(ctx, bin,
			"--rpc-urls", env.Anvil.URL, "--deployment", depFile, "--raw-key", devnet.DevKeys[testenv.KeeperKey],
			"--routers", feed.Server.URL, "--epoch-length", "500ms", "--data-dir", dataDir, "--confirmations", "2",
			"--public-url", "http://keeper.test", "--listen", listen, "--claims", "--poll-interval", "200ms",
			"--resubmit-after", "10s", "--log-level", "info", "--database", dsn)
		cmd.Env = append(os.Environ(), crashpoint.EnvVar+"="+crashAt)
		var logs bytes.Buffer
		cmd.Stdout, cmd.Stderr = &logs, &logs
		require.NoError(t, cmd.Start())
		return cmd, &logs
	}

	for _, point := range crashpoint.Points {
		addSessions(2)
		cmd, logs := start(point)
		errc := make(chan error, 1)
		go func() { errc <- cmd.Wait() }()
		select {
		case err := <-errc:
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "point %s: %v\n%s", point, err, logs)
			ws := exit.Sys().(syscall.WaitStatus)
			require.True(t, ws.Signaled() && ws.Signal() == syscall.SIGKILL, "point %s: exit %v\n%s", point, err, logs)
			t.Logf("killed at %s", point)
		case <-time.After(60 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("the keeper never reached %s\n%s", point, logs)
		}
	}

	// A clean run settles everything; then a graceful stop.
	addSessions(2)
	cmd, logs := start("")
	errc := make(chan error, 1)
	go func() { errc <- cmd.Wait() }()
	var last struct {
		Epochs []struct {
			Epoch    string `json:"epoch"`
			State    string `json:"state"`
			Sessions string `json:"sessions"`
			Claims   string `json:"claims"`
		} `json:"epochs"`
	}
	require.Eventually(t, func() bool {
		b, err := httpGet("http://" + listen + "/v1/epochs")
		if err != nil || json.Unmarshal(b, &last) != nil || len(last.Epochs) == 0 {
			return false
		}
		n := 0
		for _, e := range last.Epochs {
			s, _ := strconv.Atoi(e.Sessions)
			n += s
		}
		newest := last.Epochs[len(last.Epochs)-1]
		return n == len(records) && newest.State == ledger.StateClaimable && newest.Claims == ledger.ClaimsDone
	}, 90*time.Second, 200*time.Millisecond, "never settled: %+v\n%s", last, logs)
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-errc:
		require.NoError(t, err, "graceful shutdown\n%s", logs)
	case <-time.After(20 * time.Second):
		t.Fatal("no graceful shutdown")
	}

	// What each account earned, from the records the feed served.
	var provWant, buildWant, total uint256.Int
	for _, r := range records {
		p, b, err := wire.Credit(r.BilledSeconds, uint256.NewInt(price), testenv.FeeBps)
		require.NoError(t, err)
		provWant.Add(&provWant, p)
		buildWant.Add(&buildWant, b)
	}
	total.Add(&provWant, &buildWant)
	call := &bind.CallOpts{Context: ctx}
	committed, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, total.Dec(), committed.String(), "on-chain total = every credit once")
	for _, c := range []struct {
		a    common.Address
		want *uint256.Int
	}{{env.Provider, &provWant}, {env.Builder, &buildWant}} {
		got, err := env.Pool.Claimed(call, c.a)
		require.NoError(t, err)
		require.Equal(t, c.want.Dec(), got.String(), "claimed by %s", c.a)
	}

	// Every committed epoch exactly once, numbered 0..n-1, as the ledger has them.
	it, err := env.Pool.FilterRootCommitted(&bind.FilterOpts{Context: ctx}, nil, nil)
	require.NoError(t, err)
	var commits []uint64
	for it.Next() {
		commits = append(commits, it.Event.Epoch.Uint64())
	}
	require.Len(t, commits, len(last.Epochs))
	for i, e := range commits {
		require.Equal(t, uint64(i), e)
	}

	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	intents, err := st.Intents(ctx)
	require.NoError(t, err)
	keeper := crypto.PubkeyToAddress(devnet.DevKey(testenv.KeeperKey).PublicKey)
	nonce, err := env.Client.NonceAt(ctx, keeper, nil)
	require.NoError(t, err)
	require.Equal(t, uint64(len(intents)), nonce, "one transaction per intent: %+v", intents)
	for _, in := range intents {
		require.Equal(t, "confirmed", in.State, "%+v", in)
	}

	// Every session in exactly one live epoch's batch file, whose hash is the committed one.
	seen := map[common.Hash]int{}
	err = st.InTx(ctx, func(tx *store.Tx) error {
		rows, err := tx.Query(ctx, `SELECT batch_file, batch_hash FROM epochs WHERE state = 'claimable' ORDER BY number`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var file, hash string
			if err := rows.Scan(&file, &hash); err != nil {
				return err
			}
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
			for _, s := range bf.Sessions {
				var rec wire.SettlementRecord
				if err := json.Unmarshal(s, &rec); err != nil {
					return err
				}
				seen[rec.SessionID]++
			}
		}
		return rows.Err()
	})
	require.NoError(t, err)
	require.Len(t, seen, len(records))
	for id, n := range seen {
		require.Equal(t, 1, n, "session %s", id)
	}
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().String()
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
