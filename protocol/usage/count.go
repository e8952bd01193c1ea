package usage

import (
	"bytes"
	"encoding/json"

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
type Counter struct {
	BodyBytes int // the request body's length

	chunks    uint64
	textBytes int
	usage     *OpenAI
}

// Chunk counts one stream chunk (an event's data) and reports whether it carried generated text.
func (c *Counter) Chunk(data []byte) (hasText bool) {
	hasText, u := Classify(data)
	if hasText {
		c.chunks++
	}
	c.setUsage(u)
	return hasText
}

// Whole counts a whole (non-streaming) answer and reports whether it carried generated text.
// An answer with a usage object takes the scan (the object decides the tokens, so its text is not
// measured); others are decoded.
func (c *Counter) Whole(raw []byte) (hasText bool) {
	if hasText, u, sure := scanChunk(raw); sure && u != nil && (u.PromptTokens > 0 || u.CompletionTokens > 0) {
		c.usage = u
		return hasText
	}
	text, u, ok := decode(raw)
	if ok {
		c.textBytes += text
		c.setUsage(u)
	}
	return text > 0
}

func (c *Counter) setUsage(u *OpenAI) {
	if u != nil && (u.PromptTokens > 0 || u.CompletionTokens > 0) {
		c.usage = u
	}
}

// Tokens returns the answer's input and output tokens; stream says which estimate applies without usage.
func (c *Counter) Tokens(stream bool) (in, out uint64) {
	if c.usage != nil {
		return c.usage.PromptTokens, c.usage.CompletionTokens
	}
	in = uint64(c.BodyBytes+3) / 4
	if stream {
		return in, c.chunks
	}
	return in, uint64(c.textBytes+3) / 4
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
// It is the decoder's answer (decode); the provider calls it for every chunk it relays, so the common
// chunk shape is read by a scan of the bytes that never allocates, and anything the scan is not sure of
// (escaped or non-ASCII keys, repeated keys, unexpected types, a non-null usage) goes to the decoder.
// FuzzClassify holds the scan to the decoder.
func Classify(data []byte) (hasText bool, u *OpenAI) {
	if r, u, ok := scanChunk(data); ok {
		return r, u
	}
	text, u, ok := decode(data)
	if !ok {
		return false, nil
	}
	return text > 0, u
}

// scanChunk is the fast path of Classify and Whole over a valid JSON object: it walks the top-level
// members and, in "choices", each element's "text", "message"."content" and "delta"."content", and reads
// a "usage" object's token counts. sure is false when the decoder must decide.
func scanChunk(data []byte) (hasText bool, u *OpenAI, sure bool) {
	if !jsonscan.Valid(data) {
		return false, nil, true // the decoder fails too: no text, no usage
	}
	i := jsonscan.SkipSpace(data, 0)
	if data[i] != '{' {
		return false, nil, false
	}
	var seenChoices, seenUsage bool
	hasText, sure = members(data, i, func(key []byte, v int) (text, ok bool) {
		switch {
		case foldEq(key, "usage"):
			if seenUsage {
				return false, false
			}
			seenUsage = true
			switch data[v] {
			case 'n':
				return false, true
			case '{':
				u = &OpenAI{}
				return usageObject(data, v, u)
			}
			return false, false
		case foldEq(key, "choices"):
			if seenChoices {
				return false, false
			}
			seenChoices = true
			switch data[v] {
			case 'n':
				return false, true
			case '[':
				return choices(data, v)
			}
			return false, false
		}
		return false, true
	})
	if !sure {
		return false, nil, false
	}
	return hasText, u, true
}

// usageObject reads the token counts of the usage object at data[i] == '{' into u. Counts must be plain
// integers that fit (anything else is the decoder's to judge); other members are ignored, as the decoder
// ignores them.
func usageObject(data []byte, i int, u *OpenAI) (text, sure bool) {
	return members(data, i, func(key []byte, v int) (bool, bool) {
		var dst *uint64
		switch {
		case foldEq(key, "prompt_tokens"):
			dst = &u.PromptTokens
		case foldEq(key, "completion_tokens"):
			dst = &u.CompletionTokens
		default:
			return false, true
		}
		var n uint64
		end := jsonscan.SkipValue(data, v)
		if end-v > 19 { // more digits than every uint64 has, or not a plain integer
			return false, false
		}
		for _, c := range data[v:end] {
			if c < '0' || c > '9' {
				return false, false
			}
			n = n*10 + uint64(c-'0')
		}
		*dst = n // the last of repeated keys counts, as in the decoder
		return false, true
	})
}

// choices walks the "choices" array at data[i] == '['.
func choices(data []byte, i int) (hasText, sure bool) {
	i = jsonscan.SkipSpace(data, i+1)
	if data[i] == ']' {
		return false, true
	}
	for {
		switch data[i] {
		case 'n': // a null element decodes to an empty one
		case '{':
			seen := [3]bool{}
			t, ok := members(data, i, func(key []byte, v int) (text, ok bool) {
				for k, name := range [3]string{"text", "message", "delta"} {
					if !foldEq(key, name) {
						continue
					}
					if seen[k] {
						return false, false
					}
					seen[k] = true
					if k == 0 {
						return stringValue(data, v)
					}
					switch data[v] {
					case 'n':
						return false, true
					case '{':
						var seenContent bool
						return members(data, v, func(key []byte, v int) (bool, bool) {
							if !foldEq(key, "content") {
								return false, true
							}
							if seenContent {
								return false, false
							}
							seenContent = true
							return stringValue(data, v)
						})
					}
					return false, false
				}
				return false, true
			})
			if !ok {
				return false, false
			}
			hasText = hasText || t
		default:
			return false, false
		}
		i = jsonscan.SkipSpace(data, jsonscan.SkipValue(data, i))
		if data[i] == ']' {
			return hasText, true
		}
		i = jsonscan.SkipSpace(data, i+1) // past ','
	}
}

// stringValue reads a text member: a non-empty string is text, null or "" is none, anything else is
// the decoder's to judge.
func stringValue(data []byte, v int) (text, sure bool) {
	switch data[v] {
	case 'n':
		return false, true
	case '"':
		return data[v+1] != '"', true
	}
	return false, false
}

// members calls f for each member of the object at data[i] == '{' with its key (raw, between the quotes)
// and the index of its value; it stops as unsure when a key is escaped or not ASCII, or when f is unsure.
func members(data []byte, i int, f func(key []byte, v int) (text, sure bool)) (hasText, sure bool) {
	i = jsonscan.SkipSpace(data, i+1)
	if data[i] == '}' {
		return false, true
	}
	for {
		keyEnd := jsonscan.SkipString(data, i)
		key := data[i+1 : keyEnd-1]
		for _, c := range key {
			if c == '\\' || c >= 0x80 {
				return false, false
			}
		}
		v := jsonscan.SkipSpace(data, jsonscan.SkipSpace(data, keyEnd)+1) // past ':'
		t, ok := f(key, v)
		if !ok {
			return false, false
		}
		hasText = hasText || t
		i = jsonscan.SkipSpace(data, jsonscan.SkipValue(data, v))
		if data[i] == '}' {
			return hasText, true
		}
		i = jsonscan.SkipSpace(data, i+1) // past ','
	}
}

// foldEq reports whether the ASCII key equals name (lower case) ignoring case, as encoding/json matches
// keys to fields.
func foldEq(key []byte, name string) bool {
	return len(key) == len(name) && bytes.EqualFold(key, []byte(name))
}
