package main

import (
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet/standin"
)

// TestStandinUpstream: `make devnet` gives a newcomer without ollama an upstream for provider serve — the
// stand-in, on the address asked, whose every answer says that it is a stand-in and not a model; an
// address already taken (ollama running) is left to what listens there, and --standin ” starts none.
func TestStandinUpstream(t *testing.T) {
	up, url, note, err := startStandin("127.0.0.1:0")
	require.NoError(t, err)
	require.NotNil(t, up)
	defer up.Close()
	require.Equal(t, up.URL, url)
	require.Contains(t, note, "stand-in upstream on "+url)
	require.Contains(t, note, "not a model")
	resp, err := http.Post(url+"/chat/completions", "application/json",
		strings.NewReader(`{"model":"llama3.1:8b","messages":[{"role":"user","content":"Say hello"}]}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var res struct {
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&res))
	require.Len(t, res.Choices, 1)
	require.Equal(t, strings.Join(standin.Labelled, ""), res.Choices[0].Message.Content)
	require.True(t, strings.HasPrefix(res.Choices[0].Message.Content, "[stand-in upstream: "), res.Choices[0].Message.Content)
	require.Contains(t, res.Choices[0].Message.Content, "not a model")

	taken, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer taken.Close()
	up, url, note, err = startStandin(taken.Addr().String())
	require.NoError(t, err, "a taken address is not an error: ollama may be there")
	require.Nil(t, up)
	require.Equal(t, "http://"+taken.Addr().String()+"/v1", url)
	require.Contains(t, note, "is taken")

	up, url, note, err = startStandin("")
	require.NoError(t, err)
	require.Nil(t, up)
	require.Equal(t, "http://127.0.0.1:11434/v1", url)
	require.Contains(t, note, "no stand-in")
}
