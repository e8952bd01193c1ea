package api_test

import (
	"testing"

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
	var ecrecoverNs float64
	b.Run("ecrecover", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := crypto.Ecrecover(digest[:], sig[:]); err != nil {
				b.Fatal(err)
			}
		}
		ecrecoverNs = float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	})
	b.Run("verify+match", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			srfc, _, err := api.VerifyRFC(domain, body)
			if err != nil {
				b.Fatal(err)
			}
			req.MaxPrice = srfc.RFC.MaxPricePerSecond
			if res := match.Match(offers, &req, hl, 4, dst); len(res.Candidates) == 0 {
				b.Fatal("no match")
			}
		}
		ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
		if ecrecoverNs > 0 {
			b.ReportMetric(ns/ecrecoverNs, "x_ecrecover")
		}
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
