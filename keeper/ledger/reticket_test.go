package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/wire"
)

// twoRouters is fakeRegistry with a second ROUTER_ROLE key (devnet key 2).
type twoRouters struct{ fakeRegistry }

func (r twoRouters) IsRouter(ctx context.Context, a common.Address) (bool, error) {
	if a == crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey) {
		return true, nil
	}
	return r.fakeRegistry.IsRouter(ctx, a)
}

// TestReticketedReceiptAtRFCCeiling (money review): router A admits the user's RFC (maximum 10 p/s) at
// the provider's price p and closes it with the receipt both the user and the provider signed. A second
// ROUTER_ROLE key B, reading A's feed, signs its own ticket for the same session id (it follows from the RFC
// and the provider) at the RFC's ceiling 10 p, attaches the same receipt and signatures (a UsageReceipt
// names the session and the seconds, not the ticket) and publishes it in its own feed, which the keeper
// happens to read first. The user was served at p: the keeper must not credit the session at 10 p.
func TestReticketedReceiptAtRFCCeiling(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		var ps ledger.PoolState
		l := twoRoutersLedger(t, st, &ps, later, 24*time.Hour, fb.Server.URL, fa.Server.URL)

		const p = 1e12
		now := uint64(time.Now().Unix())
		honest := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
			Price: 10 * p, Created: now - 130, Closed: now - 5}) // the RFC allows up to 10 p
		honest.Ticket.PricePerSecond = *uint256.NewInt(p) // router A's ticket: the provider's bid
		sig, err := domain.Sign(&honest.Ticket, devnet.DevKey(testenv.RouterKey))
		require.NoError(t, err)
		honest.TicketSignature = sig

		hostile := reticketed(t, honest, uint256.NewInt(10*p)) // router B's ticket at the RFC's ceiling, A's receipt

		fa.Add(t, honest)
		fb.Add(t, hostile)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		served, _, err := wire.Credit(100, uint256.NewInt(p), 0) // the whole cost at p (fee included)
		require.NoError(t, err)
		require.LessOrEqual(t, e.Total.Uint64(), served.Uint64(),
			"the session is credited at the re-ticketed price, %d× what the user was served at", e.Total.Uint64()/served.Uint64())
	})
}

// TestReticketedExpiryVoidsHonestClose (money review): the same race as TestReticketedReceiptAtRFCCeiling,
// by a hostile router alone. It copies the RFC and its signature from router A's feed, signs its own ticket
// for the same session and publishes the session as expired (billing nothing, needing no receipt). Read
// first, it takes the session id: router A's record, with the receipt both the user and the provider signed,
// is then a duplicate and the provider is paid nothing for what it served.
func TestReticketedExpiryVoidsHonestClose(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
		var ps ledger.PoolState
		l := twoRoutersLedger(t, st, &ps, later, 24*time.Hour, fb.Server.URL, fa.Server.URL)

		now := uint64(time.Now().Unix())
		honest := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
			Price: 1e12, Created: now - 130, Closed: now - 5})
		hostile := reticketed(t, honest, nil) // router B's ticket, published as expired

		fa.Add(t, honest)
		fb.Add(t, hostile)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		served, _, err := wire.Credit(100, uint256.NewInt(1e12), 0)
		require.NoError(t, err)
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err, "no epoch: the honest close was credited nothing")
		require.Equal(t, served.Dec(), e.Total.Dec(), "the provider is paid what the user and it signed")
	})
}
