package main

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestRetiredKeystoreConfig: --retired-keystore (comma-separated or repeated; LT_ROUTER_RETIRED_KEYSTORE,
// config key retired-keystore) loads each keystore with --password-file, or --retired-password-file when
// given, next to the ticket key (router/api TestCloseSignedByRetiredTicketKey: they sign only their
// sessions' closes). A keystore that does not load, the ticket key itself or a key listed twice stops the
// start, naming the file.
func TestRetiredKeystoreConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		f := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(f, []byte(content), 0o600))
		return f
	}
	pw, otherPW := write("pw", "secret\n"), write("other.pw", "other\n")
	create := func(password string) (common.Address, string) {
		a, f, err := keys.Create(filepath.Join(dir, "keys"), password, keys.Light)
		require.NoError(t, err)
		return a, f
	}
	cur, curFile := create("secret")
	old1, old1File := create("secret")
	old2, old2File := create("secret")
	old3, old3File := create("other")

	base := []string{"--rpc", "http://127.0.0.1:8545", "--deployment", "d.json", "--keystore", curFile, "--password-file", pw}
	signers := func(args ...string) (common.Address, []common.Address, error) {
		c, err := loadArgs(t, base, args...)
		require.NoError(t, err)
		signer, retired, err := loadSigners(context.Background(), c, 31337)
		if err != nil {
			return common.Address{}, nil, err
		}
		var got []common.Address
		for _, k := range retired {
			got = append(got, k.Address())
		}
		return signer.Address(), got, nil
	}
	signer, retired, err := signers()
	require.NoError(t, err)
	require.Equal(t, cur, signer)
	require.Empty(t, retired)
	for _, args := range [][]string{
		{"--retired-keystore", old1File, "--retired-keystore", old2File},
		{"--retired-keystore", old1File + "," + old2File},
	} {
		signer, retired, err = signers(args...)
		require.NoError(t, err, args)
		require.Equal(t, cur, signer, "the ticket key stays --keystore's")
		require.Equal(t, []common.Address{old1, old2}, retired, args)
	}

	t.Setenv("LT_ROUTER_RETIRED_KEYSTORE", old2File)
	_, retired, err = signers()
	require.NoError(t, err)
	require.Equal(t, []common.Address{old2}, retired)
	os.Unsetenv("LT_ROUTER_RETIRED_KEYSTORE")

	f := write("router.yaml", "retired-keystore: ["+old3File+"]\nretired-password-file: "+otherPW+"\n")
	_, retired, err = signers("--config", f)
	require.NoError(t, err)
	require.Equal(t, []common.Address{old3}, retired, "the config file's keystore, with its own password")

	missing := filepath.Join(dir, "missing.json")
	_, _, err = signers("--retired-keystore", missing)
	require.ErrorIs(t, err, fs.ErrNotExist)
	require.ErrorContains(t, err, "--retired-keystore "+missing)
	_, _, err = signers("--retired-keystore", old3File)
	require.ErrorIs(t, err, keys.ErrBadPassword, "--password-file's password does not open it")
	require.ErrorContains(t, err, "--retired-keystore "+old3File)
	_, _, err = signers("--retired-keystore", curFile)
	require.ErrorContains(t, err, "the current ticket key")
	_, _, err = signers("--retired-keystore", old1File+","+old1File)
	require.ErrorContains(t, err, "hold the same key "+old1.Hex())

	// More than wire.MaxRetiredKeys: refused before any keystore is opened (their proofs would not fit a
	// liveness answer, and the providers would then map none of this router's keys).
	many := make([]string, wire.MaxRetiredKeys+1)
	for i := range many {
		many[i] = filepath.Join(dir, fmt.Sprintf("old%d.json", i))
	}
	_, err = loadArgs(t, base, "--retired-keystore", strings.Join(many, ","))
	require.ErrorContains(t, err, fmt.Sprintf("lists %d keystores, at most %d", len(many), wire.MaxRetiredKeys))
}
