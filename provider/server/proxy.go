package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/jsonscan"
	"github.com/laketravis/laketravis/protocol/sse"
	"github.com/laketravis/laketravis/protocol/usage"
	"github.com/laketravis/laketravis/protocol/wire"
)

// maxUpstreamBody bounds a non-streaming upstream answer held in memory; a longer one is refused (502).
var maxUpstreamBody = 64 << 20

// answerWriteTimeout bounds the write of a whole (non-streaming) answer to the client.
const answerWriteTimeout = time.Minute

// relayBufs holds the buffers streams are relayed through, so that a request does not allocate one.
var relayBufs = sync.Pool{New: func() any { b := make([]byte, 32<<10); return &b }}

// Upstream request header values, shared by every request (never modified).
var (
	hdrJSON        = []string{"application/json"}
	hdrEventStream = []string{"text/event-stream"}
	hdrIdentity    = []string{"identity"}
)

// handleInference authenticates, admits and meters one OpenAI request and proxies it to the upstream's
// base URL + suffix.
func (s *Server) handleInference(suffix string) http.HandlerFunc {
	target := s.upstream + suffix
	var auth []string
	if s.cfg.UpstreamAPIKey != "" {
		auth = []string{"Bearer " + s.cfg.UpstreamAPIKey}
	}
	return func(w http.ResponseWriter, r *http.Request) {
		// Everything that does not need the body first: a request without a valid ticket is answered
		// before its body (up to MaxBodyBytes) is read.
		p, err := s.preauthenticate(w, r)
		var body []byte
		if err == nil {
			body, err = s.readBody(w, r)
		}
		var a *authed
		if err == nil {
			a, err = s.authenticate(w, r, p, body)
		}
		if err == nil {
			err = s.cfg.RateUser.Check(w, userKey(&a.ticket.Ticket))
		}
		if err == nil {
			// Authenticated: a session's first request takes its user's credit now, before the session
			// table begins it (Touch or Begin below), never before its signature verified.
			err = s.admitCredit(w, r, p)
		}
		if err == nil && p.credit {
			defer s.creditDone(p) // after the request ends: the session opened, or its reservation goes
		}
		if err != nil {
			wire.WriteError(w, err)
			return
		}
		t := &a.ticket.Ticket
		model := s.models[t.ModelID]
		if model == nil {
			model = &unserved // Begin reports it
		}
		upBody, stream, err := rewriteBody(body, model.upstreamJSON)
		if err != nil {
			// Consume the sequence number anyway: the request was validly signed.
			_ = s.sessions.Touch(t, a.ticket.Signature, a.digest, a.seq, p.hold)
			wire.WriteError(w, err)
			return
		}
		// p.hold: the session's first request holds its id closed past every ticket of it, refused or not.
		req, err := s.sessions.Begin(t, a.ticket.Signature, a.digest, a.seq, p.hold)
		if err != nil {
			wire.WriteError(w, sessionError(err))
			return
		}
		s.admitted(a)
		acceptBy := s.announceAcceptance(w, t, req)
		s.metrics.inFlight.Add(1)
		var in, out uint64
		defer func() {
			req.End(in, out)
			s.metrics.inFlight.Add(-1)
			if model.metrics != nil {
				model.metrics.served(in, out, req.TTFT())
			}
		}()
		ctx, cancel := context.WithDeadline(r.Context(), req.Deadline)
		defer cancel()
		defer context.AfterFunc(req.Context(), cancel)() // the session closed meanwhile: stop serving it

		up, err := http.NewRequestWithContext(ctx, http.MethodPost, target, bytes.NewReader(upBody))
		if err != nil {
			wire.WriteError(w, err)
			return
		}
		// Identity encoding: a compressed stream would have to be inflated here before it is relayed.
		up.Header = http.Header{"Content-Type": hdrJSON, "Accept-Encoding": hdrIdentity}
		if stream {
			up.Header["Accept"] = hdrEventStream
		}
		if auth != nil {
			up.Header["Authorization"] = auth
		}
		resp, err := s.upClient.Do(up)
		if err != nil {
			if ctx.Err() != nil && r.Context().Err() == nil {
				if req.Context().Err() != nil {
					wire.WriteError(w, sessionError(context.Cause(req.Context())))
					return
				}
				wire.WriteError(w, wire.Errorf(http.StatusForbidden, wire.CodeExpired, "session time budget or ticket ran out"))
				return
			}
			s.metrics.upstreamError("0")
			s.log.Warn("upstream unreachable", zap.Error(err))
			writeOpenAIError(w, http.StatusBadGateway, "upstream_unreachable", "server_error", "the provider's inference backend is unreachable")
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 400 {
			s.metrics.upstreamError(strconv.Itoa(resp.StatusCode))
			relayUpstreamError(w, resp)
			return
		}
		if stream && strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			awaitAcceptance(w, r, req.Acceptance, acceptBy)
			m := newStreamMeter(len(body), req.FirstToken)
			s.relayStream(w, resp, m, model.rename)
			in, out = m.count.Tokens(true)
			m.release()
			return
		}
		raw, err := io.ReadAll(io.LimitReader(resp.Body, int64(maxUpstreamBody)+1))
		if err != nil {
			writeOpenAIError(w, http.StatusBadGateway, "upstream_error", "server_error", "reading the upstream answer failed")
			return
		}
		if len(raw) > maxUpstreamBody {
			s.metrics.upstreamError("too_large")
			writeOpenAIError(w, http.StatusBadGateway, "upstream_too_large", "server_error",
				fmt.Sprintf("the upstream answer is over %d bytes", maxUpstreamBody))
			return
		}
		req.FirstToken()
		count := usage.Counter{BodyBytes: len(body)}
		count.Whole(raw)
		in, out = count.Tokens(false)
		answer := model.rename.apply(raw)
		awaitAcceptance(w, r, req.Acceptance, acceptBy)
		copyHeader(w.Header(), resp.Header, "Content-Type")
		w.Header()["Content-Length"] = []string{strconv.Itoa(len(answer))} // one write, not chunked
		// The answer is whole: a client that does not take it within answerWriteTimeout frees the slot.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(answerWriteTimeout))
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(answer)
	}
}

// unserved stands for the model of a ticket naming a model not served here.
var unserved = served{upstreamJSON: []byte(`""`)}

var errNotObject = wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "body is not a JSON object")

// rewriteBody sets the upstream's model name (upstreamModel, JSON-encoded) and, for streams, asks for
// the usage chunk. It edits the client's bytes in place of decoding and re-encoding the whole request:
// the body is validated, its top-level members are scanned and only the "model" values are replaced
// (every one, should the key repeat) and "stream_options" appended when the client sent none. Like a
// decoder, it takes the last "stream" member as the one that counts.
func rewriteBody(body, upstreamModel []byte) ([]byte, bool, error) {
	if !jsonscan.Valid(body) {
		return nil, false, errNotObject
	}
	i := jsonscan.SkipSpace(body, 0)
	if body[i] != '{' {
		return nil, false, errNotObject
	}
	type span struct{ from, to int }
	var spansBuf [2]span
	modelSpans := spansBuf[:0]
	var streamVal []byte
	hasOptions := false
	closing, ok := jsonscan.Members(body, i, func(key []byte, from, to int) {
		switch string(key) {
		case "model":
			modelSpans = append(modelSpans, span{from, to})
		case "stream":
			streamVal = body[from:to]
		case "stream_options":
			hasOptions = true
		}
	})
	if !ok {
		return nil, false, errNotObject
	}
	empty := jsonscan.SkipSpace(body, i+1) == closing
	stream := string(streamVal) == "true"
	const options = `"stream_options":{"include_usage":true}`
	out := make([]byte, 0, len(body)+len(upstreamModel)+len(options)+16)
	pos := 0
	if len(modelSpans) == 0 {
		open := bytes.IndexByte(body, '{') + 1
		out = append(out, body[:open]...)
		out = append(out, `"model":`...)
		out = append(out, upstreamModel...)
		if !empty {
			out = append(out, ',')
		}
		pos = open
	}
	for _, sp := range modelSpans {
		out = append(out, body[pos:sp.from]...)
		out = append(out, upstreamModel...)
		pos = sp.to
	}
	out = append(out, body[pos:closing]...)
	if stream && !hasOptions {
		out = append(out, ',')
		out = append(out, options...)
	}
	out = append(out, body[closing:]...)
	return out, stream, nil
}

// relayStream copies an SSE stream to the client and feeds the meter. Every read of the upstream body
// returns what the upstream has sent so far (up to the buffer's size) and is written and flushed at once:
// nothing waits for more data, and chunks that arrived together leave in one write.
//
// Writes to the client fail at the upstream request's deadline (the session's time budget or its ticket's
// end), when the upstream is cut anyway: a client that stops reading cannot hold the request, and with it
// a concurrency slot of the model, any longer.
func (s *Server) relayStream(w http.ResponseWriter, resp *http.Response, m *streamMeter, rn *modelRename) {
	if dl, ok := resp.Request.Context().Deadline(); ok {
		_ = http.NewResponseController(w).SetWriteDeadline(dl)
	}
	copyHeader(w.Header(), resp.Header, "Content-Type")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(resp.StatusCode)
	fl, _ := w.(http.Flusher)
	bp := relayBufs.Get().(*[]byte)
	defer relayBufs.Put(bp)
	buf := *bp
	var pending []byte // an incomplete last line, held until its end arrives so the model can be renamed
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			m.Write(buf[:n])
			out, cut := buf[:n], n
			if rn != nil {
				pending = append(pending, out...)
				cut = bytes.LastIndexByte(pending, '\n') + 1
				if cut == 0 && len(pending) > sse.MaxLine {
					cut = len(pending) // no SSE line is this long: relayed as it is, not held without bound
				}
				out = rn.apply(pending[:cut])
			}
			if cut > 0 {
				if _, werr := w.Write(out); werr != nil {
					return // client gone; the deferred cancel stops the upstream
				}
				if fl != nil {
					fl.Flush()
				}
			}
			if rn != nil {
				pending = append(pending[:0], pending[cut:]...) // after the write: out may alias pending
			}
		}
		if err != nil {
			if len(pending) > 0 {
				_, _ = w.Write(rn.apply(pending))
			}
			if !errors.Is(err, io.EOF) && !errors.Is(err, context.Canceled) {
				s.log.Debug("stream ended early", zap.Error(err))
			}
			return
		}
	}
}

func copyHeader(dst, src http.Header, names ...string) {
	for _, n := range names {
		if v := src.Get(n); v != "" {
			dst.Set(n, v)
		}
	}
}

// streamMeter meters a relayed stream: it reads the events with the protocol's SSE parser and counts
// their chunks with the protocol's counter (the client reads and counts them the same way), and notes the
// first chunk carrying generated text (time to first token). Meters are pooled: a request allocates none.
type streamMeter struct {
	sse.Parser
	count   usage.Counter
	onFirst func()
}

var streamMeters = sync.Pool{New: func() any {
	m := &streamMeter{}
	m.OnEvent = m.event
	return m
}}

func newStreamMeter(promptBytes int, onFirst func()) *streamMeter {
	m := streamMeters.Get().(*streamMeter)
	m.Reset()
	m.count, m.onFirst = usage.Counter{BodyBytes: promptBytes}, onFirst
	return m
}

func (m *streamMeter) event(_, data []byte) {
	if !sse.IsDone(data) && m.count.Chunk(data) && m.onFirst != nil {
		m.onFirst()
		m.onFirst = nil
	}
}

// release returns m to the pool.
func (m *streamMeter) release() {
	m.onFirst = nil
	streamMeters.Put(m)
}

// relayUpstreamError answers with the upstream's status (429 stays 429, 503 stays 503) and an
// OpenAI-style error body carrying the upstream's message, whatever dialect the upstream spoke.
func relayUpstreamError(w http.ResponseWriter, resp *http.Response) {
	raw, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	msg, typ, code := "", "", ""
	var oa struct {
		Error  json.RawMessage `json:"error"`
		Detail any             `json:"detail"`
	}
	if json.Unmarshal(raw, &oa) == nil {
		var inner struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    any    `json:"code"`
		}
		var str string
		switch {
		case json.Unmarshal(oa.Error, &inner) == nil && inner.Message != "":
			msg, typ = inner.Message, inner.Type
			if inner.Code != nil {
				code = strings.Trim(string(mustJSON(inner.Code)), `"`)
			}
		case json.Unmarshal(oa.Error, &str) == nil && str != "":
			msg = str
		case oa.Detail != nil:
			msg = string(mustJSON(oa.Detail))
		}
	}
	if msg == "" {
		msg = strings.TrimSpace(string(raw))
		if len(msg) > 500 {
			msg = msg[:500]
		}
		if msg == "" {
			msg = http.StatusText(resp.StatusCode)
		}
	}
	if code == wire.CodeSessionBusy {
		// The provider's own refusal before serving (wire.SessionBusy) is a code no upstream answer carries:
		// this request was metered and served, and a client must not send it again on its word.
		code = "upstream_" + code
	}
	if code == "" {
		switch resp.StatusCode {
		case http.StatusTooManyRequests:
			code = "rate_limit_exceeded"
		case http.StatusServiceUnavailable:
			code = "service_unavailable"
		default:
			code = "upstream_" + strconv.Itoa(resp.StatusCode)
		}
	}
	if typ == "" {
		typ = "server_error"
		if resp.StatusCode < 500 {
			typ = "invalid_request_error"
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			typ = "rate_limit_error"
		}
	}
	copyHeader(w.Header(), resp.Header, "Retry-After")
	writeOpenAIError(w, resp.StatusCode, code, typ, msg)
}

// writeOpenAIError writes {"error": {"message", "type", "code"}}: the OpenAI shape, which is also the
// PROTOCOL §9 shape (code and message).
func writeOpenAIError(w http.ResponseWriter, status int, code, typ, msg string) {
	wire.WriteJSON(w, status, map[string]any{"error": map[string]any{"message": msg, "type": typ, "code": code, "param": nil}})
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// modelRename rewrites the upstream's model name in answers to the name the client asked for (the served
// model's public name): `"model":"llama3.1:8b"` becomes `"model":"llama-3.1-8b:q4"`, with or without a
// space after the colon. It works on whole lines, so an SSE chunk is renamed as well as a JSON answer.
type modelRename struct {
	from [2][]byte // `"model":<upstream>` and `"model": <upstream>`
	to   [2][]byte
}

// newModelRename returns nil when the names are the same (nothing to do).
func newModelRename(upstream, name string) *modelRename {
	if upstream == name {
		return nil
	}
	u, _ := json.Marshal(upstream)
	n, _ := json.Marshal(name)
	r := &modelRename{}
	for i, sep := range []string{`"model":`, `"model": `} {
		r.from[i] = append([]byte(sep), u...)
		r.to[i] = append([]byte(sep), n...)
	}
	return r
}

// apply returns b with the upstream's model name replaced (b itself when it holds none, or r is nil).
func (r *modelRename) apply(b []byte) []byte {
	if r == nil {
		return b
	}
	for i := range r.from {
		if bytes.Contains(b, r.from[i]) {
			b = bytes.ReplaceAll(b, r.from[i], r.to[i])
		}
	}
	return b
}
