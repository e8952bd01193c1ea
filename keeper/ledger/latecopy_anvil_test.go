package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestExpiredCopyDoesNotVoidLateCloseAnvil (hostile router, protocol/README "A router alone"): router A's
// session closes with the receipt both parties signed and the provider's acceptance of A's ticket, but the
// close enters A's feed late (held by A's anomaly detector, cleared by its operator hours later). A second
// ROUTER_ROLE key B copies the RFC and A's ticket (re-signed: the provider's acceptance, which names A, does
// not go with it) and publishes the session as expired. The expired copy is charged at its hold's end (rfc.deadline + maxSeconds + 2 ×
// CloseWindow) in epoch 0, which another session of A makes worth committing, and billing nothing it is
// listed as nothing_billed: it does not own the session id. A's close, read after epoch 0 was committed, is
// charged in epoch 1 with B's billing copy of it (not accepted, rejected by the copies rule): the session is
// credited once, and a third copy read after is a duplicate. Without the change A's close was a duplicate
// and the provider was paid nothing for what it served. Real anvil, SQLite and PostgreSQL:
//   - late close: as above;
//   - after a restart: the keeper is restarted (a new ledger on the same database) between the epochs;
//   - allowance used: other sessions of the user's day leave less than the late close costs: it is
//     credited exactly what is left (a shortfall, allowance_exceeded), never more.
func TestExpiredCopyDoesNotVoidLateCloseAnvil(t *testing.T) {
	for _, c := range []struct {
		name             string
		restart, squeeze bool
		dsn              func(testing.TB) string
	}{
		{name: "late close", dsn: dbtest.SQLite},
		{name: "after a restart", restart: true, dsn: dbtest.Postgres},
		{name: "allowance used", squeeze: true, dsn: dbtest.SQLite},
	} {
		t.Run(c.name, func(t *testing.T) { testExpiredCopyLateClose(t, c.dsn(t), c.restart, c.squeeze) })
	}
}

func testExpiredCopyLateClose(t *testing.T, dsn string, restart, squeeze bool) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	hostile := devnet.DevKey(6)
	require.NoError(t, env.GrantRouterRole(ctx, crypto.PubkeyToAddress(hostile.PublicKey)))
	// B held the role before A's session started (a ticket's signer is judged by the role at the start).
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 140))
	env.Mine(1)
	call := &bind.CallOpts{Context: ctx}
	day, err := env.Pool.CurrentDay(call)
	require.NoError(t, err)
	allowance, err := env.Pool.Allowance(call, crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey), day)
	require.NoError(t, err)
	require.Positive(t, allowance.Sign())
	// Each 100 s session costs a tenth of the allowance; squeezed, A's other session leaves 3/4 of one.
	price := new(big.Int).Div(allowance, big.NewInt(1000)).Uint64()
	if squeeze {
		price = new(big.Int).Div(new(big.Int).Mul(allowance, big.NewInt(4)), big.NewInt(700)).Uint64()
	}
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	t0 := head.Time // the chain clock is the wall clock: payoutStart is 3.5 days back, today lasts 12 h more

	honest := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: price, Created: t0 - 130, Closed: t0 - 5})
	acc, err := settle.SignAcceptance(env.Domain, &honest.Ticket, honest.Router, env.Signer)
	require.NoError(t, err)
	honest.TicketAcceptance = &acc
	expired := resigned(t, env, honest, hostile, 0)
	hold := honest.RFC.Deadline + uint64(honest.RFC.MaxSeconds) + 2*settle.CloseWindow
	// Another session of A, closed at the hold's end: epoch 0 (hour-long windows) credits it with the copy.
	other := env.RecordSpec(t, testenv.Spec{Nonce: 2, Seconds: 100, MaxSeconds: 600, Price: price, Created: hold - 130, Closed: hold})

	// The chain and the keeper's clock move past the end of the hold's window and its feed grace.
	require.NoError(t, env.Anvil.IncreaseTime(ctx, hold+3600+120-t0))
	env.Mine(2) // the deposits as of the cutoff are final
	head, err = env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	var clock atomic.Int64
	clock.Store(int64(head.Time))
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dsn, confirmations: 1, feedList: []*testenv.Feed{fa, fb},
		epochLength: time.Hour, manual: true, now: func() time.Time { return time.Unix(clock.Load(), 0) }}
	k := startKeeper(t, ctx, env, opts)

	fa.Add(t, other)
	fb.Add(t, expired)
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	e0, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	otherCredit := credit(t, 100, price)
	require.Equal(t, otherCredit.Dec(), e0.Total.Dec(), "epoch 0: A's other session")
	require.Equal(t, int64(1), e0.Sessions, "the expired copy is not among the credited sessions")
	require.Equal(t, map[string]int{ledger.RejectNothingBilled: 1}, rejectedCodes(t, ctx, k.led))
	k.drive(t, ctx, 0, "epoch 0 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	if restart {
		k = startKeeper(t, ctx, env, opts)
	}

	// A's close enters its feed now, with B's billing copy of it (A's ticket, 40 of 100 s).
	fa.Add(t, honest)
	fb.Add(t, resigned(t, env, honest, hostile, 40))
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	e1, err := k.led.LiveEpoch(ctx, 1)
	require.NoError(t, err, "no epoch 1: A's late close was credited nothing")
	late := credit(t, 100, price)
	if squeeze { // what the user-day's allowance has left after A's other session
		late.Sub(uint256.MustFromBig(allowance), otherCredit)
		require.True(t, late.Lt(credit(t, 100, price)), "the late close costs more than is left")
	}
	require.Equal(t, new(uint256.Int).Add(&e0.Total, late).Dec(), e1.Total.Dec(), "epoch 1: A's close, once")
	require.Equal(t, int64(1), e1.Sessions)
	want := map[string]int{ledger.RejectNothingBilled: 1, ledger.RejectTicketNotAccepted: 1} // B's copy lost by the acceptance
	if squeeze {
		want[ledger.RejectAllowance] = 1
	}
	require.Equal(t, want, rejectedCodes(t, ctx, k.led))
	k.drive(t, ctx, 1, "epoch 1 confirmed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })

	// A third copy, billing in full, read after A's close was credited: a duplicate, nothing more credited.
	fb.Add(t, resigned(t, env, honest, hostile, 100))
	_, err = k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	_, err = k.led.LiveEpoch(ctx, 2)
	require.Error(t, err, "nothing new to credit")
	want[ledger.RejectDuplicate]++
	require.Equal(t, want, rejectedCodes(t, ctx, k.led))
	committed, err := env.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, e1.Total.Dec(), committed.String(), "on-chain: A's two sessions, each once")
}

// resigned returns rec's ticket re-signed by key (another ROUTER_ROLE key), the record naming it, without
// rec's acceptance (it names rec's router: carried by this copy it is bad_ticket_acceptance,
// TestResignedTicketDoesNotCarryAcceptance): billing seconds of rec's receipt, or expired (no receipt) when
// seconds is 0.
func resigned(t *testing.T, env *testenv.Env, rec wire.SessionRecord, key *ecdsa.PrivateKey, seconds uint32) wire.SessionRecord {
	c := rec
	if seconds == 0 {
		c = wire.SessionRecord{SessionID: rec.SessionID, RFC: rec.RFC, RFCSignature: rec.RFCSignature, Ticket: rec.Ticket,
			CreatedAt: rec.CreatedAt, ClosedAt: rec.ClosedAt, CloseReason: wire.CloseExpired}
	}
	c.BilledSeconds, c.TicketAcceptance = seconds, nil
	c.Router = crypto.PubkeyToAddress(key.PublicKey)
	sig, err := env.Domain.Sign(&c.Ticket, key)
	require.NoError(t, err)
	c.TicketSignature = sig
	return c
}

// credit is what seconds at price credit in all (the provider's part and the builder's fee).
func credit(t *testing.T, seconds uint32, price uint64) *uint256.Int {
	p, b, err := wire.Credit(seconds, uint256.NewInt(price), testenv.FeeBps)
	require.NoError(t, err)
	return new(uint256.Int).Add(p, b)
}
