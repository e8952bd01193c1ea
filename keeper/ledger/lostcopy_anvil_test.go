package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// TestDeepReorgCreditsTheCopyThatLostAnvil (THREATS "the chain / RPC"; two keepers, one root): two copies
// of one session through two feeds, the honest close of the deployment's router and a copy a second key B
// re-ticketed at half the price with the same receipt, which the rule keeps (its receipt costs less). B's
// ROUTER_ROLE was granted just before the session started; with one confirmation the grant is final at
// once, and keeper a keeps B's copy pending and rejects the honest one (ticket_conflict). A reorg then
// replaces the grant's block and the one after it with empty ones: on the chain that stays B never held the
// role. Keeper a's next assembly rejects B's copy (not_router_on_recheck), verifies the honest copy again and
// credits it, its rejected row gone: the root keeper b assembles, reading the same feeds only after the
// reorg. Before, the honest copy stayed rejected for good: the provider went unpaid and keeper a assembled
// no epoch where keeper b credits the session.
func TestDeepReorgCreditsTheCopyThatLostAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	ledger.FreshFinal(t, 0) // every assembly reads the chain: no wait for the history's answer to age
	env, r := chainWithRPC(t, ctx)
	routerB := devnet.DevKey(6)
	require.NoError(t, env.GrantRouterRole(ctx, crypto.PubkeyToAddress(routerB.PublicKey)))
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	granted := head.Time
	require.NoError(t, env.Anvil.IncreaseTime(ctx, 10)) // a block later than the close: final past it
	const price, secs = 1_000_000, 5
	honest := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: secs, MaxSeconds: 600, Price: price, Created: granted,
		Closed: granted + secs})
	cheaper := honest
	cheaper.Ticket.PricePerSecond = *uint256.NewInt(price / 2)
	cheaper = resigned(t, env, cheaper, routerB, secs)
	opts := keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1, epochLength: 24 * time.Hour,
		feeds: 2, manual: true, now: func() time.Time { return time.Unix(int64(granted), 0).Add(72 * time.Hour) }}
	a := startKeeper(t, ctx, env, opts)
	a.feeds[0].Add(t, cheaper)
	a.feeds[1].Add(t, honest)
	_, err = a.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.Equal(t, map[string]int{ledger.RejectTicketConflict: 1}, rejectedCodes(t, ctx, a.led), "B's cheaper copy kept")
	require.NoError(t, a.led.Started(ctx)) // the start's recheck done: only the reorg flags the session again

	b := afterDeepReorg(t, ctx, env, r, a, opts) // the grant never happened

	e, err := a.led.LiveEpoch(ctx, 0)
	require.NoError(t, err, "keeper a credits the session (rejected %v)", rejectedCodes(t, ctx, a.led))
	require.Equal(t, credit(t, secs, price).Dec(), e.Total.Dec(), "the honest copy, at its price")
	require.Equal(t, int64(1), e.Sessions)
	sameEpoch0(t, ctx, a, b)
	require.Equal(t, map[string]int{ledger.RejectNotRouter + "_on_recheck": 1}, rejectedCodes(t, ctx, a.led),
		"B's copy rejected; the honest copy's row gone")
	require.Equal(t, map[string]int{ledger.RejectNotRouter: 1}, rejectedCodes(t, ctx, b.led))
	require.Equal(t, 1, a.logs.FilterMessageSnippet("it is the pending copy now").Len(), "the restored copy is logged")
}
