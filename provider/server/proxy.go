package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/wire"
)

// maxUpstreamBody bounds a non-streaming upstream answer held in memory.
const maxUpstreamBody = 64 << 20

// handleInference authenticates, admits and meters one OpenAI request and proxies it to the upstream's
// base URL + suffix.
func (s *Server) handleInference(suffix string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := s.readBody(w, r)
		var a *authed
		if err == nil {
			a, err = s.authenticate(r, body)
		}
		if err != nil {
			wire.WriteError(w, err)
			return
		}
		t := &a.ticket.Ticket
		model := s.models[t.ModelID] // absence is reported by Begin
		upBody, stream, err := rewriteBody(body, model.Upstream, suffix == "/chat/completions")
		if err != nil {
			// Consume the sequence number anyway: the request was validly signed.
			_ = s.sessions.Touch(t, a.ticket.Signature, a.digest, a.seq)
			wire.WriteError(w, err)
			return
		}
		req, err := s.sessions.Begin(t, a.ticket.Signature, a.digest, a.seq)
		if err != nil {
			wire.WriteError(w, sessionError(err))
			return
		}
		s.metrics.inFlight.Inc()
		var in, out uint64
		defer func() {
			req.End(in, out)
			s.metrics.inFlight.Dec()
			s.metrics.tokens.WithLabelValues(model.Name, "input").Add(float64(in))
			s.metrics.tokens.WithLabelValues(model.Name, "output").Add(float64(out))
			if tt := req.TTFT(); tt > 0 {
				s.metrics.ttft.WithLabelValues(model.Name).Observe(tt.Seconds())
			}
		}()
		ctx, cancel := context.WithDeadline(r.Context(), req.Deadline)
		defer cancel()

		up, err := http.NewRequestWithContext(ctx, http.MethodPost, s.upstream+suffix, bytes.NewReader(upBody))
		if err != nil {
			wire.WriteError(w, err)
			return
		}
		up.Header.Set("Content-Type", "application/json")
		if stream {
			up.Header.Set("Accept", "text/event-stream")
		}
		if s.cfg.UpstreamAPIKey != "" {
			up.Header.Set("Authorization", "Bearer "+s.cfg.UpstreamAPIKey)
		}
		resp, err := s.client.Do(up)
		if err != nil {
			if ctx.Err() != nil && r.Context().Err() == nil {
				wire.WriteError(w, wire.Errorf(http.StatusForbidden, wire.CodeExpired, "session time budget or ticket ran out"))
				return
			}
			s.metrics.upstreamError.WithLabelValues("0").Inc()
			s.log.Warn("upstream unreachable", zap.Error(err))
			writeOpenAIError(w, http.StatusBadGateway, "upstream_unreachable", "server_error", "the provider's inference backend is unreachable")
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 400 {
			s.metrics.upstreamError.WithLabelValues(strconv.Itoa(resp.StatusCode)).Inc()
			relayUpstreamError(w, resp)
			return
		}
		if stream && strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
			m := &sseMeter{onFirst: req.FirstToken}
			s.relayStream(w, resp, m)
			in, out = m.tokens(len(body))
			return
		}
		raw, err := io.ReadAll(io.LimitReader(resp.Body, maxUpstreamBody))
		if err != nil {
			writeOpenAIError(w, http.StatusBadGateway, "upstream_error", "server_error", "reading the upstream answer failed")
			return
		}
		req.FirstToken()
		in, out = usageOf(raw, len(body))
		copyHeader(w.Header(), resp.Header, "Content-Type")
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(raw)
	}
}

// rewriteBody sets the upstream's model name and, for streamed chat completions, asks for the usage chunk.
func rewriteBody(body []byte, upstreamModel string, chat bool) ([]byte, bool, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil || m == nil {
		return nil, false, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "body is not a JSON object")
	}
	name, _ := json.Marshal(upstreamModel)
	m["model"] = name
	stream := string(bytes.TrimSpace(m["stream"])) == "true"
	if stream {
		if _, ok := m["stream_options"]; !ok {
			m["stream_options"] = json.RawMessage(`{"include_usage":true}`)
		}
	}
	out, err := json.Marshal(m)
	return out, stream, err
}

// relayStream copies an SSE stream to the client, flushing after every upstream read, and feeds the meter.
func (s *Server) relayStream(w http.ResponseWriter, resp *http.Response, m *sseMeter) {
	copyHeader(w.Header(), resp.Header, "Content-Type")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Accel-Buffering", "no")
	w.WriteHeader(resp.StatusCode)
	fl, _ := w.(http.Flusher)
	buf := make([]byte, 32<<10)
	for {
		n, err := resp.Body.Read(buf)
		if n > 0 {
			m.Write(buf[:n])
			if _, werr := w.Write(buf[:n]); werr != nil {
				return // client gone; the deferred cancel stops the upstream
			}
			if fl != nil {
				fl.Flush()
			}
		}
		if err != nil {
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

// openAIUsage is the usage object of OpenAI answers and of the final chunk of a stream.
type openAIUsage struct {
	PromptTokens     uint64 `json:"prompt_tokens"`
	CompletionTokens uint64 `json:"completion_tokens"`
}

// usageOf reads the usage of a non-streaming answer; without one it estimates: a token per 4 bytes of
// prompt body and of generated text.
func usageOf(raw []byte, promptBytes int) (in, out uint64) {
	var v struct {
		Usage   *openAIUsage `json:"usage"`
		Choices []struct {
			Text    string `json:"text"`
			Message struct {
				Content string `json:"content"`
			} `json:"message"`
		} `json:"choices"`
	}
	if json.Unmarshal(raw, &v) != nil {
		return 0, 0
	}
	if v.Usage != nil && (v.Usage.PromptTokens > 0 || v.Usage.CompletionTokens > 0) {
		return v.Usage.PromptTokens, v.Usage.CompletionTokens
	}
	var n int
	for _, c := range v.Choices {
		n += len(c.Text) + len(c.Message.Content)
	}
	return uint64(promptBytes+3) / 4, uint64(n+3) / 4
}

// sseMeter watches an SSE stream: it notes the first chunk carrying generated text (time to first
// token), counts such chunks (a token each, the fallback when the stream reports no usage) and keeps
// the last usage object seen. It looks for byte patterns and decodes JSON only for usage chunks, so it
// costs little per chunk.
type sseMeter struct {
	onFirst func()
	partial []byte
	chunks  uint64
	usage   *openAIUsage
}

// Write feeds stream bytes.
func (m *sseMeter) Write(p []byte) {
	for len(p) > 0 {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			m.partial = append(m.partial, p...)
			return
		}
		line := p[:i]
		if len(m.partial) > 0 {
			m.partial = append(m.partial, line...)
			line = m.partial
		}
		m.line(line)
		m.partial = m.partial[:0]
		p = p[i+1:]
	}
}

var (
	dataPrefix = []byte("data:")
	usageKey   = []byte(`"usage":`)
	textKeys   = [][]byte{[]byte(`"content":"`), []byte(`"content": "`), []byte(`"text":"`), []byte(`"text": "`)}
)

func (m *sseMeter) line(l []byte) {
	if !bytes.HasPrefix(l, dataPrefix) {
		return
	}
	data := bytes.TrimSpace(l[len(dataPrefix):])
	if len(data) == 0 || data[0] != '{' {
		return // [DONE] or keep-alive
	}
	for _, k := range textKeys {
		if i := bytes.Index(data, k); i >= 0 && i+len(k) < len(data) && data[i+len(k)] != '"' {
			m.chunks++
			if m.chunks == 1 && m.onFirst != nil {
				m.onFirst()
			}
			break
		}
	}
	if i := bytes.Index(data, usageKey); i >= 0 && !bytes.HasPrefix(bytes.TrimSpace(data[i+len(usageKey):]), []byte("null")) {
		var v struct {
			Usage *openAIUsage `json:"usage"`
		}
		if json.Unmarshal(data, &v) == nil && v.Usage != nil {
			m.usage = v.Usage
		}
	}
}

// tokens returns the stream's usage, or the estimate when it reported none.
func (m *sseMeter) tokens(promptBytes int) (in, out uint64) {
	if m.usage != nil && (m.usage.PromptTokens > 0 || m.usage.CompletionTokens > 0) {
		return m.usage.PromptTokens, m.usage.CompletionTokens
	}
	return uint64(promptBytes+3) / 4, m.chunks
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
