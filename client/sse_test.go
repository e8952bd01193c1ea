package client

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSSEReader(t *testing.T) {
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
			r := NewSSEReader(strings.NewReader(tc.in))
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

func TestSSEReaderLongLines(t *testing.T) {
	big := strings.Repeat("x", 200<<10)
	r := NewSSEReader(strings.NewReader("data: " + big + "\n\n"))
	ev, err := r.Next()
	require.NoError(t, err)
	require.Len(t, ev.Data, len(big), "lines longer than the buffer are joined")

	r = NewSSEReader(strings.NewReader("data: " + strings.Repeat("x", MaxSSELine+10) + "\n\n"))
	_, err = r.Next()
	require.ErrorContains(t, err, "longer than")
}

func TestTokenCount(t *testing.T) {
	// A stream without a usage chunk: one token per chunk with text, prompt estimated from the body.
	tc := tokenCount{bodyBytes: 41}
	require.True(t, tc.add([]byte(`{"choices":[{"delta":{"role":"assistant","content":"Hel"}}]}`)))
	require.False(t, tc.add([]byte(`{"choices":[{"delta":{"content":""},"finish_reason":"stop"}]}`)))
	require.True(t, tc.add([]byte(`{"choices":[{"delta":{"content":"lo"}}]}`)))
	in, out := tc.tokens(true)
	require.Equal(t, uint64(11), in)
	require.Equal(t, uint64(2), out)
	// The usage chunk (stream_options.include_usage) wins.
	tc.add([]byte(`{"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}`))
	in, out = tc.tokens(true)
	require.Equal(t, [2]uint64{9, 3}, [2]uint64{in, out})
	// A whole answer without usage: a token per 4 bytes of text.
	whole := tokenCount{bodyBytes: 8}
	whole.add([]byte(`{"choices":[{"message":{"role":"assistant","content":"123456789"}}]}`))
	in, out = whole.tokens(false)
	require.Equal(t, [2]uint64{2, 3}, [2]uint64{in, out})
}
