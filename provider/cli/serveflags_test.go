package cli_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/service/servicetest"
	"github.com/laketravis/laketravis/provider/cli"
)

// TestServeMaxConnsPerIP: serve's --max-conns-per-ip (LT_PROVIDER_MAX_CONNS_PER_IP, config key
// max-conns-per-ip) is the server's bound of connections per client address (provider/server
// TestMaxConnsPerIPReachesTheListener, internal/service TestConnsPerIP).
func TestServeMaxConnsPerIP(t *testing.T) {
	servicetest.MaxConnsPerIP(t, "LT_PROVIDER_MAX_CONNS_PER_IP", func(args ...string) int {
		c, err := cli.ServeConfig(args...)
		require.NoError(t, err)
		require.NotNil(t, c.RateIP)
		return c.MaxConnsPerIP
	})
}
