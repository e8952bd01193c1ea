package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/cleftest"
)

// TestChatThroughClef: `lt chat` with the user's key held by clef (`--external-signer`, no keystore or raw
// key given to lt): clef approves exactly one signature, the RFC's typed data, and nothing else (the
// session key signs the request and the receipt); the router grants the session to clef's account, the
// answer arrives and the session closes with the receipt.
func TestChatThroughClef(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 10*time.Minute)
	s := start(t, ctx, Options{})
	clef := cleftest.Start(t, s.User.Key, s.Domain.ChainID())

	out, err := s.lt(ctx, "chat-clef", "chat", "--json", "--model", s.Opts.Model,
		"--external-signer", clef.URL, "What is Lake Travis?")
	require.NoError(t, err, "%s", out)
	var res struct {
		Session struct {
			SessionID string `json:"sessionId"`
		} `json:"session"`
		Content string `json:"content"`
		Close   struct {
			ProviderSignature string `json:"providerSignature"`
		} `json:"close"`
	}
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)
	require.Equal(t, strings.Join(UpstreamAnswer, ""), res.Content)
	require.NotEmpty(t, res.Session.SessionID)
	require.NotEmpty(t, res.Close.ProviderSignature, "closed with the receipt both sides signed")

	signs := clef.Approvals("ui_approveSignData")
	require.Len(t, signs, 1, "one wallet signature per session: the RFC")
	var req struct {
		ContentType string `json:"content_type"`
		Address     string `json:"address"`
		Messages    []struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"messages"`
	}
	require.NoError(t, json.Unmarshal(signs[0].Params, &req))
	require.Equal(t, "data/typed", req.ContentType)
	require.True(t, strings.EqualFold(clef.Account.Hex(), req.Address), "signed as the user's account")
	require.Contains(t, string(signs[0].Params), "RFC", "the typed data clef signed is the RFC")
	require.Empty(t, clef.Approvals("ui_approveTx"), "no transaction")
}
