package ledger_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"path/filepath"
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
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

var (
	domain   = eip712.NewDomain(31337, common.HexToAddress("0x00000000000000000000000000000000000000c0"))
	provider = common.HexToAddress("0x00000000000000000000000000000000000000b1")
	builder  = common.HexToAddress("0x00000000000000000000000000000000000000b2")
	model    = crypto.Keccak256Hash([]byte("llama:8b"))
	signer   = mustSigner()
)

func mustSigner() *ecdsa.PrivateKey {
	k, _ := crypto.ToECDSA(crypto.Keccak256([]byte("signer")))
	return k
}

// fakeRegistry: account 1 is the router, signer is the provider's key, model has a 5% fee.
type fakeRegistry struct{ down bool }

func (f fakeRegistry) IsRouter(_ context.Context, a common.Address, _ uint64) (bool, error) {
	if f.down {
		return false, fmt.Errorf("rpc down")
	}
	return a == crypto.PubkeyToAddress(devnet.DevKey(testenv.RouterKey).PublicKey), nil
}

func (fakeRegistry) IsProviderSigner(_ context.Context, p, s common.Address, _ uint64) (bool, error) {
	return p == provider && s == crypto.PubkeyToAddress(signer.PublicKey), nil
}

func (fakeRegistry) Model(_ context.Context, id common.Hash, _ uint64) (common.Address, uint16, bool, error) {
	if id != model {
		return common.Address{}, 0, false, nil
	}
	return builder, testenv.FeeBps, true, nil
}

func record(t testing.TB, i uint64, seconds, maxSeconds uint32) wire.SessionRecord {
	return testenv.MakeRecord(t, domain, provider, signer, model, i, seconds, maxSeconds, 1e12)
}

var sessionKey, _ = crypto.ToECDSA(crypto.Keccak256([]byte("session key")))

// resignTicket signs a record's (altered) ticket with the router key, as a hostile ROUTER_ROLE key would.
func resignTicket(r *wire.SessionRecord) {
	s, _ := domain.Sign(&r.Ticket, devnet.DevKey(testenv.RouterKey))
	r.TicketSignature = s
}

// providerAlone makes r a one-sided close by the provider.
func providerAlone(r *wire.SessionRecord) { r.UserSignature, r.CloseReason = nil, wire.CloseOneSided }

// withSessionKey rebuilds r as a session whose RFC authorises key: the user re-signs the RFC, the session
// id follows, the router re-signs the ticket, key and the provider sign the receipt.
func withSessionKey(r *wire.SessionRecord, key *ecdsa.PrivateKey) {
	r.RFC.SessionKey = crypto.PubkeyToAddress(key.PublicKey)
	rs, _ := domain.Sign(r.RFC, devnet.DevKey(testenv.UserKey))
	r.RFCSignature = &rs
	r.SessionID = eip712.SessionID(domain.Digest(r.RFC), r.Ticket.Provider)
	r.Ticket.SessionID, r.Ticket.SessionKey = r.SessionID, r.RFC.SessionKey
	resignTicket(r)
	r.Receipt.SessionID = r.SessionID
	us, _ := domain.Sign(r.Receipt, key)
	ps, _ := domain.Sign(r.Receipt, signer)
	r.UserSignature, r.ProviderSignature = &us, &ps
}

// signedRequest is a provider request of r's session at unix time at, signed by key.
func signedRequest(r *wire.SessionRecord, key *ecdsa.PrivateKey, at uint64) *wire.SignedRequest {
	body := []byte(`{"model":"m"}`)
	text := wire.RequestText(domain.ChainID(), r.SessionID, 3, at, "POST", "/v1/chat/completions", body)
	sig, _ := eip712.Sign(wire.RequestDigest(text), key)
	return &wire.SignedRequest{Seq: 3, Time: at, Method: "POST", Path: "/v1/chat/completions", BodyHash: crypto.Keccak256Hash(body), Signature: sig}
}

func verify(t *testing.T, r any) (*ledger.Session, error) {
	raw, err := json.Marshal(r)
	require.NoError(t, err)
	v := &ledger.Verifier{Domain: domain, Registry: fakeRegistry{}}
	return v.Verify(context.Background(), "feed", raw)
}

// TestVerifyRejections: each kind of bad record is rejected with its code; good ones pass.
func TestVerifyRejections(t *testing.T) {
	stranger, _ := crypto.GenerateKey()
	cases := []struct {
		name string
		mod  func(r *wire.SessionRecord)
		code string
	}{
		{"good", func(*wire.SessionRecord) {}, ""},
		{"forged receipt", func(r *wire.SessionRecord) {
			s, _ := domain.Sign(r.Receipt, stranger)
			r.ProviderSignature = &s
		}, ledger.RejectBadProviderSig},
		{"user signature by someone else", func(r *wire.SessionRecord) {
			s, _ := domain.Sign(r.Receipt, stranger)
			r.UserSignature = &s
		}, ledger.RejectBadUserSignature},
		{"receipt changed after signing", func(r *wire.SessionRecord) { r.Receipt.Seconds++ }, ledger.RejectBadUserSignature},
		{"ticket not by a router", func(r *wire.SessionRecord) {
			s, _ := domain.Sign(&r.Ticket, stranger)
			r.TicketSignature, r.Router = s, crypto.PubkeyToAddress(stranger.PublicKey)
		}, ledger.RejectNotRouter},
		{"router field lies", func(r *wire.SessionRecord) { r.Router = builder }, ledger.RejectRouterMismatch},
		{"billed over the ticket", func(r *wire.SessionRecord) { r.BilledSeconds = r.Ticket.MaxSeconds + 1; r.Receipt = nil }, ledger.RejectCloseReason},
		{"billed over the receipt", func(r *wire.SessionRecord) { r.BilledSeconds = r.Receipt.Seconds + 1 }, ledger.RejectOverReceipt},
		{"receipt for another session", func(r *wire.SessionRecord) { r.SessionID = common.Hash{1} }, ledger.RejectSessionMismatch},
		{"receipt close with one signature", func(r *wire.SessionRecord) { r.ProviderSignature = nil }, ledger.RejectCloseReason},
		{"one sided with one signature", func(r *wire.SessionRecord) { r.ProviderSignature = nil; r.CloseReason = wire.CloseOneSided }, ""},
		{"one sided with two signatures", func(r *wire.SessionRecord) { r.CloseReason = wire.CloseOneSided }, ledger.RejectCloseReason},
		{"expired billing seconds", func(r *wire.SessionRecord) { r.CloseReason = wire.CloseExpired }, ledger.RejectCloseReason},
		{"unknown close reason", func(r *wire.SessionRecord) { r.CloseReason = "whatever" }, ledger.RejectCloseReason},

		// No router is trusted (PROTOCOL §8 v2): a ROUTER_ROLE key alone cannot get a session credited.
		{"no RFC (the user signed nothing)", func(r *wire.SessionRecord) { r.RFC, r.RFCSignature = nil, nil }, ledger.RejectMissingRFC},
		{"RFC without its signature", func(r *wire.SessionRecord) { r.RFCSignature = nil }, ledger.RejectMissingRFC},
		{"RFC signed by someone else", func(r *wire.SessionRecord) {
			s, _ := domain.Sign(r.RFC, stranger)
			r.RFCSignature = &s
		}, ledger.RejectBadRFCSignature},
		{"RFC of another user", func(r *wire.SessionRecord) {
			r.RFC.User = crypto.PubkeyToAddress(stranger.PublicKey)
			s, _ := domain.Sign(r.RFC, stranger)
			r.RFCSignature = &s
		}, ledger.RejectBadRFCSignature},
		{"ticket for a user who signed no RFC", func(r *wire.SessionRecord) {
			r.Ticket.User = crypto.PubkeyToAddress(stranger.PublicKey)
			resignTicket(r)
		}, ledger.RejectBadRFCSignature},
		{"ticket price above the RFC's maximum", func(r *wire.SessionRecord) {
			r.Ticket.PricePerSecond.AddUint64(&r.Ticket.PricePerSecond, 1)
			resignTicket(r)
		}, settle.CodePriceOverRFC},
		{"ticket longer than the RFC", func(r *wire.SessionRecord) { r.Ticket.MaxSeconds++; resignTicket(r) }, settle.CodeMaxSecondsOverRFC},
		{"ticket for another model", func(r *wire.SessionRecord) { r.Ticket.ModelID = common.Hash{7}; resignTicket(r) }, settle.CodeModelMismatch},
		{"ticket with another session key", func(r *wire.SessionRecord) {
			r.Ticket.SessionKey = crypto.PubkeyToAddress(stranger.PublicKey)
			resignTicket(r)
			us, _ := domain.Sign(r.Receipt, stranger)
			r.UserSignature = &us
		}, settle.CodeSessionKeyMismatch},
		{"ticket spending the deposit without consent", func(r *wire.SessionRecord) { r.Ticket.UseDeposit = true; resignTicket(r) }, settle.CodeUseDepositMismatch},
		{"session id not derived from the RFC", func(r *wire.SessionRecord) {
			r.RFC.Nonce += 1000
			s, _ := domain.Sign(r.RFC, devnet.DevKey(testenv.UserKey))
			r.RFCSignature = &s
		}, settle.CodeSessionNotOfRFC},
		{"same RFC, ticket for another provider", func(r *wire.SessionRecord) { r.Ticket.Provider = builder; resignTicket(r) }, settle.CodeSessionNotOfRFC},

		// Time bounds (PROTOCOL §7 step 5 v2): never more than the wall clock, closedAt in the ticket's window.
		{"billed more than the wall clock", func(r *wire.SessionRecord) { r.CreatedAt = r.ClosedAt - 50 }, ledger.RejectOverWallClock},
		{"the report's case: closed 3 s after opening, billed 100 s", func(r *wire.SessionRecord) { r.CreatedAt = r.ClosedAt - 3 }, ledger.RejectOverWallClock},
		{"router dates the session before the RFC allows", func(r *wire.SessionRecord) {
			r.CreatedAt = r.RFC.Deadline - 3600
			r.ClosedAt = r.RFC.Deadline - 600 + 50
		}, ledger.RejectOverWallClock},
		{"closed before it opened", func(r *wire.SessionRecord) { r.ClosedAt = r.CreatedAt - 1 }, ledger.RejectBadCloseTime},
		{"closed long after the ticket expired", func(r *wire.SessionRecord) { r.ClosedAt = r.Ticket.NotAfter + settle.CloseWindow + 1 }, ledger.RejectBadCloseTime},

		// One-sided closes: the user alone bills its receipt; the provider alone what signed requests prove.
		{"provider alone without a signed request", func(r *wire.SessionRecord) { providerAlone(r) }, ledger.RejectMissingRequest},
		{"provider alone with a request it signed itself", func(r *wire.SessionRecord) {
			providerAlone(r)
			r.LastRequest = signedRequest(r, signer, r.ClosedAt)
		}, ledger.RejectBadRequestSig},
		{"provider alone with a request of another session", func(r *wire.SessionRecord) {
			providerAlone(r)
			other := *r
			other.SessionID = common.Hash{1}
			r.LastRequest = signedRequest(&other, devnet.DevKey(testenv.UserKey), r.ClosedAt)
		}, ledger.RejectBadRequestSig},
		{"provider alone beyond the newest signed request", func(r *wire.SessionRecord) {
			providerAlone(r)
			r.LastRequest = signedRequest(r, devnet.DevKey(testenv.UserKey), r.CreatedAt+50-settle.RequestGrace)
		}, ledger.RejectOverSignedRequest},
		{"provider alone within the newest signed request", func(r *wire.SessionRecord) {
			providerAlone(r)
			r.LastRequest = signedRequest(r, devnet.DevKey(testenv.UserKey), r.CreatedAt+60)
		}, ""},
		{"user alone with its receipt", func(r *wire.SessionRecord) { r.ProviderSignature = nil; r.CloseReason = wire.CloseOneSided }, ""},
		{"user alone beyond the wall clock", func(r *wire.SessionRecord) {
			r.ProviderSignature, r.CloseReason = nil, wire.CloseOneSided
			r.CreatedAt = r.ClosedAt - 10
		}, ledger.RejectOverWallClock},

		// Session keys (PROTOCOL §1 v2): the key the RFC authorised signs receipts and requests.
		{"session key signs the receipt", func(r *wire.SessionRecord) { withSessionKey(r, sessionKey) }, ""},
		{"session key set, the wallet key signs the receipt", func(r *wire.SessionRecord) {
			withSessionKey(r, sessionKey)
			us, _ := domain.Sign(r.Receipt, devnet.DevKey(testenv.UserKey))
			r.UserSignature = &us
		}, ledger.RejectBadUserSignature},
		{"provider alone, request signed by the session key", func(r *wire.SessionRecord) {
			withSessionKey(r, sessionKey)
			providerAlone(r)
			r.LastRequest = signedRequest(r, sessionKey, r.CreatedAt+60)
		}, ""},
		{"provider alone, session key set, request signed by the wallet key", func(r *wire.SessionRecord) {
			withSessionKey(r, sessionKey)
			providerAlone(r)
			r.LastRequest = signedRequest(r, devnet.DevKey(testenv.UserKey), r.CreatedAt+60)
		}, ledger.RejectBadRequestSig},
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := record(t, uint64(i), 100, 600)
			c.mod(&r)
			s, err := verify(t, r)
			if c.code == "" {
				require.NoError(t, err)
				require.Equal(t, uint32(100), s.Seconds)
				return
			}
			rej, ok := ledger.IsRejection(err)
			require.True(t, ok, "%v", err)
			require.Equal(t, c.code, rej.Code, rej.Detail)
		})
	}
	// A receipt longer than the ticket allows, billed at the receipt's length.
	r := record(t, 99, 900, 600)
	r.BilledSeconds = 900
	_, err := verify(t, r)
	rej, ok := ledger.IsRejection(err)
	require.True(t, ok)
	require.Equal(t, ledger.RejectOverTicket, rej.Code)

	// An RPC failure is not a rejection: the record must be retried, never dropped.
	raw, _ := json.Marshal(record(t, 1, 10, 60))
	_, err = (&ledger.Verifier{Domain: domain, Registry: fakeRegistry{down: true}}).Verify(context.Background(), "f", raw)
	require.Error(t, err)
	_, ok = ledger.IsRejection(err)
	require.False(t, ok)
}

// finalUntil is fakeRegistry over a chain final up to time final: like the keeper's SignerHistory, it answers
// about a later time only with ErrSignersNotFinal (the feed's page is read again).
type finalUntil struct {
	fakeRegistry
	final uint64
}

func (f finalUntil) IsRouter(ctx context.Context, a common.Address, at uint64) (bool, error) {
	if at > f.final {
		return false, ledger.ErrSignersNotFinal
	}
	return f.fakeRegistry.IsRouter(ctx, a, at)
}

func (f finalUntil) IsProviderSigner(ctx context.Context, p, s common.Address, closedAt uint64) (bool, error) {
	if closedAt > f.final {
		return false, ledger.ErrSignersNotFinal
	}
	return f.fakeRegistry.IsProviderSigner(ctx, p, s, closedAt)
}

// TestCloseOutsideTicketWindowRejectedWithoutWaiting (THREATS: a hostile router stalling its feed): a billing
// close dated past its ticket's notAfter + settle.CloseWindow, or before its start, breaks a rule no block
// can change, so it is rejected (bad_close_time) at once, before any signer is judged at its close: a record
// dated years ahead with the provider's signature and acceptance does not hold the feed's later records until
// the chain is final past that date.
func TestCloseOutsideTicketWindowRejectedWithoutWaiting(t *testing.T) {
	base := record(t, 1, 100, 600)
	final := base.Ticket.NotAfter + settle.CloseWindow // the chain is final up to the ticket window's end
	for name, closedAt := range map[string]uint64{"a second past the window": final + 1, "years ahead": final + 100*365*86400} {
		t.Run(name, func(t *testing.T) {
			r := base
			r.ClosedAt = closedAt
			acc, err := settle.SignAcceptance(domain, &r.Ticket, r.Router, signer)
			require.NoError(t, err)
			r.TicketAcceptance = &acc
			raw, err := json.Marshal(r)
			require.NoError(t, err)
			v := &ledger.Verifier{Domain: domain, Registry: finalUntil{final: final}}
			_, err = v.Verify(context.Background(), "feed", raw)
			rej, ok := ledger.IsRejection(err)
			require.True(t, ok, "a definite rejection, not a wait: %v", err)
			require.Equal(t, ledger.RejectBadCloseTime, rej.Code)
		})
	}
	// Within the window the close is judged once the chain is final past it, not before.
	raw, err := json.Marshal(base)
	require.NoError(t, err)
	_, err = (&ledger.Verifier{Domain: domain, Registry: finalUntil{final: base.ClosedAt - 1}}).Verify(context.Background(), "feed", raw)
	require.ErrorIs(t, err, ledger.ErrSignersNotFinal)
	_, err = (&ledger.Verifier{Domain: domain, Registry: finalUntil{final: base.ClosedAt}}).Verify(context.Background(), "feed", raw)
	require.NoError(t, err)
}

// TestCreditSplit: seconds × price, builderFeeBps to the builder, the rest to the provider, cumulative.
func TestCreditSplit(t *testing.T) {
	b := ledger.Book{}
	sessions := []ledger.Session{
		{Provider: provider, Builder: builder, FeeBps: 500, Price: *uint256.NewInt(1000), Seconds: 100},
		{Provider: provider, Builder: builder, FeeBps: 500, Price: *uint256.NewInt(333), Seconds: 7},
	}
	charges, err := ledger.ChargeSessions(sessions, ledger.Calendar{}, nil, nil) // no day: nothing charged
	require.NoError(t, err)
	for i := range charges {
		charges[i].Credited = charges[i].Cost
	}
	b.AddSessions(sessions, charges)
	// 100000 → 5000 fee; 2331 → 116 fee (floor), 2215 provider.
	require.Equal(t, uint64(95000+2215), b[provider].Owed.Uint64())
	require.Equal(t, uint64(5000+116), b[builder].Owed.Uint64())
	sc := b.Apply(uint256.NewInt(1 << 60))
	require.False(t, sc.Scaled)
	require.Equal(t, uint64(102331), sc.Total.Uint64())
	require.True(t, sc.Leftover.IsZero())
}

// TestScaleAndCarryForward: over budget, every account is scaled by the same factor (floor), the sum stays
// within the budget, and the remainder is paid by later epochs, never lost, never twice.
func TestScaleAndCarryForward(t *testing.T) {
	a, c := common.Address{0xa}, common.Address{0xc}
	b := ledger.Book{a: {}, c: {}}
	b[a].Owed.SetUint64(600)
	b[c].Owed.SetUint64(400)

	sc := b.Apply(uint256.NewInt(250)) // factor 250/1000
	require.True(t, sc.Scaled)
	require.Equal(t, "250", sc.FactorN.Dec())
	require.Equal(t, "1000", sc.FactorD.Dec())
	require.Equal(t, uint64(150), b[a].Credited.Uint64())
	require.Equal(t, uint64(100), b[c].Credited.Uint64())
	require.Equal(t, uint64(250), sc.Delta.Uint64())
	require.Equal(t, uint64(750), sc.Leftover.Uint64())

	// Next epoch: new work for c, budget 300: outstanding a 450, c 300+200 → scaled 300/950.
	b[c].Owed.AddUint64(&b[c].Owed, 200)
	sc = b.Apply(uint256.NewInt(300))
	require.True(t, sc.Scaled)
	require.LessOrEqual(t, sc.Delta.Uint64(), uint64(300))
	require.Equal(t, uint64(150+450*300/950), b[a].Credited.Uint64())
	require.Equal(t, uint64(100+500*300/950), b[c].Credited.Uint64())

	// Plenty of budget: everything outstanding is paid, exactly up to what was earned.
	sc = b.Apply(uint256.NewInt(1 << 40))
	require.False(t, sc.Scaled)
	require.Equal(t, b[a].Owed, b[a].Credited)
	require.Equal(t, b[c].Owed, b[c].Credited)
	require.Equal(t, uint64(1200), sc.Total.Uint64())
	again := b.Apply(uint256.NewInt(1 << 40))
	require.True(t, again.Delta.IsZero(), "nothing paid twice")

	// Rounding dust: three accounts of 1 with a budget of 2 → floor(2/3) = 0 each, nothing lost.
	d := ledger.Book{{1}: {}, {2}: {}, {3}: {}}
	for _, acc := range d {
		acc.Owed.SetUint64(1)
	}
	sc = d.Apply(uint256.NewInt(2))
	require.True(t, sc.Delta.IsZero())
	require.Equal(t, uint64(3), sc.Leftover.Uint64())
}

// TestIngestDedupAndReport: a session billed through two feeds is stored once (first wins) and the second
// is reported; malformed records are reported; the cursor advances with the page in one transaction.
// On SQLite and PostgreSQL.
func TestIngestDedupAndReport(t *testing.T) {
	dbtest.Run(t, true, testIngestDedupAndReport)
}

func testIngestDedupAndReport(t *testing.T, dsn string) {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	defer st.Close()
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	r0, r1 := record(t, 0, 10, 60), record(t, 1, 20, 60)
	fa.Add(t, r0, json.RawMessage(`{"garbage": true}`))
	fb.Add(t, r0, r1)
	l, err := ledger.New(ledger.Config{Feeds: []string{fa.Server.URL, fb.Server.URL}, BatchDir: t.TempDir(), Now: later},
		st, nil, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	n, err := l.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, 2, n)
	n, err = l.IngestOnce(ctx) // nothing new: cursors persisted
	require.NoError(t, err)
	require.Equal(t, 0, n)
	rej, err := l.RejectedAfter(ctx, 0, 10)
	require.NoError(t, err)
	require.Len(t, rej, 2)
	require.Equal(t, ledger.RejectMalformed, rej[0].Code)
	require.Equal(t, ledger.RejectDuplicate, rej[1].Code)
	require.Equal(t, r0.SessionID.Hex(), rej[1].SessionID)
	require.Equal(t, fb.Server.URL, rej[1].Feed)
}

// BenchmarkAssemble credits an epoch of sessions for 10,000 accounts (provider owners; one builder) and
// builds its tree: the in-memory work of Assemble (the database round trip is not included).
func BenchmarkAssemble(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("sessions=%d/accounts=10000", n), func(b *testing.B) {
			sessions := make([]ledger.Session, n)
			for i := range sessions {
				sessions[i] = ledger.Session{Provider: common.BigToAddress(uint256.NewInt(uint64(i%10_000) + 1).ToBig()),
					Builder: builder, FeeBps: 500, Price: *uint256.NewInt(1e12 + uint64(i%7)), Seconds: uint32(i%600 + 1)}
			}
			charges := make([]ledger.Charge, n)
			for i := range charges {
				charges[i].Credited.Mul(&sessions[i].Price, uint256.NewInt(uint64(sessions[i].Seconds)))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				book := ledger.Book{}
				book.AddSessions(sessions, charges)
				sc := book.Apply(uint256.NewInt(1 << 62))
				if _, err := merkle.Build(book.Entries()); err != nil {
					b.Fatal(err)
				}
				_ = sc
			}
		})
	}
}

// BenchmarkTree100k builds the cumulative tree of 100,000 accounts.
func BenchmarkTree100k(b *testing.B) {
	entries := make([]merkle.Entry, 100_000)
	for i := range entries {
		entries[i] = merkle.Entry{Account: common.BigToAddress(uint256.NewInt(uint64(i) + 1).ToBig()), Amount: *uint256.NewInt(uint64(i) * 1e12)}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := merkle.Build(entries); err != nil {
			b.Fatal(err)
		}
	}
}

// fakePool is a ComputePool with unlimited budget and allowances, nothing committed, and days of 86,400 s
// from time 0.
type fakePool struct{ ledger.Pool }

func (fakePool) Calendar(context.Context) (uint64, uint64, error) { return 0, 86400, nil }
func (fakePool) Allowance(context.Context, common.Address, uint64) (*uint256.Int, error) {
	return new(uint256.Int).Lsh(uint256.NewInt(1), 200), nil
}

// later is a clock a day ahead: every window of the unit tests' sessions is due.
func later() time.Time { return time.Now().Add(24 * time.Hour) }

func (fakePool) State(context.Context) (ledger.PoolState, error) {
	var s ledger.PoolState
	s.RemainingBudget.SetAllOne()
	return s, nil
}
func (fakePool) IsVetoed(context.Context, common.Hash) (bool, error) { return false, nil }

// BenchmarkAssembleStore is Assemble with the database (SQLite), measured at 100,000 and at 1,000,000
// sessions for 10,000 provider accounts (plus the builder): load the uncredited sessions, credit,
// scale, build the tree, and write the epoch (with its seq range), 10,001 accounts and the leaves in one
// transaction. Every stored record (session_records) is a real signed settlement record's JSON (≈1.2 KB),
// so the database is the size it would be. Filling it is not timed; at 1,000,000 one run (≈20 s fill + the assembly)
// is all the benchmark does.
func BenchmarkAssembleStore(b *testing.B) {
	for _, n := range []int{100_000, 1_000_000} {
		b.Run(fmt.Sprintf("sessions=%d/accounts=10000", n), func(b *testing.B) {
			benchmarkAssembleStore(b, n, 10_000)
		})
	}
}

func benchmarkAssembleStore(b *testing.B, n, accounts int) {
	ctx := context.Background()
	rec, err := json.Marshal(record(b, 1, 100, 600))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(rec)), "record-bytes")
	for range b.N {
		b.StopTimer()
		st, err := store.Open(ctx, filepath.Join(b.TempDir(), "k.db"))
		if err != nil {
			b.Fatal(err)
		}
		if err := fillSessions(ctx, st, n, accounts, string(rec)); err != nil {
			b.Fatal(err)
		}
		l, err := ledger.New(ledger.Config{BatchDir: b.TempDir(), Now: later}, st, fakePool{}, nil, domain, fakeRegistry{}, nil, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.StartTimer()
		if err := l.Assemble(ctx); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		e, err := l.LiveEpoch(ctx, 0)
		if err != nil || e.Sessions != int64(n) {
			b.Fatalf("epoch 0: %+v, %v", e, err)
		}
		st.Close()
	}
}

// fillSessions stores n verified pending sessions of one day spread over accounts provider owners and
// 1,000 users.
func fillSessions(ctx context.Context, st *store.Store, n, accounts int, rec string) error {
	return st.InTx(ctx, func(tx *store.Tx) error {
		for i := 0; i < n; i++ {
			s := store.Session{ID: common.BigToHash(uint256.NewInt(uint64(i)).ToBig()), Feed: "f",
				User:     common.BigToAddress(uint256.NewInt(uint64(i%1000) + 1<<20).ToBig()),
				Provider: common.BigToAddress(uint256.NewInt(uint64(i%accounts) + 1).ToBig()), Builder: builder,
				FeeBps: 500, Seconds: uint32(i%600 + 1), ClosedAt: 86400 + uint64(i%3600), Record: []byte(rec)}
			s.Price.SetUint64(1e12 + uint64(i%7))
			if _, err := tx.InsertPending(ctx, &s); err != nil {
				return err
			}
		}
		return nil
	})
}
