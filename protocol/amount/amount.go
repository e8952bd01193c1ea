// Package amount parses and formats MOR amounts and per-second prices as people type them on the
// command line ("100MOR", "0.001MOR/s", "1000000000", "5e9wei/s") and as the chain holds them (wei).
package amount

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// Decimals is the number of decimals of MOR (PROTOCOL §2).
const Decimals = 18

// ErrSyntax is wrapped by every parse error.
var ErrSyntax = errors.New("amount: invalid amount")

var oneMOR = new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil)

// Parse reads an amount of MOR in wei. Accepted forms (spaces and case ignored):
//
//	123            wei
//	123wei         wei
//	1.5MOR         MOR with up to 18 decimals
//	5e9 / 5e9wei   wei with an exponent
//
// A trailing "/s" is accepted and ignored, so Parse also reads prices per second; use ParsePrice when
// the unit must be per second.
func Parse(s string) (*big.Int, error) {
	orig := s
	s = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	s = strings.TrimSuffix(s, "/s")
	s = strings.TrimSuffix(s, "/sec")
	var mor bool
	switch {
	case strings.HasSuffix(s, "mor"):
		mor, s = true, strings.TrimSuffix(s, "mor")
	case strings.HasSuffix(s, "wei"):
		s = strings.TrimSuffix(s, "wei")
	}
	if s == "" {
		return nil, fmt.Errorf("%w: %q is empty", ErrSyntax, orig)
	}
	mant, exp := s, 0
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		mant = s[:i]
		if _, err := fmt.Sscanf(s[i+1:], "%d", &exp); err != nil || exp < 0 || exp > 77 {
			return nil, fmt.Errorf("%w: %q has a bad exponent", ErrSyntax, orig)
		}
	}
	if mor {
		exp += Decimals
	}
	intPart, frac, _ := strings.Cut(mant, ".")
	if intPart == "" && frac == "" {
		return nil, fmt.Errorf("%w: %q", ErrSyntax, orig)
	}
	for _, part := range []string{intPart, frac} {
		for _, c := range part {
			if c < '0' || c > '9' {
				return nil, fmt.Errorf("%w: %q (examples: 100MOR, 0.001MOR/s, 1000000000)", ErrSyntax, orig)
			}
		}
	}
	frac = strings.TrimRight(frac, "0")
	if len(frac) > exp {
		return nil, fmt.Errorf("%w: %q is a fraction of a wei", ErrSyntax, orig)
	}
	digits := intPart + frac + strings.Repeat("0", exp-len(frac))
	v, ok := new(big.Int).SetString(digits, 10)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrSyntax, orig)
	}
	if v.BitLen() > 256 {
		return nil, fmt.Errorf("%w: %q does not fit in uint256", ErrSyntax, orig)
	}
	return v, nil
}

// FormatMOR renders wei as a decimal MOR amount without trailing zeros, e.g. "0.001 MOR".
func FormatMOR(wei *big.Int) string {
	if wei == nil {
		return "0 MOR"
	}
	neg := wei.Sign() < 0
	abs := new(big.Int).Abs(wei)
	q, r := new(big.Int).QuoRem(abs, oneMOR, new(big.Int))
	s := q.String()
	if r.Sign() != 0 {
		f := fmt.Sprintf("%018s", r.String())
		s += "." + strings.TrimRight(f, "0")
	}
	if neg {
		s = "-" + s
	}
	return s + " MOR"
}

// FormatEther renders wei of the chain's native currency, e.g. "0.000231 ETH".
func FormatEther(wei *big.Int) string {
	return strings.TrimSuffix(FormatMOR(wei), " MOR") + " ETH"
}
