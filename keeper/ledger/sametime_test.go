package ledger_test

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/bindings/computepool"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
)

// sameSecondChain is a chain of linked headers, block n at times[n], whose head the test moves on; several
// blocks may share a time (Arbitrum: several blocks a second). It serves the pool's events up to the head.
type sameSecondChain struct {
	logs  []types.Log
	times []uint64
	hdrs  []*types.Header
	head  uint64
}

func newSameSecondChain(times []uint64, head uint64, logs ...types.Log) *sameSecondChain {
	c := &sameSecondChain{logs: logs, times: times, head: head}
	var parent common.Hash
	for n, tm := range times {
		h := &types.Header{Number: big.NewInt(int64(n)), Time: tm, ParentHash: parent, Difficulty: big.NewInt(0)}
		c.hdrs = append(c.hdrs, h)
		parent = h.Hash()
	}
	return c
}

func (c *sameSecondChain) FilterLogs(_ context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	var out []types.Log
	for _, l := range c.logs {
		if n := l.BlockNumber; n >= q.FromBlock.Uint64() && n <= q.ToBlock.Uint64() && n <= c.head {
			l.BlockHash = c.hdrs[n].Hash()
			out = append(out, l)
		}
	}
	return out, nil
}

func (c *sameSecondChain) SubscribeFilterLogs(context.Context, ethereum.FilterQuery, chan<- types.Log) (ethereum.Subscription, error) {
	panic("not used")
}

func (c *sameSecondChain) HeaderByNumber(_ context.Context, n *big.Int) (*types.Header, error) {
	if n == nil {
		return c.hdrs[c.head], nil
	}
	return c.hdrs[n.Uint64()], nil
}

// TestDepositsReadBeforeASameSecondBlock (review): with --confirmations 1 no final block is past the time
// asked, and the read was the final head's own time. A later block may carry that same time (Arbitrum), so
// two reads stated the same time with different accounts: a withdrawal there was not after the read (the
// pool's StaleDepositsRead check passed and a commit charged a deposit already paid back), and a user
// funded there had fundedAt equal to the read (the pool asked a proof the tree could not hold). The read is
// now the second before the final head's: the later block's withdrawal and deposit are after it, and left
// out; the read says the head's second holds events it leaves out (unsettled) once there are some. A block
// with a later time settles them.
func TestDepositsReadBeforeASameSecondBlock(t *testing.T) {
	a, err := computepool.ComputePoolMetaData.GetAbi()
	require.NoError(t, err)
	pool := common.Address{0xc0}
	u, v, w := common.Address{0x0a}, common.Address{0x0b}, common.Address{0x0c}
	n := func(x int64) *big.Int { return big.NewInt(x) }
	event := poolEvents(t, a, pool)
	times := make([]uint64, 13)
	for i := range times {
		times[i] = 1000 + uint64(i)
	}
	times[11] = times[10] // block 11 in block 10's second
	c := newSameSecondChain(times, 10,
		event(2, 0, "Deposited", u, n(100), n(100)),
		event(3, 0, "Deposited", v, n(50), n(50)),
		event(4, 0, "WithdrawalRequested", v, n(50), uint64(2000)),
		event(11, 0, "Withdrawn", v, n(50), n(0), n(0), n(0)),
		event(11, 1, "Deposited", w, n(30), n(30)))
	d, err := ledger.NewChainDeposits(pool, c, 0, 1, 0, nil)
	require.NoError(t, err)
	ctx := context.Background()

	acc1, read1, unsettled1, err := d.DepositsRead(ctx, 5000, true)
	require.NoError(t, err)
	c.head = 11
	acc2, read2, unsettled2, err := d.DepositsRead(ctx, 5000, true)
	require.NoError(t, err)
	require.Less(t, read1, times[11], "the read at head 10 is not before block 11's time")
	require.Equal(t, read1, read2)
	require.Equal(t, acc1, acc2, "two reads stating one time read the same accounts")
	require.Equal(t, uint64(50), acc2[v].Deposit.Uint64(), "v's withdrawal (block 11) is after the read")
	require.Nil(t, acc2[w], "w funded after the read: no leaf, no proof asked")
	require.Empty(t, unsettled1)
	require.Equal(t, map[common.Address]bool{v: true, w: true}, unsettled2, "the head's second holds v's and w's events, left out")

	c.head = 12 // a later second: the read is exact again and holds block 11
	acc3, read3, unsettled3, err := d.DepositsRead(ctx, 5000, true)
	require.NoError(t, err)
	require.Equal(t, times[12]-1, read3)
	require.Empty(t, unsettled3)
	require.Zero(t, acc3[v].Deposit.Uint64())
	require.Equal(t, times[11], acc3[w].FundedAt)
}

// sameSecondLedger is a ledger on dsn reading the deposits from c (--confirmations 1) over a pool in state
// ps, no allowance, with one deposit-paid session of testenv's user (100 s at 1e12 wei, created 130 s ago,
// closed 5 s ago) ingested; it returns the ledger and a counter of its epochs and of its rejections.
func sameSecondLedger(t *testing.T, ctx context.Context, st *store.Store, c *sameSecondChain, ps *ledger.PoolState) (*ledger.Ledger, func() (int, []store.Rejected)) {
	t.Helper()
	feed := testenv.NewFeed(t)
	deps, err := ledger.NewChainDeposits(common.Address{0xc0}, c, 0, 1, 0, nil)
	require.NoError(t, err)
	l, err := ledger.New(ledger.Config{Feeds: []string{feed.Server.URL}, BatchDir: t.TempDir(), Now: later,
		EpochLength: 24 * time.Hour, Allowances: fixedAllowances{}, Deposits: deps}, st, statePool{state: ps}, nil, domain,
		fakeRegistry{}, nil, nil)
	require.NoError(t, err)
	now := uint64(time.Now().Unix())
	feed.Add(t, testenv.MakeRecordSpec(t, domain, provider, signer, model, testenv.Spec{Nonce: 0, Seconds: 100,
		MaxSeconds: 600, Price: 1e12, UseDeposit: true, Created: now - 130, Closed: now - 5}))
	_, err = l.IngestOnce(ctx)
	require.NoError(t, err)
	return l, func() (int, []store.Rejected) {
		eps, err := l.Epochs(ctx)
		require.NoError(t, err)
		rejected, err := st.RejectedAfter(ctx, 0, 10)
		require.NoError(t, err)
		return len(eps), rejected
	}
}

// sameSecondTimes returns the times of 13 blocks, one a second from 100 s ago, block 11 in block 10's second.
func sameSecondTimes() []uint64 {
	now := uint64(time.Now().Unix())
	times := make([]uint64, 13)
	for i := range times {
		times[i] = now - 100 + uint64(i)
	}
	times[11] = times[10]
	return times
}

// TestSameSecondWithdrawalNotCharged (review): a keeper on --confirmations 1 reads the deposits while the
// chain's head is block 10; a user with a deposit and a deposit-paid session withdraws it all in block 11, in
// block 10's second, before the commit. Before, the read was block 10's time, which the pool's newest
// withdrawal was not after: the epoch charged the deposit already paid back, and the pool took the commit.
// Now the read is the second before, the keeper sees the withdrawal after it and assembles nothing. While no
// block comes after block 11's second (a chain that mines only on transactions) it waits maxStaleReads
// polls, then holds the session (nothing charged, not rejected); a later block lets it read the withdrawal.
// On SQLite and PostgreSQL.
func TestSameSecondWithdrawalNotCharged(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		a, err := computepool.ComputePoolMetaData.GetAbi()
		require.NoError(t, err)
		event := poolEvents(t, a, common.Address{0xc0})
		user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
		times := sameSecondTimes() // block 4's request after the session started
		const deposit = 1e18
		c := newSameSecondChain(times, 10,
			event(2, 0, "Deposited", user, big.NewInt(deposit), big.NewInt(deposit)),
			event(4, 0, "WithdrawalRequested", user, big.NewInt(deposit), times[4]),
			event(11, 0, "Withdrawn", user, big.NewInt(deposit), big.NewInt(0), big.NewInt(0), big.NewInt(0)))
		ps := ledger.PoolState{LastWithdrawAt: times[11]} // the pool's state: block 11 mined before the commit
		l, state := sameSecondLedger(t, ctx, st, c, &ps)

		require.NoError(t, l.Assemble(ctx))
		epochs, _ := state()
		require.Zero(t, epochs, "an epoch charging the deposit withdrawn in block 10's second was assembled")

		c.head = 11 // the withdrawal final, no block after its second: wait, then hold
		for range 12 {
			require.NoError(t, l.Assemble(ctx))
		}
		epochs, rejected := state()
		require.Zero(t, epochs, "nothing charged while the withdrawal's second is open")
		require.Empty(t, rejected, "the session is held, not rejected")

		c.head = 12 // a later second: the read holds the withdrawal; the deposit is gone and pays nothing
		require.NoError(t, l.Assemble(ctx))
		epochs, rejected = state()
		require.Zero(t, epochs)
		require.Len(t, rejected, 1)
		require.Equal(t, ledger.RejectDeposit, rejected[0].Code)
	})
}

// TestSameSecondDepositHeldNotRejected: the read leaves out the final head's second (no block past it yet),
// where the user of a deposit-paid session made its only deposit. The session is not charged as of a read
// without the deposit (rejected, deposit_exceeded, though its user paid before it started): the keeper waits,
// and, a later block come, charges the deposit. On SQLite and PostgreSQL.
func TestSameSecondDepositHeldNotRejected(t *testing.T) {
	dbtest.Run(t, true, func(t *testing.T, dsn string) {
		ctx, st := openStore(t, dsn)
		a, err := computepool.ComputePoolMetaData.GetAbi()
		require.NoError(t, err)
		event := poolEvents(t, a, common.Address{0xc0})
		user := crypto.PubkeyToAddress(devnet.DevKey(testenv.UserKey).PublicKey)
		const deposit = 1e18
		c := newSameSecondChain(sameSecondTimes(), 10, event(10, 0, "Deposited", user, big.NewInt(deposit), big.NewInt(deposit)))
		var ps ledger.PoolState
		l, state := sameSecondLedger(t, ctx, st, c, &ps)

		for range 3 {
			require.NoError(t, l.Assemble(ctx))
		}
		epochs, rejected := state()
		require.Zero(t, epochs)
		require.Empty(t, rejected, "the session was rejected: its user's deposit is in the head's second, left out of the read")

		c.head = 12
		require.NoError(t, l.Assemble(ctx))
		epochs, rejected = state()
		require.Equal(t, 1, epochs)
		require.Empty(t, rejected)
		require.Equal(t, uint64(100*1e12), spendOf(t, ctx, l, 0, user))
	})
}
