package match

import (
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"
)

type statMap map[common.Address]Status

func (m statMap) Status(p common.Address) Status {
	if s, ok := m[p]; ok {
		return s
	}
	return Status{Free: -1, Quality: 0.5}
}

func addr(i int) common.Address { return common.BigToAddress(uint256.NewInt(uint64(i)).ToBig()) }

func offer(i int, price, stake uint64) Offer {
	return Offer{Provider: addr(i), Endpoint: fmt.Sprint("http://p", i), Price: *uint256.NewInt(price), Stake: *uint256.NewInt(stake)}
}

func TestMatch(t *testing.T) {
	tests := []struct {
		name   string
		offers []Offer
		stats  statMap
		req    Request
		limit  int
		want   []int // provider indexes, best first
		busy   int
	}{
		{name: "cheapest first", offers: []Offer{offer(1, 30, 1), offer(2, 10, 1), offer(3, 20, 1)},
			req: Request{MaxPrice: *uint256.NewInt(100)}, limit: 3, want: []int{2, 3, 1}},
		{name: "price cap excludes dearer", offers: []Offer{offer(1, 30, 1), offer(2, 10, 1), offer(3, 20, 1)},
			req: Request{MaxPrice: *uint256.NewInt(20)}, limit: 5, want: []int{2, 3}},
		{name: "price cap below all", offers: []Offer{offer(1, 30, 1)}, req: Request{MaxPrice: *uint256.NewInt(29)}, limit: 5, want: nil},
		{name: "limit cuts", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1), offer(3, 3, 1)},
			req: Request{MaxPrice: *uint256.NewInt(100)}, limit: 2, want: []int{1, 2}},
		{name: "ties by quality then stake", offers: []Offer{offer(1, 10, 5), offer(2, 10, 9), offer(3, 10, 7), offer(4, 10, 1)},
			stats: statMap{addr(1): {Free: -1, Quality: 0.9}, addr(4): {Free: -1, Quality: 0.9}},
			req:   Request{MaxPrice: *uint256.NewInt(10)}, limit: 1, want: []int{1, 4, 2, 3}},
		{name: "capacity: busy skipped and counted", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1), offer(3, 3, 1)},
			stats: statMap{addr(1): {Free: 0}, addr(2): {Free: 2}},
			req:   Request{MaxPrice: *uint256.NewInt(100)}, limit: 5, want: []int{2, 3}, busy: 1},
		{name: "all busy", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1)},
			stats: statMap{addr(1): {Free: 0}, addr(2): {Free: 0}},
			req:   Request{MaxPrice: *uint256.NewInt(100)}, limit: 5, want: nil, busy: 2},
		{name: "min tps: slow excluded, unknown passes", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1), offer(3, 3, 1)},
			stats: statMap{addr(1): {Free: -1, TPS: 5}, addr(2): {Free: -1, TPS: 50}},
			req:   Request{MaxPrice: *uint256.NewInt(100), MinTPS: 20}, limit: 5, want: []int{2, 3}},
		{name: "max ttft", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1)},
			stats: statMap{addr(1): {Free: -1, TTFTMs: 900}, addr(2): {Free: -1, TTFTMs: 100}},
			req:   Request{MaxPrice: *uint256.NewInt(100), MaxTTFTMs: 500}, limit: 5, want: []int{2}},
		{name: "failover order: backed-off provider skipped", offers: []Offer{offer(1, 1, 1), offer(2, 2, 1), offer(3, 3, 1)},
			stats: statMap{addr(1): {Free: -1, BackedOff: true}},
			req:   Request{MaxPrice: *uint256.NewInt(100)}, limit: 2, want: []int{2, 3}},
		{name: "no offers", req: Request{MaxPrice: *uint256.NewInt(100)}, limit: 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			SortOffers(tc.offers)
			stats := tc.stats
			if stats == nil {
				stats = statMap{}
			}
			res := Match(tc.offers, &tc.req, stats, tc.limit, nil)
			var got []int
			for _, c := range res.Candidates {
				got = append(got, int(c.Offer.Provider.Big().Int64()))
			}
			require.Equal(t, tc.want, got)
			require.Equal(t, tc.busy, res.Busy)
		})
	}
}

func TestSortOffers(t *testing.T) {
	o := []Offer{offer(3, 5, 1), offer(1, 5, 9), offer(2, 1, 1), offer(4, 5, 9)}
	SortOffers(o)
	var got []int
	for _, x := range o {
		got = append(got, int(x.Provider.Big().Int64()))
	}
	require.Equal(t, []int{2, 1, 4, 3}, got)
}

// BenchmarkMatch is the match step alone on a model with 10,000 offers (target ≤ 2 µs).
func BenchmarkMatch(b *testing.B) {
	offers := make([]Offer, 10_000)
	for i := range offers {
		offers[i] = offer(i+1, uint64(1_000_000_000+(i*7919)%10_000), uint64(i))
	}
	SortOffers(offers)
	stats := statMap{}
	req := Request{MaxPrice: *uint256.NewInt(2_000_000_000), MinTPS: 10}
	dst := make([]Candidate, 0, 16)
	b.ReportAllocs()
	for b.Loop() {
		res := Match(offers, &req, stats, 4, dst)
		if len(res.Candidates) == 0 {
			b.Fatal("no match")
		}
	}
}
