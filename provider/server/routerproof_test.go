package server_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
)

// TestCloseReportNotSwallowedByAURLClaimingItsRouter (hostile router): the provider's first router URL
// claims, in GET /healthz, the address of router X, whose ticket the session carries, and takes every
// close report it is sent; X answers at the second URL. Asked to prove X's key (POST /v1/liveness) the
// hostile URL signs with its own key, or replays a proof of X's for a challenge it asked X itself. The
// provider's discovery maps it to no URL of X's (the replay: to none, a warning names it): the session's close reaches X, the
// hostile URL gets none. Discovery used to take /healthz's word: the hostile URL was X's first and took
// the close, which X never saw.
func TestCloseReportNotSwallowedByAURLClaimingItsRouter(t *testing.T) {
	for _, proof := range []string{"own key", "replayed"} {
		t.Run(proof, func(t *testing.T) {
			up, router := newUpstream(t), newCloseRouter(t)
			router.up.Store(true)
			cfg, logs := outboxProvider(up, router, t.TempDir())
			own, _ := crypto.GenerateKey()
			var replay []byte // X's proof for a challenge of the hostile router's own asking
			if proof == "replayed" {
				resp := postJSON(t, router.URL+"/v1/liveness", wire.LivenessRequest{Challenge: common.Hash{1}})
				require.Equal(t, http.StatusOK, resp.StatusCode)
				replay = []byte(readAll(t, resp))
			}
			swallowed := make(chan string, 10)
			hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.URL.Path == "/healthz":
					wire.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "router": crypto.PubkeyToAddress(router.key.PublicKey)})
				case r.URL.Path == "/v1/liveness" && replay != nil:
					wire.WriteBody(w, http.StatusOK, replay)
				case r.URL.Path == "/v1/liveness":
					wiretest.ProveKey(w, r, cfg.Domain, own)
				default: // a close report, taken and kept to itself
					swallowed <- r.URL.Path
					wire.WriteJSON(w, http.StatusOK, map[string]string{})
				}
			}))
			defer hostile.Close()
			cfg.RouterURLs = []string{hostile.URL, router.URL}
			p := run(t, cfg, 10*time.Second)

			_, rc, _ := userClose(t, cfg, p.url, router)
			select {
			case id := <-router.took:
				require.Equal(t, rc.SessionID, id)
			case path := <-swallowed:
				t.Fatalf("the hostile URL took the close report (%s): X never gets it", path)
			case <-time.After(30 * time.Second):
				t.Fatal("the close report never reached X")
			}
			p.stop()
			require.Empty(t, swallowed, "no close report reached the hostile URL")
			if replay != nil { // signing with its own key, it proved that key: the URL is its router's
				warned := logs.FilterMessageSnippet("did not prove a router's key").FilterField(zap.String("url", hostile.URL)).All()
				require.NotEmpty(t, warned, "discovery names the URL that proved no key")
			}
		})
	}
}
