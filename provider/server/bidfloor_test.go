package server_test

import (
	"context"
	"math/big"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/ids"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/bidfloor"
	"github.com/laketravis/laketravis/provider/market"
	"github.com/laketravis/laketravis/provider/server"
)

// TestTicketBelowTheBidRefused (hostile router): a ROUTER_ROLE key signs tickets for this provider priced
// below its bid for the model (down to 1 wei/s; keepers credit a ticket's price, so the provider would serve
// for nothing). With the provider's bids read from the Marketplace on anvil (serve's bidfloor.Floor), such
// a ticket is refused 403 forbidden when first presented and the upstream never asked; a ticket at the bid
// is served. After the provider raises its bid, a ticket at the old bid (issued before the raise) is still
// served within the window, one below it still refused. Before, any price was served.
func TestTicketBelowTheBidRefused(t *testing.T) {
	e := setup(t)
	ctx := context.Background()
	const model = "floorbid:v1"
	_, err := e.chain.RegisterModel(ctx, devnet.DevKey(9), "floorbid", "v1", 0)
	require.NoError(t, err)
	params, err := e.market.Params(ctx)
	require.NoError(t, err)
	bid := new(big.Int).Mul(params.MinPrice, big.NewInt(4))
	owner := &market.Sender{Signer: keys.NewKeySigner(devnet.DevKey(3), e.chain.Deployment.ChainID)}
	_, err = e.market.PostBid(ctx, owner, model, bid)
	require.NoError(t, err)
	floor := bidfloor.New(bidfloor.MarketBids{Market: e.market, Owner: e.owner}, []common.Hash{ids.ModelID(model)}, time.Hour)
	require.NoError(t, floor.Refresh(ctx))

	up := newUpstream(t)
	_, ts := newServer(t, e, up, func(c *server.Config) {
		c.Models = append(append([]server.Model(nil), models...), server.Model{Name: model, Upstream: "fast", MaxConcurrency: 8})
		c.PriceFloor = floor
	})
	chatAt := func(price *big.Int) *http.Response {
		userKey, _ := crypto.GenerateKey()
		tk := newTicket(e.domain, e.owner, crypto.PubkeyToAddress(userKey.PublicKey), model, 60, time.Now().Add(time.Hour))
		tk.PricePerSecond = *uint256.MustFromBig(price)
		return newClient(t, e.domain, ts.URL, userKey, tk, devnet.DevKey(1)).chat(model, false)
	}
	refused := func(price *big.Int) {
		t.Helper()
		before := up.requests()
		status, code, msg := errorOf(t, chatAt(price))
		require.Equal(t, http.StatusForbidden, status)
		require.Equal(t, wire.CodeForbidden, code)
		require.True(t, strings.Contains(msg, "below this provider's bid"), msg)
		require.Equal(t, before, up.requests(), "the upstream is not asked")
	}
	served := func(price *big.Int) {
		t.Helper()
		before := up.requests()
		resp := chatAt(price)
		resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, before+1, up.requests(), "served by the upstream")
	}
	refused(big.NewInt(1))
	refused(new(big.Int).Sub(bid, big.NewInt(1)))
	served(bid)

	_, err = e.market.PostBid(ctx, owner, model, new(big.Int).Mul(bid, big.NewInt(2)))
	require.NoError(t, err)
	require.NoError(t, floor.Refresh(ctx))
	served(bid) // issued before the raise
	refused(new(big.Int).Sub(bid, big.NewInt(1)))
}
