package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/faultproxy"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestProviderSignerNotReusableAnvil (THREATS.md, provider: reuse another provider's signer): two providers
// registered on anvil, each with a signer of its own, and the keeper's ChainRegistry reading the real
// Marketplace (no cache). A receipt of provider A's session countersigned by provider B's signer is
// rejected (bad_provider_signature), and so is B's session countersigned by A's; B cannot register A's
// signer as its own. After A rotates to a new signer, A's receipts closed since are credited signed by the
// new key, not by the old one (TestRetiredSignerAnvil), and B's countersigned by either still are not.
// The registry reads the signers from its SignerHistory (every block final: confirmations 1, no slack).
func TestProviderSignerNotReusableAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	v := chainVerifier(t, ctx, env, 1)

	// Provider B: account 9, a signer of its own, staked like A.
	ownerB := devnet.DevKey(9)
	provB := crypto.PubkeyToAddress(ownerB.PublicKey)
	signerB, _ := crypto.ToECDSA(crypto.Keccak256([]byte("provider B signer")))
	require.NoError(t, env.Market.FundMOR(ctx, provB, devnet.MOR(100)))
	require.NoError(t, env.Market.RegisterProvider(ctx, ownerB, signerB, "https://b.example", devnet.MOR(100)))

	const price = 1_000_000_000_000
	nonce := uint64(0)
	// session makes a fresh record of provider's session countersigned by signer.
	// It closes after the newest block: a key registered before is the provider's at the close, whatever
	// the chain's clock is against the wall clock (anvil's runs ahead; a record dated before a key's
	// registration block may be refused, keeper/README "Provider signers").
	session := func(provider *ecdsa.PrivateKey, signer *ecdsa.PrivateKey) wire.SessionRecord {
		nonce++
		head, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		closed := max(head.Time, uint64(time.Now().Unix())) + 1
		return testenv.MakeRecordSpec(t, env.Domain, crypto.PubkeyToAddress(provider.PublicKey), signer, env.ModelID,
			testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600, Price: price, Created: closed - 110, Closed: closed})
	}
	// A key is judged once the chain is final past the close (the keeper retries the page until then):
	// verifyFinal makes a block per retry, as a live chain would make them (waiting instead made the test
	// depend on how far the chain's clock ran ahead of the wall clock the record was closed at).
	check := func(r wire.SessionRecord, wantCode string) {
		t.Helper()
		requireVerdict(t, ctx, env, v, r, wantCode)
	}
	ownerA := devnet.DevKey(testenv.ProviderKey)

	check(session(ownerA, env.Signer), "")
	check(session(ownerB, signerB), "")
	check(session(ownerA, signerB), ledger.RejectBadProviderSig)
	check(session(ownerB, env.Signer), ledger.RejectBadProviderSig)

	// Even with the signer's own proof for B, B cannot take A's signer.
	_, err := env.Market.UpdateProvider(ctx, ownerB, env.Signer, "https://b.example")
	require.ErrorContains(t, err, "custom error 0xf476ac0d", "B cannot take A's signer: SignerInUse(signer, A)")

	// A rotates its signer.
	newSignerA, _ := crypto.ToECDSA(crypto.Keccak256([]byte("provider A signer, rotated")))
	_, err = env.Market.UpdateProvider(ctx, ownerA, newSignerA, "https://provider.example")
	require.NoError(t, err)
	check(session(ownerA, newSignerA), "")
	check(session(ownerA, env.Signer), ledger.RejectBadProviderSig) // retired before the close
	check(session(ownerB, newSignerA), ledger.RejectBadProviderSig)
	check(session(ownerB, env.Signer), ledger.RejectBadProviderSig)
	check(session(ownerA, signerB), ledger.RejectBadProviderSig)
}

// signerLogRange is the eth_getLogs range the proxy of these tests allows, as a public L2 endpoint caps it.
const signerLogRange = 8

// rangeCappedKeeper starts a manual keeper on a fresh devnet whose every RPC goes through a proxy that
// refuses eth_getLogs over more than signerLogRange blocks (or up to "latest"); the chain is first made
// several ranges long.
func rangeCappedKeeper(t *testing.T, ctx context.Context) (*testenv.Env, *faultproxy.Proxy, *keeper) {
	env := testenv.New(t, ctx, testenv.Options{})
	proxy := faultproxy.New(t, env.Anvil.URL, faultproxy.Config{MaxLogRange: signerLogRange})
	proxy.Pause() // no injected faults: only the range cap
	env.Mine(3 * signerLogRange)
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{proxy.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		logRange: signerLogRange, manual: true})
	return env, proxy, k
}

// rotateSigner makes the test provider's signer a fresh key (devnettest.Key(seed)), in a block later than every
// block before by at least a second (anvil gives blocks of the same second the same time), and returns it.
func rotateSigner(t *testing.T, ctx context.Context, env *testenv.Env, seed string) (*types.Receipt, *ecdsa.PrivateKey) {
	key := devnettest.Key(seed)
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 1))
	r, err := env.Market.UpdateProvider(ctx, devnet.DevKey(testenv.ProviderKey), key, "https://provider.example")
	require.NoError(t, err)
	return r, key
}

// TestRotatedSignerCreditedBehindRangeCapAnvil (THREATS.md, provider: signer rotation; RPC: capped
// eth_getLogs): a receipt signed by the provider's signer, which the provider rotates away from after the
// close and before the keeper ingests it, is credited, with the RPC behind a proxy that refuses eth_getLogs
// over more than 8 blocks. Before the signer history the keeper asked for the provider's events from block 0
// to latest, was refused, and retried the page forever (the feed stalled).
func TestRotatedSignerCreditedBehindRangeCapAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env, proxy, k := rangeCappedKeeper(t, ctx)
	const price = 1_000_000_000_000
	old := env.Record(t, 1, 100, 600, price) // closed now, signed by the registered signer
	rotateSigner(t, ctx, env, "rotated after the close")

	k.feeds[0].Add(t, old)
	n, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n, "the receipt signed before the rotation is credited")
	served, refused := proxy.LogQueries()
	require.Zero(t, refused, "no eth_getLogs wider than the endpoint's cap")
	require.NotZero(t, served)
}

// TestBogusSignerRejectedWithoutHistoryScanAnvil (THREATS.md, router: bogus provider signatures): records
// whose receipt a stranger signed, closed in the past, are rejected (bad_provider_signature, a definite
// rejection, not a retried page), and checking them reads the signer events once: a second page of bogus
// records asks eth_getLogs nothing more (no new block), where the keeper used to scan the provider's whole
// history for each of them.
func TestBogusSignerRejectedWithoutHistoryScanAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env, proxy, k := rangeCappedKeeper(t, ctx)
	stranger, _ := crypto.ToECDSA(crypto.Keccak256([]byte("not the provider's signer")))
	now := uint64(time.Now().Unix())
	nonce := uint64(0)
	bogus := func() []any {
		var out []any
		for range 5 {
			nonce++
			r := env.RecordSpec(t, testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: now - 300, Closed: now - 180})
			sig, err := env.Domain.Sign(r.Receipt, stranger)
			require.NoError(t, err)
			r.ProviderSignature = &sig
			out = append(out, r)
		}
		return out
	}
	ingest := func() {
		t.Helper()
		k.feeds[0].Add(t, bogus()...)
		n, err := k.led.IngestOnce(ctx)
		require.NoError(t, err, "a bogus signature is a rejection, not a transient error")
		require.Zero(t, n)
	}
	ingest()
	served, refused := proxy.LogQueries()
	require.Zero(t, refused)
	head, err := env.Client.BlockNumber(ctx)
	require.NoError(t, err)
	require.LessOrEqual(t, served, int(head-env.Deployment.StartBlock)/signerLogRange+1, "the history once, in ranges")
	ingest()
	again, _ := proxy.LogQueries()
	require.Equal(t, served, again, "no eth_getLogs for the second page's bogus records")

	rows, err := k.st.RejectedAfter(ctx, 0, 100)
	require.NoError(t, err)
	require.Len(t, rows, 10)
	for _, r := range rows {
		require.Equal(t, ledger.RejectBadProviderSig, r.Code)
	}
}

// TestSignerInUnfinalBlockWaitedForAnvil: a record signed by a key the provider registered in a block
// not yet final (3 confirmations) is not rejected: verification says ErrSignersNotFinal (the page is
// retried) and, once the chain is final past the record's close, credits it.
func TestSignerInUnfinalBlockWaitedForAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	v := chainVerifier(t, ctx, env, 3)

	rcpt, key := rotateSigner(t, ctx, env, "registered in a fresh block")
	hdr, err := env.Client.HeaderByNumber(ctx, rcpt.BlockNumber)
	require.NoError(t, err)
	closed := hdr.Time + 1
	rec := testenv.MakeRecordSpec(t, env.Domain, env.Provider, key, env.ModelID,
		testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: closed - 110, Closed: closed})
	raw, err := json.Marshal(rec)
	require.NoError(t, err)

	_, err = v.Verify(ctx, "feed", raw)
	require.True(t, errors.Is(err, ledger.ErrSignersNotFinal), "%v", err)
	_, isRej := ledger.IsRejection(err)
	require.False(t, isRej)

	s, waited, err := verifyFinal(t, ctx, env, v, rec)
	require.NoError(t, err)
	require.True(t, waited)
	require.Equal(t, uint32(100), s.Seconds)
}

// TestRetiredSignerAnvil (THREATS.md, provider: signer rotation; a leaked hot key): the provider rotates
// from key K1 to K2 in a block of time T, and the keeper reads every record after the rotation. A record
// closed before T signed by K1 is credited (a receipt signed before a rotation stays valid); one closed
// after T signed by K1 is bad_provider_signature, and one of a session started after T signed by K2 carrying
// K1's ticket acceptance bad_ticket_acceptance: a rotation retires K1, so whoever holds it cannot sign for
// later closes nor accept later sessions (K1's acceptance of a session started before T and closed after it
// with K2's receipt is credited: TestAcceptanceAcrossRotationAnvil). One
// closed after T signed by K2 is credited; one closed before T signed by K2 is bad_provider_signature (a key
// registered after the close: TestLateSignerSameRootAnvil). The keeper used to take any key the provider
// ever registered, whenever: it credited K1's records after T and K2's before it.
func TestRetiredSignerAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	v := chainVerifier(t, ctx, env, 1)
	rcpt, k2 := rotateSigner(t, ctx, env, "K2")
	rotatedAt := blockTimeOf(t, ctx, env, rcpt)

	nonce := uint64(0)
	record := func(signer *ecdsa.PrivateKey, closed uint64) wire.SessionRecord {
		nonce++
		return testenv.MakeRecordSpec(t, env.Domain, env.Provider, signer, env.ModelID,
			testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: closed - 110, Closed: closed})
	}
	check := func(r wire.SessionRecord, wantCode string) {
		t.Helper()
		requireVerdict(t, ctx, env, v, r, wantCode)
	}
	check(record(env.Signer, rotatedAt-1), "")
	check(record(env.Signer, rotatedAt), ledger.RejectBadProviderSig)
	check(record(env.Signer, rotatedAt+100), ledger.RejectBadProviderSig)
	check(record(k2, rotatedAt-1), ledger.RejectBadProviderSig)
	check(record(k2, rotatedAt), "")
	retiredAcceptance := record(k2, rotatedAt+120) // started 10 s after the rotation
	acc, err := settle.SignAcceptance(env.Domain, &retiredAcceptance.Ticket, retiredAcceptance.Router, env.Signer)
	require.NoError(t, err)
	retiredAcceptance.TicketAcceptance = &acc
	check(retiredAcceptance, ledger.RejectBadAcceptance)
	acrossRotation := record(k2, rotatedAt+100) // started 10 s before the rotation: K1 accepted it then
	acc, err = settle.SignAcceptance(env.Domain, &acrossRotation.Ticket, acrossRotation.Router, env.Signer)
	require.NoError(t, err)
	acrossRotation.TicketAcceptance = &acc
	check(acrossRotation, "")
	beforeAcceptance := record(env.Signer, rotatedAt-1) // K1 accepted and signed before the rotation
	acc, err = settle.SignAcceptance(env.Domain, &beforeAcceptance.Ticket, beforeAcceptance.Router, env.Signer)
	require.NoError(t, err)
	beforeAcceptance.TicketAcceptance = &acc
	check(beforeAcceptance, "")
}

// TestLateSignerSameRootAnvil (PROTOCOL §8: two keepers fed the same feeds produce the same root;
// THREATS.md, provider: reach back with a key registered after the fact): a feed carries an honest record
// of the provider and two of its records closed before it registers key K: one whose receipt K signed, one
// carrying K's ticket acceptance. Keeper A assembles the epoch before the provider registers K, keeper B,
// fed the same feed, after. Both reject the two (bad_provider_signature, bad_ticket_acceptance), credit the
// honest one and commit the same root. B used to take K as the provider's whenever it was registered: it
// credited the two records A rejected and committed another root.
func TestLateSignerSameRootAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	late := devnettest.Key("registered after the close")
	feed := testenv.NewFeed(t)
	honest := env.Record(t, 1, 100, 600, 1e12) // closed now, signed by the registered key
	closed := honest.ClosedAt
	bySigner := testenv.MakeRecordSpec(t, env.Domain, env.Provider, late, env.ModelID,
		testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600, Price: 1e12, Created: closed - 110, Closed: closed})
	byAcceptance := env.Record(t, 3, 100, 600, 1e12)
	acc, err := settle.SignAcceptance(env.Domain, &byAcceptance.Ticket, byAcceptance.Router, late)
	require.NoError(t, err)
	byAcceptance.TicketAcceptance = &acc
	feed.Add(t, honest, bySigner, byAcceptance)

	assemble := func(k *keeper) *ledger.EpochRow {
		t.Helper()
		e := assembleEpoch0(t, ctx, env, k, func(k *keeper) bool { // and the two records judged
			rej, err := k.led.RejectedAfter(ctx, 0, 10)
			require.NoError(t, err)
			return len(rej) == 2
		})
		rej, err := k.led.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		codes := map[string]string{}
		for _, r := range rej {
			codes[r.SessionID] = r.Code
		}
		require.Equal(t, map[string]string{bySigner.SessionID.Hex(): ledger.RejectBadProviderSig,
			byAcceptance.SessionID.Hex(): ledger.RejectBadAcceptance}, codes)
		return e
	}
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, confirmations: 1, manual: true, feedList: []*testenv.Feed{feed}}
	opts.dsn = dbtest.SQLite(t)
	before := assemble(startKeeper(t, ctx, env, opts))

	rcpt, key := rotateSigner(t, ctx, env, "registered after the close")
	require.Equal(t, crypto.PubkeyToAddress(late.PublicKey), crypto.PubkeyToAddress(key.PublicKey))
	require.Greater(t, blockTimeOf(t, ctx, env, rcpt), closed)
	opts.dsn = dbtest.SQLite(t)
	after := assemble(startKeeper(t, ctx, env, opts))
	requireSameEpoch(t, before, after, 1)
}

// TestDepositsReadBehindRangeCapAnvil (RPC: capped eth_getLogs): the deposits follower keeps to the keeper's
// --log-range too. Behind the proxy that refuses eth_getLogs over more than 8 blocks, a deposit-paid session
// is settled with its spend read from the user's deposit, and no query was refused (with the former fixed
// 10,000-block range every read was refused and the epoch never assembled).
func TestDepositsReadBehindRangeCapAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	env, proxy, k := rangeCappedKeeper(t, ctx)
	const user, price = 7, 1_000_000_000_000
	depositMOR(t, ctx, env, user, devnet.MOR(1))
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	closed := head.Time + 1 // served after the deposit
	k.feeds[0].Add(t, env.RecordSpec(t, testenv.Spec{User: devnet.DevKey(user), Nonce: 1, Seconds: 10, MaxSeconds: 600,
		Price: price, UseDeposit: true, Created: closed - 20, Closed: closed}))
	env.Warp(2) // a block past the close: the provider's signer at the close is final
	n, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	require.Eventually(t, func() bool {
		env.Mine(1)                                      // the deposits as of the cutoff become final
		if _, err := k.led.IngestOnce(ctx); err != nil { // the feed read to its end after the cutoff
			t.Logf("ingest: %v", err)
		}
		if err := k.led.Assemble(ctx); err != nil {
			t.Logf("assemble: %v", err)
		}
		_, err := k.led.LiveEpoch(ctx, 0)
		return err == nil
	}, time.Minute, 50*time.Millisecond, "the epoch is assembled")
	require.Equal(t, uint64(10*price), spendOf(t, ctx, k.led, 0, crypto.PubkeyToAddress(devnet.DevKey(user).PublicKey)))
	served, refused := proxy.LogQueries()
	require.Zero(t, refused, "no eth_getLogs wider than the endpoint's cap")
	require.NotZero(t, served)
}
