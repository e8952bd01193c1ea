package ledger_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	vm "github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestHostileFeedCannotInflateBatchFile: a feed (any URL the keeper reads: no role, no signature) serves junk
// records of 256 KiB, one with a 256 KiB cursor and close reason (quoted by the rejection's detail), and more junk
// records than a batch file lists of one feed. Each row keeps the head, length and keccak256 of a record too
// long to keep, the cursor and detail cut; rows past the feed's quota are counted, not stored; the batch file
// stays small, and the honest feed's session is credited.
func TestHostileFeedCannotInflateBatchFile(t *testing.T) {
	ctx, st := openStore(t, dbtest.SQLite(t))
	honest, hostile := testenv.NewFeed(t), testenv.NewFeed(t)
	set := vm.NewSet()
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{hostile.Server.URL, honest.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		fakeRegistry{}, nil, set)
	require.NoError(t, err)
	honest.Add(t, record(t, 0, 10, 600))

	pad := strings.Repeat("A", 256<<10) // 32 times store.MaxRejectedRecord
	var large [][]byte
	for i := 0; i < 4; i++ {
		large = append(large, []byte(fmt.Sprintf(`{"cursor":"%d","pad":"%s"}`, len(large)+1, pad)))
	}
	huge := record(t, 1, 10, 600) // well formed, its close reason unknown: the detail quotes it
	huge.CloseReason, huge.Cursor = pad, pad
	b, err := json.Marshal(huge)
	require.NoError(t, err)
	large = append(large, b)
	for _, r := range large {
		hostile.Add(t, json.RawMessage(r))
	}
	const junk = ledger.MaxFeedRejected + 200
	for i := len(large); i < junk; i++ {
		hostile.Add(t, json.RawMessage(fmt.Sprintf(`{"cursor":"%d","junk":true}`, i+1)))
	}

	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	e0, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.EqualValues(t, 1, e0.Sessions, "the honest session is credited")

	rows, err := l.RejectedAfter(ctx, 0, 10*junk)
	require.NoError(t, err)
	require.Equal(t, ledger.MaxFeedRejected, len(rows), "a feed's rejected rows in one batch file are bounded")
	for i, r := range large {
		row := rows[i]
		require.EqualValues(t, len(r), row.RecordBytes, "row %d: the record's length", i)
		require.NotNil(t, row.RecordHash, "row %d", i)
		require.Equal(t, crypto.Keccak256Hash(r), *row.RecordHash, "row %d: the record's keccak256", i)
		var head string
		require.NoError(t, json.Unmarshal(row.Record, &head), "row %d: the head is a JSON string", i)
		require.Equal(t, string(r[:store.RejectedRecordHead]), head, "row %d: the record's head", i)
		require.LessOrEqual(t, len(row.Cursor), 256, "row %d", i)
		require.LessOrEqual(t, len(row.Detail), 1024, "row %d", i)
	}
	require.Equal(t, ledger.RejectCloseReason, rows[len(large)-1].Code)
	require.Zero(t, rows[len(large)].RecordBytes, "a short record is kept whole")
	require.JSONEq(t, fmt.Sprintf(`{"cursor":"%d","junk":true}`, len(large)+1), string(rows[len(large)].Record))

	var metrics bytes.Buffer
	set.WritePrometheus(&metrics)
	require.Contains(t, metrics.String(), fmt.Sprintf(`keeper_rejected_unlisted_total{reason="malformed"} %d`, junk-ledger.MaxFeedRejected))

	require.NoError(t, l.WriteBatch(ctx, e0))
	path, err := l.BatchPath(ctx, 0)
	require.NoError(t, err)
	fi, err := os.Stat(path)
	require.NoError(t, err)
	t.Logf("batch file: %d bytes", fi.Size())
	require.Less(t, fi.Size(), int64(512<<10), "the batch file carries the hostile feed's junk")
}

// TestLargestHonestRecordIsKeptWhole: the largest record an honest router serves (a one-sided close with its
// RFC, every signature, the newest signed request with the longest path, a long endpoint, flags, uint256
// maxima) is kept whole when rejected (store.MaxRejectedRecord, with room to spare), as served.
func TestLargestHonestRecordIsKeptWhole(t *testing.T) {
	r := record(t, 0, 100, 600)
	withSessionKey(&r, sessionKey)
	providerAlone(&r)
	r.LastRequest = signedRequest(&r, sessionKey, r.CreatedAt+20)
	r.LastRequest.Path = "/" + strings.Repeat("p", wire.MaxRequestPath-1)
	sig := *r.ProviderSignature
	r.TicketAcceptance, r.CloseSignature = &sig, &sig
	r.State, r.ExpiresAt = "closed", 1<<62
	r.Endpoint = "https://" + strings.Repeat("e", 245) + "/v1"
	r.Flags = []string{wire.CloseOneSided, "zero_output", "tps_outlier", "ttft_outlier"}
	top := new(uint256.Int).SetAllOne()
	r.Payment = &wire.Payment{Allowance: top, Deposit: top}
	r.Ticket.PricePerSecond, r.RFC.MaxPricePerSecond = *top, *top // signatures broken: rejected
	r.Cursor = "18446744073709551615"
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	require.Less(t, len(raw), store.MaxRejectedRecord/2, "the largest honest record, %d bytes", len(raw))

	ctx, st := openStore(t, dbtest.SQLite(t))
	feed := testenv.NewFeed(t)
	feed.Add(t, json.RawMessage(raw))
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later},
		st, statePool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	rows, err := l.RejectedAfter(ctx, 0, 10)
	require.NoError(t, err)
	require.Equal(t, 1, len(rows))
	require.Zero(t, rows[0].RecordBytes)
	require.Nil(t, rows[0].RecordHash)
	require.JSONEq(t, string(raw), string(rows[0].Record))
}

// TestEndlessFeedDoesNotStarveOthers: a feed that never ends (each page one junk record and a new `next`),
// read first, is read for MaxFeedPages pages a round; the honest feed after it is read in the same round
// and its session stored. The endless feed is never caught up: the window's epoch waits for it one more
// grace, then is assembled without it (after a start, once the feed was cut off MaxCutRounds rounds).
func TestEndlessFeedDoesNotStarveOthers(t *testing.T) {
	var hostilePages, honestReads atomic.Int64
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hostilePages.Add(1)
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		fmt.Fprintf(w, `{"sessions":[{"cursor":"%d","junk":true}],"next":"%d"}`, after+1, after+1)
	}))
	t.Cleanup(hostile.Close)
	honest := testenv.NewFeed(t)
	rec := record(t, 0, 10, 600)
	honest.Add(t, rec)
	counted := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		honestReads.Add(1)
		honest.Server.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(counted.Close)

	var clock atomic.Int64
	clock.Store(time.Now().Unix())
	const epoch, grace = time.Hour, time.Minute
	ctx, st := openStore(t, dbtest.SQLite(t))
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{hostile.URL, counted.URL}, BatchDir: t.TempDir(),
		Now: func() time.Time { return time.Unix(clock.Load(), 0) }, EpochLength: epoch, FeedGrace: grace,
		Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	n, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.EqualValues(t, ledger.MaxFeedPages, hostilePages.Load(), "the endless feed's pages in one round")
	require.NotZero(t, honestReads.Load(), "the honest feed was never read")
	require.Equal(t, 1, n, "the honest session is stored")

	window := int64(epoch / time.Second)
	ready := (int64(rec.ClosedAt)/window+1)*window + int64(grace/time.Second) // the window's end plus the grace
	clock.Store(ready + 1)
	_, err = l.IngestOnce(ctx) // the honest feed is caught up past ready, the endless one is not
	require.NoError(t, err)
	require.NoError(t, l.Assemble(ctx))
	_, err = l.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "assembled while a feed cut off by the page bound counted as caught up")

	clock.Store(ready + int64(grace/time.Second) + 1)
	require.NoError(t, l.Assemble(ctx))
	_, err = l.LiveEpoch(ctx, 0)
	require.ErrorIs(t, err, store.ErrNotFound, "assembled after a start before the endless feed was cut off MaxCutRounds rounds")
	for range ledger.MaxCutRounds - 2 { // after a start, a feed cut off at the page bound holds the first assembly that long
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
	}
	require.NoError(t, l.Assemble(ctx))
	e0, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.EqualValues(t, 1, e0.Sessions)
}
