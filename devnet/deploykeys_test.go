package devnet

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/deployments"
	"github.com/laketravis/laketravis/keys"
)

// TestDeployKeys runs scripts/deploy.sh (`make deploy`) with the two keys README "Deploying" shows: an
// encrypted keystore and its password file (DEPLOYER_KEYSTORE, DEPLOYER_PASSWORD_FILE) deploys, the
// deployer being the keystore's account; a raw DEPLOYER_KEY is refused, before anything is sent, on a
// chain that is not a devnet (anvil as Arbitrum Sepolia, 421614, without DEVNET=1); with no node at
// RPC_URL it says what to start.
func TestDeployKeys(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	root, err := RepoRoot()
	require.NoError(t, err)
	dir := t.TempDir()
	deployer := DevKey(0)
	keystore, err := keys.Store(dir, deployer, "deployer password", keys.Light)
	require.NoError(t, err)
	pw := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pw, []byte("deployer password\n"), 0o600))
	var env []string // the caller's environment without DEVNET or DEPLOYER_*: the test says which key
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "DEVNET=") && !strings.HasPrefix(e, "DEPLOYER_") && !strings.HasPrefix(e, "DEPLOYMENTS_FILE=") {
			env = append(env, e)
		}
	}
	deploy := func(rpcURL string, more ...string) (string, error) {
		return runDeployScript(ctx, root, rpcURL, append(append([]string{}, env...), more...))
	}

	t.Run("keystore", func(t *testing.T) {
		a, err := StartAnvil(ctx, AnvilOptions{})
		require.NoError(t, err)
		defer a.Close()
		f, err := os.CreateTemp(filepath.Join(root, "deployments"), ".deploy-*.json")
		require.NoError(t, err)
		require.NoError(t, f.Close())
		defer os.Remove(f.Name())
		out, err := deploy(a.URL, "DEPLOYER_KEYSTORE="+keystore, "DEPLOYER_PASSWORD_FILE="+pw, "DEPLOYMENTS_FILE="+f.Name())
		require.NoError(t, err, "%s", out)
		require.Contains(t, out, simulated, "forge still marks the end of its simulation, where the broadcast's bound starts")
		dep, err := deployments.Load(f.Name())
		require.NoError(t, err)
		require.Equal(t, uint64(31337), dep.ChainID)
		market, err := dep.Address("Marketplace")
		require.NoError(t, err)
		client, err := a.Client(ctx)
		require.NoError(t, err)
		defer client.Close()
		code, err := client.CodeAt(ctx, market, nil)
		require.NoError(t, err)
		require.NotEmpty(t, code, "the Marketplace is deployed")
		nonce, err := client.NonceAt(ctx, crypto.PubkeyToAddress(deployer.PublicKey), nil)
		require.NoError(t, err)
		require.Positive(t, nonce, "the keystore's account sent the deployment")
	})

	t.Run("no chain", func(t *testing.T) {
		port, err := freePort()
		require.NoError(t, err)
		out, err := deploy("http://127.0.0.1:"+strconv.Itoa(port), "DEPLOYER_KEYSTORE="+keystore)
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%s", out)
		require.Contains(t, out, "is the node running?")
		require.Contains(t, out, "make devnet runs one on 127.0.0.1:8545")
	})

	t.Run("raw key off a devnet", func(t *testing.T) {
		a, err := StartAnvil(ctx, AnvilOptions{ChainID: 421614})
		require.NoError(t, err)
		defer a.Close()
		out, err := deploy(a.URL, "DEPLOYER_KEY=0x"+DevKeys[0])
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%s", out)
		require.Contains(t, out, "DEPLOYER_KEY (a raw key) is accepted only on a devnet")
		require.Contains(t, out, "use DEPLOYER_KEYSTORE=<keystore file> for chain 421614")
		require.NotContains(t, out, "forge", "nothing was run")
	})

	// DEVNET=1 left in a shell does not make another node a devnet: a raw key and Deploy.s.sol's skipped
	// production checks stay refused (before, DEVNET=1 alone made any chain one, from a review).
	t.Run("DEVNET=1 on a node that is not anvil", func(t *testing.T) {
		node := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			var req struct {
				ID     json.RawMessage `json:"id"`
				Method string          `json:"method"`
			}
			_ = json.NewDecoder(r.Body).Decode(&req)
			result := map[string]string{"eth_chainId": "0x66eee", "web3_clientVersion": "Geth/v1.15.0-stable/linux-amd64/go1.24"}[req.Method]
			_ = json.NewEncoder(w).Encode(map[string]any{"jsonrpc": "2.0", "id": req.ID, "result": result})
		}))
		defer node.Close()
		out, err := deploy(node.URL, "DEVNET=1", "DEPLOYER_KEY=0x"+DevKeys[0])
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%s", out)
		require.Contains(t, out, "DEVNET=1 is honoured only for an anvil node on this machine")
		require.Contains(t, out, "'Geth/v1.15.0-stable/linux-amd64/go1.24' on chain 421614")
		require.NotContains(t, out, "forge", "nothing was run")
	})
}
