package api

import (
	"sync"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/internal/netguard"
	"github.com/laketravis/laketravis/protocol/eip712"
)

// endpointRefused says why the outbound guard refuses provider p's endpoint: the static check of the
// URL, else the refusal seen when it was last probed (a name that resolved to a refused address), else "".
func (s *Server) endpointRefused(p common.Address, endpoint string) string {
	if err := s.cfg.Endpoints.CheckURL(endpoint); err != nil {
		return err.Error()
	}
	if why, ok := s.refused.Load(p); ok {
		return why.(string)
	}
	return ""
}

// probed records whether provider p's last probe was refused by the outbound guard.
func (s *Server) probed(p common.Address, err error) {
	if err != nil && netguard.Refused(err) {
		s.refused.Store(p, err.Error())
		return
	}
	s.refused.Delete(p)
}

// verifyRFC checks the RFC's signature under the domain (digest is its EIP-712 digest). A signature that
// verified once for the same digest is not recovered again: a retried or replayed RFC costs no
// elliptic-curve work.
func (s *Server) verifyRFC(srfc *eip712.SignedRFC, digest common.Hash) error {
	if s.verified.has(digest, srfc.Signature) {
		return nil
	}
	if _, err := srfc.Verify(s.cfg.Domain); err != nil {
		return decodeError(err)
	}
	s.verified.add(digest, srfc.Signature)
	return nil
}

// maxVerified bounds each of verifiedCache's two generations (about 130 bytes an entry): at most 2 ×
// maxVerified entries, ≈ 2 MB, whatever the load. A retried RFC comes back within seconds, well inside
// the newer generation's span (a minute at 130 RFCs a second).
const maxVerified = 8192

type verifiedKey struct {
	digest common.Hash
	sig    eip712.Signature
}

// verifiedCache is the set of (digest, signature) pairs whose signature verified, in two generations:
// when the newer is full the older is dropped and the newer becomes the older, so the cache keeps the
// most recent pairs instead of growing until it is thrown away whole.
type verifiedCache struct {
	mu       sync.Mutex
	cur, old map[verifiedKey]struct{}
}

func (c *verifiedCache) has(d common.Hash, sig eip712.Signature) bool {
	k := verifiedKey{d, sig}
	c.mu.Lock()
	_, ok := c.cur[k]
	if !ok {
		_, ok = c.old[k]
	}
	c.mu.Unlock()
	return ok
}

func (c *verifiedCache) add(d common.Hash, sig eip712.Signature) {
	c.mu.Lock()
	if c.cur == nil || len(c.cur) >= maxVerified {
		c.old, c.cur = c.cur, make(map[verifiedKey]struct{}, 1024)
	}
	c.cur[verifiedKey{d, sig}] = struct{}{}
	c.mu.Unlock()
}
