package gateway

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// failure says what to do after a provider error on session s.
type failure int

const (
	giveUp      failure = iota // report the error to the client
	providerDie                // provider dead: close one-sided at the router, new session, retry
	renew                      // session unusable: close normally, new session, retry
)

func classify(err error) failure {
	if errors.Is(err, client.ErrUnreachable) {
		return providerDie
	}
	if errors.Is(err, client.ErrSessionClosed) {
		return renew
	}
	var e *wire.Error
	if errors.As(err, &e) {
		switch e.Code {
		case wire.CodeSessionClosed, wire.CodeExpired, wire.CodeUnknownSession:
			return renew
		}
	}
	return giveUp
}

// handle serves ep (POST /v1/chat/completions, /v1/completions, /v1/embeddings): the model's session
// takes the request, once fewer than Config.SessionConcurrency of the model's are at its provider; when
// its provider fails before any output, the session is replaced (classify) and the request retried once;
// when the provider refuses it session_busy (its own bound below the gateway's, or a slot it frees a
// moment after the answer's end reached the gateway), it is sent again (busyRetry).
func (g *Gateway) handle(ep endpoint) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { g.serve(ep, w, r) }
}

func (g *Gateway) serve(ep endpoint, w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, g.cfg.MaxBodyBytes))
	if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
		writeOpenAIError(w, http.StatusRequestEntityTooLarge, "invalid_request_error", "too_large",
			fmt.Sprintf("request body larger than %d bytes", g.cfg.MaxBodyBytes))
		return
	}
	if err != nil {
		writeOpenAIError(w, http.StatusBadRequest, "invalid_request_error", "bad_request", fmt.Sprintf("reading the request body: %v", err))
		return
	}
	req, bad := parseRequest(ep, body)
	if bad != nil {
		writeParamError(w, http.StatusBadRequest, bad.param, bad.code, bad.msg)
		return
	}
	ctx := r.Context()
	sl := g.slot(req.Model)
	if !sl.take(ctx) {
		writeError(w, ctx.Err())
		return
	}
	defer func() {
		sl.done() // before the place is free: the requests waiting to be sent again go first
		<-sl.places
	}()
	var busy busyState
	for attempt := 0; ; {
		s, err := g.acquire(ctx, req.Model)
		if err != nil {
			writeError(w, err)
			return
		}
		sl.sending.Add(1)
		if req.Stream {
			err = g.stream(ctx, w, s, ep.path, body)
		} else {
			err = g.complete(ctx, w, s, ep.path, body)
		}
		sl.sending.Add(-1)
		if err == nil {
			return
		}
		if e := (*wire.Error)(nil); errors.As(err, &e) && wire.SessionBusy(e.Status, e.Code) {
			if !sl.busyRetry(ctx, e, &busy) {
				writeError(w, err)
				return
			}
			g.log.Debug("the provider's session was busy; sending the request again", zap.String("model", req.Model),
				zap.String("session", s.ID().Hex()), zap.Int("unexplained", busy.unexplained))
			continue
		}
		what := classify(err)
		if what != giveUp {
			g.log.Warn("provider failed before answering; replacing the session", zap.String("model", req.Model),
				zap.String("session", s.ID().Hex()), zap.String("provider", s.Grant().Provider.Hex()), zap.Bool("dead", what == providerDie), zap.Error(err))
			g.retire(req.Model, s, what == providerDie)
		}
		if what == giveUp || attempt > 0 || ctx.Err() != nil {
			writeError(w, err)
			return
		}
		attempt++
	}
}

// Resending a request the provider refused session_busy (wire.SessionBusy: refused before it was metered
// or sent upstream, so never served). The gateway, not the provider, waits: it knows when its own requests
// of the session end, the provider would have to park the request (its body, a goroutine, a connection)
// in a queue of its own with a bound and a cancellation of its own.
const (
	// busyTries bounds the resends nothing at the provider explains: backoffs that ran out with none of the
	// model's other requests there (the slot of the session's previous request is freed a moment after
	// that answer's end reached the gateway), and Retry-Afters.
	busyTries = 5
	// busyBackoff is the first backoff, doubled for each next one up to busyBackoff << busyMaxShift
	// (10 ms, 20 ms, … 1.28 s).
	busyBackoff  = 10 * time.Millisecond
	busyMaxShift = 7
	// busyMaxRetryAfter: a provider's Retry-After longer than this is not waited for (the request fails).
	busyMaxRetryAfter = 5 * time.Second
)

// busyState is one request's record of its resends after session_busy.
type busyState struct {
	backoffs    int // backoffs run out
	unexplained int // of those, with none of the model's other requests at the provider; and Retry-Afters
}

// busyRetry waits before the request refused e (session_busy) is sent again and reports whether to send it:
// until one of the model's requests is done (its slot at the provider is free, or about to be) or a
// backoff runs out, whichever comes first, or for the provider's Retry-After when it sends one (at most
// busyMaxRetryAfter). A backoff that runs out while other requests of the model are at the provider is
// explained (the provider's bound is below Config.SessionConcurrency: the request waits as it would for a
// place, however long); after busyTries unexplained ones the request fails. Never past ctx: false when it
// ends first, or before a Retry-After it would outlast.
func (sl *slot) busyRetry(ctx context.Context, e *wire.Error, st *busyState) bool {
	if st.unexplained >= busyTries {
		return false
	}
	sl.resending.Add(1)
	defer sl.resending.Add(-1)
	if e.RetryAfter > 0 {
		if d, ok := ctx.Deadline(); e.RetryAfter > busyMaxRetryAfter || ok && time.Until(d) < e.RetryAfter {
			return false
		}
		st.unexplained++
		t := time.NewTimer(e.RetryAfter)
		defer t.Stop()
		select {
		case <-t.C:
			return true
		case <-ctx.Done():
			return false
		}
	}
	ended := sl.endSignal()
	t := time.NewTimer(busyBackoff << min(st.backoffs, busyMaxShift))
	defer t.Stop()
	select {
	case <-ended:
		return true
	case <-ctx.Done():
		return false
	case <-t.C:
		st.backoffs++
		if sl.sending.Load() == 0 {
			st.unexplained++
		}
		return true
	}
}
