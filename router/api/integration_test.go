package api_test

import (
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/bindings/marketplace"
	"github.com/laketravis/laketravis/chain/allowance"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/index"
	"github.com/laketravis/laketravis/router/liveness"
	"github.com/laketravis/laketravis/router/store"
)

// TestOnAnvil runs the whole session path against the real contracts: a provider, its bid and a model
// registered through the bindings, a user with MOR votes, RFC → ticket → close → settlement feed.
func TestOnAnvil(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	dom := eip712.NewDomain(c.Deployment.ChainID, c.Addr("Marketplace"))

	// User: MOR, self-delegated, then a new protocol day so the day-start checkpoint counts it.
	user := c.NewVoter(1000)
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	c.WarpUntilVotesCount()
	// Then on to the wall clock: the router judges a close's provider signature by the signer at the close
	// (its clock), as keepers do, so the provider registers at the chain's time no later than the router's.
	head, err := c.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	require.Less(t, head.Time, uint64(time.Now().Unix()), "the chain starts days back")
	c.Warp(uint64(time.Now().Unix()) - head.Time)

	// Provider with a stand-in liveness endpoint signing with its registered signer key.
	owner := c.NewKey()
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	signer, _ := crypto.GenerateKey()
	stand := livenessStandIn(t, dom, ownerAddr, signer)
	model := c.RegisterModel(devnet.DevKey(4), "qwen", "7b", 100)
	c.RegisterProvider(owner, signer, stand.URL, 120)
	c.PostBid(owner, model, big.NewInt(3e9))

	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	log := zaptest.NewLogger(t)
	ix, err := index.New(ctx, index.Config{Contracts: book.Contracts{Marketplace: c.Addr("Marketplace"), ModelRegistry: c.Addr("ModelRegistry")},
		StartBlock: c.Deployment.StartBlock}, c.Client, db, log)
	require.NoError(t, err)
	require.NoError(t, ix.Sync(ctx))
	allow, err := allowance.New(c.Addr("ComputePool"), c.Client, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	routerKey := devnet.DevKey(1)
	// The server's clock runs two minutes ahead for the close: the 42 s receipt fits the wall clock.
	var skew atomic.Int64
	srv := api.New(api.Config{Domain: dom, RouterKey: routerKey, Now: func() time.Time { return time.Now().Add(time.Duration(skew.Load())) }}, ix, allow,
		&liveness.Prober{Domain: dom, Client: &http.Client{}, Timeout: 2 * time.Second, Now: time.Now},
		db, health.New(health.Backoff{}, time.Now), nil, log)
	require.True(t, ix.Snapshot().Routers[srv.Router()], "anvil account 1 holds ROUTER_ROLE")
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	e := &env{t: t, url: hs.URL, user: user}

	day, err := allow.Day(ctx)
	require.NoError(t, err)
	a, err := allow.Allowance(ctx, userAddr, day)
	require.NoError(t, err)
	require.True(t, a.Sign() > 0, "user has a daily allowance")

	r := eip712.RFC{User: userAddr, ModelID: model, MaxPricePerSecond: *uint256.NewInt(5e9), MaxSeconds: 120, Nonce: 1,
		Deadline: uint64(time.Now().Add(time.Minute).Unix())}
	code, b := e.post("/v1/rfc", e.sign(r, dom))
	require.Equal(t, 200, code, string(b))
	var resp wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &resp))
	require.Equal(t, ownerAddr, resp.Provider)
	require.Equal(t, stand.URL, resp.Endpoint)
	require.Equal(t, "3000000000", resp.PricePerSecond.Dec())
	_, err = dom.Verify(&resp.Ticket, resp.TicketSignature[:], crypto.PubkeyToAddress(routerKey.PublicKey))
	require.NoError(t, err)
	// PROTOCOL §6: sessionId = keccak256(abi.encode(rfcDigest, provider)), the provider as an ABI word.
	want := crypto.Keccak256Hash(dom.Digest(&r).Bytes(), make([]byte, 12), ownerAddr.Bytes())
	require.Equal(t, want, resp.SessionID, "sessionId = keccak256(abi.encode(rfcDigest, provider))")
	// The Marketplace (the EIP-712 verifying contract, domain version "2") derives the same id.
	onchainID, err := c.Marketplace.SessionId(nil, marketRFC(r), ownerAddr)
	require.NoError(t, err)
	require.Equal(t, [32]byte(resp.SessionID), onchainID, "sessionId matches Marketplace.sessionId")

	skew.Store(int64(2 * time.Minute))
	rc := eip712.UsageReceipt{SessionID: resp.SessionID, Seconds: 42, InputTokens: 100, OutputTokens: 800, TTFTMs: 250}
	us, _ := dom.Sign(&rc, user)
	ps, _ := dom.Sign(&rc, signer)
	cb, _ := json.Marshal(wire.CloseRequest{Receipt: rc, UserSignature: &us, ProviderSignature: &ps})
	code, b = e.post("/v1/sessions/"+resp.SessionID.Hex()+"/close", cb)
	require.Equal(t, 200, code, string(b))

	page := getFeed(t, e, "0")
	require.Len(t, page.Sessions, 1)
	rec := page.Sessions[0]
	require.Equal(t, resp.SessionID, rec.SessionID)
	require.Equal(t, uint32(42), rec.BilledSeconds)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.Equal(t, resp.Ticket, rec.Ticket)
	used, err := db.Used(ctx, userAddr, day)
	require.NoError(t, err)
	require.Equal(t, uint64(42*3e9), used.Uint64())
}

func marketRFC(r eip712.RFC) marketplace.MarketTypesRFC {
	return marketplace.MarketTypesRFC{User: r.User, ModelId: r.ModelID, MaxPricePerSecond: r.MaxPricePerSecond.ToBig(), MaxSeconds: r.MaxSeconds,
		MinTps: r.MinTPS, MaxTtftMs: r.MaxTTFTMs, Nonce: r.Nonce, Deadline: r.Deadline, SessionKey: r.SessionKey, UseDeposit: r.UseDeposit}
}

// livenessStandIn is provider's liveness endpoint, signing with its registered signer key.
func livenessStandIn(t *testing.T, dom *eip712.Domain, provider common.Address, signer *ecdsa.PrivateKey) *httptest.Server {
	stand := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req wire.LivenessRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), 400)
			return
		}
		l := eip712.Liveness{Provider: provider, Challenge: req.Challenge, Timestamp: uint64(time.Now().Unix())}
		sig, _ := dom.Sign(&l, signer)
		wire.WriteJSON(w, 200, wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: 3, Max: 4}})
	}))
	t.Cleanup(stand.Close)
	return stand
}

// TestDepositTicketWithinSpendCapOnAnvil (THREATS-TESTS: an oversized deposit-paid session): on the real
// contracts, a user without allowance deposits 1 MOR and asks for 120 s at 3e9 wei/s (3.6e11 wei, all from
// the deposit). The admin lowers the daily spend cap to 1.2e11 wei (setDailySpendCap: in force from
// tomorrow); the indexer folds DailySpendCapSet, and the ticket is 40 s: its deposit charge is within every
// day's cap from today on, so the keeper can commit it on some day instead of holding it for ever.
func TestDepositTicketWithinSpendCapOnAnvil(t *testing.T) {
	ctx := context.Background()
	now := uint64(time.Now().Unix())
	c := devnettest.StartOn(t, devnet.AnvilOptions{Timestamp: now - 4*86400}, devnet.DeployOptions{PayoutStart: now - 12*86400 - 3600})
	dom := eip712.NewDomain(c.Deployment.ChainID, c.Addr("Marketplace"))
	user := c.NewKey()
	userAddr := crypto.PubkeyToAddress(user.PublicKey)
	c.Fund(userAddr, 1)
	c.Mined(c.Token.Approve(c.Opts(user), c.Addr("ComputePool"), devnet.MOR(1)))
	c.Mined(c.Pool.Deposit(c.Opts(user), devnet.MOR(1)))
	owner, signer := c.NewKey(), c.NewKey()
	ownerAddr := crypto.PubkeyToAddress(owner.PublicKey)
	stand := livenessStandIn(t, dom, ownerAddr, signer)
	model := c.RegisterModel(devnet.DevKey(4), "qwen", "7b", 100)
	c.RegisterProvider(owner, signer, stand.URL, 120)
	c.PostBid(owner, model, big.NewInt(3e9))
	c.Warp(60) // not a day's first second (chain.ErrDayJustStarted)

	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "router.db"))
	require.NoError(t, err)
	defer db.Close()
	log := zaptest.NewLogger(t)
	ix, err := index.New(ctx, index.Config{Contracts: book.Contracts{Marketplace: c.Addr("Marketplace"), ModelRegistry: c.Addr("ModelRegistry"),
		ComputePool: c.Addr("ComputePool")}, StartBlock: c.Deployment.StartBlock}, c.Client, db, log)
	require.NoError(t, err)
	allow, err := allowance.New(c.Addr("ComputePool"), c.Client, time.Minute, 5*time.Second, time.Now)
	require.NoError(t, err)
	srv := api.New(api.Config{Domain: dom, RouterKey: devnet.DevKey(1)}, ix, allow,
		&liveness.Prober{Domain: dom, Client: &http.Client{}, Timeout: 2 * time.Second, Now: time.Now},
		db, health.New(health.Backoff{}, time.Now), nil, log)
	hs := httptest.NewServer(srv.Handler())
	defer hs.Close()
	e := &env{t: t, url: hs.URL, user: user}
	rfc := func(nonce uint64) eip712.RFC {
		return eip712.RFC{User: userAddr, ModelID: model, MaxPricePerSecond: *uint256.NewInt(5e9), MaxSeconds: 120, Nonce: nonce,
			Deadline: uint64(time.Now().Add(time.Minute).Unix()), UseDeposit: true}
	}

	// The deployment's cap (the constructor's DailySpendCapSet) is far above: the whole 120 s.
	require.NoError(t, ix.Sync(ctx))
	code, first, b := e.rfcAnswer(rfc(1))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(120), first.Ticket.MaxSeconds)
	require.Equal(t, "360000000000", first.Payment.Deposit.Dec())

	spendCap := big.NewInt(40 * 3e9)
	r := c.Mined(c.Pool.SetDailySpendCap(c.Opts(devnet.DevKey(0)), spendCap))
	day, err := c.Pool.CurrentDay(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	capLog, err := c.Pool.ParseDailySpendCapSet(*r.Logs[len(r.Logs)-1])
	require.NoError(t, err)
	require.Equal(t, day.Uint64()+1, capLog.EffectiveDay.Uint64(), "a lower cap binds from tomorrow")
	require.NoError(t, ix.Sync(ctx))
	code, second, b := e.rfcAnswer(rfc(2))
	require.Equal(t, 200, code, string(b))
	require.Equal(t, uint32(40), second.Ticket.MaxSeconds, "the deposit charge within tomorrow's cap")
	require.Equal(t, spendCap.String(), second.Payment.Deposit.Dec())
}
