package chain_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
)

// An RPC URL's secret parts (an API key in the path or query, a password) never reach an error's text:
// a transport error (*url.Error) repeats the whole URL, and the services answer chain errors to anyone
// (a 502's message) and log them. The errors still unwrap to the transport's.
func TestErrorsRedactTheURL(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"http://127.0.0.1:1/v2/SECRETKEY", "http://127.0.0.1:1/?apikey=SECRETKEY", "http://127.0.0.1:1?apikey=SECRETKEY",
		"http://user:SECRETKEY@127.0.0.1:1/", "http://127.0.0.1:1/rpc#SECRETKEY"} {
		require.Equal(t, "http://127.0.0.1:1", chain.RedactURL(u))
		c, err := chain.Dial(ctx, []string{u}, chain.Options{CallTimeout: time.Second, Rounds: 1})
		require.NoError(t, err)
		_, err = c.ChainID(ctx)
		c.Close()
		require.Error(t, err)
		require.NotContains(t, err.Error(), "SECRET", u)
		require.Contains(t, err.Error(), "http://127.0.0.1:1", u)
		var ue *url.Error
		require.ErrorAs(t, err, &ue, u)
	}
	_, err := chain.Dial(ctx, []string{"nope://127.0.0.1:1/SECRETKEY"}, chain.Options{})
	require.Error(t, err)
	require.NotContains(t, err.Error(), "SECRET")
}
