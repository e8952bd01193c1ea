// Package testenv holds the keeper's test fixtures on the shared chain harness (devnet/devnettest): a
// registered provider and model, signed settlement records, and a settlement feed server standing in
// for a router.
package testenv

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Roles of the anvil development accounts in these tests.
const (
	AdminKey    = 0                  // deployer, admin, guardian
	RouterKey   = 1                  // ROUTER_ROLE
	KeeperKey   = 2                  // KEEPER_ROLE
	BuilderKey  = 3                  // registers the model
	UserKey     = devnet.UserAccount // signs receipts; holds MOR, delegated: has an allowance today
	ProviderKey = 5                  // provider owner (capital bucket recipient: holds MOR for the stake)
	FeeBps      = 500
)

// Env is a deployed devnet with one provider and one model. The embedded Chain's fields (Anvil,
// Deployment, Client, ChainID and the bindings: Pool, Token, Marketplace…) and its test actions are at
// hand.
type Env struct {
	*devnettest.Chain
	Domain     *eip712.Domain
	Provider   common.Address
	Signer     *ecdsa.PrivateKey // the provider's registered signer key
	Builder    common.Address
	ModelID    common.Hash
	PoolAddr   common.Address
	MarketAddr common.Address
}

// Options configure New.
type Options struct {
	BlockTime        time.Duration
	DisputeWindow    uint64
	WithdrawalWindow uint64 // 0: the parameter file's (devnet.DeployOptions)
	WithdrawalDelay  uint64 // 0: the parameter file's (devnet.DeployOptions)
}

// New starts the devnet playground (devnet.StartPlayground: payout start three and a half days back, the
// chain clock at the wall clock, the user delegated so that it has an allowance today, emissions released),
// registering the provider (account 5, stake 100 MOR, a fresh signer key) on its set-up day (so its signer
// is in force for sessions dated up to two days back), then a model by account 3
// with a 5% builder fee. Anvil stops when the test ends.
func New(t *testing.T, ctx context.Context, opts Options) *Env {
	t.Helper()
	const day = 86400
	signer, _ := crypto.ToECDSA(crypto.Keccak256([]byte("lake travis provider signer")))
	owner := devnet.DevKey(ProviderKey)
	// Registered on the set-up day, days back: its signer is in force for the sessions tests date back.
	register := func(ctx context.Context, m *devnet.Market) error {
		return m.RegisterProvider(ctx, owner, signer, "https://provider.example",
			devnet.MOR(100)) // the capital recipient holds its stake
	}
	c := devnettest.StartPlayground(t, devnet.AnvilOptions{BlockTime: opts.BlockTime}, devnet.DeployOptions{
		Interval: day, DisputeWindow: opts.DisputeWindow, WithdrawalWindow: opts.WithdrawalWindow, WithdrawalDelay: opts.WithdrawalDelay,
		Setup: register,
	})
	e := &Env{Chain: c, PoolAddr: c.Addr("ComputePool"), MarketAddr: c.Addr("Marketplace"), Signer: signer,
		Provider: crypto.PubkeyToAddress(owner.PublicKey)}
	e.Domain = eip712.NewDomain(c.ChainID, e.MarketAddr)
	builder := devnet.DevKey(BuilderKey)
	e.Builder = crypto.PubkeyToAddress(builder.PublicKey)
	e.ModelID = c.RegisterModel(builder, "llama", "8b", FeeBps)
	return e
}

// Send sends a transaction from development account key and waits for a successful receipt.
func (e *Env) Send(t *testing.T, ctx context.Context, key int, f func(*bind.TransactOpts) (*types.Transaction, error)) {
	t.Helper()
	_, err := e.Chain.Market.Send(ctx, devnet.DevKey(key), f)
	require.NoError(t, err)
}

// Record returns a settlement record for session i: the user's RFC (nonce i), a ticket derived from it
// and signed by the router key, a receipt for seconds signed by the user and the provider's signer,
// closeReason "receipt".
func (e *Env) Record(t testing.TB, i uint64, seconds, maxSeconds uint32, price uint64) wire.SessionRecord {
	return MakeRecord(t, e.Domain, e.Provider, e.Signer, e.ModelID, i, seconds, maxSeconds, price)
}

// MakeRecord builds a signed record without a chain (unit tests and benchmarks): the user's RFC (nonce i,
// no session key), the session id derived from it, a ticket signed by the router key, a receipt signed by
// the user and the provider's signer; the session was opened seconds+10 s before it closed, a second ago (a
// keeper reading at once sees the chain final past the close: confirmations 1, its clock past it).
func MakeRecord(t testing.TB, d *eip712.Domain, provider common.Address, signer *ecdsa.PrivateKey, model common.Hash,
	i uint64, seconds, maxSeconds uint32, price uint64) wire.SessionRecord {
	closed := uint64(time.Now().Unix()) - 1
	return MakeRecordSpec(t, d, provider, signer, model, Spec{Nonce: i, Seconds: seconds, MaxSeconds: maxSeconds, Price: price,
		Created: closed - uint64(seconds) - 10, Closed: closed})
}

// Spec is a session for MakeRecordSpec: its user (nil: the UserKey account), RFC nonce, billed seconds,
// maxSeconds, price, whether the RFC says useDeposit, and when it was created and closed (unix seconds).
type Spec struct {
	User                *ecdsa.PrivateKey
	Nonce               uint64
	Seconds, MaxSeconds uint32
	Price               uint64
	PriceWei            *uint256.Int // when set, the price instead of Price (for prices above 2^64)
	UseDeposit          bool
	Created, Closed     uint64
}

// RecordSpec returns a settlement record of spec on this chain's provider and model.
func (e *Env) RecordSpec(t testing.TB, spec Spec) wire.SessionRecord {
	return MakeRecordSpec(t, e.Domain, e.Provider, e.Signer, e.ModelID, spec)
}

// MakeRecordSpec builds the signed record of spec (see MakeRecord); the RFC's deadline is 300 s after Created.
func MakeRecordSpec(t testing.TB, d *eip712.Domain, provider common.Address, signer *ecdsa.PrivateKey, model common.Hash,
	spec Spec) wire.SessionRecord {
	user := spec.User
	if user == nil {
		user = devnet.DevKey(UserKey)
	}
	created := spec.Created
	price := uint256.NewInt(spec.Price)
	if spec.PriceWei != nil {
		price = spec.PriceWei
	}
	rfc := eip712.RFC{User: crypto.PubkeyToAddress(user.PublicKey), ModelID: model, MaxPricePerSecond: *price,
		MaxSeconds: spec.MaxSeconds, Nonce: spec.Nonce, Deadline: created + 300, UseDeposit: spec.UseDeposit}
	rsig, err := d.Sign(&rfc, user)
	require.NoError(t, err)
	id := eip712.SessionID(d.Digest(&rfc), provider)
	ticket := eip712.SessionTicket{SessionID: id, User: rfc.User, Provider: provider, ModelID: model,
		PricePerSecond: *price, MaxSeconds: spec.MaxSeconds, NotAfter: created + uint64(spec.MaxSeconds) + 60,
		UseDeposit: spec.UseDeposit}
	router := devnet.DevKey(RouterKey)
	tsig, err := d.Sign(&ticket, router)
	require.NoError(t, err)
	receipt := eip712.UsageReceipt{SessionID: id, Seconds: spec.Seconds, InputTokens: 10, OutputTokens: 20, TTFTMs: 100}
	usig, err := d.Sign(&receipt, user)
	require.NoError(t, err)
	psig, err := d.Sign(&receipt, signer)
	require.NoError(t, err)
	return wire.SessionRecord{SessionID: id, RFC: &rfc, RFCSignature: &rsig, Ticket: ticket, TicketSignature: tsig,
		Router: crypto.PubkeyToAddress(router.PublicKey), Receipt: &receipt, UserSignature: &usig, ProviderSignature: &psig,
		BilledSeconds: min(spec.Seconds, spec.MaxSeconds), CreatedAt: created, ClosedAt: spec.Closed, CloseReason: wire.CloseReceipt}
}

// Feed is a router settlement feed (GET /v1/settlement/sessions) over records appended by the test.
// Cursors are decimal indexes.
type Feed struct {
	Server *httptest.Server
	mu     sync.Mutex
	items  []json.RawMessage
}

// NewFeed starts a feed server.
func NewFeed(t testing.TB) *Feed {
	f := &Feed{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Server.Close)
	return f
}

// Add appends records (any JSON value, so tests can add malformed ones).
func (f *Feed) Add(t testing.TB, recs ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, r := range recs {
		if raw, ok := r.(json.RawMessage); ok {
			f.items = append(f.items, raw)
			continue
		}
		if rec, ok := r.(wire.SessionRecord); ok {
			rec.Cursor = strconv.Itoa(len(f.items) + 1)
			r = rec
		}
		b, err := json.Marshal(r)
		require.NoError(t, err)
		f.items = append(f.items, b)
	}
}

func (f *Feed) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/v1/settlement/sessions" {
		http.NotFound(w, r)
		return
	}
	after, _ := strconv.Atoi(r.URL.Query().Get("after"))
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 {
		limit = 100
	}
	f.mu.Lock()
	end := min(len(f.items), after+limit)
	page := struct {
		Sessions []json.RawMessage `json:"sessions"`
		Next     string            `json:"next"`
	}{Sessions: append([]json.RawMessage{}, f.items[min(after, end):end]...), Next: strconv.Itoa(max(after, end))}
	f.mu.Unlock()
	wire.WriteJSON(w, http.StatusOK, page)
}
