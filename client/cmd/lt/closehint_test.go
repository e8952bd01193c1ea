package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestRfcPrintsACloseThatRuns: the close command `lt rfc` prints ("close it with: …"), run as printed, closes
// the session: it carries the deployment, the state dir and the config file the rfc was given on its
// command line. It used to print the bare `lt close --session 0x…`, which failed "no deployment file".
func TestRfcPrintsACloseThatRuns(t *testing.T) {
	ctx := context.Background()
	t.Setenv("HOME", t.TempDir()) // the defaults (state dir, config file) are not what the printed line needs
	dir := t.TempDir()
	const chainID = 31337
	cfg, dep, market := testFiles(t, dir, chainID)

	prov := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session")) // never used
	}))
	t.Cleanup(prov.Close)
	router, closed := closingRouter(t, chainID, market, prov.URL)

	out, err := run(t, ctx, "rfc", "--model", "llama-3.1-8b:q4", "--router", router, "--deployment", dep,
		"--raw-key", devnet.DevKeys[8], "--state-dir", filepath.Join(dir, "sessions"), "--config", cfg)
	require.NoError(t, err)
	var line string
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, "close it with: "); ok {
			line = rest
		}
	}
	words := strings.Fields(line)
	require.GreaterOrEqual(t, len(words), 4, "lt rfc printed a close command: %q", out)
	require.Equal(t, []string{"lt", "close", "--session"}, words[:3])

	_, err = run(t, ctx, words[1:]...)
	require.NoError(t, err, "the printed %q", line)
	req := <-closed
	require.Equal(t, words[3], req.Receipt.SessionID.Hex())
}

// shellQuote leaves a plain word alone and single-quotes anything a shell would read otherwise.
func TestShellQuote(t *testing.T) {
	require.Equal(t, "deployments/31337.json", shellQuote("deployments/31337.json"))
	require.Equal(t, "'/a dir/x.json'", shellQuote("/a dir/x.json"))
	require.Equal(t, `'it'\''s'`, shellQuote("it's"))
	require.Equal(t, "''", shellQuote(""))
}

// closingRouter is a router that grants every RFC a ticket to the provider at endpoint (endpointRouter) and
// takes every close one-sided, handing each close request on to closed; it returns its base URL.
func closingRouter(t *testing.T, chainID uint64, market common.Address, endpoint string) (string, <-chan wire.CloseRequest) {
	t.Helper()
	h := &endpointRouter{domain: eip712.NewDomain(chainID, market)}
	h.endpoint.Store(endpoint)
	closed := make(chan wire.CloseRequest, 1)
	mux := http.NewServeMux()
	mux.Handle("POST /v1/rfc", h)
	mux.HandleFunc("POST /v1/sessions/{id}/close", func(w http.ResponseWriter, r *http.Request) {
		var req wire.CloseRequest
		if json.NewDecoder(r.Body).Decode(&req) != nil {
			wire.WriteError(w, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "bad close"))
			return
		}
		closed <- req
		wire.WriteJSON(w, http.StatusOK, wire.SessionRecord{SessionID: common.HexToHash(r.PathValue("id")), State: "closed",
			CloseReason: wire.CloseOneSided, Receipt: &req.Receipt, UserSignature: req.UserSignature})
	})
	router := httptest.NewServer(mux)
	t.Cleanup(router.Close)
	return router.URL, closed
}

// testFiles writes into dir an empty config file (none of the user's is read) and a deployment file of
// chainID whose Marketplace is market, the EIP-712 domain's address.
func testFiles(t *testing.T, dir string, chainID uint64) (cfg, dep string, market common.Address) {
	t.Helper()
	cfg = filepath.Join(dir, "none.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("{}\n"), 0o600))
	market = common.HexToAddress("0x00000000000000000000000000000000000000c0")
	dep = filepath.Join(dir, "deployment.json")
	raw, err := json.Marshal(map[string]any{"chainId": chainID, "contracts": map[string]common.Address{"Marketplace": market}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dep, raw, 0o600))
	return cfg, dep, market
}

// TestChatSavesTheSessionBeforeItsAnswer: lt chat remembers its session in --state-dir before the answer
// streams, so a process killed mid-answer leaves what lt close needs (the session key nothing else holds);
// the file is gone once the session is closed. It used to be written only after the answer had ended.
func TestChatSavesTheSessionBeforeItsAnswer(t *testing.T) {
	ctx := context.Background()
	t.Setenv("HOME", t.TempDir())
	dir := t.TempDir()
	state := filepath.Join(dir, "sessions")
	const chainID = 31337
	cfg, dep, market := testFiles(t, dir, chainID)

	saved := make(chan []string, 1) // the state dir's files while the answer streams
	prov := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasSuffix(r.URL.Path, "/chat/completions") {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session"))
			return
		}
		entries, _ := os.ReadDir(state)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		saved <- names
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = w.Write([]byte("data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n"))
	}))
	t.Cleanup(prov.Close)
	router, closed := closingRouter(t, chainID, market, prov.URL)

	_, err := run(t, ctx, "chat", "--model", "llama-3.1-8b:q4", "--router", router, "--deployment", dep,
		"--raw-key", devnet.DevKeys[8], "--state-dir", state, "--config", cfg, "hello")
	require.NoError(t, err)
	req := <-closed
	require.Equal(t, []string{strings.ToLower(req.Receipt.SessionID.Hex()) + ".json"}, <-saved,
		"the session was saved before its answer")
	entries, err := os.ReadDir(state)
	require.NoError(t, err)
	require.Empty(t, entries, "forgotten once closed")
}
