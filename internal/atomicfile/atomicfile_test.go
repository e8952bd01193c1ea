package atomicfile_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/atomicfile"
)

// entries lists dir's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestWriteFailingMidwayKeepsTheOldFile: a write that dies after writing half its content (a crash, a full
// disk) leaves the file whole as it was, and no temporary file. Written in place (os.WriteFile), the file
// would be truncated to the half.
func TestWriteFailingMidwayKeepsTheOldFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	require.NoError(t, atomicfile.WriteFile(path, []byte(`{"old":true}`), 0o600))
	broke := errors.New("disk gone")
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		_, _ = w.Write([]byte(`{"new":`))
		return broke
	})
	require.ErrorIs(t, err, broke)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, `{"old":true}`, string(got))
	require.Equal(t, []string{"state.json"}, entries(t, filepath.Dir(path)))
}

// TestWriteReplacesNeverRewritesInPlace: a second write puts a new file in place (a reader holding the
// old one, here a second link, still sees it whole) with the mode asked for, rather than truncating and
// rewriting the file a crash could then leave in part.
func TestWriteReplacesNeverRewritesInPlace(t *testing.T) {
	dir := t.TempDir()
	path, held := filepath.Join(dir, "f"), filepath.Join(dir, "held")
	require.NoError(t, atomicfile.WriteFile(path, []byte("one"), 0o600))
	require.NoError(t, os.Link(path, held))
	require.NoError(t, atomicfile.WriteFile(path, []byte("two"), 0o644))
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "two", string(got))
	old, err := os.ReadFile(held)
	require.NoError(t, err)
	require.Equal(t, "one", string(old), "the old file was rewritten in place")
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	require.ElementsMatch(t, []string{"f", "held"}, entries(t, dir))
}

// TestCreateNeverReplaces: Create of an existing file is os.ErrExist and leaves that file as it was.
func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.json")
	require.NoError(t, atomicfile.Create(path, []byte("first"), 0o600))
	require.ErrorIs(t, atomicfile.Create(path, []byte("second"), 0o600), os.ErrExist)
	got, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "first", string(got))
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	require.Equal(t, []string{"report.json"}, entries(t, dir))
}
