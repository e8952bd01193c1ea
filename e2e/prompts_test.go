package e2e

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// recordingProxy forwards every request to the router and keeps each request's method, path and body, and
// each answer's body, so that a test can say what the router was ever sent by a client.
type recordingProxy struct {
	mu    sync.Mutex
	calls []string // "METHOD /path"
	bytes [][]byte // request and answer bodies, as sent
	proxy *httputil.ReverseProxy
}

func newRecordingProxy(t *testing.T, target string) (*httptest.Server, *recordingProxy) {
	u, err := url.Parse(target)
	require.NoError(t, err)
	p := &recordingProxy{proxy: httputil.NewSingleHostReverseProxy(u)}
	p.proxy.ModifyResponse = func(resp *http.Response) error {
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		p.mu.Lock()
		p.bytes = append(p.bytes, b)
		p.mu.Unlock()
		resp.Body = io.NopCloser(bytes.NewReader(b))
		return nil
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return srv, p
}

func (p *recordingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	p.calls = append(p.calls, r.Method+" "+r.URL.Path)
	p.bytes = append(p.bytes, []byte(r.URL.RawQuery), b)
	p.mu.Unlock()
	r.Body = io.NopCloser(bytes.NewReader(b))
	p.proxy.ServeHTTP(w, r)
}

// TestRouterNeverSeesPrompts (THREATS.md, anyone on the internet: read another user's prompts; the router
// never sees them): `lt chat` talks to the router through a proxy that records every byte both ways, and
// the stack's gateway (`lt gateway`) through the router directly; each sends a prompt carrying a marker
// of its own, and each gets its answer from the provider. The proxy saw the RFC and the close only, and
// not one byte of either marker crossed it; neither marker is anywhere in what the router keeps (its
// database files and its log) nor in what it serves (the sessions, its settlement feed), which is all
// that the provider's close reports became.
func TestRouterNeverSeesPrompts(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 6*time.Minute)
	s := start(t, ctx, Options{})
	proxy, rec := newRecordingProxy(t, s.RouterURL)

	marker := func() string {
		b := make([]byte, 12)
		_, _ = rand.Read(b)
		return "prompt-marker-" + hex.EncodeToString(b)
	}
	viaLT, viaGateway := marker(), marker()
	served := s.Upstream.Requests()

	// lt chat through the proxy: the first --router is the one it uses while it works.
	var out LTChat
	require.NoError(t, s.LTAs(ctx, s.User, "chat-prompts", &out, "chat", "--model", s.Opts.Model, "--router", proxy.URL,
		"Keep this between us: "+viaLT))
	require.Equal(t, strings.Join(UpstreamAnswer, ""), out.Content, "the provider answered")
	require.NotEmpty(t, out.Close.Receipt.SessionID)

	// The gateway, straight to the router; its idle timeout closes the session at the router.
	res, err := s.Chat(ctx, "Keep this between us too: "+viaGateway, true)
	require.NoError(t, err)
	_, err = s.WaitClosed(ctx, res.Session, 60*time.Second)
	require.NoError(t, err)
	require.GreaterOrEqual(t, s.Upstream.Requests()-served, int64(2), "both prompts reached the upstream")

	// What the client sent the router: an RFC, public reads (the session's record, which confirms the
	// provider reported the close) and a close, never a conversation.
	rec.mu.Lock()
	calls := append([]string(nil), rec.calls...)
	seen := bytes.Join(rec.bytes, []byte{0})
	rec.mu.Unlock()
	allowed := regexp.MustCompile(`^(POST /v1/rfc|POST /v1/sessions/0x[0-9a-f]{64}/close|GET /v1/sessions/0x[0-9a-f]{64}|GET /v1/(models|allowance/0x[0-9a-fA-F]{40}|deposits/0x[0-9a-fA-F]{40})|GET /healthz)$`)
	require.Contains(t, calls, "POST /v1/rfc", "lt chat used the proxy")
	for _, c := range calls {
		require.Regexp(t, allowed, c, "every call the client made to the router: %v", calls)
	}
	require.Contains(t, strings.ToLower(string(seen)), strings.ToLower(out.Close.Receipt.SessionID.Hex()), "the proxy saw the close's body")
	require.NotContains(t, string(seen), viaLT, "no byte of the prompt crossed to the router")

	// What the router keeps and serves, for both sessions (the provider's close reports included).
	var feed json.RawMessage
	require.NoError(t, getJSON(ctx, s.RouterURL+"/v1/settlement/sessions?after=0", &feed))
	require.Contains(t, string(feed), res.Session.Hex()[2:], "the gateway's session is in the feed")
	kept := [][]byte{feed}
	for _, id := range []string{out.Close.Receipt.SessionID.Hex(), res.Session.Hex()} {
		var b json.RawMessage
		require.NoError(t, getJSON(ctx, s.RouterURL+"/v1/sessions/"+id, &b))
		kept = append(kept, b)
	}
	files, err := filepath.Glob(filepath.Join(s.Dir, "router.db*"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range append(files, filepath.Join(s.LogDir, "router.log")) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		kept = append(kept, b)
	}
	all := string(bytes.Join(kept, []byte{0}))
	for _, m := range []string{viaLT, viaGateway} {
		require.NotContains(t, all, m, "the router keeps nothing of a prompt")
	}
}
