package wire_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/wire"
)

// TestGetJSON: a 200 answer is decoded; a §9 refusal comes back as *wire.Error with its status and code (so
// a caller can treat 404 as "nothing yet"); a non-JSON answer and a dead server are errors, not zero values.
func TestGetJSON(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/v1/ok":
			wire.WriteJSON(w, http.StatusOK, map[string]string{"user": "0x01"})
		case "/v1/garbled":
			_, _ = w.Write([]byte("{not json"))
		default:
			wire.WriteError(w, wire.Errorf(http.StatusNotFound, "no_proof", "nothing for %s", r.URL.Path))
		}
	}))
	defer srv.Close()
	ctx := context.Background()

	var ok struct{ User string }
	require.NoError(t, wire.GetJSON(ctx, srv.URL+"/", "/v1/ok", &ok))
	require.Equal(t, "0x01", ok.User)

	var we *wire.Error
	err := wire.GetJSON(ctx, srv.URL, "/v1/missing", &ok)
	require.True(t, errors.As(err, &we), "got %v", err)
	require.Equal(t, http.StatusNotFound, we.Status)
	require.Equal(t, "no_proof", we.Code)

	err = wire.GetJSON(ctx, srv.URL, "/v1/garbled", &ok)
	require.ErrorContains(t, err, "answer:")
	require.False(t, errors.As(err, &we))

	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close()
	require.ErrorContains(t, wire.GetJSON(ctx, dead.URL, "/v1/ok", &ok), "unreachable at "+dead.URL)
}

func TestIsHTTPURL(t *testing.T) {
	for s, want := range map[string]bool{
		"http://127.0.0.1:8080": true, "https://node.example.com/v1": true, "http://[::1]:8081": true,
		"127.0.0.1:8080": false, "node.example.com": false, "ftp://x": false, "http://": false, "": false, "http://%zz": false,
	} {
		if got := wire.IsHTTPURL(s); got != want {
			t.Errorf("IsHTTPURL(%q) = %v, want %v", s, got, want)
		}
	}
}
