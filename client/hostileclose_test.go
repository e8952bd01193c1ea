package client

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// fakeRouter stands in for a router's session record: it takes the first close (POST), refuses any
// later one 409 session_closed, and answers GET /v1/sessions/{id} with its record. onRead runs before each
// GET is answered (a provider's report arriving meanwhile).
type fakeRouter struct {
	mu     sync.Mutex
	rec    wire.SessionRecord
	posts  []wire.CloseRequest
	reads  int
	onRead func(reads int)
	srv    *httptest.Server
}

func newFakeRouter(t *testing.T) *fakeRouter {
	f := &fakeRouter{rec: wire.SessionRecord{State: "open"}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet {
			f.mu.Lock()
			f.reads++
			reads, onRead := f.reads, f.onRead
			f.mu.Unlock()
			if onRead != nil {
				onRead(reads)
			}
			f.mu.Lock()
			rec := f.rec
			f.mu.Unlock()
			wire.WriteJSON(w, http.StatusOK, rec)
			return
		}
		var req wire.CloseRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		f.mu.Lock()
		f.posts = append(f.posts, req)
		f.mu.Unlock()
		if rec, err := f.close(req, 0); err != nil {
			wire.WriteError(w, err)
		} else {
			wire.WriteJSON(w, http.StatusOK, rec)
		}
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// close takes req as the session's close (billing billed seconds, the receipt's when 0) unless it has one.
func (f *fakeRouter) close(req wire.CloseRequest, billed uint32) (wire.SessionRecord, *wire.Error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rec.Receipt != nil {
		return wire.SessionRecord{}, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed (%s)", f.rec.CloseReason)
	}
	rc := req.Receipt
	if billed == 0 {
		billed = rc.Seconds
	}
	reason := wire.CloseReceipt
	if req.UserSignature == nil || req.ProviderSignature == nil {
		reason = wire.CloseOneSided
	}
	f.rec.State, f.rec.CloseReason, f.rec.Receipt, f.rec.BilledSeconds = "closed", reason, &rc, billed
	f.rec.UserSignature, f.rec.ProviderSignature, f.rec.TicketAcceptance = req.UserSignature, req.ProviderSignature, req.TicketAcceptance
	return f.rec, nil
}

func (f *fakeRouter) record() wire.SessionRecord {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.rec
}

// hostileProvider answers a session's close with answer (given the user's close request).
func hostileProvider(t *testing.T, answer func(w http.ResponseWriter, req wire.CloseRequest)) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req wire.CloseRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%v", err))
			return
		}
		answer(w, req)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// countersign is a provider's 200 to a close: req's receipt countersigned by key, with acceptance acc.
func countersign(t *testing.T, w http.ResponseWriter, req wire.CloseRequest, key string, acc *eip712.Signature) {
	psig, err := testDomain().Sign(&req.Receipt, testKey(t, key))
	require.NoError(t, err)
	wire.WriteJSON(w, http.StatusOK, map[string]any{"receipt": req.Receipt, "userSignature": req.UserSignature,
		"providerSignature": psig, "ticketAcceptance": acc})
}

// hostileSession is a session of 60 s used, its provider's acceptance of the ticket known (announced on its
// answers), closing through provider and a fakeRouter of the session (open).
func hostileSession(t *testing.T, provider *httptest.Server) (*Session, *fakeRouter) {
	t.Helper()
	router := newFakeRouter(t)
	clock := newClock(time.Now().Unix())
	s, _ := newTestSession(t, clock)
	s.meter.resume(clock.now(), Usage{Seconds: 60, OutputTokens: 500})
	acc, err := settle.SignAcceptance(testDomain(), &s.grant.Ticket, s.grant.Router, testKey(t, providerHex))
	require.NoError(t, err)
	s.acceptance = &acc
	s.base, s.router = provider.URL, NewRouterClient(router.srv.URL, nil)
	router.rec.SessionID = s.ID()
	return s, router
}

// closesAtRouter closes s and asserts the client closed it at router, whose record holds the user's
// receipt and signature.
func closesAtRouter(t *testing.T, s *Session, router *fakeRouter) (*CloseResult, wire.SessionRecord) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := s.Close(ctx)
	require.NoError(t, err)
	require.Equal(t, ClosedAtRouter, res.Via)
	rec := router.record()
	require.True(t, rec.Carries(wire.CloseRequest{Receipt: res.Receipt, UserSignature: &res.UserSignature}), "the router holds the user's receipt")
	return res, rec
}

func shortConfirm(t *testing.T) {
	p, r := closeConfirmPause, closeRetryPause
	closeConfirmPause, closeRetryPause = time.Millisecond, time.Millisecond
	t.Cleanup(func() { closeConfirmPause, closeRetryPause = p, r })
}

// TestCloseNotTakenOnAProvidersWord (hostile provider): the provider answers the user's close 200 with a
// countersignature — by a key other than the one that signed its acceptance of the ticket, garbage, or
// even its signer's — and never reports the close to the router, to close the session alone later,
// billing up to the wall clock (settle.RequestGrace past the user's last signed request) instead of the
// user's receipt. The client closes at the router itself: the router's record holds the user's receipt and
// signature (with the countersignature only when it is the acceptance's signer's). Before, Close returned
// "closed at the provider" on the 200 alone and the router never saw the user's receipt (the reviewer's
// run billed 1,201 s where the receipt said 60 s).
func TestCloseNotTakenOnAProvidersWord(t *testing.T) {
	shortConfirm(t)
	for _, tc := range []struct {
		name   string
		answer func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest)
		signed bool // the countersignature is the acceptance's signer's: carried to the router
	}{
		{"another key", func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest) {
			countersign(t, w, req, routerHex, nil)
		}, false},
		{"another key than its answer's acceptance", func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest) {
			countersign(t, w, req, routerHex, req.UserSignature) // the "acceptance" is no acceptance of the ticket
		}, false},
		{"garbage", func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest) {
			wire.WriteJSON(w, http.StatusOK, map[string]any{"receipt": req.Receipt, "providerSignature": eip712.Signature{1}})
		}, false},
		{"another receipt", func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest) {
			req.Receipt.Seconds = 1200
			countersign(t, w, req, providerHex, nil)
		}, false},
		{"its signer's, never reported", func(t *testing.T, w http.ResponseWriter, req wire.CloseRequest) {
			countersign(t, w, req, providerHex, nil)
		}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			provider := hostileProvider(t, func(w http.ResponseWriter, req wire.CloseRequest) { tc.answer(t, w, req) })
			s, router := hostileSession(t, provider)
			res, rec := closesAtRouter(t, s, router)
			require.NotEmpty(t, res.ProviderError)
			require.EqualValues(t, 60, rec.Receipt.Seconds)
			require.Equal(t, tc.signed, rec.ProviderSignature != nil, "the countersignature carried only when its signer's")
			require.Equal(t, s.acceptance, rec.TicketAcceptance)
			if tc.signed {
				require.Equal(t, closeConfirmReads, router.reads, "the router was asked for the provider's report first")
			}
		})
	}
}

// TestCloseConfirmsTheProvidersReport (honest provider): the provider countersigns and reports the close
// while the client reads the router's record: the close is the provider's, the client posts none; a
// report arriving after the client's reads finds the client's close of the same receipt and signatures
// taken (the provider's closedWith takes it as its own).
func TestCloseConfirmsTheProvidersReport(t *testing.T) {
	shortConfirm(t)
	for _, late := range []bool{false, true} {
		var report wire.CloseRequest
		provider := hostileProvider(t, func(w http.ResponseWriter, req wire.CloseRequest) {
			psig, err := testDomain().Sign(&req.Receipt, testKey(t, providerHex))
			require.NoError(t, err)
			report = wire.CloseRequest{Receipt: req.Receipt, UserSignature: req.UserSignature, ProviderSignature: &psig}
			countersign(t, w, req, providerHex, nil)
		})
		s, router := hostileSession(t, provider)
		router.onRead = func(reads int) {
			if !late && reads == 2 {
				_, err := router.close(report, 0)
				require.Nil(t, err)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		res, err := s.Close(ctx)
		cancel()
		require.NoError(t, err)
		if !late {
			require.Equal(t, ClosedAtProvider, res.Via)
			require.Empty(t, router.posts, "the provider's report is the close")
			require.Equal(t, wire.CloseReceipt, res.Record.CloseReason)
			continue
		}
		require.Equal(t, ClosedAtRouter, res.Via)
		rec := router.record()
		require.Equal(t, wire.CloseReceipt, rec.CloseReason, "closed with both signatures")
		require.True(t, rec.Carries(report), "the provider's late report finds its close taken")
	}
}

// TestCloseAtTheRouterWhenTheProviderRefuses (hostile provider): the provider answers the user's close
// with a 4xx the client did not expect (bad_request, a dispute of the receipt, forbidden, rate_limited),
// hoping the client gives up (the gateway logged it and moved on) so it closes the session alone, billing
// more than the receipt. The client closes at the router with the user's signature instead. Before, the
// refusal was Close's answer and the router never saw the user's receipt.
func TestCloseAtTheRouterWhenTheProviderRefuses(t *testing.T) {
	shortConfirm(t)
	for _, refusal := range []*wire.Error{
		wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: no"),
		wire.Errorf(http.StatusUnprocessableEntity, wire.CodeBadRequest, "receipt claims 60 s but the provider metered 1 s"),
		wire.Errorf(http.StatusForbidden, wire.CodeForbidden, "no"),
		rateLimited,
	} {
		t.Run(refusal.Code+"/"+http.StatusText(refusal.Status), func(t *testing.T) {
			provider := hostileProvider(t, func(w http.ResponseWriter, _ wire.CloseRequest) { wire.WriteError(w, refusal) })
			s, router := hostileSession(t, provider)
			res, rec := closesAtRouter(t, s, router)
			require.Contains(t, res.ProviderError, refusal.Message)
			require.Equal(t, wire.CloseOneSided, rec.CloseReason)
		})
	}
}

// TestCloseNamesTheProvidersOtherClose (hostile provider): the provider has closed the session alone at
// the router already, billing 1,200 s of a 60 s receipt, and answers the user's close 200 with its
// signer's countersignature, or 409 session_closed. The client does not take that for its close: Close
// fails with an *OtherCloseError naming the user's receipt and the router's close (who signed it, what it
// bills, how much more). Before, the 200 was taken for the close ("closed at the provider", nothing
// checked) and the 409 gave the router's bare session_closed.
func TestCloseNamesTheProvidersOtherClose(t *testing.T) {
	shortConfirm(t)
	for _, answer := range []string{"countersigned", "session_closed"} {
		t.Run(answer, func(t *testing.T) {
			provider := hostileProvider(t, func(w http.ResponseWriter, req wire.CloseRequest) {
				if answer == "countersigned" {
					countersign(t, w, req, providerHex, nil)
					return
				}
				wire.WriteError(w, wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed: open a new one at a router"))
			})
			s, router := hostileSession(t, provider)
			alone := eip712.UsageReceipt{SessionID: s.ID(), Seconds: 1200, OutputTokens: 500}
			psig, err := testDomain().Sign(&alone, testKey(t, providerHex))
			require.NoError(t, err)
			_, werr := router.close(wire.CloseRequest{Receipt: alone, ProviderSignature: &psig}, 1201)
			require.Nil(t, werr)
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()

			res, err := s.Close(ctx)
			require.Nil(t, res)
			var other *OtherCloseError
			require.ErrorAs(t, err, &other)
			require.EqualValues(t, 60, other.Receipt.Seconds)
			require.EqualValues(t, 1201, other.Record.BilledSeconds)
			require.Equal(t, answer == "countersigned", other.Countersigned)
			for _, part := range []string{"user's receipt (60 s)", "receipt 1200 s signed by the provider alone", "billed 1201 s", "1141 s more"} {
				require.Contains(t, err.Error(), part)
			}
			if answer == "session_closed" {
				var we *wire.Error
				require.ErrorAs(t, err, &we, "the router's refusal is still there")
				require.Equal(t, wire.CodeSessionClosed, we.Code)
			}
		})
	}
}

// TestCloseUnconfirmedWhileTheRouterIsDown: the provider countersigns the close and the router cannot be
// reached, neither to read its record nor to close there. Close fails, saying so (lt chat keeps the session
// for lt close, which finds the provider's report at the router later); it is not taken as done on the
// provider's word.
func TestCloseUnconfirmedWhileTheRouterIsDown(t *testing.T) {
	shortConfirm(t)
	provider := hostileProvider(t, func(w http.ResponseWriter, req wire.CloseRequest) { countersign(t, w, req, providerHex, nil) })
	s, router := hostileSession(t, provider)
	router.srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	res, err := s.Close(ctx)
	require.Nil(t, res)
	require.ErrorIs(t, err, ErrUnreachable)
	require.Contains(t, err.Error(), "the provider countersigned the receipt, and the router, unreachable, neither showed its report nor took the close")
}

// TestUnusedSessionClosedAtTheRouter: a session the client sent no request and whose provider never
// accepted its ticket (it answers the close unknown_session) is closed at the router with the user's 0 s
// receipt and marked Unused, so lt close says so plainly instead of showing the refusal as a fault. Any
// sign of use — usage, a request signed, the provider's acceptance held, or a provider that countersigned —
// or another refusal leaves it unmarked, every check as before.
func TestUnusedSessionClosedAtTheRouter(t *testing.T) {
	shortConfirm(t)
	unknown := func(w http.ResponseWriter, _ wire.CloseRequest) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session at this provider"))
	}
	for _, tc := range []struct {
		name   string
		answer func(w http.ResponseWriter, req wire.CloseRequest)
		use    func(t *testing.T, s *Session)
		unused bool
	}{
		{name: "never used", answer: unknown, unused: true},
		{name: "used", answer: unknown, use: func(_ *testing.T, s *Session) { s.meter.resume(s.now(), Usage{Seconds: 60, OutputTokens: 5}) }},
		{name: "a request signed", answer: unknown, use: func(_ *testing.T, s *Session) { s.seq = 1 }},
		{name: "ticket accepted", answer: unknown, use: func(t *testing.T, s *Session) {
			acc, err := settle.SignAcceptance(testDomain(), &s.grant.Ticket, s.grant.Router, testKey(t, providerHex))
			require.NoError(t, err)
			s.acceptance = &acc
		}},
		{name: "provider unavailable", answer: func(w http.ResponseWriter, _ wire.CloseRequest) {
			wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "down"))
		}},
		{name: "provider refuses otherwise", answer: func(w http.ResponseWriter, _ wire.CloseRequest) {
			wire.WriteError(w, wire.Errorf(http.StatusForbidden, wire.CodeForbidden, "no"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			provider := hostileProvider(t, tc.answer)
			router := newFakeRouter(t)
			s, _ := newTestSession(t, newClock(time.Now().Unix()))
			s.base, s.router = provider.URL, NewRouterClient(router.srv.URL, nil)
			router.rec.SessionID = s.ID()
			if tc.use != nil {
				tc.use(t, s)
			}
			res, rec := closesAtRouter(t, s, router)
			require.Equal(t, tc.unused, res.Unused)
			require.NotEmpty(t, res.ProviderError, "the provider's answer is kept")
			if tc.unused {
				require.Zero(t, res.Receipt.Seconds)
				require.Zero(t, rec.BilledSeconds)
				require.Nil(t, res.ProviderSignature)
				require.Nil(t, res.TicketAcceptance)
			}
		})
	}
}
