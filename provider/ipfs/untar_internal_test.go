package ipfs

import (
	"archive/tar"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func archive(t *testing.T, hs ...tar.Header) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, h := range hs {
		if h.Typeflag == tar.TypeReg {
			h.Size = int64(len(h.Name))
		}
		require.NoError(t, tw.WriteHeader(&h))
		if h.Typeflag == tar.TypeReg {
			_, err := tw.Write([]byte(h.Name))
			require.NoError(t, err)
		}
	}
	require.NoError(t, tw.Close())
	return &buf
}

// A hostile seeder's archive cannot write outside the destination, nor plant links or devices.
func TestUntarRefusesEscapesAndSpecialFiles(t *testing.T) {
	const root = "bafyroot"
	good := []tar.Header{{Name: root, Typeflag: tar.TypeDir}, {Name: root + "/d", Typeflag: tar.TypeDir}, {Name: root + "/d/w.bin", Typeflag: tar.TypeReg}}
	dir := filepath.Join(t.TempDir(), "out")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, untar(archive(t, good...), root, dir, Limits{}))
	b, err := os.ReadFile(filepath.Join(dir, "d", "w.bin"))
	require.NoError(t, err)
	require.Equal(t, root+"/d/w.bin", string(b))

	for name, h := range map[string]tar.Header{
		"parent":   {Name: root + "/../escape", Typeflag: tar.TypeReg},
		"deep":     {Name: root + "/d/../../escape", Typeflag: tar.TypeReg},
		"other":    {Name: "bafyother/x", Typeflag: tar.TypeReg},
		"absolute": {Name: "/etc/x", Typeflag: tar.TypeReg},
		"symlink":  {Name: root + "/link", Typeflag: tar.TypeSymlink, Linkname: "/etc/passwd"},
		"hardlink": {Name: root + "/hard", Typeflag: tar.TypeLink, Linkname: root + "/d/w.bin"},
		"device":   {Name: root + "/dev", Typeflag: tar.TypeChar},
	} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			require.NoError(t, os.Mkdir(dir, 0o755))
			err := untar(archive(t, tar.Header{Name: root, Typeflag: tar.TypeDir}, h), root, dir, Limits{})
			require.ErrorIs(t, err, ErrUnsupportedFile)
			require.NoFileExists(t, filepath.Join(parent, "escape"))
		})
	}
}

// A hostile DAG can declare terabytes from a few distinct blocks (one block linked many times): the
// declared sizes and the entry count are refused past the limits before anything past them is written.
func TestUntarRefusesPastLimits(t *testing.T) {
	const root = "bafyroot"
	dirOf := func(t *testing.T) string {
		dir := filepath.Join(t.TempDir(), "out")
		require.NoError(t, os.Mkdir(dir, 0o755))
		return dir
	}

	// One entry declaring 1 TiB: refused from its header, no byte of it written (the body is not even sent).
	var bomb bytes.Buffer
	tw := tar.NewWriter(&bomb)
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: root, Typeflag: tar.TypeDir}))
	require.NoError(t, tw.WriteHeader(&tar.Header{Name: root + "/w.bin", Typeflag: tar.TypeReg, Size: 1 << 40}))
	dir := dirOf(t)
	err := untar(&bomb, root, dir, Limits{Bytes: 1 << 20})
	require.ErrorIs(t, err, ErrTooLarge)
	require.ErrorContains(t, err, `more than 1048576 bytes (at "w.bin")`)
	require.NoFileExists(t, filepath.Join(dir, "w.bin"))

	// Sizes add up across files: the entry that passes the bound is not written, those before it are.
	files := []tar.Header{{Name: root, Typeflag: tar.TypeDir}, {Name: root + "/a", Typeflag: tar.TypeReg},
		{Name: root + "/b", Typeflag: tar.TypeReg}, {Name: root + "/c", Typeflag: tar.TypeReg}}
	dir = dirOf(t)
	each := int64(len(root + "/a"))
	require.ErrorIs(t, untar(archive(t, files...), root, dir, Limits{Bytes: 2 * each}), ErrTooLarge)
	require.FileExists(t, filepath.Join(dir, "b"))
	require.NoFileExists(t, filepath.Join(dir, "c"))
	dir = dirOf(t)
	require.NoError(t, untar(archive(t, files...), root, dir, Limits{Bytes: 3 * each, Entries: 3}))

	// With the filesystem's block size, each entry costs whole blocks and one more: twenty one-byte files
	// are not 20 bytes but 20 × 2 blocks (from a review: a million tiny files declare a megabyte and fill
	// the disk with their blocks and inodes).
	tiny := []tar.Header{{Name: root, Typeflag: tar.TypeDir}}
	for i := range 20 {
		tiny = append(tiny, tar.Header{Name: fmt.Sprintf("%s/%02d", root, i), Typeflag: tar.TypeReg})
	}
	dir = dirOf(t)
	err = untar(archive(t, tiny...), root, dir, Limits{Bytes: 10 * 4096, Block: 4096})
	require.ErrorIs(t, err, ErrTooLarge)
	names, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, names, 5, "five entries of two blocks each fit 10 blocks")

	// Entries count files and folders (inodes): many empty files are refused like many bytes.
	dir = dirOf(t)
	err = untar(archive(t, append(files, tar.Header{Name: root + "/d", Typeflag: tar.TypeDir})...), root, dir, Limits{Entries: 3})
	require.ErrorIs(t, err, ErrTooLarge)
	require.ErrorContains(t, err, `more than 3 files and folders (at "d")`)
	require.NoDirExists(t, filepath.Join(dir, "d"))
}

func TestAPIAddress(t *testing.T) {
	for in, want := range map[string]string{
		"/ip4/127.0.0.1/tcp/5001":   "http://127.0.0.1:5001",
		"/ip4/127.0.0.1/tcp/5001\n": "http://127.0.0.1:5001",
		"http://127.0.0.1:5001/":    "http://127.0.0.1:5001",
		"/ip6/::1/tcp/5001":         "http://[::1]:5001",
	} {
		got, err := apiURL(in)
		require.NoError(t, err, in)
		require.Equal(t, want, got)
	}
	for _, bad := range []string{"", "127.0.0.1:5001", "/ip4/127.0.0.1/udp/5001/quic"} {
		_, err := apiURL(bad)
		require.Error(t, err, bad)
	}
}
