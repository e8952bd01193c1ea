package ledger_test

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/txmgr"
)

// revertFirst is the transaction manager with the first transaction it is asked for mined and reverted (a
// budget or ordering change between assembly and mining): asked again for that intent it answers its
// reverted receipt, as txmgr does for a stored intent.
type revertFirst struct {
	ledger.Sender
	mu       sync.Mutex
	reverted string
	ids      []string
}

func (r *revertFirst) Send(ctx context.Context, id string, c txmgr.Candidate) (*types.Receipt, error) {
	r.mu.Lock()
	r.ids = append(r.ids, id)
	if r.reverted == "" {
		r.reverted = id
	}
	first := id == r.reverted
	r.mu.Unlock()
	if first {
		return &types.Receipt{Status: types.ReceiptStatusFailed, BlockNumber: big.NewInt(1)}, nil
	}
	return r.Sender.Send(ctx, id, c)
}

func (r *revertFirst) Confirm(ctx context.Context, id string) (*types.Receipt, error) {
	r.mu.Lock()
	first := id == r.reverted
	r.mu.Unlock()
	if first {
		return &types.Receipt{Status: types.ReceiptStatusFailed, BlockNumber: big.NewInt(1)}, fmt.Errorf("txmgr: intent %s: %w", id, txmgr.ErrReverted)
	}
	return r.Sender.Confirm(ctx, id)
}

// TestRevertedCommitSentAgain (from a review): an epoch whose commit was mined and reverted is rolled back and
// assembled again from the same sessions, with the same root; its new commit is a new transaction, which
// lands. Before, the intent was named by epoch and root alone, so the new assembly resumed the stored
// reverted one: reverted again, rolled back again, for ever, and the epoch was never committed.
func TestRevertedCommitSentAgain(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	now := uint64(time.Now().Unix())
	feed := testenv.NewFeed(t)
	feed.Add(t, env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1_000_000, Created: now - 120, Closed: now - 5}))
	sender := &revertFirst{}
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		feedList: []*testenv.Feed{feed}, epochLength: 24 * time.Hour, now: func() time.Time { return time.Now().Add(48 * time.Hour) },
		manual: true, sender: func(s ledger.Sender) ledger.Sender { sender.Sender = s; return sender }})
	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	var root0 string
	require.Eventually(t, func() bool {
		_ = k.led.Assemble(ctx)
		_ = k.led.Step(ctx)
		e, err := k.led.LiveEpoch(ctx, 0)
		if err == nil && root0 == "" {
			root0 = e.Root.Hex()
		}
		return err == nil && e.State == ledger.StateConfirmed
	}, time.Minute, 20*time.Millisecond, "epoch 0 committed after its reverted commit")
	e, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	require.Equal(t, root0, e.Root.Hex(), "assembled again with the same root")
	sender.mu.Lock()
	defer sender.mu.Unlock()
	require.Len(t, sender.ids, 2, "%v", sender.ids)
	require.NotEqual(t, sender.ids[0], sender.ids[1], "a new transaction for the new assembly")
}
