//go:build unix

package h1

import (
	"errors"
	"net"
	"syscall"
)

// prober peeks at a kept connection before it is reused. It is made once per connection (its raw
// connection and peek function are kept), so a probe allocates nothing.
type prober struct {
	rc   syscall.RawConn // nil: c is not a socket (taken as alive)
	fn   func(fd uintptr) bool
	buf  [1]byte
	err  error // the peek's
	fail bool  // its raw connection was unavailable: never reused
}

func newProber(c net.Conn) *prober {
	sc, ok := c.(syscall.Conn)
	if !ok {
		return &prober{}
	}
	rc, err := sc.SyscallConn()
	if err != nil {
		return &prober{fail: true}
	}
	p := &prober{rc: rc}
	p.fn = p.peek
	return p
}

func (p *prober) peek(fd uintptr) bool {
	_, _, p.err = syscall.Recvfrom(int(fd), p.buf[:], syscall.MSG_PEEK|syscall.MSG_DONTWAIT)
	return true
}

// alive reports whether a kept connection may carry a request: a non-blocking peek finds nothing to read
// (a closed connection reads its end, a confused one has bytes nobody asked for).
func (p *prober) alive() bool {
	if p.fail {
		return false
	}
	if p.rc == nil {
		return true
	}
	p.err = nil
	err := p.rc.Read(p.fn)
	return err == nil && (errors.Is(p.err, syscall.EAGAIN) || errors.Is(p.err, syscall.EWOULDBLOCK))
}
