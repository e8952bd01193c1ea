package client

import (
	"crypto/ecdsa"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Keys of the tests: anvil's well-known development accounts 1 (user), 2 (router), 3 (provider).
func testKey(t testing.TB, hex string) *ecdsa.PrivateKey {
	k, err := crypto.HexToECDSA(hex)
	require.NoError(t, err)
	return k
}

var (
	userHex     = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
	routerHex   = "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a"
	providerHex = "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6"
	marketplace = common.HexToAddress("0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9")
)

func testDomain() *eip712.Domain { return eip712.NewDomain(31337, marketplace) }

// fakeClock is a settable clock.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time           { return c.t }
func (c *fakeClock) add(d time.Duration)      { c.t = c.t.Add(d) }
func newClock(unix int64) *fakeClock          { return &fakeClock{t: time.Unix(unix, 0)} }
func addr(k *ecdsa.PrivateKey) common.Address { return crypto.PubkeyToAddress(k.PublicKey) }

// grantFor builds what a router answers to rfc: a ticket for provider signed with routerKey, exactly
// as PROTOCOL §7 step 3 describes.
func grantFor(t testing.TB, d *eip712.Domain, rfc *eip712.RFC, routerKey *ecdsa.PrivateKey, provider common.Address,
	price uint64, endpoint string, notAfter uint64) *wire.RFCResponse {
	id := eip712.SessionID(d.Digest(rfc), provider)
	ticket := eip712.SessionTicket{SessionID: id, User: rfc.User, Provider: provider, ModelID: rfc.ModelID,
		PricePerSecond: *uint256.NewInt(price), MaxSeconds: rfc.MaxSeconds, NotAfter: notAfter, SessionKey: rfc.SessionKey,
		UseDeposit: rfc.UseDeposit}
	sig, err := d.Sign(&ticket, routerKey)
	require.NoError(t, err)
	return &wire.RFCResponse{SessionID: id, Provider: provider, Endpoint: endpoint, PricePerSecond: uint256.NewInt(price),
		MaxSeconds: rfc.MaxSeconds, Ticket: ticket, TicketSignature: sig, Router: addr(routerKey)}
}
