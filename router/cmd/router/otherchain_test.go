package main

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.uber.org/zap"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/devnet/devnettest"
	"github.com/laketravis/laketravis/keys"
	"github.com/laketravis/laketravis/router/store"
)

// TestRefusesADatabaseOfAnotherChain: a router filled its database from a devnet; the devnet is started
// again (same chain id, same contract addresses, other blocks) and the router is started on the same
// --database: it refuses to start with store.ErrOtherChain, saying to use a new --database (it used to
// re-index the new chain's events and keep the old chain's sessions, nonces, usage and feed, which keepers
// then rejected). On the chain it was filled from it starts again as before.
func TestRefusesADatabaseOfAnotherChain(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dir := t.TempDir()
	db := filepath.Join(dir, "router.db")
	cfgOn := func(c *devnettest.Chain, name string) *config {
		dep := filepath.Join(dir, name+".json")
		require.NoError(t, c.WriteDeployment(dep))
		return &config{RPCURLs: []string{c.Anvil.URL}, Deployment: dep, Key: keys.Source{RawKey: "0x" + devnet.DevKeys[1]},
			Listen: "127.0.0.1:0", Database: db, LogRange: 2000, PollInterval: 200 * time.Millisecond,
			RPCTimeout: 10 * time.Second, LivenessTimeout: 2 * time.Second, QueueTimeout: 2 * time.Second, QueueSize: 16, Grace: time.Minute,
			ShutdownTimeout: 5 * time.Second, BudgetTTL: time.Second, LogLevel: "warn"}
	}
	first := devnettest.Start(t)
	_, stop := startRouter(t, ctx, cfgOn(first, "first"), zap.WarnLevel)
	stop()

	second := devnettest.Start(t)
	require.Equal(t, first.Addr("Marketplace"), second.Addr("Marketplace"), "the same addresses: only the blocks tell the chains apart")
	onSecond := cfgOn(second, "second")
	runCtx, stopRun := context.WithCancel(ctx)
	defer stopRun()
	onSecond.listening = func(string) { stopRun() } // started after all: stop it, so the test fails at once
	err := run(runCtx, onSecond, zaptest.NewLogger(t))
	require.ErrorIs(t, err, store.ErrOtherChain)
	require.ErrorContains(t, err, "new --database")

	_, stop = startRouter(t, ctx, cfgOn(first, "first"), zap.WarnLevel)
	stop()
}
