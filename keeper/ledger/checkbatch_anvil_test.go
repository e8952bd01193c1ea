package ledger_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/chain"
	"github.com/laketravis/laketravis/devnet"
	"github.com/laketravis/laketravis/internal/dbtest"
	"github.com/laketravis/laketravis/keeper/api"
	"github.com/laketravis/laketravis/keeper/internal/testenv"
	"github.com/laketravis/laketravis/keeper/ledger"
	"github.com/laketravis/laketravis/keeper/store"
	"github.com/laketravis/laketravis/protocol/merkle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestCheckBatchAnvil (keeper check-batch's checks, ledger.BatchChecker): the batch file of an honestly
// committed epoch (an allowance-paid session and a deposit-paid one) passes every check; each tampered
// copy fails the check that names its fault, and only the checks it breaks:
//   - a credit leaf's amount changed: the credit root (and cumulativeTotal) no longer follow from the leaves;
//   - a spend leaf changed: the spend root (and cumulativeSpent) no longer follow from the spend leaves;
//   - a self-consistent file whose root is not the chain's: the on-chain check names the pool's root;
//   - a spend leaf charging a user whose deposit rose from zero after the read, and one charging a user
//     with no deposit (trees rebuilt, so only the chain and the funding check object): CheckSpendFunding;
//   - a session record whose user signature is broken: the keeper's own verification rejects it
//     (bad_user_signature).
//
// Every problem of a file is reported at once. An epoch 1 committed stating a read earlier than epoch 0's
// passes, the on-chain check saying the pool kept the previous epoch's read, and the funding check reads
// as of that kept read.
func TestCheckBatchAnvil(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	env := testenv.New(t, ctx, testenv.Options{})
	const payerKey, lateKey = 7, 8
	payer := devnet.DevKey(payerKey)
	depositMOR(t, ctx, env, payerKey, devnet.MOR(10))
	now := uint64(time.Now().Unix())
	s1 := env.RecordSpec(t, testenv.Spec{Nonce: 1, Seconds: 100, MaxSeconds: 600, Price: 1_000_000, Created: now - 120, Closed: now - 5})
	s2 := env.RecordSpec(t, testenv.Spec{User: payer, Nonce: 1, Seconds: 30, MaxSeconds: 600, Price: 1_000_000_000_000_000,
		UseDeposit: true, Created: now - 100, Closed: now - 4})
	feed := testenv.NewFeed(t)
	feed.Add(t, s1, s2)
	k := startKeeper(t, ctx, env, keeperOptions{rpcURLs: []string{env.Anvil.URL}, dsn: dbtest.SQLite(t), confirmations: 1,
		feedList: []*testenv.Feed{feed}, epochLength: 24 * time.Hour, now: func() time.Time { return time.Now().Add(48 * time.Hour) }, manual: true})
	_, err := k.led.IngestOnce(ctx)
	require.NoError(t, err)
	require.NoError(t, k.led.Assemble(ctx))
	k.drive(t, ctx, 0, "epoch 0 committed", func(e *ledger.EpochRow) bool { return e.State == ledger.StateConfirmed })
	e, err := k.led.LiveEpoch(ctx, 0)
	require.NoError(t, err)
	raw, err := os.ReadFile(e.BatchFile)
	require.NoError(t, err)
	load := func() *ledger.BatchFile {
		var bf ledger.BatchFile
		require.NoError(t, json.Unmarshal(raw, &bf))
		return &bf
	}
	honest := load()
	require.Len(t, honest.Sessions, 2)
	require.NotEmpty(t, honest.Spend, "the deposit-paid session is charged to the payer's deposit")

	// A user funded after the epoch's read: the chain moves past it, then the user deposits.
	// Measured from the chain's head, not the wall clock: a chain behind the wall clock by more than a minute
	// made the old difference underflow, and the warp past 2^32 s reverted the deposit (SafeCast of fundedAt).
	head, err := env.Client.HeaderByNumber(ctx, nil)
	require.NoError(t, err)
	if target := honest.DepositsReadAt + 60; target > head.Time {
		require.NoError(t, env.Anvil.IncreaseTime(ctx, target-head.Time))
	}
	fundedAt := blockTimeOf(t, ctx, env, depositMOR(t, ctx, env, lateKey, devnet.MOR(1)))
	late := crypto.PubkeyToAddress(devnet.DevKey(lateKey).PublicKey)
	require.Greater(t, fundedAt, honest.DepositsReadAt, "funded after the read")

	checker := batchChecker(t, ctx, env)
	hist, err := store.Open(ctx, dbtest.SQLite(t)) // the guard's guard.db
	require.NoError(t, err)
	t.Cleanup(func() { _ = hist.Close() })
	checker.History = hist
	// The previous epoch's file as the keeper's API serves it at its commit's uri (<public-url> + wire.BatchPath).
	served := map[string][]byte{} // files of epochs committed by the test itself
	keeperAPI := api.New(k.led, nil, nil).Handler()
	checker.Fetch = func(ctx context.Context, uri string) ([]byte, error) {
		if raw, ok := served[uri]; ok {
			return raw, nil
		}
		u, err := url.Parse(uri)
		if err != nil {
			return nil, err
		}
		rec := httptest.NewRecorder()
		keeperAPI.ServeHTTP(rec, httptest.NewRequestWithContext(ctx, http.MethodGet, u.Path, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("GET %s: %d %s", uri, rec.Code, rec.Body)
		}
		return rec.Body.Bytes(), nil
	}
	// Each file checked as its epoch's commit (keeper check-batch's way; a file of an epoch not committed:
	// its commit's time not known).
	check := func(c *ledger.BatchChecker, bf *ledger.BatchFile) []ledger.BatchCheck {
		ev, _ := c.LiveCommit(ctx, bf.Epoch)
		at, _ := c.CommitTime(ctx, ev)
		return c.Check(ctx, bf, at)
	}
	problems := func(bf *ledger.BatchFile) map[string][]string {
		out := map[string][]string{}
		for _, c := range check(checker, bf) {
			if !c.OK() {
				out[c.Name] = c.Problems
			}
		}
		return out
	}
	require.Empty(t, problems(honest), "the honest batch file passes every check")
	for _, c := range check(checker, honest) {
		if c.Name == ledger.CheckCredits {
			require.Equal(t, []string{"compared with no previous epoch: 2 sessions"}, c.Notes)
		}
	}

	// The trees of a tampered file rebuilt (root, total, spend root and spend), so that only the chain objects.
	rebuild := func(bf *ledger.BatchFile) {
		var total, spent uint256.Int
		for _, lf := range bf.Leaves {
			total.Add(&total, lf.Amount)
		}
		for _, lf := range bf.Spend {
			spent.Add(&spent, &lf.Amount)
		}
		entries := make([]merkle.Entry, len(bf.Leaves))
		for i, lf := range bf.Leaves {
			entries[i] = merkle.Entry{Account: lf.Account, Amount: *lf.Amount}
		}
		credit, err := merkle.Build(entries)
		require.NoError(t, err)
		spendTree, err := ledger.SpendTree(bf.Spend)
		require.NoError(t, err)
		bf.Root, bf.CumulativeTotal, bf.SpendRoot, bf.CumulativeSpent = credit.Root(), total.Dec(), spendTree.Root(), spent.Dec()
	}
	one := uint256.NewInt(1)
	contains := func(list []string, part string) bool {
		for _, p := range list {
			if strings.Contains(p, part) {
				return true
			}
		}
		return false
	}

	leaf := load()
	leaf.Leaves[0].Amount = new(uint256.Int).Sub(leaf.Leaves[0].Amount, one) // still within what it is owed: only the trees object
	got := problems(leaf)
	require.Equal(t, []string{ledger.CheckTrees}, keysOf(got), "%v", got)
	require.True(t, contains(got[ledger.CheckTrees], "the leaves give"), "%v", got)
	require.True(t, contains(got[ledger.CheckTrees], "the leaves sum to"), "%v", got)

	spend := load()
	spend.Spend[0].Amount.Add(&spend.Spend[0].Amount, one)
	got = problems(spend)
	// Its spend leaf no longer what the deposit charges give: the credits check objects too.
	require.Equal(t, []string{ledger.CheckTrees, ledger.CheckCredits}, keysOf(got), "%v", got)
	require.True(t, contains(got[ledger.CheckTrees], "the spend leaves give"), "%v", got)
	require.True(t, contains(got[ledger.CheckCredits], "'s spend leaf is "), "%v", got)

	root := load()
	root.Leaves[0].Amount = new(uint256.Int).Add(root.Leaves[0].Amount, one)
	rebuild(root)
	got = problems(root)
	require.Equal(t, []string{ledger.CheckOnChain, ledger.CheckCredits}, keysOf(got), "%v", got)
	require.True(t, contains(got[ledger.CheckOnChain], "the pool's epoch 0 holds "+honest.Root.Hex()), "%v", got)
	require.Equal(t, []string{fmt.Sprintf("%s is credited %s, more than the %s it is owed", root.Leaves[0].Account.Hex(),
		root.Leaves[0].Amount.Dec(), root.Leaves[0].Owed.Dec())}, got[ledger.CheckCredits])

	// A self-consistent file crediting an account more than its sessions give it (its leaf's amount and owed
	// both raised, the trees rebuilt): what a hostile keeper publishing the file of an inflated root shows.
	inflated := load()
	lift := uint256.NewInt(1_000_000)
	inflated.Leaves[0].Amount = new(uint256.Int).Add(inflated.Leaves[0].Amount, lift)
	inflated.Leaves[0].Owed = new(uint256.Int).Add(inflated.Leaves[0].Owed, lift)
	rebuild(inflated)
	got = problems(inflated)
	require.Equal(t, []string{ledger.CheckOnChain, ledger.CheckCredits}, keysOf(got), "%v", got)
	require.Len(t, got[ledger.CheckCredits], 1)
	require.Contains(t, got[ledger.CheckCredits][0], inflated.Leaves[0].Account.Hex()+"'s owed rose by "+inflated.Leaves[0].Owed.Dec()+
		" (no previous epoch), but this file's sessions give it at most ")

	// A session listed twice: credited twice.
	twice := load()
	twice.Sessions = append(twice.Sessions, twice.Sessions[0])
	got = problems(twice)
	require.Equal(t, []string{ledger.CheckCredits}, keysOf(got), "%v", got)
	require.Contains(t, got[ledger.CheckCredits][0], "is listed twice")

	funded := load()
	nobody := common.HexToAddress("0x00000000000000000000000000000000000000ff")
	funded.Spend = append(funded.Spend, store.SpendLeaf{User: late, Amount: *one}, store.SpendLeaf{User: nobody, Amount: *one})
	rebuild(funded)
	got = problems(funded)
	require.Equal(t, []string{ledger.CheckOnChain, ledger.CheckFunding, ledger.CheckCredits}, keysOf(got), "%v", got) // credits: spend leaves with no deposit charge
	require.Len(t, got[ledger.CheckFunding], 1)
	require.Contains(t, got[ledger.CheckFunding][0], ledger.ErrChargedAfterRead.Error())
	require.Contains(t, got[ledger.CheckFunding][0], late.Hex()+" (spend 1, funded at")
	require.Contains(t, got[ledger.CheckFunding][0], nobody.Hex()+" (spend 1, no deposit)")

	sig := load()
	var rec wire.SessionRecord
	require.NoError(t, json.Unmarshal(sig.Sessions[1], &rec))
	require.NotNil(t, rec.UserSignature)
	rec.UserSignature[10] ^= 0xff
	sig.Sessions[1], err = json.Marshal(&rec)
	require.NoError(t, err)
	got = problems(sig)
	// Its credit is no longer backed by a verified session: the credits check objects too.
	require.Equal(t, []string{ledger.CheckSessions, ledger.CheckCredits}, keysOf(got), "%v", got)
	require.Len(t, got[ledger.CheckSessions], 1)
	require.Contains(t, got[ledger.CheckSessions][0], "session 1 ("+rec.SessionID.Hex()+") would be rejected: "+ledger.RejectBadUserSignature)

	// A hostile keeper's copy of a real record rewritten as expired (billing nothing, so no close time checked)
	// with createdAt far after the commit and no closeSignature (the only signature over createdAt): the chain
	// is not final past its start (ErrSignersNotFinal), which alone would leave it unanswered, and the
	// credits not compared, until the window ended. It is a finding, and the credits are compared without it.
	ev, err := checker.LiveCommit(ctx, 0)
	require.NoError(t, err)
	committedAt, err := checker.CommitTime(ctx, ev)
	require.NoError(t, err)
	future := load()
	var hostile wire.SessionRecord
	require.NoError(t, json.Unmarshal(future.Sessions[0], &hostile))
	hostile.CloseReason, hostile.BilledSeconds, hostile.CloseSignature = wire.CloseExpired, 0, nil
	hostile.CreatedAt = committedAt + 30*24*3600
	future.Sessions[0], err = json.Marshal(&hostile)
	require.NoError(t, err)
	var sessions ledger.BatchCheck
	got = map[string][]string{}
	for _, c := range check(checker, future) {
		if c.Name == ledger.CheckSessions {
			sessions = c
		}
		if !c.OK() {
			got[c.Name] = c.Problems
		}
	}
	require.Equal(t, []string{ledger.CheckSessions, ledger.CheckCredits}, keysOf(got), "%v", got)
	require.Equal(t, []string{fmt.Sprintf("session 0 (%s) starts at %d, after epoch 0's commit at %d: no keeper could have verified it",
		hostile.SessionID.Hex(), hostile.CreatedAt, committedAt)}, got[ledger.CheckSessions])
	require.Equal(t, 1, sessions.Findings(), "a finding, not a read the chain did not answer")
	require.True(t, contains(got[ledger.CheckCredits], "'s owed rose by "), "the credits compared: %v", got)

	// All at once: every problem is reported, not only the first.
	all := load()
	all.ChainID++
	all.Leaves[0].Amount = new(uint256.Int).Add(all.Leaves[0].Amount, one)
	all.Sessions[1] = sig.Sessions[1]
	got = problems(all)
	require.Equal(t, []string{ledger.CheckDeployment, ledger.CheckTrees, ledger.CheckSessions, ledger.CheckCredits}, keysOf(got), "%v", got)

	// Epoch 1 committed stating an earlier read (0) than epoch 0's: the pool keeps epoch 0's, and the check
	// compares with that, saying so; the funding check reads as of it.
	next := load()
	next.Epoch, next.DepositsReadAt, next.Sessions = 1, 0, []json.RawMessage{}
	next.Allowances, next.DepositCharges, next.Shortfalls = nil, nil, nil // no sessions: nothing charged
	next.Leaves[0].Amount = new(uint256.Int).Add(next.Leaves[0].Amount, one)
	rebuild(next)
	nextRaw, err := json.Marshal(next)
	require.NoError(t, err)
	served["mem://1"] = nextRaw
	total, ok := new(big.Int).SetString(next.CumulativeTotal, 10)
	require.True(t, ok)
	spentTotal, ok := new(big.Int).SetString(next.CumulativeSpent, 10)
	require.True(t, ok)
	sendTx(t, ctx, env, testenv.KeeperKey, func(o *bind.TransactOpts) (*types.Transaction, error) {
		return env.Pool.CommitRoot(o, big.NewInt(1), next.Root, total, next.SpendRoot, spentTotal, big.NewInt(0), crypto.Keccak256Hash(nextRaw), "mem://1")
	})
	var onChain, credits ledger.BatchCheck
	for _, c := range check(checker, next) {
		switch c.Name {
		case ledger.CheckOnChain:
			onChain = c
		case ledger.CheckCredits:
			credits = c
			continue
		}
		require.True(t, c.OK(), "%s: %v", c.Name, c.Problems)
	}
	// Compared with epoch 0's file, fetched at its commit's uri: one account credited one more wei than it is
	// owed.
	require.Equal(t, []string{fmt.Sprintf("%s is credited %s, more than the %s it is owed", next.Leaves[0].Account.Hex(),
		next.Leaves[0].Amount.Dec(), next.Leaves[0].Owed.Dec())}, credits.Problems)
	require.Equal(t, []string{"compared with epoch 0's file: 0 sessions"}, credits.Notes)

	// Epoch 2 listing epoch 0's sessions again (epoch 0's file as it is): credited two epochs before, still
	// seen (every earlier epoch's file is read); compared with epoch 1's file, whose extra wei it drops.
	again := load()
	again.Epoch = 2
	for _, c := range check(checker, again) {
		if c.Name == ledger.CheckCredits {
			credits = c
		}
	}
	require.Len(t, credits.Problems, 6, "%v", credits.Problems) // and, those sessions not charged again: their deposit charge and days named
	require.Contains(t, credits.Problems[0], "was credited by epoch 0 already")
	require.Contains(t, credits.Problems[1], "was credited by epoch 0 already")
	require.Contains(t, credits.Problems[2], "'s credit fell from "+next.Leaves[0].Amount.Dec()+" (epoch 1) to ") // epoch 1's extra wei
	require.Equal(t, []string{"compared with epoch 1's file: 0 sessions"}, credits.Notes)
	require.Equal(t, []string{fmt.Sprintf("depositsReadAt 0: the pool keeps %d, the previous epoch's read (max(stated, previous))",
		honest.DepositsReadAt)}, onChain.Notes)
	// A checker started again on the same history (a guard restarted with its guard.db), epoch 0's file no
	// longer obtainable: epoch 2 listing epoch 0's sessions again is still named, from what the history kept
	// of epoch 0's file; only the previous epoch's file is read again.
	restarted := batchChecker(t, ctx, env)
	restarted.History = hist
	var fetched []string
	restarted.Fetch = func(ctx context.Context, uri string) ([]byte, error) {
		fetched = append(fetched, uri)
		if raw, ok := served[uri]; ok {
			return raw, nil
		}
		return nil, fmt.Errorf("%s: not served", uri)
	}
	var again2 ledger.BatchCheck
	for _, c := range check(restarted, again) {
		if c.Name == ledger.CheckCredits {
			again2 = c
		}
	}
	require.Equal(t, credits.Problems, again2.Problems, "the restarted checker finds the same")
	require.Equal(t, []string{"mem://1"}, fetched, "only epoch 1's file read again")

	lateNext := *next
	lateNext.Spend = append(slices.Clone(next.Spend), store.SpendLeaf{User: late, Amount: *one})
	rebuild(&lateNext)
	got = problems(&lateNext)
	require.Contains(t, got[ledger.CheckFunding][0], fmt.Sprintf("deposits read at %d", honest.DepositsReadAt))
}

// keysOf returns the checks with problems, in BatchChecker.Check's order.
func keysOf(m map[string][]string) []string {
	var out []string
	for _, name := range []string{ledger.CheckDeployment, ledger.CheckTrees, ledger.CheckOnChain, ledger.CheckFunding, ledger.CheckSessions,
		ledger.CheckCredits} {
		if _, ok := m[name]; ok {
			out = append(out, name)
		}
	}
	return out
}

// batchChecker reads env's chain as keeper check-batch does (every mined block final).
func batchChecker(t *testing.T, ctx context.Context, env *testenv.Env) *ledger.BatchChecker {
	t.Helper()
	client, err := chain.Dial(ctx, []string{env.Anvil.URL}, chain.Options{})
	require.NoError(t, err)
	t.Cleanup(client.Close)
	deposits, err := ledger.NewChainDeposits(env.PoolAddr, client, env.Deployment.StartBlock, 1, 0, nil)
	require.NoError(t, err)
	signers, err := ledger.NewSignerHistory(env.MarketAddr, client, ledger.SignerConfig{Start: env.Deployment.StartBlock, Confirmations: 1})
	require.NoError(t, err)
	modelsAddr, err := env.Deployment.Address("ModelRegistry")
	require.NoError(t, err)
	reg, err := ledger.NewChainRegistry(ctx, env.MarketAddr, modelsAddr, client, signers)
	require.NoError(t, err)
	return &ledger.BatchChecker{ChainID: 31337, Pool: env.PoolAddr, Caller: client, Deposits: deposits,
		Verifier: &ledger.Verifier{Domain: env.Domain, Registry: reg}, Logs: client, Start: env.Deployment.StartBlock}
}
