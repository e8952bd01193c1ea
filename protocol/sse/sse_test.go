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
