package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
)

// setRouter grants (or revokes) ROUTER_ROLE to key as the admin and returns the time of the block that did.
func setRouter(t *testing.T, ctx context.Context, env *testenv.Env, key *ecdsa.PrivateKey, grant bool) uint64 {
	t.Helper()
	r := sendTx(t, ctx, env, testenv.AdminKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		if grant {
			return env.Marketplace.GrantRole(o, ids.RouterRole, crypto.PubkeyToAddress(key.PublicKey))
		}
		return env.Marketplace.RevokeRole(o, ids.RouterRole, crypto.PubkeyToAddress(key.PublicKey))
	})
	return blockTimeOf(t, ctx, env, r)
}

// signedBy re-signs rec's ticket with router's key, as that router would have issued it.
func signedBy(t *testing.T, env *testenv.Env, rec wire.SessionRecord, router *ecdsa.PrivateKey) wire.SessionRecord {
	t.Helper()
	sig, err := env.Domain.Sign(&rec.Ticket, router)
	require.NoError(t, err)
	rec.TicketSignature, rec.Router = sig, crypto.PubkeyToAddress(router.PublicKey)
	return rec
}

// chainVerifier is a Verifier over the real Marketplace, reading blocks with confirmations confirmations.
func chainVerifier(t *testing.T, ctx context.Context, env *testenv.Env, confirmations uint64) *ledger.Verifier {
	t.Helper()
	signers, err := ledger.NewSignerHistory(env.MarketAddr, env.Client, ledger.SignerConfig{Start: env.Deployment.StartBlock,
		Confirmations: confirmations})
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, env.Addr("ModelRegistry"), env.Client, signers)
	require.NoError(t, err)
	return &ledger.Verifier{Domain: env.Domain, Registry: reg}
}

// verifyFinal verifies rec, making a block each time the chain is not final past what it asks about (anvil
// mines only on a transaction; a live chain makes the blocks): at a time past rec's close while the head is
// not (what verification asks about last: the provider's signer at the close), else the next one. waited
// says whether it had to.
func verifyFinal(t *testing.T, ctx context.Context, env *testenv.Env, v *ledger.Verifier, rec wire.SessionRecord) (s *ledger.Session, waited bool, err error) {
	t.Helper()
	raw, err := json.Marshal(rec)
	require.NoError(t, err)
	require.Eventually(t, func() bool {
		if s, err = v.Verify(ctx, "feed", raw); errors.Is(err, ledger.ErrSignersNotFinal) {
			waited = true
			head, err := env.Client.HeaderByNumber(ctx, nil)
			require.NoError(t, err)
			if head.Time <= rec.ClosedAt {
				env.Warp(rec.ClosedAt + 1 - head.Time)
			} else {
				env.Mine(1)
			}
			return false
		}
		return true
	}, 30*time.Second, 20*time.Millisecond)
	return s, waited, err
}

// requireVerdict verifies rec as verifyFinal does and requires its credit (100 s) when wantCode is empty,
// else its rejection with wantCode.
func requireVerdict(t *testing.T, ctx context.Context, env *testenv.Env, v *ledger.Verifier, rec wire.SessionRecord, wantCode string) {
	t.Helper()
	s, _, err := verifyFinal(t, ctx, env, v, rec)
	if wantCode == "" {
		require.NoError(t, err)
		require.Equal(t, uint32(100), s.Seconds)
		return
	}
	rej, ok := ledger.IsRejection(err)
	require.True(t, ok, "%v", err)
	require.Equal(t, wantCode, rej.Code, rej.Detail)
}

// requireSameEpoch requires that two keepers' epochs credit the same sessions (sessions of them), the same
// total and the same root.
func requireSameEpoch(t *testing.T, before, after *ledger.EpochRow, sessions int64) {
	t.Helper()
	require.Equal(t, sessions, before.Sessions)
	require.Equal(t, before.Sessions, after.Sessions)
	require.Equal(t, before.Total.Dec(), after.Total.Dec())
	require.Equal(t, before.Root, after.Root)
}

// assembleEpoch0 drives manual keeper k until it has assembled epoch 0 and done(k) (nil: true) holds,
// mining a block per round (the chain final past the feeds' closes, the deposits as of the cutoff), and
// returns the epoch.
func assembleEpoch0(t *testing.T, ctx context.Context, env *testenv.Env, k *keeper, done func(*keeper) bool) *ledger.EpochRow {
	t.Helper()
	var e *ledger.EpochRow
	require.Eventually(t, func() bool {
		env.Mine(1)
		if _, err := k.led.IngestOnce(ctx); err != nil {
			t.Logf("ingest: %v", err)
		}
		if err := k.led.Assemble(ctx); err != nil {
			t.Logf("assemble: %v", err)
		}
		var err error
		e, err = k.led.LiveEpoch(ctx, 0)
		return err == nil && (done == nil || done(k))
	}, time.Minute, 50*time.Millisecond, "epoch 0 is assembled")
	return e
}

// TestRevokedRouterSessionCreditedAnvil (THREATS.md, admin: revoking a router): a session the router issued
// and the provider served is closed; the admin then revokes the router's role before any keeper settled
// it. The keeper still credits it: the role is read at the session's start, when the router held it. The
// keeper used to read the role at the newest block and rejected it (not_router): the provider lost its pay
// for work done on a valid ticket.
func TestRevokedRouterSessionCreditedAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1, manual: true})
	rec := env.Record(t, 1, 100, 600, 1e12) // router 1 (granted at the deployment), closed now
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 1))
	setRouter(t, ctx, env, devnet.DevKey(testenv.RouterKey), false)

	k.feeds[0].Add(t, rec)
	n, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "the session served before the revocation is credited")
	rej, err := k.led.RejectedAfter(ctx, 0, 10)
	require.NoError(t, err)
	require.Empty(t, rej)
}

// TestRevokedRouterCannotBackdateAnvil (THREATS.md, router: revoked router backdating): the admin revokes a
// router; later the router signs a ticket for an RFC its user signed after the revocation (deadline 10
// minutes ahead of the chain), with the ticket's notAfter and the record's createdAt both dated before the
// revocation. Not credited (not_router): the session cannot have started before the RFC's deadline minus
// 10 minutes, after the revocation, whatever the router claims. It stays refused after the router is
// granted the role again (the keeper used to read the role at the newest block and credited it then).
func TestRevokedRouterCannotBackdateAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	v := chainVerifier(t, ctx, env, 1)
	router := devnet.DevKey(testenv.RouterKey)
	revokedAt := setRouter(t, ctx, env, router, false)

	// The RFC signed now, after the revocation: deadline revokedAt + 600.
	rec := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: revokedAt + 300,
		Closed: revokedAt + 110})
	rec.Ticket.NotAfter = revokedAt - 1 // the ticket "expired" before the revocation
	rec.CreatedAt = revokedAt - 3600    // "issued" an hour before it
	rec = signedBy(t, env, rec, router) // signed with the router's key, as it can sign anything
	require.Equal(t, revokedAt+600, rec.RFC.Deadline)

	notRouter := func() {
		t.Helper()
		_, _, err := verifyFinal(t, ctx, env, v, rec)
		r, ok := ledger.IsRejection(err)
		require.True(t, ok, "%v", err)
		require.Equal(t, ledger.RejectNotRouter, r.Code, r.Detail)
	}
	notRouter()
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 700))
	setRouter(t, ctx, env, router, true)
	notRouter()

	// The same router's honest session after the new grant is credited.
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	s, _, err := verifyFinal(t, ctx, env, v, env.RecordSpec(t, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: head.Time, Closed: head.Time + 110}))
	require.NoError(t, err)
	require.Equal(t, uint32(100), s.Seconds)
}

// TestRevocationSameRootAnvil (PROTOCOL §8: two keepers fed the same feeds produce the same root): keeper A
// assembles an epoch of a router's session before the admin revokes the router, keeper B, fed the same
// feed, after. Same sessions, same root. B used to read the role at the newest block, reject the session and
// assemble another root (or none).
func TestRevocationSameRootAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	feed := testenv.NewFeed(t)
	feed.Add(t, env.Record(t, 1, 100, 600, 1e12))
	assemble := func(k *keeper) *ledger.EpochRow {
		t.Helper()
		n, err := k.led.IngestOnce(ctx)
		require.NoError(t, err)
		require.Equal(t, 1, n, "the session is credited")
		return assembleEpoch0(t, ctx, env, k, nil)
	}
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, confirmations: 1, manual: true, feedList: []*testenv.Feed{feed}}
	opts.dsn = dbtest.SQLite(t)
	before := assemble(startKeeper(t, ctx, env, opts))

	require.NoError(t, env.Anvil.IncreaseTime(ctx, 1))
	setRouter(t, ctx, env, devnet.DevKey(testenv.RouterKey), false)
	opts.dsn = dbtest.SQLite(t)
	after := assemble(startKeeper(t, ctx, env, opts))
	requireSameEpoch(t, before, after, 1)
}

// TestRouterGrantedInUnfinalBlockWaitedForAnvil: a session of a router granted ROUTER_ROLE in a block not
// yet final (3 confirmations) is neither rejected nor credited: verification says ErrSignersNotFinal (the
// page is retried) until the chain is final past the session's start, then credits it. The keeper used to
// read the role at the newest block, so a keeper reading before the grant's block was final could reach
// another verdict than one reading after a reorg dropped it.
func TestRouterGrantedInUnfinalBlockWaitedForAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	v := chainVerifier(t, ctx, env, 3)
	router2 := devnet.DevKey(6)
	grantedAt := setRouter(t, ctx, env, router2, true)
	rec := signedBy(t, env, env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12,
		Created: grantedAt, Closed: grantedAt + 110}), router2)

	raw, err := json.Marshal(rec)
	require.NoError(t, err)
	_, err = v.Verify(ctx, "feed", raw)
	require.True(t, errors.Is(err, ledger.ErrSignersNotFinal), "%v", err)
	_, isRej := ledger.IsRejection(err)
	require.False(t, isRej)

	s, waited, err := verifyFinal(t, ctx, env, v, rec)
	require.NoError(t, err)
	require.True(t, waited, "credited only once the grant's block is final")
	require.Equal(t, uint32(100), s.Seconds)
}
