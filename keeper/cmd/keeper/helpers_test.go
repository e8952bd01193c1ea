package main_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/e2e"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/wire"
)

// mineEvery turns anvil's automine off and mines a block every `every` (while paused, when given, is
// false) until the test ends.
func mineEvery(t *testing.T, ctx context.Context, anvilURL string, every time.Duration, paused *atomic.Bool) {
	t.Helper()
	rc, err := rpc.DialContext(ctx, anvilURL)
	require.NoError(t, err)
	require.NoError(t, rc.CallContext(ctx, nil, "evm_setAutomine", false))
	mineCtx, stopMining := context.WithCancel(ctx)
	mined := make(chan struct{})
	go func() {
		defer close(mined)
		for {
			select {
			case <-mineCtx.Done():
				return
			case <-time.After(every):
				if paused == nil || !paused.Load() {
					_ = rc.CallContext(mineCtx, nil, "evm_mine")
				}
			}
		}
	}()
	t.Cleanup(func() { stopMining(); <-mined; rc.Close() })
}

// chatAndClose chats through the stack's gateway (streaming every other time), waits until the gateway
// closed the session (idle) and the router put it in its settlement feed with a receipt, and returns
// records with its record appended. Every chat must open a new session (the previous one closed).
func chatAndClose(t *testing.T, ctx context.Context, s *e2e.Stack, records []*wire.SessionRecord) []*wire.SessionRecord {
	t.Helper()
	res, err := s.Chat(ctx, fmt.Sprintf("question %d", len(records)), len(records)%2 == 0)
	require.NoError(t, err)
	for _, r := range records {
		require.NotEqual(t, r.SessionID, res.Session, "a new session per chat (the previous one closed)")
	}
	rec, err := s.WaitClosed(ctx, res.Session, 30*time.Second)
	require.NoError(t, err)
	require.False(t, rec.Held, "%+v", rec)
	require.Equal(t, wire.CloseReceipt, rec.CloseReason)
	require.Positive(t, rec.BilledSeconds)
	return append(records, rec)
}

// requirePaidOnce asserts that the chain committed and paid every credit of records exactly once: the
// pool's totalCommitted and totalClaimed are the records' credits, the provider and the builder claimed
// what they earned, and the Claimed events, all sent by the keeper (batched claims only), sum per account
// to the same for these two accounts alone. It returns the total.
func requirePaidOnce(t *testing.T, ctx context.Context, s *e2e.Stack, records []*wire.SessionRecord) *big.Int {
	t.Helper()
	provWant, buildWant := new(big.Int), new(big.Int)
	for _, r := range records {
		pc, bc, err := s.Credit(r)
		require.NoError(t, err)
		provWant.Add(provWant, pc)
		buildWant.Add(buildWant, bc)
	}
	total := new(big.Int).Add(provWant, buildWant)
	call := &bind.CallOpts{Context: ctx}
	committed, err := s.Pool.TotalCommitted(call)
	require.NoError(t, err)
	require.Equal(t, total.String(), committed.String(), "on-chain total = every billed credit once")

	provider := s.Providers[0].Owner.Address
	for _, c := range []struct {
		a    common.Address
		want *big.Int
	}{{provider, provWant}, {s.Builder.Address, buildWant}} {
		got, err := s.Pool.Claimed(call, c.a)
		require.NoError(t, err)
		require.Equal(t, c.want.String(), got.String(), "claimed by %s", c.a)
	}
	_, claims, err := s.Settlement(ctx)
	require.NoError(t, err)
	paid := map[common.Address]*big.Int{}
	for _, c := range claims {
		require.Equal(t, s.KeeperAddress(), c.From, "batched claims only")
		if paid[c.Account] == nil {
			paid[c.Account] = new(big.Int)
		}
		n, ok := new(big.Int).SetString(c.Amount, 10)
		require.True(t, ok)
		paid[c.Account].Add(paid[c.Account], n)
	}
	require.Len(t, paid, 2, "only the provider and the builder are paid")
	require.Equal(t, provWant.String(), paid[provider].String())
	require.Equal(t, buildWant.String(), paid[s.Builder.Address].String())
	claimed, err := s.Pool.TotalClaimed(call)
	require.NoError(t, err)
	require.Equal(t, total.String(), claimed.String())
	return total
}

// requireOneTxPerIntent asserts that the keeper sent no transaction beyond its intents (its nonce is their
// number, none sent twice) and that each is confirmed. It returns the nonce.
func requireOneTxPerIntent(t *testing.T, ctx context.Context, s *e2e.Stack, st *store.Store) uint64 {
	t.Helper()
	intents, err := st.Intents(ctx)
	require.NoError(t, err)
	nonce, err := s.Client.NonceAt(ctx, s.KeeperAddress(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(len(intents)), nonce, "one transaction per intent, none twice: %+v", intents)
	for _, in := range intents {
		require.Equal(t, "confirmed", in.State, "%+v", in)
	}
	return nonce
}

// keeperEpochs reads the keeper's live epochs (GET /v1/epochs).
func keeperEpochs(keeperURL string) ([]api.EpochView, error) {
	b, err := httpGet(keeperURL + "/v1/epochs")
	if err != nil {
		return nil, err
	}
	var v struct {
		Epochs []api.EpochView `json:"epochs"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return nil, fmt.Errorf("GET /v1/epochs: %w: %s", err, b)
	}
	return v.Epochs, nil
}

// settledEpochs reports whether the keeper's live epochs are settled (see settled).
func settledEpochs(keeperURL string, n int, states []string, claims string) bool {
	epochs, err := keeperEpochs(keeperURL)
	return err == nil && settled(epochs, n, states, claims)
}

// settled reports whether epochs hold exactly n sessions and the newest is in one of states (with its
// batched claims in state claims, unless empty).
func settled(epochs []api.EpochView, n int, states []string, claims string) bool {
	if len(epochs) == 0 {
		return false
	}
	var sum int64
	for _, e := range epochs {
		sum += e.Sessions
	}
	newest := epochs[len(epochs)-1]
	return sum == int64(n) && slices.Contains(states, newest.State) && (claims == "" || newest.Claims == claims)
}
