//go:build linux

package server_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/segtest"
	"github.com/laketravis/laketravis/provider/server"
)

// TestWholeAnswerOneWrite: a non-streaming answer (chat, embeddings) leaves the provider as one write —
// header and body together, with Content-Length, not chunked — which is what a bare Go proxy does; a
// header flushed before its body, or a chunked body's terminating chunk, would be a second write that
// wakes the gateway twice (issue 15's overhead). The upstream gets the request with its Content-Length,
// no chunking and no Expect. A stream still streams (chunked, several writes).
func TestWholeAnswerOneWrite(t *testing.T) {
	p := newOffChainProvider(t, server.Model{Name: "fast:v1", Upstream: "fast", MaxConcurrency: 4}, nil)
	c := p.session(t, "fast:v1", p.routerKey)
	ctx := context.Background()
	for _, tc := range []struct{ path, body string }{
		{"/v1/chat/completions", chatRequestBody("fast:v1", false)},
		{"/v1/embeddings", `{"model":"fast:v1","input":"some text"}`},
	} {
		a, err := segtest.Send(ctx, c.build("POST", tc.path, tc.body, 0))
		require.NoError(t, err, tc.path)
		require.Equal(t, 200, a.StatusCode, "%s: %s", tc.path, a.Bytes)
		require.NoError(t, segtest.CheckWhole(a), tc.path)
		require.Regexp(t, `^length \d+$`, p.up.lastFraming(), tc.path)
	}
	a, err := segtest.Send(ctx, c.build("POST", "/v1/chat/completions", chatRequestBody("fast:v1", true), 0))
	require.NoError(t, err)
	require.Equal(t, 200, a.StatusCode)
	require.Equal(t, []string{"chunked"}, a.TransferEncoding, "a stream is not held back for a length")
	require.Greater(t, a.DataSegments, uint32(1), "a stream leaves chunk by chunk")
	require.Regexp(t, `^length \d+$`, p.up.lastFraming())
}
