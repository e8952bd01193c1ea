package devnet

import (
	"context"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
)

// TestAnvilStatesLeaveNothingBehind: the states an anvil persists go to a directory of its own (not
// ~/.foundry/anvil/tmp, where killed anvils left gigabytes), removed when anvil stops and when it is killed.
func TestAnvilStatesLeaveNothingBehind(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, stop := range []struct {
		name string
		do   func(a *Anvil)
	}{
		{"close", func(a *Anvil) { a.Close() }},
		{"killed", func(a *Anvil) { _ = syscall.Kill(-a.cmd.Process.Pid, syscall.SIGKILL); <-a.done }},
	} {
		t.Run(stop.name, func(t *testing.T) {
			a, err := StartAnvil(ctx, AnvilOptions{})
			require.NoError(t, err)
			defer a.Close()
			c, err := rpc.DialContext(ctx, a.URL)
			require.NoError(t, err)
			defer c.Close()
			require.NoError(t, c.CallContext(ctx, nil, "anvil_mine", "0x200"))
			written, err := os.ReadDir(a.states)
			require.NoError(t, err)
			require.NotEmpty(t, written, "anvil persists its states in its own directory")

			stop.do(a)
			_, err = os.Stat(a.states)
			require.ErrorIs(t, err, os.ErrNotExist, "removed once anvil exited")
		})
	}
}
