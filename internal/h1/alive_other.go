//go:build !unix

package h1

import "net"

// prober: without a non-blocking peek, a kept connection counts as alive.
type prober struct{}

func newProber(net.Conn) *prober { return &prober{} }

func (*prober) alive() bool { return true }
