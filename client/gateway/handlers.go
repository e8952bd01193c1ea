package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
)

// endpoint is one OpenAI endpoint the gateway forwards to the session of the request's model.
type endpoint struct {
	path    string // client.PathChat, PathCompletions, PathEmbeddings
	input   string // the member the request must carry: "messages", "prompt", "input"
	streams bool   // "stream": true streams; false: it is refused (embeddings)
	example string // an example request, for error messages
}

var (
	chatEndpoint = endpoint{path: client.PathChat, input: "messages", streams: true,
		example: `{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`}
	completionsEndpoint = endpoint{path: client.PathCompletions, input: "prompt", streams: true,
		example: `{"model":"llama3:8b","prompt":"Once upon a time"}`}
	embeddingsEndpoint = endpoint{path: client.PathEmbeddings, input: "input",
		example: `{"model":"nomic-embed-text:v1.5","input":"some text"}`}
)

// apiRequest is the part of an OpenAI request the gateway reads; the body goes on unchanged.
type apiRequest struct {
	Model  string `json:"model"`
	Stream bool   `json:"stream"`
}

// badRequest is a refused request: OpenAI's invalid_request_error with the member at fault.
type badRequest struct {
	param, code, msg string
}

// parseRequest checks body as a request for ep: a JSON object with a market model (name:tag) and the
// endpoint's input member.
func parseRequest(ep endpoint, body []byte) (apiRequest, *badRequest) {
	var req struct {
		apiRequest
		Messages json.RawMessage `json:"messages"`
		Prompt   json.RawMessage `json:"prompt"`
		Input    json.RawMessage `json:"input"`
	}
	if err := json.Unmarshal(body, &req); err != nil {
		return req.apiRequest, &badRequest{"", "invalid_json", fmt.Sprintf("the body is not a JSON object of %s, e.g. %s: %v", ep.path, ep.example, err)}
	}
	if req.Model == "" {
		return req.apiRequest, &badRequest{"model", "invalid_request", `"model" is required: a market model name:tag, e.g. "llama3:8b" (GET /v1/models lists them)`}
	}
	if _, err := client.ParseModel(req.Model); err != nil {
		return req.apiRequest, &badRequest{"model", "invalid_request", fmt.Sprintf(`"model" must be a market model name:tag, got %q (GET /v1/models lists them)`, req.Model)}
	}
	in := req.Input
	switch ep.input {
	case "messages":
		in = req.Messages
	case "prompt":
		in = req.Prompt
	}
	if len(in) == 0 || string(in) == "null" {
		return req.apiRequest, &badRequest{ep.input, "invalid_request", fmt.Sprintf("%q is required for %s, e.g. %s", ep.input, ep.path, ep.example)}
	}
	if req.Stream && !ep.streams {
		return req.apiRequest, &badRequest{"stream", "invalid_request", fmt.Sprintf(`%s does not stream: leave "stream" out`, ep.path)}
	}
	return req.apiRequest, nil
}

// complete runs a non-streaming request; an error means nothing was written.
func (g *Gateway) complete(ctx context.Context, w http.ResponseWriter, s *client.Session, path string, body []byte) error {
	c, err := s.Post(ctx, path, body)
	if err != nil {
		return err
	}
	ct := c.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/json"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("X-LT-Session", s.ID().Hex())
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(c.Body)
	return nil
}

// stream runs a streaming request. It returns an error only if nothing was written yet (so the caller
// may fail over); once the first event is out, a broken stream just ends.
func (g *Gateway) stream(ctx context.Context, w http.ResponseWriter, s *client.Session, path string, body []byte) error {
	st, err := s.PostStream(ctx, path, body)
	if err != nil {
		return err
	}
	defer st.Close()
	first, err := st.Next()
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no")
	h.Set("X-LT-Session", s.ID().Hex())
	w.WriteHeader(http.StatusOK)
	fl, _ := w.(http.Flusher)
	ev := first
	for err == nil {
		var buf bytes.Buffer
		if ev.Name != "" {
			buf.WriteString("event: " + ev.Name + "\n")
		}
		for _, line := range bytes.Split(ev.Data, []byte("\n")) {
			buf.WriteString("data: ")
			buf.Write(line)
			buf.WriteByte('\n')
		}
		buf.WriteByte('\n')
		if _, werr := w.Write(buf.Bytes()); werr != nil {
			return nil // the client left
		}
		if fl != nil {
			fl.Flush()
		}
		ev, err = st.Next()
	}
	if !errors.Is(err, io.EOF) {
		g.log.Warn("stream broke after output; not retried", zap.String("session", s.ID().Hex()), zap.Error(err))
	}
	return nil
}

func (g *Gateway) handleModels(w http.ResponseWriter, r *http.Request) {
	models, err := g.cfg.Client.Router.Models(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	data := make([]openAIModel, 0, len(models))
	for _, m := range models {
		data = append(data, openAIModel{ID: m.Name, Object: "model", OwnedBy: "lake-travis"})
	}
	sort.Slice(data, func(i, j int) bool { return data[i].ID < data[j].ID })
	writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": data})
}

func (g *Gateway) handleModel(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("model")
	models, err := g.cfg.Client.Router.Models(r.Context())
	if err != nil {
		writeError(w, err)
		return
	}
	for _, m := range models {
		if m.Name == name {
			writeJSON(w, http.StatusOK, openAIModel{ID: m.Name, Object: "model", OwnedBy: "lake-travis"})
			return
		}
	}
	writeOpenAIError(w, http.StatusNotFound, "invalid_request_error", "model_not_found",
		fmt.Sprintf("the model %q is not offered on the market", name))
}

type openAIModel struct {
	ID      string `json:"id"`
	Object  string `json:"object"`
	Created int64  `json:"created"`
	OwnedBy string `json:"owned_by"`
}

func (g *Gateway) handleSessions(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"sessions": g.Sessions(), "closed": g.Closed()})
}
