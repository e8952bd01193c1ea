package main

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
)

// TestMaxConnsPerIPFlag: --max-conns-per-ip (LT_KEEPER_MAX_CONNS_PER_IP, config key max-conns-per-ip) is
// the HTTP server's bound of connections per client address (internal/service TestConnsPerIP).
func TestMaxConnsPerIPFlag(t *testing.T) {
	servicetest.MaxConnsPerIP(t, "LT_KEEPER_MAX_CONNS_PER_IP", func(args ...string) int {
		cmd, v := newCommand()
		require.NoError(t, cmd.ParseFlags(args))
		if f := v.GetString("config"); f != "" {
			v.SetConfigFile(f)
			require.NoError(t, v.ReadInConfig())
		}
		return httpServer(v, nil).MaxConnsPerIP
	})
}
