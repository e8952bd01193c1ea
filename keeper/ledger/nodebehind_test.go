package ledger_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/chain/follow"
	"github.com/laketravis/laketravis/chain/follow/followtest"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/protocol/ids"
)

// TestChainDepositsLoseNoEventToANodeBehind: the chain client fails over, between the follower's read of
// a range's last block (block 20, head 20) and the range's logs, to a node at block 10, which answers the
// logs it has: u's deposit in block 5, not v's in block 15 nor u's withdrawal of everything in block 18.
// The range is refused (follow.ErrLogsChanged) and read again: once the node has caught up, v has its
// deposit and u none. Before, the range counted as read and those events were lost for good: v's deposit
// never chargeable, u's withdrawn deposit charged.
func TestChainDepositsLoseNoEventToANodeBehind(t *testing.T) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	pool := common.Address{0xc0}
	u, v := common.Address{0x0a}, common.Address{0x0b}
	n := func(x int64) *big.Int { return big.NewInt(x) }
	event := poolEvents(t, a, pool)
	c := followtest.New(20,
		event(5, 0, "Deposited", u, n(100), n(100)),
		event(15, 0, "Deposited", v, n(50), n(50)),
		event(18, 0, "Withdrawn", u, n(100), n(0), n(0), n(0)))
	d, err := ledger.NewChainDeposits(pool, c.FailOver(10), 0, 1, 0, zaptest.NewLogger(t))
	require.NoError(t, err)
	at := depositsAt(t, d)

	_, err = d.DepositsAt(context.Background(), 1020)
	require.ErrorIs(t, err, follow.ErrLogsChanged, "blocks 0-20 answered by a node at 10")
	require.Zero(t, d.EventsHeld())

	require.Equal(t, map[common.Address]uint64{u: 100}, at(1010), "the node at 10: blocks 0-10")
	c.Head = 20 // caught up
	require.Equal(t, map[common.Address]uint64{u: 0, v: 50}, at(1020))
	require.Equal(t, 3, d.EventsHeld(), "every event once")
}

// TestSignerHistoryLosesNoGrantToANodeBehind: as TestChainDepositsLoseNoEventToANodeBehind, for the signer
// history: ROUTER_ROLE granted to r in block 15, the logs of blocks 0-20 answered by a node at block 10.
// Refused, read again, and once the node has caught up r holds the role from block 15's time on. Before, the
// grant was lost for good: r's tickets rejected.
func TestSignerHistoryLosesNoGrantToANodeBehind(t *testing.T) {
	market, r := common.Address{0xaa}, common.Address{0x7a}
	grant := types.Log{Address: market, BlockNumber: 15, Topics: []common.Hash{chain.RouterRoleTopics()[0][0],
		ids.RouterRole, common.BytesToHash(r.Bytes()), common.BytesToHash(common.Address{0x01}.Bytes())}}
	c := followtest.New(20, grant)
	h, err := ledger.NewSignerHistory(market, c.FailOver(10), ledger.SignerConfig{Confirmations: 1,
		Now: func() time.Time { return time.Unix(int64(c.Header(c.Head).Time)+1, 0) }}) // just after the head
	require.NoError(t, err)
	ctx := context.Background()

	_, err = h.WasRouter(ctx, r, 1020)
	require.ErrorIs(t, err, follow.ErrLogsChanged, "blocks 0-20 answered by a node at 10")

	held, err := h.WasRouter(ctx, r, 1010) // the node at 10: blocks 0-10
	require.NoError(t, err)
	require.False(t, held)
	c.Head = 20 // caught up
	held, err = h.WasRouter(ctx, r, 1015)
	require.NoError(t, err)
	require.True(t, held, "granted in block 15")
	held, err = h.WasRouter(ctx, r, 1014)
	require.NoError(t, err)
	require.False(t, held)
}
