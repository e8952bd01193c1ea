package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/holiman/uint256"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/client"
	"github.com/laketravis/laketravis/protocol/eip712"
	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

func TestMain(m *testing.M) {
	if target := os.Getenv(bareProxyEnv); target != "" {
		os.Exit(runBareProxy(target))
	}
	code := m.Run()
	RemoveBinaries()
	os.Exit(code)
}

// start runs a stack for t, printing the end of every log if t fails.
func start(t *testing.T, ctx context.Context, o Options) *Stack {
	t.Helper()
	s, err := Start(ctx, o)
	require.NoError(t, err)
	t.Cleanup(func() {
		if t.Failed() {
			var b strings.Builder
			s.DumpLogs(&b, 60)
			t.Log(b.String())
		}
		s.Close()
	})
	return s
}

// fee is the builder's share of seconds × price, computed here independently of wire.Credit.
func split(seconds uint32, price *big.Int, bps uint16) (provider, builder *big.Int) {
	total := new(big.Int).Mul(big.NewInt(int64(seconds)), price)
	builder = new(big.Int).Div(new(big.Int).Mul(total, big.NewInt(int64(bps))), big.NewInt(10_000))
	return new(big.Int).Sub(total, builder), builder
}

func claimedBy(claims []Claim, a common.Address) (sum *big.Int, n int) {
	sum = new(big.Int)
	for _, c := range claims {
		if c.Account == a {
			sum.Add(sum, bigOf(c.Amount))
			n++
		}
	}
	return sum, n
}

// TestSessionSettles is `make demo` with assertions: a user chats through the gateway, the session
// closes with both signatures, the keeper commits, the provider and the builder claim; the amounts are
// seconds × price split by the builder fee, the router's account of the user's allowance moved by exactly
// that, and the user sent no transaction; keeper check-batch passes every epoch's batch file.
func TestSessionSettles(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{})
	price := s.Opts.Prices[0]

	sum, err := s.Demo(ctx, []string{"What is Lake Travis?", "And how do I pay?"}, nil)
	require.NoError(t, err)
	checked, err := s.CheckBatches(ctx, nil) // keeper check-batch passes the keeper's real epochs
	require.NoError(t, err)
	require.Positive(t, checked)

	require.Len(t, sum.Sessions, 1, "both chats reuse one live session")
	ss := sum.Sessions[0]
	require.Equal(t, wire.CloseReceipt, ss.CloseReason, "closed with the user's and the provider's signatures")
	require.Equal(t, s.Providers[0].Owner.Address, ss.Provider)
	require.Equal(t, price.String(), ss.PricePerSecond)
	require.Positive(t, ss.BilledSeconds)
	require.EqualValues(t, 2*len(UpstreamAnswer), ss.OutputTokens, "the upstream's usage of both answers")

	wantP, wantB := split(ss.BilledSeconds, price, s.Opts.BuilderFeeBps)
	require.Positive(t, wantB.Sign())
	require.Equal(t, wantP.String(), sum.ClaimedProvider, "provider: seconds × price − builder fee")
	require.Equal(t, wantB.String(), sum.ClaimedBuilder, "builder: the fee")
	// The claims reached the accounts' MOR balances (the builder held none before).
	bal, err := s.Token.BalanceOf(&bind.CallOpts{Context: ctx}, s.Builder.Address)
	require.NoError(t, err)
	require.Equal(t, wantB.String(), bal.String())

	cost := new(big.Int).Add(wantP, wantB)
	moved := new(big.Int).Sub(bigOf(sum.AllowanceUsedAfter), bigOf(sum.AllowanceUsedBefore))
	require.Equal(t, cost.String(), moved.String(), "the router's account of the allowance moved by the billed amount")
	committed, err := s.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, cost.String(), committed.String())

	require.Zero(t, sum.UserTransactions, "no transaction on the user's path")
	for _, c := range sum.Claims {
		require.NotEqual(t, s.User.Address, c.From)
	}
	require.Len(t, sum.Epochs, 1)
	require.Positive(t, sum.GasPerSession)
}

// TestFailover: two providers; the serving one is SIGKILLed mid-session; the gateway closes its session
// one-sided at the router (the user's receipt only) and moves the user to the second provider; both
// sessions settle, and nothing is paid twice.
func TestFailover(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	cheap, dear := big.NewInt(1e15), big.NewInt(2e15)
	s := start(t, ctx, Options{Prices: []*big.Int{cheap, dear}})
	first, second := s.Providers[0], s.Providers[1]
	want := strings.Join(UpstreamAnswer, "")
	nonce, err := s.UserNonce(ctx)
	require.NoError(t, err)

	a, err := s.Chat(ctx, "first", true)
	require.NoError(t, err)
	require.Equal(t, want, a.Text)
	recA, err := s.RouterSession(ctx, a.Session)
	require.NoError(t, err)
	require.Equal(t, first.Owner.Address, recA.Ticket.Provider, "the cheapest provider serves first")

	first.Proc.Kill() // a crash: no drain, no close of its sessions

	b, err := s.Chat(ctx, "second", false)
	require.NoError(t, err, "the gateway fails over")
	require.Equal(t, want, b.Text)
	require.NotEqual(t, a.Session, b.Session)

	recA, err = s.WaitClosed(ctx, a.Session, 30*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, recA.CloseReason, "the dead provider's session is closed one-sided by the user")
	require.NotNil(t, recA.UserSignature)
	require.Nil(t, recA.ProviderSignature)
	require.Contains(t, recA.Flags, wire.CloseOneSided)
	require.Positive(t, recA.BilledSeconds, "the user's receipt bills what the user saw")
	require.NotNil(t, recA.TicketAcceptance, "the user's close carries the provider's ticket acceptance from its answers")
	acc, err := settle.AcceptanceSigner(s.Domain, &recA.Ticket, recA.Router, recA.TicketAcceptance)
	require.NoError(t, err)
	require.Equal(t, first.Signer.Address, acc)

	recB, err := s.WaitClosed(ctx, b.Session, 30*time.Second)
	require.NoError(t, err)
	require.Equal(t, second.Owner.Address, recB.Ticket.Provider)
	require.Equal(t, wire.CloseReceipt, recB.CloseReason)
	require.NotNil(t, recB.TicketAcceptance, "the provider's close carries its ticket acceptance")

	pA, bA := split(recA.BilledSeconds, cheap, s.Opts.BuilderFeeBps)
	pB, bB := split(recB.BilledSeconds, dear, s.Opts.BuilderFeeBps)
	fees := new(big.Int).Add(bA, bB)
	total := new(big.Int).Add(new(big.Int).Add(pA, pB), fees)
	require.NoError(t, s.WaitCommitted(ctx, total, 90*time.Second))

	for _, w := range []struct {
		who  common.Address
		want *big.Int
	}{{first.Owner.Address, pA}, {second.Owner.Address, pB}, {s.Builder.Address, fees}} {
		_, err := s.WaitClaimable(ctx, w.who, w.want, 90*time.Second)
		require.NoError(t, err)
	}
	require.NoError(t, s.ClaimProvider(ctx, first), "the owner key claims though its server is dead")
	require.NoError(t, s.ClaimProvider(ctx, second))
	require.NoError(t, s.ClaimBuilder(ctx))
	// A second claim pays nothing.
	_ = s.ClaimProvider(ctx, first)

	_, claims, err := s.Settlement(ctx)
	require.NoError(t, err)
	for _, w := range []struct {
		who  common.Address
		want *big.Int
	}{{first.Owner.Address, pA}, {second.Owner.Address, pB}, {s.Builder.Address, fees}} {
		got, n := claimedBy(claims, w.who)
		require.Equal(t, w.want.String(), got.String(), "claimed by %s", w.who)
		require.Equal(t, 1, n, "%s claimed once", w.who)
	}
	committed, err := s.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, total.String(), committed.String(), "each session credited once")
	paid, err := s.Pool.TotalClaimed(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, total.String(), paid.String())
	after, err := s.UserNonce(ctx)
	require.NoError(t, err)
	require.Equal(t, nonce, after, "no transaction on the user's path")
}

// TestRealClients: the official OpenAI Node SDK against the gateway (checkOpenAISDK); an RFC signed by
// Foundry's `cast wallet sign --data` and sent to the router with curl.
func TestRealClients(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 3*time.Minute)
	s := start(t, ctx, Options{})

	// Each its own minute from when it starts, not what the stack's start left of the test's.
	t.Run("openai-node", func(t *testing.T) { checkOpenAISDK(t, testContext(t, time.Minute), s) })

	t.Run("cast-rfc-curl", func(t *testing.T) {
		ctx := testContext(t, time.Minute)
		rfc, err := client.NewRFC(s.User.Address, client.RFCParams{Model: s.Opts.Model,
			MaxPricePerSecond: uint256.MustFromBig(s.Opts.Prices[0]), MaxSeconds: 60}, time.Now())
		require.NoError(t, err)
		doc, err := s.Domain.TypedData(&rfc)
		require.NoError(t, err)
		dir := t.TempDir()
		docPath := filepath.Join(dir, "rfc.json")
		require.NoError(t, os.WriteFile(docPath, doc, 0o600))
		cast := exec.CommandContext(ctx, "npx", "--no", "cast", "wallet", "sign", "--data", "--from-file", docPath,
			"--private-key", s.User.PrivateKeyHex())
		cast.Dir = s.Root
		sigOut, err := cast.Output()
		require.NoError(t, err, "cast wallet sign: %s", stderrOf(err))
		sig := strings.TrimSpace(string(sigOut))
		raw, err := hexutil.Decode(sig)
		require.NoError(t, err)
		digest, err := s.Domain.Verify(&rfc, raw, s.User.Address)
		require.NoError(t, err, "cast signs the digest we compute")

		rfcJSON, err := json.Marshal(rfc)
		require.NoError(t, err)
		body := `{"rfc":` + string(rfcJSON) + `,"signature":"` + sig + `"}`
		bodyPath := filepath.Join(dir, "body.json")
		require.NoError(t, os.WriteFile(bodyPath, []byte(body), 0o600))
		curl := exec.CommandContext(ctx, "curl", "-sS", "--fail-with-body", "-X", "POST",
			"-H", "Content-Type: application/json", "--data-binary", "@"+bodyPath, s.RouterURL+"/v1/rfc")
		out, err := curl.Output()
		require.NoError(t, err, "curl: %s %s", out, stderrOf(err))
		var grant wire.RFCResponse
		require.NoError(t, json.Unmarshal(out, &grant), "%s", out)
		require.Equal(t, s.Providers[0].Owner.Address, grant.Provider)
		require.Equal(t, eip712.SessionID(digest, grant.Provider), grant.SessionID)
		router, _, err := (&eip712.SignedSessionTicket{Ticket: grant.Ticket, Signature: grant.TicketSignature}).Recover(s.Domain)
		require.NoError(t, err)
		require.Equal(t, grant.Router, router)

		// The same signed RFC again is idempotent: the same session.
		out, err = exec.CommandContext(ctx, "curl", "-sS", "--fail-with-body", "-X", "POST", "-H", "Content-Type: application/json",
			"--data-binary", "@"+bodyPath, s.RouterURL+"/v1/rfc").Output()
		require.NoError(t, err, "%s", out)
		var again wire.RFCResponse
		require.NoError(t, json.Unmarshal(out, &again))
		require.Equal(t, grant.SessionID, again.SessionID)

		// cast's signature over another RFC is refused. (A fresh nonce: a used one is refused before any
		// signature work, as nonce_reused.)
		rfc.MaxSeconds++
		rfc.Nonce++
		rfcJSON, err = json.Marshal(rfc)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(bodyPath, []byte(`{"rfc":`+string(rfcJSON)+`,"signature":"`+sig+`"}`), 0o600))
		out, err = exec.CommandContext(ctx, "curl", "-sS", "-X", "POST", "-H", "Content-Type: application/json",
			"--data-binary", "@"+bodyPath, s.RouterURL+"/v1/rfc").Output()
		require.NoError(t, err)
		require.Contains(t, string(out), wire.CodeBadSignature)
	})
}

func stderrOf(err error) string {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return string(ee.Stderr)
	}
	return ""
}

// TestProviderAloneBounded (PROTOCOL §7 step 5 v2): the user's gateway keeps its session open, the provider
// shuts down and closes it alone (SIGTERM: receipt signed by its signer key only). The real provider sends
// the newest request the session key signed with its report; the router records it and bills no more than
// it proves (protocol/settle); the keeper verifies the signature against the session key and commits
// exactly that credit.
func TestProviderAloneBounded(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 4*time.Minute)
	s := start(t, ctx, Options{GatewayIdleTimeout: time.Hour})
	res, err := s.Chat(ctx, "hello", true)
	require.NoError(t, err)
	s.Providers[0].Proc.Stop() // graceful: the provider closes its open sessions one-sided

	rec, err := s.WaitClosed(ctx, res.Session, 60*time.Second)
	require.NoError(t, err)
	require.Equal(t, wire.CloseOneSided, rec.CloseReason)
	require.Nil(t, rec.UserSignature)
	require.NotNil(t, rec.ProviderSignature)
	require.NotNil(t, rec.RFC, "the record carries the user's RFC")
	require.NotNil(t, rec.LastRequest, "the provider alone sends the newest request the user signed")
	signer, err := rec.LastRequest.Signer(s.Domain.ChainID(), rec.SessionID)
	require.NoError(t, err)
	require.Equal(t, rec.Ticket.Signer(), signer, "signed by the session key")
	require.NotEqual(t, rec.Ticket.User, signer, "the gateway's ephemeral session key, not the wallet")
	start := settle.Start(rec.CreatedAt, rec.RFC.Deadline)
	require.LessOrEqual(t, rec.BilledSeconds, settle.ProviderAlone(start, rec.ClosedAt, rec.LastRequest.Time, true))
	require.LessOrEqual(t, rec.BilledSeconds, settle.WallClock(start, rec.ClosedAt))
	require.Positive(t, rec.BilledSeconds, "what the user's signed requests prove is billed")

	p, b, err := s.Credit(rec)
	require.NoError(t, err)
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(p, b), 90*time.Second), "the keeper credits the bounded one-sided close")
}
