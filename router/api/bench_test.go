package api_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/router/api"
	"github.com/laketravis/laketravis/router/health"
	"github.com/laketravis/laketravis/router/match"
)

// bigBook is 10,000 providers with 10 bids each (100,000 bids) over 10 models, 10,000 offers per model.
func bigBook() map[common.Hash][]match.Offer {
	offers := map[common.Hash][]match.Offer{}
	models := make([]common.Hash, 10)
	models[0] = modelID
	for i := 1; i < 10; i++ {
		models[i] = common.Hash{byte(i)}
	}
	for p := range 10_000 {
		addr := common.BytesToAddress(uint256.NewInt(uint64(p + 1)).Bytes())
		for m, id := range models {
			price := uint64(1_000_000_000 + ((p*7919+m*104729)%100_000)*1000)
			offers[id] = append(offers[id], match.Offer{Provider: addr, Price: *uint256.NewInt(price), Stake: *uint256.NewInt(uint64(p))})
		}
	}
	for _, o := range offers {
		match.SortOffers(o)
	}
	return offers
}

// BenchmarkVerifyAndMatch measures RFC intake's CPU path — strict decode, EIP-712 verification and the
// match over a 100,000-bid book — next to one bare crypto.Ecrecover; it reports the ratio (target ≤ 1.5).
// Like router/loadtest's BenchmarkVerifyMatchVsEcrecover, every iteration times one bare Ecrecover and one
// verify+match back to back, so both see the same load on a shared machine, and x_ecrecover is the ratio
// of the two series' medians (a preemption inflates single calls, not the middle of a series). The match
// sub-benchmark is the match step alone.
func BenchmarkVerifyAndMatch(b *testing.B) {
	body := seedRFC()
	offers := bigBook()[modelID]
	hl := health.New(health.Backoff{}, nil)
	req := match.Request{MaxPrice: *uint256.NewInt(5e9), MinTPS: 10}
	dst := make([]match.Candidate, 0, 16)

	srfc, _ := eip712.DecodeSignedRFC(body)
	digest := domain.Digest(&srfc.RFC)
	sig := srfc.Signature
	sig[64] -= 27
	b.Run("verify+match", func(b *testing.B) {
		var tEcrecover, tBoth []time.Duration
		b.ReportAllocs()
		for b.Loop() {
			t0 := time.Now()
			if _, err := crypto.Ecrecover(digest[:], sig[:]); err != nil {
				b.Fatal(err)
			}
			t1 := time.Now()
			srfc, _, err := api.VerifyRFC(domain, body)
			if err != nil {
				b.Fatal(err)
			}
			req.MaxPrice = srfc.RFC.MaxPricePerSecond
			if res := match.Match(offers, &req, hl, 4, dst); len(res.Candidates) == 0 {
				b.Fatal("no match")
			}
			t2 := time.Now()
			tEcrecover = append(tEcrecover, t1.Sub(t0))
			tBoth = append(tBoth, t2.Sub(t1))
		}
		ecr, both := median(tEcrecover), median(tBoth)
		b.ReportMetric(float64(both)/float64(ecr), "x_ecrecover")
		b.ReportMetric(float64(ecr.Nanoseconds()), "ecrecover-ns")
		b.ReportMetric(float64(both.Nanoseconds()), "verify+match-ns")
	})
	b.Run("match", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if res := match.Match(offers, &req, hl, 4, dst); len(res.Candidates) == 0 {
				b.Fatal("no match")
			}
		}
	})
}

// median of ds (sorted in place).
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return ds[(len(ds)-1)/2]
}
