package client_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// A router list fails over past a refused connection and a 5xx to the first router that answers, which
// then keeps the traffic (sticky); a refusal (4xx) is an answer and is not retried elsewhere.
func TestRouterClientFailsOverAndSticks(t *testing.T) {
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	down := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close()) // connection refused from now on

	var broken, good atomic.Int32
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		broken.Add(1)
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "database down"))
	}))
	defer failing.Close()
	refuse := atomic.Bool{}
	working := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		good.Add(1)
		if refuse.Load() {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session"))
			return
		}
		wire.WriteJSON(w, http.StatusOK, []map[string]string{{"name": "llama:8b"}})
	}))
	defer working.Close()

	rc := client.NewRouterClient(down+", "+failing.URL+","+working.URL+"/", nil)
	require.Equal(t, []string{down, failing.URL, working.URL}, rc.URLs())
	models, err := rc.Models(ctx)
	require.NoError(t, err)
	require.Len(t, models, 1)
	require.Equal(t, working.URL, rc.URL(), "the router that answered is the current one")
	require.EqualValues(t, 1, broken.Load())

	_, err = rc.Models(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, broken.Load(), "sticky: the failing router is not asked again")
	require.EqualValues(t, 2, good.Load())

	refuse.Store(true)
	_, err = rc.Session(ctx, [32]byte{1})
	var we *wire.Error
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeUnknownSession, we.Code)
	require.NotErrorIs(t, err, client.ErrUnreachable)
	require.EqualValues(t, 1, broken.Load(), "a refusal is not retried at another router")
	require.Equal(t, working.URL, rc.URL())

	working.Close() // every router down: the last error says so
	_, err = rc.Models(ctx)
	require.ErrorIs(t, err, client.ErrUnreachable)
}

// TestRouterHangFailsOver: a router that accepts the connection and never answers is unreachable once the
// client's per-router timeout (SetTimeout, lt --router-timeout) runs out: the call goes on to the next router,
// which answers and becomes the current one. The call used to wait on the first for as long as its caller
// did (lt chat, lt rfc, the gateway: forever), sticky fail-over keeping the hung router current.
func TestRouterHangFailsOver(t *testing.T) {
	var hung, good atomic.Int32
	hangs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hung.Add(1)
		<-r.Context().Done() // accepted, never answered
	}))
	defer hangs.Close()
	working := answering(t, &good, func(w http.ResponseWriter) {
		wire.WriteJSON(w, http.StatusOK, []map[string]string{{"name": "llama:8b"}})
	})
	rc := client.NewRouterClient(hangs.URL+","+working.URL, nil)
	rc.SetTimeout(200 * time.Millisecond)
	// The caller's own bound, far past the router's: before the per-router timeout the call ended only here.
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	models, err := rc.Models(ctx)
	require.NoError(t, err, "the call goes on past the hung router")
	require.Len(t, models, 1)
	require.Equal(t, working.URL, rc.URL(), "the router that answered is the current one")
	_, err = rc.Models(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, hung.Load(), "sticky: the hung router is not asked again")
	require.EqualValues(t, 2, good.Load())

	working.Close() // the hung router alone: unreachable, the caller's context still live
	rc = client.NewRouterClient(hangs.URL, nil)
	rc.SetTimeout(200 * time.Millisecond)
	_, err = rc.Models(ctx)
	require.ErrorIs(t, err, client.ErrUnreachable)
	require.ErrorContains(t, err, "no answer within 200ms")
	require.NoError(t, ctx.Err())
}

// A router of the test that answers every call with answer (nil: a closed session's record, 200) and
// counts the calls.
func answering(t *testing.T, calls *atomic.Int32, answer func(w http.ResponseWriter)) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if answer == nil {
			wire.WriteJSON(w, http.StatusOK, wire.SessionRecord{SessionID: common.Hash{1}, State: "closed", CloseReason: wire.CloseOneSided})
			return
		}
		answer(w)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func refusing(e *wire.Error) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) { wire.WriteError(w, e) }
}

// TestSessionCallTakesOnlyASessionHoldersAnswer (several independent routers, of different versions, and
// replicas sharing a database): the session's router is unreachable (503) and the user's client goes on
// along its list. A router that does not hold the session — an older version refusing a close's body
// field it does not know (400 bad_request), a 404 with another code than unknown_session, a 405 without
// an envelope — has not answered the close: the next router's 200 is taken. A replica holding the session
// answers about it (409 session_closed or expired, 401 bad_signature or bad_provider_signature, 200):
// that is the answer, at once. Before, do returned the stranger's refusal as the answer, and the close
// was given up although the next router (or the session's own, a moment later) would take it.
func TestSessionCallTakesOnlyASessionHoldersAnswer(t *testing.T) {
	ctx := context.Background()
	id := common.Hash{1}
	for _, tc := range []struct {
		name     string
		second   func(w http.ResponseWriter) // the second router's answer; the third takes the close
		wantCode string                      // the refusal returned as the answer, "" for a 200
		taken    int                         // which router answered the call (the current one after it)
	}{
		{"stranger bad_request", refusing(wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `json: unknown field "ticketAcceptance"`)), "", 2},
		{"stranger not_found", refusing(wire.Errorf(http.StatusNotFound, wire.CodeNotFound, "no such route")), "", 2},
		{"stranger 405", func(w http.ResponseWriter) { http.Error(w, "Method Not Allowed", http.StatusMethodNotAllowed) }, "", 2},
		{"stranger unknown_session", refusing(wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session")), "", 2},
		{"stranger rate_limited", refusing(overLimit), "", 2},
		{"replica session_closed", refusing(wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed (receipt)")), wire.CodeSessionClosed, 1},
		{"replica expired", refusing(wire.Errorf(http.StatusConflict, wire.CodeExpired, "too late to close")), wire.CodeExpired, 1},
		{"replica bad_signature", refusing(wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "user signature")), wire.CodeBadSignature, 1},
		{"replica bad_provider_signature", refusing(wire.Errorf(http.StatusUnauthorized, wire.CodeBadProviderSignature, "provider signature")), wire.CodeBadProviderSignature, 1},
		{"replica 200", nil, "", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var ownCalls, secondCalls, thirdCalls atomic.Int32
			own := answering(t, &ownCalls, refusing(dbDown))
			second := answering(t, &secondCalls, tc.second)
			third := answering(t, &thirdCalls, nil)
			rc := client.NewRouterClient(own.URL+","+second.URL+","+third.URL, nil)

			rec, err := rc.Close(ctx, id, wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: id}})
			if tc.wantCode != "" {
				var we *wire.Error
				require.ErrorAs(t, err, &we)
				require.Equal(t, tc.wantCode, we.Code, "%v", err)
				require.NotErrorIs(t, err, client.ErrUnreachable)
			} else {
				require.NoError(t, err)
				require.Equal(t, id, rec.SessionID)
			}
			require.Equal(t, []string{own.URL, second.URL, third.URL}[tc.taken], rc.URL(), "the router that answered is the current one")
			require.EqualValues(t, 1, secondCalls.Load())
			require.EqualValues(t, tc.taken-1, thirdCalls.Load(), "the third router asked only when the second did not answer")

			// GET /v1/sessions/{id} follows the same rule.
			_, err = client.NewRouterClient(own.URL+","+second.URL+","+third.URL, nil).Session(ctx, id)
			if tc.wantCode != "" {
				require.Error(t, err)
			} else {
				require.NoError(t, err)
			}
		})
	}
}

// TestSessionCallNoRouterAnswers: the session's router is unreachable and every other router of the list
// refuses without holding the session. The caller gets the session router's failure to branch on
// (ErrUnreachable, its 503 unavailable, which Session.Close tries again), not a stranger's refusal, and
// its text says what each router said. A call that is not a session's (models, an RFC) takes another
// router's refusal as the answer: every router serves it.
func TestSessionCallNoRouterAnswers(t *testing.T) {
	ctx := context.Background()
	var calls atomic.Int32
	own := answering(t, &calls, refusing(dbDown))
	older := answering(t, &calls, refusing(wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `json: unknown field "ticketAcceptance"`)))
	stranger := answering(t, &calls, refusing(wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session")))
	rc := client.NewRouterClient(own.URL+","+older.URL+","+stranger.URL, nil)

	_, err := rc.Close(ctx, common.Hash{1}, wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: common.Hash{1}}})
	require.ErrorIs(t, err, client.ErrUnreachable)
	var we *wire.Error
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeUnavailable, we.Code, "the session router's failure, not a stranger's refusal")
	for _, s := range []string{own.URL + ": unavailable", older.URL + ": bad_request", stranger.URL + ": unknown_session", "no other router answered"} {
		require.Contains(t, err.Error(), s)
	}
	require.Equal(t, own.URL, rc.URL(), "no router answered: the session's stays the current one")
	require.EqualValues(t, 3, calls.Load())

	// Not a session's call: the second router's refusal is the answer.
	_, err = rc.Models(ctx)
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeBadRequest, we.Code)
	require.Equal(t, older.URL, rc.URL())
	require.EqualValues(t, 5, calls.Load(), "the third router not asked")
}

// dbDown is a replica's answer while its database is down; overLimit a router's per-address limit.
var (
	dbDown    = wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "database down")
	overLimit = wire.Errorf(http.StatusTooManyRequests, wire.CodeRateLimited, "retry in 1s")
)

// TestSessionRouterUnknownTakesNoFirstRefusal (lt close of a session saved without its router's address):
// no router of the list is the session's, so the first one's refusal of a session's call is judged as
// every other's (wire.IsSessionHoldersAnswer): its unknown_session, or an older version's bad_request,
// sends the call on and the router holding the session answers. When none does, the first router's
// refusal comes back, naming what each other said. Calls that are not a session's are unchanged.
func TestSessionRouterUnknownTakesNoFirstRefusal(t *testing.T) {
	ctx := context.Background()
	id := common.Hash{1}
	var calls atomic.Int32
	stranger := answering(t, &calls, refusing(wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no session")))
	older := answering(t, &calls, refusing(wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `json: unknown field "ticketAcceptance"`)))
	holder := answering(t, &calls, nil)

	rc := client.NewRouterClient(stranger.URL+","+older.URL+","+holder.URL, nil).SessionRouterUnknown()
	rec, err := rc.Close(ctx, id, wire.CloseRequest{Receipt: eip712.UsageReceipt{SessionID: id}})
	require.NoError(t, err)
	require.Equal(t, id, rec.SessionID)
	require.Equal(t, holder.URL, rc.URL(), "the router holding the session answered")
	require.EqualValues(t, 3, calls.Load())

	calls.Store(0)
	rc = client.NewRouterClient(stranger.URL+","+older.URL, nil).SessionRouterUnknown()
	_, err = rc.Session(ctx, id)
	var we *wire.Error
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeUnknownSession, we.Code, "the first router's refusal")
	require.Contains(t, err.Error(), older.URL+": bad_request")
	require.EqualValues(t, 2, calls.Load())

	_, err = rc.Models(ctx) // not a session's call: the first router's refusal is the answer
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeUnknownSession, we.Code)
	require.EqualValues(t, 3, calls.Load(), "the second router not asked")
}
