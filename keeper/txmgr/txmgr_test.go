package txmgr_test

import (
	"context"
	"errors"
	"math/big"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/VictoriaMetrics/metrics"
	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
	"github.com/stretchr/testify/require"
	"go.uber.org/zap/zaptest"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/internal/metricset"
	"github.com/laketravis/laketravis/internal/promtest"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/keeper/txmgr"
	"github.com/laketravis/laketravis/keys"
)

// Every test runs twice, on SQLite and on PostgreSQL (dbtest), each against its own anvil.
func setup(t *testing.T, dsn string) (context.Context, *devnet.Anvil, *rpc.Client, *chain.Client, *store.Store) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	t.Cleanup(cancel)
	anvil, err := devnet.StartAnvil(ctx, devnet.AnvilOptions{})
	require.NoError(t, err)
	t.Cleanup(anvil.Close)
	r, err := rpc.DialContext(ctx, anvil.URL)
	require.NoError(t, err)
	t.Cleanup(r.Close)
	c, err := chain.Dial(ctx, []string{anvil.URL}, chain.Options{CallTimeout: 5 * time.Second})
	require.NoError(t, err)
	t.Cleanup(c.Close)
	st, err := store.Open(ctx, dsn)
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return ctx, anvil, r, c, st
}

func newManager(t *testing.T, b txmgr.Backend, st *store.Store, mod func(*txmgr.Config)) *txmgr.Manager {
	t.Helper()
	from, sign := keys.TxSigner(devnet.DevKey(2), big.NewInt(31337))
	cfg := txmgr.Config{
		ChainID: big.NewInt(31337), From: from, Sign: sign,
		Confirmations: 3, FeeCeiling: big.NewInt(500e9),
		ResubmitAfter: 300 * time.Millisecond, PollInterval: 50 * time.Millisecond, RPCTimeout: 2 * time.Second,
		Log: zaptest.NewLogger(t),
	}
	if mod != nil {
		mod(&cfg)
	}
	m, err := txmgr.New(cfg, b, st)
	require.NoError(t, err)
	return m
}

var target = common.HexToAddress("0x00000000000000000000000000000000000000aa")

func candidate(data byte) txmgr.Candidate {
	return txmgr.Candidate{To: target, Data: []byte{data}}
}

func mine(t *testing.T, ctx context.Context, r *rpc.Client, n int) {
	t.Helper()
	for range n {
		require.NoError(t, r.CallContext(ctx, nil, "evm_mine"))
	}
}

// mineUntil mines a block every 50 ms until done is closed.
func mineUntil(ctx context.Context, r *rpc.Client, done <-chan struct{}) {
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			return
		case <-time.After(50 * time.Millisecond):
			_ = r.CallContext(ctx, nil, "evm_mine")
		}
	}
}

// TestSendConfirmIdempotent: an intent is mined once and confirmed at the depth; a second Send with the
// same id returns the same receipt and sends nothing.
func TestSendConfirmIdempotent(t *testing.T) { dbtest.Run(t, true, testSendConfirmIdempotent) }

func testSendConfirmIdempotent(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	m := newManager(t, c, st, nil)

	rc, err := m.Send(ctx, "intent-a", candidate(1))
	require.NoError(t, err)
	require.Equal(t, uint64(1), rc.Status)

	done := make(chan struct{})
	go mineUntil(ctx, r, done)
	final, err := m.Confirm(ctx, "intent-a")
	close(done)
	require.NoError(t, err)
	require.Equal(t, rc.TxHash, final.TxHash)
	head, err := c.BlockNumber(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, head+1, final.BlockNumber.Uint64()+3, "confirmed before the depth")

	again, err := m.Send(ctx, "intent-a", candidate(9)) // a different candidate is ignored
	require.NoError(t, err)
	require.Equal(t, rc.TxHash, again.TxHash)
	nonce, err := c.NonceAt(ctx, m.From(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(1), nonce, "exactly one transaction sent")

	rc2, err := m.Send(ctx, "intent-b", candidate(2))
	require.NoError(t, err)
	tx, _, err := c.TransactionByHash(ctx, rc2.TxHash)
	require.NoError(t, err)
	require.Equal(t, uint64(1), tx.Nonce())
}

// TestFeeBumpAutomineOff: with automine off nothing is mined, so the manager bumps; every bump raises tip
// and fee cap by at least 10%, stays under the ceiling, and when a block finally comes exactly one
// transaction with that nonce is mined: the latest attempt.
func TestFeeBumpAutomineOff(t *testing.T) { dbtest.Run(t, true, testFeeBumpAutomineOff) }

func testFeeBumpAutomineOff(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", false))
	ceiling := big.NewInt(20e9)
	set := metrics.NewSet()
	m := newManager(t, c, st, func(cfg *txmgr.Config) {
		cfg.FeeCeiling = ceiling
		cfg.Metrics = set
	})

	type result struct {
		r   *types.Receipt
		err error
	}
	res := make(chan result, 1)
	go func() {
		rc, err := m.Send(ctx, "bump", candidate(1))
		res <- result{rc, err}
	}()
	bumps := set.GetOrCreateCounter("keeper_fee_bumps_total")
	require.Eventually(t, func() bool { return bumps.Get() >= 3 }, 20*time.Second, 20*time.Millisecond)
	mine(t, ctx, r, 1)
	out := <-res
	require.NoError(t, out.err)

	in, err := m.Lookup(ctx, "bump")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(in.Attempts), 4)
	rec := httptest.NewRecorder()
	metricset.Handler(set, false).ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	require.Equal(t, float64(len(in.Attempts)-1), promtest.Parse(t, rec.Body).Counter(t, "keeper_fee_bumps_total"),
		"every attempt after the first is a counted bump")
	for i := 1; i < len(in.Attempts); i++ {
		prev, cur := in.Attempts[i-1], in.Attempts[i]
		require.GreaterOrEqual(t, new(big.Int).Mul(cur.TipCap, big.NewInt(100)).Cmp(new(big.Int).Mul(prev.TipCap, big.NewInt(110))), 0, "tip bump >= 10%%")
		require.GreaterOrEqual(t, new(big.Int).Mul(cur.FeeCap, big.NewInt(100)).Cmp(new(big.Int).Mul(prev.FeeCap, big.NewInt(110))), 0, "fee cap bump >= 10%%")
		require.LessOrEqual(t, cur.FeeCap.Cmp(ceiling), 0)
	}
	block, err := c.BlockByNumber(ctx, out.r.BlockNumber)
	require.NoError(t, err)
	require.Len(t, block.Transactions(), 1, "one transaction for the nonce")
	require.Contains(t, hashes(in), out.r.TxHash)
	nonce, err := c.NonceAt(ctx, m.From(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(1), nonce)
}

// TestFeeCeilingStopsBumps: at the ceiling the manager keeps rebroadcasting instead of exceeding it.
func TestFeeCeilingStopsBumps(t *testing.T) { dbtest.Run(t, true, testFeeCeilingStopsBumps) }

func testFeeCeilingStopsBumps(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", false))
	head, err := c.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	ceiling := new(big.Int).Add(new(big.Int).Mul(head.BaseFee, big.NewInt(3)), big.NewInt(1e9))
	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.FeeCeiling = ceiling })
	sctx, cancel := context.WithTimeout(ctx, 4*time.Second)
	defer cancel()
	_, err = m.Send(sctx, "ceiling", candidate(1))
	require.ErrorIs(t, err, context.DeadlineExceeded)
	in, err := m.Lookup(ctx, "ceiling")
	require.NoError(t, err)
	for _, a := range in.Attempts {
		require.LessOrEqual(t, a.FeeCap.Cmp(ceiling), 0)
	}
	require.Less(t, len(in.Attempts), 10, "bumps stop at the ceiling")
}

// dropSends is a backend whose broadcasts never reach the node: the process "died" right after
// persisting the transaction.
type dropSends struct{ txmgr.Backend }

func (dropSends) SendTransaction(context.Context, *types.Transaction) error {
	return errors.New("connection reset (injected)")
}

// TestRestartResumesPending: a transaction persisted but never broadcast (and one broadcast but not
// mined) is picked up by a new manager on the same store; the new Send call for the same intent sends
// the stored bytes, not a transaction built from its (different) candidate.
func TestRestartResumesPending(t *testing.T) { dbtest.Run(t, true, testRestartResumesPending) }

func testRestartResumesPending(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", false))

	first := newManager(t, dropSends{c}, st, func(cfg *txmgr.Config) { cfg.ResubmitAfter = time.Hour })
	sendUntilStored(t, ctx, first, "restart", candidate(1))
	stored, err := first.Lookup(ctx, "restart")
	require.NoError(t, err)
	require.Len(t, stored.Attempts, 1)

	// "Restart": a new manager, automine back on.
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", true))
	second := newManager(t, c, st, nil)
	rc, err := second.Send(ctx, "restart", candidate(2))
	require.NoError(t, err)
	require.Equal(t, stored.Attempts[0].Hash, rc.TxHash, "the persisted transaction, not a new one")
	tx, _, err := c.TransactionByHash(ctx, rc.TxHash)
	require.NoError(t, err)
	require.Equal(t, []byte{1}, tx.Data())
	nonce, err := c.NonceAt(ctx, second.From(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(1), nonce)

	// A new intent while an older one is still pending: the older one is driven to a block first.
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", false))
	third := newManager(t, dropSends{c}, st, func(cfg *txmgr.Config) { cfg.ResubmitAfter = time.Hour })
	sendUntilStored(t, ctx, third, "older", candidate(3))
	require.NoError(t, r.CallContext(ctx, nil, "evm_setAutomine", true))
	fourth := newManager(t, c, st, nil)
	rc, err = fourth.Send(ctx, "newer", candidate(4))
	require.NoError(t, err)
	older, err := fourth.Lookup(ctx, "older")
	require.NoError(t, err)
	require.Equal(t, txmgr.StateMined, older.State)
	tx, _, err = c.TransactionByHash(ctx, rc.TxHash)
	require.NoError(t, err)
	require.Equal(t, older.Nonce+1, tx.Nonce())
}

// TestReorgBelowDepth: the block holding a mined transaction is reverted before it reaches the depth;
// Confirm notices, rebroadcasts the stored transaction and confirms it in its new block. One nonce used.
func TestReorgBelowDepth(t *testing.T) { dbtest.Run(t, true, testReorgBelowDepth) }

func testReorgBelowDepth(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.Confirmations = 4 })

	var snap string
	require.NoError(t, r.CallContext(ctx, &snap, "evm_snapshot"))
	mine(t, ctx, r, 2) // the reverted branch will be longer than what replaces it at first
	rc, err := m.Send(ctx, "reorg", candidate(7))
	require.NoError(t, err)
	mine(t, ctx, r, 1) // depth 2 < 4

	var ok bool
	require.NoError(t, r.CallContext(ctx, &ok, "evm_revert", snap))
	require.True(t, ok)
	_, err = c.TransactionReceipt(ctx, rc.TxHash)
	require.Error(t, err, "the receipt left with the reverted blocks")

	done := make(chan struct{})
	go mineUntil(ctx, r, done)
	final, err := m.Confirm(ctx, "reorg")
	close(done)
	require.NoError(t, err)
	require.Equal(t, rc.TxHash, final.TxHash, "same signed transaction")
	require.NotEqual(t, rc.BlockHash, final.BlockHash, "mined again in another block")
	canon, err := c.HeaderByNumber(ctx, final.BlockNumber)
	require.NoError(t, err)
	require.Equal(t, final.BlockHash, canon.Hash())
	nonce, err := c.NonceAt(ctx, m.From(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(1), nonce)
	in, err := m.Lookup(ctx, "reorg")
	require.NoError(t, err)
	require.Equal(t, txmgr.StateConfirmed, in.State)
}

// TestNonceTaken: another transaction from the same key takes the intent's nonce; the intent fails with
// ErrNonceTaken instead of waiting forever.
func TestNonceTaken(t *testing.T) { dbtest.Run(t, true, testNonceTaken) }

func testNonceTaken(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	m := newManager(t, dropSends{c}, st, func(cfg *txmgr.Config) { cfg.NonceTakenAfter = 3; cfg.ResubmitAfter = time.Hour })
	errc := make(chan error, 1)
	go func() { _, err := m.Send(ctx, "stolen", candidate(1)); errc <- err }()
	require.Eventually(t, func() bool { _, err := m.Lookup(ctx, "stolen"); return err == nil }, 5*time.Second, 10*time.Millisecond)
	// Someone else sends with the keeper key at the same nonce.
	tx, err := types.SignNewTx(devnet.DevKey(2), types.LatestSignerForChainID(big.NewInt(31337)), &types.DynamicFeeTx{
		ChainID: big.NewInt(31337), Nonce: 0, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(10e9), Gas: 21000, To: &target,
	})
	require.NoError(t, err)
	require.NoError(t, c.SendTransaction(ctx, tx))
	require.ErrorIs(t, <-errc, txmgr.ErrNonceTaken)
	_ = r
}

// blindReceipts is a backend whose receipt reads fail while blind is set (a node still indexing, a provider
// rate-limiting).
type blindReceipts struct {
	txmgr.Backend
	blind atomic.Bool
	reads atomic.Int32
}

func (b *blindReceipts) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	if b.blind.Load() {
		b.reads.Add(1)
		return nil, errors.New("transaction indexing is in progress (injected)")
	}
	return b.Backend.TransactionReceipt(ctx, h)
}

// TestNonceTakenNotFromUnreadReceipts (from a review): a transaction mined while its receipts cannot be
// read moves the key's nonce past the intent's; that is not another transaction taking it. Send waits
// until a receipt is read and returns it. Before, NonceTakenAfter polls of failed reads marked the landed
// transaction failed (ErrNonceTaken), and a guard sent a second veto after it.
func TestNonceTakenNotFromUnreadReceipts(t *testing.T) {
	ctx, _, _, c, st := setup(t, dbtest.SQLite(t))
	b := &blindReceipts{Backend: c}
	b.blind.Store(true)
	m := newManager(t, b, st, func(cfg *txmgr.Config) { cfg.NonceTakenAfter = 3; cfg.Confirmations = 1 })
	type result struct {
		r   *types.Receipt
		err error
	}
	done := make(chan result, 1)
	go func() { r, err := m.Send(ctx, "blind", candidate(1)); done <- result{r, err} }()
	require.Eventually(t, func() bool { // mined (automine), its receipt unread well past NonceTakenAfter polls
		n, err := c.NonceAt(ctx, m.From(), nil)
		return err == nil && n == 1 && b.reads.Load() >= 10
	}, 30*time.Second, 10*time.Millisecond)
	require.Empty(t, done, "still waiting for a receipt")
	b.blind.Store(false)
	got := <-done
	require.NoError(t, got.err)
	require.Equal(t, types.ReceiptStatusSuccessful, got.r.Status)
}

// sendUntilStored sends intent id through m and stops the Send (the process "dies") once the intent is
// stored, before it can be mined: the broadcasts of m's backend never arrive.
func sendUntilStored(t *testing.T, ctx context.Context, m *txmgr.Manager, id string, c txmgr.Candidate) {
	t.Helper()
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errc := make(chan error, 1)
	go func() { _, err := m.Send(sctx, id, c); errc <- err }()
	require.Eventually(t, func() bool { _, err := m.Lookup(ctx, id); return err == nil }, 30*time.Second, 10*time.Millisecond)
	cancel()
	require.ErrorIs(t, <-errc, context.Canceled)
}

func hashes(in *txmgr.Intent) []common.Hash {
	var out []common.Hash
	for _, a := range in.Attempts {
		out = append(out, a.Hash)
	}
	return out
}

// TestSignerSeam: the manager signs through Config.Sign (here a keystore file, as the keeper loads it) and
// refuses what a signer returns that is not the transaction it asked for, or not signed by From: nothing
// is stored or sent then.
func TestSignerSeam(t *testing.T) { dbtest.Run(t, true, testSignerSeam) }

func testSignerSeam(t *testing.T, dsn string) {
	ctx, _, _, c, st := setup(t, dsn)
	dir := t.TempDir()
	path, err := keys.Store(dir, devnet.DevKey(2), "pw", keys.Light)
	require.NoError(t, err)
	from, sign, err := keys.LoadTxSigner(ctx, keys.Source{Keystore: path, Password: "pw"}, 31337)
	require.NoError(t, err)

	other, otherSign := keys.TxSigner(devnet.DevKey(3), big.NewInt(31337))
	require.NotEqual(t, from, other)
	hostile := map[string]txmgr.SignFn{
		"another key": otherSign,
		"another transaction": func(ctx context.Context, tx *types.Transaction) (*types.Transaction, error) {
			changed := types.NewTx(&types.DynamicFeeTx{ChainID: tx.ChainId(), Nonce: tx.Nonce(), GasTipCap: tx.GasTipCap(),
				GasFeeCap: tx.GasFeeCap(), Gas: tx.Gas(), To: &common.Address{0xbb}, Data: tx.Data(), Value: big.NewInt(1)})
			return sign(ctx, changed)
		},
		"nothing": func(context.Context, *types.Transaction) (*types.Transaction, error) { return nil, nil },
	}
	for name, s := range hostile {
		m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.From, cfg.Sign = from, s })
		_, err := m.Send(ctx, "hostile "+name, candidate(1))
		require.ErrorContains(t, err, "txmgr: sign", name)
		_, err = m.Lookup(ctx, "hostile "+name)
		require.ErrorIs(t, err, txmgr.ErrUnknownIntent, "%s: nothing stored", name)
	}
	nonce, err := c.NonceAt(ctx, from, nil)
	require.NoError(t, err)
	require.Zero(t, nonce, "nothing sent")

	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.From, cfg.Sign = from, sign })
	rc, err := m.Send(ctx, "keystore", candidate(1))
	require.NoError(t, err)
	tx, _, err := c.TransactionByHash(ctx, rc.TxHash)
	require.NoError(t, err)
	sender, err := types.Sender(types.LatestSignerForChainID(big.NewInt(31337)), tx)
	require.NoError(t, err)
	require.Equal(t, from, sender)
}

// headWatch is a backend that reports each BlockNumber call (Confirm's depth check; Send makes none).
type headWatch struct {
	txmgr.Backend
	calls chan struct{}
}

func (h headWatch) BlockNumber(ctx context.Context) (uint64, error) {
	select {
	case h.calls <- struct{}{}:
	default:
	}
	return h.Backend.BlockNumber(ctx)
}

// TestConfirmWaitDoesNotBlockSend: while Confirm waits for blocks that do not come, another intent is
// sent and mined: the manager's lock covers nonce allocation, not the wait for a block.
func TestConfirmWaitDoesNotBlockSend(t *testing.T) {
	dbtest.Run(t, true, testConfirmWaitDoesNotBlockSend)
}

func testConfirmWaitDoesNotBlockSend(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	hw := headWatch{Backend: c, calls: make(chan struct{}, 1)}
	m := newManager(t, hw, st, func(cfg *txmgr.Config) { cfg.Confirmations = 3 })

	first, err := m.Send(ctx, "first", candidate(1)) // automine: mined at once, depth 1 of 3
	require.NoError(t, err)
	confirmed := make(chan error, 1)
	go func() { _, err := m.Confirm(ctx, "first"); confirmed <- err }()
	<-hw.calls // Confirm is in its wait: it read the head and found the depth short

	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	second, err := m.Send(sctx, "second", candidate(2))
	require.NoError(t, err, "Send waited for Confirm's blocks")
	require.Greater(t, second.BlockNumber.Uint64(), first.BlockNumber.Uint64())
	select {
	case err := <-confirmed:
		t.Fatalf("Confirm returned before the depth: %v", err)
	default:
	}
	mine(t, ctx, r, 1) // depth 3
	require.NoError(t, <-confirmed)
}

// TestCheck: Check looks once and never waits nor sends. A transaction mined at depth 1 of 3 is
// ErrNotConfirmed (still mined); its block reverted (evm_revert), ErrNotMined and the intent pending again,
// nothing broadcast (automine would have mined it); Send resumes it (the same signed transaction, in a new
// block) and, two blocks later, Check confirms it: the receipt, state confirmed, one nonce used. An intent
// stored but never broadcast by its manager, its transaction mined by someone else's broadcast, is found
// mined by Check. An unknown intent is ErrUnknownIntent.
func TestCheck(t *testing.T) { dbtest.Run(t, true, testCheck) }

func testCheck(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.Confirmations = 3 })
	state := func(id string) txmgr.State {
		in, err := m.Lookup(ctx, id)
		require.NoError(t, err)
		return in.State
	}

	var snap string
	require.NoError(t, r.CallContext(ctx, &snap, "evm_snapshot"))
	rc, err := m.Send(ctx, "check", candidate(7))
	require.NoError(t, err)
	_, err = m.Check(ctx, "check")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed, "depth 1 of 3")
	mine(t, ctx, r, 1)
	_, err = m.Check(ctx, "check")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed, "depth 2 of 3")
	require.Equal(t, txmgr.StateMined, state("check"))

	var ok bool
	require.NoError(t, r.CallContext(ctx, &ok, "evm_revert", snap))
	require.True(t, ok)
	for range 2 {
		_, err = m.Check(ctx, "check")
		require.ErrorIs(t, err, txmgr.ErrNotMined, "its block left the chain")
	}
	require.Equal(t, txmgr.StatePending, state("check"))
	nonce, err := c.NonceAt(ctx, m.From(), nil)
	require.NoError(t, err)
	require.Zero(t, nonce, "Check broadcast nothing")

	again, err := m.Send(ctx, "check", candidate(9))
	require.NoError(t, err)
	require.Equal(t, rc.TxHash, again.TxHash, "the stored transaction")
	require.NotEqual(t, rc.BlockHash, again.BlockHash)
	_, err = m.Check(ctx, "check")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed)
	mine(t, ctx, r, 2)
	for range 2 { // confirmed, and so it stays
		final, err := m.Check(ctx, "check")
		require.NoError(t, err)
		require.Equal(t, again.BlockHash, final.BlockHash)
		require.Equal(t, txmgr.StateConfirmed, state("check"))
	}
	nonce, err = c.NonceAt(ctx, m.From(), nil)
	require.NoError(t, err)
	require.Equal(t, uint64(1), nonce)

	// Stored, never broadcast by its manager (the process died); the same bytes mined by another's broadcast.
	quiet := newManager(t, dropSends{c}, st, func(cfg *txmgr.Config) { cfg.Confirmations = 3; cfg.ResubmitAfter = time.Hour })
	sendUntilStored(t, ctx, quiet, "found", candidate(3))
	_, err = m.Check(ctx, "found")
	require.ErrorIs(t, err, txmgr.ErrNotMined)
	stored, err := m.Lookup(ctx, "found")
	require.NoError(t, err)
	tx := new(types.Transaction)
	require.NoError(t, tx.UnmarshalBinary(stored.Latest().Raw))
	require.NoError(t, c.SendTransaction(ctx, tx))
	_, err = bind.WaitMined(ctx, c, tx) // anvil answers the send before its block is there
	require.NoError(t, err)
	_, err = m.Check(ctx, "found")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed)
	require.Equal(t, txmgr.StateMined, state("found"))

	_, err = m.Check(ctx, "nothing")
	require.ErrorIs(t, err, txmgr.ErrUnknownIntent)
}

// TestCheckReincluded (from a review): a reorg that puts the same transaction in another block of the new
// branch (the usual shape of a reorg) is not "in no block": Check finds it in its new block, short of the
// depth, and confirms it there once deep enough. Before, Check said ErrNotMined, which a guard took for a
// discard by someone else.
func TestCheckReincluded(t *testing.T) { dbtest.Run(t, true, testCheckReincluded) }

func testCheckReincluded(t *testing.T, dsn string) {
	ctx, _, r, c, st := setup(t, dsn)
	m := newManager(t, c, st, func(cfg *txmgr.Config) { cfg.Confirmations = 3 })
	var snap string
	require.NoError(t, r.CallContext(ctx, &snap, "evm_snapshot"))
	rc, err := m.Send(ctx, "v", candidate(7))
	require.NoError(t, err)
	_, err = m.Check(ctx, "v")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed)
	var ok bool
	require.NoError(t, r.CallContext(ctx, &ok, "evm_revert", snap))
	require.True(t, ok)
	mine(t, ctx, r, 1) // the new branch: an empty block first, so the transaction lands in another block
	in, err := m.Lookup(ctx, "v")
	require.NoError(t, err)
	tx := new(types.Transaction)
	require.NoError(t, tx.UnmarshalBinary(in.Latest().Raw))
	require.NoError(t, c.SendTransaction(ctx, tx))
	moved, err := bind.WaitMined(ctx, c, tx)
	require.NoError(t, err)
	require.NotEqual(t, rc.BlockHash, moved.BlockHash)

	_, err = m.Check(ctx, "v")
	require.ErrorIs(t, err, txmgr.ErrNotConfirmed, "mined, in its new block")
	mine(t, ctx, r, 2)
	final, err := m.Check(ctx, "v")
	require.NoError(t, err)
	require.Equal(t, moved.BlockHash, final.BlockHash)
}
