// Package roles answers "is this address an authorised router?" for the provider's ticket checks, from the
// Marketplace's ROUTER_ROLE, with a small cache so that the chain is asked once per router and TTL rather
// than once per request.
package roles

import (
	"context"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Lookup asks the chain whether addr holds ROUTER_ROLE. *market.Market implements it.
type Lookup interface {
	IsRouter(ctx context.Context, addr common.Address) (bool, error)
}

// Cache remembers answers of a Lookup: a granted role for PositiveTTL, a missing one for NegativeTTL
// (shorter, so a newly authorised router is accepted soon). Errors are not cached. Safe for concurrent use.
type Cache struct {
	lookup      Lookup
	positiveTTL time.Duration
	negativeTTL time.Duration
	now         func() time.Time

	mu      sync.Mutex
	entries map[common.Address]entry
}

type entry struct {
	ok      bool
	expires time.Time
}

// maxEntries bounds the cache; forged tickets signed by random keys would otherwise grow it forever.
const maxEntries = 10_000

// NewCache wraps lookup. Zero TTLs default to 5 minutes (positive) and 30 seconds (negative).
func NewCache(lookup Lookup, positiveTTL, negativeTTL time.Duration) *Cache {
	if positiveTTL <= 0 {
		positiveTTL = 5 * time.Minute
	}
	if negativeTTL <= 0 {
		negativeTTL = 30 * time.Second
	}
	return &Cache{lookup: lookup, positiveTTL: positiveTTL, negativeTTL: negativeTTL, now: time.Now,
		entries: map[common.Address]entry{}}
}

// Known reports whether addr is a router IsRouter answers without a chain read (a fresh entry), or one
// that held the role when last read (its entry stale): the provider holds neither kind of lookup to its
// per-address limit on chain reads, so a known router's entry is always read again whoever floods the
// address it shares.
func (c *Cache) Known(addr common.Address) bool {
	c.mu.Lock()
	e, hit := c.entries[addr]
	c.mu.Unlock()
	return hit && (e.ok || c.now().Before(e.expires))
}

// IsRouter reports whether addr holds ROUTER_ROLE, from the cache when fresh.
func (c *Cache) IsRouter(ctx context.Context, addr common.Address) (bool, error) {
	now := c.now()
	c.mu.Lock()
	e, hit := c.entries[addr]
	c.mu.Unlock()
	if hit && now.Before(e.expires) {
		return e.ok, nil
	}
	ok, err := c.lookup.IsRouter(ctx, addr)
	if err != nil {
		return false, err
	}
	ttl := c.negativeTTL
	if ok {
		ttl = c.positiveTTL
	}
	c.mu.Lock()
	if len(c.entries) >= maxEntries {
		for k, v := range c.entries {
			if !v.ok { // a router's entry, stale or not, is kept: forged keys' entries never push it out
				delete(c.entries, k)
			}
		}
	}
	if len(c.entries) < maxEntries {
		c.entries[addr] = entry{ok: ok, expires: now.Add(ttl)}
	}
	c.mu.Unlock()
	return ok, nil
}
