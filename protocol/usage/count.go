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
// The output tokens never exceed the bytes of generated text the answer carried, whatever its usage
// object claims: a token is at least one byte of text in every tokenizer, and the client signs the
// receipt's outputTokens, which the router's analytics read (zero-output sessions are held, TPS decides
// minTps), so it must not vouch for more output than it received. A provider that sends nothing and a
// usage object claiming thousands of tokens gets a receipt with none.
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
		Text    *string `json:"text"`
		Message *struct {
			Content *string `json:"content"`
		} `json:"message"`
		Delta *struct {
			Content *string `json:"content"`
		} `json:"delta"`
	} `json:"choices"`
	Usage *OpenAI `json:"usage"`
}

// decode is the reference reading of an answer or chunk: the bytes of generated text it carries (choices'
// text, message.content and delta.content) and its usage object; ok is false for anything that does not
// decode.
func decode(data []byte) (textBytes int, u *OpenAI, ok bool) {
	var c chunk
	if json.Unmarshal(data, &c) != nil {
		return 0, nil, false
	}
	for _, ch := range c.Choices {
		if ch.Text != nil {
			textBytes += len(*ch.Text)
		}
		if ch.Message != nil && ch.Message.Content != nil {
			textBytes += len(*ch.Message.Content)
		}
		if ch.Delta != nil && ch.Delta.Content != nil {
			textBytes += len(*ch.Delta.Content)
		}
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
// "choices", each element's "text", "message"."content" and "delta"."content" (measuring each string as
// decoded), and reads a "usage" object's token counts. sure is false when the decoder must decide.
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
	i = jsonscan.SkipSpace(data, i+1)
	if data[i] == ']' {
		return 0, true
	}
	for {
		switch data[i] {
		case 'n': // a null element decodes to an empty one
		case '{':
			seen := [3]bool{}
			t, ok := members(data, i, func(key []byte, v int) (text int, ok bool) {
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
						var seenContent bool
						return members(data, v, func(key []byte, v int) (int, bool) {
							if !foldEq(key, "content") {
								return 0, true
							}
							if seenContent {
								return 0, false
							}
							seenContent = true
							return stringValue(data, v)
						})
					}
					return 0, false
				}
				return 0, true
			})
			if !ok {
				return 0, false
			}
			textBytes += t
		default:
			return 0, false
		}
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
