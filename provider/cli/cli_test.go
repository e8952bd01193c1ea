package cli_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/provider/cli"
)

type runner struct {
	t    *testing.T
	base []string
}

// run executes the root command in-process and returns stdout and the error.
func (r *runner) run(args ...string) (string, error) {
	var out, errOut bytes.Buffer
	root := cli.NewRoot(cli.IO{In: strings.NewReader(""), Out: &out, Err: &errOut})
	root.SetArgs(append(append([]string{}, args...), r.base...))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	err := root.ExecuteContext(ctx)
	return out.String(), err
}

func (r *runner) ok(args ...string) string {
	r.t.Helper()
	out, err := r.run(args...)
	require.NoError(r.t, err, "provider %s\n%s", strings.Join(args, " "), out)
	return out
}

func (r *runner) fails(want string, args ...string) {
	r.t.Helper()
	out, err := r.run(args...)
	require.Error(r.t, err, "provider %s should fail\n%s", strings.Join(args, " "), out)
	require.Contains(r.t, err.Error(), want)
}

func TestProviderLifecycleOnAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	c := devnettest.StartReleased(t, devnet.DeployOptions{})
	depFile := c.DeploymentFile()
	pw := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pw, []byte("correct horse\n"), 0o600))
	r := &runner{t: t, base: []string{"--rpc", c.Anvil.URL, "--deployment", depFile, "--keys-dir", filepath.Join(dir, "keys"), "--password-file", pw}}

	// Keys: an owner and a signer, kept in separate directories.
	var owner, signer struct{ Address common.Address }
	require.NoError(t, json.Unmarshal([]byte(r.ok("keys", "create", "--role", "owner", "--light", "--json")), &owner))
	require.NoError(t, json.Unmarshal([]byte(r.ok("keys", "create", "--role", "signer", "--light", "--json")), &signer))
	list := r.ok("keys", "list")
	require.Contains(t, list, "owner   "+owner.Address.Hex())
	require.Contains(t, list, "signer  "+signer.Address.Hex())
	r.fails("--role must be", "keys", "create", "--role", "router", "--light")
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, []byte("\n"), 0o600))
	noPassword := &runner{t: t, base: []string{"--keys-dir", filepath.Join(dir, "keys"), "--password-file", empty}}
	noPassword.fails("refusing an empty keystore password", "keys", "create", "--role", "owner", "--light")

	require.NoError(t, c.FundETH(ctx, owner.Address, big.NewInt(1e18)))

	// Error paths before there is anything.
	r.fails("not registered as a provider", "bid", "set", "--model", "llama:q4", "--price", "0.001MOR/s")
	r.fails("not registered as a provider", "unstake", "request", "--amount", "1MOR")
	r.fails("not enough MOR", "register", "--endpoint", "http://127.0.0.1:8080", "--stake", "100MOR")

	require.NoError(t, c.FundMOR(ctx, owner.Address, devnet.MOR(150)))
	r.fails("stake below the minimum", "register", "--endpoint", "http://127.0.0.1:8080", "--stake", "50MOR")
	r.fails("not an http(s) URL", "register", "--endpoint", "node.example.com", "--stake", "100MOR")

	// Dry run: estimate shown, nothing sent.
	out := r.ok("register", "--endpoint", "http://127.0.0.1:8080", "--stake", "100MOR", "--dry-run")
	require.Contains(t, out, "registerWithPermit: estimated cost")
	require.Contains(t, out, "dry run, not sent")
	require.Contains(t, r.ok("status"), "registered  no")

	out = r.ok("register", "--endpoint", "http://127.0.0.1:8080", "--stake", "100MOR")
	require.Contains(t, out, "registerWithPermit: estimated cost")
	require.Contains(t, out, "mined in block")
	require.Contains(t, out, "registered "+owner.Address.Hex()+" with 100 MOR staked")
	r.fails("already registered", "register", "--endpoint", "http://127.0.0.1:8080", "--stake", "100MOR")

	// Bids.
	c.RegisterModel(devnet.DevKey(7), "llama", "q4", 500)
	r.fails("model not registered", "bid", "set", "--model", "unknown:v1", "--price", "0.001MOR/s")
	r.fails("price out of bounds", "bid", "set", "--model", "llama:q4", "--price", "100000000")
	r.fails("price out of bounds", "bid", "set", "--model", "llama:q4", "--price", "2MOR/s")
	r.fails("name:tag", "bid", "set", "--model", "llama", "--price", "0.001MOR/s")
	require.Contains(t, r.ok("bid", "set", "--model", "llama:q4", "--price", "0.001MOR/s"), "bid on llama:q4: 0.001 MOR/s")

	var st cli.Status
	require.NoError(t, json.Unmarshal([]byte(r.ok("status", "--json")), &st))
	require.True(t, st.Registered)
	require.Equal(t, signer.Address, st.Signer)
	require.Equal(t, devnet.MOR(100).String(), st.Stake)
	require.Equal(t, devnet.MOR(50).String(), st.MORBalance)
	require.Equal(t, []cli.StatusBid{{Model: "llama:q4", ModelID: st.Bids[0].ModelID, PricePerSecond: "1000000000000000"}}, st.Bids)
	require.Equal(t, "0", st.Earnings.Claimed)
	human := r.ok("status")
	require.Contains(t, human, "llama:q4 at 0.001 MOR/s")

	// Stake add through a permit.
	require.Contains(t, r.ok("stake", "add", "--amount", "10MOR"), "added 10 MOR")
	r.fails("not enough MOR", "stake", "add", "--amount", "1000MOR")

	// Unstake → withdraw after the unbonding period.
	r.fails("nothing to withdraw", "unstake", "withdraw")
	r.fails("not enough active stake", "unstake", "request", "--amount", "1000MOR")
	require.Contains(t, r.ok("unstake", "request", "--amount", "30MOR"), "unbonding 30 MOR")
	require.Contains(t, r.ok("status"), "unbonding   30 MOR")
	r.fails("unbonding period not over", "unstake", "withdraw")
	require.NoError(t, c.Anvil.IncreaseTime(ctx, 3601))
	require.Contains(t, r.ok("unstake", "withdraw"), "withdrew 30 MOR")
	require.NoError(t, json.Unmarshal([]byte(r.ok("status", "--json")), &st))
	require.Equal(t, devnet.MOR(80).String(), st.Stake)
	require.Equal(t, "0", st.PendingUnstake)
	require.Equal(t, devnet.MOR(70).String(), st.MORBalance)

	// Bid delete.
	require.Contains(t, r.ok("bid", "delete", "--model", "llama:q4"), "deleted the bid")
	r.fails("no bid on this model", "bid", "delete", "--model", "llama:q4")

	// Builders: model register. A new name is claimed by a commitment, then its reveal in a later block (the
	// registry's commit-reveal); a dry run lists both steps, the reveal without an estimate.
	ch := "0x" + strings.Repeat("ab", 32)
	out = r.ok("model", "register", "--name", "mistral", "--tag", "7b", "--content-hash", ch, "--fee-bps", "100", "--dry-run")
	require.Contains(t, out, "commitName: estimated cost")
	require.Contains(t, out, "commitName: dry run, not sent")
	require.Contains(t, out, "registerModel: dry run, not sent (sent once commitName is mined")
	out = r.ok("model", "register", "--name", "mistral", "--tag", "7b", "--content-hash", ch, "--fee-bps", "100")
	require.Contains(t, out, "commitName: mined in block")
	require.Contains(t, out, "registerModel: mined in block")
	require.Contains(t, out, "registered model mistral:7b")
	nameOwner, err := c.Market.Models.NameOwner(&bind.CallOpts{Context: ctx}, "mistral")
	require.NoError(t, err)
	require.Equal(t, owner.Address, nameOwner)
	// A further tag of the name it owns: register alone.
	out = r.ok("model", "register", "--name", "mistral", "--tag", "8b", "--content-hash", ch, "--fee-bps", "100")
	require.NotContains(t, out, "commitName")
	require.Contains(t, out, "registered model mistral:8b")
	r.fails("already registered", "model", "register", "--name", "mistral", "--tag", "7b", "--content-hash", "0x"+strings.Repeat("ab", 32))

	// Claim without a proof source, and with no root on chain.
	r.fails("no proof source", "claim")

	// A signer key that is a router's key is refused at start: serve's liveness answers would prove the
	// router's key to other providers' discovery at any URL.
	require.NoError(t, c.GrantRouterRole(ctx, signer.Address))
	r.fails("holds ROUTER_ROLE", "serve", "--upstream", "http://127.0.0.1:9/v1", "--model", "llama:q4=llama3",
		"--state-dir", filepath.Join(dir, "state"))

	// Signer rotation (update): a second signer key, picked by --signer, signs its SignerClaim; the endpoint
	// moves alone too. The first key is freed: another provider could now take it with that key's claim.
	r.fails("nothing to update", "update")
	var signer2 struct{ Address common.Address }
	require.NoError(t, json.Unmarshal([]byte(r.ok("keys", "create", "--role", "signer", "--light", "--json")), &signer2))
	out = r.ok("update", "--signer", signer2.Address.Hex())
	require.Contains(t, out, "updateProvider: estimated cost")
	require.Contains(t, out, "signer "+signer2.Address.Hex())
	require.NoError(t, json.Unmarshal([]byte(r.ok("status", "--json")), &st))
	require.Equal(t, signer2.Address, st.Signer)
	r.fails("nothing to update", "update", "--signer", signer2.Address.Hex())
	require.Contains(t, r.ok("update", "--endpoint", "http://127.0.0.1:8081"), "endpoint http://127.0.0.1:8081, signer "+signer2.Address.Hex())
	free, err := c.Marketplace.ProviderOfSigner(&bind.CallOpts{Context: ctx}, signer.Address)
	require.NoError(t, err)
	require.Zero(t, free, "the rotated-away key is free")

	// A key another provider holds is refused before anything is signed or sent, naming that provider.
	other, taken := devnet.DevKey(6), devnettest.Key("another provider's signer")
	c.RegisterProvider(other, taken, "http://127.0.0.1:9000", 100)
	r.fails("is the signer of provider "+crypto.PubkeyToAddress(other.PublicKey).Hex(),
		"update", "--signer-raw-key", hex.EncodeToString(crypto.FromECDSA(taken)))
	require.NoError(t, json.Unmarshal([]byte(r.ok("status", "--json")), &st))
	require.Equal(t, signer2.Address, st.Signer)

	// A signer named by the environment (or a config file), kept there for serve, does not turn an endpoint
	// move into a rotation: here it names the first key, free again and in the keys directory.
	t.Setenv("LT_PROVIDER_SIGNER", signer.Address.Hex())
	require.Contains(t, r.ok("update", "--endpoint", "http://127.0.0.1:8082"), "endpoint http://127.0.0.1:8082, signer "+signer2.Address.Hex())
	// Nor does it stand in the way of a rotation the command line asks for: a third key by --signer-raw-key
	// is taken (it was refused, naming a "--signer" the command line did not give).
	third := devnettest.Key("the third signer")
	require.Contains(t, r.ok("update", "--signer-raw-key", hex.EncodeToString(crypto.FromECDSA(third))),
		"signer "+crypto.PubkeyToAddress(third.PublicKey).Hex())
	// A --signer that is not the key given is refused, the message naming every place a signer is named.
	fourth := devnettest.Key("a fourth signer")
	r.fails("(--signer, LT_PROVIDER_SIGNER or the config file's signer), but the signer key given is "+crypto.PubkeyToAddress(fourth.PublicKey).Hex(),
		"update", "--signer-raw-key", hex.EncodeToString(crypto.FromECDSA(fourth)), "--signer", signer2.Address.Hex())
}

func TestRawKeyOnlyOnDevnetAndHelp(t *testing.T) {
	r := &runner{t: t}
	for _, args := range [][]string{{"--help"}, {"register", "--help"}, {"bid", "set", "--help"}, {"serve", "--help"}, {"status", "--help"}} {
		out := r.ok(args...)
		require.Contains(t, out, "Usage:")
	}
	r.fails("no RPC URL", "status", "--owner", "0x0000000000000000000000000000000000000001")
	r.fails("--stake is required", "register", "--endpoint", "http://x")
	r.fails("invalid amount", "bid", "set", "--model", "a:b", "--price", "cheap")
}
