package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCloseAtRouterRetriesUnavailable (hostile provider, router's chain node, anyone sharing the user's
// address): a user closes at the router (the provider refused to countersign, or is dead) with the
// provider's acceptance; the router answers 503 unavailable while it cannot read the provider's signer at
// the chain's head (router/api checkProviderKeys: one transient RPC error suffices), or 429 rate_limited
// while the user's address is over its per-address limit (a gateway closing its sessions at once, others
// behind the same NAT). The client tries again, with the acceptance, and the close is taken. It used to
// give up at once (the gateway logs it and moves on): the session stayed open, and a provider that feigned
// death could then close it alone, billing up to settle.RequestGrace past the user's last request
// instead of the user's receipt.
func TestCloseAtRouterRetriesUnavailable(t *testing.T) {
	defer func(p time.Duration) { closeRetryPause = p }(closeRetryPause)
	closeRetryPause = time.Millisecond
	for _, refusal := range []*wire.Error{unavailable, rateLimited} {
		t.Run(refusal.Code, func(t *testing.T) {
			var calls atomic.Int32
			var carried atomic.Bool
			router := refusesTwice(t, refusal, &calls, &carried)

			s, _ := newTestSession(t, newClock(time.Now().Unix()))
			s.router = NewRouterClient(router.URL, nil)
			s.acceptance = &eip712.Signature{1}
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			res, err := s.CloseAtRouter(ctx)
			require.NoError(t, err)
			require.Equal(t, ClosedAtRouter, res.Via)
			require.EqualValues(t, 3, calls.Load(), "tried again on each refusal")
			require.True(t, carried.Load(), "with the acceptance")
			require.NotNil(t, res.TicketAcceptance)
		})
	}
}

var (
	unavailable = wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "provider's signer at the chain's head cannot be read now: try again")
	rateLimited = wire.Errorf(http.StatusTooManyRequests, wire.CodeRateLimited, "too many requests: retry in 1s")
)

// TestCloseRetriesTheSessionsRouterPastAStranger (several independent routers): the user's client lists
// two routers; the session's (which issued its ticket) answers its close 503 unavailable for a moment, and
// the other, which never saw the session, answers unknown_session, 429 rate_limited (its per-address
// limit, which the close's own retries reach), or 400 bad_request (an older version that does not know a
// field of the close's body). The close is tried again at the session's router and taken
// there. Before, do failed over on the 503 to the other router, returned its refusal as the answer, and
// the close was given up: the session stayed open for the provider to close alone, billing up to
// settle.RequestGrace past the user's last request.
func TestCloseRetriesTheSessionsRouterPastAStranger(t *testing.T) {
	defer func(p time.Duration) { closeRetryPause = p }(closeRetryPause)
	closeRetryPause = time.Millisecond
	for _, refusal := range []*wire.Error{wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session"), rateLimited,
		wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, `json: unknown field "ticketAcceptance"`)} {
		t.Run(refusal.Code, func(t *testing.T) {
			var calls, strangerCalls atomic.Int32
			own := refusesTwice(t, unavailable, &calls, new(atomic.Bool))
			stranger := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				strangerCalls.Add(1)
				wire.WriteError(w, refusal)
			}))
			t.Cleanup(stranger.Close)

			s, _ := newTestSession(t, newClock(time.Now().Unix()))
			s.router = NewRouterClient(stranger.URL+","+own.URL, nil).pinned(1) // the ticket came from own
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			res, err := s.CloseAtRouter(ctx)
			require.NoError(t, err)
			require.Equal(t, ClosedAtRouter, res.Via)
			require.EqualValues(t, 3, calls.Load(), "the session's router tried again on each 503")
			require.EqualValues(t, 2, strangerCalls.Load(), "the stranger was asked after each 503 and its refusal not taken as the answer")
			require.Equal(t, own.URL, s.router.URL(), "the session's router stays the current one")

			// Every router unreachable or a stranger: the session router's failure is what the caller sees.
			own.Close()
			_, err = s.router.Session(ctx, [32]byte{1})
			require.ErrorIs(t, err, ErrUnreachable)
		})
	}
}

// refusesTwice is a router that answers a session's close with refusal twice, then takes it; calls counts
// the closes, carried says whether the last carried a ticket acceptance.
func refusesTwice(t *testing.T, refusal *wire.Error, calls *atomic.Int32, carried *atomic.Bool) *httptest.Server {
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req wire.CloseRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		if calls.Add(1) < 3 {
			wire.WriteError(w, refusal)
			return
		}
		carried.Store(req.TicketAcceptance != nil)
		wire.WriteJSON(w, http.StatusOK, wire.SessionRecord{SessionID: req.Receipt.SessionID, State: "closed", CloseReason: wire.CloseOneSided,
			Receipt: &req.Receipt, UserSignature: req.UserSignature, TicketAcceptance: req.TicketAcceptance})
	}))
	t.Cleanup(router.Close)
	return router
}

// TestCloseTakesTheProvidersReportOfItsReceipt (the provider's signer fails): the provider answers the
// close 503 (it could not countersign, and reports the user's receipt to the router itself), the client
// closes at the router, which the provider's report reached first: 409 session_closed. When the router's
// record holds the client's own receipt and signature the close is done, at the router; when it holds
// another close (the provider's alone, billing its own receipt), the refusal stays the answer.
func TestCloseTakesTheProvidersReportOfItsReceipt(t *testing.T) {
	provider := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "the provider's signer did not countersign the receipt"))
	}))
	t.Cleanup(provider.Close)
	var record atomic.Pointer[wire.SessionRecord]
	router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost {
			wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed"))
			return
		}
		wire.WriteJSON(w, http.StatusOK, record.Load())
	}))
	t.Cleanup(router.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	for _, mine := range []bool{true, false} {
		s, _ := newTestSession(t, newClock(time.Now().Unix()))
		s.base, s.router = provider.URL, NewRouterClient(router.URL, nil)
		rc := s.Receipt()
		sig, err := s.SignReceipt(rc)
		require.NoError(t, err)
		acc := &eip712.Signature{7}
		rec := &wire.SessionRecord{SessionID: rc.SessionID, State: "closed", CloseReason: wire.CloseOneSided, Receipt: &rc, UserSignature: &sig, TicketAcceptance: acc}
		if !mine {
			other := rc
			other.Seconds += 5
			rec = &wire.SessionRecord{SessionID: rc.SessionID, State: "closed", CloseReason: wire.CloseOneSided, Receipt: &other, ProviderSignature: &eip712.Signature{1}}
		}
		record.Store(rec)
		res, err := s.Close(ctx)
		if !mine {
			var we *wire.Error
			require.ErrorAs(t, err, &we, "another close than the client's is not taken for it")
			require.Equal(t, wire.CodeSessionClosed, we.Code)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, ClosedAtRouter, res.Via)
		require.Equal(t, rec, res.Record)
		require.Equal(t, acc, res.TicketAcceptance, "the acceptance the router's close carries")
		require.Contains(t, res.ProviderError, "did not countersign")
	}
}

// TestCloseRefusesARecordThatIsNotItsClose (hostile router): the client closes at the router (the
// provider is gone) and the router answers 200 with a record of the session that is not the client's
// close: another receipt billing more seconds, the receipt without the user's signature, or no record at
// all. The close is not taken as done (the result would show what the router made up, not what keepers
// will be shown); the client reports it. A record carrying the close is taken, as before.
func TestCloseRefusesARecordThatIsNotItsClose(t *testing.T) {
	for _, tc := range []struct {
		name   string
		record func(req wire.CloseRequest) any
		ok     bool
	}{
		{"its own", func(req wire.CloseRequest) any {
			return wire.SessionRecord{SessionID: req.Receipt.SessionID, State: "closed", CloseReason: wire.CloseOneSided,
				Receipt: &req.Receipt, UserSignature: req.UserSignature}
		}, true},
		{"its own, an inflated payment", func(req wire.CloseRequest) any {
			return wire.SessionRecord{SessionID: req.Receipt.SessionID, State: "closed", CloseReason: wire.CloseOneSided,
				Receipt: &req.Receipt, UserSignature: req.UserSignature,
				Payment: &wire.Payment{Allowance: new(uint256.Int), Deposit: uint256.MustFromDecimal("1000000000000000000000000")}}
		}, true},
		{"more seconds", func(req wire.CloseRequest) any {
			other := req.Receipt
			other.Seconds += 600
			return wire.SessionRecord{SessionID: req.Receipt.SessionID, State: "closed", CloseReason: wire.CloseOneSided,
				Receipt: &other, UserSignature: req.UserSignature}
		}, false},
		{"no user signature", func(req wire.CloseRequest) any {
			return wire.SessionRecord{SessionID: req.Receipt.SessionID, State: "closed", CloseReason: wire.CloseOneSided,
				Receipt: &req.Receipt, ProviderSignature: &eip712.Signature{1}}
		}, false},
		{"empty", func(wire.CloseRequest) any { return struct{}{} }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			router := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				var req wire.CloseRequest
				if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
					wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
					return
				}
				wire.WriteJSON(w, http.StatusOK, tc.record(req))
			}))
			t.Cleanup(router.Close)
			s, _ := newTestSession(t, newClock(time.Now().Unix()))
			s.router = NewRouterClient(router.URL, nil)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			res, err := s.CloseAtRouter(ctx)
			if tc.ok {
				require.NoError(t, err)
				require.Equal(t, ClosedAtRouter, res.Via)
				require.Equal(t, s.billed(res.Receipt), res.Payment, "the payment shown is at most what the receipt costs")
				return
			}
			require.ErrorIs(t, err, ErrRecordNotCarried)
			require.Nil(t, res)
		})
	}
}
