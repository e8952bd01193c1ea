package e2e

import (
	"regexp"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCloseOfAnUnusedSessionSaysSo: `lt close` of an `lt rfc` session that never sent a request (the
// provider never accepted its ticket, and answers unknown_session) says plainly that it was closed at the
// router with 0 s and nothing billed. It used to print the provider's refusal as if the close had gone wrong.
func TestCloseOfAnUnusedSessionSaysSo(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{})
	state := t.TempDir()
	user := []string{"--keystore", s.User.Keystore, "--password-file", s.PasswordFile, "--state-dir", state}
	out, err := s.lt(ctx, "lt-rfc-unused", append([]string{"rfc", "--model", s.Opts.Model}, user...)...)
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^session +(0x[0-9a-fA-F]{64})$`).FindSubmatch(out)
	require.NotNil(t, m, "lt rfc names its session:\n%s", out)
	id := string(m[1])

	out, err = s.lt(ctx, "lt-close-unused", append([]string{"close", "--session", id}, user...)...)
	require.NoError(t, err)
	require.Equal(t, "session "+id+" was never used (no request sent): closed at the router with 0 s, nothing billed"+
		"; paid 0 MOR from the allowance, 0 MOR from the deposit\n", string(out))
	rec, err := s.WaitClosed(ctx, common.HexToHash(id), 30*time.Second)
	require.NoError(t, err)
	require.Zero(t, rec.BilledSeconds)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason, "the user's receipt alone")
}
