package outbox_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
)

func report(id byte, until time.Time) *outbox.Report {
	sig := eip712.Signature{id}
	return &outbox.Report{Kind: "idle", Router: common.Address{0xaa}, Until: until.Unix(),
		Close: wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{31: id}, Seconds: uint32(id)}, ProviderSignature: &sig}}
}

func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// TestPutLoadRemove: a stored report reads back as written, from a 0600 file in a 0700 directory (an
// existing wider one is narrowed), until it is removed; one process at a time holds the directory.
func TestPutLoadRemove(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "reports")
	require.NoError(t, os.Mkdir(dir, 0o755))
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	st, err := os.Stat(dir)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o700), st.Mode().Perm())

	_, err = outbox.Open(dir, zap.NewNop())
	require.ErrorContains(t, err, "in use by another provider serve")

	r := report(1, time.Now().Add(time.Hour))
	require.NoError(t, o.Put(r))
	path := filepath.Join(dir, strings.ToLower(r.SessionID().Hex())+".json")
	st, err = os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	require.ElementsMatch(t, []string{".lock", filepath.Base(path)}, names(t, dir), "no temporary file left")

	got, err := o.Load(time.Now())
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, r, got[0])

	require.NoError(t, o.Remove(r.SessionID()))
	require.NoError(t, o.Remove(r.SessionID()), "removing twice is no error")
	got, err = o.Load(time.Now())
	require.NoError(t, err)
	require.Empty(t, got)

	require.NoError(t, o.Close())
	o2, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err, "the lock is released by Close")
	require.NoError(t, o2.Close())
}

// TestRetiredReportsHoldTheirSessionsClosed: a retired report is no longer pending (Load) but its session
// is held closed (Closed, by a later process over the directory too) until the report's Until; Prune and a
// Closed past it remove it. Retiring a session with no report is no error.
func TestRetiredReportsHoldTheirSessionsClosed(t *testing.T) {
	dir := t.TempDir()
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	now := time.Now()
	short, long := report(1, now.Add(time.Minute)), report(2, now.Add(time.Hour))
	for _, r := range []*outbox.Report{short, long} {
		require.NoError(t, o.Put(r))
		require.NoError(t, o.Retire(r.SessionID(), r.Until))
	}
	require.NoError(t, o.Retire(common.Hash{9}, now.Unix()), "no report: nothing to do")
	got, err := o.Load(now)
	require.NoError(t, err)
	require.Empty(t, got, "retired: not pending")
	require.NoError(t, o.Close())

	o, err = outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	defer o.Close()
	closed, err := o.Closed(now)
	require.NoError(t, err)
	require.Equal(t, map[common.Hash]int64{short.SessionID(): short.Until, long.SessionID(): long.Until}, closed)

	o.Prune(now.Add(2 * time.Minute))
	closed, err = o.Closed(now)
	require.NoError(t, err)
	require.Equal(t, map[common.Hash]int64{long.SessionID(): long.Until}, closed, "pruned past its Until")
	closed, err = o.Closed(now.Add(2 * time.Hour))
	require.NoError(t, err)
	require.Empty(t, closed)
	require.Empty(t, names(t, filepath.Join(dir, "closed")), "removed past their Until")
}

// TestLoadDropsExpiredAndMovesCorruptAside: at load a report past its deadline is removed and logged with
// its session; a file that is not a readable report (garbage, another session's report under this name, a
// half-written temporary file) never stops the load: the unreadable are renamed aside, kept and logged,
// and the good reports are returned.
func TestLoadDropsExpiredAndMovesCorruptAside(t *testing.T) {
	dir := t.TempDir()
	core, logs := observer.New(zapcore.InfoLevel)
	o, err := outbox.Open(dir, zap.New(core))
	require.NoError(t, err)
	defer o.Close()
	now := time.Now()
	good, expired, moved := report(1, now.Add(time.Hour)), report(2, now.Add(-time.Second)), report(3, now.Add(time.Hour))
	for _, r := range []*outbox.Report{good, expired, moved} {
		require.NoError(t, o.Put(r))
	}
	file := func(r *outbox.Report) string { return strings.ToLower(r.SessionID().Hex()) + ".json" }
	garbage := strings.Repeat("0", 63) + "f"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "0x"+garbage+".json"), []byte(`{"version":1,"kind":`), 0o600))
	require.NoError(t, os.Rename(filepath.Join(dir, file(moved)), filepath.Join(dir, "0x"+strings.Repeat("0", 63)+"e.json")))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".tmp-123"), []byte(`{"vers`), 0o600))

	got, err := o.Load(now)
	require.NoError(t, err)
	require.Len(t, got, 1)
	require.Equal(t, good.SessionID(), got[0].SessionID())

	left := names(t, dir)
	require.Contains(t, left, file(good))
	require.NotContains(t, left, file(expired), "past its deadline: removed")
	require.NotContains(t, left, ".tmp-123")
	var aside int
	for _, n := range left {
		if strings.Contains(n, ".corrupt-") {
			aside++
		}
	}
	require.Equal(t, 2, aside, "both unreadable files kept aside: %v", left)
	require.Len(t, left, 4) // .lock, the good report, two aside

	gaveUp := logs.FilterMessageSnippet("given up").All()
	require.Len(t, gaveUp, 1)
	require.Equal(t, expired.SessionID().Hex(), gaveUp[0].ContextMap()["session"])
	require.Len(t, logs.FilterMessageSnippet("moved aside").All(), 2)

	again, err := o.Load(now)
	require.NoError(t, err)
	require.Len(t, again, 1, "files moved aside are not read again")
}

// TestPutKeepsTheFirstReport: a session has one close; a second report for it (a restarted provider that
// closed the session again) is refused with ErrExists and the stored one stays, byte for byte, with no
// temporary file left.
func TestPutKeepsTheFirstReport(t *testing.T) {
	dir := t.TempDir()
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	defer o.Close()
	first := report(1, time.Now().Add(time.Hour))
	require.NoError(t, o.Put(first))
	path := filepath.Join(dir, strings.ToLower(first.SessionID().Hex())+".json")
	before, err := os.ReadFile(path)
	require.NoError(t, err)

	second := report(1, time.Now().Add(time.Hour))
	second.Close.Receipt.Seconds = 500
	require.ErrorIs(t, o.Put(second), outbox.ErrExists)
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, before, after, "the first report stays")
	require.ElementsMatch(t, []string{".lock", filepath.Base(path)}, names(t, dir), "no temporary file left")
	got, err := o.Load(time.Now())
	require.NoError(t, err)
	require.Equal(t, []*outbox.Report{first}, got)
}

// TestLoadKeepsTheReportThroughItsLastSecond: the router accepts a close dated at most
// settle.LastClose(notAfter) (Until), so a report is still delivered at that very second and given up
// only from the next one.
func TestLoadKeepsTheReportThroughItsLastSecond(t *testing.T) {
	dir := t.TempDir()
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	defer o.Close()
	until := time.Unix(time.Now().Unix()+100, 0)
	r := report(1, until)
	require.NoError(t, o.Put(r))
	require.True(t, r.Accepted(until.Add(999*time.Millisecond)))
	require.False(t, r.Accepted(until.Add(time.Second)))

	got, err := o.Load(until.Add(999 * time.Millisecond))
	require.NoError(t, err)
	require.Len(t, got, 1, "kept through Until: the router still dates a close then within its window")
	got, err = o.Load(until.Add(time.Second))
	require.NoError(t, err)
	require.Empty(t, got, "given up once the router would refuse it")
	require.Equal(t, []string{".lock"}, names(t, dir))
}

// TestLoadNeedsAReceiptSignature: a report with the user's signature alone (provider/server handleClose
// when the signer failed to countersign the user's receipt) loads as one with the provider's; one with
// neither signature, which no router takes, is moved aside as unreadable, never sent.
func TestLoadNeedsAReceiptSignature(t *testing.T) {
	dir := t.TempDir()
	o, err := outbox.Open(dir, zap.NewNop())
	require.NoError(t, err)
	defer o.Close()
	now := time.Now()
	byProvider, byUser, unsigned := report(1, now.Add(time.Hour)), report(2, now.Add(time.Hour)), report(3, now.Add(time.Hour))
	byUser.Kind, byUser.Close.UserSignature, byUser.Close.ProviderSignature = "receipt", byUser.Close.ProviderSignature, nil
	unsigned.Close.ProviderSignature = nil
	for _, r := range []*outbox.Report{byProvider, byUser, unsigned} {
		require.NoError(t, o.Put(r))
	}
	got, err := o.Load(now)
	require.NoError(t, err)
	ids := make([]common.Hash, 0, len(got))
	for _, r := range got {
		ids = append(ids, r.SessionID())
	}
	require.ElementsMatch(t, []common.Hash{byProvider.SessionID(), byUser.SessionID()}, ids)
	var aside int
	for _, n := range names(t, dir) {
		if strings.HasPrefix(n, strings.ToLower(unsigned.SessionID().Hex())+".json.corrupt-") {
			aside++
		}
	}
	require.Equal(t, 1, aside, "the unsigned report moved aside: %v", names(t, dir))
}
