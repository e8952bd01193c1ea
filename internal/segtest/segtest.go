//go:build linux

// Package segtest is test support: it sends one HTTP/1.1 request over a new TCP connection and reports the
// answer with the number of TCP data segments that carried it (Linux TCP_INFO), so that a test can assert
// that a whole answer left its server in one write — on loopback one write of up to 64 KiB is one segment,
// and a header written before its body, or a chunked body's terminating chunk, is a second — without
// timing anything or tracing the server. Tests only.
package segtest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"

	"golang.org/x/sys/unix"
)

// Answer is a response read whole, with what carried it.
type Answer struct {
	*http.Response        // Body already read (Bytes) and closed
	Bytes          []byte // the body
	DataSegments   uint32 // TCP segments with data the connection received: the answer's
}

// Send writes req on a new connection to req.URL.Host and reads the answer whole.
func Send(ctx context.Context, req *http.Request) (*Answer, error) {
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", req.URL.Host)
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = c.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if err := req.Write(c); err != nil {
		return nil, err
	}
	resp, err := http.ReadResponse(bufio.NewReader(c), req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return nil, errors.New("segtest: not a TCP connection")
	}
	rc, err := tc.SyscallConn()
	if err != nil {
		return nil, err
	}
	var info *unix.TCPInfo
	var ierr error
	if err := rc.Control(func(fd uintptr) { info, ierr = unix.GetsockoptTCPInfo(int(fd), unix.IPPROTO_TCP, unix.TCP_INFO) }); err != nil {
		return nil, err
	}
	if ierr != nil {
		return nil, fmt.Errorf("segtest: TCP_INFO: %w", ierr)
	}
	return &Answer{Response: resp, Bytes: body, DataSegments: info.Data_segs_in}, nil
}

// CheckWhole reports why a is not a whole answer sent as one write with its length: nil when it carries
// Content-Length equal to its body, no Transfer-Encoding, and arrived in one data segment.
func CheckWhole(a *Answer) error {
	switch {
	case len(a.TransferEncoding) > 0:
		return fmt.Errorf("segtest: the answer is sent with Transfer-Encoding %v, not Content-Length", a.TransferEncoding)
	case a.ContentLength != int64(len(a.Bytes)):
		return fmt.Errorf("segtest: Content-Length %d for a body of %d bytes", a.ContentLength, len(a.Bytes))
	case a.DataSegments != 1:
		return fmt.Errorf("segtest: the answer (%d bytes) came in %d TCP segments, not one write", len(a.Bytes), a.DataSegments)
	}
	return nil
}
