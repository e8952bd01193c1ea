package e2e

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
)

// TestChatKeepsSessionItCouldNotClose: when `lt chat` cannot close its session (the provider died after
// the router granted it and the router refuses the close), it says so, names the session and keeps it in
// --state-dir; `lt close --session` from a later process then closes it at another router with the
// user's receipt and forgets it. A chat that closes its session leaves nothing behind.
func TestChatKeepsSessionItCouldNotClose(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 6*time.Minute)
	s := start(t, ctx, Options{TokenDelay: time.Millisecond})
	user := []string{"--keystore", s.User.Keystore, "--password-file", s.PasswordFile,
		"--rpc", s.Anvil.URL, "--deployment", s.DeploymentFile}

	// A chat that closes: nothing stays in the state directory.
	done := t.TempDir()
	_, err := runTool(ctx, s.LogDir, "lt-chat-ok", filepath.Join(s.BinDir, "lt"), append([]string{"chat", "--json",
		"--model", s.Opts.Model, "--router", s.RouterURL, "--state-dir", done, "hello"}, user...)...)
	require.NoError(t, err)
	left, err := os.ReadDir(done)
	require.NoError(t, err)
	require.Empty(t, left, "a closed session is forgotten")

	// The router, behind a proxy that lets the provider die once it has granted the session and then
	// refuses every close.
	u, err := url.Parse(s.RouterURL)
	require.NoError(t, err)
	rp := httputil.NewSingleHostReverseProxy(u)
	rp.ModifyResponse = func(resp *http.Response) error {
		if resp.Request.URL.Path == "/v1/rfc" && resp.StatusCode == http.StatusOK {
			s.Providers[0].Proc.Kill()
		}
		return nil
	}
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/close") {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(`{"error":{"code":"unavailable","message":"closes refused by the test"}}`))
			return
		}
		rp.ServeHTTP(w, r)
	}))
	defer proxy.Close()

	kept := t.TempDir()
	_, err = runTool(ctx, s.LogDir, "lt-chat-unclosed", filepath.Join(s.BinDir, "lt"), append([]string{"chat",
		"--model", s.Opts.Model, "--router", proxy.URL, "--state-dir", kept, "hello"}, user...)...)
	require.Error(t, err, "the provider is gone: no answer")
	m := regexp.MustCompile(`close it later with lt close --session (0x[0-9a-fA-F]{64})`).FindStringSubmatch(err.Error())
	require.NotNil(t, m, "lt chat names the session it could not close: %v", err)
	id := common.HexToHash(m[1])
	_, err = os.Stat(filepath.Join(kept, strings.ToLower(id.Hex())+".json"))
	require.NoError(t, err, "the session is kept for lt close")

	// Later, the proxy gone: lt close fails over from the router that issued the ticket to the next one.
	proxy.Close()
	var res client.CloseResult
	out, err := s.lt(ctx, "lt-close-kept", append([]string{"close", "--session", id.Hex(), "--state-dir", kept,
		"--json"}, user[:4]...)...)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(out, &res))
	require.Equal(t, client.ClosedAtRouter, res.Via)
	require.Equal(t, id, res.SessionID)
	rec, err := s.WaitClosed(ctx, id, 30*time.Second)
	require.NoError(t, err)
	require.Equal(t, id, rec.SessionID)
	left, err = os.ReadDir(kept)
	require.NoError(t, err)
	require.Empty(t, left, "closed, then forgotten")
}
