// Package wire holds the JSON bodies that travel between Lake Travis roles over HTTP (router, provider,
// keeper, user client) as protocol/README.md describes them, plus the PROTOCOL §9 error envelope and the
// request-authentication text users sign for provider calls. Services marshal these types instead of
// defining their own copies, so a field renamed here is renamed everywhere.
package wire

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ethereum/go-ethereum/accounts"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
)

// PROTOCOL §9 error codes shared by every service.
const (
	CodeBadRequest         = "bad_request"
	CodeTooLarge           = "too_large"
	CodeBadSignature       = "bad_signature"
	CodeNonceReused        = "nonce_reused"
	CodeExpired            = "expired"
	CodeAllowanceExhausted = "allowance_exhausted"
	CodeUnknownModel       = "unknown_model"
	CodeNoProvider         = "no_provider"
	CodeUnknownSession     = "unknown_session"
	CodeSessionClosed      = "session_closed"
	CodeForbidden          = "forbidden"
	// 401: the request carries no credentials at all (a provider's session request without its ticket or
	// signed request header); forbidden is for credentials given and refused.
	CodeUnauthorized = "unauthorized"
	CodeReplayed     = "replayed"
	CodeCapacity     = "capacity" // 429: the model is at its concurrency limit ("provider full")
	// 429 from a provider: the session already has its bound of requests in flight (provider serve
	// --session-concurrency). Given before the request is metered or sent upstream, and never to an
	// upstream's own error (a provider renames that code when it relays one), so the client may send the
	// request again, signed afresh, once one of the session's requests has ended: SessionBusy.
	CodeSessionBusy      = "session_busy"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeInternal         = "internal"
	CodeUnavailable      = "unavailable"
	CodeRateLimited      = "rate_limited" // 429, with Retry-After
	// A close's provider signature is not the provider's signer's at the close (401; keepers' own code for
	// it): a provider tries the close again on it (a rotation the router has not confirmed yet).
	CodeBadProviderSignature = "bad_provider_signature"
	// Paid usage (PROTOCOL §4): the allowance left and the deposit together do not cover one second at the
	// price, or the allowance does not cover the session and the user has a withdrawal pending (402).
	CodeDepositExhausted  = "deposit_exhausted"
	CodeWithdrawalPending = "withdrawal_pending"
	// A provider refuses a session's first request that does not carry the user's signed RFC (X-LT-RFC,
	// 403): it accepts a ticket only once it has checked the ticket against the RFC (settle's rfc_* codes).
	CodeRFCRequired = "rfc_required"
)

// IsSessionHoldersAnswer reports whether a router's reply, HTTP status with its §9 code (ignored for a
// 2xx), to a call under /v1/sessions/{id} (a close, GET of the record) is the session's answer: a 2xx, or a
// refusal a router gives only once it has found the session (router/api handleClose: each comes after the
// session's lookup, which answers unknown_session) — 409 session_closed or expired, 401 bad_signature or
// bad_provider_signature — as the router that issued the session does, and its replicas sharing its
// database. Anything else says nothing about the session: unknown_session from a router with another
// database (a stranger, or a copy sharing the issuer's key but not its store), an older version's 400
// bad_request on a body field it does not know, a 404 not_found or 405 of a route it lacks, 429
// rate_limited ("later"), a 5xx. A closer that may send the call to several routers (the user's client
// failing over along its list, provider serve across the URLs that answer for the ticket's router) notes
// such a reply and asks the next router; one rule for both sides of the wire.
func IsSessionHoldersAnswer(status int, code string) bool {
	if status >= 200 && status <= 299 {
		return true
	}
	switch code {
	case CodeSessionClosed, CodeExpired:
		return status == http.StatusConflict
	case CodeBadSignature, CodeBadProviderSignature:
		return status == http.StatusUnauthorized
	}
	return false
}

// SessionBusy reports whether a provider's answer (HTTP status, §9 code) refused a request only because
// its session had its bound of requests in flight: 429 session_busy, which a provider gives before it meters
// the request or sends it upstream. Such a request was not served and may be sent again (signed afresh:
// the refused one's seq is spent); no other refusal says that. One rule for both sides: the provider's
// relay of an upstream's errors never answers one this way (provider/server relayUpstreamError).
func SessionBusy(status int, code string) bool {
	return status == http.StatusTooManyRequests && code == CodeSessionBusy
}

// Error is the PROTOCOL §9 error body: {"error": {"code": "...", "message": "..."}}. It is also a Go error,
// so clients can return what a server said and callers can branch on Code.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// RetryAfter is the answer's Retry-After in whole seconds (DecodeError; 0 when absent or not a number of
	// seconds).
	RetryAfter time.Duration `json:"-"`
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// Errorf builds an *Error.
func Errorf(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

// WriteError writes err as a PROTOCOL §9 body. A plain error becomes 500 "internal" without its text
// (internal details stay in the logs).
func WriteError(w http.ResponseWriter, err error) {
	var e *Error
	if !errors.As(err, &e) {
		e = &Error{Status: http.StatusInternalServerError, Code: CodeInternal, Message: "internal error"}
	}
	WriteJSON(w, e.Status, struct {
		Error *Error `json:"error"`
	}{e})
}

// WriteJSON writes v as JSON with the given status. Text is written as it is, not HTML-escaped: messages
// name headers and forms such as <seq>.<unix seconds>, read in a terminal (the Content-Type is JSON, never
// HTML).
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// DecodeError reads a PROTOCOL §9 error body from a non-2xx response.
func DecodeError(resp *http.Response, body []byte) *Error {
	var env struct {
		Error *Error `json:"error"`
	}
	if json.Unmarshal(body, &env) == nil && env.Error != nil && env.Error.Code != "" {
		env.Error.Status = resp.StatusCode
		env.Error.RetryAfter = retryAfter(resp.Header)
		return env.Error
	}
	msg := string(body)
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return &Error{Status: resp.StatusCode, Code: "http_" + strconv.Itoa(resp.StatusCode), Message: msg, RetryAfter: retryAfter(resp.Header)}
}

// retryAfter reads a Retry-After of delta-seconds (the form every Lake Travis service sends; an HTTP date
// reads as 0).
func retryAfter(h http.Header) time.Duration {
	v := h.Get("Retry-After")
	if v == "" {
		return 0
	}
	n, err := strconv.ParseUint(v, 10, 32)
	if err != nil {
		return 0
	}
	return time.Duration(n) * time.Second
}

// RFCResponse is the router's answer to POST /v1/rfc (PROTOCOL §7 step 3).
type RFCResponse struct {
	SessionID       common.Hash          `json:"sessionId"`
	Provider        common.Address       `json:"provider"`
	Endpoint        string               `json:"endpoint"`
	PricePerSecond  *uint256.Int         `json:"pricePerSecond"` // decimal string
	MaxSeconds      uint32               `json:"maxSeconds,string"`
	Ticket          eip712.SessionTicket `json:"ticket"`
	TicketSignature eip712.Signature     `json:"ticketSignature"`
	Router          common.Address       `json:"router"`
	Payment         *Payment             `json:"payment,omitempty"` // what the reservation holds, per source
}

// Payment is how a router charged a session to a user's two sources (PROTOCOL §4): the free allowance
// first, then (only when the RFC says useDeposit) the deposit. In the RFC answer and while the session is
// open it is the reservation; once closed, the billed amount. It is the router's own account: the keeper
// charges every router's sessions of the day together (PROTOCOL §8), so the settled split can differ when
// the user also used other routers; the keeper's batch file is final.
type Payment struct {
	Allowance *uint256.Int `json:"allowance"` // decimal wei
	Deposit   *uint256.Int `json:"deposit"`
}

// Billed is how billed, at most the reservation p, splits between the sources: the allowance's part of
// the reservation first, the deposit for the rest.
func (p *Payment) Billed(billed *uint256.Int) *Payment {
	if !billed.Gt(p.Allowance) {
		return &Payment{Allowance: billed.Clone(), Deposit: new(uint256.Int)}
	}
	return &Payment{Allowance: p.Allowance.Clone(), Deposit: new(uint256.Int).Sub(billed, p.Allowance)}
}

// CloseRequest is the body of POST /v1/sessions/{id}/close at the router (either or both signatures) and
// at the provider (the user's signature). A provider closing alone adds LastRequest, the newest request the
// session's key signed: it bounds what the provider alone can bill (protocol/settle).
type CloseRequest struct {
	Receipt           eip712.UsageReceipt `json:"receipt"`
	UserSignature     *eip712.Signature   `json:"userSignature,omitempty"`
	ProviderSignature *eip712.Signature   `json:"providerSignature,omitempty"`
	LastRequest       *SignedRequest      `json:"lastRequest,omitempty"`
	// TicketAcceptance is the provider's signer's acceptance of the session's ticket (settle.AcceptanceDigest),
	// which a provider sends with every close it makes: it binds the close to the ticket the provider served.
	TicketAcceptance *eip712.Signature `json:"ticketAcceptance,omitempty"`
}

// HeaderTicketAcceptance is the provider's answer header carrying its acceptance of the session's ticket
// (settle.AcceptanceDigest, 0x-hex signature), once signed: a client keeps it for a close without the
// provider (CloseRequest.TicketAcceptance).
const HeaderTicketAcceptance = "X-LT-Ticket-Acceptance"

// Close reasons of a settlement record.
const (
	CloseReceipt  = "receipt"   // both signatures
	CloseOneSided = "one_sided" // one signature: settled by rule and flagged
	CloseExpired  = "expired"   // no receipt: nothing billed
)

// SessionRecord is the router's record of one session, one type for every role: the answer of
// GET /v1/sessions/{id} and of a close, and (with Cursor set) one entry of the settlement feed
// (GET /v1/settlement/sessions?after=<cursor>). It carries everything a keeper needs to verify and credit
// the session without trusting the router (PROTOCOL §8 v2): the user's signed RFC, the ticket, the receipt
// and its signatures, and for a provider's one-sided close the newest request the session's key signed.
type SessionRecord struct {
	Cursor            string               `json:"cursor,omitempty"` // settlement-feed cursor once settleable
	SessionID         common.Hash          `json:"sessionId"`
	State             string               `json:"state,omitempty"` // open | closed
	RFC               *eip712.RFC          `json:"rfc,omitempty"`   // v2: the user's RFC
	RFCSignature      *eip712.Signature    `json:"rfcSignature,omitempty"`
	Ticket            eip712.SessionTicket `json:"ticket"`
	TicketSignature   eip712.Signature     `json:"ticketSignature"`
	Router            common.Address       `json:"router"`
	Endpoint          string               `json:"endpoint,omitempty"`
	CreatedAt         uint64               `json:"createdAt,string"` // when the router issued the ticket
	ExpiresAt         uint64               `json:"expiresAt,string,omitempty"`
	ClosedAt          uint64               `json:"closedAt,string,omitempty"`
	CloseReason       string               `json:"closeReason,omitempty"`
	Receipt           *eip712.UsageReceipt `json:"receipt,omitempty"`
	UserSignature     *eip712.Signature    `json:"userSignature,omitempty"`
	ProviderSignature *eip712.Signature    `json:"providerSignature,omitempty"`
	LastRequest       *SignedRequest       `json:"lastRequest,omitempty"`      // v2: bounds a provider's one-sided close
	TicketAcceptance  *eip712.Signature    `json:"ticketAcceptance,omitempty"` // the provider's acceptance of this ticket (settle.AcceptanceDigest)
	CloseSignature    *eip712.Signature    `json:"closeSignature,omitempty"`   // the ticket's signer's signature of this close (settle.CloseDigest)
	BilledSeconds     uint32               `json:"billedSeconds,string"`
	Flags             []string             `json:"flags,omitempty"`
	Held              bool                 `json:"held,omitempty"` // flagged: out of the feed until cleared
	Payment           *Payment             `json:"payment,omitempty"`
}

// Close is what the router's close signature of rec covers (settle.CloseDigest, rec.CloseSignature).
func (rec *SessionRecord) Close() settle.Close {
	return settle.Close{Ticket: &rec.Ticket, Receipt: rec.Receipt, CreatedAt: rec.CreatedAt, ClosedAt: rec.ClosedAt,
		Reason: rec.CloseReason, BilledSeconds: rec.BilledSeconds}
}

// Carries reports whether rec records the close req: req's very receipt and each signature req carries
// (the user's, the provider's), at least one. It is how a closer that was answered 409 session_closed
// tells its own close, taken by the router (an earlier attempt whose answer was lost, a close the router
// kept pending and took later, the other side reporting the same signed receipt), from another close of
// the session. The ticket acceptance is not compared: a close may have been taken without it.
func (rec *SessionRecord) Carries(req CloseRequest) bool {
	same := func(got, sent *eip712.Signature) bool { return sent == nil || got != nil && *got == *sent }
	return rec != nil && rec.Receipt != nil && *rec.Receipt == req.Receipt && (req.UserSignature != nil || req.ProviderSignature != nil) &&
		same(rec.UserSignature, req.UserSignature) && same(rec.ProviderSignature, req.ProviderSignature)
}

// SignedRequest is one provider request as the session's key signed it (X-LT-Request and
// X-LT-Signature): enough to rebuild RequestText and recover the signer. It proves the user still used the
// session at Time.
type SignedRequest struct {
	Seq       uint64           `json:"seq,string"`
	Time      uint64           `json:"time,string"`
	Method    string           `json:"method"`
	Path      string           `json:"path"`
	BodyHash  common.Hash      `json:"bodyHash"` // keccak256 of the request body
	Signature eip712.Signature `json:"signature"`
}

// MaxRequestPath bounds SignedRequest.Path (a close body stays small).
const MaxRequestPath = 256

// Signer recovers the address that signed r for session sessionID on chainID.
func (r *SignedRequest) Signer(chainID uint64, sessionID common.Hash) (common.Address, error) {
	if len(r.Path) > MaxRequestPath {
		return common.Address{}, fmt.Errorf("wire: request path over %d bytes", MaxRequestPath)
	}
	return eip712.Recover(RequestDigest(r.Text(chainID, sessionID)), r.Signature[:])
}

// Text is RequestText of r (with its body already hashed).
func (r *SignedRequest) Text(chainID uint64, sessionID common.Hash) string {
	return requestText(chainID, sessionID, r.Seq, r.Time, r.Method, r.Path, r.BodyHash)
}

// SettlementPage is one page of the settlement feed. Next is the cursor to pass as `after` next time
// (equal to the request's when there is nothing new).
type SettlementPage struct {
	Sessions []SessionRecord `json:"sessions"`
	Next     string          `json:"next"`
}

// BillableSeconds is PROTOCOL §7 step 5: min(receipt, ticket maxSeconds, provider limit). A zero limit
// means the provider set none.
func BillableSeconds(receiptSeconds, ticketMaxSeconds, providerLimit uint32) uint32 {
	s := min(receiptSeconds, ticketMaxSeconds)
	if providerLimit > 0 {
		s = min(s, providerLimit)
	}
	return s
}

// Credit is seconds × pricePerSecond split per PROTOCOL §8: builderFeeBps to the model builder, the rest to
// the provider. It reports overflow instead of wrapping.
func Credit(seconds uint32, pricePerSecond *uint256.Int, builderFeeBps uint16) (provider, builder *uint256.Int, err error) {
	total, overflow := new(uint256.Int).MulOverflow(uint256.NewInt(uint64(seconds)), pricePerSecond)
	if overflow {
		return nil, nil, errors.New("wire: credit overflows uint256")
	}
	provider, builder = Split(total, builderFeeBps)
	return provider, builder, nil
}

// Split divides an amount credited for a session per PROTOCOL §8: floor(amount × builderFeeBps / 10000) to
// the model builder, the rest to the provider. A session credited only in part (the user's allowance ran
// out) is split the same way. amount must be below 2^242 (any sum of MOR is).
func Split(amount *uint256.Int, builderFeeBps uint16) (provider, builder *uint256.Int) {
	builder = new(uint256.Int).Mul(amount, uint256.NewInt(uint64(builderFeeBps)))
	builder.Div(builder, uint256.NewInt(10_000))
	provider = new(uint256.Int).Sub(amount, builder)
	return provider, builder
}

// LivenessRequest is the body of POST /v1/liveness at a provider (ModelID: the model the router probes for;
// URL ignored) or at a router (ModelID unused; URL: the URL the asker reached the router at, which the
// router's signed challenge is bound to, BoundChallenge).
type LivenessRequest struct {
	Challenge common.Hash `json:"challenge"`
	ModelID   common.Hash `json:"modelId"`
	URL       string      `json:"url,omitempty"`
}

// Capacity is a provider's free and total concurrent sessions for a model, and the content hashes of the
// models whose weights it has verified against the registry and seeds on IPFS (PROTOCOL §5; at most
// MaxSeeding, a router ignores the rest).
type Capacity struct {
	Free    int           `json:"free"`
	Max     int           `json:"max"`
	Seeding []common.Hash `json:"seeding,omitempty"`
}

// MaxSeeding bounds the content hashes a liveness answer reports.
const MaxSeeding = 64

// LivenessResponse is a provider's answer: a Liveness signed by its registered signer key. A router's
// answer is a Liveness naming the router's address, signed by the router's key, with Capacity zero, and
// a proof of each retired ticket key it still holds (Retired, RetiredRouters). Retired is new: askers
// decode answers leniently, so an older provider ignores it, and an older router sends none.
type LivenessResponse struct {
	Liveness  eip712.Liveness  `json:"liveness"`
	Signature eip712.Signature `json:"signature"`
	Capacity  Capacity         `json:"capacity"`
	Retired   []KeyProof       `json:"retired,omitempty"`
}

// MaxRetiredKeys bounds the retired ticket keys one router proves (KeyProof): each adds about 320 bytes to
// its liveness answer, which askers read up to 16 KiB, and a key is kept only until the sessions it ticketed
// are closed, so a few suffice.
const MaxRetiredKeys = 8

// KeyProof is a router's proof of one retired ticket key (a key whose tickets it signed before its
// current key; it still signs their sessions' closes): a Liveness naming the retired key's address, over
// the answer's own challenge and timestamp, signed by that key. It is the only liveness a retired key
// signs, and it is there only because a provider reports each close to the router whose key signed the
// session's ticket and finds that router's URLs by the keys they prove (provider/server routerDirectory).
type KeyProof struct {
	Liveness  eip712.Liveness  `json:"liveness"`
	Signature eip712.Signature `json:"signature"`
}

// Proof is the keeper's answer to GET /v1/proofs/{account}.
type Proof struct {
	Account          common.Address `json:"account"`
	CumulativeAmount *uint256.Int   `json:"cumulativeAmount"`
	Proof            []common.Hash  `json:"proof"`
	Epoch            uint64         `json:"epoch,string"`
	Root             common.Hash    `json:"root"`
}

// CommittedCredit is a keeper's GET /v1/credits/{account}: the account's cumulative credit in the newest
// root committed on-chain (at the keeper's confirmation depth), whether its dispute window is over or not.
// Until ClaimableAt it cannot be claimed (Proof answers the newest claimable root) and the guardian may
// still veto it.
type CommittedCredit struct {
	Account          common.Address `json:"account"`
	CumulativeAmount *uint256.Int   `json:"cumulativeAmount"`
	Epoch            uint64         `json:"epoch,string"`
	Root             common.Hash    `json:"root"`
	ClaimableAt      uint64         `json:"claimableAt,string"` // unix seconds: the root is claimable from then
	Claimable        bool           `json:"claimable"`          // the keeper has seen the root become claimable
}

// Request authentication headers on provider calls (protocol/README.md).
const (
	HeaderTicket    = "X-LT-Ticket"
	HeaderRequest   = "X-LT-Request"
	HeaderSignature = "X-LT-Signature"
)

// The X-LT headers every provider request and answer carries, in canonical form (http.CanonicalHeaderKey):
// set as map keys and read with HeaderValue, a request's headers cost no name canonicalisation (which
// allocates for names like these).
var (
	KeyTicket           = http.CanonicalHeaderKey(HeaderTicket)
	KeyRequest          = http.CanonicalHeaderKey(HeaderRequest)
	KeySignature        = http.CanonicalHeaderKey(HeaderSignature)
	KeyMAC              = http.CanonicalHeaderKey(HeaderMAC)
	KeyEvidence         = http.CanonicalHeaderKey(HeaderEvidence)
	KeyTicketAcceptance = http.CanonicalHeaderKey(HeaderTicketAcceptance)
)

// HeaderValue is h.Get(key) for a key in canonical form (KeyTicket, …).
func HeaderValue(h http.Header, key string) string {
	if v := h[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// RequestText is the text a ticket's user signs (EIP-191 personal_sign) for one provider request.
func RequestText(chainID uint64, sessionID common.Hash, seq, unix uint64, method, path string, body []byte) string {
	return requestText(chainID, sessionID, seq, unix, method, path, crypto.Keccak256Hash(body))
}

func requestText(chainID uint64, sessionID common.Hash, seq, unix uint64, method, path string, bodyHash common.Hash) string {
	// Built by appending (every request is signed and verified with it): the same text as
	// "LakeTravis request v1\nchain:%d\nsession:%s\nseq:%d\ntime:%d\nmethod:%s\npath:%s\nbody:%s".
	var buf [320]byte // on the stack: only the string is allocated (a path over ~100 bytes grows it)
	b := buf[:0]
	b = append(b, "LakeTravis request v1\nchain:"...)
	b = strconv.AppendUint(b, chainID, 10)
	b = append(b, "\nsession:"...)
	b = hex.AppendEncode(append(b, "0x"...), sessionID[:])
	b = append(b, "\nseq:"...)
	b = strconv.AppendUint(b, seq, 10)
	b = append(b, "\ntime:"...)
	b = strconv.AppendUint(b, unix, 10)
	b = append(b, "\nmethod:"...)
	b = append(b, method...)
	b = append(b, "\npath:"...)
	b = append(b, path...)
	b = append(b, "\nbody:"...)
	b = hex.AppendEncode(append(b, "0x"...), bodyHash[:])
	return string(b)
}

// RequestDigest is the EIP-191 digest of RequestText, what the signature covers.
func RequestDigest(text string) common.Hash {
	return common.BytesToHash(accounts.TextHash([]byte(text)))
}

// ModelKind is what a ModelRegistry entry is (PROTOCOL §5: "Agents are registered the same way"): the
// contract's `enum Kind { Model, Agent }`. In JSON it is "model" or "agent".
type ModelKind uint8

// The registry's kinds, in the contract's enum order.
const (
	KindModel ModelKind = 0
	KindAgent ModelKind = 1
)

// String is "model", "agent", or "kind(N)" for a value the contract does not define.
func (k ModelKind) String() string {
	switch k {
	case KindModel:
		return "model"
	case KindAgent:
		return "agent"
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// ParseModelKind reads "model" or "agent".
func ParseModelKind(s string) (ModelKind, error) {
	switch s {
	case "model":
		return KindModel, nil
	case "agent":
		return KindAgent, nil
	}
	return 0, fmt.Errorf("wire: unknown model kind %q (want model or agent)", s)
}

// MarshalJSON writes the kind's name.
func (k ModelKind) MarshalJSON() ([]byte, error) { return json.Marshal(k.String()) }

// UnmarshalJSON reads a kind's name.
func (k *ModelKind) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("wire: model kind: %w", err)
	}
	v, err := ParseModelKind(s)
	if err != nil {
		return err
	}
	*k = v
	return nil
}
