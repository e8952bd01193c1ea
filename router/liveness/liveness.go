// Package liveness asks a provider to prove it is up right now (PROTOCOL §7 step 2): POST
// {endpoint}/v1/liveness with a fresh random challenge, and accept the answer only if it is a Liveness
// for that provider and challenge, signed by the provider's registered signer key, timestamped within
// MaxSkew of our clock (wire.AskLiveness and wire.LivenessResponse.Check: a provider asks a router to
// prove its key by the same rule).
package liveness

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// ClientOptions size the prober's guarded HTTP client: every RFC probes a provider, and a popular one is
// probed by many RFCs at once, so keep enough connections per provider alive that each probe reuses one
// (netguard's default of 2 re-dials under load, a TCP and TLS handshake per probe) and enough in all for
// the providers in rotation.
var ClientOptions = netguard.Options{IdlePerHost: 32, IdleTotal: 1024}

// MaxSkew bounds |liveness timestamp - now|.
const MaxSkew = 30 * time.Second

// Prober sends liveness challenges. Safe for concurrent use.
type Prober struct {
	Domain  *eip712.Domain
	Client  *http.Client // should have no overall timeout: Probe bounds each call with Timeout
	Timeout time.Duration
	Now     func() time.Time
}

// Target is the provider to probe.
type Target struct {
	Provider common.Address
	Signer   common.Address // registered signer key
	Endpoint string
}

// Probe challenges t for model and returns its reported capacity: t's answer must be a Liveness for
// t.Provider signed by t.Signer (wire.LivenessResponse.Check).
func (p *Prober) Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error) {
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	lr, challenge, err := wire.AskLiveness(ctx, p.Client, t.Endpoint, model)
	if err != nil {
		return wire.Capacity{}, fmt.Errorf("liveness: %s: %w", t.Provider, err)
	}
	if err := lr.Check(p.Domain, t.Provider, t.Signer, challenge, p.Now(), MaxSkew); err != nil {
		return wire.Capacity{}, fmt.Errorf("liveness: %s: %w", t.Provider, err)
	}
	return lr.Capacity, nil
}
