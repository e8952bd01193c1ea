package client

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/router/analytics"
)

// TestReceiptTokensNotAboveWhatWasReceived: the user's session key signs no more output tokens than the
// text the client received, whatever the provider's usage object claims. A provider that stalls 590 s and
// then sends a chunk without text claiming 17,700 tokens gets a receipt with 590 s and no output, which
// the router's analytics holds as zero output (the claim would have passed as 30 tok/s); an empty whole
// answer claiming 1,000,000 tokens adds none; an honest claim within the text stands.
func TestReceiptTokensNotAboveWhatWasReceived(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !bytes.Contains(body, []byte(`"stream":true`)) {
			w.Header().Set("Content-Type", "application/json")
			if bytes.Contains(body, []byte("honest")) {
				io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":"Hello there"}}],"usage":{"prompt_tokens":9,"completion_tokens":2}}`)
				return
			}
			io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":1,"completion_tokens":1000000}}`)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.WriteHeader(http.StatusOK)
		w.(http.Flusher).Flush()
		<-release // the provider stalls (the test moves the client's clock 590 s on)
		io.WriteString(w, "data: {\"choices\":[{\"delta\":{}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":17700}}\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	}))
	t.Cleanup(srv.Close)
	clock := newClock(time.Now().Unix())
	s, _ := newTestSession(t, clock)
	s.base = srv.URL

	ctx := context.Background()
	st, err := s.StreamChatCompletion(ctx, []byte(`{"model":"llama3:8b","stream":true,"messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	clock.add(590 * time.Second)
	close(release)
	drainStream(t, st)
	rc := s.Receipt()
	require.Equal(t, uint32(590), rc.Seconds)
	require.Equal(t, uint32(3), rc.InputTokens)
	require.Zero(t, rc.OutputTokens, "no text arrived: the receipt claims no output, whatever the usage chunk says")
	require.Contains(t, routerFlags(rc), analytics.FlagZeroOutput, "the router holds the stalled session")

	_, err = s.ChatCompletion(ctx, []byte(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	require.Zero(t, s.Receipt().OutputTokens, "an empty answer adds no output, whatever its usage object says")

	_, err = s.ChatCompletion(ctx, []byte(`{"model":"llama3:8b","messages":[{"role":"user","content":"honest"}]}`))
	require.NoError(t, err)
	require.Equal(t, uint32(2), s.Receipt().OutputTokens, "a claim within the text received stands")
}

// TestReceiptKeepsToolCallAndReasoningOutput: an honest answer made only of tool calls, or of a reasoning
// model's thinking, is output the client received: its receipt keeps the provider's claim (within those
// bytes), and the router's analytics does not hold the session as zero output.
func TestReceiptKeepsToolCallAndReasoningOutput(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if !bytes.Contains(body, []byte(`"stream":true`)) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"choices":[{"message":{"role":"assistant","content":"","reasoning_content":"The user greets me; I should greet back."}}],"usage":{"prompt_tokens":9,"completion_tokens":10}}`)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		io.WriteString(w, "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}]}}]}\n\n")
		io.WriteString(w, "data: {\"choices\":[{\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}}]}\n\n")
		io.WriteString(w, "data: {\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n")
		io.WriteString(w, "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":12}}\n\n")
		io.WriteString(w, "data: [DONE]\n\n")
	}))
	t.Cleanup(srv.Close)
	clock := newClock(time.Now().Unix())
	s, _ := newTestSession(t, clock)
	s.base = srv.URL

	ctx := context.Background()
	st, err := s.StreamChatCompletion(ctx, []byte(`{"model":"llama3:8b","stream":true,"messages":[{"role":"user","content":"weather?"}]}`))
	require.NoError(t, err)
	clock.add(2 * time.Second)
	drainStream(t, st)
	rc := s.Receipt()
	require.Equal(t, uint32(12), rc.OutputTokens, "the tool call's 27 bytes carry the 12 tokens claimed")
	require.NotContains(t, routerFlags(rc), analytics.FlagZeroOutput, "a tool-call-only session is not held as zero output")

	_, err = s.ChatCompletion(ctx, []byte(`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}]}`))
	require.NoError(t, err)
	require.Equal(t, uint32(12+10), s.Receipt().OutputTokens, "the reasoning's 40 bytes carry the 10 tokens claimed")
}

// drainStream reads st to its end, which must be io.EOF.
func drainStream(t *testing.T, st *Stream) {
	t.Helper()
	var err error
	for err == nil {
		_, err = st.Next()
	}
	require.ErrorIs(t, err, io.EOF)
}

// routerFlags is what the router's analytics (a detector that has seen 50 honest sessions at 30 tok/s) flags
// in the session of receipt rc.
func routerFlags(rc eip712.UsageReceipt) []string {
	var d analytics.Detector
	for i := range 50 {
		d.Record(analytics.Session{Seconds: uint32(100 + i), OutputTokens: uint32(30 * (100 + i)), Receipt: true})
	}
	return d.Flags(analytics.Session{Seconds: rc.Seconds, OutputTokens: rc.OutputTokens, Receipt: true})
}
