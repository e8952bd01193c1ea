package ledger_test

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// hookReg is the two-router registry counting deep reorgs, running hook on its second Model call (inside
// the recheck's verification).
type hookReg struct {
	twoRouters
	n     *atomic.Uint64
	calls int
	hook  func()
}

func (r *hookReg) Model(ctx context.Context, id common.Hash, at uint64) (common.Address, uint16, bool, error) {
	r.calls++
	if r.calls == 2 && r.hook != nil {
		h := r.hook
		r.hook = nil
		h()
	}
	return r.twoRouters.Model(ctx, id, at)
}
func (r *hookReg) Reorgs(context.Context) (uint64, error) { return r.n.Load(), nil }
func (r *hookReg) ReorgsSeen() uint64                     { return r.n.Load() }

// TestRecheckLeavesACopyStoredMeanwhile: a deep reorg flags the pending copy A of a session; while the
// recheck verifies it (outside any transaction) the ingest stores the cheaper copy B of the same session in
// its place. The recheck's result for A is not written over B: the epoch credits B's price, as any keeper
// keeps it. Before, ClearRecheck keyed by the session id wrote A's price and seconds onto B's row.
func TestRecheckLeavesACopyStoredMeanwhile(t *testing.T) {
	const p = 1e12
	now := uint64(time.Now().Unix())
	b := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600,
		Price: 10 * p, Created: now - 130, Closed: now - 5})
	b.Ticket.PricePerSecond = *uint256.NewInt(p)
	sig, err := domain.Sign(&b.Ticket, devnet.DevKey(testenv.RouterKey))
	require.NoError(t, err)
	b.TicketSignature = sig
	a := reticketed(t, b, uint256.NewInt(10*p)) // costlier copy, read first
	fa, fb := testenv.NewFeed(t), testenv.NewFeed(t)
	ctx := context.Background()
	st, err := store.Open(ctx, dbtest.SQLite(t))
	require.NoError(t, err)
	defer st.Close()
	var n atomic.Uint64
	reg := &hookReg{n: &n}
	var ps ledger.PoolState
	l, err := ledger.New(ledger.Config{Feeds: []string{fa.Server.URL, fb.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{allowance: 1 << 62}}, st, statePool{state: &ps}, nil, domain,
		reg, nil, nil)
	require.NoError(t, err)
	require.NoError(t, l.Started(ctx)) // the start's flagging done: only the reorg flags the sessions
	fa.Add(t, a)
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	n.Store(1)          // a deep reorg (nothing these sessions rest on changed)
	reg.hook = func() { // the ingest goroutine stores the cheaper copy while the recheck verifies
		fb.Add(t, b)
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
	}
	require.NoError(t, l.Assemble(ctx))
	e, err := l.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	sb, _, err := wire.Credit(100, uint256.NewInt(p), 0)
	require.NoError(t, err)
	require.Equal(t, sb.Dec(), e.Total.Dec(), "the cheaper copy kept (as any keeper keeps it): rejected %v", rejectedCodes(t, ctx, l))
}
