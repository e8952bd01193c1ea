package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/budget"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/store"
)

type fakeBudget struct {
	rep *budget.Report
	err error
}

func (f *fakeBudget) Report(context.Context) (*budget.Report, error) { return f.rep, f.err }

const pageNow = 1_700_000_000 // 2023-11-14T22:13:20Z: 22:00 is the current hour's start

// pageEnv is a server over a real store with a fixed clock, a given book snapshot and budget source.
func pageEnv(t *testing.T, snap *book.Snapshot, b api.BudgetSource) (string, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "r.db"))
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	fb := &fakeBook{}
	if snap == nil {
		snap = &book.Snapshot{}
	}
	fb.snap.Store(snap)
	rk, _ := crypto.GenerateKey()
	cfg := api.Config{Domain: domain, RouterKey: rk, Now: func() time.Time { return time.Unix(pageNow, 0) }}
	if b != nil {
		cfg.Budget = b
	}
	srv := api.New(cfg, fb, fakeAllow{amount: uint256.NewInt(1e18)}, nil, db, health.New(health.Backoff{}, time.Now), nil, zaptest.NewLogger(t))
	hs := httptest.NewServer(srv.Handler())
	t.Cleanup(hs.Close)
	return hs.URL, db
}

func getJSON(t *testing.T, url string, v any) int {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if v != nil && resp.StatusCode == 200 {
		require.NoError(t, json.Unmarshal(b, v), string(b))
	}
	return resp.StatusCode
}

func seedSession(t *testing.T, db *store.DB, n byte, user common.Address, created uint64, day uint64, reserved uint64) {
	t.Helper()
	s := &store.Session{ID: common.Hash{n}, RFCDigest: common.Hash{n, 1}, Day: day, Reserved: uint256.NewInt(reserved), CreatedAt: created, ExpiresAt: created + 100}
	s.Ticket.User, s.Ticket.ModelID, s.Ticket.Provider = user, modelID, common.HexToAddress("0xb0b0")
	s.Ticket.PricePerSecond = *uint256.NewInt(1)
	_, _, err := db.CreateSession(context.Background(), store.NewSession{Session: s, Nonce: uint64(n), Deadline: created + 100, Allowance: uint256.NewInt(1e18)})
	require.NoError(t, err)
}

func TestSessionsReport(t *testing.T) {
	url, db := pageEnv(t, nil, nil)
	hour := uint64(pageNow / 3600 * 3600)
	user := common.HexToAddress("0xa11ce")
	for i, at := range []uint64{hour - 2*3600, hour - 3600 + 5, hour - 3600 + 3599, hour, pageNow, hour - 24*3600, pageNow + 10} {
		seedSession(t, db, byte(i+1), user, at, 7, 1)
	}
	type resp struct {
		BucketSeconds string `json:"bucketSeconds"`
		Buckets       []struct {
			Start    string `json:"start"`
			Sessions string `json:"sessions"`
		} `json:"buckets"`
	}
	for _, tc := range []struct {
		query string
		want  []string // sessions per bucket, oldest first
	}{
		{"?hours=3", []string{"1", "2", "3"}}, // the current hour counts a session stamped a little ahead (another replica's clock)
		{"?hours=1", []string{"3"}},
		{"", append(append(make([]string, 0, 24), repeat("0", 21)...), "1", "2", "3")},
		{"?hours=25", append(append([]string{"1"}, repeat("0", 21)...), "1", "2", "3")},
	} {
		t.Run(tc.query, func(t *testing.T) {
			var r resp
			require.Equal(t, 200, getJSON(t, url+"/v1/reports/sessions"+tc.query, &r))
			require.Equal(t, "3600", r.BucketSeconds)
			require.Len(t, r.Buckets, len(tc.want))
			for i, b := range r.Buckets {
				require.Equal(t, fmt.Sprint(hour-uint64(len(tc.want)-1-i)*3600), b.Start)
				require.Equal(t, tc.want[i], b.Sessions, "bucket %d", i)
			}
		})
	}
	for _, q := range []string{"?hours=0", "?hours=x", "?hours=100000", "?hours=-1"} {
		require.Equal(t, 400, getJSON(t, url+"/v1/reports/sessions"+q, nil), q)
	}
}

func repeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestEpochsReport(t *testing.T) {
	ep := func(n uint64, root byte, vetoed bool) book.Epoch {
		return book.Epoch{Epoch: n, Root: common.Hash{root}, CumulativeTotal: uint256.NewInt(n*100 + 100), Delta: uint256.NewInt(100),
			Day: 3, ClaimableAt: 5000 + n, BatchHash: common.Hash{0xba, root}, URI: fmt.Sprintf("ipfs://e%d", n), Vetoed: vetoed}
	}
	// Commit order: 0, 1 (vetoed), 1 again, 2.
	snap := &book.Snapshot{Block: 42, Epochs: []book.Epoch{ep(0, 1, false), ep(1, 2, true), ep(1, 3, false), ep(2, 4, false)}}
	url, _ := pageEnv(t, snap, nil)
	var r struct {
		Epochs []map[string]any `json:"epochs"`
	}
	require.Equal(t, 200, getJSON(t, url+"/v1/reports/epochs", &r))
	require.Len(t, r.Epochs, 4)
	order := []string{}
	for _, e := range r.Epochs {
		order = append(order, fmt.Sprintf("%s/%v/%v", e["epoch"], e["root"].(string)[:4], e["vetoed"]))
	}
	require.Equal(t, []string{"2/0x04/false", "1/0x03/false", "1/0x02/true", "0/0x01/false"}, order, "newest first; the live commit before the vetoed one")
	e := r.Epochs[0]
	for k, want := range map[string]any{"epoch": "2", "cumulativeTotal": "300", "delta": "100", "day": "3", "claimableAt": "5002",
		"uri": "ipfs://e2", "batchHash": common.Hash{0xba, 4}.Hex(), "root": common.Hash{4}.Hex(), "vetoed": false} {
		require.Equal(t, want, e[k], k)
	}
	require.Equal(t, 200, getJSON(t, url+"/v1/reports/epochs?limit=2", &r))
	require.Len(t, r.Epochs, 2)
	for _, q := range []string{"?limit=0", "?limit=101", "?limit=z"} {
		require.Equal(t, 400, getJSON(t, url+"/v1/reports/epochs"+q, nil), q)
	}
	// No epochs: an empty list, not null.
	url, _ = pageEnv(t, nil, nil)
	var raw map[string]json.RawMessage
	require.Equal(t, 200, getJSON(t, url+"/v1/reports/epochs", &raw))
	require.Equal(t, "[]", string(raw["epochs"]))
}

func TestBudgetEndpoint(t *testing.T) {
	rep := &budget.Report{Now: pageNow, Block: 9, PayoutStart: pageNow - 5*86400, Interval: 86400, Day: 5, BudgetBps: 100,
		ComputeAccrued: uint256.MustFromDecimal("500000000000000000000000"), ComputeBalance: uint256.NewInt(4e18), Budget: uint256.NewInt(4e16),
		Committed: uint256.NewInt(3000), History: []budget.Day{{Day: 4, ComputeBalance: uint256.NewInt(3e18), Budget: uint256.NewInt(3e16), Committed: uint256.NewInt(7)},
			{Day: 5, ComputeBalance: uint256.NewInt(4e18), Budget: uint256.NewInt(4e16), Committed: uint256.NewInt(3000)}}}
	fb := &fakeBudget{rep: rep}
	url, db := pageEnv(t, nil, fb)
	// Usage today: two users' reservations; another day does not count.
	seedSession(t, db, 1, common.HexToAddress("0xa"), pageNow-10, 5, 1234)
	seedSession(t, db, 2, common.HexToAddress("0xb"), pageNow-10, 5, 66)
	seedSession(t, db, 3, common.HexToAddress("0xb"), pageNow-90000, 4, 1000)

	var got map[string]any
	require.Equal(t, 200, getJSON(t, url+"/v1/budget", &got))
	for k, want := range map[string]any{"now": "1700000000", "payoutStart": "1699568000", "interval": "86400", "day": "5", "budgetBps": "100",
		"computeAccrued": "500000000000000000000000", "computeBalance": "4000000000000000000", "budget": "40000000000000000",
		"committed": "3000", "used": "1300"} {
		require.Equal(t, want, got[k], k)
	}
	hist := got["history"].([]any)
	require.Len(t, hist, 2)
	require.Equal(t, map[string]any{"day": "4", "computeBalance": "3000000000000000000", "budget": "30000000000000000", "committed": "7"}, hist[0])

	fb.err = fmt.Errorf("wrap: %w", budget.ErrNotStarted)
	require.Equal(t, 503, getJSON(t, url+"/v1/budget", nil))
	fb.err = errors.New("rpc down")
	require.Equal(t, 502, getJSON(t, url+"/v1/budget", nil))

	// No budget source: not served (the page shows "not available").
	url, _ = pageEnv(t, nil, nil)
	require.Equal(t, 501, getJSON(t, url+"/v1/budget", nil))
}
