// Package bidfloor keeps, per model a provider serves, the lowest price it has bid for the model within a
// window: the floor below which provider serve refuses a session ticket. Keepers credit a ticket's price,
// whatever it is (within the user's RFC), so a hostile ROUTER_ROLE key could otherwise have an honest
// provider serve for nothing: a ticket priced at 0 or 1 wei/s for a user whose RFC allows it. An honest
// router prices a ticket at the provider's bid when it matches the RFC; the window keeps a bid the
// provider has just raised valid for the tickets issued before the raise.
package bidfloor

import (
	"context"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/provider/market"
)

// Reader reads this provider's current bid for a model on the Marketplace (0: none).
type Reader interface {
	BidPrice(ctx context.Context, model common.Hash) (*big.Int, error)
}

// MarketBids is a provider's own bids on the Marketplace (a Reader).
type MarketBids struct {
	Market *market.Market
	Owner  common.Address
}

// BidPrice reads Owner's current bid on model.
func (b MarketBids) BidPrice(ctx context.Context, model common.Hash) (*big.Int, error) {
	return b.Market.BidPrice(ctx, b.Owner, model)
}

// Floor is the provider's bid floors. Safe for concurrent use.
type Floor struct {
	read   Reader
	models []common.Hash
	window time.Duration
	now    func() time.Time

	mu   sync.RWMutex
	seen map[common.Hash][]sample // per model, oldest first; the last is the current bid
}

// sample is a bid price and the last time it was read as the current bid.
type sample struct {
	price uint256.Int
	at    time.Time
}

// New returns the floors of models, read through read; a price stays a floor for window after it was last
// the current bid. Refresh must run once before Of knows any floor.
func New(read Reader, models []common.Hash, window time.Duration) *Floor {
	return &Floor{read: read, models: models, window: window, now: time.Now, seen: map[common.Hash][]sample{}}
}

// Refresh reads every model's current bid. A read failing leaves that model's floors as they were.
func (f *Floor) Refresh(ctx context.Context) error {
	var first error
	for _, m := range f.models {
		p, err := f.read.BidPrice(ctx, m)
		if err != nil {
			if first == nil {
				first = err
			}
			continue
		}
		var price uint256.Int
		if price.SetFromBig(p) { // overflow: no Marketplace bid is that large
			continue
		}
		f.note(m, &price)
	}
	return first
}

func (f *Floor) note(m common.Hash, price *uint256.Int) {
	now := f.now()
	f.mu.Lock()
	defer f.mu.Unlock()
	s := f.seen[m]
	if n := len(s); n > 0 && s[n-1].price.Eq(price) {
		s[n-1].at = now
	} else {
		s = append(s, sample{*price, now})
	}
	for len(s) > 1 && now.Sub(s[0].at) > f.window {
		s = s[1:] // at most one sample per bid change within the window is kept
	}
	f.seen[m] = s
}

// Of returns model's floor: the lowest non-zero price bid for it within the window, including the current
// bid; false when the provider has had no bid on it (no floor is known).
func (f *Floor) Of(model common.Hash) (*uint256.Int, bool) {
	now := f.now()
	f.mu.RLock()
	defer f.mu.RUnlock()
	var low *uint256.Int
	s := f.seen[model]
	for i := range s {
		if s[i].price.IsZero() || (i < len(s)-1 && now.Sub(s[i].at) > f.window) {
			continue
		}
		if low == nil || s[i].price.Lt(low) {
			low = new(uint256.Int).Set(&s[i].price)
		}
	}
	return low, low != nil
}
