package client_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/wire"
)

// A router list fails over past a refused connection and a 5xx to the first router that answers, which
// then keeps the traffic (sticky); a refusal (4xx) is an answer and is not retried elsewhere.
func TestRouterClientFailsOverAndSticks(t *testing.T) {
	ctx := context.Background()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	down := "http://" + ln.Addr().String()
	require.NoError(t, ln.Close()) // connection refused from now on

	var broken, good atomic.Int32
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		broken.Add(1)
		wire.WriteError(w, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "database down"))
	}))
	defer failing.Close()
	refuse := atomic.Bool{}
	working := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		good.Add(1)
		if refuse.Load() {
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, wire.CodeUnknownSession, "no such session"))
			return
		}
		wire.WriteJSON(w, http.StatusOK, []map[string]string{{"name": "llama:8b"}})
	}))
	defer working.Close()

	rc := client.NewRouterClient(down+", "+failing.URL+","+working.URL+"/", nil)
	require.Equal(t, []string{down, failing.URL, working.URL}, rc.URLs())
	models, err := rc.Models(ctx)
	require.NoError(t, err)
	require.Len(t, models, 1)
	require.Equal(t, working.URL, rc.URL(), "the router that answered is the current one")
	require.EqualValues(t, 1, broken.Load())

	_, err = rc.Models(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 1, broken.Load(), "sticky: the failing router is not asked again")
	require.EqualValues(t, 2, good.Load())

	refuse.Store(true)
	_, err = rc.Session(ctx, [32]byte{1})
	var we *wire.Error
	require.ErrorAs(t, err, &we)
	require.Equal(t, wire.CodeUnknownSession, we.Code)
	require.NotErrorIs(t, err, client.ErrUnreachable)
	require.EqualValues(t, 1, broken.Load(), "a refusal is not retried at another router")
	require.Equal(t, working.URL, rc.URL())

	working.Close() // every router down: the last error says so
	_, err = rc.Models(ctx)
	require.ErrorIs(t, err, client.ErrUnreachable)
}
