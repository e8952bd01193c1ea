package gateway

import (
	"errors"
	"fmt"
	"io"
	"net/http"

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
// its provider fails before any output, the session is replaced (classify) and the request retried once.
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
	defer func() { <-sl.places }()
	for attempt := 0; ; attempt++ {
		s, err := g.acquire(ctx, req.Model)
		if err != nil {
			writeError(w, err)
			return
		}
		if req.Stream {
			err = g.stream(ctx, w, s, ep.path, body)
		} else {
			err = g.complete(ctx, w, s, ep.path, body)
		}
		if err == nil {
			return
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
	}
}
