package server

import (
	"context"
	"errors"
	"net/http"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/provider/credit"
)

// CreditChecker says whether a user's credit covers a session's cost (*credit.Checker).
type CreditChecker interface {
	Covers(ctx context.Context, user common.Address, useDeposit bool, cost *uint256.Int, budget func() error) (credit.Verdict, error)
}

// checkCredit refuses the ticket of a session's first request (after its RFC passed) unless the user's
// allowance of the current or the previous protocol day, plus the deposit when the ticket says
// useDeposit, covers pricePerSecond × maxSeconds: keepers credit nothing beyond (PROTOCOL §8), so without
// it a ROUTER_ROLE key could have this provider serve a 0-MOR user of its own making in full for nothing.
// The refusal is the router's for the same shortfall: 402 allowance_exhausted. The reads that are not
// cached are held to the role lookups' limits (Config.ChainReads per client address, ChainReadsTotal):
// past them a 429 and no read.
func (s *Server) checkCredit(w http.ResponseWriter, r *http.Request, t *eip712.SessionTicket) error {
	if s.cfg.Credit == nil {
		return nil
	}
	cost, overflow := new(uint256.Int).MulOverflow(&t.PricePerSecond, uint256.NewInt(uint64(t.MaxSeconds)))
	if overflow {
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"the ticket's pricePerSecond × maxSeconds overflows 256 bits: no allowance covers it")
	}
	ip := ratelimit.ClientIP(r)
	budget := func() error {
		if err := s.cfg.ChainReads.Check(w, ip); err != nil {
			return err
		}
		return s.cfg.ChainReadsTotal.Check(w, "")
	}
	v, err := s.cfg.Credit.Covers(r.Context(), t.User, t.UseDeposit, cost, budget)
	var we *wire.Error
	switch {
	case errors.As(err, &we):
		return err // over the chain-read limits: 429
	case errors.Is(err, chain.ErrDayJustStarted):
		return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "%v; retry in a second", err)
	case err != nil:
		s.log.Warn("allowance read failed", errField(err))
		return wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable, "cannot read the user's allowance right now; retry")
	case v.Covered:
		return nil
	case v.Deposit != nil:
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance (day %d or the day before: at most %s wei) plus deposit %s wei do not cover the ticket's %s wei (pricePerSecond × maxSeconds): keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), v.Deposit.Dec(), cost.Dec())
	default:
		return wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"user %s's allowance (day %d or the day before: at most %s wei) does not cover the ticket's %s wei (pricePerSecond × maxSeconds) and the ticket does not say useDeposit: keepers would credit no more",
			t.User, v.Day, v.Allowance.Dec(), cost.Dec())
	}
}
