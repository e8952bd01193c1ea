package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
)

// TestSessionFileSavedAtomically: lt saves a session's state (the ticket and acceptance lt close needs)
// as a new file put in place, 0600, never by rewriting the file in place (where a crash mid-write leaves a
// truncated file lt close cannot read): a second save leaves a reader of the first file (here a second
// link to it) the whole first state, and no temporary file stays in the state directory.
func TestSessionFileSavedAtomically(t *testing.T) {
	dir := t.TempDir()
	a := &app{v: viper.New(), out: &bytes.Buffer{}, errOut: &bytes.Buffer{}}
	a.v.Set("state-dir", dir)
	id := common.HexToHash("0xab")
	path, err := a.saveState(id, client.State{RouterURL: "http://first"})
	require.NoError(t, err)
	require.Equal(t, filepath.Join(dir, strings.ToLower(id.Hex())+".json"), path)
	held := filepath.Join(t.TempDir(), "held")
	require.NoError(t, os.Link(path, held))

	_, err = a.saveState(id, client.State{RouterURL: "http://second"})
	require.NoError(t, err)
	read := func(p string) client.State {
		raw, err := os.ReadFile(p)
		require.NoError(t, err)
		var st client.State
		require.NoError(t, json.Unmarshal(raw, &st))
		return st
	}
	require.Equal(t, "http://second", read(path).RouterURL)
	require.Equal(t, "http://first", read(held).RouterURL, "the saved file was rewritten in place")
	st, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, es, 1, "only the session's file")
}

// TestCloseWithoutSessionTakesTheOnlySavedOne: lt close without --session closes the one saved session; with
// none or several saved it says --session is required, naming the saved ones (it used to say only that
// --session must be 0x and 64 hex digits).
func TestCloseWithoutSessionTakesTheOnlySavedOne(t *testing.T) {
	dir := t.TempDir()
	_, err := onlySavedSession(filepath.Join(dir, "absent"))
	require.ErrorContains(t, err, "--session is required: no session is saved in")
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.json"), []byte("{}"), 0o600))
	_, err = onlySavedSession(dir)
	require.ErrorContains(t, err, "no session is saved")

	a, b := "0x"+strings.Repeat("a", 64), "0x"+strings.Repeat("b", 64)
	require.NoError(t, os.WriteFile(filepath.Join(dir, a+".json"), []byte("{}"), 0o600))
	id, err := onlySavedSession(dir)
	require.NoError(t, err)
	require.Equal(t, a, id)

	require.NoError(t, os.WriteFile(filepath.Join(dir, b+".json"), []byte("{}"), 0o600))
	_, err = onlySavedSession(dir)
	require.ErrorContains(t, err, "--session is required: 2 sessions are saved in")
	require.ErrorContains(t, err, a+", "+b)
}
