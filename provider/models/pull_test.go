package models_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/contenthash"
	"github.com/laketravis/laketravis/provider/ipfs"
	"github.com/laketravis/laketravis/provider/models"
)

// dagNode is a dag-pb node as `ipfs dag put --input-codec dag-json` reads it.
type dagLink struct {
	Hash  map[string]string `json:"Hash"`
	Name  string            `json:"Name"`
	Tsize uint64            `json:"Tsize"`
}

// craft builds DAGs by hand on n's node, as a hostile builder can: any links and declared sizes.
type craft struct {
	t   *testing.T
	bin string
	n   *ipfs.Node
}

func (c craft) run(stdin []byte, args ...string) string {
	cmd := exec.Command(c.bin, args...)
	cmd.Env = append(os.Environ(), "IPFS_PATH="+c.n.Dir)
	cmd.Stdin = bytes.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	require.NoError(c.t, err, string(out))
	return strings.TrimSpace(string(out))
}

func (c craft) leaf(size int) string {
	return c.run(make([]byte, size), "block", "put", "--cid-codec", "raw")
}

func (c craft) node(data []byte, links ...dagLink) string {
	if links == nil {
		links = []dagLink{}
	}
	raw, err := json.Marshal(map[string]any{"Data": map[string]any{"/": map[string]string{"bytes": base64.RawStdEncoding.EncodeToString(data)}}, "Links": links})
	require.NoError(c.t, err)
	return c.run(raw, "dag", "put", "--store-codec", "dag-pb", "--input-codec", "dag-json")
}

// file is a UnixFS file node of n links to child, each declaring size bytes.
func (c craft) file(child string, size uint64, n int) (string, uint64) {
	var data bytes.Buffer
	varint := func(x uint64) { data.Write(binary.AppendUvarint(nil, x)) }
	data.WriteByte(0x08) // Type: File
	varint(2)
	data.WriteByte(0x18) // filesize
	varint(size * uint64(n))
	links := make([]dagLink, n)
	for i := range links {
		data.WriteByte(0x20) // blocksizes
		varint(size)
		links[i] = dagLink{Hash: map[string]string{"/": child}, Tsize: size}
	}
	return c.node(data.Bytes(), links...), size * uint64(n)
}

func (c craft) dir(name, child string, size uint64) string {
	return c.node([]byte{0x08, 0x01}, dagLink{Hash: map[string]string{"/": child}, Name: name, Tsize: size})
}

// A builder's CID can be a few distinct blocks declaring terabytes (one 1 MiB block linked 174 times, three
// levels deep: 5 TiB from 5 blocks, pinned in a blink). The pull is refused before any of it is written,
// because it does not fit the disk; and like content that pins but does not reproduce its hash, it leaves
// nothing behind: no folder, no pin (the node neither keeps nor seeds bytes that are no model's).
func TestPullRefusesWhatDoesNotFitAndUnpinsWhatItRefuses(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	bin, err := ipfs.Binary()
	require.NoError(t, err)
	dir := t.TempDir()
	n, err := ipfs.StartPrivate(ctx, bin, filepath.Join(dir, "node"))
	require.NoError(t, err)
	defer n.Stop()
	c := craft{t: t, bin: bin, n: n}
	st := &models.Store{Dir: filepath.Join(dir, "models"), IPFS: n.Client}
	refused := func(name, root string, want error) {
		t.Helper()
		h, err := contenthash.Parse(root)
		require.NoError(t, err)
		_, err = st.Pull(ctx, fixedRegistry{h}, name, "", time.Minute)
		require.ErrorIs(t, err, want)
		left, err := os.ReadDir(st.Dir)
		require.NoError(t, err)
		require.Empty(t, left, "a refused pull left files behind")
		pinned, err := n.Pinned(ctx, root)
		require.NoError(t, err)
		require.False(t, pinned, "a refused pull left its content pinned")
	}

	cur, size := c.leaf(1<<20), uint64(1<<20)
	for range 3 {
		cur, size = c.file(cur, size, 174)
	}
	require.Greater(t, size, uint64(5<<40))
	refused("evil/bomb:v1", c.dir("model.safetensors", cur, size), ipfs.ErrTooLarge)

	// 1000-byte chunks are not the registry's import parameters: the bytes pin but hash to another CID.
	small, size := c.file(c.leaf(1000), 1000, 2)
	refused("evil/chunks:v1", c.dir("w.bin", small, size), models.ErrMismatch)
}
