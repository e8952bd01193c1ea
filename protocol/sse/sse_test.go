package sse

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReader(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []Event
	}{
		{"openai", "data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n",
			[]Event{{Data: []byte(`{"a":1}`)}, {Data: []byte(`{"a":2}`)}, {Data: []byte("[DONE]")}}},
		{"crlf and no space", "data:{\"a\":1}\r\n\r\n", []Event{{Data: []byte(`{"a":1}`)}}},
		{"multi-line data", "data: one\ndata: two\n\n", []Event{{Data: []byte("one\ntwo")}}},
		{"comments, ids, retry, named events", ": keep-alive\nid: 7\nretry: 10\nevent: ping\ndata: x\n\n",
			[]Event{{Name: "ping", Data: []byte("x")}}},
		{"blank lines without data dispatch nothing", "\n\nevent: nothing\n\ndata: y\n\n", []Event{{Data: []byte("y")}}},
		{"only one leading space is stripped", "data:  two spaces\n\n", []Event{{Data: []byte(" two spaces")}}},
		{"an event cut off by the end is discarded", "data: whole\n\ndata: {\"half\":", []Event{{Data: []byte("whole")}}},
		{"cut after the data line, before the blank line", "data: whole\n\ndata: x\n", []Event{{Data: []byte("whole")}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := NewReader(strings.NewReader(tc.in))
			var got []Event
			for {
				ev, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				require.NoError(t, err)
				got = append(got, ev)
			}
			require.Equal(t, tc.want, got)
		})
	}
	require.True(t, Event{Data: []byte("[DONE]")}.Done())
}

func TestReaderLongLines(t *testing.T) {
	big := strings.Repeat("x", 200<<10)
	r := NewReader(strings.NewReader("data: " + big + "\n\n"))
	ev, err := r.Next()
	require.NoError(t, err)
	require.Len(t, ev.Data, len(big), "lines longer than the buffer are joined")

	r = NewReader(strings.NewReader("data: " + strings.Repeat("x", MaxLine+10) + "\n\n"))
	_, err = r.Next()
	require.ErrorIs(t, err, ErrLineTooLong)
}

// TestParserMatchesReader feeds streams to the push Parser split at every size and expects Reader's events.
func TestParserMatchesReader(t *testing.T) {
	for _, in := range []string{
		"data: {\"a\":1}\n\ndata: {\"a\":2}\n\ndata: [DONE]\n\n",
		"data:{\"a\":1}\r\n\r\n: keep-alive\nid: 7\nevent: ping\ndata: x\n\n",
		"data: one\ndata: two\n\n\n\nevent: nothing\n\ndata: y\n\ndata: cut",
		"data: " + strings.Repeat("x", MaxLine+10) + "\n\ndata: after\n\n",
	} {
		var want []Event
		r := NewReader(strings.NewReader(in))
		for {
			ev, err := r.Next()
			if err != nil {
				break
			}
			want = append(want, ev)
		}
		for _, size := range []int{1, 3, 7, 64, len(in)} {
			var got []Event
			p := Parser{OnEvent: func(name, data []byte) {
				got = append(got, Event{Name: string(name), Data: bytes.Clone(data)})
			}}
			for i := 0; i < len(in); i += size {
				_, _ = p.Write([]byte(in[i:min(i+size, len(in))]))
			}
			if len(in) > MaxLine {
				require.Equal(t, []Event{{Data: []byte("after")}}, got, "the overlong line's event is dropped, the stream goes on")
				continue
			}
			require.Equal(t, want, got, "split every %d bytes", size)
		}
	}
}

// TestEventSizeBounded: an event's data lines are joined up to MaxEvent and no further. Reader stops with
// ErrEventTooLarge as soon as one passes it (a hostile provider's "data:" lines without the blank line that
// ends an event used to grow the reader's memory without bound); Parser drops that event and goes on.
func TestEventSizeBounded(t *testing.T) {
	line := strings.Repeat("x", MaxLine-100)
	var at strings.Builder // an event of exactly MaxEvent bytes: four long lines and a short one, joined
	for range 4 {
		at.WriteString("data: " + line + "\n")
	}
	short := strings.Repeat("y", MaxEvent-4*len(line)-4)
	at.WriteString("data: " + short + "\n\n")
	r := NewReader(strings.NewReader(at.String()))
	ev, err := r.Next()
	require.NoError(t, err)
	require.Len(t, ev.Data, MaxEvent)

	over := strings.Replace(at.String(), short, short+"y", 1) + "data: after\n\n"
	r = NewReader(strings.NewReader(over))
	_, err = r.Next()
	require.ErrorIs(t, err, ErrEventTooLarge)

	// Never a blank line: the reader stops once the event passes MaxEvent, not at the end of the stream.
	endless := io.MultiReader(strings.NewReader(strings.Repeat("data: "+line+"\n", 5)), &neverEnding{})
	_, err = NewReader(endless).Next()
	require.ErrorIs(t, err, ErrEventTooLarge)

	var got []string
	p := Parser{OnEvent: func(_, data []byte) { got = append(got, string(data)) }}
	for i := 0; i < len(over); i += 1 << 16 {
		_, _ = p.Write([]byte(over[i:min(i+1<<16, len(over))]))
	}
	require.Equal(t, []string{"after"}, got, "the event over MaxEvent is dropped, the stream goes on")
}

// neverEnding reads as endless "data:" lines.
type neverEnding struct{ off int }

func (n *neverEnding) Read(b []byte) (int, error) {
	const pattern = "data: " + "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" + "\n"
	for i := range b {
		b[i] = pattern[n.off%len(pattern)]
		n.off++
	}
	return len(b), nil
}
