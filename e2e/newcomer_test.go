package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/readmecmd"
)

// TestReadmeNewcomerPath runs README step 2 as a newcomer would: the `make devnet` playground, then every
// command devnet.NextSteps prints (the block README.md shows verbatim, TestReadmeShowsTheNextSteps) in
// order, with only what a test must change: the built binaries for `go run`, free ports for the port
// plan's (other programs on this machine may hold those), files under a temporary folder, and the
// stand-in upstream for ollama. It ends with an answer from `lt chat` and from the gateway, and a router
// that was told where its keeper is.
func TestReadmeNewcomerPath(t *testing.T) {
	ctx := testContext(t, 8*time.Minute)
	_, bins := repoBinaries(ctx, t)
	dir := t.TempDir()
	// The commands keep their defaults under the home folder (provider serve's state, lt's sessions): a home
	// of the test's own, so that someone running the same steps on this machine meanwhile does not hold them.
	t.Setenv("HOME", dir)

	m, err := devnet.StartPlayground(ctx, devnet.AnvilOptions{}, devnet.DeployOptions{})
	require.NoError(t, err)
	defer m.Close()
	require.NoError(t, m.WriteDeployment(filepath.Join(dir, "31337.json")))
	up, err := StartUpstream(0)
	require.NoError(t, err)
	defer up.Close()

	steps := devnet.NextSteps(m.Anvil.URL, filepath.Join(dir, "31337.json"), up.URL, "stand-in")
	ports := map[string]string{}
	for _, p := range []int{devnet.PortRouter, devnet.PortProvider, devnet.PortKeeper, devnet.PortGateway} {
		a, err := freeAddr()
		require.NoError(t, err)
		ports["127.0.0.1:"+strconv.Itoa(p)] = a
	}
	files := map[string]string{"router.db": filepath.Join(dir, "router.db"), "keeper-data": filepath.Join(dir, "keeper-data")}

	var procs []*Proc
	defer func() {
		for i := len(procs) - 1; i >= 0; i-- {
			procs[i].Stop()
			if t.Failed() {
				t.Logf("%s log:\n%s", procs[i].Name, devnet.Tail(procs[i].Log(), 40))
			}
		}
	}()
	var chatOut string
	var commands [][]string // [bin, args…] of each `go run ./x/cmd/<bin> args…`
	for _, c := range readmecmd.Split(steps) {
		if len(c.Words) > 2 && c.Words[0] == "go" && c.Words[1] == "run" {
			commands = append(commands, append([]string{filepath.Base(c.Words[2])}, c.Words[3:]...))
		}
	}
	require.Len(t, commands, 8, "the next steps' commands")
	for i, c := range commands {
		bin := filepath.Join(bins, c[0])
		args := c[1:]
		listen := ""
		for j, a := range args {
			for from, to := range ports {
				a = strings.ReplaceAll(a, from, to)
			}
			if f, ok := files[a]; ok {
				a = f
			}
			args[j] = a
			if j > 0 && args[j-1] == "--listen" {
				listen = a
			}
		}
		name := fmt.Sprintf("%d-%s", i, c[0])
		if listen == "" { // a one-shot CLI step
			out, err := runTool(ctx, dir, name, bin, args...)
			require.NoError(t, err, "%s %s", c[0], strings.Join(args, " "))
			if c[0] == "lt" && args[0] == "chat" {
				chatOut = string(out)
			}
			if c[0] == "lt" && args[0] == "allowance" {
				require.Regexp(t, `allowance +[0-9.]*[1-9][0-9.]* MOR`, string(out), "the user's allowance today is not zero")
			}
			continue
		}
		p, err := startProc(dir, name, bin, nil, args...)
		require.NoError(t, err)
		procs = append(procs, p)
		require.NoError(t, waitHealthy(ctx, p, "http://"+listen+"/healthz", 2*time.Minute))
		if c[0] == "provider" {
			// The router learns the bid from the chain; lt chat comes next, so wait until it shows.
			waitForOffer(ctx, t, "http://"+ports["127.0.0.1:"+strconv.Itoa(devnet.PortRouter)])
		}
	}
	require.Contains(t, chatOut, strings.Join(UpstreamAnswer, ""), "lt chat printed the model's answer")

	gateway := "http://" + ports["127.0.0.1:"+strconv.Itoa(devnet.PortGateway)]
	body := fmt.Sprintf(`{"model":%q,"messages":[{"role":"user","content":"Say hello"}]}`, devnet.PlaygroundModel)
	resp, err := http.Post(gateway+"/v1/chat/completions", "application/json", bytes.NewReader([]byte(body)))
	require.NoError(t, err)
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", raw)
	var res struct {
		Model   string `json:"model"`
		Choices []struct {
			Message struct{ Content string } `json:"message"`
		} `json:"choices"`
	}
	require.NoError(t, json.Unmarshal(raw, &res))
	require.Len(t, res.Choices, 1)
	require.Equal(t, strings.Join(UpstreamAnswer, ""), res.Choices[0].Message.Content)
	require.Equal(t, devnet.PlaygroundModel, res.Model, "the answer names the model as asked, not the upstream's name")

	// The router knows its keeper (--keeper-url): it prunes what the keeper settled and links its batch
	// files, instead of warning that settled sessions are kept for ever.
	require.Equal(t, "0-router", procs[0].Name)
	require.NotContains(t, procs[0].Log(), "no keeper configured", "the next steps start the router without its keeper")
}

// waitForOffer polls the router's /v1/models until some model has an offer.
func waitForOffer(ctx context.Context, t *testing.T, router string) {
	t.Helper()
	for {
		resp, err := http.Get(router + "/v1/models")
		if err == nil {
			raw, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if bytes.Contains(raw, []byte(devnet.PlaygroundModel)) && bytes.Contains(raw, []byte(`"providers":1`)) {
				return
			}
		}
		select {
		case <-ctx.Done():
			t.Fatalf("the router never listed an offer for %s", devnet.PlaygroundModel)
		case <-time.After(200 * time.Millisecond):
		}
	}
}
