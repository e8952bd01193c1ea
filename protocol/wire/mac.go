package wire

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
)

// The per-session MAC fast path of request authentication (protocol/README.md "Session authentication"):
// instead of an X-LT-Signature, a request may carry X-LT-MAC, HMAC-SHA256 under a key both ends derive
// once per session by ECDH between the session's key and the provider's MAC key, whose public half the
// provider announces in X-LT-MAC-Key on its answers. X-LT-Evidence carries an earlier request of the
// session with its ECDSA signature, the provider's evidence for a close without the user.
const (
	HeaderMAC      = "X-LT-MAC"
	HeaderMACKey   = "X-LT-MAC-Key"
	HeaderEvidence = "X-LT-Evidence"
)

// MaxEvidenceLag (seconds) is how far the newest ECDSA-signed request a provider holds may lag behind a
// request it admits on a MAC alone: a provider closing without the user bills up to that request's time
// plus settle.RequestGrace, so the MAC path costs an honest provider at most this much of that bound.
// Past it the client signs the request (X-LT-Signature) again.
const MaxEvidenceLag = 10

// macKeyTag separates the session MAC key from any other use of the ECDH secret.
const macKeyTag = "LakeTravis session MAC v1"

// SessionMACKey is K = keccak256("LakeTravis session MAC v1" || x || sessionId), x the 32-byte x
// coordinate of the ECDH point priv·peer on secp256k1. The client computes it from the session key and
// the provider's MAC public key, the provider from its MAC key and the session key's public key (recovered
// from an ECDSA-signed request of the session): both get the same K, and nobody without one of the two
// private keys can.
func SessionMACKey(priv *ecdsa.PrivateKey, peer *ecdsa.PublicKey, sessionID common.Hash) ([32]byte, error) {
	var k [32]byte
	if priv == nil || peer == nil || peer.X == nil || peer.Y == nil {
		return k, errors.New("wire: session MAC key needs a private and a public key")
	}
	curve := crypto.S256()
	if !curve.IsOnCurve(peer.X, peer.Y) {
		return k, errors.New("wire: session MAC key: public key not on secp256k1")
	}
	var d [32]byte
	priv.D.FillBytes(d[:])
	x, _ := curve.ScalarMult(peer.X, peer.Y, d[:])
	clear(d[:])
	if x == nil || x.Sign() == 0 {
		return k, errors.New("wire: session MAC key: degenerate ECDH point")
	}
	var xb [32]byte
	x.FillBytes(xb[:])
	x.SetInt64(0)
	h := crypto.NewKeccakState()
	h.Write([]byte(macKeyTag))
	h.Write(xb[:])
	h.Write(sessionID[:])
	h.Read(k[:])
	clear(xb[:])
	return k, nil
}

// RequestMAC is HMAC-SHA256 under key of RequestText (the text a signature would cover).
func RequestMAC(key [32]byte, text string) [32]byte {
	m := hmac.New(sha256.New, key[:])
	m.Write([]byte(text))
	var out [32]byte
	m.Sum(out[:0])
	return out
}

// MACKey is a session's MAC key with its keyed HMAC-SHA256 states kept for reuse: Sum and Check give
// RequestMAC and its constant-time check without setting HMAC up again (two hash states and two key blocks) for
// every request of the session. Safe for concurrent use.
type MACKey struct {
	key   [32]byte
	state sync.Pool // of *macState
}

type macState struct {
	h   hash.Hash
	buf []byte   // the text, copied for h.Write
	sum [32]byte // h.Sum's output (on the heap with the state, not a new one per MAC)
}

// NewMACKey returns key ready for Sum and Check.
func NewMACKey(key [32]byte) *MACKey { return &MACKey{key: key} }

// Key returns the key.
func (k *MACKey) Key() [32]byte { return k.key }

// Sum is RequestMAC(k's key, text).
func (k *MACKey) Sum(text string) [32]byte {
	st, _ := k.state.Get().(*macState)
	if st == nil {
		st = &macState{h: hmac.New(sha256.New, k.key[:])}
	} else {
		st.h.Reset()
	}
	st.buf = append(st.buf[:0], text...)
	st.h.Write(st.buf)
	st.h.Sum(st.sum[:0])
	out := st.sum
	if cap(st.buf) <= 4<<10 { // a request text is a few hundred bytes; keep no large buffer
		k.state.Put(st)
	}
	return out
}

// Check reports whether mac (X-LT-MAC: 0x and 64 hex digits) is RequestMAC(k's key, text), in constant time.
func (k *MACKey) Check(text, mac string) bool {
	var got [32]byte
	if len(mac) != 2+2*len(got) || !strings.HasPrefix(mac, "0x") {
		return false
	}
	if _, err := hex.Decode(got[:], []byte(mac[2:])); err != nil {
		return false
	}
	want := k.Sum(text)
	return hmac.Equal(got[:], want[:])
}

// EncodeMACKey is the X-LT-MAC-Key value of pub: 0x-hex of its 33-byte compressed form.
func EncodeMACKey(pub *ecdsa.PublicKey) string {
	return hexutil.Encode(crypto.CompressPubkey(pub))
}

// ParseMACKey reads an X-LT-MAC-Key value.
func ParseMACKey(s string) (*ecdsa.PublicKey, error) {
	b, err := hexutil.Decode(s)
	if err != nil {
		return nil, fmt.Errorf("wire: %s: %w", HeaderMACKey, err)
	}
	pub, err := crypto.DecompressPubkey(b)
	if err != nil {
		return nil, fmt.Errorf("wire: %s: %w", HeaderMACKey, err)
	}
	return pub, nil
}

// EncodeEvidence is the X-LT-Evidence value of r: "<seq>.<time>.<method>.<0x body hash>.<0x signature>.<path>".
func EncodeEvidence(r *SignedRequest) string {
	b := make([]byte, 0, 240+len(r.Path))
	b = strconv.AppendUint(b, r.Seq, 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, r.Time, 10)
	b = append(b, '.')
	b = append(b, r.Method...)
	b = append(b, ".0x"...)
	b = hex.AppendEncode(b, r.BodyHash[:])
	b = append(b, ".0x"...)
	b = hex.AppendEncode(b, r.Signature[:])
	b = append(b, '.')
	b = append(b, r.Path...)
	return string(b)
}

// ParseEvidence reads an X-LT-Evidence value. It checks the form only; the signature is the reader's to
// verify (SignedRequest.Signer).
func ParseEvidence(s string) (*SignedRequest, error) {
	bad := fmt.Errorf("wire: %s must be <seq>.<time>.<method>.<0x body hash>.<0x signature>.<path>", HeaderEvidence)
	var f [5]string
	rest := s
	for i := range f {
		var ok bool
		if f[i], rest, ok = strings.Cut(rest, "."); !ok {
			return nil, bad
		}
	}
	r := &SignedRequest{Method: f[2], Path: rest}
	var err1, err2 error
	r.Seq, err1 = strconv.ParseUint(f[0], 10, 64)
	r.Time, err2 = strconv.ParseUint(f[1], 10, 64)
	if err1 != nil || err2 != nil || r.Method == "" || len(r.Path) > MaxRequestPath || !strings.HasPrefix(r.Path, "/") ||
		!decodeHex0x(r.BodyHash[:], f[3]) || !decodeHex0x(r.Signature[:], f[4]) {
		return nil, bad
	}
	return r, nil
}

// decodeHex0x decodes "0x" + exactly 2·len(dst) hex digits into dst.
func decodeHex0x(dst []byte, s string) bool {
	if len(s) != 2+2*len(dst) || !strings.HasPrefix(s, "0x") {
		return false
	}
	_, err := hex.Decode(dst, []byte(s[2:]))
	return err == nil
}
