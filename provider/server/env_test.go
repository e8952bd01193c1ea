package server_test

import (
	"context"
	"net/http/httptest"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/provider/market"
	"github.com/laketravis/laketravis/provider/roles"
	"github.com/laketravis/laketravis/provider/server"
)

// testEnv is one anvil chain shared by the tests of this package: provider owner = anvil account 3
// (registered, signer = account 4), router = account 1 (ROUTER_ROLE from the deploy script).
var (
	envOnce sync.Once
	shared  *testEnv
	envErr  error
)

type testEnv struct {
	chain   *devnet.Market
	market  *market.Market
	domain  *eip712.Domain
	owner   common.Address
	routers server.RouterAuthority
}

func setup(t *testing.T) *testEnv {
	t.Helper()
	envOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		// One chain for the whole package (closed by TestMain), so devnet itself rather than devnettest.
		const day = 86400 // payoutStart 30 days back: emissions are due at once
		c, err := devnet.StartMarket(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{PayoutStart: uint64(time.Now().Unix()) - 30*day - 3600, Interval: day})
		if err != nil {
			envErr = err
			return
		}
		if envErr = c.Release(ctx); envErr != nil {
			c.Close()
			return
		}
		m, err := market.New(c.Client, c.Deployment)
		if err != nil {
			envErr = err
			return
		}
		ownerKey, signerKey := devnet.DevKey(3), devnet.DevKey(4)
		owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
		if envErr = c.FundMOR(ctx, owner, devnet.MOR(200)); envErr != nil {
			return
		}
		_, envErr = m.Register(ctx, &market.Sender{Signer: keys.NewKeySigner(ownerKey, c.Deployment.ChainID)}, market.RegisterOptions{
			Endpoint: "http://127.0.0.1:1", Signer: crypto.PubkeyToAddress(signerKey.PublicKey),
			SignerKey: keys.NewKeySigner(signerKey, c.Deployment.ChainID), Stake: devnet.MOR(100)})
		if envErr != nil {
			return
		}
		shared = &testEnv{chain: c, market: m, domain: eip712.NewDomain(c.Deployment.ChainID, m.MarketplaceAddr),
			owner: owner, routers: roles.NewCache(m, 0, 0)}
	})
	if envErr != nil {
		t.Fatalf("anvil setup: %v", envErr)
	}
	return shared
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.chain.Close()
	}
	os.Exit(code)
}

var models = []server.Model{
	{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 8},
	{Name: "nousage:v1", Upstream: "nousage", MaxConcurrency: 8},
	{Name: "inflated:v1", Upstream: "inflated", MaxConcurrency: 8},
	{Name: "slow:v1", Upstream: "slow", MaxConcurrency: 1},
	{Name: "err429:v1", Upstream: "err429"},
	{Name: "err503:v1", Upstream: "err503"},
}

func newServer(t *testing.T, e *testEnv, up *upstream, mod func(*server.Config)) (*server.Server, *httptest.Server) {
	t.Helper()
	cfg := server.Config{Domain: e.domain, Provider: e.owner, SignerKey: devnet.DevKey(4), Routers: e.routers,
		UpstreamURL: up.URL + "/v1", Models: models, Logger: zaptest.NewLogger(t), IdleTimeout: time.Hour}
	if mod != nil {
		mod(&cfg)
	}
	s, err := server.New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

func (e *testEnv) client(t *testing.T, ts *httptest.Server, model string, maxSeconds uint32) *client {
	user, _ := crypto.GenerateKey()
	tk := newTicket(e.domain, e.owner, crypto.PubkeyToAddress(user.PublicKey), model, maxSeconds, time.Now().Add(time.Hour))
	return newClient(t, e.domain, ts.URL, user, tk, devnet.DevKey(1))
}
