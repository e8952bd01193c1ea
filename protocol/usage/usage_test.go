package usage

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestMeterUnion(t *testing.T) {
	for _, ordered := range []bool{false, true} {
		m := Meter{Ordered: ordered}
		t0 := time.Unix(1_700_000_000, 0)
		at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
		a := m.Start(at(0))
		b := m.Start(at(1000)) // overlaps a
		require.Equal(t, 2*time.Second, m.Active(at(2000)), "open requests count up to now, once")
		require.True(t, m.Finish(b, at(2000), 7, 3, 900*time.Millisecond)) // inside a
		require.True(t, m.Finish(a, at(3000), 10, 5, 400*time.Millisecond))
		require.False(t, m.Finish(a, at(9000), 1, 1, 0), "second finish ignored")
		c := m.Start(at(10_000))
		require.True(t, m.Finish(c, at(11_500), 1, 1, 0))
		require.Equal(t, Figures{Seconds: 5, InputTokens: 18, OutputTokens: 9, TTFTMs: 900}, m.Figures(at(20_000)),
			"3 s + 1.5 s rounded up; ttft of the first finished request that had one")
		d := m.Start(at(30_000))
		require.Equal(t, 4500*time.Millisecond+2200*time.Millisecond, m.Active(at(32_200)))
		require.Equal(t, 3, m.Requests()-1)
		require.Equal(t, 1, m.Open())
		m.Finish(d, at(31_000), 0, 0, 0)
		require.Equal(t, 5500*time.Millisecond, m.Active(at(99_000)))
		if ordered {
			require.LessOrEqual(t, len(m.spans), 1, "an ordered meter folds what no later request can reach")
		}
	}
}

func TestMeterOutOfOrder(t *testing.T) {
	// The client stamps a request before sending it: a later Start may carry an earlier time.
	var m Meter
	t0 := time.Unix(1_700_000_000, 0)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	a := m.Start(at(10))
	m.Finish(a, at(12), 0, 0, 0)
	b := m.Start(at(20))
	m.Finish(b, at(21), 0, 0, 0)
	c := m.Start(at(5)) // covers a, ends between a and b
	require.Equal(t, 16*time.Second, m.Active(at(20)), "open [5,20] covers a and touches b [20,21]")
	m.Finish(c, at(15), 0, 0, 0)
	require.Equal(t, 11*time.Second, m.Active(at(99)), "[5,15] ∪ [20,21]")
}

// TestMeterMatchesUnion holds both meters to the union of intervals computed from scratch.
func TestMeterMatchesUnion(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	seed := uint64(1)
	rnd := func(n int) int { seed = seed*6364136223846793005 + 1442695040888963407; return int(seed>>33) % n }
	for round := 0; round < 200; round++ {
		ordered := round%2 == 0
		m := Meter{Ordered: ordered}
		type iv struct{ from, to int }
		var done []iv
		open := map[ID]int{}
		clock := 0
		for step := 0; step < 30; step++ {
			clock += rnd(5)
			if len(open) > 0 && rnd(2) == 0 {
				for id, from := range open {
					m.Finish(id, t0.Add(time.Duration(clock)*time.Second), 0, 0, 0)
					done = append(done, iv{from, clock})
					delete(open, id)
					break
				}
			} else {
				from := clock
				if !ordered {
					from -= rnd(8)
				}
				open[m.Start(t0.Add(time.Duration(from)*time.Second))] = from
			}
			covered := map[int]bool{}
			for _, d := range done {
				for s := d.from; s < d.to; s++ {
					covered[s] = true
				}
			}
			for _, from := range open {
				for s := from; s < clock; s++ {
					covered[s] = true
				}
			}
			require.Equal(t, time.Duration(len(covered))*time.Second, m.Active(t0.Add(time.Duration(clock)*time.Second)),
				"round %d step %d", round, step)
		}
	}
}

func TestClamp32(t *testing.T) {
	require.Equal(t, uint32(7), Clamp32(7))
	require.Equal(t, ^uint32(0), Clamp32(1<<40))
}

func TestCounter(t *testing.T) {
	// A stream without a usage chunk: one token per chunk with text, prompt estimated from the body.
	tc := Counter{BodyBytes: 41}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"role":"assistant","content":"Hel"}}]}`)))
	require.False(t, tc.Chunk([]byte(`{"choices":[{"delta":{"content":""},"finish_reason":"stop"}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"content":"lo"}}]}`)))
	in, out := tc.Tokens(true)
	require.Equal(t, uint64(11), in)
	require.Equal(t, uint64(2), out)
	// The usage chunk (stream_options.include_usage) wins.
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}`))
	in, out = tc.Tokens(true)
	require.Equal(t, [2]uint64{9, 3}, [2]uint64{in, out})
	// A whole answer without usage: a token per 4 bytes of text.
	whole := Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":"123456789"}}]}`)))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{2, 3}, [2]uint64{in, out})
	// A whole answer with usage.
	whole = Counter{BodyBytes: 8}
	whole.Whole([]byte(`{"choices":[{"message":{"content":"xyz\u00e9"}}],"usage":{"prompt_tokens":5,"completion_tokens":4}}`))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{5, 4}, [2]uint64{in, out})
}

// TestCounterOutputNotAboveTextReceived: a usage object claims the completion tokens, but never more than
// the bytes of generated text the answer carried (a token is at least a byte): the client signs what it
// can vouch for, and the provider, counting the same way, meters the same.
func TestCounterOutputNotAboveTextReceived(t *testing.T) {
	// A stream that carried no text and a usage chunk claiming 17,700 tokens: no output.
	tc := Counter{BodyBytes: 40}
	require.False(t, tc.Chunk([]byte(`{"choices":[{"delta":{}}],"usage":{"prompt_tokens":3,"completion_tokens":17700}}`)))
	in, out := tc.Tokens(true)
	require.Equal(t, [2]uint64{3, 0}, [2]uint64{in, out})
	// Two chunks of 3 and 4 bytes (one escaped, one two-byte rune), then a claim of 1,000: 7.
	tc = Counter{BodyBytes: 40}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"content":"a\nb"}}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"content":"é\u00e9"}}]}`)))
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":1000}}`))
	in, out = tc.Tokens(true)
	require.Equal(t, [2]uint64{3, 7}, [2]uint64{in, out})
	// A whole answer with empty content claiming 1,000,000 tokens: none.
	whole := Counter{BodyBytes: 8}
	require.False(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":""}}],"usage":{"prompt_tokens":1,"completion_tokens":1000000}}`)))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{1, 0}, [2]uint64{in, out})
	// Text in the choices' text field counts too; a claim within the text stands.
	whole = Counter{BodyBytes: 8}
	whole.Whole([]byte(`{"choices":[{"text":"Once upon a time"}],"usage":{"prompt_tokens":1,"completion_tokens":4}}`))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{1, 4}, [2]uint64{in, out})
}

// TestCounterCountsToolCallsAndReasoning: tool calls' function names and arguments (and the legacy
// function_call's) and a reasoning model's reasoning_content or reasoning are generated text too, so an
// honest answer made only of them keeps its completion tokens up to their bytes (capped to 0 before, and
// the session held as zero output).
func TestCounterCountsToolCallsAndReasoning(t *testing.T) {
	// A tool-call-only stream: name "get_weather" (11 bytes), arguments {"city":"Paris"} in two pieces
	// (16 bytes), then the usage chunk.
	tc := Counter{BodyBytes: 40}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]}}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Paris\"}"}}]}}]}`)))
	require.False(t, tc.Chunk([]byte(`{"choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}`)))
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":12}}`))
	in, out := tc.Tokens(true)
	require.Equal(t, [2]uint64{30, 12}, [2]uint64{in, out}, "the claim stands within the tool call's 27 bytes")
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":30,"completion_tokens":500}}`))
	_, out = tc.Tokens(true)
	require.Equal(t, uint64(27), out, "and is capped by them")

	// A whole answer made only of tool calls (two of them).
	whole := Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{\"x\":1}"}},{"id":"b","type":"function","function":{"name":"gg","arguments":"{}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":5,"completion_tokens":100}}`)))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{5, 1 + 7 + 2 + 2}, [2]uint64{in, out}, "capped by the two calls' bytes")
	whole = Counter{BodyBytes: 8}
	whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"function":{"name":"f","arguments":"{\"x\":1}"}}]}}],"usage":{"prompt_tokens":5,"completion_tokens":6}}`))
	_, out = whole.Tokens(false)
	require.Equal(t, uint64(6), out)

	// The legacy function_call, whole and streamed.
	whole = Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":null,"function_call":{"name":"lookup","arguments":"{\"q\":\"é\"}"}}}],"usage":{"prompt_tokens":5,"completion_tokens":7}}`)))
	_, out = whole.Tokens(false)
	require.Equal(t, uint64(7), out, "6 + 10 bytes of function_call")
	tc = Counter{BodyBytes: 40}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"function_call":{"name":"lookup","arguments":""}}}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"function_call":{"arguments":"{}"}}}]}`)))
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":100}}`))
	_, out = tc.Tokens(true)
	require.Equal(t, uint64(8), out)

	// A reasoning model's thinking, in reasoning_content (stream) or reasoning (whole answer).
	tc = Counter{BodyBytes: 40}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"role":"assistant","content":"","reasoning_content":"Let me think."}}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"content":null,"reasoning_content":" Done"}}]}`)))
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4}}`))
	_, out = tc.Tokens(true)
	require.Equal(t, uint64(4), out, "the claim stands within 18 bytes of reasoning")
	whole = Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":"","reasoning":"hmm, 42"}}],"usage":{"prompt_tokens":5,"completion_tokens":1000}}`)))
	_, out = whole.Tokens(false)
	require.Equal(t, uint64(7), out)

	// A refusal (OpenAI's message.refusal / delta.refusal) is the model's whole answer (fifth review: it
	// counted 0 and the session was held as zero output).
	tc = Counter{BodyBytes: 40}
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"role":"assistant","content":null,"refusal":"I can't help"}}]}`)))
	require.True(t, tc.Chunk([]byte(`{"choices":[{"delta":{"refusal":" with that."}}]}`)))
	tc.Chunk([]byte(`{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":6}}`))
	_, out = tc.Tokens(true)
	require.Equal(t, uint64(6), out, "the claim stands within 23 bytes of refusal")
	whole = Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"role":"assistant","content":null,"refusal":"No."}}],"usage":{"prompt_tokens":5,"completion_tokens":40}}`)))
	_, out = whole.Tokens(false)
	require.Equal(t, uint64(3), out)

	// A member of an odd shape counts nothing but does not cost the answer its usage object or content.
	whole = Counter{BodyBytes: 8}
	require.True(t, whole.Whole([]byte(`{"choices":[{"message":{"content":"abc","tool_calls":[{"function":{"name":"f","arguments":{"x":1}}}],"reasoning":5}}],"usage":{"prompt_tokens":5,"completion_tokens":9}}`)))
	in, out = whole.Tokens(false)
	require.Equal(t, [2]uint64{5, 3}, [2]uint64{in, out})
}

var classifySeeds = []string{
	`{"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"},"finish_reason":null}],"usage":null}`,
	`{"choices":[{"delta":{"role":"assistant","content":""}}],"usage":null}`,
	`{"choices":[{"delta":{"content" : "lo"}}]}`,
	`{"choices":[{"text":"!"}]}`,
	`{"choices":[{"text":null,"message":{"content":"m"}}]}`,
	`{"choices":[],"usage": {"prompt_tokens":13,"completion_tokens":3}}`,
	`{"choices":[{"delta":{"content":"a"}}],"usage":{"prompt_tokens":1}}`,
	`{"choices":[{"delta":{"content":5}}]}`,
	`{"choices":[{"delta":{"content":"a"}},7]}`,
	`{"choices":[null,{"delta":null}]}`,
	`{"Choices":[{"DELTA":{"Content":"x"}}]}`,
	`{"choices":[{"delta":{"content":""}}],"choices":[{"delta":{"content":"x"}}]}`,
	`{"choices":[{"delta":{"content":"x","content":""}}]}`,
	`{"cho\u0069ces":[{"delta":{"content":"x"}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":{"arguments":"{\"content\":\"x\"}"}}]}}]}`,
	`{"x":{"content":"y"},"choices":[{"delta":{"content":""}}]}`,
	`{"choices":{"delta":{"content":"x"}}}`,
	`{"choices":[{"delta":{"content":"\u0000"}}]}`,
	`{"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":5,"completion_tokens":6,"total_tokens":11,"prompt_tokens_details":null}}`,
	`{"usage":{"prompt_tokens":5,"PROMPT_TOKENS":7,"completion_tokens":0}}`,
	`{"usage":{"prompt_tokens":5.0,"completion_tokens":1}}`,
	`{"usage":{"prompt_tokens":-5,"completion_tokens":1}}`,
	`{"usage":{"prompt_tokens":18446744073709551616,"completion_tokens":1}}`,
	`{"usage":{"prompt_tokens":1e3,"completion_tokens":1}}`,
	`{"usage":{"prompt_tokens":null,"completion_tokens":1}}`,
	`{"usage":{"prompt_tokens":"5","completion_tokens":1}}`,
	`{"usage":{},"choices":[{"text":"a"}]}`,
	`{"usage":{"prompt_tokens":2},"usage":null}`,
	`{"usage":5,"choices":[]}`,
	`{"choices":5,"usage":{"prompt_tokens":2}}`,
	`{"choices":[{"delta":{"content":"a\nb\"\\\/\t"}}],"usage":{"prompt_tokens":1,"completion_tokens":99}}`,
	`{"choices":[{"delta":{"content":"\u00e9\u20ac\u0041\ud83d\ude00"}}]}`,
	`{"choices":[{"delta":{"content":"\ud83d"}},{"text":"\ude00\ud83d\u0041\ud83d\ud83d\ude00"}]}`,
	"{\"choices\":[{\"delta\":{\"content\":\"caf\xc3\xa9 \xe6\x97\xa5 \xff\xc3 \xef\xbf\xbd \xed\xa0\x80\"}}]}",
	`{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"c","type":"function","function":{"name":"get_weather","arguments":"{\"a\":"}}]},"finish_reason":null}],"usage":null}`,
	`{"choices":[{"message":{"content":null,"tool_calls":[{"function":{"name":"f","arguments":"{}"}},null,{"function":null},{"type":"function"}]}}],"usage":{"prompt_tokens":5,"completion_tokens":9}}`,
	`{"choices":[{"delta":{"tool_calls":null,"function_call":null,"reasoning":null,"reasoning_content":null}}]}`,
	`{"choices":[{"delta":{"refusal":"no","Refusal":"x"}}]}`, `{"choices":[{"message":{"refusal":7,"content":"a"}}]}`,
	`{"choices":[{"delta":{"tool_calls":[]}}]}`,
	`{"choices":[{"delta":{"tool_calls":{"function":{"name":"f"}}}}]}`,
	`{"choices":[{"delta":{"tool_calls":[5,{"function":{"name":"f"}}],"content":"x"}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f","arguments":{"x":1}}},{"function":{"name":"g"}}],"content":"x"}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":"f"}],"content":"x"}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f"},"function":{"arguments":"a"}}]}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f","name":"gh"}}]}}]}`,
	`{"choices":[{"delta":{"tool_calls":[{"function":{"name":"f"}}],"tool_calls":[{"function":{"name":"gh"}}]}}]}`,
	`{"choices":[{"delta":{"Tool_Calls":[{"FUNCTION":{"Name":"f","ARGUMENTS":"\u00e9\ud83d"}}]}}]}`,
	`{"choices":[{"delta":{"tool_c\u0061lls":[{"function":{"name":"f"}}]}}]}`,
	`{"choices":[{"delta":{"function_call":{"name":"f","arguments":"{\"q\":1}"}}}],"usage":{"prompt_tokens":1,"completion_tokens":2}}`,
	`{"choices":[{"delta":{"function_call":"f","content":"x"}}]}`,
	`{"choices":[{"delta":{"function_call":{"name":5},"content":"x"}}]}`,
	`{"choices":[{"delta":{"function_call":{"name":"a"},"function_call":{"arguments":"b"}}}]}`,
	`{"choices":[{"message":{"role":"assistant","content":"","reasoning_content":"think\n\u00e9","reasoning":"more"}}]}`,
	`{"choices":[{"delta":{"reasoning":5,"content":"x"}}]}`,
	`{"choices":[{"delta":{"reasoning_content":["a"],"content":"x"}}]}`,
	`{"choices":[{"delta":{"reasoning":"a","reasoning":"bc"}}]}`,
	`{"choices":[{"delta":{"REASONING_CONTENT":"a","Reasoning":"b"}}]}`,
	`{"choices":[{"delta":{"content":"x","function":{"name":"f"},"arguments":"y","name":"z"}}]}`,
	"{\"choices\":[{\"delta\":{\"reasoning\":\"\xff\xc3\",\"tool_calls\":[{\"function\":{\"arguments\":\"\xed\xa0\x80\"}}]}}]}",
	`[{"choices":[]}]`, `null`, `"x"`, `{"choices":[{"delta":{"content":"x"}}]`, `{}`, ` { } `, `[DONE]`,
}

// checkClassify holds classify, Classify and Whole (the byte-scanning fast path with its fallback) to the
// decoder.
func checkClassify(t *testing.T, data []byte) {
	got, gotU := Classify(data)
	gotBytes, _ := classify(data)
	text, u, ok := decode(data)
	whole, want := Counter{BodyBytes: 100}, Counter{BodyBytes: 100}
	gotText := whole.Whole(data)
	if ok {
		want.textBytes += uint64(text)
		want.setUsage(u)
	}
	in, out := whole.Tokens(false)
	wantIn, wantOut := want.Tokens(false)
	require.Equal(t, [2]uint64{wantIn, wantOut}, [2]uint64{in, out}, "Whole: %s", data)
	require.Equal(t, ok && text > 0, gotText, "Whole: %s", data)
	if !ok {
		require.False(t, got, "%s", data)
		require.Nil(t, gotU, "%s", data)
		require.Zero(t, gotBytes, "%s", data)
		return
	}
	require.Equal(t, text > 0, got, "%s", data)
	require.Equal(t, text, gotBytes, "text bytes: %s", data)
	require.Equal(t, u, gotU, "%s", data)
}

func TestClassify(t *testing.T) {
	for _, s := range classifySeeds {
		checkClassify(t, []byte(s))
	}
	// The common shape takes the fast path.
	n, _, sure := scanChunk([]byte(classifySeeds[0]))
	require.True(t, sure)
	require.Equal(t, 3, n)
	// So does a whole answer with its usage object.
	n, u, sure := scanChunk([]byte(`{"id":"x","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":22,"total_tokens":34}}`))
	require.True(t, sure)
	require.Equal(t, 2, n)
	require.Equal(t, &OpenAI{PromptTokens: 12, CompletionTokens: 22}, u)
	// So do tool calls, function calls and reasoning, with no allocation (a usage object is one).
	for _, s := range []string{
		`{"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":"}}]},"finish_reason":null}],"usage":null}`,
		`{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"}}],"function_call":{"name":"g","arguments":"{}"}},"finish_reason":"tool_calls"}]}`,
		`{"choices":[{"index":0,"delta":{"content":null,"reasoning_content":"Let me","reasoning":" think"}}]}`,
	} {
		data := []byte(s)
		_, _, sure := scanChunk(data)
		require.True(t, sure, "%s", s)
		require.Zero(t, testing.AllocsPerRun(10, func() { Classify(data) }), "%s", s)
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range classifySeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkClassify(t, []byte(s)) })
}

func BenchmarkClassify(b *testing.B) {
	data := []byte(classifySeeds[0])
	b.ReportAllocs()
	for range b.N {
		Classify(data)
	}
}

func BenchmarkValid(b *testing.B) {
	data := []byte(classifySeeds[0])
	for range b.N {
		json.Valid(data)
	}
}

// TestMeterLongSession: an unordered meter (the client's) over 100,000 sequential requests, asked for its
// active time before each one as the gateway does, keeps the exact union; Active no longer walks every
// finished span (this loop was quadratic).
func TestMeterLongSession(t *testing.T) {
	t0 := time.Unix(1_700_000_000, 0)
	var m Meter
	var want time.Duration
	for i := range 100_000 {
		from := t0.Add(time.Duration(i) * 3 * time.Millisecond)
		if got := m.Active(from); got != want {
			t.Fatalf("request %d: active %v before it, want %v", i, got, want)
		}
		id := m.Start(from)
		if got := m.Active(from.Add(time.Millisecond)); got != want+time.Millisecond {
			t.Fatalf("request %d: active %v while open, want %v", i, got, want+time.Millisecond)
		}
		m.Finish(id, from.Add(2*time.Millisecond), 1, 1, 0)
		want += 2 * time.Millisecond
	}
	require.Equal(t, want, m.Active(t0.Add(time.Hour)))
}
