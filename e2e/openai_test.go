package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/client/gateway"
	"github.com/laketravis/laketravis/protocol/wire"
)

// openAIRun is what e2e/testdata/openai_client.mjs prints.
type openAIRun struct {
	Models       []string
	Text         string
	FinishReason string
	Usage        struct{ Prompt_tokens, Completion_tokens int }
	Streamed     string
	Chunks       int
	StreamUsage  *struct{ Prompt_tokens, Completion_tokens int }
	Legacy       struct {
		Object string
		Text   string
		Usage  struct{ Prompt_tokens, Completion_tokens int }
	}
	LegacyStream struct {
		Text   string
		Chunks int
		Usage  *struct{ Prompt_tokens, Completion_tokens int }
	}
	Embeddings []struct {
		Index     int
		Embedding []float32
	}
	EmbeddingUsage struct{ Prompt_tokens, Total_tokens int }
	Floats         []float32
	Errors         map[string]struct {
		OK      bool
		Status  int
		Type    string
		Code    *string
		Param   *string
		Message string
	}
}

// checkOpenAISDK runs the official OpenAI Node SDK against the stack's gateway: models, chat and legacy
// completions (whole and streamed) and embeddings (base64, the SDK's default, and floats) answer what
// the stand-in upstream generated, through the provider; bad input comes back as OpenAI errors naming
// the member at fault. Every accepted request was metered in the one market session, which closes with a
// receipt the provider countersigned (its own meter agrees) for exactly the tokens the SDK saw, and the
// user's wallet key signed one message in all, the RFC.
func checkOpenAISDK(t *testing.T, ctx context.Context, s *Stack) {
	cmd := exec.CommandContext(ctx, "node", filepath.Join("e2e", "testdata", "openai_client.mjs"))
	cmd.Dir = s.Root
	cmd.Env = append(os.Environ(), "LT_GATEWAY_URL="+s.GatewayURL, "LT_MODEL="+s.Opts.Model)
	out, err := cmd.Output()
	var ee *exec.ExitError
	if err != nil && errors.As(err, &ee) {
		t.Fatalf("node: %v\n%s", err, ee.Stderr)
	}
	require.NoError(t, err)
	var res openAIRun
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)
	want := strings.Join(UpstreamAnswer, "")

	require.Contains(t, res.Models, s.Opts.Model, "GET /v1/models lists the market's models")
	require.Equal(t, want, res.Text)
	require.Equal(t, "stop", res.FinishReason)
	require.Equal(t, len(UpstreamAnswer), res.Usage.Completion_tokens)
	require.Equal(t, want, res.Streamed)
	require.Greater(t, res.Chunks, len(UpstreamAnswer), "streamed token by token")
	require.NotNil(t, res.StreamUsage)

	require.Equal(t, "text_completion", res.Legacy.Object)
	require.Equal(t, want, res.Legacy.Text)
	require.Equal(t, len(UpstreamAnswer), res.Legacy.Usage.Completion_tokens)
	require.Equal(t, want, res.LegacyStream.Text)
	require.Greater(t, res.LegacyStream.Chunks, len(UpstreamAnswer))
	require.NotNil(t, res.LegacyStream.Usage)

	inputs := []string{"the first text", "a second, longer piece of text"}
	require.Len(t, res.Embeddings, len(inputs))
	for i, e := range res.Embeddings {
		require.Equal(t, i, e.Index)
		require.Equal(t, EmbeddingOf(inputs[i]), e.Embedding, "the SDK decoded the base64 vector")
	}
	require.Equal(t, EmbeddingOf(inputs[0]), res.Floats)
	embedTokens := EmbeddingTokens(inputs[0]) + EmbeddingTokens(inputs[1])
	require.Equal(t, embedTokens, res.EmbeddingUsage.Prompt_tokens)

	for name, want := range map[string]struct {
		status int
		param  string
	}{
		"noInput":         {http.StatusBadRequest, "input"},
		"badModel":        {http.StatusBadRequest, "model"},
		"unknownModel":    {http.StatusNotFound, ""},
		"upstreamRefuses": {http.StatusBadRequest, ""},
		"noPrompt":        {http.StatusBadRequest, "prompt"},
		"noMessages":      {http.StatusBadRequest, "messages"},
	} {
		got, ok := res.Errors[name]
		require.True(t, ok, name)
		require.False(t, got.OK, "%s was accepted", name)
		require.Equal(t, want.status, got.Status, "%s: %+v", name, got)
		require.NotEmpty(t, got.Type, name)
		require.NotNil(t, got.Code, name)
		require.NotEmpty(t, got.Message, name)
		if want.param != "" {
			require.NotNil(t, got.Param, name)
			require.Equal(t, want.param, *got.Param, name)
		}
	}
	require.Equal(t, "model_not_found", *res.Errors["unknownModel"].Code)
	require.Contains(t, res.Errors["upstreamRefuses"].Message, "input", "the upstream's own message reaches the SDK")

	// One session carried every accepted request: 4 generations and 2 embedding calls.
	id := gatewaySession(t, ctx, s)
	rec, err := s.WaitClosed(ctx, id, 60*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason, "closed with the user's receipt, countersigned by the provider")
	require.NotNil(t, rec.Receipt)
	require.Equal(t, uint32(4*promptTokens+embedTokens+EmbeddingTokens(inputs[0])), rec.Receipt.InputTokens)
	require.Equal(t, uint32(4*len(UpstreamAnswer)), rec.Receipt.OutputTokens)

	// One wallet signature for the whole session (issue 15 item 4): the user's key signed the RFC; the
	// session key it authorised signed the receipt (and every request: the provider admits no other).
	require.NotNil(t, rec.RFC)
	require.NotNil(t, rec.RFCSignature)
	_, err = s.Domain.Verify(rec.RFC, rec.RFCSignature[:], s.User.Address)
	require.NoError(t, err, "the wallet signed the RFC")
	require.NotEqual(t, common.Address{}, rec.Ticket.SessionKey)
	require.NotEqual(t, s.User.Address, rec.Ticket.SessionKey)
	require.NotNil(t, rec.UserSignature)
	_, err = s.Domain.Verify(rec.Receipt, rec.UserSignature[:], rec.Ticket.SessionKey)
	require.NoError(t, err, "the session key, not the wallet, signed the receipt")
}

// gatewaySession is the one session the gateway opened (live or closed by now).
func gatewaySession(t *testing.T, ctx context.Context, s *Stack) common.Hash {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.GatewayURL+"/lt/sessions", nil)
	require.NoError(t, err)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	var list struct {
		Sessions []gateway.SessionInfo
		Closed   []client.CloseResult
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&list))
	ids := map[common.Hash]bool{}
	for _, l := range list.Sessions {
		ids[common.HexToHash(l.SessionID)] = true
	}
	for _, c := range list.Closed {
		ids[c.SessionID] = true
	}
	require.Len(t, ids, 1, "one session per model: %+v", list)
	for id := range ids {
		return id
	}
	return common.Hash{}
}
