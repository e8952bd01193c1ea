package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
)

// CreditChecker admits a session when its user's credit still covers its cost after what this provider
// admitted for the user that day, and tallies what it admitted (*credit.Checker).
type CreditChecker interface {
	Admit(ctx context.Context, id common.Hash, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (credit.Verdict, error)
	// Done ends a request Admit admitted the session for; open: the session is open here now.
	Done(id common.Hash, open bool)
	// Closed replaces the session's reservation by what it billed.
	Closed(id common.Hash, billed *uint256.Int)
}

// checkCredit refuses the ticket of a session's first request (after its RFC passed) unless the user's
// allowance of the protocol day, plus the deposit when the ticket says useDeposit, still covers
// pricePerSecond × maxSeconds after what this provider admitted for the user that day (provider/credit:
// the open sessions' reservations, the closed ones' bills): keepers credit a user-day nothing beyond
// (PROTOCOL §8), so without it a ROUTER_ROLE key could have this provider serve for nothing a 0-MOR user of
// its own making, or many sessions of a user whose allowance covers one. The refusal is the router's for the
// same shortfall: 402 allowance_exhausted. Admitted (held true), the session's reservation is held: the
// request's handler calls creditDone when it ends, and the session's close creditClosed.
//
// The reads that are not cached are held to Config.CreditReads, one bucket per ticket's router (a verified
// ROUTER_ROLE key by now): past it a 429 and no read. A router's bucket is spent only by its own tickets, so
// no one else — forged tickets spending the role lookups' limits, another router — can have its users
// refused. A read that fails (the RPC down or slow, a day's first second) serves the session as if the check
// did not exist, logged, and untallied: the check refuses only on an answer, never on the provider's own
// trouble.
func (s *Server) checkCredit(w http.ResponseWriter, r *http.Request, vt *verifiedTicket) (held bool, _ error) {
	if s.cfg.Credit == nil {
		return false, nil
	}
	t := &vt.st.Ticket
	cost, overflow := new(uint256.Int).MulOverflow(&t.PricePerSecond, uint256.NewInt(uint64(t.MaxSeconds)))
	if overflow {
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"the ticket's pricePerSecond × maxSeconds overflows 256 bits: no allowance covers it")
	}
	router := vt.router.Hex()
	budget := func() error { return s.cfg.CreditReads.Check(w, router) }
	v, err := s.cfg.Credit.Admit(r.Context(), t.SessionID, t.User, t.UseDeposit, cost, budget)
	var we *wire.Error
	switch {
	case errors.As(err, &we):
		return false, err // over the router's credit-read limit: 429
	case err != nil:
		s.log.Warn("allowance read failed: session served unchecked", zap.Stringer("session", t.SessionID),
			zap.Stringer("user", t.User), errField(err))
		return false, nil
	case v.Covered:
		return true, nil
	case v.Deposit != nil:
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei) plus deposit %s wei, less the %s wei this provider admitted for the user that day, do not cover the ticket's %s wei (pricePerSecond × maxSeconds): keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Deposit.Dec(), v.Admitted.Dec(), cost.Dec())
	default:
		return false, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei), less the %s wei this provider admitted for the user that day, does not cover the ticket's %s wei (pricePerSecond × maxSeconds), and the ticket does not say useDeposit: keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Admitted.Dec(), cost.Dec())
	}
}

// creditDone ends the request p, whose session checkCredit held a reservation for: released unless the
// session is open (the request failed before the session table took it, or the session closed already).
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
