package cli_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/protocol/contenthash"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/cli"
	"github.com/laketravis/laketravis/provider/ipfs"
	"github.com/laketravis/laketravis/provider/models"
)

// writeWeights writes generated weights of about mib MiB.
func writeWeights(t *testing.T, dir string, seed uint64, mib int) {
	t.Helper()
	require.NoError(t, models.Generate(dir, seed, int64(mib)<<20+12345))
}

// swarm starts n private kubo nodes on loopback.
func swarm(t *testing.T, ctx context.Context, n int) []*ipfs.Node {
	t.Helper()
	bin, err := ipfs.Binary()
	require.NoError(t, err)
	nodes := make([]*ipfs.Node, n)
	for i := range nodes {
		nodes[i], err = ipfs.StartPrivate(ctx, bin, filepath.Join(t.TempDir(), "ipfs"))
		require.NoError(t, err)
		t.Cleanup(nodes[i].Stop)
	}
	return nodes
}

func sameTree(t *testing.T, want, got string) {
	t.Helper()
	count := 0
	require.NoError(t, filepath.WalkDir(want, func(p string, d os.DirEntry, err error) error {
		require.NoError(t, err)
		rel, _ := filepath.Rel(want, p)
		if d.IsDir() {
			return nil
		}
		a, err := os.ReadFile(p)
		require.NoError(t, err)
		b, err := os.ReadFile(filepath.Join(got, rel))
		require.NoError(t, err, rel)
		require.True(t, bytes.Equal(a, b), rel)
		count++
		return nil
	}))
	require.Positive(t, count)
}

type lsOut struct {
	Models []struct {
		Model       string      `json:"model"`
		State       string      `json:"state"`
		Bytes       int64       `json:"bytes"`
		ContentHash common.Hash `json:"contentHash"`
	} `json:"models"`
}

// TestPublishPullVerifySeed: a builder publishes a generated multi-megabyte weights folder from its kubo
// node; a second provider pulls it by name:tag, verifies it and serves it (liveness reports it seeded);
// after the builder's node is gone, a third provider pulls it from the second. Tampered content is refused.
func TestPublishPullVerifySeed(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	dir := t.TempDir()
	c := devnettest.StartReleased(t, devnet.DeployOptions{})
	depFile := c.DeploymentFile()
	nodes := swarm(t, ctx, 3)
	builder, second, third := nodes[0], nodes[1], nodes[2]
	require.NoError(t, second.Connect(ctx, builder.Addrs[0]))

	builderKey := "0x" + hex.EncodeToString(crypto.FromECDSA(devnet.DevKey(6)))
	chainArgs := []string{"--rpc", c.Anvil.URL, "--deployment", depFile}
	node := func(n *ipfs.Node, models string) *runner {
		return &runner{t: t, base: append([]string{"--ipfs-api", n.API(), "--models-dir", models}, chainArgs...)}
	}
	rb := node(builder, filepath.Join(dir, "builder-models"))
	r2 := node(second, filepath.Join(dir, "second-models"))
	r3 := node(third, filepath.Join(dir, "third-models"))

	weights := filepath.Join(dir, "weights")
	writeWeights(t, weights, 1, 6)

	// cid: computed locally, nothing stored, reproducible on any node.
	var cidOut struct {
		CID         string      `json:"cid"`
		ContentHash common.Hash `json:"contentHash"`
		Bytes       int64       `json:"bytes"`
	}
	require.NoError(t, json.Unmarshal([]byte(rb.ok("model", "cid", weights, "--json")), &cidOut))
	require.Equal(t, contenthash.CID(cidOut.ContentHash), cidOut.CID)
	require.Greater(t, cidOut.Bytes, int64(5<<20))
	require.Equal(t, cidOut.CID, strings.TrimSpace(strings.Split(r3.ok("model", "cid", weights), "\n")[0]))
	pinned, err := builder.Pinned(ctx, cidOut.CID)
	require.NoError(t, err)
	require.False(t, pinned, "model cid stores nothing")

	// publish: pinned on the builder's node and registered with the CID's digest.
	out := rb.ok("model", "publish", weights, "--name", "acme/tiny:v1", "--fee-bps", "300", "--raw-key", builderKey)
	require.Contains(t, out, "published acme/tiny:v1: "+cidOut.CID)
	pinned, err = builder.Pinned(ctx, cidOut.CID)
	require.NoError(t, err)
	require.True(t, pinned)
	reg, err := c.Models.Model(nil, devnet.ModelID("acme/tiny", "v1"))
	require.NoError(t, err)
	require.Equal(t, cidOut.ContentHash, common.Hash(reg.ContentHash))
	require.Equal(t, uint16(300), reg.FeeBps)
	// Publishing again: only the fee changes, an increase after the registry's notice (shown); publishing
	// the same fee again sends nothing (the notice is not restarted); other weights under the same tag are
	// refused.
	out = rb.ok("model", "publish", weights, "--name", "acme/tiny:v1", "--fee-bps", "450", "--raw-key", builderKey)
	require.Contains(t, out, "builder fee 300 bps, 450 bps from ")
	reg, err = c.Models.Model(nil, devnet.ModelID("acme/tiny", "v1"))
	require.NoError(t, err)
	require.Equal(t, uint16(300), reg.FeeBps, "an increase took effect before its notice")
	pending, err := c.Models.PendingFee(nil, devnet.ModelID("acme/tiny", "v1"))
	require.NoError(t, err)
	require.True(t, pending.Pending)
	require.Equal(t, uint16(450), pending.FeeBps)
	out = rb.ok("model", "publish", weights, "--name", "acme/tiny:v1", "--fee-bps", "450", "--raw-key", builderKey)
	require.NotContains(t, out, "mined in block")
	again, err := c.Models.PendingFee(nil, devnet.ModelID("acme/tiny", "v1"))
	require.NoError(t, err)
	require.Equal(t, pending.EffectiveFrom, again.EffectiveFrom, "re-publishing restarted the notice")
	// Another builder publishing the same weights under the same name:tag is refused, not told "published"
	// with a fee it will never receive (the registry's builder stays the first).
	stranger := "0x" + hex.EncodeToString(crypto.FromECDSA(devnet.DevKey(5)))
	rb.fails("belongs to builder "+crypto.PubkeyToAddress(devnet.DevKey(6).PublicKey).Hex(), "model", "publish", weights,
		"--name", "acme/tiny:v1", "--fee-bps", "450", "--raw-key", stranger)
	other := filepath.Join(dir, "other")
	writeWeights(t, other, 2, 1)
	rb.fails("a content hash never changes", "model", "publish", other, "--name", "acme/tiny:v1", "--fee-bps", "450", "--raw-key", builderKey)
	rb.ok("model", "publish", other, "--name", "acme/other:v1", "--fee-bps", "0", "--raw-key", builderKey)

	// pull on the second provider: fetched from the builder's node, verified, listed.
	pulled := filepath.Join(dir, "served", "tiny")
	out = r2.ok("model", "pull", "acme/tiny:v1", "--to", pulled)
	require.Contains(t, out, "verified against content hash "+cidOut.ContentHash.Hex())
	sameTree(t, weights, pulled)
	var ls lsOut
	require.NoError(t, json.Unmarshal([]byte(r2.ok("model", "ls", "--verify", "--json")), &ls))
	require.Len(t, ls.Models, 1)
	require.Equal(t, "acme/tiny:v1", ls.Models[0].Model)
	require.Equal(t, "verified", ls.Models[0].State)
	require.Equal(t, cidOut.Bytes, ls.Models[0].Bytes)
	r2.fails("already exists", "model", "pull", "acme/tiny:v1", "--to", pulled)
	otherPulled := filepath.Join(dir, "other-pulled")
	r2.ok("model", "pull", "acme/other:v1", "--to", otherPulled)

	// serve --require-verified on the second provider: verifies, seeds, reports seeding in liveness.
	owner := crypto.PubkeyToAddress(devnet.DevKey(7).PublicKey)
	signerKey := "0x" + hex.EncodeToString(crypto.FromECDSA(devnet.DevKey(8)))
	serveArgs := append([]string{"serve", "--require-verified", "--owner", owner.Hex(), "--signer-raw-key", signerKey,
		"--upstream", "http://127.0.0.1:9/v1", "--model", "acme/tiny:v1=tiny"}, r2.base...)
	liveness := startServe(t, ctx, serveArgs)
	require.Equal(t, []common.Hash{cidOut.ContentHash}, liveness.Capacity.Seeding)

	// The builder's node goes away; the third provider pulls from the second only.
	builder.Stop()
	require.NoError(t, third.Connect(ctx, second.Addrs[0]))
	out = r3.ok("model", "pull", "acme/tiny:v1")
	require.Contains(t, out, "verified against content hash")
	require.NoError(t, json.Unmarshal([]byte(r3.ok("model", "ls", "--json")), &ls))
	require.Equal(t, "verified", ls.Models[0].State)

	// Tampering 1: the served weights no longer give the registry's CID (one byte flipped): ls says so and
	// serve refuses to start.
	f := filepath.Join(pulled, "model-00001.safetensors")
	b, err := os.ReadFile(f)
	require.NoError(t, err)
	b[len(b)/2] ^= 1
	require.NoError(t, os.WriteFile(f, b, 0o644))
	require.NoError(t, json.Unmarshal([]byte(r2.ok("model", "ls", "--verify", "--json")), &ls))
	require.Equal(t, "acme/tiny:v1", ls.Models[1].Model)
	require.Equal(t, "mismatch", ls.Models[1].State)
	r2.fails("content does not match the registry", serveArgs[:len(serveArgs)-len(r2.base)]...)
	// … and without --require-verified too: weights pulled here are verified before serving whatever the flag
	// (PROTOCOL §5); the flag only refuses models not pulled.
	r2.fails("content does not match the registry", append([]string{"serve"}, serveArgs[2:len(serveArgs)-len(r2.base)]...)...)

	// Tampering 2: the content of another model under this model's name (acme/other's bytes in the folder
	// pulled for acme/tiny) is refused.
	require.NoError(t, os.RemoveAll(pulled))
	require.NoError(t, os.Rename(otherPulled, pulled))
	r2.fails("content does not match the registry", serveArgs[:len(serveArgs)-len(r2.base)]...)

	// Tampering 3: a truncated fetch. The third node publishes a model, then loses one block; the second,
	// whose only source it is, gives up, and nothing lands on disk or in its manifest.
	partial := filepath.Join(dir, "partial")
	writeWeights(t, partial, 3, 2)
	rp := node(third, filepath.Join(dir, "third-models"))
	rp.ok("model", "publish", partial, "--name", "acme/partial:v1", "--fee-bps", "0", "--raw-key", builderKey)
	var pc struct{ CID string }
	require.NoError(t, json.Unmarshal([]byte(rp.ok("model", "cid", partial, "--json")), &pc))
	kubo(t, third, "pin", "rm", pc.CID)
	leaves := strings.Fields(kubo(t, third, "refs", "-r", "--unique", pc.CID))
	require.Greater(t, len(leaves), 3)
	kubo(t, third, "block", "rm", leaves[len(leaves)/2])
	dest := filepath.Join(dir, "partial-pulled")
	r2.fails("not fully fetched within 3s", "model", "pull", "acme/partial:v1", "--to", dest, "--fetch-timeout", "3s")
	require.NoDirExists(t, dest)
	require.NoError(t, json.Unmarshal([]byte(r2.ok("model", "ls", "--json")), &ls))
	for _, m := range ls.Models {
		require.NotEqual(t, "acme/partial:v1", m.Model)
	}
}

// kubo runs the kubo command line against n's daemon.
func kubo(t *testing.T, n *ipfs.Node, args ...string) string {
	t.Helper()
	bin, err := ipfs.Binary()
	require.NoError(t, err)
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "IPFS_PATH="+n.Dir)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "ipfs %v: %s", args, out)
	return string(out)
}

// startServe runs `provider serve` on a port the kernel picks until the test ends and returns its first
// liveness answer. serve binds the port itself and prints it: a port chosen by the test and freed before
// serve binds it (after verifying and seeding, seconds later under load) could be taken meanwhile by any
// other process, and the test would talk to that one or serve would fail to listen.
func startServe(t *testing.T, ctx context.Context, args []string) wire.LivenessResponse {
	t.Helper()
	sctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	out, outW := io.Pipe()
	go func() {
		root := cli.NewRoot(cli.IO{In: strings.NewReader(""), Out: outW, Err: io.Discard})
		root.SetArgs(append(slices.Clip(args), "--listen", "127.0.0.1:0"))
		err := root.ExecuteContext(sctx)
		outW.Close()
		done <- err
	}()
	t.Cleanup(func() { stop(); <-done })
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if addr, ok := strings.CutPrefix(sc.Text(), "listening on "); ok {
				lines <- addr
				break
			}
		}
		_, _ = io.Copy(io.Discard, out) // anything serve prints later
	}()
	var addr string
	select {
	case addr = <-lines:
	case err := <-done:
		t.Fatalf("serve exited: %v", err)
	case <-ctx.Done():
		t.Fatal(ctx.Err())
	}
	resp, err := http.Post("http://"+addr+"/v1/liveness", "application/json", strings.NewReader(`{"challenge":"0x`+strings.Repeat("11", 32)+`","modelId":"0x`+strings.Repeat("00", 32)+`"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var lr wire.LivenessResponse
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&lr))
	return lr
}
