package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestAcceptanceAcrossRotationAnvil (THREATS.md, provider: signer rotation; router: copies of a session),
// with the real registry on anvil: the provider rotates its signer from K1 to K2 in the middle of a session
// of router A. The session's close carries K1's acceptance (signed at its first request) and K2's receipt
// signature. A second ROUTER_ROLE key B publishes a copy: the same ticket re-signed, the user's receipt
// signature alone, dated before the rotation (closedAt at its start), billing 1 s, without K1's acceptance
// (it names A). The keeper judges an acceptance by the provider's signer at the session's start or at its
// close: the honest close is credited in full (100 s) and the copy rejected (ticket_not_accepted), where the
// keeper used to reject the honest close (bad_ticket_acceptance: K1 was not the signer at the close) and
// credit the copy 1 s. Then the provider registers K3: a session that started and closed before it stays unaccepted by K3
// (bad_ticket_acceptance), and K1, retired, accepts no session that started after the rotation.
func TestAcceptanceAcrossRotationAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	routerB := devnet.DevKey(6)
	require.NoError(t, env.GrantRouterRole(ctx, crypto.PubkeyToAddress(routerB.PublicKey)))
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	granted := head.Time // B holds ROUTER_ROLE from then on
	rcpt, k2 := rotateSigner(t, ctx, env, "K2, mid-session")
	rotatedAt := blockTimeOf(t, ctx, env, rcpt)
	require.Greater(t, rotatedAt, granted)

	const price = 1_000_000_000_000
	// A's session began before B's grant and the rotation, and closed 40 s after the rotation.
	honest := testenv.MakeRecordSpec(t, env.Domain, env.Provider, k2, env.ModelID, testenv.Spec{Nonce: 1, Seconds: 100,
		MaxSeconds: 600, Price: price, Created: granted - 60, Closed: rotatedAt + 40})
	k1Acceptance, err := settle.SignAcceptance(env.Domain, &honest.Ticket, honest.Router, env.Signer)
	require.NoError(t, err)
	honest.TicketAcceptance = &k1Acceptance
	// B's copy: its createdAt when it held the role, closed then, before the rotation.
	copied := resigned(t, env, honest, routerB, 1)
	copied.ProviderSignature, copied.CloseReason = nil, wire.CloseOneSided
	copied.CreatedAt, copied.ClosedAt = granted, granted

	// The chain, and the keeper's clock with it, move past the honest close.
	env.Warp(60)
	head, err = env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Greater(t, head.Time, honest.ClosedAt)
	ahead := time.Duration(int64(head.Time)-time.Now().Unix()) * time.Second
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	fb.Add(t, copied) // read first
	fa.Add(t, honest)
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		manual: true, feedList: []*testenv.Feed{fb, fa}, now: func() time.Time { return time.Now().Add(ahead) }})
	e := assembleEpoch0(t, ctx, env, k, func(k *keeper) bool { return len(rejectedCodes(t, ctx, k.led)) > 0 })
	require.Equal(t, credit(t, 100, price).Dec(), e.Total.Dec(), "the honest close, in full")
	require.Equal(t, int64(1), e.Sessions)
	require.Equal(t, map[string]int{ledger.RejectTicketNotAccepted: 1}, rejectedCodes(t, ctx, k.led), "B's 1 s copy")

	// K3, registered after both the start and the close of a session, does not accept it.
	v := chainVerifier(t, ctx, env, 1)
	rcpt, k3 := rotateSigner(t, ctx, env, "K3, after the close")
	k3At := blockTimeOf(t, ctx, env, rcpt)
	late := testenv.MakeRecordSpec(t, env.Domain, env.Provider, k2, env.ModelID, testenv.Spec{Nonce: 2, Seconds: 100,
		MaxSeconds: 600, Price: price, Created: k3At - 120, Closed: k3At - 1})
	acc, err := settle.SignAcceptance(env.Domain, &late.Ticket, late.Router, k3)
	require.NoError(t, err)
	late.TicketAcceptance = &acc
	requireVerdict(t, ctx, env, v, late, ledger.RejectBadAcceptance)
	acc, err = settle.SignAcceptance(env.Domain, &late.Ticket, late.Router, k2) // the key in force: credited
	require.NoError(t, err)
	late.TicketAcceptance = &acc
	requireVerdict(t, ctx, env, v, late, "")

	// K1, retired at the rotation, does not accept a session that started after it (the receipt is K2's).
	require.Greater(t, k3At, rotatedAt+50)
	after := testenv.MakeRecordSpec(t, env.Domain, env.Provider, k2, env.ModelID, testenv.Spec{Nonce: 3, Seconds: 40,
		MaxSeconds: 600, Price: price, Created: rotatedAt, Closed: rotatedAt + 50})
	acc, err = settle.SignAcceptance(env.Domain, &after.Ticket, after.Router, env.Signer)
	require.NoError(t, err)
	after.TicketAcceptance = &acc
	requireVerdict(t, ctx, env, v, after, ledger.RejectBadAcceptance)
}

// TestDeepReorgRejectsPendingOnRecheckAnvil (THREATS "the chain / RPC"): a session verified and pending on a
// signer rotation a deep reorg takes back. With one confirmation the provider's rotation to K2 is final at
// once, and keeper a ingests a session closed after it, its receipt signed by K2, beside one closed before it
// and signed by K1. A reorg replaces the rotation's block and the one after it with empty ones (deeper than
// the confirmation): on the chain that stays K1 signs for both closes. Keeper a's next assembly verifies its
// pending sessions again: K2's is rejected (bad_provider_signature_on_recheck, as keeper b, reading the same
// feed only after the reorg, rejects it: bad_provider_signature) and both keepers assemble the same root,
// K1's session alone. Before, keeper a credited K2's too.
func TestDeepReorgRejectsPendingOnRecheckAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ledger.FreshFinal(t, 0) // every assembly reads the chain: no wait for the history's answer to age
	env, r := chainWithRPC(t, ctx)
	rcpt, k2 := rotateSigner(t, ctx, env, "K2, reorged away")
	rotatedAt := blockTimeOf(t, ctx, env, rcpt)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10)) // a block later than the closes: final past them
	const price, secs = 1_000_000, 5
	byK1 := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: secs, MaxSeconds: 600, Price: price, Created: rotatedAt - 60, Closed: rotatedAt - 50})
	byK2 := testenv.MakeRecordSpec(t, env.Domain, env.Provider, k2, env.ModelID, testenv.Spec{Nonce: 2, Seconds: secs, MaxSeconds: 600,
		Price: price, Created: rotatedAt, Closed: rotatedAt + secs})
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1, epochLength: 24 * time.Hour,
		manual: true, now: func() time.Time { return time.Unix(int64(rotatedAt), 0).Add(72 * time.Hour) }}
	a := startKeeper(t, ctx, env, opts)
	a.feeds[0].Add(t, byK1, byK2)
	n, err := a.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 2, n, "both verified and pending")
	require.NoError(t, a.led.Started(ctx)) // the start's recheck done: only the reorg flags them again

	b := afterDeepReorg(t, ctx, env, r, a, opts) // the rotation never happened

	e, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, credit(t, secs, price).Dec(), e.Total.Dec(), "K1's session alone")
	sameEpoch0(t, ctx, a, b)
	require.Equal(t, map[string]int{ledger.RejectBadProviderSig + "_on_recheck": 1}, rejectedCodes(t, ctx, a.led))
	require.Equal(t, map[string]int{ledger.RejectBadProviderSig: 1}, rejectedCodes(t, ctx, b.led))
}
