package e2e

import (
	"encoding/json"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi/bind"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/laketravis/laketravis/protocol/settle"
	"github.com/laketravis/laketravis/protocol/wire"
)

// TestChatPageInBrowser is issue 15's browser test: the chat page the router serves at /chat, in headless
// Chromium (web/test/chat.test.mjs) with a stand-in EIP-1193 wallet that records every method it is asked,
// against this stack's real router, provider, keeper and anvil. The page connects (switching the wallet to
// the market's chain), signs ONE RFC, streams 10 answers from the provider with the session key and
// closes; it shows the refusals (no votes, no provider, allowance used up) and fails over to a new session
// after one more signature when the provider is unreachable. Here: every session the page opened is closed
// at the router as the page said (countersigned by the provider, or by the user alone after the failover),
// the keeper commits their credits and the provider claims them. The page keeps the provider's ticket
// acceptance (X-LT-Ticket-Acceptance, exposed by its CORS) and its close at the router carries it, so a
// second ROUTER_ROLE key's half-price copy of that session is rejected (ticket_not_accepted) and every
// session is committed at the honest price. Screenshots: LT_WEB_SCREENSHOTS, default
// web/test/screenshots/chat/ (gitignored).
func TestChatPageInBrowser(t *testing.T) {
	t.Parallel()
	ctx := testContext(t, 10*time.Minute)
	chromium := os.Getenv("LT_CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	_, err := os.Stat(chromium)
	require.NoError(t, err, "the chat page's browser test needs Chromium: run `make setup-browser`")
	node, err := exec.LookPath("node")
	require.NoError(t, err, "the chat page's browser test needs node (>= 20): run `make setup-browser`")

	// A second ROUTER_ROLE key copies every session the user closed alone (the failover's first) from the
	// honest feed with a ticket of its own at half the price: the page's close carries the provider's
	// acceptance of the honest ticket, so the keeper keeps the honest close (ticket_not_accepted).
	s, h, rk := startWithHostileRouter(t, ctx, Options{TokenDelay: 10 * time.Millisecond})
	copied := h.undercut(t, s, rk)
	price := s.Opts.Prices[0]
	none := "nobody-serves:1b"
	nameTag := strings.SplitN(none, ":", 2)
	_, err = s.RegisterModel(ctx, s.Builder.Key, nameTag[0], nameTag[1], 0)
	require.NoError(t, err)
	// A user without MOR votes who deposited MOR for paid usage (PROTOCOL §4).
	noVotes := newAccount("chat page user without votes")
	deposit := new(big.Int).Mul(big.NewInt(50), big.NewInt(1e18))
	require.NoError(t, s.FundETH(ctx, noVotes.Address, big.NewInt(1e18)))
	require.NoError(t, s.FundMOR(ctx, noVotes.Address, deposit))
	pool, err := s.Addr("ComputePool")
	require.NoError(t, err)
	_, err = s.Send(ctx, noVotes.Key, func(o *bind.TransactOpts) (*types.Transaction, error) { return s.Token.Approve(o, pool, deposit) })
	require.NoError(t, err)
	_, err = s.Send(ctx, noVotes.Key, func(o *bind.TransactOpts) (*types.Transaction, error) { return s.Pool.Deposit(o, deposit) })
	require.NoError(t, err)
	// The router sees the deposit and the new model before the page uses them.
	require.NoError(t, poll(ctx, 30*time.Second, 200*time.Millisecond, func() (bool, error) {
		var d struct{ Held string }
		return getJSON(ctx, s.RouterURL+"/v1/deposits", &d) == nil && d.Held == deposit.String(), nil
	}))
	require.NoError(t, poll(ctx, 30*time.Second, 200*time.Millisecond, func() (bool, error) {
		var m struct{ Models []struct{ Name string } }
		if err := getJSON(ctx, s.RouterURL+"/v1/models", &m); err != nil {
			return false, nil
		}
		for _, x := range m.Models {
			if x.Name == none {
				return true, nil
			}
		}
		return false, nil
	}))

	shots := os.Getenv("LT_WEB_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(s.Root, "web", "test", "screenshots", "chat")
	}
	result := filepath.Join(t.TempDir(), "chat-result.json")
	cmd := exec.CommandContext(ctx, node, "--test", "--test-timeout=300000", "web/test/chat.test.mjs")
	cmd.Dir = s.Root
	cmd.Env = append(os.Environ(), "LT_CHAT_BASE_URL="+s.RouterURL, "LT_CHAT_RPC="+s.Anvil.URL, "LT_CHAT_USER_KEY="+s.User.PrivateKeyHex(),
		"LT_CHAT_NOVOTES_KEY="+noVotes.PrivateKeyHex(), "LT_CHAT_ANSWER="+strings.Join(UpstreamAnswer, ""),
		"LT_CHAT_NOPROVIDER_MODEL="+none, "LT_CHAT_RESULT="+result, "LT_WEB_SCREENSHOTS="+shots)
	out, err := cmd.CombinedOutput()
	t.Logf("node --test web/test/chat.test.mjs (router %s):\n%s", s.RouterURL, out)
	require.NoError(t, err, "the chat page's browser test failed")
	require.Contains(t, string(out), "# fail 0")
	t.Logf("screenshots in %s", shots)

	var res struct {
		Sessions []struct {
			ID, Via, Name string
			Deposit       bool
		}
	}
	raw, err := os.ReadFile(result)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(raw, &res))
	require.Len(t, res.Sessions, 4, "the ten-message session, the one paid from the deposit and the two of the failover")

	// Every session closed at the router as the page said, billed at the provider's price. The keeper
	// credits the deposit-paid one from the user's deposit (PROTOCOL §8), so the provider's one claim covers
	// every session.
	owed, fees := new(big.Int), new(big.Int)
	var alone common.Hash // the session the page closed at the router
	var recs []*wire.SessionRecord
	for _, ss := range res.Sessions {
		if ss.Via == "router" {
			alone = common.HexToHash(ss.ID)
		}
		rec, err := s.WaitClosed(ctx, common.HexToHash(ss.ID), 30*time.Second)
		require.NoError(t, err, ss.Name)
		require.NotEqual(t, rec.Ticket.User, rec.Ticket.SessionKey, "%s: a session key signs, not the wallet", ss.Name)
		require.Equal(t, price.String(), rec.Ticket.PricePerSecond.Dec(), ss.Name)
		require.NotNil(t, rec.UserSignature, ss.Name)
		if ss.Via == "provider" {
			require.Equal(t, wire.CloseReceipt, rec.CloseReason, "%s: countersigned by the provider", ss.Name)
		} else {
			require.Equal(t, wire.CloseOneSided, rec.CloseReason, "%s: closed by the user alone", ss.Name)
		}
		recs = append(recs, rec)
		require.Positive(t, rec.BilledSeconds, ss.Name)
		require.Equal(t, ss.Deposit, rec.Ticket.UseDeposit, "%s: the RFC's deposit consent", ss.Name)
		t.Logf("%s: session %s, %s, %d s billed, %d tokens in, %d out", ss.Name, ss.ID, rec.CloseReason, rec.BilledSeconds, rec.Receipt.InputTokens, rec.Receipt.OutputTokens)
		p, b := split(rec.BilledSeconds, price, s.Opts.BuilderFeeBps)
		if ss.Deposit {
			require.Equal(t, noVotes.Address, rec.Ticket.User)
			require.NotNil(t, rec.Payment, ss.Name)
			require.True(t, rec.Payment.Allowance.IsZero(), "%s: no allowance without votes", ss.Name)
			require.Equal(t, new(big.Int).Add(p, b).String(), rec.Payment.Deposit.Dec(), "%s: the deposit pays it all", ss.Name)
		} else {
			require.Equal(t, s.User.Address, rec.Ticket.User, ss.Name)
		}
		owed.Add(owed, p)
		fees.Add(fees, b)
	}
	// The keeper settles them at the honest price, the half-price copy rejected; the provider claims.
	require.NoError(t, s.WaitCommitted(ctx, new(big.Int).Add(owed, fees), 2*time.Minute))
	committed, err := s.Pool.TotalCommitted(&bind.CallOpts{Context: ctx})
	require.NoError(t, err)
	require.Equal(t, new(big.Int).Add(owed, fees).String(), committed.String(), "committed: every session at the honest price")
	require.Equal(t, []common.Hash{alone}, copied(), "the copier undercut the session closed by the user alone")
	var rej keeperRejected
	require.NoError(t, getJSON(ctx, s.KeeperURL+"/v1/rejected", &rej))
	require.Len(t, rej.Rejected, 1)
	require.Equal(t, alone, common.HexToHash(rej.Rejected[0].SessionID))
	require.Equal(t, "ticket_not_accepted", rej.Rejected[0].Code)
	for i, rec := range recs {
		require.NotNil(t, rec.TicketAcceptance, "%s: the close carries the provider's acceptance of its ticket", res.Sessions[i].Name)
		acc, err := settle.AcceptanceSigner(s.Domain, &rec.Ticket, rec.Router, rec.TicketAcceptance)
		require.NoError(t, err, res.Sessions[i].Name)
		require.Equal(t, s.Providers[0].Signer.Address, acc, res.Sessions[i].Name)
	}
	provider := s.Providers[0]
	_, err = s.WaitClaimable(ctx, provider.Owner.Address, owed, 2*time.Minute)
	require.NoError(t, err)
	require.NoError(t, s.ClaimProvider(ctx, provider))
	_, claims, err := s.Settlement(ctx)
	require.NoError(t, err)
	got, n := claimedBy(claims, provider.Owner.Address)
	require.Equal(t, owed.String(), got.String(), "the provider claimed seconds × price less the builder's fee, the deposit-paid session included")
	require.Equal(t, 1, n)
	t.Logf("provider claimed %s wei in %s", got, strconv.Itoa(n)+" claim")
}
