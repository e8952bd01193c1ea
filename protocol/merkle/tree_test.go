package merkle_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/protocol/merkle"
)

// randomEntries returns n entries with distinct random accounts and amounts biased to the edges.
func randomEntries(seed uint64, n int) []merkle.Entry {
	r := rand.New(rand.NewPCG(seed, 0x5eed))
	out := make([]merkle.Entry, n)
	for i := range out {
		for j := range out[i].Account {
			out[i].Account[j] = byte(r.UintN(256))
		}
		switch r.IntN(5) {
		case 0: // zero
		case 1:
			out[i].Amount.SetAllOne()
		case 2:
			out[i].Amount.SetUint64(r.Uint64N(1000))
		default:
			out[i].Amount = uint256.Int{r.Uint64(), r.Uint64(), r.Uint64() >> r.UintN(64), 0}
		}
	}
	return out
}

// ozOutput is what testdata/ozroot.mjs prints.
type ozOutput struct {
	Root   common.Hash     `json:"root"`
	Proofs [][]common.Hash `json:"proofs"`
	Dump   json.RawMessage `json:"dump"`
}

// runOZ builds the tree of entries with @openzeppelin/merkle-tree (through testdata/ozroot.mjs).
// A missing node or node_modules fails the test: `make test` installs them, and a skip would hide a
// broken compatibility check.
func runOZ(t *testing.T, root string, entries []merkle.Entry) ozOutput {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("node not found in PATH (%v): install Node.js 20 and run `npm ci` (or `make test`) in %s", err, root)
	}
	if _, err := os.Stat(filepath.Join(root, "node_modules", "@openzeppelin", "merkle-tree", "package.json")); err != nil {
		t.Fatalf("@openzeppelin/merkle-tree is not installed in %s/node_modules (%v): run `npm ci` (or `make test`)", root, err)
	}
	values := make([][2]string, len(entries))
	for i, e := range entries {
		values[i] = [2]string{e.Account.Hex(), e.Amount.Dec()}
	}
	in, err := json.Marshal(values)
	require.NoError(t, err)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join("testdata", "ozroot.mjs"))
	cmd.Env = append(os.Environ(), "LAKETRAVIS_ROOT="+root)
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ozroot.mjs failed: %v\nstderr: %s", err, stderr.String())
	}
	var out ozOutput
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &out))
	return out
}

// TestMatchesOpenZeppelin: for random sets of several sizes (odd, even, powers of two and their
// neighbours), root, every proof and the whole dump equal the JavaScript library's.
func TestMatchesOpenZeppelin(t *testing.T) {
	root, err := devnet.RepoRoot()
	require.NoError(t, err)
	for _, n := range []int{1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 100, 1000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			entries := randomEntries(uint64(n), n)
			tree, err := merkle.Build(entries)
			require.NoError(t, err)
			oz := runOZ(t, root, entries)

			require.Equal(t, oz.Root, tree.Root(), "root")
			require.Len(t, oz.Proofs, n)
			for i, e := range entries {
				proof, amount, err := tree.Proof(e.Account)
				require.NoError(t, err)
				require.Equal(t, e.Amount, amount)
				if len(oz.Proofs[i]) == 0 {
					require.Empty(t, proof, "proof %d", i)
				} else {
					require.Equal(t, oz.Proofs[i], proof, "proof %d", i)
				}
				require.True(t, merkle.Verify(tree.Root(), merkle.LeafHash(e.Account, &e.Amount), proof))
			}

			dump, err := json.Marshal(tree)
			require.NoError(t, err)
			require.Equal(t, string(oz.Dump), string(dump), "dump differs from tree.dump()")

			loaded, err := merkle.Load(oz.Dump)
			require.NoError(t, err, "Load of the library's dump")
			require.Equal(t, tree.Root(), loaded.Root())
			require.Equal(t, entries, loaded.Entries())
		})
	}
}

// TestKnownVector pins a root computed by @openzeppelin/merkle-tree 1.0.8 (testdata/ozroot.mjs).
func TestKnownVector(t *testing.T) {
	entries := []merkle.Entry{
		{Account: common.HexToAddress("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), Amount: *uint256.NewInt(1000)},
		{Account: common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"), Amount: *uint256.NewInt(25)},
	}
	tree, err := merkle.Build(entries)
	require.NoError(t, err)
	require.Equal(t, common.HexToHash("0x68a2c08e0c153529f3ed2164b31214b9cca8ba74b62c48a1d68ce99774f3cc59"), tree.Root())
	proof, _, err := tree.Proof(entries[0].Account)
	require.NoError(t, err)
	require.Equal(t, []common.Hash{common.HexToHash("0x08edec920d064f88721535c2741e6af376a0710e4afdc8e6ad822aeceda1d400")}, proof)
}

// TestLeafHash checks the leaf against go-ethereum's ABI encoder:
// keccak256(bytes.concat(keccak256(abi.encode(account, amount)))).
func TestLeafHash(t *testing.T) {
	addressT, err := abi.NewType("address", "", nil)
	require.NoError(t, err)
	uint256T, err := abi.NewType("uint256", "", nil)
	require.NoError(t, err)
	args := abi.Arguments{{Type: addressT}, {Type: uint256T}}
	for _, e := range randomEntries(3, 50) {
		enc, err := args.Pack(e.Account, e.Amount.ToBig())
		require.NoError(t, err)
		want := crypto.Keccak256Hash(crypto.Keccak256(enc))
		require.Equal(t, want, merkle.LeafHash(e.Account, &e.Amount))
	}
}

func TestNodeHashCommutative(t *testing.T) {
	a, b := common.HexToHash("0x01"), common.HexToHash("0x02")
	require.Equal(t, merkle.NodeHash(a, b), merkle.NodeHash(b, a))
	require.Equal(t, crypto.Keccak256Hash(a[:], b[:]), merkle.NodeHash(b, a), "smaller first")
}

func TestBuildErrors(t *testing.T) {
	acct := common.HexToAddress("0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
	tests := []struct {
		name    string
		entries []merkle.Entry
		wantErr error
	}{
		{"nil", nil, merkle.ErrEmpty},
		{"empty", []merkle.Entry{}, merkle.ErrEmpty},
		{"duplicate account, same amount", []merkle.Entry{{Account: acct}, {Account: acct}}, merkle.ErrDuplicateAccount},
		{"duplicate account, other amount", []merkle.Entry{
			{Account: acct, Amount: *uint256.NewInt(1)}, {Account: common.Address{1}}, {Account: acct, Amount: *uint256.NewInt(2)},
		}, merkle.ErrDuplicateAccount},
		{"zero address and zero amount are ordinary", []merkle.Entry{{}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tree, err := merkle.Build(tt.entries)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				require.Nil(t, tree)
				return
			}
			require.NoError(t, err)
		})
	}
}

func TestProofsAndVerify(t *testing.T) {
	entries := randomEntries(11, 37)
	tree, err := merkle.Build(entries)
	require.NoError(t, err)
	require.Equal(t, 37, tree.Len())

	// Input order changes nothing but the dump's value order.
	shuffled := append([]merkle.Entry(nil), entries...)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	other, err := merkle.Build(shuffled)
	require.NoError(t, err)
	require.Equal(t, tree.Root(), other.Root())

	for _, e := range entries {
		proof, amount, err := tree.Proof(e.Account)
		require.NoError(t, err)
		leaf := merkle.LeafHash(e.Account, &amount)
		require.True(t, merkle.Verify(tree.Root(), leaf, proof))

		otherProof, _, err := other.Proof(e.Account)
		require.NoError(t, err)
		require.Equal(t, proof, otherProof)

		// A different amount, a tampered proof or a truncated proof must fail.
		var more uint256.Int
		more.AddUint64(&amount, 1)
		require.False(t, merkle.Verify(tree.Root(), merkle.LeafHash(e.Account, &more), proof))
		if len(proof) > 0 {
			bad := append([]common.Hash(nil), proof...)
			bad[len(bad)-1][0] ^= 1
			require.False(t, merkle.Verify(tree.Root(), leaf, bad))
			require.False(t, merkle.Verify(tree.Root(), leaf, proof[:len(proof)-1]))
		}
	}

	_, _, err = tree.Proof(common.Address{0xde, 0xad})
	require.ErrorIs(t, err, merkle.ErrNotFound)

	// Build copies its input.
	entries[0].Amount.SetUint64(123456789)
	again, _, err := tree.Proof(entries[0].Account)
	require.NoError(t, err)
	require.True(t, merkle.Verify(tree.Root(), merkle.LeafHash(entries[0].Account, &shuffled[slicesIndex(shuffled, entries[0].Account)].Amount), again))
}

func slicesIndex(es []merkle.Entry, a common.Address) int {
	for i, e := range es {
		if e.Account == a {
			return i
		}
	}
	return -1
}

func TestSingleLeaf(t *testing.T) {
	e := merkle.Entry{Account: common.Address{7}, Amount: *uint256.NewInt(9)}
	tree, err := merkle.Build([]merkle.Entry{e})
	require.NoError(t, err)
	require.Equal(t, merkle.LeafHash(e.Account, &e.Amount), tree.Root())
	proof, _, err := tree.Proof(e.Account)
	require.NoError(t, err)
	require.Empty(t, proof)
	require.True(t, merkle.Verify(tree.Root(), tree.Root(), nil))
}

func TestLoad(t *testing.T) {
	tree, err := merkle.Build(randomEntries(5, 9))
	require.NoError(t, err)
	dump, err := json.Marshal(tree)
	require.NoError(t, err)
	good := string(dump)

	loaded, err := merkle.Load(dump)
	require.NoError(t, err)
	require.Equal(t, tree.Root(), loaded.Root())
	redump, err := json.Marshal(loaded)
	require.NoError(t, err)
	require.Equal(t, good, string(redump))

	var d map[string]any
	require.NoError(t, json.Unmarshal(dump, &d))
	firstNode := d["tree"].([]any)[0].(string)
	firstValue := d["values"].([]any)[0].(map[string]any)
	firstAmount := firstValue["value"].([]any)[1].(string)
	firstIndex := fmt.Sprintf(`"treeIndex":%v}`, firstValue["treeIndex"])

	tests := []struct {
		name string
		data string
		ok   bool
	}{
		{"numeric amount", strings.Replace(good, `"`+firstAmount+`"]`, firstAmount+`]`, 1), true},
		{"not JSON", "{", false},
		{"wrong format", strings.Replace(good, "standard-v1", "simple-v1", 1), false},
		{"wrong encoding", strings.Replace(good, `["address","uint256"]`, `["address","uint128"]`, 1), false},
		{"unknown field", strings.Replace(good, `{"format"`, `{"x":1,"format"`, 1), false},
		{"tampered root", strings.Replace(good, firstNode, "0x"+strings.Repeat("00", 32), 1), false},
		{"tampered treeIndex", strings.Replace(good, firstIndex, `"treeIndex":0}`, 1), false},
		{"tampered amount", strings.Replace(good, `"`+firstAmount+`"]`, `"`+firstAmount+`1"]`, 1), false},
		{"negative amount", strings.Replace(good, `"`+firstAmount+`"]`, `"-1"]`, 1), false},
		{"no values", `{"format":"standard-v1","leafEncoding":["address","uint256"],"tree":[],"values":[]}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := merkle.Load([]byte(tt.data))
			if tt.ok {
				require.NoError(t, err)
				require.Equal(t, tree.Root(), got.Root())
				return
			}
			require.ErrorIs(t, err, merkle.ErrInvalidDump)
		})
	}
}

func BenchmarkBuild100k(b *testing.B) {
	entries := randomEntries(100_000, 100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := merkle.Build(entries); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkProof100k(b *testing.B) {
	entries := randomEntries(100_000, 100_000)
	tree, err := merkle.Build(entries)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, err := tree.Proof(entries[i%len(entries)].Account); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkVerify100k(b *testing.B) {
	entries := randomEntries(100_000, 100_000)
	tree, err := merkle.Build(entries)
	if err != nil {
		b.Fatal(err)
	}
	proof, amount, err := tree.Proof(entries[0].Account)
	if err != nil {
		b.Fatal(err)
	}
	leaf := merkle.LeafHash(entries[0].Account, &amount)
	b.ReportAllocs()
	for b.Loop() {
		if !merkle.Verify(tree.Root(), leaf, proof) {
			b.Fatal("proof does not verify")
		}
	}
}

func BenchmarkDump100k(b *testing.B) {
	tree, err := merkle.Build(randomEntries(100_000, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := tree.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzLoad: dumps are published for anyone to check (PROTOCOL §8 batch file) and so may be hostile;
// Load must never panic and only fail with ErrInvalidDump.
func FuzzLoad(f *testing.F) {
	tree, err := merkle.Build(randomEntries(1, 3))
	if err != nil {
		f.Fatal(err)
	}
	dump, err := json.Marshal(tree)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(dump)
	f.Add([]byte(`{"format":"standard-v1","leafEncoding":["address","uint256"],"tree":["0x00"],"values":[{"value":["0x0",1],"treeIndex":-1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := merkle.Load(data)
		if err != nil {
			if !errors.Is(err, merkle.ErrInvalidDump) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		for _, e := range got.Entries() {
			proof, amount, err := got.Proof(e.Account)
			if err != nil || !merkle.Verify(got.Root(), merkle.LeafHash(e.Account, &amount), proof) {
				t.Fatalf("loaded tree cannot prove %s: %v", e.Account, err)
			}
		}
	})
}
