package ledger_test

import (
	"context"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
)

// depositHistory is one user's deposit account as the chain's events set it over time: DepositsRead(at)
// answers as of the later of at and the newest withdrawal, as ChainDeposits does.
type depositHistory struct {
	user   common.Address
	states []depositState // in time order
}

type depositState struct {
	at       uint64
	acc      ledger.DepositAccount
	withdraw bool // the state a withdraw left
}

func (h *depositHistory) DepositsRead(_ context.Context, at uint64, withdrawals bool) (map[common.Address]*ledger.DepositAccount, uint64, map[common.Address]bool, error) {
	readAt := at
	for _, s := range h.states {
		if s.withdraw && withdrawals {
			readAt = max(readAt, s.at)
		}
	}
	out := map[common.Address]*ledger.DepositAccount{}
	for _, s := range h.states {
		if s.at > readAt {
			break
		}
		acc := s.acc
		out[h.user] = &acc
	}
	return out, readAt, nil, nil
}

// now returns the newest state: the user's depositOf as the chain holds it today.
func (h *depositHistory) now() ledger.DepositAccount { return h.states[len(h.states)-1].acc }

// TestLateSessionAfterWithdrawal (money review): a user deposits D and spends c0 in epoch 0; once epoch 0
// is claimable it withdraws the rest (ComputePool.withdraw pays D - c0, depositOf falls to c0). Then a
// router feeds a deposit-paid session of the same user that closed before the withdrawal request, in
// epoch 0's window (a router that was unreachable, or one holding the record back on purpose). The keeper
// must not charge it to the deposit the user already took back: the user's spend leaf may never exceed its
// depositOf, or the provider is paid from other users' deposits (the pool checks only totalDeposits, not
// one user's deposit). On SQLite and PostgreSQL.
func TestLateSessionAfterWithdrawal(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		feed := testenv.NewFeed(t)
		user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
		const deposit = 1e18
		hist := &depositHistory{user: user, states: []depositState{{at: 1, acc: ledger.DepositAccount{Deposit: *uint256.NewInt(deposit)}}}}
		var ps ledger.PoolState
		l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
			EpochLength: 24 * time.Hour, Allowances: fixedAllowances{}, Deposits: hist}, st, statePool{state: &ps}, nil, domain,
			fakeRegistry{}, nil, nil)
		require.NoError(t, err)

		now := uint64(time.Now().Unix())
		spec := func(nonce uint64, closed uint64) testenv.Spec {
			return testenv.Spec{Nonce: nonce, Seconds: 100, MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: now - 130, Closed: closed}
		}
		r0 := testenv.MakeRecordSpec(t, domain, provider, signer, model, spec(0, now-5))
		late := testenv.MakeRecordSpec(t, domain, provider, signer, model, spec(1, now-4)) // closed before the request
		cost := uint64(100 * 1e12)

		feed.Add(t, r0)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		e0, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, cost, spendOf(t, ctx, l, 0, user), "epoch 0 charges r0 to the deposit")
		ps.NextEpoch, ps.TotalCommitted = 1, e0.Total

		// Epoch 0 committed and claimable; after its cutoff the user requests a withdrawal of everything and,
		// the delay over, withdraw pays D - c0 (its spend in the claimable root): depositOf is c0.
		cutoff := uint64(e0.Cutoff)
		hist.states = append(hist.states,
			depositState{at: cutoff + 10, acc: ledger.DepositAccount{Deposit: *uint256.NewInt(deposit), RequestedAt: cutoff + 10}},
			depositState{at: cutoff + 20, acc: ledger.DepositAccount{Deposit: *uint256.NewInt(cost)}, withdraw: true})

		feed.Add(t, late)
		_, err = l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))
		eps, err := l.Epochs(ctx)
		require.NoError(t, err)
		newest := eps[len(eps)-1].Number
		held := hist.now()
		require.LessOrEqual(t, spendOf(t, ctx, l, newest, user), held.Deposit.Uint64(),
			"the user's spend leaf (epoch %d) exceeds its depositOf: the late session is paid from MOR the user already withdrew", newest)
	})
}

// spendOf returns user's leaf in the spend tree of live epoch n.
func spendOf(t *testing.T, ctx context.Context, l *ledger.Ledger, n uint64, user common.Address) uint64 {
	t.Helper()
	sp, err := l.Spend(ctx, n)
	require.NoError(t, err)
	for _, lf := range sp.Leaves {
		if lf.User == user {
			return lf.Amount.Uint64()
		}
	}
	return 0
}
