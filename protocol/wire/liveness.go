package wire

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

	"github.com/laketravis/laketravis/protocol/eip712"
)

// A party whose key must be proved answers POST /v1/liveness: a provider to a router's prober (PROTOCOL
// §7 step 2), a router to a provider's discovery of which router answers at a URL (protocol/README.md).
// Both sides ask with AskLiveness and accept the answer only if LivenessResponse.Check passes.

// maxLivenessAnswer bounds a liveness answer read.
const maxLivenessAnswer = 16 << 10

// ErrBadLiveness wraps every reason a liveness answer is not an acceptable proof.
var ErrBadLiveness = errors.New("invalid liveness proof")

// AskLiveness sends the party at base a fresh random challenge for model (zero: none), POST
// base/v1/liveness, and returns its answer, not yet checked (Check), with the challenge sent. A non-200
// answer returns its PROTOCOL §9 error as *Error; an answer too large or not a LivenessResponse, or a base
// that is no URL, an error wrapping ErrBadLiveness. ctx bounds the call.
func AskLiveness(ctx context.Context, client *http.Client, base string, model common.Hash) (*LivenessResponse, common.Hash, error) {
	var challenge common.Hash
	if _, err := rand.Read(challenge[:]); err != nil {
		return nil, challenge, fmt.Errorf("liveness challenge: %w", err)
	}
	lq := LivenessRequest{Challenge: challenge, ModelID: model}
	url := strings.TrimRight(base, "/") + "/v1/liveness"
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(lq.AppendJSON(make([]byte, 0, 160))))
	if err != nil {
		return nil, challenge, fmt.Errorf("%w: endpoint %q: %v", ErrBadLiveness, base, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, challenge, fmt.Errorf("POST %s: %w", url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxLivenessAnswer+1))
	if err != nil {
		return nil, challenge, fmt.Errorf("POST %s: read: %w", url, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, challenge, DecodeError(resp, raw)
	}
	if len(raw) > maxLivenessAnswer {
		return nil, challenge, fmt.Errorf("%w: answer over %d bytes", ErrBadLiveness, maxLivenessAnswer)
	}
	var lr LivenessResponse
	if err := json.Unmarshal(raw, &lr); err != nil {
		return nil, challenge, fmt.Errorf("%w: %v", ErrBadLiveness, err)
	}
	return &lr, challenge, nil
}

// Check accepts r as proof that signer's key answered challenge for party just now: a Liveness naming
// party and echoing challenge, its timestamp within skew of now, signed by signer under d (a provider's
// registered signer for the provider; a router's own address for the router, which signs with its key).
// Each refusal wraps ErrBadLiveness.
func (r *LivenessResponse) Check(d *eip712.Domain, party, signer common.Address, challenge common.Hash, now time.Time, skew time.Duration) error {
	if r.Liveness.Provider != party {
		return fmt.Errorf("%w: for %s, want %s", ErrBadLiveness, r.Liveness.Provider, party)
	}
	if r.Liveness.Challenge != challenge {
		return fmt.Errorf("%w: challenge not echoed", ErrBadLiveness)
	}
	ts := time.Unix(int64(r.Liveness.Timestamp), 0)
	if dt := ts.Sub(now); dt > skew || dt < -skew {
		return fmt.Errorf("%w: timestamp %d is %v from now", ErrBadLiveness, r.Liveness.Timestamp, dt.Round(time.Second))
	}
	if _, err := d.Verify(&r.Liveness, r.Signature[:], signer); err != nil {
		return fmt.Errorf("%w: %w", ErrBadLiveness, err)
	}
	return nil
}
