// Package jsonscan checks JSON (Valid, json.Valid's rules in a fraction of its time) and finds where
// tokens end in JSON so checked, for the few hot paths that read or edit JSON bytes without decoding them
// (the gateway's request check, the provider's request rewrite, the chunk classifier of protocol/usage).
// Apart from Valid it validates nothing.
package jsonscan

import (
	"bytes"
	"encoding/json"
)

// SkipSpace returns the index of the first non-space byte at or after i.
func SkipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// SkipString returns the index after the string starting at b[i] == '"'.
func SkipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}

// SkipValue returns the index after the value starting at b[i].
func SkipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return SkipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = SkipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// Members calls f for each member of the object at b[i] == '{' (b checked by Valid) with its key,
// unescaped when it holds escapes (as a decoder reads it; ok is false if such a key does not decode), and
// its value b[from:to]. It returns the index of the object's closing '}'.
func Members(b []byte, i int, f func(key []byte, from, to int)) (closing int, ok bool) {
	i = SkipSpace(b, i+1)
	if b[i] == '}' {
		return i, true
	}
	for {
		keyEnd := SkipString(b, i)
		key := b[i+1 : keyEnd-1]
		if bytes.IndexByte(key, '\\') >= 0 { // escaped key: decode it (rare)
			var k string
			if json.Unmarshal(b[i:keyEnd], &k) != nil {
				return i, false
			}
			key = []byte(k)
		}
		i = SkipSpace(b, SkipSpace(b, keyEnd)+1) // past ':'
		end := SkipValue(b, i)
		f(key, i, end)
		i = SkipSpace(b, end)
		if b[i] == '}' {
			return i, true
		}
		i = SkipSpace(b, i+1) // past ','
	}
}
