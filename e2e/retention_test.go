package e2e

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestRouterPrunesWhatTheKeeperSettled: with a retention window of one second, the real router prunes a
// session from its settlement feed only after the real keeper reports (GET /v1/feeds) that it settled the
// feed past it — credited in a claimable epoch — and the sessions report counts the session the same
// before and after.
func TestRouterPrunesWhatTheKeeperSettled(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{RouterArgs: []string{"--retention", "1s"}})
	getJSON := func(url string, v any) {
		t.Helper()
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode, url)
		require.NoError(t, json.NewDecoder(resp.Body).Decode(v))
	}
	reported := func() int {
		var r struct {
			Buckets []struct {
				Sessions string `json:"sessions"`
			} `json:"buckets"`
		}
		getJSON(s.RouterURL+"/v1/reports/sessions?hours=2", &r)
		n := 0
		for _, b := range r.Buckets {
			if b.Sessions != "0" {
				n++
			}
		}
		return n
	}
	feed := func() []wire.SessionRecord {
		var p wire.SettlementPage
		getJSON(s.RouterURL+"/v1/settlement/sessions?after=0", &p)
		return p.Sessions
	}

	// The demo's session closes, the keeper commits it and it becomes claimable (the claims are paid).
	sum, err := s.Demo(ctx, []string{"What is Lake Travis?"}, nil)
	require.NoError(t, err)
	require.Len(t, sum.Sessions, 1)
	require.Equal(t, 1, reported(), "one hour bucket holds the session")

	// The router prunes it only once the keeper says it settled the router's feed through its cursor. The
	// feed is read before the keeper: a keeper's settled cursor never goes back, so an empty feed with the
	// keeper still reporting nothing settled would be a session pruned too early.
	for {
		gone := len(feed()) == 0
		var kf wire.KeeperFeeds
		getJSON(s.KeeperURL+"/v1/feeds", &kf)
		settled := ""
		for _, f := range kf.Feeds {
			if f.URL == s.RouterURL {
				settled = f.Settled
			}
		}
		if gone {
			require.Equal(t, "1", settled, "pruned, so the keeper settled it")
			break
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the settled session was never pruned (keeper settled through %q)", settled)
		case <-time.After(200 * time.Millisecond): // polling the router's and the keeper's state
		}
	}
	require.Equal(t, 1, reported(), "the report still counts the pruned session")
}
