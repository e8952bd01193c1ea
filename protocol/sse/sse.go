// Package sse reads server-sent events (the WHATWG "text/event-stream" format), the framing of OpenAI
// streams, for every side that reads one: the client and its gateway (Reader, pulling from a response
// body), the provider's meter (Parser, fed the bytes it relays) and the end-to-end tests. One reader, so
// that the provider meters exactly the chunks the client sees.
//
// The format: lines ending in LF or CRLF, "field: value" with one optional space after the colon, ":"
// comment lines ignored, an event dispatched at a blank line when it has data, its "data:" lines joined
// with "\n". Unknown fields ("id", "retry") are ignored. An event cut off by the end of the stream (no
// blank line after it) is discarded, as the format requires: a half-received JSON chunk is never handed on.
package sse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxLine bounds one line of an event stream; a longer line is an error, not a memory sink.
const MaxLine = 1 << 20

// ErrLineTooLong is returned for a line longer than MaxLine.
var ErrLineTooLong = fmt.Errorf("sse: event stream line longer than %d bytes", MaxLine)

// MaxEvent bounds one event's data, its "data:" lines joined: without it a stream of "data:" lines never
// followed by the blank line that ends the event (a hostile provider) would grow the reader's memory
// without bound, one MaxLine at a time. An OpenAI chunk is one data line, so an honest event is at most
// one MaxLine; four of them leave room for multi-line events of other servers.
const MaxEvent = 4 * MaxLine

// ErrEventTooLarge is returned for an event whose data grows past MaxEvent.
var ErrEventTooLarge = fmt.Errorf("sse: event longer than %d bytes (data lines without the blank line that ends an event)", MaxEvent)

// Event is one server-sent event: its "event:" name (empty for the default "message") and its data, the
// "data:" lines joined with "\n". OpenAI streams send each chunk as one data line and end with the data
// "[DONE]".
type Event struct {
	Name string
	Data []byte
}

// Done reports whether the event is OpenAI's end-of-stream marker, data "[DONE]".
func (e Event) Done() bool { return IsDone(e.Data) }

// IsDone reports whether data is OpenAI's end-of-stream marker "[DONE]".
func IsDone(data []byte) bool { return string(data) == "[DONE]" }

// event assembles one event from its lines.
type event struct {
	name []byte
	data []byte
	has  bool
	over bool // its data passed MaxEvent: the event is dropped (Reader stops with ErrEventTooLarge)
}

// line takes one line without its line ending and reports whether it completed an event (then in e.name
// and e.data until reset).
func (e *event) line(line []byte) bool {
	if len(line) == 0 {
		if !e.has || e.over {
			e.reset()
			return false
		}
		return true
	}
	if line[0] == ':' {
		return false // comment / keep-alive
	}
	field, value, found := bytes.Cut(line, []byte(":"))
	if found && len(value) > 0 && value[0] == ' ' {
		value = value[1:]
	}
	switch string(field) {
	case "data":
		if e.over {
			return false
		}
		n := len(e.data) + len(value)
		if e.has {
			n++ // the "\n" joining it to the line before
		}
		if n > MaxEvent {
			e.data, e.over = e.data[:0], true
			return false
		}
		if e.has {
			e.data = append(e.data, '\n')
		}
		e.data = append(e.data, value...)
		e.has = true
	case "event":
		e.name = append(e.name[:0], value...)
	}
	return false
}

func (e *event) reset() { e.name, e.data, e.has, e.over = e.name[:0], e.data[:0], false, false }

// Reader reads the events of a stream.
type Reader struct {
	r  *bufio.Reader
	ev event
}

// NewReader returns a reader of the events in r.
func NewReader(r io.Reader) *Reader {
	return &Reader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next event, io.EOF at the end of the stream, or the read error (ErrLineTooLong for a
// line over MaxLine, ErrEventTooLarge for an event over MaxEvent). The event's slices are freshly
// allocated and stay valid.
func (s *Reader) Next() (Event, error) {
	for {
		line, err := s.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return Event{}, io.EOF
			}
			return Event{}, err
		}
		if s.ev.line(line) {
			ev := Event{Name: string(s.ev.name), Data: bytes.Clone(s.ev.data)}
			s.ev.reset()
			return ev, nil
		}
		if s.ev.over {
			return Event{}, ErrEventTooLarge
		}
	}
}

// readLine returns one line without its LF or CRLF.
func (s *Reader) readLine() ([]byte, error) {
	var long []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			if len(long) > MaxLine {
				return nil, ErrLineTooLong
			}
			continue
		}
		if err != nil {
			// A last line without a newline cannot end an event: report the end of the stream.
			return nil, err
		}
		if long != nil {
			chunk = append(long, chunk...)
			if len(chunk) > MaxLine {
				return nil, ErrLineTooLong
			}
		}
		return trimEOL(chunk), nil
	}
}

func trimEOL(line []byte) []byte {
	line = line[:len(line)-1]
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line
}

// Parser is the push form of Reader, for a stream that is being relayed: Write takes the bytes as they
// pass, split anywhere, and calls OnEvent for each complete event, whose slices are valid during the call
// only. A line over MaxLine is dropped with the event it belongs to, and an event over MaxEvent is
// dropped (the relay goes on; the event is not handed on, as Reader would stop with ErrLineTooLong or
// ErrEventTooLarge).
type Parser struct {
	OnEvent func(name, data []byte)

	partial []byte
	skip    bool // inside an overlong line: drop until its end
	ev      event
}

// Reset forgets any partial line and event, keeping the buffers, for the next stream.
func (p *Parser) Reset() {
	p.partial, p.skip = p.partial[:0], false
	p.ev.reset()
}

// Write feeds stream bytes. It never fails.
func (p *Parser) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			if !p.skip {
				p.partial = append(p.partial, b...)
				if len(p.partial) > MaxLine {
					p.partial, p.skip = p.partial[:0], true
				}
			}
			break
		}
		line := b[:i+1]
		b = b[i+1:]
		if p.skip {
			p.skip = false
			p.ev.reset()
			continue
		}
		if len(p.partial) > 0 {
			p.partial = append(p.partial, line...)
			line = p.partial
		}
		if len(line) > MaxLine+1 {
			p.partial = p.partial[:0]
			p.ev.reset()
			continue
		}
		if p.ev.line(trimEOL(line)) {
			if p.OnEvent != nil {
				p.OnEvent(p.ev.name, p.ev.data)
			}
			p.ev.reset()
		}
		p.partial = p.partial[:0]
	}
	return n, nil
}
