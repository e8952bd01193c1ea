package client

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// seqProvider is a stand-in provider applying only the seq rule (accepted once, above the last accepted,
// protocol/README.md): it answers 409 replayed otherwise. overtake, when set, runs for a request before
// its seq is checked (to have a later request of the session accepted first).
type seqProvider struct {
	mu       sync.Mutex
	last     uint64
	refused  int
	overtake func(body string)
}

func (p *seqProvider) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	seqText, _, _ := strings.Cut(r.Header.Get(wire.HeaderRequest), ".")
	seq, err := strconv.ParseUint(seqText, 10, 64)
	if err != nil {
		http.Error(w, "no seq", http.StatusBadRequest)
		return
	}
	if p.overtake != nil {
		p.overtake(string(body))
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if seq <= p.last {
		p.refused++
		wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeReplayed, "seq %d not above %d", seq, p.last))
		return
	}
	p.last = seq
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"echo":%q}`, body)
}

func seqSession(t *testing.T, p *seqProvider) *Session {
	t.Helper()
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	d := testDomain()
	user := testKey(t, userHex)
	now := time.Now()
	rfc, err := NewRFC(addr(user), RFCParams{Model: "llama3:8b", MaxPricePerSecond: uint256.NewInt(1e12), MaxSeconds: 600}, now)
	require.NoError(t, err)
	g := grantFor(t, d, &rfc, testKey(t, routerHex), addr(testKey(t, providerHex)), 1e12, srv.URL, uint64(now.Unix())+3600)
	s, err := NewSession(d, user, g, SessionOptions{})
	require.NoError(t, err)
	return s
}

// TestOvertakenRequestSentUntilItPasses: a request of a session overtaken at the provider by later ones of
// the same session (concurrent requests under load, each signed after it and accepted first) is refused
// replayed each time and signed again, more times than the bound on unexplained replays: it is answered,
// not failed 409 (the gateway's parallel chats lost one that way).
func TestOvertakenRequestSentUntilItPasses(t *testing.T) {
	const overtakes = 2 * (maxReplayRetries + 1)
	p := &seqProvider{}
	s := seqSession(t, p)
	n := 0
	p.overtake = func(body string) {
		if body != "slow" || n >= overtakes {
			return
		}
		n++ // a request of the session signed after this one is accepted first
		resp, err := s.Do(context.Background(), http.MethodPost, "/v1/x", []byte("fast"))
		if err != nil {
			t.Errorf("overtaking request: %v", err)
			return
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("overtaking request: %d", resp.StatusCode)
		}
	}
	resp, err := s.Do(context.Background(), http.MethodPost, "/v1/x", []byte("slow"))
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	require.Equal(t, http.StatusOK, resp.StatusCode, string(raw))
	require.Equal(t, overtakes, p.refused, "refused once per overtake")
}

// TestUnexplainedReplaysBounded: a provider refusing every request replayed with no later request of the
// session to explain it (a hostile provider, or another process using the session) gets the request
// maxReplayRetries + 1 times, and the client its 409.
func TestUnexplainedReplaysBounded(t *testing.T) {
	p := &seqProvider{last: ^uint64(0)}
	s := seqSession(t, p)
	resp, err := s.Do(context.Background(), http.MethodPost, "/v1/x", []byte("x"))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusConflict, resp.StatusCode)
	require.Equal(t, maxReplayRetries+1, p.refused)
}
