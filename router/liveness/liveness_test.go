package liveness

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

func TestProbe(t *testing.T) {
	dom := eip712.NewDomain(31337, common.HexToAddress("0x1"))
	signer, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	provider := common.HexToAddress("0xabc")
	now := time.Now()
	tests := []struct {
		name   string
		mutate func(l *eip712.Liveness) *eip712.Signature // may change l; returns a signature override
		status int
		ok     bool
	}{
		{name: "valid", ok: true},
		{name: "wrong signer", mutate: func(l *eip712.Liveness) *eip712.Signature { s, _ := dom.Sign(l, other); return &s }},
		{name: "other provider", mutate: func(l *eip712.Liveness) *eip712.Signature { l.Provider = common.HexToAddress("0xdef"); return nil }},
		{name: "challenge not echoed", mutate: func(l *eip712.Liveness) *eip712.Signature { l.Challenge[0] ^= 1; return nil }},
		{name: "stale", mutate: func(l *eip712.Liveness) *eip712.Signature { l.Timestamp -= 31; return nil }},
		{name: "future", mutate: func(l *eip712.Liveness) *eip712.Signature { l.Timestamp += 31; return nil }},
		{name: "http error", status: 503},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.status != 0 {
					wire.WriteError(w, wire.Errorf(tc.status, wire.CodeUnavailable, "down"))
					return
				}
				var req wire.LivenessRequest
				require.NoError(t, json.NewDecoder(r.Body).Decode(&req))
				l := eip712.Liveness{Provider: provider, Challenge: req.Challenge, Timestamp: uint64(now.Unix())}
				var override *eip712.Signature
				if tc.mutate != nil {
					override = tc.mutate(&l)
				}
				sig, _ := dom.Sign(&l, signer)
				if override != nil {
					sig = *override
				}
				wire.WriteJSON(w, 200, wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: 2, Max: 3}})
			}))
			defer srv.Close()
			p := &Prober{Domain: dom, Client: srv.Client(), Timeout: time.Second, Now: func() time.Time { return now }}
			c, err := p.Probe(context.Background(), Target{Provider: provider, Signer: crypto.PubkeyToAddress(signer.PublicKey), Endpoint: srv.URL + "/"}, common.Hash{7})
			if tc.ok {
				require.NoError(t, err)
				require.Equal(t, wire.Capacity{Free: 2, Max: 3}, c)
				return
			}
			require.Error(t, err)
			if tc.status == 0 {
				require.True(t, errors.Is(err, wire.ErrBadLiveness), "%v", err)
			}
		})
	}
}

// TestProbeTimeout: a provider that never answers is given up on at the prober's Timeout: the handler
// blocks until the test ends, so only the timeout can end the probe, and the error says so.
func TestProbeTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	p := &Prober{Domain: eip712.NewDomain(1, common.Address{}), Client: srv.Client(), Timeout: 50 * time.Millisecond, Now: time.Now}
	_, err := p.Probe(context.Background(), Target{Endpoint: srv.URL}, common.Hash{})
	require.ErrorIs(t, err, context.DeadlineExceeded)
}
