package client

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Client opens sessions for one user on one deployment. It is safe for concurrent use.
type Client struct {
	Router *RouterClient
	Domain *eip712.Domain // chain id and Marketplace address of the deployment
	Key    *ecdsa.PrivateKey
	HTTP   *http.Client     // provider calls; nil: see SessionOptions.HTTP
	Now    func() time.Time // nil: time.Now
}

// User returns the user's address.
func (c *Client) User() common.Address { return crypto.PubkeyToAddress(c.Key.PublicKey) }

func (c *Client) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// ErrBadGrant means the router's answer does not match the RFC sent (wrong user, model, session id,
// price above the maximum, or a ticket not signed by the answering router).
var ErrBadGrant = errors.New("client: router's grant does not match the RFC")

// Open signs an RFC for p, sends it to the router and returns the granted session after checking the
// grant against the RFC: the ticket's user, model and session id (keccak256(abi.encode(rfcDigest,
// provider))), a price within the maximum, a maxSeconds within the one asked for, and a ticket signature
// by the router the answer names. Whether that router is authorised on-chain is the provider's check.
func (c *Client) Open(ctx context.Context, p RFCParams) (*Session, error) {
	rfc, err := NewRFC(c.User(), p, c.now())
	if err != nil {
		return nil, err
	}
	signed, err := SignRFC(c.Domain, rfc, c.Key)
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
	return NewSession(c.Domain, c.Key, grant, SessionOptions{HTTP: c.HTTP, Router: issuer, Now: c.Now})
}

// CheckGrant checks the router's answer to rfc (see Open).
func CheckGrant(domain *eip712.Domain, rfc *eip712.RFC, g *wire.RFCResponse) error {
	t := &g.Ticket
	want := eip712.SessionID(domain.Digest(rfc), g.Provider)
	switch {
	case t.User != rfc.User:
		return fmt.Errorf("%w: ticket user %s", ErrBadGrant, t.User)
	case t.ModelID != rfc.ModelID:
		return fmt.Errorf("%w: ticket model %s", ErrBadGrant, t.ModelID)
	case g.SessionID != want || t.SessionID != want:
		return fmt.Errorf("%w: session id %s, want %s", ErrBadGrant, g.SessionID, want)
	case t.Provider != g.Provider:
		return fmt.Errorf("%w: ticket provider %s, answer names %s", ErrBadGrant, t.Provider, g.Provider)
	case t.PricePerSecond.Gt(&rfc.MaxPricePerSecond):
		return fmt.Errorf("%w: price %s above the maximum %s", ErrBadGrant, t.PricePerSecond.Dec(), rfc.MaxPricePerSecond.Dec())
	case t.MaxSeconds > rfc.MaxSeconds:
		return fmt.Errorf("%w: maxSeconds %d above the %d asked", ErrBadGrant, t.MaxSeconds, rfc.MaxSeconds)
	}
	if g.Router != (common.Address{}) {
		if _, err := domain.Verify(t, g.TicketSignature[:], g.Router); err != nil {
			return fmt.Errorf("%w: ticket signature: %w", ErrBadGrant, err)
		}
	}
	return nil
}
