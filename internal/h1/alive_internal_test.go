//go:build unix

package h1

import (
	"net"
	"testing"
)

// TestProbeAllocatesNothing: the check before a kept connection is reused finds an idle open connection
// alive and costs no allocation (the raw connection and the peek function are made once per connection).
func TestProbeAllocatesNothing(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		accepted <- c
	}()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if sc := <-accepted; sc != nil {
		defer sc.Close()
	}
	p := newProber(c)
	if !p.alive() {
		t.Fatal("an open idle connection probed dead")
	}
	if n := testing.AllocsPerRun(100, func() { p.alive() }); n != 0 {
		t.Fatalf("a probe allocates %v times, want 0", n)
	}
}
