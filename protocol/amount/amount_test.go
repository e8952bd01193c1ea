package amount

import (
	"errors"
	"math/big"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want string // wei; "" = error
	}{
		{"1000000000", "1000000000"},
		{"1000000000wei/s", "1000000000"},
		{"0.001MOR/s", "1000000000000000"},
		{"100 MOR", "100000000000000000000"},
		{"100mor", "100000000000000000000"},
		{"1.5MOR", "1500000000000000000"},
		{"5e9", "5000000000"},
		{"1e-3MOR", ""},
		{"0.0000000000000000001MOR", ""},
		{"1.5", ""},
		{"abc", ""},
		{"", ""},
		{"MOR", ""},
		{"-1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.want == "" {
				if err == nil || !errors.Is(err, ErrSyntax) {
					t.Fatalf("Parse(%q) = %v, %v; want ErrSyntax", tt.in, got, err)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("Parse(%q) = %v, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestFormatMOR(t *testing.T) {
	tests := map[string]string{
		"0":                     "0 MOR",
		"1000000000000000":      "0.001 MOR",
		"100000000000000000000": "100 MOR",
		"1500000000000000001":   "1.500000000000000001 MOR",
	}
	for in, want := range tests {
		v, _ := new(big.Int).SetString(in, 10)
		if got := FormatMOR(v); got != want {
			t.Errorf("FormatMOR(%s) = %q, want %q", in, got, want)
		}
	}
}
