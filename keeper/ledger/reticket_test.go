package ledger_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
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
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// twoRouters is fakeRegistry with a second ROUTER_ROLE key (devnet key 2).
type twoRouters struct{ fakeRegistry }

func (r twoRouters) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	if a == crypto.PubkeyToAddress(devnet.DevKey(2).PublicKey) {
		return true, nil
	}
	return r.fakeRegistry.IsRouter(ctx, a, at)
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
// is then a duplicate and the provider is paid nothing for what it served. The hostile router may also sign
// its expiry with its own key (settle.CloseDigest), and router A's close may carry no signature of its own
// (its ticket key rotated away, its external signer refusing): a signed close must not beat a close that
// bills (session review; with the signed rule ranked before billing, the provider was paid nothing).
func TestReticketedExpiryVoidsHonestClose(t *testing.T) {
	for _, signedExpiry := range []bool{false, true} {
		t.Run(fmt.Sprintf("signed expiry %v", signedExpiry), func(t *testing.T) {
			dbtest.Run(t, true, func(t *testing.T, dsn string) {
				ctx, st := openStore(t, dsn)
				fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
				var ps ledger.PoolState
				l := twoRoutersLedger(t, st, &ps, later, 24*time.Hour, fb.Server.URL, fa.Server.URL)

				now := uint64(time.Now().Unix())
				honest := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
					Price: 1e12, Created: now - 130, Closed: now - 5})
				hostile := reticketed(t, honest, nil) // router B's ticket, published as expired
				if signedExpiry {
					hostile = closeSigned(t, hostile, devnet.DevKey(2))
				}

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
		})
	}
}

// accepted returns rec with the provider's acceptance of its ticket (what a provider sends with its close).
func accepted(t *testing.T, rec wire.SessionRecord) wire.SessionRecord {
	sig, err := settle.SignAcceptance(domain, &rec.Ticket, rec.Router, signer)
	require.NoError(t, err)
	rec.TicketAcceptance = &sig
	return rec
}

// acceptedClose is router A's close, with the receipt both parties signed, of a 100 s session at price p
// started 130 s before now and closed 5 s before, carrying the provider's acceptance of A's ticket.
func acceptedClose(t *testing.T, p, now uint64) wire.SessionRecord {
	return accepted(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
		Price: p, Created: now - 130, Closed: now - 5}))
}

// freshDSN is a new empty database of dsn's kind.
func freshDSN(t *testing.T, dsn string) string {
	if strings.HasPrefix(dsn, "postgres") {
		return dbtest.Postgres(t)
	}
	return dbtest.SQLite(t)
}

// bothFeeds is a ledger on a fresh store of dsn reading two feeds, one serving a and one b, b's first when
// bFirst.
func bothFeeds(t *testing.T, dsn string, a, b wire.SessionRecord, bFirst bool) (context.Context, *ledger.Ledger) {
	return bothFeedsAt(t, dsn, a, b, bFirst, later)
}

// bothFeedsAt is bothFeeds with the ledger's clock now.
func bothFeedsAt(t *testing.T, dsn string, a, b wire.SessionRecord, bFirst bool, now func() time.Time) (context.Context, *ledger.Ledger) {
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	fa.Add(t, a)
	fb.Add(t, b)
	feeds := []string{fa.Server.URL, fb.Server.URL}
	if bFirst {
		feeds[0], feeds[1] = feeds[1], feeds[0]
	}
	ctx, st := openStore(t, freshDSN(t, dsn))
	var ps ledger.PoolState
	return ctx, twoRoutersLedger(t, st, &ps, now, 24*time.Hour, feeds...)
}

// TestCheaperCopyLosesToAcceptedTicket (hostile router): router A admits the user's RFC at the provider's
// price p and closes it with the receipt both the user and the provider signed, carrying the provider's
// acceptance of A's ticket. A second ROUTER_ROLE key B, reading A's feed, publishes a copy CHEAPER than A's:
// its own ticket at p/2 with A's receipt (with or without A's acceptance copied), or A's ticket re-signed
// billing 10 of the receipt's 100 s, or the session as expired. Read first or last, B's copy never displaces
// A's: the session is credited 100 s at p and B's copy is rejected with the code that says why. On SQLite
// and PostgreSQL.
func TestCheaperCopyLosesToAcceptedTicket(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		honest := acceptedClose(t, p, uint64(time.Now().Unix()))
		stripped := func(r wire.SessionRecord) wire.SessionRecord { r.TicketAcceptance = nil; return r }
		fewer := func(r wire.SessionRecord) wire.SessionRecord { r.BilledSeconds = 10; return r }
		cases := []struct {
			name    string
			hostile wire.SessionRecord
			code    string
		}{
			{"lower price", stripped(reticketed(t, honest, uint256.NewInt(p/2))), ledger.RejectTicketNotAccepted},
			{"lower price with the acceptance copied", reticketed(t, honest, uint256.NewInt(p/2)), ledger.RejectBadAcceptance},
			{"fewer seconds of the same ticket, the acceptance copied", fewer(reticketed(t, honest, uint256.NewInt(p))), ledger.RejectBadAcceptance},
			{"fewer seconds, no acceptance", stripped(fewer(reticketed(t, honest, uint256.NewInt(p)))), ledger.RejectTicketNotAccepted},
			{"fewer seconds, lower price", stripped(fewer(reticketed(t, honest, uint256.NewInt(p/2)))), ledger.RejectTicketNotAccepted},
			{"expired", reticketed(t, honest, nil), ledger.RejectTicketNotAccepted},
			{"expired with the acceptance copied", func() wire.SessionRecord {
				r := reticketed(t, honest, nil)
				r.TicketAcceptance = honest.TicketAcceptance // the same ticket, re-signed: the acceptance names A
				return r
			}(), ledger.RejectBadAcceptance},
		}
		served, _, err := wire.Credit(100, uint256.NewInt(p), 0)
		require.NoError(t, err)
		for _, c := range cases {
			for _, hostileFirst := range []bool{true, false} {
				ctx, l := bothFeeds(t, dsn, honest, c.hostile, hostileFirst)
				e := firstEpoch(t, ctx, l)
				require.Equal(t, served.Dec(), e.Total.Dec(), "%s, hostile first %v: the provider is paid what it and the user signed, at its price", c.name, hostileFirst)
				require.Equal(t, map[string]int{c.code: 1}, rejectedCodes(t, ctx, l), "%s, hostile first %v", c.name, hostileFirst)
			}
		}
	})
}

// TestResignedTicketDoesNotCarryAcceptance (copies of one session, rule 1): router A closes the user's
// session with the receipt both parties signed and the provider's acceptance of A's ticket. A second
// ROUTER_ROLE key B re-signs the identical ticket struct with its own key (a SessionTicket does not name its
// signer), copies A's receipt, signatures and acceptance, and dates its close 10 s earlier, within every
// bound. The acceptance names the router that signed the ticket, so B's copy carries no acceptance of the
// provider's: it is rejected (bad_ticket_acceptance) and A's record is the one credited, read first or last,
// by two keepers that commit the same root. Before, the acceptance (of the ticket's struct alone) verified
// on B's copy, which tied with A's record up to rule (5) and won it by its earlier close: A's close was a
// duplicate. On SQLite and PostgreSQL.
func TestResignedTicketDoesNotCarryAcceptance(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		honest := acceptedClose(t, p, uint64(time.Now().Unix()))
		resigned := reticketed(t, honest, &honest.Ticket.PricePerSecond) // the same ticket, B's signature, A's acceptance
		require.Equal(t, honest.Ticket, resigned.Ticket)
		require.Equal(t, honest.TicketAcceptance, resigned.TicketAcceptance)
		resigned.ClosedAt = honest.ClosedAt - 10 // still after the session's start plus its 100 s

		served, _, err := wire.Credit(100, uint256.NewInt(p), 0)
		require.NoError(t, err)
		var roots []*ledger.EpochRow
		for _, copyFirst := range []bool{true, false} {
			ctx, l := bothFeeds(t, dsn, honest, resigned, copyFirst)
			e := firstEpoch(t, ctx, l)
			require.Equal(t, served.Dec(), e.Total.Dec(), "copy first %v", copyFirst)
			bf := readBatchFile(t, ctx, l, 0)
			require.Len(t, bf.Sessions, 1)
			var kept wire.SessionRecord
			require.NoError(t, json.Unmarshal(bf.Sessions[0], &kept))
			require.Equal(t, honest.Router, kept.Router, "copy first %v: the record credited is B's", copyFirst)
			require.Equal(t, honest.ClosedAt, kept.ClosedAt, "copy first %v", copyFirst)
			require.Equal(t, map[string]int{ledger.RejectBadAcceptance: 1}, rejectedCodes(t, ctx, l),
				"copy first %v: the acceptance of A's ticket verified on B's re-signed copy", copyFirst)
			roots = append(roots, e)
		}
		require.Equal(t, roots[0].Root, roots[1].Root, "two keepers, the same feeds in another order: another root")
	})
}

// TestUserCloseWithAcceptanceStands (one-sided closes and binding): the user closes alone at router A with
// a receipt of 50 s; the provider, closing alone later with 100 s and its newest signed request, gets its
// close published through another feed. When the user's close carries the acceptance the provider
// announced, both copies are accepted and the lower receipt stands (50 s credited, the provider's copy a
// duplicate), in either reading order. Without it, the provider's accepted close is kept (100 s, within the
// provider-alone bound): the case protocol/README.md leaves open. On SQLite and PostgreSQL.
func TestUserCloseWithAcceptanceStands(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		now := uint64(time.Now().Unix())
		base := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
			Price: p, Created: now - 130, Closed: now - 5})
		byProvider := accepted(t, base)
		providerAlone(&byProvider)
		byProvider.LastRequest = signedRequest(&byProvider, devnet.DevKey(testenv.UserKey), byProvider.ClosedAt)
		byUser := base
		rc := *base.Receipt
		rc.Seconds = 50
		us, err := domain.Sign(&rc, devnet.DevKey(testenv.UserKey))
		require.NoError(t, err)
		byUser.Receipt, byUser.UserSignature, byUser.ProviderSignature = &rc, &us, nil
		byUser.CloseReason, byUser.BilledSeconds = wire.CloseOneSided, 50
		for _, c := range []struct {
			user    wire.SessionRecord
			seconds uint32
			code    string
		}{{accepted(t, byUser), 50, ledger.RejectDuplicate}, {byUser, 100, ledger.RejectTicketNotAccepted}} {
			want, _, err := wire.Credit(c.seconds, uint256.NewInt(p), 0)
			require.NoError(t, err)
			for _, userFirst := range []bool{true, false} {
				ctx, l := bothFeeds(t, dsn, byProvider, c.user, userFirst)
				e := firstEpoch(t, ctx, l)
				require.Equal(t, want.Dec(), e.Total.Dec(), "user close accepted %v, user first %v", c.user.TicketAcceptance != nil, userFirst)
				require.Equal(t, map[string]int{c.code: 1}, rejectedCodes(t, ctx, l))
			}
		}
	})
}

// TestUserCloseBeforeAnswerLosesNothing (one-sided closes and binding, protocol/README "Ticket
// acceptance"): a user who closes alone before any answer of the provider holds no acceptance, but has
// nothing billable either: the client meters only answered requests, so its receipt is 0 s and the router
// bills 0. A second ROUTER_ROLE key's copies of that close (its own ticket at half the price, or expired),
// read first or last, cannot bill more than the receipt the user signed: nothing is credited to anyone and
// nothing is charged to the user. The decision of protocol/README "Ticket acceptance": no acceptance is
// needed where nothing is billable. On SQLite and PostgreSQL.
func TestUserCloseBeforeAnswerLosesNothing(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		const p = 1e12
		now := uint64(time.Now().Unix())
		byUser := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
			Price: p, Created: now - 130, Closed: now - 5})
		rc := *byUser.Receipt
		rc.Seconds, rc.InputTokens, rc.OutputTokens, rc.TTFTMs = 0, 0, 0, 0
		us, err := domain.Sign(&rc, devnet.DevKey(testenv.UserKey))
		require.NoError(t, err)
		byUser.Receipt, byUser.UserSignature, byUser.ProviderSignature = &rc, &us, nil
		byUser.CloseReason, byUser.BilledSeconds, byUser.TicketAcceptance = wire.CloseOneSided, 0, nil
		for _, hostile := range []wire.SessionRecord{reticketed(t, byUser, uint256.NewInt(p/2)), reticketed(t, byUser, nil)} {
			for _, hostileFirst := range []bool{true, false} {
				// Two days on: an expired copy is charged (heldUntil) up to deadline + maxSeconds + 2 ×
				// CloseWindow, which a day's clock (later) leaves past the epoch's cutoff when the test runs in
				// a day's last hours; the assembly then did not list it (nothing_billed) when it was the copy kept.
				ctx, l := bothFeedsAt(t, dsn, byUser, hostile, hostileFirst, func() time.Time { return time.Now().Add(48 * time.Hour) })
				_, err := l.IngestOnce(ctx)
				require.NoError(t, err)
				require.NoError(t, l.Assemble(ctx))
				e, err := l.LiveEpoch(ctx, 0)
				if err == nil {
					require.True(t, e.Total.IsZero(), "%s copy, hostile first %v: nothing billable, nothing credited", hostile.CloseReason, hostileFirst)
				}
				// The losing copy is rejected; the kept one bills nothing: it is listed, never credited.
				codes := rejectedCodes(t, ctx, l)
				require.Equal(t, 1, codes[ledger.RejectTicketConflict]+codes[ledger.RejectDuplicate], "%s copy, hostile first %v: %v", hostile.CloseReason, hostileFirst, codes)
				require.Equal(t, 1, codes[ledger.RejectNothingBilled], "%s copy, hostile first %v: %v", hostile.CloseReason, hostileFirst, codes)
			}
		}
	})
}

// TestZeroPriceCopyDoesNotVoidHonestClose (keeper review): router A closes a session with the receipt the
// user and the provider signed, its close signed by A's key, no acceptance (the user closed alone, the
// provider gone). A second ROUTER_ROLE key B copies the RFC and the receipt under a ticket of its own at
// price 0 (the RFC allows it) and signs its close: rules 1 to 3 tied, and the copy ranked as billing won by
// its cost of 0 (rule 4); at the assembly it billed nothing (nothing_billed) and A's close, rejected as
// ticket_conflict, was never credited: the provider was paid nothing, whichever feed was read first. A copy
// at price 0 bills nothing, as an expiry does (rule 2): A's close is credited.
func TestZeroPriceCopyDoesNotVoidHonestClose(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		now := uint64(time.Now().Unix())
		honest := closeSigned(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Seconds: 100, MaxSeconds: 600,
			Price: 1e12, Created: now - 130, Closed: now - 5}), devnet.DevKey(testenv.RouterKey))
		free := closeSigned(t, reticketed(t, honest, uint256.NewInt(0)), devnet.DevKey(2))
		served, _, err := wire.Credit(100, uint256.NewInt(1e12), 0)
		require.NoError(t, err)
		for _, bFirst := range []bool{false, true} {
			ctx, l := bothFeeds(t, dsn, honest, free, bFirst)
			_, err := l.IngestOnce(ctx)
			require.NoError(t, err)
			require.NoError(t, l.Assemble(ctx))
			e, err := l.LiveEpoch(ctx, 0)
			require.NoError(t, err, "B's copy read first: %v; no epoch: the honest close was credited nothing", bFirst)
			require.Equal(t, served.Dec(), e.Total.Dec(), "B's copy read first: %v", bFirst)
		}
	})
}
