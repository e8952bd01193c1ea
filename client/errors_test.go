package client

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

func answer(status int, body string) *http.Response {
	return &http.Response{StatusCode: status, Body: io.NopCloser(strings.NewReader(body)), Header: http.Header{}}
}

func TestDecodeProtocolErrors(t *testing.T) {
	for _, tc := range []struct {
		status      int
		body        string
		code        string
		message     string
		unreachable bool
	}{
		{402, `{"error":{"code":"allowance_exhausted","message":"today's allowance is used up"}}`, wire.CodeAllowanceExhausted, "today's allowance is used up", false},
		{401, `{"error":{"code":"bad_signature","message":"rfc signature"}}`, wire.CodeBadSignature, "rfc signature", false},
		{409, `{"error":{"code":"nonce_reused","message":"nonce 7"}}`, wire.CodeNonceReused, "nonce 7", false},
		{404, `{"error":{"code":"unknown_model","message":"no such model"}}`, wire.CodeUnknownModel, "no such model", false},
		{503, `{"error":{"code":"no_provider","message":"all busy"}}`, wire.CodeNoProvider, "all busy", true},
		{502, `<html>bad gateway</html>`, "http_502", "<html>bad gateway</html>", true},
		{400, `{"error":"plain"}`, "http_400", `{"error":"plain"}`, false},
	} {
		err := decodeAnswer(answer(tc.status, tc.body), nil)
		var e *wire.Error
		require.True(t, errors.As(err, &e), "%d %s: %v", tc.status, tc.body, err)
		require.Equal(t, tc.status, e.Status)
		require.Equal(t, tc.code, e.Code)
		require.Equal(t, tc.message, e.Message)
		require.Equal(t, tc.unreachable, errors.Is(err, ErrUnreachable), "%d", tc.status)
	}

	var out struct{ A int }
	require.NoError(t, decodeAnswer(answer(200, `{"A":3}`), &out))
	require.Equal(t, 3, out.A)
	require.ErrorContains(t, decodeAnswer(answer(200, `nope`), &out), "decode answer")
}

func TestDecodeModelsShapes(t *testing.T) {
	for _, body := range []string{
		`[{"name":"llama3:8b","modelId":"0x01"},{"name":"qwen2:7b"}]`,
		`{"models":[{"name":"llama3:8b"},{"model":"qwen2:7b"}]}`,
		`{"object":"list","data":[{"id":"llama3:8b"},{"id":"qwen2:7b"},{"id":"not-a-model"}]}`,
	} {
		ms, err := decodeModels([]byte(body))
		require.NoError(t, err, body)
		require.Len(t, ms, 2, body)
		require.Equal(t, "llama3:8b", ms[0].Name)
		id, _ := ParseModel("qwen2:7b")
		require.Equal(t, id, ms[1].ModelID)
	}
	_, err := decodeModels([]byte(`{"x":1}`))
	require.Error(t, err)
}

func TestDecodeRouterAllowance(t *testing.T) {
	user := addr(testKey(t, userHex))
	// The router's answer: used = reservations + billed, remaining = allowance - used.
	a, err := decodeAllowance(user, map[string]json.RawMessage{
		"user": json.RawMessage(`"` + user.Hex() + `"`), "day": json.RawMessage(`"12"`),
		"allowance": json.RawMessage(`"1000"`), "used": json.RawMessage(`"300"`), "remaining": json.RawMessage(`"700"`)})
	require.NoError(t, err)
	require.Equal(t, uint64(12), *a.Day)
	require.Equal(t, "300", a.Used.Dec())
	require.Equal(t, "700", a.Remaining.Dec())
	require.Nil(t, a.Reserved)
	// A split answer sums up; remaining is derived.
	a, err = decodeAllowance(user, map[string]json.RawMessage{"allowance": json.RawMessage(`1000`),
		"reserved": json.RawMessage(`"200"`), "spent": json.RawMessage(`"50"`)})
	require.NoError(t, err)
	require.Equal(t, "250", a.Used.Dec())
	require.Equal(t, "750", a.Remaining.Dec())
	_, err = decodeAllowance(user, map[string]json.RawMessage{"used": json.RawMessage(`"-1"`)})
	require.Error(t, err)
}
