package main

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"
)

// TestListenInUseStopsFirst: a --listen address another process holds stops the router at once, naming the
// flag and what to do, before it dials the chain (here an RPC URL nothing answers, which would otherwise be
// the error after its retries) or opens its database; it used to open and index first, then end with a
// bare "bind: address already in use".
func TestListenInUseStopsFirst(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer held.Close()
	dir := t.TempDir()
	dep := filepath.Join(dir, "31337.json")
	require.NoError(t, os.WriteFile(dep, []byte(`{"chainId":31337,"contracts":{"Marketplace":"0x0000000000000000000000000000000000000001"}}`), 0o600))
	db := filepath.Join(dir, "router.db")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	err = run(ctx, &config{Deployment: dep, RPCURLs: []string{"http://127.0.0.1:1"}, Database: db, Listen: held.Addr().String()}, zaptest.NewLogger(t))
	require.ErrorContains(t, err, "--listen "+held.Addr().String()+": ")
	require.ErrorContains(t, err, "pick another --listen")
	require.NoFileExists(t, db)
}
