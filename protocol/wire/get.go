package wire

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// IsHTTPURL reports whether s is an absolute http or https URL with a host: what a role's base URL (a
// router's, a keeper's, a provider's registered endpoint) must be.
func IsHTTPURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// GetJSON fetches base+path (a GET on another role's API, e.g. a keeper's proofs) within 15 s and decodes
// the JSON answer into out. A non-200 answer returns its PROTOCOL §9 error as *Error (Status set), so a
// caller can tell "not found" from a failure; a dead server says where it was looked for.
func GetJSON(ctx context.Context, base, path string, out any) error {
	return GetJSONWith(ctx, http.DefaultClient, base, path, out)
}

// GetJSONWith is GetJSON through client (a caller's own transport and limits).
func GetJSONWith(ctx context.Context, client *http.Client, base, path string, out any) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(base, "/")+path, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("unreachable at %s: %w", base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return DecodeError(resp, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	return nil
}
