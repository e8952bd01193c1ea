package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/internal/atomicfile"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
)

// CreditChecker admits a session when its user's credit still covers its cost after what this provider
// admitted for the user, and tallies what it admitted (*credit.Checker).
type CreditChecker interface {
	// Check is Admit taking nothing: the cheap refusal before a first request's body and signature.
	Check(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (credit.Verdict, error)
	Admit(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (credit.Verdict, error)
	// Done ends a request Admit admitted the session for; open: the session is open here now.
	Done(id common.Hash, open bool)
	// Closed replaces the session's reservation by what it billed.
	Closed(id common.Hash, billed *uint256.Int)
}

// creditRetry is the Retry-After of a 503 when the credit tallies are full (credit.ErrFull): a count is
// dropped only when its sessions release it (or at the day's turn, or a restart), so a retry may be refused
// again.
const creditRetry = time.Minute

// checkCredit refuses the ticket of a session's first request (after its RFC passed) unless the user's
// allowance of the protocol day, plus the deposit when the ticket says useDeposit, still covers
// pricePerSecond × maxSeconds after what this provider admitted for the user (provider/credit: the open
// sessions' reservations, the closed ones' bills; the allowance's part of the day's, the deposit's of every
// day's): keepers credit nothing beyond (PROTOCOL §8), so without it a ROUTER_ROLE key could have this
// provider serve for nothing a 0-MOR user of its own making, or many sessions of a user whose allowance
// covers one. The refusal is the router's for the same shortfall: 402 allowance_exhausted.
//
// It runs twice. Before the body is read and the request's signature checked (admit false) it only
// checks, taking nothing: a ticket not covered at all is refused without its body. After the signature
// (the session key's) verified, just before the session table begins the session (admit true), it takes
// the session's reservation, checked again under the checker's lock: held true, the request's handler
// calls creditDone when it ends, and the session's close creditClosed. So only the session key's holder
// can hold a user's credit: a copy of the user's RFC with a ticket of it and any other signature, its body
// trickling, holds none of it.
//
// The reads that are not cached are held to Config.CreditReads, one bucket per ticket's router (a verified
// ROUTER_ROLE key by now): past it a 429 and no read. A router's bucket is spent only by its own tickets, so
// no one else — forged tickets spending the role lookups' limits, another router — can have its users
// refused. At a day's first second, when the pool cannot answer the day's allowance yet
// (chain.ErrDayJustStarted), when the day read is behind the day's turn the checker saw already
// (credit.ErrDayBehind: a read issued just before the turn), and when the checker's tallies are
// full (credit.ErrFull), a 503 with Retry-After: the session is not served unchecked on a
// refusal a router can time. Any other read that fails (the RPC down or slow) serves the session as if the
// check did not exist, logged, and untallied — the check refuses only on an answer, never on the provider's
// own trouble — but only while the request is live: a read failing because the client hung up (both read
// under the request's context, so no read outlives it) refuses, nothing opened or held.
func (s *Server) checkCredit(w http.ResponseWriter, r *http.Request, vt *verifiedTicket, admit bool) (held bool, _ error) {
	if s.cfg.Credit == nil {
		return false, nil
	}
	t := &vt.st.Ticket
	cost, overflow := t.Cost()
	if overflow {
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"the ticket's pricePerSecond × maxSeconds overflows 256 bits: no allowance covers it")
	}
	router := vt.router.Hex()
	budget := func() error { return s.cfg.CreditReads.Check(w, router) }
	var v credit.Verdict
	var err error
	if admit {
		// Under the request's context: a read ends when the client hangs up, and its failure then refuses
		// (below), so nothing is served unchecked for hanging up.
		v, err = s.cfg.Credit.Admit(r.Context(), t.SessionID, t.User, t.UseDeposit, cost, budget)
	} else {
		v, err = s.cfg.Credit.Check(r.Context(), t.SessionID, t.User, t.UseDeposit, cost, budget)
	}
	var we *wire.Error
	switch {
	case errors.As(err, &we):
		return false, err // over the router's credit-read limit: 429
	case errors.Is(err, chain.ErrDayJustStarted), errors.Is(err, credit.ErrDayBehind), errors.Is(err, credit.ErrWithdrawalUnread):
		ratelimit.Retry(w, time.Second)
		return false, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
			"%v: the user's allowance cannot be checked yet; retry in a second", err)
	case errors.Is(err, credit.ErrFull):
		ratelimit.Retry(w, creditRetry)
		return false, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "%v", err)
	case err != nil && r.Context().Err() != nil:
		// The client hung up: its read failing is no trouble of the provider's, and serving the session
		// unchecked would hand the session key's holder a session with no hold by hanging up.
		return false, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
			"the request ended while its user's credit was read: %v", err)
	case err != nil:
		s.log.Warn("allowance read failed: session served unchecked", zap.Stringer("session", t.SessionID),
			zap.Stringer("user", t.User), errField(err))
		return false, nil
	case v.Covered:
		return v.Held, nil
	case v.WithdrawalPending:
		// The router's code for the same refusal (router/api): no deposit while a withdrawal is pending.
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeWithdrawalPending,
			"user %s's allowance of day %d (%s wei), less the %s wei this provider admitted for the user that day, does not cover the ticket's %s wei (pricePerSecond × maxSeconds), and a withdrawal of the deposit is pending: keepers charge no deposit for the session",
			t.User, v.Day, v.Allowance.Dec(), v.Admitted.Dec(), cost.Dec())
	case v.Deposit != nil:
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei) plus deposit %s wei, less the %s wei this provider admitted for the user (that day's of the allowance, every day's of the deposit), do not cover the ticket's %s wei (pricePerSecond × maxSeconds): keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Deposit.Dec(), v.Admitted.Dec(), cost.Dec())
	default:
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei), less the %s wei this provider admitted for the user that day, does not cover the ticket's %s wei (pricePerSecond × maxSeconds), and the ticket does not say useDeposit: keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Admitted.Dec(), cost.Dec())
	}
}

// admitCredit takes the credit reservation of authenticated request p when it is a session's first
// (preauthenticate checked its credit) and the session is still not open: checkCredit with admit true.
func (s *Server) admitCredit(w http.ResponseWriter, r *http.Request, p *pending) error {
	if !p.first || s.sessions.IsOpen(p.vt.st.Ticket.SessionID) {
		return nil
	}
	var err error
	p.credit, err = s.checkCredit(w, r, p.vt, true)
	return err
}

// creditDone ends the request p, whose session checkCredit held a reservation for: released unless the
// session is open (the request failed before the session table took it, or the session closed already). A
// first request the table took and then refused (429 capacity) leaves its session open: the reservation is
// held until the session closes (idle, billing what it served).
func (s *Server) creditDone(p *pending) {
	id := p.vt.st.Ticket.SessionID
	s.cfg.Credit.Done(id, s.sessions.IsOpen(id))
}

// creditClosed replaces the reservation of session t, closed with a receipt of seconds, by what it bills:
// the seconds within the ticket's maxSeconds (wire.BillableSeconds) × pricePerSecond.
func (s *Server) creditClosed(t *eip712.SessionTicket, seconds uint32) {
	if s.cfg.Credit == nil {
		return
	}
	billed := new(uint256.Int).Mul(uint256.NewInt(uint64(wire.BillableSeconds(seconds, t.MaxSeconds, 0))), &t.PricePerSecond)
	s.cfg.Credit.Closed(t.SessionID, billed)
}

// CreditCounts is a CreditChecker whose counts survive a restart (*credit.Checker): the server saves them
// beside its journal of open sessions (creditCountsFile, written whole or not at all) before each flush of
// the journal when they changed, and restores them in New; the open sessions' reservations come back as
// holds, replaced by their bills when the journal closes the sessions at start (Run), the rest counted in
// full (ReleaseRestored). Without a journal (JournalDir, with ReportDir and RouterURLs) they live in memory
// only.
type CreditCounts interface {
	Counts() (credit.Counts, bool)
	Restore(credit.Counts) error
	// ReleaseRestored counts in full the restored reservations no close replaced (after the journal's).
	ReleaseRestored()
}

// creditCountsFile is the file, in the journal's directory, of the credit counts.
const creditCountsFile = "credit-counts.json"

// creditCounts returns the checker's counts interface and their file, ok false when they are not kept.
func (s *Server) creditCounts() (cc CreditCounts, path string, ok bool) {
	if s.journal == nil || s.cfg.Credit == nil {
		return nil, "", false
	}
	cc, ok = s.cfg.Credit.(CreditCounts)
	return cc, filepath.Join(s.journal.Dir(), creditCountsFile), ok
}

// restoreCredit restores the credit counts a previous run saved (none: nothing to do). A file that does
// not read is an error: starting with empty counts would admit users again what they were admitted.
func (s *Server) restoreCredit() error {
	cc, path, ok := s.creditCounts()
	if !ok {
		return nil
	}
	raw, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("server: credit counts: %w", err)
	}
	var k credit.Counts
	err = json.Unmarshal(raw, &k)
	if err == nil {
		err = cc.Restore(k)
	}
	if err != nil {
		return fmt.Errorf("server: credit counts %s: %w (remove the file to start with none: users are then admitted again up to what this provider admitted them, today's allowance and their deposits)", path, err)
	}
	s.log.Info("credit counts restored", zap.String("file", path), zap.Uint64("day", k.Day),
		zap.Int("allowance", len(k.Allowance)), zap.Int("deposit", len(k.Deposit)), zap.Int("open", len(k.Holds)))
	return nil
}

// saveCredit writes the credit counts when they changed since the last write, or the ones whose write
// failed (creditUnsaved) when they did not change since. Called by flushJournal only (one goroutine at a
// time).
func (s *Server) saveCredit() {
	cc, path, ok := s.creditCounts()
	if !ok {
		return
	}
	if k, changed := cc.Counts(); changed {
		s.creditUnsaved = &k
	}
	if s.creditUnsaved == nil {
		return
	}
	raw, err := json.Marshal(s.creditUnsaved)
	if err == nil {
		err = atomicfile.WriteFile(path, raw, 0o600)
	}
	if err != nil {
		s.log.Error("credit counts not written (tried again at the next flush)", zap.String("file", path), zap.Error(err))
		return
	}
	s.creditUnsaved = nil
}
