package client

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Client opens sessions for one user on one deployment. It is safe for concurrent use.
type Client struct {
	Router *RouterClient
	Domain *eip712.Domain // chain id and Marketplace address of the deployment
	Key    *ecdsa.PrivateKey
	// Wallet, when set, signs the RFCs instead of Key: an external signer such as clef (keys.Clef), which
	// fronts hardware wallets too. Key may then be nil (not with UserKeySigns).
	Wallet keys.TypedSigner
	HTTP   *http.Client     // provider calls; nil: see SessionOptions.HTTP
	Now    func() time.Time // nil: time.Now
	// UserKeySigns makes sessions without a session key: the RFC's sessionKey is zero and Key signs every
	// request and the receipt (PROTOCOL §6). By default each session gets an ephemeral key, so Key (a
	// wallet) signs exactly one message per session, the RFC.
	UserKeySigns bool
	// MAC turns on the per-session MAC fast path of request authentication (SessionOptions.MAC).
	MAC bool
	// Endpoints, when set, is where Open reads the provider's endpoint registered on the Marketplace, which
	// the endpoint a router's grant names must equal (ErrEndpointMismatch): a router proxying the session
	// would read its prompts. Nil: the router's word is taken.
	Endpoints EndpointSource
}

// EndpointSource reads a provider's endpoints registered on the Marketplace (lt: getProvider and the
// provider's events): the one in force at the chain's head, and every one in force within its last
// blocks blocks.
type EndpointSource interface {
	ProviderEndpoint(ctx context.Context, provider common.Address) (string, error)
	PastEndpoints(ctx context.Context, provider common.Address, blocks uint64) ([]string, error)
}

// EndpointLag is how many blocks back a grant's endpoint may have been the provider's registered one: a
// router's book lags the chain by its confirmations (6 by default), so after a provider moves its
// endpoint the router names the old one for those blocks. Both are the provider's own registrations.
const EndpointLag = 64

// ErrEndpointMismatch means a router's grant names another endpoint than the one its provider registered.
var ErrEndpointMismatch = errors.New("client: the router's provider endpoint is not the provider's registered one")

// User returns the user's address.
func (c *Client) User() common.Address {
	if c.Wallet != nil {
		return c.Wallet.Address()
	}
	return crypto.PubkeyToAddress(c.Key.PublicKey)
}

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// ErrBadGrant means the router's answer does not match the RFC sent (wrong user, model, session id,
// price above the maximum, or a ticket not signed by the answering router).
var ErrBadGrant = errors.New("client: router's grant does not match the RFC")

// Open makes an ephemeral session key (unless UserKeySigns), signs an RFC for p that authorises it, sends
// the RFC to the router and returns the granted session after checking the grant against the RFC: the
// ticket's user, model, session key, deposit consent and session id (keccak256(abi.encode(rfcDigest,
// provider))), a price within the maximum, a maxSeconds within the one asked for, a notAfter no later
// than an honest router's (settle.LatestNotAfter), and a ticket signature by the router the answer names.
// Whether that router is authorised on-chain is the provider's check.
// The user's key signs only the RFC; the session key signs the requests and the usage receipt.
func (c *Client) Open(ctx context.Context, p RFCParams) (*Session, error) {
	rfc, err := NewRFC(c.User(), p, c.now())
	if err != nil {
		return nil, err
	}
	signer := c.Key
	if c.UserKeySigns && signer == nil {
		return nil, errors.New("client: UserKeySigns needs the user's key in this process (Key)")
	}
	if !c.UserKeySigns {
		if signer, err = crypto.GenerateKey(); err != nil {
			return nil, fmt.Errorf("client: session key: %w", err)
		}
		rfc.SessionKey = crypto.PubkeyToAddress(signer.PublicKey)
	}
	var signed eip712.SignedRFC
	if c.Wallet != nil {
		signed.RFC = rfc
		if signed.Signature, err = c.Wallet.SignTyped(ctx, c.Domain, &signed.RFC); err != nil {
			err = fmt.Errorf("client: sign RFC: %w", err)
		}
	} else {
		signed, err = SignRFC(c.Domain, rfc, c.Key)
	}
	if err != nil {
		return nil, err
	}
	grant, issuer, err := c.Router.PostRFCAt(ctx, signed)
	if err != nil {
		return nil, err
	}
	if err := CheckGrant(c.Domain, &rfc, grant); err != nil {
		return nil, err
	}
	s, err := NewSession(c.Domain, signer, grant, SessionOptions{HTTP: c.HTTP, Router: issuer, Now: c.Now, MAC: c.MAC, RFC: &signed})
	if err != nil {
		return nil, err
	}
	if err := c.checkEndpoint(ctx, grant, issuer); err != nil {
		// Nothing was sent to the endpoint: close the session at its router, billing 0 s, so that an honest
		// router whose book lags the provider's endpoint change releases the reservation (best effort).
		_, _ = s.CloseAtRouter(ctx)
		return nil, err
	}
	return s, nil
}

// checkEndpoint checks that grant's endpoint is the one its provider registered (Endpoints).
func (c *Client) checkEndpoint(ctx context.Context, grant *wire.RFCResponse, issuer *RouterClient) error {
	if c.Endpoints == nil {
		return nil
	}
	registered, err := c.Endpoints.ProviderEndpoint(ctx, grant.Provider)
	if err != nil {
		return fmt.Errorf("client: read provider %s's registered endpoint: %w", grant.Provider, err)
	}
	if registered != grant.Endpoint {
		// The router's book may not have seen a move yet (an error reading back then is a mismatch too).
		if past, err := c.Endpoints.PastEndpoints(ctx, grant.Provider, EndpointLag); err == nil && slices.Contains(past, grant.Endpoint) {
			return nil
		}
		return fmt.Errorf("%w: router %s named %q, provider %s registered %q, nor within the last %d blocks (a router proxying the session would read its prompts: nothing was sent)",
			ErrEndpointMismatch, issuer.URL(), grant.Endpoint, grant.Provider, registered, EndpointLag)
	}
	return nil
}

// CheckGrant checks the router's answer to rfc (see Open).
func CheckGrant(domain *eip712.Domain, rfc *eip712.RFC, g *wire.RFCResponse) error {
	t := &g.Ticket
	if err := settle.TicketOfRFC(domain.Digest(rfc), rfc, t); err != nil {
		return fmt.Errorf("%w: %w", ErrBadGrant, err)
	}
	switch {
	case g.SessionID != t.SessionID:
		return fmt.Errorf("%w: answer names session %s, the ticket %s", ErrBadGrant, g.SessionID, t.SessionID)
	case t.Provider != g.Provider:
		return fmt.Errorf("%w: ticket provider %s, answer names %s", ErrBadGrant, t.Provider, g.Provider)
	case t.NotAfter > settle.LatestNotAfter(rfc.Deadline, uint64(rfc.MaxSeconds)):
		return fmt.Errorf("%w: ticket lasts until %d, past the RFC's deadline %d plus its maxSeconds %d and %d s (settle.LatestNotAfter: no honest router's does; an answer is read, and a provider may close alone, until about then)",
			ErrBadGrant, t.NotAfter, rfc.Deadline, rfc.MaxSeconds, settle.TicketSlack)
	}
	if g.Router != (common.Address{}) {
		if _, err := domain.Verify(t, g.TicketSignature[:], g.Router); err != nil {
			return fmt.Errorf("%w: ticket signature: %w", ErrBadGrant, err)
		}
	}
	return nil
}
