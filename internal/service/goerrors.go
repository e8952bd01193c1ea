package service

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"

	"github.com/laketravis/laketravis/protocol/wire"
)

// envelopeListener hands net/http connections (envelopeConn) whose few answers the server writes itself,
// before any handler runs, carry the PROTOCOL §9 envelope like every other refusal: headers over
// MaxHeaderBytes (431), a request line or header it cannot parse, no Host or several (400), an HTTP version
// it does not speak (505), a transfer coding it does not know (501). net/http writes them in plain text
// straight to the connection, with no hook to change them.
type envelopeListener struct{ net.Listener }

func (l envelopeListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &envelopeConn{Conn: c}, nil
}

// goErrorHeaders is the header block net/http's own refusals end their status line with (its
// errorHeaders). A handler's answer never holds it: the server writes a handler's header fields sorted,
// Connection before Content-Type.
var goErrorHeaders = []byte("\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n")

type envelopeConn struct{ net.Conn }

// Write passes everything through but net/http's own refusals, each one Write of the whole answer (status
// line, goErrorHeaders, a plain-text body), which it rewrites with the same status as the §9 envelope: the
// body's text as the message, too_large for 431, bad_request otherwise.
func (c *envelopeConn) Write(b []byte) (int, error) {
	// The prefix first: a handler's body and stream chunks are never searched.
	if !bytes.HasPrefix(b, []byte("HTTP/1.1 ")) || len(b) < len("HTTP/1.1 999") {
		return c.Conn.Write(b)
	}
	i := bytes.Index(b, goErrorHeaders)
	if i < 0 {
		return c.Conn.Write(b)
	}
	status, err := strconv.Atoi(string(b[len("HTTP/1.1 ") : len("HTTP/1.1 ")+3]))
	if err != nil || status < 400 {
		return c.Conn.Write(b)
	}
	code := wire.CodeBadRequest
	if status == http.StatusRequestHeaderFieldsTooLarge {
		code = wire.CodeTooLarge
	}
	body, err := json.Marshal(struct {
		Error *wire.Error `json:"error"`
	}{wire.Errorf(status, code, "%s", b[i+len(goErrorHeaders):])})
	if err != nil {
		return c.Conn.Write(b)
	}
	answer := fmt.Appendf(nil, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s",
		status, http.StatusText(status), len(body), body)
	if _, err := c.Conn.Write(answer); err != nil {
		return 0, err
	}
	return len(b), nil
}

// ReadFrom keeps a handler's copy of a file to the connection a sendfile (net/http asks the connection
// for io.ReaderFrom), as without the wrapper.
func (c *envelopeConn) ReadFrom(r io.Reader) (int64, error) {
	if rf, ok := c.Conn.(io.ReaderFrom); ok {
		return rf.ReadFrom(r)
	}
	return io.Copy(struct{ io.Writer }{c.Conn}, r)
}

// CloseWrite keeps net/http's half-close after a refusal (it asks the connection for one) as without the
// wrapper.
func (c *envelopeConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
