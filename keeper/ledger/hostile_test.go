package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestHostileRouterAnvil (issue 13): a second key holding ROUTER_ROLE, colluding with the provider, feeds
// the keeper sessions no user asked for: tickets for a user who signed no RFC (or whose RFC it forged),
// closed by the provider alone with requests signed by a session key the router chose; tickets that do
// not match the user's RFC (higher price, longer maxSeconds, another model, another session key); and the
// honest router's session presented again under its own ticket (same RFC, same session id). The keeper
// credits none of it: each record is rejected with its own code (GET /v1/rejected), the root commits and
// the batched claims pay exactly the honest sessions. Real anvil, real HTTP feeds, SQLite and PostgreSQL.
func TestHostileRouterAnvil(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		env := testenv.New(t, ctx, testenv.Options{BlockTime: time.Second})
		hostile := devnet.DevKey(6)
		hostileAddr := crypto.PubkeyToAddress(hostile.PublicKey)
		require.NoError(t, env.GrantRouterRole(ctx, hostileAddr))
		otherModel := env.RegisterModel(devnet.DevKey(testenv.BuilderKey), "mistral", "7b", testenv.FeeBps)

		const price = 1_000_000_000_000
		// What the hostile router signs: the ticket as it likes, the record naming itself.
		byHostile := func(r *wire.SessionRecord) {
			sig, err := env.Domain.Sign(&r.Ticket, hostile)
			require.NoError(t, err)
			r.TicketSignature, r.Router = sig, hostileAddr
		}
		// The provider closes alone, with a request signed by key (the session key the router put in the ticket).
		providerAlone := func(r *wire.SessionRecord, key *ecdsa.PrivateKey) {
			body := []byte(`{"model":"m","messages":[]}`)
			at := r.CreatedAt + 20
			sig, err := eip712.Sign(wire.RequestDigest(wire.RequestText(env.Domain.ChainID(), r.SessionID, 1, at, "POST", "/v1/chat/completions", body)), key)
			require.NoError(t, err)
			r.LastRequest = &wire.SignedRequest{Seq: 1, Time: at, Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash(body), Signature: sig}
			r.UserSignature, r.CloseReason = nil, wire.CloseOneSided
		}
		// rebind gives r the session id its (new) RFC digest and provider derive, with a fresh provider receipt.
		rebind := func(r *wire.SessionRecord, id common.Hash) {
			r.SessionID, r.Ticket.SessionID, r.Receipt.SessionID = id, id, id
			ps, err := env.Domain.Sign(r.Receipt, env.Signer)
			require.NoError(t, err)
			r.ProviderSignature = &ps
		}
		victim := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)

		// Honest sessions through the honest router (account 1). The first starts after the hostile key's
		// grant, so that key held the role when it could have issued it (4. below: a duplicate, not not_router).
		head, err := env.Client.HeaderByNumber(ctx, nil)
		require.NoError(t, err)
		honest := []wire.SessionRecord{env.RecordSpec(t, testenv.Spec{Nonce: 0, Seconds: 1, MaxSeconds: 600, Price: price,
			Created: head.Time, Closed: max(head.Time, uint64(time.Now().Unix())) + 1})}
		for i := 1; i < 3; i++ {
			honest = append(honest, env.Record(t, uint64(i), uint32(100+10*i), 600, price))
		}

		// 1. A user who signed no RFC: no RFC in the record.
		noRFC := env.Record(t, 10, 200, 600, price)
		noRFC.RFC, noRFC.RFCSignature = nil, nil
		noRFC.Ticket.User, noRFC.Ticket.SessionKey = victim, hostileAddr
		rebind(&noRFC, crypto.Keccak256Hash([]byte("made up")))
		byHostile(&noRFC)
		providerAlone(&noRFC, hostile)

		// 2. The same, with an RFC the router signed itself in the victim's name.
		forged := env.Record(t, 11, 200, 600, price)
		forged.RFC.User, forged.RFC.SessionKey = victim, hostileAddr
		fs, err := env.Domain.Sign(forged.RFC, hostile)
		require.NoError(t, err)
		forged.RFCSignature = &fs
		forged.Ticket.User, forged.Ticket.SessionKey = victim, hostileAddr
		rebind(&forged, eip712.SessionID(env.Domain.Digest(forged.RFC), env.Provider))
		byHostile(&forged)
		providerAlone(&forged, hostile)

		// 3. Tickets that do not match the user's (genuine) RFC.
		mismatch := func(i uint64, mod func(*wire.SessionRecord)) wire.SessionRecord {
			r := env.Record(t, i, 150, 600, price)
			mod(&r)
			byHostile(&r)
			return r
		}
		dearer := mismatch(20, func(r *wire.SessionRecord) { r.Ticket.PricePerSecond.AddUint64(&r.Ticket.PricePerSecond, 1) })
		longer := mismatch(21, func(r *wire.SessionRecord) { r.Ticket.MaxSeconds += 3600 })
		otherM := mismatch(22, func(r *wire.SessionRecord) { r.Ticket.ModelID = otherModel })
		otherKey := mismatch(23, func(r *wire.SessionRecord) {
			r.Ticket.SessionKey = hostileAddr
			us, err := env.Domain.Sign(r.Receipt, hostile)
			require.NoError(t, err)
			r.UserSignature = &us
		})

		// 4. The honest router's first session presented again by the hostile router: same RFC, same provider,
		// so the same session id — credited once, whichever feed is read first. (Of a session that started
		// before the hostile key's grant, the copy would be not_router: TestRevokedRouterCannotBackdateAnvil.)
		again := honest[0]
		byHostile(&again)

		k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 1, feeds: 2,
			callTimeout: 5 * time.Second, claims: true, log: zaptest.NewLogger(t, zaptest.Level(zap.WarnLevel))})
		k.feeds[0].Add(t, honest[0], honest[1], honest[2])
		k.feeds[1].Add(t, noRFC, forged, dearer, longer, otherM, otherKey, again)

		provWant, buildWant, total := expectedCredits(t, honest, price)

		// Every record is judged: 3 credited, 7 rejected, each with its own code.
		require.Eventually(t, func() bool {
			rej, err := k.led.RejectedAfter(ctx, 0, 100)
			return err == nil && len(rej) == 7 && k.settled(ctx, 3, []string{ledger.StateConfirmed, ledger.StateClaimable}, "")
		}, 90*time.Second, 100*time.Millisecond)
		rej, err := k.led.RejectedAfter(ctx, 0, 100)
		require.NoError(t, err)
		codes := map[string]int{}
		for _, r := range rej {
			codes[r.Code]++
		}
		require.Equal(t, map[string]int{ledger.RejectMissingRFC: 1, ledger.RejectBadRFCSignature: 1, settle.CodePriceOverRFC: 1,
			settle.CodeMaxSecondsOverRFC: 1, settle.CodeModelMismatch: 1, settle.CodeSessionKeyMismatch: 1, ledger.RejectDuplicate: 1}, codes)

		// One more honest session: its epoch is assembled after every rejection, so the batch files list
		// them all (each epoch's file lists those since the previous epoch), with the records as served.
		last := env.Record(t, 3, 40, 600, price)
		honest = append(honest, last)
		p, b, err := wire.Credit(last.BilledSeconds, uint256.NewInt(price), testenv.FeeBps)
		require.NoError(t, err)
		provWant.Add(&provWant, p)
		buildWant.Add(&buildWant, b)
		total.Add(&provWant, &buildWant)
		k.feeds[0].Add(t, last)
		require.Eventually(t, func() bool {
			return k.settled(ctx, 4, []string{ledger.StateConfirmed, ledger.StateClaimable}, "")
		}, 90*time.Second, 100*time.Millisecond)
		epochs, err := k.led.Epochs(ctx)
		require.NoError(t, err)
		listed := map[string]int{}
		for _, e := range epochs {
			path, err := k.led.BatchPath(ctx, e.Number)
			require.NoError(t, err)
			raw, err := os.ReadFile(path)
			require.NoError(t, err)
			var bf ledger.BatchFile
			require.NoError(t, json.Unmarshal(raw, &bf))
			for _, r := range bf.Rejected {
				listed[r.Code]++
				require.NotEmpty(t, r.Record)
			}
		}
		require.Equal(t, codes, listed, "every rejection is in a batch file")

		// The dispute window passes; the keeper's batched claims pay exactly the honest sessions.
		require.NoError(t, env.Anvil.IncreaseTime(ctx, 61))
		require.Eventually(t, func() bool {
			return k.settled(ctx, 4, []string{ledger.StateClaimable}, ledger.ClaimsDone)
		}, 90*time.Second, 100*time.Millisecond)
		call := &bind.CallOpts{Context: ctx}
		committed, err := env.Pool.TotalCommitted(call)
		require.NoError(t, err)
		require.Equal(t, total.Dec(), committed.String(), "committed: the honest sessions only")
		for _, c := range []struct {
			a    common.Address
			want *uint256.Int
		}{{env.Provider, &provWant}, {env.Builder, &buildWant}} {
			got, err := env.Pool.Claimed(call, c.a)
			require.NoError(t, err)
			require.Equal(t, c.want.Dec(), got.String(), "claimed by %s", c.a)
		}
	})
}
