package ledger_test

import (
	"context"
	"encoding/json"
	"os"
	"strconv"
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
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// brokePool is addressedPool with no budget left today.
type brokePool struct{ addressedPool }

func (brokePool) State(context.Context) (ledger.PoolState, error) { return ledger.PoolState{}, nil }

// fixedDeposits: every user has deposited the same amount, no withdrawal requested.
type fixedDeposits struct{ amount uint64 }

func (d fixedDeposits) DepositsRead(_ context.Context, at uint64, _ bool) (map[common.Address]*ledger.DepositAccount, uint64, map[common.Address]bool, error) {
	user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
	return map[common.Address]*ledger.DepositAccount{user: {Deposit: *uint256.NewInt(d.amount)}}, at, nil, nil
}

// depositOnlyLedger is a ledger on dsn over a pool with no budget left whose users hold 1 MOR deposits.
func depositOnlyLedger(t *testing.T, dsn string) (context.Context, *testenv.Feed, *ledger.Ledger) {
	t.Helper()
	ctx, st := openStore(t, dsn)
	feed := testenv.NewFeed(t)
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{}, Deposits: fixedDeposits{amount: 1e18}},
		st, brokePool{}, nil, domain, fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	return ctx, feed, l
}

// TestDepositOnlyEpoch: an epoch whose every credit is paid by a deposit (the user has no allowance, the
// pool no budget left) has nothing outstanding to scale: its factor is 0/0 in the batch file. It is
// assembled without a panic (the scale metric divided by the zero denominator once), the credits are the
// sessions' full costs (not scaled into the empty budget), the deposit charges are listed, and the root is
// the tree of the batch file's leaves. On SQLite and PostgreSQL.
func TestDepositOnlyEpoch(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, feed, l := depositOnlyLedger(t, dsn)

		now := uint64(time.Now().Unix())
		var want uint256.Int
		credits := map[common.Address]*uint256.Int{provider: new(uint256.Int), builder: new(uint256.Int)}
		for i := range uint64(2) {
			r := testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: i, Seconds: 100 + uint32(i),
				MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: now - 130, Closed: now - 5 + i})
			feed.Add(t, r)
			p, b, err := wire.Credit(r.BilledSeconds, &r.Ticket.PricePerSecond, testenv.FeeBps)
			require.NoError(t, err)
			credits[provider].Add(credits[provider], p)
			credits[builder].Add(credits[builder], b)
			want.Add(&want, p)
			want.Add(&want, b)
		}
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Assemble(ctx))

		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, int64(2), e.Sessions)
		require.True(t, e.FactorN.IsZero() && e.FactorD.IsZero(), "nothing outstanding within the budget: factor 0/0")
		require.Equal(t, want.Dec(), e.Delta.Dec(), "paid in full outside the budget")
		require.Equal(t, want.Dec(), e.Total.Dec())

		require.NoError(t, l.WriteBatch(ctx, e))
		e, err = l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		raw, err := os.ReadFile(e.BatchFile)
		require.NoError(t, err)
		var bf ledger.BatchFile
		require.NoError(t, json.Unmarshal(raw, &bf))
		require.Equal(t, ledger.BatchFactor{Numerator: "0", Denominator: "0", Outstanding: want.Dec(), CarriedForward: "0"}, bf.Factor)
		require.Equal(t, want.Dec(), bf.CumulativeTotal)
		require.Equal(t, want.Dec(), bf.Delta)
		require.Len(t, bf.Sessions, 2)
		require.Len(t, bf.DepositCharges, 2)
		var charged uint256.Int
		for _, c := range bf.DepositCharges {
			charged.Add(&charged, &c.Amount)
		}
		require.Equal(t, want.Dec(), charged.Dec(), "the deposit paid every credit")
		require.Equal(t, want.Dec(), bf.CumulativeSpent)
		require.Empty(t, bf.Shortfalls)

		entries := make([]merkle.Entry, len(bf.Leaves))
		for i, lf := range bf.Leaves {
			require.Equal(t, credits[lf.Account].Dec(), lf.Amount.Dec(), "account %s credited its full share", lf.Account)
			entries[i] = merkle.Entry{Account: lf.Account, Amount: *lf.Amount}
		}
		require.Len(t, entries, 2, "provider and builder")
		tree, err := merkle.Build(entries)
		require.NoError(t, err)
		require.Equal(t, e.Root, tree.Root(), "the root is the batch file's leaves")
		require.Equal(t, e.Root, bf.Root)
	})
}

// TestPre00007EpochReassembled: an epoch charging deposits whose batch file is written but which is not sent
// yet, stored before keeper migration 00007 (read_at 0), is not committed as it stands (its batch file would
// say the deposits were read as of time 0, which no one can reproduce, and a pool with no withdrawal would
// accept it): the restarted keeper rolls it back and assembles it again, as of a read it stores. On SQLite and
// PostgreSQL.
func TestPre00007EpochReassembled(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, feed, l := depositOnlyLedger(t, dsn)
		now := uint64(time.Now().Unix())
		feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 1, Seconds: 100,
			MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: now - 130, Closed: now - 5}))
		_, err := l.IngestOnce(ctx)
		require.NoError(t, err)
		require.NoError(t, l.Step(ctx)) // assembles
		e, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		sp, err := l.Spend(ctx, 0)
		require.NoError(t, err)
		readAt := sp.ReadAt
		require.NotZero(t, readAt)
		require.Len(t, sp.Charges, 1)
		require.NoError(t, l.Step(ctx)) // writes the batch file
		_, err = rawDB(t, dsn).ExecContext(ctx, `UPDATE epoch_spends SET read_at = 0 WHERE epoch_id = `+strconv.FormatInt(e.ID, 10))
		require.NoError(t, err)

		require.NoError(t, l.Step(ctx)) // rolled back, not sent
		_, err = l.LiveEpoch(ctx, 0)
		require.ErrorIs(t, err, store.ErrNotFound, "an epoch with no stored read time went on to its commit")
		require.NoError(t, l.Step(ctx)) // assembled again
		again, err := l.LiveEpoch(ctx, 0)
		require.NoError(t, err)
		require.NotEqual(t, e.ID, again.ID)
		require.Equal(t, ledger.StateAssembled, again.State)
		require.Equal(t, e.Root, again.Root)
		sp, err = l.Spend(ctx, 0)
		require.NoError(t, err)
		require.Equal(t, readAt, sp.ReadAt)
		require.Len(t, sp.Charges, 1)
	})
}
