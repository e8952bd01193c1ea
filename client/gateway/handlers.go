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
	"strconv"

	"go.uber.org/zap"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/internal/jsonscan"
)

// Answer header keys in canonical form and values shared by every answer (never modified).
var (
	hdrSession = http.CanonicalHeaderKey("X-LT-Session")
	hdrJSON    = []string{"application/json"}
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
// endpoint's input member. It scans the top-level members (internal/jsonscan, as the provider's rewrite
// does) instead of decoding the request: the body goes on unchanged, and the scan allocates nothing.
func parseRequest(ep endpoint, body []byte) (apiRequest, *badRequest) {
	var req apiRequest
	notObject := func() *badRequest {
		return &badRequest{"", "invalid_json", fmt.Sprintf("the body is not a JSON object of %s, e.g. %s", ep.path, ep.example)}
	}
	if !jsonscan.Valid(body) {
		return req, notObject()
	}
	i := jsonscan.SkipSpace(body, 0)
	if body[i] != '{' {
		return req, notObject()
	}
	var model, stream, input []byte
	if _, ok := jsonscan.Members(body, i, func(key []byte, from, to int) {
		switch string(key) {
		case "model":
			model = body[from:to]
		case "stream":
			stream = body[from:to]
		case ep.input:
			input = body[from:to]
		}
	}); !ok {
		return req, notObject()
	}
	req.Model = jsonString(model)
	switch {
	case req.Model == "":
		return req, &badRequest{"model", "invalid_request", `"model" is required: a market model name:tag as a string, e.g. "llama3:8b" (GET /v1/models lists them)`}
	case !validModel(req.Model):
		return req, &badRequest{"model", "invalid_request", fmt.Sprintf(`"model" must be a market model name:tag, got %q (GET /v1/models lists them)`, req.Model)}
	case len(input) == 0 || string(input) == "null":
		return req, &badRequest{ep.input, "invalid_request", fmt.Sprintf("%q is required for %s, e.g. %s", ep.input, ep.path, ep.example)}
	}
	switch string(stream) {
	case "", "null", "false":
	case "true":
		req.Stream = true
		if !ep.streams {
			return req, &badRequest{"stream", "invalid_request", fmt.Sprintf(`%s does not stream: leave "stream" out`, ep.path)}
		}
	default:
		return req, &badRequest{"stream", "invalid_request", `"stream" must be true or false`}
	}
	return req, nil
}

// jsonString returns the string a JSON value holds ("" for a value that is not a string). A string with no
// escape in it is its bytes between the quotes, taken without the decoder.
func jsonString(v []byte) string {
	if len(v) < 2 || v[0] != '"' {
		return ""
	}
	if inner := v[1 : len(v)-1]; bytes.IndexByte(inner, '\\') < 0 {
		return string(inner)
	}
	var s string
	_ = json.Unmarshal(v, &s)
	return s
}

func validModel(name string) bool { return client.CheckModel(name) == nil }

// complete runs a non-streaming request; an error means nothing was written.
func (g *Gateway) complete(ctx context.Context, w http.ResponseWriter, s *client.Session, path string, body []byte) error {
	c, err := s.Post(ctx, path, body)
	if err != nil {
		return err
	}
	ct := c.Header["Content-Type"]
	if len(ct) == 0 || ct[0] == "" {
		ct = hdrJSON
	}
	h := w.Header()
	h["Content-Type"] = ct[:1]
	h["Content-Length"] = []string{strconv.Itoa(len(c.Body))} // one write, not chunked
	h[hdrSession] = []string{s.ID().Hex()}
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
	h[hdrSession] = []string{s.ID().Hex()}
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
