package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// castSign writes the eth_signTypedData_v4 document of r under d to dir and signs it with Foundry's cast,
// as a user would (devnet.CastSignTypedData). Safe to call concurrently.
func castSign(dir, name string, d *eip712.Domain, r eip712.RFC, key string) (eip712.Signature, error) {
	var sig eip712.Signature
	doc, err := d.TypedData(&r)
	if err != nil {
		return sig, err
	}
	path := filepath.Join(dir, name+".json")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		return sig, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b, err := devnet.CastSignTypedData(ctx, path, key)
	if err != nil {
		return sig, err
	}
	if len(b) != eip712.SignatureLength {
		return sig, fmt.Errorf("cast signature is %d bytes", len(b))
	}
	copy(sig[:], b)
	return sig, nil
}

// TestCastSignedRFCs (issue 4, signature compatibility): RFCs signed by an independent wallet
// implementation, `cast wallet sign --data`, are accepted by POST /v1/rfc; the same wallet's signatures
// over one changed field, another chain id, another verifying contract, an expired deadline and a reused
// nonce are each rejected with their PROTOCOL §9 code. A missing toolchain fails the test: `make test`
// installs it, and skipping would hide a broken check.
func TestCastSignedRFCs(t *testing.T) {

	p := newStandIn(t, 8)
	e := newEnv(t, 1e15, []*standIn{p}, []uint64{1e9})
	key := hexutil.Encode(crypto.FromECDSA(e.user))
	dir := t.TempDir()

	ok := e.rfc(5e9, 60)
	ok.MinTPS, ok.MaxTTFTMs = 10, 900
	expired := e.rfc(5e9, 60)
	expired.Deadline = uint64(time.Now().Unix() - 1)
	reused := ok // same user and nonce, another RFC (so another digest)
	reused.MaxSeconds = 30
	changed := e.rfc(5e9, 60)

	type signing struct {
		name string
		d    *eip712.Domain
		r    eip712.RFC
	}
	signings := []signing{
		{"ok", domain, ok},
		{"changed", domain, changed},
		{"chain", eip712.NewDomain(1, marketAddr), e.rfc(5e9, 60)},
		{"contract", eip712.NewDomain(31337, common.HexToAddress("0x000000000000000000000000000000000000bEEF")), e.rfc(5e9, 60)},
		{"expired", domain, expired},
		{"reused", domain, reused},
	}
	// cast starts in ~0.1 s; sign concurrently anyway, the checks below run in order.
	bodies := map[string][]byte{}
	sigs := map[string]eip712.Signature{}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		errs []error
	)
	for _, s := range signings {
		wg.Go(func() {
			sig, err := castSign(dir, s.name, s.d, s.r, key)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			b, err := json.Marshal(eip712.SignedRFC{RFC: s.r, Signature: sig})
			if err != nil {
				errs = append(errs, err)
				return
			}
			bodies[s.name], sigs[s.name] = b, sig
		})
	}
	wg.Wait()
	require.Empty(t, errs)

	// cast and this code sign the same digest: its signature is ours byte for byte (RFC 6979).
	ours, err := domain.Sign(&ok, e.user)
	require.NoError(t, err)
	require.Equal(t, ours, sigs["ok"], "cast's signature differs from eip712.Sign")

	// Accepted: a ticket signed by the router, for this RFC's session.
	code, b := e.post("/v1/rfc", bodies["ok"])
	require.Equal(t, 200, code, string(b))
	var resp wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &resp))
	require.Equal(t, p.provider, resp.Provider)
	require.Equal(t, eip712.SessionID(domain.Digest(&ok), p.provider), resp.SessionID)
	require.Equal(t, ok.User, resp.Ticket.User)
	_, err = domain.Verify(&resp.Ticket, resp.TicketSignature[:], e.srv.Router())
	require.NoError(t, err)

	// The very same cast-signed body again is a retry: the same session, not a reused nonce.
	code, b = e.post("/v1/rfc", bodies["ok"])
	require.Equal(t, 200, code, string(b))
	var again wire.RFCResponse
	require.NoError(t, json.Unmarshal(b, &again))
	require.Equal(t, resp.SessionID, again.SessionID)

	tamper := func(body []byte) []byte {
		out := bytes.Replace(body, []byte(`"maxSeconds":"60"`), []byte(`"maxSeconds":"61"`), 1)
		require.NotEqual(t, body, out)
		return out
	}
	tests := []struct {
		name   string
		body   []byte
		status int
		code   string
	}{
		{"one changed field", tamper(bodies["changed"]), 401, wire.CodeBadSignature},
		{"another chain id", bodies["chain"], 401, wire.CodeBadSignature},
		{"another verifying contract", bodies["contract"], 401, wire.CodeBadSignature},
		{"expired deadline", bodies["expired"], 400, wire.CodeExpired},
		{"reused nonce", bodies["reused"], 409, wire.CodeNonceReused},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, b := e.post("/v1/rfc", tc.body)
			require.Equal(t, tc.status, code, string(b))
			require.Equal(t, tc.code, errCode(t, b))
		})
	}

	// The untampered "changed" RFC is itself fine: the rejection above is the changed field's alone.
	code, b = e.post("/v1/rfc", bodies["changed"])
	require.Equal(t, 200, code, string(b))
}
