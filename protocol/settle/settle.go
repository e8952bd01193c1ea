// Package settle holds the settlement rules of a closed session that several roles apply (PROTOCOL §7
// step 5, §8 v2), each once: whether a ticket follows from the user's RFC (the client before it uses a
// ticket, the keeper before it credits one), the most seconds a close may bill given who signed it (the
// router caps what it records, the keeper refuses records above it), and which key signs for a provider
// at a time (SignerAt: a receipt at the close, a ticket acceptance at the session's start or close; the
// keeper over the signer history, anyone re-checking a batch file); and the protocol day a time falls in
// (Day: the keeper charges a session to its close's, the router checks a late close against it).
// protocol/README.md says what each side can and cannot do alone.
package settle

import (
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/laketravis/laketravis/protocol/eip712"
)

// Codes of the ways a ticket can fail to follow from its RFC; the keeper rejects a record with the code.
const (
	CodeUserMismatch       = "rfc_user_mismatch"        // ticket.user is not the RFC's user
	CodeSessionNotOfRFC    = "session_not_of_rfc"       // sessionId != keccak256(abi.encode(rfcDigest, provider))
	CodeModelMismatch      = "rfc_model_mismatch"       // ticket model is not the RFC's
	CodePriceOverRFC       = "rfc_price_exceeded"       // pricePerSecond > the RFC's maxPricePerSecond
	CodeMaxSecondsOverRFC  = "rfc_max_seconds_exceeded" // ticket maxSeconds > the RFC's
	CodeSessionKeyMismatch = "rfc_session_key_mismatch" // ticket sessionKey is not the one the RFC authorised
	CodeUseDepositMismatch = "rfc_use_deposit_mismatch" // ticket useDeposit differs from the user's consent
)

// Mismatch is a ticket that does not follow from its RFC; Code is one of the Code* constants.
type Mismatch struct {
	Code   string
	Detail string
}

func (m *Mismatch) Error() string { return m.Code + ": " + m.Detail }

func mismatch(code, format string, args ...any) *Mismatch {
	return &Mismatch{Code: code, Detail: fmt.Sprintf(format, args...)}
}

// TicketOfRFC checks that ticket t grants nothing the user's RFC (whose EIP-712 digest is rfcDigest) did
// not ask for: the same user, the session id derived from the RFC and t.provider, the same model, a price
// within the RFC's maximum, at most the RFC's seconds, the session key the RFC authorised and the user's
// deposit consent. It returns a *Mismatch or nil. It does not check signatures.
func TicketOfRFC(rfcDigest common.Hash, rfc *eip712.RFC, t *eip712.SessionTicket) error {
	switch want := eip712.SessionID(rfcDigest, t.Provider); {
	case t.User != rfc.User:
		return mismatch(CodeUserMismatch, "ticket user %s, RFC user %s", t.User, rfc.User)
	case t.SessionID != want:
		return mismatch(CodeSessionNotOfRFC, "session id %s, the RFC and provider %s give %s", t.SessionID, t.Provider, want)
	case t.ModelID != rfc.ModelID:
		return mismatch(CodeModelMismatch, "ticket model %s, RFC model %s", t.ModelID, rfc.ModelID)
	case t.PricePerSecond.Gt(&rfc.MaxPricePerSecond):
		return mismatch(CodePriceOverRFC, "ticket price %s above the RFC's maximum %s", t.PricePerSecond.Dec(), rfc.MaxPricePerSecond.Dec())
	case t.MaxSeconds > rfc.MaxSeconds:
		return mismatch(CodeMaxSecondsOverRFC, "ticket maxSeconds %d above the RFC's %d", t.MaxSeconds, rfc.MaxSeconds)
	case t.SessionKey != rfc.SessionKey:
		return mismatch(CodeSessionKeyMismatch, "ticket session key %s, the RFC authorised %s", t.SessionKey, rfc.SessionKey)
	case t.UseDeposit != rfc.UseDeposit:
		return mismatch(CodeUseDepositMismatch, "ticket useDeposit %t, the RFC says %t", t.UseDeposit, rfc.UseDeposit)
	}
	return nil
}

// Time bounds of a close, in seconds.
const (
	// ClockResolution: timestamps are whole unix seconds (truncated) and the meter rounds active time up
	// to whole seconds, so a session may honestly meter one second more than closedAt - start.
	ClockResolution = 1
	// RequestGrace is how long after the time of the newest request the session's key signed a provider
	// closing alone may still bill: the request may reach the provider up to its clock-skew limit (60 s)
	// later and then stream its answer.
	RequestGrace = 300
	// CloseWindow is how long after a ticket's notAfter a close is still accepted (router) and credited
	// (keeper). A router's expiry grace (router --grace) must stay below it.
	CloseWindow = 3600
)

// TicketSlack is how far past its RFC's deadline plus maxSeconds an honest router's ticket may last
// (seconds): a router checks the deadline when the RFC arrives, issues the ticket after its queue (10 s by
// default, router --queue-timeout, at most 5 min) and liveness probes, and sets notAfter to the issue time
// plus the ticket's maxSeconds (at most the RFC's) plus its grace, below CloseWindow (the router refuses a
// larger --grace). CloseWindow covers the grace, eip712.MaxDeadlineAhead (10 minutes, sixty times the
// default queue) the queue and probes.
const TicketSlack = CloseWindow + uint64(eip712.MaxDeadlineAhead/time.Second)

// LatestNotAfter is the latest notAfter of a ticket an honest router issues for an RFC with this deadline
// and maxSeconds: deadline + maxSeconds + TicketSlack, the largest uint64 when that overflows (a deadline
// no router admits). A later notAfter would unbind what hangs on it — how long a client reads an answer
// (client.AnswerGrace), until when a provider may close alone and a provider holds a closed session's id
// — so the client refuses such a grant (client.CheckGrant) and a provider such a ticket.
func LatestNotAfter(deadline, maxSeconds uint64) uint64 {
	if b := deadline + maxSeconds + TicketSlack; b >= deadline {
		return b
	}
	return ^uint64(0)
}

// Start is the earliest time a settlement may take a session to have begun: the issuing router's
// createdAt, but never before the RFC's deadline minus eip712.MaxDeadlineAhead. A router admits an RFC
// only while its deadline is at most that far ahead, so whatever createdAt a router claims, the user's own
// signature proves the session did not begin earlier.
func Start(createdAt, rfcDeadline uint64) uint64 {
	ahead := uint64(eip712.MaxDeadlineAhead / time.Second)
	return max(createdAt, rfcDeadline-min(rfcDeadline, ahead))
}

// Day returns the protocol day unix time t falls in, (t − payoutStart) / interval as ComputePool.dayOf
// (PROTOCOL §2); ok is false before payoutStart or with no interval. Keepers charge a session to the day
// of its closedAt, and a router checks a close against the same day.
func Day(payoutStart, interval, t uint64) (day uint64, ok bool) {
	if t < payoutStart || interval == 0 {
		return 0, false
	}
	return (t - payoutStart) / interval, true
}

// LastClose is the last closedAt (unix seconds, inclusive) at which a close of a ticket with this notAfter
// is still accepted (router) and credited (keeper): CloseWindow after notAfter.
func LastClose(notAfter uint64) uint64 { return notAfter + CloseWindow }

// DepositWindow is how far ahead of its issue a useDeposit ticket's notAfter may lie: the pool's
// settlementLag minus one keeper epoch, and never more than half the settlementLag (half of it when epoch is
// 0, unknown: the router's default). The half bounds every honest router's tickets whatever epoch its
// operator gave it, so the keepers, who cannot know the routers' settings, count half the settlementLag for
// a ticket; a session's close may still come CloseWindow after notAfter, and the keepers refuse an epoch
// with which that, their epoch and the pool's withdrawal window reach its minWithdrawalDelay (keeper/ledger
// CheckWithdrawalDelay): so the session is over and committed before a withdrawal requested at its start is
// paid, where a longer one could still be served when the deposit it was to be charged to is gone. The
// router caps the tickets it issues to it; a provider refuses a ticket beyond it (provider serve
// --epoch-length, half the settlementLag without).
func DepositWindow(settlementLag, epoch time.Duration) time.Duration {
	return min(settlementLag-epoch, settlementLag/2)
}

// Closable reports whether a close made at t is still accepted (router) and credited (keeper) for a ticket
// whose LastClose is last: the router dates a close in whole unix seconds (t truncated, ClockResolution),
// and last is inclusive. A provider asks it before it sends a close, or keeps one to send.
func Closable(last uint64, t time.Time) bool {
	s := t.Unix()
	return s < 0 || uint64(s) <= last
}

// CheckCloseTime reports whether closedAt lies in the ticket's validity window: not before start and at
// most LastClose(notAfter).
func CheckCloseTime(start, closedAt, notAfter uint64) error {
	switch {
	case closedAt < start:
		return fmt.Errorf("closed at %d, before the session started (%d)", closedAt, start)
	case closedAt > LastClose(notAfter):
		return fmt.Errorf("closed at %d, more than %d s after the ticket's notAfter %d", closedAt, CloseWindow, notAfter)
	}
	return nil
}

// WallClock is the most seconds any close may bill, whoever signed it: the wall-clock time from start to
// closedAt (plus ClockResolution). Even a user and a provider together cannot bill faster than time passes.
func WallClock(start, closedAt uint64) uint32 {
	if closedAt < start {
		return 0
	}
	return uint32(min(closedAt-start+ClockResolution, 1<<32-1))
}

// ProviderAlone is the most seconds a provider closing without the user's receipt signature may bill:
// up to RequestGrace after the newest request the session's key signed (lastRequestTime), and never
// beyond closedAt. Without such a request (ok false) it may bill nothing.
func ProviderAlone(start, closedAt, lastRequestTime uint64, ok bool) uint32 {
	if !ok {
		return 0
	}
	return WallClock(start, min(closedAt, lastRequestTime+RequestGrace))
}
