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
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

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
// that is no URL, an error wrapping ErrBadLiveness. ctx bounds the call. A router's prober asks providers
// so; a provider asks a router with AskRouterLiveness.
func AskLiveness(ctx context.Context, client *http.Client, base string, model common.Hash) (*LivenessResponse, common.Hash, error) {
	return askLiveness(ctx, client, base, model, false)
}

// AskRouterLiveness asks the router at base to prove its key for the URL it was reached at: a fresh random
// challenge with url base, as AskLiveness. It returns the challenge the answer must echo (Check): the one
// sent bound to base, BoundChallenge(challenge, base). A router signs only challenges bound to one of its
// public URLs, so its proof, relayed by another URL, proves nothing there.
func AskRouterLiveness(ctx context.Context, client *http.Client, base string) (*LivenessResponse, common.Hash, error) {
	return askLiveness(ctx, client, base, common.Hash{}, true)
}

// BoundChallenge is the challenge a router signs for a liveness request reaching it at url:
// keccak256(challenge || NormalURL(url)). The provider computes it for the URL it dialled, the router for
// the request's url once it is one of its public URLs.
func BoundChallenge(challenge common.Hash, url string) common.Hash {
	return crypto.Keccak256Hash(challenge[:], []byte(NormalURL(url)))
}

// NormalURL is the form in which router URLs are compared and bound (BoundChallenge): the scheme and host
// lower-cased, a default port (:80 for http, :443 for https) dropped, trailing slashes trimmed; the path,
// query and user part are kept as they are. A string that is no absolute URL is only trimmed of its
// trailing slashes. So "HTTP://Router.Example:80/" and "http://router.example" are one URL;
// "http://router.example:8080", "https://router.example" and "http://router.example/r2" are others.
func NormalURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" || u.Host == "" || u.Opaque != "" {
		return strings.TrimRight(s, "/")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	u.Host = host
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = strings.TrimRight(u.RawPath, "/")
	return u.String()
}

// BindLivenessRequest is the challenge a router at the public URLs public signs for req (BoundChallenge of
// req's challenge and url), or the PROTOCOL §9 error refusing req: 400 bad_request without a url, 403
// forbidden when its url is none of public (compared in NormalURL form). router/api answers with it, and so
// do the test stand-ins of routers (wiretest.ProveKey).
func BindLivenessRequest(req *LivenessRequest, public []string) (common.Hash, error) {
	if req.URL == "" {
		return common.Hash{}, Errorf(http.StatusBadRequest, CodeBadRequest,
			`liveness body must name the URL you reached this router at ("url"): the router signs the challenge bound to it`)
	}
	want := NormalURL(req.URL)
	if !slices.ContainsFunc(public, func(p string) bool { return NormalURL(p) == want }) {
		return common.Hash{}, Errorf(http.StatusForbidden, CodeForbidden,
			"url %q is not one of this router's public URLs (%s): a liveness proof is signed only for those", req.URL, strings.Join(public, ", "))
	}
	return BoundChallenge(req.Challenge, req.URL), nil
}

func askLiveness(ctx context.Context, client *http.Client, base string, model common.Hash, bind bool) (*LivenessResponse, common.Hash, error) {
	var challenge common.Hash
	if _, err := rand.Read(challenge[:]); err != nil {
		return nil, challenge, fmt.Errorf("liveness challenge: %w", err)
	}
	lq := LivenessRequest{Challenge: challenge, ModelID: model}
	if bind {
		lq.URL = base
		challenge = BoundChallenge(challenge, base)
	}
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

// RetiredRouters returns the addresses of the retired ticket keys r proves (r.Retired), each proof held
// to the rule r's own is (Check: a Liveness naming that address, echoing challenge, timestamped within
// skew of now, signed by that address's key), and why each other proof proves nothing (refused, each
// wrapping ErrBadLiveness). What an answer says of itself is never taken: a proof naming a key that did
// not sign it, or over a challenge bound to another URL (one relayed from another router), is refused.
// Call it only once r.Check has passed for the router's own key, whose address is never returned here;
// an address proved twice is returned once.
func (r *LivenessResponse) RetiredRouters(d *eip712.Domain, challenge common.Hash, now time.Time, skew time.Duration) (proved []common.Address, refused []error) {
	for _, p := range r.Retired {
		a := p.Liveness.Provider
		if a == r.Liveness.Provider || slices.Contains(proved, a) {
			continue
		}
		one := LivenessResponse{Liveness: p.Liveness, Signature: p.Signature}
		if err := one.Check(d, a, a, challenge, now, skew); err != nil {
			refused = append(refused, fmt.Errorf("retired key %s: %w", a, err))
			continue
		}
		proved = append(proved, a)
	}
	return proved, refused
}
