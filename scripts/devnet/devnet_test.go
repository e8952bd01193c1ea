package main

import (
	"bufio"
	"context"
	"encoding/json"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
)

// TestDevnetCommand runs `make devnet`'s command as README step 2 and its "port 8545 taken" note show it,
// built and on another port (--port, and --out so that the repository's deployments/31337.json is left
// alone), with the note's ten-minute days (--interval 600): it deploys with that interval, writes the
// deployment file, prints the next steps for that RPC URL and that file, and stops anvil on Ctrl-C (SIGINT)
// with exit status 0.
func TestDevnetCommand(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "devnet")
	build := exec.CommandContext(ctx, "go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)

	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := l.Addr().(*net.TCPAddr).Port
	require.NoError(t, l.Close())
	rpc := "http://127.0.0.1:" + strconv.Itoa(port)
	file := filepath.Join(dir, "31337.json")

	cmd := exec.CommandContext(ctx, bin, "--port", strconv.Itoa(port), "--interval", "600", "--out", file, "--standin", "127.0.0.1:0")
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	defer func() { _ = cmd.Process.Kill() }()

	var printed strings.Builder
	lines := bufio.NewScanner(stdout)
	for lines.Scan() && !strings.Contains(lines.Text(), "Ctrl-C stops the devnet.") {
		printed.WriteString(lines.Text() + "\n")
	}
	require.NoError(t, lines.Err())
	text := printed.String()
	require.Contains(t, text, "devnet running: RPC_URL="+rpc+" chain 31337")
	require.Contains(t, text, "deployment file: "+file)
	require.Contains(t, text, "--rpc "+rpc+" --deployment "+file, "the router's next step")
	require.Contains(t, text, "lt allowance --rpc "+rpc+" --deployment "+file, "the user's next step")
	found := regexp.MustCompile(`stand-in upstream on (http://127\.0\.0\.1:[0-9]+/v1): `).FindStringSubmatch(text)
	require.NotNil(t, found, "the stand-in upstream is announced")
	standinURL := found[1]
	require.Contains(t, text, "--upstream "+standinURL+" ", "provider serve's next step names the stand-in")

	raw, err := os.ReadFile(file)
	require.NoError(t, err)
	var dep struct {
		ChainID   uint64            `json:"chainId"`
		Contracts map[string]string `json:"contracts"`
	}
	require.NoError(t, json.Unmarshal(raw, &dep))
	require.Equal(t, uint64(31337), dep.ChainID)
	for _, c := range []string{"MORToken", "Emissions", "ComputePool", "ModelRegistry", "Marketplace"} {
		require.Contains(t, text, c, "the contracts are listed")
		require.NotEmpty(t, dep.Contracts[c], c)
	}
	ec, err := ethclient.DialContext(ctx, rpc)
	require.NoError(t, err)
	defer ec.Close()
	pool, err := computepool.NewComputePool(common.HexToAddress(dep.Contracts["ComputePool"]), ec)
	require.NoError(t, err)
	interval, err := pool.Interval(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, uint64(600), interval.Uint64(), "--interval 600: ten-minute protocol days")

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	rest := new(strings.Builder)
	for lines.Scan() {
		rest.WriteString(lines.Text() + "\n")
	}
	require.NoError(t, cmd.Wait(), "%s", rest)
	require.Contains(t, rest.String(), "devnet: stopping anvil")
	_, err = net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), time.Second)
	require.Error(t, err, "anvil stopped with the devnet")
}
