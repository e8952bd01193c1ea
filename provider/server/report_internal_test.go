package server

import (
	"bytes"
	"cmp"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/protocol/wire/wiretest"
	"github.com/laketravis/laketravis/provider/outbox"
	"github.com/laketravis/laketravis/provider/session"
)

// TestReportToRouterBeforeAcceptances: a router from before ticket acceptances refuses the unknown member
// (400, strict decoding); the provider reports the close again without it, so the close still counts there.
func TestReportToRouterBeforeAcceptances(t *testing.T) {
	var got []wire.CloseRequest
	old := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Receipt           eip712.UsageReceipt `json:"receipt"`
			ProviderSignature *eip712.Signature   `json:"providerSignature"`
		}
		var buf bytes.Buffer
		_, _ = buf.ReadFrom(r.Body)
		dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: %v", err))
			return
		}
		var cr wire.CloseRequest
		require.NoError(t, json.Unmarshal(buf.Bytes(), &cr))
		got = append(got, cr)
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer old.Close()
	s := &Server{client: old.Client(), routers: knownRouter(old.URL)}
	sig := eip712.Signature{1}
	require.NoError(t, s.reportTo(context.Background(), reportUntil(wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig, TicketAcceptance: &sig},
		time.Now().Add(time.Minute))))
	require.Len(t, got, 1)
	require.Nil(t, got[0].TicketAcceptance)
	require.Equal(t, uint32(3), got[0].Receipt.Seconds)
}

// TestReportRetriedUntilTheRouterIsBack: a router that answers 503 (or not at all) for longer than a few
// attempts still gets the close once it is back, as long as it would accept it (the ticket's notAfter plus
// settle.CloseWindow); a refusal ends the attempts at once; past that deadline, or at shutdown, the report
// is given up with an error saying why.
func TestReportRetriedUntilTheRouterIsBack(t *testing.T) {
	var calls atomic.Int32
	down := int32(6) // more rounds than the three attempts reports used to get
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		switch {
		case r.URL.Path == "/v1/sessions/0x0000000000000000000000000000000000000000000000000000000000000009/close":
			wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeBadRequest, "refused"))
		case n <= down:
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down for now"))
		default:
			wire.WriteJSON(w, http.StatusOK, map[string]string{})
		}
	}))
	defer router.Close()
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: knownRouter(router.URL)}
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig}

	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))))
	require.Equal(t, down+1, calls.Load(), "tried until the router took it")

	calls.Store(0)
	err := s.reportTo(context.Background(), reportUntil(req, time.Now().Add(-time.Second))) // its last second passed
	require.ErrorContains(t, err, "would no longer accept the close")
	require.Equal(t, int32(1), calls.Load(), "no round past the router's deadline")

	calls.Store(0)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = s.reportTo(ctx, reportUntil(req, time.Now().Add(time.Minute)))
	require.ErrorContains(t, err, "given up at shutdown")

	calls.Store(0)
	refused := req
	refused.Receipt.SessionID[31] = 9
	err = s.reportTo(context.Background(), reportUntil(refused, time.Now().Add(time.Minute)))
	require.ErrorContains(t, err, "refused")
	require.Equal(t, int32(1), calls.Load(), "a refusal is not retried")
}

// TestSignerRefusalRetried: a router that refuses the provider's receipt signature (401
// bad_provider_signature, as router/api's close answers when its book or the chain's head holds another
// signer: a rotation its book has not confirmed yet, or serve still signing with a key rotated away from)
// gets the close again, the refusal logged once as a signature refusal, and takes it once both hold the
// key. The code decides, not the message: it used to be a 401 bad_signature whose message began
// "provider ", and a router rewording it would have had the close given up (that form, a router's from
// before the code, is retried too: TestSignerRefusalOfARouterBeforeTheCodeRetried). A 401 bad_signature
// of the user's signature or the ticket acceptance still ends the attempts.
func TestSignerRefusalRetried(t *testing.T) {
	var calls atomic.Int32
	var refuse atomic.Pointer[wire.Error]
	refuse.Store(wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "receipt countersigned by 0x01, the signer is 0x02"))
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 3 {
			wire.WriteError(w, refuse.Load())
			return
		}
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer router.Close()
	core, logs := observer.New(zapcore.InfoLevel)
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: knownRouter(router.URL), log: zap.New(core)}
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig}

	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))))
	require.Equal(t, int32(4), calls.Load(), "tried until the router took it")
	require.Len(t, logs.FilterMessageSnippet("router refused the provider's signature").All(), 1)

	for _, other := range []string{"user signature: recovered 0x01", "ticketAcceptance is not provider 0x03's acceptance of this session's ticket"} {
		calls.Store(0)
		refuse.Store(wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "%s", other))
		err := s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute)))
		require.ErrorContains(t, err, other)
		require.Equal(t, int32(1), calls.Load(), "not retried: %s", other)
	}
}

// TestSignerRefusalOfARouterBeforeTheCodeRetried (routers upgrade one by one): a router from before
// bad_provider_signature refuses the receipt signature of a provider whose rotation its book has not read
// yet as 401 bad_signature "provider signature: …". The close is tried again, with its ticket acceptance,
// and taken once the router's book holds the key. serve used to take it for a refusal of the acceptance,
// send the close again without it, have that refused too and give the close up: the session unpaid.
func TestSignerRefusalOfARouterBeforeTheCodeRetried(t *testing.T) {
	var calls atomic.Int32
	var taken atomic.Pointer[wire.CloseRequest]
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body wire.CloseRequest
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		if calls.Add(1) <= 2 {
			wire.WriteError(w, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "provider signature: recovered 0x01, want 0x02"))
			return
		}
		taken.Store(&body)
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer router.Close()
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: knownRouter(router.URL), log: zap.NewNop()}
	sig, acc := eip712.Signature{1}, eip712.Signature{2}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, UserSignature: &sig, ProviderSignature: &sig, TicketAcceptance: &acc}

	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))))
	require.Equal(t, int32(3), calls.Load(), "tried until the router took it")
	require.Equal(t, &acc, taken.Load().TicketAcceptance, "with its acceptance")
}

// TestRefusedAcceptanceClosedWithout: a router that refuses a close's ticket acceptance (401 bad_signature:
// serve signed it with a key rotated away from before the session started, in its book's confirmation lag)
// gets the close again without it, as the user's client sends it, and takes it (logged once); before, the
// provider's close was given up and its report dropped. A refusal of the user's signature is refused again
// without it and ends the attempts (two requests).
func TestRefusedAcceptanceClosedWithout(t *testing.T) {
	var calls atomic.Int32
	var userRefused atomic.Bool
	var taken atomic.Pointer[wire.CloseRequest]
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		var body wire.CloseRequest
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		if userRefused.Load() {
			wire.WriteError(w, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "user signature: recovered 0x01"))
			return
		}
		if body.TicketAcceptance != nil {
			wire.WriteError(w, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "ticketAcceptance is not provider 0x03's acceptance"))
			return
		}
		taken.Store(&body)
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer router.Close()
	core, logs := observer.New(zapcore.InfoLevel)
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: knownRouter(router.URL), log: zap.New(core)}
	sig, acc := eip712.Signature{1}, eip712.Signature{2}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, UserSignature: &sig, ProviderSignature: &sig, TicketAcceptance: &acc}

	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))))
	require.Equal(t, int32(2), calls.Load())
	require.Nil(t, taken.Load().TicketAcceptance)
	require.Equal(t, &sig, taken.Load().ProviderSignature)
	require.Len(t, logs.FilterMessageSnippet("refused the close's ticket acceptance").All(), 1)

	calls.Store(0)
	userRefused.Store(true)
	require.ErrorContains(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))), "user signature")
	require.Equal(t, int32(2), calls.Load(), "not retried beyond the close without the acceptance")
}

// TestReportRediscoversTheRouter: a report whose router no configured URL answers for yet (it does not
// answer discovery, so cannot prove its key) is not dropped: discovery is tried again each round, within
// the same backoff and deadline, and the close reaches the router once it proves its key. A router never
// found is given up at the deadline, as unknown.
func TestReportRediscoversTheRouter(t *testing.T) {
	var whoIs, closes atomic.Int32
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/liveness" {
			if whoIs.Add(1) <= 4 {
				wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "starting"))
				return
			}
			wiretest.ProveKey(w, r, testDomain, testRouterKey)
			return
		}
		closes.Add(1)
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer router.Close()
	dir := discovering(router.Client(), 0, router.URL) // every 0: each round
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: dir, log: zap.NewNop()}
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{Seconds: 3}, ProviderSignature: &sig}

	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute))))
	require.Equal(t, int32(5), whoIs.Load(), "discovery tried again until the router proved its key")
	require.Equal(t, int32(1), closes.Load())

	other := reportUntil(req, time.Now())
	other.Router = common.HexToAddress("0x00000000000000000000000000000000000000bb")
	err := s.reportTo(context.Background(), other)
	require.ErrorIs(t, err, errUnknownRouter)
	require.ErrorContains(t, err, "would no longer accept the close")
}

// testRouterKey is the key of the router the internal tests report to, testRouter; testDomain is the
// domain it proves its key under.
var (
	testRouterKey, _ = crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	testRouter       = crypto.PubkeyToAddress(testRouterKey.PublicKey)
	testDomain       = eip712.NewDomain(31337, common.HexToAddress("0x00000000000000000000000000000000000000cc"))
)

// knownRouter is a directory in which urls (copies of one router, tried in this order) answer for
// testRouter, with no discovery due for an hour.
func knownRouter(urls ...string) *routerDirectory {
	return &routerDirectory{byRouter: map[common.Address][]string{testRouter: urls}, last: time.Now(), every: time.Hour, log: zap.NewNop()}
}

// discovering is a directory of urls, discovered through client under testDomain at most every every.
func discovering(client *http.Client, every time.Duration, urls ...string) *routerDirectory {
	return &routerDirectory{urls: urls, client: client, log: zap.NewNop(), every: every, domain: testDomain, skew: time.Minute, now: time.Now}
}

// reportUntil is req reported to testRouter, accepted there until until.
func reportUntil(req wire.CloseRequest, until time.Time) *outbox.Report {
	return &outbox.Report{Kind: "receipt", Router: testRouter, Until: until.Unix(), Close: req}
}

// TestReportKeptPendingThenTakenCountsAsDelivered: a router that cannot judge a close yet keeps it pending
// and answers 503 (router/api closeOrPend), then takes it in the background; the report's next attempt is
// answered 409 session_closed. The provider reads the router's record (GET /v1/sessions/{id}): holding
// the report's very receipt and signatures, the close is counted delivered (reported="yes"), logged "close
// taken". A record of another close of the session (another provider signature, or only the user's), or
// one the router does not answer, leaves it given up as before (reported="failed").
func TestReportKeptPendingThenTakenCountsAsDelivered(t *testing.T) {
	userSig, providerSig := eip712.Signature{1}, eip712.Signature{2}
	ours := wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{7}, Seconds: 3}, UserSignature: &userSig, ProviderSignature: &providerSig}
	other := eip712.Signature{3}
	for _, tc := range []struct {
		name     string
		record   *wire.SessionRecord // nil: GET answers 500
		reported string
	}{
		{"our close", &wire.SessionRecord{Receipt: &ours.Receipt, UserSignature: &userSig, ProviderSignature: &providerSig, CloseReason: wire.CloseReceipt}, "yes"},
		{"another provider signature", &wire.SessionRecord{Receipt: &ours.Receipt, UserSignature: &userSig, ProviderSignature: &other, CloseReason: wire.CloseReceipt}, "failed"},
		{"the user's alone", &wire.SessionRecord{Receipt: &ours.Receipt, UserSignature: &userSig, CloseReason: wire.CloseOneSided}, "failed"},
		{"record unread", nil, "failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var posts atomic.Int32
			router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.Method == http.MethodGet && tc.record != nil:
					wire.WriteJSON(w, http.StatusOK, tc.record)
				case r.Method == http.MethodGet:
					wire.WriteError(w, wire.Errorf(http.StatusInternalServerError, wire.CodeInternal, "store down"))
				case posts.Add(1) == 1:
					wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "kept pending: try again"))
				default:
					wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed"))
				}
			}))
			defer router.Close()
			core, logs := observer.New(zapcore.InfoLevel)
			s := &Server{client: router.Client(), reportBackoff: time.Millisecond, routers: knownRouter(router.URL),
				reportCtx: context.Background(), log: zap.New(core), metrics: newMetrics(session.New(nil, 0, nil))}
			s.deliver(reportUntil(ours, time.Now().Add(time.Minute)), false)
			s.reports.Wait()

			require.Equal(t, int32(2), posts.Load(), "503, then 409")
			rec := httptest.NewRecorder()
			s.metrics.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
			f := promtest.Parse(t, rec.Body)
			require.Equal(t, 1.0, f.Counter(t, "lt_provider_session_closes_total", "kind", "receipt", "reported", tc.reported))
			require.Len(t, f["lt_provider_session_closes_total"].GetMetric(), 1, "counted once, as nothing else")
			if tc.reported == "yes" {
				require.Equal(t, 1, logs.FilterMessageSnippet("close taken").Len())
				require.Zero(t, logs.FilterMessage("close report given up").Len())
			} else {
				require.Equal(t, 1, logs.FilterMessage("close report given up").Len())
				require.Zero(t, logs.FilterMessageSnippet("close taken").Len())
			}
		})
	}
}

// TestReportPastAnOlderCopysRefusal (several copies of one router behind one ROUTER key, upgraded one by
// one): the first URL answering for the report's router is an older copy refusing the close's body (400
// bad_request on a field it does not know); it does not hold the session, so its refusal is not the
// session's answer (wire.IsSessionHoldersAnswer, the user's client's rule) and the next copy, which takes
// the close, is asked: delivered (reported="yes"), nothing given up. The report used to stop at the older
// copy's 400 and count as given up. When the copy holding the session cannot take it yet (503) the report
// is tried again in the next round; when every copy refuses without holding the session, it is given up
// at once, with the first copy's refusal naming the others'.
func TestReportPastAnOlderCopysRefusal(t *testing.T) {
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{7}, Seconds: 3}, ProviderSignature: &sig}
	older := func(calls *atomic.Int32) *httptest.Server {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `close body: json: unknown field "lastRequest"`))
		}))
		t.Cleanup(srv.Close)
		return srv
	}
	for _, tc := range []struct {
		name     string
		down     int32 // the attempts the copy holding the session answers 503 first
		olderHit int32 // the attempts the older copy gets
	}{
		{"the next copy takes it", 0, 1},
		{"the next copy takes it a round later", 1, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var olderCalls, holderCalls atomic.Int32
			old := older(&olderCalls)
			var taken atomic.Pointer[wire.CloseRequest]
			holder := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if holderCalls.Add(1) <= tc.down {
					wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "kept pending: try again"))
					return
				}
				var body wire.CloseRequest
				require.NoError(t, json.NewDecoder(r.Body).Decode(&body))
				taken.Store(&body)
				wire.WriteJSON(w, http.StatusOK, map[string]string{})
			}))
			defer holder.Close()
			core, logs := observer.New(zapcore.InfoLevel)
			s := &Server{client: holder.Client(), reportBackoff: time.Millisecond, routers: knownRouter(old.URL, holder.URL),
				reportCtx: context.Background(), log: zap.New(core), metrics: newMetrics(session.New(nil, 0, nil))}
			s.deliver(reportUntil(req, time.Now().Add(time.Minute)), false)
			s.reports.Wait()

			require.Equal(t, tc.olderHit, olderCalls.Load())
			require.Equal(t, tc.down+1, holderCalls.Load())
			require.NotNil(t, taken.Load(), "the copy holding the session took the close")
			require.Equal(t, req.Receipt, taken.Load().Receipt)
			rec := httptest.NewRecorder()
			s.metrics.ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
			f := promtest.Parse(t, rec.Body)
			require.Equal(t, 1.0, f.Counter(t, "lt_provider_session_closes_total", "kind", "receipt", "reported", "yes"))
			require.Len(t, f["lt_provider_session_closes_total"].GetMetric(), 1, "counted once, as nothing else")
			require.Zero(t, logs.FilterMessage("close report given up").Len())
		})
	}

	t.Run("no copy holds the session", func(t *testing.T) {
		var calls atomic.Int32
		a, b := older(&calls), older(&calls)
		s := &Server{client: a.Client(), reportBackoff: time.Millisecond, routers: knownRouter(a.URL, b.URL), log: zap.NewNop()}
		err := s.reportTo(context.Background(), reportUntil(req, time.Now().Add(time.Minute)))
		var we *wire.Error
		require.ErrorAs(t, err, &we)
		require.Equal(t, wire.CodeBadRequest, we.Code)
		require.ErrorContains(t, err, a.URL+": bad_request")
		require.ErrorContains(t, err, b.URL+": bad_request")
		require.Equal(t, int32(2), calls.Load(), "one round: no reply would change")
	})
}

// TestDiscoveryKeepsProvedKeysOfURLsDown: a URL is mapped only to the router whose key it proves; a URL
// that proved one keeps it while it is down (here 503) but loses it once it answers without proving
// it (a stale proof, a 404 of a router from before POST /v1/liveness), logged with the URL and why.
func TestDiscoveryKeepsProvedKeysOfURLsDown(t *testing.T) {
	rec := httptest.NewRecorder()
	wiretest.ProveKey(rec, httptest.NewRequest(http.MethodPost, "/v1/liveness", strings.NewReader(`{"challenge":"0x`+strings.Repeat("01", 32)+`","url":"http://example.com"}`)),
		testDomain, testRouterKey)
	stale := rec.Body.Bytes()
	var answer atomic.Value // the URL's answer to POST /v1/liveness: "proof", "down", "stale" or "old"
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch answer.Load() {
		case "proof":
			wiretest.ProveKey(w, r, testDomain, testRouterKey)
		case "down":
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "restarting"))
		case "stale":
			wire.WriteBody(w, http.StatusOK, stale)
		default:
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no route %s", r.URL.Path))
		}
	}))
	defer router.Close()
	core, logs := observer.New(zapcore.WarnLevel)
	dir := discovering(router.Client(), 0, router.URL)
	dir.log = zap.New(core)
	for _, step := range []struct {
		answer string
		urls   []string
		log    string
	}{
		{"proof", []string{router.URL}, ""},
		{"down", []string{router.URL}, "restarting"},
		{"stale", nil, "challenge not echoed"},
		{"proof", []string{router.URL}, ""},
		{"old", nil, "no route /v1/liveness"},
	} {
		answer.Store(step.answer)
		dir.discoverLocked(context.Background())
		require.Equal(t, step.urls, dir.byRouter[testRouter], step.answer)
		if step.log != "" {
			got := logs.TakeAll()
			require.Len(t, got, 1, step.answer)
			require.Equal(t, router.URL, got[0].ContextMap()["url"])
			require.Contains(t, got[0].ContextMap()["error"], step.log)
		}
	}
}

// TestDiscoveryNotHiddenByAHangingURL: the first configured router URL never answers its proof (a hostile
// URL, or a host dropping packets); the router that issued the session answers at the second. The close
// reaches it: each URL is asked within its own timeout, at once. Before, the URLs were asked one after
// another within one shared timeout, which the first used up: the router's URL was never asked and every
// close of its sessions given up as unknown_router.
func TestDiscoveryNotHiddenByAHangingURL(t *testing.T) {
	release := make(chan struct{})
	hang := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer hang.Close()
	defer close(release)
	took := make(chan string, 1)
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/liveness" {
			wiretest.ProveKey(w, r, testDomain, testRouterKey)
			return
		}
		took <- r.URL.Path
		wire.WriteJSON(w, http.StatusOK, map[string]string{})
	}))
	defer router.Close()
	s := &Server{client: router.Client(), reportBackoff: time.Millisecond, log: zap.NewNop(),
		routers: discovering(router.Client(), time.Hour, hang.URL, router.URL)}
	sig := eip712.Signature{1}
	req := wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{9}, Seconds: 3}, ProviderSignature: &sig}
	require.NoError(t, s.reportTo(context.Background(), reportUntil(req, time.Now().Add(2*reportTimeout))))
	require.Equal(t, "/v1/sessions/"+req.Receipt.SessionID.Hex()+"/close", <-took)
}

// TestRouterRedirectsNotFollowed: the provider's router client (netguard.NoRedirects, as New builds it) follows
// no redirect of discovery's POST /v1/liveness nor of closedWith's GET /v1/sessions/{id}: a router URL
// answering 307 to another address (here a genuine router) gets nothing sent there, and each says so.
// TestCloseReportNotRedirected covers the close report itself, through New.
func TestRouterRedirectsNotFollowed(t *testing.T) {
	var reached atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		wiretest.ProveKey(w, r, testDomain, testRouterKey)
	}))
	defer target.Close()
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+r.URL.Path, http.StatusTemporaryRedirect)
	}))
	defer front.Close()
	client := netguard.NoRedirects(front.Client())

	core, logs := observer.New(zapcore.WarnLevel)
	dir := discovering(client, 0, front.URL)
	dir.log = zap.New(core)
	dir.discoverLocked(context.Background())
	require.Empty(t, dir.byRouter, "the redirecting URL proves no router")
	got := logs.TakeAll()
	require.Len(t, got, 1)
	require.Contains(t, got[0].ContextMap()["error"], "not followed")

	s := &Server{client: client}
	closed := wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "closed")
	err := s.closedWith(context.Background(), front.URL, reportUntil(wire.CloseRequest{}, time.Now().Add(time.Minute)), closed)
	require.ErrorIs(t, err, closed)
	require.ErrorContains(t, err, "not followed")
	require.Zero(t, reached.Load(), "nothing reached the address redirected to")
}

// TestDiscoveryMapsProvedRetiredKeys: a router that changed ticket keys proves, besides its new key, each
// retired one in its liveness answer ("retired", wire.KeyProof), and discovery maps its URL to each of them
// too, so the closes of the sessions its old key ticketed still reach it. A retired proof the answer makes
// up is never taken: one naming the old key but signed by another, or the old key's over the challenge
// bound to another URL (relayed from another router), maps nothing and is logged with the URL and why;
// nor is a valid one taken when the answer does not prove the router's own key. A key proved twice, or
// the router's own among its retired, maps the URL once.
func TestDiscoveryMapsProvedRetiredKeys(t *testing.T) {
	current, _ := crypto.GenerateKey()
	other, _ := crypto.GenerateKey()
	newRouter := crypto.PubkeyToAddress(current.PublicKey)
	type proof struct {
		key   *ecdsa.PrivateKey // signs
		names common.Address    // the Liveness's address
		url   string            // the challenge is bound to ("": the URL asked)
	}
	var answer atomic.Pointer[[]proof] // the router's own proof first, then its retired ones
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req wire.LivenessRequest
		_ = json.NewDecoder(r.Body).Decode(&req) // a bad one would bind nothing the provider asked
		var lr wire.LivenessResponse
		for i, p := range *answer.Load() {
			u := cmp.Or(p.url, req.URL)
			kp := wire.KeyProof{Liveness: eip712.Liveness{Provider: p.names, Challenge: wire.BoundChallenge(req.Challenge, u), Timestamp: uint64(time.Now().Unix())}}
			kp.Signature, _ = testDomain.Sign(&kp.Liveness, p.key)
			if i == 0 {
				lr.Liveness, lr.Signature = kp.Liveness, kp.Signature
				continue
			}
			lr.Retired = append(lr.Retired, kp)
		}
		wire.WriteJSON(w, http.StatusOK, lr)
	}))
	defer router.Close()
	core, logs := observer.New(zapcore.WarnLevel)
	dir := discovering(router.Client(), 0, router.URL)
	dir.log = zap.New(core)
	own, old := proof{key: current, names: newRouter}, proof{key: testRouterKey, names: testRouter}
	for _, step := range []struct {
		name       string
		proofs     []proof
		mapped     []common.Address
		log, error string
	}{
		{"retired key proved", []proof{own, old}, []common.Address{newRouter, testRouter}, "", ""},
		{"no retired key", []proof{own}, []common.Address{newRouter}, "", ""},
		{"signed by another key", []proof{own, {key: other, names: testRouter}}, []common.Address{newRouter}, "did not prove a retired key", testRouter.Hex()},
		{"bound to another URL", []proof{own, {key: testRouterKey, names: testRouter, url: "http://router.example"}}, []common.Address{newRouter}, "did not prove a retired key", "challenge not echoed"},
		{"own key not proved", []proof{{key: other, names: newRouter}, old}, nil, "did not prove a router's key", "invalid liveness proof"},
		{"proved twice", []proof{own, old, old, own}, []common.Address{newRouter, testRouter}, "", ""},
	} {
		answer.Store(&step.proofs)
		dir.discoverLocked(context.Background())
		for _, a := range []common.Address{newRouter, testRouter} {
			var want []string
			if slices.Contains(step.mapped, a) {
				want = []string{router.URL}
			}
			require.Equal(t, want, dir.byRouter[a], "%s: %s", step.name, a)
		}
		require.Len(t, dir.byRouter, len(step.mapped), step.name)
		got := logs.TakeAll()
		if step.log == "" {
			require.Empty(t, got, step.name)
			continue
		}
		require.Len(t, got, 1, step.name)
		require.Contains(t, got[0].Message, step.log, step.name)
		require.Equal(t, router.URL, got[0].ContextMap()["url"], step.name)
		require.Contains(t, got[0].ContextMap()["error"], step.error, step.name)
	}
}
