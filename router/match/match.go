// Package match picks providers for an RFC (PROTOCOL §7 step 2): among the offers on a model — staked
// providers with an active bid inside the price bounds — those priced at most the RFC's maximum, not backed
// off, with free capacity and observed TPS/TTFT meeting the RFC, cheapest first; ties by quality score,
// then stake. It is pure and allocation-free given a destination slice: the caller owns the state (order
// book snapshot, provider statistics) and the liveness round trips.
package match

import (
	"cmp"
	"slices"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// Offer is one provider's active bid on a model, with what matching and the liveness check need.
type Offer struct {
	Provider common.Address
	Signer   common.Address // registered signer key: signs liveness proofs and receipts
	Endpoint string
	Price    uint256.Int // MOR-wei per second
	Stake    uint256.Int // active stake
}

// SortOffers orders offers the way Match expects them: price ascending, then stake descending, then
// provider address (a total, deterministic order).
func SortOffers(offers []Offer) {
	slices.SortFunc(offers, func(a, b Offer) int {
		if c := a.Price.Cmp(&b.Price); c != 0 {
			return c
		}
		if c := b.Stake.Cmp(&a.Stake); c != 0 {
			return c
		}
		return a.Provider.Cmp(b.Provider)
	})
}

// Status is what the router currently knows about a provider beyond the chain.
type Status struct {
	// Free is the number of sessions the provider can still take; negative means unknown (treated as free).
	Free int
	// TPS and TTFTMs are observed output tokens per second and time to first token; 0 means unknown (passes).
	TPS    float64
	TTFTMs float64
	// Quality in [0, 1] breaks price ties (higher first); unknown providers get a neutral score.
	Quality float64
	// BackedOff is true while the provider is skipped after failed liveness checks.
	BackedOff bool
}

// Stats reports provider status. Implementations must be safe for concurrent use and fast: Match calls
// Status once per offer it considers.
type Stats interface {
	Status(provider common.Address) Status
}

// Request is the part of an RFC matching looks at.
type Request struct {
	MaxPrice  uint256.Int
	MinTPS    uint32
	MaxTTFTMs uint32
}

// Candidate is a matched offer.
type Candidate struct {
	Offer   *Offer
	Quality float64
}

// Result of Match.
type Result struct {
	Candidates []Candidate // best first, at most the limit (plus ties at the last price)
	Busy       int         // offers that met every condition but had no free capacity
}

// Match returns up to limit candidates from offers (sorted by SortOffers) for req, best first, appending
// to dst[:0]. Offers tied on price with the last candidate are all included, so that the quality tie-break
// sees every tied provider. Busy counts eligible offers excluded only for lack of capacity: when there are
// no candidates but Busy > 0, the RFC should wait in the queue rather than fail.
func Match(offers []Offer, req *Request, stats Stats, limit int, dst []Candidate) Result {
	res := Result{Candidates: dst[:0]}
	var lastPrice *uint256.Int
	for i := range offers {
		o := &offers[i]
		if o.Price.Gt(&req.MaxPrice) {
			break // sorted: nothing cheaper follows
		}
		if len(res.Candidates) >= limit && lastPrice != nil && o.Price.Gt(lastPrice) {
			break
		}
		st := stats.Status(o.Provider)
		if st.BackedOff || !meets(st, req) {
			continue
		}
		if st.Free == 0 {
			res.Busy++
			continue
		}
		res.Candidates = append(res.Candidates, Candidate{Offer: o, Quality: st.Quality})
		lastPrice = &o.Price
	}
	// Offers arrive by price then stake; re-rank ties by quality (stable keeps the stake order).
	slices.SortStableFunc(res.Candidates, func(a, b Candidate) int {
		if c := a.Offer.Price.Cmp(&b.Offer.Price); c != 0 {
			return c
		}
		return cmp.Compare(b.Quality, a.Quality)
	})
	return res
}

func meets(st Status, req *Request) bool {
	if req.MinTPS > 0 && st.TPS > 0 && st.TPS < float64(req.MinTPS) {
		return false
	}
	if req.MaxTTFTMs > 0 && st.TTFTMs > 0 && st.TTFTMs > float64(req.MaxTTFTMs) {
		return false
	}
	return true
}
