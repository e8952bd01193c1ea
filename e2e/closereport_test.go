package e2e

import (
	"context"
	"crypto/ecdsa"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/outbox"
)

// TestProviderCloseSurvivesKill: with real processes, the provider closes an idle session one-sided while
// its router is down; `provider serve` is then SIGKILLed (nothing delivered), restarted while the router is
// still down, and the router started again: the restarted provider delivers the close it kept on disk,
// the session is closed at the router with the provider's signatures, and the keeper credits it. Without
// the outbox the close dies with the process and the provider is paid nothing for the session.
func TestProviderCloseSurvivesKill(t *testing.T) { closeSurvivesKill(t, false) }

// TestProviderCloseSurvivesKillAndRotation: as TestProviderCloseSurvivesKill, but while the provider is
// down its owner rotates the signer (updateProvider, the router's book holds the new key) and serve starts
// again with the new key (imported with `provider keys import`, the old one moved out of the keys dir).
// The resumed report's receipt is countersigned by the new key, which the router checks (the signer it
// holds when it takes the close) and the keeper too (the signer at the close); the ticket acceptance is
// the old key's, as stored (the signer at the session's start), and the keeper credits the close. The
// report used to carry the old key's receipt signature: the router refused it (401) and the provider
// deleted it, the session expired billing nothing.
func TestProviderCloseSurvivesKillAndRotation(t *testing.T) { closeSurvivesKill(t, true) }

func closeSurvivesKill(t *testing.T, rotate bool) {
	t.Parallel()
	ctx := testContext(t, 5*time.Minute)
	s := start(t, ctx, Options{GatewayIdleTimeout: time.Hour, ServeArgs: []string{"--idle-timeout", "2s"}})
	p, router := s.Providers[0], s.Routers[0]
	k0 := p.Signer.Address
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

	if rotate {
		require.NoError(t, s.StartRouter(ctx, router))
		k1 := rotateProviderSigner(t, ctx, s, p)
		useSigner(t, ctx, s, p, k1)
		require.NoError(t, s.StartProvider(ctx, p))
		require.Contains(t, p.Proc.Log(), "close report's receipt signed again by the current signer key")
	} else {
		require.NoError(t, s.StartProvider(ctx, p))
		require.NoError(t, s.StartRouter(ctx, router))
	}
	require.Regexp(t, `close reports resumed from the outbox\s+\{"reports": 1,`, p.Proc.Log())

	rec, err := s.WaitClosed(ctx, res.Session, 90*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Nil(t, rec.UserSignature)
	require.NotNil(t, rec.ProviderSignature, "closed by the provider's report")
	_, err = s.Domain.Verify(rec.Receipt, rec.ProviderSignature[:], p.Signer.Address)
	require.NoError(t, err, "the receipt countersigned by the signer in force at the close")
	require.NotNil(t, rec.TicketAcceptance)
	acc, err := settle.AcceptanceSigner(s.Domain, &rec.Ticket, rec.Router, rec.TicketAcceptance)
	require.NoError(t, err)
	require.Equal(t, k0, acc, "the acceptance as stored: the signer at the session's start")
	require.Positive(t, rec.BilledSeconds)
	require.NoError(t, poll(ctx, 30*time.Second, 100*time.Millisecond, func() (bool, error) {
		_, err := os.Stat(filepath.Join(reports, file))
		return os.IsNotExist(err), nil
	}), "removed once the router took it")

	pay, fee, err := s.Credit(rec)
	require.NoError(t, err)
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(pay, fee), 90*time.Second), "the keeper credits the close delivered after the crash")
}

// TestProviderOpenSessionSurvivesKill: with real processes, a session stays open (the user's gateway never
// closes it, the provider's idle timeout is minutes away) and `provider serve` is SIGKILLed: nothing
// closed it, but serve journaled it in the background (<state-dir>/open-sessions). Restarted, the
// provider closes it one-sided from the journal: the router records the close with the journaled usage,
// countersigned, and the journaled newest signed request, bills no more than that request proves, and the
// keeper credits it. Without the journal the open session died with the process and the provider was
// paid nothing for it.
func TestProviderOpenSessionSurvivesKill(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 5*time.Minute)
	s := start(t, ctx, Options{GatewayIdleTimeout: time.Hour})
	p := s.Providers[0]
	res, err := s.Chat(ctx, "hello", true)
	require.NoError(t, err)

	name := strings.ToLower(res.Session.Hex()) + ".json"
	file := filepath.Join(p.StateDir(), "open-sessions", "sessions.jsonl")
	read := func() (*outbox.Entry, error) { // the session's last entry in the journal (one a line), as a restart reads it
		raw, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		var last *outbox.Entry
		for line := range strings.Lines(string(raw)) {
			if !strings.HasSuffix(line, "\n") {
				break // torn or being appended: not read
			}
			var e outbox.Entry
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				return nil, err
			}
			if e.SessionID() == res.Session {
				last = &e
			}
		}
		if last == nil {
			return nil, os.ErrNotExist
		}
		return last, nil
	}
	require.NoError(t, poll(ctx, 30*time.Second, 100*time.Millisecond, func() (bool, error) {
		e, err := read()
		return err == nil && e.LastRequest != nil && e.Usage.OutputTokens > 0, nil
	}), "the open session journaled with its answered request")
	p.Proc.Kill()
	journaled, err := read() // the disk when the process died
	require.NoError(t, err)
	require.NoFileExists(t, filepath.Join(p.StateDir(), "close-reports", name), "nothing closed it before the kill")

	require.NoError(t, s.StartProvider(ctx, p))
	require.Regexp(t, `open sessions resumed from the journal, closed one-sided\s+\{"sessions": 1,`, p.Proc.Log())
	rec, err := s.WaitClosed(ctx, res.Session, 90*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Nil(t, rec.UserSignature)
	require.NotNil(t, rec.ProviderSignature, "closed by the provider's report")
	require.Equal(t, journaled.Usage, *rec.Receipt, "the journaled usage")
	_, err = s.Domain.Verify(rec.Receipt, rec.ProviderSignature[:], p.Signer.Address)
	require.NoError(t, err)
	require.Equal(t, journaled.LastRequest, rec.LastRequest, "the journaled newest signed request")
	signer, err := rec.LastRequest.Signer(s.Domain.ChainID(), rec.SessionID)
	require.NoError(t, err)
	require.Equal(t, rec.Ticket.Signer(), signer, "signed by the session key")
	start := settle.Start(rec.CreatedAt, rec.RFC.Deadline)
	require.LessOrEqual(t, rec.BilledSeconds, settle.ProviderAlone(start, rec.ClosedAt, rec.LastRequest.Time, true), "bounded by the last signed request")
	require.Positive(t, rec.BilledSeconds)
	require.NoError(t, poll(ctx, 30*time.Second, 100*time.Millisecond, func() (bool, error) {
		_, err := read()
		return errors.Is(err, os.ErrNotExist), nil
	}), "the journal entry removed once the close was stored")

	pay, fee, err := s.Credit(rec)
	require.NoError(t, err)
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(pay, fee), 90*time.Second), "the keeper credits the close made after the crash")
}

// useSigner makes key the only signer key in p's keys dir (`provider keys import`; the old keystore moved
// out of it), the key its next serve signs with.
func useSigner(t *testing.T, ctx context.Context, s *Stack, p *Provider, key *ecdsa.PrivateKey) {
	t.Helper()
	signers := filepath.Join(p.KeysDir, "signer")
	require.NoError(t, os.Rename(signers, filepath.Join(filepath.Dir(p.KeysDir), "signer-retired")))
	keyFile := filepath.Join(filepath.Dir(p.KeysDir), "signer-next.hex")
	require.NoError(t, os.WriteFile(keyFile, []byte(hex.EncodeToString(crypto.FromECDSA(key))), 0o600))
	defer os.Remove(keyFile)
	_, err := s.provider(ctx, p.Name+"-rotate", "keys", "import", "--role", "signer", "--key-file", keyFile, "--light",
		"--keys-dir", p.KeysDir, "--password-file", s.PasswordFile)
	require.NoError(t, err)
	p.Signer = Account{Key: key, Address: crypto.PubkeyToAddress(key.PublicKey)}
}
