package client

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// MaxSSELine bounds one line of an event stream; a longer line is an error, not a memory sink.
const MaxSSELine = 1 << 20

// Event is one server-sent event: its "event:" name (empty for the default "message") and its data, the
// "data:" lines joined with "\n". OpenAI streams send each chunk as one data line and end with the data
// "[DONE]".
type Event struct {
	Name string
	Data []byte
}

// Done reports whether the event is OpenAI's end-of-stream marker, data "[DONE]".
func (e Event) Done() bool { return string(e.Data) == "[DONE]" }

// SSEReader reads server-sent events (the WHATWG "text/event-stream" format): lines ending in LF or
// CRLF, "field: value" with one optional space after the colon, ":" comment lines ignored, an event
// dispatched at a blank line when it has data. Unknown fields ("id", "retry") are ignored. An event cut
// off by the end of the stream (no blank line after it) is discarded, as the format requires: a
// half-received JSON chunk is never handed on.
type SSEReader struct {
	r    *bufio.Reader
	name []byte
	data []byte
	has  bool
}

// NewSSEReader returns a reader of the events in r.
func NewSSEReader(r io.Reader) *SSEReader {
	return &SSEReader{r: bufio.NewReaderSize(r, 64<<10)}
}

// Next returns the next event, io.EOF at the end of the stream, or the read error. The event's slices
// are freshly allocated and stay valid.
func (s *SSEReader) Next() (Event, error) {
	for {
		line, err := s.readLine()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return Event{}, io.EOF
			}
			return Event{}, err
		}
		if len(line) == 0 {
			if !s.has {
				s.name = s.name[:0]
				continue
			}
			ev := Event{Name: string(s.name), Data: bytes.Clone(s.data)}
			s.name, s.data, s.has = s.name[:0], s.data[:0], false
			return ev, nil
		}
		if line[0] == ':' {
			continue // comment / keep-alive
		}
		field, value, found := bytes.Cut(line, []byte(":"))
		if found && len(value) > 0 && value[0] == ' ' {
			value = value[1:]
		}
		switch string(field) {
		case "data":
			if s.has {
				s.data = append(s.data, '\n')
			}
			s.data = append(s.data, value...)
			s.has = true
		case "event":
			s.name = append(s.name[:0], value...)
		}
	}
}

// readLine returns one line without its LF or CRLF.
func (s *SSEReader) readLine() ([]byte, error) {
	var long []byte
	for {
		chunk, err := s.r.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			if len(long) > MaxSSELine {
				return nil, fmt.Errorf("client: event stream line longer than %d bytes", MaxSSELine)
			}
			continue
		}
		if err != nil {
			// A last line without a newline cannot end an event: report the end of the stream.
			return nil, err
		}
		if long != nil {
			chunk = append(long, chunk...)
			if len(chunk) > MaxSSELine {
				return nil, fmt.Errorf("client: event stream line longer than %d bytes", MaxSSELine)
			}
		}
		chunk = chunk[:len(chunk)-1]
		if n := len(chunk); n > 0 && chunk[n-1] == '\r' {
			chunk = chunk[:n-1]
		}
		return chunk, nil
	}
}
