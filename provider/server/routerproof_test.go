package server_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/provider/server"
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
				resp := postJSON(t, router.URL+"/v1/liveness", wire.LivenessRequest{Challenge: common.Hash{1}, URL: router.URL})
				require.Equal(t, http.StatusOK, resp.StatusCode)
				replay = []byte(readAll(t, resp))
			}
			hostile := closeGoesToXNotToAHostileFirstURL(t, cfg, router, func(w http.ResponseWriter, r *http.Request) {
				if replay != nil {
					wire.WriteBody(w, http.StatusOK, replay)
					return
				}
				wiretest.ProveKey(w, r, cfg.Domain, own)
			})
			if replay != nil { // signing with its own key, it proved that key: the URL is its router's
				warned := logs.FilterMessageSnippet("did not prove a router's key").FilterField(zap.String("url", hostile)).All()
				require.NotEmpty(t, warned, "discovery names the URL that proved no key")
			}
		})
	}
}

// TestCloseReportNotTakenByAURLRelayingTheProof (hostile router operator): the provider's first router
// URL H claims router X in GET /healthz, swallows (200) any close report it is sent, and relays the
// provider's POST /v1/liveness to X's own public /v1/liveness, passing X's answer back. Verbatim (the
// body's url is H's), X refuses it 403: H's URL is not one of X's. With the body's url rewritten to X's
// URL, X signs, but the challenge is bound to X's URL, not the H the provider dialled: the provider
// refuses it. Either way H is mapped to no router (a warning names it) and the session's close reaches X,
// H getting none. Before the proof was bound to the URL, X's answer relayed made H one of X's URLs, the
// first: it took the close (to keep it, or to front-run it with a copy stripped of the user's signature,
// 0 s billed, the provider's own close then refused 409).
func TestCloseReportNotTakenByAURLRelayingTheProof(t *testing.T) {
	for _, relay := range []string{"verbatim", "url rewritten"} {
		t.Run(relay, func(t *testing.T) {
			up, router := newUpstream(t), newCloseRouter(t)
			router.up.Store(true)
			cfg, logs := outboxProvider(up, router, t.TempDir())
			relayed := make(chan int, 10)
			hostile := closeGoesToXNotToAHostileFirstURL(t, cfg, router, func(w http.ResponseWriter, r *http.Request) {
				body, _ := io.ReadAll(r.Body) // asked to prove X's key, H asks X itself and passes its answer back
				if relay == "url rewritten" {
					var lq wire.LivenessRequest
					if err := json.Unmarshal(body, &lq); err != nil {
						wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
						return
					}
					lq.URL = router.URL
					body, _ = json.Marshal(lq)
				}
				resp, err := http.Post(router.URL+"/v1/liveness", "application/json", bytes.NewReader(body))
				if err != nil {
					wire.WriteError(w, wire.Errorf(http.StatusBadGateway, wire.CodeUnavailable, "%v", err))
					return
				}
				defer resp.Body.Close()
				answer, _ := io.ReadAll(resp.Body)
				select {
				case relayed <- resp.StatusCode:
				default:
				}
				wire.WriteBody(w, resp.StatusCode, answer)
			})
			want := map[string]int{"verbatim": http.StatusForbidden, "url rewritten": http.StatusOK}[relay]
			require.NotEmpty(t, relayed, "H relayed the provider's challenge to X")
			for len(relayed) > 0 {
				require.Equal(t, want, <-relayed, "X's answer to the relayed challenge")
			}
			warned := logs.FilterMessageSnippet("did not prove a router's key").FilterField(zap.String("url", hostile)).All()
			require.NotEmpty(t, warned, "discovery names the URL that proved no key")
		})
	}
}

// closeGoesToXNotToAHostileFirstURL runs a provider (cfg) whose first router URL is a hostile one, H, and
// the second router X's; H claims X in GET /healthz, answers POST /v1/liveness with liveness and takes
// (200) every other request, a close report it keeps. A session of X's ticket is closed by its user at the
// provider: its close report must reach X, and none H. It returns H's URL.
func closeGoesToXNotToAHostileFirstURL(t *testing.T, cfg server.Config, router *closeRouter, liveness http.HandlerFunc) string {
	t.Helper()
	swallowed := make(chan string, 10)
	hostile := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/healthz":
			wire.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "router": crypto.PubkeyToAddress(router.key.PublicKey)})
		case "/v1/liveness":
			liveness(w, r)
		default: // a close report, taken and kept to itself
			select {
			case swallowed <- r.URL.Path:
			default:
			}
			wire.WriteJSON(w, http.StatusOK, map[string]string{})
		}
	}))
	t.Cleanup(hostile.Close)
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
	return hostile.URL
}

// TestCloseReportReachesTheRouterOfARetiredKey: the router changed ticket keys; the session's ticket was
// signed by its old key, which it keeps as retired (router/api Config.RetiredSigners) and proves in its
// liveness answer besides its new key. The provider's discovery maps its URL to both keys, so the
// session's close report reaches it. Before, only the new key was mapped: the report found no URL for the
// old key (unknown_router), tried until the router would no longer accept the close, then dropped.
func TestCloseReportReachesTheRouterOfARetiredKey(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t) // router.key, which signs the session's ticket, is the old key
	router.up.Store(true)
	cfg, _ := outboxProvider(up, router, t.TempDir())
	current, _ := crypto.GenerateKey()
	rotated := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/liveness" {
			wiretest.ProveKey(w, r, cfg.Domain, current, router.key)
			return
		}
		router.Config.Handler.ServeHTTP(w, r) // the router's close reports
	}))
	t.Cleanup(rotated.Close)
	cfg.RouterURLs = []string{rotated.URL}
	p := run(t, cfg, 10*time.Second)

	_, rc, _ := userClose(t, cfg, p.url, router)
	require.Equal(t, rc.SessionID, waitFor(t, router.took, "reported the close to the router of the retired key"))
	p.stop()
}

// TestCloseReportNotRedirected (hostile router): the provider's router URL proves the router's key (it is
// that router) but answers every close report with a 307 to another address, one the provider can reach
// and the router cannot (here a stand-in for the provider's own network). The provider does not follow:
// nothing reaches that address, and the report stays pending and is tried at the router again, which
// takes it once it stops redirecting. Before, the provider's client followed the redirect, posting the
// close to the address the router named and taking its 200 as the router's.
func TestCloseReportNotRedirected(t *testing.T) {
	up, router := newUpstream(t), newCloseRouter(t)
	router.up.Store(true)
	cfg, _ := outboxProvider(up, router, t.TempDir())
	inside := make(chan string, 10)
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case inside <- r.Method + " " + r.URL.Path:
		default:
		}
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	t.Cleanup(internal.Close)
	redirects := make(chan struct{}, 100)
	var redirecting atomic.Bool
	redirecting.Store(true)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/liveness" || !redirecting.Load() {
			router.Config.Handler.ServeHTTP(w, r) // the router itself: its proof, its close
			return
		}
		select {
		case redirects <- struct{}{}:
		default:
		}
		http.Redirect(w, r, internal.URL+"/admin/erase", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(front.Close)
	cfg.RouterURLs = []string{front.URL}
	p := run(t, cfg, 10*time.Second)

	_, rc, _ := userClose(t, cfg, p.url, router)
	for range 2 { // a second attempt: the first one's Do, redirect included, has returned
		select {
		case <-redirects:
		case got := <-inside:
			t.Fatalf("the provider followed the router's redirect: %s reached the address it named", got)
		case <-time.After(30 * time.Second):
			t.Fatal("the close report never reached the router")
		}
	}
	require.Empty(t, inside, "nothing reached the address the router redirected to")

	redirecting.Store(false)
	select {
	case id := <-router.took:
		require.Equal(t, rc.SessionID, id, "the router takes the report once it stops redirecting")
	case <-time.After(30 * time.Second):
		t.Fatal("the close report never reached the router once it stopped redirecting")
	}
	p.stop()
	require.Empty(t, inside)
}
