package api

import (
	"context"
	"net/http"
	"time"

	"github.com/holiman/uint256"
	"go.uber.org/zap"

	"github.com/laketravis/laketravis/internal/ratelimit"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/wire"
	"github.com/laketravis/laketravis/router/book"
	"github.com/laketravis/laketravis/router/store"
)

// Paid usage (PROTOCOL §4, §6 useDeposit; issue 16). A session is admitted beyond the user's free allowance
// only when its RFC says useDeposit, no withdrawal of the user is pending, and the deposit's unreserved part
// covers the rest. The router cannot know the user's committed spend exactly (it is in the keepers' spend
// tree, and other routers charge the same deposit), so it counts conservatively: the deposit
// (depositOf, from the indexed events) minus the spend the user's last withdrawal proved on-chain minus
// everything this router charged the deposit since (open reservations and billed amounts, settled or not,
// store.DepositUsed). Other routers' charges it cannot see: the keeper, which charges every router's
// sessions together, credits nothing beyond the deposit (PROTOCOL §8).
//
// A session's ticket is capped to what the allowance left plus that unreserved deposit cover at the
// ticket's price (maxSeconds = min(the RFC's, credit / price)), so the provider ends the session when the
// user's credit is used up (it bills at most the ticket's maxSeconds, PROTOCOL §7 step 5).
//
// A session that may pay from the deposit also costs at most the ComputePool's daily spend cap:
// commitRoot refuses a day's deposit spend above the day's cap, so the keeper holds back a session that does
// not fit in what is left of it, and one whose deposit charge alone were above the cap would be held for
// ever, its provider never paid. The keeper charges every router's sessions of a user to its allowance
// first, in an order this router cannot see, so any useDeposit session may fall on the deposit whole: its
// whole cost is bounded, not only the part this router's count leaves to the deposit. The session may be
// committed on any day from today on, so the bound is the lowest cap in force today or scheduled after it
// (book.Snapshot.LowestSpendCap): maxSeconds <= that cap / price; the store refuses a reservation whose
// deposit part is above it too (store.DepositLimit.MaxSession).
//
// A book that knows no cap (no DailySpendCapSet folded: an index whose first sync has not reached the
// ComputePool constructor's event, a re-index under way, a PostgreSQL follower whose leader runs a binary
// that does not index the event) cannot bound such a session, and a ticket issued without the bound may be
// held for ever: every useDeposit RFC is then refused, 503 unavailable with Retry-After, before anything is
// read from the chain or reserved and before the user's rate counts it (depositSpendCap), and the user
// retries later or at another router. RFCs without useDeposit never fall on the deposit and are served as
// before.

// credit is what a user can spend on one session: the allowance left today and, with consent, the deposit.
type credit struct {
	remaining  *uint256.Int        // allowance left today
	useDeposit bool                // the RFC's consent
	pending    bool                // a withdrawal request is pending: no deposit-paid session
	available  *uint256.Int        // the deposit's unreserved part (see above)
	spendCap   *uint256.Int        // most a useDeposit session may cost (see above); nil without useDeposit
	limit      *store.DepositLimit // for the store's atomic check; nil: the allowance alone
}

// spendCapRetry is the Retry-After of the 503 for a useDeposit RFC while the book knows no daily spend cap:
// an index catching up or a leader to upgrade, neither over in seconds.
const spendCapRetry = time.Minute

// depositSpendCap is the most a useDeposit RFC's session may cost (see above), the lowest cap from day (the
// protocol day) on; nil without useDeposit. While the book knows no cap a useDeposit RFC is refused (see
// above), with Retry-After set on w: the handler asks before the user's rate and any chain read.
func depositSpendCap(w http.ResponseWriter, snap *book.Snapshot, rfc *eip712.RFC, day uint64) (*uint256.Int, error) {
	if !rfc.UseDeposit {
		return nil, nil
	}
	c := snap.LowestSpendCap(day)
	if c == nil {
		ratelimit.Retry(w, spendCapRetry)
		return nil, wire.Errorf(http.StatusServiceUnavailable, wire.CodeUnavailable,
			"this router's index has not read the ComputePool's daily spend cap yet, which bounds a session that may pay from the deposit: "+
				"retry later, or try another router (a session without useDeposit is served)")
	}
	return c, nil
}

// credit reads the user's deposit position (only for RFCs that consent to paying from it); spendCap is
// depositSpendCap's.
func (s *Server) credit(ctx context.Context, snap *book.Snapshot, rfc *eip712.RFC, remaining, spendCap *uint256.Int) (*credit, error) {
	c := &credit{remaining: remaining, useDeposit: rfc.UseDeposit, available: new(uint256.Int), spendCap: spendCap}
	if !rfc.UseDeposit {
		return c, nil
	}
	dep := snap.Deposits.Of(rfc.User)
	c.pending = !dep.Requested.IsZero()
	if c.pending || !dep.Deposit.Gt(dep.SpentProven) {
		return c, nil
	}
	limit := &store.DepositLimit{Available: new(uint256.Int).Sub(dep.Deposit, dep.SpentProven), Gen: dep.Withdrawals, MaxSession: c.spendCap}
	charged, err := s.store.DepositUsed(ctx, rfc.User, dep.Withdrawals)
	if err != nil {
		return nil, err
	}
	if limit.Available.Gt(charged) {
		c.available.Sub(limit.Available, charged)
	}
	c.limit = limit
	return c, nil
}

// grant returns the seconds a session at price may last (the RFC's maxSeconds, or fewer when the
// deposit pays part of it) and the deposit limit for the store, or the PROTOCOL §9 refusal.
func (c *credit) grant(price *uint256.Int, maxSeconds uint32) (uint32, *store.DepositLimit, error) {
	if c.useDeposit && !price.IsZero() { // depositSpendCap set spendCap
		// Every router's sessions of the user are charged to its allowance first, in an order this router
		// cannot see (PROTOCOL §8), so a useDeposit session may fall on the deposit whole: its whole cost
		// stays within the cap, not only the part this router's count leaves to the deposit.
		if secs := new(uint256.Int).Div(c.spendCap, price); secs.Lt(uint256.NewInt(uint64(maxSeconds))) {
			if maxSeconds = uint32(secs.Uint64()); maxSeconds == 0 {
				return 0, nil, wire.Errorf(http.StatusPaymentRequired, wire.CodeDepositExhausted,
					"the daily spend cap %s wei does not cover one second at %s wei/s (a session that may pay from the deposit costs at most the cap)", c.spendCap.Dec(), price.Dec())
			}
		}
	}
	cost := new(uint256.Int).Mul(price, uint256.NewInt(uint64(maxSeconds)))
	if !cost.Gt(c.remaining) {
		return maxSeconds, c.limit, nil // the allowance covers it (the store still splits atomically)
	}
	switch {
	case !c.useDeposit:
		return 0, nil, wire.Errorf(http.StatusPaymentRequired, wire.CodeAllowanceExhausted,
			"allowance left today %s wei, session %s wei (the RFC does not allow paying the rest from the deposit)", c.remaining.Dec(), cost.Dec())
	case c.pending:
		return 0, nil, wire.Errorf(http.StatusPaymentRequired, wire.CodeWithdrawalPending,
			"allowance left today %s wei, session %s wei, and a withdrawal of the deposit is pending: cancel it or wait for it to be paid", c.remaining.Dec(), cost.Dec())
	}
	total := new(uint256.Int).Add(c.remaining, c.available)
	secs := new(uint256.Int).Div(total, price) // price > 0 here: a zero cost is never above remaining
	if secs.Lt(uint256.NewInt(uint64(maxSeconds))) {
		maxSeconds = uint32(secs.Uint64())
	}
	if maxSeconds == 0 {
		return 0, nil, wire.Errorf(http.StatusPaymentRequired, wire.CodeDepositExhausted,
			"allowance left today %s wei and unreserved deposit %s wei do not cover one second at %s wei/s", c.remaining.Dec(), c.available.Dec(), price.Dec())
	}
	return maxSeconds, c.limit, nil
}

// maxSeconds is the RFC's maxSeconds, for a useDeposit RFC at most what fits in the deposit window with
// the grace (notAfter − now <= Config.DepositWindow): a longer session could still run when a withdrawal
// requested at its start is paid, and the keeper would charge a deposit already withdrawn.
func (s *Server) maxSeconds(rfc *eip712.RFC) uint32 {
	w := s.cfg.DepositWindow - s.cfg.Grace
	if !rfc.UseDeposit || s.cfg.DepositWindow <= 0 || uint64(rfc.MaxSeconds) <= uint64(max(w, 0)/time.Second) {
		return rfc.MaxSeconds
	}
	return uint32(max(w, 0) / time.Second)
}

// payment is the session's split between the sources (wire.Payment).
func payment(sess *store.Session) *wire.Payment {
	a, d := sess.Split()
	return &wire.Payment{Allowance: a, Deposit: d}
}

// depositsResponse is GET /v1/deposits: the deposits held in the ComputePool, from the indexed events.
type depositsResponse struct {
	book.DepositTotals
	Block      uint64       `json:"block,string"`
	Day        uint64       `json:"day,string"`
	SpentToday *uint256.Int `json:"spentToday"` // paid from deposits in the epochs committed today (SpendCommitted)
}

// chainDown answers a public read whose chain read failed: 502 with no detail (the operator's node and
// its errors are not the caller's), the error logged for the operator.
func (s *Server) chainDown(what string, err error) error {
	s.log.Warn(what+": chain read failed", zap.Error(err))
	return wire.Errorf(http.StatusBadGateway, wire.CodeUnavailable, "the router's chain node did not answer; retry")
}

func (s *Server) handleDeposits(w http.ResponseWriter, r *http.Request) error {
	day, err := s.allow.Day(r.Context())
	if err != nil {
		return s.chainDown("deposits", err)
	}
	snap := s.book.Snapshot()
	w.Header().Set("Cache-Control", "no-store")
	wire.WriteJSON(w, http.StatusOK, depositsResponse{DepositTotals: snap.Deposits.Totals(), Block: snap.Block, Day: day, SpentToday: snap.SpentOnDay(day)})
	return nil
}
