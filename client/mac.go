package client

import (
	"net/http"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// The per-session MAC fast path (SessionOptions.MAC; protocol/README.md "Session authentication"). Once
// a provider has announced its MAC key (X-LT-MAC-Key, on the answer to an ECDSA-signed request), the
// session authenticates requests with X-LT-MAC, an HMAC under the key both ends derive by ECDH, instead
// of an ECDSA signature on the request's path. Each MAC'd request is still signed, after it is sent, and
// the signature travels with the next request (X-LT-Evidence): the provider's evidence for a close
// without the user stays a request the session key signed, at most one request and wire.MaxEvidenceLag
// behind. When the evidence sent is older than half that lag, or the provider refuses a MAC, the request
// is signed as before.

// maxMACFailures is how many refused MACs turn the fast path off for the rest of a session (a provider
// whose announced key does not match its checks, or someone rewriting the announcement).
const maxMACFailures = 2

// macState is a session's fast-path state, guarded by Session.mu.
type macState struct {
	on         bool         // SessionOptions.MAC and not given up
	key        *wire.MACKey // nil until the provider announced its MAC key
	failures   int
	evidenceAt uint64              // time of the newest request whose signature the provider has been sent
	signedAt   uint64              // time of the newest request signed or being signed
	pending    *wire.SignedRequest // signed after it was sent, not yet sent as evidence
}

// authorizeMAC sets X-LT-MAC (and X-LT-Evidence when a signature is ready) for r when the fast path is
// usable, and signs r (the first request of each second) while it travels, for the next request's
// evidence: wait, when not nil, returns once that signature is kept. ok false: sign r now.
func (s *Session) authorizeMAC(req *http.Request, r wire.SignedRequest) (wait func(), ok bool) {
	s.mu.Lock()
	m := &s.mac
	if !m.on || m.key == nil || r.Time > m.evidenceAt+wire.MaxEvidenceLag/2 {
		s.mu.Unlock()
		return nil, false
	}
	key, ev := m.key, m.pending
	m.pending = nil
	if ev != nil {
		m.evidenceAt = max(m.evidenceAt, ev.Time)
	}
	// One signature a second is evidence enough (times are whole seconds), and keeps the signing
	// off busy sessions' CPU budget.
	sign := r.Time > m.signedAt
	if sign {
		m.signedAt = r.Time
	}
	s.mu.Unlock()
	text := r.Text(s.domain.ChainID(), s.grant.SessionID)
	mac := key.Sum(text)
	req.Header[wire.KeyMAC] = []string{hexutil.Encode(mac[:])}
	if ev != nil {
		req.Header[wire.KeyEvidence] = []string{wire.EncodeEvidence(ev)}
	}
	if !sign {
		return nil, true
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.signLater(r, text)
	}()
	return func() { <-done }, true
}

// signLater signs r (whose text is text) for a later request's X-LT-Evidence.
func (s *Session) signLater(r wire.SignedRequest, text string) {
	sig, err := eip712.Sign(wire.RequestDigest(text), s.key)
	if err != nil {
		return
	}
	r.Signature = sig
	s.mu.Lock()
	if p := s.mac.pending; p == nil || r.Seq > p.Seq {
		s.mac.pending = &r
	}
	s.mu.Unlock()
}

// signedNow records that a request of time unix went out signed: it is the provider's newest evidence,
// and any signature still waiting to be sent is older.
func (s *Session) signedNow(unix uint64) {
	s.mu.Lock()
	s.mac.evidenceAt = max(s.mac.evidenceAt, unix)
	s.mac.signedAt = max(s.mac.signedAt, unix)
	s.mac.pending = nil
	s.mu.Unlock()
}

// learnMACKey derives the session's MAC key from the provider's announcement on the answer to a signed
// request. A malformed or wrong announcement costs only the fast path: nobody without the session key or
// the provider's MAC key can compute the provider's K, so MACs under any other key are refused.
func (s *Session) learnMACKey(resp *http.Response) {
	h := resp.Header.Get(wire.HeaderMACKey)
	if h == "" {
		return
	}
	s.mu.Lock()
	want := s.mac.on && s.mac.key == nil
	s.mu.Unlock()
	if !want {
		return
	}
	pub, err := wire.ParseMACKey(h)
	if err != nil {
		return
	}
	k, err := wire.SessionMACKey(s.key, pub, s.grant.SessionID)
	if err != nil {
		return
	}
	s.mu.Lock()
	if s.mac.on && s.mac.key == nil {
		s.mac.key = wire.NewMACKey(k)
	}
	s.mu.Unlock()
}

// macRefused forgets the MAC key after the provider refused a MAC'd request with status (it announces its
// key again on the next signed answer). 401 asks for a signature (the provider holds no key for the
// session, or its evidence is too old); 403 is a MAC that did not verify, and maxMACFailures of those
// give the fast path up.
func (s *Session) macRefused(status int) {
	s.mu.Lock()
	s.mac.key = nil
	if status == http.StatusForbidden {
		if s.mac.failures++; s.mac.failures >= maxMACFailures {
			s.mac.on = false
		}
	}
	s.mu.Unlock()
}
