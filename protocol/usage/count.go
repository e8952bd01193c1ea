package usage

import (
	"bytes"
	"encoding/json"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/laketravis/laketravis/internal/jsonscan"
)

// OpenAI is the "usage" object of OpenAI answers and of a stream's final chunk (stream_options.include_usage).
type OpenAI struct {
	PromptTokens     uint64 `json:"prompt_tokens"`
	CompletionTokens uint64 `json:"completion_tokens"`
}

// Counter counts one answer's tokens the same way on both sides: the answer's usage object when it has
// one (its last non-zero one); otherwise a token per 4 bytes of request body and, for a stream, one token
// per chunk carrying generated text (for a whole answer, a token per 4 bytes of text).
//
// The output tokens never exceed the bytes of generated text the answer carried (choices' text; their
// message's or delta's content, reasoning_content, reasoning, refusal, tool calls' and function_call's
// name and arguments: see decode), whatever its usage object claims: a token is at least one byte of text in every
// tokenizer, and the client signs the receipt's outputTokens, which the router's analytics read
// (zero-output sessions are held, TPS decides minTps), so it must not vouch for more output than it
// received. A provider that sends nothing and a usage object claiming thousands of tokens gets a receipt
// with none; an honest answer made only of tool calls, reasoning or a refusal keeps its tokens.
type Counter struct {
	BodyBytes int // the request body's length

	chunks    uint64
	textBytes uint64
	usage     *OpenAI
}

// Chunk counts one stream chunk (an event's data) and reports whether it carried generated text.
func (c *Counter) Chunk(data []byte) (hasText bool) {
	text, u := classify(data)
	if text > 0 {
		c.chunks++
	}
	c.textBytes += uint64(text)
	c.setUsage(u)
	return text > 0
}

// Whole counts a whole (non-streaming) answer and reports whether it carried generated text.
func (c *Counter) Whole(raw []byte) (hasText bool) {
	text, u := classify(raw)
	c.textBytes += uint64(text)
	c.setUsage(u)
	return text > 0
}

func (c *Counter) setUsage(u *OpenAI) {
	if u != nil && (u.PromptTokens > 0 || u.CompletionTokens > 0) {
		c.usage = u
	}
}

// Tokens returns the answer's input and output tokens; stream says which estimate applies without usage.
// Output is at most the bytes of generated text received (see Counter); the estimates are within it.
func (c *Counter) Tokens(stream bool) (in, out uint64) {
	if c.usage != nil {
		return c.usage.PromptTokens, min(c.usage.CompletionTokens, c.textBytes)
	}
	in = uint64(c.BodyBytes+3) / 4
	if stream {
		return in, c.chunks
	}
	return in, (c.textBytes + 3) / 4
}

// chunk is what is read from an answer or a stream chunk.
type chunk struct {
	Choices []struct {
		Text    *string    `json:"text"`
		Message *generated `json:"message"`
		Delta   *generated `json:"delta"`
	} `json:"choices"`
	Usage *OpenAI `json:"usage"`
}

// generated is a choice's message (a whole answer) or delta (a stream chunk): the members whose strings
// are generated text. An answer made only of tool calls, a refusal, or a reasoning model's thinking, is output the
// provider generated and the client received; were it not counted, an honest answer's output tokens would
// be capped to nothing and its session held as zero output.
//
// Content is read strictly, as it always was (a content that is not a string or null fails the chunk).
// The other members are read on their own (textLen, toolCallsLen, functionLen): one whose shape is not
// the expected one counts no text but does not fail the chunk, so a provider with an odd tool call shape
// keeps its usage object and its content.
type generated struct {
	Content          *string         `json:"content"`
	ToolCalls        json.RawMessage `json:"tool_calls"`        // [{"function":{"name","arguments"}}]
	FunctionCall     json.RawMessage `json:"function_call"`     // legacy: {"name","arguments"}
	ReasoningContent json.RawMessage `json:"reasoning_content"` // a string
	Reasoning        json.RawMessage `json:"reasoning"`         // a string
	Refusal          json.RawMessage `json:"refusal"`           // a string: the model's refusal, its whole answer
}

// function is a tool call's function or a legacy function_call.
type function struct {
	Name      *string `json:"name"`
	Arguments *string `json:"arguments"`
}

// textBytes is the bytes of generated text in a message or delta.
func (g *generated) textBytes() int {
	if g == nil {
		return 0
	}
	n := textLen(g.ReasoningContent) + textLen(g.Reasoning) + textLen(g.Refusal) + functionLen(g.FunctionCall) + toolCallsLen(g.ToolCalls)
	if g.Content != nil {
		n += len(*g.Content)
	}
	return n
}

// textLen is the decoded length of raw when it is a string, else 0.
func textLen(raw json.RawMessage) int {
	var s *string
	if len(raw) == 0 || json.Unmarshal(raw, &s) != nil || s == nil {
		return 0
	}
	return len(*s)
}

// functionLen is the bytes of a function's name and arguments when raw is a function object (or null),
// else 0.
func functionLen(raw json.RawMessage) int {
	var f *function
	if len(raw) == 0 || json.Unmarshal(raw, &f) != nil || f == nil {
		return 0
	}
	return f.len()
}

// toolCallsLen is the bytes of the tool calls' functions' names and arguments when raw is an array of
// tool calls (or null), else 0.
func toolCallsLen(raw json.RawMessage) int {
	var calls []struct {
		Function *function `json:"function"`
	}
	if len(raw) == 0 || json.Unmarshal(raw, &calls) != nil {
		return 0
	}
	n := 0
	for _, c := range calls {
		if c.Function != nil {
			n += c.Function.len()
		}
	}
	return n
}

func (f *function) len() int {
	n := 0
	if f.Name != nil {
		n += len(*f.Name)
	}
	if f.Arguments != nil {
		n += len(*f.Arguments)
	}
	return n
}

// decode is the reference reading of an answer or chunk: the bytes of generated text it carries and its
// usage object; ok is false for anything that does not decode. Generated text is, in each of "choices":
// "text"; and in its "message" or "delta": "content", "reasoning_content", "reasoning" and "refusal" (strings), each
// "tool_calls" element's "function" "name" and "arguments", and the legacy "function_call" "name" and
// "arguments" (see generated).
func decode(data []byte) (textBytes int, u *OpenAI, ok bool) {
	var c chunk
	if json.Unmarshal(data, &c) != nil {
		return 0, nil, false
	}
	for _, ch := range c.Choices {
		if ch.Text != nil {
			textBytes += len(*ch.Text)
		}
		textBytes += ch.Message.textBytes() + ch.Delta.textBytes()
	}
	return textBytes, c.Usage, true
}

// Classify reads one stream chunk: whether it carries generated text, and its usage object (nil: none).
func Classify(data []byte) (hasText bool, u *OpenAI) {
	text, u := classify(data)
	return text > 0, u
}

// classify reads an answer or a stream chunk: the bytes of generated text it carries and its usage
// object. It is the decoder's answer (decode); the provider calls it for every chunk it relays, so the
// common chunk shape is read by a scan of the bytes that never allocates, and anything the scan is not
// sure of (escaped or non-ASCII keys, repeated keys, unexpected types, a non-null usage) goes to the
// decoder. FuzzClassify holds the scan to the decoder.
func classify(data []byte) (textBytes int, u *OpenAI) {
	if n, u, ok := scanChunk(data); ok {
		return n, u
	}
	n, u, ok := decode(data)
	if !ok {
		return 0, nil
	}
	return n, u
}

// scanChunk is the fast path of classify over a valid JSON object: it walks the top-level members and, in
// "choices", each element's "text" and the generated text of its "message" and "delta" (generatedText),
// measuring each string as decoded, and reads a "usage" object's token counts. sure is false when the
// decoder must decide.
func scanChunk(data []byte) (textBytes int, u *OpenAI, sure bool) {
	if !jsonscan.Valid(data) {
		return 0, nil, true // the decoder fails too: no text, no usage
	}
	i := jsonscan.SkipSpace(data, 0)
	if data[i] != '{' {
		return 0, nil, false
	}
	var seenChoices, seenUsage bool
	textBytes, sure = members(data, i, func(key []byte, v int) (text int, ok bool) {
		switch {
		case foldEq(key, "usage"):
			if seenUsage {
				return 0, false
			}
			seenUsage = true
			switch data[v] {
			case 'n':
				return 0, true
			case '{':
				u = &OpenAI{}
				return usageObject(data, v, u)
			}
			return 0, false
		case foldEq(key, "choices"):
			if seenChoices {
				return 0, false
			}
			seenChoices = true
			switch data[v] {
			case 'n':
				return 0, true
			case '[':
				return choices(data, v)
			}
			return 0, false
		}
		return 0, true
	})
	if !sure {
		return 0, nil, false
	}
	return textBytes, u, true
}

// usageObject reads the token counts of the usage object at data[i] == '{' into u. Counts must be plain
// integers that fit (anything else is the decoder's to judge); other members are ignored, as the decoder
// ignores them.
func usageObject(data []byte, i int, u *OpenAI) (text int, sure bool) {
	return members(data, i, func(key []byte, v int) (int, bool) {
		var dst *uint64
		switch {
		case foldEq(key, "prompt_tokens"):
			dst = &u.PromptTokens
		case foldEq(key, "completion_tokens"):
			dst = &u.CompletionTokens
		default:
			return 0, true
		}
		var n uint64
		end := jsonscan.SkipValue(data, v)
		if end-v > 19 { // more digits than every uint64 has, or not a plain integer
			return 0, false
		}
		for _, c := range data[v:end] {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + uint64(c-'0')
		}
		*dst = n // the last of repeated keys counts, as in the decoder
		return 0, true
	})
}

// choices walks the "choices" array at data[i] == '[' and measures its elements' text.
func choices(data []byte, i int) (textBytes int, sure bool) {
	return elements(data, i, func(v int) (int, bool) {
		switch data[v] {
		case 'n': // a null element decodes to an empty one
			return 0, true
		case '{':
		default:
			return 0, false
		}
		seen := [3]bool{}
		return members(data, v, func(key []byte, v int) (text int, ok bool) {
			for k, name := range [3]string{"text", "message", "delta"} {
				if !foldEq(key, name) {
					continue
				}
				if seen[k] {
					return 0, false
				}
				seen[k] = true
				if k == 0 {
					return stringValue(data, v)
				}
				switch data[v] {
				case 'n':
					return 0, true
				case '{':
					return generatedText(data, v)
				}
				return 0, false
			}
			return 0, true
		})
	})
}

// generatedKeys are the members of a message or delta that carry generated text (see generated).
var generatedKeys = [6]string{"content", "reasoning_content", "reasoning", "refusal", "function_call", "tool_calls"}

// generatedText measures the message or delta object at data[i] == '{' as generated.textBytes does. The
// scan is sure only of the expected shapes (strings or null, a function object, an array of tool calls);
// anything else, which the decoder may count as 0 or fail, is the decoder's to judge.
func generatedText(data []byte, i int) (textBytes int, sure bool) {
	var seen [len(generatedKeys)]bool
	return members(data, i, func(key []byte, v int) (int, bool) {
		for k, name := range generatedKeys {
			if !foldEq(key, name) {
				continue
			}
			if seen[k] {
				return 0, false
			}
			seen[k] = true
			switch name {
			case "function_call":
				return functionText(data, v)
			case "tool_calls":
				if data[v] == 'n' {
					return 0, true
				}
				if data[v] != '[' {
					return 0, false
				}
				return elements(data, v, func(v int) (int, bool) {
					switch data[v] {
					case 'n':
						return 0, true
					case '{':
					default:
						return 0, false
					}
					var seenFunction bool
					return members(data, v, func(key []byte, v int) (int, bool) {
						if !foldEq(key, "function") {
							return 0, true
						}
						if seenFunction {
							return 0, false
						}
						seenFunction = true
						return functionText(data, v)
					})
				})
			}
			return stringValue(data, v)
		}
		return 0, true
	})
}

// functionText measures a tool call's function or a legacy function_call at data[v]: its name and
// arguments when they are strings (or null); null counts nothing.
func functionText(data []byte, v int) (textBytes int, sure bool) {
	switch data[v] {
	case 'n':
		return 0, true
	case '{':
	default:
		return 0, false
	}
	var seen [2]bool
	return members(data, v, func(key []byte, v int) (int, bool) {
		for k, name := range [2]string{"name", "arguments"} {
			if !foldEq(key, name) {
				continue
			}
			if seen[k] {
				return 0, false
			}
			seen[k] = true
			return stringValue(data, v)
		}
		return 0, true
	})
}

// elements calls f for each element of the array at data[i] == '[' with the index of its value, and sums
// what f measures; it stops as unsure when f is unsure.
func elements(data []byte, i int, f func(v int) (text int, sure bool)) (textBytes int, sure bool) {
	i = jsonscan.SkipSpace(data, i+1)
	if data[i] == ']' {
		return 0, true
	}
	for {
		t, ok := f(i)
		if !ok {
			return 0, false
		}
		textBytes += t
		i = jsonscan.SkipSpace(data, jsonscan.SkipValue(data, i))
		if data[i] == ']' {
			return textBytes, true
		}
		i = jsonscan.SkipSpace(data, i+1) // past ','
	}
}

// stringValue measures a text member: a string's decoded length, 0 for null; anything else is the
// decoder's to judge.
func stringValue(data []byte, v int) (textBytes int, sure bool) {
	switch data[v] {
	case 'n':
		return 0, true
	case '"':
		return decodedLen(data[v+1 : jsonscan.SkipString(data, v)-1]), true
	}
	return 0, false
}

// decodedLen is the length of the valid JSON string s (its bytes between the quotes) once decoded as
// encoding/json decodes it: an escape is its character, a \u escape of a surrogate that does not pair and
// each byte of invalid UTF-8 become U+FFFD.
func decodedLen(s []byte) int {
	n := 0
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && s[i+1] == 'u':
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' &&
					utf16.DecodeRune(r, hex4(s[i+2:i+6])) != unicode.ReplacementChar {
					n += 4
					i += 6
					continue
				}
				r = unicode.ReplacementChar
			}
			n += utf8.RuneLen(r)
		case c == '\\':
			n++
			i += 2
		case c < utf8.RuneSelf:
			n++
			i++
		default:
			r, size := utf8.DecodeRune(s[i:])
			i += size
			if r == utf8.RuneError && size == 1 {
				size = utf8.RuneLen(utf8.RuneError) // an invalid byte decodes to U+FFFD
			}
			n += size
		}
	}
	return n
}

// hex4 reads four hex digits (valid JSON has them after \u).
func hex4(h []byte) rune {
	var r rune
	for _, c := range h {
		switch {
		case c <= '9':
			c -= '0'
		case c >= 'a':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// members calls f for each member of the object at data[i] == '{' with its key (raw, between the quotes)
// and the index of its value, and sums what f measures; it stops as unsure when a key is escaped or not
// ASCII, or when f is unsure.
func members(data []byte, i int, f func(key []byte, v int) (text int, sure bool)) (textBytes int, sure bool) {
	i = jsonscan.SkipSpace(data, i+1)
	if data[i] == '}' {
		return 0, true
	}
	for {
		keyEnd := jsonscan.SkipString(data, i)
		key := data[i+1 : keyEnd-1]
		for _, c := range key {
			if c == '\\' || c >= 0x80 {
				return 0, false
			}
		}
		v := jsonscan.SkipSpace(data, jsonscan.SkipSpace(data, keyEnd)+1) // past ':'
		t, ok := f(key, v)
		if !ok {
			return 0, false
		}
		textBytes += t
		i = jsonscan.SkipSpace(data, jsonscan.SkipValue(data, v))
		if data[i] == '}' {
			return textBytes, true
		}
		i = jsonscan.SkipSpace(data, i+1) // past ','
	}
}

// foldEq reports whether the ASCII key equals name (lower case) ignoring case, as encoding/json matches
// keys to fields.
func foldEq(key []byte, name string) bool {
	return len(key) == len(name) && bytes.EqualFold(key, []byte(name))
}
