package wire_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestBoundChallengeNormalForm: a router's liveness proof is bound to the URL it was reached at, compared
// in one normal form on both sides: the forms of one URL (case of scheme and host, a default port, a
// trailing slash) give one digest, keccak256(challenge || normal URL); another host, port, scheme or path
// gives another, as does another challenge.
func TestBoundChallengeNormalForm(t *testing.T) {
	c := common.Hash{1, 2, 3}
	for want, forms := range map[string][]string{
		"http://router.example":         {"http://router.example", "http://router.example/", "HTTP://Router.EXAMPLE", "http://router.example:80", "http://router.example:80//"},
		"https://router.example":        {"https://router.example/", "https://ROUTER.example:443"},
		"http://router.example:8080":    {"http://router.example:8080/", "http://Router.example:8080"},
		"https://router.example:80":     {"https://router.example:80"},
		"http://router.example/r2":      {"http://router.example/r2/", "http://ROUTER.example:80/r2"},
		"http://router.example/R2":      {"http://router.example/R2"},
		"http://127.0.0.1:9000":         {"http://127.0.0.1:9000/"},
		"http://[::1]:9000":             {"http://[::1]:9000/"},
		"http://[::1]":                  {"http://[::1]:80"},
		"router.example:8080/no-scheme": {"router.example:8080/no-scheme/"},
	} {
		for _, f := range forms {
			require.Equal(t, want, wire.NormalURL(f), "%q", f)
			require.Equal(t, wire.BoundChallenge(c, want), wire.BoundChallenge(c, f), "%q", f)
		}
		require.Equal(t, crypto.Keccak256Hash(c[:], []byte(want)), wire.BoundChallenge(c, want))
	}
	distinct := []string{"http://router.example", "https://router.example", "http://router.example:8080",
		"http://other.example", "http://router.example/r2", "http://router.example/R2", "http://127.0.0.1", "http://[::1]", ""}
	seen := map[common.Hash]string{}
	for _, u := range distinct {
		d := wire.BoundChallenge(c, u)
		require.NotContains(t, seen, d, "%q and %q", u, seen[d])
		seen[d] = u
		require.NotEqual(t, d, wire.BoundChallenge(common.Hash{1, 2, 4}, u), "another challenge")
		require.NotEqual(t, c, d, "bound, not the challenge itself")
	}
}

// TestBindLivenessRequest: the rule a router applies to a liveness request (router/api, and the stand-ins
// of routers in tests): without a url 400 bad_request, a url that is none of its public URLs 403
// forbidden naming them, else the challenge bound to the url.
func TestBindLivenessRequest(t *testing.T) {
	public := []string{"https://router.example", "http://10.0.0.5:8080/"}
	c := common.Hash{9}
	for _, tc := range []struct {
		url    string
		status int
		code   string
	}{
		{"", http.StatusBadRequest, wire.CodeBadRequest},
		{"http://router.example", http.StatusForbidden, wire.CodeForbidden},
		{"https://hostile.example", http.StatusForbidden, wire.CodeForbidden},
		{"http://10.0.0.5:8081", http.StatusForbidden, wire.CodeForbidden},
		{"https://router.example/", 0, ""},
		{"HTTPS://Router.Example:443", 0, ""},
		{"http://10.0.0.5:8080", 0, ""},
	} {
		got, err := wire.BindLivenessRequest(&wire.LivenessRequest{Challenge: c, URL: tc.url}, public)
		if tc.status == 0 {
			require.NoError(t, err, tc.url)
			require.Equal(t, wire.BoundChallenge(c, tc.url), got, tc.url)
			continue
		}
		var we *wire.Error
		require.True(t, errors.As(err, &we), "%q: %v", tc.url, err)
		require.Equal(t, tc.status, we.Status, tc.url)
		require.Equal(t, tc.code, we.Code, tc.url)
		if tc.status == http.StatusForbidden {
			require.ErrorContains(t, err, "https://router.example, http://10.0.0.5:8080/", "names the public URLs")
		}
	}
}
