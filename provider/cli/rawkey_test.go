package cli_test

import (
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
)

// Off a devnet (421614) the owner's raw key is refused by every command, those that only read the owner's
// address from it (status, serve) included: before, they took it silently, so the cold key that holds the
// stake could sit in plain text on a serving host (from a review). --owner <address> is all they need.
func TestOwnerRawKeyOnlyOnDevnet(t *testing.T) {
	c := devnettest.StartOn(t, devnet.AnvilOptions{ChainID: 421614}, devnet.DeployOptions{})
	dir := t.TempDir()
	r := &runner{t: t, base: []string{"--rpc", c.Anvil.URL, "--deployment", c.DeploymentFile(), "--keys-dir", filepath.Join(dir, "keys")}}
	raw := "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"
	for _, args := range [][]string{{"status"}, {"serve", "--state-dir", dir, "--upstream", "http://127.0.0.1:9/v1", "--model", "llama:q4=llama", "--signer-raw-key", raw}, {"bid", "set", "--model", "llama:q4", "--price", "0.001MOR/s"}} {
		r.fails("--raw-key (or LT_PROVIDER_RAW_KEY, or raw-key in the config file): keys: a raw private key is accepted only on a devnet", append(args, "--raw-key", raw)...)
	}
	r.ok("status", "--owner", crypto.PubkeyToAddress(devnet.DevKey(1).PublicKey).Hex())
}
