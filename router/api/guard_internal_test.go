package api

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// TestVerifiedCacheBounded: the cache of verified RFC signatures never holds more than two generations,
// and the most recent pairs stay known across a generation change.
func TestVerifiedCacheBounded(t *testing.T) {
	var c verifiedCache
	for i := range 5 * maxVerified {
		c.add(common.Hash{byte(i), byte(i >> 8), byte(i >> 16)}, eip712.Signature{})
		if n := len(c.cur) + len(c.old); n > 2*maxVerified {
			t.Fatalf("%d entries after %d adds", n, i+1)
		}
	}
	last := 5*maxVerified - 1
	for _, i := range []int{last, last - maxVerified + 1} {
		if !c.has(common.Hash{byte(i), byte(i >> 8), byte(i >> 16)}, eip712.Signature{}) {
			t.Fatalf("recent pair %d forgotten", i)
		}
	}
	if c.has(common.Hash{0, 0, 0}, eip712.Signature{}) {
		t.Fatal("the oldest pair is still held")
	}
}
