package server

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
)

// authed is a request that passed authentication: its ticket, the ticket's digest and the request's seq.
type authed struct {
	ticket *eip712.SignedSessionTicket
	digest common.Hash
	seq    uint64
}

// authenticate checks the three X-LT headers against body (protocol/README.md "Session authentication"):
// the ticket is well formed, signed by an authorised router, names this provider and has not expired;
// the request time is within ClockSkew; the request is signed by the ticket's user. The sequence number
// is checked later, by the session table, atomically with admission.
func (s *Server) authenticate(r *http.Request, body []byte) (*authed, error) {
	th := r.Header.Get(wire.HeaderTicket)
	if th == "" {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeForbidden,
			"missing %s header: open a session at a router (POST /v1/rfc) and send its ticket", wire.HeaderTicket)
	}
	raw, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(th, "="))
	if err != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s is not base64url: %v", wire.HeaderTicket, err)
	}
	st, err := eip712.DecodeSignedSessionTicket(raw)
	if err != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s: %v", wire.HeaderTicket, err)
	}
	t := &st.Ticket
	signer, digest, err := st.Recover(s.cfg.Domain)
	if err != nil {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "ticket signature: %v", err)
	}
	ok, err := s.cfg.Routers.IsRouter(r.Context(), signer)
	if err != nil {
		s.log.Warn("router role lookup failed", errField(err))
		return nil, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "cannot check the ticket's router right now; retry")
	}
	if !ok {
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"ticket signed by %s, which is not an authorised router (no ROUTER_ROLE on the Marketplace)", signer)
	}
	if t.Provider != s.cfg.Provider {
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeForbidden,
			"ticket is for provider %s, this is %s", t.Provider, s.cfg.Provider)
	}
	now := s.now()
	if uint64(now.Unix()) > t.NotAfter {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeExpired, "ticket expired at %d (now %d): open a new session", t.NotAfter, now.Unix())
	}

	seqStr, unixStr, found := strings.Cut(r.Header.Get(wire.HeaderRequest), ".")
	seq, err1 := strconv.ParseUint(seqStr, 10, 64)
	unix, err2 := strconv.ParseUint(unixStr, 10, 64)
	if !found || err1 != nil || err2 != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s must be <seq>.<unix seconds>", wire.HeaderRequest)
	}
	skew := int64(s.cfg.ClockSkew / 1e9)
	if d := now.Unix() - int64(unix); d > skew || d < -skew {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeExpired,
			"request time %d is %d s away from the provider's clock (limit %d s): check your clock", unix, d, skew)
	}
	sig, err := hexutil.Decode(r.Header.Get(wire.HeaderSignature))
	if err != nil {
		return nil, wire.Errorf(http.StatusBadRequest, wire.CodeBadRequest, "%s is not 0x-hex: %v", wire.HeaderSignature, err)
	}
	text := wire.RequestText(s.cfg.Domain.ChainID(), t.SessionID, seq, unix, r.Method, r.URL.Path, body)
	user, err := eip712.Recover(wire.RequestDigest(text), sig)
	if err != nil {
		return nil, wire.Errorf(http.StatusUnauthorized, wire.CodeBadSignature, "request signature: %v", err)
	}
	if user != t.User {
		return nil, wire.Errorf(http.StatusForbidden, wire.CodeBadSignature,
			"request signed by %s, the session belongs to %s", user, t.User)
	}
	return &authed{ticket: st, digest: digest, seq: seq}, nil
}
