package jsonscan

import (
	"encoding/json"
	"strings"
	"testing"
)

// validSeeds are edge cases of the grammar, each checked against json.Valid.
var validSeeds = []string{
	``, ` `, `{}`, ` {} `, `[]`, `[ ]`, `{ }`, `"a"`, `""`, `0`, `-0`, `01`, `-`, `-01`, `1.`, `1.5`, `.5`, `1e5`,
	`1E+5`, `1e-5`, `1e`, `1e+`, `-1.25e-3`, `true`, `false`, `null`, `tru`, `truex`, `nul`, `True`, `[1,]`, `[,1]`,
	`{"a":1,}`, `{,"a":1}`, `{"a"}`, `{"a":}`, `{"a" : 1 , "b" : [ 1 , 2 ] }`, `{a:1}`, `{'a':1}`, `[1 2]`,
	`{"a":1}{}`, `{"a":1} x`, `"\u00e9\n\t\"\\\/\b\f\r"`, `"\x"`, `"\u12"`, `"\u12g4"`, `"\uD800"`, "\"a\x01\"",
	"\"\x7f\xff\xfe\"", "\"tab\there\"", `"unterminated`, `"\`, `"\u`, "[1,\n2]\r\n", "\v1", "1\x00", `[[[[]]]]`,
	`{"model":"llama3:8b","messages":[{"role":"user","content":"hi"}],"stream":true}`,
	`{"choices":[{"delta":{"content":"x"}}],"usage":{"prompt_tokens":12,"completion_tokens":22}}`,
	strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth),
	strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1),
	strings.Repeat(`{"a":`, maxDepth) + "1" + strings.Repeat("}", maxDepth),
	strings.Repeat(`{"a":`, maxDepth+1) + "1" + strings.Repeat("}", maxDepth+1),
}

// TestValidMatchesEncodingJSON: Valid and json.Valid agree on every edge case, the nesting limit included.
func TestValidMatchesEncodingJSON(t *testing.T) {
	for _, s := range validSeeds {
		if got, want := Valid([]byte(s)), json.Valid([]byte(s)); got != want {
			t.Errorf("Valid(%.60q) = %v, json.Valid says %v", s, got, want)
		}
	}
}

func FuzzValid(f *testing.F) {
	for _, s := range validSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := Valid(b), json.Valid(b); got != want {
			t.Fatalf("Valid(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}

var benchAnswer = []byte(`{"id":"chatcmpl-standin","object":"chat.completion","created":1764757000,"model":"llama3:8b","choices":[{"index":0,"message":{"role":"assistant","content":"Lake Travis is a market for inference: you pay per second, from your daily share of the compute budget."},"finish_reason":"stop"}],"usage":{"prompt_tokens":12,"completion_tokens":22,"total_tokens":34}}`)

func BenchmarkValid(b *testing.B) {
	b.Run("jsonscan", func(b *testing.B) {
		for b.Loop() {
			Valid(benchAnswer)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Valid(benchAnswer)
		}
	})
}
