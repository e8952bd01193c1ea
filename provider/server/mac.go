package server

import (
	"crypto/ecdsa"
	"net/http"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/session"
)

// The per-session MAC fast path of request authentication (protocol/README.md "Session authentication").
// The provider holds a MAC key pair of its own, made at start and announced in X-LT-MAC-Key on every
// answer to an ECDSA-signed request. From the first such request of a session it derives the session's K
// (ECDH with the session key's public key recovered from that request's signature, so K belongs to the
// ticket's session key); later requests may carry X-LT-MAC instead of a signature. Its evidence for a
// close without the user stays ECDSA: a MAC'd request is admitted only while the newest request whose
// signature the provider verified is at most wire.MaxEvidenceLag old, and the signatures that X-LT-Evidence
// carries are verified off the request's path.

// maxMACSessions bounds the sessions whose MAC key is kept. Past it new sessions stay on ECDSA, which is
// correct, only slower.
const maxMACSessions = 1 << 16

// macKeys holds the provider's MAC key and each session's derived key and evidence.
type macKeys struct {
	priv   *ecdsa.PrivateKey
	header []string // X-LT-MAC-Key value

	mu sync.Mutex
	m  map[common.Hash]*macSession
}

// macSession is one session's MAC key and the newest request of the session whose ECDSA signature the
// provider verified (its seq and time), by the rule session.Table.Signed keeps its evidence (the latest
// time, never moving back).
type macSession struct {
	key        *wire.MACKey
	notAfter   uint64
	evidenceSq uint64
	evidenceAt uint64
}

func newMACKeys() (*macKeys, error) {
	priv, err := crypto.GenerateKey()
	if err != nil {
		return nil, err
	}
	return &macKeys{priv: priv, header: []string{wire.EncodeMACKey(&priv.PublicKey)}, m: map[common.Hash]*macSession{}}, nil
}

// get returns the session's key and evidence time, ok false when it has no key.
func (k *macKeys) get(id common.Hash) (key *wire.MACKey, evidenceAt uint64, ok bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if ms := k.m[id]; ms != nil {
		return ms.key, ms.evidenceAt, true
	}
	return key, 0, false
}

// derive makes the session's key from the session key's public key, once per session. Past
// maxMACSessions (after forgetting expired ones) it makes none: the session stays on ECDSA.
func (k *macKeys) derive(t *eip712.SessionTicket, pub *ecdsa.PublicKey, now uint64) error {
	k.mu.Lock()
	if len(k.m) >= maxMACSessions {
		k.pruneLocked(now)
	}
	_, have := k.m[t.SessionID]
	full := len(k.m) >= maxMACSessions
	k.mu.Unlock()
	if have || full {
		return nil
	}
	key, err := wire.SessionMACKey(k.priv, pub, t.SessionID)
	if err != nil {
		return err
	}
	k.mu.Lock()
	if _, have := k.m[t.SessionID]; !have {
		k.m[t.SessionID] = &macSession{key: wire.NewMACKey(key), notAfter: t.NotAfter}
	}
	k.mu.Unlock()
	return nil
}

// signed records a request of the session whose signature by the session's key was verified, when it is
// newer than the one held (session.NewerSigned).
func (k *macKeys) signed(id common.Hash, seq, unix uint64) {
	k.mu.Lock()
	if ms := k.m[id]; ms != nil && session.NewerSigned(&wire.SignedRequest{Seq: seq, Time: unix}, &wire.SignedRequest{Seq: ms.evidenceSq, Time: ms.evidenceAt}) {
		ms.evidenceSq, ms.evidenceAt = seq, unix
	}
	k.mu.Unlock()
}

// forget drops the session's key: its client sent evidence that does not verify, so it signs again.
func (k *macKeys) forget(id common.Hash) {
	k.mu.Lock()
	delete(k.m, id)
	k.mu.Unlock()
}

// prune forgets the keys of sessions whose tickets expired by now.
func (k *macKeys) prune(now uint64) {
	k.mu.Lock()
	k.pruneLocked(now)
	k.mu.Unlock()
}

func (k *macKeys) pruneLocked(now uint64) {
	for id, ms := range k.m {
		if now > ms.notAfter {
			delete(k.m, id)
		}
	}
}

// recordSigned keeps r, an admitted request of session id verified against the session key, as the
// provider's evidence for a close without the user (session.Table.Signed) and for the MAC path's lag.
func (s *Server) recordSigned(id common.Hash, r wire.SignedRequest) {
	s.sessions.Signed(id, r)
	s.mac.signed(id, r.Seq, r.Time)
}

// checkEvidence verifies, off the request's path, an X-LT-Evidence request that came with an admitted
// MAC'd request of ticket t, and keeps it as evidence when the session's key signed it. Evidence that
// does not verify costs the session its MAC key: its later requests must be signed.
func (s *Server) checkEvidence(t *eip712.SessionTicket, ev *wire.SignedRequest) {
	s.background.Add(1)
	go func() {
		defer s.background.Done()
		signer, err := ev.Signer(s.cfg.Domain.ChainID(), t.SessionID)
		if err != nil || signer != t.Signer() {
			s.mac.forget(t.SessionID)
			s.log.Info("request evidence does not verify: the session must sign again", zap.Stringer("session", t.SessionID))
			return
		}
		s.recordSigned(t.SessionID, *ev)
	}()
}

// announceMAC sets X-LT-MAC-Key on an answer.
func (s *Server) announceMAC(w http.ResponseWriter) {
	w.Header()[wire.HeaderMACKey] = s.mac.header
}
