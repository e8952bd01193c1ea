package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/session"
)

func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.counted("chat", s.handleInference("/chat/completions")))
	mux.HandleFunc("POST /v1/completions", s.counted("completions", s.handleInference("/completions")))
	mux.HandleFunc("POST /v1/embeddings", s.counted("embeddings", s.handleInference("/embeddings")))
	mux.HandleFunc("GET /v1/models", s.counted("models", s.handleModels))
	mux.HandleFunc("POST /v1/liveness", s.counted("liveness", s.handleLiveness))
	mux.HandleFunc("POST /v1/sessions/{id}/close", s.counted("close", s.handleClose))
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.Handle("GET /metrics", s.metrics)
	return s.cfg.RateIP.PerIP(wire.Routes(mux, nil)) // unknown paths and wrong methods: §9 404/405
}

// statusRecorder remembers the status written, for the request counter. It forwards Flush so streams
// still stream.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection (write deadlines).
func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusRecorder) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func (s *Server) counted(route string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w}
		h(rec, r)
		s.metrics.requests.With(routeStatus{route, rec.status}).Add(1)
	}
}

func (s *Server) readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, wire.Errorf(http.StatusRequestEntityTooLarge, wire.CodeTooLarge, "body larger than %d bytes", s.cfg.MaxBodyBytes)
		}
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "read body: %v", err)
	}
	return body, nil
}

// sessionError maps session table errors to PROTOCOL §9 errors.
func sessionError(err error) error {
	switch {
	case errors.Is(err, session.ErrReplayed):
		return wire.Errorf(http.StatusConflict, wire.CodeReplayed, "%v: sign each request with a higher seq", err)
	case errors.Is(err, session.ErrClosed):
		return wire.Errorf(http.StatusConflict, wire.CodeSessionClosed, "session is closed: open a new one at a router")
	case errors.Is(err, session.ErrTicketExpired):
		return wire.Errorf(http.StatusUnauthorized, wire.CodeExpired, "%v: open a new session", err)
	case errors.Is(err, session.ErrBudgetExhausted):
		return wire.Errorf(http.StatusForbidden, wire.CodeExpired, "%v: open a new session", err)
	case errors.Is(err, session.ErrSessionBusy):
		// Its own code (wire.SessionBusy), not capacity: Begin refuses it before metering it or sending it
		// upstream, so the client may send it again once one of the session's requests has ended.
		return wire.Errorf(http.StatusTooManyRequests, wire.CodeSessionBusy, "%v: send the request again when one of the session's has ended", err)
	case errors.Is(err, session.ErrCapacity):
		return wire.Errorf(http.StatusTooManyRequests, wire.CodeCapacity, "%v: retry shortly", err)
	case errors.Is(err, session.ErrUnknownModel):
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownModel, "this provider does not serve the ticket's model")
	case errors.Is(err, session.ErrTicketMismatch):
		return wire.Errorf(http.StatusConflict, wire.CodeForbidden, "%v", err)
	case errors.Is(err, session.ErrUnknownSession):
		return wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session at this provider")
	}
	return err
}

func (s *Server) handleModels(w http.ResponseWriter, r *http.Request) {
	p, err := s.preauthenticate(w, r)
	var a *authed
	if err == nil {
		a, err = s.authenticate(w, r, p, nil)
	}
	if err == nil {
		err = s.cfg.RateUser.Check(w, userKey(&a.ticket.Ticket))
	}
	if err == nil {
		err = s.admitCredit(w, r, p)
	}
	if err == nil && p.credit {
		defer s.creditDone(p)
	}
	if err == nil {
		err = sessionError(s.sessions.Touch(&a.ticket.Ticket, a.ticket.Signature, a.digest, a.seq, p.hold))
	}
	if err == nil {
		s.admitted(a)
	}
	if err != nil {
		wire.WriteError(w, err)
		return
	}
	type model struct {
		ID      string `json:"id"`
		Object  string `json:"object"`
		Created int64  `json:"created"`
		OwnedBy string `json:"owned_by"`
	}
	out := struct {
		Object string  `json:"object"`
		Data   []model `json:"data"`
	}{Object: "list", Data: []model{}}
	for _, m := range s.models {
		out.Data = append(out.Data, model{ID: m.Name, Object: "model", OwnedBy: s.cfg.Provider.Hex()})
	}
	wire.WriteJSON(w, http.StatusOK, out)
}

func (s *Server) handleLiveness(w http.ResponseWriter, r *http.Request) {
	if err := s.cfg.RateLiveness.Check(w, ratelimit.ClientIP(r)); err != nil {
		wire.WriteError(w, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 4096))
	var req wire.LivenessRequest
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest,
			`liveness body must be JSON {"challenge": "0x<64 hex digits>", "modelId": "0x<64 hex digits>" (optional)}: %v`, err))
		return
	}
	if req.ModelID != (common.Hash{}) {
		if _, ok := s.models[req.ModelID]; !ok {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownModel, "model %s is not served here", req.ModelID))
			return
		}
	}
	l := eip712.Liveness{Provider: s.cfg.Provider, Challenge: req.Challenge, Timestamp: uint64(s.now().Unix())}
	sig, err := s.cfg.Signer.SignTyped(r.Context(), s.cfg.Domain, &l)
	if err != nil {
		wire.WriteError(w, fmt.Errorf("sign liveness: %w", err))
		return
	}
	free, total := s.sessions.Capacity(req.ModelID)
	lr := wire.LivenessResponse{Liveness: l, Signature: sig, Capacity: wire.Capacity{Free: free, Max: total, Seeding: s.cfg.Seeding}}
	wire.WriteBody(w, http.StatusOK, append(lr.AppendJSON(make([]byte, 0, 512)), '\n'))
}

var sessionIDPattern = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)

// CloseResponse is the provider's answer to POST /v1/sessions/{id}/close.
type CloseResponse struct {
	Receipt           eip712.UsageReceipt `json:"receipt"`
	UserSignature     eip712.Signature    `json:"userSignature"`
	ProviderSignature eip712.Signature    `json:"providerSignature"`
	TicketAcceptance  *eip712.Signature   `json:"ticketAcceptance,omitempty"` // the signer's acceptance of the session's ticket
}

func (s *Server) handleClose(w http.ResponseWriter, r *http.Request) {
	idStr := r.PathValue("id")
	if !sessionIDPattern.MatchString(idStr) {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "session id must be 0x + 64 hex digits"))
		return
	}
	id := common.HexToHash(idStr)
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 8192))
	var req wire.CloseRequest
	if err == nil {
		err = json.Unmarshal(body, &req)
	}
	if err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "close body: %v", err))
		return
	}
	if req.UserSignature == nil {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "userSignature is required: sign the UsageReceipt with the session's key (the ticket's sessionKey, or the user's key when it is zero)"))
		return
	}
	if req.Receipt.SessionID != id {
		wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "receipt is for session %s, the path names %s", req.Receipt.SessionID, id))
		return
	}
	snap, err := s.sessions.Usage(id)
	if err != nil {
		wire.WriteError(w, sessionError(err))
		return
	}
	if _, err := s.cfg.Domain.Verify(&req.Receipt, req.UserSignature[:], snap.Ticket.Signer()); err != nil {
		wire.WriteError(w, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "receipt not signed by the session's key %s: %v", snap.Ticket.Signer(), err))
		return
	}
	snap, err = s.sessions.Close(id, func(sn session.Snapshot) error { return s.checkReceipt(&req.Receipt, sn.Usage) })
	if err != nil {
		wire.WriteError(w, sessionError(err))
		return
	}
	s.creditClosed(&snap.Ticket, req.Receipt.Seconds)
	sig, err := s.cfg.Signer.SignTyped(r.Context(), s.cfg.Domain, &req.Receipt)
	if err != nil {
		// The session is closed here already: its receipt, as the user signed it, goes to the router alone
		// (PROTOCOL §7 step 5: either side may close; it bills the user's receipt, within the same bounds as
		// the countersigned one), stored before the answer as any close.
		s.log.Error("receipt not countersigned (the signer failed): reported to the router with the user's signature alone",
			zap.Stringer("session", id), zap.Uint32("seconds", req.Receipt.Seconds), zap.Error(err))
		s.report("receipt", snap, wire.CloseRequest{Receipt: req.Receipt, UserSignature: req.UserSignature, TicketAcceptance: s.accept(r.Context(), snap)})
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
			"the provider's signer did not countersign the receipt: the provider reports it to the router with your signature alone (the session is closed here); closing at the router with it too is safe, the router takes one close"))
		return
	}
	s.log.Info("session closed with receipt", zap.Stringer("session", id), zap.Uint32("seconds", req.Receipt.Seconds),
		zap.Uint32("meteredSeconds", snap.Usage.Seconds), zap.Uint32("in", req.Receipt.InputTokens), zap.Uint32("out", req.Receipt.OutputTokens))
	acc := s.accept(r.Context(), snap)
	s.report("receipt", snap, wire.CloseRequest{Receipt: req.Receipt, UserSignature: req.UserSignature, ProviderSignature: &sig, TicketAcceptance: acc})
	wire.WriteJSON(w, http.StatusOK, CloseResponse{Receipt: req.Receipt, UserSignature: *req.UserSignature, ProviderSignature: sig, TicketAcceptance: acc})
}

// checkReceipt accepts a receipt that claims no more than the meter saw, plus a small tolerance (clocks
// and token counters differ a little between client and provider).
func (s *Server) checkReceipt(rc *eip712.UsageReceipt, m session.Usage) error {
	tol := func(v uint32) uint64 { return uint64(v) + max(uint64(s.cfg.TokenTolerance), uint64(v)/20) }
	switch {
	case uint64(rc.Seconds) > uint64(m.Seconds)+uint64(s.cfg.SecondsTolerance):
		return wire.Errorf(http.StatusUnprocessableEntity, wire.CodeBadRequest,
			"receipt claims %d s but the provider metered %d s (tolerance %d s); sign a receipt with at most %d s",
			rc.Seconds, m.Seconds, s.cfg.SecondsTolerance, m.Seconds+s.cfg.SecondsTolerance)
	case uint64(rc.InputTokens) > tol(m.InputTokens):
		return wire.Errorf(http.StatusUnprocessableEntity, wire.CodeBadRequest,
			"receipt claims %d input tokens but the provider metered %d (at most %d accepted)", rc.InputTokens, m.InputTokens, tol(m.InputTokens))
	case uint64(rc.OutputTokens) > tol(m.OutputTokens):
		return wire.Errorf(http.StatusUnprocessableEntity, wire.CodeBadRequest,
			"receipt claims %d output tokens but the provider metered %d (at most %d accepted)", rc.OutputTokens, m.OutputTokens, tol(m.OutputTokens))
	}
	return nil
}

func (s *Server) handleHealth(w http.ResponseWriter, _ *http.Request) {
	free, total := s.sessions.Capacity(common.Hash{})
	wire.WriteJSON(w, http.StatusOK, map[string]any{"status": "ok", "openSessions": s.sessions.Open(),
		"capacity": wire.Capacity{Free: free, Max: total}, "time": s.now().Unix()})
}

// closeOneSided signs the metered usage as the provider's receipt and reports it to the router; the
// session's credit reservation becomes what that receipt bills (creditClosed). When the signer refuses,
// the session stays in the journal (for the next start) and the signing is tried again in the background
// (signLater).
func (s *Server) closeOneSided(snap session.Snapshot, kind string) {
	rc := snap.Usage.Receipt()
	s.creditClosed(&snap.Ticket, rc.Seconds)
	sig, err := s.cfg.Signer.SignTyped(context.Background(), s.cfg.Domain, &rc)
	if err != nil {
		s.log.Error("one-sided receipt not signed: the session stays in the journal, signing tried again until the router would no longer accept the close",
			zap.String("reason", kind), zap.Stringer("session", rc.SessionID), zap.Error(err))
		s.signLater(rc.SessionID, int64(settle.LastClose(snap.Ticket.NotAfter)), func(ctx context.Context) (err error) {
			sig, err = s.cfg.Signer.SignTyped(ctx, s.cfg.Domain, &rc)
			return err
		}, func() { s.reportOneSided(snap, kind, rc, sig) })
		return
	}
	s.reportOneSided(snap, kind, rc, sig)
}

// reportOneSided reports a one-sided close whose receipt the provider signed (sig).
func (s *Server) reportOneSided(snap session.Snapshot, kind string, rc eip712.UsageReceipt, sig eip712.Signature) {
	s.log.Info("session closed one-sided", zap.String("reason", kind), zap.Stringer("session", rc.SessionID),
		zap.Uint32("seconds", rc.Seconds), zap.Uint32("in", rc.InputTokens), zap.Uint32("out", rc.OutputTokens))
	s.report(kind, snap, wire.CloseRequest{Receipt: rc, ProviderSignature: &sig, LastRequest: snap.LastRequest,
		TicketAcceptance: s.accept(context.Background(), snap)})
}

// accept returns the provider's acceptance of the ticket it served the session under (settle.AcceptanceDigest),
// sent with the session's close: the one signed when the session was first used (announceAcceptance; its
// signing is waited for), else signed now. Keepers then keep this close over any copy of the session another
// router re-ticketed or re-signed (protocol/README.md, "Ticket acceptance"). Without it (the signer failed)
// the close is still reported, unbound, and logged.
func (s *Server) accept(ctx context.Context, snap session.Snapshot) *eip712.Signature {
	if snap.Acceptance != nil {
		if sig := snap.Acceptance.Wait(ctx); sig != nil {
			return sig
		}
	}
	return s.signAcceptance(ctx, &snap.Ticket, snap.TicketSignature)
}

// ticketRouter is the router that signed ticket t with sig, the signature its session was opened with:
// ticket verified it then and checked its ROUTER_ROLE.
func (s *Server) ticketRouter(t *eip712.SessionTicket, sig eip712.Signature) (common.Address, error) {
	router, _, err := s.cfg.Domain.Recover(t, sig[:])
	return router, err
}

// signAcceptance signs the acceptance of ticket t as signed by the router that made ticketSig, the signature
// the session was opened with (recovered, never a router a party names): the acceptance does not go with the
// same ticket re-signed by another key, and names the router the close is reported to.
func (s *Server) signAcceptance(ctx context.Context, t *eip712.SessionTicket, ticketSig eip712.Signature) *eip712.Signature {
	router, err := s.ticketRouter(t, ticketSig)
	if err != nil { // verified when the session was opened: cannot happen
		s.log.Error("session ticket signature: the close is reported without the acceptance", zap.Stringer("session", t.SessionID), zap.Error(err))
		return nil
	}
	var sig eip712.Signature
	if ks, ok := s.cfg.Signer.(*keys.KeySigner); ok {
		sig, err = settle.SignAcceptance(s.cfg.Domain, t, router, ks.Key())
	} else {
		sig, err = s.cfg.Signer.SignTypedData(ctx, settle.AcceptanceTypedData(s.cfg.Domain, t, router))
	}
	if err != nil {
		s.log.Error("sign the ticket acceptance: the close is reported without it", zap.Stringer("session", t.SessionID), zap.Error(err))
		return nil
	}
	return &sig
}

// announceAcceptance sets X-LT-Ticket-Acceptance on an answer of session t once its acceptance is signed (of
// t as signed by the router of req.TicketSignature, the session's), so the user can close without the
// provider and still carry it: the first request of the session signs it, on its path with an in-process
// key (one ECDSA signature a session), in the background through an external signer (whose approval may
// take a person); later answers carry it. For that first request it returns until, the time up to which its
// answer waits for the background signature (awaitAcceptance), zero when it need not wait.
func (s *Server) announceAcceptance(w http.ResponseWriter, t *eip712.SessionTicket, req *session.Request) (until time.Time) {
	a := req.Acceptance
	if req.ClaimedAcceptance {
		if _, hot := s.cfg.Signer.(*keys.KeySigner); hot {
			a.Set(s.signAcceptance(context.Background(), t, req.TicketSignature))
		} else {
			ticket, ticketSig := *t, req.TicketSignature
			s.background.Add(1)
			go func() {
				defer s.background.Done()
				a.Set(s.signAcceptance(context.Background(), &ticket, ticketSig))
			}()
			if s.cfg.AcceptanceWait > 0 {
				until = time.Now().Add(s.cfg.AcceptanceWait)
			}
		}
	}
	if h := a.Header(); h != nil {
		w.Header()[wire.HeaderTicketAcceptance] = h
	}
	return until
}

// awaitAcceptance waits, until then at the latest (zero: not at all) or while the client is there, for the
// session's acceptance signed in the background and sets it on the answer about to leave: an automated
// external signer's acceptance goes out with the session's first answer, so a user who closes alone at the
// router after it carries it. The wait overlaps the upstream's work (the acceptance is asked for at
// admission), so it delays only an answer the upstream gives faster than the signer signs.
func awaitAcceptance(w http.ResponseWriter, r *http.Request, a *session.Acceptance, until time.Time) {
	if until.IsZero() {
		return
	}
	ctx, cancel := context.WithDeadline(r.Context(), until)
	defer cancel()
	if a.Wait(ctx) != nil {
		w.Header()[wire.HeaderTicketAcceptance] = a.Header()
	}
}
