package keys

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// A keystore's errors tell a missing file, a missing password and a wrong password apart, each with what
// to do next; the wrong-password case does not claim that no password was given.
func TestLoadErrorsSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	_, path, err := Create(dir, "right", Light)
	require.NoError(t, err)
	wrong := filepath.Join(dir, "wrong.pw")
	require.NoError(t, os.WriteFile(wrong, []byte("wrong\n"), 0o600))

	_, err = Load(Source{Keystore: filepath.Join(dir, "missing.json"), PasswordFile: wrong}, 31337)
	require.ErrorIs(t, err, fs.ErrNotExist)
	require.ErrorContains(t, err, "`lt keys create` or `lt keys import` makes one")

	_, err = Load(Source{Keystore: path}, 31337)
	require.ErrorIs(t, err, ErrBadPassword)
	require.ErrorContains(t, err, "no password was given: pass --password-file")

	_, err = Load(Source{Keystore: path, PasswordFile: wrong}, 31337)
	require.ErrorIs(t, err, ErrBadPassword)
	require.NotContains(t, err.Error(), "no password was given")

	_, err = Load(Source{}, 31337)
	require.ErrorIs(t, err, ErrNoKey)
	require.ErrorContains(t, err, "--keystore <file> with --password-file <file>")

	key, err := Load(Source{Keystore: path, Password: "right"}, 31337)
	require.NoError(t, err)
	require.NotNil(t, key)
}
