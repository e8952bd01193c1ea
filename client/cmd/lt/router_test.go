package main

import (
	"testing"

	"github.com/spf13/viper"
	"github.com/stretchr/testify/require"
)

// TestRouterURLWithoutScheme: --router without its scheme is refused naming the flag and an example (it used
// to fail at the first request as `parse "127.0.0.1:8080/v1/rfc": first path segment in URL cannot
// contain colon`).
func TestRouterURLWithoutScheme(t *testing.T) {
	a := &app{v: viper.New()}
	a.v.Set("router", []string{"http://127.0.0.1:8080,127.0.0.1:8081"})
	_, err := a.router()
	require.ErrorContains(t, err, `--router "127.0.0.1:8081" is not an http(s) base URL`)
	require.ErrorContains(t, err, "e.g. http://127.0.0.1:8080")

	a.v.Set("router", []string{"http://127.0.0.1:8080", "https://router.example.net"})
	r, err := a.router()
	require.NoError(t, err)
	require.Equal(t, []string{"http://127.0.0.1:8080", "https://router.example.net"}, r.URLs())
}
