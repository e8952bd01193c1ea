package store

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strconv"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
)

// The intake's look-up before matching (RFCSeen) answered from memory on SQLite, where this router is the
// database's only writer: the used nonces (a mirror of the nonces table) and the allowance used per user
// and day (the usage rows this process has read or written). Both take a transaction's writes only after
// it committed, and in commit order (DB.cacheMu), so they never show what the database does not hold; what
// they may miss is a commit of the last instant, exactly what a read on the read pool misses too. On
// PostgreSQL other replicas write the same tables, so no cache is kept there and every look-up reads the
// database.

// maxRecentNonces bounds the nonce mirror: 2²⁰ nonces take ≈ 112 MiB of heap (≈ 56 MiB for 600,000, what
// 1,000 RFC/s with the client's 5-minute deadlines and the minute between prunes keep), so it holds
// ≈ 3,000 RFC/s of such RFCs. A router over it drops the mirror and
// reads the database until every nonce recorded before the drop is pruned (nonceCache.complete).
const maxRecentNonces = 1 << 20

// maxRecentUsage bounds the usage cache; over it the cache starts again empty.
const maxRecentUsage = 1 << 18

type nonceKey struct {
	user  common.Address
	nonce uint64
}

type nonceEntry struct {
	digest   uint64 // the first 8 bytes of the RFC digest that used the nonce; 0: unknown (recorded before Open)
	deadline uint64
}

// nonceCache mirrors the nonces table. At Open it loads the table; dropped for size (dropLocked), it is
// incomplete until a prune has deleted every row recorded before the drop, which their deadlines bound.
type nonceCache struct {
	mu          sync.Mutex
	m           map[nonceKey]nonceEntry
	complete    bool   // m holds every row of the table
	dropUntil   uint64 // the latest deadline of a row dropped: a prune past it completes the mirror
	maxDeadline uint64 // the latest deadline of any row recorded
}

// loadNonces fills the mirror from the nonces table at Open.
func (s *DB) loadNonces(ctx context.Context) error {
	c := &nonceCache{m: make(map[nonceKey]nonceEntry), complete: true}
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT user_addr, nonce, deadline FROM nonces LIMIT %d`, maxRecentNonces+1))
	if err != nil {
		return fmt.Errorf("store: load nonces: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var user, nonce string
		var deadline int64
		if err := rows.Scan(&user, &nonce, &deadline); err != nil {
			return fmt.Errorf("store: load nonces: %w", err)
		}
		n, err := strconv.ParseUint(nonce, 10, 64)
		if err != nil {
			return fmt.Errorf("store: load nonces: nonce %q: %w", nonce, err)
		}
		c.m[nonceKey{common.HexToAddress(user), n}] = nonceEntry{deadline: uint64(deadline)}
		c.maxDeadline = max(c.maxDeadline, uint64(deadline))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: load nonces: %w", err)
	}
	if len(c.m) > maxRecentNonces {
		var latest int64
		if err := s.db.QueryRowContext(ctx, `SELECT MAX(deadline) FROM nonces`).Scan(&latest); err != nil {
			return fmt.Errorf("store: load nonces: %w", err)
		}
		c.maxDeadline = max(c.maxDeadline, uint64(latest))
		c.dropLocked()
	}
	s.nonces = c
	return nil
}

// dropLocked empties the mirror: it is incomplete until a prune has deleted every row recorded so far
// (every committed row is recorded: commits and recording share DB.cacheMu).
func (c *nonceCache) dropLocked() {
	c.m = make(map[nonceKey]nonceEntry)
	c.complete = false
	c.dropUntil = max(c.dropUntil, c.maxDeadline)
}

// add records the nonces of a committed group.
func (c *nonceCache) add(group []*createReq) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, r := range group {
		if !r.created {
			continue
		}
		c.m[nonceKey{r.n.Session.Ticket.User, r.n.Nonce}] = nonceEntry{digest: digestPrefix(r.n.Session.RFCDigest), deadline: r.n.Deadline}
		c.maxDeadline = max(c.maxDeadline, r.n.Deadline)
	}
	if len(c.m) > maxRecentNonces {
		c.dropLocked()
	}
}

// pruned forgets what a committed PruneNonces(now) deleted.
func (c *nonceCache) pruned(now uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.m {
		if e.deadline < now {
			delete(c.m, k)
		}
	}
	if !c.complete && c.dropUntil < now {
		c.complete = true // DELETE … WHERE deadline < now took every row dropped
	}
}

// nonceAnswer is what the mirror says of an RFC's nonce.
type nonceAnswer int

const (
	nonceAsk     nonceAnswer = iota // the mirror cannot tell: read the database
	nonceFree                       // not used
	nonceOther                      // used by another RFC
	nonceThisRFC                    // used, most likely by this RFC (same digest prefix): read its session
)

// lookup answers for an RFC with digest.
func (c *nonceCache) lookup(user common.Address, nonce uint64, digest common.Hash) nonceAnswer {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.complete {
		return nonceAsk
	}
	e, ok := c.m[nonceKey{user, nonce}]
	switch {
	case !ok:
		return nonceFree
	case e.digest == 0:
		return nonceAsk // recorded before Open (or a digest starting with 8 zero bytes)
	case e.digest == digestPrefix(digest):
		return nonceThisRFC
	default:
		return nonceOther
	}
}

func digestPrefix(h common.Hash) uint64 { return binary.BigEndian.Uint64(h[:8]) }

// usageCache holds the allowance used per user and day as committed. A value read from the database is
// stored only if no write was recorded since the read began (gen), so a read racing a commit never puts
// back the value from before it.
type usageCache struct {
	mu  sync.Mutex
	gen uint64
	m   map[usageKey]*uint256.Int
}

func (c *usageCache) get(k usageKey) (*uint256.Int, uint64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	if ok {
		v = v.Clone()
	}
	return v, c.gen, ok
}

// fill stores v read from the database after get returned gen.
func (c *usageCache) fill(k usageKey, v *uint256.Int, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.gen == gen && len(c.m) < maxRecentUsage {
		c.m[k] = v.Clone()
	}
}

// set records committed values.
func (c *usageCache) set(keys []usageKey, vals map[usageKey]*uint256.Int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	if len(c.m)+len(keys) > maxRecentUsage {
		c.m = make(map[usageKey]*uint256.Int)
	}
	for _, k := range keys {
		c.m[k] = vals[k].Clone()
	}
}

// forgetBefore drops the days a committed usage prune deleted.
func (c *usageCache) forgetBefore(day uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for k := range c.m {
		if k.day < day {
			delete(c.m, k)
		}
	}
}

// seenFromMemory answers RFCSeen from the caches, or ok=false when the database must be read.
func (s *DB) seenFromMemory(ctx context.Context, digest common.Hash, user common.Address, nonce, deadline, day, now uint64) (seen Seen, ok bool, err error) {
	if s.nonces == nil || deadline < now {
		// An expired RFC may have its session although its nonce is pruned: the database knows.
		return Seen{}, false, nil
	}
	answer := s.nonces.lookup(user, nonce, digest)
	if answer == nonceAsk {
		return Seen{}, false, nil
	}
	k := usageKey{hexAddr(user), day}
	used, gen, hit := s.usage.get(k)
	if !hit {
		if used, err = s.Used(ctx, user, day); err != nil {
			return Seen{}, false, err
		}
		s.usage.fill(k, used, gen)
	}
	seen = Seen{Used: used}
	switch answer {
	case nonceOther:
		seen.NonceUsed = true
	case nonceThisRFC:
		sess, err := s.SessionByDigest(ctx, digest)
		if errors.Is(err, ErrUnknownSession) {
			seen.NonceUsed = true // another RFC whose digest starts alike
			return seen, true, nil
		}
		if err != nil {
			return Seen{}, false, err
		}
		seen.Session = sess
	}
	return seen, true, nil
}
