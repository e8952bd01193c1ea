package e2e

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/provider/cli"
)

// TestProviderStatusShowsCreditInTheDisputeWindow: with real processes and an hour-long dispute window,
// the keeper commits a session's credit; `provider status --keeper` shows it at once as committed and
// claimable after the window, beside the claimable credit (0: no root is claimable yet). It used to show
// committed 0 for the whole window, the keeper's /v1/proofs answering only claimable roots.
func TestProviderStatusShowsCreditInTheDisputeWindow(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{DisputeWindow: 3600})
	chat, err := s.ChatAs(ctx, s.User, "lt-chat-pending", "hello", false, 300)
	require.NoError(t, err)
	rec, err := s.WaitClosed(ctx, chat.Session.SessionID, 30*time.Second)
	require.NoError(t, err)
	p, b, err := s.Credit(rec)
	require.NoError(t, err)
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(p, b), 90*time.Second))

	owner := s.Providers[0].Owner.Address.Hex()
	status := func(args ...string) ([]byte, error) {
		return s.provider(ctx, "provider-status-pending", append([]string{"status", "--owner", owner, "--keeper", s.KeeperURL}, args...)...)
	}
	var st cli.Status
	require.NoError(t, poll(ctx, 60*time.Second, 500*time.Millisecond, func() (bool, error) {
		out, err := status("--json")
		if err != nil {
			return false, err
		}
		st = cli.Status{}
		return json.Unmarshal(out, &st) == nil && st.Earnings.Pending != "", nil
	}), "the keeper confirms its commit")
	require.Equal(t, p.String(), st.Earnings.Pending, "the provider owner's credit, in the dispute window")
	require.Greater(t, st.Earnings.PendingClaimableAt, uint64(time.Now().Add(50*time.Minute).Unix()), "claimable after the hour's window")
	require.Equal(t, "0", st.Earnings.Committed, "no claimable root yet")
	require.Equal(t, "0", st.Earnings.Claimable)
	require.Empty(t, st.Earnings.Note)

	out, err := status()
	require.NoError(t, err)
	claimableAt := time.Unix(int64(st.Earnings.PendingClaimableAt), 0).UTC().Format(time.RFC3339)
	require.Contains(t, string(out), "(claimable after "+claimableAt+", unless vetoed in the dispute window)")
	require.True(t, strings.Contains(string(out), "earnings    committed 0 MOR, claimed 0 MOR, claimable 0 MOR"), "%s", out)
}
