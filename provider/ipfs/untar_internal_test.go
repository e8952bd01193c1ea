package ipfs

import (
	"archive/tar"
	"bytes"
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
	require.NoError(t, untar(archive(t, good...), root, dir))
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
			err := untar(archive(t, tar.Header{Name: root, Typeflag: tar.TypeDir}, h), root, dir)
			require.ErrorIs(t, err, ErrUnsupportedFile)
			require.NoFileExists(t, filepath.Join(parent, "escape"))
		})
	}
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
