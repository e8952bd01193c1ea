// Package liveness asks a provider to prove it is up right now (PROTOCOL §7 step 2): POST
// {endpoint}/v1/liveness with a fresh random challenge, and accept the answer only if it is a Liveness
// for that provider and challenge, signed by the provider's registered signer key, timestamped within
// MaxSkew of our clock.
package liveness

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
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

// maxBody bounds a provider's answer.
const maxBody = 16 << 10

// ErrInvalid wraps every reason a provider's answer is not an acceptable proof.
var ErrInvalid = errors.New("liveness: invalid proof")

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

// Probe challenges t for model and returns its reported capacity.
func (p *Prober) Probe(ctx context.Context, t Target, model common.Hash) (wire.Capacity, error) {
	var challenge common.Hash
	if _, err := rand.Read(challenge[:]); err != nil {
		return wire.Capacity{}, fmt.Errorf("liveness: challenge: %w", err)
	}
	lq := wire.LivenessRequest{Challenge: challenge, ModelID: model}
	body := lq.AppendJSON(make([]byte, 0, 160))
	ctx, cancel := context.WithTimeout(ctx, p.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, strings.TrimRight(t.Endpoint, "/")+"/v1/liveness", bytes.NewReader(body))
	if err != nil {
		return wire.Capacity{}, fmt.Errorf("%w: endpoint %q: %v", ErrInvalid, t.Endpoint, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := p.Client.Do(req)
	if err != nil {
		return wire.Capacity{}, fmt.Errorf("liveness: %s: %w", t.Provider, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return wire.Capacity{}, fmt.Errorf("liveness: %s: read: %w", t.Provider, err)
	}
	if resp.StatusCode != http.StatusOK {
		return wire.Capacity{}, fmt.Errorf("liveness: %s: %w", t.Provider, wire.DecodeError(resp, raw))
	}
	if len(raw) > maxBody {
		return wire.Capacity{}, fmt.Errorf("%w: answer over %d bytes", ErrInvalid, maxBody)
	}
	var lr wire.LivenessResponse
	if err := json.Unmarshal(raw, &lr); err != nil {
		return wire.Capacity{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := p.check(&lr, t, challenge); err != nil {
		return wire.Capacity{}, err
	}
	return lr.Capacity, nil
}

func (p *Prober) check(lr *wire.LivenessResponse, t Target, challenge common.Hash) error {
	if lr.Liveness.Provider != t.Provider {
		return fmt.Errorf("%w: for provider %s, want %s", ErrInvalid, lr.Liveness.Provider, t.Provider)
	}
	if lr.Liveness.Challenge != challenge {
		return fmt.Errorf("%w: challenge not echoed", ErrInvalid)
	}
	now := p.Now()
	ts := time.Unix(int64(lr.Liveness.Timestamp), 0)
	if d := ts.Sub(now); d > MaxSkew || d < -MaxSkew {
		return fmt.Errorf("%w: timestamp %d is %v from now", ErrInvalid, lr.Liveness.Timestamp, d.Round(time.Second))
	}
	if _, err := p.Domain.Verify(&lr.Liveness, lr.Signature[:], t.Signer); err != nil {
		return fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return nil
}
