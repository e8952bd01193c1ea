package models_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/contenthash"
	"github.com/laketravis/laketravis/provider/ipfs"
	"github.com/laketravis/laketravis/provider/models"
)

// The measurement: publish (add + pin) and pull-to-verified (fetch from another node on a loopback swarm,
// export, re-hash, move into place) of a 100 MB weights folder, in MB/s, against copying the same bytes
// locally (BenchmarkWeights/copy-local, the baseline of the same run).

const benchBytes = 100 << 20

// fixedRegistry answers one content hash: the benchmark measures the IPFS path, not a chain read
// (the chain path is covered by the CLI's tests on anvil).
type fixedRegistry struct{ h common.Hash }

func (r fixedRegistry) ContentHash(context.Context, string) (common.Hash, error) { return r.h, nil }

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		t := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(t, 0o755)
		}
		in, err := os.Open(p)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.Create(t)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

func BenchmarkWeights(b *testing.B) {
	ctx := context.Background()
	bin, err := ipfs.Binary()
	require.NoError(b, err)
	dir := b.TempDir()
	seeder, err := ipfs.StartPrivate(ctx, bin, filepath.Join(dir, "seeder"))
	require.NoError(b, err)
	defer seeder.Stop()
	puller, err := ipfs.StartPrivate(ctx, bin, filepath.Join(dir, "puller"))
	require.NoError(b, err)
	defer puller.Stop()
	require.NoError(b, puller.Connect(ctx, seeder.Addrs[0]))
	seed := uint64(0)
	fresh := func() string { // new bytes every time, so no node already holds them
		seed++
		p := filepath.Join(dir, fmt.Sprintf("weights-%d", seed))
		require.NoError(b, models.Generate(p, seed, benchBytes))
		return p
	}

	b.Run("copy-local", func(b *testing.B) {
		src := fresh()
		b.SetBytes(benchBytes)
		b.ResetTimer()
		for i := range b.N {
			require.NoError(b, copyTree(src, filepath.Join(dir, fmt.Sprintf("copy-%d", i))))
		}
	})
	b.Run("publish", func(b *testing.B) {
		b.SetBytes(benchBytes)
		for range b.N {
			b.StopTimer()
			src := fresh()
			b.StartTimer()
			_, err := seeder.Add(ctx, src, false)
			require.NoError(b, err)
		}
	})
	b.Run("pull-verified", func(b *testing.B) {
		store := &models.Store{Dir: filepath.Join(dir, "store"), IPFS: puller.Client}
		b.SetBytes(benchBytes)
		for i := range b.N {
			b.StopTimer()
			added, err := seeder.Add(ctx, fresh(), false)
			require.NoError(b, err)
			h, err := contenthash.Parse(added.CID)
			require.NoError(b, err)
			b.StartTimer()
			_, err = store.Pull(ctx, fixedRegistry{h}, fmt.Sprintf("bench:%d", i), "", 10*time.Minute)
			require.NoError(b, err)
		}
	})
}
