// Package standin is the stand-in LLM backend: a small OpenAI-compatible HTTP server that answers every
// prompt with the same fixed text. It is not a model. The e2e tests and the demo put providers in front of
// it (the only test double of their stack), and `make devnet` starts one so that a newcomer without ollama
// can run a provider.
package standin

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// Upstream is the stand-in LLM backend. It serves what vLLM's
// OpenAI-compatible server does for the endpoints a provider proxies: /v1/chat/completions and
// /v1/completions answer every prompt with the same deterministic text, as a stream of one chunk per
// token (TokenDelay apart, with a usage chunk when stream_options.include_usage asks for it) or as one
// object with usage; /v1/embeddings answers a deterministic vector per input (floats, or base64 of
// little-endian float32 with "encoding_format": "base64", as the OpenAI SDKs ask by default); bad input
// gets vLLM's 400. The provider stands in front of it exactly as it would in front of vLLM or ollama.
type Upstream struct {
	URL        string // base URL with /v1
	Tokens     []string
	TokenDelay time.Duration
	srv        *http.Server
	requests   atomic.Int64
}

// Answer is the text the stand-in answers by default, split into its tokens.
var Answer = []string{"Lake", " Travis", " is", " a", " market", " for", " inference", ":", " you",
	" pay", " per", " second", ",", " from", " your", " daily", " share", " of", " the", " compute", " budget", "."}

// Labelled is Answer after a label that says what answers: the devnet's stand-in answers it, so that no
// newcomer takes the text for a model's.
var Labelled = append([]string{"[stand-in", " upstream", ":", " the", " same", " text", " for", " every", " prompt", ",",
	" not", " a", " model", "]", " "}, Answer...)

// PromptTokens is the prompt size the stand-in reports for a chat or completion: deterministic,
// independent of the prompt.
const PromptTokens = 12

// EmbeddingDims is the length of the stand-in's embedding vectors.
const EmbeddingDims = 8

// Start serves the stand-in on addr ("127.0.0.1:0": a free loopback port), answering tokens (nil: Answer).
// A negative tokenDelay means none.
func Start(addr string, tokens []string, tokenDelay time.Duration) (*Upstream, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if tokens == nil {
		tokens = Answer
	}
	u := &Upstream{URL: "http://" + ln.Addr().String() + "/v1", Tokens: tokens, TokenDelay: max(tokenDelay, 0)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", func(w http.ResponseWriter, r *http.Request) { u.generate(w, r, true) })
	mux.HandleFunc("POST /v1/completions", func(w http.ResponseWriter, r *http.Request) { u.generate(w, r, false) })
	mux.HandleFunc("POST /v1/embeddings", u.embeddings)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"id":"stand-in","object":"model","created":0,"owned_by":"stand-in, not a model"}]}`)
	})
	u.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = u.srv.Serve(ln) }()
	return u, nil
}

// Requests is the number of requests (chat, completions, embeddings) served so far.
func (u *Upstream) Requests() int64 { return u.requests.Load() }

// Close stops the server.
func (u *Upstream) Close() { _ = u.srv.Close() }

// badRequest answers as vLLM does to a request it cannot serve.
func badRequest(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest)
	m, _ := json.Marshal(msg)
	fmt.Fprintf(w, `{"error":{"message":%s,"type":"BadRequestError","param":null,"code":400}}`, m)
}

// generate serves a chat completion (chat) or a completion: the same text, in the endpoint's shape.
func (u *Upstream) generate(w http.ResponseWriter, r *http.Request, chat bool) {
	u.requests.Add(1)
	var req struct {
		Model         string          `json:"model"`
		Stream        bool            `json:"stream"`
		Messages      json.RawMessage `json:"messages"`
		Prompt        json.RawMessage `json:"prompt"`
		StreamOptions *struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		badRequest(w, "bad json: "+err.Error())
		return
	}
	if chat && len(req.Messages) == 0 {
		badRequest(w, "messages: field required")
		return
	}
	if !chat && len(req.Prompt) == 0 {
		badRequest(w, "prompt: field required")
		return
	}
	id, object, created := "cmpl-standin", "text_completion", time.Now().Unix()
	if chat {
		id, object = "chatcmpl-standin", "chat.completion"
	}
	usage := fmt.Sprintf(`{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}`,
		PromptTokens, len(u.Tokens), PromptTokens+len(u.Tokens))
	// choice renders one choice: the text (JSON) as a message, a delta or a completion's text.
	choice := func(text, finish string, delta bool) string {
		switch {
		case !chat:
			return `{"index":0,"text":` + text + `,"logprobs":null,"finish_reason":` + finish + `}`
		case delta:
			return `{"index":0,"delta":{"content":` + text + `},"finish_reason":` + finish + `}`
		}
		return `{"index":0,"message":{"role":"assistant","content":` + text + `},"finish_reason":` + finish + `}`
	}
	if !req.Stream {
		time.Sleep(u.TokenDelay * time.Duration(len(u.Tokens)))
		w.Header().Set("Content-Type", "application/json")
		content, _ := json.Marshal(strings.Join(u.Tokens, ""))
		fmt.Fprintf(w, `{"id":%q,"object":%q,"created":%d,"model":%q,"choices":[%s],"usage":%s}`,
			id, object, created, req.Model, choice(string(content), `"stop"`, false), usage)
		return
	}
	if chat {
		object = "chat.completion.chunk"
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fl, _ := w.(http.Flusher)
	event := func(choices string, extra string) {
		fmt.Fprintf(w, "data: {\"id\":%q,\"object\":%q,\"created\":%d,\"model\":%q,\"choices\":[%s]%s}\n\n",
			id, object, created, req.Model, choices, extra)
		if fl != nil {
			fl.Flush()
		}
	}
	if chat {
		event(`{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}`, "")
	}
	for _, t := range u.Tokens {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(u.TokenDelay):
		}
		content, _ := json.Marshal(t)
		event(choice(string(content), "null", true), "")
	}
	if chat {
		event(`{"index":0,"delta":{},"finish_reason":"stop"}`, "")
	} else {
		event(choice(`""`, `"stop"`, true), "")
	}
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		event("", `,"usage":`+usage)
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}

// EmbeddingOf is the stand-in's vector for text: EmbeddingDims floats in [-1, 1) from its SHA-256.
func EmbeddingOf(text string) []float32 {
	h := sha256.Sum256([]byte(text))
	v := make([]float32, EmbeddingDims)
	for i := range v {
		v[i] = float32(int16(binary.BigEndian.Uint16(h[2*i:]))) / 32768
	}
	return v
}

// EmbeddingTokens is the prompt size the stand-in reports for one embedding input: its words, at least 1.
func EmbeddingTokens(text string) int { return max(len(strings.Fields(text)), 1) }

func (u *Upstream) embeddings(w http.ResponseWriter, r *http.Request) {
	u.requests.Add(1)
	var req struct {
		Model          string          `json:"model"`
		Input          json.RawMessage `json:"input"`
		EncodingFormat string          `json:"encoding_format"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		badRequest(w, "bad json: "+err.Error())
		return
	}
	var inputs []string
	var one string
	if json.Unmarshal(req.Input, &one) == nil {
		inputs = []string{one}
	} else if json.Unmarshal(req.Input, &inputs) != nil || len(inputs) == 0 {
		badRequest(w, "input: a string or a non-empty list of strings is required")
		return
	}
	if req.EncodingFormat != "" && req.EncodingFormat != "float" && req.EncodingFormat != "base64" {
		badRequest(w, "encoding_format: must be float or base64")
		return
	}
	type item struct {
		Object    string `json:"object"`
		Index     int    `json:"index"`
		Embedding any    `json:"embedding"`
	}
	data := make([]item, len(inputs))
	tokens := 0
	for i, in := range inputs {
		v := EmbeddingOf(in)
		tokens += EmbeddingTokens(in)
		data[i] = item{Object: "embedding", Index: i, Embedding: v}
		if req.EncodingFormat == "base64" {
			raw := make([]byte, 0, 4*len(v))
			for _, f := range v {
				raw = binary.LittleEndian.AppendUint32(raw, math.Float32bits(f))
			}
			data[i].Embedding = base64.StdEncoding.EncodeToString(raw)
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"id": "embd-standin", "object": "list", "created": time.Now().Unix(),
		"model": req.Model, "data": data,
		"usage": map[string]int{"prompt_tokens": tokens, "total_tokens": tokens, "completion_tokens": 0}})
}
