package e2e

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"
)

// Upstream is the stand-in LLM backend, the only test double of the stack: an OpenAI-compatible
// /v1/chat/completions (and /v1/models) answering every prompt with the same deterministic text, as a
// stream of one chunk per token (TokenDelay apart, with a usage chunk when stream_options.include_usage
// asks for it) or as one object with usage. The provider stands in front of it exactly as it would in
// front of ollama or vLLM.
type Upstream struct {
	URL        string // base URL with /v1
	Tokens     []string
	TokenDelay time.Duration
	srv        *http.Server
	requests   atomic.Int64
}

// UpstreamAnswer is the text the stand-in upstream answers, split into its tokens.
var UpstreamAnswer = []string{"Lake", " Travis", " is", " a", " market", " for", " inference", ":", " you",
	" pay", " per", " second", ",", " from", " your", " daily", " share", " of", " the", " compute", " budget", "."}

// promptTokens is the prompt size the stand-in reports: deterministic, independent of the prompt.
const promptTokens = 12

// StartUpstream serves the stand-in on a free loopback port.
func StartUpstream(tokenDelay time.Duration) (*Upstream, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	u := &Upstream{URL: "http://" + ln.Addr().String() + "/v1", Tokens: UpstreamAnswer, TokenDelay: tokenDelay}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", u.chat)
	mux.HandleFunc("GET /v1/models", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"object":"list","data":[{"id":"stand-in","object":"model","created":0,"owned_by":"e2e"}]}`)
	})
	u.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = u.srv.Serve(ln) }()
	return u, nil
}

// Requests is the number of chat completions served so far.
func (u *Upstream) Requests() int64 { return u.requests.Load() }

// Close stops the server.
func (u *Upstream) Close() { _ = u.srv.Close() }

func (u *Upstream) chat(w http.ResponseWriter, r *http.Request) {
	u.requests.Add(1)
	var req struct {
		Model         string `json:"model"`
		Stream        bool   `json:"stream"`
		StreamOptions *struct {
			IncludeUsage bool `json:"include_usage"`
		} `json:"stream_options"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, `{"error":{"message":"bad json","type":"invalid_request_error"}}`, http.StatusBadRequest)
		return
	}
	usage := fmt.Sprintf(`{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}`,
		promptTokens, len(u.Tokens), promptTokens+len(u.Tokens))
	if !req.Stream {
		time.Sleep(u.TokenDelay * time.Duration(len(u.Tokens)))
		w.Header().Set("Content-Type", "application/json")
		content, _ := json.Marshal(strings.Join(u.Tokens, ""))
		fmt.Fprintf(w, `{"id":"chatcmpl-standin","object":"chat.completion","created":%d,"model":%q,"choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],"usage":%s}`,
			time.Now().Unix(), req.Model, content, usage)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-cache")
	fl, _ := w.(http.Flusher)
	created := time.Now().Unix()
	chunk := func(delta, finish string) {
		fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":%d,\"model\":%q,\"choices\":[{\"index\":0,\"delta\":%s,\"finish_reason\":%s}]}\n\n",
			created, req.Model, delta, finish)
		if fl != nil {
			fl.Flush()
		}
	}
	chunk(`{"role":"assistant","content":""}`, "null")
	for _, t := range u.Tokens {
		select {
		case <-r.Context().Done():
			return
		case <-time.After(u.TokenDelay):
		}
		content, _ := json.Marshal(t)
		chunk(`{"content":`+string(content)+`}`, "null")
	}
	chunk(`{}`, `"stop"`)
	if req.StreamOptions != nil && req.StreamOptions.IncludeUsage {
		fmt.Fprintf(w, "data: {\"id\":\"chatcmpl-standin\",\"object\":\"chat.completion.chunk\",\"created\":%d,\"model\":%q,\"choices\":[],\"usage\":%s}\n\n", created, req.Model, usage)
	}
	fmt.Fprint(w, "data: [DONE]\n\n")
	if fl != nil {
		fl.Flush()
	}
}
