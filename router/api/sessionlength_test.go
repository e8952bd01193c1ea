package api_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"
)

// TestDepositPaidTicketWithinSettlementLag (money review): ComputePool pays a withdrawal withdrawalDelay
// after the request, a delay longer than settlementLag (the longest session plus one epoch) plus the
// withdrawal window plus the dispute window, so that every session admitted before the request is settled first (PROTOCOL §4). The
// router must therefore not admit a deposit-paid session that may run longer than that: a user would open
// one covering its whole deposit, request the withdrawal at once, be paid its whole deposit while the session
// still runs (nothing is committed yet), and keep using it; the keeper, reading a deposit of zero, credits
// the provider nothing. The devnet pool is deployed with settlementLag 600 s (contracts/script/params/31337.json).
func TestDepositPaidTicketWithinSettlementLag(t *testing.T) {
	const settlementLag = 600
	p := newStandIn(t, 4)
	e := newEnv(t, 0, []*standIn{p}, []uint64{1e9}) // no allowance: the deposit pays everything
	d := newDepositBook(t, e)
	user := crypto.PubkeyToAddress(e.user.PublicKey)
	d.apply("Deposited", user, big.NewInt(1e18), big.NewInt(1e18))

	r := e.rfc(2e9, 86400) // a day at the price, which the deposit covers
	r.UseDeposit = true
	code, s, b := e.rfcAnswer(r)
	require.Equal(t, 200, code, string(b))
	// At most half the settlementLag (settle.DepositWindow, whatever epoch the router was given): what the
	// keepers' start-up check counts for a ticket.
	require.LessOrEqual(t, int64(s.Ticket.NotAfter)-time.Now().Unix(), int64(settlementLag/2),
		"a deposit-paid ticket of %d s, valid until %d s from now: it outlives the withdrawal delay", s.Ticket.MaxSeconds,
		int64(s.Ticket.NotAfter)-time.Now().Unix())
}
