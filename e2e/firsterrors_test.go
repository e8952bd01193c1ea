package e2e

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/keys"
)

// TestFirstErrorsSayWhatToDo runs the real binaries into the mistakes a newcomer makes first — no chain
// running, an RPC of another chain, no deployment file, a keystore that is not there, a keystore without
// its password, no key at all, no router running — and checks each error names the next step, not only
// what failed. No chain is needed: a closed loopback port stands for a node that is not running and a
// JSON-RPC stub answering eth_chainId 1 for another chain (or 31337, to get past the chain check).
func TestFirstErrorsSayWhatToDo(t *testing.T) {
	ctx := testContext(t, 8*time.Minute)
	_, bins := repoBinaries(ctx, t)
	dir := t.TempDir()

	closed, err := freeAddr() // handed out, never listened on: a node that is not running
	require.NoError(t, err)
	noChain := "http://" + closed
	otherChain := chainStub(t, "0x1")
	devChain := chainStub(t, "0x7a69") // 31337, with code at every address: the services get to their keys
	dep := filepath.Join(dir, "31337.json")
	require.NoError(t, os.WriteFile(dep, []byte(`{"chainId": 31337, "startBlock": 0, "contracts": {
		"Marketplace": "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", "MORToken": "0xa16E02E87b7454126E5E10d957A927A7F5B5d2be",
		"ComputePool": "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", "ModelRegistry": "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
		"Emissions": "0x5FbDB2315678afecb367f032d93F642f64180aa3"}}`), 0o600))
	missingDep := filepath.Join(dir, "deployments", "31337.json")
	_, keystore, err := keys.Create(filepath.Join(dir, "keys"), "a password", keys.Light)
	require.NoError(t, err)
	missingKeystore := filepath.Join(dir, "nope.json")
	userKey := devnet.DevKeys[8]
	ownerKey := devnet.DevKeys[3]
	routerKey := devnet.DevKeys[1]
	keeperKey := devnet.DevKeys[2]
	listen := func() string {
		a, err := freeAddr()
		require.NoError(t, err)
		return a
	}
	router := func(args ...string) []string {
		return append([]string{"router", "--database", filepath.Join(dir, "router.db"), "--listen", listen()}, args...)
	}
	keeper := func(args ...string) []string {
		a := listen()
		return append([]string{"keeper", "--data-dir", filepath.Join(dir, "keeper-data"), "--listen", a,
			"--public-url", "http://" + a, "--routers", "http://" + a}, args...)
	}

	for _, c := range []struct {
		name string
		cmd  []string
		want []string // every one appears in the output
		not  string   // and this does not, when set
	}{
		{"lt: no chain", []string{"lt", "allowance", "--rpc", noChain, "--deployment", dep, "--raw-key", userKey},
			[]string{"cannot reach the chain at " + noChain, "is the node running? `make devnet`"}, ""},
		{"provider: no chain", []string{"provider", "status", "--rpc", noChain, "--deployment", dep, "--owner", crypto.PubkeyToAddress(devnet.DevKey(3).PublicKey).Hex()},
			[]string{"cannot reach the chain at " + noChain, "is the node running? `make devnet`"}, ""},
		{"lt: wrong chain", []string{"lt", "allowance", "--rpc", otherChain, "--deployment", dep, "--raw-key", userKey},
			[]string{"serves chain 1, the deployment file is for chain 31337", "give the RPC of chain 31337, or chain 1's deployment file, deployments/1.json"}, ""},
		{"router: wrong chain", router("--rpc", otherChain, "--deployment", dep, "--raw-key", routerKey),
			[]string{"serves chain 1", "give the RPC of chain 31337"}, ""},
		{"keeper: wrong chain", keeper("--rpc", otherChain, "--deployment", dep, "--raw-key", keeperKey),
			[]string{"serves chain 1", "give the RPC of chain 31337"}, ""},
		// The provider CLI derives the owner from a raw devnet key for reads (status), as the commands that
		// sign do: it gets as far as the chain instead of asking for an owner keystore.
		{"provider: status with the devnet key", []string{"provider", "status", "--rpc", otherChain, "--deployment", dep, "--raw-key", ownerKey},
			[]string{"give the RPC of chain 31337"}, "no owner key"},
		{"lt: no deployment file", []string{"lt", "allowance", "--rpc", noChain, "--deployment", missingDep, "--raw-key", userKey},
			[]string{"no deployment file " + missingDep, "`make devnet` writes deployments/31337.json"}, ""},
		{"router: no deployment file", router("--rpc", noChain, "--deployment", missingDep, "--raw-key", routerKey),
			[]string{"no deployment file", "`make devnet` writes deployments/31337.json"}, ""},
		{"keeper: no deployment file", keeper("--rpc", noChain, "--deployment", missingDep, "--raw-key", keeperKey),
			[]string{"no deployment file", "`make devnet` writes deployments/31337.json"}, ""},
		{"lt: no keystore there", []string{"lt", "chat", "--router", noChain, "--deployment", dep, "--keystore", missingKeystore, "--model", "m:t", "hi"},
			[]string{"no keystore at " + missingKeystore, "`lt keys create` or `lt keys import`"}, "no password"},
		{"router: no keystore there", router("--rpc", devChain, "--deployment", dep, "--keystore", missingKeystore),
			[]string{"no keystore at", "`lt keys create`"}, ""},
		{"router: keystore without its password", router("--rpc", devChain, "--deployment", dep, "--keystore", keystore),
			[]string{"no password was given: pass --password-file"}, ""},
		{"keeper: keystore without its password", keeper("--rpc", devChain, "--deployment", dep, "--keystore", keystore),
			[]string{"no password was given: pass --password-file"}, ""},
		{"lt: keystore without its password", []string{"lt", "allowance", "--rpc", devChain, "--deployment", dep, "--keystore", keystore},
			[]string{"no password: give --password-file"}, ""},
		{"lt: no key", []string{"lt", "chat", "--router", noChain, "--deployment", dep, "--model", "m:t", "hi"},
			[]string{"no key configured: pass --keystore <file> with --password-file <file>"}, ""},
		{"keeper: no key", keeper("--rpc", devChain, "--deployment", dep),
			[]string{"no key configured: pass --keystore <file> with --password-file <file>"}, ""},
		{"lt: no router running", []string{"lt", "chat", "--router", noChain, "--deployment", dep, "--raw-key", userKey, "--model", "m:t", "hi"},
			[]string{"no router answered at --router", "README.md step 2"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(ctx, time.Minute) // every case fails at once: none waits for a chain
			defer cancel()
			cmd := exec.CommandContext(ctx, filepath.Join(bins, c.cmd[0]), c.cmd[1:]...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "HOME="+dir) // no keys or config of the machine's user
			out, err := cmd.CombinedOutput()
			require.Error(t, err, "%s", out)
			require.NotNil(t, cmd.ProcessState, "%v", err)
			require.Equal(t, 1, cmd.ProcessState.ExitCode(), "%s", out)
			for _, w := range c.want {
				require.Contains(t, string(out), w)
			}
			if c.not != "" {
				require.NotContains(t, string(out), c.not)
			}
		})
	}
}

// chainStub is a JSON-RPC endpoint that answers eth_chainId with id, eth_getCode with a byte of code
// and every other method with an error.
func chainStub(t *testing.T, id string) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ID     json.RawMessage `json:"id"`
			Method string          `json:"method"`
		}
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		if result, ok := map[string]string{"eth_chainId": id, "eth_getCode": "0x00"}[req.Method]; ok {
			_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result})
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID,
			"error": map[string]any{"code": -32601, "message": strings.ToUpper(req.Method) + " not served by this stub"}})
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
