package keys

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

const anvilKey0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

func TestStoreLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	addr, path, err := Create(dir, "correct horse", Light)
	require.NoError(t, err)
	info, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	key, err := Load(Source{Keystore: path, Password: "correct horse"}, 42161)
	require.NoError(t, err)
	require.Equal(t, addr, crypto.PubkeyToAddress(key.PublicKey))

	pwFile := filepath.Join(dir, "pw")
	require.NoError(t, os.WriteFile(pwFile, []byte("correct horse\n"), 0o600))
	key, err = Load(Source{Keystore: path, PasswordFile: pwFile}, 1)
	require.NoError(t, err)
	require.Equal(t, addr, crypto.PubkeyToAddress(key.PublicKey))

	_, err = Load(Source{Keystore: path, Password: "wrong"}, 1)
	require.ErrorIs(t, err, ErrBadPassword)

	entries, err := List(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "the password file is not a keystore")
	require.Equal(t, addr, entries[0].Address)
	found, err := Find(dir, addr)
	require.NoError(t, err)
	require.Equal(t, path, found)

	// An empty password is refused, and nothing is written (a keystore anyone can open is a raw key on
	// disk); a keystore is written whole through a temporary file and never replaces one.
	_, _, err = Create(dir, "", Light)
	require.ErrorContains(t, err, "refusing an empty keystore password")
	names, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, names, 2, "the keystore and the password file only: nothing else written or left behind")
}

func TestRawKeyOnlyOnDevnet(t *testing.T) {
	key, err := Load(Source{RawKey: "0x" + anvilKey0}, 31337)
	require.NoError(t, err)
	require.Equal(t, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", crypto.PubkeyToAddress(key.PublicKey).Hex())

	for _, chain := range []uint64{1, 42161, 421614} {
		_, err = Load(Source{RawKey: anvilKey0}, chain)
		require.ErrorIs(t, err, ErrRawKeyNotDevnet, "chain %d", chain)
	}
	_, err = Load(Source{RawKey: "0xzz"}, 31337)
	require.Error(t, err)
	_, err = Load(Source{}, 31337)
	require.ErrorIs(t, err, ErrNoKey)
}

func TestImportedKeyKeepsAddress(t *testing.T) {
	dir := t.TempDir()
	raw, err := crypto.HexToECDSA(anvilKey0)
	require.NoError(t, err)
	path, err := Store(dir, raw, "pw", Light)
	require.NoError(t, err)
	key, err := Load(Source{Keystore: path, Password: "pw"}, 1)
	require.NoError(t, err)
	require.Equal(t, raw.D, key.D)
	_, err = Store(dir, raw, "pw", Light) // a second import is a second file, never an overwrite
	require.NoError(t, err)
	entries, err := List(dir)
	require.NoError(t, err)
	require.Len(t, entries, 2)
}
