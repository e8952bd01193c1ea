package ledger

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// Registry answers the on-chain questions verification needs. ChainRegistry implements it over the
// Marketplace and ModelRegistry; errors it returns are transient (RPC) errors, never "no such thing".
type Registry interface {
	// IsRouter reports whether account held ROUTER_ROLE on the Marketplace at time at (unix seconds), as
	// final blocks say. An error (ErrSignersNotFinal: the chain is not final past at) is transient.
	IsRouter(ctx context.Context, account common.Address, at uint64) (bool, error)
	// IsProviderSigner reports whether signer was provider's registered signer key at time at (a record's
	// close, or its session's start), as final blocks say (settle.SignerAt). An error (ErrSignersNotFinal:
	// the chain is not final past at) is transient.
	IsProviderSigner(ctx context.Context, provider, signer common.Address, at uint64) (bool, error)
	// Model returns a registered model's builder and the builder fee in force at time at (unix seconds,
	// ModelRegistry.feeAt); ok is false for an unknown model.
	Model(ctx context.Context, modelID common.Hash, at uint64) (builder common.Address, feeBps uint16, ok bool, err error)
}

// Rejection codes: why a settlement record was refused. They appear in the rejected table, the logs,
// the keeper_rejected_records_total metric and GET /v1/rejected.
const (
	RejectMalformed          = "malformed"            // not a well-formed wire.SessionRecord
	RejectSessionMismatch    = "session_mismatch"     // ids of record, ticket and receipt differ
	RejectBadTicketSignature = "bad_ticket_signature" // ticket signature unusable
	RejectNotRouter          = "not_router"           // ticket signer did not hold ROUTER_ROLE at the session's start
	RejectRouterMismatch     = "router_mismatch"      // record.router is not the ticket's signer
	RejectCloseReason        = "bad_close_reason"     // unknown closeReason or signatures not matching it
	RejectBadUserSignature   = "bad_user_signature"   // receipt not signed by ticket.user
	RejectBadProviderSig     = "bad_provider_signature"
	RejectUnknownProvider    = "unknown_provider" // ticket.provider has no registered signer
	RejectUnknownModel       = "unknown_model"
	RejectOverTicket         = "over_ticket_max_seconds" // billed more than the ticket allows
	RejectOverReceipt        = "over_receipt_seconds"    // billed more than the receipt says
	RejectOverflow           = "overflow"
	RejectDuplicate          = "duplicate" // session already billed (possibly by another router's feed)

	// Protocol v2: no router is trusted (PROTOCOL §8). The record carries the user's signed RFC; the
	// ticket and the billing must follow from what the user and the provider signed. A ticket that does
	// not follow from its RFC is rejected with the settle.Code* of the broken rule (rfc_user_mismatch,
	// session_not_of_rfc, rfc_model_mismatch, rfc_price_exceeded, rfc_max_seconds_exceeded,
	// rfc_session_key_mismatch, rfc_use_deposit_mismatch).
	RejectMissingRFC        = "missing_rfc"            // no RFC or no RFC signature in the record
	RejectBadRFCSignature   = "bad_rfc_signature"      // the RFC is not signed by ticket.user
	RejectBadCloseTime      = "bad_close_time"         // closedAt before the session's start or after its ticket's window
	RejectOverWallClock     = "over_wall_clock"        // billed more than the time between ticket and close
	RejectMissingRequest    = "missing_signed_request" // a provider alone billed without a request the session key signed
	RejectBadRequestSig     = "bad_request_signature"  // lastRequest is not signed by the session key
	RejectOverSignedRequest = "over_signed_requests"   // a provider alone billed more than the newest signed request proves
	RejectBadAcceptance     = "bad_ticket_acceptance"  // ticketAcceptance is not the provider's signer's acceptance of this ticket from this router
	RejectBadCloseSignature = "bad_close_signature"    // closeSignature is not the ticket's signer's signature of this close
)

// Session is a verified, creditable session: what the store keeps and an epoch credits.
type Session = store.Session

// Rejection is a record refused for a definite reason (not a transient error).
type Rejection struct {
	SessionID common.Hash
	Code      string
	Detail    string
}

func (r *Rejection) Error() string { return r.Code + ": " + r.Detail }

func reject(id common.Hash, code, format string, args ...any) *Rejection {
	return &Rejection{SessionID: id, Code: code, Detail: fmt.Sprintf(format, args...)}
}

// Verifier checks settlement records against the signatures and the on-chain registry.
type Verifier struct {
	Domain   *eip712.Domain
	Registry Registry
}

// Verify checks one raw record from feed. It returns the session, or a *Rejection for a record that is
// definitely bad, or another error when the check could not be made (RPC down): the caller retries later
// and must not reject on such an error.
//
// Rules: the ticket is signed by record.router, which held ROUTER_ROLE at the session's start (checkRouter);
// the record carries the user's RFC signed by ticket.user and the ticket follows from it (checkRFC); ticket,
// receipt and record name the same session; "receipt" records carry the user's signature (by
// ticket.user) and the provider's (by the provider's registered signer at the close, settle.SignerAt); "one_sided"
// records carry exactly one of them, valid; "expired" records bill nothing; billed seconds never exceed
// ticket.maxSeconds nor the receipt's seconds nor the time bounds (checkBounds; a billing close outside its
// ticket's window is rejected before the chain is asked anything, checkCloseTime); a closeSignature, when
// present, is the ticket's signer's signature of this close (checkCloseSignature); a ticketAcceptance, when
// present, is the acceptance of this ticket and of its signer by the provider's signer at the session's
// start or at its close (checkAcceptance); the model is registered, and the session pays the builder fee in
// force at its start (settle.Start), whenever it is read: a builder raising its fee after the session
// started takes nothing more from it.
func (v *Verifier) Verify(ctx context.Context, feed string, raw json.RawMessage) (*Session, error) {
	rec, err := decodeRecord(raw)
	if err != nil {
		var probe struct {
			SessionID common.Hash `json:"sessionId"`
		}
		_ = json.Unmarshal(raw, &probe)
		return nil, reject(probe.SessionID, RejectMalformed, "%v", err)
	}
	id := rec.SessionID
	t := &rec.Ticket
	if t.SessionID != id {
		return nil, reject(id, RejectSessionMismatch, "ticket is for session %s", t.SessionID)
	}
	signer, _, err := v.Domain.Recover(t, rec.TicketSignature[:])
	if err != nil {
		return nil, reject(id, RejectBadTicketSignature, "%v", err)
	}
	if signer != rec.Router {
		return nil, reject(id, RejectRouterMismatch, "ticket signed by %s, record names router %s", signer, rec.Router)
	}
	if rej := v.checkCloseSignature(&rec); rej != nil {
		return nil, rej
	}
	if rej := v.checkRFC(&rec); rej != nil {
		return nil, rej
	}
	if rej := checkCloseTime(&rec); rej != nil { // before any answer from the chain: no block changes it
		return nil, rej
	}
	if rej, err := v.checkRouter(ctx, &rec); rej != nil || err != nil {
		if rej != nil {
			return nil, rej
		}
		return nil, err
	}
	if rej, err := v.checkAcceptance(ctx, &rec, signer); rej != nil || err != nil {
		if rej != nil {
			return nil, rej
		}
		return nil, err
	}

	s := &Session{ID: id, Feed: feed, Cursor: rec.Cursor, User: t.User, Provider: t.Provider, Price: t.PricePerSecond,
		Seconds: rec.BilledSeconds, ClosedAt: rec.ClosedAt, UseDeposit: rec.RFC.UseDeposit, StartedAt: settle.Start(rec.CreatedAt, rec.RFC.Deadline)}
	switch rec.CloseReason {
	case wire.CloseExpired:
		if rec.BilledSeconds != 0 {
			return nil, reject(id, RejectCloseReason, "expired session bills %d seconds", rec.BilledSeconds)
		}
		s.ClosedAt = heldUntil(&rec) // it bills nothing: it waits for any billing copy (copies.go)
	case wire.CloseReceipt, wire.CloseOneSided:
		if rec.Receipt == nil {
			return nil, reject(id, RejectCloseReason, "%s record without a receipt", rec.CloseReason)
		}
		if rec.Receipt.SessionID != id {
			return nil, reject(id, RejectSessionMismatch, "receipt is for session %s", rec.Receipt.SessionID)
		}
		if rej, err := v.receiptSignatures(ctx, &rec); rej != nil || err != nil {
			if rej != nil {
				return nil, rej
			}
			return nil, err
		}
		if rec.BilledSeconds > rec.Receipt.Seconds {
			return nil, reject(id, RejectOverReceipt, "billed %d s, receipt says %d s", rec.BilledSeconds, rec.Receipt.Seconds)
		}
		if rej := v.checkBounds(&rec); rej != nil {
			return nil, rej
		}
	default:
		return nil, reject(id, RejectCloseReason, "unknown close reason %q", rec.CloseReason)
	}
	if rec.BilledSeconds > t.MaxSeconds {
		return nil, reject(id, RejectOverTicket, "billed %d s, ticket allows %d s", rec.BilledSeconds, t.MaxSeconds)
	}

	builder, fee, known, err := v.Registry.Model(ctx, t.ModelID, s.StartedAt)
	if err != nil {
		return nil, fmt.Errorf("ledger: model %s: %w", t.ModelID, err)
	}
	if !known {
		return nil, reject(id, RejectUnknownModel, "model %s is not registered", t.ModelID)
	}
	s.Builder, s.FeeBps = builder, fee
	if _, _, err := s.Credit(); err != nil {
		return nil, reject(id, RejectOverflow, "%v", err)
	}
	if s.Record, err = json.Marshal(&rec); err != nil {
		return nil, reject(id, RejectMalformed, "re-encode: %v", err)
	}
	return s, nil
}

// checkRFC applies PROTOCOL §8 v2: the record carries the RFC, signed by ticket.user, and the ticket
// follows from it (settle.TicketOfRFC: session id, model, price, seconds, session key, deposit consent).
func (v *Verifier) checkRFC(rec *wire.SessionRecord) *Rejection {
	id, t := rec.SessionID, &rec.Ticket
	if rec.RFC == nil || rec.RFCSignature == nil {
		return reject(id, RejectMissingRFC, "the record carries no signed RFC: no router vouches for a user")
	}
	digest, err := v.Domain.Verify(rec.RFC, rec.RFCSignature[:], t.User)
	if err != nil {
		return reject(id, RejectBadRFCSignature, "RFC not signed by the ticket's user %s: %v", t.User, err)
	}
	var m *settle.Mismatch
	if err := settle.TicketOfRFC(digest, rec.RFC, t); errors.As(err, &m) {
		return reject(id, m.Code, "%s", m.Detail)
	}
	return nil
}

// checkRouter checks that the ticket's signer (rec.Router, checked equal) held ROUTER_ROLE at the session's
// start, settle.Start: the router's createdAt, never before the RFC's deadline minus 10 minutes. That is a
// function of the signed record and final blocks only, whenever a keeper reads it: a router revoked after
// it issued a session keeps it creditable (the provider served it on a valid ticket), and one revoked
// before cannot date a new one back past the user's signature: a client signs a deadline no earlier than
// the moment it signs, so the session of an RFC signed more than 10 minutes after the revocation starts
// after it, whatever createdAt the router claims (protocol/README.md "A router alone", Revocation).
func (v *Verifier) checkRouter(ctx context.Context, rec *wire.SessionRecord) (*Rejection, error) {
	start := settle.Start(rec.CreatedAt, rec.RFC.Deadline)
	ok, err := v.Registry.IsRouter(ctx, rec.Router, start)
	if err != nil {
		return nil, fmt.Errorf("ledger: router role of %s at %d: %w", rec.Router, start, err)
	}
	if !ok {
		return reject(rec.SessionID, RejectNotRouter, "ticket signer %s did not hold ROUTER_ROLE at the session's start %d", rec.Router, start), nil
	}
	return nil, nil
}

// checkCloseSignature checks a record's closeSignature, when it carries one: the ticket's signer (rec.Router,
// checked equal) signed this record's close, its dates, reason, billed seconds and receipt (settle.CloseDigest).
// It decides only which copy of a session is kept, never what it bills: a record without one is valid but
// loses to a copy of the session whose close its ticket's signer signed (copies.go), so another ROUTER_ROLE
// key republishing the record with dates of its own no longer moves the session to another protocol day.
func (v *Verifier) checkCloseSignature(rec *wire.SessionRecord) *Rejection {
	if rec.CloseSignature == nil {
		return nil
	}
	c := rec.Close()
	signer, err := settle.CloseSigner(v.Domain, &c, rec.CloseSignature)
	if err != nil {
		return reject(rec.SessionID, RejectBadCloseSignature, "close signature: %v", err)
	}
	if signer != rec.Router {
		return reject(rec.SessionID, RejectBadCloseSignature, "close signed by %s, not by the ticket's signer %s", signer, rec.Router)
	}
	return nil
}

// checkAcceptance checks a record's ticketAcceptance, when it carries one: the provider's registered signer
// at the session's start (settle.Start) or at its close (settle.SignerAt of either time) accepted this
// record's ticket as signed by router, the signer Verify recovered from the ticket's signature
// (settle.AcceptanceDigest): the same ticket re-signed by another ROUTER_ROLE key does not carry the
// acceptance along. The provider signs it once, at the session's first request, so a provider that rotates
// its signer mid-session closes with the old key's acceptance and the new key's receipt; either end's key
// counts. An acceptance decides only which copy of a session is kept, never what it bills, and neither
// answer depends on when it is read: a key rotated away from accepts no session started after the
// rotation, and a key registered after the close none. A record without one is valid but loses to any copy
// of the session whose ticket the provider accepted (copies.go).
func (v *Verifier) checkAcceptance(ctx context.Context, rec *wire.SessionRecord, router common.Address) (*Rejection, error) {
	if rec.TicketAcceptance == nil {
		return nil, nil
	}
	id, p := rec.SessionID, rec.Ticket.Provider
	signer, err := settle.AcceptanceSigner(v.Domain, &rec.Ticket, router, rec.TicketAcceptance)
	if err != nil {
		return reject(id, RejectBadAcceptance, "ticket acceptance: %v", err), nil
	}
	times := settle.AcceptanceTimes(rec.CreatedAt, rec.RFC.Deadline, rec.ClosedAt)
	for _, at := range times {
		ok, err := v.Registry.IsProviderSigner(ctx, p, signer, at)
		if err != nil {
			return nil, fmt.Errorf("ledger: signer of provider %s at %d: %w", p, at, err)
		}
		if ok {
			return nil, nil
		}
	}
	return reject(id, RejectBadAcceptance, "ticket acceptance (of another ticket, another router's, or no provider's) signed by %s, provider %s's signer neither at the session's start %d nor at its close %d",
		signer, p, times[0], times[1]), nil
}

// receiptByProvider checks that the receipt's provider signature (recovered as signer, with err) is by the
// registered signer of the record's provider at its close (settle.SignerAt, from final blocks), else
// rejects the record (bad_provider_signature).
func (v *Verifier) receiptByProvider(ctx context.Context, rec *wire.SessionRecord, signer common.Address, err error) (*Rejection, error) {
	if err != nil {
		return reject(rec.SessionID, RejectBadProviderSig, "receipt: %v", err), nil
	}
	ok, err := v.Registry.IsProviderSigner(ctx, rec.Ticket.Provider, signer, rec.ClosedAt)
	if err != nil {
		return nil, fmt.Errorf("ledger: signer of provider %s: %w", rec.Ticket.Provider, err)
	}
	if !ok {
		return reject(rec.SessionID, RejectBadProviderSig, "receipt signed by %s, not provider %s's signer at the close %d", signer, rec.Ticket.Provider, rec.ClosedAt), nil
	}
	return nil, nil
}

// checkCloseTime rejects a billing close dated outside its ticket's window (settle.CheckCloseTime): before
// the session's start, or more than settle.CloseWindow after notAfter. It runs before anything is asked of
// the chain, so such a record (a hostile router's, dated years ahead) is rejected at once instead of
// holding its feed until the chain is final past its close (the provider's signer is judged there). An
// expired close bills nothing and is not bounded: a router that was down dates it when it comes back.
func checkCloseTime(rec *wire.SessionRecord) *Rejection {
	if rec.CloseReason != wire.CloseReceipt && rec.CloseReason != wire.CloseOneSided {
		return nil
	}
	start := settle.Start(rec.CreatedAt, rec.RFC.Deadline)
	if err := settle.CheckCloseTime(start, rec.ClosedAt, rec.Ticket.NotAfter); err != nil {
		return reject(rec.SessionID, RejectBadCloseTime, "%v", err)
	}
	return nil
}

// checkBounds applies PROTOCOL §7 step 5 v2 to a billing close, whose closedAt is within the ticket's
// window (checkCloseTime): billed seconds within the wall clock since the session's start, and, when only
// the provider signed, within what the newest request the session's key signed proves (protocol/settle).
// The start is the router's createdAt but never before the RFC's deadline minus 10 minutes (settle.Start),
// so a router cannot stretch a session into the past.
func (v *Verifier) checkBounds(rec *wire.SessionRecord) *Rejection {
	id, t := rec.SessionID, &rec.Ticket
	start := settle.Start(rec.CreatedAt, rec.RFC.Deadline)
	if limit := settle.WallClock(start, rec.ClosedAt); rec.BilledSeconds > limit {
		return reject(id, RejectOverWallClock, "billed %d s, at most %d s passed between the session's start (%d) and its close (%d)",
			rec.BilledSeconds, limit, start, rec.ClosedAt)
	}
	if rec.UserSignature != nil || rec.BilledSeconds == 0 {
		return nil
	}
	// The provider alone.
	if rec.LastRequest == nil {
		return reject(id, RejectMissingRequest, "a provider alone billed %d s without a request the session's key signed", rec.BilledSeconds)
	}
	signer, err := rec.LastRequest.Signer(v.Domain.ChainID(), id)
	if err != nil || signer != t.Signer() {
		return reject(id, RejectBadRequestSig, "lastRequest signed by %s (%v), the session's key is %s", signer, err, t.Signer())
	}
	if limit := settle.ProviderAlone(start, rec.ClosedAt, rec.LastRequest.Time, true); rec.BilledSeconds > limit {
		return reject(id, RejectOverSignedRequest, "a provider alone billed %d s, the newest signed request (seq %d at %d) proves %d s",
			rec.BilledSeconds, rec.LastRequest.Seq, rec.LastRequest.Time, limit)
	}
	return nil
}

// receiptSignatures checks the receipt's signatures against the close reason.
func (v *Verifier) receiptSignatures(ctx context.Context, rec *wire.SessionRecord) (*Rejection, error) {
	id := rec.SessionID
	t := &rec.Ticket
	if rec.UserSignature != nil {
		if _, err := v.Domain.Verify(rec.Receipt, rec.UserSignature[:], t.Signer()); err != nil {
			return reject(id, RejectBadUserSignature, "%v", err), nil
		}
	}
	if rec.ProviderSignature != nil {
		signer, _, err := v.Domain.Recover(rec.Receipt, rec.ProviderSignature[:])
		if rej, err := v.receiptByProvider(ctx, rec, signer, err); rej != nil || err != nil {
			return rej, err
		}
	}
	switch {
	case rec.CloseReason == wire.CloseReceipt && (rec.UserSignature == nil || rec.ProviderSignature == nil):
		return reject(id, RejectCloseReason, "receipt close needs both signatures"), nil
	case rec.CloseReason == wire.CloseOneSided && (rec.UserSignature == nil) == (rec.ProviderSignature == nil):
		return reject(id, RejectCloseReason, "one_sided close needs exactly one signature"), nil
	}
	return nil, nil
}

// IsRejection reports whether err is a definite rejection and returns it.
func IsRejection(err error) (*Rejection, bool) {
	var r *Rejection
	ok := errors.As(err, &r)
	return r, ok
}

// requiredFields are the wire.SessionRecord members without which a record means nothing (absent members
// would decode as zero values and fail later with a misleading reason).
var requiredFields = []string{"sessionId", "ticket", "ticketSignature", "router", "createdAt", "billedSeconds", "closeReason"}

// decodeRecord is the record raw holds, as Verify reads it: what Verify finds of a record it decodes depends
// on raw only through it, the feed only names the session's Feed (revive's replays rely on both); one it
// refuses is rejected malformed, under the sessionId raw names if any.
func decodeRecord(raw json.RawMessage) (wire.SessionRecord, error) {
	var rec wire.SessionRecord
	if err := requireFields(raw); err != nil {
		return rec, err
	}
	err := json.Unmarshal(raw, &rec)
	return rec, err
}

func requireFields(raw json.RawMessage) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		return err
	}
	for _, f := range requiredFields {
		if _, ok := m[f]; !ok {
			return fmt.Errorf("missing field %q", f)
		}
	}
	return nil
}
