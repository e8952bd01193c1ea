package e2e

import (
	"context"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestProviderCloseSurvivesKill: with real processes, the provider closes an idle session one-sided while
// its router is down; `provider serve` is then SIGKILLed (nothing delivered), restarted while the router is
// still down, and the router started again: the restarted provider delivers the close it kept on disk,
// the session is closed at the router with the provider's signatures, and the keeper credits it. Without
// the outbox the close dies with the process and the provider is paid nothing for the session.
func TestProviderCloseSurvivesKill(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	s := start(t, ctx, Options{GatewayIdleTimeout: time.Hour, ServeArgs: []string{"--idle-timeout", "2s"}})
	p, router := s.Providers[0], s.Routers[0]
	res, err := s.Chat(ctx, "hello", true)
	require.NoError(t, err)
	router.Proc.Stop()

	reports := filepath.Join(p.StateDir(), "close-reports")
	file := strings.ToLower(res.Session.Hex()) + ".json"
	require.NoError(t, poll(ctx, 30*time.Second, 100*time.Millisecond, func() (bool, error) {
		_, err := os.Stat(filepath.Join(reports, file))
		return err == nil, nil
	}), "the idle close is stored")
	p.Proc.Kill()
	require.FileExists(t, filepath.Join(reports, file), "a crash loses no close")

	require.NoError(t, s.StartProvider(ctx, p))
	require.Regexp(t, `close reports resumed from the outbox\s+\{"reports": 1,`, p.Proc.Log())
	require.NoError(t, s.StartRouter(ctx, router))

	rec, err := s.WaitClosed(ctx, res.Session, 90*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Nil(t, rec.UserSignature)
	require.NotNil(t, rec.ProviderSignature, "closed by the provider's report")
	require.NotNil(t, rec.TicketAcceptance)
	acc, err := settle.AcceptanceSigner(s.Domain, &rec.Ticket, rec.TicketAcceptance)
	require.NoError(t, err)
	require.Equal(t, p.Signer.Address, acc)
	require.Positive(t, rec.BilledSeconds)
	require.NoError(t, poll(ctx, 30*time.Second, 100*time.Millisecond, func() (bool, error) {
		_, err := os.Stat(filepath.Join(reports, file))
		return os.IsNotExist(err), nil
	}), "removed once the router took it")

	pay, fee, err := s.Credit(rec)
	require.NoError(t, err)
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(pay, fee), 90*time.Second), "the keeper credits the close delivered after the crash")
}
