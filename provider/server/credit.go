package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
)

// CreditChecker says whether a user's credit covers a session's cost (*credit.Checker).
type CreditChecker interface {
	Covers(ctx context.Context, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (credit.Verdict, error)
}

// checkCredit refuses the ticket of a session's first request (after its RFC passed) unless the user's
// allowance of the protocol day, plus the deposit when the ticket says useDeposit, covers
// pricePerSecond × maxSeconds: keepers credit nothing beyond (PROTOCOL §8), so without it a ROUTER_ROLE key
// could have this provider serve a 0-MOR user of its own making in full for nothing. The refusal is the
// router's for the same shortfall: 402 allowance_exhausted.
//
// The reads that are not cached are held to Config.CreditReads, one bucket per ticket's router (a verified
// ROUTER_ROLE key by now): past it a 429 and no read. A router's bucket is spent only by its own tickets, so
// no one else — forged tickets spending the role lookups' limits, another router — can have its users
// refused. A read that fails (the RPC down or slow, a day's first second) serves the session as if the check
// did not exist, logged: the check refuses only on an answer, never on the provider's own trouble.
func (s *Server) checkCredit(w http.ResponseWriter, r *http.Request, vt *verifiedTicket) error {
	if s.cfg.Credit == nil {
		return nil
	}
	t := &vt.st.Ticket
	cost, overflow := new(uint256.Int).MulOverflow(&t.PricePerSecond, uint256.NewInt(uint64(t.MaxSeconds)))
	if overflow {
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"the ticket's pricePerSecond × maxSeconds overflows 256 bits: no allowance covers it")
	}
	router := vt.router.Hex()
	budget := func() error { return s.cfg.CreditReads.Check(w, router) }
	v, err := s.cfg.Credit.Covers(r.Context(), t.User, t.UseDeposit, cost, budget)
	var we *wire.Error
	switch {
	case errors.As(err, &we):
		return err // over the router's credit-read limit: 429
	case err != nil:
		s.log.Warn("allowance read failed: session served unchecked", zap.Stringer("session", t.SessionID),
			zap.Stringer("user", t.User), errField(err))
		return nil
	case v.Covered:
		return nil
	case v.Deposit != nil:
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei) plus deposit %s wei do not cover the ticket's %s wei (pricePerSecond × maxSeconds): keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Deposit.Dec(), cost.Dec())
	default:
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance of day %d (%s wei) does not cover the ticket's %s wei (pricePerSecond × maxSeconds) and the ticket does not say useDeposit: keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), cost.Dec())
	}
}
